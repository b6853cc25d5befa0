//! SVG export: the timeline of the period as a figure for a page or a slide,
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

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::figure_lanes::{FigureLane, FigureLanes, figure_lanes};
use super::manifest::describe_filter;
use super::{ExportRequest, Manifest};
use crate::index::EventIdx;
use crate::model::date::{SECONDS_PER_DAY, civil_from_days};
use crate::model::{Dataset, Event, EventKind, Moment, Precision};
use crate::timeline::kind_style::{GlyphShape, kind_style};
use crate::timeline::marks::label::{LabelRoom, LabelSide, TextMeasure};
use crate::timeline::marks::rows::{RowItem, RowRules, Stacked, WhenFull, largest_cap, stack_rows};
use crate::timeline::marks::{MarkGeometry, MarkShape};
use crate::timeline::ticks::{LABEL_OFFSET, calendar_ticks, year_label};
use crate::timeline::{LaneMode, TimeAxis, TimeRange};

/// The width of the figure, in SVG user units (pixels at 1×).
pub const PAGE_WIDTH: f64 = 1600.0;
/// The least height of the figure (16:9); more lanes make it taller.
pub const PAGE_HEIGHT: f64 = 900.0;

const MARGIN_X: f64 = 64.0;
const PLOT_TOP: f64 = 176.0;
/// The height of a row of events with their labels.
const ROW_LABELLED: f64 = 48.0;
/// The height of a row of glyphs alone, when there are too many events to label.
const ROW_GLYPHS: f64 = 24.0;
/// The space above and below the rows of a lane.
const LANE_PAD: f64 = 6.0;
/// The height of a lane that only holds the lanes under it (a country whose people act).
const HEADER_HEIGHT: f64 = 30.0;
/// The space between the legend and the lanes, and between the lanes and the axis.
const PLOT_PAD: f64 = 12.0;
/// How far a nested lane's label is indented.
const LANE_INDENT: f64 = 18.0;
const LANE_LABEL_SIZE: f64 = 15.0;
/// The gutter of lane labels is at least this wide, and at most that.
const GUTTER_MIN: f64 = 120.0;
const GUTTER_MAX: f64 = 300.0;
const AXIS_SPACE: f64 = 150.0;
const GLYPH_RADIUS: f64 = 8.0;
/// The figure's glyphs are this much larger than the viewer's, strokes included.
const GLYPH_SCALE: f64 = GLYPH_RADIUS / crate::timeline::marks::GLYPH_RADIUS;
/// The advance of a character in the figure's font, as a share of its size.
const CHAR_ADVANCE: f64 = 0.52;
const TICK_SIZE: f64 = 14.0;
const TITLE_SIZE: f64 = 16.0;
const DETAIL_SIZE: f64 = 13.0;
/// Labels longer than this are cut with an ellipsis (the whole title stays in a tooltip).
const MAX_LABEL_CHARS: usize = 72;
/// At most this many lanes are drawn; the fullest are kept.
const MAX_LANES: usize = 40;
/// The lanes together are at most this tall; beyond, a crowded lane's events overlap.
const MAX_LANES_HEIGHT: f64 = 2600.0;
/// With more events than this, only glyphs are drawn.
const MAX_LABELLED: usize = 150;
const FONT_FAMILY: &str = "Ubuntu, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

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
    let lanes = figure_lanes(dataset, &indices, request.lanes, MAX_LANES);
    let gutter = gutter_width(&lanes.lanes);
    let scale = Scale::new(start, end, MARGIN_X + gutter, PAGE_WIDTH - MARGIN_X);
    let labelled = events.len() <= MAX_LABELLED;
    let shaped: Vec<Shaped> = events.iter().map(|e| shape(e, &scale)).collect();
    let arranged = arrange(&lanes.lanes, &shaped, &scale, labelled);
    let drawn: Vec<&Shaped> = {
        let mut seen = vec![false; shaped.len()];
        for lane in &arranged {
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
    };
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
    let words = period_words(request, &events, start, end);
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
    // Each lane's top and height, and the centre of each of its rows.
    let mut boxes = Vec::with_capacity(arranged.len());
    let mut y = lanes_top;
    for (lane, natural) in arranged.iter().zip(&natural) {
        let lane_height = natural * stretch;
        let rows_top = y + (lane_height - lane.rows_height()) / 2.0;
        boxes.push((y, lane_height, rows_top));
        y += lane_height;
    }
    lane_stripes(&mut svg, &arranged, &boxes, &scale);
    let plot = (plot_top - 10.0, axis_y);
    super::figure_eras::era_bands_svg(&mut svg, dataset, &scale.axis, plot, &escape);
    axis(&mut svg, &scale, plot_top, axis_y);
    lane_labels(&mut svg, &arranged, &boxes, gutter);
    let row_y = |lane: usize, row: usize| boxes[lane].2 + arranged[lane].row_centre(row);
    connectors(&mut svg, &arranged, &shaped, &row_y);
    let mut first = vec![true; shaped.len()];
    for (l, lane) in arranged.iter().enumerate() {
        for item in &lane.items {
            let id = std::mem::replace(&mut first[item.position], false);
            draw_event(
                &mut svg,
                &shaped[item.position],
                item.label.as_ref(),
                row_y(l, item.row),
                lane.row_height(item.row),
                id,
            );
        }
    }
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

/// The period in words for the heading: the filter's period, or for an open
/// period the years (or days) the events cover.
fn period_words(request: &ExportRequest, events: &[&Event], start: Moment, end: Moment) -> String {
    let (from, to) = request.filter.period.span();
    if !from.is_open() && !to.is_open() {
        return describe_span(start, end);
    }
    let bounds = events
        .iter()
        .flat_map(|e| [e.date.earliest(), e.date.latest()])
        .filter(|m| !m.is_open());
    let (Some(first), Some(last)) = (bounds.clone().min(), bounds.max()) else {
        return "all dates".to_string();
    };
    let first = if from.is_open() { first } else { from };
    let last = if to.is_open() { last } else { to };
    let (y0, ..) = first.to_civil();
    let (y1, ..) = Moment(last.0 - 1).to_civil();
    if y1 - y0 >= 2 {
        format!("{}\u{2013}{}", year_label(y0), year_label(y1))
    } else {
        describe_span(first, last)
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

/// An event's mark and where it lies across the figure, whatever its lane.
struct Shaped<'a> {
    event: &'a Event,
    mark: MarkShape,
    /// The span's left and right ends (clamped to the plot), and the glyph's centre.
    x0: f64,
    x1: f64,
    glyph_x: f64,
    /// The leftmost and rightmost points of the mark.
    left_edge: f64,
    right_edge: f64,
    /// The glyph gets a dashed ring.
    rings_glyph: bool,
    /// The mark is dashed.
    outlined: bool,
}

/// An event's label: its title and a line of detail, beside its glyph.
struct Label {
    title: String,
    detail: String,
    x: f64,
    anchor_end: bool,
}

/// An event of a lane before stacking: its position in the exported events,
/// and its label with the edges of mark and label together, if it is to have one.
type Candidate = (usize, Option<(Label, f64, f64)>);

/// An event placed in a row of a lane.
struct Placed {
    /// Its position in the exported events.
    position: usize,
    row: usize,
    label: Option<Label>,
}

/// A lane with its events stacked in rows.
struct Arranged<'a> {
    lane: &'a FigureLane,
    items: Vec<Placed>,
    /// The top of each row below the lane's first, and the bottom of the last.
    row_tops: Vec<f64>,
}

impl Arranged<'_> {
    /// The height the lane needs before the page spreads the lanes out.
    fn natural_height(&self) -> f64 {
        if self.items.is_empty() {
            HEADER_HEIGHT
        } else {
            self.rows_height() + 2.0 * LANE_PAD
        }
    }

    /// The height of the lane's rows together.
    fn rows_height(&self) -> f64 {
        self.row_tops.last().copied().unwrap_or(0.0)
    }

    /// The centre of row `row`, below the top of the first row.
    fn row_centre(&self, row: usize) -> f64 {
        match (self.row_tops.get(row), self.row_tops.get(row + 1)) {
            (Some(top), Some(bottom)) => (top + bottom) / 2.0,
            _ => ROW_GLYPHS / 2.0,
        }
    }

    /// The height of row `row`.
    fn row_height(&self, row: usize) -> f64 {
        match (self.row_tops.get(row), self.row_tops.get(row + 1)) {
            (Some(top), Some(bottom)) => bottom - top,
            _ => ROW_GLYPHS,
        }
    }
}

/// A rough width of a text in the figure's font, for placing labels.
fn text_width(text: &str, size: f64) -> f64 {
    TextMeasure::uniform(size * CHAR_ADVANCE).width(text)
}

/// The mark of `event` and where it lies on `scale`.
fn shape<'a>(event: &'a Event, scale: &Scale) -> Shaped<'a> {
    let mark = MarkGeometry::on_page(
        &event.date,
        |t| scale.x_from_time(t),
        (scale.left, scale.right),
        GLYPH_RADIUS,
    );
    let (left_edge, right_edge) = mark.outer_edges();
    Shaped {
        event,
        mark: mark.shape,
        x0: mark.x0,
        x1: mark.x1,
        glyph_x: mark.glyph_x,
        left_edge,
        right_edge,
        rings_glyph: mark.rings_glyph(),
        outlined: mark.outlined,
    }
}

/// The label of `shaped`, after its mark where there is room, else before it;
/// with the left and right edges of the mark and label together.
fn label_for(shaped: &Shaped, scale: &Scale) -> (Label, f64, f64) {
    let event = shaped.event;
    let title = shorten(&event.title);
    let detail = format!(
        "{} \u{b7} {}{}",
        event.date.text(),
        event.kind.label(),
        describe_qualifiers(event)
    );
    let width = text_width(&title, TITLE_SIZE).max(text_width(&detail, DETAIL_SIZE));
    let after = match shaped.mark {
        MarkShape::Bar => shaped.right_edge,
        MarkShape::Point | MarkShape::Band => shaped.glyph_x + GLYPH_RADIUS,
    } + 8.0;
    let before = shaped.glyph_x - GLYPH_RADIUS - 8.0;
    let room = LabelRoom {
        after,
        before,
        left: scale.left,
        right: scale.right + MARGIN_X - 8.0,
    };
    if room.side_for(width) == LabelSide::After {
        let label = Label {
            title,
            detail,
            x: after,
            anchor_end: false,
        };
        (
            label,
            shaped.left_edge,
            (after + width).max(shaped.right_edge),
        )
    } else {
        let label = Label {
            title,
            detail,
            x: before,
            anchor_end: true,
        };
        (
            label,
            (before - width).min(shaped.left_edge),
            shaped.right_edge,
        )
    }
}

/// Stacks each lane's events into rows. An event in several lanes is labelled
/// in the topmost only; each lane's rows are capped so that the lanes stay
/// within [`MAX_LANES_HEIGHT`]: a crowded lane overlaps rather than grows without end.
fn arrange<'a>(
    lanes: &'a [FigureLane],
    shaped: &[Shaped],
    scale: &Scale,
    labelled: bool,
) -> Vec<Arranged<'a>> {
    let mut unlabelled = vec![labelled; shaped.len()];
    let candidates: Vec<Vec<Candidate>> = lanes
        .iter()
        .map(|lane| {
            lane.events
                .iter()
                .filter(|&&p| p < shaped.len())
                .map(|&p| {
                    let first = std::mem::replace(&mut unlabelled[p], false);
                    (p, first.then(|| label_for(&shaped[p], scale)))
                })
                .collect()
        })
        .collect();
    let items: Vec<Vec<RowItem>> = candidates
        .iter()
        .map(|lane| {
            lane.iter()
                .map(|(p, label)| RowItem {
                    bare: (shaped[*p].left_edge, shaped[*p].right_edge),
                    labelled: label.as_ref().map(|&(_, l, r)| (l, r)),
                })
                .collect()
        })
        .collect();
    let most = items
        .iter()
        .map(|lane| stack_lane(lane, usize::MAX).rows)
        .max()
        .unwrap_or(1);
    let stacked =
        |cap: usize| -> Vec<Stacked> { items.iter().map(|lane| stack_lane(lane, cap)).collect() };
    let height = |stacks: &[Stacked]| -> f64 {
        stacks
            .iter()
            .map(|stacked| {
                if stacked.placements.is_empty() {
                    return HEADER_HEIGHT;
                }
                let labelled: BTreeSet<usize> = stacked
                    .placements
                    .iter()
                    .filter(|p| p.label)
                    .map(|p| p.row)
                    .collect();
                labelled.len() as f64 * ROW_LABELLED
                    + (stacked.rows - labelled.len()) as f64 * ROW_GLYPHS
                    + 2.0 * LANE_PAD
            })
            .sum()
    };
    let cap = largest_cap(most, |cap| height(&stacked(cap)) <= MAX_LANES_HEIGHT);
    lanes
        .iter()
        .zip(candidates)
        .zip(stacked(cap))
        .map(|((lane, candidates), stacked)| {
            let rows = stacked.rows;
            let items: Vec<Placed> = candidates
                .into_iter()
                .zip(stacked.placements)
                .map(|((position, label), placement)| Placed {
                    position,
                    row: placement.row,
                    label: label.filter(|_| placement.label).map(|(label, ..)| label),
                })
                .collect();
            // A row with a label is tall enough for its two lines; a row of glyphs is not.
            let mut row_tops = vec![0.0];
            for row in 0..rows {
                let labelled = items.iter().any(|i| i.row == row && i.label.is_some());
                let height = if labelled { ROW_LABELLED } else { ROW_GLYPHS };
                row_tops.push(row_tops[row] + height);
            }
            Arranged {
                lane,
                items,
                row_tops,
            }
        })
        .collect()
}

/// Stacks a lane's items into at most `max_rows` rows: a label keeps clear of the next
/// mark, marks alone may touch, and past the cap a mark overlaps the row that frees first.
fn stack_lane(items: &[RowItem], max_rows: usize) -> Stacked {
    let rules = RowRules {
        label_rows: max_rows,
        max_rows,
        label_gap: 14.0,
        bare_gap: 0.0,
        when_full: WhenFull::Overlap,
    };
    stack_rows(items, rules).unwrap_or(Stacked {
        placements: Vec::new(),
        rows: 1,
    })
}

/// The width of the gutter that holds the lane labels.
fn gutter_width(lanes: &[FigureLane]) -> f64 {
    lanes
        .iter()
        .map(|l| f64::from(l.depth) * LANE_INDENT + text_width(&l.label, LANE_LABEL_SIZE) + 28.0)
        .fold(GUTTER_MIN, f64::max)
        .min(GUTTER_MAX)
}

/// The alternate light stripes behind the lanes, across the gutter and the plot.
fn lane_stripes(svg: &mut String, lanes: &[Arranged], boxes: &[(f64, f64, f64)], scale: &Scale) {
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
fn lane_labels(svg: &mut String, lanes: &[Arranged], boxes: &[(f64, f64, f64)], gutter: f64) {
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

/// The thin grey lines that join the glyphs of one event drawn in several lanes.
fn connectors(
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

/// The caption's sentence on the lanes: what they are, and what was left out.
fn lane_note(mode: LaneMode, lanes: &FigureLanes) -> String {
    let mut note = match mode {
        LaneMode::Actor => "Lanes by actor, people under their country or organization; an event with several actors is drawn in each of their lanes, joined by a grey line.".to_string(),
        LaneMode::Topic => "Lanes by topic, sub-topics under their topic; an event with several topics is drawn in each of their lanes, joined by a grey line.".to_string(),
        LaneMode::Kind => "Lanes by kind of event.".to_string(),
        LaneMode::Single => "All events in one lane.".to_string(),
    };
    if lanes.lanes_left_out > 0 {
        let lane_word = if lanes.lanes_left_out == 1 {
            "lane"
        } else {
            "lanes"
        };
        let event_word = if lanes.events_left_out == 1 {
            "event"
        } else {
            "events"
        };
        let _ = write!(
            note,
            " {} more {lane_word} left out to keep the figure readable ({} {event_word} in no drawn lane); narrow the filters to see them.",
            lanes.lanes_left_out, lanes.events_left_out
        );
    }
    note
}

fn describe_qualifiers(event: &Event) -> &'static str {
    match (event.date.is_uncertain(), event.date.is_approximate()) {
        (true, true) => " \u{b7} uncertain, approximate",
        (true, false) => " \u{b7} uncertain date",
        (false, true) => " \u{b7} approximate date",
        (false, false) => "",
    }
}

fn shorten(title: &str) -> String {
    shorten_to(title, MAX_LABEL_CHARS)
}

/// `text` cut to at most `chars` characters, with an ellipsis when cut.
fn shorten_to(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

fn heading(
    svg: &mut String,
    dataset: &Dataset,
    request: &ExportRequest,
    period: &str,
    count: usize,
) {
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN_X}" y="64" font-size="32" fill="#1a1a1a">{}</text>"##,
        escape(&format!("{} \u{2014} {period}", dataset.title))
    );
    let which = if request.filter.strict {
        "wholly inside the period"
    } else {
        "overlapping the period"
    };
    let events = if count == 1 { "event" } else { "events" };
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN_X}" y="98" font-size="17" fill="#555555">{}</text>"##,
        escape(&format!(
            "{count} {events} {which} \u{b7} {}",
            describe_filter(&request.filter)
        ))
    );
}

/// One entry of the legend.
enum LegendEntry<'a> {
    Kind(&'a EventKind),
    Interval,
    /// A band over the time a date may mean; true when days are banded too.
    Band(bool),
    Uncertain,
}

impl LegendEntry<'_> {
    fn label(&self) -> &str {
        match self {
            LegendEntry::Kind(kind) => kind.label(),
            LegendEntry::Interval => "interval",
            LegendEntry::Band(false) => "only the month or year is known",
            LegendEntry::Band(true) => "the whole day, month or year a date names",
            LegendEntry::Uncertain => "uncertain date",
        }
    }
}

const LEGEND_TOP: f64 = 136.0;
const LEGEND_ROW: f64 = 30.0;
const LEGEND_SIZE: f64 = 15.0;
/// How far right of its glyph's centre a legend entry's text starts.
const LEGEND_TEXT_OFFSET: f64 = 20.0;

/// The legend entries for what the figure shows: its kinds, then the marks of precision.
fn legend_entries<'a>(placed: &[&Shaped<'a>]) -> Vec<LegendEntry<'a>> {
    let events: Vec<&Event> = placed.iter().map(|p| p.event).collect();
    let mut entries: Vec<LegendEntry> = Vec::new();
    let mut kinds: Vec<&EventKind> = Vec::new();
    for kind in EventKind::BUILT_IN.iter() {
        if let Some(event) = events.iter().find(|e| &e.kind == kind) {
            kinds.push(&event.kind);
        }
    }
    for event in events.iter().copied() {
        if matches!(event.kind, EventKind::Other(_)) && !kinds.contains(&&event.kind) {
            kinds.push(&event.kind);
        }
    }
    entries.extend(kinds.into_iter().map(LegendEntry::Kind));
    if placed.iter().any(|p| p.mark == MarkShape::Bar) {
        entries.push(LegendEntry::Interval);
    }
    let mut bands = placed
        .iter()
        .filter(|p| p.mark == MarkShape::Band)
        .peekable();
    if bands.peek().is_some() {
        let days = bands.any(|p| p.event.date.precision() > Precision::Month);
        entries.push(LegendEntry::Band(days));
    }
    if events
        .iter()
        .any(|e| e.date.is_uncertain() || e.date.is_approximate())
    {
        entries.push(LegendEntry::Uncertain);
    }
    entries
}

/// Where each legend entry goes: `(x, row)`, wrapping at the right margin.
fn legend_layout(entries: &[LegendEntry]) -> Vec<(f64, usize)> {
    let mut x = MARGIN_X + GLYPH_RADIUS;
    let mut row = 0;
    let mut places = Vec::with_capacity(entries.len());
    for entry in entries {
        let width = LEGEND_TEXT_OFFSET + text_width(entry.label(), LEGEND_SIZE);
        if x + width > PAGE_WIDTH - MARGIN_X && x > MARGIN_X + GLYPH_RADIUS {
            x = MARGIN_X + GLYPH_RADIUS;
            row += 1;
        }
        places.push((x, row));
        x += width + 30.0;
    }
    places
}

/// The number of rows the legend takes.
fn legend_rows(entries: &[LegendEntry]) -> usize {
    legend_layout(entries).last().map_or(1, |&(_, row)| row + 1)
}

fn legend(svg: &mut String, entries: &[LegendEntry]) {
    svg.push_str("<g id=\"legend\" font-size=\"15\" fill=\"#333333\">\n");
    for (entry, (x, row)) in entries.iter().zip(legend_layout(entries)) {
        let y = LEGEND_TOP + row as f64 * LEGEND_ROW;
        match entry {
            LegendEntry::Kind(kind) => glyph(svg, kind, x, y, false),
            LegendEntry::Interval => {
                let _ = writeln!(
                    svg,
                    r##"<rect x="{:.1}" y="{:.1}" width="16" height="10" rx="3" fill="#777777" fill-opacity="0.6" stroke="#777777" stroke-width="1.5"/>"##,
                    x - GLYPH_RADIUS,
                    y - 5.0
                );
            }
            LegendEntry::Band(_) => {
                let _ = writeln!(
                    svg,
                    r##"<rect x="{:.1}" y="{:.1}" width="16" height="22" fill="#777777" fill-opacity="0.13" stroke="#777777" stroke-opacity="0.35"/>"##,
                    x - GLYPH_RADIUS,
                    y - 11.0
                );
            }
            LegendEntry::Uncertain => {
                let _ = writeln!(
                    svg,
                    r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="#777777"/>"##,
                    GLYPH_RADIUS * 0.6
                );
                uncertain_ring(svg, x, y, "#555555");
            }
        }
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            x + LEGEND_TEXT_OFFSET,
            y + 5.0,
            escape(entry.label())
        );
    }
    svg.push_str("</g>\n");
}

/// The calendar axis under the lanes, with the viewer's two rows of ticks: the
/// minor step ("16", "Jul", "2022") next to the line and the coarser unit
/// ("May 2022", "2022") below it.
fn axis(svg: &mut String, scale: &Scale, plot_top: f64, axis_y: f64) {
    let measure = |text: &str| text_width(text, TICK_SIZE) as f32;
    let ticks = calendar_ticks(&scale.axis, &measure);
    let offset = f64::from(LABEL_OFFSET);
    let inside = |x: f64| x >= scale.left - 0.5 && x <= scale.right + 0.5;
    let fits = |x: f64, label: &str| x + offset + text_width(label, TICK_SIZE) <= PAGE_WIDTH - 8.0;
    svg.push_str("<g id=\"axis\">\n");
    // Small marks between the days when days are wide enough to see.
    let range = scale.axis.range;
    let day_width = SECONDS_PER_DAY as f64 / scale.axis.seconds_per_point();
    if day_width >= 6.0 {
        let first = (range.start / SECONDS_PER_DAY as f64).ceil() as i64;
        let last = (range.end / SECONDS_PER_DAY as f64).floor() as i64;
        for day in first..=last {
            let x = scale.axis.x_from_time((day * SECONDS_PER_DAY) as f64);
            let _ = writeln!(
                svg,
                r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{:.1}" stroke="#999999" stroke-width="1"/>"##,
                axis_y + 3.0
            );
        }
    }
    for tick in &ticks.minor {
        let x = scale.axis.x_from_time(tick.time);
        if !inside(x) || !fits(x, &tick.label) {
            continue;
        }
        let _ = writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{axis_y:.1}" stroke="#e3e3e3" stroke-width="1"/>"##,
            plot_top - 8.0
        );
        let _ = writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{:.1}" stroke="#555555" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="{TICK_SIZE}" fill="#666666">{}</text>"##,
            axis_y + 8.0,
            x + offset,
            axis_y + 24.0,
            escape(&tick.label)
        );
    }
    for tick in &ticks.major {
        let x = scale.axis.x_from_time(tick.time).max(scale.left);
        if !inside(x) || !fits(x, &tick.label) {
            continue;
        }
        if tick.time > range.start {
            let _ = writeln!(
                svg,
                r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{:.1}" stroke="#555555" stroke-width="1"/>"##,
                axis_y + 48.0
            );
        }
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="{TICK_SIZE}" fill="#333333">{}</text>"##,
            x + offset,
            axis_y + 46.0,
            escape(&tick.label)
        );
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{:.1}" y1="{axis_y:.1}" x2="{:.1}" y2="{axis_y:.1}" stroke="#555555" stroke-width="1.5"/>"##,
        scale.left, scale.right
    );
    svg.push_str("</g>\n");
}

/// Draws an event's mark and glyph on the row centred at `y`, and its label if
/// it has one; `first` marks the first of its lanes, whose group carries its id.
fn draw_event(
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
fn glyph(svg: &mut String, kind: &EventKind, x: f64, y: f64, uncertain: bool) {
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
fn uncertain_ring(svg: &mut String, x: f64, y: f64, colour: &str) {
    let _ = writeln!(
        svg,
        r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="{colour}" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}"/>"#,
        GLYPH_RADIUS + 3.0 * GLYPH_SCALE,
        GLYPH_SCALE,
        2.0 * GLYPH_SCALE,
        2.0 * GLYPH_SCALE
    );
}

fn caption(
    svg: &mut String,
    dataset: &Dataset,
    manifest: &Manifest,
    period: &str,
    lanes: &str,
    height: f64,
) {
    let sha = manifest
        .source
        .sha256
        .get(..12)
        .unwrap_or(&manifest.source.sha256);
    let period = match (&manifest.period.from, &manifest.period.to) {
        (None, None) => format!("all dates ({period})"),
        (from, to) => format!(
            "{period} ({} to {}{})",
            from.as_deref().unwrap_or(".."),
            to.as_deref().unwrap_or(".."),
            if manifest.filter.strict {
                ", events wholly inside"
            } else {
                ", events overlapping"
            }
        ),
    };
    let lines = [
        format!(
            "Data: {} ({}, SHA-256 {sha}\u{2026}). Period: {period}. Filters: {}.",
            dataset.title,
            manifest.source.path,
            manifest.describe_filter()
        ),
        lanes.to_string(),
        format!(
            "Drawn by Annals {} on {}. Dates as given by the sources; dashed marks are uncertain.",
            manifest.annals_version, manifest.exported_at
        ),
    ];
    for (i, line) in lines.iter().enumerate() {
        let _ = writeln!(
            svg,
            r##"<text x="{MARGIN_X}" y="{:.1}" font-size="13" fill="#777777">{}</text>"##,
            height - 64.0 + i as f64 * 20.0,
            escape(line)
        );
    }
}

/// A period in words: "2022", "May 2022", "16 May 2022 – 30 May 2022".
pub fn describe_span(start: Moment, end: Moment) -> String {
    let first = start.0.div_euclid(SECONDS_PER_DAY);
    let last =
        end.0.div_euclid(SECONDS_PER_DAY) - i64::from(end.0.rem_euclid(SECONDS_PER_DAY) == 0);
    let (y0, m0, d0) = civil_from_days(first);
    let (y1, m1, d1) = civil_from_days(last);
    let next = civil_from_days(last + 1);
    let whole_start = d0 == 1;
    let whole_end = next.2 == 1;
    let year = year_label;
    let month = |m: u32| MONTHS[m as usize - 1];
    if whole_start && whole_end && m0 == 1 && next.1 == 1 {
        if y0 == y1 {
            return year(y0);
        }
        return format!("{}\u{2013}{}", year(y0), year(y1));
    }
    if whole_start && whole_end {
        if y0 == y1 && m0 == m1 {
            return format!("{} {}", month(m0), year(y0));
        }
        return format!(
            "{} {} \u{2013} {} {}",
            month(m0),
            year(y0),
            month(m1),
            year(y1)
        );
    }
    if y0 == y1 && m0 == m1 && d0 == d1 {
        return format!("{d0} {} {}", month(m0), year(y0));
    }
    format!(
        "{d0} {} {} \u{2013} {d1} {} {}",
        month(m0),
        year(y0),
        month(m1),
        year(y1)
    )
}

/// Text escaped for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, Period};

    /// The figure of the curated dataset's events in `from`..`to`.
    fn figure(from: &str, to: &str) -> String {
        let dataset = crate::dataset::embedded();
        let index = crate::index::TimeIndex::new(&dataset);
        let filter = Filter {
            period: Period {
                from: Some(from.into()),
                to: Some(to.into()),
            },
            ..Filter::default()
        };
        let events = crate::query::select(&dataset, &index, &filter);
        let request = ExportRequest::new(
            super::super::Format::Svg,
            events,
            filter,
            super::super::SourceInfo::embedded(),
        );
        render(&dataset, &request, &request.manifest(&dataset))
    }

    /// The element drawn for the glyph of the event titled `title`.
    fn glyph_of<'a>(doc: &'a roxmltree::Document, title: &str) -> roxmltree::Node<'a, 'a> {
        let event = doc
            .descendants()
            .find(|n| {
                n.attribute("class") == Some("event")
                    && n.descendants().any(|t| t.text() == Some(title))
            })
            .unwrap_or_else(|| panic!("no event {title:?}"));
        event
            .children()
            .find(|n| n.has_tag_name("circle") || n.has_tag_name("polygon"))
            .unwrap_or_else(|| panic!("no glyph for {title:?}"))
    }

    #[test]
    fn glyphs_have_the_viewers_shapes_and_colours() {
        let svg = figure("2022-05", "2022-05");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let (_, blue) = kind_style(&EventKind::Visit);
        let visit = glyph_of(
            &doc,
            "Bagheri visits Dushanbe and meets Defence Minister Mirzo",
        );
        assert_eq!(visit.tag_name().name(), "circle", "a visit is a disc");
        assert_eq!(visit.attribute("fill"), Some(blue.hex().as_str()));
        let (_, teal) = kind_style(&EventKind::PhoneCall);
        let call = glyph_of(&doc, "Raisi and Rahmon speak by telephone");
        assert_eq!(call.tag_name().name(), "circle", "a phone call is a ring");
        assert_eq!(call.attribute("fill"), Some("none"));
        assert_eq!(call.attribute("stroke"), Some(teal.hex().as_str()));
        let meeting = glyph_of(&doc, "Bagheri meets President Rahmon");
        assert_eq!(
            meeting.tag_name().name(),
            "polygon",
            "a meeting is a square"
        );
        assert_eq!(
            meeting.attribute("points").map(|p| p.split(' ').count()),
            Some(4)
        );
    }

    #[test]
    fn a_day_wide_enough_to_see_is_a_band_over_that_day() {
        let svg = figure("2022-05", "2022-05");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let meeting = glyph_of(&doc, "Bagheri meets President Rahmon")
            .parent()
            .unwrap();
        let band = meeting
            .children()
            .find(|n| n.has_tag_name("rect"))
            .expect("a band");
        let x = |name: &str| -> f64 { band.attribute(name).unwrap().parse().unwrap() };
        // The plot is the clipped area right of the lane labels.
        let plot = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("plot"))
            .and_then(|n| n.first_element_child())
            .expect("the plot's clip");
        let plot_x = |name: &str| -> f64 { plot.attribute(name).unwrap().parse().unwrap() };
        assert!(
            plot_x("x") > MARGIN_X + GUTTER_MIN - 1.0,
            "room for the lane labels"
        );
        let day = plot_x("width") / 31.0;
        assert!((x("width") - day).abs() < 0.5, "{} wide", x("width"));
        assert!(
            (x("x") - (plot_x("x") + 16.0 * day)).abs() < 0.5,
            "at {}",
            x("x")
        );
        let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(texts.contains(&"the whole day, month or year a date names"));
    }

    #[test]
    fn the_axis_reads_as_the_viewers_calendar_ticks() {
        let svg = figure("2022-05", "2022-05");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let axis = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("axis"))
            .expect("an axis");
        let labels: Vec<&str> = axis
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert!(labels.contains(&"May 2022"), "{labels:?}");
        assert!(labels.contains(&"16"), "{labels:?}");
        assert!(labels.contains(&"31"), "{labels:?}");
        assert!(!labels.contains(&"1 Jun"), "{labels:?}");
    }

    #[test]
    fn a_crowded_day_stays_within_a_bounded_height() {
        let mut dataset = crate::dataset::embedded();
        let template = dataset.events[0].clone();
        dataset.events = (0..500)
            .map(|i| {
                let mut event = template.clone();
                event.id = format!("e{i}");
                event
            })
            .collect();
        let request = ExportRequest::new(
            super::super::Format::Svg,
            (0..500).collect(),
            crate::query::Filter::default(),
            super::super::SourceInfo::embedded(),
        );
        let svg = render(&dataset, &request, &request.manifest(&dataset));
        let height = PLOT_TOP + 2.0 * LEGEND_ROW + MAX_LANES_HEIGHT + 2.0 * PLOT_PAD + AXIS_SPACE;
        assert!(svg.contains("height=\""), "{}", &svg[..200]);
        let stated: f64 = svg
            .split("height=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|h| h.parse().ok())
            .unwrap();
        assert!(stated <= height, "{stated} > {height}");
    }

    #[test]
    fn spans_read_as_a_person_would_say_them() {
        let may = (Moment::from_ymd(2022, 5, 1), Moment::from_ymd(2022, 6, 1));
        assert_eq!(describe_span(may.0, may.1), "May 2022");
        let year = (Moment::from_ymd(2022, 1, 1), Moment::from_ymd(2023, 1, 1));
        assert_eq!(describe_span(year.0, year.1), "2022");
        let days = (Moment::from_ymd(2022, 5, 16), Moment::from_ymd(2022, 5, 31));
        assert_eq!(
            describe_span(days.0, days.1),
            "16 May 2022 \u{2013} 30 May 2022"
        );
    }
}
