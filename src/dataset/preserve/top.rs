//! One pass over a whole dataset's text that finds its top-level fields and,
//! for each of its lists (actors, topics, events, eras), where every item
//! lies and the text of its key (an id, or an era's name), without reading
//! the items any further.

use std::ops::Range;

use super::lex::{identifier_end, skip_blank, skip_string, skip_value};

/// The top-level struct of a dataset's text.
#[derive(Debug)]
pub(crate) struct Top {
    /// Its fields, in the order of the text.
    pub(crate) fields: Vec<TopField>,
    /// The position of its closing parenthesis.
    pub(crate) close: usize,
}

/// One field of the top-level struct.
#[derive(Debug)]
pub(crate) struct TopField {
    /// Where its name lies.
    pub(crate) name: Range<usize>,
    /// Where its value lies.
    pub(crate) value: Range<usize>,
    /// The items, when the value is a list.
    pub(crate) list: Option<TopList>,
}

/// A top-level list and its items.
#[derive(Debug)]
pub(crate) struct TopList {
    /// The position of `]`.
    pub(crate) close: usize,
    /// Each item's text and its key's text.
    pub(crate) items: Vec<TopItem>,
}

/// An item of a top-level list.
#[derive(Debug, Clone)]
pub(crate) struct TopItem {
    /// Where the item lies.
    pub(crate) span: Range<usize>,
    /// The text of its key's value (`"IRN"`), when found.
    pub(crate) key: Option<Range<usize>>,
}

impl Top {
    /// The field named `name`.
    pub(crate) fn field(&self, text: &str, name: &str) -> Option<&TopField> {
        self.fields.iter().find(|f| &text[f.name.clone()] == name)
    }
}

/// Reads the top level of `text`; `None` when it is not a struct of named fields.
pub(crate) fn scan(text: &str) -> Option<Top> {
    let bytes = text.as_bytes();
    let mut i = skip_blank(bytes, 0);
    while bytes[i..].starts_with(b"#![") {
        i = skip_blank(bytes, skip_value(bytes, i + 2));
    }
    i = skip_blank(bytes, identifier_end(bytes, i));
    if bytes.get(i) != Some(&b'(') {
        return None;
    }
    let mut fields = Vec::new();
    i = skip_blank(bytes, i + 1);
    while bytes.get(i) != Some(&b')') {
        let name_end = identifier_end(bytes, i);
        let colon = skip_blank(bytes, name_end);
        if name_end == i || bytes.get(colon) != Some(&b':') {
            return None;
        }
        let name = i..name_end;
        let start = skip_blank(bytes, colon + 1);
        let (value, list) = if bytes.get(start) == Some(&b'[') {
            let list = scan_list(bytes, start, key_of(&text[name.clone()]))?;
            (start..list.close + 1, Some(list))
        } else {
            (start..skip_value(bytes, start), None)
        };
        i = skip_blank(bytes, value.end);
        fields.push(TopField { name, value, list });
        match bytes.get(i)? {
            b',' => i = skip_blank(bytes, i + 1),
            b')' => {}
            _ => return None,
        }
    }
    Some(Top { fields, close: i })
}

/// The field that identifies the items of a top-level list.
fn key_of(list: &str) -> &'static str {
    if list == "eras" { "name" } else { "id" }
}

fn scan_list(bytes: &[u8], open: usize, key: &str) -> Option<TopList> {
    let mut items = Vec::new();
    let mut i = skip_blank(bytes, open + 1);
    while bytes.get(i)? != &b']' {
        let end = skip_value(bytes, i);
        if end > bytes.len() || end == i {
            return None;
        }
        items.push(TopItem {
            span: i..end,
            key: find_key(bytes, i, end, key),
        });
        i = skip_blank(bytes, end);
        match bytes.get(i)? {
            b',' => i = skip_blank(bytes, i + 1),
            b']' => {}
            _ => return None,
        }
    }
    Some(TopList { close: i, items })
}

/// The value of the field `key` among the first-level fields of the item at `start..end`.
fn find_key(bytes: &[u8], start: usize, end: usize, key: &str) -> Option<Range<usize>> {
    let open = skip_blank(bytes, identifier_end(bytes, start));
    if bytes.get(open) != Some(&b'(') {
        return None;
    }
    let mut i = skip_blank(bytes, open + 1);
    while i < end {
        let name_end = identifier_end(bytes, i);
        let colon = skip_blank(bytes, name_end);
        if name_end == i || bytes.get(colon) != Some(&b':') {
            return None;
        }
        let value = skip_blank(bytes, colon + 1);
        let value_end = if bytes.get(value) == Some(&b'"') {
            skip_string(bytes, value)
        } else {
            skip_value(bytes, value)
        };
        if &bytes[i..name_end] == key.as_bytes() {
            return Some(value..value_end);
        }
        i = skip_blank(bytes, value_end);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i = skip_blank(bytes, i + 1);
    }
    None
}

/// The key as a string: a plain string's contents, else the string RON reads.
pub(crate) fn key_text(text: &str, key: &Range<usize>) -> Option<String> {
    let raw = &text[key.clone()];
    match raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) if !inner.contains('\\') => Some(inner.to_string()),
        _ => ron::from_str::<String>(raw).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_and_their_keys() {
        let text = "// head\nDataset(\n  title: \"T, (x)\", // c\n  actors: [\n    Actor(id: \"a\", name: \"A\"), // one\n    Actor(name: \"B\", id: \"b\",),\n  ],\n  eras: [Era(name: \"E\", date: \"2020\")],\n)\n";
        let top = scan(text).unwrap();
        assert_eq!(top.fields.len(), 3);
        assert_eq!(&text[top.fields[0].value.clone()], "\"T, (x)\"");
        let actors = top.field(text, "actors").unwrap().list.as_ref().unwrap();
        let keys: Vec<String> = actors
            .items
            .iter()
            .map(|item| key_text(text, item.key.as_ref().unwrap()).unwrap())
            .collect();
        assert_eq!(keys, ["a", "b"]);
        assert!(text[actors.items[1].span.clone()].ends_with("\"b\",)"));
        let eras = top.field(text, "eras").unwrap().list.as_ref().unwrap();
        assert_eq!(
            key_text(text, eras.items[0].key.as_ref().unwrap()).unwrap(),
            "E"
        );
    }
}
