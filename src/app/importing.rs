//! The import dialog's actions: a spreadsheet whose columns could not all be
//! mapped is mapped by hand, then shown or saved as an Annals dataset.

use std::path::{Path, PathBuf};

use super::adopt::Adoption;
use super::{App, Document};
use crate::command::ImportCommand;
use crate::dataset::SourceInfo;
use crate::export::write_atomic;
use crate::import::ImportDraft;
use crate::import::{self, Format};

impl App {
    /// Opens the import dialog for `path` when it is a spreadsheet with columns that
    /// match no field; a mapping remembered for its headers that reads it cleanly
    /// opens it at once. False when the file is not such a spreadsheet.
    pub(super) fn offer_import(&mut self, path: &Path) -> bool {
        let Ok(bytes) = std::fs::read(path) else {
            return false;
        };
        let name = path.display().to_string();
        if import::detect_bytes(&name, &bytes) != Format::Csv {
            return false;
        }
        let Some(draft) = ImportDraft::new(path.to_path_buf(), bytes, &self.view.import_mappings)
        else {
            return false;
        };
        if draft.preview.recognised.iter().all(Option::is_some) {
            return false;
        }
        self.import = Some(draft);
        if self.import.as_ref().is_some_and(|d| d.dataset.is_some()) {
            self.apply_import(ImportCommand::Open);
        }
        true
    }

    /// Applies one action of the import dialog.
    pub(super) fn apply_import(&mut self, action: ImportCommand) {
        let Some(draft) = self.import.as_mut() else {
            return;
        };
        match action {
            ImportCommand::Choose(column, field) => draft.choose(column, &field),
            ImportCommand::DateOrder(order) => draft.set_date_order(order),
            ImportCommand::Calendar(calendar) => draft.set_calendar(calendar),
            ImportCommand::Cancel => self.import = None,
            ImportCommand::Open => self.open_import(),
            ImportCommand::SaveDialog => {
                let suggested = draft.path.with_extension("ron");
                let mut dialog = rfd::FileDialog::new().add_filter("Annals dataset", &["ron"]);
                if let Some(name) = suggested.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                if let Some(folder) = suggested.parent() {
                    dialog = dialog.set_directory(folder);
                }
                // The system's dialog asks before replacing a file.
                if let Some(path) = dialog.save_file() {
                    self.save_import(&path, true);
                }
            }
            ImportCommand::Save { path, overwrite } => self.save_import(&path, overwrite),
        }
    }

    /// Shows the dataset of the dialog's choices and closes the dialog, remembering the choices.
    fn open_import(&mut self) {
        let Some(mut draft) = self.import.take() else {
            return;
        };
        let Some(dataset) = draft.dataset.take() else {
            self.import = Some(draft);
            return;
        };
        self.view
            .import_mappings
            .keep(&draft.preview.headers, &draft.choices);
        let name = draft.path.display().to_string();
        let source = SourceInfo::of_bytes(&name, draft.bytes());
        let path: PathBuf = draft.path.clone();
        let doc = Document::new(dataset, Some(path.clone()), source);
        self.adopt(doc, Adoption::Opened(path));
    }

    /// Writes the dataset of the dialog's choices to `path` as RON, atomically; an
    /// existing file is replaced only with `overwrite`. The outcome is the notice.
    fn save_import(&mut self, path: &Path, overwrite: bool) {
        let Some(draft) = self.import.as_ref() else {
            return;
        };
        let Some(dataset) = draft.dataset.as_ref() else {
            return;
        };
        let mut bytes = Vec::new();
        let written = crate::dataset::write_ron(dataset, &mut bytes)
            .map_err(|e| e.to_string())
            .and_then(|()| write_atomic(path, &bytes, overwrite).map_err(|e| e.to_string()));
        let (headers, choices) = (draft.preview.headers.clone(), draft.choices.clone());
        self.export.notice = Some(match written {
            Ok(()) => {
                self.view.import_mappings.keep(&headers, &choices);
                Ok(format!(
                    "Saved {} events as {}",
                    dataset.events.len(),
                    path.display()
                ))
            }
            Err(error) => Err(error),
        });
    }
}
