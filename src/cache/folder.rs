//! The cache folder: where it is, what it holds, and keeping it within its bound.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::stamp;

/// The extension of an entry's file.
pub(super) const EXTENSION: &str = "annals-cache";

/// The user's cache folder for Annals: `$XDG_CACHE_HOME/annals`, else
/// `~/.cache/annals` (on macOS `~/Library/Caches/annals`, on Windows
/// `%LOCALAPPDATA%\annals\cache`); `None` when the system names no home.
pub fn default_folder() -> Option<PathBuf> {
    let absolute = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    if cfg!(windows) {
        return absolute("LOCALAPPDATA").map(|base| base.join("annals").join("cache"));
    }
    if let Some(base) = absolute("XDG_CACHE_HOME") {
        return Some(base.join("annals"));
    }
    let home = absolute("HOME")?;
    if cfg!(target_os = "macos") {
        Some(home.join("Library").join("Caches").join("annals"))
    } else {
        Some(home.join(".cache").join("annals"))
    }
}

/// A file of the folder that the cache wrote: an entry, or a temporary file
/// an entry was being written to.
fn is_ours(path: &Path) -> bool {
    let name = path.file_name().and_then(OsStr::to_str).unwrap_or("");
    let extension = path.extension();
    extension == Some(OsStr::new(EXTENSION))
        || extension == Some(OsStr::new(stamp::EXTENSION))
        || name.starts_with(".writing-")
}

/// The entries in `folder`, with their size and when they were last used.
fn entries(folder: &Path) -> io::Result<Vec<(PathBuf, u64, SystemTime)>> {
    let mut found = Vec::new();
    for item in std::fs::read_dir(folder)? {
        let item = item?;
        let path = item.path();
        let Ok(meta) = item.metadata() else { continue };
        if meta.is_file() && path.extension() == Some(OsStr::new(EXTENSION)) {
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            found.push((path, meta.len(), used));
        }
    }
    Ok(found)
}

/// Removes the entries of `folder` used longest ago until the rest take at
/// most `limit` bytes.
pub(super) fn bound(folder: &Path, limit: u64) -> io::Result<()> {
    let mut entries = entries(folder)?;
    let mut total: u64 = entries.iter().map(|(_, size, _)| size).sum();
    entries.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
    for (path, size, _) in entries {
        if total <= limit {
            break;
        }
        match std::fs::remove_file(&path) {
            Ok(()) => total -= size,
            Err(error) if error.kind() == io::ErrorKind::NotFound => total -= size,
            Err(error) => return Err(error),
        }
    }
    forget_stamps(folder)
}

/// Removes the stamps that lead to no entry.
fn forget_stamps(folder: &Path) -> io::Result<()> {
    let kept: HashSet<String> = entries(folder)?
        .into_iter()
        .filter_map(|(path, _, _)| {
            let name = path.file_name()?.to_str()?;
            Some(name.split('-').next()?.to_string())
        })
        .collect();
    for item in std::fs::read_dir(folder)? {
        let path = item?.path();
        if path.extension() == Some(OsStr::new(stamp::EXTENSION))
            && stamp::read(&path).is_none_or(|content| !kept.contains(&content))
        {
            let _ = std::fs::remove_file(&path);
        }
    }
    Ok(())
}

/// Removes every file the cache wrote in `folder`; how many bytes that freed.
pub(super) fn clear(folder: &Path) -> io::Result<u64> {
    let items = match std::fs::read_dir(folder) {
        Ok(items) => items,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(error),
    };
    let mut freed = 0;
    for item in items {
        let item = item?;
        let path = item.path();
        let Ok(meta) = item.metadata() else { continue };
        if meta.is_file() && is_ours(&path) {
            std::fs::remove_file(&path)?;
            freed += meta.len();
        }
    }
    Ok(freed)
}
