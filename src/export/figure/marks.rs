//! The marks of events as SVG: bands, bars and glyphs, their labels, and the
//! lines that join the glyphs of one event drawn in several lanes.

use std::fmt::Write as _;

use super::layout::{Arranged, Label, Shaped};
use super::text::{DETAIL_SIZE, TITLE_SIZE, escape};
use super::{GLYPH_RADIUS, GLYPH_SCALE};
use crate::model::EventKind;
use crate::timeline::kind_style::{GlyphShape, kind_style};
use crate::timeline::marks::MarkShape;

/// The thin grey lines that join the glyphs of one event drawn in several lanes.
pub(super) fn connectors(
    svg: &mut String,
    lanes: &[Arranged],
    shaped: &[Shaped],
    row_y: &dyn Fn(usize, usize) -> f64,
) {
    let mut spans: Vec<Option<(f64, f64)>> = vec![None; shaped.len()];
    for (l, lane) in lanes.iter().enumerate() {
        for item in &lane.items {
            let y = row_y(l, item.row);
            let span = &mut spans[item.position];
            *span = Some(span.map_or((y, y), |(top, bottom)| (top.min(y), bottom.max(y))));
        }
    }
    svg.push_str("<g id=\"connectors\" stroke=\"#9a9a9a\" stroke-width=\"1.2\">\n");
    for (shaped, span) in shaped.iter().zip(spans) {
        let Some((top, bottom)) = span.filter(|(top, bottom)| bottom > top) else {
            continue;
        };
        let _ = writeln!(
            svg,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}"><title>{}</title></line>"#,
            top + GLYPH_RADIUS,
            bottom - GLYPH_RADIUS,
            escape(&shaped.event.title),
            x = shaped.glyph_x
        );
    }
    svg.push_str("</g>\n");
}

/// Draws an event's mark and glyph on the row centred at `y`, and its label if
/// it has one; `first` marks the first of its lanes, whose group carries its id.
pub(super) fn draw_event(
    svg: &mut String,
    item: &Shaped,
    label: Option<&Label>,
    y: f64,
    row_height: f64,
    first: bool,
) {
    let event = item.event;
    let colour = kind_style(&event.kind).1.hex();
    let uncertain = item.outlined;
    let dash = if uncertain {
        r#" stroke-dasharray="4 3""#
    } else {
        ""
    };
    if first {
        let _ = writeln!(svg, "<g class=\"event\" id=\"{}\">", escape(&event.id));
    } else {
        let _ = writeln!(
            svg,
            "<g class=\"event\" data-event=\"{}\">",
            escape(&event.id)
        );
    }
    let _ = writeln!(
        svg,
        "<title>{}</title>",
        escape(&format!("{} ({})", event.title, event.date.text()))
    );
    match item.mark {
        MarkShape::Band => {
            let _ = writeln!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{colour}" fill-opacity="0.13" stroke="{colour}" stroke-opacity="0.35"{dash} clip-path="url(#plot)"/>"#,
                item.x0,
                y - row_height / 2.0 + 2.0,
                (item.x1 - item.x0).max(1.0),
                row_height - 4.0
            );
        }
        MarkShape::Bar => {
            let _ = writeln!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="10" rx="3" fill="{colour}" fill-opacity="{}" stroke="{colour}" stroke-width="1.5"{dash} clip-path="url(#plot)"/>"#,
                item.x0,
                y - 5.0,
                (item.x1 - item.x0).max(2.0),
                if uncertain { "0.25" } else { "0.6" }
            );
        }
        MarkShape::Point => {}
    }
    // A bar says its uncertainty with its dashed outline, as in the viewer.
    glyph(svg, &event.kind, item.glyph_x, y, item.rings_glyph);
    if let Some(label) = label {
        let anchor = if label.anchor_end {
            r#" text-anchor="end""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="{TITLE_SIZE}" fill="#1a1a1a"{anchor}>{}</text>"##,
            label.x,
            y + 5.0,
            escape(&label.title)
        );
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="{DETAIL_SIZE}" fill="#666666"{anchor}>{}</text>"##,
            label.x,
            y + 23.0,
            escape(&label.detail)
        );
    }
    svg.push_str("</g>\n");
}

/// Draws the glyph of a kind centred at `(x, y)`, as the viewer paints it (its
/// shape and colour from [`kind_style`]), ringed with a dashed circle when the
/// date is uncertain or approximate.
pub(super) fn glyph(svg: &mut String, kind: &EventKind, x: f64, y: f64, uncertain: bool) {
    let (shape, colour) = kind_style(kind);
    let colour = colour.hex();
    let r = GLYPH_RADIUS;
    let style = if shape.is_hollow() {
        format!(
            r#"fill="none" stroke="{colour}" stroke-width="{:.1}""#,
            2.2 * GLYPH_SCALE
        )
    } else if shape == GlyphShape::Star {
        format!(r#"fill="{colour}""#)
    } else {
        format!(
            r##"fill="{colour}" stroke="#ffffff" stroke-width="{:.1}""##,
            GLYPH_SCALE
        )
    };
    let element = match (shape, shape.corners()) {
        (GlyphShape::Disc, _) => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {style}/>"#),
        (GlyphShape::Ring, _) => format!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" {style}/>"#,
            r - GLYPH_SCALE
        ),
        (_, Some(corners)) => {
            let points: Vec<String> = corners
                .iter()
                .map(|&[px, py]| {
                    format!("{:.1},{:.1}", x + f64::from(px) * r, y + f64::from(py) * r)
                })
                .collect();
            format!(r#"<polygon points="{}" {style}/>"#, points.join(" "))
        }
        (GlyphShape::Saltire, _) => {
            let d = 0.85 * r;
            format!(
                r#"<path d="M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}" fill="none" stroke="{colour}" stroke-width="{:.1}"/>"#,
                x - d,
                y - d,
                x + d,
                y + d,
                x - d,
                y + d,
                x + d,
                y - d,
                3.0 * GLYPH_SCALE
            )
        }
        // The cross, and any shape without corners.
        (_, None) => format!(
            r#"<path d="M{:.1} {y:.1}H{:.1}M{x:.1} {:.1}V{:.1}" fill="none" stroke="{colour}" stroke-width="{:.1}"/>"#,
            x - r,
            x + r,
            y - r,
            y + r,
            3.0 * GLYPH_SCALE
        ),
    };
    svg.push_str(&element);
    svg.push('\n');
    if uncertain {
        uncertain_ring(svg, x, y, &colour);
    }
}

/// The dashed circle around a glyph whose date is uncertain or approximate.
pub(super) fn uncertain_ring(svg: &mut String, x: f64, y: f64, colour: &str) {
    let _ = writeln!(
        svg,
        r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="{colour}" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}"/>"#,
        GLYPH_RADIUS + 3.0 * GLYPH_SCALE,
        GLYPH_SCALE,
        2.0 * GLYPH_SCALE,
        2.0 * GLYPH_SCALE
    );
}
