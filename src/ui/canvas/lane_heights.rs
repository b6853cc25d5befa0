//! How tall each lane is in this frame: only as tall as the rows of the events in view.

use super::state::CanvasInput;
use crate::timeline::TimeAxis;
use crate::timeline::layout::{LaneContent, LaneLayout};
use crate::timeline::marks::lane_height::{LaneShows, lane_height, reaches_view};

/// The rows a lane draws and its height, in the layout's order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LaneExtent {
    /// Rows in use by the events in view (rows below are not drawn).
    pub(crate) rows: u16,
    /// The lane's height in points.
    pub(crate) height: f32,
}

/// The extent of each of `lanes` on `axis`.
pub(super) fn lane_extents(
    lanes: &[LaneLayout],
    input: &CanvasInput,
    axis: &TimeAxis,
) -> Vec<LaneExtent> {
    lanes
        .iter()
        .map(|l| {
            let person = input.lanes.lanes[l.lane].person.is_some();
            let (rows, shows) = match &l.content {
                LaneContent::Events { items, vague, .. } => {
                    let rows = items
                        .iter()
                        .filter(|item| {
                            reaches_view(&input.dataset.events[item.event as usize], axis)
                        })
                        .map(|item| item.row + 1)
                        .max()
                        .unwrap_or(0)
                        .max(u16::from(*vague > 0))
                        .max(1);
                    (rows, LaneShows::Rows(rows))
                }
                LaneContent::Density(_) => (1, LaneShows::Density),
                LaneContent::Unlaid(shows) => match *shows {
                    LaneShows::Rows(rows) => (rows, LaneShows::Rows(rows)),
                    LaneShows::Density => (1, LaneShows::Density),
                },
            };
            LaneExtent {
                rows,
                height: lane_height(shows, person),
            }
        })
        .collect()
}
