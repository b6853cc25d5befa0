//! Compact text for the many small strings of a large dataset.

/// A string kept inline, without an allocation, up to 24 bytes: ids, dates,
/// places and publishers mostly are. Longer ones live on the heap as a
/// `String` would. It derefs to `&str`, compares with `&str` and `String`,
/// and reads and writes as a plain string.
pub(crate) type Text = compact_str::CompactString;
