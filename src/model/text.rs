//! Compact text for the many small strings of a large dataset.

/// A string kept inline, without an allocation, up to 24 bytes: ids, dates,
/// places and publishers mostly are. Longer ones live on the heap as a
/// `String` would. It derefs to `&str`, compares with `&str` and `String`,
/// and reads and writes as a plain string.
pub(crate) type Text = compact_str::CompactString;

/// The first sixteen bytes of `text` as a number that orders as the text does
/// (a shorter text padded with zeros, which sorts first as it does): sorting by
/// it reads the texts themselves only where they share those bytes.
pub(crate) fn leading_bytes(text: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = text.len().min(16);
    bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}
