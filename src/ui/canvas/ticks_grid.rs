//! The calendar ticks of the frame, and the grid lines they draw under the lanes.

use eframe::egui::{FontId, Painter, Stroke};

use super::frame::Canvas;
use crate::timeline::ticks::{Ticks, calendar_ticks};

/// The font of the axis's labels.
pub(super) const TICK_FONT: f32 = 12.0;

/// The calendar ticks of the view, spaced so that their labels fit.
pub(super) fn ticks(painter: &Painter, canvas: &Canvas) -> Ticks {
    let font = FontId::proportional(TICK_FONT);
    let text = canvas.visuals.text_color();
    let measure = |s: &str| {
        painter
            .layout_no_wrap(s.to_string(), font.clone(), text)
            .size()
            .x
    };
    calendar_ticks(&canvas.axis, &measure)
}

/// A faint vertical line at every minor tick, under everything in the lanes.
pub(super) fn grid(painter: &Painter, canvas: &Canvas, ticks: &Ticks) {
    let time_painter = canvas.time_painter(painter);
    let stroke = Stroke::new(1.0, canvas.grid_colour());
    for tick in &ticks.minor {
        let x = canvas.axis.x_clamped(tick.time);
        time_painter.vline(x, canvas.lanes_rect.y_range(), stroke);
    }
}
