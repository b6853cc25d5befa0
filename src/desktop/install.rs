//! `annals install-desktop`: writes the desktop files into the data folder,
//! each atomically, replacing only files an earlier install wrote and nobody
//! changed since (any file with `force`), and records what it wrote.

use std::path::{Path, PathBuf};

use super::record::{RECORD_PATH, Record, sha256, under};
use super::refresh::refresh;
use super::{DesktopError, Refresh, desktop_files};
use crate::export::write_atomic;

/// What an install did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Installed {
    /// The files written, in order.
    pub written: Vec<PathBuf>,
    /// The desktop's tools that failed, in words (the files are written all the same).
    pub notes: Vec<String>,
}

/// Installs the desktop entry running `exe`, the icons and the MIME types
/// under `data_home`. Nothing is written when a file is in the way that an
/// earlier install did not write, unless `force`.
pub fn install(
    data_home: &Path,
    exe: &Path,
    force: bool,
    tools: Refresh,
) -> Result<Installed, DesktopError> {
    let files = desktop_files(exe)?;
    let mut record = Record::read(data_home)?;
    let in_the_way: Vec<PathBuf> = files
        .iter()
        .filter(|file| !force && !is_ours(data_home, &record, &file.relative))
        .map(|file| under(data_home, &file.relative))
        .filter(|path| path.symlink_metadata().is_ok())
        .collect();
    if !in_the_way.is_empty() {
        return Err(DesktopError::NotOurs { paths: in_the_way });
    }
    for relative in files
        .iter()
        .map(|f| f.relative.as_str())
        .chain([RECORD_PATH])
    {
        create_folders(data_home, relative, &mut record)?;
    }
    let mut installed = Installed::default();
    let mut failure = None;
    for file in &files {
        let path = under(data_home, &file.relative);
        let existed = path.symlink_metadata().is_ok();
        match write_atomic(&path, &file.bytes, existed) {
            Ok(()) => {
                record
                    .files
                    .insert(file.relative.clone(), sha256(&file.bytes));
                installed.written.push(path);
            }
            Err(error) => {
                failure = Some(DesktopError::Write {
                    reason: error.to_string(),
                    path,
                });
                break;
            }
        }
    }
    // The list names what was written even when a write failed, so that
    // uninstall-desktop can still remove it.
    record.write(data_home)?;
    if let Some(failure) = failure {
        return Err(failure);
    }
    installed.notes = refresh(data_home, tools);
    Ok(installed)
}

/// Whether the file at `relative` is one an earlier install wrote, unchanged since.
fn is_ours(data_home: &Path, record: &Record, relative: &str) -> bool {
    let Some(hash) = record.files.get(relative) else {
        return false;
    };
    std::fs::read(under(data_home, relative)).is_ok_and(|bytes| sha256(&bytes) == *hash)
}

/// Creates the folders above `relative` that are missing, recording each.
fn create_folders(
    data_home: &Path,
    relative: &str,
    record: &mut Record,
) -> Result<(), DesktopError> {
    let parts: Vec<&str> = relative.split('/').collect();
    for depth in 1..parts.len() {
        let folder = parts[..depth].join("/");
        let path = under(data_home, &folder);
        if path.is_dir() {
            continue;
        }
        std::fs::create_dir_all(&path).map_err(|error| DesktopError::Write {
            reason: error.to_string(),
            path: path.clone(),
        })?;
        if !record.folders.contains(&folder) {
            record.folders.push(folder);
        }
    }
    Ok(())
}
