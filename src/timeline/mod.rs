//! Pure view math for the timeline: the time axis, calendar ticks, lanes,
//! marks and row stacking, density and the look of each kind of event. No egui here, so all
//! of it is unit-tested.

pub mod density;
pub mod eras;
pub mod jalali_ticks;
pub mod kind_style;
pub mod lane_pyramid;
pub mod lane_times;
pub mod lanes;
pub mod layout;
pub mod marks;
pub mod moving;
pub mod navigation;
pub(crate) mod overview_cells;
pub mod period_pick;
pub mod period_words;
pub mod ticks;
pub mod time_axis;

pub use lanes::{LaneMode, Lanes};
pub use time_axis::{TimeAxis, TimeRange};
