//! The problems of a file that could not be opened, readable and copyable,
//! and the banner shown when a reloaded file turned out invalid.

use eframe::egui::{self, Color32, RichText, Ui};

use crate::command::Command;

/// Problems found in one file, one `FILE:LINE:COL: message` per line.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProblems {
    /// The file, as shown to the user.
    pub(crate) file: String,
    /// Every problem line.
    pub lines: Vec<String>,
    /// True when the problems come from a reload of the open file.
    pub on_reload: bool,
}

/// Shows every problem in a selectable text box with a Copy button; what the user asked for.
pub(crate) fn error_panel_ui(ui: &mut Ui, problems: &LoadProblems, kept: &str) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Could not open {}", problems.file))
                .strong()
                .color(ui.visuals().error_fg_color),
        );
        ui.label(format!("— still showing “{kept}”."));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Dismiss").clicked() {
                commands.push(Command::DismissErrors);
            }
            if ui.button("Copy problems").clicked() {
                ui.ctx().copy_text(problems.lines.join("\n"));
            }
        });
    });
    let mut text = problems.lines.join("\n");
    egui::ScrollArea::vertical()
        .max_height(160.0)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .code_editor()
                    .desired_width(f32::INFINITY)
                    .desired_rows(problems.lines.len().clamp(1, 8))
                    .interactive(true)
                    .id_salt("problems"),
            )
            .on_hover_text("Select and copy the problems");
        });
    commands
}

/// Shows the live-reload banner: the file on disk is invalid, the last good version stays.
pub(crate) fn reload_banner_ui(ui: &mut Ui, problems: &LoadProblems) -> Vec<Command> {
    let mut commands = Vec::new();
    let first = problems.lines.first().map(String::as_str).unwrap_or("");
    egui::Frame::new()
        .fill(Color32::from_rgb(0xb3, 0x5c, 0x00).gamma_multiply(0.25))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("The file on disk is invalid; showing the last good version.")
                        .strong(),
                );
                ui.label(first);
                if problems.lines.len() > 1 && ui.button("All problems").clicked() {
                    commands.push(Command::ShowErrors);
                }
            });
        });
    commands
}
