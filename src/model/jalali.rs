//! The Solar Hijri (Jalali) calendar, in which Iranian sources date events:
//! a day in it and back, by `icu_calendar`'s Persian calendar, and a date
//! in its words ("27 Ordibehesht 1401"). EDTF stays the stored form.

use icu_calendar::Date;
use icu_calendar::cal::{Iso, Persian};

use super::EdtfDate;
use super::date::{SECONDS_PER_DAY, civil_from_days};

/// The months of the Jalali year, in Latin letters.
pub const MONTHS: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

/// A day of the Jalali calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JalaliDay {
    /// The year (1401).
    pub year: i32,
    /// The month, from 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

impl JalaliDay {
    /// The Jalali day of the Gregorian day `year-month-day`; none outside
    /// the calendar's range.
    pub fn of_gregorian(year: i64, month: u32, day: u32) -> Option<JalaliDay> {
        let iso = Date::try_new_iso(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
        .ok()?;
        let jalali = iso.to_calendar(Persian);
        Some(JalaliDay {
            year: jalali.era_year().year,
            month: jalali.month().ordinal,
            day: jalali.day_of_month().0,
        })
    }

    /// The Gregorian day `(year, month, day)` of this Jalali day; none when
    /// the day does not exist (30 Esfand of a common year).
    pub fn to_gregorian(self) -> Option<(i64, u32, u32)> {
        let jalali = Date::try_new_persian(self.year, self.month, self.day).ok()?;
        let iso = jalali.to_calendar(Iso);
        Some((
            i64::from(iso.year().extended_year()),
            u32::from(iso.month().ordinal),
            u32::from(iso.day_of_month().0),
        ))
    }

    /// The day in words: "27 Ordibehesht 1401".
    pub fn words(self) -> String {
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or("?");
        format!("{} {month} {}", self.day, self.year)
    }
}

/// A date read in the Jalali calendar: its day, or its first and last day
/// ("11 Ordibehesht 1401 – 10 Khordad 1401" for May 2022); none for an open
/// side or a day outside the calendar's range.
pub fn jalali_reading(date: &EdtfDate) -> Option<String> {
    let (earliest, latest) = (date.earliest(), date.latest());
    if earliest.is_open() || latest.is_open() {
        return None;
    }
    let first = earliest.0.div_euclid(SECONDS_PER_DAY);
    let last = (latest.0 - 1).div_euclid(SECONDS_PER_DAY).max(first);
    let day = |days: i64| {
        let (y, m, d) = civil_from_days(days);
        JalaliDay::of_gregorian(y, m, d)
    };
    let (a, b) = (day(first)?, day(last)?);
    Some(if a == b {
        a.words()
    } else {
        format!("{} – {}", a.words(), b.words())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jalali(year: i32, month: u8, day: u8) -> JalaliDay {
        JalaliDay { year, month, day }
    }

    #[test]
    fn known_days_match_in_both_directions() {
        for (gregorian, day) in [
            ((2022, 3, 21), jalali(1401, 1, 1)),
            ((2022, 5, 17), jalali(1401, 2, 27)),
            ((2012, 5, 9), jalali(1391, 2, 20)),
            ((2023, 11, 8), jalali(1402, 8, 17)),
        ] {
            let (y, m, d) = gregorian;
            assert_eq!(JalaliDay::of_gregorian(y, m, d), Some(day), "{gregorian:?}");
            assert_eq!(day.to_gregorian(), Some(gregorian), "{day:?}");
        }
    }

    #[test]
    fn esfand_has_thirty_days_only_in_a_leap_year() {
        assert!(
            jalali(1403, 12, 30).to_gregorian().is_some(),
            "1403 is a leap year"
        );
        assert_eq!(jalali(1402, 12, 30).to_gregorian(), None);
        assert_eq!(jalali(1401, 13, 1).to_gregorian(), None);
    }

    #[test]
    fn a_date_reads_as_its_jalali_days() {
        let read = |text: &str| jalali_reading(&EdtfDate::parse(text).unwrap());
        assert_eq!(read("2022-05-17").as_deref(), Some("27 Ordibehesht 1401"));
        assert_eq!(
            read("2022-05").as_deref(),
            Some("11 Ordibehesht 1401 – 10 Khordad 1401")
        );
        assert_eq!(read("2022-05/..").as_deref(), None);
    }
}
