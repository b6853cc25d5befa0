//! Editing a dataset: edits as values, each checked by the loader's own rules
//! before it applies and each giving back its inverse, an undo list made of
//! those inverses, new ids made as `import` makes them, and saves that change
//! only the text of what changed. No egui: the viewer and the command line
//! both edit through it.
//!
//! ```text
//! Document (dataset + where each event is + the file it came from)
//!    ▲ Edit::apply → inverse Edit            History: done / undone inverses
//!    └ save: the file's text, spliced where items changed (dataset::preserve)
//! ```

mod apply;
mod describe;
mod document;
mod edits;
mod error;
mod head;
mod history;
mod ids;
mod rebase;
mod save;
mod uses;

pub use document::{Document, Origin};
pub use edits::Edit;
pub use error::EditError;
pub use history::History;
pub use save::SaveError;
