use super::*;
use crate::model::IdList;

/// Every event's facts by name, so that tables that interned in another order compare.
fn by_name(facts: &EventFacts) -> Vec<(String, [Vec<String>; 4], [i64; 2])> {
    let names = |list: &[u32], of: &Names| -> Vec<String> {
        list.iter().map(|&v| of.names[v as usize].clone()).collect()
    };
    (0..facts.len())
        .map(|e| {
            (
                facts.kind_values[facts.event_kind[e] as usize].slug(),
                [
                    names(facts.initiators.of(e), &facts.actors),
                    names(facts.receivers.of(e), &facts.actors),
                    names(facts.event_actors.of(e), &facts.actors),
                    names(facts.event_topics.of(e), &facts.topics),
                ],
                facts.bounds[e],
            )
        })
        .collect()
}

/// An event of `dataset` given new actors, a new topic and a kind of its own.
fn changed(dataset: &Dataset, e: usize) -> Event {
    let mut event = dataset.events[e].clone();
    let first = event.actors.first().unwrap_or_default().to_string();
    event.actors = IdList::new();
    event.actors.push("NEWLAND");
    event.actors.push(&first);
    event.counterparts = IdList::new();
    event.counterparts.push("NEWLAND");
    event.topics.push("a-new-topic");
    event.kind = EventKind::Other("parade".into());
    event.date = dataset.events[e + 1].date.clone();
    event
}

#[test]
fn an_event_replaced_gives_the_facts_of_a_full_rebuild() {
    let mut dataset = crate::dataset::embedded();
    let mut facts = EventFacts::new(&dataset);
    let event = changed(&dataset, 3);
    facts.replace(3, &event);
    dataset.events[3] = event;
    let rebuilt = EventFacts::new(&dataset);
    assert_eq!(by_name(&facts), by_name(&rebuilt));
    assert_eq!(by_name(&facts)[3].0, "parade");
}

#[test]
fn an_event_appended_or_removed_gives_the_facts_of_a_full_rebuild() {
    let mut dataset = crate::dataset::embedded();
    let mut facts = EventFacts::new(&dataset);
    let event = changed(&dataset, 0);
    facts.append(&event);
    dataset.events.push(event);
    assert_eq!(by_name(&facts), by_name(&EventFacts::new(&dataset)));
    facts.remove(1);
    dataset.events.remove(1);
    assert_eq!(by_name(&facts), by_name(&EventFacts::new(&dataset)));
    assert_eq!(facts.len(), dataset.events.len());
}

#[test]
fn a_person_acts_for_the_groups_of_the_roles_held_at_the_time() {
    let dataset = crate::dataset::embedded();
    let facts = EventFacts::new(&dataset);
    for person in dataset
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
    {
        let p = facts.actors.get(&person.id).unwrap_or(0);
        for role in &person.roles {
            let span = role.span();
            let of = facts.actors.get(&role.of);
            let during: Vec<u32> = facts.roles_held(p, span.from.0, span.from.0 + 1).collect();
            assert!(during.iter().any(|&g| Some(g) == of), "{}", person.id);
            let before: Vec<u32> = facts.roles_held(p, i64::MIN + 1, span.from.0).collect();
            let from_before = person
                .roles
                .iter()
                .any(|r| r.of == role.of && r.span().from < span.from);
            assert_eq!(
                before.iter().any(|&g| Some(g) == of),
                from_before,
                "{}",
                person.id
            );
        }
    }
}
