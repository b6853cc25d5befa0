//! Editing on the canvas: dragging an event moves it in time (its end, when
//! the drag starts on the end of its bar), keeping its precision, with the
//! new date shown during the drag; a double-click on an empty place of a
//! lane asks for a new event there.

use eframe::egui::{FontId, Rect, Response, Stroke, StrokeKind, Ui, pos2, vec2};

use super::frame::Canvas;
use super::input::hit_under;
use super::lanes::LaneRows;
use super::state::{CanvasInput, CanvasState};
use crate::command::{Command, EditCommand};
use crate::edit::Edit;
use crate::index::EventIdx;
use crate::timeline::marks::glyph_time;
use crate::timeline::moving::{date_at, moved_date};

/// A drag that starts this close to the right end of a bar moves the end only.
const END_GRIP: f32 = 6.0;

/// An event being dragged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EventDrag {
    /// Which event.
    pub(crate) event: EventIdx,
    /// Where the drag started, in seconds.
    pub(crate) from: f64,
    /// Only the end of its interval moves.
    pub(crate) end_only: bool,
}

/// Starts dragging the event under the press while editing (not with Shift,
/// which selects a period); true while an event is being dragged.
pub(super) fn start_event_drag(
    ui: &Ui,
    response: &Response,
    canvas: &Canvas,
    input: &CanvasInput,
    state: &mut CanvasState,
) -> bool {
    if input.editing
        && response.drag_started()
        && !ui.input(|i| i.modifiers.shift)
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        && canvas.lanes_rect.contains(origin)
        && let Some(hit) = hit_under(&state.hits, origin)
    {
        let wide = hit.rect.width() > 3.0 * END_GRIP;
        state.event_drag = Some(EventDrag {
            event: hit.event,
            from: canvas.axis.time_from_x(f64::from(origin.x)),
            end_only: wide && origin.x >= hit.rect.right() - END_GRIP,
        });
    }
    if state.event_drag.is_some() && ui.input(|i| i.key_pressed(eframe::egui::Key::Escape)) {
        state.event_drag = None;
    }
    state.event_drag.is_some()
}

/// Shows where the dragged event goes and its new date; at the end of the
/// drag, the edit that moves it.
pub(super) fn follow_event_drag(
    ui: &Ui,
    response: &Response,
    canvas: &Canvas,
    input: &CanvasInput,
    state: &mut CanvasState,
) -> Option<Command> {
    let drag = state.event_drag?;
    let pointer = response.interact_pointer_pos().or(response.hover_pos())?;
    let event = input.dataset.events.get(drag.event as usize)?;
    let seconds = canvas.axis.time_from_x(f64::from(pointer.x)) - drag.from;
    let moved = moved_date(&event.date, seconds, drag.end_only);
    let painter = ui.painter_at(canvas.lanes_rect);
    let colour = canvas.visuals.selection.stroke.color;
    let (x, text) = match &moved {
        Some(date) => {
            let mut at = event.clone();
            at.date = date.clone();
            let x = canvas.axis.x_from_time(glyph_time(&at)) as f32;
            (
                x,
                format!("to {} (from {})", date.text(), event.date.text()),
            )
        }
        None => (pointer.x, event.date.text().to_string()),
    };
    painter.vline(x, canvas.lanes_rect.y_range(), Stroke::new(1.5, colour));
    let galley = painter.layout_no_wrap(
        text,
        FontId::proportional(13.0),
        canvas.visuals.strong_text_color(),
    );
    let size = galley.size() + vec2(10.0, 6.0);
    let left = (x + 8.0).min(canvas.lanes_rect.right() - size.x - 4.0);
    let top = (pointer.y + 14.0).min(canvas.lanes_rect.bottom() - size.y - 4.0);
    let frame = Rect::from_min_size(pos2(left, top), size);
    painter.rect_filled(frame, 3.0, canvas.visuals.extreme_bg_color);
    painter.rect_stroke(frame, 3.0, Stroke::new(1.0, colour), StrokeKind::Inside);
    painter.galley(frame.min + vec2(5.0, 3.0), galley, colour);
    if !response.drag_stopped() {
        return None;
    }
    state.event_drag = None;
    let date = moved?;
    let mut changed = event.clone();
    changed.date = date;
    Some(Command::Edit(EditCommand::Apply(Edit::change_event(
        &event.id, changed,
    ))))
}

/// A double-click on an empty place of a lane while editing: a new event on
/// the date under the pointer, at the zoom's precision, of the lane's actor or topic.
pub(super) fn new_event_at(
    response: &Response,
    canvas: &Canvas,
    input: &CanvasInput,
    rows: &LaneRows,
    hovered: Option<EventIdx>,
) -> Option<Command> {
    if !input.editing || !response.double_clicked() || hovered.is_some() {
        return None;
    }
    let pointer = response.interact_pointer_pos()?;
    if !canvas.time_rect.contains(pointer) || !canvas.lanes_rect.contains(pointer) {
        return None;
    }
    let seconds = canvas.axis.time_from_x(f64::from(pointer.x));
    let date = date_at(seconds, input.range.span());
    let key = rows
        .rects(canvas.rect.left(), canvas.rect.width())
        .find(|(_, rect)| rect.y_range().contains(pointer.y))
        .map(|(i, _)| input.lanes.lanes[rows.layout.lanes[i].lane].key.as_str());
    let (actor, topic) = match key.and_then(|k| k.split_once(':')) {
        Some(("actor", id)) => (Some(id.to_string()), None),
        Some(("topic", id)) => (None, Some(id.to_string())),
        _ => (None, None),
    };
    Some(Command::Edit(EditCommand::NewEvent {
        date: Some(date),
        actor,
        topic,
    }))
}
