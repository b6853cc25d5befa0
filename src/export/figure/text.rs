//! The words of a figure: widths for placing labels, titles cut short, the
//! heading, the caption, the period of the heading and XML escaping.

use std::fmt::Write as _;

use super::MARGIN_X;
use crate::export::manifest::describe_filter;
use crate::export::{ExportRequest, Manifest};
use crate::model::{Dataset, Event, Moment};
use crate::timeline::marks::label::TextMeasure;
use crate::timeline::period_words::{describe_covered, describe_span};

/// The advance of a character in the figure's font, as a share of its size.
pub(super) const TITLE_SIZE: f64 = 16.0;

pub(super) const DETAIL_SIZE: f64 = 13.0;

pub(super) const CHAR_ADVANCE: f64 = 0.52;

/// Labels longer than this are cut with an ellipsis (the whole title stays in a tooltip).
pub(super) const MAX_LABEL_CHARS: usize = 72;

/// The period in words for the heading: the filter's period, or for an open
/// period the years (or days) the events cover.
pub(super) fn heading_period(
    request: &ExportRequest,
    events: &[&Event],
    start: Moment,
    end: Moment,
) -> String {
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
    describe_covered(first, last)
}

/// A rough width of a text in the figure's font, for placing labels.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    TextMeasure::uniform(size * CHAR_ADVANCE).width(text)
}

pub(super) fn describe_qualifiers(event: &Event) -> &'static str {
    match (event.date.is_uncertain(), event.date.is_approximate()) {
        (true, true) => " \u{b7} uncertain, approximate",
        (true, false) => " \u{b7} uncertain date",
        (false, true) => " \u{b7} approximate date",
        (false, false) => "",
    }
}

pub(super) fn shorten(title: &str) -> String {
    shorten_to(title, MAX_LABEL_CHARS)
}

/// `text` cut to at most `chars` characters, with an ellipsis when cut.
pub(super) fn shorten_to(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

pub(super) fn heading(
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
    let events = crate::model::words::events(count);
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN_X}" y="98" font-size="17" fill="#555555">{}</text>"##,
        escape(&format!(
            "{events} {which} \u{b7} {}",
            describe_filter(&request.filter)
        ))
    );
}

pub(super) fn caption(
    svg: &mut String,
    dataset: &Dataset,
    manifest: &Manifest,
    period: &str,
    lanes: &str,
    height: f64,
) {
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
            "{} Period: {period}. Filters: {}.",
            data_source(dataset, manifest),
            manifest.describe_filter()
        ),
        lanes.to_string(),
        format!(
            "Drawn by Annals {} on {}. Dates as given by the sources; dashed marks are uncertain.",
            manifest.annals_version, manifest.exported_at
        ),
    ];
    caption_lines(svg, MARGIN_X, height - 64.0, &lines);
}

/// The caption's first words: "Data: TITLE (FILE, SHA-256 0123456789ab…)."
pub(crate) fn data_source(dataset: &Dataset, manifest: &Manifest) -> String {
    let sha = manifest
        .source
        .sha256
        .get(..12)
        .unwrap_or(&manifest.source.sha256);
    format!(
        "Data: {} ({}, SHA-256 {sha}\u{2026}).",
        dataset.title, manifest.source.path
    )
}

/// Writes a chart's title, large, and the line under it, grey, at `x` from the top.
pub(crate) fn chart_heading(svg: &mut String, x: f64, title: &str, subtitle: &str) {
    let _ = writeln!(
        svg,
        r##"<text x="{x}" y="64" font-size="32" fill="#1a1a1a">{}</text>"##,
        escape(title)
    );
    let _ = writeln!(
        svg,
        r##"<text x="{x}" y="98" font-size="17" fill="#555555">{}</text>"##,
        escape(subtitle)
    );
}

/// Writes a caption's lines in grey at `x`, one every 20 units from `top`.
pub(crate) fn caption_lines(svg: &mut String, x: f64, top: f64, lines: &[String]) {
    for (i, line) in lines.iter().enumerate() {
        let _ = writeln!(
            svg,
            r##"<text x="{x}" y="{:.1}" font-size="13" fill="#777777">{}</text>"##,
            top + i as f64 * 20.0,
            escape(line)
        );
    }
}

/// The opening of a chart's SVG page: its size, title, manifest and white background.
pub(crate) fn chart_start(
    width: impl std::fmt::Display,
    height: impl std::fmt::Display,
    title: &str,
    manifest: &super::super::Manifest,
) -> String {
    let font = super::FONT_FAMILY;
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{font}">
<title>{}</title>
<metadata id="annals-manifest">{}</metadata>
<rect width="100%" height="100%" fill="#ffffff"/>
"##,
        escape(title),
        escape(&manifest.to_json_pretty())
    )
}

/// Text escaped for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
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
