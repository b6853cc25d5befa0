//! Where things are: the embedded gazetteer of populated places, the
//! embedded country outlines, and the map's projection.

mod gazetteer;
mod outlines;
mod view;

pub use gazetteer::{Candidates, Found, Gazetteer, Place, gazetteer};
pub use outlines::{Outline, outline, outlines};
pub use view::{MapView, WORLD, bounds_of};
