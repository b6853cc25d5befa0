//! Calendar ticks for the time axis: hours, days, months, years, decades,
//! centuries and millennia, with labels that never overlap.
//!
//! Two rows: minor ticks at the chosen step ("16", "May", "1995") and major
//! ticks at the next calendar unit up ("May 2022", "2022") that give the context.

use super::time_axis::{DAY, HOUR, TimeAxis};
use crate::model::Moment;
use crate::model::date::{civil_from_days, days_from_civil};

/// Three-letter English month names.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The smallest gap, in points, left between two labels of a row.
pub(crate) const LABEL_GAP: f32 = 12.0;
/// How far right of its tick a label starts, in points.
pub(crate) const LABEL_OFFSET: f32 = 3.0;

/// The calendar step between two minor ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TickStep {
    /// Every `n` hours of a day.
    Hours(u32),
    /// Every `n` days of a month, restarting on the 1st.
    Days(u32),
    /// Every `n` months of a year, restarting in January.
    Months(u32),
    /// Every `n` years (labels that are multiples of `n`, CE and BCE).
    Years(i64),
}

impl TickStep {
    /// The shortest time between two ticks of this step, in seconds.
    pub(super) fn min_seconds(self) -> f64 {
        match self {
            TickStep::Hours(n) => f64::from(n) * HOUR,
            TickStep::Days(n) => f64::from(n.min(13)) * DAY,
            TickStep::Months(n) => f64::from(n) * 28.0 * DAY,
            TickStep::Years(n) => n as f64 * 365.0 * DAY,
        }
    }
}

/// The steps tried, finest first.
const STEPS: [TickStep; 13] = [
    TickStep::Hours(1),
    TickStep::Hours(3),
    TickStep::Hours(6),
    TickStep::Hours(12),
    TickStep::Days(1),
    TickStep::Days(2),
    TickStep::Days(7),
    TickStep::Days(15),
    TickStep::Months(1),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
];

/// One tick: where it is and what it says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    /// The instant of the tick, in seconds since 1970.
    pub(crate) time: f64,
    /// Its text.
    pub(crate) label: String,
    /// Where its label starts, inside the axis; `None` when the label is not
    /// drawn (its tick lies at an edge and there is no room for it there).
    pub(crate) label_x: Option<f64>,
}

/// The ticks of one view.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    /// The step chosen for the minor ticks.
    pub(crate) step: TickStep,
    /// Minor ticks, left to right.
    pub(crate) minor: Vec<Tick>,
    /// Major ticks (the coarser unit), left to right; the first may be a
    /// context label pinned to the left edge.
    pub(crate) major: Vec<Tick>,
}

/// A year as readers write it: `2022`, `44 BCE` (astronomical year 0 is 1 BCE),
/// and in deep time `300,000 BCE`, `2.5 million years ago`, `13.8 billion years ago`.
pub(crate) fn year_label(year: i64) -> String {
    deep_year_label(year, None)
}

/// A year as [`year_label`] writes it, with as many digits as ticks `step` years
/// apart need to read apart (three significant digits when none).
fn deep_year_label(year: i64, step: Option<i64>) -> String {
    if (1..10_000).contains(&year) {
        return year.to_string();
    }
    // Far in the future, years are counted from now as they are before it.
    let (count, when) = if year >= 1 {
        (year, "from now")
    } else {
        (1 - year, "ago")
    };
    let (scale, word) = match count {
        ..10_000 => return format!("{count} BCE"),
        10_000..1_000_000 if year >= 1 => return with_thousands(count),
        10_000..1_000_000 => return format!("{} BCE", with_thousands(count)),
        1_000_000..1_000_000_000 => (1.0e6, "million"),
        _ => (1.0e9, "billion"),
    };
    let value = count as f64 / scale;
    let decimals = match step {
        // Enough for the step: ticks a hundred thousand years apart in millions need one.
        Some(step) => (-(step as f64 / scale).log10()).ceil().clamp(0.0, 9.0) as usize,
        None => 2usize.saturating_sub(value.log10().floor().max(0.0) as usize),
    };
    let number = format!("{value:.decimals$}");
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        &number
    };
    format!("{number} {word} years {when}")
}

/// `300000` as `300,000`.
fn with_thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The calendar ticks for `axis`, with labels measured by `measure` (text → width in
/// points) so that no two labels of a row overlap.
pub(crate) fn calendar_ticks(axis: &TimeAxis, measure: &dyn Fn(&str) -> f32) -> Ticks {
    let spp = axis.seconds_per_point();
    let (first_year, ..) = civil(axis.range.start);
    let (last_year, ..) = civil(axis.range.end);
    // Deep-time labels need more digits as the step shrinks: measure them per step.
    let year_width = |step: Option<i64>| {
        measure(&deep_year_label(first_year, step))
            .max(measure(&deep_year_label(last_year, step)))
            .max(measure("2000"))
    };
    let widest_year = year_width(None);
    let fits = |step: TickStep, sample_width: f32| {
        step.min_seconds() / spp >= f64::from(sample_width + LABEL_GAP + LABEL_OFFSET)
    };
    let step = STEPS
        .iter()
        .copied()
        .find(|&step| {
            let sample = match step {
                TickStep::Hours(_) => measure("00:00"),
                TickStep::Days(_) => measure("28"),
                TickStep::Months(_) => measure("May"),
                TickStep::Years(_) => widest_year,
            };
            fits(step, sample)
        })
        .unwrap_or_else(|| {
            // 5, 10, 20, 50, 100, 200, 500, ... years.
            let mut n: i64 = 5;
            while !fits(TickStep::Years(n), year_width(Some(n))) && n < 100_000_000_000 {
                n = if n.to_string().starts_with('2') {
                    n / 2 * 5
                } else {
                    n * 2
                };
            }
            TickStep::Years(n)
        });
    let minor = ticks_of(step, axis, &minor_label);
    let major = match step {
        TickStep::Hours(_) => ticks_of(TickStep::Days(1), axis, &day_label),
        TickStep::Days(_) => ticks_of(TickStep::Months(1), axis, &month_year_label),
        TickStep::Months(_) => ticks_of(TickStep::Years(1), axis, &|t, _| year_label(civil(t).0)),
        TickStep::Years(_) => Vec::new(),
    };
    let major = with_context_label(step, axis, major);
    Ticks {
        step,
        minor: without_overlaps(minor, axis, measure),
        major: without_overlaps(major, axis, measure),
    }
}

/// Adds, at the left edge, the label of the major period the view starts in,
/// unless a real major tick is close enough to the edge to say it.
fn with_context_label(step: TickStep, axis: &TimeAxis, major: Vec<Tick>) -> Vec<Tick> {
    let start = axis.range.start;
    let label = match step {
        TickStep::Hours(_) => day_label(start, TickStep::Days(1)),
        TickStep::Days(_) => month_year_label(start, TickStep::Months(1)),
        TickStep::Months(_) => year_label(civil(start).0),
        TickStep::Years(_) => return major,
    };
    let visible: Vec<Tick> = major.into_iter().filter(|t| t.time >= start).collect();
    let mut ticks = vec![Tick {
        time: start,
        label,
        label_x: None,
    }];
    ticks.extend(visible);
    ticks
}

/// Places each label just right of its tick, slid inside the axis where it
/// would cross an edge (a tick before the start, a label longer than the room
/// left before the end), and drops every label that would overlap the one
/// before it: a context label at the left edge gives way to a real tick it
/// would overlap; a slid label that would overlap its neighbour is not drawn,
/// but its tick stays (for the grid line); any other such tick is dropped.
pub(super) fn without_overlaps(
    ticks: Vec<Tick>,
    axis: &TimeAxis,
    measure: &dyn Fn(&str) -> f32,
) -> Vec<Tick> {
    let offset = f64::from(LABEL_OFFSET);
    let (left, right) = (axis.left + offset, axis.left + axis.width);
    let mut kept: Vec<Tick> = Vec::with_capacity(ticks.len());
    // The last label drawn: its end, where it is in `kept`, and whether it was slid.
    let mut last: Option<(f64, usize, bool)> = None;
    for mut tick in ticks {
        let width = f64::from(measure(&tick.label));
        let natural = axis.x_from_time(tick.time) + offset;
        let x = natural.min(right - width).max(left);
        let slid = (x - natural).abs() > 0.5;
        if let Some((end, at, last_slid)) = last
            && x < end + f64::from(LABEL_GAP)
        {
            if kept.len() == 1 && kept[0].time == axis.range.start {
                kept.pop();
            } else if last_slid {
                kept[at].label_x = None;
            } else if slid {
                kept.push(tick);
                continue;
            } else {
                continue;
            }
        }
        tick.label_x = Some(x);
        last = Some((x + width, kept.len(), slid));
        kept.push(tick);
    }
    kept
}

/// The calendar date of `t`: `(year, month, day, seconds into the day)`.
fn civil(t: f64) -> (i64, u32, u32, i64) {
    Moment(t.floor() as i64).to_civil()
}

fn at(year: i64, month: u32, day: u32) -> f64 {
    (days_from_civil(year, month, day) as f64) * DAY
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (days_from_civil(ny, nm, 1) - days_from_civil(year, month, 1)) as u32
}

fn minor_label(t: f64, step: TickStep) -> String {
    let (y, m, d, s) = civil(t);
    match step {
        TickStep::Hours(_) => format!("{:02}:00", s / 3600),
        TickStep::Days(_) => d.to_string(),
        TickStep::Months(_) => MONTHS[(m - 1) as usize].to_string(),
        TickStep::Years(n) => deep_year_label(y, Some(n)),
    }
}

fn day_label(t: f64, _: TickStep) -> String {
    let (y, m, d, _) = civil(t);
    format!("{d} {} {}", MONTHS[(m - 1) as usize], year_label(y))
}

fn month_year_label(t: f64, _: TickStep) -> String {
    let (y, m, ..) = civil(t);
    format!("{} {}", MONTHS[(m - 1) as usize], year_label(y))
}

/// The ticks of `step` from just before the view to its end.
fn ticks_of(step: TickStep, axis: &TimeAxis, label: &dyn Fn(f64, TickStep) -> String) -> Vec<Tick> {
    let (start, end) = (axis.range.start, axis.range.end);
    let mut times = Vec::new();
    match step {
        TickStep::Hours(n) => {
            let (y, m, d, _) = civil(start);
            let mut t = at(y, m, d) - DAY;
            while t < end {
                let (_, _, _, s) = civil(t + 1.0);
                if (s / 3600) % i64::from(n) == 0 && t >= start - DAY {
                    times.push(t);
                }
                t += HOUR;
            }
        }
        TickStep::Days(n) => {
            let first_day = (start / DAY).floor() as i64 - 1;
            let last_day = (end / DAY).ceil() as i64;
            for day in first_day..=last_day {
                let (y, m, d) = civil_from_days(day);
                let keep = d == 1 || ((d - 1) % n == 0 && days_in_month(y, m) - d + 1 >= n);
                if keep {
                    times.push(day as f64 * DAY);
                }
            }
        }
        TickStep::Months(n) => {
            let (mut y, mut m, ..) = civil(start);
            while at(y, m, 1) < end {
                if (m - 1) % n == 0 {
                    times.push(at(y, m, 1));
                }
                if m == 12 {
                    y += 1;
                    m = 1;
                } else {
                    m += 1;
                }
            }
        }
        TickStep::Years(n) => {
            let (y0, ..) = civil(start);
            let (y1, ..) = civil(end);
            let mut years = Vec::new();
            // CE: years that are multiples of n; BCE: labels that are multiples of n.
            let k0 = y0.div_euclid(n);
            for k in k0..=y1.div_euclid(n) + 1 {
                if k * n >= 1 {
                    years.push(k * n);
                }
            }
            let m_hi = (1 - y0).div_euclid(n) + 1;
            let m_lo = ((1 - y1).div_euclid(n)).max(1);
            for k in m_lo..=m_hi {
                if 1 - k * n <= 0 {
                    years.push(1 - k * n);
                }
            }
            if n == 1 {
                years.retain(|&y| y >= y0 - 1 && y <= y1);
            }
            years.sort_unstable();
            years.dedup();
            times.extend(years.into_iter().map(|y| at(y, 1, 1)));
        }
    }
    times
        .into_iter()
        .filter(|&t| t < end && t >= start - step.min_seconds() * 2.0)
        .map(|t| Tick {
            time: t,
            label: label(t, step),
            label_x: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::time_axis::{TimeRange, YEAR};

    /// Roughly the width of egui's default 12 pt proportional font.
    fn measure(text: &str) -> f32 {
        text.chars().count() as f32 * 7.0
    }

    fn axis(start: f64, span: f64) -> TimeAxis {
        TimeAxis::new(TimeRange::new(start, start + span), 0.0, 1200.0)
    }

    /// The drawn labels do not overlap and lie inside the axis.
    fn assert_no_overlap(ticks: &[Tick], axis: &TimeAxis) {
        let drawn: Vec<(&Tick, f64)> = ticks
            .iter()
            .filter_map(|tick| Some((tick, tick.label_x?)))
            .collect();
        for &(tick, x) in &drawn {
            let end = x + f64::from(measure(&tick.label));
            let inside = x >= axis.left && end <= axis.left + axis.width + 1e-6;
            assert!(inside, "{tick:?} crosses an edge of {axis:?}");
        }
        for pair in drawn.windows(2) {
            let ((first, x), (_, next)) = (pair[0], pair[1]);
            let end = x + f64::from(measure(&first.label));
            assert!(
                end + f64::from(LABEL_GAP) <= next + 1e-6,
                "{:?} overlaps {:?} at span {}",
                pair[0],
                pair[1],
                axis.range.span()
            );
        }
    }

    #[test]
    fn labels_never_overlap_from_an_hour_to_five_millennia() {
        let mut span = HOUR;
        while span <= 5_000.0 * YEAR {
            for start in [at(2022, 5, 16), at(1991, 1, 1) + 12345.0, at(-500, 3, 1)] {
                let axis = axis(start, span);
                let ticks = calendar_ticks(&axis, &measure);
                assert!(ticks.minor.len() >= 2, "too few ticks at span {span}");
                assert_no_overlap(&ticks.minor, &axis);
                assert_no_overlap(&ticks.major, &axis);
            }
            span *= 1.17;
        }
    }

    #[test]
    fn the_step_follows_the_zoom() {
        let ticks = calendar_ticks(&axis(at(2022, 5, 16), 12.0 * HOUR), &measure);
        assert_eq!(ticks.step, TickStep::Hours(1));
        assert!(ticks.minor.iter().any(|t| t.label == "06:00"));
        assert_eq!(ticks.major[0].label, "16 May 2022");
        let may = calendar_ticks(&axis(at(2022, 5, 1), 31.0 * DAY), &measure);
        assert_eq!(may.step, TickStep::Days(1));
        assert_eq!(may.major[0].label, "May 2022");
        let years = calendar_ticks(&axis(at(1991, 1, 1), 35.0 * YEAR), &measure);
        assert!(matches!(
            years.step,
            TickStep::Years(_) | TickStep::Months(6)
        ));
        let ancient = calendar_ticks(&axis(at(-3000, 1, 1), 2_000.0 * YEAR), &measure);
        assert!(ancient.minor.iter().any(|t| t.label.ends_with("BCE")));
    }

    #[test]
    fn years_before_the_common_era_read_as_bce() {
        assert_eq!(year_label(0), "1 BCE");
        assert_eq!(year_label(-43), "44 BCE");
        assert_eq!(year_label(2022), "2022");
    }

    #[test]
    fn deep_time_reads_in_thousands_millions_and_billions_of_years() {
        assert_eq!(year_label(-9_998), "9999 BCE");
        assert_eq!(year_label(-9_999), "10,000 BCE");
        assert_eq!(year_label(1 - 300_000), "300,000 BCE");
        assert_eq!(year_label(1 - 2_500_000), "2.5 million years ago");
        assert_eq!(year_label(1 - 13_800_000_000), "13.8 billion years ago");
        assert_eq!(year_label(1 - 4_540_000_000), "4.54 billion years ago");
        assert_eq!(year_label(1 - 66_000_000), "66 million years ago");
        assert_eq!(year_label(1 - 250_000_000), "250 million years ago");
        assert_eq!(year_label(12_345), "12,345");
        assert_eq!(year_label(1_660_000_000), "1.66 billion years from now");
    }

    #[test]
    fn deep_time_ticks_are_distinct_and_never_overlap_from_a_millennium_to_the_big_bang() {
        let big_bang = at(1 - 13_800_000_000, 1, 1);
        for start in [big_bang, at(-3_000_000, 1, 1), at(-300_000, 1, 1)] {
            let mut span = 1_000.0 * YEAR;
            while span <= 30.0e9 * YEAR {
                let axis = axis(start, span);
                let ticks = calendar_ticks(&axis, &measure);
                assert!(ticks.minor.len() >= 2, "too few ticks at span {span}");
                assert_no_overlap(&ticks.minor, &axis);
                let mut labels: Vec<&str> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
                labels.dedup();
                assert_eq!(
                    labels.len(),
                    ticks.minor.len(),
                    "repeated labels: {labels:?}"
                );
                for pair in ticks.minor.windows(2) {
                    assert!(pair[0].time < pair[1].time);
                }
                span *= 1.7;
            }
        }
    }

    #[test]
    fn the_span_of_the_universe_is_labelled_in_billions_of_years() {
        let big_bang = at(1 - 13_800_000_000, 1, 1);
        let axis = axis(big_bang, -big_bang);
        let ticks = calendar_ticks(&axis, &measure);
        assert!(
            ticks
                .minor
                .iter()
                .any(|t| t.label.ends_with("billion years ago")),
            "{:?}",
            ticks.minor
        );
    }
}
