//! Edits as values: what to add, change or remove, carrying the new value
//! whole. Applying one gives back its inverse, so undo keeps edits, not
//! copies of the dataset.

use crate::model::{Actor, Era, Event, Role, Text, Topic};

/// One change to a dataset, or several applied together.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Adds an event at a position of the list (at the end when none).
    AddEvent {
        /// Where in the list; none for after the last event.
        at: Option<usize>,
        /// The event.
        event: Box<Event>,
    },
    /// Puts `event` in place of the event `id` (its id may change).
    ChangeEvent {
        /// The event's id before the change.
        id: Text,
        /// The event as it becomes.
        event: Box<Event>,
    },
    /// Removes the event `id`.
    RemoveEvent {
        /// Its id.
        id: Text,
    },
    /// Adds an actor at a position of the list (at the end when none).
    AddActor {
        /// Where in the list; none for after the last actor.
        at: Option<usize>,
        /// The actor.
        actor: Box<Actor>,
    },
    /// Puts `actor` in place of the actor `id`.
    ChangeActor {
        /// The actor's id before the change.
        id: String,
        /// The actor as it becomes.
        actor: Box<Actor>,
    },
    /// Removes the actor `id`, which no event may name.
    RemoveActor {
        /// Its id.
        id: String,
    },
    /// Adds a role to a person (at the end when no position is given).
    AddRole {
        /// The person's id.
        actor: String,
        /// Where among the roles; none for after the last one.
        at: Option<usize>,
        /// The role.
        role: Box<Role>,
    },
    /// Puts `role` in place of a person's role number `at`.
    ChangeRole {
        /// The person's id.
        actor: String,
        /// Which role, from 0.
        at: usize,
        /// The role as it becomes.
        role: Box<Role>,
    },
    /// Removes a person's role number `at`.
    RemoveRole {
        /// The person's id.
        actor: String,
        /// Which role, from 0.
        at: usize,
    },
    /// Adds a topic (at the end when no position is given).
    AddTopic {
        /// Where in the list; none for after the last topic.
        at: Option<usize>,
        /// The topic.
        topic: Topic,
    },
    /// Puts `topic` in place of the topic `id`.
    ChangeTopic {
        /// The topic's id before the change.
        id: String,
        /// The topic as it becomes.
        topic: Topic,
    },
    /// Removes the topic `id`, which no event nor topic may name.
    RemoveTopic {
        /// Its id.
        id: String,
    },
    /// Adds an era (at the end when no position is given).
    AddEra {
        /// Where in the list; none for after the last era.
        at: Option<usize>,
        /// The era.
        era: Box<Era>,
    },
    /// Puts `era` in place of the era named `name`.
    ChangeEra {
        /// The era's name before the change.
        name: String,
        /// The era as it becomes.
        era: Box<Era>,
    },
    /// Removes the era named `name`.
    RemoveEra {
        /// Its name.
        name: String,
    },
    /// Sets the dataset's title.
    SetTitle(String),
    /// Sets the dataset's description.
    SetDescription(String),
    /// Several edits applied in order, all or none.
    Compound(Vec<Edit>),
}

impl Edit {
    /// Adds `event` after the last event.
    pub fn add_event(event: Event) -> Edit {
        Edit::AddEvent {
            at: None,
            event: Box::new(event),
        }
    }

    /// Puts `event` in place of the event `id`.
    pub fn change_event(id: &str, event: Event) -> Edit {
        Edit::ChangeEvent {
            id: id.into(),
            event: Box::new(event),
        }
    }

    /// Removes the event `id`.
    pub fn remove_event(id: &str) -> Edit {
        Edit::RemoveEvent { id: id.into() }
    }

    /// How many single edits this is (a compound counts its parts).
    pub fn len(&self) -> usize {
        match self {
            Edit::Compound(parts) => parts.iter().map(Edit::len).sum(),
            _ => 1,
        }
    }

    /// True for a compound of nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
