//! The shape of relations: counts of events over time and who deals with whom.
//!
//! Works on the same selection as the list and the exports (an [`EventSet`]
//! from [`crate::query::QueryIndex::matching`]), from a [`CountIndex`] built
//! once per dataset. Knows nothing of egui, files or the command line.
//!
//! [`EventSet`]: crate::query::EventSet

mod actor_summary;
mod count_index;
mod counts;
mod map;
mod map_index;
mod matrix;
mod pair_tally;
mod period;
mod stacked;

pub use actor_summary::{ActorSummary, TOP_COUNTERPARTS};
pub use count_index::CountIndex;
pub use counts::{Cell, Grouping, PeriodCounts, TopGroups};
pub use map::{Link, MapCounts};
pub use map_index::{MapCountry, MapIndex, Spot};
pub use matrix::{Matrix, OTHERS, Pair, PairCount, PairCounts, kind_label};
pub use pair_tally::PairTally;
pub use period::{CountedPeriod, PeriodLength, PeriodUnit, counting_span};
pub(crate) use stacked::Stacked;
