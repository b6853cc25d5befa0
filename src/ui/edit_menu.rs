//! The Edit menu and the File menu's saving: Editing on and off, Undo and
//! Redo named by what they undo, new, duplicate and delete, Save, Save as
//! and the review of unsaved changes.

use eframe::egui::{self, Ui};

use crate::command::{Command, EditCommand, HeadEditor};

/// What the Edit menu shows enabled, ticked and named.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EditMenuState<'a> {
    /// Editing is on.
    pub(crate) on: bool,
    /// What Undo undoes, if anything.
    pub(crate) undo: Option<&'a str>,
    /// What Redo redoes, if anything.
    pub(crate) redo: Option<&'a str>,
    /// There are unsaved edits.
    pub(crate) modified: bool,
    /// An event is selected.
    pub(crate) selected: bool,
}

fn item(ui: &mut Ui, enabled: bool, text: &str, keys: &str) -> bool {
    ui.add_enabled(enabled, egui::Button::new(text).shortcut_text(keys))
        .clicked()
}

/// The File menu's items of saving; what was asked for.
pub(crate) fn save_items_ui(ui: &mut Ui, state: EditMenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    if item(ui, true, "Save", "Ctrl+S") {
        commands.push(Command::Edit(EditCommand::Save));
    }
    if item(ui, true, "Save as…", "Ctrl+Shift+S") {
        commands.push(Command::Edit(EditCommand::SaveAsDialog));
    }
    if item(ui, state.modified, "Review changes…", "") {
        commands.push(Command::Edit(EditCommand::ReviewChanges(true)));
    }
    commands
}

/// The Edit menu; what was asked for.
pub(crate) fn edit_menu_ui(ui: &mut Ui, state: EditMenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.menu_button("Edit", |ui| {
        let mut on = state.on;
        if ui.checkbox(&mut on, "Editing").on_hover_text("E").changed() {
            commands.push(Command::Edit(EditCommand::SetEditing(on)));
        }
        ui.separator();
        let undo = state
            .undo
            .map_or("Undo".to_string(), |what| format!("Undo: {what}"));
        if item(ui, state.undo.is_some(), &undo, "Ctrl+Z") {
            commands.push(Command::Edit(EditCommand::Undo));
        }
        let redo = state
            .redo
            .map_or("Redo".to_string(), |what| format!("Redo: {what}"));
        if item(ui, state.redo.is_some(), &redo, "Ctrl+Shift+Z") {
            commands.push(Command::Edit(EditCommand::Redo));
        }
        ui.separator();
        if item(ui, true, "New event", "Ctrl+N") {
            commands.push(Command::Edit(EditCommand::NewEvent {
                date: None,
                actor: None,
                topic: None,
            }));
        }
        let on_selection = state.on && state.selected;
        if item(ui, on_selection, "Duplicate event", "Ctrl+D") {
            commands.push(Command::Edit(EditCommand::Duplicate));
        }
        if item(ui, on_selection, "Delete event…", "Del") {
            commands.push(Command::Edit(EditCommand::AskDelete));
        }
        ui.separator();
        for (words, editor) in [
            ("Actors…", HeadEditor::Actors),
            ("Topics…", HeadEditor::Topics),
            ("Eras…", HeadEditor::Eras),
        ] {
            if item(ui, state.on, words, "") {
                commands.push(Command::Edit(EditCommand::ShowEditor(Some(editor))));
            }
        }
    });
    commands
}
