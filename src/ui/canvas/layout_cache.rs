//! The laid-out lanes, kept between frames and built again only when the zoom
//! level, the window or the data changed; lanes are laid out as far down as the
//! screen reaches, the others when scrolled to. A zoom step while scrolled down
//! leaves the lanes above the screen unlaid, with the heights they had.

use eframe::egui::{FontId, Painter};

use super::events::LABEL_FONT;
use super::lane_heights::{LaneExtent, lane_extents};
use super::state::CanvasInput;
use crate::timeline::TimeAxis;
use crate::timeline::layout::{LaneContent, Layout, LayoutKey, LayoutSource};
use crate::timeline::marks::label::TextMeasure;
use crate::timeline::marks::lane_height::{LaneShows, lane_height};

/// The layout for `axis`: `cached` when it still fits; else a new one, whose
/// lanes wholly above `scroll_y` (as `cached` had them, for the same data and
/// lanes) are left unlaid.
pub(super) fn laid_out(
    input: &CanvasInput,
    axis: &TimeAxis,
    cached: Option<Layout>,
    scroll_y: f32,
) -> Layout {
    let key = LayoutKey::for_axis(axis, input.generation);
    let Some(old) = cached else {
        return Layout::new(key);
    };
    if old.key == key {
        return old;
    }
    if scroll_y <= 0.0 || old.key.generation != key.generation {
        return Layout::new(key);
    }
    let extents = lane_extents(&old.lanes, input, axis);
    let mut bottom = 0.0;
    let above: Vec<(usize, LaneShows)> = old
        .lanes
        .iter()
        .zip(&extents)
        .take_while(|(_, extent)| {
            bottom += extent.height;
            bottom <= scroll_y
        })
        .map(|(lane, extent)| (lane.lane, shows(&lane.content, extent)))
        .collect();
    Layout::below(key, above)
}

/// How a lane showed, for its height while it waits unlaid.
fn shows(content: &LaneContent, extent: &LaneExtent) -> LaneShows {
    match content {
        LaneContent::Events { .. } => LaneShows::Rows(extent.rows),
        LaneContent::Density(_) => LaneShows::Density,
        LaneContent::Unlaid(shows) => *shows,
    }
}

/// The least height of a lane, whatever it shows.
pub(super) fn least_lane_height() -> f32 {
    lane_height(LaneShows::Density, false).min(lane_height(LaneShows::Rows(1), false))
}

/// The laid-out lanes with their extents on `axis`, laid out further down until they
/// reach `bottom` points below the top of the first lane (or run out).
pub(super) struct Covered {
    /// The layout.
    pub(crate) layout: Layout,
    /// The extent of each of its lanes, in order.
    pub(crate) extents: Vec<LaneExtent>,
}

impl Covered {
    /// `layout` with the extents of its lanes on `axis`.
    pub fn new(layout: Layout, input: &CanvasInput, axis: &TimeAxis) -> Covered {
        let extents = lane_extents(&layout.lanes, input, axis);
        Covered { layout, extents }
    }

    /// The height of the lanes laid out, and a least height for those still to come.
    pub(crate) fn heights(&self, input: &CanvasInput) -> (f32, f32) {
        let laid = self.extents.iter().map(|e| e.height).sum();
        let rest = self.layout.remaining(input.lanes) as f32 * least_lane_height();
        (laid, rest)
    }

    /// Lays out the unlaid lanes between `top` and `bottom` (points below the
    /// top of the first lane), and more lanes below until they reach `bottom`
    /// (or none is left).
    pub(crate) fn reach(
        &mut self,
        painter: &Painter,
        input: &CanvasInput,
        axis: &TimeAxis,
        (top, bottom): (f32, f32),
    ) {
        let mut y = 0.0;
        let unlaid: Vec<usize> = (0..self.layout.lanes.len())
            .filter(|&p| {
                let lane_top = y;
                y += self.extents[p].height;
                matches!(self.layout.lanes[p].content, LaneContent::Unlaid(_))
                    && y > top
                    && lane_top < bottom
            })
            .collect();
        let (laid, _) = self.heights(input);
        let more = laid < bottom && self.layout.remaining(input.lanes) > 0;
        if unlaid.is_empty() && !more {
            return;
        }
        // Titles are measured by their glyphs' advances, not laid out: a laid-out
        // text is cached by egui, and a zoomed-out layout measures many titles.
        let font = FontId::proportional(LABEL_FONT);
        let measure =
            painter.fonts_mut(|fonts| TextMeasure::from_ascii(|c| fonts.glyph_width(&font, c)));
        let source = LayoutSource {
            dataset: input.dataset,
            index: input.index,
            lanes: input.lanes,
            lane_times: input.lane_times,
            shown: input.matched_ranks,
            all_shown: input.all_shown,
            measure: &measure,
            titles: input.titles,
        };
        if !unlaid.is_empty() {
            self.layout.lay_out(&source, &unlaid);
            self.extents = lane_extents(&self.layout.lanes, input, axis);
        }
        if more {
            // Every lane is at least this tall: so many lanes surely reach the bottom.
            let count = ((bottom - laid) / least_lane_height()).ceil().max(1.0) as usize;
            let before = self.layout.lanes.len();
            self.layout.extend(&source, count);
            self.extents
                .extend(lane_extents(&self.layout.lanes[before..], input, axis));
        }
    }
}
