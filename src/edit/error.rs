//! Why an edit was refused.

use crate::dataset::rules::Finding;

/// Why an edit was refused; the dataset is then as it was before.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit would make the dataset invalid: the loader's findings, each
    /// at the path of the field concerned (`events[3].date`).
    #[error("{}", describe(findings))]
    Invalid {
        /// What is wrong, field by field.
        findings: Vec<Finding>,
    },
    /// An actor or topic that events still name cannot go, nor change its id.
    #[error(
        "{what} {id:?} is used by {events} event{}; take it out of them first (or remove it together with its uses)",
        if *events == 1 { "" } else { "s" }
    )]
    InUse {
        /// `actor` or `topic`.
        what: &'static str,
        /// Its id.
        id: String,
        /// How many events name it.
        events: usize,
    },
    /// No item has this id (or name, for an era).
    #[error("there is no {what} {id:?}{}", suggestion.as_ref().map(|s| format!(" (did you mean {s:?}?)")).unwrap_or_default())]
    Unknown {
        /// `event`, `actor`, `topic` or `era`.
        what: &'static str,
        /// The id asked for.
        id: String,
        /// The closest id that exists, when one is close.
        suggestion: Option<String>,
    },
    /// A role asked for by position does not exist.
    #[error("actor {actor:?} has no role number {position}")]
    NoRole {
        /// The actor's id.
        actor: String,
        /// The position asked for, from 0.
        position: usize,
    },
}

impl EditError {
    /// The path of the first field the edit got wrong (`events[3].date`), if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            EditError::Invalid { findings } => findings.first().map(|f| f.path.as_str()),
            _ => None,
        }
    }

    /// The error for a single finding.
    pub(crate) fn invalid(path: String, message: String) -> EditError {
        EditError::Invalid {
            findings: vec![Finding { path, message }],
        }
    }
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}
