//! The facts of each event that the query and counting indexes both build on:
//! its kind, actors, own topics and bounds as small integers, and the roles each
//! person held; built once per dataset and kept up to date one event at a time.

use crate::model::{ActorKind, Dataset, Event, EventKind, Moment, RoleSpan};
use crate::query::flat::{Names, PerEvent};

/// One table of per-event facts for a dataset, shared by its indexes.
#[derive(Debug, Clone, Default)]
pub struct EventFacts {
    /// Actor ids: the dataset's actors first, in their order, then the
    /// countries and organizations of their roles, then the events' others.
    pub(crate) actors: Names,
    /// Topic ids: the dataset's topics first, then their parents, then the events' others.
    pub(crate) topics: Names,
    /// The parent of each topic, by position (none past the end).
    pub(crate) topic_parents: Vec<Option<u32>>,
    /// Kind slugs: the built-in kinds first, in legend order, then the dataset's own.
    pub(crate) kinds: Names,
    /// The kind of each kind slug.
    pub(crate) kind_values: Vec<EventKind>,
    /// The roles of each person: the actor each is of, and when it was held.
    roles: Vec<Vec<(u32, RoleSpan)>>,
    /// The kind of each event.
    pub(crate) event_kind: Vec<u32>,
    /// The initiating actors of each event (each once).
    pub(crate) initiators: PerEvent,
    /// The receiving actors of each event (each once).
    pub(crate) receivers: PerEvent,
    /// The actors of each event on either side (each once).
    pub(crate) event_actors: PerEvent,
    /// Each event's own topics (each once).
    pub(crate) event_topics: PerEvent,
    /// The earliest and latest instant of each event, in seconds.
    pub(crate) bounds: Vec<[i64; 2]>,
}

/// One event's facts, interned; reused from event to event.
#[derive(Debug, Default)]
struct Row {
    kind: u32,
    initiators: Vec<u32>,
    receivers: Vec<u32>,
    actors: Vec<u32>,
    topics: Vec<u32>,
    bounds: [i64; 2],
}

impl EventFacts {
    /// The facts of every event of `dataset`, in one pass.
    pub fn new(dataset: &Dataset) -> EventFacts {
        let mut facts = EventFacts::of_names(dataset);
        let n = dataset.events.len();
        facts.event_kind.reserve_exact(n);
        facts.bounds.reserve_exact(n);
        for table in facts.tables_mut() {
            *table = PerEvent::with_capacity(n);
        }
        let mut row = Row::default();
        for event in &dataset.events {
            facts.intern(event, &mut row);
            facts.push(&row);
        }
        for table in facts.tables_mut() {
            table.shrink_to_fit();
        }
        facts
    }

    /// The names, topic parents and roles of `dataset`, with no event yet.
    fn of_names(dataset: &Dataset) -> EventFacts {
        let mut actors = Names::of(dataset.actors.iter().map(|a| a.id.as_str()));
        let mut roles = vec![Vec::new(); actors.names.len()];
        for person in dataset
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
        {
            let Some(p) = actors.get(&person.id) else {
                continue;
            };
            for role in &person.roles {
                roles[p as usize].push((actors.intern(&role.of), role.span()));
            }
        }
        let mut topics = Names::of(dataset.topics.iter().map(|t| t.id.as_str()));
        let mut topic_parents = vec![None; topics.names.len()];
        for topic in &dataset.topics {
            if let (Some(t), Some(parent)) = (topics.get(&topic.id), &topic.parent) {
                topic_parents[t as usize] = Some(topics.intern(parent));
            }
        }
        topic_parents.resize(topics.names.len(), None);
        let mut kinds = Names::default();
        for kind in &EventKind::BUILT_IN {
            kinds.intern(&kind.slug());
        }
        EventFacts {
            actors,
            topics,
            topic_parents,
            kinds,
            kind_values: EventKind::BUILT_IN.to_vec(),
            roles,
            ..EventFacts::default()
        }
    }

    fn tables_mut(&mut self) -> [&mut PerEvent; 4] {
        [
            &mut self.initiators,
            &mut self.receivers,
            &mut self.event_actors,
            &mut self.event_topics,
        ]
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.event_kind.len()
    }

    /// True when there is no event.
    pub fn is_empty(&self) -> bool {
        self.event_kind.is_empty()
    }

    /// The countries and organizations actor `actor` held a role of at some
    /// instant of `[start, end)`; none for an actor that is not a person.
    pub(crate) fn roles_held(
        &self,
        actor: u32,
        start: i64,
        end: i64,
    ) -> impl Iterator<Item = u32> + '_ {
        self.roles
            .get(actor as usize)
            .into_iter()
            .flatten()
            .filter(move |(_, span)| span.overlaps(Moment(start), Moment(end)))
            .map(|&(of, _)| of)
    }

    /// The countries and organizations actor `actor` held a role of at any time,
    /// each once; none for an actor that is not a person.
    pub(crate) fn groups_of(&self, actor: &str) -> Vec<&str> {
        let roles = self
            .actors
            .get(actor)
            .and_then(|a| self.roles.get(a as usize));
        let mut groups: Vec<&str> = roles
            .into_iter()
            .flatten()
            .map(|&(of, _)| self.actors.names[of as usize].as_str())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        groups
    }

    /// Adds `event` after the others.
    pub fn append(&mut self, event: &Event) {
        let mut row = Row::default();
        self.intern(event, &mut row);
        self.push(&row);
    }

    /// Puts `event` in place of the event at position `e`.
    pub fn replace(&mut self, e: usize, event: &Event) {
        let mut row = Row::default();
        self.intern(event, &mut row);
        self.event_kind[e] = row.kind;
        self.bounds[e] = row.bounds;
        self.initiators.replace(e, &row.initiators);
        self.receivers.replace(e, &row.receivers);
        self.event_actors.replace(e, &row.actors);
        self.event_topics.replace(e, &row.topics);
    }

    /// Takes out the event at position `e`: the events after it move down by one.
    pub fn remove(&mut self, e: usize) {
        self.event_kind.remove(e);
        self.bounds.remove(e);
        for table in self.tables_mut() {
            table.remove(e);
        }
    }

    fn push(&mut self, row: &Row) {
        self.event_kind.push(row.kind);
        self.bounds.push(row.bounds);
        self.initiators.push(&row.initiators);
        self.receivers.push(&row.receivers);
        self.event_actors.push(&row.actors);
        self.event_topics.push(&row.topics);
    }

    /// The facts of `event` in `row`, interning the names it brings.
    fn intern(&mut self, event: &Event, row: &mut Row) {
        // The built-in kinds hold the first positions, in their order.
        row.kind = match EventKind::BUILT_IN.iter().position(|b| *b == event.kind) {
            Some(built_in) => built_in as u32,
            None => self.kinds.intern(&event.kind.slug()),
        };
        if row.kind as usize == self.kind_values.len() {
            self.kind_values.push(event.kind.clone());
        }
        let actors = &mut self.actors;
        distinct(
            &mut row.initiators,
            event.actors.iter().map(|id| actors.intern(id)),
        );
        distinct(
            &mut row.receivers,
            event.counterparts.iter().map(|id| actors.intern(id)),
        );
        distinct(
            &mut row.actors,
            row.initiators.iter().chain(&row.receivers).copied(),
        );
        let topics = &mut self.topics;
        distinct(
            &mut row.topics,
            event.topics.iter().map(|id| topics.intern(id)),
        );
        row.bounds = [event.date.earliest().0, event.date.latest().0];
    }
}

/// `values` in `into`, each once, in their first order.
fn distinct(into: &mut Vec<u32>, values: impl IntoIterator<Item = u32>) {
    into.clear();
    for value in values {
        if !into.contains(&value) {
            into.push(value);
        }
    }
}

#[cfg(test)]
mod tests;
