//! `annals install-desktop` and `annals uninstall-desktop`: put Annals in the
//! desktop's menu of applications, with its icon and the file types it opens,
//! under `$XDG_DATA_HOME` (by default `~/.local/share`), and take it out again.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{CliError, Outcome};
use crate::desktop::{self, DesktopError, Refresh};

/// `annals install-desktop [--force]`.
#[derive(Debug, Clone, Args)]
pub struct InstallDesktopArgs {
    /// Replace files in the way that an earlier install-desktop did not write.
    #[arg(long)]
    pub(crate) force: bool,
}

/// `annals uninstall-desktop`.
#[derive(Debug, Clone, Args)]
pub struct UninstallDesktopArgs {}

/// The data folder of this user, from the environment.
fn data_home() -> Result<PathBuf, DesktopError> {
    desktop::data_home(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// Installs the desktop files for this very program, then names each file written.
pub fn install(
    args: &InstallDesktopArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let exe = std::env::current_exe()
        .and_then(|exe| exe.canonicalize())
        .map_err(|error| {
            DesktopError::Content(format!("cannot find the annals program itself: {error}"))
        })?;
    let installed = desktop::install(&data_home()?, &exe, args.force, Refresh::Run)?;
    for path in &installed.written {
        let _ = writeln!(out, "{}", path.display());
    }
    for note in &installed.notes {
        let _ = writeln!(err, "annals: {note}");
    }
    Ok(Outcome::Done)
}

/// Removes what install-desktop wrote, naming each file removed and each one kept.
pub fn uninstall(
    _args: &UninstallDesktopArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let home = data_home()?;
    let done = desktop::uninstall(&home, Refresh::Run)?;
    if !done.was_installed {
        let _ = writeln!(
            out,
            "annals install-desktop has written nothing in {}",
            home.display()
        );
    }
    for path in &done.removed {
        let _ = writeln!(out, "removed {}", path.display());
    }
    for path in &done.kept {
        let _ = writeln!(
            err,
            "{}: kept: it changed since it was installed",
            path.display()
        );
    }
    for note in &done.notes {
        let _ = writeln!(err, "annals: {note}");
    }
    Ok(Outcome::Done)
}
