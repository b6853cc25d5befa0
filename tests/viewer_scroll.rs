//! Scrolled far down the lanes, a zoom step lays out the lanes on screen and
//! below, not those above it; scrolling back up lays those out as they come.

use annals::app::AppOptions;
use annals::command::Command;
use eframe::egui::{Modifiers, pos2};

use crate::support::{ViewerSetup, drag_with, today, viewer_harness};

#[test]
fn a_zoom_step_while_scrolled_down_leaves_the_lanes_above_unlaid() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many-lanes.ron");
    let dataset = annals::generate::generate(3_000, 5);
    let out = std::fs::File::create(&file).unwrap();
    annals::dataset::write_ron(&dataset, std::io::BufWriter::new(out)).unwrap();
    let mut harness = viewer_harness(ViewerSetup {
        options: AppOptions {
            file: Some(file),
            today: Some(today()),
            ..AppOptions::default()
        },
        ..ViewerSetup::default()
    });
    for _ in 0..4 {
        drag_with(
            &mut harness,
            Modifiers::NONE,
            pos2(900.0, 820.0),
            pos2(900.0, 220.0),
        );
    }
    let scrolled = harness.state().canvas().scroll_y();
    assert!(scrolled > 1500.0, "scrolled down: {scrolled}");
    let (_, before) = harness.state().canvas().laid_and_unlaid_lanes();
    assert_eq!(before, 0, "laid out from the top on the way down");

    harness.state_mut().apply(Command::ZoomBy {
        factor: 0.5,
        anchor: None,
    });
    harness.run_steps(3);
    let (laid, unlaid) = harness.state().canvas().laid_and_unlaid_lanes();
    assert!(
        unlaid > 10,
        "the lanes above the screen wait: {unlaid} unlaid, {laid} laid"
    );
    assert!(laid > 0, "the lanes on screen are laid out");

    for _ in 0..4 {
        drag_with(
            &mut harness,
            Modifiers::NONE,
            pos2(900.0, 220.0),
            pos2(900.0, 820.0),
        );
    }
    assert_eq!(harness.state().canvas().scroll_y(), 0.0);
    let (_, left) = harness.state().canvas().laid_and_unlaid_lanes();
    assert!(
        left < unlaid,
        "scrolled to, they are laid out: {left} of {unlaid} left"
    );
}
