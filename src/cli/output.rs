//! Where `annals stats` and `annals matrix` put what they make: standard
//! output, or a file written atomically and never replaced without `--force`.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::export::{AnalysisFormat, ExportError, write_atomic};

/// How `annals stats` and `annals matrix` print their numbers or draw them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum AnalysisOutput {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// CSV with a header row.
    Csv,
    /// A JSON object.
    Json,
    /// A picture in vectors and text (needs -o).
    Svg,
    /// A bitmap picture (needs -o).
    Png,
}

impl AnalysisOutput {
    /// The export format that makes this output, for the formats shared with the viewer.
    pub fn exported(self) -> Option<AnalysisFormat> {
        match self {
            AnalysisOutput::Csv => Some(AnalysisFormat::Csv),
            AnalysisOutput::Svg => Some(AnalysisFormat::Svg),
            AnalysisOutput::Png => Some(AnalysisFormat::Png),
            AnalysisOutput::Table | AnalysisOutput::Json => None,
        }
    }

    /// True for the pictures, which are only written to a file.
    pub fn is_picture(self) -> bool {
        matches!(self, AnalysisOutput::Svg | AnalysisOutput::Png)
    }
}

/// Writes `bytes` to `output` (atomically; an existing file only with
/// `force`) or to `out`; the exit code.
pub fn deliver(
    bytes: &[u8],
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(path) = output else {
        return match out.write_all(bytes) {
            Ok(()) => EXIT_OK,
            Err(error) => {
                let _ = writeln!(err, "annals: cannot write the output: {error}");
                EXIT_INVALID
            }
        };
    };
    match write_atomic(path, bytes, force) {
        Ok(()) => {
            let _ = writeln!(out, "annals: wrote {}", path.display());
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

/// The error for a picture asked for without a file to write it to.
pub fn picture_needs_file(format: AnalysisOutput, err: &mut dyn Write) -> u8 {
    let name = format!("{format:?}").to_lowercase();
    let _ = writeln!(
        err,
        "annals: --format {name} draws a picture; give the file to write with -o OUT.{name}"
    );
    EXIT_USAGE
}
