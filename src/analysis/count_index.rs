//! The dataset prepared for counting: each event's kind, actors, topics and
//! sides as small integers, and the period it falls in for each unit, built once.

use std::sync::OnceLock;

use rayon::prelude::*;

use super::period::{CountedPeriod, PeriodUnit, counting_span};
use crate::model::{ActorKind, Dataset, EventKind, Moment};
use crate::query::flat::{Names, PerEvent};

/// The periods of one unit: the distinct periods in time order and the one of each event.
#[derive(Debug, Clone)]
pub(crate) struct UnitPeriods {
    /// The distinct periods the events fall in, sorted.
    pub(crate) periods: Vec<CountedPeriod>,
    /// The position in `periods` of each event's period.
    pub(crate) event_period: Vec<u32>,
}

/// A dataset prepared for counts over time and the actor matrix.
///
/// Built once per dataset (a fraction of a second at a million events); each
/// count is then a pass over the selected events' small integers.
#[derive(Debug)]
pub struct CountIndex {
    pub(crate) events: usize,
    /// Kinds in legend order: the built-in ones, then the dataset's own.
    pub(crate) kinds: Vec<EventKind>,
    pub(crate) event_kind: Vec<u32>,
    /// Actor ids: the dataset's actors first, in their order.
    pub(crate) actors: Vec<String>,
    /// Every actor of each event, either side.
    pub(crate) event_actors: PerEvent,
    /// Topic ids: the dataset's topics first.
    pub(crate) topics: Vec<String>,
    /// Each event's own topics.
    pub(crate) event_topics: PerEvent,
    /// The initiating side of each event, and with people rolled up into
    /// the countries and organizations they held a role of at the time.
    pub(crate) initiators: [PerEvent; 2],
    /// The receiving side, likewise.
    pub(crate) receivers: [PerEvent; 2],
    /// The span each event is counted by.
    spans: Vec<(Moment, Moment)>,
    units: [OnceLock<UnitPeriods>; 4],
}

impl CountIndex {
    /// Prepares `dataset` for counting.
    pub fn new(dataset: &Dataset) -> CountIndex {
        let n = dataset.events.len();
        let slugs: Vec<String> = EventKind::BUILT_IN.iter().map(EventKind::slug).collect();
        let mut kinds = Names::of(slugs.iter().map(String::as_str));
        let mut kind_values: Vec<EventKind> = EventKind::BUILT_IN.to_vec();
        let mut actors = Names::of(dataset.actors.iter().map(|a| a.id.as_str()));
        let mut topics = Names::of(dataset.topics.iter().map(|t| t.id.as_str()));
        // A person's roles as (organization, from, to), by interned actor.
        let mut roles: Vec<Vec<(u32, Moment, Moment)>> = vec![Vec::new(); actors.names.len()];
        for (a, actor) in dataset.actors.iter().enumerate() {
            if actor.kind != ActorKind::Person {
                continue;
            }
            for role in &actor.roles {
                let from = role.from.as_ref().map_or(Moment::MIN, |d| d.earliest());
                let to = role.to.as_ref().map_or(Moment::MAX, |d| d.latest());
                roles[a].push((actors.intern(&role.of), from, to));
            }
        }
        let mut event_kind = Vec::with_capacity(n);
        let mut event_actors = PerEvent::with_capacity(n);
        let mut event_topics = PerEvent::with_capacity(n);
        let mut initiators = [PerEvent::with_capacity(n), PerEvent::with_capacity(n)];
        let mut receivers = [PerEvent::with_capacity(n), PerEvent::with_capacity(n)];
        let mut side = Vec::new();
        for event in &dataset.events {
            let k = kinds.intern(&event.kind.slug());
            if k as usize == kind_values.len() {
                kind_values.push(event.kind.clone());
            }
            event_kind.push(k);
            event_actors.push_distinct(event.participants().map(|id| actors.intern(id)));
            event_topics.push_distinct(event.topics.iter().map(|id| topics.intern(id)));
            let (start, end) = (event.date.earliest(), event.date.latest());
            for (ids, lists) in [
                (&event.actors, &mut initiators),
                (&event.counterparts, &mut receivers),
            ] {
                side.clear();
                side.extend(ids.iter().map(|id| actors.intern(id)));
                lists[0].push_distinct(side.iter().copied());
                lists[1].push_distinct(side.iter().flat_map(|&a| {
                    let held: Vec<u32> = roles
                        .get(a as usize)
                        .into_iter()
                        .flatten()
                        .filter(|&&(_, from, to)| from < end && start < to)
                        .map(|&(of, _, _)| of)
                        .collect();
                    if held.is_empty() { vec![a] } else { held }
                }));
            }
        }
        let spans = dataset
            .events
            .par_iter()
            .map(|event| counting_span(&event.date))
            .collect();
        CountIndex {
            events: n,
            kinds: kind_values,
            event_kind,
            actors: actors.names,
            event_actors,
            topics: topics.names,
            event_topics,
            initiators,
            receivers,
            spans,
            units: Default::default(),
        }
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.events
    }

    /// True when the dataset has no events.
    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    /// The kinds, built-in ones in legend order first, then the dataset's own.
    pub fn kinds(&self) -> &[EventKind] {
        &self.kinds
    }

    /// The periods of `unit` and each event's, computed on first use.
    pub(crate) fn unit(&self, unit: PeriodUnit) -> &UnitPeriods {
        self.units[unit.position()].get_or_init(|| {
            let of_events: Vec<CountedPeriod> = self
                .spans
                .par_iter()
                .map(|&(earliest, latest)| CountedPeriod::containing(unit, earliest, latest))
                .collect();
            let mut periods = of_events.clone();
            periods.par_sort_unstable();
            periods.dedup();
            let event_period = of_events
                .par_iter()
                .map(|p| periods.binary_search(p).unwrap_or(0) as u32)
                .collect();
            UnitPeriods {
                periods,
                event_period,
            }
        })
    }
}
