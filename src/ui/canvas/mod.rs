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
mod frame;
mod gutter;
mod input;
mod lane_heights;
mod lanes;
mod layout_cache;
mod period_band;
mod state;
mod ticks_grid;

use eframe::egui::{Sense, Ui};

use crate::command::Command;

pub use eras::era_tint;
pub use events::tooltip_ui;
pub use frame::{AXIS_HEIGHT, GUTTER};
pub use period_band::period_words;
pub use state::{CanvasInput, CanvasState, Hit};

use frame::Canvas;

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
