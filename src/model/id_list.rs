//! Short lists of actor or topic ids, packed into one compact string.

use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Text;

/// The ids an event names (its actors, counterparts or topics), packed into
/// one [`Text`], each after its length.
///
/// A list of two or three short ids fits inline and takes no allocation at
/// all, where a `Vec<String>` takes one for the list and one per id: with a
/// million events, that is most of the memory their references took. It
/// reads and writes as a list of strings, and iterates as `&str`.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdList(Text);

/// A length byte below this ends the length; at or above it, more follow.
const MORE: u8 = 0x40;

impl IdList {
    /// An empty list.
    pub fn new() -> IdList {
        IdList::default()
    }

    /// Adds `id` at the end.
    pub(crate) fn push(&mut self, id: &str) {
        let mut digits = [0u8; 11];
        let mut n = id.len();
        let mut at = digits.len() - 1;
        digits[at] = (n & 0x3f) as u8;
        n >>= 6;
        while n > 0 {
            at -= 1;
            digits[at] = MORE | (n & 0x3f) as u8;
            n >>= 6;
        }
        // Every length byte is ASCII, so the text stays UTF-8.
        for &d in &digits[at..] {
            self.0.push(char::from(d));
        }
        self.0.push_str(id);
    }

    /// The ids, in order.
    pub fn iter(&self) -> Ids<'_> {
        Ids { rest: &self.0 }
    }

    /// The number of ids.
    pub(crate) fn len(&self) -> usize {
        self.iter().count()
    }

    /// True when the list names no id.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `id` is in the list.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.iter().any(|i| i == id)
    }

    #[cfg(test)]
    /// The first id.
    pub(crate) fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// The id at `index`.
    pub fn get(&self, index: usize) -> Option<&str> {
        self.iter().nth(index)
    }

    /// The ids joined by `separator`.
    pub(crate) fn join(&self, separator: &str) -> String {
        let mut joined = String::new();
        for (i, id) in self.iter().enumerate() {
            if i > 0 {
                joined.push_str(separator);
            }
            joined.push_str(id);
        }
        joined
    }

    /// The ids as owned strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }

    /// Keeps only the ids for which `keep` is true.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        if self.iter().all(&mut keep) {
            return;
        }
        *self = self.iter().filter(|id| keep(id)).collect();
    }

    /// The packed text: each id after its length.
    pub(crate) fn packed(&self) -> &str {
        &self.0
    }

    /// The list whose packed text ([`IdList::packed`]) is `packed`; `None`
    /// unless it is whole ids to its last byte.
    pub(crate) fn from_packed(packed: Text) -> Option<IdList> {
        let list = IdList(packed);
        let mut ids = list.iter();
        while ids.next().is_some() {}
        ids.rest.is_empty().then_some(list)
    }

    /// Gives back the room a list grown by pushes did not use.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

/// The ids of an [`IdList`], in order.
#[derive(Clone)]
pub struct Ids<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Ids<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let mut len = 0usize;
        let mut at = 0;
        loop {
            let digit = *bytes.get(at)?;
            at += 1;
            len = (len << 6) | usize::from(digit & 0x3f);
            if digit < MORE {
                break;
            }
        }
        // The lengths were written by `push` over whole ids, so both cuts
        // fall on character boundaries; `get` keeps a damaged list from panicking.
        let id = self.rest.get(at..at + len)?;
        self.rest = &self.rest[at + len..];
        Some(id)
    }
}

impl<'a> IntoIterator for &'a IdList {
    type Item = &'a str;
    type IntoIter = Ids<'a>;

    fn into_iter(self) -> Ids<'a> {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for IdList {
    fn from_iter<I: IntoIterator<Item = S>>(ids: I) -> IdList {
        let mut list = IdList::new();
        list.extend(ids);
        list.shrink_to_fit();
        list
    }
}

impl<S: AsRef<str>> Extend<S> for IdList {
    fn extend<I: IntoIterator<Item = S>>(&mut self, ids: I) {
        for id in ids {
            self.push(id.as_ref());
        }
    }
}

impl From<Vec<String>> for IdList {
    fn from(ids: Vec<String>) -> IdList {
        ids.iter().collect()
    }
}

impl<const N: usize> From<[&str; N]> for IdList {
    fn from(ids: [&str; N]) -> IdList {
        ids.iter().collect()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for IdList {
    fn eq(&self, other: &[S]) -> bool {
        self.iter().eq(other.iter().map(AsRef::as_ref))
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for IdList {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for IdList {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl fmt::Debug for IdList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for IdList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for id in self {
            seq.serialize_element(id)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for IdList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IdList, D::Error> {
        struct ListVisitor;

        impl<'de> Visitor<'de> for ListVisitor {
            type Value = IdList;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<IdList, A::Error> {
                let mut list = IdList::new();
                while let Some(id) = seq.next_element::<Text>()? {
                    list.push(&id);
                }
                list.shrink_to_fit();
                Ok(list)
            }
        }

        deserializer.deserialize_seq(ListVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::IdList;

    #[test]
    fn keeps_ids_of_any_length_and_content_in_order() {
        let long = "x".repeat(5000);
        let ids = [
            "IRN",
            "",
            "tjk-head-3",
            "Dušanbe, \"a\" ✓",
            long.as_str(),
            "\u{0}",
        ];
        let list: IdList = ids.iter().collect();
        assert_eq!(list.iter().collect::<Vec<_>>(), ids);
        assert_eq!(list.len(), 6);
        assert!(list.contains("tjk-head-3") && !list.contains("tjk"));
        assert_eq!(list.get(4), Some(long.as_str()));
    }

    #[test]
    fn reads_and_writes_as_a_list_of_strings() {
        let list: IdList = ron::from_str(r#"["IRN", "TJK"]"#).unwrap();
        assert_eq!(list, ["IRN", "TJK"]);
        assert_eq!(ron::to_string(&list).unwrap(), r#"["IRN","TJK"]"#);
        assert_eq!(format!("{list:?}"), r#"["IRN", "TJK"]"#);
    }

    #[test]
    fn retain_drops_only_the_rejected() {
        let mut list = IdList::from(["a", "b", "c"]);
        list.retain(|id| id != "b");
        assert_eq!(list, ["a", "c"]);
    }
}
