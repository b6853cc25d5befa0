//! The binary serde format of the cache: postcard, whose varint encoding is
//! compact and which reads strings in place, without a copy.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Appends `value` in the cache's binary form to `out`.
pub(super) fn write_into(value: &impl Serialize, out: &mut Vec<u8>) -> Option<()> {
    postcard::to_io(value, out).ok().map(|_| ())
}

/// `value` in the cache's binary form.
pub(super) fn to_vec(value: &impl Serialize) -> Option<Vec<u8>> {
    postcard::to_stdvec(value).ok()
}

/// The value at the start of `bytes`, and the bytes after it.
pub(super) fn take_from<T: DeserializeOwned>(bytes: &[u8]) -> Option<(T, &[u8])> {
    postcard::take_from_bytes(bytes).ok()
}

/// The value that `bytes` hold, to the last byte.
pub(super) fn from_exactly<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let (value, rest) = take_from(bytes)?;
    rest.is_empty().then_some(value)
}
