//! The viewer's panels and dialogs. Each takes a `Ui` and returns what the
//! user asked for; the App applies it.

pub mod export_dialog;
pub mod filter_panel;
pub mod filter_toolbar;
pub mod kind_style;
