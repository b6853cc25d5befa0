//! What the tests share: running the `annals` binary, and driving the
//! viewer's pointer like a user.

use std::process::{Command, Output};

use annals::app::App;
use eframe::egui::{self, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// Runs the `annals` binary with `args` from the crate's folder.
pub fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the annals binary runs")
}

/// Output bytes as text, for messages and assertions.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
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
