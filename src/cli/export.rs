//! `annals export [FILE] [filters] --format F [--lanes L] -o OUT [--force]`: write the chosen events to a file.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, FilterArgs, report};
use crate::dataset::SourceInfo;
use crate::export::{self, ExportError, ExportOptions, Format};
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
            let _ = writeln!(
                out,
                "annals: wrote {} to {}",
                crate::model::words::events(written.events),
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
    super::open(file)
        .map(|opened| (opened.dataset, opened.source))
        .map_err(|error| report(&error, err))
}

/// Parses `--format`.
pub fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

/// Parses `--lanes`.
pub fn parse_lanes(text: &str) -> Result<LaneMode, String> {
    text.parse()
}
