//! Opening an Annals dataset through the cache of parsed datasets: the kept
//! dataset when the cache has one for the file's bytes, else the parsed one,
//! which is then kept.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::Opened;
use super::open::unreadable;
use crate::cache::{Cache, FileStamp};
use crate::dataset::{self, Control, DatasetError, HashingReader, SourceInfo};

/// The file is hashed in blocks of this size, so that a cancel is noticed.
const HASH_BLOCK: usize = 4 * 1024 * 1024;

/// The dataset kept in `cache` for the file at `path`, found by its `stamp`
/// and read while the file's bytes are hashed: handed over only when they
/// hash to the content it was kept for. `None` when there is none, when the
/// file's bytes are other, or when stopped.
pub(super) fn open_kept(
    path: &Path,
    stamp: &FileStamp,
    cache: &Cache,
    control: &Control,
) -> Option<Opened> {
    let content = cache.content_of(stamp)?;
    if !cache.has(&content) {
        return None;
    }
    let (source, dataset) = rayon::join(|| hash_file(path, control), || cache.find(&content));
    let source = source.filter(|source| source.sha256 == content)?;
    Some(Opened::of_ron(dataset?, source))
}

/// The source of the file at `path`, its bytes hashed in blocks; `None` when
/// it cannot be read or when stopped.
fn hash_file(path: &Path, control: &Control) -> Option<SourceInfo> {
    let file = File::open(path).ok()?;
    control
        .size
        .store(file.metadata().map_or(0, |m| m.len()), Ordering::Relaxed);
    let mut reader = HashingReader::new(file);
    let mut block = vec![0; HASH_BLOCK];
    loop {
        if control.cancel.load(Ordering::Relaxed) {
            return None;
        }
        match reader.read(&mut block) {
            Ok(0) => break,
            Ok(n) => {
                control.read.fetch_add(n as u64, Ordering::Relaxed);
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    let (_, source) = reader.finish(&path.display().to_string()).ok()?;
    Some(source)
}

/// The dataset in the RON file `read` from `path`: the one `cache` kept for
/// these bytes if it has a whole one, else the parsed one, then kept there.
pub(super) fn open_ron(
    path: &Path,
    read: dataset::ReadFile,
    cache: &Cache,
    stamp: Option<FileStamp>,
    control: &Control,
) -> Option<Result<Opened, DatasetError>> {
    if !cache.has(&read.source.sha256) {
        return parse_and_keep(path, read, cache, stamp, control);
    }
    let source = read.source.clone();
    // The text is let go before the kept dataset is read.
    drop(read);
    if let Some(dataset) = cache.find(&source.sha256) {
        if let Some(stamp) = &stamp {
            let _ = cache.remember(stamp, &source.sha256);
        }
        return Some(Ok(Opened::of_ron(dataset, source)));
    }
    // An entry that cannot be trusted: read the file again and keep it anew.
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return Some(Err(unreadable(path, error))),
    };
    match dataset::read_file(HashingReader::new(file), path, control)? {
        Ok(read) => parse_and_keep(path, read, cache, stamp, control),
        Err(error) => Some(Err(error)),
    }
}

/// Parses the RON file `read` from `path`, keeping the dataset in `cache`.
fn parse_and_keep(
    path: &Path,
    read: dataset::ReadFile,
    cache: &Cache,
    stamp: Option<FileStamp>,
    control: &Control,
) -> Option<Result<Opened, DatasetError>> {
    let parsed = dataset::parse_read_file(path, read, control)?;
    Some(parsed.map(|(dataset, source)| {
        cache.keep(&source.sha256, &dataset, stamp);
        Opened::of_ron(dataset, source)
    }))
}
