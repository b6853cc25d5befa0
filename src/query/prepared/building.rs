//! Building the index on the events' facts: posting lists per actor, topic and
//! kind, the topics' ancestors and descendants, and the folded text searched.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::{FacetTotals, PerEvent, Postings, QueryIndex};
use crate::index::{EventIdx, TimeIndex};
use crate::model::Dataset;
use crate::query::EventFacts;
use crate::query::flat::Names;
use crate::query::fold::fold;

impl QueryIndex {
    /// Prepares `dataset`, sorting its events by time.
    pub fn new(dataset: &Dataset) -> QueryIndex {
        QueryIndex::build(dataset, |facts| {
            TimeIndex::with_bounds(dataset, &facts.bounds)
        })
    }

    /// Prepares `dataset` around an existing time index of it.
    pub(crate) fn with_time_index(dataset: &Dataset, time: TimeIndex) -> QueryIndex {
        QueryIndex::build(dataset, |_| time)
    }

    /// Prepares `dataset` with the time index that `time` gives: the facts of its
    /// events and its folded text side by side, then the events sorted and the
    /// index's tables built from those facts side by side.
    fn build(dataset: &Dataset, time: impl FnOnce(&EventFacts) -> TimeIndex + Send) -> QueryIndex {
        let (facts, (event_text, event_text_starts)) = rayon::join(
            || Arc::new(EventFacts::new(dataset)),
            || folded_event_text(dataset),
        );
        let (time, mut index) = rayon::join(
            || time(&facts),
            || QueryIndex::tables(dataset, Arc::clone(&facts)),
        );
        index.time = time;
        index.event_text = event_text.into_bytes();
        index.event_text_starts = event_text_starts;
        index.actor_text = folded_actor_text(dataset, &index.facts.actors);
        index
    }

    /// The index's tables of postings, built from the events' `facts`;
    /// [`QueryIndex::build`] adds the time index and the search text.
    fn tables(dataset: &Dataset, facts: Arc<EventFacts>) -> QueryIndex {
        let n = facts.len();
        let actors = facts.actors.names.len();
        let topics = facts.topics.names.len();
        let event_member_of = members_of(&facts);
        let event_topics = with_ancestors(&facts);
        let mut kind_events = vec![Vec::new(); facts.kinds.names.len()];
        for (e, &k) in facts.event_kind.iter().enumerate() {
            kind_events[k as usize].push(e as EventIdx);
        }
        let (places, publishers, cameos) = searched_values(dataset);
        QueryIndex {
            time: TimeIndex::default(),
            events: n,
            actor_events: postings(&facts.event_actors, n, actors),
            member_events: postings(&event_member_of, n, actors),
            event_member_of,
            topic_events: postings(&facts.event_topics, n, topics),
            topic_descendants: all_descendants(&facts.topic_parents, topics),
            event_topics,
            kind_events,
            places,
            publishers,
            cameos,
            event_text: Vec::new(),
            event_text_starts: Vec::new(),
            changed_text: foldhash::HashMap::default(),
            actor_text: Vec::new(),
            text_cache: Mutex::new(None),
            totals: FacetTotals::default(),
            facts,
        }
    }
}

/// The countries and organizations each event involves only through a person
/// who held one of their roles at the event's time.
fn members_of(facts: &EventFacts) -> PerEvent {
    let mut members_of = PerEvent::with_capacity(facts.len());
    let mut members = Vec::new();
    for e in 0..facts.len() {
        member_of(facts, e, &mut members);
        members_of.push(&members);
    }
    members_of.shrink_to_fit();
    members_of
}

/// The countries and organizations event `e` involves only through a
/// person's role, in `members`.
pub(super) fn member_of(facts: &EventFacts, e: usize, members: &mut Vec<u32>) {
    let [start, end] = facts.bounds[e];
    let direct = facts.event_actors.of(e);
    members.clear();
    for of in direct.iter().flat_map(|&a| facts.roles_held(a, start, end)) {
        if !members.contains(&of) && !direct.contains(&of) {
            members.push(of);
        }
    }
}

/// The topics of each event with all their ancestors, each once.
fn with_ancestors(facts: &EventFacts) -> PerEvent {
    let mut event_topics = PerEvent::with_capacity(facts.len());
    let mut tagged = Vec::new();
    for e in 0..facts.len() {
        topics_of(facts, e, &mut tagged);
        event_topics.push(&tagged);
    }
    event_topics.shrink_to_fit();
    event_topics
}

/// The topics of event `e` with all their ancestors, each once, in `tagged`.
pub(super) fn topics_of(facts: &EventFacts, e: usize, tagged: &mut Vec<u32>) {
    tagged.clear();
    for &own in facts.event_topics.of(e) {
        let mut t = Some(own);
        while let Some(topic) = t {
            if tagged.contains(&topic) {
                break;
            }
            tagged.push(topic);
            t = facts.topic_parents.get(topic as usize).copied().flatten();
        }
    }
}

/// The events of each of `values` values, from each event's values.
fn postings(per_event: &PerEvent, events: usize, values: usize) -> Postings {
    let mut postings = vec![Vec::new(); values];
    for e in 0..events {
        for &v in per_event.of(e) {
            postings[v as usize].push(e as EventIdx);
        }
    }
    postings.iter_mut().for_each(Vec::shrink_to_fit);
    postings
}

/// Values searched as text, each with its events.
type Searched = Vec<(String, Vec<EventIdx>)>;

/// Values searched as text, each with its events: folded places, folded source
/// publishers, and CAMEO codes as `cameo 042` (an event's own, else its kind's).
fn searched_values(dataset: &Dataset) -> (Searched, Searched, Searched) {
    let mut places = Names::default();
    let mut place_events: Postings = Vec::new();
    let mut publishers = Names::default();
    let mut publisher_events: Postings = Vec::new();
    let mut cameos = Names::default();
    let mut cameo_events: Postings = Vec::new();
    // Places and publishers repeat: each spelling is folded once.
    let mut place_spellings = foldhash::HashMap::<&str, usize>::default();
    let mut publisher_spellings = foldhash::HashMap::<&str, usize>::default();
    for (e, event) in dataset.events.iter().enumerate() {
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
    for postings in [&mut place_events, &mut publisher_events, &mut cameo_events] {
        postings.iter_mut().for_each(Vec::shrink_to_fit);
    }
    let cameos = cameos.names.into_iter().map(|code| format!("cameo {code}"));
    (
        places.names.into_iter().zip(place_events).collect(),
        publishers.names.into_iter().zip(publisher_events).collect(),
        cameos.zip(cameo_events).collect(),
    )
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
                push_event_text(&mut text, event);
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

/// Appends the folded title, summary and note of `event`, each on its line.
pub(super) fn push_event_text(text: &mut String, event: &crate::model::Event) {
    push_folded(text, &event.title);
    for part in [Some(event.summary.as_str()), event.note.as_deref()]
        .into_iter()
        .flatten()
    {
        text.push('\n');
        push_folded(text, part);
    }
    text.push('\n');
}

/// Appends `text` folded, without a string of its own when it is ASCII.
fn push_folded(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(&fold(text));
    }
}

/// The folded name, aliases and names in other scripts of each interned actor
/// (its id when the dataset lacks it).
fn folded_actor_text(dataset: &Dataset, actors: &Names) -> Vec<String> {
    let actor_by_id: HashMap<&str, &crate::model::Actor> =
        dataset.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    actors
        .names
        .iter()
        .map(|id| match actor_by_id.get(id.as_str()) {
            Some(actor) => {
                let mut text = fold(&actor.name);
                for alias in actor.aliases.iter().chain(actor.names.values()) {
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
