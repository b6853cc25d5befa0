//! The chart of counts over time as SVG: bars per period stacked by group,
//! a legend, a count axis, a calendar axis and a caption with the manifest.
//!
//! Events known only to a period coarser than the unit are drawn as a shaded
//! band across that period, as high as their number, behind the bars: never
//! spread over the finer periods.

use std::fmt::Write as _;

use super::Manifest;
use super::figure::text::{caption_lines, chart_heading, chart_start, data_source, escape};
use super::manifest::describe_filter;
use crate::analysis::{Grouping, PeriodCounts, Stacked, kind_label};
use crate::model::{Dataset, EventKind, Moment};
use crate::timeline::kind_style::kind_style;
use crate::timeline::period_words::describe_span;
use crate::timeline::ticks::{LABEL_OFFSET, calendar_ticks};
use crate::timeline::{TimeAxis, TimeRange};

/// Colours for groups that have none of their own (actors, topics): distinct, readable on white.
pub const GROUP_PALETTE: [&str; 12] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#5f9ed1", "#8cd17d", "#d37295",
];

/// The colour of "everything else".
pub const OTHERS_COLOUR: &str = "#bab0ac";

/// The width of the chart, in SVG user units.
pub(crate) const CHART_WIDTH: f64 = 1600.0;
/// The height of the chart.
pub(crate) const CHART_HEIGHT: f64 = 900.0;

const LEFT: f64 = 120.0;
const RIGHT: f64 = CHART_WIDTH - 64.0;
const TOP: f64 = 190.0;
const BOTTOM: f64 = CHART_HEIGHT - 170.0;
/// At most this many groups get a colour of their own; the rest are "others".
pub const TOP_SERIES: usize = 12;

/// The chart of `counts` as an SVG document.
pub fn render(dataset: &Dataset, counts: &PeriodCounts, manifest: &Manifest) -> String {
    let stacked = counts.stacked(TOP_SERIES);
    let (start, end) = drawn_span(counts, manifest);
    let range = TimeRange::new(start.0 as f64, end.0 as f64);
    let axis = TimeAxis::new(range, LEFT as f32, (RIGHT - LEFT) as f32);
    let (fine_max, coarse_max) = maxima(counts, &stacked);
    let top = nice_ceiling(fine_max.max(coarse_max));
    let y = |count: f64| BOTTOM - count / top as f64 * (BOTTOM - TOP);
    let words = describe_span(start, end);
    let mut svg = chart_start(
        CHART_WIDTH,
        CHART_HEIGHT,
        &format!("{}: events per {}, {words}", dataset.title, counts.unit),
        manifest,
    );
    heading(&mut svg, dataset, counts, manifest, &words);
    let colours = series_colours(counts, &stacked, &dataset_kinds(dataset));
    legend(&mut svg, dataset, counts, &stacked, &colours);
    count_axis(&mut svg, top, &y);
    coarse_bands(&mut svg, counts, &stacked, &colours, &axis, &y);
    bars(&mut svg, dataset, counts, &stacked, &colours, &axis, &y);
    time_axis(&mut svg, &axis);
    if counts.cells.is_empty() {
        let _ = writeln!(
            svg,
            r##"<text x="{}" y="{}" font-size="20" fill="#666666" text-anchor="middle">No events match the filters.</text>"##,
            CHART_WIDTH / 2.0,
            (TOP + BOTTOM) / 2.0
        );
    }
    caption(&mut svg, dataset, counts, manifest);
    svg.push_str("</svg>\n");
    svg
}

/// The time drawn: the filter's period where it is bounded, else the periods counted.
fn drawn_span(counts: &PeriodCounts, manifest: &Manifest) -> (Moment, Moment) {
    let (from, to) = manifest.filter.period.span();
    let first = counts.periods.iter().map(|p| p.start()).min();
    let last = counts.periods.iter().map(|p| p.end()).max();
    let start = if from.is_open() {
        first.unwrap_or(Moment::from_ymd(2000, 1, 1))
    } else {
        from
    };
    let end = if to.is_open() {
        last.unwrap_or(start.add_days(366))
    } else {
        to
    };
    if end > start {
        (start, end)
    } else {
        (start, start.add_days(1))
    }
}

/// The tallest stack of a period of the unit, and the largest coarser band.
fn maxima(counts: &PeriodCounts, stacked: &Stacked) -> (u32, u32) {
    let mut fine = 0;
    let mut coarse = 0;
    for (p, period) in counts.periods.iter().enumerate() {
        let total = stacked.period_total(p);
        if period.is_coarser_than(counts.unit) {
            coarse = coarse.max(total);
        } else {
            fine = fine.max(total);
        }
    }
    (fine, coarse)
}

/// The smallest of 1, 2, 5 × 10ⁿ at least `n` (and at least 1).
fn nice_ceiling(n: u32) -> u32 {
    let mut step = 1u32;
    loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m) >= n {
                return step.saturating_mul(m).max(1);
            }
        }
        step = step.saturating_mul(10);
    }
}

/// The display name of group `g` of `counts`.
pub fn group_name<'a>(
    dataset: &'a Dataset,
    counts: &'a PeriodCounts,
    kinds: &'a [EventKind],
    g: u32,
) -> &'a str {
    let id = counts.groups[g as usize].as_str();
    match counts.grouping {
        Grouping::Kind => kind_label(kinds, id),
        Grouping::Actor => dataset.actor_name(id),
        Grouping::Topic => dataset.topic_name(id),
        Grouping::None => "Events",
    }
}

/// The kinds of a dataset's events, built-in ones first: to name kind slugs.
fn dataset_kinds(dataset: &Dataset) -> Vec<EventKind> {
    let mut kinds: Vec<EventKind> = EventKind::BUILT_IN.to_vec();
    for event in &dataset.events {
        if !kinds.contains(&event.kind) {
            kinds.push(event.kind.clone());
        }
    }
    kinds
}

/// The colour of each series: a kind's own colour (a dataset's own kind by
/// its label, as the canvas colours it), else the palette's.
fn series_colours(counts: &PeriodCounts, stacked: &Stacked, kinds: &[EventKind]) -> Vec<String> {
    let mut palette = GROUP_PALETTE.iter().cycle();
    stacked
        .series
        .iter()
        .map(|series| match series {
            None => OTHERS_COLOUR.to_string(),
            Some(g) if counts.grouping == Grouping::Kind => {
                let slug = &counts.groups[*g as usize];
                let kind = kinds
                    .iter()
                    .find(|k| &k.slug() == slug)
                    .cloned()
                    .unwrap_or(EventKind::Other(slug.as_str().into()));
                kind_style(&kind).1.hex()
            }
            Some(_) if counts.grouping == Grouping::None => "#4e79a7".to_string(),
            Some(_) => palette.next().copied().unwrap_or(OTHERS_COLOUR).to_string(),
        })
        .collect()
}

fn heading(
    svg: &mut String,
    dataset: &Dataset,
    counts: &PeriodCounts,
    manifest: &Manifest,
    words: &str,
) {
    let per = match counts.grouping {
        Grouping::None => String::new(),
        grouping => format!(", by {grouping}"),
    };
    let events = crate::model::words::events(manifest.events);
    chart_heading(
        svg,
        64.0,
        &format!("{} \u{2014} events per {}{per}", dataset.title, counts.unit),
        &format!(
            "{words} \u{b7} {events} \u{b7} {}",
            describe_filter(&manifest.filter)
        ),
    );
}

fn legend(
    svg: &mut String,
    dataset: &Dataset,
    counts: &PeriodCounts,
    stacked: &Stacked,
    colours: &[String],
) {
    if counts.grouping == Grouping::None {
        return;
    }
    let kinds = dataset_kinds(dataset);
    let (mut x, mut y) = (64.0, 136.0);
    for (series, colour) in stacked.series.iter().zip(colours) {
        let name = match series {
            Some(g) => group_name(dataset, counts, &kinds, *g).to_string(),
            None => "others".to_string(),
        };
        let width = 28.0 + name.chars().count() as f64 * 15.0 * 0.52 + 24.0;
        if x + width > CHART_WIDTH - 64.0 {
            x = 64.0;
            y += 26.0;
        }
        let _ = writeln!(
            svg,
            r##"<rect x="{x:.1}" y="{:.1}" width="16" height="16" fill="{colour}"/><text x="{:.1}" y="{y:.1}" font-size="15" fill="#333333">{}</text>"##,
            y - 13.0,
            x + 22.0,
            escape(&name)
        );
        x += width;
    }
}

fn count_axis(svg: &mut String, top: u32, y: &dyn Fn(f64) -> f64) {
    svg.push_str("<g id=\"counts\">\n");
    let step = (top / 5).max(1);
    let mut value = 0;
    while value <= top {
        let at = y(f64::from(value));
        let _ = writeln!(
            svg,
            r##"<line x1="{LEFT}" y1="{at:.1}" x2="{RIGHT}" y2="{at:.1}" stroke="#e3e3e3" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="14" fill="#666666" text-anchor="end">{value}</text>"##,
            LEFT - 10.0,
            at + 5.0
        );
        value += step;
    }
    svg.push_str("</g>\n");
}

/// The events known only to a coarser period: a shaded band across it.
fn coarse_bands(
    svg: &mut String,
    counts: &PeriodCounts,
    stacked: &Stacked,
    colours: &[String],
    axis: &TimeAxis,
    y: &dyn Fn(f64) -> f64,
) {
    svg.push_str("<g id=\"coarser\">\n");
    for (p, period) in counts.periods.iter().enumerate() {
        if !period.is_coarser_than(counts.unit) {
            continue;
        }
        let total = stacked.period_total(p);
        let x0 = axis.x_from_time(period.start().0 as f64).max(LEFT);
        let x1 = axis.x_from_time(period.end().0 as f64).min(RIGHT);
        if x1 <= x0 {
            continue;
        }
        // Each series a faint slice of its own colour, the whole outlined in dashes.
        let mut base = 0u32;
        for (s, &value) in stacked.values[p].iter().enumerate() {
            let (top, bottom) = (y(f64::from(base + value)), y(f64::from(base)));
            if value > 0 {
                let _ = writeln!(
                    svg,
                    r##"<rect x="{x0:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="{}" fill-opacity="0.22"/>"##,
                    x1 - x0,
                    bottom - top,
                    colours[s]
                );
            }
            base += value;
        }
        let top = y(f64::from(total));
        let _ = writeln!(
            svg,
            r##"<rect x="{x0:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#778899" stroke-dasharray="4 3"><title>{}</title></rect>"##,
            x1 - x0,
            BOTTOM - top,
            escape(&format!(
                "{}: {total} known only to this {}",
                period.label(),
                length_word(period.length)
            ))
        );
    }
    svg.push_str("</g>\n");
}

fn length_word(length: crate::analysis::PeriodLength) -> &'static str {
    use crate::analysis::PeriodLength;
    match length {
        PeriodLength::Day => "day",
        PeriodLength::Week => "week",
        PeriodLength::Month => "month",
        PeriodLength::Year => "year",
        PeriodLength::Years => "span of years",
    }
}

fn bars(
    svg: &mut String,
    dataset: &Dataset,
    counts: &PeriodCounts,
    stacked: &Stacked,
    colours: &[String],
    axis: &TimeAxis,
    y: &dyn Fn(f64) -> f64,
) {
    let kinds = dataset_kinds(dataset);
    svg.push_str("<g id=\"bars\">\n");
    for (p, period) in counts.periods.iter().enumerate() {
        if period.is_coarser_than(counts.unit) {
            continue;
        }
        let x0 = axis.x_from_time(period.start().0 as f64);
        let x1 = axis.x_from_time(period.end().0 as f64);
        let gap = ((x1 - x0) * 0.12).min(2.0);
        let (x0, x1) = ((x0 + gap).max(LEFT), (x1 - gap).min(RIGHT));
        if x1 <= x0 - 1.0 {
            continue;
        }
        let width = (x1 - x0).max(1.0);
        let mut base = 0u32;
        for (s, &value) in stacked.values[p].iter().enumerate() {
            if value == 0 {
                continue;
            }
            let (top, bottom) = (y(f64::from(base + value)), y(f64::from(base)));
            let name = match stacked.series[s] {
                Some(g) => group_name(dataset, counts, &kinds, g).to_string(),
                None => "others".to_string(),
            };
            let _ = writeln!(
                svg,
                r##"<rect x="{x0:.1}" y="{top:.1}" width="{width:.1}" height="{:.1}" fill="{}"><title>{}</title></rect>"##,
                bottom - top,
                colours[s],
                escape(&format!("{}: {value} {name}", period.label()))
            );
            base += value;
        }
    }
    svg.push_str("</g>\n");
}

fn time_axis(svg: &mut String, axis: &TimeAxis) {
    let measure = |text: &str| text.chars().count() as f32 * 14.0 * 0.52;
    let ticks = calendar_ticks(axis, &measure);
    let offset = f64::from(LABEL_OFFSET);
    svg.push_str("<g id=\"axis\">\n");
    for (tick, y, colour) in ticks
        .minor
        .iter()
        .map(|t| (t, BOTTOM + 24.0, "#666666"))
        .chain(ticks.major.iter().map(|t| (t, BOTTOM + 46.0, "#333333")))
    {
        let x = axis.x_from_time(tick.time).max(LEFT);
        if x > RIGHT - 20.0 {
            continue;
        }
        let _ = writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="{BOTTOM}" x2="{x:.1}" y2="{:.1}" stroke="#555555" stroke-width="1"/><text x="{:.1}" y="{y:.1}" font-size="14" fill="{colour}">{}</text>"##,
            y - 14.0,
            x + offset,
            escape(&tick.label)
        );
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="#555555" stroke-width="1.5"/>"##
    );
    svg.push_str("</g>\n");
}

fn caption(svg: &mut String, dataset: &Dataset, counts: &PeriodCounts, manifest: &Manifest) {
    let each = match counts.grouping {
        Grouping::Kind | Grouping::None => "every event counts once".to_string(),
        grouping => format!("an event counts once for each {grouping} it has"),
    };
    let coarse: u64 = counts
        .cells
        .iter()
        .filter(|c| counts.periods[c.period as usize].is_coarser_than(counts.unit))
        .map(|c| u64::from(c.count))
        .sum();
    let lines = [
        format!(
            "{} Filters: {}.",
            data_source(dataset, manifest),
            manifest.describe_filter()
        ),
        if coarse == 0 {
            format!(
                "Counted per {}; {each}; an interval counts where it begins.",
                counts.unit
            )
        } else {
            format!(
                "Counted per {}; {each}; an interval counts where it begins. Shaded bands: {coarse} counted across a coarser period, as their dates are vaguer than a {}.",
                counts.unit, counts.unit
            )
        },
        format!(
            "Drawn by Annals {} on {}.",
            manifest.annals_version, manifest.exported_at
        ),
    ];
    caption_lines(svg, 64.0, CHART_HEIGHT - 64.0, &lines);
}
