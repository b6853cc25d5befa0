use super::*;
use crate::dataset::embedded;
use crate::model::EdtfDate;
use crate::query::{Filter, Period};

/// What the index answers, for comparing an index updated in place with one
/// built afresh: the time order and the events of every facet and some words.
fn answers(index: &QueryIndex, dataset: &Dataset) -> Vec<Vec<u64>> {
    let mut filters = Vec::new();
    for actor in &dataset.actors {
        for include_members in [false, true] {
            filters.push(Filter {
                actors: [actor.id.to_string()].into(),
                include_members,
                ..Filter::default()
            });
        }
    }
    for topic in &dataset.topics {
        filters.push(Filter {
            topics: [topic.id.to_string()].into(),
            ..Filter::default()
        });
    }
    for kind in index.kinds_present() {
        filters.push(Filter {
            kinds: [kind.slug().to_string()].into(),
            ..Filter::default()
        });
    }
    for text in [
        "zebra",
        "dushanbe",
        "cameo 04",
        "irna",
        "tehran times",
        "visit",
    ] {
        filters.push(Filter {
            text: text.into(),
            ..Filter::default()
        });
    }
    filters.push(Filter {
        period: Period {
            from: Some("2015".into()),
            to: Some("2019".into()),
        },
        ..Filter::default()
    });
    let order = index
        .time_index()
        .in_time_order()
        .iter()
        .map(|&e| u64::from(e));
    std::iter::once(order.collect())
        .chain(filters.iter().map(|f| index.matching(f).words().to_vec()))
        .collect()
}

/// The event at `e` changed as an editor might: other actors, topics, date,
/// place, title and sources, taken from the event `other`.
fn changed(dataset: &Dataset, e: usize, other: usize, step: usize) -> Event {
    let mut event = dataset.events[e].clone();
    let from = &dataset.events[other];
    match step % 5 {
        0 => {
            event.actors = from.counterparts.clone();
            event.counterparts = from.actors.clone();
        }
        1 => event.topics = from.topics.clone(),
        2 => event.date = from.date.clone(),
        3 => {
            event.title = format!("{} zebra", event.title).into();
            event.place = Some("Zebra crossing".into());
        }
        _ => {
            event.sources = from.sources.clone();
            event.kind = from.kind.clone();
            event.cameo = from.cameo.clone();
        }
    }
    event
}

#[test]
fn an_index_updated_event_by_event_answers_as_one_built_afresh() {
    let mut dataset = embedded();
    let mut index = QueryIndex::new(&dataset);
    let n = dataset.events.len();
    for step in 0..60 {
        let (e, other) = ((step * 7) % n, (step * 13 + 5) % n);
        dataset.events[e] = changed(&dataset, e, other, step);
        index.event_changed(&dataset, e);
        if step % 10 == 9 {
            assert_eq!(
                answers(&index, &dataset),
                answers(&QueryIndex::new(&dataset), &dataset),
                "after {} changes",
                step + 1
            );
        }
    }
}

#[test]
fn an_event_added_at_the_end_is_found_as_in_an_index_built_afresh() {
    let mut dataset = embedded();
    let mut index = QueryIndex::new(&dataset);
    // A change first, so that added events meet text kept aside too.
    let first = changed(&dataset, 0, 3, 3);
    dataset.events[0] = first;
    index.event_changed(&dataset, 0);
    for (k, date) in ["2016-03", "1990", "2022-05-17"].into_iter().enumerate() {
        let mut event = changed(&dataset, k * 5, k * 5 + 1, k);
        event.id = format!("added-{k}").into();
        event.date = EdtfDate::parse(date).expect("a valid date");
        dataset.events.push(event);
        index.event_changed(&dataset, dataset.events.len() - 1);
        assert_eq!(
            answers(&index, &dataset),
            answers(&QueryIndex::new(&dataset), &dataset),
            "after adding {date}"
        );
    }
}

#[test]
fn an_edit_bringing_a_new_kind_and_actor_counts_them_beside_their_boxes() {
    let mut dataset = embedded();
    let mut index = QueryIndex::new(&dataset);
    let before = index.facet_counts(&Filter::default());
    assert_eq!(before.kind("festival"), 0);
    let mut event = dataset.events[0].clone();
    event.id = "added-festival".into();
    event.kind = crate::model::EventKind::Other("festival".into());
    event.counterparts.push("UZB");
    dataset.events.push(event);
    index.event_changed(&dataset, dataset.events.len() - 1);
    let after = index.facet_counts(&Filter::default());
    assert_eq!(after.kind("festival"), 1);
    assert_eq!(after.actor("UZB"), 1);
    // Every actor, topic and kind, by name, as a fresh index counts them.
    assert_eq!(
        after,
        QueryIndex::new(&dataset).facet_counts(&Filter::default())
    );
}
