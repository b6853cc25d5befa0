//! The legend: the kinds the figure shows, then the marks of precision.

use std::fmt::Write as _;

use super::layout::Shaped;
use super::marks::{glyph, uncertain_ring};
use super::text::{escape, text_width};
use super::{GLYPH_RADIUS, MARGIN_X, PAGE_WIDTH};
use crate::model::{Event, EventKind, Precision};
use crate::timeline::marks::MarkShape;

/// One entry of the legend.
pub(super) enum LegendEntry<'a> {
    Kind(&'a EventKind),
    Interval,
    /// A band over the time a date may mean; true when days are banded too.
    Band(bool),
    Uncertain,
}

impl LegendEntry<'_> {
    pub(super) fn label(&self) -> &str {
        match self {
            LegendEntry::Kind(kind) => kind.label(),
            LegendEntry::Interval => "interval",
            LegendEntry::Band(false) => "only the month or year is known",
            LegendEntry::Band(true) => "the whole day, month or year a date names",
            LegendEntry::Uncertain => "uncertain date",
        }
    }
}

pub(super) const LEGEND_TOP: f64 = 136.0;

pub(super) const LEGEND_ROW: f64 = 30.0;

pub(super) const LEGEND_SIZE: f64 = 15.0;

/// How far right of its glyph's centre a legend entry's text starts.
pub(super) const LEGEND_TEXT_OFFSET: f64 = 20.0;

/// The legend entries for what the figure shows: its kinds, then the marks of precision.
pub(super) fn legend_entries<'a>(placed: &[&Shaped<'a>]) -> Vec<LegendEntry<'a>> {
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
pub(super) fn legend_layout(entries: &[LegendEntry]) -> Vec<(f64, usize)> {
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
pub(super) fn legend_rows(entries: &[LegendEntry]) -> usize {
    legend_layout(entries).last().map_or(1, |&(_, row)| row + 1)
}

pub(super) fn legend(svg: &mut String, entries: &[LegendEntry]) {
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
