//! Writing a file atomically: into a temporary file in the same folder, then a rename,
//! so that a failed or interrupted export leaves no partial file and never damages the old one.

use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

use super::ExportError;

/// Writes `bytes` to `path` atomically; without `overwrite` an existing file is refused.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    write_atomic_with(path, overwrite, |out| out.write_all(bytes))
}

/// Writes to `path` atomically whatever `fill` writes; if `fill` fails, nothing changes at `path`.
///
/// Without `overwrite`, the final rename refuses to replace a file, even one that
/// appeared while the temporary file was being written.
pub(crate) fn write_atomic_with(
    path: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    write_atomic_as(path, overwrite, None, fill)
}

/// Replaces the file at `path` atomically with whatever `fill` writes, the
/// new file keeping the old one's permissions; if `fill` fails, nothing changes.
pub(crate) fn replace_atomic_keeping_permissions(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let permissions = std::fs::metadata(path)
        .map_err(|source| ExportError::Write {
            path: path.to_path_buf(),
            source,
        })?
        .permissions();
    write_atomic_as(path, true, Some(permissions), fill)
}

/// [`write_atomic_with`], the new file given `permissions` (a document's usual ones when none).
fn write_atomic_as(
    path: &Path,
    overwrite: bool,
    permissions: Option<std::fs::Permissions>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let failed = |source: io::Error| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    if !overwrite && path.exists() {
        return Err(ExportError::Exists {
            path: path.to_path_buf(),
        });
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = NamedTempFile::new_in(folder).map_err(failed)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        fill(&mut out).map_err(failed)?;
        out.flush().map_err(failed)?;
    }
    temp.as_file().sync_all().map_err(failed)?;
    match permissions {
        Some(permissions) => temp.as_file().set_permissions(permissions),
        None => readable_by_others(temp.as_file()),
    }
    .map_err(failed)?;
    let persisted = if overwrite {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists && !overwrite => {
            Err(ExportError::Exists {
                path: path.to_path_buf(),
            })
        }
        // Dropping `error.file` removes the temporary file.
        Err(error) => Err(failed(error.error)),
    }
}

/// Gives the file the usual permissions of a document (a temporary file is private).
#[cfg(unix)]
fn readable_by_others(file: &std::fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_others(_file: &std::fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_failing_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old contents").unwrap();
        let result = write_atomic_with(&path, true, |out| {
            out.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        });
        assert!(matches!(result, Err(ExportError::Write { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_existing_file_is_refused_without_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        let result = write_atomic(&path, b"new", false);
        assert!(matches!(result, Err(ExportError::Exists { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        write_atomic(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
