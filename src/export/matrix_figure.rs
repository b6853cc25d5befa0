//! The actor matrix as SVG: rows are the initiating side, columns the
//! receiving side, each cell shaded by its number of events and naming its kinds.

use std::fmt::Write as _;

use super::Manifest;
use super::figure::text::{caption_lines, chart_heading, chart_start, data_source, escape};
use super::manifest::describe_filter;
use crate::analysis::{Matrix, OTHERS, PairCount, kind_label};
use crate::model::{Dataset, EventKind};

/// The width of the matrix figure at most, in SVG user units; a small matrix is narrower.
pub(crate) const MATRIX_WIDTH: f64 = 1600.0;
/// The width of the matrix figure at least.
const MIN_WIDTH: f64 = 1200.0;

const MARGIN: f64 = 64.0;
const GRID_TOP: f64 = 330.0;
const LABEL_SIZE: f64 = 14.0;
const MAX_CELL: f64 = 44.0;

/// The matrix as an SVG document.
pub fn render(
    dataset: &Dataset,
    matrix: &Matrix,
    kinds: &[EventKind],
    manifest: &Manifest,
) -> String {
    let names: Vec<String> = matrix
        .actors
        .iter()
        .map(|id| name_of(dataset, id, matrix))
        .collect();
    let gutter = names
        .iter()
        .map(|n| text_width(n, LABEL_SIZE))
        .fold(120.0, f64::max)
        .min(320.0)
        + 16.0;
    let n = matrix.actors.len().max(1);
    let cell = ((MATRIX_WIDTH - 2.0 * MARGIN - gutter) / n as f64).min(MAX_CELL);
    let left = MARGIN + gutter;
    let height = GRID_TOP + n as f64 * cell + 130.0;
    let width = (left + n as f64 * cell + 240.0).clamp(MIN_WIDTH, MATRIX_WIDTH);
    let mut svg = chart_start(
        width,
        height,
        &format!("{}: who with whom", dataset.title),
        manifest,
    );
    heading(&mut svg, dataset, manifest);
    labels(&mut svg, &names, left, cell);
    cells(&mut svg, matrix, &names, kinds, left, cell);
    if matrix.actors.is_empty() {
        let _ = writeln!(
            svg,
            r##"<text x="{}" y="{}" font-size="20" fill="#666666" text-anchor="middle">No events with actors on both sides match the filters.</text>"##,
            width / 2.0,
            GRID_TOP + 40.0
        );
    }
    caption(&mut svg, dataset, manifest, height);
    svg.push_str("</svg>\n");
    svg
}

/// A row or column's label: the actor's name, or "others (N actors)".
fn name_of(dataset: &Dataset, id: &str, matrix: &Matrix) -> String {
    if matrix.others && id == OTHERS && matrix.actors.last().is_some_and(|a| a == id) {
        "others".to_string()
    } else {
        dataset.actor_name(id).to_string()
    }
}

/// A rough width of a text in the figure's font.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.52
}

fn heading(svg: &mut String, dataset: &Dataset, manifest: &Manifest) {
    let events = crate::model::words::events(manifest.events);
    chart_heading(
        svg,
        MARGIN,
        &format!("{} \u{2014} who with whom", dataset.title),
        &format!(
            "{events} \u{b7} {} \u{b7} rows: the initiating side, columns: the receiving side",
            describe_filter(&manifest.filter)
        ),
    );
}

fn labels(svg: &mut String, names: &[String], left: f64, cell: f64) {
    svg.push_str("<g id=\"labels\">\n");
    for (i, name) in names.iter().enumerate() {
        let centre = i as f64 * cell + cell / 2.0;
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="{LABEL_SIZE}" fill="#333333" text-anchor="end">{}</text>"##,
            left - 8.0,
            GRID_TOP + centre + LABEL_SIZE * 0.35,
            escape(name)
        );
        let (x, y) = (left + centre + LABEL_SIZE * 0.35, GRID_TOP - 8.0);
        let _ = writeln!(
            svg,
            r##"<text x="{x:.1}" y="{y:.1}" font-size="{LABEL_SIZE}" fill="#333333" transform="rotate(-50 {x:.1} {y:.1})">{}</text>"##,
            escape(name)
        );
    }
    svg.push_str("</g>\n");
}

/// The shade of a cell with `count` events when the fullest has `max`: white to deep blue.
pub(crate) fn cell_colour(count: u32, max: u32) -> (u8, u8, u8) {
    if count == 0 || max == 0 {
        return (0xf7, 0xf7, 0xf7);
    }
    let t = (f64::from(count) / f64::from(max)).sqrt();
    let mix = |a: f64, b: f64| (a + (b - a) * (0.12 + 0.88 * t)).round() as u8;
    (mix(235.0, 8.0), mix(243.0, 48.0), mix(250.0, 107.0))
}

fn cells(
    svg: &mut String,
    matrix: &Matrix,
    names: &[String],
    kinds: &[EventKind],
    left: f64,
    cell: f64,
) {
    let max = matrix.max_count();
    svg.push_str("<g id=\"cells\">\n");
    for row in 0..matrix.actors.len() {
        for column in 0..matrix.actors.len() {
            let pair = matrix.cell(row, column);
            let (x, y) = (left + column as f64 * cell, GRID_TOP + row as f64 * cell);
            let (r, g, b) = cell_colour(pair.count, max);
            let _ = write!(
                svg,
                r##"<rect x="{x:.1}" y="{y:.1}" width="{cell:.1}" height="{cell:.1}" fill="#{r:02x}{g:02x}{b:02x}" stroke="#ffffff" stroke-width="1"><title>{}</title></rect>"##,
                escape(&describe_cell(&names[row], &names[column], pair, kinds))
            );
            if pair.count > 0 && cell >= 16.0 {
                let ink = if u32::from(r) + u32::from(g) + u32::from(b) < 360 {
                    "#ffffff"
                } else {
                    "#1a1a1a"
                };
                let size = (cell * 0.38).min(15.0);
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" fill="{ink}" text-anchor="middle">{}</text>"##,
                    x + cell / 2.0,
                    y + cell / 2.0 + size * 0.35,
                    pair.count
                );
            }
            svg.push('\n');
        }
    }
    svg.push_str("</g>\n");
}

/// A cell in words: "Iran → Tajikistan: 9 events (4 Visit, 2 Phone call)".
pub(crate) fn describe_cell(from: &str, to: &str, pair: &PairCount, kinds: &[EventKind]) -> String {
    let events = crate::model::words::events(pair.count as usize);
    let mut text = format!("{from} \u{2192} {to}: {events}");
    if !pair.kinds.is_empty() {
        let parts: Vec<String> = pair
            .kinds
            .iter()
            .map(|(slug, count)| format!("{count} {}", kind_label(kinds, slug)))
            .collect();
        let _ = write!(text, " ({})", parts.join(", "));
    }
    text
}

fn caption(svg: &mut String, dataset: &Dataset, manifest: &Manifest, height: f64) {
    let people = if manifest.filter.include_members {
        "People count as the countries and organizations they held a role of at the time."
    } else {
        "People count as themselves."
    };
    let lines = [
        format!(
            "{} Filters: {}.",
            data_source(dataset, manifest),
            manifest.describe_filter()
        ),
        format!(
            "A cell counts the events with its row's actor on the initiating side and its column's on the receiving side. {people}"
        ),
        format!(
            "Drawn by Annals {} on {}.",
            manifest.annals_version, manifest.exported_at
        ),
    ];
    caption_lines(svg, MARGIN, height - 84.0, &lines);
}
