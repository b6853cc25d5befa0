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

/// Reads and opens the file at `path` (see [`open_bytes`]).
pub fn open_file(path: &Path, format: FormatChoice) -> Result<Dataset, DatasetError> {
    if format == FormatChoice::Auto || format == FormatChoice::Only(Format::Ron) {
        return super::load_file(path);
    }
    let bytes = std::fs::read(path).map_err(|source| DatasetError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    open_bytes(&path.display().to_string(), &bytes, format)
}
