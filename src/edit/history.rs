//! Undo and redo as two lists of edits: each done edit is kept as its
//! inverse, each undone one as the edit that redoes it.

use super::{Document, Edit, EditError};

/// The edits done on a document, to undo and redo them.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// An edit kept to undo or redo, with the words of what it undoes or redoes.
#[derive(Debug)]
struct Step {
    edit: Edit,
    label: String,
}

impl History {
    /// An empty history.
    pub fn new() -> History {
        History::default()
    }

    /// Applies `edit` to `document`; it can then be undone. Redo is forgotten.
    pub fn apply(&mut self, document: &mut Document, edit: Edit) -> Result<(), EditError> {
        let label = edit.describe(document);
        let inverse = edit.apply(document)?;
        self.undo.push(Step {
            edit: inverse,
            label,
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit and gives the edit that undid it; none when there
    /// was nothing to undo.
    pub fn undo(&mut self, document: &mut Document) -> Result<Option<Edit>, EditError> {
        step(&mut self.undo, &mut self.redo, document)
    }

    /// Redoes the last undone edit and gives the edit that redid it; none
    /// when there was nothing to redo.
    pub fn redo(&mut self, document: &mut Document) -> Result<Option<Edit>, EditError> {
        step(&mut self.redo, &mut self.undo, document)
    }

    /// The edit Undo would apply: the inverse of the last edit.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|step| &step.edit)
    }

    /// The edit Redo would apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|step| &step.edit)
    }

    /// What Undo would undo ("change the date of “…”").
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many edits can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

/// Applies the last step of `from` and keeps its inverse in `to`, under the same words.
fn step(
    from: &mut Vec<Step>,
    to: &mut Vec<Step>,
    document: &mut Document,
) -> Result<Option<Edit>, EditError> {
    let Some(step) = from.pop() else {
        return Ok(None);
    };
    match step.edit.clone().apply(document) {
        Ok(inverse) => {
            to.push(Step {
                edit: inverse,
                label: step.label,
            });
            Ok(Some(step.edit))
        }
        Err(error) => {
            from.push(step);
            Err(error)
        }
    }
}
