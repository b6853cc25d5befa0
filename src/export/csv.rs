//! CSV export (RFC 4180, UTF-8, CRLF, a header row): one row per event.

use crate::index::EventIdx;
use crate::model::{Dataset, EdtfDate, Event, Moment, Precision};

/// The header row.
pub(crate) const HEADER: [&str; 14] = [
    "id",
    "date",
    "start",
    "end",
    "precision",
    "kind",
    "cameo",
    "title",
    "actors",
    "counterparts",
    "topics",
    "place",
    "summary",
    "sources",
];

/// The chosen events of `dataset`, one row each.
pub fn render(dataset: &Dataset, events: &[EventIdx]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing records into memory cannot fail.
    let mut write = |record: &[String]| {
        writer
            .write_record(record)
            .unwrap_or_else(|e| unreachable!("writing CSV to memory: {e}"));
    };
    write(&HEADER.map(str::to_string));
    for event in events
        .iter()
        .filter_map(|&i| dataset.events.get(i as usize))
    {
        write(&row(dataset, event));
    }
    writer
        .into_inner()
        .unwrap_or_else(|e| unreachable!("flushing CSV to memory: {e}"))
}

fn row(dataset: &Dataset, event: &Event) -> [String; 14] {
    let (start, end) = bounds(&event.date);
    [
        event.id.to_string(),
        event.date.text().to_string(),
        start,
        end,
        event.date.precision().as_str().to_string(),
        event.kind.slug(),
        event.cameo_code().unwrap_or_default().to_string(),
        event.title.to_string(),
        dataset.actor_names(&event.actors, ";"),
        dataset.actor_names(&event.counterparts, ";"),
        event
            .topics
            .iter()
            .map(|t| dataset.topic_name(t))
            .collect::<Vec<_>>()
            .join(";"),
        event.place.as_deref().unwrap_or_default().to_string(),
        event.summary.to_string(),
        event
            .sources
            .iter()
            .map(|s| match &s.url {
                Some(url) => format!("{} {url}", s.publisher),
                None => s.publisher.to_string(),
            })
            .collect::<Vec<_>>()
            .join(";"),
    ]
}

/// The ISO bounds of a date: the first day and the last day included
/// (the instant itself for a time of day); empty for an open end.
pub(crate) fn bounds(date: &EdtfDate) -> (String, String) {
    let (earliest, latest) = (date.earliest(), date.latest());
    let shown = |m: Moment, f: &dyn Fn(Moment) -> String| {
        if m.is_open() { String::new() } else { f(m) }
    };
    if date.precision() == Precision::Time {
        let last = if latest.is_open() {
            latest
        } else {
            Moment(latest.0 - 1)
        };
        let utc = |m: Moment| format!("{}Z", m.iso_datetime());
        (shown(earliest, &utc), shown(last, &utc))
    } else {
        let last = if latest.is_open() {
            latest
        } else {
            latest.add_days(-1)
        };
        (
            shown(earliest, &Moment::iso_day),
            shown(last, &Moment::iso_day),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds_of(text: &str) -> (String, String) {
        bounds(&EdtfDate::parse(text).unwrap())
    }

    #[test]
    fn bounds_are_the_first_and_last_days_included() {
        assert_eq!(
            bounds_of("2022-05"),
            ("2022-05-01".into(), "2022-05-31".into())
        );
        assert_eq!(
            bounds_of("2014"),
            ("2014-01-01".into(), "2014-12-31".into())
        );
        assert_eq!(
            bounds_of("2022-05-16"),
            ("2022-05-16".into(), "2022-05-16".into())
        );
        assert_eq!(
            bounds_of("1994-11-16/.."),
            ("1994-11-16".into(), String::new())
        );
        assert_eq!(
            bounds_of("2022-05-16T14:30:00Z"),
            ("2022-05-16T14:30:00Z".into(), "2022-05-16T14:30:00Z".into())
        );
    }
}
