//! The egui interface: one file per panel or dialog, each a `*_ui` function
//! that draws and returns what the user asked for; the App applies it.

mod actor_editor;
pub mod actor_glance;
pub mod actor_names;
pub mod analysis_export;
pub mod bidi;
pub mod canvas;
pub mod chart;
pub mod density_bars;
pub mod details_panel;
pub mod edit_menu;
pub mod editing_dialogs;
pub mod error_panel;
pub mod event_form;
mod event_form_lists;
mod event_form_sources;
pub mod export_dialog;
pub mod filter_panel;
pub mod filter_toolbar;
pub mod folder_dialog;
pub mod glyphs;
pub mod head_editors;
pub mod import_dialog;
pub mod legend;
mod list_editors;
pub mod map;
pub mod matrix;
pub mod overview;
pub mod person_details;
pub mod toolbar;
