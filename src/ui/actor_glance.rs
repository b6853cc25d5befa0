//! An actor at a glance, at the top of its details: how many events of each
//! kind, whom it deals with most, and its first and last event.

use eframe::egui::{RichText, Ui};

use crate::analysis::ActorSummary;
use crate::command::Command;
use crate::model::Dataset;

/// Shows `summary` of an actor's events under the filters; what the user asked for
/// (clicking the first or last event selects it).
pub(crate) fn actor_glance_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    summary: &ActorSummary,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let events = crate::model::words::events(summary.events);
    ui.label(RichText::new(format!("{events} under the filters")).strong());
    if !summary.kinds.is_empty() {
        let kinds: Vec<String> = summary
            .kinds
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.label()))
            .collect();
        ui.label(kinds.join(", "));
    }
    if !summary.counterparts.is_empty() {
        let with: Vec<String> = summary
            .counterparts
            .iter()
            .map(|(id, n)| format!("{} ({n})", dataset.actor_name(id)))
            .collect();
        ui.label(format!("Most with: {}", with.join(", ")));
    }
    for (word, event) in [("First", summary.first), ("Last", summary.last)] {
        let Some(e) = event else { continue };
        let Some(found) = dataset.events.get(e as usize) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{word}:")).weak());
            let text = format!("{} {}", found.date.text(), found.title);
            if ui.link(text).on_hover_text("Select this event").clicked() {
                commands.push(Command::Select(Some(e)));
            }
        });
    }
    commands
}
