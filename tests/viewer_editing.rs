//! Curating in the viewer, driven as a user would through accessible names:
//! editing switched on, fields typed and left, undo, new and deleted events,
//! drags, saving that changes only what changed, the questions before
//! unsaved changes are lost, and the journal that outlives a crash.

use std::path::{Path, PathBuf};

use annals::app::{App, AppOptions, Pending};
use annals::command::{Command, EditCommand, HeadEditor, UnsavedChoice};
use annals::dataset;
use annals::index::TimeIndex;
use annals::model::Moment;
use annals::query::{self, Filter};
use annals::timeline::TimeRange;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::support::{ViewerSetup, drag_with, today, viewer_harness};

const RAISI_VISIT: &str = "2023-11-08-raisi-dushanbe";

/// The curated chronology as a file of its own in `dir`.
fn curated_file(dir: &Path) -> PathBuf {
    let path = dir.join("curated.ron");
    std::fs::write(&path, dataset::EMBEDDED_RON).expect("the file is written");
    path
}

/// The viewer on `file`, its journal kept in `journal`.
fn open(file: &Path, journal: &Path) -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        theme: Some(egui::Theme::Dark),
        options: AppOptions {
            file: Some(file.to_path_buf()),
            journal: Some(journal.to_path_buf()),
            today: Some(today()),
            ..AppOptions::default()
        },
        ..ViewerSetup::default()
    })
}

/// The viewer on the embedded dataset (the same path in every snapshot), without a journal.
fn embedded() -> Harness<'static, App> {
    viewer_harness(ViewerSetup {
        theme: Some(egui::Theme::Dark),
        ..ViewerSetup::default()
    })
}

fn apply(harness: &mut Harness<'static, App>, command: Command) {
    harness.state_mut().apply(command);
    harness.run();
}

/// Selects the event `id` and turns editing on.
fn edit_event(harness: &mut Harness<'static, App>, id: &str) {
    let event = harness.state().event_by_id(id).expect("the event exists");
    apply(harness, Command::Select(Some(event)));
    apply(harness, Command::Edit(EditCommand::SetEditing(true)));
}

/// Types `text` into the field labelled `label` in place of what it holds, and leaves it.
fn retype(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The curated file in `dir` opened, one event retitled, and the window
/// gone without a save, as in a crash; the file and the journal's folder.
fn crashed_with_an_edit(dir: &Path) -> (PathBuf, PathBuf) {
    let journal = dir.join("journal");
    let file = curated_file(dir);
    let mut harness = open(&file, &journal);
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Title", "Raisi in Dushanbe");
    drop(harness);
    (file, journal)
}

fn event_of<'a>(harness: &'a Harness<'static, App>, id: &str) -> &'a annals::model::Event {
    let dataset = harness.state().document().dataset();
    let at = harness.state().event_by_id(id).expect("the event exists");
    &dataset.events[at as usize]
}

/// The lines of `new` that differ from `old`, with their numbers.
fn changed_lines(old: &str, new: &str) -> Vec<(usize, String)> {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    assert_eq!(old.len(), new.len(), "as many lines as before");
    old.iter()
        .zip(&new)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(n, (_, b))| (n + 1, b.to_string()))
        .collect()
}

#[test]
fn browsing_cannot_change_the_data_until_editing_is_turned_on() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut harness = open(&curated_file(dir.path()), dir.path());
    let event = harness.state().event_by_id(RAISI_VISIT).unwrap();
    apply(&mut harness, Command::Select(Some(event)));
    assert!(
        harness.query_by_label("Title").is_none(),
        "no form while browsing"
    );
    harness.get_by_label("Editing").click();
    harness.run();
    assert!(harness.state().editing());
    assert!(
        harness.query_by_label("Title").is_some(),
        "the details became a form"
    );
    harness.key_press(Key::E);
    harness.run();
    assert!(!harness.state().editing(), "E turns it off again");
}

#[test]
fn a_field_left_changes_the_event_and_a_save_changes_only_its_line() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let mut harness = open(&file, dir.path());
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Date", "2023-11-09");
    assert_eq!(event_of(&harness, RAISI_VISIT).date.text(), "2023-11-09");
    let title = harness.state().document().window_title();
    assert!(
        title.starts_with("• "),
        "unsaved changes are marked: {title}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        dataset::EMBEDDED_RON,
        "nothing is written without a save"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&file).unwrap();
    let lines = changed_lines(dataset::EMBEDDED_RON, &saved);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].1.trim(), r#"date: "2023-11-09","#);
    assert!(!harness.state().document().window_title().starts_with('•'));
}

#[test]
fn a_date_that_does_not_read_shows_its_problem_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut harness = open(&curated_file(dir.path()), dir.path());
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Date", "2023-13-45");
    assert_eq!(event_of(&harness, RAISI_VISIT).date.text(), "2023-11-08");
    assert!(harness.query_by_label_contains("invalid date").is_some());
    assert!(!harness.state().document().is_modified());
    // An end before the start does not read either.
    retype(&mut harness, "Date", "2023-11-08");
    retype(&mut harness, "End", "2023-11-01");
    assert_eq!(event_of(&harness, RAISI_VISIT).date.text(), "2023-11-08");
    assert!(harness.query_by_label_contains("invalid date").is_some());
    assert!(!harness.state().document().is_modified());
}

#[test]
fn undo_names_the_edit_and_brings_the_event_back_into_view() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut harness = open(&curated_file(dir.path()), dir.path());
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Title", "Raisi in Dushanbe");
    let history = harness.state().document().history();
    assert_eq!(
        history.undo_label(),
        Some("change the title of “Raisi visits Dushanbe; 18 cooperation documents signed”")
    );
    // Elsewhere and with nothing selected, undo selects the event and shows it.
    apply(&mut harness, Command::Select(None));
    apply(
        &mut harness,
        Command::ZoomTo(TimeRange::new(
            Moment::from_ymd(1991, 1, 1).0 as f64,
            Moment::from_ymd(1992, 1, 1).0 as f64,
        )),
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let event = event_of(&harness, RAISI_VISIT);
    assert_eq!(
        event.title,
        "Raisi visits Dushanbe; 18 cooperation documents signed"
    );
    let at = harness.state().event_by_id(RAISI_VISIT);
    assert_eq!(harness.state().selected(), at);
    let range = harness.state().visible_range();
    let start = Moment::from_ymd(2023, 11, 8).0 as f64;
    assert!(range.start <= start && start <= range.end);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(event_of(&harness, RAISI_VISIT).title, "Raisi in Dushanbe");
}

#[test]
fn a_new_event_is_added_duplicated_and_deleted_after_a_confirmation() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut harness = open(&curated_file(dir.path()), dir.path());
    let before = harness.state().document().dataset().events.len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.state().editing(), "a new event turns editing on");
    let events = &harness.state().document().dataset().events;
    assert_eq!(events.len(), before + 1);
    let new = harness
        .state()
        .selected()
        .expect("the new event is selected");
    assert_eq!(events[new as usize].title, "New event");
    retype(&mut harness, "Title", "Embassy reopens");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert_eq!(
        harness.state().document().dataset().events.len(),
        before + 2
    );
    let copy = harness.state().selected().unwrap();
    let copy_id = harness.state().document().dataset().events[copy as usize]
        .id
        .to_string();
    assert!(copy_id.ends_with("-embassy-reopens"), "{copy_id}");
    assert_ne!(
        copy_id,
        harness.state().document().dataset().events[new as usize].id
    );
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(harness.state().asking_delete(), Some(copy_id.as_str()));
    assert!(
        harness
            .query_by_label_contains("Delete “Embassy reopens”?")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().document().dataset().events.len(),
        before + 2
    );
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    assert_eq!(
        harness.state().document().dataset().events.len(),
        before + 1
    );
    assert!(harness.state().event_by_id(&copy_id).is_none());
}

#[test]
fn a_double_click_on_a_lane_adds_an_event_of_its_actor_on_that_date() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let options = AppOptions {
        file: Some(file),
        journal: Some(dir.path().to_path_buf()),
        today: Some(today()),
        ..AppOptions::default()
    };
    // A clock of 60 steps a second, so that two clicks make a double-click.
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| App::new(cc, options));
    harness.run_steps(3);
    apply(&mut harness, Command::Edit(EditCommand::SetEditing(true)));
    // Zoomed on 2022, so that the date is a day, where Pezeshkian's lane is empty.
    apply(
        &mut harness,
        Command::ZoomTo(TimeRange::new(
            Moment::from_ymd(2022, 1, 1).0 as f64,
            Moment::from_ymd(2023, 1, 1).0 as f64,
        )),
    );
    let axis = harness.state().canvas().axis.expect("the canvas is drawn");
    let x = axis.x_from_time(Moment::from_ymd(2022, 8, 10).0 as f64 + 43_200.0) as f32;
    let lane = harness.get_by_label("Roles of Masoud Pezeshkian").rect();
    let at = egui::pos2(x, lane.center().y);
    let before = harness.state().document().dataset().events.len();
    harness.event(egui::Event::PointerMoved(at));
    harness.run_steps(1);
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run();
    let events = &harness.state().document().dataset().events;
    assert_eq!(events.len(), before + 1);
    let new = &events[before];
    assert_eq!(new.date.text(), "2022-08-10");
    assert_eq!(new.actors.iter().collect::<Vec<_>>(), ["pezeshkian"]);
}

#[test]
fn dragging_an_event_moves_it_by_its_own_precision() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut harness = open(&curated_file(dir.path()), dir.path());
    apply(&mut harness, Command::Edit(EditCommand::SetEditing(true)));
    let event = harness.state().event_by_id(RAISI_VISIT).unwrap();
    apply(&mut harness, Command::FitEvent(event));
    let axis = harness.state().canvas().axis.unwrap();
    let from = harness.state().glyph_position(event).expect("drawn");
    let three_days = (axis.x_from_time(3.0 * 86_400.0) - axis.x_from_time(0.0)) as f32;
    drag_with(
        &mut harness,
        Modifiers::NONE,
        from,
        from + egui::vec2(three_days, 0.0),
    );
    assert_eq!(event_of(&harness, RAISI_VISIT).date.text(), "2023-11-11");
    // The view follows the move as if the file had been opened afresh.
    let dataset = harness.state().document().dataset();
    let fresh = query::select(dataset, &TimeIndex::new(dataset), &Filter::default());
    assert_eq!(harness.state().shown_events(), fresh.as_slice());
    assert!(
        harness.state().canvas().axis.unwrap() == axis,
        "dragging an event does not pan"
    );
}

#[test]
fn quitting_or_opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let mut harness = open(&file, dir.path());
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Title", "Raisi in Dushanbe");
    apply(&mut harness, Command::Quit);
    assert_eq!(harness.state().pending_unsaved(), Some(&Pending::Close));
    assert!(
        harness
            .query_by_label_contains("Save the changes to")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().pending_unsaved(), None);
    let other = dir.path().join("other.ron");
    std::fs::write(&other, dataset::EMBEDDED_RON).unwrap();
    apply(&mut harness, Command::Open(other.clone()));
    assert_eq!(
        harness.state().pending_unsaved(),
        Some(&Pending::Open(other.clone()))
    );
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(other.as_path())
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert_eq!(changed_lines(dataset::EMBEDDED_RON, &saved).len(), 1);
}

#[test]
fn a_change_on_disk_does_not_drop_unsaved_edits_and_keep_mine_applies_them() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let mut harness = open(&file, dir.path());
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Title", "Raisi in Dushanbe");
    // Someone else changes another event's place, and this one's date.
    let theirs = dataset::EMBEDDED_RON
        .replacen(r#"date: "2023-11-08","#, r#"date: "2023-11-07","#, 1)
        .replacen(
            "Shanghai Cooperation Organisation founded",
            "SCO founded",
            1,
        );
    std::fs::write(&file, &theirs).unwrap();
    apply(&mut harness, Command::Reload);
    assert_eq!(event_of(&harness, RAISI_VISIT).title, "Raisi in Dushanbe");
    assert!(harness.query_by_label("Keep mine").is_some());
    harness.get_by_label("Keep mine").click();
    harness.run();
    // Their change of this very event conflicts: theirs stays, mine is listed.
    assert_eq!(event_of(&harness, RAISI_VISIT).date.text(), "2023-11-07");
    assert!(
        harness
            .query_by_label_contains("was changed in the file meanwhile")
            .is_some()
    );
    let dataset = harness.state().document().dataset();
    assert!(
        dataset
            .events
            .iter()
            .any(|e| e.title.starts_with("SCO founded"))
    );
}

#[test]
fn edits_left_by_a_crash_are_offered_back_when_the_file_is_opened_again() {
    let dir = tempfile::tempdir().expect("a folder");
    let (file, journal) = crashed_with_an_edit(dir.path());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        dataset::EMBEDDED_RON
    );
    let mut harness = open(&file, &journal);
    let offer = harness
        .state()
        .journal_offer()
        .expect("the edits are offered");
    assert_eq!(offer.count, 1);
    assert!(
        harness
            .query_by_label_contains("1 unsaved edit of this file")
            .is_some()
    );
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(event_of(&harness, RAISI_VISIT).title, "Raisi in Dushanbe");
    assert!(harness.state().document().is_modified());
    // Saved, the journal is gone: the next opening offers nothing.
    apply(&mut harness, Command::Edit(EditCommand::Save));
    drop(harness);
    let harness = open(&file, &journal);
    assert!(harness.state().journal_offer().is_none());
}

#[test]
fn journaled_edits_that_conflict_with_the_file_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().expect("a folder");
    let (file, journal) = crashed_with_an_edit(dir.path());
    let theirs = dataset::EMBEDDED_RON.replacen(
        "Raisi visits Dushanbe; 18 cooperation documents signed",
        "Raisi visits Dushanbe",
        1,
    );
    std::fs::write(&file, &theirs).unwrap();
    let mut harness = open(&file, &journal);
    harness.get_by_label("Restore").click();
    harness.run();
    let refusal = harness.state().edit_refusal().expect("refused");
    assert!(
        refusal.contains("was changed in the file meanwhile"),
        "{refusal}"
    );
    assert_eq!(
        event_of(&harness, RAISI_VISIT).title,
        "Raisi visits Dushanbe"
    );
    assert!(
        harness.state().journal_offer().is_some(),
        "the journal is kept"
    );
}

#[test]
fn an_imported_file_is_edited_and_saved_as_a_dataset_never_over_itself() {
    let dir = tempfile::tempdir().expect("a folder");
    let csv = dir.path().join("chronology.csv");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/chronology.csv");
    std::fs::copy(&source, &csv).unwrap();
    let bytes = std::fs::read(&csv).unwrap();
    let mut harness = open(&csv, dir.path());
    let first = harness.state().shown_events()[0];
    let id = harness.state().document().dataset().events[first as usize]
        .id
        .to_string();
    edit_event(&mut harness, &id);
    retype(&mut harness, "Title", "Retitled");
    let ron = dir.path().join("chronology.ron");
    apply(
        &mut harness,
        Command::Edit(EditCommand::SaveAs(ron.clone())),
    );
    assert_eq!(std::fs::read(&csv).unwrap(), bytes, "the CSV is as it was");
    let text = std::fs::read_to_string(&ron).unwrap();
    let saved = dataset::parse_str("chronology.ron", &text).expect("a valid dataset");
    assert!(saved.events.iter().any(|e| e.title == "Retitled"));
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(ron.as_path())
    );
}

#[test]
fn discarding_on_quit_forgets_the_journal() {
    let dir = tempfile::tempdir().expect("a folder");
    let journal = dir.path().join("journal");
    let file = curated_file(dir.path());
    let mut harness = open(&file, &journal);
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Title", "Raisi in Dushanbe");
    apply(&mut harness, Command::Quit);
    apply(
        &mut harness,
        Command::Edit(EditCommand::Unsaved(UnsavedChoice::Discard)),
    );
    drop(harness);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        dataset::EMBEDDED_RON
    );
    let harness = open(&file, &journal);
    assert!(harness.state().journal_offer().is_none());
}

#[test]
fn snapshot_an_event_being_dragged() {
    let mut harness = embedded();
    apply(&mut harness, Command::Edit(EditCommand::SetEditing(true)));
    let event = harness.state().event_by_id(RAISI_VISIT).unwrap();
    apply(&mut harness, Command::FitEvent(event));
    apply(&mut harness, Command::Select(None));
    let from = harness.state().glyph_position(event).expect("drawn");
    harness.event(egui::Event::PointerMoved(from));
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(1);
    for step in 1..=4 {
        harness.event(egui::Event::PointerMoved(
            from + egui::vec2(20.0 * step as f32, 0.0),
        ));
        harness.run_steps(1);
    }
    harness.snapshot("event_dragged");
}

#[test]
fn snapshot_the_event_form() {
    let mut harness = embedded();
    edit_event(&mut harness, RAISI_VISIT);
    harness.run();
    harness.snapshot("event_form");
}

/// The viewer on `file` with editing on and Edit ▸ Actors… open, the filter
/// panel (which names the actors too) hidden.
fn actors_editor(file: &Path, journal: &Path) -> Harness<'static, App> {
    let mut harness = open(file, journal);
    apply(&mut harness, Command::Edit(EditCommand::SetEditing(true)));
    apply(&mut harness, Command::ShowFilters(false));
    apply(
        &mut harness,
        Command::Edit(EditCommand::ShowEditor(Some(HeadEditor::Actors))),
    );
    harness
}

#[test]
fn people_and_their_roles_topics_and_eras_have_their_own_editors() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let mut harness = actors_editor(&file, dir.path());
    harness.get_by_label("Ebrahim Raisi").click();
    harness.run();
    harness.get_by_label("Role 1 note").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Role 1 note")
        .type_text("Died in office.");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let raisi = harness.state().document().dataset().actor("raisi").unwrap();
    assert_eq!(raisi.roles[0].note.as_deref(), Some("Died in office."));
    // An actor that events name is removed only with its uses, when asked.
    assert!(harness.query_by_label_contains("Remove with its").is_some());

    apply(
        &mut harness,
        Command::Edit(EditCommand::ShowEditor(Some(HeadEditor::Topics))),
    );
    harness.get_by_label("New topic: id").click();
    harness.run();
    harness.get_by_label("New topic: id").type_text("water");
    harness.get_by_label("name").click();
    harness.run();
    harness.get_by_label("name").type_text("Water sharing");
    harness.run();
    harness.get_by_label("Add topic").click();
    harness.run();
    let topic = harness.state().document().dataset().topic("water").cloned();
    assert_eq!(topic.map(|t| t.name), Some("Water sharing".to_string()));

    apply(
        &mut harness,
        Command::Edit(EditCommand::ShowEditor(Some(HeadEditor::Eras))),
    );
    harness.get_by_label("New era: name").click();
    harness.run();
    harness
        .get_by_label("New era: name")
        .type_text("Pezeshkian presidency");
    harness.get_by_label("dates").click();
    harness.run();
    harness.get_by_label("dates").type_text("2024-07-28/..");
    harness.run();
    harness.get_by_label("Add era").click();
    harness.run();
    let eras = &harness.state().document().dataset().eras;
    assert!(eras.iter().any(|e| e.name == "Pezeshkian presidency"));
    // Saved, only the changed role, the new topic and the new era are new text.
    apply(&mut harness, Command::Edit(EditCommand::Save));
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("Died in office."));
    assert!(
        saved.contains(r#"Topic(id: "water", name: "Water sharing")"#),
        "{saved}"
    );
    let kept = dataset::EMBEDDED_RON
        .lines()
        .filter(|line| saved.lines().any(|s| s == *line))
        .count();
    assert!(kept + 3 >= dataset::EMBEDDED_RON.lines().count());
}

#[test]
fn names_in_other_scripts_are_edited_but_right_to_left_ones_only_shown() {
    use eframe::egui::accesskit::Role;
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let mut harness = actors_editor(&file, dir.path());
    harness.get_by_label("Emomali Rahmon").click();
    harness.run();
    // The Persian name is shown, not offered for editing.
    let inputs = |harness: &Harness<'static, App>, label: &str| {
        harness
            .query_all_by_role_and_label(Role::TextInput, label)
            .count()
    };
    assert_eq!(inputs(&harness, "Persian (fa)"), 0);
    harness.get_by_label_contains("Right-to-left names are read-only");
    // The Tajik one is edited; a Russian one is added.
    assert_eq!(inputs(&harness, "Tajik (tg)"), 1);
    harness.get_by_label("Tajik (tg)").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Tajik (tg)")
        .type_text("Эмомалӣ Раҳмон Шарифӣ");
    harness.get_by_label("New name: language tag").click();
    harness.run();
    harness
        .get_by_label("New name: language tag")
        .type_text("ru");
    harness.get_by_label("name").click();
    harness.run();
    harness.get_by_label("name").type_text("Эмомали Рахмон");
    harness.run();
    harness.get_by_label("Add name").click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let rahmon = harness
        .state()
        .document()
        .dataset()
        .actor("rahmon")
        .unwrap();
    assert_eq!(rahmon.names["tg"], "Эмомалӣ Раҳмон Шарифӣ");
    assert_eq!(rahmon.names["ru"], "Эмомали Рахмон");
    assert_eq!(rahmon.names["fa"], "امامعلی رحمان");
    // Saved and read again, the names are as edited.
    apply(&mut harness, Command::Edit(EditCommand::Save));
    let text = std::fs::read_to_string(&file).expect("the file was saved");
    let saved = dataset::parse_str("curated.ron", &text).expect("the saved file reads");
    let rahmon = saved.actor("rahmon").unwrap();
    assert_eq!(rahmon.names["ru"], "Эмомали Рахмон");
}

#[test]
fn coordinates_typed_in_the_form_are_checked_and_saved_as_one_field() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = curated_file(dir.path());
    let mut harness = open(&file, dir.path());
    edit_event(&mut harness, RAISI_VISIT);
    retype(&mut harness, "Coordinates", "95, 68.78");
    assert!(
        harness
            .query_by_label_contains("beyond the poles")
            .is_some()
    );
    assert!(!harness.state().document().is_modified());
    retype(&mut harness, "Coordinates", "38.5358, 68.7791");
    assert_eq!(
        event_of(&harness, RAISI_VISIT).at,
        Some(annals::model::Coordinates(38.5358, 68.7791))
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&file).unwrap();
    let reread = dataset::parse_str("curated.ron", &saved).expect("the saved file reads");
    let event = reread.events.iter().find(|e| e.id == RAISI_VISIT).unwrap();
    assert_eq!(event.at, Some(annals::model::Coordinates(38.5358, 68.7791)));
    let before: std::collections::HashSet<&str> = dataset::EMBEDDED_RON.lines().collect();
    let new: Vec<&str> = saved.lines().filter(|l| !before.contains(l)).collect();
    assert!(
        !new.is_empty() && new.iter().all(|l| l.contains("at: (38.5358")),
        "only the new field: {new:?}"
    );
    assert!(saved.lines().count() <= dataset::EMBEDDED_RON.lines().count() + 1);
}
