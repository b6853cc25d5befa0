//! Facet counts: beside each actor, topic and kind, the number of events that
//! would match with it, counted under the other active filters.

use std::sync::{Arc, OnceLock};

use super::flat::Positions;
use super::prepared::Facet;
use super::{EventSet, Filter, QueryIndex};
use crate::model::EventKind;

/// The number of matching events per facet value, and overall.
#[derive(Debug, Clone, Default)]
pub struct FacetCounts {
    /// Where each value's count is: the index's own positions of its names.
    slots: FacetSlots,
    /// Per interned actor, topic and kind.
    actors: Vec<u32>,
    topics: Vec<u32>,
    kinds: Vec<u32>,
    legend: Vec<(EventKind, u32)>,
    no_actor: u32,
    /// The events matching the whole filter.
    pub matched: usize,
    /// The events of the dataset.
    pub total: usize,
}

/// The position of each actor id, topic id and kind slug in the counts.
#[derive(Debug, Clone, Default)]
struct FacetSlots {
    actors: Arc<Positions>,
    topics: Arc<Positions>,
    kinds: Arc<Positions>,
}

impl FacetSlots {
    /// The positions of the values `index` has interned, shared with it.
    fn of(index: &QueryIndex) -> FacetSlots {
        FacetSlots {
            actors: index.facts.actors.positions(),
            topics: index.facts.topics.positions(),
            kinds: index.facts.kinds.positions(),
        }
    }
}

/// The count of value `name` in `counts`, by its slot.
fn count_of(slots: &Positions, counts: &[u32], name: &str) -> u32 {
    slots
        .get(name)
        .and_then(|&slot| counts.get(slot as usize))
        .copied()
        .unwrap_or(0)
}

/// Two counts are equal when every value has the same count in both, wherever
/// each keeps it.
impl PartialEq for FacetCounts {
    fn eq(&self, other: &FacetCounts) -> bool {
        let same = |(mine, a): (&Positions, &[u32]), (theirs, b): (&Positions, &[u32])| {
            mine.keys()
                .chain(theirs.keys())
                .all(|name| count_of(mine, a, name) == count_of(theirs, b, name))
        };
        let (s, o) = (&self.slots, &other.slots);
        self.matched == other.matched
            && self.total == other.total
            && self.no_actor == other.no_actor
            && self.legend == other.legend
            && same((&s.actors, &self.actors), (&o.actors, &other.actors))
            && same((&s.topics, &self.topics), (&o.topics, &other.topics))
            && same((&s.kinds, &self.kinds), (&o.kinds, &other.kinds))
    }
}

impl Eq for FacetCounts {}

impl FacetCounts {
    /// The events that match the other facets and involve this actor
    /// (and, in the all-actors mode, every selected actor too).
    pub fn actor(&self, id: &str) -> u32 {
        count_of(&self.slots.actors, &self.actors, id)
    }

    /// The events that match the other facets and have no actor nor counterpart
    /// (the lane "No actor" of the actor view).
    pub fn no_actor(&self) -> u32 {
        self.no_actor
    }

    /// The events that match the other facets and are about this topic or one below it.
    pub fn topic(&self, id: &str) -> u32 {
        count_of(&self.slots.topics, &self.topics, id)
    }

    /// The kinds of the dataset's events in legend order, each with its count.
    pub fn legend(&self) -> &[(EventKind, u32)] {
        &self.legend
    }

    /// The events that match the other facets and are of this kind (by slug).
    pub fn kind(&self, slug: &str) -> u32 {
        count_of(&self.slots.kinds, &self.kinds, slug)
    }
}

/// A filter evaluated once: the events it matches and its facet counts.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The events matching every facet.
    pub matched: EventSet,
    /// The facet counts beside each value.
    pub counts: FacetCounts,
}

impl QueryIndex {
    /// The facet counts of `filter`: for each value, the events matching all
    /// other facets plus that value, in one pass per facet.
    pub fn facet_counts(&self, filter: &Filter) -> FacetCounts {
        self.evaluate(filter).counts
    }

    /// Evaluates `filter` once: each facet's events, combined into the events
    /// it matches and, leaving out one facet at a time, into its facet counts.
    pub fn evaluate(&self, filter: &Filter) -> Evaluation {
        let n = self.len();
        let sets = self.facets(filter);
        let matched = sets.combined(n, None);

        let mut actor_mask = sets.combined(n, Some(Facet::Actors));
        if filter.all_actors
            && let Some(actors) = &sets.actors
        {
            actor_mask.intersect_with(actors);
        }
        let members = filter.include_members;
        // A facet that no other filter narrows counts every event: its counts
        // are the dataset's own, counted once and kept in `total`.
        let counted =
            |mask: &EventSet, total: &OnceLock<Vec<u32>>, count: &dyn Fn(&EventSet) -> Vec<u32>| {
                if mask.len() == n {
                    total.get_or_init(|| count(mask)).clone()
                } else {
                    count(mask)
                }
            };
        let mut actors = counted(
            &actor_mask,
            &self.totals.actors[usize::from(members)],
            &|mask| self.count_actors(mask, members),
        );
        let no_actor = actors.pop().unwrap_or(0);
        let topic_mask = sets.combined(n, Some(Facet::Topics));
        let topics = counted(&topic_mask, &self.totals.topics, &|mask| {
            self.count_topics(mask)
        });
        let kind_mask = sets.combined(n, Some(Facet::Kinds));
        let kinds = counted(&kind_mask, &self.totals.kinds, &|mask| {
            self.count_kinds(mask)
        });
        let slots = FacetSlots::of(self);
        let legend = self
            .kinds_present()
            .into_iter()
            .map(|kind| (kind.clone(), count_of(&slots.kinds, &kinds, &kind.slug())))
            .collect();
        let counts = FacetCounts {
            slots,
            legend,
            actors,
            no_actor,
            topics,
            kinds,
            matched: matched.len(),
            total: n,
        };
        Evaluation { matched, counts }
    }
}

impl QueryIndex {
    /// Per actor, the events of `mask` it takes part in (with its people's while
    /// `members`), and one more slot: the events with no actor.
    fn count_actors(&self, mask: &EventSet, members: bool) -> Vec<u32> {
        let n_actors = self.value_counts().0;
        mask.count_per_slot(n_actors + 1, |e, counts| {
            let of = self.facts.event_actors.of(e);
            if of.is_empty() {
                counts[n_actors] += 1;
            }
            for &a in of {
                counts[a as usize] += 1;
            }
            if members {
                for &a in self.event_member_of.of(e) {
                    counts[a as usize] += 1;
                }
            }
        })
    }

    /// Per topic, the events of `mask` about it or a topic below it.
    fn count_topics(&self, mask: &EventSet) -> Vec<u32> {
        mask.count_per_slot(self.value_counts().1, |e, counts| {
            for &t in self.event_topics.of(e) {
                counts[t as usize] += 1;
            }
        })
    }

    /// Per kind, the events of `mask` of that kind.
    fn count_kinds(&self, mask: &EventSet) -> Vec<u32> {
        mask.count_per_slot(self.value_counts().2, |e, counts| {
            counts[self.facts.event_kind[e] as usize] += 1;
        })
    }
}
