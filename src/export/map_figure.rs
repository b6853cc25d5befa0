//! The map as SVG: every country's outline, those with events shaded by their
//! number, links between countries as lines (visits as arrows from visitor to
//! host) as wide as their count, and the places as dots sized by theirs.

use std::fmt::Write as _;

use super::Manifest;
use super::figure::text::{caption_lines, chart_heading, chart_start, data_source, escape};
use super::matrix_figure::cell_colour;
use crate::analysis::{MapCounts, MapIndex};
use crate::geography::{MapView, Outline, WORLD, outlines};
use crate::model::{Dataset, EventKind};

const WIDTH: f32 = 1600.0;
const HEIGHT: f32 = 1100.0;
const MARGIN: f32 = 64.0;
const MAP_TOP: f32 = 130.0;
const MAP_HEIGHT: f32 = 820.0;
/// How many of the busiest places are named.
const NAMED_PLACES: usize = 12;
/// The narrowest span the figure shows, in degrees, so that one city is not a whole page.
const MIN_SPAN: f32 = 30.0;

/// What the figure draws, and for whom.
pub struct MapFigure<'a> {
    /// The dataset, for its title.
    pub dataset: &'a Dataset,
    /// Where its events are.
    pub map: &'a MapIndex,
    /// The chosen events counted.
    pub counts: &'a MapCounts,
    /// The kinds, by position, for the hover titles.
    pub kinds: &'a [EventKind],
}

/// The map as an SVG document.
pub fn render(figure: &MapFigure, manifest: &Manifest) -> String {
    let map_width = WIDTH - 2.0 * MARGIN;
    let bounds = figure.counts.bounds(figure.map, MIN_SPAN).unwrap_or(WORLD);
    let view = MapView::fit(bounds, map_width, MAP_HEIGHT, 24.0);
    let title = format!("{}: where", figure.dataset.title);
    let mut svg = chart_start(WIDTH, HEIGHT, &title, manifest);
    heading(&mut svg, figure.dataset, manifest);
    let _ = writeln!(
        svg,
        r##"<defs><clipPath id="map-area"><rect width="{map_width}" height="{MAP_HEIGHT}"/></clipPath><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c0392b"/></marker></defs>"##
    );
    let _ = writeln!(
        svg,
        r##"<g transform="translate({MARGIN} {MAP_TOP})" clip-path="url(#map-area)"><rect width="{map_width}" height="{MAP_HEIGHT}" fill="#eef3f7"/>"##
    );
    countries(&mut svg, figure, &view);
    links(&mut svg, figure, &view);
    spots(&mut svg, figure, &view);
    svg.push_str("</g>\n");
    caption(&mut svg, figure, manifest);
    svg.push_str("</svg>\n");
    svg
}

fn heading(svg: &mut String, dataset: &Dataset, manifest: &Manifest) {
    let events = crate::model::words::events(manifest.events);
    chart_heading(
        svg,
        f64::from(MARGIN),
        &format!("{} \u{2014} where", dataset.title),
        &format!("{events} \u{b7} {}", manifest.describe_filter()),
    );
}

/// Every outline, grey, and those of countries with events shaded.
fn countries(svg: &mut String, figure: &MapFigure, view: &MapView) {
    let max = figure.counts.countries.iter().copied().max().unwrap_or(0);
    let shaded: Vec<(&Outline, u32, String)> = figure
        .map
        .countries
        .iter()
        .enumerate()
        .filter_map(|(slot, c)| {
            let count = figure.counts.countries[slot];
            let outline = c.outline?;
            let kinds = figure.counts.country_kinds(slot as u32);
            let title = MapCounts::describe(&c.name, count, &kinds, figure.kinds);
            (count > 0).then_some((outline, count, title))
        })
        .collect();
    svg.push_str("<g id=\"countries\" stroke=\"#ffffff\" stroke-width=\"0.8\">\n");
    for outline in outlines() {
        if !shaded.iter().any(|(o, _, _)| o.country == outline.country) {
            let _ = writeln!(
                svg,
                r##"<path d="{}" fill="#dcdcdc"/>"##,
                path(outline, view)
            );
        }
    }
    for (outline, count, title) in &shaded {
        let (r, g, b) = cell_colour(*count, max);
        let _ = writeln!(
            svg,
            r##"<path d="{}" fill="#{r:02x}{g:02x}{b:02x}" fill-rule="evenodd"><title>{}</title></path>"##,
            path(outline, view),
            escape(title)
        );
    }
    svg.push_str("</g>\n");
}

/// An outline as SVG path data, each ring closed.
fn path(outline: &Outline, view: &MapView) -> String {
    let mut d = String::new();
    for polygon in &outline.shape {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            for (i, c) in ring.coords().enumerate() {
                let [x, y] = view.project(c.x, c.y);
                let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
    }
    d
}

/// A line per directed pair, as wide as its count, bending to its right; an
/// arrowhead at the host when it holds visits.
fn links(svg: &mut String, figure: &MapFigure, view: &MapView) {
    let max = figure.counts.links.first().map_or(1, |l| l.count);
    svg.push_str("<g id=\"links\" fill=\"none\" stroke-linecap=\"round\">\n");
    for link in &figure.counts.links {
        let (from, to) = (
            &figure.map.countries[link.from as usize],
            &figure.map.countries[link.to as usize],
        );
        let ([x0, y0], [x1, y1]) = (view.place(from.anchor), view.place(to.anchor));
        let width = 1.5 + 7.0 * (link.count as f32 / max as f32).sqrt();
        // A gentle bend, to the right of the direction of travel, keeps A→B and B→A apart.
        let (mx, my) = (
            (x0 + x1) / 2.0 + (y1 - y0) * 0.15,
            (y0 + y1) / 2.0 - (x1 - x0) * 0.15,
        );
        let arrow = if link.visits > 0 {
            r#" marker-end="url(#arrow)""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r##"<path d="M{x0:.1},{y0:.1} Q{mx:.1},{my:.1} {x1:.1},{y1:.1}" stroke="#c0392b" stroke-opacity="0.75" stroke-width="{width:.1}"{arrow}><title>{}</title></path>"##,
            escape(&format!(
                "{} \u{2192} {}: {} ({} visits)",
                from.name,
                to.name,
                crate::model::words::events(link.count as usize),
                link.visits
            ))
        );
    }
    svg.push_str("</g>\n");
}

/// A dot per place with events, its area by its count, the busiest named.
fn spots(svg: &mut String, figure: &MapFigure, view: &MapView) {
    let counts = &figure.counts.spots;
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let mut order: Vec<usize> = (0..counts.len()).filter(|&s| counts[s] > 0).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    svg.push_str("<g id=\"places\">\n");
    let radius = |slot: usize| 3.0 + 14.0 * (counts[slot] as f32 / max as f32).sqrt();
    // The dots, smallest on top; then the busiest places' names over every dot, the busiest last.
    for &slot in order.iter().rev() {
        let spot = &figure.map.spots[slot];
        let [x, y] = view.place(spot.at);
        let kinds = figure.counts.spot_kinds(slot as u32);
        let _ = writeln!(
            svg,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="#e67e22" fill-opacity="0.85" stroke="#ffffff" stroke-width="1.2"><title>{}</title></circle>"##,
            radius(slot),
            escape(&MapCounts::describe(
                &spot.name,
                counts[slot],
                &kinds,
                figure.kinds
            ))
        );
    }
    for &slot in order.iter().take(NAMED_PLACES).rev() {
        let spot = &figure.map.spots[slot];
        let [x, y] = view.place(spot.at);
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="15" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{} ({})</text>"##,
            x + radius(slot) + 4.0,
            y + 5.0,
            escape(&spot.name),
            counts[slot]
        );
    }
    svg.push_str("</g>\n");
}

fn caption(svg: &mut String, figure: &MapFigure, manifest: &Manifest) {
    let unfound = &figure.counts.unfound;
    let missing = if unfound.is_empty() {
        "Every place named was found.".to_string()
    } else {
        let names: Vec<&str> = unfound
            .iter()
            .take(5)
            .map(|&(i, _)| figure.map.unfound[i as usize].as_str())
            .collect();
        format!(
            "{} not found: {}{}.",
            crate::model::words::counted(unfound.len(), "place", "places"),
            names.join(", "),
            if unfound.len() > 5 { ", \u{2026}" } else { "" }
        )
    };
    let lines = [
        format!(
            "{} Filters: {}.",
            data_source(figure.dataset, manifest),
            manifest.describe_filter()
        ),
        format!(
            "Countries are shaded by their events, people counted as their countries; lines join the initiating and the receiving country, arrows go from visitor to host. {missing}"
        ),
        format!(
            "Outlines: Natural Earth (public domain). Places: GeoNames (CC BY 4.0). Drawn by Annals {} on {}.",
            manifest.annals_version, manifest.exported_at
        ),
    ];
    caption_lines(svg, f64::from(MARGIN), f64::from(HEIGHT) - 84.0, &lines);
}
