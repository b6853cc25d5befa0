//! The Solar Hijri (Jalali) calendar, in which Iranian sources date events:
//! a day in it and back, by `icu_calendar`'s Persian calendar, and a date
//! in its words ("27 Ordibehesht 1401"). EDTF stays the stored form.

use icu_calendar::Date;
use icu_calendar::cal::{Iso, Persian};

use super::EdtfDate;
use super::date::{SECONDS_PER_DAY, civil_from_days, days_from_civil};

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

/// The months of the Jalali year, in Persian script.
pub const MONTHS_PERSIAN: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
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

    /// The Jalali day that is `days` days after 1970-01-01 (Gregorian).
    pub fn of_days(days: i64) -> Option<JalaliDay> {
        let (y, m, d) = civil_from_days(days);
        JalaliDay::of_gregorian(y, m, d)
    }

    /// This day as days after 1970-01-01; none when it does not exist.
    pub fn days(self) -> Option<i64> {
        let (y, m, d) = self.to_gregorian()?;
        Some(days_from_civil(y, m, d))
    }

    /// The number of days in `month` of `year` (31, 30, or 29 or 30 for
    /// Esfand); none outside the calendar's range.
    pub fn month_length(year: i32, month: u8) -> Option<u32> {
        let first = JalaliDay {
            year,
            month,
            day: 1,
        };
        u32::try_from(first.next_month()?.days()? - first.days()?).ok()
    }

    /// The first day of the month after this day's; none past the last year.
    pub fn next_month(self) -> Option<JalaliDay> {
        Some(match self.month {
            12.. => JalaliDay {
                year: self.year.checked_add(1)?,
                month: 1,
                day: 1,
            },
            m => JalaliDay {
                month: m + 1,
                day: 1,
                ..self
            },
        })
    }

    /// The day in words: "27 Ordibehesht 1401".
    pub fn words(self) -> String {
        self.words_in(&MONTHS)
    }

    /// The day in words with the months named by `names`: "27 اردیبهشت 1401".
    pub fn words_in(self, names: &[&'static str; 12]) -> String {
        format!("{} {}", self.day, self.month_year_in(names))
    }

    /// The month and year with the months named by `names`: "Ordibehesht 1401".
    pub fn month_year_in(self, names: &[&'static str; 12]) -> String {
        format!("{} {}", month_name_in(self.month, names), self.year)
    }
}

/// The day as `annals list` and the exports write it: `1401-02-27`.
impl std::fmt::Display for JalaliDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The name of Jalali `month` (1 to 12) in Latin letters; "?" for another number.
pub fn month_name(month: u8) -> &'static str {
    month_name_in(month, &MONTHS)
}

/// The name of Jalali `month` (1 to 12) among `names`; "?" for another number.
pub fn month_name_in(month: u8, names: &[&'static str; 12]) -> &'static str {
    names
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// A date read in the Jalali calendar: its day, or its first and last day
/// ("11 Ordibehesht 1401 – 10 Khordad 1401" for May 2022); none for an open
/// side or a day outside the calendar's range.
pub fn jalali_reading(date: &EdtfDate) -> Option<String> {
    let (a, b) = jalali_days(date)?;
    Some(if a == b {
        a.words()
    } else {
        format!("{} – {}", a.words(), b.words())
    })
}

/// The days a date covers, as Jalali days: its first and its last; none for
/// an open side or a day outside the calendar's range.
fn jalali_days(date: &EdtfDate) -> Option<(JalaliDay, JalaliDay)> {
    let (earliest, latest) = (date.earliest(), date.latest());
    if earliest.is_open() || latest.is_open() {
        return None;
    }
    let first = earliest.0.div_euclid(SECONDS_PER_DAY);
    let last = (latest.0 - 1).div_euclid(SECONDS_PER_DAY).max(first);
    Some((JalaliDay::of_days(first)?, JalaliDay::of_days(last)?))
}

/// A date written in the Jalali calendar as `annals list` and the exports
/// write it: `1401-02-27` for a day, `1401-02` or `1401` where the date is
/// exactly that Jalali month or year, otherwise its first and last day
/// (`1401-02-11/1401-03-10` for May 2022); `?` and `~` kept. None for an
/// open side or a day outside the calendar's range.
pub fn jalali_text(date: &EdtfDate) -> Option<String> {
    let (a, b) = jalali_days(date)?;
    let ends_month =
        |d: JalaliDay| JalaliDay::month_length(d.year, d.month) == Some(u32::from(d.day));
    let mut text = if a == b {
        a.to_string()
    } else if a.day == 1 && b.year == a.year && b.month == a.month && ends_month(b) {
        format!("{:04}-{:02}", a.year, a.month)
    } else if (a.month, a.day) == (1, 1) && b.year == a.year && b.month == 12 && ends_month(b) {
        format!("{:04}", a.year)
    } else {
        format!("{a}/{b}")
    };
    if date.is_uncertain() && date.is_approximate() {
        text.push('%');
    } else if date.is_uncertain() {
        text.push('?');
    } else if date.is_approximate() {
        text.push('~');
    }
    Some(text)
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
        assert_eq!(JalaliDay::month_length(1403, 12), Some(30));
        assert_eq!(JalaliDay::month_length(1402, 12), Some(29));
        assert_eq!(JalaliDay::month_length(1401, 1), Some(31));
        assert_eq!(JalaliDay::month_length(1401, 7), Some(30));
    }

    #[test]
    fn days_count_from_1970_both_ways() {
        let day = jalali(1348, 10, 11);
        assert_eq!(day.days(), Some(0), "1 January 1970 is 11 Dey 1348");
        assert_eq!(JalaliDay::of_days(0), Some(day));
        assert_eq!(JalaliDay::of_days(19_129), Some(jalali(1401, 2, 27)));
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

    #[test]
    fn a_date_is_written_in_jalali_at_its_own_precision() {
        let text = |edtf: &str| jalali_text(&EdtfDate::parse(edtf).unwrap());
        assert_eq!(text("2022-05-17").as_deref(), Some("1401-02-27"));
        assert_eq!(text("2022-05-17?").as_deref(), Some("1401-02-27?"));
        assert_eq!(text("2022-05").as_deref(), Some("1401-02-11/1401-03-10"));
        assert_eq!(text("2012-04-20/2012-05-20").as_deref(), Some("1391-02"));
        assert_eq!(text("2012-03-20/2013-03-20").as_deref(), Some("1391"));
        assert_eq!(text("2022-05/..").as_deref(), None);
    }
}
