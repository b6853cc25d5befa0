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

/// A text behind one pointer, for the fields most events leave empty (a note,
/// an own CAMEO code): `Option<ThinText>` takes 8 bytes of every event where
/// an `Option<Text>` takes 24. It derefs to `&str` and reads and writes as a
/// plain string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThinText(Box<Text>);

impl ThinText {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::ops::Deref for ThinText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for ThinText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for ThinText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for ThinText {
    fn from(text: &str) -> ThinText {
        ThinText(Box::new(Text::from(text)))
    }
}

impl From<String> for ThinText {
    fn from(text: String) -> ThinText {
        ThinText(Box::new(Text::from(text)))
    }
}

impl serde::Serialize for ThinText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ThinText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ThinText, D::Error> {
        Text::deserialize(deserializer).map(|text| ThinText(Box::new(text)))
    }
}
