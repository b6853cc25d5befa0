//! `annals check FILE...`: validate datasets (and files of the formats Annals imports).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, EXIT_OK, Outcome};

/// `annals check FILE...`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The files to check.
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
}

/// Checks each file, printing `FILE: ok (...)` or its problems; the worst exit code.
pub fn run(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut worst = EXIT_OK;
    for file in &args.files {
        if let Err(error) = check(file, out) {
            worst = worst.max(error.report(err));
        }
    }
    Ok(Outcome::Reported(worst))
}

/// Checks one file and prints `FILE: ok (...)`, or gives its problems.
fn check(file: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    match crate::import::open_path(file, crate::import::FormatChoice::Auto) {
        Ok(crate::import::Opened { dataset: d, .. }) => {
            let eras = match d.eras.len() {
                0 => String::new(),
                1 => ", 1 era".to_string(),
                n => format!(", {n} eras"),
            };
            let _ = writeln!(
                out,
                "{}: ok ({} events, {} actors, {} topics{eras})",
                file.display(),
                d.events.len(),
                d.actors.len(),
                d.topics.len()
            );
            Ok(())
        }
        Err(error) => Err(error.into()),
    }
}
