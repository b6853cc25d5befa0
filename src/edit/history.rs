//! Undo and redo as two lists of edits: each done edit is kept as its
//! inverse, each undone one as the edit that redoes it.

use super::{Document, Edit, EditError};

/// The edits done on a document, to undo and redo them.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// An empty history.
    pub fn new() -> History {
        History::default()
    }

    /// Applies `edit` to `document`; it can then be undone. Redo is forgotten.
    pub fn apply(&mut self, document: &mut Document, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.apply(document)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self, document: &mut Document) -> Result<bool, EditError> {
        step(&mut self.undo, &mut self.redo, document)
    }

    /// Redoes the last undone edit; false when there is none.
    pub fn redo(&mut self, document: &mut Document) -> Result<bool, EditError> {
        step(&mut self.redo, &mut self.undo, document)
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

fn step(
    from: &mut Vec<Edit>,
    to: &mut Vec<Edit>,
    document: &mut Document,
) -> Result<bool, EditError> {
    let Some(edit) = from.pop() else {
        return Ok(false);
    };
    match edit.clone().apply(document) {
        Ok(inverse) => {
            to.push(inverse);
            Ok(true)
        }
        Err(error) => {
            from.push(edit);
            Err(error)
        }
    }
}
