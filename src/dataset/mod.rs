//! Reading and writing datasets in the RON format, with every problem
//! reported as `FILE:LINE:COL: message`. Opening a file of any format, RON
//! included, is the importer's entry point, which builds on this one.

mod chunked;
mod locate;
pub mod preserve;
pub mod rules;
mod source;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use crate::model::Dataset;
pub(crate) use chunked::Control;
pub use locate::LineCol;
pub(crate) use source::HashingReader;
pub use source::SourceInfo;
pub(crate) use validate::closest;

/// The curated Iran–Tajikistan dataset, compiled into the program.
pub const EMBEDDED_RON: &str = include_str!("../../assets/events.ron");

/// The name under which the embedded dataset's problems would be reported.
pub const EMBEDDED_NAME: &str = "assets/events.ron";

/// At most this many problems are listed for one file.
pub const MAX_PROBLEMS: usize = 100;

/// How deep RON values may nest before the file is refused.
const RECURSION_LIMIT: usize = 64;

/// One thing wrong with a dataset file, at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, when the place is known.
    pub at: Option<LineCol>,
    /// What is wrong, naming the item's id where there is one.
    pub message: String,
}

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The file could not be read at all.
    #[error("{}: cannot read the file: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file was read but is not a valid dataset.
    #[error("{}", Problems { name, problems, omitted: *omitted })]
    Invalid {
        /// The file name as given, used as the prefix of every line.
        name: String,
        /// The problems, in the order of the file.
        problems: Vec<Problem>,
        /// How many more problems there were beyond [`MAX_PROBLEMS`].
        omitted: usize,
    },
}

impl DatasetError {
    /// Each problem as one `FILE:LINE:COL: message` line.
    pub fn lines(&self) -> Vec<String> {
        self.to_string().lines().map(str::to_string).collect()
    }
}

struct Problems<'a> {
    name: &'a str,
    problems: &'a [Problem],
    omitted: usize,
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match problem.at {
                Some(at) => write!(
                    f,
                    "{}:{}:{}: {}",
                    self.name, at.line, at.col, problem.message
                )?,
                None => write!(f, "{}: {}", self.name, problem.message)?,
            }
        }
        if self.omitted > 0 {
            write!(f, "\n{}: ... and {} more problems", self.name, self.omitted)?;
        }
        Ok(())
    }
}

/// Files are read in blocks of this size, so that progress moves and a
/// cancel is noticed while reading.
const READ_BLOCK: usize = 4 * 1024 * 1024;

/// A file read whole in blocks, kept open so that a large dataset's events
/// can be read again from it run by run.
pub(crate) struct ReadFile {
    file: std::fs::File,
    stamp: Option<FileStamp>,
    /// The file's bytes.
    pub(crate) bytes: Vec<u8>,
    /// The file's path and the SHA-256 of its bytes.
    pub(crate) source: SourceInfo,
}

/// The size and modification time of a file, to notice a change while it is read.
type FileStamp = (u64, Option<std::time::SystemTime>);

fn stamp(file: &std::fs::File) -> Option<FileStamp> {
    file.metadata().ok().map(|m| (m.len(), m.modified().ok()))
}

/// Reads the whole file that `reader` opened at `path`, from its start, in
/// blocks, hashing it as it goes; watched and stoppable through `control`,
/// `None` when stopped.
pub(crate) fn read_file(
    mut reader: HashingReader<std::fs::File>,
    path: &Path,
    control: &Control,
) -> Option<Result<ReadFile, DatasetError>> {
    let unreadable = |source| DatasetError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let stamp = stamp(reader.inner());
    let bytes = match read_blocks(&mut reader, control) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return None,
        Err(source) => return Some(Err(unreadable(source))),
    };
    let (file, source) = match reader.finish(&path.display().to_string()) {
        Ok(finished) => finished,
        Err(source) => return Some(Err(unreadable(source))),
    };
    Some(Ok(ReadFile {
        file,
        stamp,
        bytes,
        source,
    }))
}

/// Checks the dataset in a file read by [`read_file`]; `None` when stopped.
///
/// For a large file, the whole text is held only while its events are
/// located; it is then let go, and each run of events is read again from
/// the file when its turn comes, so that the text and the full dataset are
/// never in memory together.
pub(crate) fn parse_read_file(
    path: &Path,
    read: ReadFile,
    control: &Control,
) -> Option<Result<(Dataset, SourceInfo), DatasetError>> {
    let ReadFile {
        file,
        stamp: before,
        bytes,
        source,
    } = read;
    let name = path.display().to_string();
    let plain = !bytes.starts_with(b"\xEF\xBB\xBF")
        && !looks_binary(&bytes)
        && !bytes.iter().all(u8::is_ascii_whitespace);
    let text = match (plain, String::from_utf8(bytes)) {
        (true, Ok(text)) => text,
        (_, Ok(text)) => {
            return with(
                source,
                parse_bytes_controlled(&name, text.as_bytes(), control),
            );
        }
        (_, Err(error)) => {
            return with(
                source,
                parse_bytes_controlled(&name, error.as_bytes(), control),
            );
        }
    };
    let Some(layout) = chunked::scan(&text) else {
        return with(source, Some(parse_str_sequential(&name, &text)));
    };
    let head = chunked::head_text(&text, &layout);
    drop(text);
    let file = std::sync::Mutex::new(file);
    let run_text = |range: std::ops::Range<usize>| {
        use std::io::{Read, Seek, SeekFrom};
        let mut bytes = vec![0; range.len()];
        let mut file = file.lock().ok()?;
        file.seek(SeekFrom::Start(range.start as u64)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        drop(file);
        let run = std::str::from_utf8(&bytes).ok()?;
        Some(format!("[{run}]"))
    };
    let outcome = chunked::parse_runs(&head, &layout, &run_text, control);
    let unchanged = file
        .lock()
        .ok()
        .is_some_and(|file| before.is_some() && stamp(&file) == before);
    match outcome {
        Ok(dataset) if unchanged => Some(Ok((dataset, source))),
        Err(chunked::Stop::Cancelled) => None,
        // A problem, or a file that changed while it was read: read it whole
        // again, to report every problem at its place in what is there now.
        _ => read_and_parse(path, control),
    }
}

/// The outcome of parsing, with the source of the bytes parsed.
fn with(
    source: SourceInfo,
    parsed: Option<Result<Dataset, DatasetError>>,
) -> Option<Result<(Dataset, SourceInfo), DatasetError>> {
    parsed.map(|parsed| parsed.map(|dataset| (dataset, source)))
}

/// Reads the whole file and parses it from memory; `None` when stopped.
fn read_and_parse(
    path: &Path,
    control: &Control,
) -> Option<Result<(Dataset, SourceInfo), DatasetError>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(source) => {
            let path = path.to_path_buf();
            return Some(Err(DatasetError::Unreadable { path, source }));
        }
    };
    let name = path.display().to_string();
    let source = SourceInfo::of_bytes(&name, &bytes);
    with(source, parse_bytes_controlled(&name, &bytes, control))
}

/// The bytes of the file `reader` reads, from its start, in blocks; `None` when cancelled.
fn read_blocks(
    reader: &mut HashingReader<std::fs::File>,
    control: &Control,
) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::{Read, Seek};
    use std::sync::atomic::Ordering;
    let size = reader.inner().metadata().map(|m| m.len()).unwrap_or(0);
    reader.seek(std::io::SeekFrom::Start(0))?;
    control.size.store(size, Ordering::Relaxed);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut block = vec![0; READ_BLOCK];
    loop {
        if control.cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        match reader.read(&mut block) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&block[..n]);
                control.read.fetch_add(n as u64, Ordering::Relaxed);
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    control
        .size
        .store(bytes.len().max(1) as u64, Ordering::Relaxed);
    Ok(Some(bytes))
}

/// The embedded curated dataset.
pub fn embedded() -> Dataset {
    match parse_str(EMBEDDED_NAME, EMBEDDED_RON) {
        Ok(dataset) => dataset,
        Err(error) => panic!("the embedded dataset is invalid:\n{error}"),
    }
}

/// Checks the bytes of a dataset file; `name` prefixes every problem.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Dataset, DatasetError> {
    let control = chunked::Control::default();
    parse_bytes_controlled(name, bytes, &control)
        .unwrap_or_else(|| parse_bytes_sequential(name, bytes))
}

/// [`parse_bytes`], watched and stoppable through `control`; `None` when stopped.
fn parse_bytes_controlled(
    name: &str,
    bytes: &[u8],
    control: &chunked::Control,
) -> Option<Result<Dataset, DatasetError>> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(text) {
        Ok(text) => parse_str_controlled(name, text, control),
        Err(_) => Some(parse_bytes_sequential(name, bytes)),
    }
}

/// Checks the bytes of a dataset file in one thread; the reference that
/// [`parse_bytes`] matches.
fn parse_bytes_sequential(name: &str, bytes: &[u8]) -> Result<Dataset, DatasetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str_sequential(name, text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let message = if looks_binary(bytes) {
                "this is not a text file; a dataset is RON text that starts with Dataset("
            } else {
                "the file is not UTF-8 text; save it as UTF-8"
            };
            Err(single(
                name,
                Some(LineCol::of_offset(&text, text.len())),
                message,
            ))
        }
    }
}

/// Checks the text of a dataset; `name` prefixes every problem.
///
/// The events are read and checked in parallel; the result and the problems
/// reported are those of [`parse_str_sequential`].
pub fn parse_str(name: &str, text: &str) -> Result<Dataset, DatasetError> {
    let control = chunked::Control::default();
    parse_str_controlled(name, text, &control).unwrap_or_else(|| parse_str_sequential(name, text))
}

/// [`parse_str`], watched and stoppable through `control`; `None` when stopped.
fn parse_str_controlled(
    name: &str,
    text: &str,
    control: &chunked::Control,
) -> Option<Result<Dataset, DatasetError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() || looks_binary(text.as_bytes()) {
        return Some(parse_str_sequential(name, text));
    }
    match chunked::parse(text, control) {
        Ok(dataset) => Some(Ok(dataset)),
        Err(chunked::Stop::Cancelled) => None,
        Err(chunked::Stop::Unusual) => Some(parse_str_sequential(name, text)),
        Err(chunked::Stop::Invalid(findings)) => Some(Err(located(name, text, findings))),
    }
}

/// Checks the text of a dataset in one thread: the reference reader, which
/// [`parse_str`] falls back to for anything but the plain shape of a dataset.
pub fn parse_str_sequential(name: &str, text: &str) -> Result<Dataset, DatasetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(single(
            name,
            None,
            "the file is empty; a dataset starts with Dataset(title: \"...\", ...)",
        ));
    }
    if looks_binary(text.as_bytes()) {
        return Err(single(
            name,
            None,
            "this is not a text file; a dataset is RON text that starts with Dataset(",
        ));
    }
    let raw: Dataset<String> = ron_options().from_str(text).map_err(|error| {
        let at = LineCol {
            line: error.span.start.line,
            col: error.span.start.col,
        };
        let end = LineCol::of_offset(text, text.trim_end().len());
        let message = describe_ron_error(&error.code);
        let reached = LineCol {
            line: error.span.end.line,
            col: error.span.end.col,
        };
        if reached >= end && !matches!(error.code, ron::Error::Eof) {
            single(
                name,
                Some(at),
                &format!("the file ends too early ({message}): is it cut short?"),
            )
        } else {
            single(name, Some(at), &message)
        }
    })?;
    validate::validate(raw).map_err(|findings| located(name, text, findings))
}

/// The error for problems found after parsing, each at its line in `text`.
fn located(name: &str, text: &str, findings: Vec<validate::Finding>) -> DatasetError {
    let locator = locate::Locator::new(text);
    let omitted = findings.len().saturating_sub(MAX_PROBLEMS);
    let mut problems: Vec<Problem> = findings
        .into_iter()
        .map(|f| Problem {
            at: locator
                .find(&f.path)
                .map(|offset| LineCol::of_offset(text, offset)),
            message: f.message,
        })
        .collect();
    problems.sort_by_key(|p| p.at);
    problems.truncate(MAX_PROBLEMS);
    DatasetError::Invalid {
        name: name.to_string(),
        problems,
        omitted,
    }
}

/// Writes a dataset as pretty RON in the same shape that [`parse_str`] reads.
pub fn to_ron_string(dataset: &Dataset) -> String {
    // Serializing plain strings, vectors and enums into a String cannot fail.
    let text = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .to_string_pretty(dataset, pretty_config())
        .unwrap_or_else(|e| unreachable!("a dataset always serializes: {e}"));
    plain_apostrophes(&text)
}

/// RON text as the serializer writes it, with `\'` inside strings written as a
/// plain `'` the way curators type it (`"Iran's"`, not `"Iran\'s"`); every
/// other escape is kept.
pub(crate) fn plain_apostrophes(text: &str) -> String {
    if !text.contains("\\'") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push('\''),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Streams a dataset as RON to `out`, one actor, topic or event per line:
/// the compact shape for large files, read by [`parse_str`] like any other.
pub fn write_ron(dataset: &Dataset, out: impl std::io::Write) -> std::io::Result<()> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .to_io_writer_pretty(out, dataset, pretty_config().depth_limit(2))
        .map_err(|e| match e {
            ron::Error::Io(message) => std::io::Error::other(message),
            other => std::io::Error::other(other.to_string()),
        })
}

fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .extensions(Extensions::IMPLICIT_SOME)
        .indentor("    ".to_string())
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

fn single(name: &str, at: Option<LineCol>, message: &str) -> DatasetError {
    DatasetError::Invalid {
        name: name.to_string(),
        problems: vec![Problem {
            at,
            message: message.to_string(),
        }],
        omitted: 0,
    }
}

/// True when the first 4 KiB hold control bytes no text file has (a binary
/// file); the rule for RON and for every imported text format.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    sample
        .iter()
        .any(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')))
}

/// A reader's message for a RON error, with a suggestion for misspelt names.
fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}{}; expected one of {}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            did_you_mean(found, expected),
            list(expected)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown {} `{found}`{}; expected one of {}",
            match outer.as_deref() {
                Some("EventKind") => "event kind".to_string(),
                Some("ActorKind") => "actor kind".to_string(),
                Some(o) => format!("variant of {o}"),
                None => "variant".to_string(),
            },
            did_you_mean(found, expected),
            list(expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "missing required field `{field}`{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        E::DuplicateStructField { field, outer } => format!(
            "field `{field}` is given twice{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected {expected}(...) here, found {found}(...)")
        }
        E::Eof => "the file ends too early: a bracket or parenthesis is not closed".to_string(),
        E::ExceededRecursionLimit => {
            format!("values are nested too deeply (more than {RECURSION_LIMIT} levels)")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

fn did_you_mean(found: &str, expected: &[&str]) -> String {
    closest(found, expected.iter().copied())
        .map(|best| format!(" (did you mean `{best}`?)"))
        .unwrap_or_default()
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::plain_apostrophes;

    #[test]
    fn apostrophes_are_written_plain_and_other_escapes_kept() {
        assert_eq!(plain_apostrophes(r#""Iran\'s""#), r#""Iran's""#);
        assert_eq!(plain_apostrophes(r#""a\\'b""#), r#""a\\'b""#);
        assert_eq!(plain_apostrophes(r#""x\n\"y\"""#), r#""x\n\"y\"""#);
    }
}
