//! The laid-out lanes, kept between frames and built again only when the zoom
//! level, the window or the data changed.

use eframe::egui::{FontId, Painter};

use super::events::LABEL_FONT;
use super::state::CanvasInput;
use crate::timeline::TimeAxis;
use crate::timeline::layout::{Layout, LayoutKey};
use crate::timeline::marks::label::TextMeasure;

/// The layout for `axis`: `cached` when it still fits, else a new one.
pub(super) fn laid_out(
    painter: &Painter,
    input: &CanvasInput,
    axis: &TimeAxis,
    cached: Option<Layout>,
) -> Option<Layout> {
    let key = LayoutKey::for_axis(axis, input.generation);
    if let Some(layout) = cached.filter(|l| l.key == key) {
        return Some(layout);
    }
    // Titles are measured by their glyphs' advances, not laid out: a laid-out
    // text is cached by egui, and a zoomed-out layout measures every title.
    let font = FontId::proportional(LABEL_FONT);
    let measure =
        painter.fonts_mut(|fonts| TextMeasure::from_ascii(|c| fonts.glyph_width(&font, c)));
    Some(Layout::build(
        key,
        input.dataset,
        input.index,
        input.lanes,
        input.shown,
        &measure,
    ))
}
