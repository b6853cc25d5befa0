//! The selected period (or the one being dragged) as a band over the lanes, with
//! its bounds and, at its foot, what it holds.

use eframe::egui::{FontId, Painter, Rect, Stroke, StrokeKind, pos2, vec2};

use super::frame::Canvas;
use crate::timeline::period_pick::snapped_period;
use crate::timeline::period_words::as_written;

/// The band's tint, as a share of the selection colour.
const TINT: f32 = 0.22;
/// The tint of a band that fills the view: lighter, so the lanes read through it.
const TINT_FILLING: f32 = 0.08;
/// A band covering this share of the view's width or more fills it.
const FILLING_SHARE: f32 = 0.9;

/// Paints the period `band` (`[start, end)` in seconds); `dragging` when the user is
/// selecting it now, so that its label says the snapped bounds rather than `label`.
pub(super) fn period_band(
    painter: &Painter,
    canvas: &Canvas,
    band: Option<(f64, f64)>,
    dragging: bool,
    label: &str,
) {
    let Some((start, end)) = band else {
        return;
    };
    let (axis, time_rect) = (&canvas.axis, canvas.time_rect);
    let visuals = &canvas.visuals;
    let time_painter = canvas.time_painter(painter);
    let lanes = canvas.lanes_rect.y_range();
    let x0 = axis.x_clamped(start.max(axis.range.start - axis.range.span()));
    let x1 = axis.x_clamped(end.min(axis.range.end + axis.range.span()));
    let band_rect = Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), lanes);
    let accent = visuals.selection.stroke.color;
    let covered = x1.min(time_rect.right()) - x0.max(time_rect.left());
    let fills_view = covered >= FILLING_SHARE * time_rect.width();
    let tint = if fills_view { TINT_FILLING } else { TINT };
    time_painter.rect_filled(
        band_rect,
        0.0,
        visuals.selection.bg_fill.gamma_multiply(tint),
    );
    for x in [x0, x1] {
        if time_rect.x_range().contains(x) {
            time_painter.vline(x, lanes, Stroke::new(1.5, accent));
        }
    }
    let label = if dragging {
        let (from, to) = snapped_period(start, end, axis.seconds_per_point());
        as_written(from.as_deref(), to.as_deref())
    } else {
        label.to_string()
    };
    let text = visuals.text_color();
    let galley = painter.layout_no_wrap(label, FontId::proportional(12.0), text);
    let x = band_rect
        .left()
        .max(time_rect.left())
        .min(time_rect.right() - galley.size().x - 8.0)
        + 4.0;
    // At the foot of the band, where lanes are emptiest.
    let top = canvas.rect.bottom() - galley.size().y - 10.0;
    let label_rect = Rect::from_min_size(pos2(x - 4.0, top - 2.0), galley.size() + vec2(8.0, 4.0));
    time_painter.rect_filled(label_rect, 3.0, visuals.panel_fill);
    time_painter.rect_stroke(
        label_rect,
        3.0,
        Stroke::new(1.0, accent),
        StrokeKind::Inside,
    );
    time_painter.galley(pos2(x, top), galley, text);
}
