//! Other formats into a dataset: machine-coded event data (GDELT, ICEWS) and
//! the CAMEO actor codes they use.

pub mod cameo_actors;
pub mod event_data;
