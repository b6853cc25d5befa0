//! Who deals with whom: the selected events counted per pair of an actor on
//! the initiating side and an actor on the receiving side.

use std::collections::HashMap;

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
    pub count: u32,
    /// The events of each kind (slug), most frequent first.
    pub kinds: Vec<(String, u32)>,
}

impl PairCount {
    fn add_kind(&mut self, slug: &str, count: u32) {
        self.count += count;
        match self.kinds.iter_mut().find(|(k, _)| k == slug) {
            Some((_, c)) => *c += count,
            None => self.kinds.push((slug.to_string(), count)),
        }
    }

    fn sort_kinds(&mut self) {
        self.kinds
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
}

/// One pair of actors with its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// The actor on the initiating side.
    pub from: String,
    /// The actor on the receiving side.
    pub to: String,
    /// Its events.
    #[serde(flatten)]
    pub events: PairCount,
}

/// Every pair of actors with events between them, most events first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    /// The pairs, by count then ids.
    pub pairs: Vec<Pair>,
}

/// The matrix as drawn: the actors with the most events in both directions
/// as rows and columns (the same order for both), the rest gathered in an
/// [`OTHERS`] row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The row and column actor ids, most events first, then [`OTHERS`] when some were gathered.
    pub actors: Vec<String>,
    /// The cells, row by row: `cells[row * actors.len() + column]`.
    pub cells: Vec<PairCount>,
    /// True when the last row and column gather the actors beyond the top ones.
    pub others: bool,
}

impl Matrix {
    /// The cell of a row and a column.
    pub fn cell(&self, row: usize, column: usize) -> &PairCount {
        &self.cells[row * self.actors.len() + column]
    }

    /// The largest count of any cell.
    pub fn max_count(&self) -> u32 {
        self.cells.iter().map(|c| c.count).max().unwrap_or(0)
    }
}

impl CountIndex {
    /// Counts the events of `selection` per pair of an initiating and a
    /// receiving actor; with `roll_up`, people count as the countries and
    /// organizations they held a role of at the time.
    pub fn pair_counts(&self, selection: &EventSet, roll_up: bool) -> PairCounts {
        let side = usize::from(roll_up);
        let mut by_pair: HashMap<(u32, u32, u32), u32> = HashMap::new();
        for e in selection.iter() {
            let e = e as usize;
            let kind = self.event_kind[e];
            for &from in self.initiators[side].of(e) {
                for &to in self.receivers[side].of(e) {
                    *by_pair.entry((from, to, kind)).or_default() += 1;
                }
            }
        }
        let mut pairs: HashMap<(u32, u32), PairCount> = HashMap::new();
        for ((from, to, kind), count) in by_pair {
            pairs
                .entry((from, to))
                .or_default()
                .add_kind(&self.kinds[kind as usize].slug(), count);
        }
        let mut pairs: Vec<Pair> = pairs
            .into_iter()
            .map(|((from, to), mut events)| {
                events.sort_kinds();
                Pair {
                    from: self.actors[from as usize].clone(),
                    to: self.actors[to as usize].clone(),
                    events,
                }
            })
            .collect();
        pairs.sort_by(|a, b| {
            b.events
                .count
                .cmp(&a.events.count)
                .then_with(|| a.from.cmp(&b.from))
                .then_with(|| a.to.cmp(&b.to))
        });
        PairCounts { pairs }
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

    /// The number of events of every pair together (an event between several
    /// actors counts once per pair).
    pub fn total(&self) -> u64 {
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
