//! Glyphs: each kind of event has a shape and a colour of its own, so that
//! kinds can be told apart without colour vision.

use eframe::egui::{Color32, Painter, Pos2, Shape, Stroke, pos2, vec2};

use crate::model::EventKind;

/// The outline of a glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlyphShape {
    /// A filled disc.
    Disc,
    /// A hollow ring.
    Ring,
    /// A filled square.
    Square,
    /// A filled diamond.
    Diamond,
    /// A triangle pointing up.
    TriangleUp,
    /// A triangle pointing down.
    TriangleDown,
    /// A filled hexagon.
    Hexagon,
    /// A five-pointed star.
    Star,
    /// A hollow square.
    HollowSquare,
    /// A plus sign.
    Cross,
    /// A hollow diamond.
    HollowDiamond,
}

/// The shape and colour of a kind of event.
pub fn kind_style(kind: &EventKind) -> (GlyphShape, Color32) {
    match kind {
        EventKind::Visit => (GlyphShape::Disc, Color32::from_rgb(0x3f, 0x7f, 0xc4)),
        EventKind::PhoneCall => (GlyphShape::Ring, Color32::from_rgb(0x2a, 0xa1, 0x98)),
        EventKind::Meeting => (GlyphShape::Square, Color32::from_rgb(0x4e, 0xa2, 0x45)),
        EventKind::TreatySigning => (GlyphShape::Diamond, Color32::from_rgb(0xd9, 0x4a, 0x4a)),
        EventKind::DiplomaticRelations => {
            (GlyphShape::TriangleUp, Color32::from_rgb(0xe6, 0x80, 0x1a))
        }
        EventKind::Recognition => (
            GlyphShape::TriangleDown,
            Color32::from_rgb(0xa0, 0x6c, 0xc4),
        ),
        EventKind::Membership => (GlyphShape::Hexagon, Color32::from_rgb(0x9a, 0x6b, 0x4f)),
        EventKind::Inauguration => (GlyphShape::Star, Color32::from_rgb(0xc9, 0x9a, 0x10)),
        EventKind::Statement => (
            GlyphShape::HollowSquare,
            Color32::from_rgb(0xc9, 0x4f, 0xa6),
        ),
        EventKind::Milestone => (GlyphShape::Cross, Color32::from_rgb(0x70, 0x80, 0x90)),
        EventKind::Other(_) => (
            GlyphShape::HollowDiamond,
            Color32::from_rgb(0x80, 0x80, 0x80),
        ),
    }
}

/// Paints a glyph of `shape` centred on `c` with half-size `r`; `outline` separates it
/// from what lies beneath (the background colour).
pub fn paint_glyph(
    painter: &Painter,
    c: Pos2,
    r: f32,
    shape: GlyphShape,
    colour: Color32,
    outline: Color32,
) {
    let edge = Stroke::new(1.0, outline);
    let thick = Stroke::new(2.2, colour);
    let poly = |points: Vec<Pos2>| Shape::convex_polygon(points, colour, edge);
    let shape = match shape {
        GlyphShape::Disc => Shape::circle_filled(c, r, colour),
        GlyphShape::Ring => Shape::circle_stroke(c, r - 1.0, thick),
        GlyphShape::Square => poly(vec![
            c + vec2(-r, -r) * 0.85,
            c + vec2(r, -r) * 0.85,
            c + vec2(r, r) * 0.85,
            c + vec2(-r, r) * 0.85,
        ]),
        GlyphShape::Diamond => poly(vec![
            c + vec2(0.0, -r * 1.15),
            c + vec2(r * 1.15, 0.0),
            c + vec2(0.0, r * 1.15),
            c + vec2(-r * 1.15, 0.0),
        ]),
        GlyphShape::TriangleUp => poly(vec![
            c + vec2(0.0, -r * 1.1),
            c + vec2(r * 1.05, r * 0.85),
            c + vec2(-r * 1.05, r * 0.85),
        ]),
        GlyphShape::TriangleDown => poly(vec![
            c + vec2(-r * 1.05, -r * 0.85),
            c + vec2(r * 1.05, -r * 0.85),
            c + vec2(0.0, r * 1.1),
        ]),
        GlyphShape::Hexagon => poly(
            (0..6)
                .map(|i| {
                    let a = std::f32::consts::FRAC_PI_3 * i as f32;
                    c + vec2(a.cos(), a.sin()) * r
                })
                .collect(),
        ),
        GlyphShape::Star => {
            let points: Vec<Pos2> = (0..10)
                .map(|i| {
                    let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::PI / 5.0 * i as f32;
                    let radius = if i % 2 == 0 { r * 1.25 } else { r * 0.55 };
                    c + vec2(a.cos(), a.sin()) * radius
                })
                .collect();
            // A star is not convex: a fan of triangles from the centre.
            let mut shapes = Vec::new();
            for i in 0..10 {
                shapes.push(Shape::convex_polygon(
                    vec![c, points[i], points[(i + 1) % 10]],
                    colour,
                    Stroke::NONE,
                ));
            }
            Shape::Vec(shapes)
        }
        GlyphShape::HollowSquare => Shape::rect_stroke(
            eframe::egui::Rect::from_center_size(c, vec2(r, r) * 1.6),
            0.0,
            thick,
            eframe::egui::StrokeKind::Middle,
        ),
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
        GlyphShape::HollowDiamond => Shape::closed_line(
            vec![
                c + vec2(0.0, -r),
                c + vec2(r, 0.0),
                c + vec2(0.0, r),
                c + vec2(-r, 0.0),
            ],
            thick,
        ),
    };
    painter.add(shape);
}
