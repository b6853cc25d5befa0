//! Saving a document: into the file it came from, changing only the text of
//! what changed, atomically, and never over a change made by someone else;
//! or as a new Annals dataset (the only way to save an imported file).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Document;
use super::document::{Origin, sha256};
use crate::dataset::SourceInfo;
use crate::dataset::preserve::{self, Splice};
use crate::export::{self, ExportError};
use crate::import::Format;

/// Why a save was refused or failed; the file on disk is then as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The document was not read from a file.
    #[error("the dataset was not read from a file; save it as an Annals dataset (.ron)")]
    NoFile,
    /// The file is in a format Annals reads but does not write.
    #[error(
        "{}: this is a {} file, which Annals does not write; save it as an Annals dataset (.ron) under another name",
        path.display(),
        format.label()
    )]
    Imported {
        /// The file.
        path: PathBuf,
        /// Its format.
        format: Format,
    },
    /// The file changed on disk since it was read (or last saved).
    #[error(
        "{}: the file changed on disk since it was opened; it was left as it is (open it again, or save under another name)",
        path.display()
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The file's text is laid out in a way the writer does not follow
    /// (it reads RON as datasets are written: a struct of named fields).
    #[error(
        "{}: the file's layout cannot be kept (its top level is not `Dataset(field: value, ...)`); it was left as it is: save under another name",
        path.display()
    )]
    Layout {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be read to compare it.
    #[error("{}: cannot read the file: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// Writing failed, or the destination of a save-as exists.
    #[error(transparent)]
    Write(#[from] ExportError),
}

impl Document {
    /// Saves the document into the file it was read from, changing only the
    /// text of the items that changed; refused for an imported format and
    /// when the file is no longer what was read.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let origin = self.origin.clone().ok_or(SaveError::NoFile)?;
        if origin.format != Format::Ron {
            return Err(SaveError::Imported {
                path: origin.path,
                format: origin.format,
            });
        }
        let bytes = std::fs::read(&origin.path).map_err(|source| SaveError::Unreadable {
            path: origin.path.clone(),
            source,
        })?;
        // The file is hashed while its text is scanned: the splices are only
        // used once the hash says the file is the one that was read.
        let (hash, spliced) = rayon::join(|| sha256(&bytes), || self.splices(&bytes));
        if hash != origin.sha256 {
            return Err(SaveError::ChangedOnDisk { path: origin.path });
        }
        let Some((text, splices)) = spliced else {
            return Err(SaveError::Layout { path: origin.path });
        };
        let new_hash = replace(&origin.path, |out| write_spliced(text, &splices, out))?;
        self.saved(origin.path, Format::Ron, new_hash);
        Ok(())
    }

    /// Writes the document as a new Annals dataset at `path` (never over an
    /// existing file); the document then belongs to that file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let text = crate::dataset::to_ron_string(&self.dataset);
        export::write_atomic(path, text.as_bytes(), false)?;
        self.saved(path.to_path_buf(), Format::Ron, sha256(text.as_bytes()));
        Ok(())
    }

    /// The text of the document's file with the splices that make it say
    /// what the dataset says; `None` when its layout is not followed.
    fn splices<'a>(&self, bytes: &'a [u8]) -> Option<(&'a str, Vec<Splice>)> {
        let text = std::str::from_utf8(bytes).ok()?;
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let offset = text.len() - body.len();
        let touched = |id: &str| self.touched.contains(id);
        let mut splices = preserve::rewrite(body, &self.dataset, &touched)?;
        for splice in &mut splices {
            splice.range = splice.range.start + offset..splice.range.end + offset;
        }
        Some((text, splices))
    }

    fn saved(&mut self, path: PathBuf, format: Format, sha256: String) {
        self.origin = Some(Origin {
            path,
            format,
            sha256,
        });
        self.touched.clear();
        self.head_edited = false;
    }
}

/// Replaces the file atomically with what `fill` writes; gives the SHA-256 of it.
fn replace(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<String, SaveError> {
    let mut hash = Sha256::new();
    export::replace_atomic_keeping_permissions(path, |out| {
        let mut hashing = Hashing {
            out,
            hash: &mut hash,
        };
        fill(&mut hashing)
    })?;
    Ok(SourceInfo::of_digest("", hash).sha256)
}

/// Writes `text` with `splices` (sorted, not overlapping) applied.
fn write_spliced(text: &str, splices: &[Splice], out: &mut dyn Write) -> io::Result<()> {
    let mut at = 0;
    for splice in splices {
        out.write_all(&text.as_bytes()[at..splice.range.start.max(at)])?;
        out.write_all(splice.text.as_bytes())?;
        at = at.max(splice.range.end);
    }
    out.write_all(&text.as_bytes()[at..])
}

/// A writer that hashes what goes through it.
struct Hashing<'a> {
    out: &'a mut dyn Write,
    hash: &'a mut Sha256,
}

impl Write for Hashing<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.hash.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
