//! The import dialog: a spreadsheet with columns that match no field is mapped by
//! hand, shown, saved as an Annals dataset, and its mapping remembered.

use std::path::{Path, PathBuf};

use annals::app::{App, AppOptions};
use annals::command::{Command, ImportCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, annals, text, viewer_harness};

fn harness() -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        options: AppOptions::default(),
        ..ViewerSetup::default()
    })
}

fn unmatched() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/unmatched.csv")
}

/// Picks `field` in the first field chooser that has none yet.
fn choose_next(harness: &mut Harness<'static, App>, field: &str) {
    harness
        .get_all_by_value("choose…")
        .next()
        .expect("a column without a field")
        .click();
    harness.run_steps(2);
    harness.get_by_label(field).click();
    harness.run_steps(2);
}

#[test]
fn unmapped_columns_are_mapped_in_the_dialog_then_opened_saved_and_remembered() {
    let mut harness = harness();
    let curated_events = harness.state().document().dataset().events.len();
    harness.state_mut().apply(Command::Open(unmatched()));
    harness.run_steps(3);
    let draft = harness
        .state()
        .import_draft()
        .expect("the import dialog is open");
    assert_eq!(draft.preview.headers, ["date", "title", "Weather", "Mood"]);
    assert!(draft.dataset.is_none());
    assert!(
        draft.problems.iter().any(|p| p.contains("Weather")),
        "{:?}",
        draft.problems
    );
    // The dialog speaks of its own choosers, not of the command line's flags.
    assert!(
        draft.problems.iter().all(|p| !p.contains("--map")
            && (!p.contains("Weather") || p.contains("choose a field above"))),
        "{:?}",
        draft.problems
    );
    // The dialog shows the columns and the first row; the open dataset stays.
    // Each field chooser is named after its column for screen readers.
    harness.get_by_label("Field of the column Weather");
    harness.get_by_label("Field of the column date");
    harness.get_by_label("Numeric dates");
    harness.get_by_label("Weather");
    harness.get_by_label("sunny");
    harness.get_by_label_contains("problems:");
    assert_eq!(
        harness.state().document().dataset().events.len(),
        curated_events
    );

    choose_next(&mut harness, "note");
    // One column is still unmapped: the problems say so as they change.
    let draft = harness.state().import_draft().expect("still open");
    assert_eq!(draft.choices[2], "note");
    assert!(draft.problems.iter().any(|p| p.contains("Mood")));
    assert!(!draft.problems.iter().any(|p| p.contains("Weather")));
    choose_next(&mut harness, "ignore");
    let draft = harness.state().import_draft().expect("still open");
    assert!(draft.problems.is_empty(), "{:?}", draft.problems);
    harness.get_by_label_contains("No problems: 1 events");

    // Saving writes a dataset that `annals check` passes, and never replaces a file unasked.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("weather.ron");
    let save = |overwrite| {
        Command::Import(ImportCommand::Save {
            path: out.clone(),
            overwrite,
        })
    };
    harness.state_mut().apply(save(false));
    assert!(matches!(harness.state().notice(), Some(Ok(_))));
    let checked = annals(&["check", out.to_str().expect("a UTF-8 path")]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    let saved = std::fs::read(&out).expect("the dataset is written");
    std::fs::write(&out, b"kept").expect("the file is replaced by hand");
    harness.state_mut().apply(save(false));
    assert!(matches!(harness.state().notice(), Some(Err(_))));
    assert_eq!(std::fs::read(&out).expect("still there"), b"kept");
    harness.state_mut().apply(save(true));
    assert_eq!(std::fs::read(&out).expect("replaced"), saved);

    harness.get_by_label("Open").click();
    harness.run_steps(3);
    assert!(harness.state().import_draft().is_none());
    let dataset = harness.state().document().dataset();
    assert_eq!(dataset.events.len(), 1);
    let note = dataset.events[0].note.as_deref().unwrap_or_default();
    assert!(note.contains("sunny") && !note.contains("good"), "{note}");

    // The same headers again: the mapping is remembered and the file opens at once.
    harness
        .state_mut()
        .apply(Command::Open(PathBuf::from("/nonexistent.ron")));
    harness.state_mut().apply(Command::DismissErrors);
    let copy = dir.path().join("again.csv");
    std::fs::copy(unmatched(), &copy).expect("the copy is made");
    harness.state_mut().apply(Command::Open(copy.clone()));
    harness.run_steps(2);
    assert!(harness.state().import_draft().is_none());
    assert_eq!(harness.state().document().path.as_deref(), Some(&*copy));
    assert_eq!(harness.state().document().dataset().events.len(), 1);
}
