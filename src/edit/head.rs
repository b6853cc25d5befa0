//! Edits of the dataset's head: actors and their roles, topics, eras, the
//! title and the description. The list concerned is kept aside, the edit
//! done, and the whole head checked by the loader's rules; a refused edit
//! puts the list back as it was.

use super::uses::{actor_uses, topic_uses};
use super::{Document, Edit, EditError};
use crate::dataset::{closest, rules};
use crate::model::{Actor, Dataset, Era, Topic};

/// The part of the head an edit may change, kept to put back.
enum Kept {
    Actors(Vec<Actor>),
    Topics(Vec<Topic>),
    Eras(Vec<Era>),
    Title(String),
    Description(String),
}

/// Applies a head edit (anything but events and compounds) and returns its inverse.
pub(super) fn apply(document: &mut Document, edit: Edit) -> Result<Edit, EditError> {
    let data = &mut document.dataset;
    let kept = match &edit {
        Edit::AddActor { .. } | Edit::ChangeActor { .. } | Edit::RemoveActor { .. } => {
            Kept::Actors(data.actors.clone())
        }
        Edit::AddRole { .. } | Edit::ChangeRole { .. } | Edit::RemoveRole { .. } => {
            Kept::Actors(data.actors.clone())
        }
        Edit::AddTopic { .. } | Edit::ChangeTopic { .. } | Edit::RemoveTopic { .. } => {
            Kept::Topics(data.topics.clone())
        }
        Edit::AddEra { .. } | Edit::ChangeEra { .. } | Edit::RemoveEra { .. } => {
            Kept::Eras(data.eras.clone())
        }
        Edit::SetTitle(_) => Kept::Title(data.title.clone()),
        _ => Kept::Description(data.description.clone()),
    };
    let inverse = mutate(document, edit)?;
    document.event_rules = None;
    let findings = rules::head_findings(&document.dataset);
    let data = &mut document.dataset;
    if !findings.is_empty() {
        match kept {
            Kept::Actors(actors) => data.actors = actors,
            Kept::Topics(topics) => data.topics = topics,
            Kept::Eras(eras) => data.eras = eras,
            Kept::Title(title) => data.title = title,
            Kept::Description(description) => data.description = description,
        }
        data.actor_lookup = Default::default();
        data.topic_lookup = Default::default();
        return Err(EditError::Invalid { findings });
    }
    document.head_edited = true;
    Ok(inverse)
}

/// Does a head edit without checking the rules; refuses what cannot be
/// done at all: an unknown id, or an actor or topic still in use.
fn mutate(document: &mut Document, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddActor { at, actor } => {
            let list = &mut document.dataset.actors;
            let at = at.unwrap_or(list.len()).min(list.len());
            let id = actor.id.clone();
            list.insert(at, *actor);
            forget_lookups(&mut document.dataset);
            Ok(Edit::RemoveActor { id })
        }
        Edit::ChangeActor { id, actor } => {
            let at = actor_at(&document.dataset, &id)?;
            if actor.id != id {
                refuse_in_use("actor", &id, actor_uses(document, &id).len())?;
            }
            let new_id = actor.id.clone();
            let old = std::mem::replace(&mut document.dataset.actors[at], *actor);
            forget_lookups(&mut document.dataset);
            Ok(Edit::ChangeActor {
                id: new_id,
                actor: Box::new(old),
            })
        }
        Edit::RemoveActor { id } => {
            let at = actor_at(&document.dataset, &id)?;
            refuse_in_use("actor", &id, actor_uses(document, &id).len())?;
            let actor = document.dataset.actors.remove(at);
            forget_lookups(&mut document.dataset);
            Ok(Edit::AddActor {
                at: Some(at),
                actor: Box::new(actor),
            })
        }
        Edit::AddRole { .. } | Edit::ChangeRole { .. } | Edit::RemoveRole { .. } => {
            mutate_role(&mut document.dataset, edit)
        }
        Edit::AddTopic { .. } | Edit::ChangeTopic { .. } | Edit::RemoveTopic { .. } => {
            mutate_topic(document, edit)
        }
        Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(
            &mut document.dataset.title,
            title,
        ))),
        Edit::SetDescription(text) => Ok(Edit::SetDescription(std::mem::replace(
            &mut document.dataset.description,
            text,
        ))),
        era => mutate_era(&mut document.dataset, era),
    }
}

fn mutate_role(dataset: &mut Dataset, edit: Edit) -> Result<Edit, EditError> {
    let (Edit::AddRole { actor, .. }
    | Edit::ChangeRole { actor, .. }
    | Edit::RemoveRole { actor, .. }) = &edit
    else {
        unreachable!("only role edits come here");
    };
    let person = actor_at(dataset, actor)?;
    let roles = &mut dataset.actors[person].roles;
    let no_role = |actor: String, position: usize| EditError::NoRole { actor, position };
    match edit {
        Edit::AddRole { actor, at, role } => {
            let at = at.unwrap_or(roles.len()).min(roles.len());
            roles.insert(at, *role);
            Ok(Edit::RemoveRole { actor, at })
        }
        Edit::ChangeRole { actor, at, role } => match roles.get_mut(at) {
            Some(slot) => {
                let old = std::mem::replace(slot, *role);
                Ok(Edit::ChangeRole {
                    actor,
                    at,
                    role: Box::new(old),
                })
            }
            None => Err(no_role(actor, at)),
        },
        Edit::RemoveRole { actor, at } if at < roles.len() => {
            let role = roles.remove(at);
            Ok(Edit::AddRole {
                actor,
                at: Some(at),
                role: Box::new(role),
            })
        }
        Edit::RemoveRole { actor, at } => Err(no_role(actor, at)),
        _ => unreachable!("only role edits come here"),
    }
}

fn mutate_topic(document: &mut Document, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddTopic { at, topic } => {
            let list = &mut document.dataset.topics;
            let at = at.unwrap_or(list.len()).min(list.len());
            let id = topic.id.clone();
            list.insert(at, topic);
            forget_lookups(&mut document.dataset);
            Ok(Edit::RemoveTopic { id })
        }
        Edit::ChangeTopic { id, topic } => {
            let at = topic_at(&document.dataset, &id)?;
            if topic.id != id {
                refuse_in_use("topic", &id, topic_uses(document, &id).len())?;
            }
            let new_id = topic.id.clone();
            let old = std::mem::replace(&mut document.dataset.topics[at], topic);
            forget_lookups(&mut document.dataset);
            Ok(Edit::ChangeTopic {
                id: new_id,
                topic: old,
            })
        }
        Edit::RemoveTopic { id } => {
            let at = topic_at(&document.dataset, &id)?;
            refuse_in_use("topic", &id, topic_uses(document, &id).len())?;
            let topic = document.dataset.topics.remove(at);
            forget_lookups(&mut document.dataset);
            Ok(Edit::AddTopic {
                at: Some(at),
                topic,
            })
        }
        _ => unreachable!("only topic edits come here"),
    }
}

fn mutate_era(dataset: &mut Dataset, edit: Edit) -> Result<Edit, EditError> {
    let eras = &mut dataset.eras;
    let find = |eras: &[Era], name: &str| {
        eras.iter()
            .position(|e| e.name == name)
            .ok_or_else(|| EditError::Unknown {
                what: "era",
                id: name.to_string(),
                suggestion: closest(name, eras.iter().map(|e| e.name.as_str())).map(str::to_string),
            })
    };
    match edit {
        Edit::AddEra { at, era } => {
            let at = at.unwrap_or(eras.len()).min(eras.len());
            let name = era.name.clone();
            eras.insert(at, *era);
            Ok(Edit::RemoveEra { name })
        }
        Edit::ChangeEra { name, era } => {
            let at = find(eras, &name)?;
            let new_name = era.name.clone();
            let old = std::mem::replace(&mut eras[at], *era);
            Ok(Edit::ChangeEra {
                name: new_name,
                era: Box::new(old),
            })
        }
        Edit::RemoveEra { name } => {
            let at = find(eras, &name)?;
            let era = eras.remove(at);
            Ok(Edit::AddEra {
                at: Some(at),
                era: Box::new(era),
            })
        }
        _ => unreachable!("only era edits come here"),
    }
}

fn refuse_in_use(what: &'static str, id: &str, events: usize) -> Result<(), EditError> {
    if events == 0 {
        Ok(())
    } else {
        Err(EditError::InUse {
            what,
            id: id.to_string(),
            events,
        })
    }
}

/// The lookups by id are caches of positions: after a change of a list they start again.
fn forget_lookups(dataset: &mut Dataset) {
    dataset.actor_lookup = Default::default();
    dataset.topic_lookup = Default::default();
}

pub(super) fn actor_at(dataset: &Dataset, id: &str) -> Result<usize, EditError> {
    dataset
        .actors
        .iter()
        .position(|a| a.id == id)
        .ok_or_else(|| EditError::Unknown {
            what: "actor",
            id: id.to_string(),
            suggestion: closest(id, dataset.actors.iter().map(|a| a.id.as_str()))
                .map(str::to_string),
        })
}

pub(super) fn topic_at(dataset: &Dataset, id: &str) -> Result<usize, EditError> {
    dataset
        .topics
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| EditError::Unknown {
            what: "topic",
            id: id.to_string(),
            suggestion: closest(id, dataset.topics.iter().map(|t| t.id.as_str()))
                .map(str::to_string),
        })
}
