//! The menu bar and the toolbar: open files, lanes, zoom and theme.

use std::path::PathBuf;

use eframe::egui::{self, Ui};

use super::edit_menu::{EditMenuState, edit_menu_ui, save_items_ui};
use crate::command::{Command, EditCommand, ThemeChoice};
use crate::model::Calendar;
use crate::timeline::LaneMode;
use crate::ui::actor_names::language_name;

/// The zoom factor of one click on Zoom in (Zoom out uses its inverse).
pub(crate) const ZOOM_STEP: f64 = 0.5;

/// What the View menu shows ticked or enabled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ViewMenuState<'a> {
    /// The filter panel is open.
    pub(crate) filters_shown: bool,
    /// The eras' bands are drawn.
    pub(crate) eras_shown: bool,
    /// Lanes the filter leaves empty are hidden.
    pub(crate) empty_lanes_hidden: bool,
    /// A period is selected.
    pub(crate) has_period: bool,
    /// The chart of events per period is shown.
    pub(crate) chart_shown: bool,
    /// The actor matrix is shown.
    pub(crate) matrix_shown: bool,
    /// View ▸ Map is ticked.
    pub(crate) map_shown: bool,
    /// The calendars the axis shows.
    pub(crate) calendar: Calendar,
    /// The Jalali months are named in Persian script.
    pub(crate) persian_months: bool,
    /// The language of the lanes' names (None: as the dataset gives them).
    pub(crate) lane_names: Option<&'a str>,
    /// The languages of the actors' names in other scripts, by tag.
    pub(crate) languages: &'a [String],
}

/// Shows the menu bar; what the user asked for.
pub(crate) fn menu_bar_ui(
    ui: &mut Ui,
    recent: &[PathBuf],
    state: ViewMenuState<'_>,
    editing: EditMenuState<'_>,
) -> Vec<Command> {
    let has_period = state.has_period;
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        commands.extend(file_menu_ui(ui, recent, editing));
        commands.extend(edit_menu_ui(ui, editing));
        ui.menu_button("View", |ui| {
            if ui
                .add(egui::Button::new("Fit all").shortcut_text("F"))
                .clicked()
            {
                commands.push(Command::Fit);
            }
            if ui
                .add_enabled(has_period, egui::Button::new("Zoom to period"))
                .clicked()
            {
                commands.push(Command::ZoomToPeriod);
            }
            if ui
                .add_enabled(
                    has_period,
                    egui::Button::new("Clear period").shortcut_text("Esc"),
                )
                .clicked()
            {
                commands.push(Command::SetPeriod(Default::default()));
            }
            let mut shown = state.filters_shown;
            if ui.checkbox(&mut shown, "Filter panel").changed() {
                commands.push(Command::ShowFilters(shown));
            }
            let mut eras = state.eras_shown;
            if ui.checkbox(&mut eras, "Eras").changed() {
                commands.push(Command::ShowEras(eras));
            }
            let mut hide_empty = state.empty_lanes_hidden;
            if ui
                .checkbox(&mut hide_empty, "Hide empty lanes")
                .on_hover_text("Hide the lanes in which the filter leaves no event")
                .changed()
            {
                commands.push(Command::HideEmptyLanes(hide_empty));
            }
            calendar_menu_ui(ui, &state, &mut commands);
            if !state.languages.is_empty() {
                lane_names_menu_ui(ui, &state, &mut commands);
            }
            ui.separator();
            let mut chart = state.chart_shown;
            if ui
                .checkbox(&mut chart, "Chart")
                .on_hover_text("Events per period under the timeline")
                .changed()
            {
                commands.push(Command::ShowChart(chart));
            }
            let mut matrix = state.matrix_shown;
            if ui
                .checkbox(&mut matrix, "Matrix")
                .on_hover_text("Who deals with whom among the shown events")
                .changed()
            {
                commands.push(Command::ShowMatrix(matrix));
            }
            let mut map = state.map_shown;
            if ui
                .checkbox(&mut map, "Map")
                .on_hover_text("Where the shown events happened: countries, places and links")
                .changed()
            {
                commands.push(Command::ShowMap(map));
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Next event").shortcut_text("N"))
                .clicked()
            {
                commands.push(Command::SelectNext);
            }
            if ui
                .add(egui::Button::new("Previous event").shortcut_text("P"))
                .clicked()
            {
                commands.push(Command::SelectPrevious);
            }
        });
    });
    commands
}

/// The File menu: open, recent files, export, saving and quit.
fn file_menu_ui(ui: &mut Ui, recent: &[PathBuf], editing: EditMenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.menu_button("File", |ui| {
        if ui
            .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
            .clicked()
        {
            commands.push(Command::OpenDialog);
        }
        ui.menu_button("Open Recent", |ui| {
            if recent.is_empty() {
                ui.label("No recent files");
            }
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::Open(path.clone()));
                }
            }
        });
        if ui
            .add(egui::Button::new("Export…").shortcut_text("Ctrl+E"))
            .clicked()
        {
            commands.push(Command::OpenExport);
        }
        ui.separator();
        commands.extend(save_items_ui(ui, editing));
        ui.separator();
        if ui.button("Quit").clicked() {
            commands.push(Command::Quit);
        }
    });
    commands
}

/// Shows the toolbar; what the user asked for.
pub(crate) fn toolbar_ui(
    ui: &mut Ui,
    lanes: LaneMode,
    theme: ThemeChoice,
    editing: bool,
    status: &str,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .selectable_label(editing, "Editing")
            .on_hover_text("Turn editing on or off (E)")
            .clicked()
        {
            commands.push(Command::Edit(EditCommand::SetEditing(!editing)));
        }
        ui.separator();
        ui.label("Lanes:");
        for mode in LaneMode::ALL {
            if ui.selectable_label(lanes == mode, mode.label()).clicked() && lanes != mode {
                commands.push(Command::SetLanes(mode));
            }
        }
        ui.separator();
        if ui
            .button("Zoom out")
            .on_hover_text("Zoom out (-)")
            .clicked()
        {
            commands.push(Command::ZoomBy {
                factor: 1.0 / ZOOM_STEP,
                anchor: None,
            });
        }
        if ui.button("Zoom in").on_hover_text("Zoom in (+)").clicked() {
            commands.push(Command::ZoomBy {
                factor: ZOOM_STEP,
                anchor: None,
            });
        }
        if ui
            .button("Fit all")
            .on_hover_text("Show every event (F)")
            .clicked()
        {
            commands.push(Command::Fit);
        }
        ui.separator();
        let mut choice = theme;
        egui::ComboBox::new("theme", "Theme")
            .selected_text(theme.label())
            .show_ui(ui, |ui| {
                for option in ThemeChoice::ALL {
                    ui.selectable_value(&mut choice, option, option.label());
                }
            })
            .response
            .on_hover_text("Theme");
        if choice != theme {
            commands.push(Command::SetTheme(choice));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(egui::RichText::new(status).weak());
        });
    });
    commands
}

/// View ▸ Lane names: the names as the dataset gives them, or in one of the
/// languages its actors have names in.
fn lane_names_menu_ui(ui: &mut Ui, state: &ViewMenuState<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("Lane names", |ui| {
        if ui
            .radio(state.lane_names.is_none(), "As in the dataset")
            .clicked()
        {
            commands.push(Command::ShowLaneNames(None));
        }
        for tag in state.languages {
            let label = format!("{} ({tag})", language_name(tag));
            if ui
                .radio(state.lane_names == Some(tag.as_str()), label)
                .on_hover_text("Each actor's name in this language where it has one")
                .clicked()
            {
                commands.push(Command::ShowLaneNames(Some(tag.clone())));
            }
        }
    });
}

/// View ▸ Calendar: the calendars the axis reads in, and the script of the
/// Jalali months' names.
fn calendar_menu_ui(ui: &mut Ui, state: &ViewMenuState<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("Calendar", |ui| {
        for calendar in Calendar::ALL {
            if ui
                .radio(state.calendar == calendar, calendar.label())
                .clicked()
            {
                commands.push(Command::ShowCalendar(calendar));
            }
        }
        ui.separator();
        let mut persian = state.persian_months;
        if ui
            .add_enabled(
                state.calendar.has_jalali(),
                egui::Checkbox::new(&mut persian, "Month names in Persian script"),
            )
            .on_hover_text("Farvardin as فروردین, Ordibehesht as اردیبهشت…")
            .changed()
        {
            commands.push(Command::ShowPersianMonths(persian));
        }
    });
}
