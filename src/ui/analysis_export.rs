//! The export dialog of the chart and the matrix: a format, a destination
//! and an Export button. Like the timeline's export dialog, it writes
//! nothing itself: it returns the [`Command`] that the App applies.

use std::path::PathBuf;

use eframe::egui;

use crate::command::{AnalysisView, Command};
use crate::export::AnalysisFormat;

/// What the dialog holds while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisExportState {
    /// The chart or the matrix.
    pub(crate) view: AnalysisView,
    /// The chosen format.
    pub(crate) format: AnalysisFormat,
    /// The destination path as typed or chosen.
    pub destination: String,
    /// Replace the destination if it exists.
    pub(crate) overwrite: bool,
    /// Why the last attempt failed.
    pub(crate) error: Option<String>,
}

impl AnalysisExportState {
    /// The dialog for `view`, offering `destination`.
    pub fn new(view: AnalysisView, destination: String) -> AnalysisExportState {
        AnalysisExportState {
            view,
            format: AnalysisFormat::Svg,
            destination,
            overwrite: false,
            error: None,
        }
    }
}

/// The words for a format in the dialog.
fn format_label(view: AnalysisView, format: AnalysisFormat) -> &'static str {
    match (view, format) {
        (AnalysisView::Chart, AnalysisFormat::Csv) => "CSV: period, group, count",
        (AnalysisView::Matrix, AnalysisFormat::Csv) => "CSV: from, to, count for every pair",
        (AnalysisView::Map, AnalysisFormat::Csv) => "CSV: kind, name, actor, lat, lon, count",
        (_, AnalysisFormat::Svg) => "SVG picture, with the manifest",
        (_, AnalysisFormat::Png) => "PNG picture, with the manifest",
    }
}

/// Draws the dialog; `scope` says what goes in (the filters, the unit); the command asked for.
pub fn analysis_export_ui(
    ui: &mut egui::Ui,
    state: &mut AnalysisExportState,
    scope: &str,
) -> Option<Command> {
    let mut action = None;
    ui.label(scope);
    ui.separator();
    ui.label("Format");
    let before = state.format;
    for format in AnalysisFormat::ALL {
        ui.radio_value(&mut state.format, format, format_label(state.view, format));
    }
    if state.format != before {
        let old = format!(".{}", before.extension());
        if let Some(stem) = state.destination.strip_suffix(&old) {
            state.destination = format!("{stem}.{}", state.format.extension());
        }
    }
    ui.separator();
    ui.label("Destination");
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut state.destination).desired_width(320.0))
            .on_hover_text("The file to write");
        if ui.button("Choose…").clicked() {
            action = Some(Command::ChooseAnalysisDestination {
                view: state.view,
                format: state.format,
            });
        }
    });
    ui.checkbox(&mut state.overwrite, "Replace the file if it exists");
    if let Some(error) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.horizontal(|ui| {
        let destination = state.destination.trim();
        let export = ui
            .add_enabled(!destination.is_empty(), egui::Button::new("Export"))
            .on_disabled_hover_text("Choose where to write the file");
        if export.clicked() {
            action = Some(Command::ExportAnalysis {
                view: state.view,
                format: state.format,
                path: PathBuf::from(destination),
                overwrite: state.overwrite,
            });
        }
        if ui.button("Close").clicked() {
            action = Some(Command::CloseAnalysisExport);
        }
    });
    action
}
