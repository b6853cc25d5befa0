//! Saving a dataset into the text it was read from, changing only the text
//! of what changed: comments, blank lines, field order, indentation and line
//! endings elsewhere stay byte for byte.
//!
//! One pass over the original text finds the top-level fields and every
//! item of the top-level lists with its key (an id, or an era's name). The
//! items of the dataset are matched to them by key, in order; an item that
//! is the same keeps its bytes, a changed one is rewritten field by field in
//! its own layout ([`patch`]), one that went is taken out with its lines, and
//! a new one comes after the item before it in the dataset, on lines of its
//! own, in the layout of that neighbour ([`list`]). So a saved file lists
//! the items in the dataset's order: an event added at the end of the list
//! comes after the last event.

pub(crate) mod lex;
mod list;
mod patch;
mod render;
mod top;

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::model::Dataset;
pub(crate) use patch::Splice;
use patch::{ITEM_DEPTH, patch_struct, styled};
use render::{is_empty, meaning, one_line, same_meaning};
use top::{Top, TopList};

/// The dataset's fields in the order Annals writes them.
const FIELD_ORDER: [&str; 6] = ["title", "description", "actors", "topics", "events", "eras"];

/// The splices (sorted, not overlapping) that turn `original`, the text the
/// dataset was read from, into the text of `dataset`. `event_touched(id)`
/// tells which events may differ from the text (added, changed or removed
/// since it was read): the others are known to be as written and are not
/// compared. `None` when the text's layout is one this writer does not follow.
pub(crate) fn rewrite(
    original: &str,
    dataset: &Dataset,
    event_touched: &dyn Fn(&str) -> bool,
) -> Option<Vec<Splice>> {
    let top = top::scan(original)?;
    let mut out = Vec::new();
    let title = one_line(&dataset.title);
    let description = one_line(&dataset.description);
    top_atom(original, &top, "title", &title, &mut out);
    top_atom(original, &top, "description", &description, &mut out);
    let all = |_: &str| true;
    top_list(
        original,
        &top,
        "actors",
        &dataset.actors,
        |a| &a.id,
        &all,
        &mut out,
    );
    top_list(
        original,
        &top,
        "topics",
        &dataset.topics,
        |t| &t.id,
        &all,
        &mut out,
    );
    top_list(
        original,
        &top,
        "events",
        &dataset.events,
        |e| &e.id,
        event_touched,
        &mut out,
    );
    top_list(
        original,
        &top,
        "eras",
        &dataset.eras,
        |e| &e.name,
        &all,
        &mut out,
    );
    out.sort_by_key(|s| (s.range.start, s.range.end));
    Some(out)
}

/// Splices for the title or the description: its value replaced, or the
/// field added or taken out.
fn top_atom(text: &str, top: &Top, name: &str, new: &str, out: &mut Vec<Splice>) {
    let empty = meaning(new).is_some_and(|v| is_empty(&v));
    match top.field(text, name) {
        Some(field) if same_meaning(&text[field.value.clone()], new) => {}
        Some(field) if empty => out.push(Splice {
            range: top_field_range(top, text, name).unwrap_or(field.value.clone()),
            text: String::new(),
        }),
        Some(field) => out.push(Splice {
            range: field.value.clone(),
            text: new.to_string(),
        }),
        None if empty => {}
        None => insert_top_field(text, top, name, new.to_string(), out),
    }
}

/// The bytes that go with a top-level field and one separator.
fn top_field_range(top: &Top, text: &str, name: &str) -> Option<Range<usize>> {
    let k = top
        .fields
        .iter()
        .position(|f| &text[f.name.clone()] == name)?;
    let field = &top.fields[k];
    Some(match (top.fields.get(k + 1), k.checked_sub(1)) {
        (Some(next), _) => field.name.start..next.name.start,
        (None, Some(prev)) => top.fields[prev].value.end..field.value.end,
        (None, None) => field.name.start..field.value.end,
    })
}

/// Adds the top-level field `name: value` after the field that comes before
/// it in Annals' order, separated as the other top-level fields are.
fn insert_top_field(text: &str, top: &Top, name: &str, value: String, out: &mut Vec<Splice>) {
    let rank = |n: &str| FIELD_ORDER.iter().position(|f| *f == n).unwrap_or(0);
    let wanted = rank(name);
    let before = top
        .fields
        .iter()
        .filter(|f| rank(&text[f.name.clone()]) < wanted)
        .max_by_key(|f| f.value.end);
    let separator = match top.fields.as_slice() {
        [first, second, ..] => patch::without_comments(&text[first.value.end..second.name.start]),
        _ => format!(",{}    ", list::newline_at(text, 0)),
    };
    let separator = if separator.trim() == "," {
        separator
    } else {
        ", ".to_string()
    };
    match (before, top.fields.first()) {
        (Some(field), _) => out.push(Splice::insert(
            field.value.end,
            format!("{separator}{name}: {value}"),
        )),
        (None, Some(first)) => out.push(Splice::insert(
            first.name.start,
            format!("{name}: {value}{separator}"),
        )),
        (None, None) => out.push(Splice::insert(top.close, format!("{name}: {value}"))),
    }
}

/// The key of an item in the text: a plain string's contents borrowed.
fn key_in<'t>(text: &'t str, key: &Option<Range<usize>>) -> Option<Cow<'t, str>> {
    let range = key.as_ref()?;
    let raw = &text[range.clone()];
    match raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) if !inner.contains('\\') => Some(Cow::Borrowed(inner)),
        _ => top::key_text(text, range).map(Cow::Owned),
    }
}

/// Splices for one top-level list: items matched to the text by key, in order.
fn top_list<T: Serialize>(
    text: &str,
    top: &Top,
    name: &str,
    items: &[T],
    key: impl Fn(&T) -> &str,
    touched: &dyn Fn(&str) -> bool,
    out: &mut Vec<Splice>,
) {
    let Some(list) = top.field(text, name).and_then(|f| f.list.as_ref()) else {
        if !items.is_empty() {
            let rendered: Vec<String> = items.iter().map(one_line).collect();
            let anchor = top.fields.first().map_or(top.close, |f| f.name.start);
            let inside = list::empty_list_items(text, anchor, &rendered, true);
            insert_top_field(text, top, name, format!("[{inside}]"), out);
        }
        return;
    };
    let matched = match_by_key(text, list, items, &key);
    let steps = list::pair_segments(list.items.len(), &matched);
    for step in &steps {
        let (k, j, compare) = match *step {
            list::Step::Matched(k, j) => (k, j, touched(key(&items[j]))),
            list::Step::Patch(k, j) => (k, j, true),
            _ => continue,
        };
        if compare {
            let new = one_line(&items[j]);
            let node = lex::parse_node(text.as_bytes(), list.items[k].span.start, ITEM_DEPTH);
            patch_struct(text, &node, &new, out);
        }
    }
    let spans: Vec<Range<usize>> = list.items.iter().map(|i| i.span.clone()).collect();
    let inserted = |j: usize, template: Option<usize>| {
        let new = one_line(&items[j]);
        match template {
            Some(k) => styled(&text[spans[k].clone()], &new),
            None => new,
        }
    };
    let value = top.field(text, name).map(|f| f.value.clone());
    let open = value.map_or(list.close, |v| v.start);
    list::emit_list(text, &spans, open..list.close, &steps, &inserted, true, out);
}

/// For each item, the item of the text with the same key, keeping the
/// order: most items are where they were, the others are looked up.
fn match_by_key<T>(
    text: &str,
    list: &TopList,
    items: &[T],
    key: &impl Fn(&T) -> &str,
) -> Vec<Option<usize>> {
    let keys: Vec<Option<Cow<str>>> = list.items.iter().map(|i| key_in(text, &i.key)).collect();
    let mut by_key: Option<HashMap<&str, usize>> = None;
    let mut cursor = 0;
    let mut matched = Vec::with_capacity(items.len());
    for item in items {
        let wanted = key(item);
        let found = if keys.get(cursor).and_then(|k| k.as_deref()) == Some(wanted) {
            Some(cursor)
        } else {
            let map = by_key.get_or_insert_with(|| {
                keys.iter()
                    .enumerate()
                    .filter_map(|(k, key)| Some((key.as_deref()?, k)))
                    .collect()
            });
            map.get(wanted).copied().filter(|&k| k >= cursor)
        };
        if let Some(k) = found {
            cursor = k + 1;
        }
        matched.push(found);
    }
    matched
}
