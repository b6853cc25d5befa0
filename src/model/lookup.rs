//! Finding actors and topics by id without scanning: a map from id to
//! position, built on first use and checked on every use.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// An id → position map over a list, built the first time it is asked.
///
/// It is a cache, not data: clones start empty, and it never makes two
/// datasets unequal. A position is checked against the list before it is
/// trusted, and a miss falls back to a scan, so a list changed after the map
/// was built still gives the right answer.
#[derive(Default)]
pub struct IdLookup(OnceLock<HashMap<String, u32>>);

impl IdLookup {
    /// The item of `items` whose `id_of` is `id`.
    pub(crate) fn find<'a, T>(
        &self,
        items: &'a [T],
        id: &str,
        id_of: impl Fn(&T) -> &str,
    ) -> Option<&'a T> {
        let map = self.0.get_or_init(|| {
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (id_of(item).to_string(), i as u32))
                .collect()
        });
        map.get(id)
            .and_then(|&i| items.get(i as usize))
            .filter(|item| id_of(item) == id)
            .or_else(|| items.iter().find(|item| id_of(item) == id))
    }
}

impl Clone for IdLookup {
    fn clone(&self) -> Self {
        IdLookup::default()
    }
}

impl PartialEq for IdLookup {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for IdLookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IdLookup")
    }
}

#[cfg(test)]
mod tests {
    use super::IdLookup;

    #[test]
    fn finds_by_id_and_stays_right_when_the_list_changes() {
        let lookup = IdLookup::default();
        let mut items = vec!["IRN".to_string(), "TJK".to_string()];
        assert_eq!(
            lookup.find(&items, "TJK", |s| s).map(String::as_str),
            Some("TJK")
        );
        assert_eq!(lookup.find(&items, "AFG", |s| s), None);
        items.insert(0, "AFG".to_string());
        assert_eq!(
            lookup.find(&items, "TJK", |s| s).map(String::as_str),
            Some("TJK")
        );
        assert_eq!(
            lookup.find(&items, "AFG", |s| s).map(String::as_str),
            Some("AFG")
        );
    }
}
