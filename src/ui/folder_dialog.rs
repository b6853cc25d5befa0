//! The open dialog drawn by the viewer itself, for desktops without a file
//! dialog of their own (plain X sessions and some tiling window managers have
//! no portal, and the system's dialog then shows nothing): the folder's
//! subfolders and the files Annals opens, Up, and Cancel; or, to choose where
//! an export goes, the folder to save in under the suggested name.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use crate::command::{AnalysisView, Command};

/// What the folder is being browsed for.
#[derive(Debug, Clone, PartialEq)]
pub enum BrowseFor {
    /// A file to open.
    Open,
    /// Where the export dialog's file goes, under this name.
    Export(String),
    /// Where the chart's or the matrix's file goes, under this name.
    Analysis(AnalysisView, String),
}

/// A folder being browsed.
#[derive(Debug, Clone, PartialEq)]
pub struct FolderDialog {
    /// The folder shown.
    pub folder: PathBuf,
    /// Its subfolders, then the files Annals opens, each by name.
    entries: Vec<(String, bool)>,
    /// Why the folder could not be read.
    problem: Option<String>,
    /// What it is browsed for.
    pub purpose: BrowseFor,
}

impl FolderDialog {
    /// The dialog on `folder`: its subfolders and the files `openable` keeps,
    /// by name, hidden ones left out.
    pub fn read(
        folder: &Path,
        openable: impl Fn(&Path) -> bool,
        purpose: BrowseFor,
    ) -> FolderDialog {
        let mut entries = Vec::new();
        let problem = match std::fs::read_dir(folder) {
            Ok(read) => {
                for entry in read.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let path = entry.path();
                    let is_dir = path.is_dir();
                    if !name.starts_with('.') && (is_dir || openable(&path)) {
                        entries.push((name, is_dir));
                    }
                }
                None
            }
            Err(error) => Some(format!("{}: {error}", folder.display())),
        };
        entries.sort_by_key(|(name, is_dir)| (!is_dir, name.to_lowercase()));
        FolderDialog {
            folder: folder.to_path_buf(),
            entries,
            problem,
            purpose,
        }
    }

    /// The names shown, subfolders first (each ending in `/`).
    pub fn names(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|(name, is_dir)| {
                if *is_dir {
                    format!("{name}/")
                } else {
                    name.clone()
                }
            })
            .collect()
    }
}

/// Shows the dialog; a folder to browse to, a file to open, or closing it.
pub fn folder_dialog_ui(ctx: &egui::Context, dialog: &FolderDialog) -> Option<Command> {
    let mut asked = None;
    let (title, name) = match &dialog.purpose {
        BrowseFor::Open => ("Open a dataset", None),
        BrowseFor::Export(name) | BrowseFor::Analysis(_, name) => ("Save in a folder", Some(name)),
    };
    egui::Window::new(title)
        .collapsible(false)
        .default_width(520.0)
        .default_pos(ctx.content_rect().center() - egui::vec2(260.0, 220.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Up").clicked()
                    && let Some(parent) = dialog.folder.parent()
                {
                    asked = Some(Command::Browse(Some(parent.to_path_buf())));
                }
                ui.label(RichText::new(dialog.folder.display().to_string()).strong());
            });
            if let Some(problem) = &dialog.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    if dialog.entries.is_empty() {
                        ui.label("No folder and no file that Annals opens here.");
                    }
                    for ((entry, is_dir), shown) in dialog.entries.iter().zip(dialog.names()) {
                        let path = dialog.folder.join(entry);
                        if *is_dir {
                            if ui.selectable_label(false, shown).clicked() {
                                asked = Some(Command::Browse(Some(path)));
                            }
                        } else if name.is_some() {
                            // Saving: the files already there, for reference.
                            ui.label(RichText::new(shown).weak());
                        } else if ui.selectable_label(false, shown).clicked() {
                            asked = Some(Command::Open(path));
                        }
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                if let Some(name) = name
                    && ui.button(format!("Save here as {name}")).clicked()
                {
                    asked = Some(Command::BrowsedTo(dialog.folder.join(name)));
                }
                if ui.button("Cancel").clicked() {
                    asked = Some(Command::Browse(None));
                }
            });
        });
    asked
}
