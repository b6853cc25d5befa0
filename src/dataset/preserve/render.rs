//! Items written as RON on one line, as the loader reads them, and values
//! compared by what they mean rather than how they are spelt (`Some("x")`
//! and `"x"`, a field left out and one given empty).

use ron::Value;
use ron::extensions::Extensions;
use serde::Serialize;

/// `value` as RON on one line: `Event(id: "x", kind: Visit, ...)`.
pub(crate) fn one_line<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .compact_structs(true)
        .compact_arrays(true)
        .new_line("\n".to_string());
    // Serializing the model's strings, lists and enums into a String cannot fail.
    let text = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .to_string_pretty(value, config)
        .unwrap_or_else(|e| unreachable!("a dataset item always serializes: {e}"));
    super::super::plain_apostrophes(text.trim())
}

/// What the RON text `text` means, with optional values unwrapped and empty
/// fields of structs left out; `None` when it does not read.
pub(crate) fn meaning(text: &str) -> Option<Value> {
    let value: Value = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str(text)
        .ok()?;
    Some(normal(value))
}

fn normal(value: Value) -> Value {
    match value {
        Value::Option(Some(inner)) => normal(*inner),
        Value::Option(None) => Value::Unit,
        Value::Seq(items) => Value::Seq(items.into_iter().map(normal).collect()),
        Value::Map(map) => Value::Map(
            map.into_iter()
                .map(|(k, v)| (k, normal(v)))
                .filter(|(_, v)| !is_empty(v))
                .collect(),
        ),
        other => other,
    }
}

/// True for what a field may hold when it could as well be left out.
pub(crate) fn is_empty(value: &Value) -> bool {
    match value {
        Value::Unit => true,
        Value::Seq(items) => items.is_empty(),
        Value::String(text) => text.is_empty(),
        _ => false,
    }
}

/// True when the two texts mean the same.
pub(crate) fn same_meaning(a: &str, b: &str) -> bool {
    a == b
        || (matches!((meaning(a), meaning(b)), (Some(x), Some(y)) if x == y)
            && variants(a) == variants(b))
}

/// The bare words of a text that stand for values (`Visit`, `Country`):
/// RON's values read them all as the same unit, so they are compared apart.
fn variants(text: &str) -> Vec<&str> {
    use super::lex::{identifier_end, skip_blank, skip_raw, skip_string};
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i),
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => i = skip_raw(bytes, i),
            b'/' if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => i = skip_blank(bytes, i),
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let end = identifier_end(bytes, i);
                let next = bytes.get(skip_blank(bytes, end));
                let word = &text[i..end];
                if !matches!(next, Some(b':' | b'(')) && word != "None" {
                    words.push(word);
                }
                i = end;
            }
            b if b.is_ascii_digit() => i = identifier_end(bytes, i),
            _ => i += 1,
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Topic};

    #[test]
    fn items_are_written_on_one_line_without_their_defaults() {
        let topic = Topic {
            id: "a".into(),
            name: "A \"quoted\"".into(),
            parent: Some("b".into()),
        };
        assert_eq!(
            one_line(&topic),
            r#"Topic(id: "a", name: "A \"quoted\"", parent: "b")"#
        );
        let source = Source::<String> {
            publisher: "P".into(),
            title: None,
            url: Some("u".into()),
            published: None,
        };
        assert_eq!(one_line(&source), r#"Source(publisher: "P", url: "u")"#);
    }

    #[test]
    fn spellings_of_the_same_value_mean_the_same() {
        assert!(same_meaning(r#"Some("x")"#, r#""x""#));
        assert!(same_meaning(
            "Topic(id: \"a\", parent: None, name: \"A\",)",
            "Topic(id: \"a\",\n name: \"A\")"
        ));
        assert!(same_meaning("[\"a\",\n]", "[\"a\"]"));
        assert!(!same_meaning("Topic(id: \"a\")", "Topic(id: \"b\")"));
        assert!(!same_meaning("Event(kind: Visit)", "Event(kind: Meeting)"));
        assert!(same_meaning(
            "Event(kind: Visit, note: None)",
            "Event(kind: Visit)"
        ));
    }
}
