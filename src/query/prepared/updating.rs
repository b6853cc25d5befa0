//! Following an edit: one event changed, or one added at the end, updates
//! the index's rows and posting lists of that event only, so that an edit
//! at a million events costs a few milliseconds instead of a rebuild.

use std::sync::Arc;

use super::building::{member_of, push_event_text, topics_of};
use super::{FacetTotals, Postings, QueryIndex};
use crate::index::EventIdx;
use crate::model::{Dataset, Event};
use crate::query::fold::fold;

impl QueryIndex {
    /// Follows a change of the event at position `e` of `dataset` (already
    /// changed there), or the addition of an event at the end of its list
    /// when `e` is the new last position. Gives its rank in time order before
    /// (none when added) and after.
    pub(crate) fn event_changed(&mut self, dataset: &Dataset, e: usize) -> (Option<u32>, u32) {
        let event = &dataset.events[e];
        let id = e as EventIdx;
        let added = e == self.events;
        if !added {
            self.forget_postings(id);
        }
        let facts = Arc::make_mut(&mut self.facts);
        if added {
            facts.append(event);
        } else {
            facts.replace(e, event);
        }
        let facts = &self.facts;
        let mut row = Vec::new();
        member_of(facts, e, &mut row);
        set_row(&mut self.event_member_of, e, added, &row);
        add_to(&mut self.member_events, &row, id);
        topics_of(facts, e, &mut row);
        set_row(&mut self.event_topics, e, added, &row);
        add_to(&mut self.actor_events, facts.event_actors.of(e), id);
        add_to(&mut self.topic_events, facts.event_topics.of(e), id);
        add_to(&mut self.kind_events, &[facts.event_kind[e]], id);
        let bounds = facts.bounds[e];
        self.add_searched_values(event, id);
        self.set_text(event, e, added);
        if added {
            self.events += 1;
        }
        let ranks = self.time.place(&dataset.events, id, bounds);
        self.totals = FacetTotals::default();
        if let Ok(mut cache) = self.text_cache.lock() {
            *cache = None;
        }
        ranks
    }

    /// Takes event `id` out of every posting list (before its facts change).
    fn forget_postings(&mut self, id: EventIdx) {
        let e = id as usize;
        let facts = &self.facts;
        remove_from(&mut self.actor_events, facts.event_actors.of(e), id);
        remove_from(&mut self.topic_events, facts.event_topics.of(e), id);
        remove_from(&mut self.kind_events, &[facts.event_kind[e]], id);
        remove_from(&mut self.member_events, self.event_member_of.of(e), id);
        for (_, events) in self
            .places
            .iter_mut()
            .chain(&mut self.publishers)
            .chain(&mut self.cameos)
        {
            if let Ok(at) = events.binary_search(&id) {
                events.remove(at);
            }
        }
    }

    /// Files event `id` under its place, its sources' publishers and its CAMEO code.
    fn add_searched_values(&mut self, event: &Event, id: EventIdx) {
        if let Some(place) = &event.place {
            add_searched(&mut self.places, fold(place), id);
        }
        for source in &event.sources {
            add_searched(&mut self.publishers, fold(&source.publisher), id);
        }
        if let Some(code) = event.cameo_code() {
            add_searched(&mut self.cameos, format!("cameo {code}"), id);
        }
    }

    /// Keeps the folded text of `event` at position `e` for the search.
    fn set_text(&mut self, event: &Event, e: usize, added: bool) {
        let mut text = String::new();
        push_event_text(&mut text, event);
        if added && self.changed_text.is_empty() {
            self.event_text.extend_from_slice(text.as_bytes());
            self.event_text_starts.push(self.event_text.len());
            return;
        }
        if added {
            // The buffer ends where the last event's text ends: the new
            // event's own stretch of it is empty.
            self.event_text_starts.push(self.event_text.len());
        } else {
            let (start, end) = (self.event_text_starts[e], self.event_text_starts[e + 1]);
            self.event_text[start..end].fill(b'\n');
        }
        self.changed_text.insert(e as EventIdx, text);
    }
}

/// Puts `row` as event `e`'s row, or after the last row for a new event.
fn set_row(table: &mut crate::query::flat::PerEvent, e: usize, added: bool, row: &[u32]) {
    if added {
        table.push(row);
    } else {
        table.replace(e, row);
    }
}

/// Adds `id` to the sorted lists of `values`, making room for new values.
fn add_to(postings: &mut Postings, values: &[u32], id: EventIdx) {
    for &value in values {
        let value = value as usize;
        if postings.len() <= value {
            postings.resize(value + 1, Vec::new());
        }
        let events = &mut postings[value];
        if let Err(at) = events.binary_search(&id) {
            events.insert(at, id);
        }
    }
}

/// Takes `id` out of the sorted lists of `values`.
fn remove_from(postings: &mut Postings, values: &[u32], id: EventIdx) {
    for &value in values {
        if let Some(events) = postings.get_mut(value as usize)
            && let Ok(at) = events.binary_search(&id)
        {
            events.remove(at);
        }
    }
}

/// Adds `id` to the events of the searched value `text`, which may be new.
fn add_searched(values: &mut Vec<(String, Vec<EventIdx>)>, text: String, id: EventIdx) {
    let at = match values.iter().position(|(known, _)| *known == text) {
        Some(at) => at,
        None => {
            values.push((text, Vec::new()));
            values.len() - 1
        }
    };
    let events = &mut values[at].1;
    if let Err(at) = events.binary_search(&id) {
        events.insert(at, id);
    }
}

#[cfg(test)]
mod tests;
