//! The look of each kind of event: a shape and a colour of its own, so that kinds
//! can be told apart without colour vision. The viewer paints it and the figure
//! export draws it, from this one table.

use crate::model::EventKind;
use crate::model::cameo::{self, CameoCode, QuadClass};

/// The outline of a glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    pub(crate) fn corners(self) -> Option<Vec<[f32; 2]>> {
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
    pub(crate) fn is_hollow(self) -> bool {
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
    pub(crate) r: u8,
    /// Green.
    pub(crate) g: u8,
    /// Blue.
    pub(crate) b: u8,
}

impl Rgb {
    /// The colour with these components.
    pub(crate) const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// The colour as CSS and SVG write it: `#3f7fc4`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The shape and colour of a kind of event.
///
/// Built-in kinds have fixed looks. A kind of the dataset's own named by a CAMEO
/// label (as the GDELT and ICEWS importers name them) takes the colour of its
/// QuadClass ([`quad_colour`]) and a shape per root within the class; any other
/// own kind a shape and colour from a palette, chosen by its label, so that the
/// same label always looks the same.
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
        EventKind::Other(label) => match cameo::by_kind_label(label) {
            Some(code) => cameo_style(code),
            None => palette_style(label),
        },
    }
}

/// The colour of CAMEO kinds of a QuadClass: blues for cooperation, reds for
/// conflict, the darker one for material acts (a diverging scheme that reads
/// without telling red from green).
pub fn quad_colour(quad: QuadClass) -> Rgb {
    match quad {
        QuadClass::VerbalCooperation => Rgb::new(0x67, 0xa9, 0xcf),
        QuadClass::MaterialCooperation => Rgb::new(0x21, 0x66, 0xac),
        QuadClass::VerbalConflict => Rgb::new(0xef, 0x8a, 0x62),
        QuadClass::MaterialConflict => Rgb::new(0xb2, 0x18, 0x2b),
    }
}

/// True when `kind` is a kind named by a CAMEO label, coloured by its QuadClass.
pub(crate) fn is_cameo_kind(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Other(label) if cameo::by_kind_label(label).is_some())
}

/// Shapes for kinds of a dataset's own, in the order they are handed out.
const OWN_SHAPES: [GlyphShape; 11] = [
    GlyphShape::HollowDiamond,
    GlyphShape::TriangleUp,
    GlyphShape::TriangleDown,
    GlyphShape::Hexagon,
    GlyphShape::Star,
    GlyphShape::Diamond,
    GlyphShape::Square,
    GlyphShape::HollowSquare,
    GlyphShape::Ring,
    GlyphShape::Cross,
    GlyphShape::Disc,
];

/// Colours for kinds of a dataset's own that are not CAMEO kinds.
const OWN_COLOURS: [Rgb; 8] = [
    Rgb::new(0x4e, 0x79, 0xa7),
    Rgb::new(0xf2, 0x8e, 0x2b),
    Rgb::new(0xe1, 0x57, 0x59),
    Rgb::new(0x76, 0xb7, 0xb2),
    Rgb::new(0x59, 0xa1, 0x4f),
    Rgb::new(0xb0, 0x7a, 0xa1),
    Rgb::new(0x9c, 0x75, 0x5f),
    Rgb::new(0x7f, 0x7f, 0x7f),
];

/// A CAMEO kind: the QuadClass colour, lighter or darker by base code, and a
/// shape for each root of the class (Demand, Disapprove, Reject, Threaten and
/// Protest all differ).
fn cameo_style(code: &CameoCode) -> (GlyphShape, Rgb) {
    let root: usize = code.root().parse().unwrap_or(1);
    let first_root = match code.quad {
        QuadClass::VerbalCooperation => 1,
        QuadClass::MaterialCooperation => 6,
        QuadClass::VerbalConflict => 10,
        QuadClass::MaterialConflict => 15,
    };
    let shape = OWN_SHAPES[root.saturating_sub(first_root) % OWN_SHAPES.len()];
    let shade = code.code.as_bytes().get(2).map_or(0, |d| d % 3);
    let colour = quad_colour(code.quad);
    let colour = match shade {
        1 => mix(colour, Rgb::new(0, 0, 0), 0.18),
        2 => mix(colour, Rgb::new(0xff, 0xff, 0xff), 0.18),
        _ => colour,
    };
    (shape, colour)
}

/// A kind of the dataset's own that is not a CAMEO kind: a shape and a colour
/// picked by a stable hash of its label, the colour kept away from that of the
/// built-in kind with the same shape, so that the two cannot be taken for each other.
fn palette_style(label: &str) -> (GlyphShape, Rgb) {
    let hash = label.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let shape = OWN_SHAPES[(hash % OWN_SHAPES.len() as u64) as usize];
    let built_in = EventKind::BUILT_IN
        .iter()
        .map(kind_style)
        .find(|(built_in_shape, _)| *built_in_shape == shape)
        .map(|(_, colour)| colour);
    let first = (hash >> 16) as usize % OWN_COLOURS.len();
    let colour = (0..OWN_COLOURS.len())
        .map(|step| OWN_COLOURS[(first + step) % OWN_COLOURS.len()])
        .find(|colour| built_in.is_none_or(|other| distance(*colour, other) >= LOOK_APART))
        .unwrap_or(OWN_COLOURS[first]);
    (shape, colour)
}

/// How far apart (in 8-bit sRGB) two colours of one shape must be to be told apart.
const LOOK_APART: f32 = 100.0;

fn distance(a: Rgb, b: Rgb) -> f32 {
    let d = |x: u8, y: u8| f32::from(x) - f32::from(y);
    (d(a.r, b.r).powi(2) + d(a.g, b.g).powi(2) + d(a.b, b.b).powi(2)).sqrt()
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let channel = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Rgb::new(channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b))
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
    fn cameo_kinds_take_their_quad_class_colour_and_a_shape_per_root() {
        let look = |label: &str| kind_style(&EventKind::Other(label.into()));
        let demand = look("Demand");
        let threaten = look("Threaten");
        assert_eq!(demand.1, quad_colour(QuadClass::VerbalConflict));
        assert_eq!(threaten.1, quad_colour(QuadClass::VerbalConflict));
        assert_ne!(demand.0, threaten.0, "roots of one class differ by shape");
        assert_eq!(look("Fight").1, quad_colour(QuadClass::MaterialConflict));
        assert_eq!(
            look("Provide aid").1,
            quad_colour(QuadClass::MaterialCooperation)
        );
        assert_eq!(look("Appeal").1, quad_colour(QuadClass::VerbalCooperation));
        assert!(is_cameo_kind(&EventKind::Other("Mediate".into())));
        assert!(!is_cameo_kind(&EventKind::Other("Press conference".into())));
    }

    #[test]
    fn own_kinds_no_longer_share_one_look() {
        let labels = [
            "Press conference",
            "Border incident",
            "Election",
            "Summit",
            "Exercise",
        ];
        let looks: std::collections::HashSet<(GlyphShape, Rgb)> = labels
            .iter()
            .map(|l| kind_style(&EventKind::Other((*l).into())))
            .collect();
        assert!(
            looks.len() >= 4,
            "five own kinds get at least four looks: {looks:?}"
        );
        assert_eq!(
            kind_style(&EventKind::Other("Election".into())),
            kind_style(&EventKind::Other("Election".into()))
        );
    }

    #[test]
    fn an_own_kind_with_the_shape_of_a_built_in_kind_has_a_colour_far_from_it() {
        let built_in: Vec<(GlyphShape, Rgb)> = EventKind::BUILT_IN.iter().map(kind_style).collect();
        for label in [
            "Event",
            "Border clash",
            "Election",
            "Summit",
            "Exercise",
            "Sanctions",
        ] {
            let (shape, colour) = kind_style(&EventKind::Other(label.into()));
            for (other_shape, other_colour) in &built_in {
                if *other_shape == shape {
                    assert!(
                        distance(colour, *other_colour) >= LOOK_APART,
                        "{label} looks like a built-in kind"
                    );
                }
            }
        }
    }

    #[test]
    fn colours_read_as_hex() {
        assert_eq!(kind_style(&EventKind::Visit).1.hex(), "#3f7fc4");
    }
}
