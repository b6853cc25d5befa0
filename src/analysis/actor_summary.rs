//! An actor at a glance: its events by kind, the actors it deals with most,
//! its first and last event, and a person's terms of office.

use std::collections::HashMap;

use super::count_index::CountIndex;
use crate::index::{EventIdx, TimeIndex};
use crate::model::{ActorKind, Dataset, EventKind, Role};
use crate::query::EventSet;

/// How many counterparts a summary names.
pub const TOP_COUNTERPARTS: usize = 5;

/// What an actor's events add up to, among a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSummary {
    /// The actor's id.
    pub(crate) actor: String,
    /// The number of its events.
    pub events: usize,
    /// Its events of each kind, most first.
    pub(crate) kinds: Vec<(EventKind, u32)>,
    /// The actors on the other side of its events most often (ids), with their number of events.
    pub(crate) counterparts: Vec<(String, u32)>,
    /// Its earliest event.
    pub first: Option<EventIdx>,
    /// Its latest event.
    pub(crate) last: Option<EventIdx>,
    /// A person's terms of office, in the order the dataset lists them.
    pub(crate) terms: Vec<Role>,
}

impl CountIndex {
    /// The summary of actor `id` over `events` (its events among a selection,
    /// as the filters' actor facet finds them); `roll_up` counts people as
    /// their countries and organizations when naming counterparts.
    pub(crate) fn actor_summary(
        &self,
        dataset: &Dataset,
        time: &TimeIndex,
        id: &str,
        events: &EventSet,
        roll_up: bool,
    ) -> ActorSummary {
        let actor = self
            .facts
            .actors
            .names
            .iter()
            .position(|a| a == id)
            .map(|a| a as u32);
        let side = usize::from(roll_up);
        let mut kinds = vec![0u32; self.kinds().len()];
        let mut others: HashMap<u32, u32> = HashMap::new();
        let mut first: Option<EventIdx> = None;
        let mut last: Option<EventIdx> = None;
        let mut count = 0;
        for e in events.iter() {
            count += 1;
            let i = e as usize;
            kinds[self.facts.event_kind[i] as usize] += 1;
            if first.is_none_or(|f| time.rank_of(e) < time.rank_of(f)) {
                first = Some(e);
            }
            if last.is_none_or(|l| time.rank_of(e) > time.rank_of(l)) {
                last = Some(e);
            }
            for &o in self.other_side(i, actor, side) {
                if Some(o) != actor {
                    *others.entry(o).or_default() += 1;
                }
            }
        }
        let mut kinds: Vec<(EventKind, u32)> = kinds
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(k, n)| (self.kinds()[k].clone(), n))
            .collect();
        kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
        let mut counterparts: Vec<(String, u32)> = others
            .into_iter()
            .map(|(a, n)| (self.facts.actors.names[a as usize].clone(), n))
            .collect();
        counterparts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counterparts.truncate(TOP_COUNTERPARTS);
        let terms = dataset
            .actor(id)
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.roles.clone())
            .unwrap_or_default();
        ActorSummary {
            actor: id.to_string(),
            events: count,
            kinds,
            counterparts,
            first,
            last,
            terms,
        }
    }
}

impl CountIndex {
    /// The actors an event's `actor` deals with: the other side of the event
    /// (with people rolled up when `side` is 1), or the rest of its own side
    /// when the other is empty (every party of a signing listed as actors).
    fn other_side(&self, event: usize, actor: Option<u32>, side: usize) -> &[u32] {
        let (initiators, receivers) = (
            self.initiators(side).of(event),
            self.receivers(side).of(event),
        );
        let on = |rolled: &[u32], own: &[u32]| {
            actor.is_some_and(|a| rolled.contains(&a) || own.contains(&a))
        };
        let initiates = on(initiators, self.initiators(0).of(event));
        let receives = on(receivers, self.receivers(0).of(event));
        match (initiates, receives) {
            (true, _) if !receivers.is_empty() => receivers,
            (true, _) => initiators,
            (false, true) if !initiators.is_empty() => initiators,
            (false, true) => receivers,
            (false, false) => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, QueryIndex};

    fn summary(id: &str, members: bool) -> (Dataset, ActorSummary) {
        let dataset = crate::dataset::embedded();
        let query = QueryIndex::new(&dataset);
        let filter = Filter {
            actors: [id.to_string()].into(),
            include_members: members,
            ..Filter::default()
        };
        let events = query.matching(&filter);
        let counts = CountIndex::new(&dataset);
        let summary = counts.actor_summary(&dataset, query.time_index(), id, &events, members);
        (dataset, summary)
    }

    #[test]
    fn a_country_at_a_glance_counts_its_kinds_and_counterparts() {
        let (dataset, tajikistan) = summary("TJK", true);
        assert_eq!(
            tajikistan.events,
            tajikistan
                .kinds
                .iter()
                .map(|(_, n)| *n as usize)
                .sum::<usize>()
        );
        assert_eq!(
            tajikistan.counterparts.first().map(|(a, _)| a.as_str()),
            Some("IRN")
        );
        assert!(
            tajikistan.kinds.windows(2).all(|w| w[0].1 >= w[1].1),
            "most first"
        );
        let first = &dataset.events[tajikistan.first.unwrap() as usize];
        let last = &dataset.events[tajikistan.last.unwrap() as usize];
        assert!(first.date.sort_key() <= last.date.sort_key());
        assert_eq!(
            first.date.text(),
            "1991",
            "the recognition, known to the year, sorts first"
        );
        assert!(
            tajikistan.terms.is_empty(),
            "a country has no terms of office"
        );
    }

    #[test]
    fn a_person_at_a_glance_has_terms_and_the_other_side() {
        let (_, bagheri) = summary("bagheri", false);
        assert!(!bagheri.terms.is_empty());
        let names: Vec<&str> = bagheri
            .counterparts
            .iter()
            .map(|(a, _)| a.as_str())
            .collect();
        assert!(
            names.contains(&"mirzo") && names.contains(&"TJK"),
            "{names:?}"
        );
        assert!(
            !names.contains(&"IRN"),
            "his own side is not a counterpart: {names:?}"
        );
        let (_, rolled) = summary("bagheri", true);
        let names: Vec<&str> = rolled
            .counterparts
            .iter()
            .map(|(a, _)| a.as_str())
            .collect();
        assert_eq!(names, ["TJK"], "people roll up into their country");
    }
}
