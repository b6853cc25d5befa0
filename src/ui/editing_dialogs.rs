//! The questions and banners of editing: save changes before going on,
//! delete this event, the file changed on disk under unsaved edits, edits
//! left by a crash, and the list of unsaved changes.

use eframe::egui::{self, RichText, Ui};

use crate::command::{Command, EditCommand, UnsavedChoice};

fn edit(command: EditCommand) -> Command {
    Command::Edit(command)
}

/// "Save changes to … before …?" with Save, Discard and Cancel.
pub(crate) fn unsaved_dialog_ui(ctx: &egui::Context, title: &str, before: &str) -> Option<Command> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved changes")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to “{title}” before {before}?"));
        ui.label(RichText::new("Discarded changes cannot be brought back.").weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                answer = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(UnsavedChoice::Cancel);
    }
    answer.map(|choice| edit(EditCommand::Unsaved(choice)))
}

/// "Delete “…”?" with Delete and Cancel.
pub(crate) fn delete_dialog_ui(ctx: &egui::Context, id: &str, title: &str) -> Option<Command> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("delete event")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Delete event");
        ui.label(format!("Delete “{title}”?"));
        ui.label(RichText::new("Undo (Ctrl+Z) brings it back.").weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Delete").clicked() {
                answer = Some(edit(EditCommand::Delete(id.to_string())));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(edit(EditCommand::Dismiss));
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(edit(EditCommand::Dismiss));
    }
    answer
}

/// The banner of a file changed on disk while there are unsaved edits.
pub(crate) fn changed_on_disk_ui(ui: &mut Ui) -> Option<Command> {
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The file changed on disk, and your edits are not saved.",
        );
        if ui
            .button("Reload")
            .on_hover_text("Read the file again; your edits are dropped")
            .clicked()
        {
            answer = Some(edit(EditCommand::ReloadDiscardingMine));
        }
        if ui
            .button("Keep mine")
            .on_hover_text("Read the file again and apply your edits where the events they touch are unchanged")
            .clicked()
        {
            answer = Some(edit(EditCommand::KeepMine));
        }
        if ui.button("Save mine as…").clicked() {
            answer = Some(edit(EditCommand::SaveAsDialog));
        }
    });
    answer
}

/// The banner offering back the edits a crash left: how many and from when.
pub(crate) fn journal_banner_ui(ui: &mut Ui, count: usize, when: &str) -> Option<Command> {
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        let kept = if count == 1 {
            "1 unsaved edit of this file was kept".to_string()
        } else {
            format!("{count} unsaved edits of this file were kept")
        };
        ui.colored_label(ui.visuals().warn_fg_color, format!("{kept} from {when}."));
        if ui.button("Restore").clicked() {
            answer = Some(edit(EditCommand::RestoreJournal));
        }
        if ui.button("Discard them").clicked() {
            answer = Some(edit(EditCommand::DiscardJournal));
        }
    });
    answer
}

/// A message of editing (a refusal, the conflicts of Keep mine, a save) with Dismiss.
pub(crate) fn message_ui(ui: &mut Ui, lines: &[String], error: bool) -> Option<Command> {
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        let colour = if error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.vertical(|ui| {
            for line in lines {
                ui.colored_label(colour, line);
            }
        });
        if ui.small_button("Dismiss").clicked() {
            answer = Some(edit(EditCommand::Dismiss));
        }
    });
    answer
}

/// The window listing the unsaved changes, one line per item as `annals diff` does.
pub(crate) fn review_window_ui(ctx: &egui::Context, lines: &[String]) -> Option<Command> {
    let mut open = true;
    egui::Window::new("Unsaved changes")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            if lines.is_empty() {
                ui.label("No changes since the file was read or saved.");
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for line in lines {
                        ui.label(RichText::new(line).monospace());
                    }
                });
        });
    (!open).then(|| edit(EditCommand::ReviewChanges(false)))
}
