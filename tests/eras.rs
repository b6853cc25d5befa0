//! Eras: named periods of a dataset, checked at their place, counted by
//! `annals check` and exported when they overlap the period.

use crate::support::{annals, text};

#[test]
fn check_counts_the_eras() {
    let out = annals(&["check", "tests/data/import/eras.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "tests/data/import/eras.ron: ok (2 events, 1 actors, 0 topics, 2 eras)\n"
    );
}

#[test]
fn eras_are_checked_like_events_at_their_line() {
    let out = annals(&["check", "tests/data/bad-eras.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stderr).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].starts_with("tests/data/bad-eras.ron:6:19: duplicate era name \"Twice\""),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(
            "tests/data/bad-eras.ron:7:50: era \"Colour\": colour \"blue\" is not #rrggbb"
        ),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with(
            "tests/data/bad-eras.ron:8:34: era \"Never\": invalid date \"2022-13-45\""
        ),
        "{lines:?}"
    );
}

#[test]
fn exports_keep_the_eras_that_overlap_the_period() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["ron", "json"] {
        let out_path = dir.path().join(format!("out.{format}"));
        let out = annals(&[
            "export",
            "tests/data/import/eras.ron",
            "--from",
            "2022",
            "--to",
            "2022",
            "--format",
            format,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let written = std::fs::read_to_string(&out_path).unwrap();
        assert!(written.contains("Raisi presidency"), "{written}");
        assert!(!written.contains("Ahmadinejad presidency"), "{written}");
    }
    let out_path = dir.path().join("all.ron");
    let out = annals(&[
        "export",
        "tests/data/import/eras.ron",
        "--format",
        "ron",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let check = annals(&["check", out_path.to_str().unwrap()]);
    assert!(
        text(&check.stdout).contains("2 eras"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn figures_draw_the_eras_of_their_period_as_named_bands() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let svg = dir.path().join("eras.svg");
    let out = annals(&[
        "export",
        "tests/data/import/eras.ron",
        "--format",
        "svg",
        "--from",
        "2020",
        "-o",
        svg.to_str().expect("a UTF-8 path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let figure = std::fs::read_to_string(&svg).expect("the figure is written");
    let eras = figure
        .split("<g id=\"eras\"")
        .nth(1)
        .and_then(|rest| rest.split("</g>").next())
        .expect("the figure has a layer of eras");
    // The era of the period, in its own colour and named; the earlier one is not drawn.
    assert!(eras.contains("fill=\"#c8c8ff\""));
    assert!(eras.contains("Raisi presidency"));
    assert!(!figure.contains("Ahmadinejad presidency"));
    // Behind the events: the layer comes before the first glyph.
    let events_at = figure.find("Said").expect("the event is drawn");
    assert!(figure.find("<g id=\"eras\"").expect("the layer") < events_at);
}

#[test]
fn view_eras_hides_the_bands_and_the_choice_is_saved_with_the_view() {
    use annals::app::{App, AppOptions, ViewState};
    use annals::command::Command;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/eras.ron");
    let mut harness = crate::support::viewer_harness(crate::support::ViewerSetup {
        size: [1200.0, 700.0],
        options: AppOptions {
            file: Some(file),
            ..AppOptions::default()
        },
        ..crate::support::ViewerSetup::default()
    });
    assert_eq!(harness.state().document().eras.len(), 2);
    // A point inside the Raisi presidency's band, below the lanes' events.
    let axis = harness.state().canvas().axis.expect("the canvas was drawn");
    let x = axis.x_from_time(annals::model::Moment::from_ymd(2023, 1, 1).0 as f64) as u32;
    let pixel_in_band = |harness: &mut Harness<'static, App>| {
        let image = harness.render().expect("the window renders");
        *image.get_pixel(x, 560)
    };
    let shown = pixel_in_band(&mut harness);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Eras").click();
    harness.run_steps(3);
    assert!(harness.state().view.hide_eras);
    let hidden = pixel_in_band(&mut harness);
    assert!(
        shown != hidden,
        "the band does not tint the canvas: {shown:?}"
    );
    harness.state_mut().apply(Command::ShowEras(true));
    harness.run_steps(3);
    assert!(pixel_in_band(&mut harness) == shown);
    // eframe keeps the view as RON.
    let saved = ron::to_string(&ViewState {
        hide_eras: true,
        ..ViewState::default()
    })
    .expect("the view serializes");
    let restored: ViewState = ron::from_str(&saved).expect("and reads back");
    assert!(restored.hide_eras);
}
