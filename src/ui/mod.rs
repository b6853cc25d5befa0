//! The egui user interface: panels and widgets over the library.

pub mod filter_panel;
pub mod filter_toolbar;
pub mod kind_style;
