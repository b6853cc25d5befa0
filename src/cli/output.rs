//! Where `annals stats` and `annals matrix` put what they make: standard
//! output, or a file written atomically and never replaced without `--force`.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::{CliError, Outcome};
use crate::export::{AnalysisFormat, write_atomic};

/// How `annals stats` and `annals matrix` print their numbers or draw them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum AnalysisOutput {
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
    pub(crate) fn exported(self) -> Option<AnalysisFormat> {
        match self {
            AnalysisOutput::Csv => Some(AnalysisFormat::Csv),
            AnalysisOutput::Svg => Some(AnalysisFormat::Svg),
            AnalysisOutput::Png => Some(AnalysisFormat::Png),
            AnalysisOutput::Table | AnalysisOutput::Json => None,
        }
    }

    /// True for the pictures, which are only written to a file.
    pub(crate) fn is_picture(self) -> bool {
        matches!(self, AnalysisOutput::Svg | AnalysisOutput::Png)
    }
}

/// Writes `bytes` to `output` (atomically; an existing file only with
/// `force`) or to `out`.
pub(crate) fn deliver(
    bytes: &[u8],
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let Some(path) = output else {
        out.write_all(bytes).map_err(|error| CliError::Output {
            what: "the output",
            reason: error.to_string(),
        })?;
        return Ok(Outcome::Done);
    };
    write_atomic(path, bytes, force)?;
    let _ = writeln!(out, "annals: wrote {}", path.display());
    Ok(Outcome::Done)
}

/// The error for a picture asked for without a file to write it to.
pub(crate) fn picture_needs_file(format: AnalysisOutput) -> CliError {
    CliError::PictureNeedsFile {
        format: format!("{format:?}").to_lowercase(),
    }
}
