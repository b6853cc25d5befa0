//! Each facet of a filter as a set of events, and their combination.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::QueryIndex;
use crate::index::EventIdx;
use crate::query::fold::fold;
use crate::query::{EventSet, Filter};

impl QueryIndex {
    /// Each facet of `filter` evaluated on its own; `None` where it does not filter.
    pub(crate) fn facets(&self, filter: &Filter) -> FacetSets {
        FacetSets {
            actors: self.actor_set(filter),
            topics: self.union_of(
                filter
                    .topics
                    .iter()
                    .filter_map(|id| self.facts.topics.get(id))
                    .flat_map(|t| {
                        self.topic_descendants[t as usize]
                            .iter()
                            .map(|&d| self.topic_events[d as usize].as_slice())
                    }),
                filter.topics.is_empty(),
            ),
            kinds: self.union_of(
                filter
                    .kinds
                    .iter()
                    .filter_map(|slug| self.facts.kinds.get(slug))
                    .map(|k| self.kind_events[k as usize].as_slice()),
                filter.kinds.is_empty(),
            ),
            places: self.place_set(filter),
            period: self.period_set(filter),
            text: self.text_matches(&filter.text),
        }
    }

    /// The events at the filter's places, or `None` when it names none. A place
    /// matches as written, or by the part before its first comma, folded.
    fn place_set(&self, filter: &Filter) -> Option<EventSet> {
        if filter.places.is_empty() {
            return None;
        }
        let wanted: Vec<String> = filter.places.iter().map(|p| fold(p.trim())).collect();
        let lists = self.places.iter().filter(|(place, _)| {
            let first = place.split(',').next().unwrap_or_default().trim();
            wanted.iter().any(|w| w == place || w == first)
        });
        self.union_of(lists.map(|(_, events)| events.as_slice()), false)
    }

    /// The events of the actor facet, or `None` when no actor is selected.
    fn actor_set(&self, filter: &Filter) -> Option<EventSet> {
        let one = |id: &str| {
            let mut set = EventSet::none(self.events);
            if let Some(a) = self.facts.actors.get(id) {
                set.insert_all(&self.actor_events[a as usize]);
                if filter.include_members {
                    set.insert_all(&self.member_events[a as usize]);
                }
            }
            set
        };
        let mut sets = filter.actors.iter().map(|id| one(id));
        let mut found = sets.next()?;
        for set in sets {
            if filter.all_actors {
                found.intersect_with(&set);
            } else {
                found.union_with(&set);
            }
        }
        Some(found)
    }

    fn union_of<'a>(
        &self,
        lists: impl Iterator<Item = &'a [EventIdx]>,
        inactive: bool,
    ) -> Option<EventSet> {
        if inactive {
            return None;
        }
        let mut found = EventSet::none(self.events);
        for list in lists {
            found.insert_all(list);
        }
        Some(found)
    }

    fn period_set(&self, filter: &Filter) -> Option<EventSet> {
        if filter.period.is_unbounded() {
            return None;
        }
        let (start, end) = filter.period.span();
        let (start, end, strict) = (start.0, end.0, filter.strict);
        let words = self
            .facts
            .bounds
            .par_chunks(64)
            .map(|bounds| {
                let mut bits = 0u64;
                for (i, &[e, l]) in bounds.iter().enumerate() {
                    let inside = if strict {
                        start <= e && l <= end
                    } else {
                        e < end && start < l
                    };
                    bits |= u64::from(inside) << i;
                }
                bits
            })
            .collect();
        Some(EventSet::from_words(words, self.events))
    }
}

/// Each facet's events, `None` for a facet that does not filter.
pub(crate) struct FacetSets {
    pub(crate) actors: Option<EventSet>,
    pub(crate) topics: Option<EventSet>,
    pub(crate) kinds: Option<EventSet>,
    pub(crate) places: Option<EventSet>,
    pub(crate) period: Option<EventSet>,
    pub(crate) text: Option<Arc<EventSet>>,
}

/// A facet, for leaving one out when counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Facet {
    Actors,
    Topics,
    Kinds,
}

impl FacetSets {
    /// The events in every facet but `except`.
    pub(crate) fn combined(&self, universe: usize, except: Option<Facet>) -> EventSet {
        let mut found = EventSet::all(universe);
        let sets = [
            (Some(Facet::Actors), self.actors.as_ref()),
            (Some(Facet::Topics), self.topics.as_ref()),
            (Some(Facet::Kinds), self.kinds.as_ref()),
            (None, self.places.as_ref()),
            (None, self.period.as_ref()),
            (None, self.text.as_deref()),
        ];
        for (facet, set) in sets {
            if let Some(set) = set
                && (facet.is_none() || facet != except)
            {
                found.intersect_with(set);
            }
        }
        found
    }
}

/// Each facet value's count over every event, counted the first time a facet
/// is not narrowed by any other filter.
#[derive(Debug, Default)]
pub(crate) struct FacetTotals {
    /// Without and with the events of each actor's people.
    pub(crate) actors: [OnceLock<Vec<u32>>; 2],
    /// Per topic.
    pub(crate) topics: OnceLock<Vec<u32>>,
    /// Per kind.
    pub(crate) kinds: OnceLock<Vec<u32>>,
}
