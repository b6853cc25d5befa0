//! The event form's sources: publisher, title, URL and date of publication
//! of each, which can be added, removed, reordered and opened.

use eframe::egui::{self, RichText, Ui};

use super::event_form::{EventForm, change};
use crate::command::Command;
use crate::model::{EdtfDate, Source};

/// A source's fields as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct SourceDraft {
    pub(crate) publisher: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) published: String,
}

impl SourceDraft {
    /// The fields of `source`.
    pub(crate) fn of(source: &Source) -> SourceDraft {
        SourceDraft {
            publisher: source.publisher.to_string(),
            title: source.title.as_deref().unwrap_or_default().to_string(),
            url: source.url.as_deref().unwrap_or_default().to_string(),
            published: source
                .published
                .as_ref()
                .map(|d| d.text().to_string())
                .unwrap_or_default(),
        }
    }

    /// The source as typed, or the field that does not read and why.
    pub(crate) fn source(&self) -> Result<Source, (&'static str, String)> {
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().into());
        if self.publisher.trim().is_empty() {
            return Err(("sources", "a source needs its publisher".to_string()));
        }
        let published = match self.published.trim() {
            "" => None,
            date => Some(EdtfDate::parse(date).map_err(|e| ("sources", e.to_string()))?),
        };
        Ok(Source {
            publisher: self.publisher.trim().into(),
            title: text(&self.title),
            url: text(&self.url),
            published,
        })
    }
}

/// The sources; true when one of their fields was left, with the edits asked
/// for by the buttons (add, remove, move).
pub(super) fn sources_ui(ui: &mut Ui, form: &mut EventForm) -> (bool, Vec<Command>) {
    let mut commands = Vec::new();
    let mut left = false;
    ui.add_space(6.0);
    ui.label(RichText::new("Sources").strong());
    let count = form.sources.len();
    for at in 0..count {
        let draft = &mut form.sources[at];
        let number = at + 1;
        ui.group(|ui| {
            for (name, text) in [
                ("Publisher", &mut draft.publisher),
                ("Source title", &mut draft.title),
                ("URL", &mut draft.url),
                ("Published", &mut draft.published),
            ] {
                ui.horizontal(|ui| {
                    let label = ui.label(RichText::new(name).weak());
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .desired_width(f32::INFINITY)
                                .id_salt(("source", at, name)),
                        )
                        .labelled_by(label.id);
                    left |= response.lost_focus();
                });
            }
            ui.horizontal(|ui| {
                if let Some(moved) = source_buttons_ui(ui, &form.base.sources, at, count) {
                    let mut event = form.base.clone();
                    event.sources = moved.into();
                    commands.push(change(&form.base, event));
                }
                if !draft.url.trim().is_empty() {
                    ui.hyperlink_to(format!("Open source {number}"), draft.url.trim());
                }
            });
        });
    }
    if let Some(problem) = form.problems.get("sources") {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    if ui.button("Add source").clicked() {
        // Kept as a draft until its publisher is typed.
        form.sources.push(SourceDraft::default());
    }
    (left, commands)
}

/// The buttons that move source `at` up or down, or remove it; the sources
/// as they become when one was clicked.
fn source_buttons_ui(
    ui: &mut Ui,
    sources: &[Source],
    at: usize,
    count: usize,
) -> Option<Vec<Source>> {
    let number = at + 1;
    let count = count.min(sources.len());
    if at >= count {
        return None;
    }
    let mut moved = None;
    if ui
        .add_enabled(
            at > 0,
            egui::Button::new(format!("Move source {number} up")).small(),
        )
        .clicked()
    {
        let mut list = sources.to_vec();
        list.swap(at, at - 1);
        moved = Some(list);
    }
    if ui
        .add_enabled(
            at + 1 < count,
            egui::Button::new(format!("Move source {number} down")).small(),
        )
        .clicked()
    {
        let mut list = sources.to_vec();
        list.swap(at, at + 1);
        moved = Some(list);
    }
    if ui
        .add(egui::Button::new(format!("Remove source {number}")).small())
        .clicked()
    {
        let mut list = sources.to_vec();
        list.remove(at);
        moved = Some(list);
    }
    moved
}
