//! The filter's results: which events it shows, the facet counts beside the
//! check boxes, the range that fits them and the overview strip's density.

use super::Document;
use crate::index::EventIdx;
use crate::query::{self, FacetCounts, Filter};
use crate::timeline::TimeRange;
use crate::timeline::density::Density;
use crate::timeline::navigation::{overview_density, shown_bounds, with_margin};
use crate::timeline::time_axis::YEAR;

/// What the applied filter selects in the open document.
#[derive(Debug)]
pub(super) struct Filtered {
    /// The filter these results are for; none when they are out of date.
    applied: Option<Filter>,
    /// Events that pass the filter, in time order.
    pub list: Vec<EventIdx>,
    /// One flag per event: does it pass the filter.
    pub matched: Vec<bool>,
    /// One flag per event: is it drawn (every event when the others are faded).
    pub shown: Vec<bool>,
    /// Facet counts under the filter.
    pub counts: FacetCounts,
    /// The range that shows every shown event.
    pub fitted: TimeRange,
    /// The range of the overview strip: the whole dataset, whatever the filter.
    pub overview_range: TimeRange,
    /// The shown events per column of the overview strip.
    pub overview: Density,
}

impl Default for Filtered {
    fn default() -> Filtered {
        Filtered {
            applied: None,
            list: Vec::new(),
            matched: Vec::new(),
            shown: Vec::new(),
            counts: FacetCounts::default(),
            fitted: TimeRange::new(0.0, YEAR),
            overview_range: TimeRange::new(0.0, YEAR),
            overview: Density::default(),
        }
    }
}

impl Filtered {
    /// Marks the results out of date (another document was adopted).
    pub fn invalidate(&mut self) {
        self.applied = None;
    }

    /// Applies `filter` to `doc` unless these results are for it already; true when they
    /// changed. `today` centres the fitted range when nothing is shown.
    pub fn update(&mut self, doc: &Document, filter: &Filter, today: Option<f64>) -> bool {
        if self.applied.as_ref() == Some(filter) {
            return false;
        }
        let dataset = &doc.dataset;
        self.list = query::select(dataset, &doc.query, filter);
        self.counts = doc.query.facet_counts(filter);
        self.matched = vec![false; dataset.events.len()];
        for &e in &self.list {
            self.matched[e as usize] = true;
        }
        self.shown = if filter.fade_unmatched {
            vec![true; dataset.events.len()]
        } else {
            self.matched.clone()
        };
        self.applied = Some(filter.clone());
        self.fitted = with_margin(shown_bounds(doc.index(), &self.list), today);
        let extent = doc.index().extent(dataset);
        self.overview_range = with_margin(
            extent.map(|(start, end)| (start.0 as f64, end.0 as f64)),
            today,
        );
        self.overview = overview_density(doc.index(), &self.list, self.overview_range);
        true
    }
}
