//! `annals check` and `annals list`, run as a user runs them.

use std::path::Path;

use crate::support::{annals, text};

#[test]
fn check_passes_the_curated_dataset() {
    let out = annals(&["check", "assets/events.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let events = annals::dataset::embedded().events.len();
    assert!(
        stdout.starts_with(&format!("assets/events.ron: ok ({events} events, ")),
        "{stdout}"
    );
}

#[test]
fn check_reports_every_bad_file_with_exit_1() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for entry in std::fs::read_dir(&bad).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() || path.file_name().unwrap() == "bom.ron" {
            continue;
        }
        let out = annals(&["check", path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(
            stderr.starts_with(path.to_str().unwrap()),
            "{}: {stderr}",
            path.display()
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let out = annals(&["check", "assets/events.ron", "no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("assets/events.ron: ok"));
    assert!(text(&out.stderr).contains("no/such/file.ron: cannot read the file"));
}

#[test]
fn list_prints_the_events_in_time_order() {
    let out = annals(&["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), annals::dataset::embedded().events.len());
    // A year-only date sorts at the start of its year.
    assert!(lines[0].starts_with("1991 "), "{}", lines[0]);
    assert!(lines[1].starts_with("1991-09-09"), "{}", lines[1]);
    assert!(lines.last().unwrap().starts_with("2025-04-22"), "{stdout}");
    let bagheri = lines
        .iter()
        .position(|l| l.contains("Bagheri visits"))
        .unwrap();
    let rahmon = lines
        .iter()
        .position(|l| l.starts_with("2022-05-29"))
        .unwrap();
    assert!(bagheri < rahmon);
}
