//! The viewer's panels and dialogs. Each takes a `Ui` and returns what the
//! user asked for; the App applies it.

/// The export dialog.
pub mod export_dialog;
