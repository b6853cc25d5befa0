//! The filter settings and how an event is matched against them.
//!
//! Semantics, the same everywhere: OR within a facet, AND across facets.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::Period;
use crate::model::{Actor, Dataset, Event, Moment};

/// What the user chose to see. An empty facet does not filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Actor ids; an event matches when one of them (or, with `all_actors`,
    /// every one of them) takes part on either side.
    pub actors: BTreeSet<String>,
    /// Require every selected actor instead of any.
    pub all_actors: bool,
    /// A country or organization also matches the events of its people
    /// while they held a role of it at the event's date.
    pub include_members: bool,
    /// Topic ids; a topic includes its descendants.
    pub topics: BTreeSet<String>,
    /// Kind slugs (`visit`, `phone-call`, or a dataset's own kind).
    pub kinds: BTreeSet<String>,
    /// Free text searched in titles, summaries, places, notes, actor names
    /// and aliases and source publishers.
    pub text: String,
    /// The period the event must overlap (or lie in, with `strict`).
    pub period: Period,
    /// Require the whole date to lie inside the period.
    pub strict: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            actors: BTreeSet::new(),
            all_actors: false,
            include_members: true,
            topics: BTreeSet::new(),
            kinds: BTreeSet::new(),
            text: String::new(),
            period: Period::default(),
            strict: false,
        }
    }
}

impl Filter {
    /// True when no facet filters anything.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.topics.is_empty()
            && self.kinds.is_empty()
            && self.text.trim().is_empty()
            && self.period.is_unbounded()
    }

    /// Prepares the filter for matching many events of `dataset`.
    pub fn matcher<'a>(&'a self, dataset: &'a Dataset) -> Matcher<'a> {
        let topics = self
            .topics
            .iter()
            .flat_map(|t| descendants(dataset, t))
            .collect();
        let (start, end) = self.period.span();
        let text = self.text.trim().to_lowercase();
        // Looked up per participant of every event: a map, not a scan.
        let people = if self.actors.is_empty() || !self.include_members {
            HashMap::new()
        } else {
            dataset
                .actors
                .iter()
                .filter(|a| !a.roles.is_empty())
                .map(|a| (a.id.as_str(), a))
                .collect()
        };
        // Whether an actor's names contain the text does not depend on the event.
        let named = if text.is_empty() {
            HashSet::new()
        } else {
            let hit = |s: &str| s.to_lowercase().contains(&text);
            dataset
                .actors
                .iter()
                .filter(|a| hit(&a.name) || a.aliases.iter().any(|alias| hit(alias)))
                .map(|a| a.id.as_str())
                .collect()
        };
        Matcher {
            filter: self,
            people,
            named,
            topics,
            text,
            start,
            end,
        }
    }
}

/// A filter prepared against one dataset.
pub struct Matcher<'a> {
    filter: &'a Filter,
    /// Actors with roles, by id, when members count for their country or organization.
    people: HashMap<&'a str, &'a Actor>,
    /// Ids of the actors whose name or alias contains the text.
    named: HashSet<&'a str>,
    topics: HashSet<&'a str>,
    text: String,
    start: Moment,
    end: Moment,
}

impl Matcher<'_> {
    /// True when `event` passes every facet.
    pub fn matches(&self, event: &Event) -> bool {
        self.matches_period(event)
            && self.matches_kind(event)
            && self.matches_topics(event)
            && self.matches_actors(event)
            && self.matches_text(event)
    }

    fn matches_period(&self, event: &Event) -> bool {
        let (earliest, latest) = (event.date.earliest(), event.date.latest());
        if self.filter.strict {
            self.start <= earliest && latest <= self.end
        } else {
            earliest < self.end && self.start < latest
        }
    }

    fn matches_kind(&self, event: &Event) -> bool {
        self.filter.kinds.is_empty() || self.filter.kinds.contains(&event.kind.slug())
    }

    fn matches_topics(&self, event: &Event) -> bool {
        self.topics.is_empty()
            || event
                .topics
                .iter()
                .any(|t| self.topics.contains(t.as_str()))
    }

    fn matches_actors(&self, event: &Event) -> bool {
        let selected = &self.filter.actors;
        if selected.is_empty() {
            return true;
        }
        let involved = |actor: &str| self.involves(event, actor);
        if self.filter.all_actors {
            selected.iter().all(|a| involved(a))
        } else {
            selected.iter().any(|a| involved(a))
        }
    }

    /// True when `actor` takes part in `event`, directly or through a person
    /// who held one of its roles at the event's date.
    fn involves(&self, event: &Event, actor: &str) -> bool {
        event.participants().any(|p| {
            p == actor
                || (self.filter.include_members
                    && self.people.get(p).is_some_and(|person| {
                        person.roles.iter().any(|role| {
                            role.of == actor
                                && role.overlaps(event.date.earliest(), event.date.latest())
                        })
                    }))
        })
    }

    fn matches_text(&self, event: &Event) -> bool {
        if self.text.is_empty() {
            return true;
        }
        let hit = |s: &str| contains_folded(s, &self.text);
        hit(&event.title)
            || hit(&event.summary)
            || event.place.as_deref().is_some_and(hit)
            || event.note.as_deref().is_some_and(hit)
            || event.sources.iter().any(|s| hit(&s.publisher))
            || event.participants().any(|p| self.named.contains(p))
    }
}

/// True when `haystack`, lowercased, contains `needle` (already lowercase);
/// without allocating when both are ASCII, as most of a dataset is.
fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let needle = needle.as_bytes();
        needle.is_empty()
            || haystack
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

/// A topic id and the ids of all topics below it.
fn descendants<'a>(dataset: &'a Dataset, root: &'a str) -> Vec<&'a str> {
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        for topic in &dataset.topics {
            if topic.parent.as_deref() == Some(parent) && !found.contains(&topic.id.as_str()) {
                found.push(&topic.id);
            }
        }
        i += 1;
    }
    found
}
