//! The dataset prepared for filtering: posting lists per actor, topic and
//! kind, member and topic expansions, and folded search text, built once.
//!
//! The index is built in `building.rs`, searched for text in `text_search.rs`,
//! and evaluated facet by facet in `facet_sets.rs`.

mod building;
mod facet_sets;
mod text_search;
mod updating;

pub(crate) use facet_sets::{Facet, FacetTotals};

use std::sync::{Arc, Mutex};

use super::{EventSet, Filter};
use crate::index::{EventIdx, TimeIndex};
use crate::model::EventKind;
use crate::query::EventFacts;
use crate::query::flat::PerEvent;

/// Events of each value, as sorted lists of event positions.
type Postings = Vec<Vec<EventIdx>>;

/// A dataset prepared once for fast filtering, facet counts and text search.
///
/// Built when a dataset is loaded; every query then works on flat arrays and
/// bit sets instead of walking the events.
#[derive(Debug)]
pub struct QueryIndex {
    pub(crate) time: TimeIndex,
    pub(crate) events: usize,
    /// The facts of each event that the index extends, shared with the counting index.
    pub(crate) facts: Arc<EventFacts>,
    /// Events each actor takes part in, on either side.
    actor_events: Postings,
    /// Events where one of an actor's people takes part while holding one of its roles
    /// (and the actor itself does not).
    member_events: Postings,
    /// The countries and organizations each event involves through a person's role only.
    pub(crate) event_member_of: PerEvent,
    /// Events tagged with each topic itself.
    topic_events: Postings,
    /// Each topic with every topic below it.
    topic_descendants: Vec<Vec<u32>>,
    /// The topics of each event with all their ancestors (deduplicated).
    pub(crate) event_topics: PerEvent,
    /// The events of each kind.
    kind_events: Postings,
    /// Folded title, summary and note of every event, one line per field,
    /// all events in one buffer for a single scan (UTF-8). An event changed
    /// since the index was built has its text there blanked with newlines,
    /// which no searched word contains, and kept in `changed_text` instead.
    event_text: Vec<u8>,
    /// Where each event's text starts in `event_text`, and its end at the close.
    event_text_starts: Vec<usize>,
    /// The folded text of each event changed since the index was built.
    changed_text: foldhash::HashMap<EventIdx, String>,
    /// Folded name, aliases and names in other scripts of each actor.
    actor_text: Vec<String>,
    /// Folded distinct places and the events at each.
    places: Vec<(String, Vec<EventIdx>)>,
    /// Folded distinct source publishers and the events each reports.
    publishers: Vec<(String, Vec<EventIdx>)>,
    /// Distinct CAMEO codes as `cameo 042` and the events that have each
    /// (their own code, else their kind's).
    cameos: Vec<(String, Vec<EventIdx>)>,
    /// The last text searched and its events, so that changing another
    /// facet does not search again.
    text_cache: Mutex<Option<(String, Arc<EventSet>)>>,
    /// The facet counts over every event, kept once counted.
    pub(crate) totals: FacetTotals,
}

impl QueryIndex {
    /// The events sorted by time.
    pub fn time_index(&self) -> &TimeIndex {
        &self.time
    }

    /// The facts of each event, which the counting index extends too.
    pub(crate) fn facts(&self) -> &Arc<EventFacts> {
        &self.facts
    }

    /// The number of events.
    pub(crate) fn len(&self) -> usize {
        self.events
    }

    /// The number of interned actors, topics and kinds.
    pub(crate) fn value_counts(&self) -> (usize, usize, usize) {
        (
            self.facts.actors.names.len(),
            self.facts.topics.names.len(),
            self.facts.kinds.names.len(),
        )
    }

    /// The kinds of the dataset's events, built-in ones in legend order first.
    pub(crate) fn kinds_present(&self) -> Vec<&EventKind> {
        self.kind_events
            .iter()
            .zip(&self.facts.kind_values)
            .filter(|(events, _)| !events.is_empty())
            .map(|(_, kind)| kind)
            .collect()
    }

    /// The events matching every active facet of `filter`.
    pub fn matching(&self, filter: &Filter) -> EventSet {
        self.facets(filter).combined(self.events, None)
    }
}
