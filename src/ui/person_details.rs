//! An actor in the details panel, opened by clicking its lane header on the
//! canvas: its events at a glance and, for a person, each role with its
//! dates, note and sources.

use eframe::egui::{self, CursorIcon, Rect, RichText, Sense, Ui};

use crate::analysis::ActorSummary;
use crate::command::Command;
use crate::model::{Actor, ActorKind, Dataset, Role};
use crate::ui::actor_glance::actor_glance_ui;
use crate::ui::actor_names::other_names_ui;
use crate::ui::details_panel::sources_ui;

/// Makes the header `rect` of the lane of person `id` (named `label`) a button
/// that shows their roles; the command when it was clicked.
pub(crate) fn person_lane_header_ui(ui: &Ui, rect: Rect, id: &str, label: &str) -> Option<Command> {
    let name = format!("Roles of {label}");
    lane_header_button(
        ui,
        rect,
        ("person lane", id),
        "Show roles and sources",
        &name,
    )
}

/// Makes the name in the header `rect` of the lane of a country or
/// organization `id` a button that shows it at a glance; the command when clicked.
pub(crate) fn actor_lane_header_ui(ui: &Ui, rect: Rect, id: &str, label: &str) -> Option<Command> {
    let name = format!("About {label}");
    lane_header_button(
        ui,
        rect,
        ("actor lane", id),
        "Show its events at a glance",
        &name,
    )
}

/// A lane header `rect` as a button named `name` for screen readers, which
/// shows the actor of `(salt, id)` in the details panel when clicked.
fn lane_header_button(
    ui: &Ui,
    rect: Rect,
    (salt, id): (&str, &str),
    hover: &str,
    name: &str,
) -> Option<Command> {
    let response = ui
        .interact(rect, ui.scope_id().with((salt, id)), Sense::click())
        .on_hover_cursor(CursorIcon::PointingHand)
        .on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response
        .clicked()
        .then(|| Command::ShowPerson(Some(id.to_string())))
}

/// Shows the actor `id` in `ui`: its events at a glance (`summary`, under the
/// filters) and its roles; what the user asked for.
pub(crate) fn person_details_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    id: &str,
    summary: &ActorSummary,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let actor = dataset.actor(id);
    ui.horizontal(|ui| {
        ui.label(RichText::new(actor.map_or("", |a| a.kind.as_str())).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Close (Esc)").clicked() {
                commands.push(Command::ShowPerson(None));
            }
        });
    });
    ui.separator();
    match actor {
        Some(actor) => {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.label(RichText::new(&actor.name).heading());
                    other_names_ui(ui, actor);
                    commands.extend(actor_glance_ui(ui, dataset, summary));
                    ui.add_space(6.0);
                    if actor.kind == ActorKind::Person {
                        actor_roles_ui(ui, dataset, actor);
                    } else {
                        if !actor.aliases.is_empty() {
                            let aliases = format!("Also: {}", actor.aliases.join(", "));
                            ui.label(RichText::new(aliases).weak());
                        }
                        ui.label(RichText::new(format!("id: {}", actor.id)).weak().small());
                    }
                });
        }
        None => {
            ui.label(format!("{id} is not in this dataset."));
        }
    }
    commands
}

fn actor_roles_ui(ui: &mut Ui, dataset: &Dataset, actor: &Actor) {
    if !actor.aliases.is_empty() {
        ui.label(RichText::new(format!("Also: {}", actor.aliases.join(", "))).weak());
    }
    if actor.roles.is_empty() {
        ui.add_space(8.0);
        ui.label("No roles are recorded.");
    }
    for role in &actor.roles {
        ui.add_space(10.0);
        role_ui(ui, dataset, role);
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("id: {}", actor.id)).weak().small());
}

fn role_ui(ui: &mut Ui, dataset: &Dataset, role: &Role) {
    ui.label(RichText::new(format!("{}, {}", role.title, dataset.actor_name(&role.of))).strong());
    ui.label(term(role));
    if let Some(note) = &role.note {
        ui.label(RichText::new(format!("Note: {note}")).italics());
    }
    ui.add_space(2.0);
    if role.sources.is_empty() {
        ui.label(RichText::new("No source").weak());
    } else {
        ui.label(RichText::new("Sources").weak());
        sources_ui(ui, &role.sources);
    }
}

/// The dates of a role as a reader says them: "2013-11-20? – 2025-01-23", "from 1994-11-16".
fn term(role: &Role) -> String {
    match (&role.from, &role.to) {
        (Some(from), Some(to)) => format!("{} – {}", from.text(), to.text()),
        (Some(from), None) => format!("from {}", from.text()),
        (None, Some(to)) => format!("until {}", to.text()),
        (None, None) => "dates not known".to_string(),
    }
}
