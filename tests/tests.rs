//! The integration tests, compiled into one binary so that it links once.

mod check_command;
mod curated_dataset;
mod load_errors;
mod loader_fuzz;
mod viewer;
