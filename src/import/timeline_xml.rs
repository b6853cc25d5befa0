//! The `.timeline` XML files of the desktop program Timeline: events,
//! the category tree, eras, containers, fuzzy dates and milestones.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::dates::interval;
use super::report::ImportReport;
use super::spreadsheet::{DEFAULT_KIND, source_of};
use super::{DatasetBuilder, ImportOptions, Problems, problems};
use crate::dataset::{DatasetError, LineCol};
use crate::model::{Dataset, EdtfDate, Event, EventKind};

/// Event elements Annals has no place for, reported as not kept.
const NOT_KEPT: [&str; 6] = [
    "progress",
    "locked",
    "default_color",
    "alert",
    "icon",
    "done_color",
];

/// Reads a Timeline XML document.
pub fn import(
    name: &str,
    text: &str,
    options: &ImportOptions,
    title: &str,
    report: &mut ImportReport,
) -> Result<(Dataset, Problems), DatasetError> {
    let document = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        problems::single(
            name,
            Some(LineCol {
                line: pos.row as usize,
                col: pos.col as usize,
            }),
            format!("not valid XML: {e}"),
        )
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "timeline" {
        return Err(problems::single(
            name,
            Some(place(&document, root)),
            format!(
                "a Timeline file starts with <timeline>, not <{}>",
                root.tag_name().name()
            ),
        ));
    }
    if let Some(kind) = child_text(root, "timetype").filter(|t| *t != "gregoriantime") {
        return Err(problems::single(
            name,
            Some(place(&document, root)),
            format!(
                "the time type {kind:?} is not calendar dates; Annals reads Timeline files in gregoriantime"
            ),
        ));
    }
    let mut builder = options.builder(title);
    let mut found = Problems::new();
    categories(root, &mut builder);
    let containers = containers(&document, root, &mut builder, report);
    for era in children(root, "eras").flat_map(|e| elements(e, "era")) {
        if let Err(message) = read_era(era, &mut builder) {
            found.at_place(Some(place(&document, era)), message);
        }
    }
    for node in children(root, "events").flat_map(|e| elements(e, "event")) {
        let text = child_text(node, "text").unwrap_or("");
        if container_id(text, '[', ']').is_some() {
            continue;
        }
        report.read += 1;
        match read_event(node, &containers, &mut builder, report) {
            Ok(event) => builder.push_event(event),
            Err(message) => found.at_place(Some(place(&document, node)), message),
        }
    }
    if children(root, "view").next().is_some() {
        report.not_kept("the saved view (displayed period, hidden categories)");
    }
    Ok((builder.finish(report), found))
}

fn place(document: &Document, node: Node) -> LineCol {
    let pos = document.text_pos_at(node.range().start);
    LineCol {
        line: pos.row as usize,
        col: pos.col as usize,
    }
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |c| c.has_tag_name(name))
}

fn elements<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    children(node, name)
}

fn child_text<'a>(node: Node<'a, '_>, name: &'static str) -> Option<&'a str> {
    children(node, name)
        .next()
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn is_true(node: Node, name: &'static str) -> bool {
    child_text(node, name).is_some_and(|t| t.eq_ignore_ascii_case("true"))
}

/// The categories as topics, parents before their children.
fn categories(root: Node, builder: &mut DatasetBuilder) {
    let list: Vec<(&str, Option<&str>)> = children(root, "categories")
        .flat_map(|c| elements(c, "category"))
        .filter_map(|c| Some((child_text(c, "name")?, child_text(c, "parent"))))
        .collect();
    let parents: HashMap<&str, &str> = list.iter().filter_map(|(n, p)| Some((*n, (*p)?))).collect();
    let depth =
        |name: &str| super::names::depth_in(name, |c| parents.get(c).copied(), parents.len());
    let mut ordered = list.clone();
    ordered.sort_by_key(|(name, _)| depth(name));
    for (name, parent) in ordered {
        let parent_id = parent.and_then(|p| builder.topic(p, None));
        builder.topic(name, parent_id.as_deref());
    }
}

/// `[1]Title` (a container) or `(1)Title` (one of its events): the id and the title.
fn container_id(text: &str, open: char, close: char) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(open)?;
    let (id, title) = rest.split_once(close)?;
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric())).then_some((id, title.trim()))
}

/// Each container's id and the topic it became.
fn containers(
    document: &Document,
    root: Node,
    builder: &mut DatasetBuilder,
    report: &mut ImportReport,
) -> HashMap<String, String> {
    let _ = document;
    let mut made = HashMap::new();
    for node in children(root, "events").flat_map(|e| elements(e, "event")) {
        let text = child_text(node, "text").unwrap_or("");
        if let Some((id, title)) = container_id(text, '[', ']')
            && let Some(topic) = builder.topic(if title.is_empty() { id } else { title }, None)
        {
            made.insert(id.to_string(), topic);
            report.note(format!("the container {text:?} became a topic"));
        }
    }
    made
}

fn read_event(
    node: Node,
    containers: &HashMap<String, String>,
    builder: &mut DatasetBuilder,
    report: &mut ImportReport,
) -> Result<Event, String> {
    let text = child_text(node, "text").unwrap_or("");
    let (container, title) = match container_id(text, '(', ')') {
        Some((id, title)) => (containers.get(id).cloned(), title),
        None => (None, text),
    };
    let owner = format!("event {title:?}");
    if title.is_empty() {
        return Err("an event has no text".to_string());
    }
    let date = span(node).map_err(|e| format!("{owner}: {e}"))?;
    let parsed = EdtfDate::parse(&date).map_err(|e| format!("{owner}: {e}"))?;
    let id = builder
        .event_id(None, &date, title)
        .map_err(|e| format!("{owner}: {e}"))?;
    let mut topics: Vec<String> = Vec::new();
    let named = child_text(node, "category").into_iter().chain(
        children(node, "categories")
            .flat_map(|c| elements(c, "category"))
            .filter_map(|c| c.text().map(str::trim)),
    );
    for name in named.collect::<Vec<_>>() {
        if let Some(topic) = builder.topic(name, None)
            && !topics.contains(&topic)
        {
            topics.push(topic);
        }
    }
    topics.extend(container);
    let sources = child_text(node, "hyperlink")
        .map(|links| {
            links
                .split([';', ' ', '\n'])
                .filter(|l| !l.is_empty())
                .map(|l| source_of(l, ""))
                .collect()
        })
        .unwrap_or_default();
    for what in NOT_KEPT {
        if child_text(node, what).is_some_and(|v| v != "0") {
            report.not_kept(format!("event {what}"));
        }
    }
    Ok(Event {
        id: id.into(),
        kind: if is_true(node, "milestone") {
            EventKind::Milestone
        } else {
            EventKind::Other(DEFAULT_KIND.into())
        },
        cameo: None,
        date: parsed,
        title: title.to_string().into(),
        actors: Default::default(),
        counterparts: Default::default(),
        topics: topics.into(),
        place: None,
        at: None,
        summary: child_text(node, "description").unwrap_or("").into(),
        sources,
        note: None,
    })
}

fn read_era(node: Node, builder: &mut DatasetBuilder) -> Result<(), String> {
    let name = child_text(node, "name").unwrap_or("");
    let date = span(node).map_err(|e| format!("era {name:?}: {e}"))?;
    let date = EdtfDate::parse(&date).map_err(|e| format!("era {name:?}: {e}"))?;
    let color = child_text(node, "color").and_then(rgb_to_hex);
    builder.push_era(name, date, color)
}

/// `200,200,255` as `#c8c8ff`.
fn rgb_to_hex(text: &str) -> Option<String> {
    let parts: Vec<u8> = text
        .split(',')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [r, g, b, ..] => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        _ => None,
    }
}

/// The EDTF date of an event or era: its start and end, fuzzy ends marked `?`,
/// a moment at midnight whose start equals its end read as a day.
fn span(node: Node) -> Result<String, String> {
    let start = child_text(node, "start").ok_or("it has no <start>")?;
    let (start_day, start_time) = split(start)?;
    let end = child_text(node, "end").unwrap_or(start);
    let (end_day, end_time) = split(end)?;
    let fuzzy = is_true(node, "fuzzy");
    let mark = |fuzzy_end: bool| if fuzzy || fuzzy_end { "?" } else { "" };
    let (start_mark, end_mark) = (
        mark(is_true(node, "fuzzy_start")),
        mark(is_true(node, "fuzzy_end")),
    );
    if is_true(node, "ends_today") {
        return Ok(format!("{start_day}{start_mark}/.."));
    }
    let whole_days = start_time == "00:00:00" && matches!(end_time, "00:00:00" | "23:59:59");
    if start == end || (whole_days && start_day == end_day) {
        let single = if start_time == "00:00:00" || whole_days {
            format!("{start_day}{start_mark}")
        } else if start_mark.is_empty() {
            format!("{start_day}T{start_time}")
        } else {
            format!("{start_day}{start_mark}")
        };
        return Ok(single);
    }
    if whole_days || start_day != end_day {
        return interval(
            &format!("{start_day}{start_mark}"),
            &format!("{end_day}{end_mark}"),
        );
    }
    // The same day, between two times: the day, as EDTF intervals are of days.
    Ok(format!("{start_day}{start_mark}"))
}

/// `2010-08-31 10:00:00` into its day and its time.
fn split(text: &str) -> Result<(String, &str), String> {
    let (day, time) = text.split_once(' ').unwrap_or((text, "00:00:00"));
    let negative = day.starts_with('-');
    let digits = day.trim_start_matches('-');
    let mut parts = digits.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "{text:?} is not a date written YYYY-MM-DD HH:MM:SS"
        ));
    };
    let year: i64 = y.parse().map_err(|_| format!("{text:?} has no year"))?;
    let year = if negative { -year } else { year };
    let year = match year {
        0..=9999 => format!("{year:04}"),
        -9999..=-1 => format!("-{:04}", -year),
        _ => {
            return Err(format!(
                "{text:?}: years beyond 9999 cannot have a month and a day in EDTF"
            ));
        }
    };
    Ok((format!("{year}-{m}-{d}"), time.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(xml: &str) -> Result<String, String> {
        let document = Document::parse(xml).unwrap();
        span(document.root_element())
    }

    #[test]
    fn dates_follow_the_rules() {
        assert_eq!(
            span_of(
                "<event><start>2010-08-31 00:00:00</start><end>2010-08-31 00:00:00</end></event>"
            )
            .as_deref(),
            Ok("2010-08-31")
        );
        assert_eq!(
            span_of(
                "<event><start>2010-08-31 10:30:00</start><end>2010-08-31 10:30:00</end></event>"
            )
            .as_deref(),
            Ok("2010-08-31T10:30:00")
        );
        assert_eq!(
            span_of(
                "<event><start>2025-01-10 00:00:00</start><end>2025-01-10 23:59:59</end></event>"
            )
            .as_deref(),
            Ok("2025-01-10")
        );
        assert_eq!(span_of("<event><start>2010-08-01 00:00:00</start><end>2010-08-31 00:00:00</end><fuzzy>True</fuzzy></event>").as_deref(), Ok("2010-08-01?/2010-08-31?"));
        assert_eq!(
            span_of(
                "<event><start>2010-08-31 00:00:00</start><end>2010-08-01 00:00:00</end></event>"
            )
            .map_err(|e| e.contains("before")),
            Err(true)
        );
        assert_eq!(rgb_to_hex("200,200,255").as_deref(), Some("#c8c8ff"));
    }
}
