//! Where a dataset came from: its path as given and the SHA-256 of its bytes,
//! computed while the bytes are read, never by reading the file again.

use std::io::{self, Read, Seek, SeekFrom};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{EMBEDDED_NAME, EMBEDDED_RON};

/// A dataset's path and the SHA-256 of its bytes: for export manifests, to skip
/// reloads that change nothing, and to refuse saving over someone else's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The dataset's path as given, or `embedded:assets/events.ron` for the built-in one.
    pub(crate) path: String,
    /// The SHA-256 of the file's bytes, in lower-case hex.
    pub(crate) sha256: String,
}

impl SourceInfo {
    /// The source of a dataset read from `path` whose bytes were `bytes`.
    pub fn of_bytes(path: &str, bytes: &[u8]) -> SourceInfo {
        SourceInfo::of_digest(path, Sha256::new_with_prefix(bytes))
    }

    /// The source of the embedded curated dataset.
    pub fn embedded() -> SourceInfo {
        SourceInfo::of_bytes(
            &format!("embedded:{EMBEDDED_NAME}"),
            EMBEDDED_RON.as_bytes(),
        )
    }

    /// True for the dataset compiled into the program.
    pub(crate) fn is_embedded(&self) -> bool {
        self.path.starts_with("embedded:")
    }

    pub(crate) fn of_digest(path: &str, hasher: Sha256) -> SourceInfo {
        SourceInfo {
            path: path.to_string(),
            sha256: hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        }
    }
}

/// A reader that hashes the bytes of what it reads, in the order of the file,
/// however the reader above seeks: bytes past the hashed part are hashed once
/// reached in order, and [`HashingReader::finish`] hashes whatever was skipped
/// at the end (a zip archive's directory, say).
pub(crate) struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    position: u64,
    hashed: u64,
}

impl<R: Read + Seek> HashingReader<R> {
    pub fn new(inner: R) -> HashingReader<R> {
        HashingReader {
            inner,
            hasher: Sha256::new(),
            position: 0,
            hashed: 0,
        }
    }

    /// What is read from.
    pub(crate) fn inner(&self) -> &R {
        &self.inner
    }

    /// The reader, and the source of `path` once every byte is hashed,
    /// reading what was not.
    pub(crate) fn finish(mut self, path: &str) -> io::Result<(R, SourceInfo)> {
        self.seek(SeekFrom::Start(self.hashed))?;
        io::copy(&mut self, &mut io::sink())?;
        Ok((self.inner, SourceInfo::of_digest(path, self.hasher)))
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buffer)?;
        let end = self.position + n as u64;
        if self.position <= self.hashed && self.hashed < end {
            let from = usize::try_from(self.hashed - self.position).unwrap_or(n);
            self.hasher.update(&buffer[from..n]);
            self.hashed = end;
        }
        self.position = end;
        Ok(n)
    }
}

impl<R: Seek> Seek for HashingReader<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.position = self.inner.seek(to)?;
        Ok(self.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn reading_with_seeks_hashes_the_bytes_in_file_order() {
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut reader = HashingReader::new(Cursor::new(&bytes));
        // The end first, as a zip reader does, then the start again, then a part twice.
        reader.seek(SeekFrom::End(-100)).unwrap();
        io::copy(&mut reader, &mut io::sink()).unwrap();
        reader.seek(SeekFrom::Start(0)).unwrap();
        let mut head = vec![0; 3000];
        reader.read_exact(&mut head).unwrap();
        reader.seek(SeekFrom::Start(1000)).unwrap();
        reader.read_exact(&mut head).unwrap();
        let (_, source) = reader.finish("f").unwrap();
        assert_eq!(source, SourceInfo::of_bytes("f", &bytes));
    }

    #[test]
    fn the_hash_is_the_sha256_of_the_bytes() {
        let source = SourceInfo::of_bytes("x.ron", b"abc");
        assert_eq!(
            source.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_embedded_source_is_named_as_such() {
        assert!(SourceInfo::embedded().is_embedded());
        assert!(!SourceInfo::of_bytes("a.ron", b"x").is_embedded());
        assert_eq!(SourceInfo::embedded().sha256.len(), 64);
    }
}
