//! Annals: a timeline viewer for chronologies of international relations.
//!
//! The library holds everything: the [`model`], loading and checking datasets
//! ([`dataset`]), other formats read into datasets ([`import`]), editing them
//! with undo and saves that keep the file's layout ([`edit`]), the
//! time-ordered [`index`], the filters ([`query`]), counts for the chart and
//! the matrix ([`analysis`]), exports ([`export`]), synthetic datasets for
//! measuring ([`generate`]), the pure timeline math ([`timeline`]), the egui
//! panels ([`ui`]), the viewer app that applies their [`command`]s ([`app`]),
//! the command line ([`cli`]) and what
//! puts Annals on the desktop ([`desktop`]: its entry, icon and file types). The binary is a thin shell around it;
//! the [`allocator`] is the one every program built on the library uses.
//! `docs/ARCHITECTURE.md` draws how they stand on one another.

pub mod allocator;
pub mod analysis;
pub mod app;
pub mod cache;
pub mod cli;
pub mod command;
pub mod dataset;
pub mod desktop;
pub mod edit;
pub mod export;
pub mod fonts;
pub mod generate;
pub mod geography;
pub mod import;
pub mod index;
pub mod model;
pub mod query;
pub mod timeline;
pub mod ui;
