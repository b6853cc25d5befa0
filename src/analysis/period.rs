//! The periods events are counted in: years, months, ISO weeks and days, and
//! the coarser row an event falls into when its date is vaguer than the unit.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::date::{SECONDS_PER_DAY, civil_from_days, days_from_civil};
use crate::model::{EdtfDate, Moment};

/// The unit of time events are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodUnit {
    /// Calendar years: `2022`.
    #[default]
    Year,
    /// Calendar months: `2022-05`.
    Month,
    /// ISO 8601 weeks, Monday to Sunday, in their week-numbering year: `2022-W19`.
    Week,
    /// Calendar days: `2022-05-16`.
    Day,
}

impl PeriodUnit {
    /// Every unit, coarsest first.
    pub const ALL: [PeriodUnit; 4] = [
        PeriodUnit::Year,
        PeriodUnit::Month,
        PeriodUnit::Week,
        PeriodUnit::Day,
    ];

    /// The word used on the command line: `year`, `month`, `week`, `day`.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodUnit::Year => "year",
            PeriodUnit::Month => "month",
            PeriodUnit::Week => "week",
            PeriodUnit::Day => "day",
        }
    }

    /// The position of this unit in [`PeriodUnit::ALL`].
    pub(crate) fn position(self) -> usize {
        self as usize
    }

    /// The finest unit whose periods are at least `days` long, for a chart
    /// that should show about `bars` bars over a span of `days` days.
    pub(crate) fn for_span(days: f64, bars: f64) -> PeriodUnit {
        let per_bar = days / bars.max(1.0);
        if per_bar <= 1.5 {
            PeriodUnit::Day
        } else if per_bar <= 10.0 {
            PeriodUnit::Week
        } else if per_bar <= 45.0 {
            PeriodUnit::Month
        } else {
            PeriodUnit::Year
        }
    }
}

impl fmt::Display for PeriodUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PeriodUnit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PeriodUnit::ALL
            .into_iter()
            .find(|u| u.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown period {s:?}; choose one of year, month, week, day"))
    }
}

/// How long a counted period is: the unit itself, or a coarser one for vaguer dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodLength {
    /// One day.
    Day,
    /// One ISO week.
    Week,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
    /// Several years (a decade written `199X`, a set of years, a long interval).
    Years,
}

/// One period a count belongs to: a day, a week, a month, a year or a run of
/// years, as the days it covers.
///
/// Periods sort by their first day, a longer one before the shorter ones that
/// start with it (`2022` before `2022-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountedPeriod {
    /// Its length.
    pub(crate) length: PeriodLength,
    /// Its first day, in days since 1970-01-01.
    pub(crate) first_day: i64,
    /// The day after its last, in days since 1970-01-01.
    pub(crate) end_day: i64,
}

impl Ord for CountedPeriod {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day
            .cmp(&other.first_day)
            .then(other.end_day.cmp(&self.end_day))
            .then(other.length.cmp(&self.length))
    }
}

impl PartialOrd for CountedPeriod {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl CountedPeriod {
    /// The period that an event spanning `[earliest, latest)` is counted in
    /// when counting by `unit`: the unit's period holding the whole span, or
    /// else the shortest coarser one that holds it (a month, a year, the years).
    pub(crate) fn containing(unit: PeriodUnit, earliest: Moment, latest: Moment) -> CountedPeriod {
        let first = earliest.0.div_euclid(SECONDS_PER_DAY);
        let last = if latest.0 > earliest.0 {
            (latest.0 - 1).div_euclid(SECONDS_PER_DAY)
        } else {
            first
        };
        if unit == PeriodUnit::Day && first == last {
            return CountedPeriod::new(PeriodLength::Day, first, first + 1);
        }
        if unit == PeriodUnit::Week {
            let monday = first - weekday(first);
            if last < monday + 7 {
                return CountedPeriod::new(PeriodLength::Week, monday, monday + 7);
            }
        }
        let (y0, m0, _) = civil_from_days(first);
        let (y1, m1, _) = civil_from_days(last);
        if unit != PeriodUnit::Year && (y0, m0) == (y1, m1) {
            let (ny, nm) = if m0 == 12 { (y0 + 1, 1) } else { (y0, m0 + 1) };
            return CountedPeriod::new(
                PeriodLength::Month,
                days_from_civil(y0, m0, 1),
                days_from_civil(ny, nm, 1),
            );
        }
        let length = if y0 == y1 {
            PeriodLength::Year
        } else {
            PeriodLength::Years
        };
        CountedPeriod::new(
            length,
            days_from_civil(y0, 1, 1),
            days_from_civil(y1 + 1, 1, 1),
        )
    }

    fn new(length: PeriodLength, first_day: i64, end_day: i64) -> CountedPeriod {
        CountedPeriod {
            length,
            first_day,
            end_day,
        }
    }

    /// The first instant of the period.
    pub fn start(&self) -> Moment {
        Moment(self.first_day.saturating_mul(SECONDS_PER_DAY))
    }

    /// The instant just after the period.
    pub(crate) fn end(&self) -> Moment {
        Moment(self.end_day.saturating_mul(SECONDS_PER_DAY))
    }

    /// True when the period is coarser than `unit`: it holds events vaguer than the unit.
    pub(crate) fn is_coarser_than(&self, unit: PeriodUnit) -> bool {
        let finest = match unit {
            PeriodUnit::Year => PeriodLength::Year,
            PeriodUnit::Month => PeriodLength::Month,
            PeriodUnit::Week => PeriodLength::Week,
            PeriodUnit::Day => PeriodLength::Day,
        };
        self.length > finest
    }

    /// The period as the period filter writes it (EDTF), for selecting it as
    /// Shift-drag does: `2022-05` to `2022-05`, a week as its Monday to its Sunday.
    pub(crate) fn as_filter_period(&self) -> crate::query::Period {
        let day = |d: i64| {
            let (y, m, dd) = civil_from_days(d);
            format!("{}-{m:02}-{dd:02}", year_text(y))
        };
        let (from, to) = match self.length {
            PeriodLength::Week => (day(self.first_day), day(self.end_day - 1)),
            PeriodLength::Years => {
                let (first, _, _) = civil_from_days(self.first_day);
                let (last, _, _) = civil_from_days(self.end_day - 1);
                (year_text(first), year_text(last))
            }
            _ => (self.label(), self.label()),
        };
        crate::query::Period {
            from: Some(from),
            to: Some(to),
        }
    }

    /// The period as written in CSV and JSON: `2022`, `2022-05`, `2022-W19`,
    /// `2022-05-16`, or an EDTF interval of years such as `1990/1999`.
    pub fn label(&self) -> String {
        let (y, m, d) = civil_from_days(self.first_day);
        match self.length {
            PeriodLength::Day => format!("{}-{m:02}-{d:02}", year_text(y)),
            PeriodLength::Week => {
                let (year, week) = iso_week(self.first_day);
                format!("{}-W{week:02}", year_text(year))
            }
            PeriodLength::Month => format!("{}-{m:02}", year_text(y)),
            PeriodLength::Year => year_text(y),
            PeriodLength::Years => {
                let (last, _, _) = civil_from_days(self.end_day - 1);
                format!("{}/{}", year_text(y), year_text(last))
            }
        }
    }
}

impl fmt::Display for CountedPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// The span an event is counted by: its date's, or for an interval its start's
/// (its end's when the start is open or unknown), so that a three-day visit
/// counts on the day it began.
pub fn counting_span(date: &EdtfDate) -> (Moment, Moment) {
    if date.is_interval()
        && let Some((start, end)) = date.text().split_once('/')
    {
        for endpoint in [start, end] {
            if !endpoint.is_empty()
                && endpoint != ".."
                && let Ok(parsed) = EdtfDate::parse(endpoint)
            {
                return (parsed.earliest(), parsed.latest());
            }
        }
    }
    let (earliest, latest) = (date.earliest(), date.latest());
    match (earliest.is_open(), latest.is_open()) {
        (true, false) => (latest.add_days(-1), latest),
        (false, true) => (earliest, earliest.add_days(1)),
        _ => (earliest, latest),
    }
}

/// The ISO weekday of a day, Monday 0 to Sunday 6.
fn weekday(day: i64) -> i64 {
    // 1970-01-01 was a Thursday.
    (day + 3).rem_euclid(7)
}

/// The ISO week-numbering year and week of a day.
fn iso_week(day: i64) -> (i64, i64) {
    let thursday = day - weekday(day) + 3;
    let (year, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    (year, week)
}

/// A year as EDTF writes it: four digits at least, a minus sign before 1 BCE.
fn year_text(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period_of(unit: PeriodUnit, date: &str) -> String {
        let date = EdtfDate::parse(date).expect("a valid test date");
        let (earliest, latest) = counting_span(&date);
        CountedPeriod::containing(unit, earliest, latest).label()
    }

    #[test]
    fn a_day_falls_in_its_day_iso_week_month_and_year() {
        assert_eq!(period_of(PeriodUnit::Day, "2022-05-16"), "2022-05-16");
        assert_eq!(period_of(PeriodUnit::Week, "2022-05-16"), "2022-W20");
        assert_eq!(period_of(PeriodUnit::Week, "2022-05-15"), "2022-W19");
        assert_eq!(period_of(PeriodUnit::Month, "2022-05-16"), "2022-05");
        assert_eq!(period_of(PeriodUnit::Year, "2022-05-16"), "2022");
    }

    #[test]
    fn iso_weeks_belong_to_their_week_numbering_year() {
        // 1 January 2021 was a Friday: the last week of 2020, which had 53.
        assert_eq!(period_of(PeriodUnit::Week, "2021-01-01"), "2020-W53");
        // 31 December 2024 was a Tuesday: the first week of 2025.
        assert_eq!(period_of(PeriodUnit::Week, "2024-12-31"), "2025-W01");
    }

    #[test]
    fn a_vaguer_date_counts_in_the_coarser_period_that_holds_it() {
        assert_eq!(period_of(PeriodUnit::Month, "2014"), "2014");
        assert_eq!(period_of(PeriodUnit::Day, "2022-05"), "2022-05");
        assert_eq!(period_of(PeriodUnit::Week, "2022-05"), "2022-05");
        assert_eq!(period_of(PeriodUnit::Day, "1991~"), "1991");
        assert_eq!(period_of(PeriodUnit::Year, "199X"), "1990/1999");
        assert_eq!(period_of(PeriodUnit::Day, "-0044-03-15"), "-0044-03-15");
    }

    #[test]
    fn an_interval_counts_where_it_begins() {
        assert_eq!(
            period_of(PeriodUnit::Day, "2021-09-16/2021-09-18"),
            "2021-09-16"
        );
        assert_eq!(period_of(PeriodUnit::Day, "1994-11-16/.."), "1994-11-16");
        assert_eq!(period_of(PeriodUnit::Day, "../2025-01-23"), "2025-01-23");
        assert_eq!(period_of(PeriodUnit::Day, "2021-09/2021-12"), "2021-09");
    }

    #[test]
    fn a_coarser_period_sorts_before_the_finer_ones_it_starts_with() {
        let span = |d: &str| {
            let d = EdtfDate::parse(d).unwrap();
            CountedPeriod::containing(PeriodUnit::Month, d.earliest(), d.latest())
        };
        let mut periods = [span("2022-01-05"), span("2022"), span("2021-12-31")];
        periods.sort();
        let labels: Vec<String> = periods.iter().map(CountedPeriod::label).collect();
        assert_eq!(labels, ["2021-12", "2022", "2022-01"]);
        assert!(periods[1].is_coarser_than(PeriodUnit::Month));
        assert!(!periods[2].is_coarser_than(PeriodUnit::Month));
    }

    #[test]
    fn a_counted_period_selects_the_same_days_as_a_period_filter() {
        for (unit, date) in [
            (PeriodUnit::Day, "2022-05-16"),
            (PeriodUnit::Week, "2022-05-16"),
            (PeriodUnit::Month, "2022-05-16"),
            (PeriodUnit::Year, "199X"),
        ] {
            let date = EdtfDate::parse(date).unwrap();
            let period = CountedPeriod::containing(unit, date.earliest(), date.latest());
            let filter = period.as_filter_period();
            assert!(filter.check().is_ok(), "{filter:?}");
            assert_eq!(filter.span(), (period.start(), period.end()), "by {unit}");
        }
    }

    #[test]
    fn the_unit_follows_the_span_per_bar() {
        assert_eq!(PeriodUnit::for_span(50.0 * 365.0, 80.0), PeriodUnit::Year);
        assert_eq!(PeriodUnit::for_span(3.0 * 365.0, 80.0), PeriodUnit::Month);
        assert_eq!(PeriodUnit::for_span(365.0, 80.0), PeriodUnit::Week);
        assert_eq!(PeriodUnit::for_span(30.0, 80.0), PeriodUnit::Day);
        assert_eq!("Week".parse::<PeriodUnit>(), Ok(PeriodUnit::Week));
        assert!("fortnight".parse::<PeriodUnit>().is_err());
    }
}
