//! The laid-out lanes, kept between frames and built again only when the zoom
//! level, the window or the data changed; lanes are laid out as far down as the
//! screen reaches, the others when scrolled to.

use eframe::egui::{FontId, Painter};

use super::events::LABEL_FONT;
use super::lane_heights::{LaneExtent, lane_extents};
use super::state::CanvasInput;
use crate::timeline::TimeAxis;
use crate::timeline::layout::{Layout, LayoutKey, LayoutSource};
use crate::timeline::marks::label::TextMeasure;
use crate::timeline::marks::lane_height::{LaneShows, lane_height};

/// The layout for `axis`: `cached` when it still fits, else a new one with no lane yet.
pub(super) fn laid_out(input: &CanvasInput, axis: &TimeAxis, cached: Option<Layout>) -> Layout {
    let key = LayoutKey::for_axis(axis, input.generation);
    cached
        .filter(|l| l.key == key)
        .unwrap_or_else(|| Layout::new(key))
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

    /// Lays out more lanes until they reach `bottom` (or none is left).
    pub(crate) fn reach(
        &mut self,
        painter: &Painter,
        input: &CanvasInput,
        axis: &TimeAxis,
        bottom: f32,
    ) {
        let (laid, _) = self.heights(input);
        if laid >= bottom || self.layout.remaining(input.lanes) == 0 {
            return;
        }
        // Every lane is at least this tall: so many lanes surely reach the bottom.
        let count = ((bottom - laid) / least_lane_height()).ceil().max(1.0) as usize;
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
            shown: input.matched,
            all_shown: input.all_shown,
            measure: &measure,
            titles: input.titles,
        };
        let before = self.layout.lanes.len();
        self.layout.extend(&source, count);
        self.extents
            .extend(lane_extents(&self.layout.lanes[before..], input, axis));
    }
}
