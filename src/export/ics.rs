//! iCalendar export (RFC 5545): one VEVENT per event, written with the
//! `icalendar` crate (CRLF line ends, lines folded at 75 octets).
//!
//! A day-, month- or year-precise date is an all-day event (`VALUE=DATE`) over
//! its bounds, DTEND exclusive; a time of day is a UTC DATE-TIME. An open-ended
//! interval keeps only its known side: `A/..` starts on A with no DTEND (one
//! day), `../B` is placed on B's last day; the DESCRIPTION says so. Dates
//! outside the years 1–9999, which iCalendar cannot write, are left out and
//! counted in `X-ANNALS-SKIPPED`.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, EventLike, Property};

use super::{ExportError, Manifest};
use crate::index::EventIdx;
use crate::model::{Dataset, EdtfDate, Event, Moment, Precision};

/// The chosen events of `dataset` as an iCalendar file.
pub fn render(
    dataset: &Dataset,
    events: &[EventIdx],
    manifest: &Manifest,
) -> Result<Vec<u8>, ExportError> {
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        format!("-//Annals//Annals {}//EN", env!("CARGO_PKG_VERSION")),
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", "PUBLISH"));
    calendar.append_property(text_property("X-WR-CALNAME", &dataset.title));
    calendar.append_property(text_property("X-ANNALS-MANIFEST", &manifest.to_json_line()));
    let stamp = utc_stamp(&manifest.exported_at);
    let mut skipped = 0;
    for event in events
        .iter()
        .filter_map(|&i| dataset.events.get(i as usize))
    {
        match vevent(dataset, event, &stamp) {
            Some(vevent) => {
                calendar.push(vevent);
            }
            None => skipped += 1,
        }
    }
    if skipped > 0 {
        calendar.append_property(Property::new("X-ANNALS-SKIPPED", skipped.to_string()));
    }
    Ok(calendar.done().to_string().into_bytes())
}

/// A property whose value is escaped as TEXT.
fn text_property(key: &str, value: &str) -> Property {
    Property::new(key, value.replace('\r', ""))
        .add_parameter("VALUE", "TEXT")
        .done()
}

/// `2026-11-28T05:30:00Z` as `20261128T053000Z`.
fn utc_stamp(rfc3339: &str) -> String {
    rfc3339.chars().filter(|c| *c != '-' && *c != ':').collect()
}

/// The VEVENT of one event, or none when its dates cannot be written in iCalendar.
fn vevent(dataset: &Dataset, event: &Event, stamp: &str) -> Option<icalendar::Event> {
    let mut vevent = icalendar::Event::new();
    vevent.uid(&format!("{}@annals", event.id));
    vevent.add_property("DTSTAMP", stamp);
    vevent.summary(&event.title.replace('\r', ""));
    let (earliest, latest) = (event.date.earliest(), event.date.latest());
    let open_note = open_side_note(&event.date);
    if event.date.precision() == Precision::Time {
        let start = if earliest.is_open() {
            Moment(latest.0 - 1)
        } else {
            earliest
        };
        vevent.starts(utc_time(start)?);
        if !earliest.is_open() && !latest.is_open() && latest.0 - earliest.0 > 1 {
            vevent.ends(utc_time(latest)?);
        }
    } else {
        match (earliest.is_open(), latest.is_open()) {
            (false, false) => {
                vevent.starts(day(earliest)?);
                vevent.ends(day(latest)?);
            }
            (false, true) => {
                vevent.starts(day(earliest)?);
            }
            (true, false) => {
                vevent.starts(day(latest.add_days(-1))?);
                vevent.ends(day(latest)?);
            }
            (true, true) => return None,
        }
    }
    if event.date.is_uncertain() {
        vevent.add_property("STATUS", "TENTATIVE");
    }
    vevent.add_property("TRANSP", "TRANSPARENT");
    if let Some(place) = &event.place {
        vevent.location(&place.replace('\r', ""));
    }
    if let Some(url) = event.sources.iter().find_map(|s| s.url.as_deref()) {
        vevent.url(url);
    }
    let mut categories = vec![event.kind.label().to_string()];
    categories.extend(
        event
            .topics
            .iter()
            .map(|t| dataset.topic_name(t).to_string()),
    );
    vevent.categories(categories);
    vevent.description(&description(dataset, event, open_note).replace('\r', ""));
    Some(vevent.done())
}

/// What the DESCRIPTION says about the open side of an interval, if it has one.
fn open_side_note(date: &EdtfDate) -> Option<&'static str> {
    match (date.earliest().is_open(), date.latest().is_open()) {
        (true, false) => Some("The start is open; the event is placed on its last known day."),
        (false, true) => Some("The end is open; the event is placed on its first day."),
        _ => None,
    }
}

fn day(moment: Moment) -> Option<NaiveDate> {
    let (y, m, d, _) = moment.to_civil();
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn utc_time(moment: Moment) -> Option<DateTime<Utc>> {
    let (y, ..) = moment.to_civil();
    if !(1..=9999).contains(&y) {
        return None;
    }
    DateTime::from_timestamp(moment.0, 0)
}

/// The summary, then the date with its precision, the sides, topics, sources and note.
fn description(dataset: &Dataset, event: &Event, open_note: Option<&str>) -> String {
    let mut parts = Vec::new();
    if !event.summary.is_empty() {
        parts.push(event.summary.to_string());
    }
    let mut date = format!(
        "Date: {} ({} precision{})",
        event.date.text(),
        event.date.precision(),
        qualifiers(&event.date)
    );
    match event.date.precision() {
        Precision::Month => date.push_str("; the day is not known, so the event spans the month"),
        Precision::Year => date.push_str("; the day is not known, so the event spans the year"),
        _ => {}
    }
    date.push('.');
    if let Some(note) = open_note {
        date.push(' ');
        date.push_str(note);
    }
    parts.push(date);
    if !event.actors.is_empty() {
        parts.push(format!(
            "Actors: {}",
            dataset.actor_names(&event.actors, ", ")
        ));
    }
    if !event.counterparts.is_empty() {
        parts.push(format!(
            "Counterparts: {}",
            dataset.actor_names(&event.counterparts, ", ")
        ));
    }
    if !event.sources.is_empty() {
        let sources: Vec<String> = event
            .sources
            .iter()
            .map(|s| {
                let mut line = format!("- {}", s.publisher);
                if let Some(title) = &s.title {
                    line.push_str(&format!(": {title}"));
                }
                if let Some(url) = &s.url {
                    line.push_str(&format!(" <{url}>"));
                }
                line
            })
            .collect();
        parts.push(format!("Sources:\n{}", sources.join("\n")));
    }
    if let Some(note) = &event.note {
        parts.push(format!("Note: {note}"));
    }
    parts.join("\n\n")
}

fn qualifiers(date: &EdtfDate) -> &'static str {
    match (date.is_uncertain(), date.is_approximate()) {
        (true, true) => ", uncertain and approximate",
        (true, false) => ", uncertain",
        (false, true) => ", approximate",
        (false, false) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::SourceInfo;
    use crate::export::{ExportRequest, Format};
    use crate::query::Filter;

    #[test]
    fn long_non_ascii_lines_are_folded_within_75_octets_on_character_boundaries() {
        let mut dataset = crate::dataset::embedded();
        dataset.events[0].title = "Душанбе — دوشنبه ".repeat(12).into();
        dataset.events[0].summary = "Эмомали Рахмон, «Таджикистан»; ".repeat(20).into();
        let request = ExportRequest::new(
            Format::Ics,
            vec![0],
            Filter::default(),
            SourceInfo::embedded(),
        );
        let manifest = request.manifest(&dataset);
        let bytes = render(&dataset, &[0], &manifest).unwrap();
        let text = String::from_utf8(bytes).expect("folding keeps UTF-8 whole");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", dataset.events[0].title)));
    }
}
