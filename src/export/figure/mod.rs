//! The figure: the timeline of the period as a figure for a page or a slide,
//! in real vectors and text: a title, a legend, lanes of glyphs and labels,
//! a calendar axis, and a caption naming the dataset, the period and the filters.
//!
//! It speaks the viewer's visual language without depending on a window: each
//! kind's glyph and colour come from [`crate::timeline::kind_style`] and the
//! calendar ticks from [`crate::timeline::ticks`]; the lanes are the viewer's
//! ([`crate::timeline::lanes`]: by actor, topic or kind), labelled in a gutter
//! on the left, with each lane's events stacked greedily in rows that leave
//! room for the labels, and the glyphs of an event drawn in several lanes
//! joined by a thin grey line.
//!
//! [`render`] draws the SVG; `png.rs` rasterizes the same document. Where the marks
//! go is [`layout`], which lanes are drawn [`lanes`], the glyphs, bands and bars
//! [`marks`], the key [`legend`], the calendar [`axis`], the eras' bands [`eras`], and the words [`text`].

mod axis;
mod eras;
mod lane_drawing;
mod lanes;
mod layout;
mod legend;
mod marks;
#[cfg(test)]
mod tests;
pub(crate) mod text;

use std::fmt::Write as _;

use crate::export::{ExportRequest, Manifest};
use crate::index::EventIdx;
use crate::model::date::SECONDS_PER_DAY;
use crate::model::{Dataset, Event, Moment};
use crate::timeline::{TimeAxis, TimeRange};
use axis::axis;
use lane_drawing::{lane_labels, lane_stripes};
use lanes::figure_lanes;
use lanes::{gutter_width, lane_note};
use layout::{Arranged, Shaped, arrange, shape};
use legend::{LEGEND_ROW, legend, legend_entries, legend_rows};
use marks::{connectors, draw_event};
use text::{caption, escape, heading, heading_period};

/// The width of the figure, in SVG user units (pixels at 1×).
pub const PAGE_WIDTH: f64 = 1600.0;

/// The least height of the figure (16:9); more lanes make it taller.
pub const PAGE_HEIGHT: f64 = 900.0;

const MARGIN_X: f64 = 64.0;

const PLOT_TOP: f64 = 176.0;

/// The space between the legend and the lanes, and between the lanes and the axis.
const PLOT_PAD: f64 = 12.0;

const AXIS_SPACE: f64 = 150.0;

const GLYPH_RADIUS: f64 = 8.0;

/// The figure's glyphs are this much larger than the viewer's, strokes included.
const GLYPH_SCALE: f64 = GLYPH_RADIUS / crate::timeline::marks::GLYPH_RADIUS;

/// At most this many lanes are drawn; the fullest are kept.
const MAX_LANES: usize = 40;

/// With more events than this, only glyphs are drawn.
const MAX_LABELLED: usize = 150;

pub(crate) const FONT_FAMILY: &str =
    "Ubuntu, 'Vazirmatn NL', Vazirmatn, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/// The timeline of `request`'s events as an SVG document.
pub fn render(dataset: &Dataset, request: &ExportRequest, manifest: &Manifest) -> String {
    let indices: Vec<EventIdx> = request
        .events
        .iter()
        .copied()
        .filter(|&i| (i as usize) < dataset.events.len())
        .collect();
    let events: Vec<&Event> = indices
        .iter()
        .filter_map(|&i| dataset.events.get(i as usize))
        .collect();
    let (start, end) = drawn_span(request, &events);
    let lanes = figure_lanes(
        dataset,
        &indices,
        (request.lanes, request.lane_names.as_deref()),
        MAX_LANES,
    );
    let gutter = gutter_width(&lanes.lanes);
    let scale = Scale::new(start, end, MARGIN_X + gutter, PAGE_WIDTH - MARGIN_X);
    let labelled = events.len() <= MAX_LABELLED;
    let shaped: Vec<Shaped> = events.iter().map(|e| shape(e, &scale)).collect();
    let arranged = arrange(&lanes.lanes, &shaped, &scale, labelled);
    let drawn = drawn_marks(&shaped, &arranged);
    let entries = legend_entries(&drawn);
    let plot_top = PLOT_TOP + (legend_rows(&entries) - 1) as f64 * LEGEND_ROW;
    let natural: Vec<f64> = arranged.iter().map(Arranged::natural_height).collect();
    let total: f64 = natural.iter().sum();
    let height = PAGE_HEIGHT.max(plot_top + total + 2.0 * PLOT_PAD + AXIS_SPACE - 10.0);
    let axis_y = height - AXIS_SPACE + 10.0;
    // Few lanes spread out over the page (up to twice their height) and sit in its middle.
    let room = axis_y - plot_top - 2.0 * PLOT_PAD;
    let stretch = if total > 0.0 {
        (room / total).clamp(1.0, 2.0)
    } else {
        1.0
    };
    let lanes_top = plot_top + PLOT_PAD + ((room - total * stretch) / 2.0).max(0.0);

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{PAGE_WIDTH}" height="{height}" viewBox="0 0 {PAGE_WIDTH} {height}" font-family="{FONT_FAMILY}">"#
    );
    let words = heading_period(request, &events, start, end);
    let _ = writeln!(
        svg,
        "<title>{}</title>\n<metadata id=\"annals-manifest\">{}</metadata>",
        escape(&format!("{}, {words}", dataset.title)),
        escape(&manifest.to_json_pretty())
    );
    let _ = writeln!(
        svg,
        r##"<defs><clipPath id="plot"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>
<rect width="100%" height="100%" fill="#ffffff"/>"##,
        scale.left,
        plot_top - 10.0,
        scale.right - scale.left,
        axis_y - plot_top + 10.0
    );
    heading(&mut svg, dataset, request, &words, events.len());
    legend(&mut svg, &entries);
    let boxes = lane_boxes(&arranged, &natural, lanes_top, stretch);
    lane_stripes(&mut svg, &arranged, &boxes, &scale);
    let plot = (plot_top - 10.0, axis_y);
    eras::era_bands_svg(&mut svg, dataset, &scale.axis, plot, &escape);
    axis(&mut svg, &scale, plot_top, axis_y);
    lane_labels(&mut svg, &arranged, &boxes, gutter);
    let row_y = |lane: usize, row: usize| boxes[lane].2 + arranged[lane].row_centre(row);
    connectors(&mut svg, &arranged, &shaped, &row_y);
    draw_events(&mut svg, &arranged, &shaped, &row_y);
    if events.is_empty() {
        let _ = writeln!(
            svg,
            r##"<text x="{}" y="{}" font-size="20" fill="#666666" text-anchor="middle">No events match the filters in this period.</text>"##,
            PAGE_WIDTH / 2.0,
            (plot_top + axis_y) / 2.0
        );
    }
    let lane_note = lane_note(request.lanes, &lanes);
    caption(&mut svg, dataset, manifest, &words, &lane_note, height);
    svg.push_str("</svg>\n");
    svg
}

/// The marks drawn in at least one lane, for the legend.
fn drawn_marks<'a, 'b>(shaped: &'b [Shaped<'a>], arranged: &[Arranged]) -> Vec<&'b Shaped<'a>> {
    let mut seen = vec![false; shaped.len()];
    for lane in arranged {
        for item in &lane.items {
            seen[item.position] = true;
        }
    }
    shaped
        .iter()
        .zip(&seen)
        .filter(|&(_, &s)| s)
        .map(|(s, _)| s)
        .collect()
}

/// Each lane's top, height and the top of its rows, the lanes stretched by `stretch`
/// from `top` down.
fn lane_boxes(
    arranged: &[Arranged],
    natural: &[f64],
    top: f64,
    stretch: f64,
) -> Vec<(f64, f64, f64)> {
    let mut boxes = Vec::with_capacity(arranged.len());
    let mut y = top;
    for (lane, natural) in arranged.iter().zip(natural) {
        let lane_height = natural * stretch;
        let rows_top = y + (lane_height - lane.rows_height()) / 2.0;
        boxes.push((y, lane_height, rows_top));
        y += lane_height;
    }
    boxes
}

/// Draws every placed event on the row `row_y(lane, row)` gives; the first of an event's
/// lanes carries its id.
fn draw_events(
    svg: &mut String,
    arranged: &[Arranged],
    shaped: &[Shaped],
    row_y: &dyn Fn(usize, usize) -> f64,
) {
    let mut first = vec![true; shaped.len()];
    for (l, lane) in arranged.iter().enumerate() {
        for item in &lane.items {
            let id = std::mem::replace(&mut first[item.position], false);
            draw_event(
                svg,
                &shaped[item.position],
                item.label.as_ref(),
                row_y(l, item.row),
                lane.row_height(item.row),
                id,
            );
        }
    }
}

/// The span drawn: the filter's period, with open sides closed on the events' extent.
fn drawn_span(request: &ExportRequest, events: &[&Event]) -> (Moment, Moment) {
    let (from, to) = request.filter.period.span();
    let first = events
        .iter()
        .flat_map(|e| [e.date.earliest(), e.date.latest()])
        .filter(|m| !m.is_open())
        .min();
    let last = events
        .iter()
        .flat_map(|e| [e.date.earliest(), e.date.latest()])
        .filter(|m| !m.is_open())
        .max();
    let pad = |a: Moment, b: Moment| ((b.0 - a.0) / 30).max(SECONDS_PER_DAY);
    let start = if from.is_open() {
        match (first, last) {
            (Some(a), Some(b)) => Moment(a.0 - pad(a, b)),
            _ => Moment::from_ymd(2000, 1, 1),
        }
    } else {
        from
    };
    let end = if to.is_open() {
        match (first, last) {
            (Some(a), Some(b)) => Moment(b.0 + pad(a, b)),
            _ => start.add_days(366),
        }
    } else {
        to
    };
    if end.0 > start.0 {
        (start, end)
    } else {
        (start, start.add_days(1))
    }
}

/// The mapping between time and x across the plot.
struct Scale {
    axis: TimeAxis,
    left: f64,
    right: f64,
}

impl Scale {
    /// `start`..`end` across `left`..`right`.
    fn new(start: Moment, end: Moment, left: f64, right: f64) -> Scale {
        let range = TimeRange::new(start.0 as f64, end.0 as f64);
        let axis = TimeAxis::new(range, left as f32, (right - left) as f32);
        Scale { axis, left, right }
    }

    fn x_from_time(&self, t: Moment) -> f64 {
        if t == Moment::MIN {
            return self.left - 1000.0;
        }
        if t == Moment::MAX {
            return self.right + 1000.0;
        }
        self.axis.x_from_time(t.0 as f64)
    }
}
