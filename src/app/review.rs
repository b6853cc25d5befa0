//! The unsaved changes, listed as `annals diff` lists them: the edits since
//! the file was read or saved, undone on a copy of what they touched, give
//! the old side; the document gives the new.

use std::collections::HashSet;

use super::Document;
use crate::edit::{self, Edit};
use crate::model::Dataset;
use crate::model::diff::{diff, listed};

impl Document {
    /// The unsaved changes, one line per item and field.
    pub(crate) fn unsaved_changes(&self) -> Vec<String> {
        let steps = self.since_saved();
        if steps.is_empty() {
            return Vec::new();
        }
        let mut ids = HashSet::new();
        for step in steps {
            event_ids(&step.edit, &mut ids);
            event_ids(&step.inverse, &mut ids);
        }
        let now = self.dataset();
        let new = Dataset {
            events: now
                .events
                .iter()
                .filter(|e| ids.contains(e.id.as_str()))
                .cloned()
                .collect(),
            ..now.head_only()
        };
        let mut old = edit::Document::new(new.clone());
        for step in steps.iter().rev() {
            if step.inverse.clone().apply(&mut old).is_err() {
                return vec!["The changes cannot be listed.".to_string()];
            }
        }
        listed(&diff(old.dataset(), &new))
    }
}

/// The ids of the events an edit names.
fn event_ids(edit: &Edit, ids: &mut HashSet<String>) {
    match edit {
        Edit::AddEvent { event, .. } | Edit::ChangeEvent { event, .. } => {
            ids.insert(event.id.to_string());
        }
        Edit::RemoveEvent { id } => {
            ids.insert(id.to_string());
        }
        Edit::Compound(parts) => parts.iter().for_each(|part| event_ids(part, ids)),
        _ => {}
    }
}
