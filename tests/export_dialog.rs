//! The export dialog, driven as a user drives it: it returns actions and never writes.

use std::path::PathBuf;

use annals::app::App;
use annals::command::Command;
use annals::export::Format;
use annals::ui::export_dialog::{ExportDialogState, export_dialog_ui};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, viewer_harness};

struct Probe {
    state: ExportDialogState,
    count: usize,
    actions: Vec<Command>,
}

fn harness(count: usize) -> Harness<'static, Probe> {
    let probe = Probe {
        state: ExportDialogState {
            suggested_name: "iran-tajikistan-relations_2022-05-01_2022-05-31.csv".into(),
            ..ExportDialogState::default()
        },
        count,
        actions: Vec::new(),
    };
    Harness::new_ui_state(
        |ui, probe: &mut Probe| {
            if let Some(action) = export_dialog_ui(ui, &mut probe.state, probe.count) {
                probe.actions.push(action);
            }
        },
        probe,
    )
}

#[test]
fn export_is_disabled_until_there_is_a_destination() {
    let mut harness = harness(5);
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.state().actions.is_empty());
    assert!(
        harness
            .query_by_label("5 events will be exported")
            .is_some()
    );
}

#[test]
fn typing_a_destination_and_pressing_export_asks_for_that_export() {
    let mut harness = harness(5);
    harness.get_by_label("SVG (timeline figure)").click();
    harness.run();
    harness
        .get_by_label("Only those wholly inside the period")
        .click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("may.svg");
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        [Command::Export {
            format: Format::Svg,
            path: PathBuf::from("may.svg"),
            strict: true,
            overwrite: false,
        }]
    );
}

#[test]
fn choose_asks_the_app_for_a_save_dialog_with_a_suggested_name() {
    let mut harness = harness(5);
    harness.get_by_label("iCalendar (calendar)").click();
    harness.run();
    harness.get_by_label("Choose…").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        [Command::ChooseExportDestination {
            suggested_name: "iran-tajikistan-relations_2022-05-01_2022-05-31.ics".into(),
            format: Format::Ics,
        }]
    );
}

#[test]
fn changing_the_format_changes_the_destination_extension() {
    let mut harness = harness(5);
    harness.state_mut().state.destination = "out/may.csv".into();
    harness.run();
    harness.get_by_label("PNG (timeline picture)").click();
    harness.run();
    assert_eq!(harness.state().state.destination, "out/may.png");
}

#[test]
fn the_viewer_opens_the_dialog_with_the_count_of_what_it_shows() {
    let mut harness: Harness<'static, App> = viewer_harness(ViewerSetup::default());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    assert!(harness.state().export_dialog_open());
    let shown = harness.state().shown_events().len();
    harness.get_by_label(&format!("{shown} events will be exported"));
}
