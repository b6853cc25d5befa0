//! The curated Iran–Tajikistan dataset that ships inside the program: a
//! chronology a journalist can cite, with a source for every event and role.

use annals::dataset;
use annals::model::{Dataset, Event, EventKind, Moment, Precision, Source};

fn event<'a>(dataset: &'a Dataset, id: &str) -> &'a Event {
    dataset
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// True when `source` could have been published on or after the first day of `event`.
fn reaches(source: &Source, event: &Event) -> bool {
    source
        .published
        .as_ref()
        .is_none_or(|published| published.latest() > event.date.earliest())
}

/// Every source published before the event it reports whose publisher the
/// event's note does not name: the note is where a curator says why an earlier
/// source (an announcement, a programme) still attests the event.
fn sources_out_of_reach(dataset: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    for event in &dataset.events {
        let note = event.note.as_deref().unwrap_or_default();
        for source in &event.sources {
            if !reaches(source, event) && !note.contains(source.publisher.as_str()) {
                problems.push(format!(
                    "{}: {} was published before the event and the note does not say why",
                    event.id, source.publisher
                ));
            }
        }
    }
    problems
}

fn has_url(source: &Source) -> bool {
    source
        .url
        .as_deref()
        .is_some_and(|url| url.starts_with("https://") || url.starts_with("http://"))
}

#[test]
fn curated_dataset_is_valid_and_complete() {
    let dataset = dataset::embedded();
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
        "rouhani",
        "khamenei",
        "kabiri",
    ] {
        assert!(dataset.actor(id).is_some(), "actor {id} is missing");
    }
}

#[test]
fn every_event_has_a_source_with_a_url() {
    let dataset = dataset::embedded();
    for event in &dataset.events {
        assert!(
            event.sources.iter().any(has_url),
            "event {} has no source with a URL",
            event.id
        );
    }
}

#[test]
fn every_role_has_a_source_with_a_url() {
    let dataset = dataset::embedded();
    let roles: Vec<_> = dataset
        .actors
        .iter()
        .flat_map(|a| a.roles.iter().map(move |r| (a, r)))
        .collect();
    assert!(roles.len() >= 10);
    for (actor, role) in roles {
        assert!(
            role.sources.iter().any(has_url),
            "role {:?} of {} has no source with a URL",
            role.title,
            actor.id
        );
    }
}

#[test]
fn no_source_predates_its_event_unless_the_note_says_why() {
    let dataset = dataset::embedded();
    // Every event has a dated source, so that its date can be checked against one.
    for event in &dataset.events {
        assert!(
            event.sources.iter().any(|s| s.published.is_some()),
            "{} has no source with a date of publication",
            event.id
        );
    }
    assert_eq!(sources_out_of_reach(&dataset), Vec::<String>::new());
}

#[test]
fn a_source_before_its_event_needs_a_note_naming_it() {
    let text = |note: &str| {
        format!(
            r#"Dataset(title: "t", actors: [Actor(id: "IRN", name: "Iran", kind: Country)], events: [
                Event(id: "visit", kind: Visit, date: "2019-06-14", title: "A visit", actors: ["IRN"],
                    sources: [
                        Source(publisher: "Mehr", url: "https://example.org/before", published: "2019-06-07"),
                        Source(publisher: "ISNA", url: "https://example.org/after", published: "2019-06-14"),
                    ]{note}),
            ])"#
        )
    };
    let silent = dataset::parse_str("silent.ron", &text("")).unwrap();
    assert_eq!(
        sources_out_of_reach(&silent),
        ["visit: Mehr was published before the event and the note does not say why"]
    );
    let explained = dataset::parse_str(
        "explained.ron",
        &text(r#", note: "Mehr announced the visit a week ahead.""#),
    )
    .unwrap();
    assert!(sources_out_of_reach(&explained).is_empty());
}

#[test]
fn the_cooling_of_2015_to_2020_is_sourced_day_by_day() {
    let dataset = dataset::embedded();
    let cooling: Vec<&Event> = dataset
        .events
        .iter()
        .filter(|e| {
            e.date.earliest() >= Moment::from_ymd(2015, 1, 1)
                && e.date.latest() <= Moment::from_ymd(2021, 1, 1)
        })
        .collect();
    assert!(cooling.len() >= 4, "{} events in 2015–2020", cooling.len());
    let summons = event(&dataset, "2015-12-29-tajikistan-summons-iranian-ambassador");
    assert_eq!(summons.kind, EventKind::DiplomaticProtest);
    assert_eq!(summons.date.text(), "2015-12-29");
    assert_eq!(summons.cameo_code(), Some("111"));
    let conference = event(&dataset, "2015-12-27-kabiri-islamic-unity-conference");
    assert_eq!(conference.date.text(), "2015-12-27/2015-12-29");
    let khamenei = event(&dataset, "2015-12-29-khamenei-receives-kabiri");
    assert!(khamenei.date.is_uncertain());
    assert!(
        khamenei
            .note
            .as_deref()
            .unwrap_or("")
            .contains("31 December")
    );
    let accusation = event(&dataset, "2018-05-12-rahmon-accuses-iran");
    assert_eq!(accusation.cameo_code(), Some("112"));
    let protest = event(&dataset, "2018-05-21-protest-at-iranian-embassy");
    assert_eq!(protest.date.text(), "2018-05-21");
    assert!(protest.participants().any(|a| a == "IRN"));
}

#[test]
fn raisis_second_visit_is_sourced_on_its_day() {
    let dataset = dataset::embedded();
    let visit = event(&dataset, "2023-11-08-raisi-dushanbe");
    let day = Moment::from_ymd(2023, 11, 8);
    assert!(
        visit
            .sources
            .iter()
            .any(|s| s.publisher.starts_with("Trend")
                && s.published.as_ref().map(|p| p.earliest()) == Some(day)),
        "no Trend report of 8 November 2023"
    );
    let look_back = visit
        .sources
        .iter()
        .find(|s| s.url.as_deref() == Some("https://www.tehrantimes.com/news/508290"))
        .expect("the Tehran Times look-back");
    assert_eq!(
        look_back.published.as_ref().map(|p| p.text()),
        Some("2025-01-04")
    );
    let note = visit.note.as_deref().unwrap_or("");
    assert!(note.contains("18") && note.contains("19"), "{note}");
}

#[test]
fn mirzos_start_as_defence_minister_is_explained() {
    let dataset = dataset::embedded();
    let mirzo = dataset.actor("mirzo").expect("Mirzo");
    let minister = &mirzo.roles[0];
    assert_eq!(
        minister.from.as_ref().map(|d| d.text()),
        Some("2013-11-20?")
    );
    assert_eq!(minister.to.as_ref().map(|d| d.text()), Some("2025-01-23"));
    let note = minister.note.as_deref().unwrap_or("");
    assert!(
        note.contains("RFE/RL") && note.contains("AzerNews"),
        "{note}"
    );
    assert!(note.contains("3 October 2013"), "{note}");
}

#[test]
fn events_carry_their_own_cameo_code_where_the_kind_differs() {
    let dataset = dataset::embedded();
    let extradition = event(&dataset, "2010-01-04-extradition-agreement");
    assert_eq!(extradition.kind.cameo(), Some("057"));
    assert_eq!(extradition.cameo_code(), Some("063"));
    let drones = event(&dataset, "2022-05-17-ababil-2-drone-factory");
    assert_eq!(drones.cameo_code(), Some("062"));
    let visit = event(&dataset, "2022-05-16-bagheri-dushanbe");
    assert_eq!(visit.cameo, None);
    assert_eq!(visit.cameo_code(), Some("042"));
}

#[test]
fn bagheri_visit_is_on_16_may_2022() {
    let dataset = dataset::embedded();
    let visit = event(&dataset, "2022-05-16-bagheri-dushanbe");
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
    let call = event(&dataset, "2022-05-01-raisi-rahmon-phone-call");
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
