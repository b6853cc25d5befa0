//! CSV export (RFC 4180, UTF-8, CRLF, a header row): one row per event.

use crate::index::EventIdx;
use crate::model::jalali::{JalaliDay, jalali_text};
use crate::model::{Calendar, Dataset, EdtfDate, Event, Moment, Precision};

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

/// The columns added after [`HEADER`] when dates are written in both calendars.
const JALALI_HEADER: [&str; 3] = ["date_jalali", "start_jalali", "end_jalali"];

/// The chosen events of `dataset`, one row each, their dates written in
/// `calendar`: Jalali in the date, start and end columns, or in three more
/// columns after the Gregorian ones for both.
pub fn render(dataset: &Dataset, events: &[EventIdx], calendar: Calendar) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing records into memory cannot fail.
    let mut write = |record: &[String]| {
        writer
            .write_record(record)
            .unwrap_or_else(|e| unreachable!("writing CSV to memory: {e}"));
    };
    let mut header: Vec<String> = HEADER.map(str::to_string).into();
    if calendar == Calendar::Both {
        header.extend(JALALI_HEADER.map(str::to_string));
    }
    write(&header);
    for event in events
        .iter()
        .filter_map(|&i| dataset.events.get(i as usize))
    {
        let mut row: Vec<String> = row(dataset, event).into();
        if calendar.has_jalali() {
            let (start, end) = jalali_bounds(&event.date);
            let jalali = [jalali_text(&event.date).unwrap_or_default(), start, end];
            if calendar == Calendar::Both {
                row.extend(jalali);
            } else {
                row.splice(1..4, jalali);
            }
        }
        write(&row);
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
    let (first, last, time) = included(date);
    let iso = |m: Moment| match time {
        true => format!("{}Z", m.iso_datetime()),
        false => m.iso_day(),
    };
    (shown(first, &iso), shown(last, &iso))
}

/// The bounds of [`bounds`] as Jalali days (`1401-02-11`, with the time of
/// day where the date has one); empty for an open end or outside the calendar.
pub(crate) fn jalali_bounds(date: &EdtfDate) -> (String, String) {
    let (first, last, time) = included(date);
    let jalali = |m: Moment| {
        let (y, month, d, _) = m.to_civil();
        let Some(day) = JalaliDay::of_gregorian(y, month, d) else {
            return String::new();
        };
        match time {
            // The time of day is the same in both calendars.
            true => {
                let iso = m.iso_datetime();
                let clock = iso.split_once('T').map_or("", |(_, clock)| clock);
                format!("{day}T{clock}Z")
            }
            false => day.to_string(),
        }
    };
    (shown(first, &jalali), shown(last, &jalali))
}

/// The first and the last instant a date includes: its first and last day,
/// or for a time of day the instant itself; and whether it has a time of day.
fn included(date: &EdtfDate) -> (Moment, Moment, bool) {
    let (earliest, latest) = (date.earliest(), date.latest());
    let time = date.precision() == Precision::Time;
    let last = match latest {
        open if open.is_open() => open,
        _ if time => Moment(latest.0 - 1),
        _ => latest.add_days(-1),
    };
    (earliest, last, time)
}

/// `m` written by `write`, or nothing for an open end.
fn shown(m: Moment, write: &dyn Fn(Moment) -> String) -> String {
    if m.is_open() { String::new() } else { write(m) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds_of(text: &str) -> (String, String) {
        bounds(&EdtfDate::parse(text).unwrap())
    }

    #[test]
    fn jalali_bounds_are_the_same_days_in_the_jalali_calendar() {
        let of = |text: &str| jalali_bounds(&EdtfDate::parse(text).unwrap());
        assert_eq!(of("2022-05"), ("1401-02-11".into(), "1401-03-10".into()));
        assert_eq!(of("2022-05-17"), ("1401-02-27".into(), "1401-02-27".into()));
        assert_eq!(of("2022-05-17/.."), ("1401-02-27".into(), String::new()));
        assert_eq!(
            of("2022-05-17T14:30:00Z"),
            ("1401-02-27T14:30:00Z".into(), "1401-02-27T14:30:00Z".into())
        );
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
