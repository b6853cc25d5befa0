//! `annals import` of spreadsheets: header names, dates, encodings, problems
//! at their line and column, exit codes, and the round trip through CSV export.

use std::path::{Path, PathBuf};

use annals::import::open_path;
use annals::import::{self, FormatChoice, ImportOptions};
use annals::model::{Dataset, EventKind};

use crate::support::{annals, text};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn open(name: &str) -> Dataset {
    open_path(&data(name), FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn import_with(name: &str, options: &ImportOptions) -> import::Opened {
    let bytes = std::fs::read(data(name)).unwrap();
    import::open_all(
        import::Input::Bytes {
            name: &format!("tests/data/import/{name}"),
            bytes: &bytes,
        },
        options,
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    text(&out.stderr).lines().map(str::to_string).collect()
}

#[test]
fn common_column_names_fill_every_field() {
    let dataset = open("chronology.csv");
    assert_eq!(dataset.title, "chronology");
    let dates: Vec<&str> = dataset.events.iter().map(|e| e.date.text()).collect();
    assert_eq!(
        dates,
        ["2022-05-16", "2023-05-16", "2024-05-04", "2021-05", "2019"]
    );
    let visit = &dataset.events[0];
    assert_eq!(visit.kind, EventKind::Visit);
    assert_eq!(visit.actors, ["IRN", "mohammad-bagheri"]);
    assert_eq!(visit.counterparts, ["TJK"]);
    assert_eq!(visit.topics, ["security", "counter-terrorism"]);
    assert_eq!(visit.place.as_deref(), Some("Dushanbe"));
    assert_eq!(visit.summary, "Talks on drone production, border security");
    assert_eq!(visit.sources[0].publisher, "Example News");
    assert_eq!(
        visit.sources[0].url.as_deref(),
        Some("https://example.org/news/1")
    );
    assert_eq!(visit.note.as_deref(), Some("Checked against two reports"));
    let call = &dataset.events[1];
    assert_eq!(
        call.kind,
        EventKind::PhoneCall,
        "041 is the CAMEO code of a phone call"
    );
    assert_eq!(
        (call.actors.to_vec(), call.counterparts.to_vec()),
        (vec!["IRN".to_string()], vec!["TJK".to_string()])
    );
    let commission = &dataset.events[2];
    assert_eq!(
        commission.actors,
        ["IRN", "TJK"],
        "split on | and an official name"
    );
    assert_eq!(commission.summary, "Eleventh session,\nheld over two days");
    let clash = &dataset.events[3];
    assert_eq!(clash.kind, EventKind::Other("Border clash".into()));
    assert!(clash.actors.is_empty(), "an event without actors is valid");
    assert_eq!(dataset.events[4].kind, EventKind::TreatySigning);
    let bagheri = dataset.actor("mohammad-bagheri").unwrap();
    assert_eq!(
        (bagheri.name.as_str(), bagheri.kind),
        ("Mohammad Bagheri", annals::model::ActorKind::Person)
    );
    assert_eq!(dataset.actor("IRN").map(|a| a.name.as_str()), Some("Iran"));
}

#[test]
fn the_import_writes_a_dataset_that_check_passes_and_reports_what_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.ron");
    let out = annals(&[
        "import",
        "tests/data/import/chronology.csv",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("read: 5 rows"), "{report}");
    assert!(report.contains("events: 5"), "{report}");
    assert!(
        report.contains("actors: 3 (2 countries of ISO 3166"),
        "{report}"
    );
    assert!(report.contains("topics: 4"), "{report}");
    let check = annals(&["check", out_path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("ok (5 events, 3 actors, 4 topics)"));
}

#[test]
fn a_column_settles_its_date_order_and_the_report_says_which() {
    let imported = import_with("semicolon-dmy.csv", &ImportOptions::default());
    let dates: Vec<&str> = imported
        .dataset
        .events
        .iter()
        .map(|e| e.date.text())
        .collect();
    assert_eq!(dates, ["2022-06-05", "2022-05-16", "2023-02-01"]);
    assert_eq!(imported.report.delimiter, Some(';'));
    assert!(
        imported.report.notes.iter().any(|n| n.contains("column 1 \"date\": numeric dates read day first (dmy), as \"16/05/2022\" on line 3 shows")),
        "{:?}",
        imported.report.notes
    );
}

#[test]
fn an_unsettled_date_column_names_its_first_ambiguous_row_and_the_option() {
    let out = annals(&[
        "import",
        "tests/data/import/ambiguous.csv",
        "-o",
        "/nonexistent/never.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    assert_eq!(
        lines[0],
        "tests/data/import/ambiguous.csv:3:1: column 1 \"date\": \"05/06/2022\" may be day first or month first and no date in the column settles it; add --date-order dmy or --date-order mdy"
    );
    let options = ImportOptions {
        date_order: Some(import::DateOrder::Mdy),
        ..ImportOptions::default()
    };
    let imported = import_with("ambiguous.csv", &options);
    assert_eq!(imported.dataset.events[1].date.text(), "2022-05-06");
}

#[test]
fn row_problems_are_listed_at_their_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.ron");
    let out = annals(&[
        "import",
        "tests/data/import/problems.csv",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    let file = "tests/data/import/problems.csv";
    assert_eq!(
        lines[0],
        format!(
            "{file}:3:4: the row has 4 fields but the header has 3; is a separator or a quote missing?"
        )
    );
    assert_eq!(
        lines[1],
        format!("{file}:4:2: column 2 \"title\": the title is empty")
    );
    assert_eq!(
        lines[2],
        format!("{file}:5:1: column 1 \"date\": the row has no date")
    );
    assert!(
        lines[3].starts_with(&format!(
            "{file}:6:1: column 1 \"date\": cannot read the date \"soon\""
        )),
        "{}",
        lines[3]
    );
    assert!(
        !out_path.exists(),
        "nothing is written without --skip-invalid"
    );

    let out = annals(&[
        "import",
        file,
        "--skip-invalid",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the rows with problems were left out as asked, and the rest written"
    );
    let written = open_path(&out_path, FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    let titles: Vec<&str> = written.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["A good row", "Another good row"]);
    let report = text(&out.stdout);
    assert!(report.contains("with problems: 4 rows"), "{report}");
    assert!(
        report.contains("wrote 2 events to") && report.contains("leaving out 4 rows with problems"),
        "{report}"
    );
    let problems = text(&out.stderr);
    assert!(
        problems.contains(&format!(
            "{file}:4:2: column 2 \"title\": the title is empty"
        )),
        "{problems}"
    );
}

#[test]
fn unmatched_columns_are_an_error_until_mapped() {
    let out = annals(&["check", "tests/data/import/unmatched.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    assert!(
        lines[0].starts_with(
            "tests/data/import/unmatched.csv:1:3: column \"Weather\" matches no field"
        ),
        "{lines:?}"
    );
    assert!(
        lines[0].contains("id, date, start, end, title, summary, kind"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("tests/data/import/unmatched.csv:1:4: column \"Mood\""),
        "{lines:?}"
    );
    let options = ImportOptions {
        maps: vec![
            ("weather".into(), "note".into()),
            ("Mood".into(), "ignore".into()),
        ],
        ..ImportOptions::default()
    };
    let imported = import_with("unmatched.csv", &options);
    assert_eq!(
        imported.dataset.events[0].note.as_deref(),
        Some("Weather: sunny")
    );
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("\"Mood\" ignored")),
        "{:?}",
        imported.report.notes
    );
}

#[test]
fn an_existing_output_is_refused_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.ron");
    std::fs::write(&out_path, "keep me").unwrap();
    let out = annals(&[
        "import",
        "tests/data/import/chronology.csv",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--force"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "keep me");
    let out = annals(&[
        "import",
        "tests/data/import/chronology.csv",
        "-o",
        out_path.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&out_path)
            .unwrap()
            .starts_with("Dataset(")
    );
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    let out = annals(&["import", "no/such/file.csv", "-o", "/tmp/never-written.ron"]);
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("picture.csv");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let out = annals(&[
        "import",
        binary.to_str().unwrap(),
        "-o",
        dir.path().join("x.ron").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn exporting_as_csv_and_importing_again_lists_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("curated.csv");
    let export = annals(&["export", "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert_eq!(export.status.code(), Some(0), "{}", text(&export.stderr));
    let original = annals(&["list"]);
    let again = annals(&["list", csv.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert_eq!(text(&again.stdout), text(&original.stdout));

    let generated = dir.path().join("generated.ron");
    let out = annals(&[
        "generate",
        "--events",
        "400",
        "-o",
        generated.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let csv = dir.path().join("generated.csv");
    let export = annals(&[
        "export",
        generated.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(export.status.code(), Some(0), "{}", text(&export.stderr));
    let original = annals(&["list", generated.to_str().unwrap()]);
    let again = annals(&["list", csv.to_str().unwrap()]);
    assert_eq!(text(&again.stdout), text(&original.stdout));
}

#[test]
fn utf16_with_a_bom_and_windows_1252_are_read_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = "date\ttitle\tactors\n2022-05-16\tRéunion à Douchanbé\tIran\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(sheet.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(sheet.encode_utf16().flat_map(u16::to_be_bytes));
    let cp1252: Vec<u8> = sheet.chars().map(|c| c as u32 as u8).collect();
    for (name, bytes, encoding) in [
        ("le.txt", le, "UTF-16LE"),
        ("be.txt", be, "UTF-16BE"),
        ("cp.csv", cp1252, "Windows-1252"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let imported = import::open_all(
            import::Input::Bytes {
                name,
                bytes: &std::fs::read(&path).unwrap(),
            },
            &ImportOptions::default(),
        )
        .unwrap();
        assert_eq!(
            imported.dataset.events[0].title, "Réunion à Douchanbé",
            "{name}"
        );
        assert!(
            imported
                .report
                .encoding
                .as_deref()
                .is_some_and(|e| e.starts_with(encoding)),
            "{name}: {:?}",
            imported.report.encoding
        );
        assert_eq!(imported.report.delimiter, Some('\t'));
    }
    let bom = dir.path().join("bom.csv");
    std::fs::write(&bom, b"\xEF\xBB\xBFdate,title\n2022,Plain\n").unwrap();
    let dataset = open_path(&bom, FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    assert_eq!(dataset.events[0].title, "Plain");
}

#[test]
fn a_timelinejs_sheet_gives_the_title_eras_groups_and_sources() {
    let imported = import_with("timelinejs-sheet.csv", &ImportOptions::default());
    let dataset = &imported.dataset;
    assert_eq!(dataset.title, "Caspian neighbours");
    assert_eq!(
        dataset.description,
        "A short chronology of Caspian diplomacy."
    );
    assert_eq!(dataset.eras.len(), 1);
    assert_eq!(
        (dataset.eras[0].name.as_str(), dataset.eras[0].date.text()),
        ("The first decade", "1991/2000")
    );
    let dates: Vec<&str> = dataset.events.iter().map(|e| e.date.text()).collect();
    assert_eq!(dates, ["1991-12-25", "1992", "2001-06-15T14:30"]);
    let dissolved = &dataset.events[0];
    assert_eq!(dissolved.summary, "See the archive.");
    assert_eq!(
        dissolved.note.as_deref(),
        Some("Display Date: Christmas Day 1991")
    );
    assert_eq!(dissolved.topics, ["history"]);
    let urls: Vec<(&str, Option<&str>)> = dissolved
        .sources
        .iter()
        .map(|s| (s.publisher.as_str(), s.url.as_deref()))
        .collect();
    assert_eq!(
        urls,
        [
            ("Example Archive", Some("https://example.org/photo.jpg")),
            ("example.org", Some("https://example.org/ussr"))
        ]
    );
    assert!(
        imported
            .report
            .not_kept
            .keys()
            .any(|k| k.contains("Media Thumbnail")),
        "{:?}",
        imported.report.not_kept
    );
    assert!(
        imported
            .report
            .not_kept
            .keys()
            .any(|k| k.contains("Background")),
        "{:?}",
        imported.report.not_kept
    );
}

#[test]
fn actors_of_an_existing_dataset_are_reused_by_id_name_or_alias() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("reuse.csv");
    std::fs::write(&sheet, "date,title,actors,topics\n2022-05-16,Talks,Mohammad Bagheri;Shanghai Cooperation Organization;TJK,Security\n").unwrap();
    let out_path = dir.path().join("out.ron");
    let out = annals(&[
        "import",
        sheet.to_str().unwrap(),
        "--actors",
        "assets/events.ron",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dataset = open_path(&out_path, FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    assert_eq!(dataset.events[0].actors, ["bagheri", "SCO", "TJK"]);
    assert_eq!(dataset.events[0].topics, ["security"]);
    assert!(
        !dataset.actor("bagheri").unwrap().roles.is_empty(),
        "the curated actor comes whole"
    );
    assert!(
        text(&out.stdout).contains("from --actors"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_problem_is_placed_at_the_physical_line_where_its_record_starts() {
    let out = annals(&["check", "tests/data/import/multiline.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    assert!(
        lines[0].starts_with(
            "tests/data/import/multiline.csv:4:1: column 1 \"date\": cannot read the date \"never\""
        ),
        "{lines:?}"
    );
}

#[test]
fn maps_given_on_the_command_line_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.ron");
    let out = annals(&[
        "import",
        "tests/data/import/unmatched.csv",
        "--map",
        "Weather=note",
        "--map",
        "Mood=ignore",
        "--format",
        "csv",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("column 4 \"Mood\" ignored (--map)"),
        "{}",
        text(&out.stdout)
    );
    let bad = annals(&[
        "import",
        "tests/data/import/unmatched.csv",
        "--map",
        "Weather",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "a map without a field is a usage error"
    );
}

#[test]
fn events_without_actors_have_a_lane_and_a_count() {
    let dataset = open("chronology.csv");
    let lanes = annals::timeline::Lanes::build(
        &dataset,
        annals::timeline::LaneMode::Actor,
        &Default::default(),
    );
    assert!(
        lanes.visible_labels().contains(&"No actor"),
        "{:?}",
        lanes.visible_labels()
    );
    let index = annals::query::QueryIndex::new(&dataset);
    let all = index.facet_counts(&annals::query::Filter::default());
    assert_eq!(all.no_actor(), 1, "the border clash");
    let mut treaties = annals::query::Filter::default();
    treaties.kinds.insert("treaty-signing".into());
    assert_eq!(index.facet_counts(&treaties).no_actor(), 0);
}

#[test]
fn latitude_and_longitude_columns_give_coordinates_and_bad_ones_are_placed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("placed.csv");
    std::fs::write(
        &good,
        "Date,Title,Actor,Place,Lat,Lng\n\
         2022-05-16,Visit,Iran,Dushanbe,38.5358,68.7791\n\
         2023-01-02,Call,Iran,,,\n",
    )
    .unwrap();
    let dataset = open_path(&good, FormatChoice::Auto).unwrap().dataset;
    assert_eq!(
        dataset.events[0].at,
        Some(annals::model::Coordinates(38.5358, 68.7791))
    );
    assert_eq!(dataset.events[1].at, None, "a row without them has none");

    let bad = dir.path().join("off.csv");
    std::fs::write(
        &bad,
        "Date,Title,Actor,Latitude,Longitude\n\
         2022-05-16,Visit,Iran,38.5,east\n\
         2022-05-17,Visit,Iran,95,68\n\
         2022-05-18,Visit,Iran,38.5,\n",
    )
    .unwrap();
    let out = annals(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stderr_lines(&out);
    let says = |needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(
        says("off.csv:2:5:") && says("\"east\" is not a longitude"),
        "{lines:?}"
    );
    assert!(
        says("off.csv:3:4:") && says("latitude 95 is beyond the poles"),
        "{lines:?}"
    );
    assert!(
        says("off.csv:4:4:") && says("a longitude is needed with it"),
        "{lines:?}"
    );
}
