//! A chronology from the Big Bang to writing: the viewer opens it fitted with every
//! event in view, Fit comes back to it, and figures label the axis in deep time.

use std::path::{Path, PathBuf};

use annals::app::{App, AppOptions};
use annals::command::Command;
use annals::timeline::time_axis::YEAR;
use egui_kittest::Harness;

use crate::support::{ViewerSetup, annals, text, viewer_harness};

fn deep_time_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/deep-time.ron")
}

fn harness() -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        options: AppOptions {
            file: Some(deep_time_file()),
            ..AppOptions::default()
        },
        ..ViewerSetup::default()
    })
}

/// Asserts that every event of the open dataset is drawn inside the canvas.
fn assert_every_event_drawn(harness: &Harness<'static, App>) {
    let state = harness.state();
    let axis = state.canvas().axis.expect("the canvas was drawn");
    let (left, right) = (axis.left, axis.left + axis.width);
    for (i, event) in state.document().dataset().events.iter().enumerate() {
        let at = state
            .glyph_position(i as u32)
            .unwrap_or_else(|| panic!("{} is not drawn", event.id));
        let x = f64::from(at.x);
        assert!(
            left <= x && x <= right,
            "{} is drawn off the canvas",
            event.id
        );
    }
}

#[test]
fn a_dataset_of_billions_of_years_opens_fitted_and_fit_comes_back_to_it() {
    let mut harness = harness();
    assert_eq!(harness.state().document().dataset().events.len(), 6);
    let range = harness.state().visible_range();
    assert!(range.start < -13.8e9 * YEAR && range.end > -5200.0 * YEAR);
    assert_every_event_drawn(&harness);

    // Away to the present, zoomed in to a year: Fit reaches back to the Big Bang.
    harness
        .state_mut()
        .apply(Command::ZoomTo(annals::timeline::TimeRange::new(0.0, YEAR)));
    harness.run_steps(2);
    harness.state_mut().apply(Command::Fit);
    harness.run_steps(2);
    // As when it opened, with room on the right for the last event's title.
    let fitted = harness.state().visible_range();
    assert_eq!(fitted.start, range.start);
    assert!(fitted.end > range.end && fitted.span() < range.span() * 1.5);
    assert_every_event_drawn(&harness);

    // Zooming in on the Big Bang keeps it in view to the narrowest span.
    let big_bang = harness.state().event_by_id("big-bang").expect("the event");
    harness.state_mut().apply(Command::FitEvent(big_bang));
    harness.run_steps(2);
    let at = harness.state().glyph_position(big_bang).expect("drawn");
    let axis = harness.state().canvas().axis.expect("the canvas was drawn");
    assert!((f64::from(at.x) - (axis.left + axis.width / 2.0)).abs() < axis.width / 4.0);
}

#[test]
fn figures_label_the_axis_of_deep_time_as_people_read_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let svg = dir.path().join("deep.svg");
    let file = deep_time_file();
    let out = annals(&[
        "export",
        file.to_str().expect("a UTF-8 path"),
        "--format",
        "svg",
        "-o",
        svg.to_str().expect("a UTF-8 path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let figure = std::fs::read_to_string(&svg).expect("the figure is written");
    assert!(figure.contains("billion years ago"));
    assert!(figure.contains("13.8 billion years ago"));
    for title in ["The universe begins", "Writing in Sumer"] {
        assert!(figure.contains(title), "{title} is missing");
    }
}
