//! An edit in words, as the Undo and Redo menu items name it:
//! "change the date of “Raisi in Dushanbe”".

use super::{Document, Edit};
use crate::model::Event;

impl Edit {
    /// What the edit does to `document` (read before it applies), in a few words.
    pub fn describe(&self, document: &Document) -> String {
        let dataset = document.dataset();
        let actor_name = |id: &str| {
            dataset
                .actor(id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        match self {
            Edit::AddEvent { event, .. } => format!("add “{}”", event.title),
            Edit::ChangeEvent { id, event } => match document.event(id) {
                Some(old) => change_of(old, event),
                None => format!("change “{}”", event.title),
            },
            Edit::RemoveEvent { id } => match document.event(id) {
                Some(old) => format!("delete “{}”", old.title),
                None => format!("delete {id}"),
            },
            Edit::AddActor { actor, .. } => format!("add “{}”", actor.name),
            Edit::ChangeActor { id, .. } => format!("change “{}”", actor_name(id)),
            Edit::RemoveActor { id } => format!("remove “{}”", actor_name(id)),
            Edit::AddRole { actor, .. } => format!("add a role of “{}”", actor_name(actor)),
            Edit::ChangeRole { actor, .. } => format!("change a role of “{}”", actor_name(actor)),
            Edit::RemoveRole { actor, .. } => format!("remove a role of “{}”", actor_name(actor)),
            Edit::AddTopic { topic, .. } => format!("add the topic “{}”", topic.name),
            Edit::ChangeTopic { topic, .. } => format!("change the topic “{}”", topic.name),
            Edit::RemoveTopic { id } => format!("remove the topic {id}"),
            Edit::AddEra { era, .. } => format!("add the era “{}”", era.name),
            Edit::ChangeEra { name, .. } => format!("change the era “{name}”"),
            Edit::RemoveEra { name } => format!("remove the era “{name}”"),
            Edit::SetTitle(_) => "change the dataset's title".to_string(),
            Edit::SetDescription(_) => "change the dataset's description".to_string(),
            Edit::Compound(parts) => compound(parts, document),
        }
    }
}

/// "change the date of “…”" when one field changed, else "change “…”".
fn change_of(old: &Event, new: &Event) -> String {
    let fields: [(&str, bool); 12] = [
        ("title", old.title != new.title),
        ("date", old.date != new.date),
        ("kind", old.kind != new.kind),
        ("actors", old.actors != new.actors),
        ("counterparts", old.counterparts != new.counterparts),
        ("topics", old.topics != new.topics),
        ("place", old.place != new.place),
        ("summary", old.summary != new.summary),
        ("note", old.note != new.note),
        ("CAMEO code", old.cameo != new.cameo),
        ("sources", old.sources != new.sources),
        ("id", old.id != new.id),
    ];
    let mut changed = fields.iter().filter(|(_, changed)| *changed);
    match (changed.next(), changed.next()) {
        (Some((field, _)), None) => format!("change the {field} of “{}”", old.title),
        _ => format!("change “{}”", old.title),
    }
}

fn compound(parts: &[Edit], document: &Document) -> String {
    let removed = parts
        .iter()
        .filter(|p| matches!(p, Edit::RemoveEvent { .. }))
        .count();
    match parts {
        [] => "nothing".to_string(),
        [one] => one.describe(document),
        _ if removed == parts.len() => format!("delete {removed} events"),
        [.., last] => {
            // Removing an actor or a topic with its uses ends with the removal.
            format!(
                "{} (and {} edits of events)",
                last.describe(document),
                parts.len() - 1
            )
        }
    }
}
