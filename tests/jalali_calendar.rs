//! The Jalali (Solar Hijri) calendar on the command line: `annals import
//! --calendar jalali` reads a sheet's Jalali dates into EDTF, and `list` and
//! `export` write dates in it beside or instead of EDTF.

use std::path::{Path, PathBuf};
use std::process::Output;

use annals::import::FormatChoice;
use annals::import::open_path;

use crate::support::{annals, text};

fn sheet(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
        .display()
        .to_string()
}

/// Runs `annals import SHEET --calendar jalali -o OUT`.
fn import_jalali(sheet: &str, out: &Path) -> Output {
    annals(&[
        "import",
        sheet,
        "--calendar",
        "jalali",
        "-o",
        out.to_str().unwrap(),
    ])
}

/// Imports the Jalali sheet `name` into a dataset in `dir`; its path.
fn imported(dir: &Path, name: &str) -> PathBuf {
    let out = dir.join("jalali.ron");
    let run = import_jalali(&sheet(name), &out);
    assert!(run.status.success(), "{}", text(&run.stderr));
    out
}

#[test]
fn a_sheet_of_jalali_dates_imports_at_their_own_precision() {
    let dir = tempfile::tempdir().unwrap();
    let out = imported(dir.path(), "jalali.csv");
    let dataset = open_path(&out, FormatChoice::Auto).unwrap().dataset;
    let dates: Vec<(&str, &str)> = dataset
        .events
        .iter()
        .map(|e| (e.title.as_str(), e.date.text()))
        .collect();
    assert_eq!(
        dates,
        [
            (
                "Parliament approves the extradition agreement",
                "2012-05-09"
            ),
            ("A visit written in Persian digits", "2022-05-17"),
            ("A visit written with the month name", "2022-05-17"),
            ("A year alone", "2012-03-20/2013-03-20"),
            ("A month alone", "2022-03-21/2022-04-20"),
        ]
    );
    let check = annals(&["check", out.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
}

#[test]
fn day_first_jalali_dates_follow_the_column_and_the_leap_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = imported(dir.path(), "jalali_dmy.csv");
    let dataset = open_path(&out, FormatChoice::Auto).unwrap().dataset;
    let dates: Vec<&str> = dataset.events.iter().map(|e| e.date.text()).collect();
    assert_eq!(dates, ["2012-05-09", "2025-03-20"]);
}

#[test]
fn a_day_that_the_jalali_calendar_lacks_is_refused_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Date,Title\n1391/02/20,Fine\n1402/12/30,No such day\n",
    )
    .unwrap();
    let out = dir.path().join("out.ron");
    let run = import_jalali(bad.to_str().unwrap(), &out);
    assert!(!run.status.success());
    let err = text(&run.stderr);
    assert!(err.contains("bad.csv:3:1:"), "{err}");
    assert!(err.contains("Esfand 1402 has 29 days"), "{err}");
    assert!(!out.exists(), "nothing is written");
    let both = annals(&[
        "import",
        bad.to_str().unwrap(),
        "--calendar",
        "both",
        "-o",
        "x.ron",
    ]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "a date is read in one calendar"
    );
}

#[test]
fn list_writes_jalali_dates_beside_or_instead_of_edtf() {
    let dir = tempfile::tempdir().unwrap();
    let out = imported(dir.path(), "jalali.csv");
    let file = out.to_str().unwrap();
    let list = |calendar: &str, format: &str| {
        let run = annals(&["list", file, "--calendar", calendar, "--format", format]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        text(&run.stdout)
    };
    let jalali = list("jalali", "csv");
    assert_eq!(
        jalali.lines().next(),
        Some("id,date_jalali,kind,title,actors,counterparts,topics,place")
    );
    assert!(
        jalali.contains("parliament-approves-the-extradition-agreement,1391-02-20,"),
        "{jalali}"
    );
    assert!(
        jalali.contains(",1391,"),
        "a year alone reads as the Jalali year: {jalali}"
    );
    assert!(jalali.contains(",1401-01,"), "{jalali}");
    let both = list("both", "json");
    let events: serde_json::Value = serde_json::from_str(&both).unwrap();
    let extradition = events
        .as_array()
        .and_then(|events| events.iter().find(|e| e["date"] == "2012-05-09"))
        .expect("the extradition agreement is listed");
    assert_eq!(extradition["date_jalali"], "1391-02-20");
    let table = list("both", "table");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("2012-05-09 · 1391-02-20")),
        "{table}"
    );
    assert!(!list("gregorian", "csv").contains("date_jalali"));
}

#[test]
fn csv_export_in_jalali_imports_back_to_the_same_days() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("jalali-export.csv");
    let run = annals(&[
        "export",
        "--format",
        "csv",
        "--calendar",
        "jalali",
        "--actor",
        "TJK",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(
        written.starts_with("id,date,start,end,precision"),
        "{written}"
    );
    let back = dir.path().join("back.ron");
    let run = import_jalali(csv.to_str().unwrap(), &back);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let embedded = annals::dataset::embedded();
    let back = open_path(&back, FormatChoice::Auto).unwrap().dataset;
    assert!(!back.events.is_empty());
    for event in &back.events {
        let original = embedded
            .events
            .iter()
            .find(|e| e.title == event.title)
            .unwrap();
        assert_eq!(
            (event.date.earliest(), event.date.latest()),
            (original.date.earliest(), original.date.latest()),
            "{}: {} came back as {}",
            event.title,
            original.date.text(),
            event.date.text()
        );
    }
}

#[test]
fn both_calendars_add_jalali_columns_to_csv_and_a_field_to_json() {
    let dir = tempfile::tempdir().unwrap();
    let export = |format: &str| {
        let path = dir.path().join(format!("both.{format}"));
        let run = annals(&[
            "export",
            "--format",
            format,
            "--calendar",
            "both",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        std::fs::read_to_string(path).unwrap()
    };
    let csv = export("csv");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("id,date,start,end,"), "{header}");
    assert!(
        header.ends_with(",date_jalali,start_jalali,end_jalali"),
        "{header}"
    );
    let json: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    let event = &json["dataset"]["events"][0];
    assert!(
        event["date"].is_string() && event["date_jalali"].is_string(),
        "{event}"
    );
}
