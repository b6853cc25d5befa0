//! The real viewer's period selection, export dialog and background loading,
//! driven like a user would and compared with the library and the command line.

use std::path::Path;

use annals::app::{App, AppOptions};
use annals::command::Command;
use annals::dataset;
use annals::export::Format;
use annals::generate::generate;
use annals::model::Moment;
use annals::query::{self, Filter, Period, QueryIndex};
use annals::timeline::TimeRange;
use eframe::egui::{Key, Modifiers, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, annals, drag_with, viewer_harness};

fn harness_with(options: AppOptions) -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        options,
        ..ViewerSetup::default()
    })
}

fn harness() -> Harness<'static, App> {
    viewer_harness(ViewerSetup::default())
}

fn at(y: i64, m: u32, d: u32) -> f64 {
    Moment::from_ymd(y, m, d).0 as f64
}

/// Where the canvas draws the instant `t`, at the height `y`.
fn canvas_point(harness: &Harness<'static, App>, t: f64, y: f32) -> Pos2 {
    let axis = harness.state().canvas().axis.expect("the canvas was drawn");
    pos2(axis.x_from_time(t) as f32, y)
}

fn library_count(filter: &Filter) -> usize {
    let dataset = dataset::embedded();
    let index = QueryIndex::new(&dataset);
    query::select(&dataset, &index, filter).len()
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: Some(from.to_string()),
        to: Some(to.to_string()),
    }
}

#[test]
fn shift_drag_selects_a_period_and_the_export_dialog_counts_like_the_library() {
    let mut harness = harness();
    harness.state_mut().apply(Command::ZoomTo(TimeRange::new(
        at(2021, 12, 1),
        at(2023, 2, 1),
    )));
    harness.run_steps(2);
    let from = canvas_point(&harness, at(2022, 4, 12), 520.0);
    let to = canvas_point(&harness, at(2022, 6, 20), 560.0);
    drag_with(&mut harness, Modifiers::SHIFT, from, to);

    // At this zoom a day is too narrow to aim at: the period snaps to months.
    let chosen = harness.state().view.filter.period.clone();
    assert_eq!(chosen, period("2022-04", "2022-06"));
    // The drag selected a period; it did not pan.
    assert_eq!(harness.state().visible_range().start, at(2021, 12, 1));
    let expected = library_count(&harness.state().view.filter);
    assert!(expected > 0);
    let listed = annals(&["list", "--from", "2022-04", "--to", "2022-06", "--count"]);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout).trim(),
        expected.to_string()
    );
    assert_eq!(harness.state().shown_events().len(), expected);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    assert!(harness.state().export_dialog_open());
    harness.get_by_label(&format!("{expected} events will be exported"));

    // "Only those wholly inside" counts what the strict filter selects.
    harness
        .get_by_label("Only those wholly inside the period")
        .click();
    harness.run_steps(2);
    let strict = library_count(&Filter {
        strict: true,
        ..harness.state().view.filter.clone()
    });
    harness.get_by_label_contains(&format!("{strict} event"));
}

#[test]
fn a_drag_on_the_axis_selects_a_period_and_esc_clears_it() {
    let mut harness = harness();
    let from = canvas_point(&harness, at(2012, 6, 1), 150.0);
    let to = canvas_point(&harness, at(2014, 6, 1), 150.0);
    drag_with(&mut harness, Modifiers::NONE, from, to);
    // Zoomed out to decades, a drag snaps to whole years.
    assert_eq!(harness.state().view.filter.period, period("2012", "2014"));
    harness.get_by_label("Period: 2012 – 2014  ×");

    harness.state_mut().apply(Command::ZoomToPeriod);
    let range = harness.state().visible_range();
    assert!(range.start <= at(2012, 1, 1) && range.start > at(2011, 9, 1));
    assert!(range.end >= at(2015, 1, 1) && range.end < at(2015, 5, 1));

    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().view.filter.period.is_unbounded());
    assert_eq!(
        harness.state().shown_events().len(),
        harness.state().document().dataset().events.len()
    );
}

/// The manifest without its time of export, which is the only thing that may differ.
fn manifest_without_time(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("the manifest was written");
    let mut manifest: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    if let Some(object) = manifest.as_object_mut() {
        object.remove("exported_at");
    }
    manifest
}

/// Selects `period` and exports it to `path` as CSV from the export dialog,
/// without replacing an existing file.
fn export_csv(harness: &mut Harness<'static, App>, period: Period, path: &Path) {
    harness.state_mut().apply(Command::SetPeriod(period));
    harness.state_mut().apply(Command::OpenExport);
    harness.state_mut().apply(Command::Export {
        format: Format::Csv,
        path: path.to_path_buf(),
        strict: false,
        overwrite: false,
    });
    harness.run_steps(2);
}

#[test]
fn exporting_from_the_viewer_writes_what_the_command_line_writes_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from_viewer = dir.path().join("viewer.csv");
    let from_cli = dir.path().join("cli.csv");
    let mut harness = harness();
    export_csv(&mut harness, period("2022", "2022"), &from_viewer);
    let notice = harness.state().notice().cloned();
    let Some(Ok(message)) = notice else {
        panic!("no notice after the export: {notice:?}");
    };
    assert!(message.starts_with("Exported 6 events to "), "{message}");
    assert!(message.contains("viewer.csv"), "{message}");
    assert!(!harness.state().export_dialog_open());
    harness.get_by_label_contains("Exported 6 events");

    let out = annals(&[
        "export",
        "--from",
        "2022",
        "--to",
        "2022",
        "--format",
        "csv",
        "-o",
        from_cli.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let viewer_bytes = std::fs::read(&from_viewer).expect("the viewer wrote the CSV");
    assert_eq!(
        viewer_bytes,
        std::fs::read(&from_cli).expect("the CLI wrote it")
    );
    assert_eq!(
        manifest_without_time(&dir.path().join("viewer.csv.manifest.json")),
        manifest_without_time(&dir.path().join("cli.csv.manifest.json"))
    );

    // A second export to the same file is refused and leaves it as it was.
    export_csv(&mut harness, period("2014", "2014"), &from_viewer);
    assert!(harness.state().export_dialog_open());
    assert_eq!(std::fs::read(&from_viewer).ok(), Some(viewer_bytes));
    harness.get_by_label_contains("already exists");
}

fn write_generated(dir: &Path, name: &str, events: usize) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut bytes = Vec::new();
    dataset::write_ron(&generate(events, 5), &mut bytes).expect("RON");
    std::fs::write(&path, bytes).expect("the file is written");
    path
}

#[test]
fn a_screenshot_waits_for_the_file_asked_for_instead_of_picturing_a_progress_bar() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = write_generated(dir.path(), "large.ron", 5000);
    let options = AppOptions {
        file: Some(file.clone()),
        background_above: Some(0),
        screenshot: Some(dir.path().join("shot.png")),
        ..AppOptions::default()
    };
    let harness = Harness::builder().build_eframe(move |cc| App::new(cc, options));
    // Before any frame could have taken it, the file is in.
    assert!(harness.state().loading().is_none());
    assert_eq!(harness.state().document().dataset().events.len(), 5000);
    assert_eq!(harness.state().document().path.as_deref(), Some(&*file));
}

#[test]
fn a_large_file_loads_in_the_background_and_a_cancelled_load_changes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let first = write_generated(dir.path(), "first.ron", 400);
    let mut harness = harness_with(AppOptions {
        background_above: Some(0),
        ..AppOptions::default()
    });
    harness.state_mut().apply(Command::Open(first.clone()));
    // The curated dataset stays on screen while the file is read.
    assert!(harness.state().loading().is_some());
    assert_eq!(
        harness.state().document().dataset().events.len(),
        annals::dataset::embedded().events.len()
    );
    for _ in 0..500 {
        if harness.state().loading().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    assert!(harness.state().loading().is_none(), "the load never ended");
    assert_eq!(harness.state().document().dataset().events.len(), 400);
    assert_eq!(harness.state().document().path.as_deref(), Some(&*first));

    // A pipe nobody writes to yet: its load cannot end until the test lets it.
    let pipe = dir.path().join("slow.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    harness.state_mut().apply(Command::Open(pipe.clone()));
    harness.run_steps(2);
    harness.get_by_label_contains("Opening");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().loading().is_none());
    // Let the reader finish: what it read is thrown away.
    drop(std::fs::OpenOptions::new().write(true).open(&pipe));
    std::thread::sleep(std::time::Duration::from_millis(200));
    harness.run_steps(2);
    assert_eq!(harness.state().document().dataset().events.len(), 400);
    assert!(harness.state().problems().is_none());
}

#[test]
fn every_control_has_an_accessible_name_and_the_canvas_names_the_selection() {
    use eframe::egui::accesskit::Role;
    let mut harness = harness();
    let visit = harness
        .state()
        .event_by_id("2022-05-16-bagheri-dushanbe")
        .expect("the curated dataset has the Bagheri visit");
    harness.state_mut().apply(Command::Select(Some(visit)));
    harness
        .state_mut()
        .apply(Command::SetPeriod(period("2022", "2022")));
    harness.state_mut().apply(Command::OpenExport);
    harness.run_steps(3);
    let controls = [
        Role::Button,
        Role::CheckBox,
        Role::RadioButton,
        Role::TextInput,
        Role::ComboBox,
        Role::Link,
        Role::Slider,
        Role::SpinButton,
    ];
    let all = harness
        .query_all_by(|node| controls.contains(&node.role()))
        .count();
    // The toolbar, the filter panel, the details panel and the dialog.
    assert!(all > 60, "only {all} controls were found");
    let nameless: Vec<String> = harness
        .query_all_by(|node| {
            controls.contains(&node.role())
                && node
                    .label()
                    .or_else(|| node.value())
                    .is_none_or(|name| name.trim().is_empty())
        })
        .map(|node| format!("{node:?}"))
        .collect();
    assert!(nameless.is_empty(), "controls without a name: {nameless:?}");
    // Collapsing a lane is a control of its own, named after the lane.
    harness.get_by_label("Collapse Iran").click();
    harness.run_steps(2);
    assert!(!harness.state().lane_labels().contains(&"Mohammad Bagheri"));
    harness.get_by_label("Expand Iran");
    harness.get_by_label(
        "Timeline, selected: Bagheri visits Dushanbe and meets Defence Minister Mirzo",
    );
}
