//! A spreadsheet whose columns could not all be mapped, being mapped by hand in
//! the import dialog: the choices, the date order, and the problems they leave.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{DateOrder, FormatChoice, ImportOptions, SheetPreview};
use crate::dataset::DatasetError;
use crate::import;
use crate::model::{Calendar, Dataset};

/// How many rows the dialog shows under the headers.
pub const PREVIEW_ROWS: usize = 5;
/// How many sets of headers keep their mapping.
const MAX_MAPPINGS: usize = 32;

/// A spreadsheet being mapped.
#[derive(Debug)]
pub struct ImportDraft {
    /// The file.
    pub(crate) path: PathBuf,
    bytes: Vec<u8>,
    /// Its headers, first rows and recognised fields.
    pub preview: SheetPreview,
    /// The field chosen for each column, by name; empty where none is chosen yet.
    pub choices: Vec<String>,
    /// The order of numeric dates; none to infer it.
    pub(crate) date_order: Option<DateOrder>,
    /// The calendar the dates are written in.
    pub(crate) calendar: Calendar,
    /// The problems of the import with these choices, as `FILE:LINE:COL: message`.
    pub problems: Vec<String>,
    /// The dataset these choices give, when they give one without problems.
    pub dataset: Option<Dataset>,
}

impl ImportDraft {
    /// A draft of the spreadsheet at `path`, when it is one with a header; its
    /// columns take the `remembered` mapping of the same headers, if any.
    pub fn new(path: PathBuf, bytes: Vec<u8>, remembered: &ImportMappings) -> Option<ImportDraft> {
        let preview = import::sheet_preview(&bytes, PREVIEW_ROWS)?;
        let choices = match remembered.get(&preview.headers) {
            Some(choices) => choices.to_vec(),
            None => preview
                .recognised
                .iter()
                .map(|f| f.unwrap_or_default().to_string())
                .collect(),
        };
        let mut draft = ImportDraft {
            path,
            bytes,
            preview,
            choices,
            date_order: None,
            calendar: Calendar::Gregorian,
            problems: Vec::new(),
            dataset: None,
        };
        draft.recheck();
        Some(draft)
    }

    /// Chooses `field` for the column `column` and imports again.
    pub(crate) fn choose(&mut self, column: usize, field: &str) {
        if let Some(choice) = self.choices.get_mut(column) {
            *choice = field.to_string();
            self.recheck();
        }
    }

    /// Sets the order of numeric dates and imports again.
    pub(crate) fn set_date_order(&mut self, order: Option<DateOrder>) {
        self.date_order = order;
        self.recheck();
    }

    /// Sets the calendar the dates are written in and imports again.
    pub(crate) fn set_calendar(&mut self, calendar: Calendar) {
        self.calendar = calendar;
        self.recheck();
    }

    /// The columns mapped to a field other than the one their header is recognised as.
    fn maps(&self) -> Vec<(String, String)> {
        self.preview
            .headers
            .iter()
            .zip(&self.choices)
            .zip(&self.preview.recognised)
            .filter(|((_, choice), recognised)| {
                !choice.is_empty() && recognised.is_none_or(|r| r != choice.as_str())
            })
            .map(|((header, choice), _)| (header.clone(), choice.clone()))
            .collect()
    }

    /// Imports the file with the current choices, through the same code as `annals import`.
    fn recheck(&mut self) {
        let name = self.path.display().to_string();
        let options = ImportOptions {
            format: FormatChoice::Only(import::Format::Csv),
            maps: self.maps(),
            date_order: self.date_order,
            calendar: self.calendar,
            in_dialog: true,
            ..ImportOptions::default()
        };
        let input = import::Input::Bytes {
            name: &name,
            bytes: &self.bytes,
        };
        match import::open_all(input, &options) {
            Ok(imported) if imported.problems.is_empty() => {
                self.problems.clear();
                self.dataset = Some(imported.dataset);
            }
            Ok(imported) => {
                let error = DatasetError::Invalid {
                    name,
                    problems: imported.problems,
                    omitted: 0,
                };
                self.problems = error.lines();
                self.dataset = None;
            }
            Err(error) => {
                self.problems = error.lines();
                self.dataset = None;
            }
        }
    }

    /// The bytes that were read, for the document's checksum.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// The mapping chosen for each set of headers, the latest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ImportMappings(Vec<(Vec<String>, Vec<String>)>);

impl ImportMappings {
    /// Remembers `choices` for the spreadsheets headed `headers`.
    pub(crate) fn keep(&mut self, headers: &[String], choices: &[String]) {
        self.0.retain(|(h, _)| h != headers);
        self.0.insert(0, (headers.to_vec(), choices.to_vec()));
        self.0.truncate(MAX_MAPPINGS);
    }

    /// The choices made for spreadsheets headed `headers`.
    pub(crate) fn get(&self, headers: &[String]) -> Option<&[String]> {
        self.0
            .iter()
            .find(|(h, c)| h == headers && c.len() == headers.len())
            .map(|(_, c)| c.as_slice())
    }
}
