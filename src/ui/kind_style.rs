//! The glyph of each event kind, shared by the legend and the canvas.

use eframe::egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, vec2};

use crate::model::EventKind;

/// The outline of a kind's glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlyphShape {
    /// A filled circle.
    Circle,
    /// A square standing on a corner.
    Diamond,
    /// A filled square.
    Square,
    /// A triangle pointing up.
    Triangle,
    /// A triangle pointing down.
    TriangleDown,
    /// A circle outline.
    Ring,
    /// A filled hexagon.
    Hexagon,
    /// A filled pentagon.
    Pentagon,
    /// A plus sign.
    Plus,
    /// A square outline.
    Frame,
    /// A small dot, for a dataset's own kinds.
    Dot,
}

/// The glyph shape and colour of a kind: circle for a visit, diamond for a
/// treaty signing, square for a meeting, triangle for a call, and so on.
pub fn kind_style(kind: &EventKind) -> (GlyphShape, Color32) {
    match kind {
        EventKind::Visit => (GlyphShape::Circle, Color32::from_rgb(52, 120, 200)),
        EventKind::TreatySigning => (GlyphShape::Diamond, Color32::from_rgb(176, 58, 46)),
        EventKind::Meeting => (GlyphShape::Square, Color32::from_rgb(214, 128, 30)),
        EventKind::PhoneCall => (GlyphShape::Triangle, Color32::from_rgb(30, 150, 130)),
        EventKind::Recognition => (GlyphShape::TriangleDown, Color32::from_rgb(120, 80, 170)),
        EventKind::DiplomaticRelations => (GlyphShape::Ring, Color32::from_rgb(90, 110, 60)),
        EventKind::Membership => (GlyphShape::Hexagon, Color32::from_rgb(60, 140, 200)),
        EventKind::Inauguration => (GlyphShape::Pentagon, Color32::from_rgb(190, 150, 20)),
        EventKind::Statement => (GlyphShape::Plus, Color32::from_rgb(110, 110, 110)),
        EventKind::Milestone => (GlyphShape::Frame, Color32::from_rgb(150, 60, 110)),
        EventKind::Other(label) => {
            let hue = label
                .bytes()
                .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
            let [r, g, b] = [hue % 160, (hue / 160) % 160, (hue / 25_600) % 160];
            (
                GlyphShape::Dot,
                Color32::from_rgb(60 + r as u8, 60 + g as u8, 60 + b as u8),
            )
        }
    }
}

/// Paints a glyph centred on `center`, fitting in a circle of `radius`.
pub fn paint_glyph(
    painter: &Painter,
    center: Pos2,
    radius: f32,
    shape: GlyphShape,
    color: Color32,
) {
    let r = radius;
    let polygon = |corners: usize, turn: f32| {
        let points = (0..corners)
            .map(|i| {
                let angle = turn + i as f32 * std::f32::consts::TAU / corners as f32;
                center + r * vec2(angle.cos(), angle.sin())
            })
            .collect();
        Shape::convex_polygon(points, color, Stroke::NONE)
    };
    let up = -std::f32::consts::FRAC_PI_2;
    let shape = match shape {
        GlyphShape::Circle => Shape::circle_filled(center, r * 0.9, color),
        GlyphShape::Dot => Shape::circle_filled(center, r * 0.55, color),
        GlyphShape::Ring => Shape::circle_stroke(center, r * 0.75, Stroke::new(r * 0.35, color)),
        GlyphShape::Diamond => polygon(4, up),
        GlyphShape::Square => Shape::rect_filled(
            Rect::from_center_size(center, vec2(r * 1.6, r * 1.6)),
            0.0,
            color,
        ),
        GlyphShape::Frame => Shape::rect_stroke(
            Rect::from_center_size(center, vec2(r * 1.4, r * 1.4)),
            0.0,
            Stroke::new(r * 0.35, color),
            StrokeKind::Middle,
        ),
        GlyphShape::Triangle => polygon(3, up),
        GlyphShape::TriangleDown => polygon(3, -up),
        GlyphShape::Hexagon => polygon(6, 0.0),
        GlyphShape::Pentagon => polygon(5, up),
        GlyphShape::Plus => {
            let stroke = Stroke::new(r * 0.45, color);
            painter.line_segment([center - vec2(r, 0.0), center + vec2(r, 0.0)], stroke);
            Shape::line_segment([center - vec2(0.0, r), center + vec2(0.0, r)], stroke)
        }
    };
    painter.add(shape);
}

#[cfg(test)]
mod tests {
    use super::kind_style;
    use crate::model::EventKind;

    #[test]
    fn every_built_in_kind_has_its_own_glyph() {
        let styles: Vec<_> = EventKind::BUILT_IN.iter().map(kind_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.0, b.0);
            }
        }
    }
}
