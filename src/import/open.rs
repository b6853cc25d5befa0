//! The one way every command and the viewer open a file: an Annals dataset
//! (RON) or any format this module imports, given as a path or as bytes. The
//! format is resolved once, the file is opened once, and its checksum is taken
//! from the bytes as they are read.

use std::fs::File;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use super::event_data::{self, source::Packing};
use super::{Format, FormatChoice, ImportOptions, ImportReport, Imported, problems, text};
use crate::cache::FileStamp;
use crate::dataset::{self, Control, DatasetError, HashingReader, Problem, SourceInfo};
use crate::model::Dataset;

/// The first bytes of a file that tell its format.
const HEAD: usize = 64 * 1024;

/// What to open: a file on disk, or bytes already read under a name.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// The file at this path.
    Path(&'a Path),
    /// These bytes, reported under `name`.
    Bytes {
        /// The name that prefixes every problem (the file's path, usually).
        name: &'a str,
        /// The file's bytes.
        bytes: &'a [u8],
    },
}

impl Input<'_> {
    /// The name that prefixes every problem.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Bytes { name, .. } => name.to_string(),
        }
    }
}

/// A file opened: its dataset, where it came from, its format, and for an
/// import the account of what was read and the rows left out with problems.
#[derive(Debug)]
pub struct Opened {
    /// The dataset, without the rows that had problems.
    pub dataset: Dataset,
    /// The path as given and the SHA-256 of the bytes read.
    pub(crate) source: SourceInfo,
    /// The format it was read as.
    pub(crate) format: Format,
    /// What was read, written and left out.
    pub report: ImportReport,
    /// The problems of the rows or items left out, in the order of the file.
    pub problems: Vec<Problem>,
}

impl Opened {
    /// The file when no row had a problem, else an error listing them all.
    pub fn whole(self) -> Result<Opened, DatasetError> {
        if self.problems.is_empty() {
            Ok(self)
        } else {
            Err(problems::invalid(&self.source.path, self.problems))
        }
    }

    /// The curated dataset compiled into the program.
    pub fn embedded() -> Result<Opened, DatasetError> {
        let dataset = dataset::parse_str(dataset::EMBEDDED_NAME, dataset::EMBEDDED_RON)?;
        Ok(Opened::of_ron(dataset, SourceInfo::embedded()))
    }

    pub(super) fn of_ron(dataset: Dataset, source: SourceInfo) -> Opened {
        Opened {
            report: ImportReport::of_dataset(&dataset),
            dataset,
            source,
            format: Format::Ron,
            problems: Vec::new(),
        }
    }

    fn of_import(imported: Imported, source: SourceInfo, format: Format) -> Opened {
        Opened {
            dataset: imported.dataset,
            source,
            format,
            report: imported.report,
            problems: imported.problems,
        }
    }
}

/// Opens `input` as `options` say, watched and stoppable through `control`;
/// `None` when stopped. RON is read as a dataset (a large file in parallel),
/// GDELT and ICEWS as a stream, anything else imported from its bytes. An error
/// when the file cannot be read, or has a problem that spoils it whole; rows
/// with problems are left out and listed in [`Opened::problems`].
pub fn open(
    input: Input<'_>,
    options: &ImportOptions,
    control: &Control,
) -> Option<Result<Opened, DatasetError>> {
    match input {
        Input::Bytes { name, bytes } => Some(open_bytes(name, bytes, options)),
        Input::Path(path) => open_path_controlled(path, options, control),
    }
}

/// [`open`], to the end: nothing stops it.
pub fn open_all(input: Input<'_>, options: &ImportOptions) -> Result<Opened, DatasetError> {
    // Nothing cancels this control, so the work always ends with an outcome.
    open(input, options, &Control::default()).unwrap_or_else(|| {
        let interrupted = std::io::Error::from(std::io::ErrorKind::Interrupted);
        Err(unreadable(Path::new(&input.name()), interrupted))
    })
}

/// [`open`] of the file at `path` in `format` with no other option, to the
/// end and whole: a file with any row in error is an error listing them.
pub fn open_path(path: &Path, format: FormatChoice) -> Result<Opened, DatasetError> {
    let options = ImportOptions {
        format,
        ..ImportOptions::default()
    };
    open_all(Input::Path(path), &options).and_then(Opened::whole)
}

fn open_bytes(name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Opened, DatasetError> {
    let source = SourceInfo::of_bytes(name, bytes);
    let format = match options.format {
        FormatChoice::Only(format) => format,
        FormatChoice::Auto => super::detect_bytes(name, bytes),
    };
    if format == Format::Ron {
        return Ok(Opened::of_ron(dataset::parse_bytes(name, bytes)?, source));
    }
    if format.event_data().is_some() {
        let imported = read_event_data(Cursor::new(bytes), name, format, options)?;
        return Ok(Opened::of_import(imported, source, format));
    }
    let imported = super::import_text(name, bytes, format, options)?;
    Ok(Opened::of_import(imported, source, format))
}

fn open_path_controlled(
    path: &Path,
    options: &ImportOptions,
    control: &Control,
) -> Option<Result<Opened, DatasetError>> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return Some(Err(unreadable(path, error))),
    };
    let mut reader = HashingReader::new(file);
    let format = match options.format {
        FormatChoice::Only(format) => format,
        FormatChoice::Auto => match sniff(&name, &mut reader) {
            Ok(format) => format,
            Err(error) => return Some(Err(unreadable(path, error))),
        },
    };
    if format.event_data().is_some() {
        let streamed = read_event_data(&mut reader, &name, format, options).and_then(|imported| {
            let (_, source) = reader.finish(&name).map_err(|e| unreadable(path, e))?;
            Ok(Opened::of_import(imported, source, format))
        });
        return Some(streamed);
    }
    let cache = options.cache().filter(|_| format == Format::Ron);
    let stamp = cache.and_then(|_| {
        let meta = reader.inner().metadata().ok()?;
        FileStamp::of(path, &meta)
    });
    if let (Some(cache), Some(stamp)) = (cache, &stamp)
        && let Some(opened) = super::kept::open_kept(path, stamp, cache, control)
    {
        return Some(Ok(opened));
    }
    let read = match dataset::read_file(reader, path, control)? {
        Ok(read) => read,
        Err(error) => return Some(Err(error)),
    };
    if format == Format::Ron {
        let Some(cache) = cache else {
            let parsed = dataset::parse_read_file(path, read, control)?;
            return Some(parsed.map(|(dataset, source)| Opened::of_ron(dataset, source)));
        };
        return super::kept::open_ron(path, read, cache, stamp, control);
    }
    let imported = super::import_text(&name, &read.bytes, format, options);
    Some(imported.map(|imported| Opened::of_import(imported, read.source, format)))
}

/// The format of the file being read by `reader`, from its first bytes (its
/// first line, unpacked, when it is gzip or zip) and its name.
fn sniff(name: &str, reader: &mut (impl Read + Seek)) -> std::io::Result<Format> {
    let mut head = Vec::with_capacity(HEAD);
    reader.by_ref().take(HEAD as u64).read_to_end(&mut head)?;
    if event_data::source::packing_of(&head) == Packing::Plain {
        return Ok(super::detect(name, &text::decode(&head).text));
    }
    reader.seek(SeekFrom::Start(0))?;
    let family = event_data::detect_in(reader);
    Ok(family.map_or(Format::Csv, Format::of_family))
}

/// Streams the GDELT or ICEWS rows `input` holds.
fn read_event_data(
    input: impl Read + Seek,
    name: &str,
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, DatasetError> {
    let options = event_data::EventDataOptions {
        family: format.event_data(),
        ..options.event_data.clone()
    };
    event_data::import(input, name, &options)
        .map(|read| read.into_imported(name))
        .map_err(|error| error.into_dataset_error(name))
}

pub(super) fn unreadable(path: &Path, source: std::io::Error) -> DatasetError {
    DatasetError::Unreadable {
        path: path.to_path_buf(),
        source,
    }
}
