//! The egui interface: one file per panel, each a `*_ui` function that draws
//! and returns the [`crate::command::Command`]s the user asked for.

pub mod canvas;
pub mod details_panel;
pub mod error_panel;
pub mod glyphs;
pub mod legend;
pub mod overview;
pub mod toolbar;
