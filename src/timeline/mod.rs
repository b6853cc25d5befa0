//! Pure view math for the timeline: the time axis, calendar ticks, lanes,
//! stacking and density. No egui here, so all of it is unit-tested.

pub mod density;
pub mod lanes;
pub mod layout;
pub mod period_pick;
pub mod stacking;
pub mod ticks;
pub mod time_axis;

pub use lanes::{LaneMode, Lanes};
pub use time_axis::{TimeAxis, TimeRange};
