//! Who deals with whom: the selected events counted per pair of an actor on
//! the initiating side and an actor on the receiving side.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::count_index::CountIndex;
use crate::model::EventKind;
use crate::query::EventSet;

/// The label of the row and column that gather every actor beyond the top ones.
pub const OTHERS: &str = "others";

/// How many events of one pair, and of which kinds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PairCount {
    /// The events.
    pub(crate) count: u32,
    /// The events of each kind (slug), most frequent first.
    pub(crate) kinds: Vec<(String, u32)>,
}

impl PairCount {
    pub(super) fn add_kind(&mut self, slug: &str, count: u32) {
        self.count += count;
        match self.kinds.iter_mut().find(|(k, _)| k == slug) {
            Some((_, c)) => *c += count,
            None => self.kinds.push((slug.to_string(), count)),
        }
    }

    pub(super) fn sort_kinds(&mut self) {
        self.kinds
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
}

/// One pair of actors with its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// The actor on the initiating side.
    pub(crate) from: String,
    /// The actor on the receiving side.
    pub(crate) to: String,
    /// Its events.
    #[serde(flatten)]
    pub(crate) events: PairCount,
}

/// Every pair of actors with events between them, most events first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    /// The pairs, by count then ids.
    pub(crate) pairs: Vec<Pair>,
}

/// The matrix as drawn: the actors with the most events in both directions
/// as rows and columns (the same order for both), the rest gathered in an
/// [`OTHERS`] row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The row and column actor ids, most events first, then [`OTHERS`] when some were gathered.
    pub actors: Vec<String>,
    /// The cells, row by row: `cells[row * actors.len() + column]`.
    pub(crate) cells: Vec<PairCount>,
    /// True when the last row and column gather the actors beyond the top ones.
    pub(crate) others: bool,
}

impl Matrix {
    /// The cell of a row and a column.
    pub(crate) fn cell(&self, row: usize, column: usize) -> &PairCount {
        &self.cells[row * self.actors.len() + column]
    }

    /// The largest count of any cell.
    pub(crate) fn max_count(&self) -> u32 {
        self.cells.iter().map(|c| c.count).max().unwrap_or(0)
    }
}

impl CountIndex {
    /// Counts the events of `selection` per pair of an initiating and a
    /// receiving actor; with `roll_up`, people count as the countries and
    /// organizations they held a role of at the time.
    pub fn pair_counts(&self, selection: &EventSet, roll_up: bool) -> PairCounts {
        self.pairs_of(self.pair_kind_counts(selection, usize::from(roll_up)))
    }

    /// The pairs of counts per (initiator, receiver, kind), sorted by those three.
    pub(crate) fn pairs_of(&self, counted: Vec<((u32, u32, u32), u32)>) -> PairCounts {
        let slugs: Vec<String> = self.kinds().iter().map(EventKind::slug).collect();
        let mut pairs: Vec<Pair> = Vec::new();
        let mut current = None;
        for ((from, to, kind), count) in counted {
            if current != Some((from, to)) {
                current = Some((from, to));
                pairs.push(Pair {
                    from: self.facts.actors.names[from as usize].clone(),
                    to: self.facts.actors.names[to as usize].clone(),
                    events: PairCount::default(),
                });
            }
            if let Some(pair) = pairs.last_mut() {
                pair.events.add_kind(&slugs[kind as usize], count);
            }
        }
        pairs.iter_mut().for_each(|p| p.events.sort_kinds());
        pairs.sort_by(|a, b| {
            b.events
                .count
                .cmp(&a.events.count)
                .then_with(|| a.from.cmp(&b.from))
                .then_with(|| a.to.cmp(&b.to))
        });
        PairCounts { pairs }
    }

    /// The number of events per (initiator, receiver, kind) of `selection`
    /// on `side` (0 as written, 1 rolled up), sorted by those three.
    ///
    /// Each triple is packed in one integer and the integers sorted on all
    /// cores, which is several times faster than a hash map at a million
    /// events; a dataset too large to pack them is counted in a hash map.
    fn pair_kind_counts(&self, selection: &EventSet, side: usize) -> Vec<((u32, u32, u32), u32)> {
        let each = |f: &mut dyn FnMut(u32, u32, u32)| {
            for e in selection.iter() {
                let e = e as usize;
                let kind = self.facts.event_kind[e];
                for &from in self.initiators(side).of(e) {
                    for &to in self.receivers(side).of(e) {
                        f(from, to, kind);
                    }
                }
            }
        };
        if self.facts.actors.names.len() >= 1 << 24 || self.kinds().len() >= 1 << 16 {
            let mut by_pair: HashMap<(u32, u32, u32), u32> = HashMap::new();
            each(&mut |from, to, kind| *by_pair.entry((from, to, kind)).or_default() += 1);
            let mut counted: Vec<_> = by_pair.into_iter().collect();
            counted.sort_unstable();
            return counted;
        }
        let mut keys: Vec<u64> = Vec::new();
        each(&mut |from, to, kind| {
            keys.push(u64::from(from) << 40 | u64::from(to) << 16 | u64::from(kind));
        });
        keys.par_sort_unstable();
        let mut counted: Vec<((u32, u32, u32), u32)> = Vec::new();
        for key in keys {
            let triple = (
                (key >> 40) as u32,
                ((key >> 16) & 0xff_ffff) as u32,
                (key & 0xffff) as u32,
            );
            match counted.last_mut() {
                Some((last, count)) if *last == triple => *count += 1,
                _ => counted.push((triple, 1)),
            }
        }
        counted
    }
}

impl PairCounts {
    /// The matrix of the `top` actors with the most events (as initiator
    /// plus as receiver), the others gathered in one row and column.
    pub fn matrix(&self, top: usize) -> Matrix {
        let mut totals: HashMap<&str, u64> = HashMap::new();
        for pair in &self.pairs {
            *totals.entry(&pair.from).or_default() += u64::from(pair.events.count);
            *totals.entry(&pair.to).or_default() += u64::from(pair.events.count);
        }
        let mut ranked: Vec<(&str, u64)> = totals.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let gathered = ranked.len() > top;
        let mut actors: Vec<String> = ranked
            .iter()
            .take(top)
            .map(|(a, _)| a.to_string())
            .collect();
        if gathered {
            actors.push(OTHERS.to_string());
        }
        let position: HashMap<&str, usize> = ranked
            .iter()
            .enumerate()
            .map(|(i, (a, _))| (*a, i.min(top)))
            .collect();
        let n = actors.len();
        let mut cells = vec![PairCount::default(); n * n];
        for pair in &self.pairs {
            let (row, column) = (position[pair.from.as_str()], position[pair.to.as_str()]);
            let cell = &mut cells[row * n + column];
            for (kind, count) in &pair.events.kinds {
                cell.add_kind(kind, *count);
            }
        }
        cells.iter_mut().for_each(PairCount::sort_kinds);
        Matrix {
            actors,
            cells,
            others: gathered,
        }
    }

    #[cfg(test)]
    /// The number of events of every pair together (an event between several
    /// actors counts once per pair).
    pub(crate) fn total(&self) -> u64 {
        self.pairs.iter().map(|p| u64::from(p.events.count)).sum()
    }
}

/// The label of a kind slug for readers, from the kinds known to `index`.
pub fn kind_label<'a>(kinds: &'a [EventKind], slug: &'a str) -> &'a str {
    kinds
        .iter()
        .find(|k| k.slug() == slug)
        .map_or(slug, EventKind::label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, QueryIndex};

    #[test]
    fn every_pair_counts_the_events_with_its_actors_on_each_side_by_kind() {
        let dataset = crate::generate::generate(2_000, 7);
        let counts = CountIndex::new(&dataset);
        let all = QueryIndex::new(&dataset).matching(&Filter::default());
        let mut expected: HashMap<(String, String, String), u32> = HashMap::new();
        for event in &dataset.events {
            for from in &event.actors {
                for to in &event.counterparts {
                    let key = (from.to_string(), to.to_string(), event.kind.slug());
                    *expected.entry(key).or_default() += 1;
                }
            }
        }
        let mut found: HashMap<(String, String, String), u32> = HashMap::new();
        for pair in &counts.pair_counts(&all, false).pairs {
            for (kind, count) in &pair.events.kinds {
                let key = (pair.from.clone(), pair.to.clone(), kind.clone());
                found.insert(key, *count);
            }
        }
        assert!(!expected.is_empty());
        assert_eq!(found, expected);
    }

    #[test]
    fn the_top_actors_and_others_hold_every_pair() {
        let dataset = crate::generate::generate(2_000, 5);
        let counts = CountIndex::new(&dataset);
        let all = QueryIndex::new(&dataset).matching(&Filter::default());
        let pairs = counts.pair_counts(&all, true);
        let matrix = pairs.matrix(30);
        assert_eq!(matrix.actors.len(), 31);
        assert!(matrix.others);
        let sum: u64 = matrix.cells.iter().map(|c| u64::from(c.count)).sum();
        assert_eq!(sum, pairs.total());
        let kinds: u64 = matrix
            .cells
            .iter()
            .flat_map(|c| &c.kinds)
            .map(|(_, n)| u64::from(*n))
            .sum();
        assert_eq!(kinds, sum, "each cell's kinds add up to its count");
        let total = |i: usize| -> u64 {
            (0..31)
                .map(|j| u64::from(matrix.cell(i, j).count + matrix.cell(j, i).count))
                .sum()
        };
        assert!((1..30).all(|i| total(i - 1) >= total(i)), "sorted by total");
        let small = pairs.matrix(1000);
        assert!(!small.others, "no others row when every actor fits");
    }
}
