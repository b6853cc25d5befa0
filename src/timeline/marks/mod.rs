//! Marks: how an event is drawn at a zoom, the one source for the canvas and the figures.
//!
//! An event is marked by a glyph, with a faint band over the span a coarse date can
//! mean, or a bar over an interval, and a dashed outline when the date is uncertain.
//! This module decides which, where the glyph and the edges lie, how rows are stacked
//! ([`rows`]), how wide a label is and on which side it goes ([`label`]), and how tall
//! the canvas's lanes are ([`lane_height`]). It knows nothing of egui or SVG.

pub mod label;
pub mod lane_height;
pub mod rows;

use super::time_axis::{TimeAxis, TimeRange};
use crate::model::{EdtfDate, Event, Moment, Precision};

/// Half the width of a glyph on the canvas, in points.
pub(crate) const GLYPH_RADIUS: f64 = 6.0;
/// The gap between a glyph and its label on the canvas, in points.
pub(crate) const LABEL_PAD: f64 = 5.0;

/// The shape of an event's mark beside its glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkShape {
    /// A glyph alone: a day or an instant narrower than its glyph.
    Point,
    /// A solid bar from start to end: an interval.
    Bar,
    /// A faint band over the span the date can mean: a year, a month, a wide day.
    Band,
}

impl MarkShape {
    /// The shape of `date` when its span is `width` points wide, with glyphs of `radius`.
    pub(crate) fn of(date: &EdtfDate, width: f64, radius: f64) -> MarkShape {
        if date.is_interval() {
            MarkShape::Bar
        } else if width > 2.0 * radius + 2.0 || date.precision() < Precision::Day {
            MarkShape::Band
        } else {
            MarkShape::Point
        }
    }
}

/// An event's mark placed across the screen or page, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MarkGeometry {
    /// Band, bar or point.
    pub(crate) shape: MarkShape,
    /// The left end of the span the date can mean.
    pub(crate) x0: f64,
    /// The right end of the span.
    pub(crate) x1: f64,
    /// The centre of the glyph.
    pub(crate) glyph_x: f64,
    /// The glyph's half width.
    pub(crate) radius: f64,
    /// The date is uncertain or approximate: the mark is dashed.
    pub(crate) outlined: bool,
}

impl MarkGeometry {
    /// The mark of `event` on the canvas's `axis`: the glyph at [`event_times`]' glyph time
    /// (open ends close on the view), the span clamped to a few screens either side.
    pub(crate) fn on_axis(event: &Event, axis: &TimeAxis, radius: f64) -> MarkGeometry {
        let (glyph, start, end) = event_times(event, axis.range);
        let x0 = f64::from(axis.x_clamped(start));
        let x1 = f64::from(axis.x_clamped(end));
        MarkGeometry {
            shape: MarkShape::of(&event.date, x1 - x0, radius),
            x0,
            x1,
            glyph_x: f64::from(axis.x_clamped(glyph)),
            radius,
            outlined: is_outlined(&event.date),
        }
    }

    /// The mark of `date` on a page whose plot runs from `left` to `right`, `x_of` placing an
    /// instant (open ends far outside the plot): the span is clamped to the plot, and a band's
    /// glyph stands in the middle of its visible part, so that a figure of a month shows the
    /// glyph of that year's events inside it.
    pub(crate) fn on_page(
        date: &EdtfDate,
        x_of: impl Fn(Moment) -> f64,
        (left, right): (f64, f64),
        radius: f64,
    ) -> MarkGeometry {
        let clamp = |x: f64| x.clamp(left, right);
        let raw0 = x_of(date.earliest());
        let raw1 = x_of(date.latest());
        let (x0, x1) = (clamp(raw0), clamp(raw1));
        let shape = MarkShape::of(date, x1 - x0, radius);
        let glyph_x = match shape {
            MarkShape::Band => (x0 + x1) / 2.0,
            // An interval open at the start is marked at its known end.
            MarkShape::Bar if date.earliest().is_open() => x1,
            MarkShape::Bar => x0,
            // A day is drawn at its middle, where the axis labels it.
            MarkShape::Point if date.precision() == Precision::Day => clamp((raw0 + raw1) / 2.0),
            MarkShape::Point => x0,
        };
        MarkGeometry {
            shape,
            x0,
            x1,
            glyph_x,
            radius,
            outlined: is_outlined(date),
        }
    }

    /// The left and right edges of the solid part: the glyph and, for an interval, its bar
    /// (a band is faint and may lie under labels).
    pub(crate) fn solid_edges(&self) -> (f64, f64) {
        solid_edges(
            self.shape == MarkShape::Bar,
            self.glyph_x,
            self.x1,
            self.radius,
        )
    }

    /// The left and right edges of the whole mark, band included.
    pub(crate) fn outer_edges(&self) -> (f64, f64) {
        (
            self.x0.min(self.glyph_x - self.radius),
            self.x1.max(self.glyph_x + self.radius),
        )
    }

    /// True when the glyph gets a dashed ring (an interval's bar is dashed instead).
    pub(crate) fn rings_glyph(&self) -> bool {
        self.outlined && self.shape != MarkShape::Bar
    }
}

/// The left and right edges of the solid part of a mark whose glyph of half
/// width `radius` is at `glyph_x` and whose span ends at `x1`: the glyph, and
/// for a bar (`is_bar`) the bar to its end. The rule of [`MarkGeometry::solid_edges`],
/// for a layout that places many events without making their whole marks.
pub(crate) fn solid_edges(is_bar: bool, glyph_x: f64, x1: f64, radius: f64) -> (f64, f64) {
    let glyph_right = glyph_x + radius;
    let right = if is_bar {
        x1.max(glyph_right)
    } else {
        glyph_right
    };
    (glyph_x - radius, right)
}

/// True when a date is marked uncertain or approximate, and drawn dashed.
pub(crate) fn is_outlined(date: &EdtfDate) -> bool {
    date.is_uncertain() || date.is_approximate()
}

/// Where an event's glyph and its extent lie in time: `(glyph time, start, end)`.
///
/// A point date has its glyph at the middle of the span it can mean; an interval (and an
/// instant) at its start. Open ends are clamped to `clamp`.
pub(crate) fn event_times(event: &Event, clamp: TimeRange) -> (f64, f64, f64) {
    let date = &event.date;
    let start = if date.earliest() == Moment::MIN {
        clamp.start
    } else {
        date.earliest().0 as f64
    };
    let end = if date.latest() == Moment::MAX {
        clamp.end
    } else {
        date.latest().0 as f64
    };
    let glyph = if date.is_interval() || date.precision() == Precision::Time {
        start
    } else {
        (start + end) / 2.0
    };
    (glyph, start, end)
}

/// The instant an event's glyph stands for, whatever the view: used to step from event
/// to event and to keep a selection in view.
pub(crate) fn glyph_time(event: &Event) -> f64 {
    let date = &event.date;
    if date.earliest().is_open() || date.latest().is_open() {
        return date.sort_key().0 as f64;
    }
    let whole = TimeRange {
        start: date.earliest().0 as f64,
        end: date.latest().0 as f64,
    };
    event_times(event, whole).0
}

#[cfg(test)]
mod tests;
