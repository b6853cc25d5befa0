//! Machine-coded event data: GDELT 1.0 and 2.0 event files (with or without a
//! header row) and ICEWS files, plain, gzip or zip, read as a stream into a
//! dataset with CAMEO codes, merged duplicates and a report.

mod actors;
pub mod cut;
pub mod layout;
pub mod merge;
pub mod record;
mod rows;
pub mod source;

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

pub use cut::Cut;
pub use layout::{Family, Layout};
pub use merge::CameoLevel;

use super::{Format, ImportReport, Imported, problems};
use crate::dataset::{DatasetError, LineCol, Problem};
use crate::model::Dataset;
use crate::model::words::counted;
use record::Columns;

/// How to read an event-data file.
#[derive(Debug, Clone, Default)]
pub struct EventDataOptions {
    /// GDELT or ICEWS; `None` tells from the content.
    pub family: Option<Family>,
    /// How finely CAMEO codes become kinds.
    pub level: CameoLevel,
    /// Keep one event per row instead of merging duplicates.
    pub no_merge: bool,
    /// Which rows to keep.
    pub cut: Cut,
}

/// What reading an event-data file found: the dataset, the problems of its
/// rows, and the figures of the report.
#[derive(Debug)]
pub struct EventDataImport {
    /// The events, their actors, and a title naming the file.
    pub dataset: Dataset,
    /// Rows that could not be read, at their line and column.
    pub problems: Vec<Problem>,
    /// What was read, merged, cut and skipped.
    pub report: EventDataReport,
    /// GDELT or ICEWS.
    pub(crate) family: Family,
    /// The field separator of the file.
    pub(crate) delimiter: u8,
}

/// The figures of an import, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventDataReport {
    /// The layout read: "GDELT 2.0", "ICEWS".
    pub layout: String,
    /// Data rows read (the header row not counted).
    pub rows: usize,
    /// Events written.
    pub(crate) events: usize,
    /// Rows left out by `--actor`, `--from`, `--to`, `--root-code` and `--quad`.
    pub(crate) cut: usize,
    /// Events left out by `--min-articles`.
    pub few_articles: usize,
    /// Rows that name no actor on either side, at their place; they are not imported.
    pub without_actor: Vec<LineCol>,
    /// Countries among the actors.
    pub(crate) countries: usize,
    /// Organizations among the actors.
    pub(crate) organizations: usize,
    /// Rows that could not be read.
    pub(crate) problems: usize,
}

impl EventDataReport {
    /// The first line: "50 rows read, 31 events (GDELT 2.0)".
    pub(crate) fn summary(&self) -> String {
        format!(
            "{} read, {} ({})",
            counted(self.rows, "row", "rows"),
            crate::model::words::events(self.events),
            self.layout
        )
    }

    /// What was merged and cut, one line each.
    pub(crate) fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let imported = self.rows - self.cut - self.without_actor.len() - self.problems;
        if imported > self.events + self.few_articles {
            notes.push(format!(
                "{} merged into events reported more than once (same day, same actors, same CAMEO base code)",
                counted(imported - self.events - self.few_articles, "row", "rows")
            ));
        }
        if self.cut > 0 {
            let cut = counted(self.cut, "row", "rows");
            notes.push(format!("{cut} left out by the cut options"));
        }
        if self.few_articles > 0 {
            notes.push(format!(
                "{} left out by --min-articles",
                crate::model::words::events(self.few_articles)
            ));
        }
        notes
    }

    /// The rows without any actor, each as `FILE:LINE:COL: message`.
    pub(crate) fn left_out(&self, name: &str) -> Vec<String> {
        self.without_actor
            .iter()
            .map(|at| {
                format!(
                    "{name}:{}:{}: no actor on either side; the row is left out",
                    at.line, at.col
                )
            })
            .collect()
    }

    /// The whole report as lines, the summary prefixed with `name`.
    pub fn lines(&self, name: &str) -> Vec<String> {
        let mut lines = vec![format!("{name}: {}", self.summary())];
        lines.extend(self.notes().into_iter().map(|n| format!("  {n}")));
        lines.push(format!(
            "  actors: {}, {}",
            counted(self.countries, "country", "countries"),
            counted(self.organizations, "organization", "organizations")
        ));
        lines.extend(self.left_out(name));
        lines
    }
}

impl EventDataImport {
    /// The import as every importer hands it over: the dataset, the shared
    /// report (the summary and merges as notes, rows without actors as skipped)
    /// and the problems.
    pub(crate) fn into_imported(self, name: &str) -> Imported {
        let mut notes = vec![self.report.summary()];
        notes.extend(self.report.notes());
        let left_out = self.report.left_out(name);
        let report = ImportReport {
            format: Some(Format::of_family(self.family)),
            delimiter: Some(char::from(self.delimiter)),
            read: self.report.rows,
            events: self.report.events,
            actors: self.dataset.actors.len(),
            countries: self.report.countries,
            notes,
            problems: self.problems.len(),
            left_out,
            ..ImportReport::default()
        };
        Imported {
            dataset: self.dataset,
            report,
            problems: self.problems,
        }
    }
}

/// Why an event-data file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum EventDataError {
    /// The file could not be opened or unpacked.
    #[error("cannot read the file: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The first line is neither GDELT nor ICEWS (or not the family asked for).
    #[error("{0}")]
    NotEventData(String),
}

impl EventDataError {
    /// The error as every importer reports it: an unreadable file (exit 2), or
    /// a first line that is not event data, placed at line 1 (exit 1).
    pub(crate) fn into_dataset_error(self, name: &str) -> DatasetError {
        match self {
            EventDataError::Unreadable(source) => DatasetError::Unreadable {
                path: Path::new(name).to_path_buf(),
                source,
            },
            EventDataError::NotEventData(message) => {
                problems::single(name, Some(LineCol { line: 1, col: 1 }), message)
            }
        }
    }
}

/// The family of event data that `input` holds, told from its first line
/// (unpacked when the file is gzip or zip).
pub fn detect_in(mut input: impl Read + Seek) -> Option<Family> {
    input.seek(SeekFrom::Start(0)).ok()?;
    let line = source::first_line(input).ok()?;
    layout::sniff(&line).map(|l| l.family)
}

/// Reads the event data that `input` holds (a file, or bytes in a cursor) into
/// a dataset named after `name`, streaming it: the first line chooses the
/// layout, then the rows are read from the start without holding them all.
pub fn import(
    mut input: impl Read + Seek,
    name: &str,
    options: &EventDataOptions,
) -> Result<EventDataImport, EventDataError> {
    input.seek(SeekFrom::Start(0))?;
    let first = source::first_line(&mut input)?;
    input.seek(SeekFrom::Start(0))?;
    let layout = match options.family {
        Some(family) => layout::for_family(family, &first),
        None => layout::sniff(&first),
    }
    .ok_or_else(|| {
        EventDataError::NotEventData(match options.family {
            Some(Family::Gdelt) => {
                "the first line is neither a GDELT row (57, 58 or 61 tab-separated columns) nor a header naming GLOBALEVENTID and SQLDATE".to_string()
            }
            Some(Family::Icews) => {
                "the first line is not an ICEWS header (Event ID, Event Date, ..., CAMEO Code)".to_string()
            }
            None => {
                "the first line is neither a GDELT row or header nor an ICEWS header".to_string()
            }
        })
    })?;
    let columns = Columns::of(&layout).map_err(EventDataError::NotEventData)?;
    source::unpack(input, |text| {
        rows::read_rows(text, &layout, &columns, name, options)
    })?
}
