//! The filter's results: which events it shows, the facet counts beside the
//! check boxes, the range that fits them and the overview strip's density.

use super::Document;
use crate::index::{EventIdx, TimeIndex, span_of};
use crate::query::{self, EventSet, FacetCounts, Filter};
use crate::timeline::TimeRange;
use crate::timeline::density::Density;
use crate::timeline::navigation::{event_extent, overview_density, shown_bounds, with_margin};
use crate::timeline::overview_cells::OverviewCells;
use crate::timeline::time_axis::YEAR;

/// What the applied filter selects in the open document.
#[derive(Debug)]
pub(super) struct Filtered {
    /// The filter these results are for; none when they are out of date.
    applied: Option<Filter>,
    /// The events that pass the filter: what the canvas, the chart, the matrix
    /// and an actor at a glance read.
    pub(crate) matched: EventSet,
    /// The same events by rank in the time order.
    pub(crate) matched_ranks: EventSet,
    /// The same events in time order, for stepping and fitting.
    pub(crate) list: Vec<EventIdx>,
    /// Every event is drawn: the others are faded, or the filter passes every event.
    pub(crate) all_shown: bool,
    /// Facet counts under the filter.
    pub(crate) counts: FacetCounts,
    /// The first and last instant of the shown events, without the margin.
    shown_extent: Option<(f64, f64)>,
    /// The range that shows every shown event.
    pub(crate) fitted: TimeRange,
    /// The range of the overview strip: the whole dataset, whatever the filter;
    /// worked out once per document.
    pub(crate) overview_range: Option<TimeRange>,
    /// The shown events per column of the overview strip.
    pub(crate) overview: Density,
    /// The extent and the overview density of every event, kept from the
    /// last filter that passed them all until the document changes, so that
    /// clearing a filter at a million events does not count them again.
    every_event: Option<(Option<(f64, f64)>, Density)>,
    /// Each event's columns of the strip and end, for the document revision
    /// they were placed in.
    cells: Option<(u64, OverviewCells)>,
}

impl Default for Filtered {
    fn default() -> Filtered {
        Filtered {
            applied: None,
            matched: EventSet::none(0),
            matched_ranks: EventSet::none(0),
            list: Vec::new(),
            all_shown: true,
            counts: FacetCounts::default(),
            shown_extent: None,
            fitted: TimeRange::new(0.0, YEAR),
            overview_range: None,
            overview: Density::default(),
            every_event: None,
            cells: None,
        }
    }
}

impl Filtered {
    /// The extent and the strip's density of the shown events, from each
    /// event's columns placed once per document revision.
    fn placed(&mut self, doc: &Document, range: TimeRange) -> (Option<(f64, f64)>, Density) {
        let placed = match self.cells.take() {
            Some((revision, cells)) if revision == doc.revision() && cells.range == range => cells,
            _ => OverviewCells::new(doc.index(), range),
        };
        let (density, end) = placed.count(&self.matched);
        self.cells = Some((doc.revision(), placed));
        let index = doc.index();
        let start = self
            .list
            .first()
            .map(|&e| event_extent(index.bounds_at(index.rank_of(e) as u32)).0);
        (start.zip(end), density)
    }

    /// Marks the results out of date (another document was adopted).
    pub(crate) fn invalidate(&mut self) {
        self.applied = None;
        self.overview_range = None;
        self.every_event = None;
    }

    /// The range of the overview strip (a year until a document is filtered).
    pub(crate) fn overview_range(&self) -> TimeRange {
        self.overview_range
            .unwrap_or_else(|| TimeRange::new(0.0, YEAR))
    }

    /// Follows events that changed without leaving their lanes (same actors,
    /// topics and kind): unless the filter has a period or a text, which
    /// such a change can cross, the same events pass with the same counts,
    /// and only their time order, the fitted range and the overview change.
    /// False when the filter must be applied again.
    /// `before` gives each changed event's earliest and latest instant before the change.
    pub(crate) fn events_moved(
        &mut self,
        doc: &Document,
        filter: &Filter,
        today: Option<f64>,
        before: &[(EventIdx, [i64; 2])],
    ) -> bool {
        let unaffected = self.applied.as_ref() == Some(filter)
            && filter.period.is_unbounded()
            && filter.text.trim().is_empty();
        if !unaffected {
            return false;
        }
        self.every_event = None;
        let index = doc.index();
        if self.list.len() == index.len() {
            // Every event is shown: the list is the time order, copied into
            // the memory it already holds rather than a new million entries.
            self.list.copy_from_slice(index.in_time_order());
        } else {
            // The moved events took other ranks.
            self.order_matched(index);
        }
        let extent = index
            .extent()
            .map(|(start, end)| (start.0 as f64, end.0 as f64));
        let moved: Vec<_> = before
            .iter()
            .filter(|(e, _)| self.matched.contains(*e))
            .collect();
        self.shown_extent = match self.shown_extent {
            // No moved event held either end: the ends can only widen to
            // take the events where they are now.
            Some((first, last))
                if moved.iter().all(|(_, old)| {
                    let (start, end) = event_extent(*old);
                    start > first && end < last
                }) =>
            {
                Some(moved.iter().fold((first, last), |(first, last), (e, _)| {
                    let (start, end) = event_extent(index.bounds_at(index.rank_of(*e) as u32));
                    (first.min(start), last.max(end))
                }))
            }
            _ => shown_bounds(index, &self.list),
        };
        self.fitted = with_margin(self.shown_extent, today);
        let overview_range = with_margin(extent, today);
        if self.overview_range == Some(overview_range) {
            // The strip's stretch is the same: each changed event leaves its old
            // columns and is counted in its new ones.
            let opens = (overview_range.start, overview_range.end);
            for &(event, old) in before.iter().filter(|(e, _)| self.matched.contains(*e)) {
                let (start, end) = span_of(old, opens);
                self.overview.remove(start, end);
                let (start, end) = index.span_at(index.rank_of(event) as u32, opens);
                self.overview.add(start, end);
            }
        } else {
            self.overview_range = Some(overview_range);
            self.overview = overview_density(index, &self.list, overview_range);
        }
        true
    }

    /// Puts the matched events in `index`'s time order: by rank, and as a list.
    fn order_matched(&mut self, index: &TimeIndex) {
        self.matched_ranks = query::by_rank(index, &self.matched);
        self.list = query::ranked_events(index, &self.matched_ranks);
    }

    /// Applies `filter` to `doc` unless these results are for it already; true when they
    /// changed. `today` centres the fitted range when nothing is shown.
    pub(crate) fn update(&mut self, doc: &Document, filter: &Filter, today: Option<f64>) -> bool {
        if self.applied.as_ref() == Some(filter) {
            return false;
        }
        let evaluation = doc.query.evaluate(filter);
        self.matched = evaluation.matched;
        self.order_matched(doc.index());
        self.counts = evaluation.counts;
        self.all_shown = filter.fade_unmatched || self.counts.matched == self.counts.total;
        self.applied = Some(filter.clone());
        let overview_range = *self.overview_range.get_or_insert_with(|| {
            let extent = doc.index().extent();
            with_margin(
                extent.map(|(start, end)| (start.0 as f64, end.0 as f64)),
                today,
            )
        });
        let every = self.list.len() == doc.index().len();
        (self.shown_extent, self.overview) = match &self.every_event {
            Some((extent, overview)) if every => (*extent, overview.clone()),
            _ => self.placed(doc, overview_range),
        };
        if every {
            self.every_event = Some((self.shown_extent, self.overview.clone()));
        }
        self.fitted = with_margin(self.shown_extent, today);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    #[test]
    fn the_placed_columns_give_the_strip_and_extent_placing_each_event_gives() {
        let dataset = crate::generate::generate(5_000, 3);
        let source = crate::dataset::SourceInfo::embedded();
        let doc = Document::new(dataset, None, source);
        let country = doc.dataset().actors[0].id.clone();
        let mut filters = vec![Filter::default()];
        filters.push(Filter {
            actors: [country].into(),
            ..Filter::default()
        });
        filters.push(Filter {
            kinds: ["visit".to_string()].into(),
            ..Filter::default()
        });
        filters.push(Filter {
            text: "zzzz-none".to_string(),
            ..Filter::default()
        });
        let mut kept = Filtered::default();
        for filter in &filters {
            kept.update(&doc, filter, None);
            let range = kept.overview_range();
            assert_eq!(
                kept.overview,
                overview_density(doc.index(), &kept.list, range),
                "{filter:?}"
            );
            assert_eq!(
                kept.shown_extent,
                shown_bounds(doc.index(), &kept.list),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn moved_events_leave_the_results_as_filtering_afresh_would() {
        let mut doc = Document::embedded().expect("the embedded dataset reads");
        let filter = Filter::default();
        let mut kept = Filtered::default();
        kept.update(&doc, &filter, None);
        let events = doc.dataset().events.clone();
        for (k, at) in [3usize, 17, 30, 8, 3].into_iter().enumerate() {
            let mut event = events[at].clone();
            event.date = events[(at + 11 * (k + 1)) % events.len()].date.clone();
            let followed = doc
                .apply(Edit::change_event(&event.id.clone(), event))
                .expect("a valid edit");
            assert!(followed.moved.is_some(), "the event stays in its lanes");
            assert!(kept.events_moved(&doc, &filter, None, &followed.before));
            let mut fresh = Filtered::default();
            fresh.update(&doc, &filter, None);
            assert_eq!(kept.list, fresh.list, "edit {k}");
            assert_eq!(kept.fitted, fresh.fitted, "edit {k}");
            assert_eq!(kept.overview_range, fresh.overview_range, "edit {k}");
            assert_eq!(kept.overview, fresh.overview, "edit {k}");
        }
    }

    #[test]
    fn moving_the_first_or_the_last_event_inwards_narrows_the_fitted_range() {
        let mut doc = Document::embedded().expect("the embedded dataset reads");
        let filter = Filter::default();
        let mut kept = Filtered::default();
        kept.update(&doc, &filter, None);
        let wide = kept.fitted;
        let middle = doc.dataset().events[20].date.clone();
        for end in [0, 1] {
            let order = doc.index().in_time_order().to_vec();
            let at = if end == 0 {
                order[0]
            } else {
                order[order.len() - 1]
            };
            let mut event = doc.dataset().events[at as usize].clone();
            event.date = middle.clone();
            let followed = doc
                .apply(Edit::change_event(&event.id.clone(), event))
                .expect("a valid edit");
            if followed.moved.is_none() {
                continue;
            }
            assert!(kept.events_moved(&doc, &filter, None, &followed.before));
            let mut fresh = Filtered::default();
            fresh.update(&doc, &filter, None);
            assert_eq!(kept.fitted, fresh.fitted, "end {end}");
        }
        assert_ne!(kept.fitted, wide, "the range followed the moved events");
    }

    #[test]
    fn clearing_a_filter_after_an_edit_counts_the_event_where_it_is_now() {
        let mut doc = Document::embedded().expect("the embedded dataset reads");
        let all = Filter::default();
        let mut iran = Filter::default();
        iran.actors.insert("IRN".to_string());
        let mut kept = Filtered::default();
        kept.update(&doc, &all, None);
        kept.update(&doc, &iran, None);
        // Back to every event: the kept extent and density are those of the document.
        kept.update(&doc, &all, None);
        let order = doc.index().in_time_order().to_vec();
        let mut event = doc.dataset().events[order[0] as usize].clone();
        event.date = doc.dataset().events[20].date.clone();
        let followed = doc
            .apply(Edit::change_event(&event.id.clone(), event))
            .expect("a valid edit");
        assert!(kept.events_moved(&doc, &all, None, &followed.before));
        kept.update(&doc, &iran, None);
        kept.update(&doc, &all, None);
        let mut fresh = Filtered::default();
        fresh.update(&doc, &all, None);
        assert_eq!(kept.fitted, fresh.fitted);
        assert_eq!(kept.overview, fresh.overview);
    }
}
