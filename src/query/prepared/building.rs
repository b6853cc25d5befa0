//! Building the index: interning ids, posting lists per actor, topic and kind,
//! the topics' ancestors and descendants, and the folded text searched.

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use super::{FacetTotals, Names, PerEvent, Postings, QueryIndex};
use crate::index::{EventIdx, TimeIndex};
use crate::model::{ActorKind, Dataset, EventKind};
use crate::query::fold::fold;

impl QueryIndex {
    /// Prepares `dataset`, sorting its events by time.
    pub fn new(dataset: &Dataset) -> QueryIndex {
        QueryIndex::build(dataset, || TimeIndex::new(dataset))
    }

    /// Prepares `dataset` around an existing time index of it.
    pub fn with_time_index(dataset: &Dataset, time: TimeIndex) -> QueryIndex {
        QueryIndex::build(dataset, || time)
    }

    /// Prepares `dataset` with the time index that `time` gives: the events
    /// are sorted, their tables built and their text folded side by side.
    fn build(dataset: &Dataset, time: impl FnOnce() -> TimeIndex + Send) -> QueryIndex {
        let (time, (mut index, (event_text, event_text_starts))) = rayon::join(time, || {
            rayon::join(
                || QueryIndex::tables(dataset),
                || folded_event_text(dataset),
            )
        });
        index.time = time;
        index.event_text = event_text;
        index.event_text_starts = event_text_starts;
        index.actor_text = folded_actor_text(dataset, &index.actors);
        index
    }

    /// The index's tables of ids and postings, built in one pass over the
    /// events; [`QueryIndex::build`] adds the time index and the search text.
    fn tables(dataset: &Dataset) -> QueryIndex {
        let n = dataset.events.len();
        let mut actors = Names::of(dataset.actors.iter().map(|a| a.id.as_str()));
        let mut topics = Names::of(dataset.topics.iter().map(|t| t.id.as_str()));
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
        // Places and publishers repeat: each spelling is folded once.
        let mut place_spellings = foldhash::HashMap::<&str, usize>::default();
        let mut publisher_spellings = foldhash::HashMap::<&str, usize>::default();
        let parents = topic_parents(dataset, &mut topics);
        let people: foldhash::HashMap<&str, &crate::model::Actor> = dataset
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
            // The built-in kinds hold the first positions, in their order.
            let k = match EventKind::BUILT_IN.iter().position(|b| *b == event.kind) {
                Some(built_in) => built_in as u32,
                None => kinds.intern(&event.kind.slug()),
            };
            if k as usize == kind_values.len() {
                kind_values.push(event.kind.clone());
            }
            event_kind.push(k);
            earliest.push(start.0);
            latest.push(end.0);
            let e = e as EventIdx;
            if let Some(place) = &event.place {
                let p = *place_spellings
                    .entry(place)
                    .or_insert_with(|| places.intern(&fold(place)) as usize);
                add_posting(&mut place_events, p, e);
            }
            for source in &event.sources {
                let publisher = source.publisher.as_str();
                let p = *publisher_spellings
                    .entry(publisher)
                    .or_insert_with(|| publishers.intern(&fold(publisher)) as usize);
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
        for postings in [
            &mut actor_events,
            &mut member_events,
            &mut topic_events,
            &mut kind_events,
            &mut place_events,
            &mut publisher_events,
            &mut cameo_events,
        ] {
            postings.iter_mut().for_each(Vec::shrink_to_fit);
        }
        event_actors.shrink_to_fit();
        event_member_of.shrink_to_fit();
        event_topics.shrink_to_fit();
        let topic_descendants = all_descendants(&parents, topics.names.len());
        QueryIndex {
            time: TimeIndex::default(),
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
            places: places.names.into_iter().zip(place_events).collect(),
            publishers: publishers.names.into_iter().zip(publisher_events).collect(),
            cameos: cameos
                .names
                .into_iter()
                .map(|code| format!("cameo {code}"))
                .zip(cameo_events)
                .collect(),
            event_text: String::new(),
            event_text_starts: Vec::new(),
            actor_text: Vec::new(),
            text_cache: Mutex::new(None),
            totals: FacetTotals::default(),
        }
    }
}

/// The folded title, summary and note of every event, one line per field, in one
/// buffer for a single scan; and where each event's text starts (its end at the close).
///
/// Folded on all cores a block of events at a time, each block into one
/// buffer, so that the text is held at most twice while it is joined, never
/// as a string per event.
fn folded_event_text(dataset: &Dataset) -> (String, Vec<usize>) {
    const EVENTS_PER_BLOCK: usize = 16 * 1024;
    let blocks: Vec<(String, Vec<usize>)> = dataset
        .events
        .par_chunks(EVENTS_PER_BLOCK)
        .map(|events| {
            let mut text = String::new();
            let mut starts = Vec::with_capacity(events.len());
            for event in events {
                starts.push(text.len());
                push_folded(&mut text, &event.title);
                for part in [Some(event.summary.as_str()), event.note.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    text.push('\n');
                    push_folded(&mut text, part);
                }
                text.push('\n');
            }
            text.shrink_to_fit();
            (text, starts)
        })
        .collect();
    let mut event_text_starts = Vec::with_capacity(dataset.events.len() + 1);
    let mut event_text = String::with_capacity(blocks.iter().map(|(text, _)| text.len()).sum());
    for (text, starts) in blocks {
        let offset = event_text.len();
        event_text_starts.extend(starts.into_iter().map(|start| offset + start));
        event_text.push_str(&text);
    }
    event_text_starts.push(event_text.len());
    (event_text, event_text_starts)
}

/// Appends `text` folded, without a string of its own when it is ASCII.
fn push_folded(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(&fold(text));
    }
}

/// The folded name and aliases of each interned actor (its id when the dataset lacks it).
fn folded_actor_text(dataset: &Dataset, actors: &Names) -> Vec<String> {
    let actor_by_id: HashMap<&str, &crate::model::Actor> =
        dataset.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    actors
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
        .collect()
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
