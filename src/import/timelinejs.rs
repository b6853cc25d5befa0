//! TimelineJS3 JSON: the title slide, events with `start_date`/`end_date`
//! objects at the precision of the fields present, eras; HTML made plain.

use serde_json::Value;

use super::dates::long_year;
use super::html::{PlainText, to_plain};
use super::json_place::{JsonPlaces, error_place, scalar_text};
use super::names::host_of;
use super::report::ImportReport;
use super::spreadsheet::source_of;
use super::{GroupAs, ImportOptions, Problems, problems};
use crate::dataset::DatasetError;
use crate::model::{Dataset, EdtfDate, Event, EventKind, Source};

/// Titles made from an event's text are cut to this many characters.
const MADE_TITLE_CHARS: usize = 80;

/// Reads a TimelineJS3 JSON document.
pub fn import(
    name: &str,
    text: &str,
    options: &ImportOptions,
    title: &str,
    report: &mut ImportReport,
) -> Result<(Dataset, Problems), DatasetError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        problems::single(name, Some(error_place(&e)), format!("not valid JSON: {e}"))
    })?;
    let Some(object) = root.as_object() else {
        return Err(problems::single(
            name,
            None,
            "a TimelineJS file is a JSON object with \"events\"",
        ));
    };
    let places = JsonPlaces::new(text);
    let mut builder = options.builder(title);
    let group_as = options.group_as.unwrap_or(GroupAs::Topic);
    let mut found = Problems::new();
    if let Some(slide) = object.get("title") {
        let headline = plain_of(slide.pointer("/text/headline"));
        let description = plain_of(slide.pointer("/text/text"));
        builder.set_title(&headline.text, &description.text);
        for what in ["media", "background"] {
            if slide.get(what).is_some() {
                report.not_kept(format!("the title slide's {what}"));
            }
        }
    }
    let events = object.get("events").and_then(Value::as_array);
    for (i, item) in events.into_iter().flatten().enumerate() {
        report.read += 1;
        let at = places.of(&format!("events[{i}]"));
        match event(item, &mut builder, group_as, report) {
            Ok(event) => builder.push_event(event),
            Err(message) => found.at_place(at, message),
        }
    }
    for (i, era) in object
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = places.of(&format!("eras[{i}]"));
        let name = plain_of(era.pointer("/text/headline")).text;
        let outcome = span(era).and_then(|(date, _)| {
            let date = EdtfDate::parse(&date).map_err(|e| e.to_string())?;
            builder.push_era(&name, date, None)
        });
        if let Err(message) = outcome {
            found.at_place(at, format!("era {name:?}: {message}"));
        }
    }
    if object.get("scale").and_then(Value::as_str) == Some("cosmological") {
        report.note("the cosmological scale: years are read as written, however large");
    }
    Ok((builder.finish(report), found))
}

fn plain_of(value: Option<&Value>) -> PlainText {
    value
        .and_then(Value::as_str)
        .map(to_plain)
        .unwrap_or_default()
}

/// One event; an error message naming it when it cannot be read.
fn event(
    item: &Value,
    builder: &mut super::DatasetBuilder,
    group_as: GroupAs,
    report: &mut ImportReport,
) -> Result<Event, String> {
    let headline = plain_of(item.pointer("/text/headline"));
    let body = plain_of(item.pointer("/text/text"));
    let title = if headline.text.is_empty() {
        made_title(&body.text)
    } else {
        headline.text.clone()
    };
    let owner = if title.is_empty() {
        "an event".to_string()
    } else {
        format!("event {title:?}")
    };
    if title.is_empty() {
        return Err(format!(
            "{owner} has no headline and no text to make a title from"
        ));
    }
    let (date, times) = span(item).map_err(|e| format!("{owner}: {e}"))?;
    let parsed = EdtfDate::parse(&date).map_err(|e| format!("{owner}: {e}"))?;
    let wanted = scalar_text(item.get("unique_id"));
    let id = builder
        .event_id(wanted.as_deref(), &date, &title)
        .map_err(|e| format!("{owner}: {e}"))?;
    let mut note: Vec<String> = times.into_iter().collect();
    for display in [
        item.get("display_date"),
        item.pointer("/start_date/display_date"),
        item.pointer("/end_date/display_date"),
    ] {
        if let Some(display) = scalar_text(display) {
            note.push(format!("Display date: {display}"));
        }
    }
    let mut event = Event {
        id: id.into(),
        kind: EventKind::Other(super::spreadsheet::DEFAULT_KIND.into()),
        cameo: None,
        date: parsed,
        title: title.into(),
        actors: Default::default(),
        counterparts: Default::default(),
        topics: Default::default(),
        place: None,
        at: None,
        summary: body.text.clone().into(),
        sources: sources(item, &headline, &body, report).into(),
        note: (!note.is_empty()).then(|| note.join("\n").into()),
    };
    if let Some(group) = scalar_text(item.get("group")) {
        match group_as {
            GroupAs::Topic => event.topics.extend(builder.topic(&group, None)),
            GroupAs::Actor => event.actors.extend(builder.actor(&group)),
        }
    }
    if item.get("background").is_some() {
        report.not_kept("event backgrounds");
    }
    if item.get("autolink").is_some() {
        report.not_kept("autolink settings");
    }
    Ok(event)
}

/// The first words of a text, for an event that has no headline.
fn made_title(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    if first.chars().count() <= MADE_TITLE_CHARS {
        return first.to_string();
    }
    let cut: String = first.chars().take(MADE_TITLE_CHARS).collect();
    match cut.rfind(' ') {
        Some(at) => format!("{}…", &cut[..at]),
        None => format!("{cut}…"),
    }
}

fn sources(
    item: &Value,
    headline: &PlainText,
    body: &PlainText,
    report: &mut ImportReport,
) -> Vec<Source> {
    let mut sources = Vec::new();
    if let Some(media) = item.get("media") {
        let url = scalar_text(media.get("url")).unwrap_or_default();
        let credit = plain_of(media.get("credit")).text;
        if url.starts_with("http://") || url.starts_with("https://") {
            let mut source = source_of(&url, &credit);
            source.title = Some(plain_of(media.get("caption")).text.into())
                .filter(|c: &crate::model::Text| !c.is_empty());
            sources.push(source);
        } else if !url.is_empty() {
            report.not_kept("media that are not addresses (embedded HTML, quotes)");
        }
        for what in ["thumbnail", "alt", "link"] {
            if media.get(what).is_some() {
                report.not_kept(format!("media {what}s"));
            }
        }
    }
    for (url, text) in headline.links.iter().chain(&body.links) {
        if !sources
            .iter()
            .any(|s: &Source| s.url.as_deref() == Some(url))
        {
            sources.push(Source {
                publisher: host_of(url).unwrap_or(url).to_string().into(),
                title: Some(text.into()).filter(|t: &crate::model::Text| !t.is_empty()),
                url: Some(url.into()),
                published: None,
            });
        }
    }
    sources
}

/// The EDTF date of an item's `start_date` and `end_date` (one date, or an
/// interval), and the times of day an interval drops.
fn span(item: &Value) -> Result<(String, Option<String>), String> {
    let start = item
        .get("start_date")
        .ok_or("it has no start_date")
        .and_then(|d| date_object(d).map_err(|_| "its start_date has no year"))?;
    match item.get("end_date").map(date_object) {
        Some(Ok(end)) if end != start => Ok((
            super::dates::interval(&start, &end)?,
            super::dates::times_of(&start, &end),
        )),
        Some(Err(())) => Err("its end_date has no year".to_string()),
        _ => Ok((start, None)),
    }
}

/// A TimelineJS date object as EDTF, at the precision of the fields present.
pub(crate) fn date_object(value: &Value) -> Result<String, ()> {
    let year = scalar_text(value.get("year")).ok_or(())?;
    let mut text = match long_year(&year) {
        Some(long) => long,
        None if year.chars().all(|c| c.is_ascii_digit()) => format!("{year:0>4}"),
        None => return Ok(year),
    };
    if text.starts_with('Y') {
        return Ok(text);
    }
    let number = |key: &str| scalar_text(value.get(key)).and_then(|t| t.parse::<u32>().ok());
    let Some(month) = number("month") else {
        return Ok(text);
    };
    text.push_str(&format!("-{month:02}"));
    let Some(day) = number("day") else {
        return Ok(text);
    };
    text.push_str(&format!("-{day:02}"));
    if let Some(hour) = number("hour") {
        let minute = number("minute").unwrap_or(0);
        let second = number("second").unwrap_or(0);
        text.push_str(&format!("T{hour:02}:{minute:02}:{second:02}"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(json: &str) -> String {
        date_object(&serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn precision_follows_the_fields_present() {
        assert_eq!(date(r#"{"year": "1901"}"#), "1901");
        assert_eq!(date(r#"{"year": 1901, "month": 5}"#), "1901-05");
        assert_eq!(
            date(r#"{"year": "1901", "month": "05", "day": "9"}"#),
            "1901-05-09"
        );
        assert_eq!(
            date(r#"{"year": 2015, "month": 10, "day": 28, "hour": 16, "minute": 46}"#),
            "2015-10-28T16:46:00"
        );
        assert_eq!(date(r#"{"year": "-13800000000"}"#), "Y-13800000000");
        assert_eq!(date(r#"{"year": -500}"#), "-0500");
        assert!(EdtfDate::parse(&date(r#"{"year": "-13800000000"}"#)).is_ok());
    }
}
