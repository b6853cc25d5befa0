//! `annals diff` and `annals fmt` as a curator runs them on a chronology kept in Git.

use std::path::{Path, PathBuf};

use crate::support::{annals, text};

const CURATED: &str = "assets/events.ron";

fn copy_of_curated(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(CURATED, &path).unwrap();
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn diff_of_a_file_with_itself_finds_nothing_and_exits_0() {
    let out = annals(&["diff", CURATED, CURATED]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("hold the same dataset"));
}

#[test]
fn diff_names_the_changed_event_and_field_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let edited = copy_of_curated(dir.path(), "edited.ron");
    let original = std::fs::read_to_string(&edited).unwrap();
    let changed = original.replacen(
        "adopts the declaration of the republic's state independence",
        "passes the declaration of the republic's state independence",
        1,
    );
    assert!(
        changed != original,
        "the curated summary to change is there"
    );
    std::fs::write(&edited, changed).unwrap();

    let out = annals(&["diff", CURATED, arg(&edited)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("1 event changed"), "{stdout}");
    assert!(
        stdout.contains("~ event 1991-09-09-tajik-independence"),
        "{stdout}"
    );
    assert!(
        stdout.contains("summary: \"The Supreme Council of Tajikistan adopts"),
        "{stdout}"
    );

    let json = annals(&["diff", CURATED, arg(&edited), "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let differences = listed.as_array().unwrap();
    assert_eq!(differences.len(), 1, "{listed}");
    assert_eq!(differences[0]["item"], "event");
    assert_eq!(differences[0]["change"], "changed");
    assert_eq!(differences[0]["fields"][0]["field"], "summary");
}

#[test]
fn diff_compares_a_spreadsheet_with_its_import() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("chronology.ron");
    let sheet = "tests/data/import/chronology.csv";
    let out = annals(&["import", sheet, "-o", arg(&ron)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = annals(&["diff", sheet, arg(&ron)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

#[test]
fn diff_of_a_missing_file_exits_2() {
    let out = annals(&["diff", CURATED, "no-such-file.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-file.ron"));
}

#[test]
fn fmt_lays_a_file_out_once_and_check_names_what_would_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_curated(dir.path(), "curated.ron");
    let before = std::fs::read(&path).unwrap();

    let check = annals(&["fmt", "--check", arg(&path)]);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stdout).contains("curated.ron"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "--check changes nothing"
    );

    let out = annals(&["fmt", arg(&path)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let formatted = std::fs::read(&path).unwrap();
    assert_ne!(formatted, before);

    let again = annals(&["fmt", arg(&path)]);
    assert_eq!(again.status.code(), Some(0));
    assert!(text(&again.stdout).is_empty(), "{}", text(&again.stdout));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        formatted,
        "a second fmt changes nothing"
    );
    assert_eq!(
        annals(&["fmt", "--check", arg(&path)]).status.code(),
        Some(0)
    );

    assert_eq!(annals(&["check", arg(&path)]).status.code(), Some(0));
    let same = annals(&["diff", CURATED, arg(&path)]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stdout));
}

#[test]
fn fmt_refuses_a_file_that_is_not_an_annals_dataset_and_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("chronology.csv");
    std::fs::copy("tests/data/import/chronology.csv", &sheet).unwrap();
    let before = std::fs::read(&sheet).unwrap();
    let out = annals(&["fmt", arg(&sheet)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("annals import"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
}
