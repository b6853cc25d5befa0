//! Flat tables that the query and counting indexes are built from: lists of
//! small integers per event, and names interned to those integers.

use std::sync::Arc;

/// Lists of values per event, stored flat: the values of event `e` are
/// `values[offsets[e]..offsets[e + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct PerEvent {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl PerEvent {
    /// Room for `events` events of about two values each.
    pub(crate) fn with_capacity(events: usize) -> PerEvent {
        let mut offsets = Vec::with_capacity(events + 1);
        offsets.push(0);
        PerEvent {
            offsets,
            values: Vec::with_capacity(events * 2),
        }
    }

    /// Appends the next event's values.
    pub(crate) fn push(&mut self, values: &[u32]) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.values.extend_from_slice(values);
        self.offsets.push(self.values.len() as u32);
    }

    /// Appends the next event's values, each once.
    pub(crate) fn push_distinct(&mut self, values: impl IntoIterator<Item = u32>) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let start = self.values.len();
        for value in values {
            if !self.values[start..].contains(&value) {
                self.values.push(value);
            }
        }
        self.offsets.push(self.values.len() as u32);
    }

    /// Puts `values` in place of one event's values.
    pub(crate) fn replace(&mut self, event: usize, values: &[u32]) {
        let (start, end) = (
            self.offsets[event] as usize,
            self.offsets[event + 1] as usize,
        );
        self.values.splice(start..end, values.iter().copied());
        let grown = values.len() as i64 - (end - start) as i64;
        if grown == 0 {
            return;
        }
        for offset in &mut self.offsets[event + 1..] {
            *offset = (i64::from(*offset) + grown) as u32;
        }
    }

    /// Takes one event out: the events after it move down by one.
    pub(crate) fn remove(&mut self, event: usize) {
        self.replace(event, &[]);
        self.offsets.remove(event + 1);
    }

    /// Gives back the room that growing by pushes left unused.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.values.shrink_to_fit();
    }

    /// The values of one event.
    pub(crate) fn of(&self, event: usize) -> &[u32] {
        &self.values[self.offsets[event] as usize..self.offsets[event + 1] as usize]
    }
}

/// Interned names: a position for each distinct string. Looked up millions of
/// times while indexing, so hashed with foldhash rather than the default SipHash.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    /// The distinct names, by position.
    pub(crate) names: Vec<String>,
    /// The position of each name, shared with the facet counts read by name
    /// (copied only when a name is added while they hold it).
    positions: Arc<Positions>,
}

/// The position of each interned name.
pub(crate) type Positions = foldhash::HashMap<String, u32>;

impl Names {
    /// `names` interned in their order.
    pub(crate) fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Names {
        let mut interned = Names::default();
        for name in names {
            interned.intern(name);
        }
        interned
    }

    /// The position of `name`, given a new one if it is new.
    pub(crate) fn intern(&mut self, name: &str) -> u32 {
        if let Some(&p) = self.positions.get(name) {
            return p;
        }
        let p = self.names.len() as u32;
        self.names.push(name.to_string());
        Arc::make_mut(&mut self.positions).insert(name.to_string(), p);
        p
    }

    /// The position of `name`, if it was interned.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.positions.get(name).copied()
    }

    /// The position of each name, shared.
    pub(crate) fn positions(&self) -> Arc<Positions> {
        Arc::clone(&self.positions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_event_keeps_its_own_values_and_distinct_ones_once() {
        let mut lists = PerEvent::with_capacity(3);
        lists.push(&[4, 4]);
        lists.push_distinct([7, 2, 7]);
        lists.push(&[]);
        assert_eq!(lists.of(0), [4, 4]);
        assert_eq!(lists.of(1), [7, 2]);
        assert!(lists.of(2).is_empty());
        let mut from_default = PerEvent::default();
        from_default.push_distinct([1, 1]);
        assert_eq!(from_default.of(0), [1]);
    }

    #[test]
    fn an_event_replaced_or_removed_leaves_the_others_as_they_were() {
        let mut lists = PerEvent::with_capacity(3);
        lists.push(&[1, 2]);
        lists.push(&[3]);
        lists.push(&[4, 5]);
        lists.replace(1, &[6, 7, 8]);
        assert_eq!(lists.of(0), [1, 2]);
        assert_eq!(lists.of(1), [6, 7, 8]);
        assert_eq!(lists.of(2), [4, 5]);
        lists.replace(0, &[]);
        assert!(lists.of(0).is_empty());
        assert_eq!(lists.of(2), [4, 5]);
        lists.remove(1);
        assert!(lists.of(0).is_empty());
        assert_eq!(lists.of(1), [4, 5]);
    }

    #[test]
    fn a_name_keeps_its_first_position() {
        let mut names = Names::default();
        assert_eq!(names.intern("IRN"), 0);
        assert_eq!(names.intern("TJK"), 1);
        assert_eq!(names.intern("IRN"), 0);
        assert_eq!(names.get("TJK"), Some(1));
        assert_eq!(names.get("AFG"), None);
        assert_eq!(names.names, ["IRN", "TJK"]);
    }
}
