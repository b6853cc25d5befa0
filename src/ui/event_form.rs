//! The form of the selected event while editing: each field as typed, read
//! back as it is typed, and turned into an edit of the whole event when the
//! field is left. A field that does not read shows its problem and changes
//! nothing: the dataset keeps the last valid value.

use std::collections::BTreeMap;

use eframe::egui::{self, Color32, RichText, Ui};

use super::event_form_lists::{actors_ui, kind_ui, topics_ui};
use super::event_form_sources::{SourceDraft, sources_ui};
use crate::command::{Command, EditCommand};
use crate::edit::Edit;
use crate::model::jalali::jalali_reading;
use crate::model::{Coordinates, Dataset, EdtfDate, Event, cameo};
use crate::timeline::period_words::date_reading;
use crate::ui::bidi::{body_format, has_right_to_left, visual_label};

/// The selected event's fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventForm {
    /// The event as it was when the form was filled; when it changes (an
    /// edit applied, undone, a drag) the form is filled again.
    pub(crate) base: Event,
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) end: String,
    pub(crate) place: String,
    /// The coordinates as typed, `38.54, 68.78`; empty for none.
    pub(crate) at: String,
    pub(crate) summary: String,
    pub(crate) note: String,
    pub(crate) cameo: String,
    pub(crate) sources: Vec<SourceDraft>,
    /// What is typed in the search of the actor and counterpart pickers.
    pub(crate) searches: [String; 2],
    /// The problem of each field that does not read, by field name.
    pub(crate) problems: BTreeMap<&'static str, String>,
}

impl EventForm {
    /// The form of `event`.
    pub(crate) fn of(event: &Event) -> EventForm {
        let text = event.date.text();
        let (date, end) = match text.split_once('/') {
            Some((start, end)) => (start.to_string(), end.to_string()),
            None => (text.to_string(), String::new()),
        };
        EventForm {
            base: event.clone(),
            title: event.title.to_string(),
            date,
            end,
            place: event.place.as_deref().unwrap_or_default().to_string(),
            at: event
                .at
                .map(|Coordinates(lat, lon)| format!("{lat}, {lon}"))
                .unwrap_or_default(),
            summary: event.summary.to_string(),
            note: event.note.as_deref().unwrap_or_default().to_string(),
            cameo: event.cameo.as_deref().unwrap_or_default().to_string(),
            sources: event.sources.iter().map(SourceDraft::of).collect(),
            searches: Default::default(),
            problems: BTreeMap::new(),
        }
    }

    /// The date as typed: the start, and the end after a `/` when there is one.
    fn date_text(&self) -> String {
        let (start, end) = (self.date.trim(), self.end.trim());
        if end.is_empty() {
            start.to_string()
        } else {
            format!("{start}/{end}")
        }
    }

    /// The event the typed fields give, or the field that does not read and why.
    pub(crate) fn event(&self) -> Result<Event, (&'static str, String)> {
        let mut event = self.base.clone();
        if self.title.trim().is_empty() {
            return Err(("title", "a title is needed".to_string()));
        }
        event.title = self.title.trim().into();
        event.date = EdtfDate::parse(&self.date_text()).map_err(|e| {
            let field = if self.end.trim().is_empty() {
                "date"
            } else {
                "end"
            };
            (field, e.to_string())
        })?;
        event.place = optional(&self.place);
        event.at = match self.at.trim() {
            "" => None,
            typed => Some(typed.parse().map_err(|e| ("at", e))?),
        };
        event.summary = self.summary.trim().into();
        event.note = optional(&self.note);
        event.cameo = match self.cameo.trim() {
            "" => None,
            code => Some(
                cameo::normalize(code)
                    .ok_or_else(|| ("cameo", format!("{code:?} is not a CAMEO event code")))?
                    .into(),
            ),
        };
        event.sources = self
            .sources
            .iter()
            .map(SourceDraft::source)
            .collect::<Result<_, _>>()?;
        Ok(event)
    }

    /// The edit that makes the event say what the form says, if it says
    /// something else; a problem is kept on its field instead.
    fn commit(&mut self) -> Option<Command> {
        match self.event() {
            Ok(event) => {
                self.problems.clear();
                (event != self.base).then(|| change(&self.base, event))
            }
            Err((field, problem)) => {
                self.problems.clear();
                self.problems.insert(field, problem);
                None
            }
        }
    }
}

/// The command that puts `event` in place of `base`.
pub(super) fn change(base: &Event, event: Event) -> Command {
    Command::Edit(EditCommand::Apply(Edit::change_event(&base.id, event)))
}

fn optional<T: for<'a> From<&'a str>>(text: &str) -> Option<T> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.into())
}

/// Shows the form; the edits asked for. `refusal` is why the last edit was refused.
pub(crate) fn event_form_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    form: &mut EventForm,
    refusal: Option<&str>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if let Some(refusal) = refusal {
        ui.colored_label(ui.visuals().error_fg_color, refusal);
        ui.add_space(4.0);
    }
    let mut left = false;
    left |= line_ui(ui, "Title", &mut form.title, form.problems.get("title"));
    left |= line_ui(ui, "Date", &mut form.date, form.problems.get("date"));
    left |= line_ui(ui, "End", &mut form.end, form.problems.get("end"));
    date_reading_ui(ui, form);
    if let Some(command) = kind_ui(ui, dataset, &form.base) {
        commands.push(command);
    }
    commands.extend(actors_ui(ui, dataset, form));
    commands.extend(topics_ui(ui, dataset, &form.base));
    left |= line_ui(ui, "Place", &mut form.place, form.problems.get("place"));
    left |= line_ui(ui, "Coordinates", &mut form.at, form.problems.get("at"));
    left |= text_ui(ui, "Summary", &mut form.summary);
    left |= text_ui(ui, "Note", &mut form.note);
    left |= line_ui(
        ui,
        "CAMEO code",
        &mut form.cameo,
        form.problems.get("cameo"),
    );
    cameo_reading_ui(ui, form);
    let (sources_left, source_commands) = sources_ui(ui, form);
    commands.extend(source_commands);
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!("id: {}", form.base.id))
            .weak()
            .small(),
    );
    if left || sources_left {
        commands.extend(form.commit());
    }
    commands
}

/// A one-line field under its label; true when it was left (focus lost or Enter).
fn line_ui(ui: &mut Ui, name: &str, text: &mut String, problem: Option<&String>) -> bool {
    let label = ui.label(RichText::new(name).weak());
    if has_right_to_left(text) {
        return read_only_ui(ui, label.id, text);
    }
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .id_salt(("event form", name)),
    );
    let response = response.labelled_by(label.id);
    problem_ui(ui, problem);
    response.lost_focus()
}

/// A field of several lines under its label; true when it was left.
fn text_ui(ui: &mut Ui, name: &str, text: &mut String) -> bool {
    let label = ui.label(RichText::new(name).weak());
    if has_right_to_left(text) {
        return read_only_ui(ui, label.id, text);
    }
    let response = ui
        .add(
            egui::TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .id_salt(("event form", name)),
        )
        .labelled_by(label.id);
    response.lost_focus()
}

/// A field holding right-to-left text (Persian), shown read-only: egui's text
/// editing places the cursor and the selection wrongly in it. It can be
/// cleared, which counts as leaving the field; true then.
fn read_only_ui(ui: &mut Ui, label: egui::Id, text: &mut String) -> bool {
    visual_label(ui, text, body_format(ui)).labelled_by(label);
    let mut cleared = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(
                "Right-to-left text is read-only here: the editor would misplace the \
                 cursor. Change it in the file or with `annals set`.",
            )
            .weak()
            .small(),
        );
        cleared = ui.small_button("Clear").clicked();
    });
    if cleared {
        text.clear();
    }
    cleared
}

fn problem_ui(ui: &mut Ui, problem: Option<&String>) {
    if let Some(problem) = problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
}

/// What the date as typed says ("May 2022, month only"), or why it does not read.
fn date_reading_ui(ui: &mut Ui, form: &EventForm) {
    let reading = EdtfDate::parse(&form.date_text());
    let (text, colour) = match &reading {
        Ok(date) => {
            let reading = match jalali_reading(date) {
                Some(jalali) => format!("{} · {jalali}", date_reading(date)),
                None => date_reading(date),
            };
            (reading, ui.visuals().weak_text_color())
        }
        Err(error) if !form.problems.contains_key("date") && !form.problems.contains_key("end") => {
            (error.to_string(), ui.visuals().warn_fg_color)
        }
        Err(_) => return,
    };
    ui.label(RichText::new(text).color(colour).small());
    ui.add_space(4.0);
}

/// The name of the CAMEO code as typed, or of the kind's own code when none is.
fn cameo_reading_ui(ui: &mut Ui, form: &EventForm) {
    let typed = form.cameo.trim();
    let text = if typed.is_empty() {
        match form.base.kind.cameo() {
            Some(code) => format!("The kind's code: {}", cameo::describe(code)),
            None => "No code".to_string(),
        }
    } else {
        match cameo::normalize(typed) {
            Some(code) => cameo::describe(code),
            None if !form.problems.contains_key("cameo") => "Not a CAMEO event code".to_string(),
            None => return,
        }
    };
    ui.label(RichText::new(text).color(Color32::GRAY).small());
    ui.add_space(4.0);
}
