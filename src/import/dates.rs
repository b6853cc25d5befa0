//! Dates as people write them in spreadsheets and JSON, read into EDTF:
//! EDTF itself, ISO dates and date-times, `16 May 2022`, `May 16, 2022`,
//! `May 2022`, `2022`, and numeric dates whose order a column settles.

use std::fmt;
use std::str::FromStr;

use crate::model::EdtfDate;
use crate::query::ascii_digits;

/// The order of day, month and year in a numeric date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// `16/05/2022`.
    Dmy,
    /// `05/16/2022`.
    Mdy,
    /// `2022/05/16`.
    Ymd,
}

impl DateOrder {
    /// The order in words, for the report.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            DateOrder::Dmy => "day first (dmy)",
            DateOrder::Mdy => "month first (mdy)",
            DateOrder::Ymd => "year first (ymd)",
        }
    }
}

impl FromStr for DateOrder {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "dmy" => Ok(DateOrder::Dmy),
            "mdy" => Ok(DateOrder::Mdy),
            "ymd" => Ok(DateOrder::Ymd),
            _ => Err(format!("{text:?} is not a date order; use dmy, mdy or ymd")),
        }
    }
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
            DateOrder::Ymd => "ymd",
        })
    }
}

/// Why a date cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// A numeric date such as `05/06/2022` whose order is not known.
    NeedsOrder,
    /// Not a date Annals can read, with why.
    Unreadable(String),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The EDTF text for a date as written, checked; numeric dates are read in `order`.
pub(crate) fn read_date(text: &str, order: Option<DateOrder>) -> Result<String, DateProblem> {
    let text = ascii_digits(text);
    let text = text.trim();
    if text.is_empty() {
        return Err(DateProblem::Unreadable("the date is empty".into()));
    }
    let candidate = if let Some(year) = long_year(text) {
        year
    } else if EdtfDate::parse(text).is_ok() {
        return Ok(text.to_string());
    } else if let Some(iso) = iso_date_time(text) {
        iso
    } else if text.chars().any(|c| c.is_ascii_alphabetic()) {
        with_month_name(text).ok_or_else(|| unreadable(text))?
    } else {
        numeric(text, order)?
    };
    match EdtfDate::parse(&candidate) {
        Ok(_) => Ok(candidate),
        Err(error) => Err(DateProblem::Unreadable(format!(
            "{text:?} is not a real date ({})",
            error.reason
        ))),
    }
}

fn unreadable(text: &str) -> DateProblem {
    DateProblem::Unreadable(format!(
        "cannot read the date {text:?}; write it as 2022-05-16, 16 May 2022, May 2022 or 2022"
    ))
}

/// The EDTF interval from `start` to `end`; an error when it ends before it starts.
///
/// EDTF intervals are of days: times of day are dropped from the ends, and
/// [`times_of`] says what they were.
pub(crate) fn interval(start: &str, end: &str) -> Result<String, String> {
    // A start or end read as an interval itself (a Jalali year) gives its own end.
    let start = start.split_once('/').map_or(start, |(first, _)| first);
    let end = end.rsplit_once('/').map_or(end, |(_, last)| last);
    let (start, end) = (day_of(start), day_of(end));
    if start == end {
        return Ok(start.to_string());
    }
    let (first, last) = match (EdtfDate::parse(start), EdtfDate::parse(end)) {
        (Ok(first), Ok(last)) => (first, last),
        (Err(error), _) | (_, Err(error)) => return Err(error.to_string()),
    };
    if last.latest() <= first.earliest() {
        return Err(format!("it ends ({end}) before it starts ({start})"));
    }
    let text = format!("{start}/{end}");
    match EdtfDate::parse(&text) {
        Ok(_) => Ok(text),
        Err(error) => Err(error.to_string()),
    }
}

/// The day of a date-time (`2022-05-16T09:00:00Z` is `2022-05-16`); other dates as they are.
fn day_of(text: &str) -> &str {
    match text.split_once('T') {
        Some((day, _)) if !day.starts_with('Y') => day,
        _ => text,
    }
}

/// "From 2022-05-16T09:00:00Z to 2022-05-18T18:00:00Z", for the note of an
/// interval whose ends had times of day; none when neither had one.
pub(crate) fn times_of(start: &str, end: &str) -> Option<String> {
    (start.contains('T') || end.contains('T')).then(|| format!("From {start} to {end}"))
}

/// A year alone with five digits or more, or a negative one: `-13800000000`
/// becomes `Y-13800000000`, `-44` becomes `-0044`.
pub(crate) fn long_year(text: &str) -> Option<String> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let negative = text.starts_with('-') && digits != "0";
    let sign = if negative { "-" } else { "" };
    if digits.len() > 4 {
        Some(format!("Y{sign}{digits}"))
    } else if negative {
        Some(format!("-{digits:0>4}"))
    } else {
        None
    }
}

/// An ISO date-time that EDTF does not take as written: a space for the `T`,
/// fractions of a second.
fn iso_date_time(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    if bytes.len() < 16
        || !text.is_char_boundary(10)
        || !bytes[..10].iter().all(|b| b.is_ascii_digit() || *b == b'-')
    {
        return None;
    }
    let (day, rest) = text.split_at(10);
    let rest = rest.strip_prefix([' ', 'T'])?;
    let (time, zone) = match rest.find(['Z', '+']).or_else(|| rest.rfind('-')) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let time = time.split('.').next().unwrap_or(time);
    let zone = zone.trim();
    Some(format!("{day}T{time}{zone}"))
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let word = if word == "sept" { "sep" } else { word };
    MONTHS
        .iter()
        .position(|m| m.starts_with(word) && (word.len() == 3 || *m == word))
        .map(|i| i as u32 + 1)
}

/// `16 May 2022`, `May 16, 2022`, `May 2022`, `16-May-2022`, `Monday, 16 May 2022`.
fn with_month_name(text: &str) -> Option<String> {
    let mut month = None;
    let mut numbers = Vec::new();
    for token in text.split([' ', ',', '-', '/']).filter(|t| !t.is_empty()) {
        if token.chars().all(|c| c.is_ascii_digit()) {
            numbers.push(token);
        } else if let Some(m) = month_number(token) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if !is_weekday(token) {
            return None;
        }
    }
    let month = month?;
    let (day, year) = match numbers.as_slice() {
        [year] if year.len() >= 3 => (None, *year),
        [a, b] if b.len() >= 3 && a.len() <= 2 => (Some(*a), *b),
        [a, b] if a.len() >= 3 && b.len() <= 2 => (Some(*b), *a),
        _ => return None,
    };
    let year: i64 = year.parse().ok()?;
    Some(match day {
        Some(day) => format!("{year:04}-{month:02}-{:02}", day.parse::<u32>().ok()?),
        None => format!("{year:04}-{month:02}"),
    })
}

fn is_weekday(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    let token = token.trim_end_matches('.');
    token.len() >= 3
        && [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|d| d.starts_with(token))
}

/// The parts of a numeric date `a/b/c` (or with `.` or `-`), with the time after a space.
fn numeric_parts(text: &str) -> Option<(Vec<&str>, Option<&str>)> {
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((date, time)) => (date, Some(time.trim())),
        None => (text, None),
    };
    let separator = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    (numeric && matches!(parts.len(), 2 | 3)).then_some((parts, time))
}

/// What a value says of its column's order: day first when its first part is
/// above 12, month first when its second part is; `None` when it cannot tell
/// or needs no order (year first, or month and year).
pub(crate) fn settles(text: &str) -> Option<DateOrder> {
    let text = ascii_digits(text);
    let (parts, _) = numeric_parts(text.trim())?;
    if parts.len() != 3 || parts[0].len() > 2 {
        return None;
    }
    let first: u32 = parts[0].parse().ok()?;
    let second: u32 = parts[1].parse().ok()?;
    match (first > 12, second > 12) {
        (true, false) => Some(DateOrder::Dmy),
        (false, true) => Some(DateOrder::Mdy),
        _ => None,
    }
}

/// True for a numeric date that needs an order to be read: `05/06/2022`.
pub(crate) fn needs_order(text: &str) -> bool {
    let text = ascii_digits(text);
    let text = text.trim();
    numeric_parts(text).is_some_and(|(parts, _)| parts.len() == 3 && parts[0].len() <= 2)
        && EdtfDate::parse(text).is_err()
}

fn numeric(text: &str, order: Option<DateOrder>) -> Result<String, DateProblem> {
    let (parts, time) = numeric_parts(text).ok_or_else(|| unreadable(text))?;
    let (year, month, day) = match (parts.as_slice(), order) {
        ([y, m, d], _) if y.len() >= 3 => (*y, *m, Some(*d)),
        ([m, y], _) if y.len() == 4 => (*y, *m, None),
        ([_, _, y], _) if y.len() != 4 => {
            return Err(DateProblem::Unreadable(format!(
                "the year of {text:?} is not written in full; write four digits"
            )));
        }
        ([d, m, y], Some(DateOrder::Dmy)) => (*y, *m, Some(*d)),
        ([m, d, y], Some(DateOrder::Mdy)) => (*y, *m, Some(*d)),
        ([_, _, _], None) => return Err(DateProblem::NeedsOrder),
        _ => return Err(unreadable(text)),
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| unreadable(text));
    let mut out = format!("{:04}-{:02}", number(year)?, number(month)?);
    if let Some(day) = day {
        out.push_str(&format!("-{:02}", number(day)?));
        if let Some(time) = time.filter(|t| !t.is_empty()) {
            out.push('T');
            out.push_str(time);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<String, DateProblem> {
        read_date(text, None)
    }

    #[test]
    fn written_forms_become_edtf() {
        assert_eq!(read("2022-05-16").as_deref(), Ok("2022-05-16"));
        assert_eq!(read("2022-05-01?").as_deref(), Ok("2022-05-01?"));
        assert_eq!(read("16 May 2022").as_deref(), Ok("2022-05-16"));
        assert_eq!(read("May 16, 2022").as_deref(), Ok("2022-05-16"));
        assert_eq!(read("May 2022").as_deref(), Ok("2022-05"));
        assert_eq!(read("2022").as_deref(), Ok("2022"));
        assert_eq!(read("2022/05/16").as_deref(), Ok("2022-05-16"));
        assert_eq!(read("05/2022").as_deref(), Ok("2022-05"));
        assert_eq!(read("2022-05-16 10:30").as_deref(), Ok("2022-05-16T10:30"));
        assert_eq!(
            read("2022-05-16T10:30:00.250Z").as_deref(),
            Ok("2022-05-16T10:30:00Z")
        );
        assert_eq!(read("-13800000000").as_deref(), Ok("Y-13800000000"));
        assert_eq!(read("-44").as_deref(), Ok("-0044"));
    }

    #[test]
    fn intervals_are_of_days_and_must_not_end_before_they_start() {
        assert_eq!(
            interval("2022-05-16T09:00:00Z", "2022-05-18T18:00:00Z").as_deref(),
            Ok("2022-05-16/2022-05-18")
        );
        assert_eq!(
            interval("2022-05-16T09:00:00Z", "2022-05-16T18:00:00Z").as_deref(),
            Ok("2022-05-16")
        );
        assert!(
            interval("2022-05-18", "2022-05-16").is_err_and(|e| e.contains("before it starts"))
        );
        assert_eq!(
            times_of("2022-05-16T09:00", "2022-05-18"),
            Some("From 2022-05-16T09:00 to 2022-05-18".into())
        );
        assert_eq!(times_of("2022-05-16", "2022-05-18"), None);
    }

    #[test]
    fn numeric_dates_need_their_order() {
        assert_eq!(read("05/06/2022"), Err(DateProblem::NeedsOrder));
        assert_eq!(
            read_date("05/06/2022", Some(DateOrder::Dmy)).as_deref(),
            Ok("2022-06-05")
        );
        assert_eq!(
            read_date("05.06.2022", Some(DateOrder::Mdy)).as_deref(),
            Ok("2022-05-06")
        );
        assert_eq!(settles("16/05/2022"), Some(DateOrder::Dmy));
        assert_eq!(settles("05/16/2022"), Some(DateOrder::Mdy));
        assert_eq!(settles("05/06/2022"), None);
        assert!(needs_order("05/06/2022"));
        assert!(!needs_order("2022-05-06"));
    }

    #[test]
    fn unreadable_dates_are_never_guessed() {
        assert!(matches!(read("soon"), Err(DateProblem::Unreadable(_))));
        assert!(matches!(
            read("31 February 2022"),
            Err(DateProblem::Unreadable(_))
        ));
        assert!(matches!(
            read_date("16/05/22", Some(DateOrder::Dmy)),
            Err(DateProblem::Unreadable(_))
        ));
    }
}
