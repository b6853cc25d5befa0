//! The dataset prepared for counting: the events' facts (kind, actors, topics and
//! sides as small integers) shared with the query index, the sides with people
//! rolled up, and the period each event falls in for each unit, built once.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::period::{CountedPeriod, PeriodUnit, counting_span};
use crate::model::{Dataset, EventKind, Moment};
use crate::query::EventFacts;
use crate::query::flat::PerEvent;

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
/// Built once per dataset (a fraction of a second at a million events) on the
/// events' facts that the query index shares; each count is then a pass over
/// the selected events' small integers.
#[derive(Debug)]
pub struct CountIndex {
    /// The kind, actors, topics and bounds of each event.
    pub(crate) facts: Arc<EventFacts>,
    /// The initiating and the receiving side of each event with people rolled up
    /// into the countries and organizations they held a role of at the time.
    rolled_up: [PerEvent; 2],
    /// The span each event is counted by.
    spans: Vec<(Moment, Moment)>,
    units: [OnceLock<UnitPeriods>; 4],
}

impl CountIndex {
    /// Prepares `dataset` for counting.
    pub fn new(dataset: &Dataset) -> CountIndex {
        CountIndex::with_facts(dataset, Arc::new(EventFacts::new(dataset)))
    }

    /// Prepares `dataset` for counting on `facts`, the facts of its events.
    pub(crate) fn with_facts(dataset: &Dataset, facts: Arc<EventFacts>) -> CountIndex {
        let rolled_up = [&facts.initiators, &facts.receivers].map(|side| {
            let mut rolled = PerEvent::with_capacity(facts.len());
            let mut row = Vec::new();
            for (e, &[start, end]) in facts.bounds.iter().enumerate() {
                row.clear();
                for &a in side.of(e) {
                    let before = row.len();
                    row.extend(facts.roles_held(a, start, end));
                    if row.len() == before {
                        row.push(a);
                    }
                }
                rolled.push_distinct(row.iter().copied());
            }
            rolled
        });
        let spans = dataset
            .events
            .par_iter()
            .map(|event| counting_span(&event.date))
            .collect();
        CountIndex {
            facts,
            rolled_up,
            spans,
            units: Default::default(),
        }
    }

    /// The kinds, built-in ones in legend order first, then the dataset's own.
    pub(crate) fn kinds(&self) -> &[EventKind] {
        &self.facts.kind_values
    }

    /// The initiating actors of each event: as written (`side` 0) or with people
    /// rolled up (`side` 1).
    pub(crate) fn initiators(&self, side: usize) -> &PerEvent {
        if side == 0 {
            &self.facts.initiators
        } else {
            &self.rolled_up[0]
        }
    }

    /// The receiving actors of each event, likewise.
    pub(crate) fn receivers(&self, side: usize) -> &PerEvent {
        if side == 0 {
            &self.facts.receivers
        } else {
            &self.rolled_up[1]
        }
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
