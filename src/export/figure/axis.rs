//! The calendar axis under the lanes, with the viewer's ticks.

use std::fmt::Write as _;

use super::text::{escape, text_width};
use super::{PAGE_WIDTH, Scale};
use crate::model::date::SECONDS_PER_DAY;
use crate::timeline::ticks::{LABEL_OFFSET, calendar_ticks};

pub(super) const TICK_SIZE: f64 = 14.0;

/// The calendar axis under the lanes, with the viewer's two rows of ticks: the
/// minor step ("16", "Jul", "2022") next to the line and the coarser unit
/// ("May 2022", "2022") below it.
pub(super) fn axis(svg: &mut String, scale: &Scale, plot_top: f64, axis_y: f64) {
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
