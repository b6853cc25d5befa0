//! Ticks of the Jalali (Solar Hijri) calendar for the time axis: its days,
//! months and years, as [`super::ticks`] makes them for the Gregorian one.
//! The hours of a day are the same in both calendars.

use super::ticks::{
    LABEL_GAP, LABEL_OFFSET, Tick, TickStep, Ticks, calendar_ticks, without_overlaps,
};
use super::time_axis::{DAY, TimeAxis};
use crate::model::jalali::{JalaliDay, MONTHS, month_name_in};

/// The names the axis gives the twelve Jalali months: `jalali::MONTHS` in
/// Latin letters or `jalali::MONTHS_PERSIAN` in Persian script.
pub(crate) type MonthNames = &'static [&'static str; 12];

/// The steps tried, finest first: days restart on the 1st of each month,
/// months in Farvardin, years at multiples of the step.
const STEPS: [TickStep; 18] = [
    TickStep::Days(1),
    TickStep::Days(2),
    TickStep::Days(5),
    TickStep::Days(10),
    TickStep::Days(15),
    TickStep::Months(1),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
    TickStep::Years(5),
    TickStep::Years(10),
    TickStep::Years(20),
    TickStep::Years(50),
    TickStep::Years(100),
    TickStep::Years(200),
    TickStep::Years(500),
    TickStep::Years(1000),
];

/// The Jalali years the axis labels; outside them it draws no Jalali ticks.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9000;

/// The Jalali ticks for `axis` in two rows as [`calendar_ticks`] gives them
/// (minor: days, months or years; major: "Ordibehesht 1401" or "1401"), the
/// hours of the Gregorian ticks when the view is that close; none outside the
/// Jalali years 1–9000 or when even a thousand years are too close together.
pub(crate) fn jalali_ticks(
    axis: &TimeAxis,
    measure: &dyn Fn(&str) -> f32,
    names: MonthNames,
) -> Option<Ticks> {
    let first = day_at(axis.range.start)?;
    let last = day_at(axis.range.end)?;
    if !YEARS.contains(&first.year) || !YEARS.contains(&last.year) {
        return None;
    }
    let gregorian = calendar_ticks(axis, measure);
    if let TickStep::Hours(_) = gregorian.step {
        let days = ticks_of(TickStep::Days(1), axis, &|day| day.words_in(names));
        let major = with_context(axis, first.words_in(names), days);
        return Some(Ticks {
            major: without_overlaps(major, axis, measure),
            ..gregorian
        });
    }
    let spp = axis.seconds_per_point();
    let widest_month = names.iter().map(|m| measure(m)).fold(0.0, f32::max);
    let step = STEPS.into_iter().find(|step| {
        let sample = match step {
            TickStep::Days(_) => measure("30"),
            TickStep::Months(_) => widest_month,
            _ => measure("1401"),
        };
        step.min_seconds() / spp >= f64::from(sample + LABEL_GAP + LABEL_OFFSET)
    })?;
    let minor = ticks_of(step, axis, &|day| minor_label(day, step, names));
    let major = match step {
        TickStep::Days(_) => with_context(
            axis,
            first.month_year_in(names),
            ticks_of(TickStep::Months(1), axis, &|day| day.month_year_in(names)),
        ),
        TickStep::Months(_) => with_context(
            axis,
            first.year.to_string(),
            ticks_of(TickStep::Years(1), axis, &|day| day.year.to_string()),
        ),
        _ => Vec::new(),
    };
    Some(Ticks {
        step,
        minor: without_overlaps(minor, axis, measure),
        major: without_overlaps(major, axis, measure),
    })
}

/// The Jalali ticks in one row, for an axis that shows both calendars: the
/// minor ticks, those that open a month or a year naming it too
/// ("1 Ordibehesht 1401", "Farvardin 1401"), and the period the view starts in
/// at the left edge; at hours, the days.
pub(crate) fn jalali_row(
    axis: &TimeAxis,
    measure: &dyn Fn(&str) -> f32,
    names: MonthNames,
) -> Vec<Tick> {
    let Some(ticks) = jalali_ticks(axis, measure, names) else {
        return Vec::new();
    };
    if let TickStep::Hours(_) = ticks.step {
        return ticks.major;
    }
    let mut row = ticks_of(ticks.step, axis, &|day| minor_label(day, ticks.step, names));
    let major = match ticks.step {
        TickStep::Days(_) => ticks_of(TickStep::Months(1), axis, &|day| day.month_year_in(names)),
        TickStep::Months(_) => ticks_of(TickStep::Years(1), axis, &|day| day.year.to_string()),
        _ => Vec::new(),
    };
    // In Persian script a day's number before the month would be read last,
    // at the far end of the label from its tick: the month's name alone says
    // that it opens there.
    let persian = names[0] != MONTHS[0];
    for opening in major {
        if let Some(tick) = row.iter_mut().find(|t| t.time == opening.time) {
            tick.label = match (persian, ticks.step) {
                (true, TickStep::Days(_)) => opening.label,
                _ => format!("{} {}", tick.label, opening.label),
            };
        }
    }
    let context = ticks
        .major
        .first()
        .filter(|t| t.time == axis.range.start)
        .map(|t| t.label.clone());
    let row = match context {
        // The period the view starts in wins over the days it would cover.
        Some(label) => {
            let covered = axis.left
                + f64::from(LABEL_OFFSET + measure(&label) + LABEL_GAP)
                + f64::from(LABEL_OFFSET);
            let row = row
                .into_iter()
                .filter(|t| axis.x_from_time(t.time) >= covered)
                .collect();
            with_context(axis, label, row)
        }
        None => row,
    };
    without_overlaps(row, axis, measure)
}

/// The Jalali day of instant `t`; none outside the calendar's range.
fn day_at(t: f64) -> Option<JalaliDay> {
    JalaliDay::of_days((t / DAY).floor() as i64)
}

fn minor_label(day: JalaliDay, step: TickStep, names: MonthNames) -> String {
    match step {
        TickStep::Days(_) => day.day.to_string(),
        TickStep::Months(_) => month_name_in(day.month, names).to_string(),
        _ => day.year.to_string(),
    }
}

/// `ticks` after a label for the period the view starts in, pinned at its left edge.
fn with_context(axis: &TimeAxis, label: String, ticks: Vec<Tick>) -> Vec<Tick> {
    let start = axis.range.start;
    let mut out = vec![Tick {
        time: start,
        label,
        label_x: None,
    }];
    out.extend(ticks.into_iter().filter(|t| t.time >= start));
    out
}

/// The ticks of `step` from just before the view to its end, labelled by `label`.
fn ticks_of(step: TickStep, axis: &TimeAxis, label: &dyn Fn(JalaliDay) -> String) -> Vec<Tick> {
    let first_day = (axis.range.start / DAY).floor() as i64 - 1;
    let last_day = (axis.range.end / DAY).ceil() as i64;
    let days: Vec<(i64, JalaliDay)> = match step {
        TickStep::Days(n) => days_of_months(first_day, last_day, n),
        TickStep::Months(n) => month_openings(first_day, last_day)
            .into_iter()
            .filter(|(_, day)| u32::from(day.month - 1).is_multiple_of(n))
            .collect(),
        TickStep::Years(n) => year_openings(first_day, last_day, n),
        TickStep::Hours(_) => Vec::new(),
    };
    days.into_iter()
        .map(|(days, day)| Tick {
            time: days as f64 * DAY,
            label: label(day),
            label_x: None,
        })
        .filter(|t| {
            t.time < axis.range.end && t.time >= axis.range.start - step.min_seconds() * 2.0
        })
        .collect()
}

/// The days from `first` to `last` (days after 1970) that a step of `n` days
/// marks: the 1st of each month and every `n`th day after it that leaves a
/// whole step before the month ends.
fn days_of_months(first: i64, last: i64, n: u32) -> Vec<(i64, JalaliDay)> {
    let Some(mut day) = JalaliDay::of_days(first) else {
        return Vec::new();
    };
    let mut length = JalaliDay::month_length(day.year, day.month).unwrap_or(30);
    let mut out = Vec::new();
    for days in first..=last {
        let d = u32::from(day.day);
        if d == 1 || ((d - 1).is_multiple_of(n) && length - d + 1 >= n) {
            out.push((days, day));
        }
        if d >= length {
            let Some(next) = day.next_month() else {
                break;
            };
            day = next;
            length = JalaliDay::month_length(day.year, day.month).unwrap_or(30);
        } else {
            day.day += 1;
        }
    }
    out
}

/// The first days of the months that open between `first` and `last`, and of the one `first` is in.
fn month_openings(first: i64, last: i64) -> Vec<(i64, JalaliDay)> {
    let Some(day) = JalaliDay::of_days(first) else {
        return Vec::new();
    };
    let mut month = JalaliDay { day: 1, ..day };
    let mut out = Vec::new();
    while let Some(days) = month.days().filter(|&d| d <= last) {
        out.push((days, month));
        let Some(next) = month.next_month() else {
            break;
        };
        month = next;
    }
    out
}

/// The first days of the years that are multiples of `n`, from the one
/// `first` is in to `last`.
fn year_openings(first: i64, last: i64, n: i64) -> Vec<(i64, JalaliDay)> {
    let (Some(a), Some(b)) = (JalaliDay::of_days(first), JalaliDay::of_days(last)) else {
        return Vec::new();
    };
    let n = n.max(1) as i32;
    let mut out = Vec::new();
    let mut year = a.year.div_euclid(n) * n;
    while year <= b.year {
        let opening = JalaliDay {
            year,
            month: 1,
            day: 1,
        };
        if let Some(days) = opening.days().filter(|_| YEARS.contains(&year)) {
            out.push((days, opening));
        }
        year += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jalali::MONTHS_PERSIAN;
    use crate::timeline::time_axis::{TimeRange, YEAR};

    /// Roughly the width of egui's default 12 pt proportional font.
    fn measure(text: &str) -> f32 {
        text.chars().count() as f32 * 7.0
    }

    fn axis_from(day: JalaliDay, span: f64) -> TimeAxis {
        let start = day.days().unwrap() as f64 * DAY;
        TimeAxis::new(TimeRange::new(start, start + span), 0.0, 1200.0)
    }

    fn day(year: i32, month: u8, day: u8) -> JalaliDay {
        JalaliDay { year, month, day }
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks
            .iter()
            .filter(|t| t.label_x.is_some())
            .map(|t| t.label.as_str())
            .collect()
    }

    #[test]
    fn a_month_in_view_shows_its_days_under_its_name() {
        let axis = axis_from(day(1401, 2, 1), 31.0 * DAY);
        let ticks = jalali_ticks(&axis, &measure, &MONTHS).unwrap();
        assert!(matches!(ticks.step, TickStep::Days(_)), "{:?}", ticks.step);
        let minor = labels(&ticks.minor);
        assert_eq!(minor.first(), Some(&"1"));
        assert!(minor.contains(&"27"), "{minor:?}");
        assert_eq!(labels(&ticks.major).first(), Some(&"Ordibehesht 1401"));
        // 27 Ordibehesht 1401 is 17 May 2022.
        let tick = ticks.minor.iter().find(|t| t.label == "27").unwrap();
        assert_eq!(
            tick.time,
            crate::model::Moment::from_ymd(2022, 5, 17).0 as f64
        );
    }

    #[test]
    fn months_can_be_named_in_persian_script() {
        let axis = axis_from(day(1401, 2, 1), 31.0 * DAY);
        let ticks = jalali_ticks(&axis, &measure, &MONTHS_PERSIAN).unwrap();
        assert_eq!(labels(&ticks.major).first(), Some(&"اردیبهشت 1401"));
        let axis = axis_from(day(1401, 2, 20), 30.0 * DAY);
        let row = labels(&jalali_row(&axis, &measure, &MONTHS_PERSIAN)).join(" | ");
        // A month opens under its name alone, without the day's number.
        assert!(row.contains(" | خرداد 1401 | "), "{row}");
    }

    #[test]
    fn a_few_years_in_view_show_months_and_years_opening_in_farvardin() {
        let axis = axis_from(day(1400, 6, 10), 3.0 * YEAR);
        let ticks = jalali_ticks(&axis, &measure, &MONTHS).unwrap();
        assert!(
            matches!(ticks.step, TickStep::Months(_)),
            "{:?}",
            ticks.step
        );
        let nowruz = ticks.major.iter().find(|t| t.label == "1401").unwrap();
        assert_eq!(
            nowruz.time,
            crate::model::Moment::from_ymd(2022, 3, 21).0 as f64
        );
        assert!(labels(&ticks.minor).iter().any(|l| MONTHS.contains(l)));
    }

    #[test]
    fn the_one_row_names_each_month_where_it_opens() {
        let axis = axis_from(day(1401, 1, 20), 40.0 * DAY);
        let row = labels(&jalali_row(&axis, &measure, &MONTHS)).join(" | ");
        assert!(row.contains("1 Ordibehesht 1401"), "{row}");
        assert!(row.starts_with("Farvardin 1401"), "{row}");
    }

    #[test]
    fn labels_never_overlap_from_a_day_to_three_millennia() {
        let mut span = DAY;
        while span <= 3_000.0 * YEAR {
            let axis = axis_from(day(1390, 5, 3), span);
            let ticks = jalali_ticks(&axis, &measure, &MONTHS).unwrap();
            for row in [
                &ticks.minor,
                &ticks.major,
                &jalali_row(&axis, &measure, &MONTHS),
            ] {
                let drawn: Vec<(f64, f64)> = row
                    .iter()
                    .filter_map(|t| Some((t.label_x?, t.label_x? + f64::from(measure(&t.label)))))
                    .collect();
                for pair in drawn.windows(2) {
                    assert!(
                        pair[0].1 + f64::from(LABEL_GAP) <= pair[1].0 + 1e-6,
                        "span {span}: {row:?}"
                    );
                }
            }
            span *= 1.3;
        }
    }

    #[test]
    fn deep_time_has_no_jalali_ticks() {
        let axis = TimeAxis::new(TimeRange::new(-1.0e6 * YEAR, 0.0), 0.0, 1200.0);
        assert!(jalali_ticks(&axis, &measure, &MONTHS).is_none());
        assert!(jalali_row(&axis, &measure, &MONTHS).is_empty());
    }
}
