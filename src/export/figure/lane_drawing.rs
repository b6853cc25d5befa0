//! The lanes on the page: alternate stripes behind them and their names in the
//! gutter, people indented under their country.

use std::fmt::Write as _;

use super::lanes::{LANE_INDENT, LANE_LABEL_SIZE};
use super::layout::Arranged;
use super::text::{CHAR_ADVANCE, escape, shorten_to};
use super::{MARGIN_X, Scale};

/// The alternate light stripes behind the lanes, across the gutter and the plot.
pub(super) fn lane_stripes(
    svg: &mut String,
    lanes: &[Arranged],
    boxes: &[(f64, f64, f64)],
    scale: &Scale,
) {
    svg.push_str("<g id=\"lane-stripes\">\n");
    for (i, (lane, &(top, height, _))) in lanes.iter().zip(boxes).enumerate() {
        if i % 2 == 1 {
            let _ = writeln!(
                svg,
                r##"<rect x="{MARGIN_X}" y="{top:.1}" width="{:.1}" height="{height:.1}" fill="#f3f4f6"/>"##,
                scale.right - MARGIN_X
            );
        }
        // A line above a country with people (or after one) sets the groups apart.
        let after_group = i > 0 && lanes[i - 1].lane.depth > 0;
        if i > 0 && lane.lane.depth == 0 && (lane.lane.has_children || after_group) {
            let _ = writeln!(
                svg,
                r##"<line x1="{MARGIN_X}" y1="{top:.1}" x2="{:.1}" y2="{top:.1}" stroke="#cfd2d6" stroke-width="1"/>"##,
                scale.right
            );
        }
    }
    svg.push_str("</g>\n");
}

/// The lane labels in the gutter, people indented under their country.
pub(super) fn lane_labels(
    svg: &mut String,
    lanes: &[Arranged],
    boxes: &[(f64, f64, f64)],
    gutter: f64,
) {
    svg.push_str("<g id=\"lanes\">\n");
    for (lane, &(top, height, rows_top)) in lanes.iter().zip(boxes) {
        let depth = f64::from(lane.lane.depth);
        let x = MARGIN_X + 8.0 + depth * LANE_INDENT;
        let y = if lane.items.is_empty() {
            top + height / 2.0
        } else {
            rows_top + lane.row_centre(0)
        } + 5.0;
        let room = gutter - 16.0 - depth * LANE_INDENT;
        let chars = (room / (LANE_LABEL_SIZE * CHAR_ADVANCE)).floor().max(4.0) as usize;
        let (weight, colour) = if lane.lane.depth == 0 {
            ("600", "#1a1a1a")
        } else {
            ("400", "#4a4a4a")
        };
        let _ = writeln!(
            svg,
            r##"<text x="{x:.1}" y="{y:.1}" font-size="{LANE_LABEL_SIZE}" font-weight="{weight}" fill="{colour}">{}</text>"##,
            escape(&shorten_to(&lane.lane.label, chars))
        );
    }
    svg.push_str("</g>\n");
}
