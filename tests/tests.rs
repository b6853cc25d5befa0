//! The integration tests, compiled into one binary so that it links once.

mod analysis;
mod analysis_views;
mod check_command;
mod curated_dataset;
mod curating_commands;
mod deep_time;
mod edit_engine;
mod edit_properties;
mod edit_save;
mod eras;
mod event_data;
mod export;
mod export_dialog;
mod filter_panel;
mod import_csv;
mod import_dialog;
mod import_formats;
mod load_errors;
mod loader_fuzz;
mod query_engine;
mod scale;
mod support;
mod viewer;
mod viewer_editing;
mod viewer_files;
mod viewer_period;
