//! `annals fmt FILE... [--check]`: rewrites datasets in the canonical layout,
//! the layout of Annals' own RON export, so that two curators' files compare
//! line by line. A second run changes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, EXIT_OK, Outcome};
use crate::dataset::{SourceInfo, to_ron_string};
use crate::export::write_atomic;
use crate::import::{Format, FormatChoice, open_path};

/// `annals fmt FILE... [--check]`.
#[derive(Debug, Clone, Args)]
pub struct FmtArgs {
    /// The Annals datasets (RON) to lay out.
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// Change nothing: name the files that would change, and exit 1 if any would.
    #[arg(long)]
    pub(crate) check: bool,
}

/// Lays out each file (or checks it), reporting each failure as it goes; the
/// worst exit code: 2 when a file cannot be read or is not an Annals dataset,
/// 1 when `--check` finds one to change or one cannot be written.
pub fn run(args: &FmtArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut worst = EXIT_OK;
    for path in &args.files {
        let code = match lay_out(path, args.check, out) {
            Ok(outcome) => outcome.code(),
            Err(error) => error.report(err),
        };
        worst = worst.max(code);
    }
    Ok(Outcome::Reported(worst))
}

/// Lays out one file, or with `check` only names it when it would change
/// (flagged).
fn lay_out(path: &Path, check: bool, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let opened = match open_path(path, FormatChoice::Auto) {
        Ok(opened) => opened,
        Err(error) => return Err(CliError::trouble(error)),
    };
    if opened.format != Format::Ron {
        return Err(CliError::NotAnnalsDataset {
            path: path.to_path_buf(),
            format: opened.format.label(),
            needs: "fmt lays out Annals datasets",
        });
    }
    let canonical = format!("{}\n", to_ron_string(&opened.dataset));
    let name = path.display().to_string();
    if SourceInfo::of_bytes(&name, canonical.as_bytes()) == opened.source {
        return Ok(Outcome::Done);
    }
    if check {
        let _ = writeln!(out, "{name}: would be laid out anew");
        return Ok(Outcome::Flagged);
    }
    write_atomic(path, canonical.as_bytes(), true)?;
    let _ = writeln!(out, "{name}: laid out anew");
    Ok(Outcome::Done)
}
