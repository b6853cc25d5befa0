//! `annals import FILE -o OUT.ron`: read a spreadsheet, TimelineJS, vis-timeline
//! or Timeline file into an Annals dataset, with a report of what was kept.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, report};
use crate::dataset;
use crate::export::{ExportError, write_atomic_with};
use crate::import::{self, DateOrder, FormatChoice, GroupAs, ImportOptions};

/// What `annals import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The file to read.
    pub file: PathBuf,
    /// How to read it.
    pub options: ImportOptions,
    /// `--actors DATASET.ron`: whose actors and topics to reuse.
    pub actors: Option<PathBuf>,
    /// Write the rows without problems and list the others.
    pub skip_invalid: bool,
    /// The dataset to write.
    pub output: PathBuf,
    /// Replace OUT if it exists.
    pub force: bool,
}

/// Imports the file and writes the dataset; the exit code: 0 when written
/// whole, 1 when the file has problems (or OUT exists), 2 when a file cannot be read.
pub fn run(mut request: ImportRequest, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if !request.force && request.output.exists() {
        let _ = writeln!(
            err,
            "annals: {} already exists; it was left untouched; add --force to overwrite it",
            request.output.display()
        );
        return EXIT_INVALID;
    }
    if let Some(actors) = &request.actors {
        match import::open_path(actors, FormatChoice::Auto) {
            Ok(known) => request.options.known = Some(known.dataset),
            Err(error) => return report(&error, err).max(EXIT_USAGE),
        }
    }
    let name = request.file.display().to_string();
    let input = import::Input::Path(&request.file);
    let imported = match import::open_all(input, &request.options) {
        Ok(imported) => imported,
        Err(error) => {
            let code = report(&error, err);
            let _ = writeln!(err, "annals: nothing was written");
            return code;
        }
    };
    let _ = write!(out, "{}", imported.report);
    let events = crate::model::words::events(imported.dataset.events.len());
    let with_problems = imported.report.records(imported.problems.len());
    if !imported.problems.is_empty() {
        let lines = import::problems::invalid(&name, imported.problems.clone());
        let _ = writeln!(err, "{lines}");
        if !request.skip_invalid {
            let _ = writeln!(
                err,
                "annals: nothing was written: {with_problems} with problems (--skip-invalid writes the other {events})",
            );
            return EXIT_INVALID;
        }
    }
    match write(&imported.dataset, &request.output, request.force) {
        Ok(()) => {
            let _ = write!(
                out,
                "annals: wrote {events} to {}",
                request.output.display()
            );
            if imported.problems.is_empty() {
                let _ = writeln!(out);
                EXIT_OK
            } else {
                let _ = writeln!(out, ", leaving out {with_problems} with problems");
                EXIT_INVALID
            }
        }
        Err(error @ ExportError::Exists { .. }) => {
            let _ = writeln!(err, "annals: {error}; add --force to overwrite it");
            EXIT_INVALID
        }
        Err(error) => {
            let _ = writeln!(err, "annals: {error}");
            EXIT_INVALID
        }
    }
}

fn write(dataset: &crate::model::Dataset, path: &Path, force: bool) -> Result<(), ExportError> {
    write_atomic_with(path, force, |out| {
        out.write_all(dataset::to_ron_string(dataset).as_bytes())?;
        out.write_all(b"\n")
    })
}

/// Parses `--format` of `annals import`.
pub fn parse_format_choice(text: &str) -> Result<FormatChoice, String> {
    text.parse()
}

/// Parses `--date-order`.
pub fn parse_date_order(text: &str) -> Result<DateOrder, String> {
    text.parse()
}

/// Parses `--group-as`.
pub fn parse_group_as(text: &str) -> Result<GroupAs, String> {
    text.parse()
}

/// Parses `--map COLUMN=FIELD`.
pub fn parse_map(text: &str) -> Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((column, field)) if !column.trim().is_empty() && !field.trim().is_empty() => {
            Ok((column.trim().to_string(), field.trim().to_string()))
        }
        _ => Err(format!(
            "expected COLUMN=FIELD such as \"Country=actors\", got {text:?}"
        )),
    }
}
