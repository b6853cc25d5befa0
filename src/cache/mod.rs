//! A cache of parsed datasets in the user's cache folder, so that a large
//! file opens fast the second time.
//!
//! An entry is found by the SHA-256 of the file's bytes (taken while they are
//! read, which a first opening does anyway) and by the program's version, and
//! trusted only when its seal, its version and its content hash all match
//! (see [`entry`]). It is written after the dataset is read, on a thread of
//! its own, through a temporary file renamed into place; the folder is kept
//! within [`Cache::limit`], dropping the entries used longest ago.

mod codec;
mod entry;
mod folder;
pub mod payload;
mod stamp;
mod wire;

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, OnceLock};

use sha2::{Digest, Sha256};

pub use folder::default_folder;
pub use stamp::FileStamp;

use crate::model::Dataset;

/// The version of the entries' binary form; raise it whenever the model, the
/// form in `wire` or the entry's layout (`entry`) changes, so that older
/// entries are not read.
pub const FORMAT: u32 = 3;

/// The most bytes the folder holds by default: 2 GB.
pub const DEFAULT_LIMIT: u64 = 2_000_000_000;

/// Where parsed datasets are kept, for which program version, and how many
/// bytes the folder may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    folder: PathBuf,
    version: String,
    limit: u64,
    keeps: bool,
}

impl Cache {
    /// The cache in `folder`, for this program, bounded at [`DEFAULT_LIMIT`].
    pub fn at(folder: impl Into<PathBuf>) -> Cache {
        Cache {
            folder: folder.into(),
            version: program_version(),
            limit: DEFAULT_LIMIT,
            keeps: true,
        }
    }

    /// The cache in the user's cache folder ([`default_folder`]).
    pub fn in_user_folder() -> Option<Cache> {
        default_folder().map(Cache::at)
    }

    /// This cache, as a program of `version` would see it.
    pub fn with_version(self, version: impl Into<String>) -> Cache {
        Cache {
            version: version.into(),
            ..self
        }
    }

    /// This cache, read but never written: for a command that changes the
    /// file it opens, whose entry would at once be out of date.
    pub fn reading_only(self) -> Cache {
        Cache {
            keeps: false,
            ..self
        }
    }

    /// This cache, its folder bounded at `limit` bytes.
    pub fn with_limit(self, limit: u64) -> Cache {
        Cache { limit, ..self }
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The most bytes the folder holds.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// The file of the entry for content whose SHA-256 is `content`.
    pub fn entry_path(&self, content: &str) -> PathBuf {
        let version = Sha256::digest(self.version.as_bytes());
        let version: String = version[..8].iter().map(|b| format!("{b:02x}")).collect();
        let name = format!("{content}-{version}.{}", folder::EXTENSION);
        self.folder.join(name)
    }

    /// True when an entry for content whose SHA-256 is `content` is there,
    /// whole or not.
    pub fn has(&self, content: &str) -> bool {
        self.entry_path(content).is_file()
    }

    /// The dataset kept for the file whose SHA-256 is `content`, when its
    /// entry is whole and was written by this version for that content.
    pub fn find(&self, content: &str) -> Option<Dataset> {
        let path = self.entry_path(content);
        let bytes = std::fs::read(&path).ok()?;
        let dataset = entry::read(&bytes, &self.version, content)?;
        drop(bytes);
        // Marks the entry as used, so that the bound drops others first.
        if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(std::time::SystemTime::now());
        }
        Some(dataset)
    }

    /// The SHA-256 of the content last kept from the file of `stamp`, if any:
    /// where to look for its entry, not a promise that it is the file's.
    pub fn content_of(&self, stamp: &FileStamp) -> Option<String> {
        stamp::read(&self.folder.join(stamp.file_name()))
    }

    /// Notes that the file of `stamp` held content whose SHA-256 is `content`.
    pub fn remember(&self, stamp: &FileStamp, content: &str) -> std::io::Result<()> {
        if !self.keeps || self.content_of(stamp).as_deref() == Some(content) {
            return Ok(());
        }
        std::fs::create_dir_all(&self.folder)?;
        stamp::write(&self.folder.join(stamp.file_name()), content)
    }

    /// Keeps `dataset`, read from a file whose SHA-256 is `content` (and
    /// whose stamp was `stamp`, when known): encodes it now, on all cores,
    /// and writes it on a thread of its own (see [`wait_for_writes`]). A
    /// cache that cannot be written is left as it is.
    pub fn keep(&self, content: &str, dataset: &Dataset, stamp: Option<FileStamp>) {
        if !self.keeps {
            return;
        }
        let Some(encoded) = payload::encode(dataset) else {
            return;
        };
        let cache = self.clone();
        let content = content.to_string();
        WRITES.started();
        let writer = std::thread::Builder::new()
            .name("annals-cache".to_string())
            .spawn(move || {
                if cache.write(&content, &encoded).is_ok()
                    && let Some(stamp) = stamp
                {
                    let _ = cache.remember(&stamp, &content);
                }
                WRITES.ended();
            });
        if writer.is_err() {
            WRITES.ended();
        }
    }

    /// [`Cache::keep`], the entry written before it returns (even by a
    /// cache [`Cache::reading_only`]).
    pub fn keep_now(&self, content: &str, dataset: &Dataset) -> std::io::Result<()> {
        match payload::encode(dataset) {
            Some(encoded) => self.write(content, &encoded),
            None => Ok(()),
        }
    }

    fn write(&self, content: &str, encoded: &payload::Encoded) -> std::io::Result<()> {
        if encoded.len() as u64 > self.limit {
            return Ok(());
        }
        std::fs::create_dir_all(&self.folder)?;
        entry::write(&self.entry_path(content), encoded, &self.version, content)?;
        folder::bound(&self.folder, self.limit)
    }

    /// Removes every entry; how many bytes that freed.
    pub fn clear(&self) -> std::io::Result<u64> {
        folder::clear(&self.folder)
    }
}

/// This program's version as the entries record it: the package version, the
/// binary form's [`FORMAT`], and the size and time of the executable, so that
/// a program built anew never reads what another build wrote.
fn program_version() -> String {
    let build = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|meta| {
            let time = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{time}", meta.len())
        })
        .unwrap_or_default();
    format!(
        "annals {} format {FORMAT} build {build}",
        env!("CARGO_PKG_VERSION")
    )
}

/// The cache the program chose for every opening that names none.
static FOR_PROCESS: OnceLock<Option<Cache>> = OnceLock::new();

/// How many entries are being written, and a signal when one is done.
struct Writes {
    count: Mutex<usize>,
    done: Condvar,
}

impl Writes {
    fn started(&self) {
        if let Ok(mut count) = self.count.lock() {
            *count += 1;
        }
    }

    fn ended(&self) {
        if let Ok(mut count) = self.count.lock() {
            *count = count.saturating_sub(1);
        }
        self.done.notify_all();
    }
}

/// Entries being written, on threads of their own.
static WRITES: Writes = Writes {
    count: Mutex::new(0),
    done: Condvar::new(),
};

/// Sets the cache every opening that names none uses, once, at start: the
/// user's, or none with `--no-cache`. Unset (in tests), openings use none.
pub fn use_for_process(cache: Option<Cache>) {
    let _ = FOR_PROCESS.set(cache);
}

/// The cache set by [`use_for_process`].
pub fn for_process() -> Option<&'static Cache> {
    FOR_PROCESS.get().and_then(Option::as_ref)
}

/// Waits for the entries being written, so that a program about to exit
/// leaves them whole.
///
/// Every caller waits until no entry is being written, whoever started it:
/// two threads that open files at once both find their entries whole.
pub fn wait_for_writes() {
    let Ok(mut count) = WRITES.count.lock() else {
        return;
    };
    while *count > 0 {
        match WRITES.done.wait(count) {
            Ok(next) => count = next,
            Err(_) => return,
        }
    }
}
