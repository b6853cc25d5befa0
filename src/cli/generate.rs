//! `annals generate --events N -o OUT.ron`: write a synthetic dataset for measuring.

use std::path::PathBuf;

use clap::Args;

use super::{CliError, Outcome};
use crate::export::{ExportError, write_atomic_with};
use crate::{dataset, generate};

/// `annals generate --events N [--seed S] -o OUT.ron [--force]`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// How many events.
    #[arg(long)]
    pub(crate) events: usize,
    /// The seed: the same seed and number of events give the same file.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// The file to write.
    #[arg(short = 'o', long = "output")]
    pub(crate) output: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Generates the events from the seed and writes them to OUT atomically, through
/// the exports' atomic write: an existing OUT is replaced only with `--force`.
pub fn run(args: &GenerateArgs) -> Result<Outcome, CliError> {
    let path = &args.output;
    let exists = || CliError::WouldReplace { path: path.clone() };
    if !args.force && path.exists() {
        return Err(exists());
    }
    let dataset = generate::generate(args.events, args.seed);
    let written = write_atomic_with(path, args.force, |out| {
        dataset::write_ron(&dataset, &mut *out)?;
        writeln!(out)
    });
    match written {
        Ok(()) => Ok(Outcome::Done),
        Err(ExportError::Exists { .. }) => Err(exists()),
        Err(ExportError::Write { source, .. }) => Err(CliError::CannotWrite {
            path: path.clone(),
            reason: source.to_string(),
        }),
        Err(error) => Err(CliError::CannotWrite {
            path: path.clone(),
            reason: error.to_string(),
        }),
    }
}
