//! `annals cache clear`, and which cache the program uses: the user's, the
//! folder of `--cache-dir`, or none with `--no-cache`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{CliError, Outcome};
use crate::cache::Cache;

/// `annals cache clear`.
#[derive(Debug, Clone, Args)]
pub struct CacheArgs {
    /// What to do with the cache.
    #[command(subcommand)]
    pub(crate) action: CacheAction,
}

/// What `annals cache` does.
#[derive(Debug, Clone, Subcommand)]
pub enum CacheAction {
    /// Remove every parsed dataset kept in the cache folder.
    Clear,
}

/// The cache the program uses: none with `--no-cache`, else the one in
/// `folder` (`--cache-dir`), else the user's.
pub(crate) fn chosen(no_cache: bool, folder: Option<PathBuf>) -> Option<Cache> {
    if no_cache {
        return None;
    }
    match folder {
        Some(folder) => Some(Cache::at(folder)),
        None => Cache::in_user_folder(),
    }
}

/// Runs `annals cache ACTION` on the cache in `folder` (the user's when none)
/// and says what it did.
pub fn run(
    args: &CacheArgs,
    folder: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let Some(cache) = chosen(false, folder) else {
        let reason = "the system names no home folder; give one with --cache-dir".to_string();
        return Err(CliError::Usage(reason));
    };
    match args.action {
        CacheAction::Clear => {
            let freed = cache.clear().map_err(|error| CliError::CannotWrite {
                path: cache.folder().to_path_buf(),
                reason: error.to_string(),
            })?;
            writeln!(
                out,
                "cleared {} ({})",
                cache.folder().display(),
                megabytes(freed)
            )
            .map_err(|error| CliError::Output {
                what: "the output",
                reason: error.to_string(),
            })?;
        }
    }
    Ok(Outcome::Done)
}

/// A number of bytes in megabytes, to one decimal.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB freed", bytes as f64 / 1e6)
}
