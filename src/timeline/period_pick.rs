//! Turning a dragged stretch of the axis into a period of whole calendar
//! units, written as EDTF dates: whole days when days are wide enough to aim
//! at, whole months or years when zoomed further out.

use crate::model::{EdtfDate, Moment};

use super::time_axis::DAY;

/// The calendar unit a dragged period snaps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Whole days: `2022-05-16`.
    Day,
    /// Whole months: `2022-05`.
    Month,
    /// Whole years: `2022`.
    Year,
}

/// How wide a unit must be on screen, in points, to be aimed at.
const AIMABLE: f64 = 4.0;

impl Unit {
    /// The finest unit that is at least a few points wide at this zoom.
    pub(crate) fn at_zoom(seconds_per_point: f64) -> Unit {
        if DAY / seconds_per_point >= AIMABLE {
            Unit::Day
        } else if 30.0 * DAY / seconds_per_point >= AIMABLE {
            Unit::Month
        } else {
            Unit::Year
        }
    }

    /// The unit holding the instant `t` (seconds since 1970), as EDTF.
    pub(crate) fn containing(self, t: f64) -> Option<String> {
        let (year, month, day, _) = Moment(t.floor() as i64).to_civil();
        let year_text = if year < 0 {
            format!("-{:04}", -year)
        } else {
            format!("{year:04}")
        };
        let text = match self {
            Unit::Day => format!("{year_text}-{month:02}-{day:02}"),
            Unit::Month => format!("{year_text}-{month:02}"),
            Unit::Year => year_text,
        };
        // Years beyond four digits are not written this way: leave that side open.
        EdtfDate::parse(&text).ok().map(|_| text)
    }
}

/// The period from the unit holding the earlier of `a` and `b` to the unit
/// holding the later, snapped at the zoom `seconds_per_point`.
pub(crate) fn snapped_period(
    a: f64,
    b: f64,
    seconds_per_point: f64,
) -> (Option<String>, Option<String>) {
    let unit = Unit::at_zoom(seconds_per_point);
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    (unit.containing(from), unit.containing(to))
}

#[cfg(test)]
mod tests {
    use super::{Unit, snapped_period};
    use crate::model::Moment;
    use crate::timeline::time_axis::{DAY, YEAR};

    fn at(y: i64, m: u32, d: u32) -> f64 {
        Moment::from_ymd(y, m, d).0 as f64
    }

    #[test]
    fn a_drag_across_may_at_day_zoom_gives_its_first_and_last_day() {
        let spp = DAY / 20.0;
        let (from, to) = snapped_period(at(2022, 5, 31) + 3600.0, at(2022, 5, 1) + 60.0, spp);
        assert_eq!(from.as_deref(), Some("2022-05-01"));
        assert_eq!(to.as_deref(), Some("2022-05-31"));
    }

    #[test]
    fn zoomed_out_the_drag_snaps_to_months_then_years() {
        assert_eq!(Unit::at_zoom(2.0 * DAY), Unit::Month);
        assert_eq!(Unit::at_zoom(YEAR / 20.0), Unit::Year);
        let (from, to) = snapped_period(at(2012, 3, 9), at(2024, 11, 2), YEAR / 20.0);
        assert_eq!(
            (from.as_deref(), to.as_deref()),
            (Some("2012"), Some("2024"))
        );
        let (from, to) = snapped_period(at(2022, 4, 9), at(2022, 6, 2), 2.0 * DAY);
        assert_eq!(
            (from.as_deref(), to.as_deref()),
            (Some("2022-04"), Some("2022-06"))
        );
    }

    #[test]
    fn years_before_the_common_era_are_written_with_a_sign() {
        let (from, _) = snapped_period(at(-44, 3, 15), at(-40, 1, 1), YEAR / 20.0);
        assert_eq!(from.as_deref(), Some("-0044"));
    }
}
