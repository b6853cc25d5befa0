//! The details of the selected event: everything the dataset says about it,
//! with its sources as links.

use eframe::egui::{self, RichText, Ui};

use crate::command::{Command, EditCommand};
use crate::index::EventIdx;
use crate::model::jalali::jalali_reading;
use crate::model::{Dataset, Event, Source, cameo};
use crate::ui::actor_names::participants_ui;
use crate::ui::bidi::{body_format, ui_format, visual_label};

/// Shows the selected event in `ui`; what the user asked for.
pub(crate) fn details_panel_ui(ui: &mut Ui, dataset: &Dataset, selected: EventIdx) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(event) = dataset.events.get(selected as usize) else {
        return commands;
    };
    commands.extend(event_header_ui(ui, selected, false));
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            event_details_ui(ui, dataset, event);
        });
    commands
}

/// The buttons above an event's details: step to the previous or next
/// event, zoom to it, close; while `editing`, duplicate and delete it too.
pub(crate) fn event_header_ui(ui: &mut Ui, selected: EventIdx, editing: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .button("Previous")
            .on_hover_text("Previous event (P)")
            .clicked()
        {
            commands.push(Command::SelectPrevious);
        }
        if ui.button("Next").on_hover_text("Next event (N)").clicked() {
            commands.push(Command::SelectNext);
        }
        if ui.button("Zoom to event").clicked() {
            commands.push(Command::FitEvent(selected));
        }
        if editing {
            if ui.button("Duplicate").on_hover_text("Ctrl+D").clicked() {
                commands.push(Command::Edit(EditCommand::Duplicate));
            }
            if ui.button("Delete…").on_hover_text("Del").clicked() {
                commands.push(Command::Edit(EditCommand::AskDelete));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Clear the selection (Esc)")
                .clicked()
            {
                commands.push(Command::Select(None));
            }
        });
    });
    commands
}

fn event_details_ui(ui: &mut Ui, dataset: &Dataset, event: &Event) {
    let heading = ui_format(
        ui,
        egui::TextStyle::Heading,
        ui.visuals().strong_text_color(),
    );
    visual_label(ui, &event.title, heading);
    ui.add_space(4.0);
    let value_width = (ui.available_width() - 110.0).max(120.0);
    egui::Grid::new("event details")
        .max_col_width(value_width)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(false)
        .show(ui, |ui| {
            let field = |ui: &mut Ui, name: &str| {
                ui.label(RichText::new(name).weak());
            };
            field(ui, "Date");
            ui.label(format!(
                "{}  ({})",
                event.date.text(),
                event.date.describe_precision()
            ));
            ui.end_row();
            if let Some(jalali) = jalali_reading(&event.date) {
                field(ui, "Solar Hijri");
                ui.label(jalali);
                ui.end_row();
            }
            field(ui, "Kind");
            ui.label(event.kind.label());
            ui.end_row();
            if let Some(code) = event.cameo_code() {
                field(ui, "Code");
                ui.label(format!("CAMEO {}", cameo::describe(code)));
                ui.end_row();
            }
            if !event.actors.is_empty() {
                field(ui, "Actors");
                participants_ui(ui, dataset, &event.actors);
                ui.end_row();
            }
            if !event.counterparts.is_empty() {
                field(ui, "Counterparts");
                participants_ui(ui, dataset, &event.counterparts);
                ui.end_row();
            }
            if !event.topics.is_empty() {
                field(ui, "Topics");
                let topics: Vec<&str> =
                    event.topics.iter().map(|t| dataset.topic_name(t)).collect();
                ui.label(topics.join(", "));
                ui.end_row();
            }
            if let Some(place) = &event.place {
                field(ui, "Place");
                visual_label(ui, place, body_format(ui));
                ui.end_row();
            }
        });
    if !event.summary.is_empty() {
        ui.add_space(8.0);
        ui.label(event.summary.as_str());
    }
    if let Some(note) = &event.note {
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Note: {note}")).italics());
    }
    ui.add_space(10.0);
    ui.label(RichText::new("Sources").strong());
    sources_ui(ui, &event.sources);
    ui.add_space(6.0);
    ui.label(RichText::new(format!("id: {}", event.id)).weak().small());
}

/// Lists `sources`, each as "publisher: title" linking to its URL, with its date of publication.
pub(crate) fn sources_ui(ui: &mut Ui, sources: &[Source]) {
    for source in sources {
        let text = match &source.title {
            Some(title) => format!("{}: {title}", source.publisher),
            None => source.publisher.to_string(),
        };
        ui.horizontal_wrapped(|ui| {
            match &source.url {
                Some(url) => {
                    ui.hyperlink_to(text, url).on_hover_text(url.as_str());
                }
                None => {
                    ui.label(text);
                }
            }
            if let Some(published) = &source.published {
                ui.label(RichText::new(format!("({})", published.text())).weak());
            }
        });
    }
}
