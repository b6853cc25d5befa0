//! Property tests of editing: any sequence of edits undone gives back the
//! file's bytes, and any sequence saved and read again gives the edited dataset.

use annals::edit::{Document, Edit, History};
use annals::model::{EdtfDate, Source, Topic};
use proptest::prelude::*;

use super::edit_engine::{SMALL, event};

/// One edit to make, chosen by `kind`, aimed at an item by `index`, with `text`.
#[derive(Debug, Clone)]
struct Step {
    kind: u8,
    index: usize,
    text: String,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = (
        0u8..16,
        0usize..100,
        "[a-zA-Z0-9 ,()\\[\\]/\"\\\\é:#]{0,16}",
    )
        .prop_map(|(kind, index, text)| Step { kind, index, text });
    proptest::collection::vec(step, 1..12)
}

const DATES: [&str; 4] = ["2001", "2019-07", "2022-05-16", "2010/2012"];

/// The edit `step` asks for on the document as it is, if it can be made.
fn edit_for(document: &Document, step: &Step) -> Option<Edit> {
    let dataset = document.dataset();
    let count = dataset.events.len();
    let pick = |n: usize| (n > 0).then(|| step.index % n);
    let date = DATES[step.index % DATES.len()];
    let changed = |change: &dyn Fn(&mut annals::model::Event)| {
        let mut event = dataset.events[pick(count)?].clone();
        let id = event.id.clone();
        change(&mut event);
        Some(Edit::change_event(&id, event))
    };
    match step.kind {
        0 => changed(&|e| e.summary = step.text.as_str().into()),
        1 => changed(&|e| e.title = step.text.as_str().into()),
        2 | 3 => {
            let title = format!("New {}", step.text);
            let id = document.new_event_id(date, &title);
            let at = (step.kind == 3).then(|| step.index % (count + 1));
            Some(Edit::AddEvent {
                at,
                event: Box::new(event(&id, date, &title)),
            })
        }
        4 => Some(Edit::remove_event(&dataset.events[pick(count)?].id)),
        5 => changed(&|e| {
            e.sources.push(Source {
                publisher: format!("P{}", step.text).into(),
                title: None,
                url: Some(step.text.as_str().into()),
                published: None,
            })
        }),
        6 => Some(Edit::SetDescription(step.text.clone())),
        7 => {
            let mut actor = dataset.actors[pick(dataset.actors.len())?].clone();
            let id = actor.id.clone();
            actor.name = format!("Name {}", step.text);
            Some(Edit::ChangeActor {
                id,
                actor: Box::new(actor),
            })
        }
        8 => Some(Edit::AddTopic {
            at: None,
            topic: Topic {
                id: format!("topic-{}", dataset.topics.len()),
                name: format!("Topic {}", step.text),
                parent: step.index.is_multiple_of(2).then(|| "security".to_string()),
            },
        }),
        9 => changed(&|e| {
            e.sources.pop();
        }),
        10 => changed(&|e| e.date = EdtfDate::parse(date).expect("a valid date")),
        11 => document
            .removal_of_actor(&dataset.actors[pick(dataset.actors.len())?].id)
            .ok(),
        12 => document
            .removal_of_topic(&dataset.topics[pick(dataset.topics.len())?].id)
            .ok(),
        13 => head_edit(dataset, step, date),
        _ => era_edit(dataset, step, date),
    }
}

/// A role for a person, in a country or organization.
fn head_edit(dataset: &annals::model::Dataset, step: &Step, date: &str) -> Option<Edit> {
    use annals::model::{ActorKind, Role};
    let people: Vec<_> = dataset
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .collect();
    let holders: Vec<_> = dataset
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::Person)
        .collect();
    let person = people.get(step.index % people.len().max(1))?;
    let holder = holders.get(step.index % holders.len().max(1))?;
    Some(Edit::AddRole {
        actor: person.id.clone(),
        at: Some(step.index % (person.roles.len() + 1)),
        role: Box::new(Role {
            title: format!("Envoy {}", step.text),
            of: holder.id.clone(),
            from: Some(EdtfDate::parse(date).expect("a valid date")),
            to: None,
            sources: Default::default(),
            note: (!step.text.is_empty()).then(|| step.text.clone()),
        }),
    })
}

/// An era added, recoloured or removed.
fn era_edit(dataset: &annals::model::Dataset, step: &Step, date: &str) -> Option<Edit> {
    use annals::model::Era;
    let existing = dataset.eras.get(step.index % dataset.eras.len().max(1));
    match (step.index % 3, existing) {
        (0, Some(era)) => Some(Edit::RemoveEra {
            name: era.name.clone(),
        }),
        (1, Some(era)) => {
            let mut recoloured = era.clone();
            recoloured.color = Some(format!("#{:06x}", (step.index * 2_654_435) % 0x100_0000));
            Some(Edit::ChangeEra {
                name: era.name.clone(),
                era: Box::new(recoloured),
            })
        }
        _ => Some(Edit::AddEra {
            at: None,
            era: Box::new(Era {
                name: format!("Era {}{}", step.text, dataset.eras.len()),
                date: EdtfDate::parse(date).expect("a valid date"),
                color: None,
            }),
        }),
    }
}

/// The small dataset (0), the same with CRLF line endings (1) or the curated
/// dataset (2), in a file of its own.
fn opened(which: u8) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let text = match which {
        0 => SMALL.to_string(),
        1 => SMALL.replace('\n', "\r\n"),
        _ => annals::dataset::EMBEDDED_RON.to_string(),
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

/// Applies each step that makes a valid edit (refused ones change nothing).
fn apply_all(document: &mut Document, history: &mut History, steps: &[Step]) {
    for step in steps {
        if let Some(edit) = edit_for(document, step) {
            let before = document.dataset().clone();
            if history.apply(document, edit).is_err() {
                assert_eq!(*document.dataset(), before);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn edits_undone_give_back_the_files_bytes(steps in steps(), which in 0u8..3) {
        let (_dir, path, text) = opened(which);
        let mut document = Document::open(&path).unwrap();
        let mut history = History::new();
        apply_all(&mut document, &mut history, &steps);
        while history.undo(&mut document).unwrap().is_some() {}
        document.save().unwrap();
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn edits_saved_and_read_again_give_the_edited_dataset(steps in steps(), which in 0u8..3) {
        let (_dir, path, _) = opened(which);
        let mut document = Document::open(&path).unwrap();
        let mut history = History::new();
        apply_all(&mut document, &mut history, &steps);
        document.save().unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let reread = Document::open(&path);
        let reread = match reread {
            Ok(reread) => reread,
            Err(error) => return Err(TestCaseError::fail(format!("{error}\n{saved}"))),
        };
        prop_assert_eq!(reread.dataset(), document.dataset(), "{}", saved);
        if which == 1 {
            prop_assert!(!saved.replace("\r\n", "").contains('\n'), "{}", saved);
        }
    }
}

/// The small dataset laid out anew: each line indented its own way, some
/// ending in a comment that holds brackets and commas.
fn relaid(layout: &[(u8, bool)]) -> String {
    let mut out = String::new();
    for (line, &(indent, comment)) in SMALL.lines().zip(layout.iter().cycle()) {
        let code = line.trim_start();
        let depth = line.len() - code.len();
        let indent = match indent {
            0 => line[..depth].to_string(),
            1 => "\t".repeat(depth / 2),
            2 => " ".to_string(),
            _ => " ".repeat(depth * 3),
        };
        out.push_str(&indent);
        out.push_str(code);
        let open = code.ends_with(',') || code.ends_with('(') || code.ends_with('[');
        if comment && open && !code.starts_with("//") && !code.contains("//") {
            out.push_str(" // a note, with ) and ] in it");
        }
        out.push('\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn edits_keep_any_layout_and_read_back(
        layout in proptest::collection::vec((0u8..4, any::<bool>()), 1..50),
        steps in steps(),
    ) {
        let text = relaid(&layout);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("relaid.ron");
        std::fs::write(&path, &text).unwrap();
        let mut document = Document::open(&path).unwrap();
        let mut history = History::new();
        apply_all(&mut document, &mut history, &steps);
        while history.undo(&mut document).unwrap().is_some() {}
        document.save().unwrap();
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), text.as_str());
        while history.redo(&mut document).unwrap().is_some() {}
        document.save().unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let reread = match Document::open(&path) {
            Ok(reread) => reread,
            Err(error) => return Err(TestCaseError::fail(format!("{error}\n{saved}"))),
        };
        prop_assert_eq!(reread.dataset(), document.dataset(), "{}", saved);
    }
}
