//! Finding a file's entry before its bytes are hashed, so that the entry is
//! read while they are: a small file per path, size and time of change names
//! the SHA-256 of the bytes last read from there.
//!
//! A stamp only says where to look. The entry it leads to is used only once
//! the file's bytes, hashed in full, give that same SHA-256.

use std::fs::Metadata;
use std::io::{self, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

/// The extension of a stamp's file.
pub(super) const EXTENSION: &str = "annals-stamp";

/// A file's absolute path, size and time of change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp(String);

impl FileStamp {
    /// The stamp of the file at `path`, whose metadata is `meta`; `None`
    /// when the system gives no time of change.
    pub fn of(path: &Path, meta: &Metadata) -> Option<FileStamp> {
        let path = std::fs::canonicalize(path).ok()?;
        let changed = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        let text = format!("{}\n{}\n{}", path.display(), meta.len(), changed.as_nanos());
        Some(FileStamp(text))
    }

    /// The name of the stamp's file.
    pub(super) fn file_name(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("{hex}.{EXTENSION}")
    }
}

/// The content hash the stamp file at `path` names, if it names one.
pub(super) fn read(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let content = text.trim_end();
    let is_hash = content.len() == 64 && content.bytes().all(|b| b.is_ascii_hexdigit());
    is_hash.then(|| content.to_string())
}

/// Writes the stamp file at `path` naming `content`, through a temporary
/// file renamed over it.
pub(super) fn write(path: &Path, content: &str) -> io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".writing-")
        .tempfile_in(folder)?;
    writeln!(temporary, "{content}")?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}
