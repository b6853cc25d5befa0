//! A filter evaluated once, for asking about single events: which pass the
//! filter, and which match its text search (highlighted on the canvas).

use std::sync::Arc;

use super::{EventSet, Filter, QueryIndex};
use crate::index::EventIdx;

/// The outcome of a filter on one dataset, for per-event questions.
#[derive(Debug, Clone)]
pub struct Matcher {
    matched: EventSet,
    text: Option<Arc<EventSet>>,
}

impl Matcher {
    /// True when the event passes every facet of the filter.
    pub fn matches(&self, event: EventIdx) -> bool {
        self.matched.contains(event)
    }

    /// True when the filter has a text search and the event matches it.
    pub fn matches_text(&self, event: EventIdx) -> bool {
        self.text.as_ref().is_some_and(|t| t.contains(event))
    }
}

impl QueryIndex {
    /// Evaluates `filter` once for many per-event questions.
    pub fn matcher(&self, filter: &Filter) -> Matcher {
        let sets = self.facets(filter);
        Matcher {
            matched: sets.combined(self.len(), None),
            text: sets.text,
        }
    }
}
