//! TimelineJS3 JSON, vis-timeline JSON and Timeline XML, each opened as a
//! dataset; their problems at their line and column; no input panics.

use std::path::{Path, PathBuf};

use annals::dataset::DatasetError;
use annals::import::open_path;
use annals::import::{self, FormatChoice, GroupAs, ImportOptions};
use annals::model::{Dataset, EventKind};
use proptest::prelude::*;

use crate::support::{annals, text};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn import_with(name: &str, options: &ImportOptions) -> import::Opened {
    let bytes = std::fs::read(data(name)).unwrap();
    import::open_all(
        import::Input::Bytes {
            name,
            bytes: &bytes,
        },
        options,
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn dates(dataset: &Dataset) -> Vec<&str> {
    dataset.events.iter().map(|e| e.date.text()).collect()
}

#[test]
fn timelinejs_json_keeps_precision_deep_time_ids_and_eras() {
    let imported = import_with("timelinejs.json", &ImportOptions::default());
    let dataset = &imported.dataset;
    assert_eq!(dataset.title, "Deep and recent time");
    assert_eq!(dataset.description, "From the first light to a phone call.");
    assert_eq!(
        dates(dataset),
        [
            "Y-13800000000",
            "1901",
            "1901-05/1902-07",
            "2022-05-16T10:30:00"
        ]
    );
    let first = &dataset.events[0];
    assert_eq!(first.summary, "As early as we can see.");
    assert_eq!(
        first.sources[0].url.as_deref(),
        Some("https://example.org/cosmos")
    );
    let months = &dataset.events[2];
    assert_eq!(
        months.note.as_deref(),
        Some("Display date: Spring 1901 to summer 1902")
    );
    assert_eq!(months.sources[0].publisher, "Example Library");
    assert_eq!(months.topics, ["science"], "groups are topics by default");
    assert_eq!(dataset.events[3].id, "call-2022");
    assert_eq!(dataset.eras[0].date.text(), "1900/1950");
    assert_eq!(imported.problems.len(), 1);
    let problem = &imported.problems[0];
    assert_eq!(problem.at.map(|a| a.line), Some(33));
    assert!(
        problem.message.contains("no start_date"),
        "{}",
        problem.message
    );
    assert!(imported.report.not_kept.contains_key("event backgrounds"));

    let actors = import_with(
        "timelinejs.json",
        &ImportOptions {
            group_as: Some(GroupAs::Actor),
            ..Default::default()
        },
    );
    assert_eq!(actors.dataset.events[1].actors, ["science"]);
}

#[test]
fn a_timelinejs_file_with_a_bad_event_is_refused_whole_with_its_place() {
    let out = annals(&["check", "tests/data/import/timelinejs.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).lines().next(),
        Some("tests/data/import/timelinejs.json:33:5: event \"No date\": it has no start_date")
    );
}

#[test]
fn vis_timeline_groups_become_actors_and_backgrounds_eras() {
    let imported = import_with("vis.json", &ImportOptions::default());
    let dataset = &imported.dataset;
    let ids: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "7"]);
    let talks = &dataset.events[0];
    assert_eq!(talks.title, "Talks in Dushanbe");
    assert_eq!(talks.summary, "Two days of talks");
    assert_eq!(talks.actors, ["TJK"]);
    assert_eq!(
        talks.sources[0].url.as_deref(),
        Some("https://example.org/talks")
    );
    assert_eq!(dataset.events[1].actors, ["mohammad-bagheri"]);
    assert_eq!(
        dataset.events[2].date.text(),
        "2022-05-16",
        "epoch milliseconds at midnight are a day"
    );
    assert_eq!(dataset.events[2].actors, ["IRN"]);
    assert_eq!(dataset.eras[0].name, "Negotiations");
    assert_eq!(dataset.eras[0].date.text(), "2021-08-03/2024-05-19");
    assert_eq!(imported.problems.len(), 1, "{:?}", imported.problems);
    assert!(imported.problems[0].message.contains("no start"));

    let topics = import_with(
        "vis.json",
        &ImportOptions {
            group_as: Some(GroupAs::Topic),
            ..Default::default()
        },
    );
    let nested = topics.dataset.topic("mohammad-bagheri").unwrap();
    assert_eq!(nested.parent.as_deref(), Some("iran"));
}

#[test]
fn a_bare_list_of_vis_items_is_read() {
    let dataset = open_path(&data("vis-bare.json"), FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    assert_eq!(dates(&dataset), ["2014-04-20", "2014-04-14/2014-04-19"]);
    assert_eq!(dataset.events[0].id, "1");
}

#[test]
fn timeline_xml_keeps_categories_eras_containers_fuzzy_dates_and_milestones() {
    let imported = import_with("chronology.timeline", &ImportOptions::default());
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let dataset = &imported.dataset;
    assert_eq!(
        dataset
            .topic("counter-terrorism")
            .and_then(|t| t.parent.as_deref()),
        Some("security")
    );
    assert_eq!(dataset.eras[0].color.as_deref(), Some("#c8c8ff"));
    assert_eq!(dataset.eras[0].date.text(), "2021-08-03/2024-05-19");
    assert_eq!(
        dates(dataset),
        [
            "2022-05-16",
            "2022-05-17T10:30:00",
            "2010-03-01?/2010-03-31?",
            "1991-09-09",
            "2023-03-01/2023-03-02"
        ]
    );
    let talks = &dataset.events[0];
    assert_eq!(talks.topics, ["counter-terrorism"]);
    assert_eq!(talks.summary, "Drones and the border.");
    assert_eq!(
        talks.sources[0].url.as_deref(),
        Some("https://example.org/talks")
    );
    assert_eq!(dataset.events[3].kind, EventKind::Milestone);
    assert_eq!(dataset.events[4].title, "First session");
    assert_eq!(
        dataset.events[4].topics,
        ["joint-commission"],
        "a container is a topic"
    );
    assert!(
        imported
            .report
            .not_kept
            .keys()
            .any(|k| k.contains("saved view"))
    );
}

#[test]
fn the_format_is_detected_from_content_and_forced_with_format() {
    for (name, format) in [
        ("chronology.csv", import::Format::Csv),
        ("timelinejs.json", import::Format::TimelineJs),
        ("vis.json", import::Format::Vis),
        ("vis-bare.json", import::Format::Vis),
        ("chronology.timeline", import::Format::Timeline),
    ] {
        let bytes = std::fs::read(data(name)).unwrap();
        assert_eq!(import::detect_bytes(name, &bytes), format, "{name}");
    }
    let forced = ImportOptions {
        format: FormatChoice::Only(import::Format::Csv),
        ..Default::default()
    };
    let bytes = std::fs::read(data("vis-bare.json")).unwrap();
    assert!(matches!(
        import::open_all(
            import::Input::Bytes {
                name: "vis-bare.json",
                bytes: &bytes
            },
            &forced
        ),
        Err(DatasetError::Invalid { .. })
    ));
}

#[test]
fn every_command_opens_an_importable_file() {
    let out = annals(&["list", "tests/data/import/chronology.timeline"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Defence talks"));
    let out = annals(&[
        "check",
        "tests/data/import/vis-bare.json",
        "tests/data/import/chronology.timeline",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("chronology.timeline: ok (5 events, 0 actors, 3 topics, 1 era)"),
        "{}",
        text(&out.stdout)
    );
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("out.svg");
    let out = annals(&[
        "export",
        "tests/data/import/chronology.csv",
        "--format",
        "svg",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_are_read_or_refused_at_a_place_by_every_importer(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for format in [import::Format::Csv, import::Format::TimelineJs, import::Format::Vis, import::Format::Timeline] {
            let options = ImportOptions { format: FormatChoice::Only(format), ..Default::default() };
            let outcome = import::open_all(import::Input::Bytes { name: "random", bytes: &bytes }, &options);
            crate::loader_fuzz::assert_placed_inside(&outcome.and_then(import::Opened::whole), &import::text::decode(&bytes).text);
        }
        let outcome = import::open_all(import::Input::Bytes { name: "random.csv", bytes: &bytes }, &ImportOptions::default());
        crate::loader_fuzz::assert_placed_inside(&outcome.and_then(import::Opened::whole), &import::text::decode(&bytes).text);
    }

    #[test]
    fn random_spreadsheets_never_panic(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-zA-Z0-9 /.,;|\"\\-:é]{0,12}", 1..6), 0..8),
        order in proptest::option::of(prop_oneof![Just(import::DateOrder::Dmy), Just(import::DateOrder::Mdy)]),
    ) {
        let mut sheet = String::from("date,title,actors,topics,kind\n");
        for row in &rows {
            sheet.push_str(&row.join(","));
            sheet.push('\n');
        }
        let options = ImportOptions { date_order: order, ..Default::default() };
        if let Ok(imported) = import::open_all(import::Input::Bytes { name: "random.csv", bytes: sheet.as_bytes() }, &options) {
            let ron = annals::dataset::to_ron_string(&imported.dataset);
            prop_assert!(annals::dataset::parse_str("again.ron", &ron).is_ok(), "{ron}");
        }
    }
}

#[test]
fn imported_actors_go_by_name_unless_the_file_orders_its_groups() {
    let names = |dataset: &Dataset| -> Vec<String> {
        dataset.actors.iter().map(|a| a.name.clone()).collect()
    };
    let bytes = b"Date,Title,Countries\n2019,Talks,Tajikistan;Bahrain\n2020,Visit,China;Iran\n";
    let sheet = import::open_all(
        import::Input::Bytes {
            name: "sheet.csv",
            bytes,
        },
        &ImportOptions::default(),
    )
    .unwrap_or_else(|e| panic!("sheet.csv: {e}"));
    assert_eq!(
        names(&sheet.dataset),
        ["Bahrain", "China", "Iran", "Tajikistan"],
        "a spreadsheet's actors by name, not as first met"
    );

    let vis = import_with("vis.json", &ImportOptions::default());
    assert_eq!(
        names(&vis.dataset),
        ["Iran", "Tajikistan", "Mohammad Bagheri"],
        "vis-timeline's groups keep the file's order"
    );
}
