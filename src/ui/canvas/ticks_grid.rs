//! The calendar ticks of the frame, and the grid lines they draw under the lanes.

use eframe::egui::{FontId, Painter, Stroke};

use super::frame::Canvas;
use crate::model::Calendar;
use crate::timeline::jalali_ticks::{MonthNames, jalali_row, jalali_ticks};
use crate::timeline::ticks::{Tick, Ticks, calendar_ticks};

/// The font of the axis's labels.
pub(super) const TICK_FONT: f32 = 12.0;

/// The ticks of the axis in the calendars it shows.
pub(super) struct AxisTicks {
    /// The two rows: Gregorian, or Jalali when only it is shown.
    pub(super) rows: Ticks,
    /// The third row of Jalali labels when both calendars are shown.
    pub(super) jalali_row: Vec<Tick>,
}

impl AxisTicks {
    /// The labels drawn, row by row (major, minor, Jalali), left to right.
    pub(super) fn labels(&self) -> Vec<Vec<String>> {
        [&self.rows.major, &self.rows.minor, &self.jalali_row]
            .into_iter()
            .filter(|row| !row.is_empty())
            .map(|row| {
                row.iter()
                    .filter(|t| t.label_x.is_some())
                    .map(|t| t.label.clone())
                    .collect()
            })
            .collect()
    }
}

/// The calendar ticks of the view in `calendar`, spaced so that their labels
/// fit; Gregorian where the Jalali calendar has none (deep time).
pub(super) fn ticks(
    painter: &Painter,
    canvas: &Canvas,
    (calendar, month_names): (Calendar, MonthNames),
) -> AxisTicks {
    let font = FontId::proportional(TICK_FONT);
    let text = canvas.visuals.text_color();
    let measure = |s: &str| {
        painter
            .layout_no_wrap(s.to_string(), font.clone(), text)
            .size()
            .x
    };
    let rows = match calendar {
        Calendar::Jalali => jalali_ticks(&canvas.axis, &measure, month_names),
        _ => None,
    };
    AxisTicks {
        rows: rows.unwrap_or_else(|| calendar_ticks(&canvas.axis, &measure)),
        jalali_row: match calendar {
            Calendar::Both => jalali_row(&canvas.axis, &measure, month_names),
            _ => Vec::new(),
        },
    }
}

/// A faint vertical line at every minor tick, under everything in the lanes.
pub(super) fn grid(painter: &Painter, canvas: &Canvas, ticks: &Ticks) {
    let time_painter = canvas.time_painter(painter);
    let stroke = Stroke::new(1.0, canvas.grid_colour());
    for tick in &ticks.minor {
        let x = canvas.axis.x_clamped(tick.time);
        time_painter.vline(x, canvas.lanes_rect.y_range(), stroke);
    }
}
