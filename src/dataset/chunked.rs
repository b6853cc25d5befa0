//! Reading the events of a large dataset in parallel.
//!
//! One pass over the text finds where each item of the top-level `events: [...]`
//! list begins and ends (minding strings, comments and nesting). The rest of the
//! document (title, actors, topics) is read first; then runs of events are read
//! as RON lists and checked on all cores. Anything unusual (an attribute such as
//! `#![enable(...)]`, a block comment, a character literal, a syntax error)
//! makes the reader give up, and the caller falls back to the sequential reader,
//! which reports every problem at its exact line and column.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::validate::{self, Finding};
use crate::model::{Dataset, Event};

/// Runs of events smaller than this are not worth a task of their own.
const MIN_CHUNK_BYTES: usize = 256 * 1024;

/// Runs per core: enough that the cores finish a wave at about the same time.
const RUNS_PER_THREAD: usize = 64;

/// Where the events are in a dataset's text.
pub struct Layout {
    /// The byte range of the list's contents, between `[` and `]`.
    items: Range<usize>,
    /// Runs of whole items (with their trailing commas) covering `items`,
    /// each with the position of its first event.
    chunks: Vec<(Range<usize>, usize)>,
    /// The number of items in the list.
    count: usize,
}

/// Shared with a caller that watches the work: how far it got, and whether to stop.
#[derive(Debug, Default)]
pub struct Control {
    /// Set to stop the work at the next run of events.
    pub(crate) cancel: AtomicBool,
    /// Bytes of event text read so far.
    pub(crate) done: AtomicUsize,
    /// Bytes of event text in all (known once the text was scanned).
    pub(crate) total: AtomicUsize,
    /// Bytes of the file read so far.
    pub(crate) read: AtomicU64,
    /// The size of the file, once known.
    pub(crate) size: AtomicU64,
}

/// Why the parallel reader did not produce a dataset.
pub(crate) enum Stop {
    /// The caller asked to stop.
    Cancelled,
    /// The text is not in the plain shape this reader handles, or has a
    /// syntax error: read it sequentially to report it.
    Unusual,
    /// The text parsed but has problems, found at these paths.
    Invalid(Vec<Finding>),
}

/// A run of events, parsed and checked, with the problems found in it.
type CheckedRun = (Vec<Event>, Vec<Finding>);

/// Reads and checks `text` with its events in parallel.
pub fn parse(text: &str, control: &Control) -> Result<Dataset, Stop> {
    let layout = scan(text).ok_or(Stop::Unusual)?;
    let head = head_text(text, &layout);
    parse_runs(
        &head,
        &layout,
        &|range| Some(format!("[{}]", &text[range])),
        control,
    )
}

/// The text without the items of its events list.
pub(crate) fn head_text(text: &str, layout: &Layout) -> String {
    format!(
        "{}{}",
        &text[..layout.items.start],
        &text[layout.items.end..]
    )
}

/// Reads and checks a dataset given the text without its events (`head`),
/// where its events are (`layout`), and a source of the text of each run
/// of events, given by its byte range, wrapped in `[` and `]` as a RON list.
pub(crate) fn parse_runs(
    head: &str,
    layout: &Layout,
    run_text: &(dyn Fn(Range<usize>) -> Option<String> + Sync),
    control: &Control,
) -> Result<Dataset, Stop> {
    control
        .total
        .store(layout.items.len().max(1), Ordering::Relaxed);
    let head: Dataset<String> = super::ron_options()
        .from_str(head)
        .map_err(|_| Stop::Unusual)?;
    if !head.events.is_empty() {
        return Err(Stop::Unusual);
    }
    let mut findings = Vec::new();
    let known = validate::check_head(&head, &mut findings);
    // Runs are read a wave at a time, on all cores, and each wave is moved
    // into the final list before the next is read: the runs of a wave are
    // the only copy of events held twice, whatever the size of the file.
    let wave = rayon::current_num_threads().max(1) * 2;
    let mut events = Vec::with_capacity(layout.count);
    for runs in layout.chunks.chunks(wave) {
        let checked: Vec<Result<CheckedRun, Stop>> = runs
            .par_iter()
            .map(|(range, first)| {
                if control.cancel.load(Ordering::Relaxed) {
                    return Err(Stop::Cancelled);
                }
                let list = run_text(range.clone()).ok_or(Stop::Unusual)?;
                let raw: Vec<Event<String>> = super::ron_options()
                    .from_str(&list)
                    .map_err(|_| Stop::Unusual)?;
                drop(list);
                let mut found = Vec::new();
                let events = raw
                    .into_iter()
                    .enumerate()
                    .map(|(k, e)| validate::check_event(e, first + k, &known, &mut found))
                    .collect();
                control.done.fetch_add(range.len(), Ordering::Relaxed);
                Ok((events, found))
            })
            .collect();
        for run in checked {
            let (run, found) = run?;
            findings.extend(found);
            events.extend(run);
        }
    }
    drop(known);
    validate::finish(head, events, findings).map_err(Stop::Invalid)
}

/// Finds the `events` list of the top-level struct and cuts its items into runs.
pub(crate) fn scan(text: &str) -> Option<Layout> {
    let items_start = events_list(text)?;
    cut_items(text, items_start)
}

/// The position just after the `[` of the top-level struct's `events` list.
fn events_list(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Up to the top-level struct's opening parenthesis.
    loop {
        i = skip_blank(bytes, i)?;
        match bytes.get(i)? {
            b'(' => break,
            b if b.is_ascii_alphabetic() => i += 1,
            _ => return None,
        }
    }
    i += 1;
    // Fields of the top-level struct, until `events`.
    let mut depth = 0usize;
    let items_start = loop {
        i = skip_blank(bytes, i)?;
        let b = *bytes.get(i)?;
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
                i += 1;
            }
            b'"' => i = skip_string(bytes, i)?,
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => i = skip_raw(text, i)?,
            b'\'' => return None,
            _ if depth == 0 && bytes[i..].starts_with(b"events") => {
                let after = i + "events".len();
                if bytes
                    .get(after)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i = after;
                    continue;
                }
                let colon = skip_blank(bytes, after)?;
                if bytes.get(colon) != Some(&b':') {
                    i = after;
                    continue;
                }
                let open = skip_blank(bytes, colon + 1)?;
                if bytes.get(open) != Some(&b'[') {
                    return None;
                }
                break open + 1;
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    };
    Some(items_start)
}

/// The items of the list that starts at `items_start`, cut into runs of
/// whole items of about the same size.
fn cut_items(text: &str, items_start: usize) -> Option<Layout> {
    let bytes = text.as_bytes();
    let threads = rayon::current_num_threads().max(1);
    let target = ((text.len() - items_start) / (threads * RUNS_PER_THREAD)).max(MIN_CHUNK_BYTES);
    let mut chunks = Vec::new();
    let mut chunk_start = items_start;
    let mut chunk_first = 0usize;
    let mut depth = 0usize;
    // An item begins at the first byte after the list's opening or a
    // top-level comma that is neither blank, nor a comma, nor the list's end.
    let starts_item = |i: usize| -> Option<bool> {
        let next = skip_blank(bytes, i)?;
        Some(!matches!(bytes.get(next)?, b']' | b','))
    };
    let mut items = usize::from(starts_item(items_start)?);
    let mut i = items_start;
    let items_end = loop {
        // Bytes that cannot change the nesting are passed over in one run.
        while bytes.get(i).is_some_and(|b| !SPECIAL[*b as usize]) {
            i += 1;
        }
        match *bytes.get(i)? {
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b'}' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b']' if depth == 0 => break i,
            b']' => {
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => {
                i += 1;
                if i - chunk_start >= target {
                    chunks.push((chunk_start..i, chunk_first));
                    chunk_start = i;
                    chunk_first = items;
                }
                items += usize::from(starts_item(i)?);
            }
            b'"' => i = skip_string(bytes, i)?,
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => i = skip_raw(text, i)?,
            b'\'' => return None,
            b'/' => i = skip_blank(bytes, i)?,
            _ => i += 1,
        }
    };
    if chunk_start < items_end {
        chunks.push((chunk_start..items_end, chunk_first));
    }
    Some(Layout {
        items: items_start..items_end,
        chunks,
        count: items,
    })
}

/// The position of the next byte that is neither white space nor inside a
/// line comment; `None` at a block comment, which this reader leaves to the
/// sequential one.
fn skip_blank(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_whitespace() => i += 1,
            Some(b'/') => match bytes.get(i + 1) {
                Some(b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => return None,
            },
            _ => return Some(i),
        }
    }
}

/// The bytes that the scan of the events list stops at: brackets, commas,
/// quotes, comments, character literals and the `r` of a raw string.
const SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    let mut k = 0;
    let stops = b"()[]{},\"'/r";
    while k < stops.len() {
        special[stops[k] as usize] = true;
        k += 1;
    }
    special
};

/// The position just after the string that opens at `start`.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
        match bytes[i] {
            b'"' => return Some(i + 1),
            _ => i += 2,
        }
    }
}

fn skip_raw(text: &str, start: usize) -> Option<usize> {
    let hashes = text[start + 1..].bytes().take_while(|&b| b == b'#').count();
    let open = start + 1 + hashes;
    if text.as_bytes().get(open) != Some(&b'"') {
        return Some(start + 1);
    }
    let close = format!("\"{}", "#".repeat(hashes));
    text[open + 1..]
        .find(&close)
        .map(|n| open + 1 + n + close.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_of_several_bytes_outside_strings_is_stepped_over() {
        let text = "Dataset(title: \"a\", \u{2013}: 1, events: [Event(id: \"x\")])";
        let layout = scan(text).unwrap();
        assert_eq!(layout.count, 1);
    }

    #[test]
    fn cuts_the_events_list_at_top_level_commas() {
        let text = r#"Dataset(title: "a, [b]", events: [
            Event(id: "x", title: "), ] // not a comment"), // a comment, ]
            Event(id: "y", actors: ["a", "b"]),
        ], topics: [])"#;
        let layout = scan(text).unwrap();
        let items = &text[layout.items.clone()];
        assert!(items.trim_start().starts_with("Event(id: \"x\""));
        assert!(items.trim_end().ends_with("\"b\"]),"));
        assert_eq!(layout.chunks.len(), 1);
    }

    #[test]
    fn each_run_knows_the_position_of_its_first_event() {
        let events: Vec<String> = (0..4000)
            .map(|k| {
                format!(
                    "Event(id: \"e{k}\", title: \"a \\\"quoted\\\" ), [title]\", actors: [\"x\"]), // note {k}, ]\n"
                )
            })
            .collect();
        let text = format!("Dataset(title: \"t\", events: [\n{}])", events.concat());
        let layout = scan(&text).unwrap();
        assert_eq!(layout.count, 4000);
        assert!(layout.chunks.len() > 1, "the text is cut into runs");
        for (range, first) in &layout.chunks {
            let before = &text[layout.items.start..range.start];
            assert_eq!(before.matches("Event(").count(), *first);
            let first_id = format!("Event(id: \"e{first}\"");
            assert!(text[range.clone()].contains(&first_id));
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_handle() {
        assert!(scan("#![enable(implicit_some)] Dataset(events: [])").is_none());
        assert!(scan("Dataset(/* x */ events: [])").is_none());
        assert!(scan("Dataset(title: \"t\")").is_none());
    }
}
