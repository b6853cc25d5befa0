//! GDELT and ICEWS files read as analysts get them: the layouts, packing,
//! merged duplicates, turned-round visits, actors from CAMEO codes, the cut
//! options and the report.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use annals::import::event_data::{
    self, CameoLevel, Cut, EventDataImport, EventDataOptions, Family,
};
use annals::model::{ActorKind, Coordinates, Event, EventKind};
use annals::timeline::{LaneMode, Lanes};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/event_data")
        .join(name)
}

fn read(name: &str, options: &EventDataOptions) -> EventDataImport {
    let path = fixture(name);
    event_data::import(std::fs::File::open(&path).unwrap(), name, options)
        .expect("the fixture reads")
}

fn event<'a>(import: &'a EventDataImport, id: &str) -> &'a Event {
    import
        .dataset
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id} in {:?}", ids(import)))
}

fn ids(import: &EventDataImport) -> Vec<&str> {
    import
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect()
}

#[test]
fn a_gdelt_2_file_becomes_merged_events_with_a_report() {
    let import = read("gdelt2.export.CSV", &EventDataOptions::default());
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let report = import.report.lines("gdelt2.export.CSV");
    assert_eq!(
        report[0],
        "gdelt2.export.CSV: 12 rows read, 8 events (GDELT 2.0)"
    );
    assert!(
        report.iter().any(|l| l.contains("3 rows merged")),
        "{report:?}"
    );
    assert_eq!(import.dataset.events.len(), 8);
    let visit = event(&import, "gdelt-1001");
    assert_eq!(
        visit.at,
        Some(Coordinates(38.5358, 68.7791)),
        "ActionGeo_Lat and _Long"
    );
    assert_eq!(
        visit.place.as_deref(),
        Some("Dushanbe, Dushanbe, Tajikistan")
    );
}

#[test]
fn a_hosted_visit_is_turned_round_and_merged_with_the_visit() {
    let import = read("gdelt2.export.CSV", &EventDataOptions::default());
    let visit = event(&import, "gdelt-1001");
    assert_eq!(visit.kind, EventKind::Visit);
    assert_eq!(visit.actors, vec!["IRN"]);
    assert_eq!(visit.counterparts, vec!["TJK"]);
    assert_eq!(visit.date.text(), "2024-03-15");
    assert_eq!(visit.cameo.as_deref(), Some("042"));
    let note = visit.note.as_deref().unwrap();
    assert!(
        note.contains("1001, 1002 (043, turned round), 1003"),
        "{note}"
    );
    assert!(note.contains("IRNGOV"), "the type suffix is kept: {note}");
    assert!(visit.summary.contains("7 articles"), "{}", visit.summary);
    let publishers: Vec<&str> = visit.sources.iter().map(|s| s.publisher.as_str()).collect();
    assert_eq!(publishers, vec!["example.org", "news.example.com"]);
    assert_eq!(
        visit.sources[0].published.as_ref().map(|d| d.text()),
        Some("2024-03-15")
    );
    assert_eq!(
        visit.place.as_deref(),
        Some("Dushanbe, Dushanbe, Tajikistan")
    );
}

#[test]
fn plain_duplicates_merge_and_no_merge_keeps_every_row() {
    let import = read("gdelt2.export.CSV", &EventDataOptions::default());
    let talks = event(&import, "gdelt-1004");
    assert_eq!(talks.actors, vec!["SAU"]);
    assert_eq!(talks.sources.len(), 2);
    assert_eq!(
        talks.kind,
        EventKind::Other("Express intent to meet or negotiate".into())
    );
    let unmerged = read(
        "gdelt2.export.CSV",
        &EventDataOptions {
            no_merge: true,
            ..EventDataOptions::default()
        },
    );
    assert_eq!(unmerged.dataset.events.len(), 11);
    let hosted = event(&unmerged, "gdelt-1002");
    assert_eq!(
        (hosted.actors.to_vec(), hosted.counterparts.to_vec()),
        (vec!["IRN".to_string()], vec!["TJK".to_string()])
    );
}

#[test]
fn regions_groups_and_bare_actor_codes_become_organizations() {
    let import = read("gdelt2.export.CSV", &EventDataOptions::default());
    let actor = |id: &str| {
        import
            .dataset
            .actors
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("no actor {id}"))
    };
    assert_eq!(actor("middle-east").kind, ActorKind::Organization);
    assert_eq!(actor("UN").name, "United Nations");
    assert_eq!(actor("NATO").kind, ActorKind::Organization);
    assert_eq!(actor("EU").name, "European Union");
    assert_eq!(actor("ROU").kind, ActorKind::Country);
    assert_eq!(actor("neighborhood").name, "Neighborhood");
    assert_eq!(event(&import, "gdelt-1009").counterparts, vec!["ROU"]);
    assert_eq!(event(&import, "gdelt-1008").counterparts, vec!["UN"]);
}

#[test]
fn a_row_without_any_actor_is_reported_at_its_line() {
    let import = read("gdelt2.export.CSV", &EventDataOptions::default());
    assert!(import.dataset.events.iter().all(|e| e.id != "gdelt-1007"));
    let lines = import.report.lines("gdelt2.export.CSV");
    assert!(
        lines.contains(
            &"gdelt2.export.CSV:7:1: no actor on either side; the row is left out".to_string()
        ),
        "{lines:?}"
    );
}

#[test]
fn a_truncated_last_line_is_a_placed_problem() {
    let import = read("gdelt2-truncated.export.CSV", &EventDataOptions::default());
    assert_eq!(import.problems.len(), 1);
    let problem = &import.problems[0];
    let at = problem.at.unwrap();
    assert_eq!((at.line, at.col), (4, 1));
    assert!(
        problem.message.contains("last line is cut short"),
        "{}",
        problem.message
    );
    assert!(
        problem.message.contains("20 columns"),
        "{}",
        problem.message
    );
    assert_eq!(
        import.dataset.events.len(),
        1,
        "the complete rows still read"
    );
}

#[test]
fn gdelt_1_files_of_58_and_57_columns_read() {
    let import = read("gdelt1.CSV", &EventDataOptions::default());
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.report.layout, "GDELT 1.0 (58 columns)");
    assert_eq!(import.dataset.events.len(), 2);
    assert_eq!(event(&import, "gdelt-1001").sources.len(), 2);
    let old = read("gdelt1-57.CSV", &EventDataOptions::default());
    assert!(old.problems.is_empty(), "{:?}", old.problems);
    assert_eq!(old.dataset.events.len(), 2);
    assert!(
        event(&old, "gdelt-1001").sources.is_empty(),
        "57 columns have no SOURCEURL"
    );
}

#[test]
fn duckdb_and_bigquery_exports_with_a_header_row_import() {
    for name in ["duckdb-dyad.tsv", "bigquery-dyad.csv"] {
        let import = read(name, &EventDataOptions::default());
        assert!(import.problems.is_empty(), "{name}: {:?}", import.problems);
        assert_eq!(import.report.rows, 5, "{name}: the header is not a row");
        assert_eq!(
            ids(&import),
            vec!["gdelt-1001", "gdelt-1011", "gdelt-1012"],
            "{name}"
        );
        assert_eq!(
            event(&import, "gdelt-1001").place.as_deref(),
            Some("Dushanbe, Dushanbe, Tajikistan"),
            "{name}: quoted commas stay in their field"
        );
    }
}

#[test]
fn zip_and_gzip_files_read_like_plain_ones() {
    let plain = std::fs::read(fixture("gdelt2.export.CSV")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let zipped = dir.path().join("20240322000000.export.CSV.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
        zip.start_file(
            "20240322000000.export.CSV",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(&plain).unwrap();
        zip.finish().unwrap();
    }
    let gzipped = dir.path().join("events.tsv.gz");
    {
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&gzipped).unwrap(),
            flate2::Compression::default(),
        );
        gz.write_all(&plain).unwrap();
        gz.finish().unwrap();
    }
    let expected = read("gdelt2.export.CSV", &EventDataOptions::default()).dataset;
    for path in [&zipped, &gzipped] {
        assert_eq!(
            event_data::detect_in(std::fs::File::open(path).unwrap()),
            Some(Family::Gdelt)
        );
        let import = event_data::import(
            std::fs::File::open(path).unwrap(),
            "packed",
            &EventDataOptions::default(),
        )
        .unwrap();
        assert_eq!(import.dataset.events, expected.events, "{}", path.display());
    }
}

#[test]
fn icews_rows_map_country_names_and_restore_codes() {
    let import = read("icews.tab", &EventDataOptions::default());
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.report.layout, "ICEWS");
    let visit = event(&import, "icews-20001");
    assert_eq!(visit.kind, EventKind::Visit);
    assert_eq!(
        (
            visit.actors.get(0).unwrap(),
            visit.counterparts.get(0).unwrap()
        ),
        ("IRN", "TJK")
    );
    assert!(
        visit
            .note
            .as_deref()
            .unwrap()
            .contains("20002 (043, turned round)")
    );
    assert_eq!(visit.sources.len(), 2);
    assert_eq!(
        visit.at,
        Some(Coordinates(38.5358, 68.7791)),
        "Latitude and Longitude"
    );
    let criticism = event(&import, "icews-20003");
    assert_eq!(criticism.cameo.as_deref(), Some("111"));
    assert!(
        criticism
            .note
            .as_deref()
            .unwrap()
            .contains("Foreign Affairs (Iran)"),
        "{:?}",
        criticism.note
    );
    let arrest = event(&import, "icews-20004");
    assert_eq!(arrest.counterparts, vec!["protester"]);
    assert_eq!(import.report.without_actor.len(), 1);
    assert_eq!(import.report.rows, 5);
    assert_eq!(import.dataset.events.len(), 3);
}

#[test]
fn cut_options_keep_a_dyad_a_period_roots_and_classes() {
    let cut = |cut: Cut| {
        read(
            "gdelt2.export.CSV",
            &EventDataOptions {
                cut,
                ..EventDataOptions::default()
            },
        )
    };
    let dyad = cut(Cut {
        actors: vec!["IRN".into(), "TJK".into()],
        between: true,
        ..Cut::default()
    });
    assert_eq!(ids(&dyad), vec!["gdelt-1001", "gdelt-1011", "gdelt-1012"]);
    let either = cut(Cut {
        actors: vec!["ROM".into()],
        ..Cut::default()
    });
    assert_eq!(
        ids(&either),
        vec!["gdelt-1009"],
        "a CAMEO code names its actor"
    );
    let period = cut(Cut {
        from: Some("2024-03-17".parse().unwrap()),
        to: Some("2024-03-19".parse().unwrap()),
        ..Cut::default()
    });
    assert_eq!(ids(&period), vec!["gdelt-1006", "gdelt-1008", "gdelt-1009"]);
    let consult = cut(Cut {
        roots: vec!["04".into()],
        ..Cut::default()
    });
    assert_eq!(ids(&consult), vec!["gdelt-1001", "gdelt-1011"]);
    let material = cut(Cut {
        quads: vec![annals::model::cameo::QuadClass::MaterialCooperation],
        ..Cut::default()
    });
    assert_eq!(ids(&material), vec!["gdelt-1009"]);
    let read_widely = cut(Cut {
        min_articles: 5,
        ..Cut::default()
    });
    assert_eq!(
        ids(&read_widely),
        vec!["gdelt-1001", "gdelt-1009", "gdelt-1012"]
    );
    assert_eq!(read_widely.report.few_articles, 5);
}

#[test]
fn the_cameo_level_chooses_how_finely_kinds_are_named() {
    let at = |level| {
        let import = read(
            "gdelt2.export.CSV",
            &EventDataOptions {
                level,
                ..EventDataOptions::default()
            },
        );
        event(&import, "gdelt-1010").kind.clone()
    };
    assert_eq!(
        at(CameoLevel::Root),
        EventKind::Other("Express intent to cooperate".into())
    );
    assert_eq!(
        at(CameoLevel::Base),
        EventKind::Other("Express intent to engage in material cooperation".into())
    );
    assert_eq!(
        at(CameoLevel::Code),
        EventKind::Other("Express intent to cooperate economically".into())
    );
}

#[test]
fn a_file_that_is_not_event_data_is_refused() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/events.ron");
    assert_eq!(
        event_data::detect_in(std::fs::File::open(&path).unwrap()),
        None
    );
    let error = event_data::import(
        std::fs::File::open(&path).unwrap(),
        "events.ron",
        &EventDataOptions::default(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("neither a GDELT"), "{error}");
    let icews_as_gdelt = event_data::import(
        std::fs::File::open(fixture("icews.tab")).unwrap(),
        "icews.tab",
        &EventDataOptions {
            family: Some(Family::Gdelt),
            ..EventDataOptions::default()
        },
    );
    assert!(icews_as_gdelt.is_err());
}

mod command_line {
    use crate::support::{annals, text};

    const GDELT: &str = "tests/fixtures/event_data/gdelt2.export.CSV";

    #[test]
    fn import_writes_a_dataset_that_check_passes_and_reports_the_merge() {
        let dir = tempfile::tempdir().unwrap();
        let out_path = dir.path().join("march.ron");
        let out_name = out_path.to_str().unwrap();
        let out = annals(&["import", GDELT, "-o", out_name]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
        assert!(stdout.contains("format: GDELT events"), "{stdout}");
        assert!(
            stdout.contains("12 rows read, 8 events (GDELT 2.0)"),
            "{stdout}"
        );
        assert!(stdout.contains("3 rows merged"), "{stdout}");
        assert!(
            stdout.contains(&format!("{GDELT}:7:1: no actor on either side")),
            "{stdout}"
        );
        let check = annals(&["check", out_name]);
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
        let written = std::fs::read_to_string(&out_path).unwrap();
        assert!(
            written.contains("cameo: \"042\""),
            "the code is kept in RON"
        );
        let again = annals(&["import", GDELT, "-o", out_name]);
        assert_eq!(again.status.code(), Some(1), "an existing OUT is refused");
    }

    #[test]
    fn every_command_opens_event_data_directly() {
        let list = annals(&["list", GDELT, "--actor", "ROU"]);
        let stdout = text(&list.stdout);
        assert_eq!(list.status.code(), Some(0), "{}", text(&list.stderr));
        assert!(
            stdout.contains("North Atlantic Treaty Organization → Romania"),
            "{stdout}"
        );
        let check = annals(&["check", "tests/fixtures/event_data/icews.tab"]);
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
        assert!(
            text(&check.stdout).contains("ok (3 events"),
            "{}",
            text(&check.stdout)
        );
    }

    #[test]
    fn the_figure_colours_cameo_kinds_by_quad_class_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let svg_path = dir.path().join("march.svg");
        let out = annals(&[
            "export",
            GDELT,
            "--format",
            "svg",
            "-o",
            svg_path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let svg = std::fs::read_to_string(&svg_path).unwrap();
        assert!(
            svg.contains("CAMEO: verbal cooperation"),
            "the legend explains the colours"
        );
        assert!(svg.contains("material conflict"));
        let conflict = annals::timeline::kind_style::quad_colour(
            annals::model::cameo::QuadClass::VerbalConflict,
        )
        .hex();
        let criticism = annals::timeline::kind_style::kind_style(&annals::model::EventKind::Other(
            "Criticize or denounce".into(),
        ));
        assert!(svg.contains(&conflict));
        assert!(
            svg.contains(&criticism.1.hex()),
            "the criticism is drawn in a conflict colour"
        );
    }

    #[test]
    fn cut_options_apply_on_the_command_line() {
        let dir = tempfile::tempdir().unwrap();
        let out_path = dir.path().join("dyad.ron");
        let out = annals(&[
            "import",
            GDELT,
            "--actor",
            "IRN",
            "--actor",
            "TJK",
            "--between",
            "--from",
            "2024-03-16",
            "--cameo-level",
            "root",
            "-o",
            out_path.to_str().unwrap(),
        ]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
        assert!(stdout.contains("12 rows read, 2 events"), "{stdout}");
        let bad = annals(&[
            "import",
            GDELT,
            "--quad",
            "7",
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(
            text(&bad.stderr).contains("--quad"),
            "{}",
            text(&bad.stderr)
        );
    }

    #[test]
    fn a_truncated_file_exits_1_with_the_place_and_writes_nothing_without_skip_invalid() {
        let dir = tempfile::tempdir().unwrap();
        let out_path = dir.path().join("cut.ron");
        let name = "tests/fixtures/event_data/gdelt2-truncated.export.CSV";
        let out = annals(&["import", name, "-o", out_path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("{name}:4:1: the last line is cut short")),
            "{stderr}"
        );
        assert!(!out_path.exists());
        let skipped = annals(&[
            "import",
            name,
            "--skip-invalid",
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(skipped.status.code(), Some(0), "skipping was asked for");
        assert!(out_path.exists(), "--skip-invalid writes the complete rows");
    }

    #[test]
    fn a_format_that_does_not_fit_is_a_placed_problem() {
        let dir = tempfile::tempdir().unwrap();
        let out_path = dir.path().join("x.ron");
        let out = annals(&[
            "import",
            GDELT,
            "--format",
            "icews",
            "-o",
            out_path.to_str().unwrap(),
        ]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(&format!("{GDELT}:1:1:")), "{stderr}");
    }
}

#[test]
fn imported_actors_and_their_lanes_go_by_name_not_by_code() {
    let import = read("gdelt2.export.CSV", &EventDataOptions::default());
    let lanes = Lanes::build(&import.dataset, LaneMode::Actor, &BTreeSet::new());
    assert_eq!(
        lanes.visible_labels(),
        [
            "European Union",
            "Iran",
            "Middle East",
            "Neighborhood",
            "North Atlantic Treaty Organization",
            "Romania",
            "Saudi Arabia",
            "Tajikistan",
            "United Nations",
        ]
    );
    let names: Vec<&str> = import
        .dataset
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        names,
        lanes.visible_labels(),
        "the filter panel's order too"
    );
}
