//! The open dialog drawn by the viewer itself, for desktops without a file
//! dialog of their own (plain X sessions and some tiling window managers have
//! no portal, and the system's dialog then shows nothing): the folder's
//! subfolders and the files Annals opens, Up, and Cancel.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use crate::command::Command;

/// A folder being browsed.
#[derive(Debug, Clone, PartialEq)]
pub struct FolderDialog {
    /// The folder shown.
    pub folder: PathBuf,
    /// Its subfolders, then the files Annals opens, each by name.
    entries: Vec<(String, bool)>,
    /// Why the folder could not be read.
    problem: Option<String>,
}

impl FolderDialog {
    /// The dialog on `folder`: its subfolders and the files `openable` keeps,
    /// by name, hidden ones left out.
    pub fn read(folder: &Path, openable: impl Fn(&Path) -> bool) -> FolderDialog {
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
pub(crate) fn folder_dialog_ui(ctx: &egui::Context, dialog: &FolderDialog) -> Option<Command> {
    let mut asked = None;
    egui::Window::new("Open a dataset")
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
                    for (name, shown) in dialog.entries.iter().zip(dialog.names()) {
                        if ui.selectable_label(false, shown).clicked() {
                            let path = dialog.folder.join(&name.0);
                            asked = Some(if name.1 {
                                Command::Browse(Some(path))
                            } else {
                                Command::Open(path)
                            });
                        }
                    }
                });
            ui.separator();
            if ui.button("Cancel").clicked() {
                asked = Some(Command::Browse(None));
            }
        });
    asked
}
