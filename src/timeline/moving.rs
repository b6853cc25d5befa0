//! Moving a date by a drag, keeping its precision: a year-only date moves by
//! whole years, a month by months, a day by days; and the date under the
//! pointer at the zoom's precision, for a new event.

use crate::model::date::{civil_from_days, days_from_civil};
use crate::model::{EdtfDate, Moment};
use crate::timeline::time_axis::{DAY, YEAR};

/// The length of a month on average, for rounding a drag to whole months.
const MONTH: f64 = YEAR / 12.0;

/// `date` moved by `seconds` (rounded to its precision), both ends of an
/// interval alike, or only its end with `end_only`; none when the date is
/// written in a way that cannot be moved piece by piece (unspecified
/// digits, seasons) or does not move at this distance.
pub(crate) fn moved_date(date: &EdtfDate, seconds: f64, end_only: bool) -> Option<EdtfDate> {
    let text = date.text();
    let moved = match text.split_once('/') {
        Some((start, end)) => {
            let start = if end_only {
                start.to_string()
            } else {
                moved_end(start, seconds)?
            };
            format!("{start}/{}", moved_end(end, seconds)?)
        }
        None if end_only => return None,
        None => moved_end(text, seconds)?,
    };
    (moved != text)
        .then(|| EdtfDate::parse(&moved).ok())
        .flatten()
}

/// One side of a date (`2022-05-17`, `2022?`, `..`) moved by `seconds`.
fn moved_end(side: &str, seconds: f64) -> Option<String> {
    if side.is_empty() || side == ".." {
        return Some(side.to_string());
    }
    let body = side.trim_end_matches(['?', '~', '%']);
    let qualifiers = &side[body.len()..];
    let (day, time) = match body.split_once('T') {
        Some((day, time)) => (day, Some(time)),
        None => (body, None),
    };
    let (negative, digits) = match day.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, day),
    };
    let mut parts = digits.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let year = if negative { -year } else { year };
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let written = match (month, day) {
        (None, _) => format_year(year + (seconds / YEAR).round() as i64),
        (Some(m), None) if (1..=12).contains(&m) => {
            let months = year * 12 + i64::from(m) - 1 + (seconds / MONTH).round() as i64;
            format!(
                "{}-{:02}",
                format_year(months.div_euclid(12)),
                months.rem_euclid(12) + 1
            )
        }
        (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            let days = days_from_civil(year, m, d) + (seconds / DAY).round() as i64;
            let (y, m, d) = civil_from_days(days);
            format!("{}-{m:02}-{d:02}", format_year(y))
        }
        _ => return None,
    };
    let time = time.map(|t| format!("T{t}")).unwrap_or_default();
    Some(format!("{written}{time}{qualifiers}"))
}

/// A year as EDTF writes it: four digits, a minus sign before the era, and
/// `Y` before years of more than four digits.
fn format_year(year: i64) -> String {
    if year.abs() > 9999 {
        format!("Y{year}")
    } else if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

/// The date at `seconds` written at the precision a view of `span` seconds
/// shows: the year over decades, the month over years, else the day.
pub(crate) fn date_at(seconds: f64, span: f64) -> String {
    let (y, m, d, _) = Moment(seconds.floor() as i64).to_civil();
    if span > 30.0 * YEAR {
        format_year(y)
    } else if span > 2.0 * YEAR {
        format!("{}-{m:02}", format_year(y))
    } else {
        format!("{}-{m:02}-{d:02}", format_year(y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(text: &str, days: f64) -> Option<String> {
        let date = EdtfDate::parse(text).unwrap();
        moved_date(&date, days * DAY, false).map(|d| d.text().to_string())
    }

    #[test]
    fn a_date_moves_by_whole_steps_of_its_precision() {
        assert_eq!(moved("2022-05-17", 3.0).as_deref(), Some("2022-05-20"));
        assert_eq!(moved("2022-05", 45.0).as_deref(), Some("2022-06"));
        assert_eq!(moved("2022-12", 31.0).as_deref(), Some("2023-01"));
        assert_eq!(moved("2022", 400.0).as_deref(), Some("2023"));
        assert_eq!(moved("2022?", -365.0).as_deref(), Some("2021?"));
        // Less than half a step does not move it.
        assert_eq!(moved("2022", 100.0), None);
    }

    #[test]
    fn an_interval_moves_whole_or_by_its_end() {
        let date = EdtfDate::parse("2022-05-16/2022-05-18").unwrap();
        let whole = moved_date(&date, 2.0 * DAY, false).unwrap();
        assert_eq!(whole.text(), "2022-05-18/2022-05-20");
        let end = moved_date(&date, 2.0 * DAY, true).unwrap();
        assert_eq!(end.text(), "2022-05-16/2022-05-20");
        // An end before the start is not a date.
        assert!(moved_date(&date, -5.0 * DAY, true).is_none());
        let open = EdtfDate::parse("2022-05/..").unwrap();
        assert_eq!(
            moved_date(&open, 62.0 * DAY, false).unwrap().text(),
            "2022-07/.."
        );
    }

    #[test]
    fn unspecified_digits_do_not_move() {
        assert_eq!(moved("199X", 400.0), None);
    }

    #[test]
    fn a_new_events_date_follows_the_zoom() {
        let at = Moment::from_ymd(2022, 5, 17).0 as f64 + 3600.0;
        assert_eq!(date_at(at, 100.0 * YEAR), "2022");
        assert_eq!(date_at(at, 5.0 * YEAR), "2022-05");
        assert_eq!(date_at(at, 30.0 * DAY), "2022-05-17");
    }
}
