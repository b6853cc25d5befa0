//! The loader's own checks applied to a dataset that is being edited: the
//! same rules, the same messages and the same paths (`events[3].date`), so
//! that an edit is refused for exactly what a load would refuse.

use super::validate;
use crate::model::{Actor, Dataset, EdtfDate, Era, Event, Role, Source};
pub(crate) use validate::Finding;

/// Every problem of the dataset's head: the title, actors and their roles
/// (references and dates), the topic tree (unknown parents, cycles), eras.
pub(crate) fn head_findings(dataset: &Dataset) -> Vec<Finding> {
    let head = raw_head(dataset);
    let mut findings = Vec::new();
    drop(validate::check_head(&head, &mut findings));
    match validate::finish(head, Vec::new(), findings) {
        Ok(_) => Vec::new(),
        Err(findings) => findings,
    }
}

/// What an event may name, kept to check many events against: the actors'
/// ids, names and kinds and the topics (roles and eras do not bear on an event).
#[derive(Debug)]
pub(crate) struct EventRules {
    head: Dataset<String>,
}

impl EventRules {
    /// The rules for events of `dataset`, as its head is now.
    pub fn new(dataset: &Dataset) -> EventRules {
        let actors = dataset
            .actors
            .iter()
            .map(|a| Actor {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                roles: Vec::new(),
                aliases: Vec::new(),
                wikidata: None,
                names: Default::default(),
            })
            .collect();
        EventRules {
            head: Dataset {
                title: String::new(),
                description: String::new(),
                actors,
                topics: dataset.topics.clone(),
                events: Vec::new(),
                eras: Vec::new(),
                actor_lookup: Default::default(),
                topic_lookup: Default::default(),
            },
        }
    }

    /// Every problem of `event`, were it at `position` among the events:
    /// its title, actors, topics, CAMEO code and dates. Its id is not
    /// compared with the other events' ids.
    pub(crate) fn findings(&self, event: &Event, position: usize) -> Vec<Finding> {
        let mut findings = Vec::new();
        let known = validate::check_head(&self.head, &mut findings);
        findings.clear();
        drop(validate::check_event(
            raw_event(event),
            position,
            &known,
            &mut findings,
        ));
        findings
    }
}

/// The dataset without its events, with its dates as written.
fn raw_head(dataset: &Dataset) -> Dataset<String> {
    Dataset {
        title: dataset.title.clone(),
        description: dataset.description.clone(),
        actors: dataset.actors.iter().map(raw_actor).collect(),
        topics: dataset.topics.clone(),
        events: Vec::new(),
        eras: dataset.eras.iter().map(raw_era).collect(),
        actor_lookup: Default::default(),
        topic_lookup: Default::default(),
    }
}

fn text(date: &EdtfDate) -> String {
    date.text().to_string()
}

fn raw_sources<Sources: FromIterator<Source<String>>>(sources: &[Source]) -> Sources {
    sources
        .iter()
        .map(|s| Source {
            publisher: s.publisher.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            published: s.published.as_ref().map(text),
        })
        .collect()
}

fn raw_actor(actor: &Actor) -> Actor<String> {
    Actor {
        id: actor.id.clone(),
        name: actor.name.clone(),
        kind: actor.kind,
        roles: actor
            .roles
            .iter()
            .map(|role| Role {
                title: role.title.clone(),
                of: role.of.clone(),
                from: role.from.as_ref().map(text),
                to: role.to.as_ref().map(text),
                sources: raw_sources(&role.sources),
                note: role.note.clone(),
            })
            .collect(),
        aliases: actor.aliases.clone(),
        wikidata: actor.wikidata.clone(),
        names: actor.names.clone(),
    }
}

fn raw_era(era: &Era) -> Era<String> {
    Era {
        name: era.name.clone(),
        date: text(&era.date),
        color: era.color.clone(),
    }
}

/// An event with its dates as written.
pub(crate) fn raw_event(event: &Event) -> Event<String> {
    Event {
        id: event.id.clone(),
        kind: event.kind.clone(),
        cameo: event.cameo.clone(),
        date: text(&event.date),
        title: event.title.clone(),
        actors: event.actors.clone(),
        counterparts: event.counterparts.clone(),
        topics: event.topics.clone(),
        place: event.place.clone(),
        at: event.at,
        summary: event.summary.clone(),
        sources: raw_sources(&event.sources),
        note: event.note.clone(),
    }
}
