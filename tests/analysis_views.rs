//! View ▸ Chart and View ▸ Matrix in the real viewer: they follow the
//! filters and the zoom, a bar selects its period, a cell filters to its
//! pair, and their exports are the bytes of `annals stats` and `annals matrix`.

use annals::analysis::PeriodUnit;
use annals::app::App;
use annals::command::{AnalysisView, Command};
use annals::dataset;
use annals::export::AnalysisFormat;
use annals::model::{EventKind, Moment};
use annals::query::{self, Filter, Period, QueryIndex};
use annals::timeline::kind_style::kind_style;
use annals::timeline::{LaneMode, TimeRange};
use annals::ui::analysis_export::{AnalysisExportState, analysis_export_ui};
use annals::ui::chart::CHART_NAME;
use eframe::egui::{self, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, annals, click_at, text, viewer_harness};

fn at(y: i64, m: u32, d: u32) -> f64 {
    Moment::from_ymd(y, m, d).0 as f64
}

/// The viewer with the lanes by kind and the chart open under the timeline.
fn with_chart(theme: Option<egui::Theme>) -> Harness<'static, App> {
    let mut harness = viewer_harness(ViewerSetup {
        theme,
        ..ViewerSetup::default()
    });
    harness.state_mut().apply(Command::SetLanes(LaneMode::Kind));
    harness.state_mut().apply(Command::ShowChart(true));
    harness.run_steps(3);
    harness
}

fn library_count(filter: &Filter) -> usize {
    let dataset = dataset::embedded();
    let index = QueryIndex::new(&dataset);
    query::select(&dataset, &index, filter).len()
}

#[test]
fn the_chart_counts_the_shown_events_and_follows_a_filter() {
    let mut harness = with_chart(None);
    let all = harness.state().shown_events().len();
    assert_eq!(harness.state().chart_unit(), PeriodUnit::Year);
    harness.get_by_label("Events per year, by kind");
    harness.get_by_label(&format!("{all} events in view"));

    let visits = Filter {
        kinds: ["visit".to_string()].into(),
        ..Filter::default()
    };
    let expected = library_count(&visits);
    assert!(0 < expected && expected < all);
    harness.state_mut().apply(Command::SetFilter(visits));
    harness.run_steps(3);
    harness.get_by_label(&format!("{expected} events in view"));
    assert_eq!(
        harness.state_mut().chart_counts().counts.total(),
        expected as u64
    );
}

#[test]
fn the_chart_follows_the_zoom_and_the_lanes() {
    let mut harness = with_chart(None);
    let range = TimeRange::new(at(2021, 1, 1), at(2023, 1, 1));
    harness.state_mut().apply(Command::ZoomTo(range));
    harness.run_steps(3);
    assert_eq!(harness.state().chart_unit(), PeriodUnit::Month);
    harness.get_by_label("Events per month, by kind");
    // Only the events of the visible two years are in view.
    let in_view = Filter {
        period: Period {
            from: Some("2021".to_string()),
            to: Some("2022".to_string()),
        },
        strict: true,
        ..Filter::default()
    };
    let shown = library_count(&in_view);
    assert!(shown < harness.state().shown_events().len());
    harness.get_by_label(&format!("{shown} events in view"));

    harness
        .state_mut()
        .apply(Command::SetLanes(LaneMode::Actor));
    harness.run_steps(3);
    harness.get_by_label("Events per month, by actor");
}

#[test]
fn clicking_a_bar_selects_its_period_as_shift_drag_does() {
    let mut harness = with_chart(None);
    let (start, end) = (at(2019, 1, 1), at(2024, 1, 1));
    harness
        .state_mut()
        .apply(Command::ZoomTo(TimeRange::new(start, end)));
    harness.run_steps(3);
    assert_eq!(harness.state().chart_unit(), PeriodUnit::Month);
    let plot = harness.get_by_label(CHART_NAME).rect();
    // The plot spans exactly the visible range: aim at the middle of May 2022.
    let may = at(2022, 5, 16);
    let x = plot.left() + ((may - start) / (end - start)) as f32 * plot.width();
    let bar = pos2(x, plot.bottom() - 4.0);
    // Hovering lists the period's counts.
    harness.event(egui::Event::PointerMoved(bar));
    harness.run_steps(60);
    let in_may_2022 = harness.state_mut().chart_counts().counts.clone();
    let may_total: u32 = in_may_2022
        .cells
        .iter()
        .filter(|c| in_may_2022.periods[c.period as usize].label() == "2022-05")
        .map(|c| c.count)
        .sum();
    assert!(may_total > 0);
    harness.get_by_label(&format!("2022-05: {may_total}"));
    click_at(&mut harness, bar);
    let period = harness.state().view.filter.period.clone();
    assert_eq!(
        period,
        Period {
            from: Some("2022-05".to_string()),
            to: Some("2022-05".to_string()),
        }
    );
    let in_may = Filter {
        period,
        ..Filter::default()
    };
    assert_eq!(harness.state().shown_events().len(), library_count(&in_may));
}

#[test]
fn clicking_a_matrix_cell_filters_to_that_pair() {
    let mut harness = viewer_harness(ViewerSetup::default());
    harness.state_mut().apply(Command::ShowMatrix(true));
    harness.run_steps(3);
    let matrix = harness.state_mut().matrix_counts().matrix.clone();
    assert_eq!(&matrix.actors[..2], ["IRN", "TJK"]);
    // People count as their country while "Include their people" is on.
    let dataset = harness.state().document().dataset();
    let people: Vec<&String> = matrix
        .actors
        .iter()
        .filter(|a| {
            dataset
                .actor(a)
                .is_some_and(|a| a.kind.as_str() == "person")
        })
        .collect();
    assert!(people.is_empty(), "{people:?}");

    harness
        .get_by_label_contains("Iran \u{2192} Tajikistan:")
        .click();
    harness.run_steps(3);
    let filter = harness.state().view.filter.clone();
    assert_eq!(filter.actors, ["IRN".to_string(), "TJK".to_string()].into());
    assert!(filter.all_actors, "the pair's events, all of them");
    let shown = harness.state().shown_events().len();
    assert_eq!(shown, library_count(&filter));
    assert!(shown > 0 && shown < dataset::embedded().events.len());

    // Without their people, people get rows of their own.
    let own = Filter {
        include_members: false,
        ..Filter::default()
    };
    harness.state_mut().apply(Command::SetFilter(own));
    let matrix = harness.state_mut().matrix_counts().matrix.clone();
    let dataset = harness.state().document().dataset();
    assert!(matrix.actors.iter().any(|a| {
        dataset
            .actor(a)
            .is_some_and(|a| a.kind.as_str() == "person")
    }));
}

#[test]
fn a_country_lane_header_shows_it_at_a_glance() {
    // Tall enough that Tajikistan's lane stays in view below Iran's people.
    let mut harness = viewer_harness(ViewerSetup {
        size: [1400.0, 1200.0],
        ..ViewerSetup::default()
    });
    harness.get_by_label("About Tajikistan").click();
    harness.run_steps(3);
    assert_eq!(harness.state().shown_person(), Some("TJK"));
    let summary = harness.state().actor_summary("TJK");
    assert!(summary.events > 10, "{summary:?}");
    harness.get_by_label(&format!("{} events under the filters", summary.events));
    harness.get_by_label_contains("Most with: Iran");
    // The fold triangle still folds the country's people.
    harness.get_by_label("Collapse Tajikistan").click();
    harness.run_steps(2);
    harness.get_by_label("Expand Tajikistan");
}

#[test]
fn the_chart_and_the_matrix_export_the_bytes_of_the_command_line() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = with_chart(None);
    let unit = harness.state().chart_unit();
    let csv = folder.path().join("chart.csv");
    let export = |format, path: &std::path::Path, overwrite| Command::ExportAnalysis {
        view: AnalysisView::Chart,
        format,
        path: path.to_path_buf(),
        overwrite,
    };
    harness
        .state_mut()
        .apply(export(AnalysisFormat::Csv, &csv, false));
    let cli = annals(&[
        "stats",
        "--by",
        unit.as_str(),
        "--group",
        "kind",
        "--format",
        "csv",
    ]);
    assert_eq!(text(&std::fs::read(&csv).unwrap()), text(&cli.stdout));
    let notice = harness.state().notice().cloned();
    assert!(matches!(notice, Some(Ok(m)) if m.contains("chart.csv")));

    // An existing file is kept unless replacing it was asked for.
    std::fs::write(&csv, "mine").unwrap();
    harness
        .state_mut()
        .apply(export(AnalysisFormat::Csv, &csv, false));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "mine");
    assert!(matches!(harness.state().notice(), Some(Err(m)) if m.contains("already exists")));
    harness
        .state_mut()
        .apply(export(AnalysisFormat::Csv, &csv, true));
    assert_eq!(text(&std::fs::read(&csv).unwrap()), text(&cli.stdout));

    let png = folder.path().join("chart.png");
    harness
        .state_mut()
        .apply(export(AnalysisFormat::Png, &png, false));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));

    let svg = folder.path().join("who.svg");
    harness.state_mut().apply(Command::ExportAnalysis {
        view: AnalysisView::Matrix,
        format: AnalysisFormat::Svg,
        path: svg.clone(),
        overwrite: false,
    });
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.contains("annals matrix"), "the manifest's command");
    assert!(picture.contains("Tajikistan"));
}

#[test]
fn the_charts_export_button_opens_its_dialog_and_close_closes_it() {
    let mut harness = with_chart(None);
    harness.get_by_label("Export…").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().analysis_export_open(),
        Some(AnalysisView::Chart)
    );
    harness.get_by_label_contains("per year, by kind, over every period");
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert_eq!(harness.state().analysis_export_open(), None);
}

#[test]
fn the_analysis_export_dialog_asks_for_the_export_it_shows() {
    let state = AnalysisExportState::new(AnalysisView::Chart, "out/chart.svg".to_string());
    let mut harness = Harness::new_ui_state(
        |ui, probe: &mut (AnalysisExportState, Vec<Command>)| {
            if let Some(action) = analysis_export_ui(ui, &mut probe.0, "The chart") {
                probe.1.push(action);
            }
        },
        (state, Vec::new()),
    );
    harness.get_by_label("CSV: period, group, count").click();
    harness.run();
    assert_eq!(harness.state().0.destination, "out/chart.csv");
    harness
        .get_by_label("Replace the file if it exists")
        .click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    assert_eq!(
        harness.state().1,
        [Command::ExportAnalysis {
            view: AnalysisView::Chart,
            format: AnalysisFormat::Csv,
            path: "out/chart.csv".into(),
            overwrite: true,
        }]
    );
}

#[test]
fn snapshot_chart_under_the_timeline() {
    let mut harness = with_chart(Some(egui::Theme::Dark));
    harness.run_steps(2);
    harness.snapshot("chart_under_the_timeline");
}

#[test]
fn snapshot_matrix() {
    let mut harness = viewer_harness(ViewerSetup {
        theme: Some(egui::Theme::Light),
        ..ViewerSetup::default()
    });
    harness.state_mut().apply(Command::ShowMatrix(true));
    harness.run_steps(4);
    harness.snapshot("matrix");
}

#[test]
fn a_datasets_own_kind_has_the_canvas_colour_in_the_exported_chart() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let dataset = dataset::embedded();
    let own = dataset
        .events
        .iter()
        .map(|e| e.kind.clone())
        .find(|k| !EventKind::BUILT_IN.contains(k))
        .expect("the curated dataset has a kind of its own");
    let colour = kind_style(&own).1.hex();
    let mut harness = with_chart(None);
    let svg = folder.path().join("chart.svg");
    harness.state_mut().apply(Command::ExportAnalysis {
        view: AnalysisView::Chart,
        format: AnalysisFormat::Svg,
        path: svg.clone(),
        overwrite: false,
    });
    let picture = std::fs::read_to_string(&svg).expect("the chart was written");
    assert!(picture.contains(&colour), "{} is {colour}", own.label());
}

#[test]
fn the_open_matrix_follows_filter_changes_as_a_fresh_count_would() {
    let mut harness = viewer_harness(ViewerSetup::default());
    harness.state_mut().apply(Command::ShowMatrix(true));
    harness.run_steps(2);
    let dataset = dataset::embedded();
    let index = QueryIndex::new(&dataset);
    let counts = annals::analysis::CountIndex::new(&dataset);
    let tajikistan = Filter {
        actors: ["TJK".to_string()].into(),
        ..Filter::default()
    };
    let visits = Filter {
        kinds: ["visit".to_string()].into(),
        ..Filter::default()
    };
    let own = Filter {
        include_members: false,
        ..visits.clone()
    };
    for filter in [
        tajikistan,
        Filter::default(),
        visits,
        own,
        Filter::default(),
    ] {
        harness
            .state_mut()
            .apply(Command::SetFilter(filter.clone()));
        harness.run_steps(2);
        let shown = harness.state_mut().matrix_counts().matrix.clone();
        let fresh = counts
            .pair_counts(&index.matching(&filter), filter.include_members)
            .matrix(annals::app::MATRIX_TOP);
        assert_eq!(shown, fresh, "{filter:?}");
    }
}
