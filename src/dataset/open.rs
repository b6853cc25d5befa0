//! The one way every command and the viewer open a file: an Annals dataset
//! (RON) or any format [`crate::import`] reads, chosen from the content and
//! the extension unless a format is given.

use std::path::Path;

use super::{DatasetError, parse_bytes};
use crate::import::{self, Format, FormatChoice, ImportOptions};
use crate::model::Dataset;

/// Opens the bytes of the file `name`: RON is read as a dataset, anything
/// else imported; a file whose rows have problems is an error listing them all.
pub fn open_bytes(name: &str, bytes: &[u8], format: FormatChoice) -> Result<Dataset, DatasetError> {
    let format = match format {
        FormatChoice::Only(format) => format,
        FormatChoice::Auto => import::detect_bytes(name, bytes),
    };
    if format == Format::Ron {
        return parse_bytes(name, bytes);
    }
    let options = ImportOptions {
        format: FormatChoice::Only(format),
        ..ImportOptions::default()
    };
    let imported = import::import_bytes(name, bytes, &options)?;
    if imported.problems.is_empty() {
        Ok(imported.dataset)
    } else {
        Err(import::problems::invalid(name, imported.problems))
    }
}

/// Reads and opens the file at `path` (see [`open_bytes`]); GDELT and ICEWS
/// files are read as a stream, without holding the file in memory.
pub fn open_file(path: &Path, format: FormatChoice) -> Result<Dataset, DatasetError> {
    if format == FormatChoice::Auto || format == FormatChoice::Only(Format::Ron) {
        return super::load_file(path);
    }
    if let FormatChoice::Only(chosen) = format
        && chosen.event_data().is_some()
    {
        return open_event_data(path, format);
    }
    let bytes = std::fs::read(path).map_err(|source| DatasetError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    open_bytes(&path.display().to_string(), &bytes, format)
}

/// Opens a GDELT or ICEWS file as a stream (`format` `Auto` tells which); a
/// file whose rows have problems is an error listing them all.
pub fn open_event_data(path: &Path, format: FormatChoice) -> Result<Dataset, DatasetError> {
    let options = ImportOptions {
        format,
        ..ImportOptions::default()
    };
    let imported = import::import_file(path, &options)?;
    if imported.problems.is_empty() {
        Ok(imported.dataset)
    } else {
        let name = path.display().to_string();
        Err(import::problems::invalid(&name, imported.problems))
    }
}
