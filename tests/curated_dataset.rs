//! The curated Iran–Tajikistan dataset that ships inside the program.

use annals::dataset;
use annals::model::{EventKind, Moment, Precision};

#[test]
fn curated_dataset_is_valid_and_complete() {
    let dataset = dataset::embedded();
    assert_eq!(dataset.events.len(), 19);
    for id in [
        "IRN",
        "TJK",
        "SCO",
        "bagheri",
        "mirzo",
        "raisi",
        "rahmon",
        "pezeshkian",
        "zahedi",
    ] {
        assert!(dataset.actor(id).is_some(), "actor {id} is missing");
    }
    for event in &dataset.events {
        assert!(
            !event.sources.is_empty(),
            "event {} has no source",
            event.id
        );
    }
}

#[test]
fn bagheri_visit_is_on_16_may_2022() {
    let dataset = dataset::embedded();
    let visit = dataset
        .events
        .iter()
        .find(|e| e.id == "2022-05-16-bagheri-dushanbe")
        .expect("the Bagheri visit");
    assert_eq!(visit.kind, EventKind::Visit);
    assert_eq!(visit.date.text(), "2022-05-16");
    assert_eq!(visit.date.precision(), Precision::Day);
    assert_eq!(visit.date.earliest(), Moment::from_ymd(2022, 5, 16));
    assert!(visit.actors.iter().any(|a| a == "bagheri"));
    assert!(visit.counterparts.iter().any(|a| a == "mirzo"));
}

#[test]
fn the_2014_agreement_stays_at_year_precision() {
    let dataset = dataset::embedded();
    let agreement = dataset
        .events
        .iter()
        .find(|e| e.date.text() == "2014")
        .expect("the 2014 agreement");
    assert_eq!(agreement.kind, EventKind::TreatySigning);
    assert_eq!(agreement.date.precision(), Precision::Year);
}

#[test]
fn disagreements_are_marked_uncertain_and_explained() {
    let dataset = dataset::embedded();
    let call = dataset
        .events
        .iter()
        .find(|e| e.kind == EventKind::PhoneCall)
        .expect("the phone call");
    assert_eq!(call.date.text(), "2022-05-01?");
    assert!(call.date.is_uncertain());
    assert!(call.note.as_deref().unwrap_or("").contains("2 May"));
}

#[test]
fn round_trips_through_ron() {
    let dataset = dataset::embedded();
    let text = dataset::to_ron_string(&dataset);
    let again = dataset::parse_str("again.ron", &text).unwrap();
    assert_eq!(again, dataset);
}
