//! One frame of the viewer: the panels in their places, the keyboard, and the
//! commands they return applied at the end.

use std::path::PathBuf;

use eframe::egui::{self, Key, Ui};

use super::App;
use crate::command::{Command, ThemeChoice};
use crate::export::default_file_name;
use crate::query::Period;
use crate::timeline::period_words::as_written;
use crate::ui::canvas::{CanvasInput, canvas_ui};
use crate::ui::error_panel::{error_panel_ui, reload_banner_ui};
use crate::ui::export_dialog::export_dialog_ui;
use crate::ui::filter_panel::{filter_chips_ui, filter_panel_ui};
use crate::ui::filter_toolbar::{period_ui, search_ui};
use crate::ui::folder_dialog::folder_dialog_ui;
use crate::ui::person_details::person_details_ui;
use crate::ui::{details_panel, edit_menu, legend, overview, toolbar};

impl App {
    fn keyboard(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::COMMAND, Key::O) {
                commands.push(Command::OpenDialog);
            }
            if i.consume_key(egui::Modifiers::COMMAND, Key::E) {
                commands.push(Command::OpenExport);
            }
        });
        if ctx.egui_wants_keyboard_input() {
            return commands;
        }
        ctx.input_mut(|i| {
            let span = self.viewport.range.span();
            let pressed = |i: &egui::InputState, key| i.key_pressed(key) && i.modifiers.is_none();
            if pressed(i, Key::ArrowLeft) {
                commands.push(Command::Pan(-span * 0.1));
            }
            if pressed(i, Key::ArrowRight) {
                commands.push(Command::Pan(span * 0.1));
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                commands.push(Command::ZoomBy {
                    factor: toolbar::ZOOM_STEP,
                    anchor: None,
                });
            }
            if i.key_pressed(Key::Minus) {
                commands.push(Command::ZoomBy {
                    factor: 1.0 / toolbar::ZOOM_STEP,
                    anchor: None,
                });
            }
            if pressed(i, Key::F) {
                commands.push(Command::Fit);
            }
            if pressed(i, Key::N) {
                commands.push(Command::SelectNext);
            }
            if pressed(i, Key::P) {
                commands.push(Command::SelectPrevious);
            }
            if i.key_pressed(Key::Escape) {
                // Esc undoes the latest thing: the dialog, the selection, then the period.
                commands.push(if self.export.open {
                    Command::CloseExport
                } else if self.analysis.export.is_some() {
                    Command::CloseAnalysisExport
                } else if self.viewport.selected.is_some() || self.viewport.person.is_some() {
                    Command::Select(None)
                } else {
                    Command::SetPeriod(Period::default())
                });
            }
        });
        commands
    }

    /// The eras' bands to draw: none when View ▸ Eras is off.
    fn shown_eras(&self) -> &[crate::timeline::eras::EraBand] {
        if self.view.hide_eras {
            &[]
        } else {
            &self.doc.eras
        }
    }

    /// The file shown in the toolbar.
    fn status(&self) -> String {
        self.doc
            .path
            .as_ref()
            .map_or("embedded dataset".to_string(), |p| p.display().to_string())
    }

    /// What the period band says: its bounds and how many events it holds.
    fn period_label(&self) -> String {
        let period = &self.view.filter.period;
        let events = crate::model::words::events(self.filtered.list.len());
        format!(
            "{} · {events}",
            as_written(period.from.as_deref(), period.to.as_deref())
        )
    }

    /// The bar above the canvas: loading progress, the notice of the last
    /// export, the chips of the active filters and the period's buttons.
    fn filter_bar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if let Some((path, progress)) = self.loading() {
            ui.horizontal(|ui| {
                ui.label(format!("Opening {}", path.display()));
                ui.add(
                    egui::ProgressBar::new(progress)
                        .show_percentage()
                        .desired_width(240.0),
                );
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelLoad);
                }
            });
        }
        if let Some(notice) = &self.export.notice {
            ui.horizontal(|ui| {
                match notice {
                    Ok(message) => ui.label(message),
                    Err(message) => ui.colored_label(ui.visuals().error_fg_color, message),
                };
                if ui.small_button("Dismiss").clicked() {
                    commands.push(Command::DismissNotice);
                }
            });
        }
        ui.horizontal(|ui| {
            let mut filter = self.view.filter.clone();
            if filter_chips_ui(ui, self.doc.dataset(), &self.filtered.counts, &mut filter) {
                commands.push(Command::SetFilter(filter));
            }
            if !self.view.filter.period.is_unbounded() {
                ui.separator();
                if ui.button("Zoom to period").clicked() {
                    commands.push(Command::ZoomToPeriod);
                }
                if ui.button("Export…").clicked() {
                    commands.push(Command::OpenExport);
                }
            }
        });
    }

    fn export_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.export.open {
            return;
        }
        self.view.export.suggested_name = default_file_name(
            &self.doc.dataset().title,
            &self.view.filter.period,
            self.view.export.format,
        );
        let count = self.export_count();
        let mut open = true;
        let action = egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos(ctx.content_rect().center() - egui::vec2(220.0, 200.0))
            .show(ctx, |ui| export_dialog_ui(ui, &mut self.view.export, count))
            .and_then(|r| r.inner.flatten());
        if !open {
            commands.push(Command::CloseExport);
        }
        commands.extend(action);
    }
}

impl App {
    /// The import dialog of a spreadsheet being mapped, if any.
    fn import_window(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(draft) = self.import.as_ref() else {
            return;
        };
        let title = format!(
            "Import {}",
            draft.path.file_name().map_or_else(
                || draft.path.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        );
        let mut open = true;
        let action = egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .default_width(720.0)
            .default_pos(ctx.content_rect().center() - egui::vec2(360.0, 220.0))
            .show(ctx, |ui| {
                crate::ui::import_dialog::import_dialog_ui(ui, draft)
            })
            .and_then(|r| r.inner);
        if !open {
            commands.push(Command::Import(crate::command::ImportCommand::Cancel));
        }
        commands.extend(action.into_iter().flatten());
    }

    /// What the window asks for before the panels are drawn: the background load
    /// and the file watcher, the theme and the title, dropped files and the keyboard.
    fn window_chores(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        self.poll_loading();
        if self.loading.is_busy() {
            // Keep the progress bar moving, leaving the cores to the reader: a
            // frame drawn on the CPU (no GPU) takes both cores for a good part
            // of 100 ms. The loader wakes the window when it is done.
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        if self.watch.changed() {
            commands.push(Command::Reload);
        }
        if self.theme_applied != Some(self.view.theme) {
            // The first frame leaves the theme to the system (or to the test harness).
            if self.theme_applied.is_some() || self.view.theme != ThemeChoice::System {
                ctx.set_theme(match self.view.theme {
                    ThemeChoice::System => egui::ThemePreference::System,
                    ThemeChoice::Light => egui::ThemePreference::Light,
                    ThemeChoice::Dark => egui::ThemePreference::Dark,
                });
            }
            self.theme_applied = Some(self.view.theme);
        }
        let title = self.doc.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| crate::import::is_openable(p))
                .collect()
        });
        commands.extend(dropped.into_iter().take(1).map(Command::Open));
        commands.extend(self.editing_keys(ctx));
        commands.extend(self.keyboard(ctx));
        self.hold_close(ctx);
        self.keep_journal();
        commands
    }

    /// The menu bar, the toolbar with the search, the period and the legend, and the
    /// banner of a reload that failed.
    fn header_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("menu").show(ui, |ui| {
            let state = toolbar::ViewMenuState {
                filters_shown: !self.view.hide_filters,
                eras_shown: !self.view.hide_eras,
                calendar: self.view.calendar,
                persian_months: self.view.persian_months,
                lane_names: self.view.lane_names.as_deref(),
                languages: self.doc.name_languages(),
                empty_lanes_hidden: !self.view.show_empty_lanes,
                has_period: !self.view.filter.period.is_unbounded(),
                chart_shown: self.view.show_chart,
                matrix_shown: self.view.show_matrix,
                map_shown: self.view.show_map,
            };
            let history = self.doc.history();
            let editing = edit_menu::EditMenuState {
                on: self.editing.on,
                undo: history.undo_label(),
                redo: history.redo_label(),
                modified: self.doc.is_modified(),
                selected: self.viewport.selected.is_some(),
            };
            commands.extend(toolbar::menu_bar_ui(ui, &self.view.recent, state, editing));
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            commands.extend(toolbar::toolbar_ui(
                ui,
                self.view.lanes,
                self.view.theme,
                self.editing.on,
                &self.status(),
            ));
            ui.horizontal(|ui| {
                let mut filter = self.view.filter.clone();
                let searched = search_ui(ui, &mut filter);
                ui.separator();
                let period = period_ui(ui, &mut filter);
                if searched || period {
                    commands.push(Command::SetFilter(filter));
                }
            });
            legend::legend_ui(ui, &self.doc.query.kinds_present());
            ui.add_space(2.0);
        });
        if let Some(problems) = self.problems.as_ref().filter(|p| p.on_reload) {
            egui::Panel::top("reload banner").show(ui, |ui| {
                commands.extend(reload_banner_ui(ui, problems));
            });
        }
    }

    /// The overview strip and the problems of a file that failed to load, at the bottom.
    fn footer_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::Panel::bottom("overview")
            .exact_size(overview::OVERVIEW_HEIGHT)
            .show(ui, |ui| {
                ui.add_space(4.0);
                commands.extend(overview::overview_ui(
                    ui,
                    &self.filtered.overview,
                    self.shown_eras(),
                    self.filtered.overview_range(),
                    self.viewport.range,
                ));
            });
        if let (Some(problems), true) = (self.problems.as_ref(), self.show_problems) {
            egui::Panel::bottom("problems").show(ui, |ui| {
                ui.add_space(4.0);
                commands.extend(error_panel_ui(ui, problems, &self.doc.dataset().title));
                ui.add_space(4.0);
            });
        }
    }

    /// The details of the selected event on the right, the filters on the left, and the
    /// bar of active filters above the canvas.
    fn side_panels_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let (selected, person) = (self.viewport.selected, self.viewport.person.clone());
        if selected.is_some() || person.is_some() {
            egui::Panel::right("details")
                .default_size(380.0)
                .min_size(280.0)
                .max_size(560.0)
                .resizable(true)
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    let shown = match (selected, person) {
                        (Some(selected), _) if self.editing.on => self.form_ui(ui, selected),
                        (Some(selected), _) => {
                            details_panel::details_panel_ui(ui, self.doc.dataset(), selected)
                        }
                        (None, Some(person)) => {
                            let summary = self.actor_summary(&person);
                            person_details_ui(ui, self.doc.dataset(), &person, &summary)
                        }
                        (None, None) => Vec::new(),
                    };
                    commands.extend(shown);
                });
        }
        if !self.view.hide_filters {
            egui::Panel::left("filters")
                .default_size(270.0)
                .min_size(200.0)
                .max_size(480.0)
                .resizable(true)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    let mut filter = self.view.filter.clone();
                    let (dataset, people) = (self.doc.dataset(), self.doc.people_of_groups());
                    if filter_panel_ui(ui, dataset, people, &self.filtered.counts, &mut filter) {
                        commands.push(Command::SetFilter(filter));
                    }
                });
        }
        egui::Panel::top("filter bar").show(ui, |ui| {
            ui.add_space(2.0);
            self.editing_banners_ui(ui, commands);
            self.filter_bar_ui(ui, commands);
            ui.add_space(2.0);
        });
    }

    /// The canvas in the rest of the window.
    fn canvas_panel_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let period = &self.view.filter.period;
        let period_span = (!period.is_unbounded()).then(|| {
            let (start, end) = period.span();
            let side = |m: crate::model::Moment, open: f64| {
                if m.is_open() { open } else { m.0 as f64 }
            };
            (side(start, f64::NEG_INFINITY), side(end, f64::INFINITY))
        });
        let period_label = self.period_label();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let viewport = &mut self.viewport;
            let input = CanvasInput {
                dataset: self.doc.dataset(),
                index: self.doc.index(),
                lanes: &viewport.lanes,
                lane_times: &viewport.lane_times,
                titles: &viewport.titles,
                matched: &self.filtered.matched,
                matched_ranks: &self.filtered.matched_ranks,
                all_shown: self.filtered.all_shown,
                highlight: !self.view.filter.text.trim().is_empty(),
                period: period_span,
                period_label: &period_label,
                generation: viewport.generation,
                range: viewport.range,
                selected: viewport.selected,
                today: self.today,
                collapsed: &self.view.collapsed,
                eras: if self.view.hide_eras {
                    &[]
                } else {
                    &self.doc.eras
                },
                editing: self.editing.on,
                calendar: self.view.calendar,
                month_names: match self.view.persian_months {
                    true => &crate::model::jalali::MONTHS_PERSIAN,
                    false => &crate::model::jalali::MONTHS,
                },
                lane_names: self.view.lane_names.as_deref(),
            };
            commands.extend(canvas_ui(ui, &input, &mut viewport.canvas));
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.screenshot_taken() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        let mut commands = self.window_chores(&ctx);
        self.refresh();
        self.header_ui(ui, &mut commands);
        self.footer_ui(ui, &mut commands);
        self.side_panels_ui(ui, &mut commands);
        self.chart_panel_ui(ui, &mut commands);
        self.canvas_panel_ui(ui, &mut commands);
        self.export_window(&ctx, &mut commands);
        self.matrix_window(&ctx, &mut commands);
        self.map_window(&ctx, &mut commands);
        self.analysis_export_window(&ctx, &mut commands);
        self.import_window(&ctx, &mut commands);
        self.editing_windows(&ctx, &mut commands);
        self.head_editor_window(&ctx, &mut commands);
        if let Some(dialog) = &self.folder_dialog {
            commands.extend(folder_dialog_ui(&ctx, dialog));
        }
        for command in commands {
            self.apply(command);
        }
        self.screenshot_step(&ctx);
        self.save_soon(&ctx);
    }

    /// Saved at most a second after a change, so that a session killed
    /// (a logout, a crash) keeps the recent files and each file's view.
    fn auto_save_interval(&self) -> std::time::Duration {
        super::SAVE_EVERY
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.restore {
            return;
        }
        self.leave_file();
        self.saved = Some(self.kept_state());
        eframe::set_value(storage, eframe::APP_KEY, &self.view);
        eframe::set_value(storage, super::RANGE_KEY, &self.viewport.range);
        let selected = self.viewport.selected_id(&self.doc);
        eframe::set_value(storage, super::SELECTED_KEY, &selected);
    }
}
