//! The visible stretch of time and its mapping to screen x, both in f64.
//!
//! Time is counted in seconds since 1970-01-01 UTC (as [`crate::model::Moment`]) but
//! kept as `f64`, so that a view can span millennia and still place an hour exactly.

use serde::{Deserialize, Serialize};

/// One hour, in seconds.
pub(crate) const HOUR: f64 = 3_600.0;
/// One day, in seconds.
pub(crate) const DAY: f64 = 86_400.0;
/// The mean Gregorian year, in seconds.
pub const YEAR: f64 = 365.2425 * DAY;

/// The narrowest span a view may show near the present: a quarter of an hour.
pub(crate) const MIN_SPAN: f64 = 15.0 * 60.0;
/// The widest span a view may show: forty billion years, room for the age of
/// the universe with a margin.
pub(crate) const MAX_SPAN: f64 = 40.0e9 * YEAR;
/// How far from 1970 a view may go, either way: twenty billion years.
pub(crate) const MAX_ABS_TIME: f64 = 20.0e9 * YEAR;
/// The narrowest span as a fraction of the distance from 1970: far from it an f64
/// second is coarse (64 s at 13.8 billion years), so a view keeps a million of
/// them across its width and still maps time to x smoothly.
const MIN_SPAN_PER_DISTANCE: f64 = 1.0e-10;

/// The narrowest span a view centred at `t` may show.
pub(crate) fn min_span_at(t: f64) -> f64 {
    MIN_SPAN.max(t.abs() * MIN_SPAN_PER_DISTANCE)
}

/// A half-open stretch of time `[start, end)` in seconds since 1970.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeRange {
    /// The first second shown.
    pub start: f64,
    /// The second just after the last one shown.
    pub end: f64,
}

impl TimeRange {
    /// A range from `start` to `end`, widened to [`MIN_SPAN`] and kept inside the
    /// representable years when needed.
    pub fn new(start: f64, end: f64) -> TimeRange {
        let (start, end) = if start.is_finite() && end.is_finite() && end > start {
            (start, end)
        } else {
            (0.0, YEAR)
        };
        let centre = (start / 2.0 + end / 2.0).clamp(-MAX_ABS_TIME, MAX_ABS_TIME);
        let span = (end - start).clamp(min_span_at(centre), MAX_SPAN);
        TimeRange {
            start: centre - span / 2.0,
            end: centre + span / 2.0,
        }
    }

    /// The length of the range in seconds.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// The middle of the range.
    pub fn centre(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// The range scaled by `factor` (below 1 zooms in) keeping `anchor` at the same place.
    pub fn zoomed_around(&self, anchor: f64, factor: f64) -> TimeRange {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let span = (self.span() * factor).clamp(min_span_at(anchor), MAX_SPAN);
        let factor = span / self.span();
        let start = anchor - (anchor - self.start) * factor;
        TimeRange::new(start, start + span)
    }

    /// The range moved later by `seconds` (earlier when negative).
    pub(crate) fn panned(&self, seconds: f64) -> TimeRange {
        TimeRange::new(self.start + seconds, self.end + seconds)
    }

    /// True when `t` lies in the range.
    pub fn contains(&self, t: f64) -> bool {
        self.start <= t && t < self.end
    }
}

/// The visible range laid over a stretch of screen: converts between time and x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    /// What is shown.
    pub(crate) range: TimeRange,
    /// The screen x of `range.start`.
    pub left: f64,
    /// The width in points that `range` fills.
    pub width: f64,
}

impl TimeAxis {
    /// The mapping of `range` onto `width` points starting at `left`.
    pub fn new(range: TimeRange, left: f32, width: f32) -> TimeAxis {
        TimeAxis {
            range,
            left: f64::from(left),
            width: f64::from(width.max(1.0)),
        }
    }

    /// Seconds per point at this zoom.
    pub(crate) fn seconds_per_point(&self) -> f64 {
        self.range.span() / self.width
    }

    /// The screen x of instant `t` (in f64; it may lie far off screen).
    pub fn x_from_time(&self, t: f64) -> f64 {
        self.left + (t - self.range.start) / self.range.span() * self.width
    }

    /// The instant shown at screen x.
    pub(crate) fn time_from_x(&self, x: f64) -> f64 {
        self.range.start + (x - self.left) / self.width * self.range.span()
    }

    /// The screen x of `t`, clamped to a few screens either side so it can be drawn.
    pub(crate) fn x_clamped(&self, t: f64) -> f32 {
        let x = self.x_from_time(t);
        x.clamp(self.left - 4.0 * self.width, self.left + 5.0 * self.width) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn x_and_time_round_trip(
            centre in -5_000.0 * YEAR..5_000.0 * YEAR,
            span in MIN_SPAN..10_000.0 * YEAR,
            x in -2_000.0f64..4_000.0,
        ) {
            let axis = TimeAxis::new(TimeRange::new(centre - span / 2.0, centre + span / 2.0), 120.0, 1200.0);
            let t = axis.time_from_x(x);
            prop_assert!((axis.x_from_time(t) - x).abs() < 1e-3);
            // An hour stays distinguishable anywhere in the range.
            let hour_px = axis.x_from_time(t + HOUR) - axis.x_from_time(t);
            prop_assert!((hour_px - HOUR / axis.seconds_per_point()).abs() < 1e-3);
        }
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place() {
        let range = TimeRange::new(0.0, 100.0 * DAY);
        let axis = TimeAxis::new(range, 10.0, 1000.0);
        let anchor = axis.time_from_x(300.0);
        let zoomed = TimeAxis::new(range.zoomed_around(anchor, 0.5), 10.0, 1000.0);
        assert!((zoomed.x_from_time(anchor) - 300.0).abs() < 1e-6);
        assert!((zoomed.range.span() - 50.0 * DAY).abs() < 1e-3);
    }

    #[test]
    fn spans_are_kept_between_a_quarter_hour_and_forty_billion_years() {
        let range = TimeRange::new(0.0, DAY);
        assert_eq!(range.zoomed_around(0.0, 1e-9).span(), MIN_SPAN);
        assert_eq!(range.zoomed_around(0.0, 1e20).span(), MAX_SPAN);
    }

    #[test]
    fn the_age_of_the_universe_fits_in_one_view_and_maps_to_x_exactly() {
        let big_bang = -13.8e9 * YEAR;
        let range = TimeRange::new(big_bang, 0.0);
        assert!((range.start - big_bang).abs() < 1e3);
        assert!(range.end.abs() < 1e3);
        let axis = TimeAxis::new(range, 0.0, 1000.0);
        assert!(axis.x_from_time(big_bang).abs() < 1e-9);
        assert!((axis.x_from_time(0.0) - 1000.0).abs() < 1e-9);
        assert!((axis.time_from_x(500.0) - big_bang / 2.0).abs() < YEAR);
    }

    #[test]
    fn zooming_in_at_deep_time_stops_where_x_still_moves_smoothly() {
        let t = -13.8e9 * YEAR;
        let range = TimeRange::new(t - 1e6 * YEAR, t + 1e6 * YEAR);
        let deepest = range.zoomed_around(t, 1e-30);
        // A million distinct f64 seconds across the view: every point of a
        // 4000-point-wide canvas has its own time.
        let ulp = t.abs() * f64::EPSILON;
        assert!(deepest.span() / ulp > 1.0e5);
        let axis = TimeAxis::new(deepest, 0.0, 4000.0);
        let mut last = f64::NEG_INFINITY;
        for x in 0..4000 {
            let time = axis.time_from_x(f64::from(x));
            assert!(time > last, "x {x} has the time of the point before it");
            last = time;
        }
        // Near the present the narrowest view is still a quarter of an hour.
        assert_eq!(TimeRange::new(0.0, 1.0).span(), MIN_SPAN);
    }
}
