//! Finds where an item of a dataset stands in its RON text, so that a problem
//! found after parsing (a duplicate id, a dangling reference, a bad date) is
//! reported at the line of the offending item.
//!
//! It is a small scanner, not a parser: it runs only when there is something
//! to report, over text that has already parsed.

use std::collections::HashMap;

use super::preserve::lex::{skip_raw, skip_string};

/// A place in a text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

impl LineCol {
    /// The line and column of a byte offset in `text`.
    pub(crate) fn of_offset(text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let before = &text.as_bytes()[..offset];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let col = 1 + String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count();
        LineCol { line, col }
    }
}

/// Byte offsets of values, keyed by their path in the document:
/// `events[3]`, `events[3].date`, `actors[1].roles[0].of`.
pub(crate) struct Locator {
    offsets: HashMap<String, usize>,
}

enum Frame {
    Struct { field: Option<String> },
    List { index: usize, started: bool },
}

impl Locator {
    /// Scans `text` and records where every field value and list element begins.
    pub fn new(text: &str) -> Locator {
        let mut offsets = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if text[i..].starts_with("//") {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            if text[i..].starts_with("/*") {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                continue;
            }
            // The first token of a list element marks where the element begins.
            if let Some(Frame::List { index, started }) = stack.last_mut()
                && !*started
                && b != b']'
            {
                *started = true;
                let index = *index;
                offsets.insert(path_of(&stack, Some(index)), i);
            }
            match b {
                b'(' | b'{' => {
                    stack.push(Frame::Struct { field: None });
                    i += 1;
                }
                b'[' => {
                    stack.push(Frame::List {
                        index: 0,
                        started: false,
                    });
                    i += 1;
                }
                b')' | b']' | b'}' => {
                    stack.pop();
                    i += 1;
                }
                b',' => {
                    if let Some(Frame::List { index, started }) = stack.last_mut() {
                        *index += 1;
                        *started = false;
                    }
                    i += 1;
                }
                b'"' => i = skip_string(bytes, i),
                b'r' if bytes.get(i + 1).is_some_and(|&c| c == b'"' || c == b'#') => {
                    i = skip_raw(bytes, i);
                }
                _ if b.is_ascii_alphabetic() || b == b'_' => {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    let mut j = i;
                    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if bytes.get(j) == Some(&b':')
                        && let Some(Frame::Struct { field }) = stack.last_mut()
                    {
                        *field = Some(text[start..i].to_string());
                        let mut value = j + 1;
                        while value < bytes.len() && bytes[value].is_ascii_whitespace() {
                            value += 1;
                        }
                        offsets.insert(path_of(&stack, None), value);
                        i = j + 1;
                    }
                }
                _ => i += 1,
            }
        }
        Locator { offsets }
    }

    /// The byte offset of the value at `path`, or of its nearest enclosing
    /// item that was found (a missing field points at its item).
    pub(crate) fn find(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if let Some(&offset) = self.offsets.get(path) {
                return Some(offset);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

/// The path of the current position: struct fields joined by `.`, list
/// indices in brackets; `element` is the index of a list element just begun.
fn path_of(stack: &[Frame], element: Option<usize>) -> String {
    let mut path = String::new();
    for (depth, frame) in stack.iter().enumerate() {
        let last = depth + 1 == stack.len();
        match frame {
            Frame::Struct { field: Some(field) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(field);
            }
            Frame::Struct { field: None } => {}
            Frame::List { index, .. } => {
                let index = if last {
                    element.unwrap_or(*index)
                } else {
                    *index
                };
                path.push_str(&format!("[{index}]"));
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"Dataset(
    title: "T",
    actors: [
        Actor(id: "IRN", name: "Iran", kind: Country),
        Actor(id: "x", name: "X (a, b)", kind: Person, roles: [
            Role(title: "P", of: "IRN"), // a comment, with [brackets]
            Role(title: "Q", of: "NOPE", from: "2020"),
        ]),
    ],
    events: [
        Event(id: "e1", date: "2022-13-45", place: Some("Dushanbe")),
    ],
)"#;

    fn line_of(path: &str) -> usize {
        let locator = Locator::new(TEXT);
        LineCol::of_offset(TEXT, locator.find(path).unwrap()).line
    }

    #[test]
    fn finds_items_and_fields_by_path() {
        assert_eq!(line_of("actors[0]"), 4);
        assert_eq!(line_of("actors[1].roles[1].of"), 7);
        assert_eq!(line_of("events[0].date"), 11);
        assert_eq!(line_of("title"), 2);
    }

    #[test]
    fn a_missing_field_points_at_its_item() {
        assert_eq!(line_of("events[0].summary"), 11);
        assert_eq!(line_of("actors[1].roles[0].to"), 6);
    }

    #[test]
    fn columns_count_characters() {
        let text = "a\n  é: 1";
        assert_eq!(
            LineCol::of_offset(text, text.len()),
            LineCol { line: 2, col: 7 }
        );
    }
}
