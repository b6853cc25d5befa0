//! Annals on the desktop: its entry in the menu of applications, its icon, the
//! file types it opens, installed into the user's data folder
//! (`$XDG_DATA_HOME`, by default `~/.local/share`) and removed again.
//!
//! What `annals install-desktop` writes is listed, with each file's SHA-256, in
//! `annals/installed-desktop-files`: a second install replaces only those
//! files, unchanged since, and refuses any other without `--force`;
//! `annals uninstall-desktop` removes exactly them.

use std::ffi::OsString;
use std::path::PathBuf;

mod entry;
mod files;
mod icon;
mod install;
mod mime;
mod record;
mod refresh;
mod uninstall;

pub use entry::desktop_entry;
pub use files::{DesktopFile, desktop_files};
pub use icon::{ICON_SVG, PNG_SIZES};
pub use install::{Installed, install};
pub use mime::{DATASET_TYPE, mime_types, opened_types, package_xml};
pub use refresh::Refresh;
pub use uninstall::{Uninstalled, uninstall};

/// Why the desktop files could not be installed or removed.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    /// Files that an install would replace but did not write (or that changed
    /// since): nothing was written.
    #[error(
        "{}nothing was written; pass --force to replace {}",
        .paths.iter().map(|p| format!("{}: exists and was not written by annals install-desktop\n", p.display())).collect::<String>(),
        if .paths.len() == 1 { "it" } else { "them" }
    )]
    NotOurs {
        /// The files, in the order they would be written.
        paths: Vec<PathBuf>,
    },
    /// A file or folder could not be written.
    #[error("cannot write {}: {reason}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A file or folder could not be read or removed.
    #[error("cannot remove {}: {reason}", path.display())]
    Remove {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The list of installed files cannot be read as such.
    #[error("{}:{line}:{col}: {message}", path.display())]
    Record {
        /// The list.
        path: PathBuf,
        /// Its line, from 1.
        line: usize,
        /// Its column, from 1.
        col: usize,
        /// What is wrong there.
        message: String,
    },
    /// A file whose content cannot be made (the program's path in the entry, an icon).
    #[error("{0}")]
    Content(String),
    /// Neither `XDG_DATA_HOME` nor `HOME` names a folder.
    #[error("no folder to install into: neither XDG_DATA_HOME nor HOME is set to an absolute path")]
    NoDataHome,
}

/// The user's data folder from the values of `XDG_DATA_HOME` and `HOME`: the
/// first when it is an absolute path (the specification ignores others), else
/// `.local/share` in the second.
pub fn data_home(
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<PathBuf, DesktopError> {
    let absolute =
        |value: Option<OsString>| value.map(PathBuf::from).filter(|path| path.is_absolute());
    match absolute(xdg_data_home) {
        Some(folder) => Ok(folder),
        None => absolute(home)
            .map(|home| home.join(".local").join("share"))
            .ok_or(DesktopError::NoDataHome),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_folder_is_xdg_data_home_when_absolute_else_under_home() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(
            data_home(some("/data"), some("/home/ann")).ok(),
            Some(PathBuf::from("/data"))
        );
        for ignored in [None, some(""), some("relative/share")] {
            assert_eq!(
                data_home(ignored, some("/home/ann")).ok(),
                Some(PathBuf::from("/home/ann/.local/share"))
            );
        }
        assert!(matches!(
            data_home(None, None),
            Err(DesktopError::NoDataHome)
        ));
    }
}
