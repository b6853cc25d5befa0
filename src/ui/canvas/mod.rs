//! The timeline canvas: the calendar axis, the lanes with their events, and
//! the zoom, pan, hover and click that drive them.
//!
//! [`canvas_ui`] reads as the list of its layers, painted bottom to top; each layer
//! is a function of its own file, and the input is turned into [`Command`]s apart.

mod accessibility;
mod axis;
mod connectors;
mod editing;
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

pub(crate) use eras::era_tint;
pub(crate) use frame::GUTTER;
pub use state::{CanvasInput, CanvasState, Hit};

use frame::Canvas;

use crate::model::Calendar;

/// Shows the canvas in the whole of `ui`; what the user asked for.
pub(crate) fn canvas_ui(ui: &mut Ui, input: &CanvasInput, state: &mut CanvasState) -> Vec<Command> {
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    accessibility::describe(&response, input);
    let painter = ui.painter_at(rect);
    let axis_height = match input.calendar {
        Calendar::Both => frame::AXIS_HEIGHT + frame::JALALI_ROW_HEIGHT,
        _ => frame::AXIS_HEIGHT,
    };
    let canvas = Canvas::new(rect, input.range, axis_height, ui.visuals().clone());
    painter.rect_filled(rect, 0.0, canvas.visuals.extreme_bg_color);
    state.axis = Some(canvas.axis);

    // Lanes are laid out as far as the screen reaches, before and after a drag scrolls it.
    let layout = layout_cache::laid_out(input, &canvas.axis, state.layout.take(), state.scroll_y);
    let mut covered = layout_cache::Covered::new(layout, input, &canvas.axis);
    let room = canvas.lanes_rect.height().max(0.0);
    let on_screen = |scroll_y: f32| (scroll_y, scroll_y + room);
    covered.reach(&painter, input, &canvas.axis, on_screen(state.scroll_y));
    let (laid, rest) = covered.heights(input);
    editing::start_event_drag(ui, &response, &canvas, input, state);
    let dragged_period = input::track_drags(ui, &response, &canvas, laid + rest, state);
    covered.reach(&painter, input, &canvas.axis, on_screen(state.scroll_y));
    let layout_cache::Covered { layout, extents } = covered;
    let ticks = ticks_grid::ticks(&painter, &canvas, (input.calendar, input.month_names));
    ticks_grid::grid(&painter, &canvas, &ticks.rows);
    state.axis_labels = ticks.labels();
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
    let hovered = input::hover(&response, input, &state.hits);
    commands.extend(editing::new_event_at(
        &response, &canvas, input, &rows, hovered,
    ));
    commands.extend(editing::follow_event_drag(
        ui, &response, &canvas, input, state,
    ));
    state.layout = Some(layout);

    let ended_period = if response.drag_stopped() {
        state.period_drag.take()
    } else {
        None
    };
    let drag = input::Drag {
        ended_period,
        selecting: state.period_drag.is_some() || state.event_drag.is_some(),
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
