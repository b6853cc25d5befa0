//! Applying an edit: checked first by the loader's rules, then done, giving
//! back the edit that undoes it. A refused edit changes nothing.

use super::{Document, Edit, EditError};
use crate::dataset::closest;
use crate::dataset::rules::EventRules;
use crate::model::Event;

impl Edit {
    /// Applies the edit to `document` and returns its inverse; when the edit
    /// would make the dataset invalid, returns why and changes nothing.
    pub fn apply(self, document: &mut Document) -> Result<Edit, EditError> {
        match self {
            Edit::AddEvent { at, event } => add_event(document, at, *event),
            Edit::ChangeEvent { id, event } => change_event(document, &id, *event),
            Edit::RemoveEvent { id } => remove_event(document, &id),
            Edit::Compound(edits) => compound(document, edits),
            head => super::head::apply(document, head),
        }
    }
}

/// Applies `edits` in order; when one is refused, undoes those before it.
fn compound(document: &mut Document, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(document) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Each inverse restores a state that was valid a moment ago.
                    let _ = inverse.apply(document);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Compound(inverses))
}

fn add_event(document: &mut Document, at: Option<usize>, event: Event) -> Result<Edit, EditError> {
    let count = document.dataset.events.len();
    let at = at.unwrap_or(count).min(count);
    check_new_id(document, &event.id, at, None)?;
    check_event(document, &event, at)?;
    let id = event.id.clone();
    document.insert_event(at, event);
    Ok(Edit::RemoveEvent { id })
}

fn change_event(document: &mut Document, id: &str, event: Event) -> Result<Edit, EditError> {
    let at = event_at(document, id)?;
    if event.id != id {
        check_new_id(document, &event.id, at, Some(id))?;
    }
    check_event(document, &event, at)?;
    let new_id = event.id.clone();
    let old = document.replace_event(at, event);
    Ok(Edit::ChangeEvent {
        id: new_id,
        event: Box::new(old),
    })
}

fn remove_event(document: &mut Document, id: &str) -> Result<Edit, EditError> {
    let at = event_at(document, id)?;
    let event = document.take_event(at);
    Ok(Edit::AddEvent {
        at: Some(at),
        event: Box::new(event),
    })
}

/// The position of the event `id`, or an error suggesting the closest id.
pub(super) fn event_at(document: &Document, id: &str) -> Result<usize, EditError> {
    document
        .event_position(id)
        .ok_or_else(|| EditError::Unknown {
            what: "event",
            id: id.to_string(),
            suggestion: closest(id, near_in_length(document, id)).map(str::to_string),
        })
}

/// The event ids whose length is close enough to `id`'s for a typo, so that
/// a suggestion among a million ids measures only those.
fn near_in_length<'a>(document: &'a Document, id: &str) -> impl Iterator<Item = &'a str> {
    let length = id.chars().count();
    let slack = length / 3 + 1;
    document
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .filter(move |other| other.chars().count().abs_diff(length) <= slack)
}

/// Refuses an empty id, or one that another event has.
fn check_new_id(
    document: &Document,
    id: &str,
    at: usize,
    replacing: Option<&str>,
) -> Result<(), EditError> {
    let path = format!("events[{at}].id");
    if id.trim().is_empty() {
        return Err(EditError::invalid(path, "event has an empty id".into()));
    }
    match document.event_position(id) {
        Some(first) if Some(id) != replacing => Err(EditError::invalid(
            path,
            format!("duplicate event id {id:?} (first used by events[{first}])"),
        )),
        _ => Ok(()),
    }
}

/// The loader's checks of one event at position `at`.
fn check_event(document: &mut Document, event: &Event, at: usize) -> Result<(), EditError> {
    let rules = document
        .event_rules
        .get_or_insert_with(|| EventRules::new(&document.dataset));
    let findings = rules.findings(event, at);
    if findings.is_empty() {
        Ok(())
    } else {
        Err(EditError::Invalid { findings })
    }
}
