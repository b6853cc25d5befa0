//! Names in their own script: the Persian and Tajik names of the curated
//! actors in the details, the glance and the lane labels, drawn right to left
//! where they should be, and found by search in any of their spellings.

use annals::app::App;
use annals::command::Command;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, annals, listed_ids, shown_ids, viewer_harness};

fn event(harness: &Harness<'static, App>, id: &str) -> u32 {
    harness
        .state()
        .event_by_id(id)
        .unwrap_or_else(|| panic!("the curated dataset has no event {id}"))
}

fn search(harness: &mut Harness<'static, App>, text: &str) -> Vec<String> {
    let filter = annals::query::Filter {
        text: text.to_string(),
        ..Default::default()
    };
    harness.state_mut().apply(Command::SetFilter(filter));
    harness.run_steps(2);
    shown_ids(harness)
}

#[test]
fn the_details_of_an_event_give_its_actors_names_in_every_script() {
    let mut harness = viewer_harness(ViewerSetup::default());
    let visit = event(&harness, "2022-05-29-rahmon-tehran");
    harness.state_mut().apply(Command::Select(Some(visit)));
    harness.run_steps(3);
    // Mixed labels: the English name, then the Persian and Tajik ones.
    harness.get_by_label("Emomali Rahmon (امامعلی رحمان · Эмомалӣ Раҳмон)");
    harness.get_by_label("Tajikistan (تاجیکستان · Тоҷикистон)");
    harness.get_by_label("Ebrahim Raisi (ابراهیم رئیسی)");
    harness.get_by_label("Iran (ایران · Эрон)");
    harness.snapshot("names_in_details");
}

#[test]
fn an_actor_at_a_glance_lists_its_names_by_language() {
    let mut harness = viewer_harness(ViewerSetup::default());
    harness.get_by_label("About Tajikistan").click();
    harness.run_steps(3);
    harness.get_by_label("Persian");
    harness.get_by_label("تاجیکستان");
    harness.get_by_label("Tajik");
    harness.get_by_label("Тоҷикистон");
}

#[test]
fn the_lanes_can_be_named_in_persian_or_tajik_from_the_view_menu() {
    let mut harness = viewer_harness(ViewerSetup::default());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Lane names").click();
    harness.run_steps(2);
    harness.get_by_label("Persian (fa)").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.lane_names.as_deref(), Some("fa"));
    harness.get_by_label("About ایران");
    harness.get_by_label("About تاجیکستان");
    harness.get_by_label("Roles of محمد باقری");
    harness.get_by_label("Roles of محمد باقری");
    assert!(harness.query_by_label("About Iran").is_none());
    harness.remove_cursor();
    harness.run_steps(2);
    harness.snapshot("lane_names_persian");

    harness
        .state_mut()
        .apply(Command::ShowLaneNames(Some("tg".to_string())));
    harness.run_steps(3);
    harness.get_by_label("About Тоҷикистон");
    // A person without a Tajik name keeps their own.
    harness.get_by_label("Roles of Mohammad Bagheri");
    harness.snapshot("lane_names_tajik");

    harness.state_mut().apply(Command::ShowLaneNames(None));
    harness.run_steps(3);
    harness.get_by_label("About Iran");
}

#[test]
fn search_finds_a_name_in_any_of_its_spellings() {
    let mut harness = viewer_harness(ViewerSetup::default());
    // Persian yeh with a hamza, and Arabic yeh throughout.
    let persian = search(&mut harness, "رئیسی");
    assert!(!persian.is_empty());
    assert_eq!(search(&mut harness, "رييسي"), persian);
    // Every event of Raisi's, as his id selects them.
    let mut filter = annals::query::Filter::default();
    filter.actors.insert("raisi".to_string());
    harness.state_mut().apply(Command::SetFilter(filter));
    harness.run_steps(2);
    assert_eq!(shown_ids(&harness), persian);
    // Tajik letters, or the Russian letters typed for them.
    let tajik = search(&mut harness, "Раҳмон");
    assert!(!tajik.is_empty());
    assert_eq!(search(&mut harness, "Рахмон"), tajik);
    // The command line finds the same.
    assert_eq!(listed_ids(&["--search", "رييسي"]), persian);
    assert_eq!(listed_ids(&["--search", "Рахмон"]), tajik);
}

/// Exports the curated dataset as a figure in `format` with its lanes named
/// in `language`, to `out`; the run's exit code and what it said.
fn export_figure(format: &str, language: &str, out: &std::path::Path) -> (Option<i32>, String) {
    let path = out.to_str().expect("a UTF-8 path");
    let run = annals(&[
        "export",
        "--format",
        format,
        "--lane-names",
        language,
        "-o",
        path,
    ]);
    (run.status.code(), crate::support::text(&run.stderr))
}

#[test]
fn a_figure_names_its_lanes_in_the_language_asked_for() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let svg = folder.path().join("fa.svg");
    let (code, said) = export_figure("svg", "fa", &svg);
    assert_eq!(code, Some(0), "{said}");
    let figure = std::fs::read_to_string(&svg).expect("the figure was written");
    // Stored in reading order: the SVG reader lays it out right to left.
    assert!(figure.contains(">ایران<"), "no Persian lane name");
    assert!(figure.contains(">تاجیکستان<"));
    assert!(!figure.contains(">Iran<"));
    let png = folder.path().join("fa.png");
    let (code, said) = export_figure("png", "fa", &png);
    assert_eq!(code, Some(0), "{said}");
    assert!(png.exists());
    // A language no actor has a name in is refused, naming those there are.
    let refused = folder.path().join("ru.svg");
    let (code, said) = export_figure("svg", "ru", &refused);
    assert_eq!(code, Some(2));
    assert!(said.contains("the dataset has fa, tg"), "{said}");
    assert!(!refused.exists());
}
