//! The dataset prepared for filtering: posting lists per actor, topic and
//! kind, member and topic expansions, and folded search text, built once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::fold::fold;
use super::{EventSet, Filter};
use crate::index::{EventIdx, TimeIndex};
use crate::model::{ActorKind, Dataset, EventKind};

/// Lists of values per event, stored flat: the values of event `e` are
/// `values[offsets[e]..offsets[e + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct PerEvent {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl PerEvent {
    fn push(&mut self, values: &[u32]) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.values.extend_from_slice(values);
        self.offsets.push(self.values.len() as u32);
    }

    /// The values of one event.
    pub(crate) fn of(&self, event: usize) -> &[u32] {
        &self.values[self.offsets[event] as usize..self.offsets[event + 1] as usize]
    }
}

/// Interned names: a position for each distinct string.
#[derive(Debug, Clone, Default)]
struct Names {
    names: Vec<String>,
    positions: HashMap<String, u32>,
}

impl Names {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&p) = self.positions.get(name) {
            return p;
        }
        let p = self.names.len() as u32;
        self.names.push(name.to_string());
        self.positions.insert(name.to_string(), p);
        p
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.positions.get(name).copied()
    }
}

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
    /// Actor ids; the dataset's actors first, in their order.
    actors: Names,
    /// Events each actor takes part in, on either side.
    actor_events: Postings,
    /// Events where one of an actor's people takes part while holding one of its roles
    /// (and the actor itself does not).
    member_events: Postings,
    /// The actors taking part in each event (deduplicated).
    pub(crate) event_actors: PerEvent,
    /// The countries and organizations each event involves through a person's role only.
    pub(crate) event_member_of: PerEvent,
    /// Topic ids; the dataset's topics first.
    topics: Names,
    /// Events tagged with each topic itself.
    topic_events: Postings,
    /// Each topic with every topic below it.
    topic_descendants: Vec<Vec<u32>>,
    /// The topics of each event with all their ancestors (deduplicated).
    pub(crate) event_topics: PerEvent,
    /// Kind slugs, in the order the legend shows them.
    kinds: Names,
    /// The kind of each kind slug.
    kind_values: Vec<EventKind>,
    /// The kind of each event.
    pub(crate) event_kind: Vec<u32>,
    kind_events: Postings,
    earliest: Vec<i64>,
    latest: Vec<i64>,
    /// Folded title, summary and note of every event, one line per field,
    /// all events in one buffer for a single scan.
    event_text: String,
    /// Where each event's text starts in `event_text`, and its end at the close.
    event_text_starts: Vec<usize>,
    /// Folded name and aliases of each actor.
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
}

impl QueryIndex {
    /// Prepares `dataset`, sorting its events by time.
    pub fn new(dataset: &Dataset) -> QueryIndex {
        QueryIndex::with_time_index(dataset, TimeIndex::new(dataset))
    }

    /// Prepares `dataset` around an existing time index of it.
    pub fn with_time_index(dataset: &Dataset, time: TimeIndex) -> QueryIndex {
        let n = dataset.events.len();
        let mut actors = Names::default();
        for actor in &dataset.actors {
            actors.intern(&actor.id);
        }
        let mut topics = Names::default();
        for topic in &dataset.topics {
            topics.intern(&topic.id);
        }
        let mut kinds = Names::default();
        let mut kind_values = Vec::new();
        for kind in &EventKind::BUILT_IN {
            kinds.intern(&kind.slug());
            kind_values.push(kind.clone());
        }
        let mut event_actors = PerEvent::default();
        let mut event_member_of = PerEvent::default();
        let mut event_topics = PerEvent::default();
        let mut event_kind = Vec::with_capacity(n);
        let mut earliest = Vec::with_capacity(n);
        let mut latest = Vec::with_capacity(n);
        let mut places = Names::default();
        let mut place_events: Postings = Vec::new();
        let mut publishers = Names::default();
        let mut publisher_events: Postings = Vec::new();
        let mut cameos = Names::default();
        let mut cameo_events: Postings = Vec::new();
        let parents = topic_parents(dataset, &mut topics);
        let people: HashMap<&str, &crate::model::Actor> = dataset
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person && !a.roles.is_empty())
            .map(|a| (a.id.as_str(), a))
            .collect();
        let mut direct = Vec::new();
        let mut members = Vec::new();
        let mut tagged = Vec::new();
        for (e, event) in dataset.events.iter().enumerate() {
            let (start, end) = (event.date.earliest(), event.date.latest());
            direct.clear();
            members.clear();
            for id in event.participants() {
                let a = actors.intern(id);
                if !direct.contains(&a) {
                    direct.push(a);
                }
                if let Some(person) = people.get(id) {
                    for role in person.roles.iter().filter(|r| r.overlaps(start, end)) {
                        let of = actors.intern(&role.of);
                        if !members.contains(&of) {
                            members.push(of);
                        }
                    }
                }
            }
            members.retain(|m| !direct.contains(m));
            event_actors.push(&direct);
            event_member_of.push(&members);
            tagged.clear();
            for id in &event.topics {
                let mut t = Some(topics.intern(id));
                while let Some(topic) = t {
                    if tagged.contains(&topic) {
                        break;
                    }
                    tagged.push(topic);
                    t = parents.get(topic as usize).copied().flatten();
                }
            }
            event_topics.push(&tagged);
            let k = kinds.intern(&event.kind.slug());
            if k as usize == kind_values.len() {
                kind_values.push(event.kind.clone());
            }
            event_kind.push(k);
            earliest.push(start.0);
            latest.push(end.0);
            let e = e as EventIdx;
            if let Some(place) = &event.place {
                let p = places.intern(&fold(place)) as usize;
                add_posting(&mut place_events, p, e);
            }
            for source in &event.sources {
                let p = publishers.intern(&fold(&source.publisher)) as usize;
                add_posting(&mut publisher_events, p, e);
            }
            if let Some(code) = event.cameo_code() {
                let c = cameos.intern(code) as usize;
                add_posting(&mut cameo_events, c, e);
            }
        }
        let mut actor_events = vec![Vec::new(); actors.names.len()];
        let mut member_events = vec![Vec::new(); actors.names.len()];
        let mut topic_events = vec![Vec::new(); topics.names.len()];
        let mut kind_events = vec![Vec::new(); kinds.names.len()];
        for (e, event) in dataset.events.iter().enumerate() {
            let idx = e as EventIdx;
            for &a in event_actors.of(e) {
                actor_events[a as usize].push(idx);
            }
            for &a in event_member_of.of(e) {
                member_events[a as usize].push(idx);
            }
            for id in &event.topics {
                if let Some(t) = topics.get(id) {
                    add_posting(&mut topic_events, t as usize, idx);
                }
            }
            kind_events[event_kind[e] as usize].push(idx);
        }
        let topic_descendants = all_descendants(&parents, topics.names.len());
        let texts: Vec<String> = dataset
            .events
            .par_iter()
            .map(|event| {
                let mut text = fold(&event.title);
                for part in [Some(event.summary.as_str()), event.note.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    text.push('\n');
                    text.push_str(&fold(part));
                }
                text.push('\n');
                text
            })
            .collect();
        let mut event_text_starts = Vec::with_capacity(n + 1);
        let mut event_text = String::with_capacity(texts.iter().map(String::len).sum());
        for text in texts {
            event_text_starts.push(event_text.len());
            event_text.push_str(&text);
        }
        event_text_starts.push(event_text.len());
        let actor_by_id: HashMap<&str, &crate::model::Actor> =
            dataset.actors.iter().map(|a| (a.id.as_str(), a)).collect();
        let actor_text = actors
            .names
            .iter()
            .map(|id| match actor_by_id.get(id.as_str()) {
                Some(actor) => {
                    let mut text = fold(&actor.name);
                    for alias in &actor.aliases {
                        text.push('\n');
                        text.push_str(&fold(alias));
                    }
                    text
                }
                None => fold(id),
            })
            .collect();
        QueryIndex {
            time,
            events: n,
            actors,
            actor_events,
            member_events,
            event_actors,
            event_member_of,
            topics,
            topic_events,
            topic_descendants,
            event_topics,
            kinds,
            kind_values,
            event_kind,
            kind_events,
            earliest,
            latest,
            event_text,
            event_text_starts,
            actor_text,
            places: places.names.into_iter().zip(place_events).collect(),
            publishers: publishers.names.into_iter().zip(publisher_events).collect(),
            cameos: cameos
                .names
                .into_iter()
                .map(|code| format!("cameo {code}"))
                .zip(cameo_events)
                .collect(),
            text_cache: Mutex::new(None),
        }
    }

    /// The events sorted by time.
    pub fn time_index(&self) -> &TimeIndex {
        &self.time
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.events
    }

    /// True when the dataset has no events.
    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    /// The id of an interned actor.
    pub(crate) fn actor_id(&self, a: u32) -> &str {
        &self.actors.names[a as usize]
    }

    /// The id of an interned topic.
    pub(crate) fn topic_id(&self, t: u32) -> &str {
        &self.topics.names[t as usize]
    }

    /// The slug of an interned kind.
    pub(crate) fn kind_slug(&self, k: u32) -> &str {
        &self.kinds.names[k as usize]
    }

    /// The number of interned actors, topics and kinds.
    pub(crate) fn value_counts(&self) -> (usize, usize, usize) {
        (
            self.actors.names.len(),
            self.topics.names.len(),
            self.kinds.names.len(),
        )
    }

    /// The kinds of the dataset's events, built-in ones in legend order first.
    pub fn kinds_present(&self) -> Vec<&EventKind> {
        self.kind_events
            .iter()
            .zip(&self.kind_values)
            .filter(|(events, _)| !events.is_empty())
            .map(|(_, kind)| kind)
            .collect()
    }

    /// The events matching every active facet of `filter`.
    pub fn matching(&self, filter: &Filter) -> EventSet {
        self.facets(filter).combined(self.events, None)
    }

    /// The events where every word of `text` appears in some searched field,
    /// or none when `text` has no word (for highlighting matches on the canvas).
    pub fn text_matches(&self, text: &str) -> Option<Arc<EventSet>> {
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return None;
        }
        let key = words.join(" ");
        let mut narrowed: Option<EventSet> = None;
        if let Ok(cache) = self.text_cache.lock()
            && let Some((cached, set)) = cache.as_ref()
        {
            if *cached == key {
                return Some(set.clone());
            }
            // Typing on narrows: when every word searched before is part of
            // a word searched now, only the events found before can match.
            if cached
                .split(' ')
                .all(|old| words.iter().any(|new| new.contains(old)))
            {
                narrowed = Some(EventSet::clone(set));
            }
        }
        for word in &words {
            let found = match narrowed.take() {
                Some(candidates) if candidates.len() < self.events / 8 => {
                    self.word_matches_among(word, candidates)
                }
                Some(mut candidates) => {
                    candidates.intersect_with(&self.word_matches(word));
                    candidates
                }
                None => self.word_matches(word),
            };
            narrowed = Some(found);
        }
        let found = Arc::new(narrowed.unwrap_or_else(|| EventSet::all(self.events)));
        if let Ok(mut cache) = self.text_cache.lock() {
            *cache = Some((key, found.clone()));
        }
        Some(found)
    }

    /// The events of `candidates` where a folded word appears in any searched
    /// field, scanning only those events' own text.
    fn word_matches_among(&self, word: &str, candidates: EventSet) -> EventSet {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let text = self.event_text.as_bytes();
        let starts = &self.event_text_starts;
        let mut found = EventSet::none(self.events);
        for event in candidates.iter() {
            let e = event as usize;
            if finder.find(&text[starts[e]..starts[e + 1]]).is_some() {
                found.insert(event);
            }
        }
        found.union_with(&self.word_matches_elsewhere(word));
        found.intersect_with(&candidates);
        found
    }

    /// The events where a folded word appears in any searched field.
    fn word_matches(&self, word: &str) -> EventSet {
        let mut found = EventSet::from_words(self.scan_event_text(word), self.events);
        found.union_with(&self.word_matches_elsewhere(word));
        found
    }

    /// The events whose actors' names, place, sources' publishers or CAMEO code
    /// (`cameo 042`) contain a folded word.
    fn word_matches_elsewhere(&self, word: &str) -> EventSet {
        let mut found = EventSet::none(self.events);
        for (a, text) in self.actor_text.iter().enumerate() {
            if text.contains(word) {
                found.insert_all(&self.actor_events[a]);
            }
        }
        for (text, events) in self
            .places
            .iter()
            .chain(&self.publishers)
            .chain(&self.cameos)
        {
            if text.contains(word) {
                found.insert_all(events);
            }
        }
        found
    }

    /// The events whose own text (title, summary, note) contains a folded
    /// word: one substring scan over the whole buffer, in parallel blocks.
    fn scan_event_text(&self, word: &str) -> Vec<u64> {
        const EVENTS_PER_TASK: usize = 64 * 1024;
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let starts = &self.event_text_starts;
        let text = self.event_text.as_bytes();
        let blocks: Vec<Vec<u64>> = (0..self.events.div_ceil(EVENTS_PER_TASK))
            .into_par_iter()
            .map(|block| {
                let first = block * EVENTS_PER_TASK;
                let last = (first + EVENTS_PER_TASK).min(self.events);
                let mut bits = vec![0u64; (last - first).div_ceil(64)];
                let end = starts[last];
                let mut at = starts[first];
                let mut event = first;
                while let Some(found) = finder.find(&text[at..end]) {
                    let position = at + found;
                    while starts[event + 1] <= position {
                        event += 1;
                    }
                    let bit = event - first;
                    bits[bit / 64] |= 1 << (bit % 64);
                    at = starts[event + 1];
                }
                bits
            })
            .collect();
        blocks.concat()
    }

    /// Each facet of `filter` evaluated on its own; `None` where it does not filter.
    pub(crate) fn facets(&self, filter: &Filter) -> FacetSets {
        FacetSets {
            actors: self.actor_set(filter),
            topics: self.union_of(
                filter
                    .topics
                    .iter()
                    .filter_map(|id| self.topics.get(id))
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
                    .filter_map(|slug| self.kinds.get(slug))
                    .map(|k| self.kind_events[k as usize].as_slice()),
                filter.kinds.is_empty(),
            ),
            period: self.period_set(filter),
            text: self.text_matches(&filter.text),
        }
    }

    /// The events of the actor facet, or `None` when no actor is selected.
    fn actor_set(&self, filter: &Filter) -> Option<EventSet> {
        let one = |id: &str| {
            let mut set = EventSet::none(self.events);
            if let Some(a) = self.actors.get(id) {
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
            .earliest
            .par_chunks(64)
            .zip(self.latest.par_chunks(64))
            .map(|(earliest, latest)| {
                let mut bits = 0u64;
                for (i, (&e, &l)) in earliest.iter().zip(latest).enumerate() {
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

fn add_posting(postings: &mut Postings, value: usize, event: EventIdx) {
    if postings.len() <= value {
        postings.resize(value + 1, Vec::new());
    }
    if postings[value].last() != Some(&event) {
        postings[value].push(event);
    }
}

/// The parent of each topic, by interned position.
fn topic_parents(dataset: &Dataset, topics: &mut Names) -> Vec<Option<u32>> {
    let mut parents = vec![None; topics.names.len()];
    for topic in &dataset.topics {
        if let (Some(t), Some(parent)) = (topics.get(&topic.id), &topic.parent) {
            let p = topics.intern(parent);
            parents.resize(topics.names.len(), None);
            parents[t as usize] = Some(p);
        }
    }
    parents
}

/// Each topic with every topic below it, each once even if the tree had a cycle.
fn all_descendants(parents: &[Option<u32>], topics: usize) -> Vec<Vec<u32>> {
    let mut children = vec![Vec::new(); topics];
    for (t, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            children[*p as usize].push(t as u32);
        }
    }
    (0..topics as u32)
        .map(|root| {
            let mut found = vec![root];
            let mut i = 0;
            while i < found.len() {
                for &child in &children[found[i] as usize] {
                    if !found.contains(&child) {
                        found.push(child);
                    }
                }
                i += 1;
            }
            found
        })
        .collect()
}
