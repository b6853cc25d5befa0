//! Dates written in the Jalali (Solar Hijri) calendar, read into EDTF:
//! `1391/02/20`, `1391-2-20`, `20/2/1391` (in the column's date order),
//! Persian and Arabic-Indic digits (`۱۳۹۱/۰۲/۲۰`), and month names in Latin
//! letters or Persian script (`20 Ordibehesht 1391`, `۲۰ اردیبهشت ۱۳۹۱`).
//! A month or a year alone is the EDTF interval of its days
//! (`1391` is `2012-03-20/2013-03-20`): precision is neither lost nor invented.

use super::dates::{DateOrder, DateProblem, interval};
use crate::model::jalali::{JalaliDay, MONTHS_PERSIAN};
use crate::query::{ascii_digits, fold};

/// The Jalali months' names as people write them in Latin letters, by month.
const LATIN_MONTHS: [&[&str]; 12] = [
    &["farvardin", "farvardeen"],
    &["ordibehesht", "ordibehest", "ordibahesht"],
    &["khordad", "khordaad", "xordad"],
    &["tir"],
    &["mordad", "amordad", "mordaad"],
    &["shahrivar", "shahrivaar", "sharivar"],
    &["mehr"],
    &["aban", "abaan"],
    &["azar", "aazar", "adhar"],
    &["dey", "dei"],
    &["bahman"],
    &["esfand", "esfend", "espand"],
];

/// The EDTF text of a Jalali date as written; numeric dates with the day or
/// month first are read in `order`.
pub(crate) fn read_jalali_date(
    text: &str,
    order: Option<DateOrder>,
) -> Result<String, DateProblem> {
    let text = ascii_digits(text.trim());
    let (text, qualifier) = match text.strip_suffix(['?', '~', '%']) {
        Some(rest) => (rest.trim_end(), &text[rest.len()..]),
        None => (text.as_ref(), ""),
    };
    if text.is_empty() {
        return Err(DateProblem::Unreadable("the date is empty".into()));
    }
    if let Some((start, end)) = text.split_once('/')
        && start.contains('-')
        && end.contains('-')
    {
        // An interval as Annals writes it: `1401-02-11/1401-03-10`.
        let first = read_jalali_date(start, Some(DateOrder::Ymd))?;
        let last = read_jalali_date(end, Some(DateOrder::Ymd))?;
        return interval(&first, &last).map_err(DateProblem::Unreadable);
    }
    let (parts, time) = if text.chars().any(char::is_alphabetic) {
        (with_month_name(text).ok_or_else(|| unreadable(text))?, None)
    } else {
        numeric(text, order)?
    };
    let (first, last) = days_of(parts, text)?;
    let edtf = |day: JalaliDay| -> Result<String, DateProblem> {
        let (y, m, d) = day.to_gregorian().ok_or_else(|| unreadable(text))?;
        Ok(format!("{y:04}-{m:02}-{d:02}{qualifier}"))
    };
    let mut out = edtf(first)?;
    if last != first {
        out = format!("{out}/{}", edtf(last)?);
    } else if let Some(time) = time {
        out = format!("{}T{time}{qualifier}", out.trim_end_matches(qualifier));
    }
    Ok(out)
}

/// A Jalali year, with its month and day where written.
type Parts = (i32, Option<u8>, Option<u8>);

/// The first and last Jalali day of `parts`, checked.
fn days_of((year, month, day): Parts, text: &str) -> Result<(JalaliDay, JalaliDay), DateProblem> {
    let not_real = |why: String| {
        DateProblem::Unreadable(format!("{text:?} is not a real Jalali date ({why})"))
    };
    let month_length = |m: u8| {
        JalaliDay::month_length(year, m)
            .ok_or_else(|| not_real(format!("the year {year} is out of range")))
    };
    let (first_month, last_month) = match month {
        Some(m) if !(1..=12).contains(&m) => {
            return Err(not_real(format!("there is no month {m}")));
        }
        Some(m) => (m, m),
        None => (1, 12),
    };
    let last_day = month_length(last_month)?;
    let (first_day, last_day) = match day {
        Some(d) if d == 0 || u32::from(d) > month_length(first_month)? => {
            return Err(not_real(format!(
                "{} {year} has {} days",
                crate::model::jalali::month_name(first_month),
                month_length(first_month)?
            )));
        }
        Some(d) => (d, d),
        None => (1, last_day as u8),
    };
    Ok((
        JalaliDay {
            year,
            month: first_month,
            day: first_day,
        },
        JalaliDay {
            year,
            month: last_month,
            day: last_day,
        },
    ))
}

fn unreadable(text: &str) -> DateProblem {
    DateProblem::Unreadable(format!(
        "cannot read the Jalali date {text:?}; write it as 1391/02/20, 20 Ordibehesht 1391, 1391/02 or 1391"
    ))
}

/// `1391/02/20`, `1391-2-20`, `20/2/1391`, `1391/02`, `1391`, with a time after a space.
fn numeric(text: &str, order: Option<DateOrder>) -> Result<(Parts, Option<&str>), DateProblem> {
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((date, time)) if !time.trim().is_empty() => (date, Some(time.trim())),
        _ => (text, None),
    };
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(unreadable(text));
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| unreadable(text));
    let small = |s: &str| number(s).and_then(|n| u8::try_from(n).map_err(|_| unreadable(text)));
    let year = |s: &str| number(s).map(|n| n as i32);
    let parts = match (parts.as_slice(), order) {
        ([y], _) if y.len() >= 3 => (year(y)?, None, None),
        ([y, m], _) if y.len() >= 3 => (year(y)?, Some(small(m)?), None),
        ([m, y], _) if y.len() >= 3 => (year(y)?, Some(small(m)?), None),
        ([y, m, d], _) if y.len() >= 3 => (year(y)?, Some(small(m)?), Some(small(d)?)),
        ([_, _, y], _) if y.len() < 3 => {
            return Err(DateProblem::Unreadable(format!(
                "the year of {text:?} is not written in full; write four digits"
            )));
        }
        ([d, m, y], Some(DateOrder::Dmy)) => (year(y)?, Some(small(m)?), Some(small(d)?)),
        ([m, d, y], Some(DateOrder::Mdy)) => (year(y)?, Some(small(m)?), Some(small(d)?)),
        ([_, _, _], _) => return Err(DateProblem::NeedsOrder),
        _ => return Err(unreadable(text)),
    };
    let time = if parts.2.is_some() { time } else { None };
    Ok((parts, time))
}

/// `20 Ordibehesht 1391`, `Ordibehesht 1391`, `۲۰ اردیبهشت ۱۳۹۱`.
fn with_month_name(text: &str) -> Option<Parts> {
    let mut month = None;
    let mut numbers = Vec::new();
    for token in text
        .split([' ', ',', '-', '/', '\u{200C}'])
        .filter(|t| !t.is_empty())
    {
        if token.chars().all(|c| c.is_ascii_digit()) {
            numbers.push(token);
        } else if month.replace(month_number(token)?).is_some() {
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
    let day = match day {
        Some(day) => Some(day.parse().ok()?),
        None => None,
    };
    Some((year.parse().ok()?, Some(month), day))
}

/// The number of a Jalali month named in Latin letters (any case, or its
/// first three letters) or in Persian script (Arabic `ي` and `ك` too): the
/// word is folded as the search folds it.
fn month_number(word: &str) -> Option<u8> {
    let word = fold(word.trim_end_matches('.'));
    let found = LATIN_MONTHS.iter().position(|names| {
        names.contains(&word.as_str()) || (word.len() == 3 && names[0].starts_with(&word))
    });
    found
        .or_else(|| MONTHS_PERSIAN.iter().position(|name| fold(name) == word))
        .or_else(|| (word == "امرداد").then_some(4))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn read(text: &str) -> Result<String, DateProblem> {
        read_jalali_date(text, None)
    }

    #[test]
    fn known_days_become_their_gregorian_days() {
        assert_eq!(read("1401/01/01").as_deref(), Ok("2022-03-21"));
        assert_eq!(read("1401-2-27").as_deref(), Ok("2022-05-17"));
        assert_eq!(read("1391/02/20").as_deref(), Ok("2012-05-09"));
        assert_eq!(
            read_jalali_date("20/2/1391", Some(DateOrder::Dmy)).as_deref(),
            Ok("2012-05-09")
        );
        assert_eq!(read("20/2/1391"), Err(DateProblem::NeedsOrder));
        assert_eq!(read("1391/02/20?").as_deref(), Ok("2012-05-09?"));
        assert_eq!(read("1391/02/20 14:30").as_deref(), Ok("2012-05-09T14:30"));
    }

    #[test]
    fn persian_and_arabic_indic_digits_are_read() {
        assert_eq!(read("۱۳۹۱/۰۲/۲۰").as_deref(), Ok("2012-05-09"));
        assert_eq!(read("١٣٩١/٠٢/٢٠").as_deref(), Ok("2012-05-09"));
        assert_eq!(ascii_digits("1391"), Cow::Borrowed("1391"));
    }

    #[test]
    fn month_names_are_read_in_latin_letters_and_persian_script() {
        assert_eq!(read("20 Ordibehesht 1391").as_deref(), Ok("2012-05-09"));
        assert_eq!(read("ordibehesht 20, 1391").as_deref(), Ok("2012-05-09"));
        assert_eq!(read("۲۰ اردیبهشت ۱۳۹۱").as_deref(), Ok("2012-05-09"));
        assert_eq!(read("Esfand 1403").as_deref(), Ok("2025-02-19/2025-03-20"));
        assert!(read("20 Brumaire 1391").is_err());
    }

    #[test]
    fn a_year_or_a_month_alone_is_the_interval_of_its_days() {
        assert_eq!(read("1391").as_deref(), Ok("2012-03-20/2013-03-20"));
        assert_eq!(read("1391/02").as_deref(), Ok("2012-04-20/2012-05-20"));
        assert_eq!(read("02/1391").as_deref(), Ok("2012-04-20/2012-05-20"));
        assert_eq!(
            read("1401-02-11/1401-03-10").as_deref(),
            Ok("2022-05-01/2022-05-31"),
            "an interval as the exports write it"
        );
    }

    #[test]
    fn days_that_do_not_exist_are_refused_with_the_month_length() {
        assert!(read("1403/12/30").is_ok(), "1403 is a leap year");
        match read("1402/12/30") {
            Err(DateProblem::Unreadable(why)) => {
                assert!(why.contains("Esfand 1402 has 29 days"), "{why}")
            }
            other => panic!("{other:?}"),
        }
        assert!(read("1402/13/01").is_err());
        assert!(read("1402/07/31").is_err(), "Mehr has 30 days");
    }
}
