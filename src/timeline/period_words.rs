//! A period in words, the one place for each way of saying it: as the user
//! wrote it ("2022-05-01 – 2022-05-31"), described ("May 2022"), and as the
//! years a set of events covers ("2015–2020").

use crate::model::date::Precision;
use crate::model::date::{SECONDS_PER_DAY, civil_from_days};
use crate::model::{EdtfDate, Moment};
use crate::timeline::ticks::year_label;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A period as written in the filter: "2022-05-01 – 2022-05-31", one date
/// when both ends are the same, and `…` for an open side.
pub(crate) fn as_written(from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!("{} – {}", a.unwrap_or("…"), b.unwrap_or("…")),
    }
}

/// A period in words: "2022", "May 2022", "16 May 2022 – 30 May 2022".
pub(crate) fn describe_span(start: Moment, end: Moment) -> String {
    let first = start.0.div_euclid(SECONDS_PER_DAY);
    let last =
        end.0.div_euclid(SECONDS_PER_DAY) - i64::from(end.0.rem_euclid(SECONDS_PER_DAY) == 0);
    let (y0, m0, d0) = civil_from_days(first);
    let (y1, m1, d1) = civil_from_days(last);
    let next = civil_from_days(last + 1);
    let whole_start = d0 == 1;
    let whole_end = next.2 == 1;
    let year = year_label;
    let month = |m: u32| MONTHS[m as usize - 1];
    if whole_start && whole_end && m0 == 1 && next.1 == 1 {
        if y0 == y1 {
            return year(y0);
        }
        return format!("{}\u{2013}{}", year(y0), year(y1));
    }
    if whole_start && whole_end {
        if y0 == y1 && m0 == m1 {
            return format!("{} {}", month(m0), year(y0));
        }
        return format!(
            "{} {} \u{2013} {} {}",
            month(m0),
            year(y0),
            month(m1),
            year(y1)
        );
    }
    if y0 == y1 && m0 == m1 && d0 == d1 {
        return format!("{d0} {} {}", month(m0), year(y0));
    }
    format!(
        "{d0} {} {} \u{2013} {d1} {} {}",
        month(m0),
        year(y0),
        month(m1),
        year(y1)
    )
}

/// What a date says, as the event form reads it back: "May 2022, month
/// only", "17 May 2022, uncertain", "16 May 2022 – 18 May 2022".
pub(crate) fn date_reading(date: &EdtfDate) -> String {
    let (earliest, latest) = (date.earliest(), date.latest());
    let mut words = match (earliest.is_open(), latest.is_open()) {
        (false, false) => describe_span(earliest, latest),
        (true, false) => format!("until {}", describe_span(Moment(latest.0 - 1), latest)),
        (false, true) => format!(
            "from {}, open end",
            describe_span(earliest, earliest.add_days(1))
        ),
        (true, true) => "open on both sides".to_string(),
    };
    if !date.is_interval() {
        words.push_str(match date.precision() {
            Precision::Year => ", year only",
            Precision::Month => ", month only",
            Precision::Day | Precision::Time => "",
        });
    }
    if date.is_uncertain() {
        words.push_str(", uncertain");
    }
    if date.is_approximate() {
        words.push_str(", approximate");
    }
    words
}

/// The span from `first` to `last` as the years it covers when it runs over
/// two years or more ("2015–2020"), else described as [`describe_span`] does.
pub(crate) fn describe_covered(first: Moment, last: Moment) -> String {
    let (y0, ..) = first.to_civil();
    let (y1, ..) = Moment(last.0 - 1).to_civil();
    if y1 - y0 >= 2 {
        format!("{}\u{2013}{}", year_label(y0), year_label(y1))
    } else {
        describe_span(first, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> Moment {
        Moment::from_ymd(y, m, d)
    }

    #[test]
    fn a_date_is_read_back_with_its_precision_and_qualifiers() {
        let read = |text: &str| date_reading(&EdtfDate::parse(text).unwrap());
        assert_eq!(read("2022-05"), "May 2022, month only");
        assert_eq!(read("2022-05-17"), "17 May 2022");
        assert_eq!(read("2022?"), "2022, year only, uncertain");
        assert_eq!(read("2022-05-16/2022-05-18"), "16 May 2022 – 18 May 2022");
        assert_eq!(read("2022-05-16/.."), "from 16 May 2022, open end");
    }

    #[test]
    fn a_period_is_written_as_typed_or_described() {
        assert_eq!(as_written(Some("2022-05"), Some("2022-05")), "2022-05");
        assert_eq!(as_written(Some("2015"), None), "2015 – …");
        assert_eq!(describe_span(day(2022, 5, 1), day(2022, 6, 1)), "May 2022");
        assert_eq!(describe_span(day(2022, 1, 1), day(2023, 1, 1)), "2022");
        assert_eq!(
            describe_covered(day(2015, 3, 2), day(2020, 7, 1)),
            "2015\u{2013}2020"
        );
        assert_eq!(
            describe_covered(day(2022, 5, 1), day(2022, 6, 1)),
            "May 2022"
        );
    }
}
