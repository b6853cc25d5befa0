//! Rewriting a list: which old items stay, change, go, and where new ones go,
//! then the splices that do it line by line: an item alone on its lines goes
//! with its lines (and its comment), a new item comes on lines of its own
//! after the item before it, indented as that item is.

use std::collections::HashSet;
use std::ops::Range;

use super::patch::Splice;

/// What becomes of the items of a list, old (by position `k`) and new (`j`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Old item `k` is new item `j` (the same item, perhaps changed).
    Matched(usize, usize),
    /// Old item `k` is rewritten as new item `j` in its place.
    Patch(usize, usize),
    /// Old item `k` goes.
    Delete(usize),
    /// New item `j` comes after old item `after` (at the front when none).
    Insert {
        /// The old item it follows.
        after: Option<usize>,
        /// The new item.
        new: usize,
    },
}

/// The steps from `old_count` old items to the new ones, given for each new
/// item the old item it matches (increasing). Between two matches, old and
/// new items are paired in order; what is left over goes or comes.
pub(crate) fn pair_segments(old_count: usize, matched: &[Option<usize>]) -> Vec<Step> {
    let mut steps = Vec::with_capacity(matched.len().max(old_count));
    let mut next_old = 0;
    let mut pending = Vec::new();
    for (j, found) in matched.iter().enumerate() {
        match found {
            Some(k) => {
                segment(next_old..*k, &pending, &mut steps);
                pending.clear();
                steps.push(Step::Matched(*k, j));
                next_old = k + 1;
            }
            None => pending.push(j),
        }
    }
    segment(next_old..old_count, &pending, &mut steps);
    steps
}

fn segment(olds: Range<usize>, news: &[usize], steps: &mut Vec<Step>) {
    let anchor = olds.start.checked_sub(1);
    let paired = olds.len().min(news.len());
    for (k, &j) in olds.clone().zip(news) {
        steps.push(Step::Patch(k, j));
    }
    for k in olds.start + paired..olds.end {
        steps.push(Step::Delete(k));
    }
    let after = if paired > 0 {
        Some(olds.start + paired - 1)
    } else {
        anchor
    };
    for &j in &news[paired..] {
        steps.push(Step::Insert { after, new: j });
    }
}

/// What follows an item on its line.
struct Tail {
    /// Just after the item's comma, if it has one.
    comma_end: Option<usize>,
    /// Just after the line break that ends the item's line, when only
    /// blanks and a line comment stand between.
    line_end: Option<usize>,
}

fn tail(bytes: &[u8], end: usize) -> Tail {
    let blanks = |mut i: usize| {
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    let mut i = blanks(end);
    let comma_end = (bytes.get(i) == Some(&b',')).then_some(i + 1);
    if let Some(after) = comma_end {
        i = blanks(after);
    }
    if bytes[i..].starts_with(b"//") {
        i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
    }
    let line_end = match bytes.get(i) {
        Some(b'\n') => Some(i + 1),
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
        _ => None,
    };
    Tail {
        comma_end,
        line_end,
    }
}

fn line_start(bytes: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1)
}

/// The indentation of an item that stands alone at the start of its line.
fn own_line_indent<'t>(text: &'t str, span: &Range<usize>) -> Option<&'t str> {
    let start = line_start(text.as_bytes(), span.start);
    let indent = &text[start..span.start];
    indent
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then_some(indent)
}

/// The line break used at `at`'s line, else the text's first, else `\n`.
pub(crate) fn newline_at(text: &str, at: usize) -> &'static str {
    let bytes = text.as_bytes();
    let end = memchr::memchr(b'\n', &bytes[at.min(bytes.len())..]).map(|n| at + n);
    let first = memchr::memchr(b'\n', bytes);
    match end.or(first) {
        Some(n) if n > 0 && bytes[n - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Splices for the `steps` of the list whose items lie at `spans`, between
/// `[` at `brackets.start` and `]` at `brackets.end`. `inserted(j, k)` is the
/// text of new item `j` in the style of old item `k`. An empty list that
/// gets items gets them on lines of their own when `multiline`.
pub(crate) fn emit_list(
    text: &str,
    spans: &[Range<usize>],
    brackets: Range<usize>,
    steps: &[Step],
    inserted: &dyn Fn(usize, Option<usize>) -> String,
    multiline: bool,
    out: &mut Vec<Splice>,
) {
    let bytes = text.as_bytes();
    if spans.is_empty() {
        let items: Vec<String> = steps
            .iter()
            .filter_map(|s| match s {
                Step::Insert { new, .. } => Some(inserted(*new, None)),
                _ => None,
            })
            .collect();
        if !items.is_empty() {
            out.push(Splice {
                range: brackets.start + 1..brackets.end,
                text: empty_list_items(text, brackets.start, &items, multiline),
            });
        }
        return;
    }
    let mut given_comma = HashSet::new();
    let trailing = trailing_deletion(text, spans, steps);
    if let Some(range) = &trailing {
        out.push(Splice {
            range: range.clone(),
            text: String::new(),
        });
    }
    for step in steps {
        match *step {
            Step::Delete(k)
                if trailing
                    .as_ref()
                    .is_some_and(|r| r.contains(&spans[k].start)) => {}
            Step::Delete(k) => out.push(Splice {
                range: deletion(text, &spans[k]),
                text: String::new(),
            }),
            Step::Insert {
                after: Some(k),
                new,
            } => {
                let span = &spans[k];
                let tail = tail(bytes, span.end);
                let item = inserted(new, Some(k));
                match (own_line_indent(text, span), tail.line_end) {
                    (Some(indent), Some(line_end)) => {
                        if tail.comma_end.is_none() && given_comma.insert(k) {
                            out.push(Splice::insert(span.end, ",".to_string()));
                        }
                        let newline = newline_at(text, span.end);
                        out.push(Splice::insert(
                            line_end,
                            format!("{indent}{item},{newline}"),
                        ));
                    }
                    // On one line, the new item takes the list's comma style:
                    // after a comma it brings its own, after the last item
                    // of a list without a trailing comma it comes after one.
                    _ => match tail.comma_end {
                        Some(at) => out.push(Splice::insert(at, format!(" {item},"))),
                        None => out.push(Splice::insert(span.end, format!(", {item}"))),
                    },
                }
            }
            Step::Insert { after: None, new } => {
                let first = &spans[0];
                let item = inserted(new, Some(0));
                match own_line_indent(text, first) {
                    Some(indent) if tail(bytes, first.end).line_end.is_some() => {
                        let newline = newline_at(text, first.end);
                        let at = line_start(bytes, first.start);
                        out.push(Splice::insert(at, format!("{indent}{item},{newline}")));
                    }
                    _ => out.push(Splice::insert(first.start, format!("{item}, "))),
                }
            }
            Step::Matched(..) | Step::Patch(..) => {}
        }
    }
}

/// When the last items of a list go, the list has no trailing comma and the
/// last one does not stand on lines of its own (`["a", "b"]` losing `"b"`):
/// the bytes from the end of the last item kept, so no comma is left dangling.
fn trailing_deletion(text: &str, spans: &[Range<usize>], steps: &[Step]) -> Option<Range<usize>> {
    let last = spans.last()?;
    let deleted: HashSet<usize> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Delete(k) => Some(*k),
            _ => None,
        })
        .collect();
    let bytes = text.as_bytes();
    let own_line =
        own_line_indent(text, last).is_some() && tail(bytes, last.end).line_end.is_some();
    if !deleted.contains(&(spans.len() - 1))
        || tail(bytes, last.end).comma_end.is_some()
        || own_line
    {
        return None;
    }
    let kept = (0..spans.len()).rev().find(|k| !deleted.contains(k))?;
    Some(spans[kept].end..last.end)
}

/// The bytes that go with an item: its whole lines when it stands alone on
/// them, else the item, its comma and the blanks after it.
fn deletion(text: &str, span: &Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let tail = tail(bytes, span.end);
    match (own_line_indent(text, span), tail.line_end) {
        (Some(_), Some(line_end)) => {
            comment_lines_above(text, line_start(bytes, span.start))..line_end
        }
        _ => {
            let mut end = tail.comma_end.unwrap_or(span.end);
            while tail.comma_end.is_some() && bytes.get(end) == Some(&b' ') {
                end += 1;
            }
            span.start..end
        }
    }
}

/// The start of the run of whole-line `//` comments that ends at `start`
/// (a line start): they speak of the item below them.
fn comment_lines_above(text: &str, mut start: usize) -> usize {
    while start > 0 {
        let above = line_start(text.as_bytes(), start - 1);
        if !text[above..start].trim_start().starts_with("//") {
            break;
        }
        start = above;
    }
    start
}

/// The inside of a list that was empty: the items on lines of their own,
/// one step deeper than the line of `[`, or on one line.
pub(crate) fn empty_list_items(
    text: &str,
    open: usize,
    items: &[String],
    multiline: bool,
) -> String {
    if !multiline {
        return items.join(", ");
    }
    let newline = newline_at(text, open);
    let start = line_start(text.as_bytes(), open);
    let outer: String = text[start..open]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let mut inside = String::new();
    for item in items {
        inside.push_str(&format!("{newline}{outer}    {item},"));
    }
    inside.push_str(newline);
    inside.push_str(&outer);
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_items_between_matches_are_paired_then_go_or_come() {
        let steps = pair_segments(3, &[Some(0), None, None, None, Some(2)]);
        assert_eq!(
            steps,
            [
                Step::Matched(0, 0),
                Step::Patch(1, 1),
                Step::Insert {
                    after: Some(1),
                    new: 2
                },
                Step::Insert {
                    after: Some(1),
                    new: 3
                },
                Step::Matched(2, 4),
            ]
        );
        assert_eq!(
            pair_segments(2, &[Some(1)]),
            [Step::Delete(0), Step::Matched(1, 0)]
        );
    }
}
