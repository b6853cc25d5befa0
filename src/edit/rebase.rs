//! Edits made on one version of a file, applied on another (the file changed
//! on disk, or a journal outlived a crash): an edit goes through only where
//! the events it touches are as they were when it was made.

use std::collections::HashSet;

use super::{Document, Edit};
use crate::model::Event;

impl Document {
    /// Why `edit`, made where `inverse` undid it, cannot apply here: an event
    /// it changes or removes is no longer as it was, or one it adds exists.
    pub fn conflict(&self, edit: &Edit, inverse: &Edit) -> Option<String> {
        self.conflict_among(edit, inverse, &mut HashSet::new())
    }

    fn conflict_among(
        &self,
        edit: &Edit,
        inverse: &Edit,
        seen: &mut HashSet<String>,
    ) -> Option<String> {
        match (edit, inverse) {
            (Edit::ChangeEvent { .. }, Edit::ChangeEvent { event: old, .. })
            | (Edit::RemoveEvent { .. }, Edit::AddEvent { event: old, .. }) => {
                if !seen.insert(old.id.to_string()) {
                    return None;
                }
                self.unchanged(old)
            }
            (Edit::AddEvent { event, .. }, _) => {
                let new = seen.insert(event.id.to_string());
                (new && self.has_event(&event.id)).then(|| {
                    format!(
                        "an event with the id {} was added to the file meanwhile",
                        event.id
                    )
                })
            }
            (Edit::Compound(parts), Edit::Compound(inverses)) => parts
                .iter()
                .zip(inverses.iter().rev())
                .find_map(|(part, inverse)| self.conflict_among(part, inverse, seen)),
            _ => None,
        }
    }

    /// Why the event `old` is not here as it was, if it is not.
    fn unchanged(&self, old: &Event) -> Option<String> {
        match self.event(&old.id) {
            None => Some(format!(
                "“{}” was removed from the file meanwhile",
                old.title
            )),
            Some(now) if now != old => {
                Some(format!("“{}” was changed in the file meanwhile", old.title))
            }
            Some(_) => None,
        }
    }
}
