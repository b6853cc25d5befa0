//! Saving edits into the file they came from: only the lines of what changed
//! change, with comments, odd indentation, CRLF and trailing commas kept;
//! never over a change on disk; never into an imported format.

use std::path::{Path, PathBuf};

use annals::edit::{Document, Edit, History, SaveError};

use super::edit_engine::{SMALL, event};

/// `text` written to a file in a new folder.
fn file_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// The lines that went and the lines that came, between the common start and end.
fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let end = old[start..]
        .iter()
        .rev()
        .zip(new[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let cut = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect();
    (
        cut(&old[start..old.len() - end]),
        cut(&new[start..new.len() - end]),
    )
}

/// Opens `text` from a file, applies `edit`, saves; gives the text before and after.
fn saved_after(text: &str, edit: impl FnOnce(&Document) -> Edit) -> (String, String) {
    let (_dir, path) = file_with(text);
    let mut document = Document::open(&path).unwrap();
    let edit = edit(&document);
    assert!(!document.is_modified());
    edit.apply(&mut document).unwrap();
    assert!(document.is_modified());
    document.save().unwrap();
    assert!(!document.is_modified());
    let after = std::fs::read_to_string(&path).unwrap();
    let reread = Document::open(&path).expect("the saved file loads");
    assert_eq!(reread.dataset(), document.dataset());
    (text.to_string(), after)
}

fn with_summary(document: &Document, id: &str, summary: &str) -> Edit {
    let mut event = document.event(id).unwrap().clone();
    event.summary = summary.into();
    Edit::change_event(id, event)
}

#[test]
fn changing_a_summary_changes_only_that_line() {
    let (old, new) = saved_after(SMALL, |d| with_summary(d, "e1", "Talks on security."));
    let (removed, added) = changed_lines(&old, &new);
    assert_eq!(removed, ["        summary: \"Talks.\",\n"]);
    assert_eq!(added, ["        summary: \"Talks on security.\",\n"]);
}

#[test]
fn a_new_field_goes_in_the_items_own_layout() {
    let (old, new) = saved_after(SMALL, |d| with_summary(d, "e2", "By telephone."));
    let (removed, added) = changed_lines(&old, &new);
    assert_eq!(removed.len(), 1);
    assert_eq!(
        added,
        [
            "    Event(id: \"e2\", kind: PhoneCall, date: \"2023\", title: \"A call\", actors: [\"rahmon\"], topics: [\"terrorism\"], summary: \"By telephone.\"), // inline\n"
        ]
    );
}

#[test]
fn adding_inserts_only_the_new_lines_after_the_last_event() {
    let (old, new) = saved_after(SMALL, |_| Edit::add_event(event("e4", "2025-02-03", "New")));
    let (removed, added) = changed_lines(&old, &new);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added,
        [
            "    Event(id: \"e4\", kind: Meeting, date: \"2025-02-03\", title: \"New\", actors: [\"IRN\"], counterparts: [\"TJK\"]),\n"
        ]
    );
    assert!(new.find("e4").unwrap() > new.find("e3").unwrap());
}

#[test]
fn removing_deletes_only_that_items_lines() {
    let (old, new) = saved_after(SMALL, |_| Edit::remove_event("e2"));
    let (removed, added) = changed_lines(&old, &new);
    assert!(added.is_empty(), "{added:?}");
    assert_eq!(removed.len(), 1);
    assert!(removed[0].contains("\"e2\""));
    let (_, new) = saved_after(SMALL, |_| Edit::remove_event("e1"));
    let (removed, _) = changed_lines(SMALL, &new);
    assert_eq!(
        removed.len(),
        10,
        "the event's nine lines and its comment line"
    );
    assert!(!new.contains("The first visit"));
}

#[test]
fn the_head_keeps_its_comments_when_the_title_changes() {
    let (old, new) = saved_after(SMALL, |_| Edit::SetTitle("Renamed".into()));
    let (removed, added) = changed_lines(&old, &new);
    assert_eq!(removed, ["  title: \"Editing test\",   // the title\n"]);
    assert_eq!(added, ["  title: \"Renamed\",   // the title\n"]);
}

#[test]
fn crlf_files_stay_crlf() {
    let crlf = SMALL.replace('\n', "\r\n");
    let (_, new) = saved_after(&crlf, |d| with_summary(d, "e1", "Changed."));
    let (_, added) = changed_lines(&crlf, &new);
    assert_eq!(added, ["        summary: \"Changed.\",\r\n"]);
    let (_, new) = saved_after(&crlf, |_| Edit::add_event(event("e4", "2025-02-03", "New")));
    assert!(!new.replace("\r\n", "").contains('\n'), "no bare line feed");
}

#[test]
fn undoing_every_edit_saves_the_original_bytes() {
    let (_dir, path) = file_with(SMALL);
    let mut document = Document::open(&path).unwrap();
    let mut history = History::new();
    let change = with_summary(&document, "e3", "Other");
    for edit in [
        change,
        Edit::remove_event("e1"),
        Edit::add_event(event("e9", "1999", "Old")),
        Edit::SetDescription(String::new()),
    ] {
        history.apply(&mut document, edit).unwrap();
    }
    while history.undo(&mut document).unwrap().is_some() {}
    document.save().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SMALL);
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let (_dir, path) = file_with(SMALL);
    let mut document = Document::open(&path).unwrap();
    Edit::remove_event("e2").apply(&mut document).unwrap();
    let theirs = SMALL.replace("A visit", "Their visit");
    std::fs::write(&path, &theirs).unwrap();
    let error = document.save().unwrap_err();
    assert!(matches!(error, SaveError::ChangedOnDisk { .. }));
    assert!(error.to_string().contains("changed on disk"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn an_imported_file_is_never_written_in_its_own_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.csv");
    let csv = "date,title,actors\n2022-05-16,A visit,Iran\n";
    std::fs::write(&path, csv).unwrap();
    let mut document = Document::open(&path).unwrap();
    Edit::SetTitle("Mine".into()).apply(&mut document).unwrap();
    let error = document.save().unwrap_err();
    assert!(matches!(error, SaveError::Imported { .. }));
    assert!(
        error.to_string().contains("save it as an Annals dataset"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), csv);
    let ron = dir.path().join("events.ron");
    document.save_as(&ron).unwrap();
    let reread = Document::open(&ron).unwrap();
    assert_eq!(reread.dataset(), document.dataset());
    assert!(matches!(
        document.save_as(&ron).unwrap_err(),
        SaveError::Write(_)
    ));
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = file_with(SMALL);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut document = Document::open(&path).unwrap();
    Edit::remove_event("e3").apply(&mut document).unwrap();
    document.save().unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_no_temporary_left(path.parent().unwrap());
}

fn assert_no_temporary_left(folder: &Path) {
    assert_eq!(std::fs::read_dir(folder).unwrap().count(), 1);
}

#[test]
fn the_curated_dataset_changes_only_where_it_was_edited() {
    let curated = annals::dataset::EMBEDDED_RON;
    let (_, new) = saved_after(curated, |d| {
        let id = d.dataset().events[3].id.clone();
        with_summary(d, &id, "A shorter summary.")
    });
    let (removed, added) = changed_lines(curated, &new);
    assert_eq!(removed.len(), 1);
    assert_eq!(added, ["            summary: \"A shorter summary.\",\n"]);

    let (_, new) = saved_after(curated, |d| {
        let mut new = event("2025-09-01-talks", "2025-09-01", "Talks");
        new.sources = d.dataset().events[0].sources.clone();
        Edit::add_event(new)
    });
    let (removed, added) = changed_lines(curated, &new);
    assert!(removed.is_empty(), "{removed:?}");
    let added = added.concat();
    assert!(
        added.starts_with("        Event(\n            id: \"2025-09-01-talks\",\n"),
        "{added}"
    );
    assert!(
        added.contains("            sources: [\n                Source("),
        "{added}"
    );
}

#[test]
fn a_generated_file_with_one_item_per_line_changes_by_whole_lines() {
    let mut text = Vec::new();
    annals::dataset::write_ron(&annals::generate::generate(2_000, 7), &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    let (_, new) = saved_after(&text, |d| {
        with_summary(d, &d.dataset().events[700].id.clone(), "One change.")
    });
    let (removed, added) = changed_lines(&text, &new);
    assert_eq!((removed.len(), added.len()), (1, 1));
    assert!(added[0].contains("summary: \"One change.\""), "{added:?}");
    let (_, new) = saved_after(&text, |d| {
        Edit::remove_event(&d.dataset().events[3].id.clone())
    });
    let (removed, added) = changed_lines(&text, &new);
    assert_eq!((removed.len(), added.len()), (1, 0));
    let (_, new) = saved_after(&text, |d| {
        let mut copy = d.dataset().events[10].clone();
        copy.id = d.new_event_id(copy.date.text(), &copy.title).into();
        Edit::add_event(copy)
    });
    let (removed, added) = changed_lines(&text, &new);
    assert_eq!((removed.len(), added.len()), (0, 1));
    assert!(added[0].starts_with("        Event("), "{added:?}");
}
