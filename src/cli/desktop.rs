//! `annals install-desktop` and `annals uninstall-desktop`: put Annals in the
//! desktop's menu of applications, with its icon and the file types it opens,
//! under `$XDG_DATA_HOME` (by default `~/.local/share`), and take it out again.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{CliError, Outcome};
use crate::desktop::{self, DesktopError, Refresh};

/// `annals install-desktop [--force] [--data-dir DIR] [--exec PATH]`.
#[derive(Debug, Clone, Args)]
pub struct InstallDesktopArgs {
    /// Replace files in the way that an earlier install-desktop did not write.
    #[arg(long)]
    pub(crate) force: bool,
    /// Install under DIR instead of $XDG_DATA_HOME, without running the desktop's tools: the image of /usr/share for a package.
    #[arg(long, value_name = "DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// The program the desktop entry runs (this very annals by default).
    #[arg(long, value_name = "PATH")]
    pub(crate) exec: Option<PathBuf>,
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
    let exe = match &args.exec {
        Some(exe) => exe.clone(),
        None => std::env::current_exe()
            .and_then(|exe| exe.canonicalize())
            .map_err(|error| {
                DesktopError::Content(format!("cannot find the annals program itself: {error}"))
            })?,
    };
    let (folder, tools) = match &args.data_dir {
        Some(folder) => (folder.clone(), Refresh::Skip),
        None => (data_home()?, Refresh::Run),
    };
    let installed = desktop::install(&folder, &exe, args.force, tools)?;
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
