//! The filter engine as a user meets it: facet counts, the members toggle,
//! the all-actors mode, accent-insensitive search, period overlap versus
//! strict, topic trees, and `annals list` counts.

use std::collections::BTreeSet;

use annals::dataset;
use annals::model::Dataset;
use annals::query::{self, Filter, Period, QueryIndex, fold};
use proptest::prelude::*;

/// A small dataset where people act without their country being listed.
const PEOPLE_RON: &str = r#"Dataset(
    title: "People and roles",
    actors: [
        Actor(id: "FRA", name: "France", kind: Country, aliases: ["République française"]),
        Actor(id: "CUB", name: "Cuba", kind: Country),
        Actor(id: "macron", name: "Emmanuel Macron", kind: Person, roles: [
            Role(title: "President", of: "FRA", from: "2017-05-14"),
        ]),
        Actor(id: "marti", name: "José Martí", kind: Person),
    ],
    topics: [
        Topic(id: "culture", name: "Culture"),
        Topic(id: "poetry", name: "Poetry", parent: "culture"),
    ],
    events: [
        Event(id: "before", kind: Visit, cameo: "043", date: "2016-03-01", title: "Macron in Havana as a minister",
            actors: ["macron"], counterparts: ["CUB"], place: "Havana",
            sources: [Source(publisher: "Le Monde")]),
        Event(id: "after", kind: Visit, date: "2019-03-01", title: "Macron in Havana",
            actors: ["macron"], counterparts: ["CUB"], place: "Havana",
            sources: [Source(publisher: "Le Monde")]),
        Event(id: "state", kind: Statement, date: "2020", title: "France comments",
            actors: ["FRA"], sources: [Source(publisher: "AFP")]),
        Event(id: "verses", kind: Milestone, date: "1891", title: "Versos sencillos published",
            actors: ["marti"], topics: ["poetry"], summary: "A book of poems.",
            sources: [Source(publisher: "Biblioteca Nacional")]),
    ],
)"#;

fn people() -> Dataset {
    dataset::parse_str("people.ron", PEOPLE_RON).expect("the test dataset is valid")
}

/// The ids of the events `filter` selects, in time order.
fn selected(dataset: &Dataset, filter: &Filter) -> Vec<String> {
    let index = QueryIndex::new(dataset);
    query::select(dataset, &index, filter)
        .into_iter()
        .map(|i| dataset.events[i as usize].id.to_string())
        .collect()
}

fn with_actors(ids: &[&str]) -> Filter {
    Filter {
        actors: ids.iter().map(|s| s.to_string()).collect(),
        ..Filter::default()
    }
}

fn with_text(text: &str) -> Filter {
    Filter {
        text: text.to_string(),
        ..Filter::default()
    }
}

fn with_period(from: &str, to: &str, strict: bool) -> Filter {
    Filter {
        period: Period {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
        },
        strict,
        ..Filter::default()
    }
}

#[test]
fn a_country_matches_its_people_only_while_they_hold_its_role() {
    let dataset = people();
    assert_eq!(
        selected(&dataset, &with_actors(&["FRA"])),
        ["after", "state"]
    );
    let mut no_members = with_actors(&["FRA"]);
    no_members.include_members = false;
    assert_eq!(selected(&dataset, &no_members), ["state"]);
}

#[test]
fn all_actors_mode_requires_every_selected_actor() {
    let dataset = dataset::embedded();
    let mut filter = with_actors(&["IRN", "SCO"]);
    let any = selected(&dataset, &filter);
    filter.all_actors = true;
    let all = selected(&dataset, &filter);
    assert!(all.len() < any.len());
    assert_eq!(
        all,
        [
            "2021-09-17-sco-approves-iran-accession",
            "2022-09-15-sco-memorandum-of-obligations",
            "2023-07-04-iran-joins-sco"
        ]
    );
    assert!(all.iter().all(|id| any.contains(id)));
}

#[test]
fn search_ignores_case_and_accents() {
    let dataset = dataset::embedded();
    let plain = selected(&dataset, &with_text("tehran"));
    assert!(!plain.is_empty());
    assert_eq!(selected(&dataset, &with_text("TEHRÁN")), plain);
    let people = people();
    assert_eq!(selected(&people, &with_text("jose marti")), ["verses"]);
    assert_eq!(selected(&people, &with_text("MARTÍ")), ["verses"]);
    assert_eq!(fold("José Martí"), "jose marti");
}

#[test]
fn search_covers_places_publishers_aliases_and_summaries() {
    let people = people();
    assert_eq!(selected(&people, &with_text("havana")), ["before", "after"]);
    assert_eq!(selected(&people, &with_text("afp")), ["state"]);
    assert_eq!(selected(&people, &with_text("poems")), ["verses"]);
    // "République française" is an alias only.
    assert_eq!(selected(&people, &with_text("republique")), ["state"]);
    // Every word must match somewhere, in any field.
    assert_eq!(
        selected(&people, &with_text("macron havana 2016")),
        Vec::<String>::new()
    );
    assert_eq!(selected(&people, &with_text("macron minister")), ["before"]);
}

#[test]
fn search_finds_events_by_their_cameo_code_or_their_kinds() {
    let people = people();
    // "before" carries its own code; "after" has its kind's, a visit's 042.
    assert_eq!(selected(&people, &with_text("cameo 043")), ["before"]);
    assert_eq!(selected(&people, &with_text("042")), ["after"]);
    assert_eq!(selected(&people, &with_text("010")), ["state"]);
    // A milestone has no CAMEO code.
    assert_eq!(
        selected(&people, &with_text("cameo")),
        ["before", "after", "state"]
    );
}

#[test]
fn a_period_matches_overlapping_events_or_only_those_inside_when_strict() {
    let dataset = dataset::embedded();
    let year_2014 = "2014-security-law-enforcement-agreement";
    // A year-only event may have happened in the second half of the year.
    assert!(
        selected(&dataset, &with_period("2014-07", "2014-12", false))
            .contains(&year_2014.to_string())
    );
    assert!(selected(&dataset, &with_period("2014-07", "2014-12", true)).is_empty());
    assert_eq!(
        selected(&dataset, &with_period("2014", "2014", true)),
        [year_2014]
    );
    // An interval that crosses the end of the period.
    let tehran = "2022-05-29-rahmon-tehran".to_string();
    assert!(selected(&dataset, &with_period("2022-05-20", "2022-05-29", false)).contains(&tehran));
    assert!(!selected(&dataset, &with_period("2022-05-20", "2022-05-29", true)).contains(&tehran));
}

#[test]
fn a_parent_topic_includes_its_children() {
    let dataset = dataset::embedded();
    let filter = |topic: &str| Filter {
        topics: BTreeSet::from([topic.to_string()]),
        ..Filter::default()
    };
    let security = selected(&dataset, &filter("security"));
    for child in [
        "terrorism",
        "law-enforcement",
        "narcotics",
        "border-security",
    ] {
        for id in selected(&dataset, &filter(child)) {
            assert!(
                security.contains(&id),
                "{id} of {child} is not under security"
            );
        }
    }
    assert!(security.contains(&"2014-security-law-enforcement-agreement".to_string()));
    assert_eq!(selected(&people(), &filter("culture")), ["verses"]);
}

#[test]
fn facet_counts_are_what_ticking_the_value_would_select() {
    let dataset = dataset::embedded();
    let index = QueryIndex::new(&dataset);
    let base = Filter {
        topics: BTreeSet::from(["terrorism".to_string()]),
        kinds: BTreeSet::from(["treaty-signing".to_string(), "visit".to_string()]),
        ..Filter::default()
    };
    let counts = index.facet_counts(&base);
    assert_eq!(counts.matched, query::select(&dataset, &index, &base).len());
    assert_eq!(counts.total, dataset.events.len());
    for actor in &dataset.actors {
        let mut ticked = base.clone();
        ticked.actors = BTreeSet::from([actor.id.clone()]);
        let n = query::select(&dataset, &index, &ticked).len() as u32;
        assert_eq!(counts.actor(&actor.id), n, "actor {}", actor.id);
    }
    let without_topics = Filter {
        topics: BTreeSet::new(),
        ..base.clone()
    };
    for topic in &dataset.topics {
        let mut ticked = without_topics.clone();
        ticked.topics = BTreeSet::from([topic.id.clone()]);
        let n = query::select(&dataset, &index, &ticked).len() as u32;
        assert_eq!(counts.topic(&topic.id), n, "topic {}", topic.id);
    }
    let without_kinds = Filter {
        kinds: BTreeSet::new(),
        ..base.clone()
    };
    for (kind, count) in counts.legend() {
        let mut ticked = without_kinds.clone();
        ticked.kinds = BTreeSet::from([kind.slug()]);
        assert_eq!(
            *count,
            query::select(&dataset, &index, &ticked).len() as u32
        );
    }
    // With nothing selected, the counts are the plain totals.
    let all = index.facet_counts(&Filter::default());
    assert_eq!(all.kind("visit"), 8);
    assert_eq!(all.kind("treaty-signing"), 5);
    assert_eq!(all.kind("diplomatic-protest"), 6);
    assert_eq!(all.matched, dataset.events.len());
}

#[test]
fn the_members_toggle_changes_the_counts() {
    let dataset = people();
    let index = QueryIndex::new(&dataset);
    let mut filter = Filter::default();
    assert_eq!(index.facet_counts(&filter).actor("FRA"), 2);
    filter.include_members = false;
    assert_eq!(index.facet_counts(&filter).actor("FRA"), 1);
}

#[test]
fn the_matcher_tells_the_canvas_which_events_match_the_text() {
    let dataset = people();
    let index = QueryIndex::new(&dataset);
    let mut filter = with_text("havana");
    filter.actors.insert("FRA".into());
    let matcher = index.matcher(&filter);
    let position = |id: &str| dataset.events.iter().position(|e| e.id == id).unwrap() as u32;
    assert!(matcher.matches_text(position("before")));
    assert!(!matcher.matches(position("before")));
    assert!(matcher.matches(position("after")));
    assert!(!matcher.matches_text(position("state")));
}

fn annals(args: &[&str]) -> (Option<i32>, String, String) {
    let out = crate::support::annals(args);
    (
        out.status.code(),
        crate::support::text(&out.stdout),
        crate::support::text(&out.stderr),
    )
}

#[test]
fn list_counts_the_curated_events() {
    for (args, expected) in [
        (&["--kind", "visit"][..], "8\n"),
        (&["--kind", "treaty-signing"][..], "5\n"),
        (&["--kind", "diplomatic-protest"][..], "6\n"),
        (&["--from", "2022", "--to", "2022"][..], "6\n"),
        (&["--from", "2015", "--to", "2020"][..], "17\n"),
        (&[][..], "40\n"),
    ] {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        all.push("--count");
        let (code, stdout, stderr) = annals(&all);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(stdout, expected, "{args:?}");
    }
}

#[test]
fn list_prints_json_and_csv() {
    let (code, stdout, _) = annals(&["list", "--kind", "visit", "--format", "json"]);
    assert_eq!(code, Some(0));
    let events: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let events = events.as_array().expect("an array");
    assert_eq!(events.len(), 8);
    assert_eq!(
        events[0]["id"],
        "2015-12-27-kabiri-islamic-unity-conference"
    );
    assert_eq!(events[0]["kind"], "visit");
    let (code, stdout, _) = annals(&["list", "--kind", "visit", "--format", "csv"]);
    assert_eq!(code, Some(0));
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "id");
    assert_eq!(reader.records().count(), 8);
}

#[test]
fn list_names_an_unknown_id_or_kind_and_suggests_one() {
    for (args, named, suggestion) in [
        (&["--kind", "vist"][..], "\"vist\"", "\"visit\""),
        (&["--actor", "TJKK"][..], "\"TJKK\"", "\"TJK\""),
        (
            &["--topic", "terorism"][..],
            "\"terorism\"",
            "\"terrorism\"",
        ),
    ] {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = annals(&all);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(stdout.is_empty());
        assert!(
            stderr.contains(named) && stderr.contains(suggestion),
            "{stderr}"
        );
    }
}

/// The facets a random filter may set, on the curated dataset.
pub(crate) fn arbitrary_filter() -> impl Strategy<Value = Filter> {
    let dataset = dataset::embedded();
    let actors: Vec<String> = dataset.actors.iter().map(|a| a.id.clone()).collect();
    let topics: Vec<String> = dataset.topics.iter().map(|t| t.id.clone()).collect();
    let kinds = vec![
        "visit",
        "phone-call",
        "treaty-signing",
        "meeting",
        "membership",
    ];
    let texts = vec![
        "",
        "dushanbe",
        "raisi",
        "irna",
        "sco",
        "agreement",
        "TEHRÁN",
        "raisi dushanbe",
        "iran press",
        "republic",
    ];
    let places = vec![
        "Dushanbe",
        "Tehran, Iran",
        "SHANGHAI, China",
        "Samarkand, Iran",
    ];
    let years = vec![
        None,
        Some("1991"),
        Some("2014"),
        Some("2022-05"),
        Some("2023"),
    ];
    (
        proptest::sample::subsequence(actors, 0..3),
        any::<bool>(),
        any::<bool>(),
        proptest::sample::subsequence(topics, 0..3),
        proptest::sample::subsequence(kinds, 0..3),
        proptest::sample::subsequence(places, 0..2),
        proptest::sample::select(texts),
        proptest::sample::select(years.clone()),
        proptest::sample::select(years),
        any::<bool>(),
    )
        .prop_map(
            |(actors, all_actors, members, topics, kinds, places, text, from, to, strict)| Filter {
                actors: actors.into_iter().collect(),
                all_actors,
                include_members: members,
                topics: topics.into_iter().collect(),
                kinds: kinds.into_iter().map(str::to_string).collect(),
                places: places.into_iter().map(str::to_string).collect(),
                text: text.to_string(),
                period: Period {
                    from: from.map(str::to_string),
                    to: to.map(str::to_string),
                },
                strict,
                fade_unmatched: false,
            },
        )
}

/// The filter with one facet switched off.
fn without_facet(filter: &Filter, facet: usize) -> Filter {
    let mut wider = filter.clone();
    match facet {
        0 => wider.actors.clear(),
        1 => wider.topics.clear(),
        2 => wider.kinds.clear(),
        3 => wider.text.clear(),
        _ => wider.period = Period::default(),
    }
    wider
}

proptest! {
    #[test]
    fn facet_counts_do_not_depend_on_the_filters_counted_before(
        filters in proptest::collection::vec(arbitrary_filter(), 1..6)
    ) {
        let dataset = dataset::embedded();
        let shared = QueryIndex::new(&dataset);
        for filter in &filters {
            let fresh = QueryIndex::new(&dataset);
            prop_assert_eq!(shared.facet_counts(filter), fresh.facet_counts(filter));
        }
    }

    #[test]
    fn one_evaluation_gives_the_selected_events_and_the_facet_counts(filter in arbitrary_filter()) {
        let dataset = dataset::embedded();
        let index = QueryIndex::new(&dataset);
        let evaluation = index.evaluate(&filter);
        let listed = query::select(&dataset, &index, &filter);
        prop_assert_eq!(evaluation.matched.iter().collect::<BTreeSet<_>>(), listed.iter().copied().collect::<BTreeSet<_>>());
        prop_assert_eq!(evaluation.counts.matched, listed.len());
        prop_assert_eq!(evaluation.counts, QueryIndex::new(&dataset).facet_counts(&filter));
    }

    #[test]
    fn adding_a_filter_never_adds_events(filter in arbitrary_filter(), facet in 0usize..5) {
        let dataset = dataset::embedded();
        let narrow = selected(&dataset, &filter);
        let wide = selected(&dataset, &without_facet(&filter, facet));
        for id in &narrow {
            prop_assert!(wide.contains(id), "{} matches {:?} but not with facet {} removed", id, filter, facet);
        }
        let mut cleared = filter.clone();
        cleared.clear();
        prop_assert_eq!(selected(&dataset, &cleared).len(), dataset.events.len());
    }
}

/// The filter semantics written out plainly, one event at a time, to check
/// the indexed engine against.
fn reference_selection(dataset: &Dataset, filter: &Filter) -> Vec<String> {
    let (start, end) = filter.period.span();
    let words: Vec<String> = fold(&filter.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let under = |topic: &str, selected: &str| {
        let mut current = Some(topic.to_string());
        while let Some(t) = current {
            if t == selected {
                return true;
            }
            current = dataset.topic(&t).and_then(|t| t.parent.clone());
        }
        false
    };
    let involves = |event: &annals::model::Event, actor: &str| {
        event.participants().any(|p| {
            p == actor
                || (filter.include_members
                    && dataset.actor(p).is_some_and(|person| {
                        person.roles.iter().any(|r| {
                            r.of == actor && r.overlaps(event.date.earliest(), event.date.latest())
                        })
                    }))
        })
    };
    let index = annals::index::TimeIndex::new(dataset);
    index
        .in_time_order()
        .iter()
        .map(|&i| &dataset.events[i as usize])
        .filter(|event| {
            let (e, l) = (event.date.earliest(), event.date.latest());
            let period = if filter.strict {
                start <= e && l <= end
            } else {
                e < end && start < l
            };
            let kind = filter.kinds.is_empty() || filter.kinds.contains(&event.kind.slug());
            let topic = filter.topics.is_empty()
                || event
                    .topics
                    .iter()
                    .any(|t| filter.topics.iter().any(|s| under(t, s)));
            let actor = filter.actors.is_empty()
                || if filter.all_actors {
                    filter.actors.iter().all(|a| involves(event, a))
                } else {
                    filter.actors.iter().any(|a| involves(event, a))
                };
            let mut fields = vec![fold(&event.title), fold(&event.summary)];
            fields.extend(event.place.as_deref().map(fold));
            fields.extend(event.note.as_deref().map(fold));
            fields.extend(event.sources.iter().map(|s| fold(&s.publisher)));
            fields.extend(event.cameo_code().map(|code| format!("cameo {code}")));
            for p in event.participants() {
                if let Some(actor) = dataset.actor(p) {
                    fields.push(fold(&actor.name));
                    fields.extend(actor.aliases.iter().map(|a| fold(a)));
                }
            }
            let text = words
                .iter()
                .all(|w| fields.iter().any(|f| f.contains(w.as_str())));
            let written = event
                .place
                .as_deref()
                .map(|p| fold(p.trim()))
                .unwrap_or_default();
            let first = written
                .split(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let place = filter.places.is_empty()
                || filter
                    .places
                    .iter()
                    .any(|p| fold(p.trim()) == written || fold(p.trim()) == first);
            period && kind && topic && actor && text && place
        })
        .map(|event| event.id.to_string())
        .collect()
}

proptest! {
    #[test]
    fn the_index_agrees_with_the_plain_semantics(filters in proptest::collection::vec(arbitrary_filter(), 1..6)) {
        // One index for the whole sequence, so that the remembered text
        // search is exercised too.
        let dataset = dataset::embedded();
        let index = QueryIndex::new(&dataset);
        for filter in &filters {
            let indexed: Vec<String> = query::select(&dataset, &index, filter)
                .into_iter()
                .map(|i| dataset.events[i as usize].id.to_string())
                .collect();
            prop_assert_eq!(indexed, reference_selection(&dataset, filter), "{:?}", filter);
        }
    }

    #[test]
    fn typing_on_finds_what_a_fresh_search_finds(text in "[a-z ]{0,3}(dushanbe|tehran|raisi|sco)[a-z ]{0,3}") {
        let dataset = dataset::embedded();
        let typed = QueryIndex::new(&dataset);
        let mut prefix = String::new();
        for c in text.chars() {
            prefix.push(c);
            let _ = typed.text_matches(&prefix);
        }
        let fresh = QueryIndex::new(&dataset);
        prop_assert_eq!(typed.text_matches(&text), fresh.text_matches(&text));
    }
}
