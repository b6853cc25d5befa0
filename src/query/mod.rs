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
    if set.len() == index.len() {
        return index.in_time_order().to_vec();
    }
    // On every core, keeping the order: a million membership tests a filter change.
    index
        .in_time_order()
        .par_iter()
        .copied()
        .filter(|&i| set.contains(i))
        .collect()
}
