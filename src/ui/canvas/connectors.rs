//! The thin vertical lines that join the glyphs of one event drawn in several lanes.

use std::collections::HashMap;

use eframe::egui::{Color32, Painter, Shape, Stroke, layers::ShapeIdx, pos2};

use super::frame::Canvas;
use super::lanes::GlyphColumn;
use crate::index::EventIdx;
use crate::timeline::marks::GLYPH_RADIUS;

/// Keeps a place under the events for the connectors, drawn once the events are known.
pub(super) fn reserve(painter: &Painter, canvas: &Canvas) -> ShapeIdx {
    canvas.time_painter(painter).add(Shape::Noop)
}

/// Fills the place `below` with a line from the top to the bottom glyph of each event
/// drawn in more than one row.
pub(super) fn connectors(
    painter: &Painter,
    canvas: &Canvas,
    below: ShapeIdx,
    positions: &HashMap<EventIdx, GlyphColumn>,
) {
    let colour = if canvas.visuals.dark_mode {
        Color32::from_white_alpha(70)
    } else {
        Color32::from_black_alpha(60)
    };
    let r = GLYPH_RADIUS as f32;
    let lines: Vec<Shape> = positions
        .values()
        .filter(|(_, top, bottom)| bottom > top)
        .map(|&(x, top, bottom)| {
            Shape::line_segment(
                [pos2(x, top + r), pos2(x, bottom - r)],
                Stroke::new(1.0, colour),
            )
        })
        .collect();
    canvas.time_painter(painter).set(below, Shape::Vec(lines));
}
