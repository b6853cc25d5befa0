//! `annals uninstall-desktop`: removes the files an install wrote and the
//! folders it created, as its record names them; a file changed since it was
//! written is the user's now, and stays.

use std::path::{Path, PathBuf};

use super::record::{RECORD_PATH, Record, sha256, under};
use super::refresh::refresh;
use super::{DesktopError, Refresh};

/// What an uninstall did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uninstalled {
    /// Whether an install had recorded anything under the data folder.
    pub was_installed: bool,
    /// The files removed.
    pub removed: Vec<PathBuf>,
    /// The files left because they changed since the install wrote them.
    pub kept: Vec<PathBuf>,
    /// The desktop's tools that failed, in words.
    pub notes: Vec<String>,
}

/// Removes what the install under `data_home` recorded, then the record;
/// folders it created go when they are left empty.
pub fn uninstall(data_home: &Path, tools: Refresh) -> Result<Uninstalled, DesktopError> {
    let mut done = Uninstalled {
        was_installed: Record::exists(data_home),
        ..Uninstalled::default()
    };
    if !done.was_installed {
        return Ok(done);
    }
    let record = Record::read(data_home)?;
    for (relative, hash) in &record.files {
        let path = under(data_home, relative);
        match std::fs::read(&path) {
            Ok(bytes) if sha256(&bytes) == *hash => {
                remove_file(&path)?;
                done.removed.push(path);
            }
            Ok(_) => done.kept.push(path),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(DesktopError::Remove {
                    reason: error.to_string(),
                    path,
                });
            }
        }
    }
    remove_file(&under(data_home, RECORD_PATH))?;
    // The caches are made anew while the folders they read are still there.
    done.notes = refresh(data_home, tools);
    let mut folders = record.folders.clone();
    folders.sort_by_key(|folder| std::cmp::Reverse(folder.matches('/').count()));
    for folder in folders {
        // A folder that holds something else is not emptied: it stays.
        let _ = std::fs::remove_dir(under(data_home, &folder));
    }
    Ok(done)
}

/// Removes one file.
fn remove_file(path: &Path) -> Result<(), DesktopError> {
    std::fs::remove_file(path).map_err(|error| DesktopError::Remove {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })
}
