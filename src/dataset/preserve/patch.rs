//! Rewriting one item in place: the fields whose value changed get the new
//! value's text, fields that went are taken out with their separator, new
//! fields go where the item's order puts them, separated as its other fields
//! are; everything else, comments included, stays as it was. Lists inside an
//! item (sources, roles) are rewritten item by item the same way.

use std::ops::Range;

use super::lex::{Field, Node, Shape, parse_node, skip_blank};
use super::list::{Step, emit_list, pair_segments};
use super::render::{is_empty, meaning, same_meaning};

/// How deep a single item is read: an actor, its roles, their sources and fields.
pub(crate) const ITEM_DEPTH: usize = 8;

/// Text put in place of `range` of the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Splice {
    /// The bytes of the original that go.
    pub(crate) range: Range<usize>,
    /// What comes in their place.
    pub(crate) text: String,
}

impl Splice {
    /// `text` put at `at`, taking nothing out.
    pub(crate) fn insert(at: usize, text: String) -> Splice {
        Splice {
            range: at..at,
            text,
        }
    }
}

/// `text` with `splices` (sorted, not overlapping) applied.
pub(crate) fn apply(text: &str, splices: &mut [Splice]) -> String {
    splices.sort_by_key(|s| (s.range.start, s.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for splice in splices.iter() {
        out.push_str(&text[at..splice.range.start.max(at)]);
        out.push_str(&splice.text);
        at = at.max(splice.range.end);
    }
    out.push_str(&text[at..]);
    out
}

/// Splices that make the struct `old` (in `text`) say what the one-line
/// rendering `new` says, keeping its layout; nothing when they mean the same.
pub(crate) fn patch_struct(text: &str, old: &Node, new: &str, out: &mut Vec<Splice>) {
    let new_node = parse_node(new.as_bytes(), 0, ITEM_DEPTH);
    let (
        Shape::Struct {
            fields: old_fields,
            close,
        },
        Shape::Struct {
            fields: new_fields, ..
        },
    ) = (&old.shape, &new_node.shape)
    else {
        if !same_meaning(&text[old.span.clone()], new) {
            out.push(Splice {
                range: old.span.clone(),
                text: new.to_string(),
            });
        }
        return;
    };
    let name = |f: &Field, t: &str| t[f.name.clone()].to_string();
    let new_names: Vec<String> = new_fields.iter().map(|f| name(f, new)).collect();
    let position = |n: &str| new_names.iter().position(|m| m == n);
    let mut kept: Vec<(usize, usize)> = Vec::new(); // (old index, new index)
    let mut removed = vec![false; old_fields.len()];
    for (k, field) in old_fields.iter().enumerate() {
        let old_value = &text[field.value.span.clone()];
        match position(&name(field, text)) {
            Some(j) => {
                let new_field = &new_fields[j];
                patch_value(text, &field.value, new, &new_field.value, out);
                kept.push((k, j));
            }
            None if meaning(old_value).is_some_and(|v| is_empty(&v)) => {}
            None => removed[k] = true,
        }
    }
    remove_fields(old_fields, &removed, out);
    let separator = separator(text, old_fields);
    let mut into_empty = 0;
    for (j, field) in new_fields.iter().enumerate() {
        if kept.iter().any(|&(_, n)| n == j) {
            continue;
        }
        let entry = format!("{}: {}", &new_names[j], &new[field.value.span.clone()]);
        let anchor = kept.iter().filter(|&&(_, n)| n < j).map(|&(k, _)| k).max();
        match (anchor, kept.iter().map(|&(k, _)| k).min()) {
            (Some(k), _) => out.push(Splice::insert(
                old_fields[k].value.span.end,
                format!("{separator}{entry}"),
            )),
            (None, Some(first)) => out.push(Splice::insert(
                old_fields[first].name.start,
                format!("{entry}{separator}"),
            )),
            (None, None) => {
                let gap = if into_empty == 0 { "" } else { ", " };
                into_empty += 1;
                out.push(Splice::insert(*close, format!("{gap}{entry}")));
            }
        }
    }
}

/// Splices for one field's value: a list item by item, anything else whole.
fn patch_value(text: &str, old: &Node, new_text: &str, new: &Node, out: &mut Vec<Splice>) {
    let new_value = &new_text[new.span.clone()];
    if same_meaning(&text[old.span.clone()], new_value) {
        return;
    }
    match (&old.shape, &new.shape) {
        (
            Shape::List { items, close },
            Shape::List {
                items: new_items, ..
            },
        ) => {
            let new_items: Vec<&str> = new_items
                .iter()
                .map(|item| &new_text[item.span.clone()])
                .collect();
            patch_list(text, items, old.span.start, *close, &new_items, out);
        }
        (Shape::Struct { .. }, Shape::Struct { .. }) => patch_struct(text, old, new_value, out),
        _ => out.push(Splice {
            range: old.span.clone(),
            text: new_value.to_string(),
        }),
    }
}

/// Splices that turn the list `old` into `new` (one-line item texts),
/// matching items by what they mean.
fn patch_list(
    text: &str,
    old: &[Node],
    open: usize,
    close: usize,
    new: &[&str],
    out: &mut Vec<Splice>,
) {
    let mut matched = Vec::with_capacity(new.len());
    let mut cursor = 0;
    for item in new {
        let found = (cursor..old.len()).find(|&k| same_meaning(&text[old[k].span.clone()], item));
        if let Some(k) = found {
            cursor = k + 1;
        }
        matched.push(found);
    }
    let steps = pair_segments(old.len(), &matched);
    let spans: Vec<Range<usize>> = old.iter().map(|n| n.span.clone()).collect();
    for step in &steps {
        if let Step::Patch(k, j) = step {
            patch_struct(text, &old[*k], new[*j], out);
        }
    }
    let inserted = |j: usize, template: Option<usize>| match template {
        Some(k) => styled(&text[spans[k].clone()], new[j]),
        None => new[j].to_string(),
    };
    emit_list(text, &spans, open..close, &steps, &inserted, false, out);
}

/// `new` (one line) written in the layout of `template`, an item of the same
/// kind: its field order, separators and indentation, without its comments.
pub(crate) fn styled(template: &str, new: &str) -> String {
    let plain = evenly_separated(&without_comments(template));
    let node = parse_node(plain.as_bytes(), 0, ITEM_DEPTH);
    if !matches!(node.shape, Shape::Struct { .. }) {
        return new.to_string();
    }
    let mut splices = Vec::new();
    patch_struct(&plain, &node, new, &mut splices);
    apply(&plain, &mut splices)
}

/// The struct `text` with every separator between its fields made its most
/// common one, so that a new item does not copy a neighbour's odd spacing.
fn evenly_separated(text: &str) -> String {
    let node = parse_node(text.as_bytes(), 0, 1);
    let Shape::Struct { fields, .. } = &node.shape else {
        return text.to_string();
    };
    let common = separator(text, fields);
    let mut splices: Vec<Splice> = fields
        .windows(2)
        .map(|pair| pair[0].value.span.end..pair[1].name.start)
        .filter(|gap| text[gap.clone()] != common)
        .map(|range| Splice {
            range,
            text: common.clone(),
        })
        .collect();
    apply(text, &mut splices)
}

/// Takes out the fields marked in `removed`, each with one separator.
fn remove_fields(fields: &[Field], removed: &[bool], out: &mut Vec<Splice>) {
    for (k, field) in fields.iter().enumerate() {
        if !removed[k] {
            continue;
        }
        let kept_after = (k + 1..fields.len()).any(|m| !removed[m]);
        let range = if kept_after {
            field.name.start..fields[k + 1].name.start
        } else if k > 0 {
            fields[k - 1].value.span.end..field.value.span.end
        } else {
            field.name.start..field.value.span.end
        };
        out.push(Splice {
            range,
            text: String::new(),
        });
    }
}

/// What stands between two fields of the struct (`, ` or a line break and
/// indentation), without comments.
/// The most common one wins, the first of equals: `id: "a",   kind: Visit,
/// date: ...` is separated by `, `.
fn separator(text: &str, fields: &[Field]) -> String {
    let gaps: Vec<String> = fields
        .windows(2)
        .map(|pair| without_comments(&text[pair[0].value.span.end..pair[1].name.start]))
        .filter(|gap| gap.trim() == ",")
        .collect();
    let count = |gap: &String| gaps.iter().filter(|g| *g == gap).count();
    let mut best: Option<&String> = None;
    for gap in &gaps {
        if best.is_none_or(|b| count(gap) > count(b)) {
            best = Some(gap);
        }
    }
    best.cloned().unwrap_or_else(|| ", ".to_string())
}

/// `text` without its `//` and `/* */` comments (and the blanks before a line comment).
pub(crate) fn without_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let next = memchr::memchr3(b'"', b'/', b'r', &bytes[i..]).map_or(bytes.len(), |n| i + n);
        out.push_str(&text[i..next]);
        i = next;
        match bytes.get(i) {
            None => break,
            Some(b'"') => {
                let end = super::lex::skip_string(bytes, i);
                out.push_str(&text[i..end]);
                i = end;
            }
            Some(b'r') => {
                let end = super::lex::skip_raw(bytes, i);
                out.push_str(&text[i..end]);
                i = end;
            }
            Some(_) if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => {
                if bytes[i + 1] == b'/' {
                    let kept = out.trim_end_matches([' ', '\t']).len();
                    out.truncate(kept);
                }
                let end = skip_blank(bytes, i);
                let blank = &text[i..end];
                let line_break = blank.rfind('\n').map(|n| {
                    let before_cr = blank[..n].ends_with('\r');
                    n - usize::from(before_cr)
                });
                out.push_str(line_break.map_or("", |n| &blank[n..]));
                i = end;
            }
            Some(_) => {
                out.push('/');
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patched(old: &str, new: &str) -> String {
        let node = parse_node(old.as_bytes(), 0, ITEM_DEPTH);
        let mut splices = Vec::new();
        patch_struct(old, &node, new, &mut splices);
        apply(old, &mut splices)
    }

    #[test]
    fn only_the_changed_value_changes() {
        let old = "Topic(id: \"a\", // the id\n    name: \"A\",\n)";
        let new = "Topic(id: \"a\", name: \"B\")";
        assert_eq!(
            patched(old, new),
            "Topic(id: \"a\", // the id\n    name: \"B\",\n)"
        );
    }

    #[test]
    fn fields_come_and_go_in_the_items_layout() {
        let old = "Topic(\n    id: \"a\",\n    name: \"A\",\n)";
        let new = "Topic(id: \"a\", name: \"A\", parent: \"p\")";
        assert_eq!(
            patched(old, new),
            "Topic(\n    id: \"a\",\n    name: \"A\",\n    parent: \"p\",\n)"
        );
        assert_eq!(
            patched(&patched(old, new), "Topic(id: \"a\", name: \"A\")"),
            old
        );
        let first = patched("Topic(name: \"A\")", "Topic(id: \"a\", name: \"A\")");
        assert_eq!(first, "Topic(id: \"a\", name: \"A\")");
    }

    #[test]
    fn lists_in_items_change_item_by_item() {
        let old = "Event(id: \"e\", sources: [\n    Source(publisher: \"A\"), // kept\n    Source(publisher: \"B\"),\n])";
        let new = "Event(id: \"e\", sources: [Source(publisher: \"A\"), Source(publisher: \"C\", url: \"u\")])";
        assert_eq!(
            patched(old, new),
            "Event(id: \"e\", sources: [\n    Source(publisher: \"A\"), // kept\n    Source(publisher: \"C\", url: \"u\"),\n])"
        );
    }

    #[test]
    fn items_added_to_a_list_on_one_line_follow_its_commas() {
        let plain = "Event(id: \"e\", actors: [\"a\", \"b\"])";
        assert_eq!(
            patched(
                plain,
                "Event(id: \"e\", actors: [\"a\", \"b\", \"c\", \"d\"])"
            ),
            "Event(id: \"e\", actors: [\"a\", \"b\", \"c\", \"d\"])"
        );
        let trailing = "Event(id: \"e\", actors: [\"a\", \"b\",])";
        assert_eq!(
            patched(trailing, "Event(id: \"e\", actors: [\"a\", \"b\", \"c\"])"),
            "Event(id: \"e\", actors: [\"a\", \"b\", \"c\",])"
        );
        assert_eq!(
            patched(plain, "Event(id: \"e\", actors: [\"a\", \"c\", \"b\"])"),
            "Event(id: \"e\", actors: [\"a\", \"c\", \"b\"])"
        );
    }

    #[test]
    fn the_last_item_of_a_list_on_one_line_goes_with_its_comma() {
        let old = "Event(id: \"e\", actors: [\"a\", \"b\", \"c\"])";
        assert_eq!(
            patched(old, "Event(id: \"e\", actors: [\"a\"])"),
            "Event(id: \"e\", actors: [\"a\"])"
        );
        assert_eq!(
            patched(old, "Event(id: \"e\", actors: [\"b\", \"c\"])"),
            "Event(id: \"e\", actors: [\"b\", \"c\"])"
        );
    }

    #[test]
    fn an_empty_struct_gets_its_fields_separated() {
        assert_eq!(
            patched("Topic()", "Topic(id: \"a\", name: \"A\")"),
            "Topic(id: \"a\", name: \"A\")"
        );
    }

    #[test]
    fn comments_are_taken_out_of_templates() {
        assert_eq!(
            without_comments("A(x: \"//\", // c\r\n  y: 1 /* z */)"),
            "A(x: \"//\",\r\n  y: 1 )"
        );
    }
}
