//! The export dialog: a format, a destination, which events, a live count and
//! an Export button. It opens no dialog and writes no file: it returns the
//! [`Command`] that the App applies.

use std::path::PathBuf;

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::export::Format;
use crate::model::Calendar;

/// What the export dialog remembers between frames (and sessions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportDialogState {
    /// The chosen format.
    pub format: Format,
    /// The destination path as typed or chosen.
    pub destination: String,
    /// Only events wholly inside the period, rather than those overlapping it.
    pub strict: bool,
    /// Replace the destination if it exists.
    pub overwrite: bool,
    /// The calendar CSV and JSON write dates in.
    #[serde(default)]
    pub calendar: Calendar,
    /// A file name to suggest, set by the App from the dataset and the period.
    #[serde(skip)]
    pub suggested_name: String,
    /// The outcome of the last export, set by the App: `Ok("Wrote 6 events to …")` or an error.
    #[serde(skip)]
    pub outcome: Option<Result<String, String>>,
}

impl Default for ExportDialogState {
    fn default() -> Self {
        ExportDialogState {
            format: Format::Csv,
            destination: String::new(),
            strict: false,
            overwrite: false,
            calendar: Calendar::Gregorian,
            suggested_name: String::new(),
            outcome: None,
        }
    }
}

/// Draws the export dialog's contents; `count` is the number of events the
/// current choices would export (the App computes it with `state.strict`).
pub fn export_dialog_ui(
    ui: &mut egui::Ui,
    state: &mut ExportDialogState,
    count: usize,
) -> Option<Command> {
    let mut action = None;

    ui.label("Format");
    let before = state.format;
    for format in Format::ALL {
        ui.radio_value(&mut state.format, format, format.label());
    }
    if state.format != before {
        swap_extension(state, before);
    }
    if matches!(state.format, Format::Csv | Format::Json) {
        calendar_ui(ui, state);
    }
    ui.separator();

    ui.label("Events");
    ui.radio_value(
        &mut state.strict,
        false,
        "Matching the filters and overlapping the period",
    );
    ui.radio_value(
        &mut state.strict,
        true,
        "Only those wholly inside the period",
    );
    let events = crate::model::words::events(count);
    ui.strong(format!("{events} will be exported"));
    ui.separator();

    ui.label("Destination");
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.destination)
                .hint_text(state.suggested_name.as_str())
                .desired_width(320.0),
        )
        .on_hover_text("The file to write");
        if ui.button("Choose…").clicked() {
            action = Some(Command::ChooseExportDestination {
                suggested_name: suggested_name(state),
                format: state.format,
            });
        }
    });
    ui.checkbox(&mut state.overwrite, "Replace the file if it exists");

    match &state.outcome {
        Some(Ok(message)) => {
            ui.label(message);
        }
        Some(Err(message)) => {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        None => {}
    }

    ui.horizontal(|ui| {
        let destination = state.destination.trim();
        let ready = !destination.is_empty() && count > 0;
        let export = ui
            .add_enabled(ready, egui::Button::new("Export"))
            .on_disabled_hover_text(if count == 0 {
                "No event matches the filters"
            } else {
                "Choose where to write the file"
            });
        if export.clicked() {
            action = Some(Command::Export {
                format: state.format,
                path: PathBuf::from(destination),
                strict: state.strict,
                overwrite: state.overwrite,
            });
        }
        if ui.button("Close").clicked() {
            action = Some(Command::CloseExport);
        }
    });
    action
}

/// The calendar the dates are written in, for CSV and JSON.
fn calendar_ui(ui: &mut egui::Ui, state: &mut ExportDialogState) {
    ui.horizontal(|ui| {
        ui.label("Dates");
        egui::ComboBox::from_id_salt("export calendar")
            .selected_text(state.calendar.label())
            .show_ui(ui, |ui| {
                for calendar in Calendar::ALL {
                    ui.selectable_value(&mut state.calendar, calendar, calendar.label());
                }
            })
            .response
            .accessible_name("Dates");
    })
    .response
    .on_hover_text(match state.format {
        Format::Json => "JSON keeps the EDTF date and adds date_jalali",
        _ => "Jalali writes the date, start and end columns in the Jalali calendar; both adds three columns",
    });
}

/// The suggested name with the chosen format's extension.
fn suggested_name(state: &ExportDialogState) -> String {
    let name = if state.suggested_name.is_empty() {
        "annals-export"
    } else {
        state
            .suggested_name
            .rsplit_once('.')
            .map_or(state.suggested_name.as_str(), |(stem, _)| stem)
    };
    format!("{name}.{}", state.format.extension())
}

/// Follows a change of format in the destination's extension, when it had the old one.
fn swap_extension(state: &mut ExportDialogState, old: Format) {
    let old_ext = format!(".{}", old.extension());
    if let Some(stem) = state.destination.strip_suffix(&old_ext) {
        state.destination = format!("{stem}.{}", state.format.extension());
    }
}
