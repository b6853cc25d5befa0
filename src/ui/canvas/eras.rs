//! The eras as tinted bands behind all lanes, each named at the foot of its band.

use eframe::egui::{Color32, FontId, Painter, Rect, pos2};

use super::frame::Canvas;
use crate::timeline::eras::EraBand;

/// The opacity of a band's tint (of 255): faint enough that the events read over it.
const BAND_ALPHA: u8 = 60;
/// The size of an era's name.
const LABEL_SIZE: f32 = 11.0;
/// The room left at the foot of the canvas for the period's label.
const PERIOD_LABEL_ROOM: f32 = 34.0;
/// The height of one row of era names.
pub(super) const LABEL_ROW: f32 = 15.0;

/// The colour of an era's tint in the current theme.
pub(crate) fn era_tint(band: &EraBand, dark: bool) -> Color32 {
    let [r, g, b] = band.rgb;
    let alpha = if dark { BAND_ALPHA / 2 } else { BAND_ALPHA };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// Paints `bands` over the height of the lanes, under everything else drawn there.
pub(super) fn eras(painter: &Painter, canvas: &Canvas, bands: &[EraBand]) {
    if bands.is_empty() {
        return;
    }
    let (axis, time_rect) = (&canvas.axis, canvas.time_rect);
    let time_painter = canvas.time_painter(painter);
    let lanes = canvas.lanes_rect.y_range();
    let dark = canvas.visuals.dark_mode;
    let text = canvas.visuals.weak_text_color();
    for band in bands {
        if band.end < axis.range.start || band.start > axis.range.end {
            continue;
        }
        let x0 = axis.x_clamped(band.start);
        let x1 = axis.x_clamped(band.end).max(x0 + 1.0);
        time_painter.rect_filled(
            Rect::from_x_y_ranges(x0..=x1, lanes),
            0.0,
            era_tint(band, dark),
        );
        // The name starts at the band's left edge, or at the view's when the band began before it.
        let left = x0.max(time_rect.left()) + 4.0;
        let right = x1.min(time_rect.right()) - 2.0;
        if right - left < 24.0 {
            continue;
        }
        let galley = painter.layout(
            band.name.clone(),
            FontId::proportional(LABEL_SIZE),
            text,
            right - left,
        );
        // At the foot of the lanes, where they are emptiest, above the period's label.
        let top = canvas.rect.bottom() - PERIOD_LABEL_ROOM - (band.row + 1) as f32 * LABEL_ROW;
        let clip = Rect::from_x_y_ranges(left..=right, top..=top + LABEL_ROW);
        time_painter
            .with_clip_rect(clip.intersect(time_painter.clip_rect()))
            .galley(pos2(left, top), galley, text);
    }
}
