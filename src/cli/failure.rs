//! How a command ends: an [`Outcome`] when it ran to its end, a [`CliError`]
//! when it stopped. Each error's message and exit code are written here, once,
//! and printed by [`CliError::report`]: [`super::execute`] reports the error
//! that stopped a command; `check` and `fmt` report each file that failed as
//! they go on to the next.

use std::io::Write;
use std::path::PathBuf;

use crate::dataset::DatasetError;
use crate::export::ExportError;

/// Exit code: the command did what was asked.
pub(crate) const EXIT_OK: u8 = 0;
/// Exit code: a dataset is invalid, or an output could not be written.
pub(crate) const EXIT_INVALID: u8 = 1;
/// Exit code: a file could not be read, or the command line is wrong.
pub(crate) const EXIT_USAGE: u8 = 2;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// All is well: exit 0.
    Done,
    /// Done, with a finding that exit 1 signals: two datasets differ, or a
    /// file would be laid out anew.
    Flagged,
    /// The command went through several files and reported the failures
    /// one by one as it went on (`check`, `fmt`): the worst of their exit
    /// codes, 0 when none failed.
    Reported(u8),
}

impl Outcome {
    /// The process's exit code.
    pub(crate) fn code(self) -> u8 {
        match self {
            Outcome::Done => EXIT_OK,
            Outcome::Flagged => EXIT_INVALID,
            Outcome::Reported(code) => code,
        }
    }
}

/// Why a command stopped: its message on standard error and its exit code.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// The command line names something the dataset does not have, or a value
    /// that cannot be: exit 2.
    #[error("annals: {0}")]
    Usage(String),
    /// A value or an edit that the dataset cannot take: exit 1.
    #[error("annals: {0}")]
    Invalid(String),
    /// A picture asked for without a file to draw it in: exit 2.
    #[error(
        "annals: --format {format} draws a picture; give the file to write with -o OUT.{format}"
    )]
    PictureNeedsFile {
        /// The picture's format: svg or png.
        format: String,
    },
    /// A file of another format where a command needs an Annals dataset: exit 2.
    #[error(
        "{path}: this is a {format} file; {needs}: import it first (annals import {path} -o OUT.ron)",
        path = path.display()
    )]
    NotAnnalsDataset {
        /// The file.
        path: PathBuf,
        /// What its format is, in words.
        format: &'static str,
        /// Why the command needs an Annals dataset.
        needs: &'static str,
    },
    /// A dataset that cannot be read (exit 2) or is invalid (exit 1).
    #[error("{0}")]
    Dataset(#[from] DatasetError),
    /// The file to import cannot be read (exit 2) or is invalid (exit 1).
    #[error("{0}\nannals: nothing was written")]
    NothingImported(DatasetError),
    /// Rows of the file to import have problems and `--skip-invalid` was not given: exit 1.
    #[error(
        "{problems}\nannals: nothing was written: {with_problems} with problems (--skip-invalid writes the other {kept})"
    )]
    RowsWithProblems {
        /// The rows' problems.
        problems: DatasetError,
        /// How many rows have them, in words.
        with_problems: String,
        /// How many events the other rows make, in words.
        kept: String,
    },
    /// A file that could not be written, or exists and `--force` was not given: exit 1.
    #[error("annals: {0}{hint}", hint = force_hint(.0))]
    Export(#[from] ExportError),
    /// A generated dataset's file exists and `--force` was not given: exit 1.
    #[error("annals: {} already exists; pass --force to replace it", path.display())]
    WouldReplace {
        /// The file.
        path: PathBuf,
    },
    /// A generated dataset's file could not be written: exit 1.
    #[error("annals: cannot write {}: {reason}", path.display())]
    CannotWrite {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// Standard output could not be written: exit 1.
    #[error("annals: cannot write {what}: {reason}")]
    Output {
        /// What was being written: "the list", "the output".
        what: &'static str,
        /// What the system said.
        reason: String,
    },
    /// The desktop files could not be installed or removed: exit 1.
    #[error("annals: {0}")]
    Desktop(#[from] crate::desktop::DesktopError),
    /// The viewer could not run: exit 1.
    #[error("annals: {0}")]
    Viewer(#[from] crate::app::ViewerError),
    /// An edit that stopped before saving: the reason, and that the file is
    /// unchanged; the reason's exit code.
    #[error("{reason}\nannals: {} was left as it was", file.display())]
    LeftAsItWas {
        /// The dataset that was to be edited.
        file: PathBuf,
        /// Why the edit stopped.
        reason: Box<CliError>,
    },
    /// Exit 2 whatever the inner error, whose message is printed: for `diff`
    /// and `fmt`, whose exit 1 reports a finding, and for the dataset of
    /// `import --actors`.
    #[error("{0}")]
    Trouble(Box<CliError>),
}

/// "; add --force to overwrite it" after a file that exists.
fn force_hint(error: &ExportError) -> &'static str {
    match error {
        ExportError::Exists { .. } => "; add --force to overwrite it",
        _ => "",
    }
}

impl CliError {
    /// Any failure, made to exit 2.
    pub(crate) fn trouble(error: impl Into<CliError>) -> CliError {
        CliError::Trouble(Box::new(error.into()))
    }

    /// The process's exit code for this error.
    pub(crate) fn code(&self) -> u8 {
        match self {
            CliError::Usage(_)
            | CliError::PictureNeedsFile { .. }
            | CliError::NotAnnalsDataset { .. }
            | CliError::Trouble(_) => EXIT_USAGE,
            CliError::Dataset(error) | CliError::NothingImported(error) => dataset_code(error),
            CliError::LeftAsItWas { reason, .. } => reason.code(),
            CliError::Invalid(_)
            | CliError::RowsWithProblems { .. }
            | CliError::Export(_)
            | CliError::WouldReplace { .. }
            | CliError::CannotWrite { .. }
            | CliError::Output { .. }
            | CliError::Desktop(_)
            | CliError::Viewer(_) => EXIT_INVALID,
        }
    }

    /// Writes the message to `err`; the exit code.
    pub(crate) fn report(&self, err: &mut dyn Write) -> u8 {
        let _ = writeln!(err, "{self}");
        self.code()
    }
}

/// 2 for a file that cannot be read, 1 for an invalid one.
fn dataset_code(error: &DatasetError) -> u8 {
    match error {
        DatasetError::Unreadable { .. } => EXIT_USAGE,
        DatasetError::Invalid { .. } => EXIT_INVALID,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{LineCol, Problem};

    fn unreadable() -> DatasetError {
        DatasetError::Unreadable {
            path: PathBuf::from("no/such.ron"),
            source: std::io::Error::other("gone"),
        }
    }

    fn invalid() -> DatasetError {
        DatasetError::Invalid {
            name: "bad.ron".to_string(),
            problems: vec![Problem {
                at: Some(LineCol { line: 3, col: 7 }),
                message: "expected comma".to_string(),
            }],
            omitted: 0,
        }
    }

    fn printed(error: &CliError) -> (String, u8) {
        let mut err = Vec::new();
        let code = error.report(&mut err);
        (String::from_utf8(err).expect("messages are text"), code)
    }

    fn assert_printed(cases: Vec<(CliError, &str, u8)>) {
        for (error, message, code) in cases {
            assert_eq!(printed(&error), (message.to_string(), code), "{error:?}");
        }
    }

    #[test]
    fn errors_of_the_command_line_and_of_datasets_print_their_message_and_code() {
        assert_printed(vec![
            (
                CliError::Usage("unknown actor \"IRNX\"".into()),
                "annals: unknown actor \"IRNX\"\n",
                2,
            ),
            (
                CliError::Invalid("\"soon\" is not a date".into()),
                "annals: \"soon\" is not a date\n",
                1,
            ),
            (
                CliError::PictureNeedsFile {
                    format: "svg".into(),
                },
                "annals: --format svg draws a picture; give the file to write with -o OUT.svg\n",
                2,
            ),
            (
                CliError::NotAnnalsDataset {
                    path: "a.csv".into(),
                    format: "spreadsheet (CSV/TSV)",
                    needs: "fmt lays out Annals datasets",
                },
                "a.csv: this is a spreadsheet (CSV/TSV) file; fmt lays out Annals datasets: \
                 import it first (annals import a.csv -o OUT.ron)\n",
                2,
            ),
            (
                CliError::Dataset(unreadable()),
                "no/such.ron: cannot read the file: gone\n",
                2,
            ),
            (
                CliError::Dataset(invalid()),
                "bad.ron:3:7: expected comma\n",
                1,
            ),
            (
                CliError::NothingImported(unreadable()),
                "no/such.ron: cannot read the file: gone\nannals: nothing was written\n",
                2,
            ),
            (
                CliError::NothingImported(invalid()),
                "bad.ron:3:7: expected comma\nannals: nothing was written\n",
                1,
            ),
            (
                CliError::RowsWithProblems {
                    problems: invalid(),
                    with_problems: "1 row".into(),
                    kept: "2 events".into(),
                },
                "bad.ron:3:7: expected comma\nannals: nothing was written: 1 row with problems \
                 (--skip-invalid writes the other 2 events)\n",
                1,
            ),
        ]);
    }

    #[test]
    fn errors_of_writing_and_of_the_viewer_print_their_message_and_exit_1() {
        assert_printed(vec![
            (
                CliError::Export(ExportError::Exists {
                    path: "out.ron".into(),
                }),
                "annals: out.ron already exists; it was left untouched; add --force to overwrite it\n",
                1,
            ),
            (
                CliError::Export(ExportError::Write {
                    path: "out.ron".into(),
                    source: std::io::Error::other("gone"),
                }),
                "annals: cannot write out.ron: gone\n",
                1,
            ),
            (
                CliError::WouldReplace {
                    path: "g.ron".into(),
                },
                "annals: g.ron already exists; pass --force to replace it\n",
                1,
            ),
            (
                CliError::CannotWrite {
                    path: "g.ron".into(),
                    reason: "disk full".into(),
                },
                "annals: cannot write g.ron: disk full\n",
                1,
            ),
            (
                CliError::Output {
                    what: "the list",
                    reason: "broken pipe".into(),
                },
                "annals: cannot write the list: broken pipe\n",
                1,
            ),
            (
                CliError::Viewer(crate::app::ViewerError::Window("no display".into())),
                "annals: cannot open the window: no display\n",
                1,
            ),
        ]);
    }

    #[test]
    fn an_edit_that_stopped_says_the_file_is_unchanged_with_the_reasons_code() {
        for (reason, first, code) in [
            (
                CliError::Usage("there is no event \"x\"".into()),
                "annals: there is no event \"x\"",
                2,
            ),
            (
                CliError::Dataset(invalid()),
                "bad.ron:3:7: expected comma",
                1,
            ),
        ] {
            let error = CliError::LeftAsItWas {
                file: "events.ron".into(),
                reason: Box::new(reason),
            };
            let expected = format!("{first}\nannals: events.ron was left as it was\n");
            assert_eq!(printed(&error), (expected, code));
        }
    }

    #[test]
    fn trouble_exits_2_with_the_inner_message() {
        for inner in [
            CliError::Dataset(invalid()),
            CliError::Output {
                what: "the differences",
                reason: "broken pipe".into(),
            },
        ] {
            let message = format!("{inner}\n");
            assert_eq!(printed(&CliError::trouble(inner)), (message, 2));
        }
    }

    #[test]
    fn outcomes_exit_0_1_or_the_worst_reported_code() {
        assert_eq!(Outcome::Done.code(), 0);
        assert_eq!(Outcome::Flagged.code(), 1);
        assert_eq!(Outcome::Reported(2).code(), 2);
    }
}
