//! The look of each kind of event: a shape and a colour of its own, so that kinds
//! can be told apart without colour vision. The viewer paints it and the figure
//! export draws it, from this one table.

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
    /// A diagonal cross, an X.
    Saltire,
    /// A hollow diamond.
    HollowDiamond,
}

impl GlyphShape {
    /// The corners of the shape for a half-size of 1, centred on the origin with y
    /// pointing down, clockwise; `None` for the round shapes and the cross.
    pub fn corners(self) -> Option<Vec<[f32; 2]>> {
        let corners = match self {
            GlyphShape::Disc | GlyphShape::Ring | GlyphShape::Cross | GlyphShape::Saltire => {
                return None;
            }
            GlyphShape::Square => square(0.85),
            GlyphShape::HollowSquare => square(0.8),
            GlyphShape::Diamond => diamond(1.15),
            GlyphShape::HollowDiamond => diamond(1.0),
            GlyphShape::TriangleUp => vec![[0.0, -1.1], [1.05, 0.85], [-1.05, 0.85]],
            GlyphShape::TriangleDown => vec![[-1.05, -0.85], [1.05, -0.85], [0.0, 1.1]],
            GlyphShape::Hexagon => (0..6)
                .map(|i| {
                    let a = std::f32::consts::FRAC_PI_3 * i as f32;
                    [a.cos(), a.sin()]
                })
                .collect(),
            GlyphShape::Star => (0..10)
                .map(|i| {
                    let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::PI / 5.0 * i as f32;
                    let radius = if i % 2 == 0 { 1.25 } else { 0.55 };
                    [a.cos() * radius, a.sin() * radius]
                })
                .collect(),
        };
        Some(corners)
    }

    /// True when the shape is an outline in the kind's colour rather than a filled area.
    pub fn is_hollow(self) -> bool {
        matches!(
            self,
            GlyphShape::Ring | GlyphShape::HollowSquare | GlyphShape::HollowDiamond
        )
    }
}

fn square(half: f32) -> Vec<[f32; 2]> {
    vec![[-half, -half], [half, -half], [half, half], [-half, half]]
}

fn diamond(half: f32) -> Vec<[f32; 2]> {
    vec![[0.0, -half], [half, 0.0], [0.0, half], [-half, 0.0]]
}

/// An opaque colour in 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// The colour with these components.
    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// The colour as CSS and SVG write it: `#3f7fc4`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The shape and colour of a kind of event.
pub fn kind_style(kind: &EventKind) -> (GlyphShape, Rgb) {
    match kind {
        EventKind::Visit => (GlyphShape::Disc, Rgb::new(0x3f, 0x7f, 0xc4)),
        EventKind::PhoneCall => (GlyphShape::Ring, Rgb::new(0x2a, 0xa1, 0x98)),
        EventKind::Meeting => (GlyphShape::Square, Rgb::new(0x4e, 0xa2, 0x45)),
        EventKind::TreatySigning => (GlyphShape::Diamond, Rgb::new(0xd9, 0x4a, 0x4a)),
        EventKind::DiplomaticRelations => (GlyphShape::TriangleUp, Rgb::new(0xe6, 0x80, 0x1a)),
        EventKind::Recognition => (GlyphShape::TriangleDown, Rgb::new(0xa0, 0x6c, 0xc4)),
        EventKind::Membership => (GlyphShape::Hexagon, Rgb::new(0x9a, 0x6b, 0x4f)),
        EventKind::Inauguration => (GlyphShape::Star, Rgb::new(0xc9, 0x9a, 0x10)),
        EventKind::Statement => (GlyphShape::HollowSquare, Rgb::new(0xc9, 0x4f, 0xa6)),
        EventKind::DiplomaticProtest => (GlyphShape::Saltire, Rgb::new(0x9e, 0x1b, 0x32)),
        EventKind::Milestone => (GlyphShape::Cross, Rgb::new(0x70, 0x80, 0x90)),
        EventKind::Other(_) => (GlyphShape::HollowDiamond, Rgb::new(0x80, 0x80, 0x80)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_kind_looks_different() {
        let styles: Vec<(GlyphShape, Rgb)> = EventKind::BUILT_IN.iter().map(kind_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.0, b.0, "two kinds share a shape");
                assert_ne!(a.1, b.1, "two kinds share a colour");
            }
        }
    }

    #[test]
    fn colours_read_as_hex() {
        assert_eq!(kind_style(&EventKind::Visit).1.hex(), "#3f7fc4");
    }
}
