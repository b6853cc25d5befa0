//! Where an actor or a topic is used, and the compound edit that removes one
//! together with its uses.

use super::head::{actor_at, topic_at};
use super::{Document, Edit, EditError};

/// The positions of the events that name the actor `id` on either side.
pub(super) fn actor_uses(document: &Document, id: &str) -> Vec<usize> {
    positions(document, |e| {
        e.actors.contains(id) || e.counterparts.contains(id)
    })
}

/// The positions of the events about the topic `id`.
pub(super) fn topic_uses(document: &Document, id: &str) -> Vec<usize> {
    positions(document, |e| e.topics.contains(id))
}

fn positions(
    document: &Document,
    uses: impl Fn(&crate::model::Event) -> bool + Sync,
) -> Vec<usize> {
    use rayon::prelude::*;
    document
        .dataset
        .events
        .par_iter()
        .enumerate()
        .filter(|(_, e)| uses(e))
        .map(|(at, _)| at)
        .collect()
}

impl Document {
    /// How many events name the actor `id`.
    pub fn actor_use_count(&self, id: &str) -> usize {
        actor_uses(self, id).len()
    }

    /// How many events are about the topic `id`.
    pub fn topic_use_count(&self, id: &str) -> usize {
        topic_uses(self, id).len()
    }

    /// The edit that removes the actor `id` together with its uses: it is
    /// taken out of the events that name it and the roles held in it go.
    pub fn removal_of_actor(&self, id: &str) -> Result<Edit, EditError> {
        actor_at(&self.dataset, id)?;
        let mut edits = Vec::new();
        for at in actor_uses(self, id) {
            let mut event = self.dataset.events[at].clone();
            event.actors.retain(|a| a != id);
            event.counterparts.retain(|a| a != id);
            edits.push(Edit::change_event(&event.id.clone(), event));
        }
        for person in &self.dataset.actors {
            for (at, role) in person.roles.iter().enumerate().rev() {
                if role.of == id {
                    edits.push(Edit::RemoveRole {
                        actor: person.id.clone(),
                        at,
                    });
                }
            }
        }
        edits.push(Edit::RemoveActor { id: id.to_string() });
        Ok(Edit::Compound(edits))
    }

    /// The edit that removes the topic `id` together with its uses: it is
    /// taken out of the events about it, and the topics under it move up
    /// to its parent.
    pub fn removal_of_topic(&self, id: &str) -> Result<Edit, EditError> {
        let parent = self.dataset.topics[topic_at(&self.dataset, id)?]
            .parent
            .clone();
        let mut edits = Vec::new();
        for at in topic_uses(self, id) {
            let mut event = self.dataset.events[at].clone();
            event.topics.retain(|t| t != id);
            edits.push(Edit::change_event(&event.id.clone(), event));
        }
        for child in self
            .dataset
            .topics
            .iter()
            .filter(|t| t.parent.as_deref() == Some(id))
        {
            let mut moved = child.clone();
            moved.parent = parent.clone();
            edits.push(Edit::ChangeTopic {
                id: child.id.clone(),
                topic: moved,
            });
        }
        edits.push(Edit::RemoveTopic { id: id.to_string() });
        Ok(Edit::Compound(edits))
    }
}
