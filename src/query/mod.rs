//! Which events match a set of filters: actors, topics, kinds, text and a period.
//!
//! One engine serves the viewer's panels, `annals list` and `annals export`,
//! so that the same choices select the same events everywhere. A dataset is
//! prepared once into a [`QueryIndex`] (posting lists, folded text); each
//! filter change is then a few bit-set operations.

mod chips;
mod event_set;
mod facets;
mod facts;
mod filter;
pub(crate) mod flat;
mod fold;
mod matcher;
mod period;
mod prepared;

pub(crate) use event_set::BitIter;
pub use event_set::EventSet;
pub use facets::{Evaluation, FacetCounts};
pub use facts::EventFacts;
pub use filter::Filter;
pub use fold::{ascii_digits, fold, slug};
pub use matcher::Matcher;
pub use period::Period;
pub use prepared::QueryIndex;

use rayon::prelude::*;

use crate::index::{EventIdx, TimeIndex};
use crate::model::Dataset;

/// An index that [`select`] can work from: a prepared [`QueryIndex`], or a
/// bare [`TimeIndex`] from which one is prepared for the call.
pub trait Prepared {
    /// Runs `f` with a query index of `dataset`.
    fn with_query_index<R>(&self, dataset: &Dataset, f: impl FnOnce(&QueryIndex) -> R) -> R;
}

impl Prepared for QueryIndex {
    fn with_query_index<R>(&self, _dataset: &Dataset, f: impl FnOnce(&QueryIndex) -> R) -> R {
        f(self)
    }
}

impl Prepared for TimeIndex {
    fn with_query_index<R>(&self, dataset: &Dataset, f: impl FnOnce(&QueryIndex) -> R) -> R {
        f(&QueryIndex::with_time_index(dataset, self.clone()))
    }
}

/// The events of `dataset` that match `filter`, in time order.
///
/// Pass the dataset's [`QueryIndex`] when filtering more than once.
pub fn select(dataset: &Dataset, index: &impl Prepared, filter: &Filter) -> Vec<EventIdx> {
    index.with_query_index(dataset, |index| {
        in_time_order(index.time_index(), &index.matching(filter))
    })
}

/// The events of `set`, in time order.
pub(crate) fn in_time_order(index: &TimeIndex, set: &EventSet) -> Vec<EventIdx> {
    ranked_events(index, &by_rank(index, set))
}

/// The events of `set` by their rank in `index`'s time order: bit `r` holds when the
/// `r`-th event in time order is in `set`. A lane walks its events by rank, so that
/// testing one is a bit of 125 kB at a million events. Worked out on every core.
pub(crate) fn by_rank(index: &TimeIndex, set: &EventSet) -> EventSet {
    let order = index.in_time_order();
    if set.len() == order.len() {
        return EventSet::all(order.len());
    }
    let words = order
        .par_chunks(64)
        .map(|events| {
            events
                .iter()
                .enumerate()
                .fold(0u64, |bits, (i, &e)| bits | u64::from(set.contains(e)) << i)
        })
        .collect();
    EventSet::from_words(words, order.len())
}

/// The events whose ranks `ranks` holds (as [`by_rank`] gives them), in time order.
pub(crate) fn ranked_events(index: &TimeIndex, ranks: &EventSet) -> Vec<EventIdx> {
    let order = index.in_time_order();
    if ranks.len() == order.len() {
        return order.to_vec();
    }
    ranks.iter().map(|r| order[r as usize]).collect()
}
