//! The eras of a figure: tinted bands behind the lanes, each named at its top,
//! as the viewer draws them.

use std::fmt::Write as _;

use crate::model::Dataset;
use crate::timeline::TimeAxis;
use crate::timeline::eras::era_bands;

/// The opacity of a band's tint.
const BAND_OPACITY: f64 = 0.35;
/// The size of an era's name, and the height of one row of names.
const LABEL_SIZE: f64 = 12.0;
const LABEL_ROW: f64 = 15.0;
/// The advance of a character as a share of its size (as the figure's other labels).
const CHAR_ADVANCE: f64 = 0.52;

/// Writes the bands of `dataset`'s eras that overlap `axis`, from `top` to `bottom`,
/// clipped to the plot; `escape` makes names safe in XML.
pub(super) fn era_bands_svg(
    svg: &mut String,
    dataset: &Dataset,
    axis: &TimeAxis,
    (top, bottom): (f64, f64),
    escape: &dyn Fn(&str) -> String,
) {
    let (left, right) = (axis.left, axis.left + axis.width);
    let bands: Vec<_> = era_bands(dataset)
        .into_iter()
        .filter(|b| b.end > axis.range.start && b.start < axis.range.end)
        .collect();
    if bands.is_empty() {
        return;
    }
    svg.push_str("<g id=\"eras\" clip-path=\"url(#plot)\">\n");
    for band in &bands {
        let x0 = axis.x_from_time(band.start).max(left - 1.0);
        let x1 = axis.x_from_time(band.end).min(right + 1.0).max(x0 + 1.0);
        let [r, g, b] = band.rgb;
        let _ = writeln!(
            svg,
            r##"<rect x="{x0:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="#{r:02x}{g:02x}{b:02x}" fill-opacity="{BAND_OPACITY}"><title>{}</title></rect>"##,
            x1 - x0,
            bottom - top,
            escape(&band.name)
        );
        let room = x1.min(right) - x0.max(left) - 6.0;
        let chars = (room / (LABEL_SIZE * CHAR_ADVANCE)).floor() as usize;
        if chars < 3 {
            continue;
        }
        let name: String = if band.name.chars().count() > chars {
            let mut cut: String = band.name.chars().take(chars - 1).collect();
            cut.push('…');
            cut
        } else {
            band.name.clone()
        };
        let y = top + LABEL_SIZE + 2.0 + band.row as f64 * LABEL_ROW;
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{y:.1}" font-size="{LABEL_SIZE}" fill="#555555">{}</text>"##,
            x0.max(left) + 4.0,
            escape(&name)
        );
    }
    svg.push_str("</g>\n");
}
