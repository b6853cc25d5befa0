//! Problems of an imported file, each at its line and column.

use crate::dataset::{DatasetError, LineCol, MAX_PROBLEMS, Problem};

/// The problems found while importing one file, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    /// No problems yet.
    pub fn new() -> Problems {
        Problems::default()
    }

    /// Records a problem at `line`:`col` (both 1-based).
    pub(crate) fn at(&mut self, line: usize, col: usize, message: impl Into<String>) {
        self.list.push(Problem {
            at: Some(LineCol { line, col }),
            message: message.into(),
        });
    }

    /// Records a problem at a place, or of the whole file when the place is unknown.
    pub(crate) fn at_place(&mut self, at: Option<LineCol>, message: impl Into<String>) {
        self.list.push(Problem {
            at,
            message: message.into(),
        });
    }

    /// True when nothing is wrong.
    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems, in the order of the file.
    pub(crate) fn sorted(mut self) -> Vec<Problem> {
        self.list.sort_by_key(|p| p.at);
        self.list
    }

    /// The error listing these problems of the file `name`.
    pub(crate) fn into_error(self, name: &str) -> DatasetError {
        invalid(name, self.sorted())
    }
}

/// The error listing `problems` of the file `name`, at most [`MAX_PROBLEMS`] of them.
pub(crate) fn invalid(name: &str, mut problems: Vec<Problem>) -> DatasetError {
    let omitted = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    DatasetError::Invalid {
        name: name.to_string(),
        problems,
        omitted,
    }
}

/// The error of a file that has one problem at `at`.
pub(crate) fn single(name: &str, at: Option<LineCol>, message: impl Into<String>) -> DatasetError {
    let mut problems = Problems::new();
    problems.at_place(at, message);
    problems.into_error(name)
}
