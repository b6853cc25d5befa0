//! The list of what `annals install-desktop` wrote, kept in the data folder
//! so that a later install knows which files are its own and an uninstall
//! removes exactly them: one line per file (`file SHA256 PATH`) and per folder
//! it created (`folder PATH`), paths relative to the data folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::DesktopError;
use crate::export::write_atomic;

/// Where the list is, under the data folder.
pub(crate) const RECORD_PATH: &str = "annals/installed-desktop-files";

/// The first line of the list.
const HEADER: &str =
    "# Written by `annals install-desktop`; `annals uninstall-desktop` removes what it names.";

/// What an install wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Record {
    /// Each file written, with the SHA-256 of what was written (hex).
    pub(crate) files: BTreeMap<String, String>,
    /// Each folder the install created.
    pub(crate) folders: Vec<String>,
}

/// The SHA-256 of `bytes`, in hex.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `relative` (with `/` between its parts) under `data_home`.
pub(crate) fn under(data_home: &Path, relative: &str) -> PathBuf {
    relative
        .split('/')
        .fold(data_home.to_path_buf(), |path, part| path.join(part))
}

impl Record {
    /// The list under `data_home`; an empty one when there is none.
    pub(crate) fn read(data_home: &Path) -> Result<Record, DesktopError> {
        let path = under(data_home, RECORD_PATH);
        match std::fs::read_to_string(&path) {
            Ok(text) => Record::parse(&path, &text),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Record::default()),
            Err(error) => Err(DesktopError::Remove {
                reason: error.to_string(),
                path,
            }),
        }
    }

    /// Whether there was a list at all.
    pub(crate) fn exists(data_home: &Path) -> bool {
        under(data_home, RECORD_PATH).exists()
    }

    /// Reads the list's text; `path` names it in problems.
    fn parse(path: &Path, text: &str) -> Result<Record, DesktopError> {
        let mut record = Record::default();
        for (number, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = |col: usize, message: &str| DesktopError::Record {
                path: path.to_path_buf(),
                line: number + 1,
                col,
                message: message.to_string(),
            };
            let entry = line.split_once(' ').and_then(|(kind, rest)| match kind {
                "file" => {
                    let (hash, relative) = rest.split_once(' ')?;
                    let hex = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
                    hex.then_some((Some(hash), relative))
                }
                "folder" => Some((None, rest)),
                _ => None,
            });
            let Some((hash, relative)) = entry else {
                return Err(problem(1, "expected `file SHA256 PATH` or `folder PATH`"));
            };
            let col = line.len() - relative.len() + 1;
            if !is_safe(relative) {
                return Err(problem(col, "expected a path inside the data folder"));
            }
            match hash {
                Some(hash) => {
                    record.files.insert(relative.to_string(), hash.to_string());
                }
                None => record.folders.push(relative.to_string()),
            }
        }
        Ok(record)
    }

    /// Writes the list under `data_home`, atomically.
    pub(crate) fn write(&self, data_home: &Path) -> Result<(), DesktopError> {
        let mut text = format!("{HEADER}\n");
        for folder in &self.folders {
            text.push_str(&format!("folder {folder}\n"));
        }
        for (relative, hash) in &self.files {
            text.push_str(&format!("file {hash} {relative}\n"));
        }
        let path = under(data_home, RECORD_PATH);
        write_atomic(&path, text.as_bytes(), true).map_err(|error| DesktopError::Write {
            reason: error.to_string(),
            path,
        })
    }
}

/// A relative path that stays inside the data folder: no empty part, no `.` or `..`.
fn is_safe(relative: &str) -> bool {
    !relative.starts_with('/')
        && relative
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_what_was_written() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut record = Record::default();
        record
            .files
            .insert("applications/annals.desktop".into(), sha256(b"entry"));
        record.folders.push("applications".into());
        std::fs::create_dir(dir.path().join("annals")).expect("its folder");
        record.write(dir.path()).expect("written");
        assert_eq!(Record::read(dir.path()).ok(), Some(record));
    }

    #[test]
    fn a_damaged_record_is_refused_with_its_line_and_column() {
        let path = Path::new("installed-desktop-files");
        let hash = sha256(b"x");
        let cases = [
            ("file abc applications/annals.desktop\n", "1:1:"),
            (&*format!("# list\nfile {hash} ../../.bashrc\n"), "2:71:"),
            ("folder /etc\n", "1:8:"),
            ("remove everything\n", "1:1:"),
        ];
        for (text, place) in cases {
            let error = Record::parse(path, text).expect_err(text).to_string();
            assert!(
                error.starts_with(&format!("installed-desktop-files:{place}")),
                "{error}"
            );
        }
    }
}
