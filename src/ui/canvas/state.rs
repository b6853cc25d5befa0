//! What the canvas is given for a frame, and what it keeps between frames.

use std::collections::BTreeSet;

use eframe::egui::Rect;

use crate::index::{EventIdx, TimeIndex};
use crate::model::{Calendar, Dataset};
use crate::query::EventSet;
use crate::timeline::eras::EraBand;
use crate::timeline::lane_times::LaneTimes;
use crate::timeline::layout::{LaneContent, Layout};
use crate::timeline::marks::label::TitleWidths;
use crate::timeline::{Lanes, TimeAxis, TimeRange};

/// What the canvas draws, borrowed from the app for one frame.
pub struct CanvasInput<'a> {
    /// The dataset.
    pub(crate) dataset: &'a Dataset,
    /// Its events in time order.
    pub(crate) index: &'a TimeIndex,
    /// The lanes and each event's lanes.
    pub(crate) lanes: &'a Lanes,
    /// The events that match the filter; drawn events that do not are faded.
    pub(crate) matched: &'a EventSet,
    /// The same events by rank in `index`'s time order, for laying out lanes.
    pub(crate) matched_ranks: &'a EventSet,
    /// Every event is drawn (laid out in its lanes), not only the matching ones.
    pub(crate) all_shown: bool,
    /// Ring the matching events (a text search is active).
    pub(crate) highlight: bool,
    /// The selected period, `[start, end)` in seconds (infinite on an open side).
    pub(crate) period: Option<(f64, f64)>,
    /// What the period's band says: its bounds and how many events it holds.
    pub(crate) period_label: &'a str,
    /// Each lane's events in time order.
    pub(crate) lane_times: &'a LaneTimes,
    /// The width of each title, measured once for the lanes' layouts.
    pub(crate) titles: &'a TitleWidths,
    /// Changes whenever `lanes` or the drawn events change: the layout is built again.
    pub(crate) generation: u64,
    /// The visible stretch of time.
    pub(crate) range: TimeRange,
    /// The selected event.
    pub(crate) selected: Option<EventIdx>,
    /// Today, to mark it (none in tests).
    pub(crate) today: Option<f64>,
    /// Keys of collapsed lanes.
    pub(crate) collapsed: &'a BTreeSet<String>,
    /// The eras drawn behind the lanes (none when they are hidden).
    pub(crate) eras: &'a [EraBand],
    /// Editing is on: events can be dragged, and a double-click on a lane adds one.
    pub(crate) editing: bool,
    /// The calendars the axis shows.
    pub(crate) calendar: Calendar,
    /// The names the axis gives the Jalali months (Latin letters or Persian script).
    pub(crate) month_names: crate::timeline::jalali_ticks::MonthNames,
    /// The language of the actors' lane names, where they have a name in it.
    pub(crate) lane_names: Option<&'a str>,
}

/// A glyph on screen, for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Where the glyph (and its bar) was drawn.
    pub(crate) rect: Rect,
    /// Which event.
    pub(crate) event: EventIdx,
}

/// What the canvas keeps between frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    pub(super) layout: Option<Layout>,
    /// The glyphs of the last frame.
    pub(crate) hits: Vec<Hit>,
    /// The time axis of the last frame.
    pub axis: Option<TimeAxis>,
    /// How far the lanes are scrolled down, in points.
    pub(super) scroll_y: f32,
    /// Where a period selection being dragged started (seconds).
    pub(super) period_drag: Option<f64>,
    /// The event being dragged to another date.
    pub(super) event_drag: Option<super::editing::EventDrag>,
    /// The labels the axis drew in the last frame, row by row, left to right.
    pub axis_labels: Vec<Vec<String>>,
}

impl CanvasState {
    /// How many lanes of the last frame's layout were laid out, and how many
    /// were left unlaid above the screen.
    pub fn laid_and_unlaid_lanes(&self) -> (usize, usize) {
        self.layout.as_ref().map_or((0, 0), |layout| {
            let unlaid = layout
                .lanes
                .iter()
                .filter(|l| matches!(l.content, LaneContent::Unlaid(_)))
                .count();
            (layout.lanes.len() - unlaid, unlaid)
        })
    }

    /// How far the lanes are scrolled down, in points.
    pub fn scroll_y(&self) -> f32 {
        self.scroll_y
    }
}
