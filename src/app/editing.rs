//! Editing in the viewer: the switch, edits with undo and redo, new,
//! duplicated and deleted events, and saving; the question asked before
//! unsaved changes would be lost.

use std::path::{Path, PathBuf};

use thin_vec::ThinVec;

use super::App;
use super::document::Followed;
use crate::command::{EditCommand, UnsavedChoice};
use crate::edit::{Edit, SaveError};
use crate::model::{EdtfDate, Event, EventKind};
use crate::timeline::marks::glyph_time;
use crate::timeline::navigation;
use crate::ui::event_form::EventForm;
use crate::ui::head_editors::HeadEditors;

/// What waits for an answer about unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Closing the window.
    Close,
    /// Opening this file.
    Open(PathBuf),
    /// Asking which file to open.
    OpenDialog,
}

/// Where editing stands.
#[derive(Debug, Default)]
pub(super) struct Editing {
    /// Editing is on: the details panel is a form, and edits are allowed.
    pub(crate) on: bool,
    /// The form of the selected event, as typed.
    pub(crate) form: Option<EventForm>,
    /// The id of the event whose deletion waits for a yes.
    pub(crate) asking_delete: Option<String>,
    /// Why the last edit or save was refused.
    pub(crate) refusal: Option<String>,
    /// What the last save did.
    pub(crate) saved: Option<String>,
    /// An action waiting for Save, Discard or Cancel.
    pub(crate) pending: Option<Pending>,
    /// The list of unsaved changes, while it is shown.
    pub(crate) review: Option<Vec<String>>,
    /// The user chose to close without saving: the next close request goes through.
    pub(crate) close_confirmed: bool,
    /// The file changed on disk while there were unsaved edits.
    pub(crate) changed_on_disk: bool,
    /// The edits that could not be applied on the file as it is now, and why.
    pub(crate) conflicts: Vec<String>,
    /// Ctrl+S was pressed in a field: save once the field is left.
    pub(crate) save_next_frame: bool,
    /// The editors of the actors, topics and eras.
    pub(crate) head: HeadEditors,
}

impl App {
    /// True while editing is on.
    pub fn editing(&self) -> bool {
        self.editing.on
    }

    /// Why the last edit or save was refused, if it was.
    pub fn edit_refusal(&self) -> Option<&str> {
        self.editing.refusal.as_deref()
    }

    /// What waits for an answer about unsaved changes.
    pub fn pending_unsaved(&self) -> Option<&Pending> {
        self.editing.pending.as_ref()
    }

    /// The id of the event whose deletion waits for a confirmation.
    pub fn asking_delete(&self) -> Option<&str> {
        self.editing.asking_delete.as_deref()
    }

    /// Applies one command of editing.
    pub(super) fn apply_edit_command(&mut self, command: EditCommand) {
        match command {
            EditCommand::SetEditing(on) => self.editing.on = on,
            EditCommand::Apply(edit) => {
                self.edit(edit);
            }
            EditCommand::Undo => self.step_history(true),
            EditCommand::Redo => self.step_history(false),
            EditCommand::NewEvent { date, actor, topic } => self.new_event(date, actor, topic),
            EditCommand::Duplicate => self.duplicate(),
            EditCommand::AskDelete => {
                self.editing.asking_delete = self.viewport.selected_id(&self.doc);
            }
            EditCommand::Delete(id) => {
                self.editing.asking_delete = None;
                if self.edit(Edit::remove_event(&id)) {
                    self.viewport.selected = None;
                }
            }
            EditCommand::Dismiss => {
                self.editing.asking_delete = None;
                self.editing.conflicts.clear();
                self.editing.refusal = None;
                self.editing.saved = None;
            }
            EditCommand::Save => self.save(),
            EditCommand::SaveAsDialog => self.save_as_dialog(),
            EditCommand::SaveAs(path) => self.save_as(&path),
            EditCommand::ReviewChanges(show) => {
                self.editing.review = show.then(|| self.doc.unsaved_changes());
            }
            EditCommand::Unsaved(choice) => self.answer_unsaved(choice),
            EditCommand::ReloadDiscardingMine => {
                self.editing.changed_on_disk = false;
                self.forget_journal();
                self.reload_from_disk();
            }
            EditCommand::KeepMine => self.keep_mine(),
            EditCommand::ShowEditor(which) => self.editing.head.open = which,
            EditCommand::RemoveActorWithUses(id) => {
                match self.doc.editing().removal_of_actor(&id) {
                    Ok(edit) => {
                        self.edit(edit);
                    }
                    Err(error) => self.editing.refusal = Some(error.to_string()),
                }
            }
            EditCommand::RemoveTopicWithUses(id) => {
                match self.doc.editing().removal_of_topic(&id) {
                    Ok(edit) => {
                        self.edit(edit);
                    }
                    Err(error) => self.editing.refusal = Some(error.to_string()),
                }
            }
            EditCommand::RestoreJournal => self.restore_journal(),
            EditCommand::DiscardJournal => self.discard_journal(),
        }
    }

    /// Applies `edit`; false when it was refused (the reason is kept to show).
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        if self.loading.is_busy() {
            return false;
        }
        let selected = self.viewport.selected_id(&self.doc);
        match self.doc.apply(edit) {
            Ok(followed) => {
                self.editing.refusal = None;
                self.edited(selected, &followed);
                true
            }
            Err(error) => {
                self.editing.refusal = Some(error.to_string());
                false
            }
        }
    }

    /// Undoes (or redoes) the last edit, and selects and shows what it changed.
    fn step_history(&mut self, undo: bool) {
        let selected = self.viewport.selected_id(&self.doc);
        let done = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        match done {
            Ok(Some(followed)) => {
                self.editing.refusal = None;
                self.edited(selected, &followed);
                let touched = &followed.touched;
                if let Some(event) = touched.iter().find_map(|id| self.event_by_id(id)) {
                    self.viewport.selected = Some(event);
                    self.viewport.person = None;
                    if let Some(ev) = self.doc.dataset().events.get(event as usize) {
                        self.viewport.range =
                            navigation::keep_in_view(self.viewport.range, glyph_time(ev));
                    }
                }
            }
            Ok(None) => {}
            Err(error) => self.editing.refusal = Some(error.to_string()),
        }
    }

    /// Follows an applied edit: the selection by id (or the event the edit
    /// renamed), the filter's results, the lanes, the counts and the journal.
    fn edited(&mut self, selected: Option<String>, followed: &Followed) {
        self.viewport.selected = selected.and_then(|id| self.event_by_id(&id)).or_else(|| {
            match followed.touched.as_slice() {
                [only] if self.viewport.selected.is_some() => self.event_by_id(only),
                _ => None,
            }
        });
        let (filter, today) = (&self.view.filter, self.today);
        match &followed.moved {
            // The lanes stay; each moved event takes its new place in them.
            Some(moves)
                if self
                    .filtered
                    .events_moved(&self.doc, filter, today, &followed.before) =>
            {
                self.viewport.events_moved(&self.doc, moves);
                self.viewport.lay_out_again();
            }
            Some(moves) => {
                self.viewport.events_moved(&self.doc, moves);
                self.filtered.invalidate();
            }
            None => {
                self.viewport.lanes_are_stale();
                self.filtered.invalidate();
            }
        }
        self.analysis.forget();
        self.export.forget_count();
        self.refresh();
        self.journal.changed();
        self.keep_journal();
        if self.editing.review.is_some() {
            self.editing.review = Some(self.doc.unsaved_changes());
        }
    }

    /// Adds an event on `date` (today when none) in the lane of `actor` or
    /// `topic`, selects it and turns editing on.
    fn new_event(&mut self, date: Option<String>, actor: Option<String>, topic: Option<String>) {
        let date = date.unwrap_or_else(|| chrono::Local::now().format("%Y-%m-%d").to_string());
        let Ok(parsed) = EdtfDate::parse(&date) else {
            self.editing.refusal = Some(format!("{date:?} is not a date"));
            return;
        };
        let title = "New event";
        let event = Event {
            id: self.doc.new_event_id(&date, title).into(),
            kind: EventKind::Meeting,
            cameo: None,
            date: parsed,
            title: title.into(),
            actors: actor.into_iter().collect(),
            counterparts: Default::default(),
            topics: topic.into_iter().collect(),
            place: None,
            at: None,
            summary: Default::default(),
            sources: ThinVec::new(),
            note: None,
        };
        self.add_and_select(event);
    }

    /// Adds a copy of the selected event (with an id of its own), selected.
    fn duplicate(&mut self) {
        let Some(mut event) = self
            .viewport
            .selected
            .and_then(|e| self.doc.dataset().events.get(e as usize))
            .cloned()
        else {
            return;
        };
        event.id = self
            .doc
            .new_event_id(event.date.text(), &event.title)
            .into();
        self.add_and_select(event);
    }

    fn add_and_select(&mut self, event: Event) {
        let id = event.id.to_string();
        if self.edit(Edit::add_event(event)) {
            self.editing.on = true;
            self.viewport.selected = self.event_by_id(&id);
            self.viewport.person = None;
        }
    }

    /// Saves into the open file, or asks for a new one when it cannot be
    /// saved into (imported, embedded or read-only).
    fn save(&mut self) {
        let read_only = self
            .doc
            .path
            .as_deref()
            .and_then(|path| std::fs::metadata(path).ok())
            .is_some_and(|meta| meta.permissions().readonly());
        if read_only || !self.doc.can_save_in_place() {
            self.save_as_dialog();
            return;
        }
        match self.doc.save() {
            Ok(()) => self.after_save(),
            Err(error) => self.save_refused(&error),
        }
    }

    /// Asks where to save with the system's dialog, then saves there.
    fn save_as_dialog(&mut self) {
        let name = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(
                || "dataset".to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
        let dialog = rfd::FileDialog::new()
            .add_filter("Annals dataset", &["ron"])
            .set_directory(self.doc.export_folder())
            .set_file_name(format!("{name}.ron"));
        if let Some(path) = dialog.save_file() {
            self.save_as(&path);
        }
    }

    /// Saves as a new Annals dataset at `path`, which becomes the open file.
    fn save_as(&mut self, path: &Path) {
        match self.doc.save_as(path) {
            Ok(()) => {
                self.view.last_path = Some(path.to_path_buf());
                self.view.remember(path.to_path_buf());
                self.watch.restart(Some(path), self.ctx.as_ref());
                self.after_save();
            }
            Err(error) => self.save_refused(&error),
        }
    }

    fn after_save(&mut self) {
        self.editing.refusal = None;
        self.editing.saved = self
            .doc
            .path
            .as_ref()
            .map(|p| format!("Saved {}", p.display()));
        self.forget_journal();
        if let Some(pending) = self.editing.pending.take() {
            self.go_on(pending);
        }
    }

    fn save_refused(&mut self, error: &SaveError) {
        self.editing.refusal = Some(error.to_string());
        // Whatever waited for the save waits on: nothing is dropped unsaved.
    }

    /// Asks before `pending` when there are unsaved changes; true when it asked.
    pub(super) fn ask_before(&mut self, pending: Pending) -> bool {
        if !self.doc.is_modified() {
            return false;
        }
        self.editing.pending = Some(pending);
        true
    }

    /// The answer to "Save changes?".
    fn answer_unsaved(&mut self, choice: UnsavedChoice) {
        match choice {
            UnsavedChoice::Save => self.save(),
            UnsavedChoice::Discard => {
                if let Some(pending) = self.editing.pending.take() {
                    self.forget_journal();
                    self.go_on(pending);
                }
            }
            UnsavedChoice::Cancel => self.editing.pending = None,
        }
    }

    /// Does what waited for the answer about unsaved changes.
    fn go_on(&mut self, pending: Pending) {
        match pending {
            Pending::Close => {
                self.editing.close_confirmed = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(eframe::egui::ViewportCommand::Close);
                }
            }
            Pending::Open(path) => {
                self.open(&path);
                self.refresh();
            }
            Pending::OpenDialog => self.open_dialog(),
        }
    }
}
