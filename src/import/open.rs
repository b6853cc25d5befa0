//! The one way every command and the viewer open a file: an Annals dataset
//! (RON) or any format this module imports, chosen from the content and the
//! extension unless a format is given.

use std::path::Path;

use super::{Format, FormatChoice, ImportOptions, Imported, problems};
use crate::dataset::{self, Control, DatasetError};
use crate::model::Dataset;

/// Opens the bytes of the file `name`: RON is read as a dataset, anything
/// else imported; a file whose rows have problems is an error listing them all.
pub fn open_bytes(name: &str, bytes: &[u8], format: FormatChoice) -> Result<Dataset, DatasetError> {
    let format = match format {
        FormatChoice::Only(format) => format,
        FormatChoice::Auto => super::detect_bytes(name, bytes),
    };
    if format == Format::Ron {
        return dataset::parse_bytes(name, bytes);
    }
    let options = ImportOptions {
        format: FormatChoice::Only(format),
        ..ImportOptions::default()
    };
    whole(name, super::import_bytes(name, bytes, &options)?)
}

/// Reads and opens the file at `path` (see [`open_bytes`]); a large dataset
/// is read in parallel, and GDELT and ICEWS files as a stream, without
/// holding the file in memory.
pub fn open_file(path: &Path, format: FormatChoice) -> Result<Dataset, DatasetError> {
    let control = Control::default();
    // Nothing cancels `control`, so the work always ends with an outcome.
    open_file_controlled(path, format, &control).unwrap_or_else(|| dataset::load_file(path))
}

/// [`open_file`], watched and stoppable through `control`; `None` when stopped.
pub fn open_file_controlled(
    path: &Path,
    format: FormatChoice,
    control: &Control,
) -> Option<Result<Dataset, DatasetError>> {
    let event_data = match format {
        FormatChoice::Only(chosen) => chosen.event_data().is_some(),
        FormatChoice::Auto => super::event_data::detect(path).is_some(),
    };
    if event_data {
        return Some(open_event_data(path, format));
    }
    let read = match dataset::read_file(path, control)? {
        Ok(read) => read,
        Err(error) => return Some(Err(error)),
    };
    let name = path.display().to_string();
    let format = match format {
        FormatChoice::Only(format) => format,
        FormatChoice::Auto => super::detect_bytes(&name, &read.bytes),
    };
    if format != Format::Ron {
        return Some(open_bytes(&name, &read.bytes, FormatChoice::Only(format)));
    }
    dataset::parse_read_file(path, read, control)
}

/// Opens a GDELT or ICEWS file as a stream (`format` `Auto` tells which); a
/// file whose rows have problems is an error listing them all.
fn open_event_data(path: &Path, format: FormatChoice) -> Result<Dataset, DatasetError> {
    let options = ImportOptions {
        format,
        ..ImportOptions::default()
    };
    whole(
        &path.display().to_string(),
        super::import_file(path, &options)?,
    )
}

/// The dataset imported from `name` when no row had a problem, else an error listing them.
fn whole(name: &str, imported: Imported) -> Result<Dataset, DatasetError> {
    if imported.problems.is_empty() {
        Ok(imported.dataset)
    } else {
        Err(problems::invalid(name, imported.problems))
    }
}
