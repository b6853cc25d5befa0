//! How tall a lane of the canvas is: its rows of marks, or its density strip, and
//! room for a person's role caption.

use super::{GLYPH_RADIUS, event_times};
use crate::model::Event;
use crate::timeline::TimeAxis;

/// Height of one row of events, in points.
pub(crate) const ROW_HEIGHT: f32 = 22.0;
/// Space above and below the rows of a lane.
pub(crate) const LANE_PAD: f32 = 6.0;
/// Room under a person's events for the caption of their role.
pub(crate) const CAPTION_HEIGHT: f32 = 9.0;
/// Height of a lane that shows density.
pub(crate) const DENSITY_HEIGHT: f32 = 30.0;

/// What a lane shows, as far as its height goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LaneShows {
    /// This many rows of marks.
    Rows(u16),
    /// A density strip.
    Density,
}

/// The height of a lane that shows `shows`; a person's lane keeps room at the bottom
/// for the caption of their role.
pub(crate) fn lane_height(shows: LaneShows, person: bool) -> f32 {
    let caption = if person { CAPTION_HEIGHT } else { 0.0 };
    caption
        + match shows {
            LaneShows::Rows(rows) => f32::from(rows) * ROW_HEIGHT + 2.0 * LANE_PAD,
            LaneShows::Density => DENSITY_HEIGHT,
        }
}

/// The centre of row `row` below the top of its lane.
pub(crate) fn row_centre(row: u16) -> f32 {
    LANE_PAD + (f32::from(row) + 0.5) * ROW_HEIGHT
}

/// True when the glyph or the bar of `event` reaches into the view of `axis`:
/// a lane is only as tall as the rows of the events it shows now.
pub(crate) fn reaches_view(event: &Event, axis: &TimeAxis) -> bool {
    let (glyph, start, end) = event_times(event, axis.range);
    let pad = GLYPH_RADIUS * axis.seconds_per_point();
    let right = if event.date.is_interval() { end } else { glyph };
    right + pad >= axis.range.start && start.min(glyph) - pad <= axis.range.end
}
