//! Eras: named periods of a dataset, checked at their place, counted by
//! `annals check` and exported when they overlap the period.

use crate::support::{annals, text};

#[test]
fn check_counts_the_eras() {
    let out = annals(&["check", "tests/data/import/eras.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "tests/data/import/eras.ron: ok (2 events, 1 actors, 0 topics, 2 eras)\n"
    );
}

#[test]
fn eras_are_checked_like_events_at_their_line() {
    let out = annals(&["check", "tests/data/bad-eras.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stderr).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].starts_with("tests/data/bad-eras.ron:6:19: duplicate era name \"Twice\""),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(
            "tests/data/bad-eras.ron:7:50: era \"Colour\": colour \"blue\" is not #rrggbb"
        ),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with(
            "tests/data/bad-eras.ron:8:34: era \"Never\": invalid date \"2022-13-45\""
        ),
        "{lines:?}"
    );
}

#[test]
fn exports_keep_the_eras_that_overlap_the_period() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["ron", "json"] {
        let out_path = dir.path().join(format!("out.{format}"));
        let out = annals(&[
            "export",
            "tests/data/import/eras.ron",
            "--from",
            "2022",
            "--to",
            "2022",
            "--format",
            format,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let written = std::fs::read_to_string(&out_path).unwrap();
        assert!(written.contains("Raisi presidency"), "{written}");
        assert!(!written.contains("Ahmadinejad presidency"), "{written}");
    }
    let out_path = dir.path().join("all.ron");
    let out = annals(&[
        "export",
        "tests/data/import/eras.ron",
        "--format",
        "ron",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let check = annals(&["check", out_path.to_str().unwrap()]);
    assert!(
        text(&check.stdout).contains("2 eras"),
        "{}",
        text(&check.stdout)
    );
}
