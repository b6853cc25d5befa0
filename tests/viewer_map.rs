//! View ▸ Map in the viewer: countries and places with their counts, which
//! follow the filters and the visible range; a click on either filters by it;
//! "Play" steps the timeline's range month by month.

use annals::command::{AnalysisView, Command, MapCommand};
use annals::export::AnalysisFormat;
use annals::model::Moment;
use annals::timeline::TimeRange;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use annals::app::App;

use crate::support::{ViewerSetup, listed_ids, viewer_harness};

fn with_map(theme: Option<eframe::egui::Theme>) -> Harness<'static, App> {
    let mut harness = viewer_harness(ViewerSetup {
        theme,
        ..ViewerSetup::default()
    });
    harness.state_mut().apply(Command::ShowMap(true));
    harness.run_steps(3);
    harness
}

/// The number in the label of a map item that starts with `name`: "Iran: 38 events (…)".
fn count_of(harness: &Harness<'static, App>, name: &str) -> usize {
    let prefix = format!("{name}: ");
    let node = harness.get_by_label_contains(&prefix);
    let label = node.accesskit_node().label().unwrap_or_default();
    let number: String = label[name.len() + 2..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    number
        .parse()
        .unwrap_or_else(|_| panic!("a count in {label:?}"))
}

#[test]
fn countries_and_places_count_the_shown_events_and_follow_the_filters() {
    let mut harness = with_map(None);
    assert_eq!(
        count_of(&harness, "Iran"),
        listed_ids(&["--actor", "IRN"]).len()
    );
    assert_eq!(
        count_of(&harness, "Dushanbe"),
        listed_ids(&["--place", "Dushanbe"]).len()
    );
    let mut visits = harness.state().view.filter.clone();
    visits.kinds.insert("visit".into());
    harness.state_mut().apply(Command::SetFilter(visits));
    harness.run_steps(3);
    assert_eq!(
        count_of(&harness, "Tajikistan"),
        listed_ids(&["--actor", "TJK", "--kind", "visit"]).len()
    );
    assert_eq!(
        count_of(&harness, "Tehran"),
        listed_ids(&["--place", "Tehran", "--kind", "visit"]).len()
    );
}

#[test]
fn clicking_a_place_or_a_country_filters_by_it_and_again_undoes_it() {
    let mut harness = with_map(None);
    harness.get_by_label_contains("Tehran: ").click();
    harness.run_steps(3);
    let filter = harness.state().view.filter.clone();
    assert_eq!(filter.places, ["Tehran, Iran".to_string()].into());
    assert_eq!(
        harness.state().shown_events().len(),
        listed_ids(&["--place", "Tehran, Iran"]).len()
    );
    harness.get_by_label_contains("Tehran: ").click();
    harness.run_steps(3);
    assert!(harness.state().view.filter.places.is_empty());

    harness.get_by_label_contains("Tajikistan: ").click();
    harness.run_steps(3);
    let filter = harness.state().view.filter.clone();
    assert_eq!(filter.actors, ["TJK".to_string()].into());
    assert_eq!(
        harness.state().shown_events().len(),
        listed_ids(&["--actor", "TJK"]).len()
    );
}

#[test]
fn the_visible_range_only_counts_what_the_timeline_shows_and_play_steps_by_month() {
    let mut harness = with_map(None);
    let year = TimeRange::new(
        Moment::from_ymd(2022, 1, 1).0 as f64,
        Moment::from_ymd(2023, 1, 1).0 as f64,
    );
    harness.state_mut().apply(Command::ZoomTo(year));
    harness
        .state_mut()
        .apply(Command::Map(MapCommand::WithinRange(true)));
    harness.run_steps(3);
    assert_eq!(
        count_of(&harness, "Iran"),
        listed_ids(&["--actor", "IRN", "--from", "2022", "--to", "2022"]).len()
    );
    harness
        .state_mut()
        .apply(Command::Map(MapCommand::Play(true)));
    harness.run_steps(2);
    let range = harness.state().visible_range();
    let day = 86_400.0;
    assert!(
        (27.0..=32.0).contains(&((range.end - range.start) / day)),
        "one month: {range:?}"
    );
    // Months without a shown event are passed over: the first step is a month with some.
    let month = chrono::DateTime::from_timestamp(range.start as i64, 0)
        .unwrap()
        .format("%Y-%m")
        .to_string();
    assert!(
        range.start >= Moment::from_ymd(2022, 1, 1).0 as f64,
        "{month}"
    );
    let in_month = listed_ids(&["--actor", "IRN", "--from", &month, "--to", &month]).len();
    assert!(in_month > 0, "{month}");
    assert_eq!(count_of(&harness, "Iran"), in_month);
    assert!(
        harness.query_by_label(&month).is_some(),
        "the month is named"
    );
    harness
        .state_mut()
        .apply(Command::Map(MapCommand::Play(false)));
}

#[test]
fn snapshot_map() {
    let mut harness = with_map(Some(eframe::egui::Theme::Light));
    harness.run_steps(2);
    harness.snapshot("map");
}

#[test]
fn places_not_found_are_counted_and_named_above_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("places.ron");
    std::fs::write(&file, crate::map::PLACES_RON).unwrap();
    let mut harness = viewer_harness(ViewerSetup {
        options: annals::app::AppOptions {
            file: Some(file),
            today: Some(crate::support::today()),
            ..annals::app::AppOptions::default()
        },
        ..ViewerSetup::default()
    });
    harness.state_mut().apply(Command::ShowMap(true));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("2 places not found: Xyzzyville (1), Tripoli (1)")
            .is_some()
    );
    // Khujand, found by its former name, is on the map with its event.
    assert_eq!(count_of(&harness, "Khujand"), 1);
}

#[test]
fn the_map_exports_the_bytes_of_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = with_map(None);
    harness.get_by_label("Export…").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().analysis_export_open(),
        Some(AnalysisView::Map)
    );
    harness.get_by_label_contains("per place, country and pair of countries");
    let csv = folder.path().join("map.csv");
    harness.state_mut().apply(Command::ExportAnalysis {
        view: AnalysisView::Map,
        format: AnalysisFormat::Csv,
        path: csv.clone(),
        overwrite: false,
    });
    let cli = crate::support::annals(&["map", "--format", "csv"]);
    assert_eq!(std::fs::read(&csv).unwrap(), cli.stdout);
    let svg = folder.path().join("map.svg");
    harness.state_mut().apply(Command::ExportAnalysis {
        view: AnalysisView::Map,
        format: AnalysisFormat::Svg,
        path: svg.clone(),
        overwrite: false,
    });
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.contains("annals map"), "the manifest's command");
    assert!(picture.contains("Dushanbe (18)"));
}

#[test]
fn snapshot_map_dark() {
    let mut harness = with_map(Some(eframe::egui::Theme::Dark));
    harness.run_steps(2);
    harness.snapshot("map_dark");
}
