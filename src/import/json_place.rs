//! Where the items of a JSON file's top-level lists stand in its text, so that
//! a problem of an item (`events[3]`, `items[0]`, a bare list's `[2]`) is
//! reported at its line and column.

use std::collections::HashMap;

use crate::dataset::LineCol;

/// Byte offsets of the items of the top-level lists, keyed `events[3]` or `[3]`.
pub(crate) struct JsonPlaces<'a> {
    text: &'a str,
    offsets: HashMap<String, usize>,
}

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        owner: Option<String>,
        index: usize,
        awaiting: bool,
    },
}

impl<'a> JsonPlaces<'a> {
    /// Scans `text` (already known to be valid JSON).
    pub fn new(text: &'a str) -> JsonPlaces<'a> {
        let bytes = text.as_bytes();
        let mut offsets = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() || b == b':' {
                i += 1;
                continue;
            }
            // An item of a top-level list begins here.
            let depth = stack.len();
            if depth <= 2
                && b != b']'
                && b != b','
                && let Some(Frame::Array {
                    owner,
                    index,
                    awaiting,
                }) = stack.last_mut()
                && *awaiting
            {
                let path = match (owner.as_deref(), depth) {
                    (None, 1) => Some(format!("[{index}]")),
                    (Some(key), 2) => Some(format!("{key}[{index}]")),
                    _ => None,
                };
                *awaiting = false;
                *index += 1;
                if let Some(path) = path {
                    offsets.insert(path, i);
                }
            }
            match b {
                b'{' => {
                    stack.push(Frame::Object {
                        key: None,
                        expecting_key: true,
                    });
                    i += 1;
                }
                b'[' => {
                    let owner = match stack.last() {
                        Some(Frame::Object { key, .. }) if stack.len() == 1 => key.clone(),
                        _ => None,
                    };
                    stack.push(Frame::Array {
                        owner,
                        index: 0,
                        awaiting: true,
                    });
                    i += 1;
                }
                b'}' | b']' => {
                    stack.pop();
                    i += 1;
                }
                b',' => {
                    match stack.last_mut() {
                        Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                        Some(Frame::Array { awaiting, .. }) => *awaiting = true,
                        None => {}
                    }
                    i += 1;
                }
                b'"' => {
                    let end = string_end(bytes, i);
                    if let Some(Frame::Object { key, expecting_key }) = stack.last_mut()
                        && *expecting_key
                    {
                        *key = Some(text[i + 1..end.saturating_sub(1).max(i + 1)].to_string());
                        *expecting_key = false;
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
        JsonPlaces { text, offsets }
    }

    /// The line and column of the item at `path` (`events[3]`), when found.
    pub(crate) fn of(&self, path: &str) -> Option<LineCol> {
        self.offsets
            .get(path)
            .map(|&o| LineCol::of_offset(self.text, o))
    }
}

/// The offset just after the string that starts at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The text of a JSON string or number (`"1901"`, `1901`, `-13800000000`), trimmed; none when empty or of another type.
pub(crate) fn scalar_text(value: Option<&serde_json::Value>) -> Option<String> {
    let text = match value? {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e18 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The place of a JSON syntax error.
pub(crate) fn error_place(error: &serde_json::Error) -> LineCol {
    LineCol {
        line: error.line().max(1),
        col: error.column().max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_top_level_lists_are_found() {
        let text = "{\n  \"title\": {\"x\": [1, 2]},\n  \"events\": [\n    {\"a\": [3]},\n    {\"b\": \"]\"}\n  ]\n}";
        let places = JsonPlaces::new(text);
        assert_eq!(places.of("events[0]"), Some(LineCol { line: 4, col: 5 }));
        assert_eq!(places.of("events[1]"), Some(LineCol { line: 5, col: 5 }));
        assert_eq!(places.of("x[0]"), None);
        let bare = JsonPlaces::new("[\n {\"id\": 1},\n {\"id\": 2}\n]");
        assert_eq!(bare.of("[1]"), Some(LineCol { line: 3, col: 2 }));
    }
}
