//! Glyphs on screen: paints the shape and colour that
//! [`crate::timeline::kind_style`] gives each kind of event.

use eframe::egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

pub use crate::timeline::kind_style::GlyphShape;
use crate::timeline::kind_style::{self, Rgb};

use crate::model::EventKind;

/// The shape and colour of a kind of event, as egui paints it.
pub fn kind_style(kind: &EventKind) -> (GlyphShape, Color32) {
    let (shape, colour) = kind_style::kind_style(kind);
    (shape, colour32(colour))
}

/// The egui colour of `colour`.
fn colour32(colour: Rgb) -> Color32 {
    Color32::from_rgb(colour.r, colour.g, colour.b)
}

/// Paints a glyph of `shape` centred on `c` with half-size `r`; `outline` separates it
/// from what lies beneath (the background colour).
pub(crate) fn paint_glyph(
    painter: &Painter,
    c: Pos2,
    r: f32,
    shape: GlyphShape,
    colour: Color32,
    outline: Color32,
) {
    let edge = Stroke::new(1.0, outline);
    let thick = Stroke::new(2.2, colour);
    let corners: Vec<Pos2> = shape
        .corners()
        .unwrap_or_default()
        .into_iter()
        .map(|[x, y]| c + vec2(x, y) * r)
        .collect();
    let shape = match shape {
        GlyphShape::Disc => Shape::circle_filled(c, r, colour),
        GlyphShape::Ring => Shape::circle_stroke(c, r - 1.0, thick),
        GlyphShape::Cross => Shape::Vec(vec![
            Shape::line_segment(
                [pos2(c.x - r, c.y), pos2(c.x + r, c.y)],
                Stroke::new(3.0, colour),
            ),
            Shape::line_segment(
                [pos2(c.x, c.y - r), pos2(c.x, c.y + r)],
                Stroke::new(3.0, colour),
            ),
        ]),
        GlyphShape::Saltire => {
            let d = r * 0.85;
            Shape::Vec(vec![
                Shape::line_segment(
                    [pos2(c.x - d, c.y - d), pos2(c.x + d, c.y + d)],
                    Stroke::new(3.0, colour),
                ),
                Shape::line_segment(
                    [pos2(c.x - d, c.y + d), pos2(c.x + d, c.y - d)],
                    Stroke::new(3.0, colour),
                ),
            ])
        }
        // A star is not convex: a fan of triangles from the centre.
        GlyphShape::Star => Shape::Vec(
            (0..corners.len())
                .map(|i| {
                    Shape::convex_polygon(
                        vec![c, corners[i], corners[(i + 1) % corners.len()]],
                        colour,
                        Stroke::NONE,
                    )
                })
                .collect(),
        ),
        GlyphShape::HollowSquare => {
            Shape::rect_stroke(Rect::from_points(&corners), 0.0, thick, StrokeKind::Middle)
        }
        GlyphShape::HollowDiamond => Shape::closed_line(corners, thick),
        GlyphShape::Square
        | GlyphShape::Diamond
        | GlyphShape::TriangleUp
        | GlyphShape::TriangleDown
        | GlyphShape::Hexagon => Shape::convex_polygon(corners, colour, edge),
    };
    painter.add(shape);
}

/// The outline of `r` as a dashed line of `dash` points with `gap` between:
/// how an uncertain date is drawn.
pub(crate) fn dashed_rect(r: Rect, colour: Color32, dash: f32, gap: f32) -> Shape {
    let points = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    Shape::Vec(Shape::dashed_line(
        &points,
        Stroke::new(1.0, colour),
        dash,
        gap,
    ))
}
