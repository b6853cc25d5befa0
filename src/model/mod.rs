//! The data model: a dataset of actors, topics, dated events and eras.
//!
//! Pure data: no egui, no file system, no command line. Every type is
//! generic over its date representation `D` so that the loader can read
//! dates as text first and report every bad one, not only the first;
//! everywhere else `D` is the default, a parsed [`EdtfDate`].

pub mod actor;
pub mod calendar;
pub mod cameo;
mod coordinates;
pub mod date;
pub mod diff;
pub mod era;
pub mod event;
mod id_list;
pub mod jalali;
pub mod kind;
mod language_tag;
mod lookup;
mod text;
pub mod topic;
pub mod words;

pub use actor::{Actor, ActorKind, Role, RoleSpan};
pub use calendar::Calendar;
pub use coordinates::Coordinates;
pub(crate) use date::DateFacts;
pub use date::{EdtfDate, Moment, Precision};
pub use era::Era;
pub use event::{Event, Source, is_cameo_code};
pub use id_list::{IdList, Ids};
pub use kind::EventKind;
pub(crate) use language_tag::is_language_tag;
pub use lookup::IdLookup;
pub use text::ThinText;
pub(crate) use text::{Text, leading_bytes};
pub use topic::Topic;

use serde::{Deserialize, Serialize};

/// A whole chronology: what it is about, who acts in it, its topics and its events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Dataset")]
pub struct Dataset<D = EdtfDate> {
    /// A short title, shown in the window title.
    pub title: String,
    /// What the dataset covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Countries, organizations and people.
    #[serde(default = "Vec::new")]
    pub actors: Vec<Actor<D>>,
    /// The topic tree.
    #[serde(default = "Vec::new")]
    pub topics: Vec<Topic>,
    /// The events, in any order.
    #[serde(default = "Vec::new")]
    pub events: Vec<Event<D>>,
    /// Named periods drawn behind the events.
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era<D>>,
    /// Finds actors by id.
    #[serde(skip)]
    pub actor_lookup: IdLookup,
    /// Finds topics by id.
    #[serde(skip)]
    pub topic_lookup: IdLookup,
}

impl Dataset {
    /// The dataset without its events: its title, description, actors, topics and eras.
    pub(crate) fn head_only(&self) -> Dataset {
        Dataset {
            title: self.title.clone(),
            description: self.description.clone(),
            actors: self.actors.clone(),
            topics: self.topics.clone(),
            events: Vec::new(),
            eras: self.eras.clone(),
            actor_lookup: self.actor_lookup.clone(),
            topic_lookup: self.topic_lookup.clone(),
        }
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_lookup.find(&self.actors, id, |a| &a.id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topic_lookup.find(&self.topics, id, |t| &t.id)
    }

    /// The display name of an actor id, or the id itself when unknown.
    pub(crate) fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |a| a.name.as_str())
    }

    /// The languages, by tag and in order, that the actors' names in other scripts are in.
    pub fn name_languages(&self) -> Vec<String> {
        let tags: std::collections::BTreeSet<&String> =
            self.actors.iter().flat_map(|a| a.names.keys()).collect();
        tags.into_iter().cloned().collect()
    }

    /// The display names of actor ids joined by `separator` (unknown ids as themselves).
    pub(crate) fn actor_names(&self, ids: &IdList, separator: &str) -> String {
        ids.iter()
            .map(|id| self.actor_name(id))
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// The display name of a topic id, or the id itself when unknown.
    pub(crate) fn topic_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map_or(id, |t| t.name.as_str())
    }
}
