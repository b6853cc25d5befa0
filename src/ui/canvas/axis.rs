//! The calendar axis over the lanes, and the line that marks today.

use eframe::egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, TextFormat, pos2};

use super::frame::{AXIS_HEIGHT, Canvas};
use super::ticks_grid::{AxisTicks, TICK_FONT};
use crate::ui::bidi::visual_job;

/// Paints the axis strip: the period's span on it, then the major ticks with their
/// labels on the first line and the minor ones on the second, and the Jalali
/// row on a third when there is one, each label where the ticks placed it, inside the axis.
pub(super) fn axis(
    painter: &Painter,
    canvas: &Canvas,
    axis_ticks: &AxisTicks,
    period: Option<(f64, f64)>,
) {
    let ticks = &axis_ticks.rows;
    let (axis, axis_rect, visuals) = (&canvas.axis, canvas.axis_rect, &canvas.visuals);
    let (text, weak) = (visuals.text_color(), visuals.weak_text_color());
    painter.rect_filled(axis_rect, 0.0, visuals.panel_fill);
    painter.hline(
        axis_rect.x_range(),
        axis_rect.bottom(),
        visuals.widgets.noninteractive.bg_stroke,
    );
    let axis_painter = painter.with_clip_rect(Rect::from_x_y_ranges(
        canvas.time_rect.x_range(),
        axis_rect.y_range(),
    ));
    if let Some((start, end)) = period {
        let span = Rect::from_x_y_ranges(
            axis.x_clamped(start)..=axis.x_clamped(end),
            axis_rect.y_range(),
        );
        axis_painter.rect_filled(span, 0.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    }
    let font = FontId::proportional(TICK_FONT);
    for tick in &ticks.major {
        let x = axis.x_clamped(tick.time);
        if tick.time > axis.range.start {
            axis_painter.vline(
                x,
                axis_rect.top() + 4.0..=axis_rect.bottom(),
                Stroke::new(1.0, weak),
            );
        }
        if let Some(label_x) = tick.label_x {
            tick_label(
                &axis_painter,
                pos2(label_x as f32, axis_rect.top() + 4.0),
                &tick.label,
                (font.clone(), text),
            );
        }
    }
    for tick in &ticks.minor {
        let x = axis.x_clamped(tick.time);
        axis_painter.vline(
            x,
            axis_rect.bottom() - 8.0..=axis_rect.bottom(),
            Stroke::new(1.0, weak),
        );
        if let Some(label_x) = tick.label_x {
            tick_label(
                &axis_painter,
                pos2(label_x as f32, axis_rect.top() + 22.0),
                &tick.label,
                (font.clone(), weak),
            );
        }
    }
    let row_top = axis_rect.top() + AXIS_HEIGHT - 4.0;
    for tick in &axis_ticks.jalali_row {
        let x = axis.x_clamped(tick.time);
        axis_painter.vline(x, row_top..=row_top + 6.0, Stroke::new(1.0, weak));
        if let Some(label_x) = tick.label_x {
            tick_label(
                &axis_painter,
                pos2(label_x as f32, row_top + 2.0),
                &tick.label,
                (font.clone(), text),
            );
        }
    }
}

/// A tick's label with its top left at `pos`, in visual order: a Persian month
/// name reads right to left.
fn tick_label(painter: &Painter, pos: Pos2, label: &str, (font, colour): (FontId, Color32)) {
    let galley = painter.layout_job(visual_job(label, TextFormat::simple(font, colour)));
    painter.galley(pos, galley, colour);
}

/// A red line at today, when it is in view.
pub(super) fn today(painter: &Painter, canvas: &Canvas, today: Option<f64>) {
    let Some(today) = today.filter(|&t| canvas.axis.range.contains(t)) else {
        return;
    };
    let x = canvas.axis.x_from_time(today) as f32;
    let red = Color32::from_rgb(220, 70, 60);
    let rect = canvas.rect;
    painter.vline(x, rect.top() + 20.0..=rect.bottom(), Stroke::new(1.5, red));
    painter.text(
        pos2(x + 3.0, canvas.axis_rect.bottom() - 2.0),
        Align2::LEFT_BOTTOM,
        "Today",
        FontId::proportional(11.0),
        red,
    );
}
