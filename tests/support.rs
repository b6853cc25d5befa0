//! What the tests share: running the `annals` binary, opening the viewer, and
//! driving its pointer like a user.

use std::process::{Command, Output};

use annals::app::{App, AppOptions};
use annals::model::Moment;
use eframe::egui::{self, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// Runs the `annals` binary with `args` from the crate's folder, its cache of
/// parsed datasets in the tests' own folder unless `args` name one.
pub fn annals(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    if !args.contains(&"--cache-dir") {
        let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("annals-cache");
        command.arg("--cache-dir").arg(folder);
    }
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the annals binary runs")
}

/// Output bytes as text, for messages and assertions.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The ids of the events the viewer shows, in time order.
pub fn shown_ids(harness: &Harness<'_, App>) -> Vec<String> {
    let app = harness.state();
    let events = &app.document().dataset().events;
    app.shown_events()
        .iter()
        .map(|&i| events[i as usize].id.to_string())
        .collect()
}

/// The ids `annals list ARGS` prints, in time order.
pub fn listed_ids(args: &[&str]) -> Vec<String> {
    let list: Vec<&str> = ["list"]
        .into_iter()
        .chain(args.iter().copied())
        .chain(["--format", "csv"])
        .collect();
    let out = annals(&list);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| r.expect("a CSV record")[0].to_string())
        .collect()
}

/// The day the viewer tests take for today: 1 June 2025.
pub fn today() -> f64 {
    Moment::from_ymd(2025, 6, 1).0 as f64
}

/// How a viewer test opens the window.
pub struct ViewerSetup {
    /// The window's size in points.
    pub size: [f32; 2],
    /// The theme; the harness's own when none.
    pub theme: Option<egui::Theme>,
    /// How the app starts.
    pub options: AppOptions,
}

impl Default for ViewerSetup {
    /// A 1400×900 window on the curated dataset, with [`today`] fixed.
    fn default() -> ViewerSetup {
        ViewerSetup {
            size: [1400.0, 900.0],
            theme: None,
            options: AppOptions {
                today: Some(today()),
                ..AppOptions::default()
            },
        }
    }
}

/// The real viewer in a test window as `setup` says, after its first frames.
pub fn viewer_harness(setup: ViewerSetup) -> Harness<'static, App> {
    let mut builder = Harness::builder().with_size(setup.size);
    if let Some(theme) = setup.theme {
        builder = builder.with_theme(theme);
    }
    let options = setup.options;
    let mut harness = builder.build_eframe(move |cc| App::new(cc, options));
    harness.run_steps(3);
    harness
}

/// Drags the pointer from `from` to `to` with `modifiers` held.
pub fn drag_with(harness: &mut Harness<'static, App>, modifiers: Modifiers, from: Pos2, to: Pos2) {
    harness.event(egui::Event::ModifiersChanged(modifiers));
    harness.event(egui::Event::PointerMoved(from));
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.run_steps(1);
    for i in 1..=5 {
        let t = i as f32 / 5.0;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.run_steps(1);
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run_steps(1);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);
}

/// Moves the pointer to `pos` and clicks there, as a user would.
pub fn click_at(harness: &mut Harness<'static, App>, pos: Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
}
