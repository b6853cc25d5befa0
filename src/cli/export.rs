//! `annals export [FILE] [filters] --format F [--lanes L] -o OUT [--force]`: write the chosen events to a file.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, FilterArgs, report};
use crate::dataset::{self, EMBEDDED_NAME, EMBEDDED_RON};
use crate::export::{self, ExportError, ExportOptions, Format, SourceInfo};
use crate::model::Dataset;
use crate::query::QueryIndex;
use crate::timeline::LaneMode;

/// Loads the dataset, selects the events with `filter`, and writes them to `out_path`.
pub fn run(
    file: Option<&Path>,
    filter: &FilterArgs,
    options: ExportOptions,
    out_path: &Path,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (dataset, source) = match load_with_source(file, err) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let filter = match filter.to_filter(&dataset) {
        Ok(filter) => filter,
        Err(message) => {
            let _ = writeln!(err, "annals: {message}");
            return EXIT_USAGE;
        }
    };
    let index = QueryIndex::new(&dataset);
    match export::export_matching(&dataset, &index, filter, source, options, out_path, force) {
        Ok(written) => {
            let files: Vec<String> = written
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect();
            let events = if written.events == 1 {
                "event"
            } else {
                "events"
            };
            let _ = writeln!(
                out,
                "annals: wrote {} {events} to {}",
                written.events,
                files.join(" and ")
            );
            EXIT_OK
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

/// Loads the dataset at `file` (the embedded one when `None`) with its path and
/// SHA-256 for the manifest; on failure, the problem is written to `err` and
/// the exit code returned.
pub(super) fn load_with_source(
    file: Option<&Path>,
    err: &mut dyn Write,
) -> Result<(Dataset, SourceInfo), u8> {
    match file {
        Some(path) => {
            // Read as the viewer reads it (a large RON file in parallel, GDELT
            // as a stream) and hashed in blocks: never held whole.
            let dataset = crate::import::open_file(path, crate::import::FormatChoice::Auto)
                .map_err(|error| report(&error, err))?;
            let name = path.display().to_string();
            let source = std::fs::File::open(path)
                .and_then(|file| SourceInfo::of_reader(&name, file))
                .map_err(|source| {
                    let path = path.to_path_buf();
                    report(&dataset::DatasetError::Unreadable { path, source }, err)
                })?;
            Ok((dataset, source))
        }
        None => match dataset::parse_str(EMBEDDED_NAME, EMBEDDED_RON) {
            Ok(d) => Ok((d, SourceInfo::embedded())),
            Err(error) => Err(report(&error, err)),
        },
    }
}

/// Parses `--format`.
pub fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

/// Parses `--lanes`.
pub fn parse_lanes(text: &str) -> Result<LaneMode, String> {
    text.parse()
}
