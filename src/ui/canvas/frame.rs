//! Where the parts of the canvas lie in one frame: the gutter, the axis strip, the
//! lanes and the stretch of screen where time runs.

use eframe::egui::{Color32, Painter, Rect, Visuals, pos2};

use crate::timeline::{TimeAxis, TimeRange};

/// Width of the lane labels at the left, in points.
pub(crate) const GUTTER: f32 = 200.0;
/// Height of the time axis at the top, in points: two rows of labels.
pub(crate) const AXIS_HEIGHT: f32 = 44.0;
/// Height of the row of Jalali labels added under them when the axis shows both calendars.
pub(crate) const JALALI_ROW_HEIGHT: f32 = 18.0;

/// Where the parts of the canvas lie in one frame, and the colours they share.
pub(super) struct Canvas {
    /// The whole canvas.
    pub(crate) rect: Rect,
    /// The part right of the gutter, where time runs.
    pub(crate) time_rect: Rect,
    /// The axis strip along the top.
    pub(crate) axis_rect: Rect,
    /// The lanes under the axis.
    pub(crate) lanes_rect: Rect,
    /// Time across `time_rect`.
    pub(crate) axis: TimeAxis,
    pub(crate) visuals: Visuals,
}

impl Canvas {
    /// The canvas in `rect` showing `range`, its axis `axis_height` tall.
    pub fn new(rect: Rect, range: TimeRange, axis_height: f32, visuals: Visuals) -> Canvas {
        let time_rect = Rect::from_min_max(
            pos2(rect.left() + GUTTER, rect.top()),
            pos2(rect.right() - 8.0, rect.bottom()),
        );
        Canvas {
            rect,
            time_rect,
            axis_rect: Rect::from_min_max(rect.min, pos2(rect.right(), rect.top() + axis_height)),
            lanes_rect: Rect::from_min_max(pos2(rect.left(), rect.top() + axis_height), rect.max),
            axis: TimeAxis::new(range, time_rect.left(), time_rect.width()),
            visuals,
        }
    }

    /// The faint lines of the grid and between lanes.
    pub(crate) fn grid_colour(&self) -> Color32 {
        if self.visuals.dark_mode {
            Color32::from_white_alpha(12)
        } else {
            Color32::from_black_alpha(14)
        }
    }

    /// A painter for the lanes where time runs (right of the gutter, under the axis).
    pub(crate) fn time_painter(&self, painter: &Painter) -> Painter {
        painter.with_clip_rect(self.lanes_rect.intersect(self.time_rect))
    }
}
