//! Opening an event-data file as a stream of bytes, whether it is plain text,
//! gzip (`.gz`) or a zip archive (GDELT's `YYYYMMDDHHMMSS.export.CSV.zip`): the
//! kind is told from the first bytes, not the name.

use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

/// How the bytes of a file are packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Packing {
    /// Text as it is.
    Plain,
    /// A gzip stream.
    Gzip,
    /// A zip archive; its first file is read.
    Zip,
}

/// The packing of a file whose first bytes are `head`.
pub(crate) fn packing_of(head: &[u8]) -> Packing {
    if head.starts_with(&[0x1f, 0x8b]) {
        Packing::Gzip
    } else if head.starts_with(b"PK\x03\x04") {
        Packing::Zip
    } else {
        Packing::Plain
    }
}

/// Hands the unpacked text of `input` (plain, gzip or zip, told from its first
/// bytes) to `read` as a buffered stream. A zip entry borrows its archive,
/// hence a callback rather than a returned reader.
pub(crate) fn unpack<R: Read + Seek, T>(
    mut input: R,
    read: impl FnOnce(&mut dyn BufRead) -> T,
) -> io::Result<T> {
    const BUFFER: usize = 256 * 1024;
    let mut head = [0u8; 4];
    let filled = read_up_to(&mut input, &mut head)?;
    input.seek(SeekFrom::Start(0))?;
    Ok(match packing_of(&head[..filled]) {
        Packing::Plain => read(&mut BufReader::with_capacity(BUFFER, input)),
        Packing::Gzip => read(&mut BufReader::with_capacity(
            BUFFER,
            flate2::read::MultiGzDecoder::new(BufReader::new(input)),
        )),
        Packing::Zip => {
            let mut archive = zip::ZipArchive::new(BufReader::new(input)).map_err(zip_error)?;
            let index = (0..archive.len())
                .find(|&i| archive.by_index(i).is_ok_and(|entry| entry.is_file()))
                .ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidData, "the zip archive holds no file")
                })?;
            let entry = archive.by_index(index).map_err(zip_error)?;
            read(&mut BufReader::with_capacity(BUFFER, entry))
        }
    })
}

/// The first line of the unpacked text of `input` (without its line end), for
/// telling formats apart; at most 64 KiB are read.
pub(crate) fn first_line<R: Read + Seek>(input: R) -> io::Result<String> {
    unpack(input, |text| {
        let mut line = Vec::new();
        text.take(64 * 1024).read_until(b'\n', &mut line)?;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        Ok(String::from_utf8_lossy(&line).into_owned())
    })?
}

fn read_up_to(file: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

fn zip_error(error: zip::result::ZipError) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("not a readable zip archive: {error}"),
    )
}
