//! A set of event positions as a bit vector, for combining facets quickly.

use rayon::prelude::*;

use crate::index::EventIdx;

/// A set of events of one dataset, one bit per event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSet {
    words: Vec<u64>,
    universe: usize,
}

impl EventSet {
    /// No event of a dataset of `universe` events.
    pub fn none(universe: usize) -> EventSet {
        EventSet {
            words: vec![0; universe.div_ceil(64)],
            universe,
        }
    }

    /// Every event of a dataset of `universe` events.
    pub fn all(universe: usize) -> EventSet {
        let mut set = EventSet {
            words: vec![u64::MAX; universe.div_ceil(64)],
            universe,
        };
        set.clear_tail();
        set
    }

    /// A set built from its 64-bit words (bit `i` of word `w` is event `64 * w + i`).
    pub(crate) fn from_words(words: Vec<u64>, universe: usize) -> EventSet {
        let mut set = EventSet { words, universe };
        set.clear_tail();
        set
    }

    fn clear_tail(&mut self) {
        let rest = self.universe % 64;
        if rest != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << rest) - 1;
        }
    }

    /// Adds an event.
    pub(crate) fn insert(&mut self, event: EventIdx) {
        let i = event as usize;
        if i < self.universe {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    /// Adds every event of a list.
    pub fn insert_all(&mut self, events: &[EventIdx]) {
        for &e in events {
            self.insert(e);
        }
    }

    /// True when the event is in the set.
    pub(crate) fn contains(&self, event: EventIdx) -> bool {
        let i = event as usize;
        i < self.universe && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// The number of events in the set.
    pub(crate) fn universe(&self) -> usize {
        self.universe
    }

    /// How many events are in the set.
    pub(crate) fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keeps only the events that are also in `other`.
    pub(crate) fn intersect_with(&mut self, other: &EventSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the events of `other`.
    pub(crate) fn union_with(&mut self, other: &EventSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// The 64-bit words of the set.
    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }

    /// Counts into `slots` slots on all cores, `add` adding one event's counts.
    pub(crate) fn count_per_slot(
        &self,
        slots: usize,
        add: impl Fn(usize, &mut [u32]) + Sync,
    ) -> Vec<u32> {
        const WORDS_PER_TASK: usize = 1024;
        self.words
            .par_chunks(WORDS_PER_TASK)
            .enumerate()
            .fold(
                || vec![0u32; slots],
                |mut counts, (chunk, words)| {
                    for (w, &word) in words.iter().enumerate() {
                        let base = (chunk * WORDS_PER_TASK + w) * 64;
                        for bit in BitIter(word) {
                            add(base + bit, &mut counts);
                        }
                    }
                    counts
                },
            )
            .reduce(
                || vec![0u32; slots],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x += y;
                    }
                    a
                },
            )
    }

    /// The events in the set, by position in the dataset.
    pub fn iter(&self) -> impl Iterator<Item = EventIdx> + '_ {
        self.words
            .iter()
            .enumerate()
            .flat_map(|(w, &word)| BitIter(word).map(move |bit| (w * 64 + bit) as EventIdx))
    }
}

/// The positions of the set bits of a word, lowest first.
pub(crate) struct BitIter(pub(crate) u64);

impl Iterator for BitIter {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

#[cfg(test)]
mod tests {
    use super::EventSet;

    #[test]
    fn all_has_exactly_the_universe() {
        let set = EventSet::all(130);
        assert_eq!(set.len(), 130);
        assert!(set.contains(129));
        assert!(!set.contains(130));
        assert_eq!(set.iter().last(), Some(129));
    }

    #[test]
    fn intersection_and_union() {
        let mut a = EventSet::none(100);
        a.insert_all(&[1, 5, 70]);
        let mut b = EventSet::none(100);
        b.insert_all(&[5, 70, 99]);
        let mut both = a.clone();
        both.intersect_with(&b);
        assert_eq!(both.iter().collect::<Vec<_>>(), vec![5, 70]);
        a.union_with(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![1, 5, 70, 99]);
    }
}
