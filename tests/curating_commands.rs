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

/// The lines `git diff` would show between two texts: removed ones with `-`,
/// added ones with `+`, in order (a plain longest-common-subsequence walk).
fn changed_lines(before: &str, after: &str) -> Vec<String> {
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let mut common = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || common[i][j + 1] >= common[i + 1][j]) {
            out.push(format!("+{}", b[j]));
            j += 1;
        } else {
            out.push(format!("-{}", a[i]));
            i += 1;
        }
    }
    out
}

#[test]
fn add_prints_the_new_id_and_adds_only_the_events_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_curated(dir.path(), "curated.ron");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = annals(&[
        "add",
        arg(&path),
        "--date",
        "2021-08-04",
        "--title",
        "Raisi meets the Tajik parliament speaker",
        "--kind",
        "meeting",
        "--actor",
        "raisi",
        "--counterpart",
        "TJK",
        "--topic",
        "diplomacy",
        "--source",
        "https://www.example.org/speaker",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "2021-08-04-raisi-meets-the-tajik-parliament-speaker"
    );
    let after = std::fs::read_to_string(&path).unwrap();
    let changes = changed_lines(&before, &after);
    assert!(changes.iter().all(|l| l.starts_with('+')), "{changes:#?}");
    assert!(
        changes
            .iter()
            .any(|l| l.contains("title: \"Raisi meets the Tajik parliament speaker\""))
    );
    assert!(
        changes
            .iter()
            .any(|l| l.contains("publisher: \"example.org\""))
    );
    assert_eq!(annals(&["check", arg(&path)]).status.code(), Some(0));
}

#[test]
fn set_changes_only_the_lines_of_the_fields_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_curated(dir.path(), "curated.ron");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = annals(&[
        "set",
        arg(&path),
        "1991-09-09-tajik-independence",
        "summary=Tajikistan's parliament declares independence.",
        "topics+=economy",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = std::fs::read_to_string(&path).unwrap();
    let changes = changed_lines(&before, &after);
    assert_eq!(changes.len(), 4, "{changes:#?}");
    assert!(
        changes
            .iter()
            .any(|l| l.starts_with("+            summary: \"Tajikistan's parliament"))
    );
    assert!(
        changes
            .iter()
            .any(|l| l.starts_with('+') && l.contains("\"economy\""))
    );
    assert_eq!(annals(&["check", arg(&path)]).status.code(), Some(0));
}

#[test]
fn rm_removes_only_the_events_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_curated(dir.path(), "curated.ron");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = annals(&["rm", arg(&path), "2023-07-04-iran-joins-sco"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = std::fs::read_to_string(&path).unwrap();
    let changes = changed_lines(&before, &after);
    assert!(changes.iter().all(|l| l.starts_with('-')), "{changes:#?}");
    assert!(
        changes
            .iter()
            .any(|l| l.contains("2023-07-04-iran-joins-sco"))
    );
    let listed = annals(&["list", arg(&path)]);
    assert!(!text(&listed.stdout).contains("Iran becomes a full member of the SCO"));
}

#[test]
fn refused_edits_exit_with_their_code_and_leave_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_curated(dir.path(), "curated.ron");
    let before = std::fs::read(&path).unwrap();
    let id = "1991-09-09-tajik-independence";
    let cases: [(&[&str], i32, &str); 6] = [
        (
            &["set", arg(&path), id, "titel=x"],
            2,
            "did you mean \"title\"",
        ),
        (
            &["set", arg(&path), "1991-09-09-tajik-independnce", "title=x"],
            2,
            "did you mean",
        ),
        (
            &["set", arg(&path), id, "kind=vist"],
            2,
            "did you mean \"visit\"",
        ),
        (
            &["set", arg(&path), id, "actors+=TJKK"],
            2,
            "did you mean \"TJK\"",
        ),
        (
            &["set", arg(&path), id, "date=1991-13-09"],
            1,
            "is not a date",
        ),
        (&["rm", arg(&path), "no-such-event"], 2, "there is no event"),
    ];
    for (args, code, says) in cases {
        let out = annals(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn an_imported_file_is_never_edited_in_its_own_format() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("chronology.csv");
    std::fs::copy("tests/data/import/chronology.csv", &sheet).unwrap();
    let before = std::fs::read(&sheet).unwrap();
    let out = annals(&["add", arg(&sheet), "--date", "2020", "--title", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("annals import"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&sheet).unwrap(), before);
}
