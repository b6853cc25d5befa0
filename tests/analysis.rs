//! `annals stats` and `annals matrix`, and the counting engine behind them:
//! counts that add up to the list, vague dates in rows of their own, pairs of
//! actors with people rolled up into their countries, and the files written.

use std::collections::HashMap;
use std::sync::OnceLock;

use annals::analysis::{CountIndex, Grouping, PeriodUnit};
use annals::dataset;
use annals::model::Dataset;
use annals::query::{self, Filter, QueryIndex};
use proptest::prelude::*;

use crate::query_engine::arbitrary_filter;
use crate::support::{annals, text};

/// Two countries, an organization, two people with dated roles, and dates of
/// every precision.
const MEETINGS_RON: &str = r#"Dataset(
    title: "Meetings",
    actors: [
        Actor(id: "FRA", name: "France", kind: Country),
        Actor(id: "DEU", name: "Germany", kind: Country),
        Actor(id: "UN", name: "United Nations", kind: Organization),
        Actor(id: "chirac", name: "Jacques Chirac", kind: Person, roles: [
            Role(title: "President", of: "FRA", from: "1995-05-17", to: "2007-05-16"),
        ]),
        Actor(id: "merkel", name: "Angela Merkel", kind: Person, roles: [
            Role(title: "Chancellor", of: "DEU", from: "2005-11-22", to: "2021-12-08"),
        ]),
    ],
    topics: [
        Topic(id: "europe", name: "Europe"),
        Topic(id: "budget", name: "Budget", parent: "europe"),
    ],
    events: [
        Event(id: "a", kind: Visit, date: "2006-03-01", title: "Chirac in Berlin",
            actors: ["chirac"], counterparts: ["merkel"], topics: ["europe"]),
        Event(id: "b", kind: PhoneCall, date: "2006-03-20", title: "Chirac calls Merkel",
            actors: ["chirac", "FRA"], counterparts: ["merkel"], topics: ["budget", "europe"]),
        Event(id: "c", kind: Visit, date: "2006", title: "A visit some time in 2006",
            actors: ["FRA"], counterparts: ["DEU"]),
        Event(id: "d", kind: Meeting, date: "2006-03", title: "Talks in March",
            actors: ["DEU"], counterparts: ["FRA"]),
        Event(id: "e", kind: Visit, date: "2006-03-30/2006-04-02", title: "A long visit",
            actors: ["merkel"], counterparts: ["UN"]),
        Event(id: "f", kind: Statement, date: "2010-05-05", title: "Chirac speaks as a private man",
            actors: ["chirac"], counterparts: ["DEU"]),
        Event(id: "g", kind: Milestone, date: "2006-03-01", title: "Treaty anniversary",
            actors: ["FRA", "DEU"]),
    ],
)"#;

/// Writes the test dataset into `dir`; its path as text.
fn meetings_file(dir: &std::path::Path) -> String {
    let path = dir.join("meetings.ron");
    std::fs::write(&path, MEETINGS_RON).unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs annals and returns its standard output, asserting it succeeded.
fn run_ok(args: &[&str]) -> String {
    let result = annals(args);
    assert_eq!(
        result.status.code(),
        Some(0),
        "annals {args:?}: {}",
        text(&result.stderr)
    );
    text(&result.stdout)
}

/// The `period,group,count` rows of a stats CSV, as (period, group) → count.
fn csv_counts(csv: &str) -> HashMap<(String, String), u32> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["period", "group", "count"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            ((r[0].to_string(), r[1].to_string()), r[2].parse().unwrap())
        })
        .collect()
}

#[test]
fn by_month_a_year_only_event_has_a_row_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let file = meetings_file(dir.path());
    let counts = csv_counts(&run_ok(&[
        "stats", &file, "--by", "month", "--format", "csv",
    ]));
    let get = |p: &str, g: &str| counts.get(&(p.to_string(), g.to_string())).copied();
    assert_eq!(
        get("2006", "visit"),
        Some(1),
        "the visit known to the year: {counts:?}"
    );
    assert_eq!(
        get("2006-03", "visit"),
        Some(2),
        "a day visit and the long one from March"
    );
    assert_eq!(get("2006-03", "meeting"), Some(1));
    assert_eq!(
        get("2006-04", "visit"),
        None,
        "an interval counts where it begins"
    );
    assert_eq!(counts.values().sum::<u32>(), 7, "every event once");
}

#[test]
fn by_day_and_week_vaguer_dates_go_to_their_month_and_year() {
    let dir = tempfile::tempdir().unwrap();
    let file = meetings_file(dir.path());
    let by_day = csv_counts(&run_ok(&[
        "stats", &file, "--by", "day", "--group", "none", "--format", "csv",
    ]));
    let day = |p: &str| by_day.get(&(p.to_string(), String::new())).copied();
    assert_eq!(day("2006-03-01"), Some(2));
    assert_eq!(
        day("2006-03"),
        Some(1),
        "the talks known to the month: {by_day:?}"
    );
    assert_eq!(day("2006"), Some(1));
    assert_eq!(day("2006-03-30"), Some(1));
    let by_week = csv_counts(&run_ok(&[
        "stats", &file, "--by", "week", "--group", "none", "--format", "csv",
    ]));
    // 1 March 2006 was a Wednesday in ISO week 9, 20 March a Monday in week 12.
    let week = |p: &str| by_week.get(&(p.to_string(), String::new())).copied();
    assert_eq!(week("2006-W09"), Some(2), "{by_week:?}");
    assert_eq!(week("2006-W12"), Some(1));
    assert_eq!(week("2006-03"), Some(1));
}

#[test]
fn grouped_by_actor_or_topic_an_event_counts_once_for_each() {
    let dir = tempfile::tempdir().unwrap();
    let file = meetings_file(dir.path());
    let by_actor = csv_counts(&run_ok(&[
        "stats", &file, "--group", "actor", "--format", "csv",
    ]));
    let actor = |g: &str| by_actor.get(&("2006".to_string(), g.to_string())).copied();
    assert_eq!(actor("chirac"), Some(2));
    assert_eq!(actor("FRA"), Some(4), "{by_actor:?}");
    assert_eq!(actor("DEU"), Some(3));
    let by_topic = csv_counts(&run_ok(&[
        "stats", &file, "--group", "topic", "--format", "csv",
    ]));
    let topic = |g: &str| by_topic.get(&("2006".to_string(), g.to_string())).copied();
    assert_eq!(topic("europe"), Some(2), "{by_topic:?}");
    assert_eq!(topic("budget"), Some(1));
}

#[test]
fn stats_by_kind_add_up_to_the_list_count_with_the_same_filters() {
    for filters in [
        vec![],
        vec!["--actor", "TJK", "--kind", "visit"],
        vec!["--from", "2021", "--to", "2023", "--search", "dushanbe"],
        vec![
            "--actor",
            "IRN",
            "--no-members",
            "--from",
            "2022-05",
            "--to",
            "2022-05",
        ],
    ] {
        let mut list = vec!["list", "--count"];
        list.extend(&filters);
        let expected: u32 = run_ok(&list).trim().parse().unwrap();
        for unit in ["year", "month", "week", "day"] {
            let mut stats = vec!["stats", "--by", unit, "--format", "csv"];
            stats.extend(&filters);
            let sum: u32 = csv_counts(&run_ok(&stats)).values().sum();
            assert_eq!(sum, expected, "by {unit} with {filters:?}");
        }
    }
}

#[test]
fn stats_json_and_table_show_the_same_counts() {
    let json: serde_json::Value =
        serde_json::from_str(&run_ok(&["stats", "--by", "month", "--format", "json"])).unwrap();
    assert_eq!(json["by"], "month");
    assert_eq!(json["group"], "kind");
    let counts = json["counts"].as_array().unwrap();
    let year_row = counts
        .iter()
        .find(|c| c["period"] == "2014")
        .expect("the 2014 agreement, known to the year");
    assert_eq!(year_row["length"], "year");
    assert_eq!(year_row["group"], "treaty-signing");
    let listed: u64 = run_ok(&["list", "--count"]).trim().parse().unwrap();
    assert_eq!(json["total"], listed);
    let table = run_ok(&["stats", "--by", "month"]);
    let first = table.lines().next().unwrap();
    assert!(
        first.starts_with("period") && first.ends_with("count"),
        "{first}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("2014 ") && l.contains("treaty-signing")),
        "{table}"
    );
}

#[test]
fn an_unknown_unit_or_grouping_is_refused_with_the_choices() {
    let result = annals(&["stats", "--by", "fortnight"]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        text(&result.stderr).contains("year, month, week, day"),
        "{}",
        text(&result.stderr)
    );
    let result = annals(&["stats", "--group", "place"]);
    assert_eq!(result.status.code(), Some(2));
    let result = annals(&["stats", "--format", "svg"]);
    assert_eq!(result.status.code(), Some(2), "a picture needs a file");
    assert!(text(&result.stderr).contains("-o"));
    let result = annals(&["matrix", "--actor", "TJKK"]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        text(&result.stderr).contains("did you mean \"TJK\""),
        "{}",
        text(&result.stderr)
    );
}

/// The `from,to,count` rows of a matrix CSV.
fn pairs(csv: &str) -> HashMap<(String, String), u32> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["from", "to", "count"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            ((r[0].to_string(), r[1].to_string()), r[2].parse().unwrap())
        })
        .collect()
}

#[test]
fn people_roll_up_into_their_country_while_they_hold_office() {
    let dir = tempfile::tempdir().unwrap();
    let file = meetings_file(dir.path());
    let rolled = pairs(&run_ok(&["matrix", &file, "--format", "csv"]));
    let get = |m: &HashMap<(String, String), u32>, a: &str, b: &str| {
        m.get(&(a.to_string(), b.to_string())).copied()
    };
    // a, b and c go from France to Germany; b names both Chirac and France, once.
    assert_eq!(get(&rolled, "FRA", "DEU"), Some(3), "{rolled:?}");
    assert_eq!(get(&rolled, "DEU", "FRA"), Some(1));
    assert_eq!(
        get(&rolled, "DEU", "UN"),
        Some(1),
        "Merkel as chancellor visits the UN"
    );
    // Out of office, Chirac is himself.
    assert_eq!(get(&rolled, "chirac", "DEU"), Some(1));
    assert_eq!(get(&rolled, "chirac", "merkel"), None);
    let own = pairs(&run_ok(&[
        "matrix",
        &file,
        "--no-members",
        "--format",
        "csv",
    ]));
    assert_eq!(get(&own, "chirac", "merkel"), Some(2), "{own:?}");
    assert_eq!(get(&own, "FRA", "merkel"), Some(1));
    assert_eq!(get(&own, "FRA", "DEU"), Some(1));
}

#[test]
fn the_matrix_follows_the_filters_and_names_each_cells_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let file = meetings_file(dir.path());
    let visits = pairs(&run_ok(&[
        "matrix", &file, "--kind", "visit", "--format", "csv",
    ]));
    assert_eq!(
        visits.get(&("FRA".into(), "DEU".into())),
        Some(&2),
        "{visits:?}"
    );
    assert_eq!(visits.get(&("DEU".into(), "FRA".into())), None);
    let json: serde_json::Value =
        serde_json::from_str(&run_ok(&["matrix", &file, "--format", "json"])).unwrap();
    let pair = json["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["from"] == "FRA" && p["to"] == "DEU")
        .unwrap();
    assert_eq!(pair["kinds"]["visit"], 2);
    assert_eq!(pair["kinds"]["phone-call"], 1);
    // Germany takes part in six pairs' events, France in four.
    assert_eq!(
        json["actors"][0], "DEU",
        "sorted by total: {}",
        json["actors"]
    );
    assert_eq!(json["actors"][1], "FRA");
}

#[test]
fn beyond_the_top_actors_the_rest_are_gathered_in_others() {
    let dir = tempfile::tempdir().unwrap();
    let file = meetings_file(dir.path());
    let table = run_ok(&["matrix", &file, "--top", "2"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "a header, two actors and others: {table}");
    assert!(
        lines[0]
            .split_whitespace()
            .eq(["from", "\\", "to", "DEU", "FRA", "others"]),
        "{table}"
    );
    let others_row: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(others_row[0], "others");
}

#[test]
fn pictures_are_written_atomically_with_the_manifest_and_never_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("chart.svg");
    let svg_arg = svg_path.to_str().unwrap();
    run_ok(&[
        "stats", "--by", "year", "--actor", "TJK", "--format", "svg", "-o", svg_arg,
    ]);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let manifest = doc
        .descendants()
        .find(|n| n.has_tag_name("metadata"))
        .and_then(|n| n.text())
        .expect("the manifest in <metadata>");
    let manifest: serde_json::Value = serde_json::from_str(manifest).unwrap();
    let command = manifest["command"].as_str().unwrap();
    assert!(
        command.starts_with("annals stats --actor TJK --by year --group kind --format svg"),
        "{command}"
    );
    assert_eq!(manifest["format"], "svg");
    let listed: u64 = run_ok(&["list", "--actor", "TJK", "--count"])
        .trim()
        .parse()
        .unwrap();
    assert_eq!(manifest["events"], listed);
    let bars = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
    assert!(bars > 10, "bars are drawn: {bars}");

    let refused = annals(&["stats", "--format", "svg", "-o", svg_arg]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--force"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&svg_path).unwrap(),
        svg,
        "left untouched"
    );
    run_ok(&[
        "stats", "--by", "month", "--format", "svg", "-o", svg_arg, "--force",
    ]);
    assert_ne!(
        std::fs::read_to_string(&svg_path).unwrap(),
        svg,
        "replaced with --force"
    );

    let png_path = dir.path().join("matrix.png");
    run_ok(&[
        "matrix",
        "--format",
        "png",
        "-o",
        png_path.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&png_path).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(&bytes))
        .read_info()
        .unwrap();
    let chunk = reader
        .info()
        .utf8_text
        .iter()
        .find(|c| c.keyword == "annals-manifest")
        .expect("the manifest chunk");
    assert!(chunk.get_text().unwrap().contains("annals matrix"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files are left: {names:?}");
}

#[test]
fn the_matrix_picture_shades_cells_and_names_their_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("matrix.svg");
    run_ok(&["matrix", "--format", "svg", "-o", path.to_str().unwrap()]);
    let svg = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Iran \u{2192} Tajikistan: ") && t.contains("Visit")),
        "{titles:?}"
    );
}

/// The number of events `filter` selects and the sums of its counts per
/// `unit`, by kind and not grouped.
fn list_and_stats(
    dataset: &Dataset,
    index: &QueryIndex,
    counts: &CountIndex,
    filter: &Filter,
    unit: PeriodUnit,
) -> (u64, u64, u64) {
    let listed = query::select(dataset, index, filter).len() as u64;
    let selection = index.matching(filter);
    let by_kind = counts
        .period_counts(&selection, unit, Grouping::Kind, None)
        .total();
    let plain = counts
        .period_counts(&selection, unit, Grouping::None, None)
        .total();
    (listed, by_kind, plain)
}

/// A generated dataset with vague dates, intervals and people, prepared once.
fn generated() -> &'static (Dataset, QueryIndex, CountIndex) {
    static GENERATED: OnceLock<(Dataset, QueryIndex, CountIndex)> = OnceLock::new();
    GENERATED.get_or_init(|| {
        let dataset = annals::generate::generate(3_000, 7);
        let index = QueryIndex::new(&dataset);
        let counts = CountIndex::new(&dataset);
        (dataset, index, counts)
    })
}

proptest! {
    #[test]
    fn for_any_filter_the_stats_sum_is_the_list_count(filter in arbitrary_filter(), unit in 0usize..4) {
        let dataset = dataset::embedded();
        let index = QueryIndex::new(&dataset);
        let counts = CountIndex::new(&dataset);
        let (listed, by_kind, plain) = list_and_stats(&dataset, &index, &counts, &filter, PeriodUnit::ALL[unit]);
        prop_assert_eq!(by_kind, listed, "{:?}", filter);
        prop_assert_eq!(plain, listed);
    }

    #[test]
    fn on_generated_data_the_stats_sum_is_the_list_count(
        actor in 0usize..400, topic in 0usize..30, kind in 0usize..10, unit in 0usize..4,
        facets in 0u8..16, year in 1900i64..2025
    ) {
        let (dataset, index, counts) = generated();
        let mut filter = Filter::default();
        if facets & 1 != 0 {
            filter.actors.insert(dataset.actors[actor % dataset.actors.len()].id.clone());
            filter.include_members = facets & 8 == 0;
        }
        if facets & 2 != 0 {
            filter.topics.insert(dataset.topics[topic % dataset.topics.len()].id.clone());
        }
        if facets & 4 != 0 {
            filter.kinds.insert(annals::model::EventKind::BUILT_IN[kind].slug());
        }
        if facets & 8 != 0 {
            filter.period.from = Some(year.to_string());
            filter.period.to = Some((year + 5).to_string());
        }
        let (listed, by_kind, plain) = list_and_stats(dataset, index, counts, &filter, PeriodUnit::ALL[unit]);
        prop_assert_eq!(by_kind, listed, "{:?}", filter);
        prop_assert_eq!(plain, listed);
    }
}

/// The viewer on the curated dataset, rendered on the CPU.
fn viewer() -> egui_kittest::Harness<'static, annals::app::App> {
    crate::support::viewer_harness(crate::support::ViewerSetup::default())
}

#[test]
fn a_persons_lane_header_shows_their_events_at_a_glance() {
    use egui_kittest::kittest::Queryable;
    let mut harness = viewer();
    harness.get_by_label("Roles of Mohammad Bagheri").click();
    harness.run_steps(3);
    let summary = harness.state().actor_summary("bagheri");
    assert!(summary.events >= 3, "{summary:?}");
    harness.get_by_label(&format!("{} events under the filters", summary.events));
    // His counterparts are Tajikistan's, rolled up into it while members are included.
    harness.get_by_label_contains("Most with: Tajikistan");
    let first = summary.first.expect("a first event");
    let title = &harness.state().document().dataset().events[first as usize].title;
    harness.get_by_label_contains(title).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selected(),
        Some(first),
        "clicking the first event selects it"
    );
}
