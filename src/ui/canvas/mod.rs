//! The timeline canvas: the calendar axis, the lanes with their events, and
//! the zoom, pan, hover and click that drive them.
//!
//! [`canvas_ui`] reads as the list of its layers, painted bottom to top; each layer
//! is a function of its own file, and the input is turned into [`Command`]s apart.

mod accessibility;
mod axis;
mod connectors;
mod eras;
mod events;
mod gutter;
mod input;
mod lane_heights;
mod lanes;
mod layout_cache;
mod period_band;
mod ticks_grid;

use std::collections::BTreeSet;

use eframe::egui::{Color32, Painter, Rect, Sense, Ui, Visuals, pos2};

use crate::command::Command;
use crate::index::{EventIdx, TimeIndex};
use crate::model::Dataset;
use crate::timeline::eras::EraBand;
use crate::timeline::layout::Layout;
use crate::timeline::{Lanes, TimeAxis, TimeRange};

pub use eras::era_tint;
pub use events::tooltip_ui;

/// Width of the lane labels at the left, in points.
pub const GUTTER: f32 = 200.0;
/// Height of the time axis at the top, in points.
pub const AXIS_HEIGHT: f32 = 44.0;

/// What the canvas draws, borrowed from the app for one frame.
pub struct CanvasInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Its events in time order.
    pub index: &'a TimeIndex,
    /// The lanes and each event's lanes.
    pub lanes: &'a Lanes,
    /// One flag per event: is it drawn (laid out in its lanes).
    pub shown: &'a [bool],
    /// One flag per event: does it match the filter; drawn events that do not are faded.
    pub matched: &'a [bool],
    /// Ring the matching events (a text search is active).
    pub highlight: bool,
    /// The selected period, `[start, end)` in seconds (infinite on an open side).
    pub period: Option<(f64, f64)>,
    /// What the period's band says: its bounds and how many events it holds.
    pub period_label: &'a str,
    /// Changes whenever `lanes` or `shown` change.
    pub generation: u64,
    /// The visible stretch of time.
    pub range: TimeRange,
    /// The selected event.
    pub selected: Option<EventIdx>,
    /// Today, to mark it (none in tests).
    pub today: Option<f64>,
    /// Keys of collapsed lanes.
    pub collapsed: &'a BTreeSet<String>,
    /// The eras drawn behind the lanes (none when they are hidden).
    pub eras: &'a [EraBand],
}

/// A glyph on screen, for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Where the glyph (and its bar) was drawn.
    pub rect: Rect,
    /// Which event.
    pub event: EventIdx,
}

/// What the canvas keeps between frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    layout: Option<Layout>,
    /// The glyphs of the last frame.
    pub hits: Vec<Hit>,
    /// The time axis of the last frame.
    pub axis: Option<TimeAxis>,
    scroll_y: f32,
    /// Where a period selection being dragged started (seconds).
    period_drag: Option<f64>,
}

impl CanvasState {
    /// The layout of the last frame (for tests and the level-of-detail report).
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref()
    }

    /// Forgets the layout, so that the next frame lays out again.
    pub fn invalidate(&mut self) {
        self.layout = None;
    }
}

/// Where the parts of the canvas lie in one frame, and the colours they share.
struct Canvas {
    /// The whole canvas.
    rect: Rect,
    /// The part right of the gutter, where time runs.
    time_rect: Rect,
    /// The axis strip along the top.
    axis_rect: Rect,
    /// The lanes under the axis.
    lanes_rect: Rect,
    /// Time across `time_rect`.
    axis: TimeAxis,
    visuals: Visuals,
}

impl Canvas {
    /// The canvas in `rect` showing `range`.
    fn new(rect: Rect, range: TimeRange, visuals: Visuals) -> Canvas {
        let time_rect = Rect::from_min_max(
            pos2(rect.left() + GUTTER, rect.top()),
            pos2(rect.right() - 8.0, rect.bottom()),
        );
        Canvas {
            rect,
            time_rect,
            axis_rect: Rect::from_min_max(rect.min, pos2(rect.right(), rect.top() + AXIS_HEIGHT)),
            lanes_rect: Rect::from_min_max(pos2(rect.left(), rect.top() + AXIS_HEIGHT), rect.max),
            axis: TimeAxis::new(range, time_rect.left(), time_rect.width()),
            visuals,
        }
    }

    /// The faint lines of the grid and between lanes.
    fn grid_colour(&self) -> Color32 {
        if self.visuals.dark_mode {
            Color32::from_white_alpha(12)
        } else {
            Color32::from_black_alpha(14)
        }
    }

    /// A painter for the lanes where time runs (right of the gutter, under the axis).
    fn time_painter(&self, painter: &Painter) -> Painter {
        painter.with_clip_rect(self.lanes_rect.intersect(self.time_rect))
    }
}

/// Shows the canvas in the whole of `ui`; what the user asked for.
pub fn canvas_ui(ui: &mut Ui, input: &CanvasInput, state: &mut CanvasState) -> Vec<Command> {
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    accessibility::describe(&response, input);
    let painter = ui.painter_at(rect);
    let canvas = Canvas::new(rect, input.range, ui.visuals().clone());
    painter.rect_filled(rect, 0.0, canvas.visuals.extreme_bg_color);
    state.axis = Some(canvas.axis);

    let Some(layout) = layout_cache::laid_out(&painter, input, &canvas.axis, state.layout.take())
    else {
        return Vec::new();
    };
    let extents = lane_heights::lane_extents(&layout, input, &canvas.axis);
    let dragged_period = input::track_drags(ui, &response, &canvas, &extents, state);
    let ticks = ticks_grid::ticks(&painter, &canvas);
    ticks_grid::grid(&painter, &canvas, &ticks);
    eras::eras(&painter, &canvas, input.eras);
    let lanes_top = canvas.lanes_rect.top() - state.scroll_y;
    let connectors_below = connectors::reserve(&painter, &canvas);
    let rows = lanes::LaneRows {
        layout: &layout,
        extents: &extents,
        top: lanes_top,
    };
    let positions = lanes::lanes(&painter, &canvas, input, &rows, &mut state.hits);
    connectors::connectors(&painter, &canvas, connectors_below, &positions);
    let band = dragged_period.or(input.period);
    period_band::period_band(
        &painter,
        &canvas,
        band,
        dragged_period.is_some(),
        input.period_label,
    );
    axis::axis(&painter, &canvas, &ticks, band);
    axis::today(&painter, &canvas, input.today);
    let mut commands = gutter::gutter(ui, &painter, &canvas, input, &rows);
    state.layout = Some(layout);

    let hovered = input::hover(&response, input, &state.hits);
    let ended_period = if response.drag_stopped() {
        state.period_drag.take()
    } else {
        None
    };
    let drag = input::Drag {
        ended_period,
        selecting: state.period_drag.is_some(),
    };
    commands.extend(input::pan_and_zoom_interaction(
        ui,
        &response,
        &canvas.axis,
        hovered,
        drag,
    ));
    commands
}

/// "2022-05-01 – 2022-05-31", with `…` for an open side.
pub fn period_words(from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!("{} – {}", a.unwrap_or("…"), b.unwrap_or("…")),
    }
}
