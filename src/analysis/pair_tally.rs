//! The matrix's counts kept for one selection, so that the next filter change
//! counts only the events that entered or left it, when they are fewer than
//! the events it now shows.

use foldhash::HashMap;

use super::count_index::CountIndex;
use super::matrix::{Matrix, OTHERS, PairCount, PairCounts};
use crate::model::EventKind;
use crate::query::{BitIter, EventSet};

/// Events per (initiator, receiver, kind) of one selection.
#[derive(Debug, Clone)]
pub struct PairTally {
    /// 0 as written, 1 with people rolled up into their countries.
    side: usize,
    /// The events counted.
    selection: EventSet,
    /// The counts, none of them zero.
    counts: HashMap<(u32, u32, u32), u32>,
}

impl PairTally {
    /// True when it counts every event of the dataset.
    pub fn is_everything(&self) -> bool {
        self.selection.len() == self.selection.universe()
    }
}

impl CountIndex {
    /// The tally of `selection`: from whichever of `bases` (tallies of other
    /// selections on this index) differs from it by the fewest events, or
    /// afresh when counting it whole is cheaper.
    pub fn pair_tally(
        &self,
        selection: &EventSet,
        roll_up: bool,
        bases: &[&PairTally],
    ) -> PairTally {
        let side = usize::from(roll_up);
        let fresh = selection.len();
        let nearest = bases
            .iter()
            .filter(|b| b.side == side && b.selection.universe() == selection.universe())
            .map(|b| (differing(&b.selection, selection), *b))
            .min_by_key(|(d, _)| *d)
            .filter(|(d, _)| *d < fresh);
        let Some((_, base)) = nearest else {
            let mut tally = PairTally {
                side,
                selection: EventSet::none(selection.universe()),
                counts: HashMap::default(),
            };
            for e in selection.iter() {
                self.tally_event(&mut tally, e as usize, true);
            }
            tally.selection = selection.clone();
            return tally;
        };
        let mut tally = base.clone();
        for (w, (&old, &new)) in base
            .selection
            .words()
            .iter()
            .zip(selection.words())
            .enumerate()
        {
            for bit in BitIter(new & !old) {
                self.tally_event(&mut tally, w * 64 + bit, true);
            }
            for bit in BitIter(old & !new) {
                self.tally_event(&mut tally, w * 64 + bit, false);
            }
        }
        tally.selection = selection.clone();
        tally
    }

    /// Adds (or takes away) event `e`'s pairs.
    fn tally_event(&self, tally: &mut PairTally, e: usize, add: bool) {
        let kind = self.facts.event_kind[e];
        for &from in self.initiators(tally.side).of(e) {
            for &to in self.receivers(tally.side).of(e) {
                let key = (from, to, kind);
                if add {
                    *tally.counts.entry(key).or_default() += 1;
                } else if let Some(count) = tally.counts.get_mut(&key) {
                    *count -= 1;
                    if *count == 0 {
                        tally.counts.remove(&key);
                    }
                }
            }
        }
    }

    /// The matrix of a tally's `top` actors, as `pair_counts_of(tally).matrix(top)`
    /// gives it, without naming every pair: only the actors drawn get their names.
    pub fn matrix_of(&self, tally: &PairTally, top: usize) -> Matrix {
        let names = &self.facts.actors.names;
        let mut totals = vec![0u64; names.len()];
        for (&(from, to, _), &count) in &tally.counts {
            totals[from as usize] += u64::from(count);
            totals[to as usize] += u64::from(count);
        }
        let mut ranked: Vec<u32> = (0..names.len() as u32)
            .filter(|&a| totals[a as usize] > 0)
            .collect();
        ranked.sort_by(|&a, &b| {
            totals[b as usize]
                .cmp(&totals[a as usize])
                .then_with(|| names[a as usize].cmp(&names[b as usize]))
        });
        let gathered = ranked.len() > top;
        let mut actors: Vec<String> = ranked
            .iter()
            .take(top)
            .map(|&a| names[a as usize].clone())
            .collect();
        if gathered {
            actors.push(OTHERS.to_string());
        }
        let mut position = vec![0usize; names.len()];
        for (i, &a) in ranked.iter().enumerate() {
            position[a as usize] = i.min(top);
        }
        let n = actors.len();
        let slugs: Vec<String> = self.kinds().iter().map(EventKind::slug).collect();
        let mut cells = vec![PairCount::default(); n * n];
        for (&(from, to, kind), &count) in &tally.counts {
            let cell = &mut cells[position[from as usize] * n + position[to as usize]];
            cell.add_kind(&slugs[kind as usize], count);
        }
        cells.iter_mut().for_each(PairCount::sort_kinds);
        Matrix {
            actors,
            cells,
            others: gathered,
        }
    }

    /// The pairs of a tally, as [`CountIndex::pair_counts`] gives them.
    pub fn pair_counts_of(&self, tally: &PairTally) -> PairCounts {
        let mut counted: Vec<((u32, u32, u32), u32)> =
            tally.counts.iter().map(|(k, c)| (*k, *c)).collect();
        counted.sort_unstable();
        self.pairs_of(counted)
    }
}

/// How many events are in one set and not the other.
fn differing(a: &EventSet, b: &EventSet) -> usize {
    a.words()
        .iter()
        .zip(b.words())
        .map(|(x, y)| (x ^ y).count_ones() as usize)
        .sum()
}

#[cfg(test)]
mod tests {
    use crate::analysis::CountIndex;
    use crate::query::{Filter, QueryIndex};

    #[test]
    fn a_tally_from_another_selection_equals_one_counted_afresh() {
        let dataset = crate::generate::generate(3_000, 11);
        let index = QueryIndex::new(&dataset);
        let counts = CountIndex::new(&dataset);
        let country = dataset
            .actors
            .iter()
            .find(|a| a.kind == crate::model::ActorKind::Country)
            .unwrap();
        let filters = [
            Filter::default(),
            Filter {
                actors: [country.id.clone()].into(),
                ..Filter::default()
            },
            Filter {
                kinds: ["visit".to_string()].into(),
                ..Filter::default()
            },
            Filter {
                text: "a".to_string(),
                ..Filter::default()
            },
            Filter::default(),
        ];
        for roll_up in [false, true] {
            let mut last = None;
            for filter in &filters {
                let selection = index.matching(filter);
                let bases: Vec<_> = last.iter().collect();
                let tally = counts.pair_tally(&selection, roll_up, &bases);
                let fresh = counts.pair_counts(&selection, roll_up);
                assert_eq!(counts.pair_counts_of(&tally), fresh, "{filter:?}");
                for top in [3, 30] {
                    assert_eq!(
                        counts.matrix_of(&tally, top),
                        fresh.matrix(top),
                        "{filter:?}"
                    );
                }
                last = Some(tally);
            }
        }
    }
}
