//! Opening one file after another in the real viewer: each starts fitted with its
//! own events, and gets back its period and view when it is opened again.

use std::path::{Path, PathBuf};

use annals::app::App;
use annals::command::Command;
use annals::dataset;
use annals::model::Moment;
use annals::query::Period;
use annals::timeline::TimeRange;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, viewer_harness};

fn harness() -> Harness<'static, App> {
    viewer_harness(ViewerSetup::default())
}

fn at(y: i64) -> f64 {
    Moment::from_ymd(y, 1, 1).0 as f64
}

/// The curated chronology as a file of its own.
fn curated_file(dir: &Path) -> PathBuf {
    let path = dir.join("curated.ron");
    std::fs::write(&path, dataset::EMBEDDED_RON).expect("the file is written");
    path
}

fn small_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/chronology.csv")
}

#[test]
fn a_second_file_opens_fitted_and_the_first_gets_its_period_back() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let curated = curated_file(dir.path());
    let mut harness = harness();
    harness.state_mut().apply(Command::Open(curated.clone()));
    let period = Period {
        from: Some("2007".to_string()),
        to: Some("2010".to_string()),
    };
    harness
        .state_mut()
        .apply(Command::SetPeriod(period.clone()));
    let curated_range = TimeRange::new(at(2006), at(2011));
    harness.state_mut().apply(Command::ZoomTo(curated_range));
    harness.run_steps(2);
    let curated_shown = harness.state().shown_events().len();
    let curated_total = harness.state().document().dataset().events.len();
    assert!(curated_shown > 0 && curated_shown < curated_total);

    harness.state_mut().apply(Command::Open(small_file()));
    harness.run_steps(2);
    let state = harness.state();
    let total = state.document().dataset().events.len();
    assert!(total > 0);
    assert!(
        state.view.filter.period.is_unbounded(),
        "the period stayed behind"
    );
    assert_eq!(state.shown_events().len(), total);
    // Fitted: every event of the new file is in view, and the view is not the old one.
    let range = state.visible_range();
    for event in &state.document().dataset().events {
        let (start, end) = (event.date.earliest().0 as f64, event.date.latest().0 as f64);
        assert!(
            range.start <= start && end <= range.end,
            "{} is out of view",
            event.id
        );
    }
    assert!(range.start > at(2011));
    harness.get_by_label(&format!("{total} of {total} events"));

    harness.state_mut().apply(Command::Open(curated));
    harness.run_steps(2);
    let state = harness.state();
    assert_eq!(state.view.filter.period, period);
    assert_eq!(state.visible_range(), curated_range);
    assert_eq!(state.shown_events().len(), curated_shown);
    harness.get_by_label(&format!("{curated_shown} of {curated_total} events"));
}

#[test]
fn filters_are_kept_per_file_and_a_new_file_starts_without_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let curated = curated_file(dir.path());
    let mut harness = harness();
    harness.state_mut().apply(Command::Open(curated.clone()));
    let mut filter = harness.state().view.filter.clone();
    filter.actors.insert("TJK".to_string());
    filter.text = "visit".to_string();
    harness
        .state_mut()
        .apply(Command::SetFilter(filter.clone()));

    harness.state_mut().apply(Command::Open(small_file()));
    assert!(harness.state().view.filter.actors.is_empty());
    assert!(harness.state().view.filter.text.is_empty());

    harness.state_mut().apply(Command::Open(curated));
    assert_eq!(harness.state().view.filter, filter);
}

#[test]
fn a_spreadsheet_with_problems_lists_them_with_line_and_column_like_a_dataset() {
    let mut harness = harness();
    let before = harness.state().document().dataset().events.len();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/problems.csv");
    harness.state_mut().apply(Command::Open(bad));
    harness.run_steps(3);
    assert_eq!(harness.state().document().dataset().events.len(), before);
    let problems = harness.state().problems().expect("the problems are shown");
    // The row with one field too many is line 3; every problem has its line and column.
    assert!(
        problems.lines.iter().any(|l| l.contains("problems.csv:3:")),
        "{:?}",
        problems.lines
    );
    for line in &problems.lines {
        let mut parts = line.split(':').skip(1);
        let placed = parts.next().is_some_and(|l| l.parse::<u32>().is_ok())
            && parts.next().is_some_and(|c| c.parse::<u32>().is_ok());
        assert!(placed, "{line} has no line and column");
    }
    harness.get_by_label_contains("Could not open");
}

#[test]
fn the_open_dialog_offers_every_importable_format() {
    let offered: Vec<&str> = annals::import::open_filters()
        .into_iter()
        .flat_map(|(_, extensions)| extensions)
        .collect();
    for extension in annals::import::open_extensions() {
        assert!(offered.contains(&extension), "{extension} is not offered");
        let file = PathBuf::from(format!("chronology.{extension}"));
        assert!(annals::import::is_openable(&file));
    }
}

#[test]
fn the_viewers_own_open_dialog_browses_folders_and_opens_a_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join("older")).unwrap();
    curated_file(dir.path());
    std::fs::copy(small_file(), dir.path().join("chronology.csv")).unwrap();
    std::fs::write(dir.path().join("picture.png"), "not a chronology").unwrap();
    std::fs::write(dir.path().join(".hidden.ron"), "").unwrap();
    let mut harness = viewer_harness(ViewerSetup::default());
    harness
        .state_mut()
        .apply(Command::Browse(Some(dir.path().to_path_buf())));
    harness.run();
    let names = harness.state().folder_dialog().expect("shown").names();
    assert_eq!(names, ["older/", "chronology.csv", "curated.ron"]);
    harness.get_by_label("older/").click();
    harness.run();
    let dialog = harness.state().folder_dialog().expect("still shown");
    assert_eq!(dialog.folder, dir.path().join("older"));
    harness.get_by_label("Up").click();
    harness.run();
    harness.get_by_label("curated.ron").click();
    harness.run();
    assert!(
        harness.state().folder_dialog().is_none(),
        "closed once a file opens"
    );
    let opened = harness.state().document().path.clone();
    assert_eq!(opened, Some(dir.path().join("curated.ron")));
}

#[test]
fn the_viewers_own_dialog_chooses_the_folder_an_export_goes_to() {
    use annals::ui::folder_dialog::{BrowseFor, FolderDialog, folder_dialog_ui};
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join("figures")).unwrap();
    curated_file(dir.path());
    let purpose = BrowseFor::Export("may.svg".to_string());
    let dialog = FolderDialog::read(dir.path(), annals::import::is_openable, purpose);
    let mut harness = Harness::new_ui_state(
        move |ui, asked: &mut Vec<Command>| asked.extend(folder_dialog_ui(ui.ctx(), &dialog)),
        Vec::new(),
    );
    harness.run();
    // The files there are shown for reference; only folders are chosen.
    harness.get_by_label("curated.ron").click();
    harness.run();
    assert!(harness.state().is_empty(), "{:?}", harness.state());
    harness.get_by_label("figures/").click();
    harness.run();
    harness.get_by_label("Save here as may.svg").click();
    harness.run();
    assert_eq!(
        *harness.state(),
        [
            Command::Browse(Some(dir.path().join("figures"))),
            Command::BrowsedTo(dir.path().join("may.svg")),
        ]
    );
}
