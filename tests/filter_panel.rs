//! The filter panel of the real viewer, driven by clicks like a user: the same
//! choices select the same events as the library and `annals list`.

use annals::app::App;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, listed_ids, shown_ids, viewer_harness};

/// The real viewer, tall enough that every section of the panel is on screen.
fn harness() -> Harness<'static, App> {
    harness_sized([1400.0, 1700.0])
}

fn harness_sized(size: [f32; 2]) -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        size,
        ..ViewerSetup::default()
    })
}

/// Clicks the checkbox labelled `label`, or else the first control so labelled
/// (the kinds legend of the toolbar shares its labels with the panel's checkboxes).
fn click(harness: &mut Harness<'_, App>, label: &str) {
    let checkbox = harness
        .query_all_by_role_and_label(Role::CheckBox, label)
        .next();
    match checkbox {
        Some(node) => node.click(),
        None => harness
            .get_all_by_label(label)
            .next()
            .unwrap_or_else(|| panic!("nothing labelled {label}"))
            .click(),
    }
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
        let expected = listed_ids(args);
        assert!(!expected.is_empty(), "{args:?}");
        assert_eq!(shown_ids(&harness), expected, "{labels:?} vs {args:?}");
    }
}

#[test]
fn ticking_tajikistan_and_counter_terrorism_narrows_and_updates_counts() {
    let mut harness = harness();
    harness.run();
    let all = harness.state().facet_counts().clone();
    click(&mut harness, "Tajikistan");
    let after_actor = harness.state().facet_counts().clone();
    click(&mut harness, "Counter-terrorism");
    let counts = harness.state().facet_counts().clone();
    assert!(after_actor.matched < all.matched);
    assert!(counts.matched < after_actor.matched);
    assert_eq!(counts.matched, 12);
    // The counts beside the other checkboxes follow the selection.
    assert!(counts.kind("visit") < all.kind("visit"));
    assert!(counts.actor("IRN") < all.actor("IRN"));
    assert!(counts.topic("sco") < all.topic("sco"));
    // The status line says it.
    harness.get_by_label(&format!("12 of {} events", all.total));
}

#[test]
fn removing_a_chip_widens_the_selection_again() {
    let mut harness = harness();
    harness.run();
    click(&mut harness, "Visit");
    assert_eq!(shown_ids(&harness).len(), 8);
    harness.get_by_label("Kind: Visit  ×").click();
    harness.run();
    assert_eq!(
        shown_ids(&harness).len(),
        harness.state().document().dataset().events.len()
    );
    assert!(harness.state().view.filter.is_empty());
}

#[test]
fn the_panel_renders_tidily() {
    let mut harness = harness_sized([1400.0, 900.0]);
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
    assert_eq!(harness.state().view.filter.text, "TEHRÁN");
    assert_eq!(shown_ids(&harness), listed_ids(&["--search", "tehran"]));
    harness.get_by_label("From").click();
    harness.run();
    harness.get_by_label("From").type_text("2022");
    harness.run();
    harness.get_by_label("To").click();
    harness.run();
    harness.get_by_label("To").type_text("2022");
    harness.run();
    assert_eq!(
        shown_ids(&harness),
        listed_ids(&["--search", "tehran", "--from", "2022", "--to", "2022"])
    );
    harness.get_by_label("Strictly inside").click();
    harness.run();
    assert_eq!(
        shown_ids(&harness),
        listed_ids(&[
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
        .view
        .filter
        .actors
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(actors, ["raisi"]);
}

#[test]
fn events_without_actors_are_counted_under_the_actors() {
    let mut harness = viewer_harness(ViewerSetup {
        options: annals::app::AppOptions {
            file: Some(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/data/import/no-actors.ron"),
            ),
            ..ViewerSetup::default().options
        },
        ..ViewerSetup::default()
    });
    harness.run_steps(2);
    harness.get_by_label("No actor");
    harness.get_by_label("1 of 1 events");
    // A search that the event does not match leaves nothing to count.
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("treaty");
    harness.run();
    harness.get_by_label("0 of 1 events");
    assert!(harness.query_by_label("No actor").is_none());
}

#[test]
fn rows_below_a_short_panel_are_drawn_when_scrolled_to_and_tick() {
    let mut harness = harness_sized([1400.0, 600.0]);
    harness.run();
    // The panel's last rows, the kinds, are out of sight: only the toolbar's legend says "Treaty signing".
    let boxes = |harness: &Harness<'_, App>| {
        harness
            .query_all_by_role_and_label(Role::CheckBox, "Treaty signing")
            .count()
    };
    assert_eq!(boxes(&harness), 0, "a row out of sight is not drawn");
    harness.hover_at(eframe::egui::pos2(120.0, 400.0));
    harness.event(eframe::egui::Event::MouseWheel {
        unit: eframe::egui::MouseWheelUnit::Point,
        delta: eframe::egui::vec2(0.0, -5000.0),
        phase: eframe::egui::TouchPhase::Move,
        source: eframe::egui::MouseWheelSource::Unknown,
        modifiers: eframe::egui::Modifiers::NONE,
    });
    // The scroll eases in over a few frames.
    harness.run_steps(10);
    assert_eq!(boxes(&harness), 1, "scrolled to, the row is drawn");
    click(&mut harness, "Treaty signing");
    assert_eq!(
        shown_ids(&harness),
        listed_ids(&["--kind", "treaty-signing"])
    );
}
