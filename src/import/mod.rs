//! Other formats into a [`Dataset`]: spreadsheets (CSV, TSV), TimelineJS3 JSON,
//! vis-timeline JSON, the `.timeline` files of the desktop program Timeline, and
//! machine-coded event data (GDELT, ICEWS; see [`event_data`]).
//!
//! Every importer fills a [`DatasetBuilder`] (actors and topics from names,
//! kinds, unique ids, eras) and records [`Problems`] at their line and column.
//! It hands over a whole dataset and the problems of the rows it left out,
//! never a half-built one. [`open`] is the one entry point that opens any
//! supported file, Annals' own datasets included, and
//! [`BackgroundLoad`] runs it on a worker thread for the viewer.

pub mod background;
pub mod builder;
pub mod cameo_actors;
pub(crate) mod countries;
pub mod dates;
pub mod detect;
mod draft;
pub mod event_data;
mod html;
mod jalali_dates;
mod json_place;
mod kept;
mod names;
mod open;
pub mod problems;
pub mod report;
mod spreadsheet;
pub mod text;
mod timeline_xml;
mod timelinejs;
mod vis;

use std::path::Path;

pub use background::BackgroundLoad;
pub(crate) use builder::{DatasetBuilder, KnownActors};
pub(crate) use countries::find as find_country;
pub use dates::DateOrder;
pub use detect::{Format, FormatChoice, detect, open_extensions, open_filters};
pub use draft::{ImportDraft, ImportMappings, PREVIEW_ROWS};
pub(crate) use names::host_of;
pub use open::{Input, Opened, open, open_all, open_path};
pub(crate) use problems::Problems;
pub use report::ImportReport;
pub use spreadsheet::{SheetPreview, mappable_fields};

/// The preview of a spreadsheet's bytes (any encoding) with its first `rows` rows.
pub(crate) fn sheet_preview(bytes: &[u8], rows: usize) -> Option<SheetPreview> {
    spreadsheet::preview(&text::decode(bytes).text, rows)
}

use crate::cache::Cache;
use crate::dataset::{self, DatasetError, Problem};
use crate::model::{Calendar, Dataset};

/// True when the file's extension is one Annals opens.
pub fn is_openable(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        detect::open_extensions()
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// What a grouping (TimelineJS `group`, vis-timeline groups) becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupAs {
    /// An actor each (a country when the name is one).
    Actor,
    /// A topic each.
    Topic,
}

impl std::str::FromStr for GroupAs {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "actor" | "actors" => Ok(GroupAs::Actor),
            "topic" | "topics" => Ok(GroupAs::Topic),
            _ => Err(format!("{text:?} is not a grouping; use actor or topic")),
        }
    }
}

/// How to import a file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The format, or `Auto` to detect it.
    pub format: FormatChoice,
    /// `--map COLUMN=FIELD`: a spreadsheet column (as headed) and the field it fills.
    pub maps: Vec<(String, String)>,
    /// The order of numeric dates, when the data does not settle it.
    pub date_order: Option<DateOrder>,
    /// The calendar dates are written in (`--calendar jalali`); EDTF cells are
    /// always Gregorian.
    pub calendar: Calendar,
    /// What groups become; by default topics for TimelineJS, actors for vis-timeline.
    pub group_as: Option<GroupAs>,
    /// A dataset whose actors and topics are reused by id, name or alias.
    pub known: Option<Dataset>,
    /// For GDELT and ICEWS: the CAMEO level, merging and the cut while reading.
    pub event_data: event_data::EventDataOptions,
    /// The columns are being mapped in the import dialog: problems say
    /// "choose a field above" instead of naming `--map`.
    pub in_dialog: bool,
    /// Where an Annals dataset's parsed form is looked for and kept; `None`
    /// for the program's own (see [`crate::cache::use_for_process`]).
    pub cache: Option<Cache>,
    /// Neither look for nor keep a parsed form, whatever the cache.
    pub no_cache: bool,
}

impl ImportOptions {
    /// The cache this opening uses, if any.
    fn cache(&self) -> Option<&Cache> {
        match &self.cache {
            _ if self.no_cache => None,
            Some(cache) => Some(cache),
            None => crate::cache::for_process(),
        }
    }
}

impl ImportOptions {
    /// A builder for a dataset titled `title`, knowing the `--actors` dataset.
    fn builder(&self, title: &str) -> DatasetBuilder {
        DatasetBuilder::new(title, self.known.clone().map(KnownActors::new))
    }
}

/// A dataset read from another format, with the account of the import.
#[derive(Debug)]
pub(crate) struct Imported {
    /// The dataset, without the rows that had problems.
    pub(crate) dataset: Dataset,
    /// What was read, written and left out.
    pub(crate) report: ImportReport,
    /// The problems of the rows or items left out, in the order of the file.
    pub(crate) problems: Vec<Problem>,
}

/// The format of a file, from its name and the first bytes of its content.
pub fn detect_bytes(name: &str, bytes: &[u8]) -> Format {
    if event_data::source::packing_of(bytes) != event_data::source::Packing::Plain {
        return event_data::detect_in(std::io::Cursor::new(bytes))
            .map_or(Format::Csv, Format::of_family);
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let decoded = text::decode(head);
    detect(name, &decoded.text)
}

/// Reads the file `name` of these bytes as `format`, a format read from text
/// (a spreadsheet, TimelineJS, vis-timeline, Timeline); an error when it cannot
/// be read as that format, or has a problem that spoils the whole file.
fn import_text(
    name: &str,
    bytes: &[u8],
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, DatasetError> {
    let decoded = text::decode(bytes);
    let cannot_read = |message: &str| DatasetError::Unreadable {
        path: Path::new(name).to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, message.to_string()),
    };
    if decoded.text.trim().is_empty() {
        return Err(problems::single(name, None, "the file is empty"));
    }
    if dataset::looks_binary(decoded.text.as_bytes()) {
        return Err(cannot_read(
            "this is not a text file; Annals imports CSV/TSV, TimelineJS or vis-timeline JSON, and Timeline XML",
        ));
    }
    let title = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Imported")
        .to_string();
    let mut report = ImportReport {
        format: Some(format),
        encoding: decoded.encoding.clone(),
        ..ImportReport::default()
    };
    let text = decoded.text.as_ref();
    let outcome = match format {
        Format::Csv => spreadsheet::import(name, text, options, &title, &mut report),
        Format::TimelineJs => timelinejs::import(name, text, options, &title, &mut report),
        Format::Vis => vis::import(name, text, options, &title, &mut report),
        Format::Timeline => timeline_xml::import(name, text, options, &title, &mut report),
        Format::Ron | Format::Gdelt | Format::Icews => {
            return Err(cannot_read("this format is not read from text"));
        }
    };
    let (dataset, problems) = outcome?;
    let problems = problems.sorted();
    report.problems = problems.len();
    Ok(Imported {
        dataset,
        report,
        problems,
    })
}
