//! The editing engine: edits apply and undo, invalid ones are refused with the
//! field named and nothing changed, actors and topics in use are protected,
//! new ids follow the importer's rule.

use std::path::Path;

use annals::edit::{Document, Edit, EditError, History};
use annals::model::{Actor, ActorKind, EdtfDate, Era, Event, EventKind, Role, Topic};

/// A small dataset with people, roles, a topic tree and an era.
pub const SMALL: &str = r#"// A small chronology for the editing tests.
Dataset(
  title: "Editing test",   // the title
	description: "Tabs and spaces mixed.",
  actors: [
      Actor(id: "IRN", name: "Iran", kind: Country),
      Actor(id: "TJK", name: "Tajikistan", kind: Country,),   // a trailing comma inside
      Actor(id: "rahmon", name: "Emomali Rahmon", kind: Person, roles: [
          Role(title: "President", of: "TJK", from: "1994-11-16"),
      ]),
  ],
  topics: [
    Topic(id: "security", name: "Security"),
    Topic(id: "terrorism", name: "Counter-terrorism", parent: "security"),
  ],

  events: [
    // The first visit.
    Event(
        id: "e1",
        kind: Visit,
        date: "2022-05-16",
        title: "A visit",
        actors: ["IRN"],
        counterparts: ["TJK"],
        summary: "Talks.",
    ),
    Event(id: "e2", kind: PhoneCall, date: "2023", title: "A call", actors: ["rahmon"], topics: ["terrorism"]), // inline
    Event(id: "e3",   kind: Visit, date: "2024-01", title: "Another",
          sources: [Source(publisher: "IRNA", url: "https://example.org/a")]),
  ],
  eras: [Era(name: "Thaw", date: "2021/2024")],
)
"#;

/// The small dataset as a document read from `small.ron`.
pub fn small() -> Document {
    Document::parse(Path::new("small.ron"), SMALL).expect("the small dataset is valid")
}

/// A plain event of this id on this date, between Iran and Tajikistan.
pub fn event(id: &str, date: &str, title: &str) -> Event {
    Event {
        id: id.into(),
        kind: EventKind::Meeting,
        cameo: None,
        date: EdtfDate::parse(date).expect("a valid date"),
        title: title.into(),
        actors: ["IRN"].into(),
        counterparts: ["TJK"].into(),
        topics: Default::default(),
        place: None,
        at: None,
        summary: Default::default(),
        sources: Default::default(),
        note: None,
    }
}

#[test]
fn an_edit_gives_back_its_inverse_and_undo_restores_the_dataset() {
    let mut document = small();
    let before = document.dataset().clone();
    let mut history = History::new();
    history
        .apply(
            &mut document,
            Edit::add_event(event("e4", "2025-02-03", "New")),
        )
        .unwrap();
    let mut changed = document.event("e2").unwrap().clone();
    changed.summary = "They spoke of security.".into();
    history
        .apply(&mut document, Edit::change_event("e2", changed))
        .unwrap();
    history
        .apply(&mut document, Edit::remove_event("e1"))
        .unwrap();
    history
        .apply(&mut document, Edit::SetTitle("Renamed".into()))
        .unwrap();
    assert_eq!(document.dataset().events.len(), 3);
    assert_eq!(document.dataset().title, "Renamed");
    assert_eq!(
        document.event("e2").unwrap().summary,
        "They spoke of security."
    );
    while history.undo(&mut document).unwrap().is_some() {}
    assert_eq!(*document.dataset(), before);
    assert!(history.redo(&mut document).unwrap().is_some());
    assert_eq!(document.dataset().events.last().unwrap().id, "e4");
}

fn refused(document: &mut Document, edit: Edit) -> EditError {
    let before = document.dataset().clone();
    let error = edit.apply(document).expect_err("the edit is refused");
    assert_eq!(
        *document.dataset(),
        before,
        "a refused edit changes nothing"
    );
    error
}

#[test]
fn invalid_edits_are_refused_naming_the_field_and_change_nothing() {
    let mut document = small();
    let mut unknown_actor = event("e5", "2020", "Who?");
    unknown_actor.counterparts = ["TJKK"].into();
    let error = refused(&mut document, Edit::add_event(unknown_actor));
    assert_eq!(error.field(), Some("events[3].counterparts[0]"));
    assert!(
        error.to_string().contains("did you mean \"TJK\""),
        "{error}"
    );

    let error = refused(&mut document, Edit::add_event(event("e1", "2020", "Again")));
    assert_eq!(error.field(), Some("events[3].id"));
    assert!(error.to_string().contains("duplicate event id \"e1\""));

    let mut untitled = document.event("e3").unwrap().clone();
    untitled.title = " ".into();
    let error = refused(&mut document, Edit::change_event("e3", untitled));
    assert_eq!(error.field(), Some("events[2].title"));

    let role = Role {
        title: "Prime Minister".into(),
        of: "TJK".into(),
        from: Some(EdtfDate::parse("2000").unwrap()),
        to: Some(EdtfDate::parse("1999").unwrap()),
        sources: Default::default(),
        note: None,
    };
    let add_role = Edit::AddRole {
        actor: "rahmon".into(),
        at: None,
        role: Box::new(role),
    };
    let error = refused(&mut document, add_role);
    assert_eq!(error.field(), Some("actors[2].roles[1].to"));
    assert!(error.to_string().contains("ends"), "{error}");

    let cycle = Topic {
        id: "security".into(),
        name: "Security".into(),
        parent: Some("terrorism".into()),
    };
    let error = refused(
        &mut document,
        Edit::ChangeTopic {
            id: "security".into(),
            topic: cycle,
        },
    );
    assert!(error.to_string().contains("cycle"), "{error}");
    assert!(error.field().unwrap().starts_with("topics["));

    let era = Era {
        name: "Thaw".into(),
        date: EdtfDate::parse("2000").unwrap(),
        color: None,
    };
    let error = refused(
        &mut document,
        Edit::AddEra {
            at: None,
            era: Box::new(era),
        },
    );
    assert_eq!(error.field(), Some("eras[1].name"));
    let error = refused(&mut document, Edit::SetTitle(String::new()));
    assert_eq!(error.field(), Some("title"));
}

#[test]
fn a_compound_edit_is_all_or_nothing() {
    let mut document = small();
    let good = Edit::add_event(event("e6", "2021", "Fine"));
    let bad = Edit::add_event(event("e6", "2021", "Same id"));
    let error = refused(&mut document, Edit::Compound(vec![good, bad]));
    assert_eq!(error.field(), Some("events[4].id"));
    assert!(!document.has_event("e6"));
}

#[test]
fn an_actor_or_topic_in_use_goes_only_with_its_uses() {
    let mut document = small();
    let error = refused(&mut document, Edit::RemoveActor { id: "TJK".into() });
    assert_eq!(
        error,
        EditError::InUse {
            what: "actor",
            id: "TJK".into(),
            events: 1
        }
    );
    assert!(error.to_string().contains("used by 1 event;"), "{error}");
    let before = document.dataset().clone();
    let removal = document.removal_of_actor("TJK").unwrap();
    let inverse = removal.apply(&mut document).unwrap();
    assert!(document.dataset().actor("TJK").is_none());
    assert!(document.event("e1").unwrap().counterparts.is_empty());
    assert!(document.dataset().actor("rahmon").unwrap().roles.is_empty());
    inverse.apply(&mut document).unwrap();
    assert_eq!(*document.dataset(), before);

    let error = refused(
        &mut document,
        Edit::RemoveTopic {
            id: "terrorism".into(),
        },
    );
    assert!(matches!(error, EditError::InUse { events: 1, .. }));
    let removal = document.removal_of_topic("security").unwrap();
    removal.apply(&mut document).unwrap();
    let terrorism = document.dataset().topic("terrorism").unwrap();
    assert_eq!(terrorism.parent, None, "the child moved up to the root");
}

#[test]
fn renaming_a_used_actor_is_refused_and_an_unknown_id_is_named() {
    let mut document = small();
    let renamed = Actor {
        id: "IRAN".into(),
        name: "Iran".into(),
        kind: ActorKind::Country,
        roles: Vec::new(),
        aliases: Vec::new(),
        wikidata: None,
        names: Default::default(),
    };
    let edit = Edit::ChangeActor {
        id: "IRN".into(),
        actor: Box::new(renamed),
    };
    assert!(matches!(
        refused(&mut document, edit),
        EditError::InUse { .. }
    ));
    let error = refused(&mut document, Edit::remove_event("e9"));
    assert!(matches!(error, EditError::Unknown { what: "event", .. }));
    assert!(error.to_string().contains("\"e9\""), "{error}");
}

#[test]
fn new_ids_are_made_from_the_date_and_title_and_are_unique() {
    let mut document = small();
    let id = document.new_event_id("2022-05-16", "Visit to Dushanbe!");
    assert_eq!(id, "2022-05-16-visit-to-dushanbe");
    Edit::add_event(event(&id, "2022-05-16", "Visit to Dushanbe!"))
        .apply(&mut document)
        .unwrap();
    let again = document.new_event_id("2022-05-16", "Visit to Dushanbe!");
    assert_eq!(again, "2022-05-16-visit-to-dushanbe-2");
}
