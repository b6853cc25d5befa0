//! The pointer on the canvas: dragging a period or the lanes, hovering an event,
//! and the [`Command`]s that clicks, drags, the wheel and pinches ask for.

use eframe::egui::{self, Pos2, Response, Ui};

use super::events::tooltip_ui;
use super::frame::Canvas;
use super::state::{CanvasInput, CanvasState, Hit};
use crate::command::Command;
use crate::index::EventIdx;
use crate::query::Period;
use crate::timeline::TimeAxis;
use crate::timeline::period_pick::snapped_period;

/// A drag that selects a period must cover this many points, else it is a click.
const MIN_PERIOD_DRAG: f64 = 3.0;

/// Follows the drags that the canvas keeps to itself: the start of a period being
/// selected (Shift-drag, or a drag on the axis) and the lanes scrolled up and down;
/// the period being dragged, `[start, end)` in seconds. The lanes are `lanes_height` tall.
pub(super) fn track_drags(
    ui: &Ui,
    response: &Response,
    canvas: &Canvas,
    lanes_height: f32,
    state: &mut CanvasState,
) -> Option<(f64, f64)> {
    let axis = &canvas.axis;
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        && (ui.input(|i| i.modifiers.shift) || canvas.axis_rect.contains(origin))
    {
        state.period_drag = Some(axis.time_from_x(f64::from(origin.x)));
    }
    if state.period_drag.is_some() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.period_drag = None;
    }
    let dragged_period = state.period_drag.and_then(|start| {
        let end = axis.time_from_x(f64::from(response.interact_pointer_pos()?.x));
        Some((start.min(end), start.max(end)))
    });
    if response.dragged() && state.period_drag.is_none() && state.event_drag.is_none() {
        state.scroll_y -= response.drag_delta().y;
    }
    let room = canvas.lanes_rect.height().max(0.0);
    state.scroll_y = state.scroll_y.clamp(0.0, (lanes_height - room).max(0.0));
    dragged_period
}

/// Shows the hover card of the event under the pointer; that event.
pub(super) fn hover(response: &Response, input: &CanvasInput, hits: &[Hit]) -> Option<EventIdx> {
    let pointer = response.hover_pos().or(response.interact_pointer_pos());
    let hovered = pointer.and_then(|p| hit_under(hits, p)).map(|h| h.event);
    if let (Some(event), true) = (hovered, response.hovered()) {
        let event_data = &input.dataset.events[event as usize];
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, input.dataset, event_data));
    }
    hovered
}

/// Where a period drag stands at the end of the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Drag {
    /// The start (seconds) of a period drag that ended in this frame.
    pub(crate) ended_period: Option<f64>,
    /// A period is being selected: dragging does not pan.
    pub(crate) selecting: bool,
}

/// What the pointer asked for: select or fit the hovered event, set the dragged period,
/// pan by dragging or by the horizontal wheel, zoom around the pointer.
pub(super) fn pan_and_zoom_interaction(
    ui: &Ui,
    response: &Response,
    axis: &TimeAxis,
    hovered: Option<EventIdx>,
    drag: Drag,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let pointer = response.hover_pos().or(response.interact_pointer_pos());
    if response.double_clicked() {
        if let Some(event) = hovered {
            commands.push(Command::FitEvent(event));
        }
    } else if response.clicked()
        && let Some(event) = hovered
    {
        commands.push(Command::Select(Some(event)));
    }
    if let Some(start) = drag.ended_period
        && let Some(p) = pointer
    {
        let end = axis.time_from_x(f64::from(p.x));
        // A press without a real drag selects nothing.
        if (end - start).abs() / axis.seconds_per_point() >= MIN_PERIOD_DRAG {
            let (from, to) = snapped_period(start, end, axis.seconds_per_point());
            commands.push(Command::SetPeriod(Period { from, to }));
        }
    } else if response.dragged() && !drag.selecting {
        let dx = f64::from(response.drag_delta().x);
        if dx != 0.0 {
            commands.push(Command::Pan(-dx * axis.seconds_per_point()));
        }
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let anchor = pointer.map(|p| axis.time_from_x(f64::from(p.x)));
        let factor = f64::from(zoom).recip() * (-f64::from(scroll.y) / 200.0).exp2();
        if (factor - 1.0).abs() > 1e-6 {
            commands.push(Command::ZoomBy { factor, anchor });
        }
        if scroll.x != 0.0 {
            commands.push(Command::Pan(
                -f64::from(scroll.x) * axis.seconds_per_point(),
            ));
        }
    }
    commands
}

/// The glyph under `p`, the nearest when several are.
pub(super) fn hit_under(hits: &[Hit], p: Pos2) -> Option<Hit> {
    hits.iter()
        .filter(|h| h.rect.expand(2.0).contains(p))
        .min_by(|a, b| {
            let da = a.rect.center().distance_sq(p);
            let db = b.rect.center().distance_sq(p);
            da.total_cmp(&db)
        })
        .copied()
}
