//! Where the view stands: the visible range, the selected event, the lanes and
//! the canvas's memory of the last frame.

use std::collections::BTreeSet;

use super::Document;
use crate::index::EventIdx;
use crate::query::EventSet;
use crate::timeline::lane_times::LaneTimes;
use crate::timeline::marks::label::TitleWidths;
use crate::timeline::time_axis::YEAR;
use crate::timeline::{LaneMode, Lanes, TimeRange};
use crate::ui::canvas::CanvasState;

/// The view of the open document; the one place its range and selection are kept.
#[derive(Debug)]
pub(super) struct Viewport {
    /// The visible stretch of time.
    pub(crate) range: TimeRange,
    /// The selected event.
    pub(crate) selected: Option<EventIdx>,
    /// The person whose roles the details panel shows, when no event is selected.
    pub(crate) person: Option<String>,
    /// The lanes and each event's lanes.
    pub(crate) lanes: Lanes,
    /// Each lane's events in time order.
    pub(crate) lane_times: LaneTimes,
    /// The width of each event's title, measured when first laid out.
    pub(crate) titles: TitleWidths,
    /// The lanes are of another document (one was opened or reloaded).
    lanes_stale: bool,
    /// Changes whenever the lanes or the shown events change: the canvas lays out again.
    pub(crate) generation: u64,
    /// What the canvas keeps between frames.
    pub(crate) canvas: CanvasState,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            range: TimeRange::new(0.0, YEAR),
            selected: None,
            person: None,
            lanes: Lanes::default(),
            lane_times: LaneTimes::default(),
            titles: TitleWidths::default(),
            lanes_stale: true,
            generation: 0,
            canvas: CanvasState::default(),
        }
    }
}

impl Viewport {
    /// The id of the selected event in `doc`, to find it again in another version.
    pub(crate) fn selected_id(&self, doc: &Document) -> Option<String> {
        self.selected
            .and_then(|e| doc.dataset().events.get(e as usize))
            .map(|e| e.id.to_string())
    }

    /// Builds the lanes again at the next change of the shown events.
    pub(crate) fn lanes_are_stale(&mut self) {
        self.lanes_stale = true;
    }

    /// Builds the lanes of `doc` grouped by `mode`, `collapsed` folded.
    pub(crate) fn rebuild_lanes(
        &mut self,
        doc: &Document,
        mode: LaneMode,
        collapsed: &BTreeSet<String>,
    ) {
        self.lanes = Lanes::build(doc.dataset(), mode, collapsed);
        self.lane_times = LaneTimes::new(doc.index(), &self.lanes);
        self.titles = TitleWidths::new(doc.dataset().events.len());
        self.lanes_stale = false;
        self.lay_out_again();
    }

    /// Follows events changed in place without leaving their lanes: each
    /// takes its new place in its lanes' time order, and its title is measured again.
    pub(crate) fn events_moved(&mut self, doc: &Document, moves: &[super::document::Move]) {
        if self.lanes_stale {
            return;
        }
        for &(event, ranks) in moves {
            if !self
                .lane_times
                .event_moved(doc.index(), &self.lanes, event, ranks)
            {
                self.lane_times = LaneTimes::new(doc.index(), &self.lanes);
            }
            self.titles.forget(event as usize);
        }
    }

    /// Follows a change of the shown events: the lanes when they are stale, the layout always.
    pub(crate) fn shown_changed(
        &mut self,
        doc: &Document,
        mode: LaneMode,
        collapsed: &BTreeSet<String>,
    ) {
        if self.lanes_stale {
            self.rebuild_lanes(doc, mode, collapsed);
        } else {
            // The lanes do not depend on the filter: only the layout changes.
            self.lay_out_again();
        }
    }

    /// Hides the lanes in which no event of `shown` (by rank in time order) is drawn
    /// (a lane with a non-empty lane nested under it stays); None shows every lane.
    pub(crate) fn hide_empty_lanes(&mut self, shown: Option<&EventSet>) {
        if self.lanes_stale {
            return;
        }
        let holding = shown.map(|shown| self.lane_times.lanes_holding(|r| shown.contains(r)));
        if self.lanes.hide_empty(holding.as_deref()) {
            self.lay_out_again();
        }
    }

    /// Makes the canvas lay out again at the next frame.
    pub(crate) fn lay_out_again(&mut self) {
        self.generation += 1;
    }
}
