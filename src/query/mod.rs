//! Which events match a set of filters: actors, topics, kinds, text and a period.
//!
//! One engine serves the viewer's panels, `annals list` and `annals export`,
//! so that the same choices select the same events everywhere.

mod filter;
mod period;

pub use filter::Filter;
pub use period::Period;

use crate::index::{EventIdx, TimeIndex};
use crate::model::Dataset;

/// The events of `dataset` that match `filter`, in time order.
pub fn select(dataset: &Dataset, index: &TimeIndex, filter: &Filter) -> Vec<EventIdx> {
    use rayon::prelude::*;
    let matcher = filter.matcher(dataset);
    // Events are matched in the order they are stored, on all cores, which
    // reads memory front to back; only the verdicts are visited in time order.
    let matched: Vec<bool> = dataset
        .events
        .par_iter()
        .map(|event| matcher.matches(event))
        .collect();
    index
        .in_time_order()
        .iter()
        .copied()
        .filter(|&i| matched.get(i as usize).copied().unwrap_or(false))
        .collect()
}
