//! The import dialog: the columns of a spreadsheet with its first rows, a field
//! for each column, the date order, and the problems left by these choices.

use eframe::egui::{self, RichText, Ui};

use crate::command::{Command, ImportCommand};
use crate::import::ImportDraft;
use crate::import::{DateOrder, mappable_fields};
use crate::model::Calendar;

/// The date orders offered, with their labels.
const ORDERS: [(Option<DateOrder>, &str); 4] = [
    (None, "From the data"),
    (Some(DateOrder::Dmy), "Day first (16/05/2022)"),
    (Some(DateOrder::Mdy), "Month first (05/16/2022)"),
    (Some(DateOrder::Ymd), "Year first (2022/05/16)"),
];

/// Shows the dialog's content for `draft`; what the user asked for.
pub(crate) fn import_dialog_ui(ui: &mut Ui, draft: &ImportDraft) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label("Some columns match no field. Choose what each column holds:");
    ui.add_space(4.0);
    egui::ScrollArea::horizontal().show(ui, |ui| {
        columns_grid_ui(ui, draft, &mut commands);
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label("Numeric dates:");
        let current = ORDERS
            .iter()
            .find(|(o, _)| *o == draft.date_order)
            .map_or("From the data", |(_, l)| l);
        egui::ComboBox::from_id_salt("import date order")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (order, label) in ORDERS {
                    if ui
                        .selectable_label(draft.date_order == order, label)
                        .clicked()
                    {
                        commands.push(Command::Import(ImportCommand::DateOrder(order)));
                    }
                }
            })
            .response
            .accessible_name("Numeric dates");
        ui.add_space(12.0);
        ui.label("Calendar:");
        egui::ComboBox::from_id_salt("import calendar")
            .selected_text(draft.calendar.label())
            .show_ui(ui, |ui| {
                for calendar in [Calendar::Gregorian, Calendar::Jalali] {
                    if ui
                        .selectable_label(draft.calendar == calendar, calendar.label())
                        .clicked()
                    {
                        commands.push(Command::Import(ImportCommand::Calendar(calendar)));
                    }
                }
            })
            .response
            .accessible_name("Calendar");
    });
    ui.add_space(6.0);
    problems_ui(ui, draft);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let ready = draft.dataset.is_some();
        if ui.add_enabled(ready, egui::Button::new("Open")).clicked() {
            commands.push(Command::Import(ImportCommand::Open));
        }
        if ui
            .add_enabled(ready, egui::Button::new("Save as Annals dataset…"))
            .clicked()
        {
            commands.push(Command::Import(ImportCommand::SaveDialog));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::Import(ImportCommand::Cancel));
        }
    });
    commands
}

/// The headers, a field chooser under each, and the first rows.
fn columns_grid_ui(ui: &mut Ui, draft: &ImportDraft, commands: &mut Vec<Command>) {
    let fields = mappable_fields();
    egui::Grid::new("import columns")
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for header in &draft.preview.headers {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for (column, choice) in draft.choices.iter().enumerate() {
                let header = &draft.preview.headers[column];
                let shown = if choice.is_empty() {
                    "choose…"
                } else {
                    choice
                };
                egui::ComboBox::from_id_salt(("import field", column))
                    .selected_text(shown)
                    // Every field at once, without scrolling.
                    .height(fields.len() as f32 * 24.0)
                    .show_ui(ui, |ui| {
                        for field in &fields {
                            if ui.selectable_label(choice == field, *field).clicked() {
                                let chosen = ImportCommand::Choose(column, field.to_string());
                                commands.push(Command::Import(chosen));
                            }
                        }
                    })
                    .response
                    .accessible_name(format!("Field of the column {header}"))
                    .on_hover_text(format!("What the column {header:?} holds"));
            }
            ui.end_row();
            for row in &draft.preview.rows {
                for cell in row {
                    let cell: String = cell.chars().take(40).collect();
                    ui.label(cell.replace('\n', " "));
                }
                ui.end_row();
            }
        });
}

/// The problems of the current choices, or that there are none.
fn problems_ui(ui: &mut Ui, draft: &ImportDraft) {
    if draft.problems.is_empty() {
        let events = draft.dataset.as_ref().map_or(0, |d| d.events.len());
        ui.label(format!("No problems: {events} events are ready."));
        return;
    }
    ui.label(RichText::new(format!("{} problems:", draft.problems.len())).strong());
    egui::ScrollArea::vertical()
        .max_height(140.0)
        .id_salt("import problems")
        .show(ui, |ui| {
            for line in &draft.problems {
                ui.label(
                    RichText::new(line)
                        .monospace()
                        .color(ui.visuals().error_fg_color),
                );
            }
        });
}
