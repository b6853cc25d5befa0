//! The filter panel, driven by clicks like a user: the same choices select
//! the same events as the library and `annals list`.

use annals::dataset;
use annals::model::Dataset;
use annals::query::{self, Filter, QueryIndex};
use annals::ui::filter_panel::{filter_chips_ui, filter_panel_ui};
use annals::ui::filter_toolbar::{period_ui, search_ui};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct PanelState {
    dataset: Dataset,
    index: QueryIndex,
    filter: Filter,
}

fn harness() -> Harness<'static, PanelState> {
    let dataset = dataset::embedded();
    let index = QueryIndex::new(&dataset);
    let state = PanelState {
        dataset,
        index,
        filter: Filter::default(),
    };
    Harness::builder()
        .with_size([300.0, 1240.0])
        .build_ui_state(
            |ui, state: &mut PanelState| {
                let counts = state.index.facet_counts(&state.filter);
                egui::Frame::side_top_panel(ui.style()).show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        search_ui(ui, &mut state.filter);
                        period_ui(ui, &mut state.filter);
                    });
                    filter_chips_ui(ui, &state.dataset, &counts, &mut state.filter);
                    ui.separator();
                    filter_panel_ui(ui, &state.dataset, &counts, &mut state.filter);
                });
            },
            state,
        )
}

/// The ids of the events the panel's filter selects, in time order.
fn panel_selection(harness: &Harness<'_, PanelState>) -> Vec<String> {
    let state = harness.state();
    ids(
        &state.dataset,
        &query::select(&state.dataset, &state.index, &state.filter),
    )
}

fn ids(dataset: &Dataset, events: &[u32]) -> Vec<String> {
    events
        .iter()
        .map(|&i| dataset.events[i as usize].id.clone())
        .collect()
}

/// The ids `annals list` prints for these options.
fn cli_selection(args: &[&str]) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("list")
        .args(args)
        .args(["--format", "csv"])
        .output()
        .expect("the annals binary runs");
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| r.expect("a CSV record")[0].to_string())
        .collect()
}

/// Clicks the checkbox labelled `label` (the first, when several share it).
fn click(harness: &mut Harness<'_, PanelState>, label: &str) {
    harness
        .get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no checkbox labelled {label}"))
        .click();
    harness.run();
}

#[test]
fn panel_and_command_line_select_the_same_events() {
    let cases: [(&[&str], &[&str]); 7] = [
        (
            &["Iran", "Shanghai Cooperation Organisation", "all"],
            &["--actor", "IRN", "--actor", "SCO", "--all-actors"],
        ),
        (
            &["Include their people", "Mohammad Bagheri", "Sherali Mirzo"],
            &["--no-members", "--actor", "bagheri", "--actor", "mirzo"],
        ),
        (&["Visit"], &["--kind", "visit"]),
        (&["Treaty signing"], &["--kind", "treaty-signing"]),
        (
            &["Tajikistan", "Counter-terrorism"],
            &["--actor", "TJK", "--topic", "terrorism"],
        ),
        (
            &["Ebrahim Raisi", "Visit", "Phone call"],
            &[
                "--actor",
                "raisi",
                "--kind",
                "visit",
                "--kind",
                "phone-call",
            ],
        ),
        (&["Military cooperation"], &["--topic", "military"]),
    ];
    for (labels, args) in cases {
        let mut harness = harness();
        harness.run();
        for label in labels {
            click(&mut harness, label);
        }
        let expected = cli_selection(args);
        assert!(!expected.is_empty(), "{args:?}");
        assert_eq!(
            panel_selection(&harness),
            expected,
            "{labels:?} vs {args:?}"
        );
    }
}

#[test]
fn ticking_tajikistan_and_counter_terrorism_narrows_and_updates_counts() {
    let mut harness = harness();
    harness.run();
    let all = harness.state().index.facet_counts(&harness.state().filter);
    click(&mut harness, "Tajikistan");
    let after_actor = harness.state().index.facet_counts(&harness.state().filter);
    click(&mut harness, "Counter-terrorism");
    let state = harness.state();
    let counts = state.index.facet_counts(&state.filter);
    assert!(after_actor.matched < all.matched);
    assert!(counts.matched < after_actor.matched);
    assert_eq!(counts.matched, 4);
    // The counts beside the other checkboxes follow the selection.
    assert!(counts.kind("visit") < all.kind("visit"));
    assert!(counts.actor("IRN") < all.actor("IRN"));
    assert!(counts.topic("sco") < all.topic("sco"));
    // The status line says it.
    harness.get_by_label("4 of 19 events");
}

#[test]
fn removing_a_chip_widens_the_selection_again() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Visit");
    assert_eq!(panel_selection(&harness).len(), 5);
    harness.get_by_label("Kind: Visit  ×").click();
    harness.run();
    assert_eq!(panel_selection(&harness).len(), 19);
    assert!(harness.state().filter.is_empty());
}

#[test]
fn the_panel_renders_tidily() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Tajikistan");
    click(&mut harness, "Counter-terrorism");
    harness.remove_cursor();
    harness.run();
    harness.snapshot("filter_panel");
}

#[test]
fn typing_a_search_and_a_period_filters_like_the_command_line() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("TEHRÁN");
    harness.run();
    assert_eq!(harness.state().filter.text, "TEHRÁN");
    assert_eq!(
        panel_selection(&harness),
        cli_selection(&["--search", "tehran"])
    );
    harness.get_by_label("From").click();
    harness.run();
    harness.get_by_label("From").type_text("2022");
    harness.run();
    harness.get_by_label("To").click();
    harness.run();
    harness.get_by_label("To").type_text("2022");
    harness.run();
    assert_eq!(
        panel_selection(&harness),
        cli_selection(&["--search", "tehran", "--from", "2022", "--to", "2022"])
    );
    harness.get_by_label("Strictly inside").click();
    harness.run();
    assert_eq!(
        panel_selection(&harness),
        cli_selection(&[
            "--search", "tehran", "--from", "2022", "--to", "2022", "--strict"
        ])
    );
}

#[test]
fn only_on_hover_selects_that_actor_alone() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Iran");
    click(&mut harness, "Tajikistan");
    harness.get_by_label("Ebrahim Raisi").hover();
    harness.run();
    harness.get_by_label("only").click();
    harness.run();
    let actors: Vec<&str> = harness
        .state()
        .filter
        .actors
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(actors, ["raisi"]);
}
