//! What an import read, wrote, and left out: printed by `annals import`.

use std::collections::BTreeMap;
use std::fmt;

use super::Format;
use crate::model::words::counted;

/// The account of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The format read.
    pub(crate) format: Option<Format>,
    /// How the text was decoded, when it was not plain UTF-8 ("UTF-16LE", "windows-1252 (not UTF-8)").
    pub encoding: Option<String>,
    /// The field separator of a spreadsheet.
    pub delimiter: Option<char>,
    /// Rows or items read.
    pub(crate) read: usize,
    /// Events written.
    pub(crate) events: usize,
    /// Actors created, of which countries from the ISO table, and of which reused from `--actors`.
    pub(crate) actors: usize,
    /// Actors that are countries of the ISO table.
    pub(crate) countries: usize,
    /// Actors taken from the `--actors` dataset.
    pub(crate) reused: usize,
    /// Topics created.
    pub(crate) topics: usize,
    /// Eras written.
    pub(crate) eras: usize,
    /// How columns were read: "column 1 (date): numeric dates read day first (row 3 settles it)".
    pub notes: Vec<String>,
    /// Rows or items with problems (each is listed with its place apart from the report).
    pub(crate) problems: usize,
    /// Rows left out on purpose, with why (`FILE:LINE:COL: message`).
    pub(crate) left_out: Vec<String>,
    /// What was not kept, with how many times: "background images" → 3.
    pub not_kept: BTreeMap<String, usize>,
}

impl ImportReport {
    /// The account of an Annals dataset read as it is: everything kept.
    pub(crate) fn of_dataset(dataset: &crate::model::Dataset) -> ImportReport {
        ImportReport {
            format: Some(Format::Ron),
            read: dataset.events.len(),
            events: dataset.events.len(),
            actors: dataset.actors.len(),
            topics: dataset.topics.len(),
            eras: dataset.eras.len(),
            ..ImportReport::default()
        }
    }

    /// What this format calls one record: a spreadsheet or event file has rows,
    /// a JSON or XML file items.
    fn record(&self) -> (&'static str, &'static str) {
        match self.format {
            Some(Format::Csv | Format::Gdelt | Format::Icews) => ("row", "rows"),
            _ => ("item", "items"),
        }
    }

    /// "3 rows", "1 item": `n` records of this report's format.
    pub(crate) fn records(&self, n: usize) -> String {
        let (one, many) = self.record();
        counted(n, one, many)
    }

    /// Counts one more `what` that was not kept.
    pub(crate) fn not_kept(&mut self, what: impl Into<String>) {
        *self.not_kept.entry(what.into()).or_default() += 1;
    }

    /// Adds a line on how something was read.
    pub(crate) fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(format) = self.format {
            write!(f, "format: {}", format.label())?;
            if let Some(encoding) = &self.encoding {
                write!(f, ", {encoding}")?;
            }
            if let Some(delimiter) = self.delimiter {
                let name = match delimiter {
                    '\t' => "tab".to_string(),
                    other => format!("{other:?}"),
                };
                write!(f, ", separated by {name}")?;
            }
            writeln!(f)?;
        }
        writeln!(f, "read: {}", self.records(self.read))?;
        writeln!(f, "events: {}", self.events)?;
        write!(
            f,
            "actors: {} ({} of ISO 3166",
            self.actors,
            counted(self.countries, "country", "countries")
        )?;
        if self.reused > 0 {
            write!(f, ", {} from --actors", self.reused)?;
        }
        writeln!(f, ")")?;
        writeln!(f, "topics: {}", self.topics)?;
        writeln!(f, "eras: {}", self.eras)?;
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        for (what, count) in &self.not_kept {
            writeln!(f, "not kept: {what} ({count})")?;
        }
        if self.problems > 0 {
            writeln!(f, "with problems: {}", self.records(self.problems))?;
        }
        if !self.left_out.is_empty() {
            writeln!(f, "left out: {}", self.records(self.left_out.len()))?;
            for line in &self.left_out {
                writeln!(f, "  {line}")?;
            }
        }
        Ok(())
    }
}
