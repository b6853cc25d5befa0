//! EDTF dates (ISO 8601-2): what was written, how precise it is, and the
//! earliest and latest instant it can mean.
//!
//! Parsing and calendar validation are done by the `edtf-core` crate; this
//! module turns its calendar-day bounds into [`Moment`]s that the rest of
//! Annals sorts, filters and draws with.

use std::fmt;

use edtf_core::{Bound, Edtf, IntervalEndpoint};

/// An instant, in whole seconds since 1970-01-01T00:00:00 UTC on the
/// proleptic Gregorian calendar (astronomical years: year 0 is 1 BCE).
///
/// `Moment::MIN` and `Moment::MAX` stand for the open ends of `../B` and
/// `A/..`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub i64);

/// Seconds in a day.
pub(crate) const SECONDS_PER_DAY: i64 = 86_400;

impl Moment {
    /// The open past of an interval written `../B`.
    pub(crate) const MIN: Moment = Moment(i64::MIN);
    /// The open future of an interval written `A/..`.
    pub(crate) const MAX: Moment = Moment(i64::MAX);

    /// Midnight at the start of a calendar day. `month` and `day` must be valid.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Moment {
        Moment(days_from_civil(year, month, day) * SECONDS_PER_DAY)
    }

    /// True for the open ends `MIN` and `MAX`.
    pub(crate) fn is_open(self) -> bool {
        self == Moment::MIN || self == Moment::MAX
    }

    /// The calendar day and time of day: `(year, month, day, seconds into the day)`.
    pub(crate) fn to_civil(self) -> (i64, u32, u32, i64) {
        let days = self.0.div_euclid(SECONDS_PER_DAY);
        let secs = self.0.rem_euclid(SECONDS_PER_DAY);
        let (y, m, d) = civil_from_days(days);
        (y, m, d, secs)
    }

    /// The instant as an ISO 8601 day (`2022-05-16`, `-0043-03-15`), or `..` when open.
    pub(crate) fn iso_day(self) -> String {
        if self.is_open() {
            return "..".to_string();
        }
        let (y, m, d, _) = self.to_civil();
        format_ymd(y, m, d)
    }

    /// The instant as ISO 8601 date and time (`2022-05-16T14:30:00`), or `..` when open.
    pub(crate) fn iso_datetime(self) -> String {
        if self.is_open() {
            return "..".to_string();
        }
        let (y, m, d, s) = self.to_civil();
        format!(
            "{}T{:02}:{:02}:{:02}",
            format_ymd(y, m, d),
            s / 3600,
            (s / 60) % 60,
            s % 60
        )
    }
}

fn format_ymd(y: i64, m: u32, d: u32) -> String {
    if y < 0 {
        format!("-{:04}-{m:02}-{d:02}", -y)
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a count of days since 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// How precisely a date is known: its finest written component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year (or a decade/century with unspecified digits, `199X`).
    Year,
    /// The month (or a season) of a year.
    Month,
    /// The calendar day.
    Day,
    /// A time of day.
    Time,
}

impl Precision {
    /// A lower-case word for display and export: `year`, `month`, `day`, `time`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Time => "time",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a date string is not a usable EDTF date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {text:?}: {reason}")]
pub struct DateError {
    /// The text as written.
    pub(crate) text: String,
    /// What is wrong with it.
    pub(crate) reason: String,
}

/// A parsed EDTF date: the text as written, its precision and qualifiers,
/// and the half-open span `[earliest, latest)` of instants it can mean.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    /// Kept inline (no allocation) up to 24 bytes, which every date but a long interval is.
    text: super::Text,
    precision: Precision,
    uncertain: bool,
    approximate: bool,
    interval: bool,
    earliest: Moment,
    latest: Moment,
}

/// What parsing found in a date besides its text, so that a dataset kept in a
/// binary form can be read back without parsing every date again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateFacts {
    /// The finest component written.
    pub(crate) precision: Precision,
    /// Marked uncertain, or a choice among several dates.
    pub(crate) uncertain: bool,
    /// Marked approximate.
    pub(crate) approximate: bool,
    /// An interval `A/B`.
    pub(crate) interval: bool,
    /// The first instant the date can mean.
    pub(crate) earliest: Moment,
    /// The instant just after the last one it can mean.
    pub(crate) latest: Moment,
}

impl EdtfDate {
    /// Parses an EDTF string such as `2022-05-16`, `2014`, `2022-05-01?`,
    /// `2021-09-16/2021-09-18`, `2020/..` or `-0044-03-15`.
    ///
    /// A time of day without seconds (`2022-05-16T14:30`) is accepted as `:00`.
    pub fn parse(text: &str) -> Result<EdtfDate, DateError> {
        let error = |reason: &str| DateError {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        if text.trim().is_empty() {
            return Err(error("the date is empty"));
        }
        if text.trim() != text {
            return Err(error("remove the spaces around the date"));
        }
        let normalized = with_seconds(text);
        let edtf = Edtf::parse(&normalized).map_err(|e| error(&explain(&normalized, e)))?;
        let bounds = edtf.bounds();
        let (precision, uncertain, approximate, interval, time) = match &edtf {
            Edtf::Date(d) => (
                precision_of(d),
                d.is_uncertain(),
                d.is_approximate(),
                false,
                None,
            ),
            Edtf::DateTime(dt) => (
                Precision::Time,
                false,
                false,
                false,
                Some(time_offset_seconds(&dt.time)),
            ),
            Edtf::Interval(iv) => {
                let dates = [endpoint_date(&iv.start), endpoint_date(&iv.end)];
                let dates = dates.iter().flatten();
                let precision = dates
                    .clone()
                    .map(precision_of)
                    .min()
                    .unwrap_or(Precision::Year);
                (
                    precision,
                    dates.clone().any(|d| d.is_uncertain()),
                    dates.clone().any(|d| d.is_approximate()),
                    true,
                    None,
                )
            }
            Edtf::Set(_) => (Precision::Year, true, edtf.is_approximate(), false, None),
        };
        let earliest = match bounds.earliest {
            Bound::NegativeInfinity => Moment::MIN,
            Bound::Date(d) => Moment::from_ymd(d.year, d.month.into(), d.day.into()),
            Bound::PositiveInfinity | Bound::Unknown => match bounds.latest {
                Bound::Date(d) => Moment::from_ymd(d.year, d.month.into(), d.day.into()),
                _ => return Err(error("the date has no known start or end")),
            },
        };
        let latest = match bounds.latest {
            Bound::PositiveInfinity => Moment::MAX,
            Bound::Date(d) => Moment::from_ymd(d.year, d.month.into(), d.day.into()).add_days(1),
            Bound::NegativeInfinity | Bound::Unknown => match bounds.earliest {
                Bound::Date(d) => {
                    Moment::from_ymd(d.year, d.month.into(), d.day.into()).add_days(1)
                }
                _ => return Err(error("the date has no known start or end")),
            },
        };
        let (earliest, latest) = match time {
            Some(offset) => (Moment(earliest.0 + offset), Moment(earliest.0 + offset + 1)),
            None => (earliest, latest),
        };
        Ok(EdtfDate {
            text: text.into(),
            precision,
            uncertain,
            approximate,
            interval,
            earliest,
            latest,
        })
    }

    /// What parsing found in this date besides its text.
    pub(crate) fn facts(&self) -> DateFacts {
        DateFacts {
            precision: self.precision,
            uncertain: self.uncertain,
            approximate: self.approximate,
            interval: self.interval,
            earliest: self.earliest,
            latest: self.latest,
        }
    }

    /// The date written `text` whose parsing found `facts`: the inverse of
    /// [`EdtfDate::text`] with [`EdtfDate::facts`], for facts this program found.
    pub(crate) fn from_facts(text: super::Text, facts: DateFacts) -> EdtfDate {
        EdtfDate {
            text,
            precision: facts.precision,
            uncertain: facts.uncertain,
            approximate: facts.approximate,
            interval: facts.interval,
            earliest: facts.earliest,
            latest: facts.latest,
        }
    }

    /// The date exactly as written in the dataset.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The finest component written (for an interval, the coarser endpoint).
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// True when marked uncertain (`?` or `%`), or a choice among several dates.
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }

    /// True when marked approximate (`~` or `%`).
    pub(crate) fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// True for an interval `A/B` (including open ends).
    pub fn is_interval(&self) -> bool {
        self.interval
    }

    /// The first instant the date can mean (`Moment::MIN` for `../B`).
    pub fn earliest(&self) -> Moment {
        self.earliest
    }

    /// The instant just after the last one the date can mean (`Moment::MAX` for `A/..`).
    pub fn latest(&self) -> Moment {
        self.latest
    }

    /// A representative instant for sorting: the start, or the end when the start is open.
    pub(crate) fn sort_key(&self) -> Moment {
        if self.earliest == Moment::MIN {
            self.latest
        } else {
            self.earliest
        }
    }

    /// The precision in words, with the qualifiers: "day", "year, uncertain", "month, approximate".
    pub(crate) fn describe_precision(&self) -> String {
        let mut text = self.precision.as_str().to_string();
        if self.interval {
            text.push_str(", interval");
        }
        if self.uncertain {
            text.push_str(", uncertain");
        }
        if self.approximate {
            text.push_str(", approximate");
        }
        text
    }
}

impl Moment {
    /// The same time `days` days later.
    pub fn add_days(self, days: i64) -> Moment {
        Moment(self.0.saturating_add(days.saturating_mul(SECONDS_PER_DAY)))
    }
}

impl fmt::Display for EdtfDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::str::FromStr for EdtfDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EdtfDate::parse(s)
    }
}

impl serde::Serialize for EdtfDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for EdtfDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        EdtfDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn precision_of(date: &edtf_core::Date) -> Precision {
    if date.year.has_unspecified() {
        return Precision::Year;
    }
    match date.precision() {
        edtf_core::Precision::Year => Precision::Year,
        edtf_core::Precision::Month | edtf_core::Precision::Season => {
            if date.month.is_some_and(|m| m.has_unspecified()) {
                Precision::Year
            } else {
                Precision::Month
            }
        }
        edtf_core::Precision::Day => {
            if date.day.is_some_and(|d| d.has_unspecified()) {
                Precision::Month
            } else {
                Precision::Day
            }
        }
    }
}

fn endpoint_date(endpoint: &IntervalEndpoint) -> Option<edtf_core::Date> {
    match endpoint {
        IntervalEndpoint::Date(d)
        | IntervalEndpoint::OnOrBefore(d)
        | IntervalEndpoint::OnOrAfter(d) => Some(*d),
        IntervalEndpoint::Open | IntervalEndpoint::Unknown => None,
    }
}

/// Seconds from midnight UTC of the written local time.
fn time_offset_seconds(time: &edtf_core::Time) -> i64 {
    let local = i64::from(time.hour) * 3600 + i64::from(time.minute) * 60 + i64::from(time.second);
    let shift = match time.shift {
        Some(edtf_core::TimeShift::Offset { minutes, .. }) => i64::from(minutes) * 60,
        Some(edtf_core::TimeShift::Utc) | None => 0,
    };
    local - shift
}

/// Appends `:00` to a time of day written without seconds (`T14:30`).
fn with_seconds(text: &str) -> String {
    if let Some(t) = text.find('T') {
        let time = &text[t + 1..];
        let clock_len = time.find(['Z', '+', '-']).unwrap_or(time.len());
        let clock = &time[..clock_len];
        if clock.len() == 5 && clock.as_bytes()[2] == b':' && !text.contains('/') {
            return format!("{}T{}:00{}", &text[..t], clock, &time[clock_len..]);
        }
    }
    text.to_string()
}

/// A reader's explanation of an `edtf-core` parse error.
fn explain(text: &str, error: edtf_core::ParseError) -> String {
    let shape = "expected an EDTF date such as 2022-05-16, 2022-05, 2014, 2022-05-01?, \
                 2021-09-16/2021-09-18 or 2020/..";
    if text
        .chars()
        .any(|c| c.is_ascii_alphabetic() && !matches!(c, 'T' | 'Z' | 'X' | 'Y' | 'E' | 'S'))
    {
        return shape.to_string();
    }
    format!(
        "{} (at character {}); {shape}",
        error.message,
        error.offset + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> Moment {
        Moment::from_ymd(y, m, d)
    }

    #[test]
    fn civil_round_trip_covers_bce_and_leap_years() {
        for days in (-1_000_000..1_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
        assert_eq!(civil_from_days(days_from_civil(-44, 3, 15)), (-44, 3, 15));
    }

    #[test]
    fn day_precision_spans_one_day() {
        let d = EdtfDate::parse("2022-05-16").unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.earliest(), day(2022, 5, 16));
        assert_eq!(d.latest(), day(2022, 5, 17));
        assert!(!d.is_uncertain() && !d.is_interval());
        assert_eq!(d.text(), "2022-05-16");
    }

    #[test]
    fn month_and_year_precision_span_their_period() {
        let m = EdtfDate::parse("2022-02").unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(
            (m.earliest(), m.latest()),
            (day(2022, 2, 1), day(2022, 3, 1))
        );
        let y = EdtfDate::parse("2014").unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert_eq!(
            (y.earliest(), y.latest()),
            (day(2014, 1, 1), day(2015, 1, 1))
        );
        let leap = EdtfDate::parse("2024-02").unwrap();
        assert_eq!(leap.latest(), day(2024, 3, 1));
        assert_eq!(leap.latest().0 - leap.earliest().0, 29 * SECONDS_PER_DAY);
    }

    #[test]
    fn leap_days_follow_the_gregorian_rules() {
        assert!(EdtfDate::parse("2000-02-29").is_ok());
        assert!(EdtfDate::parse("2024-02-29").is_ok());
        assert!(EdtfDate::parse("1900-02-29").is_err());
        assert!(EdtfDate::parse("2022-02-29").is_err());
    }

    #[test]
    fn qualifiers_are_kept() {
        let q = EdtfDate::parse("2022-05-01?").unwrap();
        assert!(q.is_uncertain() && !q.is_approximate());
        assert_eq!(q.earliest(), day(2022, 5, 1));
        let a = EdtfDate::parse("1991~").unwrap();
        assert!(a.is_approximate() && !a.is_uncertain());
        let both = EdtfDate::parse("2013-11-20%").unwrap();
        assert!(both.is_approximate() && both.is_uncertain());
        assert_eq!(both.describe_precision(), "day, uncertain, approximate");
    }

    #[test]
    fn intervals_cover_both_ends() {
        let i = EdtfDate::parse("2021-09-16/2021-09-18").unwrap();
        assert!(i.is_interval());
        assert_eq!(i.precision(), Precision::Day);
        assert_eq!(
            (i.earliest(), i.latest()),
            (day(2021, 9, 16), day(2021, 9, 19))
        );
        let mixed = EdtfDate::parse("2016/2025-06-13").unwrap();
        assert_eq!(mixed.precision(), Precision::Year);
        assert_eq!(mixed.earliest(), day(2016, 1, 1));
    }

    #[test]
    fn open_ends_are_unbounded() {
        let open_end = EdtfDate::parse("1994-11-16/..").unwrap();
        assert_eq!(open_end.earliest(), day(1994, 11, 16));
        assert_eq!(open_end.latest(), Moment::MAX);
        assert_eq!(open_end.sort_key(), day(1994, 11, 16));
        let open_start = EdtfDate::parse("../2025-01-23").unwrap();
        assert_eq!(open_start.earliest(), Moment::MIN);
        assert_eq!(open_start.latest(), day(2025, 1, 24));
        assert_eq!(open_start.sort_key(), day(2025, 1, 24));
    }

    #[test]
    fn negative_years_are_bce() {
        let ides = EdtfDate::parse("-0044-03-15").unwrap();
        assert_eq!(ides.earliest(), day(-44, 3, 15));
        assert!(ides.earliest() < EdtfDate::parse("0001").unwrap().earliest());
        assert_eq!(ides.earliest().iso_day(), "-0044-03-15");
        let year = EdtfDate::parse("-0500").unwrap();
        assert_eq!(year.precision(), Precision::Year);
    }

    #[test]
    fn time_of_day_is_an_instant() {
        let t = EdtfDate::parse("2022-05-16T14:30:00").unwrap();
        assert_eq!(t.precision(), Precision::Time);
        assert_eq!(t.earliest().0, day(2022, 5, 16).0 + 14 * 3600 + 30 * 60);
        let short = EdtfDate::parse("2022-05-16T14:30").unwrap();
        assert_eq!(short.earliest(), t.earliest());
        assert_eq!(short.text(), "2022-05-16T14:30");
        let shifted = EdtfDate::parse("2022-05-16T14:30:00+04:30").unwrap();
        assert_eq!(shifted.earliest().0, t.earliest().0 - 4 * 3600 - 30 * 60);
        assert_eq!(t.earliest().iso_datetime(), "2022-05-16T14:30:00");
    }

    #[test]
    fn impossible_dates_are_rejected_with_a_reason() {
        for bad in [
            "2022-13-45",
            "2022-02-30",
            "next tuesday",
            "",
            " 2022",
            "2022-05-18/2022-05-16",
        ] {
            let error = EdtfDate::parse(bad).unwrap_err();
            assert!(!error.reason.is_empty(), "{bad}");
        }
        assert!(
            EdtfDate::parse("next tuesday")
                .unwrap_err()
                .reason
                .contains("expected an EDTF date")
        );
    }

    #[test]
    fn unspecified_digits_widen_the_span() {
        let decade = EdtfDate::parse("199X").unwrap();
        assert_eq!(decade.precision(), Precision::Year);
        assert_eq!(
            (decade.earliest(), decade.latest()),
            (day(1990, 1, 1), day(2000, 1, 1))
        );
    }
}
