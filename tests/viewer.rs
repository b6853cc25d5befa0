//! The viewer driven like a user would: egui_kittest on the real App with the
//! curated dataset, rendered on the CPU.

use annals::app::{App, AppOptions};
use annals::command::Command;
use annals::model::Moment;
use annals::timeline::TimeRange;
use eframe::egui::{self, Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, click_at, today, viewer_harness};

/// A fixed "today" (2025-06-01), so that nothing depends on the clock.
fn harness_with_theme(theme: egui::Theme) -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        theme: Some(theme),
        ..ViewerSetup::default()
    })
}

fn harness() -> Harness<'static, App> {
    harness_with_theme(egui::Theme::Dark)
}

fn may_2022() -> TimeRange {
    TimeRange::new(
        Moment::from_ymd(2022, 4, 28).0 as f64,
        Moment::from_ymd(2022, 6, 3).0 as f64,
    )
}

fn event(harness: &Harness<'static, App>, id: &str) -> u32 {
    match harness.state().event_by_id(id) {
        Some(e) => e,
        None => panic!("the curated dataset has no event {id}"),
    }
}

#[test]
fn the_window_is_titled_after_the_dataset() {
    let harness = harness();
    assert_eq!(
        harness.state().document().window_title(),
        "Iran–Tajikistan relations — Annals"
    );
    // The default view spans the dataset, 1991 to 2025.
    let range = harness.state().visible_range();
    assert!(range.start < Moment::from_ymd(1991, 9, 1).0 as f64);
    assert!(range.end > Moment::from_ymd(2025, 1, 1).0 as f64);
    for lane in [
        "Iran",
        "Tajikistan",
        "Shanghai Cooperation Organisation",
        "Emomali Rahmon",
    ] {
        assert!(
            harness.state().lane_labels().contains(&lane),
            "no lane {lane}"
        );
    }
}

#[test]
fn zooming_in_by_button_and_by_key_halves_the_visible_span() {
    let mut harness = harness();
    let before = harness.state().visible_range().span();
    harness.get_by_label("Zoom in").click();
    harness.run_steps(2);
    let after_button = harness.state().visible_range().span();
    assert!(
        (after_button - before / 2.0).abs() < 1.0,
        "{before} → {after_button}"
    );
    harness.key_press(Key::Plus);
    harness.run_steps(2);
    let after_key = harness.state().visible_range().span();
    assert!(
        (after_key - after_button / 2.0).abs() < 1.0,
        "{after_button} → {after_key}"
    );
    harness.key_press(Key::Minus);
    harness.run_steps(2);
    assert!((harness.state().visible_range().span() - after_button).abs() < 1.0);
}

#[test]
fn clicking_the_bagheri_visit_shows_its_title_and_sources() {
    let mut harness = harness();
    harness.state_mut().apply(Command::ZoomTo(may_2022()));
    harness.run_steps(3);
    let visit = event(&harness, "2022-05-16-bagheri-dushanbe");
    let Some(pos) = harness.state().glyph_position(visit) else {
        panic!("the Bagheri visit is not drawn in May 2022");
    };
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some(visit));
    harness.get_by_label("Bagheri visits Dushanbe and meets Defence Minister Mirzo");
    harness.get_by_label_contains("IRNA: Report on Bagheri's arrival in Tajikistan");
    harness.get_by_label_contains("Iran Press: Counter-terrorism; priority for Iran-Tajikistan");
    harness.get_by_label_contains("CAMEO 042");
    // The canvas tells screen readers what is selected.
    harness.get_by_label(
        "Timeline, selected: Bagheri visits Dushanbe and meets Defence Minister Mirzo",
    );
}

#[test]
fn clicking_a_persons_lane_header_shows_their_roles_with_sources() {
    let mut harness = harness();
    harness.get_by_label("Roles of Mohammad Bagheri").click();
    harness.run_steps(3);
    assert_eq!(harness.state().shown_person(), Some("bagheri"));
    harness.get_by_label("Chief of Staff of the Armed Forces, Iran");
    harness.get_by_label("2016-06-28 – 2025-06-13");
    harness.get_by_label_contains("The Mirror Asia: Iran's armed forces chief killed");
    // Folding Iran away by its header brings Tajikistan's people into view.
    harness.get_by_label("Collapse Iran").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Roles of Mohammad Bagheri")
            .is_none()
    );
    harness.get_by_label("Roles of Sherali Mirzo").click();
    harness.run_steps(3);
    assert_eq!(harness.state().shown_person(), Some("mirzo"));
    assert_eq!(harness.state().selected(), None);
    harness.get_by_label("Minister of Defence, Tajikistan");
    harness.get_by_label("2013-11-20? – 2025-01-23");
    harness.get_by_label_contains("RFE/RL: Tajik President Names New Defense Minister");
    harness.get_by_label_contains("Trend: Report on the appointment of Emomali Sobirzoda");
    harness.get_by_label_contains("AzerNews (by Trend): Report on Defence Minister Sherali Mirzo");
    harness.get_by_label("Roles of Emomali Rahmon").click();
    harness.run_steps(3);
    assert_eq!(harness.state().shown_person(), Some("rahmon"));
    harness.get_by_label("President, Tajikistan");
    harness.get_by_label("from 1994-11-16");
    // Esc closes the panel.
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().shown_person(), None);
    assert!(harness.query_by_label("President, Tajikistan").is_none());
}

#[test]
fn n_and_p_step_through_the_events_in_time_order() {
    let mut harness = harness();
    let order: Vec<u32> = harness.state().document().index().in_time_order().to_vec();
    harness.key_press(Key::N);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), Some(order[0]));
    harness.key_press(Key::N);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), Some(order[1]));
    harness.key_press(Key::N);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), Some(order[2]));
    harness.key_press(Key::P);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), Some(order[1]));
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn stepping_keeps_the_selection_in_view() {
    let mut harness = harness();
    harness.state_mut().apply(Command::ZoomTo(may_2022()));
    let rahmon = event(&harness, "2022-05-29-rahmon-tehran");
    harness.state_mut().apply(Command::Select(Some(rahmon)));
    for _ in 0..3 {
        harness.key_press(Key::N);
        harness.run_steps(2);
    }
    let selected = harness.state().selected().unwrap_or(rahmon);
    assert_ne!(selected, rahmon);
    let date = &harness.state().document().dataset().events[selected as usize].date;
    let range = harness.state().visible_range();
    assert!(
        range.contains(date.earliest().0 as f64),
        "the selected event left the view"
    );
}

#[test]
fn lanes_by_topic_change_the_lane_labels() {
    let mut harness = harness();
    assert!(harness.state().lane_labels().contains(&"Iran"));
    harness.get_by_label("By topic").click();
    harness.run_steps(2);
    let labels = harness.state().lane_labels();
    assert!(labels.contains(&"Security"), "{labels:?}");
    assert!(labels.contains(&"Drones"), "{labels:?}");
    assert!(!labels.contains(&"Iran"), "{labels:?}");
    harness.get_by_label("By kind").click();
    harness.run_steps(2);
    assert!(harness.state().lane_labels().contains(&"Visit"));
}

#[test]
fn a_bad_file_keeps_the_open_dataset_and_shows_its_errors_with_lines() {
    let mut harness = harness();
    let before = harness.state().document().dataset().clone();
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unknown-actor.ron");
    harness.state_mut().apply(Command::Open(bad));
    harness.run_steps(3);
    assert_eq!(*harness.state().document().dataset(), before);
    let Some(problems) = harness.state().problems() else {
        panic!("no problems shown");
    };
    let first = problems.lines.first().cloned().unwrap_or_default();
    assert!(
        first.contains("unknown-actor.ron:")
            && first
                .split(':')
                .nth(1)
                .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{first}"
    );
    harness.get_by_label_contains("Could not open");
    harness.get_by_label("Copy problems");
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().problems().is_none());
}

#[test]
fn collapsing_a_country_folds_its_people_into_it() {
    let mut harness = harness();
    harness
        .state_mut()
        .apply(Command::ToggleLane("actor:IRN".to_string()));
    harness.run_steps(2);
    let labels = harness.state().lane_labels();
    assert!(labels.contains(&"Iran"));
    assert!(!labels.contains(&"Mohammad Bagheri"));
}

#[test]
fn snapshot_default_view() {
    let mut harness = harness();
    harness.run_steps(2);
    harness.snapshot("default_view");
}

#[test]
fn snapshot_may_2022_with_details() {
    let mut harness = harness();
    harness.state_mut().apply(Command::ZoomTo(may_2022()));
    let visit = event(&harness, "2022-05-16-bagheri-dushanbe");
    harness.state_mut().apply(Command::Select(Some(visit)));
    harness.run_steps(4);
    harness.snapshot("may_2022_details");
}

#[test]
fn snapshot_light_theme() {
    let mut harness = harness_with_theme(egui::Theme::Light);
    harness.run_steps(2);
    harness.snapshot("light_theme");
}

#[test]
fn reloading_an_invalid_version_keeps_the_last_good_one_and_the_selection() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let path = folder.path().join("events.ron");
    let good = annals::dataset::EMBEDDED_RON;
    std::fs::write(&path, good).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let mut app = App::headless(AppOptions {
        file: Some(path.clone()),
        today: Some(today()),
        ..AppOptions::default()
    });
    assert_eq!(app.document().path.as_deref(), Some(path.as_path()));
    app.apply(Command::ZoomTo(may_2022()));
    let visit = app.event_by_id("2022-05-16-bagheri-dushanbe");
    app.apply(Command::Select(visit));

    // An edit that breaks the file: the last good version stays, with the first error.
    let broken = good.replacen("kind: Visit", "kind: Vist", 1);
    std::fs::write(&path, &broken).unwrap_or_else(|e| panic!("cannot write: {e}"));
    app.apply(Command::Reload);
    let Some(problems) = app.problems() else {
        panic!("the invalid version is not reported");
    };
    assert!(problems.on_reload);
    assert!(
        problems.lines[0].contains("events.ron:"),
        "{}",
        problems.lines[0]
    );
    assert_eq!(
        app.document().dataset().events.len(),
        annals::dataset::embedded().events.len()
    );
    assert_eq!(app.visible_range(), may_2022());

    // A valid edit: reloaded, the view and the selection kept.
    let retitled = good.replace(
        "Bagheri visits Dushanbe and meets Defence Minister Mirzo",
        "Bagheri arrives in Dushanbe",
    );
    std::fs::write(&path, &retitled).unwrap_or_else(|e| panic!("cannot write: {e}"));
    app.apply(Command::Reload);
    assert!(app.problems().is_none());
    let selected = app
        .selected()
        .map(|e| app.document().dataset().events[e as usize].title.clone());
    assert_eq!(selected.as_deref(), Some("Bagheri arrives in Dushanbe"));
    assert_eq!(app.visible_range(), may_2022());
}

fn drag(harness: &mut Harness<'static, App>, from: Pos2, to: Pos2) {
    crate::support::drag_with(harness, egui::Modifiers::NONE, from, to);
}

#[test]
fn dragging_the_overview_pans_the_view() {
    let mut harness = harness();
    harness.state_mut().apply(Command::ZoomTo(may_2022()));
    harness.run_steps(2);
    let strip = harness.get_by_label("Overview").rect();
    let before = harness.state().visible_range();
    // Dragging anywhere in the strip pans; the distance is in the strip's scale (years).
    let y = strip.center().y;
    drag(
        &mut harness,
        Pos2::new(strip.left() + 40.0, y),
        Pos2::new(strip.left() + 80.0, y),
    );
    let after = harness.state().visible_range();
    assert!(after.start > before.start, "the view did not move later");
    assert!(
        (after.span() - before.span()).abs() < 1.0,
        "panning kept the span"
    );
}

#[test]
fn dragging_the_canvas_pans_and_the_wheel_zooms_around_the_pointer() {
    let mut harness = harness();
    harness.state_mut().apply(Command::ZoomTo(may_2022()));
    harness.run_steps(2);
    let before = harness.state().visible_range();
    drag(
        &mut harness,
        Pos2::new(700.0, 500.0),
        Pos2::new(600.0, 500.0),
    );
    let after = harness.state().visible_range();
    assert!(
        after.start > before.start,
        "dragging left shows later times"
    );
    assert!((after.span() - before.span()).abs() < 1.0);
}
