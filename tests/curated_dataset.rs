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
    assert_eq!(summons.cameo_code(), Some("114"));
    let conference = event(&dataset, "2015-12-27-kabiri-islamic-unity-conference");
    assert_eq!(conference.date.text(), "2015-12-27/2015-12-29");
    let khamenei = event(&dataset, "2015-12-29-khamenei-receives-kabiri");
    assert!(khamenei.date.is_uncertain());
    let note = khamenei.note.as_deref().unwrap_or("");
    // The 31 December of the Jamestown citation is the date of its source, and
    // the reaction the Conway Bulletin quotes was to the invitation.
    assert!(
        note.contains("Catotoday.org item of 31 December 2015"),
        "{note}"
    );
    assert!(note.contains("invitation, not the meeting"), "{note}");
    assert!(
        khamenei
            .summary
            .starts_with("After Tajikistan has protested")
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

#[test]
fn the_thaw_of_2019_to_2021_is_in_the_chronology() {
    let dataset = dataset::embedded();
    let thaw = [
        (
            "2019-06-01-muhriddin-received-by-rouhani",
            "2019-06-01?",
            EventKind::Visit,
            "042",
        ),
        (
            "2019-06-15-rouhani-meets-rahmon-cica",
            "2019-06-15",
            EventKind::Meeting,
            "040",
        ),
        (
            "2021-03-29-zarif-received-by-rahmon",
            "2021-03-29",
            EventKind::Meeting,
            "040",
        ),
        (
            "2021-04-08-mirzo-tehran-joint-defence-committee",
            "2021-04-08",
            EventKind::Meeting,
            "062",
        ),
        (
            "2021-06-07-joint-commission-dushanbe",
            "2021-06-07",
            EventKind::Meeting,
            "061",
        ),
    ];
    for (id, date, kind, cameo) in thaw {
        let e = event(&dataset, id);
        assert_eq!(e.date.text(), date, "{id}");
        assert_eq!(e.kind, kind, "{id}");
        assert_eq!(e.cameo_code(), Some(cameo), "{id}");
        assert!(e.participants().any(|a| a == "IRN"), "{id}");
        assert!(e.participants().any(|a| a == "TJK"), "{id}");
    }
    let defence = event(&dataset, "2021-04-08-mirzo-tehran-joint-defence-committee");
    assert_eq!(defence.actors, ["mirzo", "TJK"]);
    assert_eq!(defence.counterparts, ["bagheri", "IRN"]);
    let presidents = event(&dataset, "2019-06-15-rouhani-meets-rahmon-cica");
    assert!(presidents.participants().any(|a| a == "rouhani"));
    assert!(presidents.participants().any(|a| a == "rahmon"));
    // Asia-Plus dates the foreign minister's meeting a day later than the reports of the day.
    let muhriddin = event(&dataset, "2019-06-01-muhriddin-received-by-rouhani");
    assert!(muhriddin.date.is_uncertain());
    assert!(muhriddin.note.as_deref().unwrap_or("").contains("2 June"));
}

#[test]
fn the_documentary_of_2017_and_irans_rebuttal_are_separate_events() {
    let dataset = dataset::embedded();
    let film = event(&dataset, "2017-08-08-tajik-tv-documentary-accuses-iran");
    assert_eq!(film.date.text(), "2017-08-08?");
    assert_eq!(film.cameo_code(), Some("112"));
    assert!(film.summary.contains("45-minute"));
    let note = film.note.as_deref().unwrap_or("");
    assert!(
        note.contains("Wednesday") && note.contains("9 August"),
        "{note}"
    );
    let rebuttal = event(&dataset, "2017-08-09-iranian-embassy-rejects-documentary");
    assert_eq!(rebuttal.kind, EventKind::Statement);
    assert_eq!(rebuttal.date.text(), "2017-08-09");
    assert_eq!(rebuttal.actors, ["IRN"]);
}

#[test]
fn the_2020_summons_names_zohidi_and_the_series() {
    let dataset = dataset::embedded();
    let summons = event(&dataset, "2020-09-25-iran-summons-tajik-ambassador");
    assert_eq!(summons.counterparts, ["zahedi", "TJK"]);
    assert_eq!(summons.cameo_code(), Some("114"));
    assert_eq!(summons.kind.cameo(), Some("111"));
    let note = summons.note.as_deref().unwrap_or("");
    assert!(note.contains("television series"), "{note}");
    assert!(note.contains("August 2017"), "{note}");
    assert!(
        !note.contains("Negaam describes the 45-minute film"),
        "{note}"
    );
    let earlier = event(&dataset, "2018-08-01-iran-summons-tajik-ambassador");
    assert_eq!(earlier.cameo_code(), Some("114"));
}

#[test]
fn the_13th_joint_commission_cites_the_reports_of_the_day() {
    let dataset = dataset::embedded();
    let commission = event(&dataset, "2019-12-02-joint-commission-tehran");
    assert_eq!(commission.date.text(), "2019-12-02/2019-12-03?");
    assert!(commission.date.is_uncertain());
    for publisher in ["Mehr News Agency", "IRNA"] {
        assert!(
            commission.sources.iter().any(|s| s.publisher == publisher
                && s.published.as_ref().map(|p| p.text()) == Some("2019-12-02")),
            "no {publisher} report of 2 December 2019"
        );
    }
    let note = commission.note.as_deref().unwrap_or("");
    assert!(
        note.contains("2–3 December") && note.contains("2–5 December"),
        "{note}"
    );
}

#[test]
fn sources_that_disagree_on_document_counts_are_noted() {
    let dataset = dataset::embedded();
    let tehran = event(&dataset, "2022-05-29-rahmon-tehran");
    let note = tehran.note.as_deref().unwrap_or("");
    assert!(note.contains("17") && note.contains("16"), "{note}");
    let dushanbe = event(&dataset, "2025-01-15-pezeshkian-dushanbe");
    let note = dushanbe.note.as_deref().unwrap_or("");
    assert!(
        note.contains("23") && note.contains("22 memoranda and the joint statement"),
        "{note}"
    );
}

#[test]
fn no_source_points_at_a_page_that_could_not_be_found() {
    let dataset = dataset::embedded();
    let gone = [
        "tasnimnews.com/en/news/2021/03/30/2476431",
        "kayhan.ir/en/news/102698",
        "ajax.googleapis.com",
    ];
    let urls = dataset
        .events
        .iter()
        .flat_map(|e| e.sources.iter())
        .chain(
            dataset
                .actors
                .iter()
                .flat_map(|a| a.roles.iter().flat_map(|r| r.sources.iter())),
        )
        .filter_map(|s| s.url.as_deref());
    for url in urls {
        assert!(!gone.iter().any(|g| url.contains(g)), "{url}");
    }
}

#[test]
fn roles_reach_2026_and_explain_their_bounds() {
    let dataset = dataset::embedded();
    let role = |id: &str, index: usize| dataset.actor(id).expect(id).roles[index].clone();
    let leader = role("khamenei", 0);
    assert_eq!(leader.to.as_ref().map(|d| d.text()), Some("2026-02-28"));
    assert!(leader.sources.iter().any(|s| {
        s.published
            .as_ref()
            .is_some_and(|p| p.earliest() >= Moment::from_ymd(2026, 2, 28))
    }));
    let chairman = role("rahmon", 0);
    assert_eq!(
        chairman.from.as_ref().map(|d| d.text()),
        Some("1992-11-20?")
    );
    assert!(
        chairman
            .note
            .as_deref()
            .unwrap_or("")
            .contains("19 November 1992")
    );
    let president = role("raisi", 0);
    assert!(
        president
            .sources
            .iter()
            .any(|s| s.published.as_ref().map(|p| p.text()) == Some("2024-05-20"))
    );
    let ambassador = role("zahedi", 0);
    assert!(ambassador.from.is_none() && ambassador.to.is_none());
    let note = ambassador.note.as_deref().unwrap_or("");
    assert!(
        note.contains("between August 2018 and August 2019"),
        "{note}"
    );
    assert!(note.contains("September 2024"), "{note}");
    assert!(dataset.description.contains("February 2026"));
}

#[test]
fn people_and_countries_have_their_names_in_persian_and_tajik() {
    let dataset = dataset::embedded();
    let name = |id: &str, tag: &str| {
        let actor = dataset.actor(id).expect(id);
        actor.names.get(tag).cloned()
    };
    assert_eq!(name("IRN", "fa").as_deref(), Some("ایران"));
    assert_eq!(name("IRN", "tg").as_deref(), Some("Эрон"));
    assert_eq!(name("TJK", "fa").as_deref(), Some("تاجیکستان"));
    assert_eq!(name("TJK", "tg").as_deref(), Some("Тоҷикистон"));
    assert_eq!(name("rahmon", "tg").as_deref(), Some("Эмомалӣ Раҳмон"));
    assert_eq!(name("rahmon", "fa").as_deref(), Some("امامعلی رحمان"));
    assert_eq!(name("zahedi", "tg").as_deref(), Some("Низомиддин Зоҳидӣ"));
    assert_eq!(name("raisi", "fa").as_deref(), Some("ابراهیم رئیسی"));
    // Every person who held an Iranian office has a Persian name.
    for actor in &dataset.actors {
        if actor.roles.iter().any(|r| r.of == "IRN") {
            assert!(
                actor.names.contains_key("fa"),
                "{} has no Persian name",
                actor.id
            );
        }
    }
}

#[test]
fn a_dataset_without_names_is_written_without_the_field() {
    let text = r#"Dataset(title: "t", actors: [Actor(id: "IRN", name: "Iran", kind: Country)], events: [
        Event(id: "e", kind: Visit, date: "2019-06-14", title: "A visit", actors: ["IRN"]),
    ])"#;
    let plain = dataset::parse_str("plain.ron", text).unwrap();
    assert!(plain.actors[0].names.is_empty());
    assert!(!dataset::to_ron_string(&plain).contains("names"));
    let named = dataset::parse_str(
        "named.ron",
        &text.replace(
            "kind: Country)",
            r#"kind: Country, names: {"fa": "ایران"})"#,
        ),
    )
    .unwrap();
    let written = dataset::to_ron_string(&named);
    assert!(written.contains("names"), "{written}");
    assert_eq!(dataset::parse_str("again.ron", &written).unwrap(), named);
}

#[test]
fn the_grand_muftis_sermon_and_khameneis_meetings_are_sourced() {
    let dataset = dataset::embedded();
    let sermon = event(&dataset, "2016-01-08-grand-mufti-condemns-iran");
    assert_eq!(sermon.date.text(), "2016-01-08");
    assert_eq!(sermon.actors, ["ulamo"]);
    assert_eq!(sermon.cameo_code(), Some("112"));
    let kabiri = event(&dataset, "2015-12-29-khamenei-receives-kabiri");
    assert!(
        kabiri
            .sources
            .iter()
            .any(|s| s.publisher.starts_with("Ozodagon"))
    );
    assert!(
        kabiri
            .note
            .as_deref()
            .unwrap_or("")
            .contains("(29 December)")
    );
    let rahmon = event(&dataset, "2024-07-30-khamenei-receives-rahmon");
    assert_eq!(rahmon.actors, ["khamenei", "IRN"]);
    assert_eq!(rahmon.counterparts, ["rahmon", "TJK"]);
    let leader = dataset.actor("kabiri").expect("Kabiri");
    assert_eq!(
        leader.names.get("tg").map(String::as_str),
        Some("Муҳиддин Кабирӣ")
    );
}
