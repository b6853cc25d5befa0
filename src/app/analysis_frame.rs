//! Where the chart and the matrix sit in the window: the chart in a panel
//! under the timeline, lined up with its lanes, the matrix and the export
//! dialog in windows of their own.

use eframe::egui::{self, Ui};

use super::App;
use super::analysis_views::{chart_grouping, chart_unit};
use crate::command::Command;
use crate::ui::analysis_export::analysis_export_ui;
use crate::ui::canvas::GUTTER;
use crate::ui::chart::{ChartInput, chart_ui};
use crate::ui::matrix::{MatrixInput, matrix_ui};

impl App {
    /// The chart under the timeline, when View ▸ Chart is ticked.
    pub(super) fn chart_panel_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if !self.view.show_chart {
            return;
        }
        egui::Panel::bottom("chart")
            .resizable(true)
            .default_size(250.0)
            .min_size(150.0)
            .max_size(640.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                let width = ui.available_width() - GUTTER;
                if width > 0.0 {
                    self.analysis.chart_width = Some(width);
                }
                let range = self.viewport.range;
                let unit = chart_unit(range, width.max(100.0));
                let grouping = chart_grouping(self.view.lanes);
                let chart = self
                    .analysis
                    .chart(&self.doc, &self.filtered.matched, unit, grouping);
                let input = ChartInput {
                    dataset: self.doc.dataset(),
                    kinds: self.doc.counts().kinds(),
                    counts: &chart.counts,
                    stacked: &chart.stacked,
                    range,
                    gutter: GUTTER,
                };
                commands.extend(chart_ui(ui, &input));
            });
    }

    /// The matrix window, when View ▸ Matrix is ticked.
    pub(super) fn matrix_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.view.show_matrix {
            return;
        }
        let roll_up = self.view.filter.include_members;
        let matrix = &self
            .analysis
            .matrix(&self.doc, &self.filtered.matched, roll_up)
            .matrix;
        let input = MatrixInput {
            dataset: self.doc.dataset(),
            kinds: self.doc.counts().kinds(),
            matrix,
            filter: &self.view.filter,
            events: self.filtered.list.len(),
            max_height: (ctx.content_rect().height() - 220.0).max(200.0),
        };
        let mut open = true;
        let action = egui::Window::new("Who with whom")
            .open(&mut open)
            .resizable(false)
            .default_pos(ctx.content_rect().left_top() + egui::vec2(300.0, 90.0))
            .show(ctx, |ui| matrix_ui(ui, &input))
            .and_then(|r| r.inner);
        if !open {
            commands.push(Command::ShowMatrix(false));
        }
        commands.extend(action.into_iter().flatten());
    }

    /// The export dialog of the chart or the matrix, while it is open.
    pub(super) fn analysis_export_window(
        &mut self,
        ctx: &egui::Context,
        commands: &mut Vec<Command>,
    ) {
        let Some(view) = self.analysis.export.as_ref().map(|e| e.view) else {
            return;
        };
        let scope = self.analysis_scope(view);
        let Some(state) = self.analysis.export.as_mut() else {
            return;
        };
        let mut open = true;
        let action = egui::Window::new(format!("Export the {}", view.label()))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(ctx.content_rect().center() - egui::vec2(220.0, 160.0))
            .show(ctx, |ui| analysis_export_ui(ui, state, &scope))
            .and_then(|r| r.inner.flatten());
        if !open {
            commands.push(Command::CloseAnalysisExport);
        }
        commands.extend(action);
    }
}
