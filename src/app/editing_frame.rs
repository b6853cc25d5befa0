//! Editing in the frame: the form in the details panel, the Edit keys, the
//! banners and the questions, and the window's close button held back
//! while there are unsaved edits.

use eframe::egui::{self, Key, Modifiers, Ui};

use super::{App, Pending};
use crate::command::{Command, EditCommand};
use crate::index::EventIdx;
use crate::ui::details_panel::event_header_ui;
use crate::ui::editing_dialogs::{
    changed_on_disk_ui, delete_dialog_ui, journal_banner_ui, message_ui, review_window_ui,
    unsaved_dialog_ui,
};
use crate::ui::event_form::{EventForm, event_form_ui};
use crate::ui::head_editors::{Uses, head_editor_window};

impl App {
    /// The form of the selected event, filled again when the event is another
    /// one or was changed (by an edit, an undo, a drag).
    pub(super) fn form_ui(&mut self, ui: &mut Ui, selected: EventIdx) -> Vec<Command> {
        let Some(event) = self.doc.dataset().events.get(selected as usize) else {
            return Vec::new();
        };
        if self.editing.form.as_ref().is_none_or(|f| f.base != *event) {
            self.editing.form = Some(EventForm::of(event));
        }
        let mut commands = event_header_ui(ui, selected, true);
        ui.separator();
        let (dataset, refusal) = (self.doc.dataset(), self.editing.refusal.as_deref());
        if let Some(form) = self.editing.form.as_mut() {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    commands.extend(event_form_ui(ui, dataset, form, refusal))
                });
        }
        commands
    }

    /// The keys of editing: `E`, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y, Ctrl+S,
    /// Ctrl+Shift+S, Ctrl+N, Ctrl+D and Del. While a field is being typed in,
    /// Ctrl+Z is the field's own, and Ctrl+S first leaves the field.
    pub(super) fn editing_keys(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if std::mem::take(&mut self.editing.save_next_frame) {
            commands.push(Command::Edit(EditCommand::Save));
        }
        let typing = ctx.egui_wants_keyboard_input();
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        ctx.input_mut(|i| {
            if i.consume_key(shift_command, Key::S) {
                commands.push(Command::Edit(EditCommand::SaveAsDialog));
            }
            if i.consume_key(Modifiers::COMMAND, Key::S) {
                if typing {
                    // The field is left first, so that what it holds is saved too.
                    self.editing.save_next_frame = true;
                } else {
                    commands.push(Command::Edit(EditCommand::Save));
                }
            }
            if i.consume_key(Modifiers::COMMAND, Key::N) {
                commands.push(Command::Edit(EditCommand::NewEvent {
                    date: None,
                    actor: None,
                    topic: None,
                }));
            }
            if typing {
                return;
            }
            if i.consume_key(shift_command, Key::Z) || i.consume_key(Modifiers::COMMAND, Key::Y) {
                commands.push(Command::Edit(EditCommand::Redo));
            }
            if i.consume_key(Modifiers::COMMAND, Key::Z) {
                commands.push(Command::Edit(EditCommand::Undo));
            }
            if self.editing.on && i.consume_key(Modifiers::COMMAND, Key::D) {
                commands.push(Command::Edit(EditCommand::Duplicate));
            }
            if self.editing.on && i.consume_key(Modifiers::NONE, Key::Delete) {
                commands.push(Command::Edit(EditCommand::AskDelete));
            }
            if i.consume_key(Modifiers::NONE, Key::E) {
                commands.push(Command::Edit(EditCommand::SetEditing(!self.editing.on)));
            }
        });
        if typing && self.editing.save_next_frame {
            ctx.memory_mut(|m| m.stop_text_input());
            ctx.request_repaint();
        }
        commands
    }

    /// Holds back the window's close while there are unsaved edits, and asks.
    pub(super) fn hold_close(&mut self, ctx: &egui::Context) {
        let asked = ctx.input(|i| i.viewport().close_requested());
        if asked && !self.editing.close_confirmed && self.ask_before(Pending::Close) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    /// The banners of editing: the file changed on disk, edits left by a
    /// crash, a refused edit or save, the conflicts of Keep mine.
    pub(super) fn editing_banners_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if self.editing.changed_on_disk {
            commands.extend(changed_on_disk_ui(ui));
        }
        if let Some(offer) = self.journal_offer() {
            commands.extend(journal_banner_ui(ui, offer.count, &offer.when));
        }
        let form_shows_refusal = self.editing.on && self.viewport.selected.is_some();
        if let Some(refusal) = self
            .editing
            .refusal
            .as_ref()
            .filter(|_| !form_shows_refusal)
        {
            commands.extend(message_ui(ui, std::slice::from_ref(refusal), true));
        }
        if !self.editing.conflicts.is_empty() {
            let mut lines =
                vec!["These edits were not applied on the file as it is now:".to_string()];
            lines.extend(self.editing.conflicts.iter().cloned());
            commands.extend(message_ui(ui, &lines, true));
        }
        if let Some(saved) = &self.editing.saved {
            commands.extend(message_ui(ui, std::slice::from_ref(saved), false));
        }
    }

    /// The questions of editing: unsaved changes, a deletion; and the review window.
    pub(super) fn editing_windows(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let title = &self.doc.dataset().title;
        if let Some(pending) = &self.editing.pending {
            let before = match pending {
                Pending::Close => "closing".to_string(),
                Pending::Open(path) => format!("opening {}", path.display()),
                Pending::OpenDialog => "opening another file".to_string(),
            };
            commands.extend(unsaved_dialog_ui(ctx, title, &before));
        } else if let Some(id) = &self.editing.asking_delete {
            let event_title = self
                .doc
                .event_position(id)
                .and_then(|e| self.doc.dataset().events.get(e as usize))
                .map_or(id.as_str(), |e| e.title.as_str());
            commands.extend(delete_dialog_ui(ctx, id, event_title));
        }
        if let Some(lines) = &self.editing.review {
            commands.extend(review_window_ui(ctx, lines));
        }
    }

    /// The editor of the actors, the topics or the eras, when one is open.
    pub(super) fn head_editor_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let editing = self.doc.editing();
        let actor = |id: &str| editing.actor_use_count(id);
        let topic = |id: &str| editing.topic_use_count(id);
        let uses = Uses {
            actor: &actor,
            topic: &topic,
        };
        let dataset = self.doc.dataset();
        commands.extend(head_editor_window(
            ctx,
            dataset,
            &mut self.editing.head,
            &uses,
        ));
    }
}
