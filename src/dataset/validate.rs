//! Checks a parsed dataset for what the RON grammar cannot see: duplicate ids,
//! dangling references, topic cycles, impossible dates, empty titles, eras
//! with the same name or a colour that is not `#rrggbb`, names in other
//! scripts under a key that is not a BCP 47 language tag.
//!
//! Every problem is collected with the path of the offending item, so that a
//! curator sees them all at once, each at its line.

use std::collections::{HashMap, HashSet};

use crate::model::{Actor, Coordinates, Dataset, EdtfDate, Era, Event, Role, Source};

/// A problem found after parsing, at a path such as `events[3].date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where in the document: `events[3].actors[1]`.
    pub path: String,
    /// What is wrong, naming the item's id where there is one.
    pub message: String,
}

/// Turns a dataset whose dates are text into a checked [`Dataset`], or
/// returns every problem found.
pub(crate) fn validate(mut raw: Dataset<String>) -> Result<Dataset, Vec<Finding>> {
    let raw_events = std::mem::take(&mut raw.events);
    let mut findings = Vec::new();
    let known = check_head(&raw, &mut findings);
    let events = raw_events
        .into_iter()
        .enumerate()
        .map(|(i, e)| check_event(e, i, &known, &mut findings))
        .collect();
    drop(known);
    finish(raw, events, findings)
}

/// The ids that events may refer to.
pub(crate) struct Known<'a> {
    actors: HashSet<&'a str>,
    topics: HashSet<&'a str>,
}

/// Checks everything but the events: the title, actors, roles and the topic
/// tree; returns the ids that events may refer to.
pub(crate) fn check_head<'a>(raw: &'a Dataset<String>, findings: &mut Vec<Finding>) -> Known<'a> {
    let mut report = |path: String, message: String| findings.push(Finding { path, message });

    let actor_ids = unique_ids(
        raw.actors.iter().map(|a| a.id.as_str()),
        "actors",
        "actor",
        &mut report,
    );
    let topic_ids = unique_ids(
        raw.topics.iter().map(|t| t.id.as_str()),
        "topics",
        "topic",
        &mut report,
    );
    if raw.title.trim().is_empty() {
        report("title".into(), "the dataset's title is empty".into());
    }

    let kinds: HashMap<&str, crate::model::ActorKind> =
        raw.actors.iter().map(|a| (a.id.as_str(), a.kind)).collect();
    for (i, actor) in raw.actors.iter().enumerate() {
        if actor.name.trim().is_empty() {
            report(
                format!("actors[{i}].name"),
                format!("actor {:?} has an empty name", actor.id),
            );
        }
        check_names(actor, &format!("actors[{i}].names"), &mut report);
        for (r, role) in actor.roles.iter().enumerate() {
            let path = format!("actors[{i}].roles[{r}]");
            match kinds.get(role.of.as_str()) {
                None => report(
                    format!("{path}.of"),
                    format!(
                        "role {:?} of actor {:?} belongs to unknown actor {:?}{}",
                        role.title,
                        actor.id,
                        role.of,
                        suggestion(&role.of, &actor_ids)
                    ),
                ),
                Some(crate::model::ActorKind::Person) => report(
                    format!("{path}.of"),
                    format!(
                        "role {:?} of actor {:?} belongs to {:?}, a person; a role belongs to a country or organization",
                        role.title, actor.id, role.of
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    let topic_parents: HashMap<&str, &str> = raw
        .topics
        .iter()
        .filter_map(|t| Some((t.id.as_str(), t.parent.as_deref()?)))
        .collect();
    for (i, topic) in raw.topics.iter().enumerate() {
        if let Some(parent) = &topic.parent {
            if !topic_ids.contains(parent.as_str()) {
                report(
                    format!("topics[{i}].parent"),
                    format!(
                        "topic {:?} has unknown parent {:?}{}",
                        topic.id,
                        parent,
                        suggestion(parent, &topic_ids)
                    ),
                );
            } else if in_cycle(&topic.id, &topic_parents) {
                report(
                    format!("topics[{i}].parent"),
                    format!(
                        "topic {:?} is its own ancestor: the topic tree has a cycle",
                        topic.id
                    ),
                );
            }
        }
    }
    Known {
        actors: actor_ids,
        topics: topic_ids,
    }
}

/// Checks the event at position `i` against the known ids and parses its
/// dates; problems go to `findings`.
pub(crate) fn check_event(
    event: Event<String>,
    i: usize,
    known: &Known,
    findings: &mut Vec<Finding>,
) -> Event {
    let mut report = |path: String, message: String| findings.push(Finding { path, message });
    let path = format!("events[{i}]");
    if event.title.trim().is_empty() {
        report(
            format!("{path}.title"),
            format!("event {:?} has an empty title", event.id),
        );
    }
    for (field, ids) in [
        ("actors", &event.actors),
        ("counterparts", &event.counterparts),
    ] {
        for (k, id) in ids.iter().enumerate() {
            if !known.actors.contains(id) {
                report(
                    format!("{path}.{field}[{k}]"),
                    format!(
                        "event {:?} names unknown actor {:?}{}",
                        event.id,
                        id,
                        suggestion(id, &known.actors)
                    ),
                );
            }
        }
    }
    if let Some(code) = &event.cameo
        && !crate::model::is_cameo_code(code)
    {
        report(
            format!("{path}.cameo"),
            format!(
                "event {:?} has CAMEO code {code:?}; a CAMEO code is 2 to 4 digits, such as \"042\" or \"0311\"",
                event.id
            ),
        );
    }
    for (k, id) in event.topics.iter().enumerate() {
        if !known.topics.contains(id) {
            report(
                format!("{path}.topics[{k}]"),
                format!(
                    "event {:?} names unknown topic {:?}{}",
                    event.id,
                    id,
                    suggestion(id, &known.topics)
                ),
            );
        }
    }
    convert_event(event, i, &mut report)
}

/// Completes the check once every event has been through [`check_event`]:
/// event ids must be unique and actor roles' dates valid. `head` is the
/// dataset whose events were taken out and checked.
pub(crate) fn finish(
    head: Dataset<String>,
    events: Vec<Event>,
    mut findings: Vec<Finding>,
) -> Result<Dataset, Vec<Finding>> {
    let mut report = |path: String, message: String| findings.push(Finding { path, message });
    unique_event_ids(&events, &mut report);
    let actors = head
        .actors
        .into_iter()
        .enumerate()
        .map(|(i, a)| convert_actor(a, i, &mut report))
        .collect();
    let eras = convert_eras(head.eras, &mut report);
    if !findings.is_empty() {
        return Err(findings);
    }
    Ok(Dataset {
        title: head.title,
        description: head.description,
        actors,
        topics: head.topics,
        events,
        eras,
        actor_lookup: Default::default(),
        topic_lookup: Default::default(),
    })
}

/// Reports the names in other scripts whose key is not a BCP 47 language tag,
/// that are empty, or whose tag repeats another but for letter case.
fn check_names(actor: &Actor<String>, path: &str, report: &mut impl FnMut(String, String)) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (tag, name) in &actor.names {
        if !crate::model::is_language_tag(tag) {
            report(
                path.to_string(),
                format!(
                    "actor {:?} has a name under {tag:?}, which is not a BCP 47 language tag (such as \"fa\" or \"tg-Cyrl\")",
                    actor.id
                ),
            );
        }
        if name.trim().is_empty() {
            report(
                path.to_string(),
                format!("actor {:?} has an empty name under {tag:?}", actor.id),
            );
        }
        if let Some(first) = seen.insert(tag.to_ascii_lowercase(), tag) {
            report(
                path.to_string(),
                format!(
                    "actor {:?} has two names under the same language tag, {first:?} and {tag:?} (tags ignore case)",
                    actor.id
                ),
            );
        }
    }
}

/// Reports every id that is empty or repeated; returns the set of ids.
fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    section: &str,
    noun: &str,
    report: &mut impl FnMut(String, String),
) -> HashSet<&'a str> {
    let mut seen = HashMap::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            report(
                format!("{section}[{i}].id"),
                format!("{noun} has an empty id"),
            );
        } else if let Some(first) = seen.insert(id, i) {
            seen.insert(id, first);
            report(
                format!("{section}[{i}].id"),
                format!("duplicate {noun} id {id:?} (first used by {section}[{first}])"),
            );
        }
    }
    seen.into_keys().collect()
}

/// Reports every event id that is empty or repeated. Sorting the ids on all
/// cores is faster than hashing them one by one when there are millions.
fn unique_event_ids(events: &[Event], report: &mut impl FnMut(String, String)) {
    use rayon::prelude::*;
    let mut ids: Vec<(&str, usize)> = events
        .par_iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    ids.par_sort_unstable();
    let mut run_start = 0;
    for k in 0..ids.len() {
        let (id, i) = ids[k];
        if id.trim().is_empty() {
            report(format!("events[{i}].id"), "event has an empty id".into());
            continue;
        }
        if k > 0 && ids[k - 1].0 == id {
            let first = ids[run_start].1;
            report(
                format!("events[{i}].id"),
                format!("duplicate event id {id:?} (first used by events[{first}])"),
            );
        } else {
            run_start = k;
        }
    }
}

fn in_cycle(start: &str, parents: &HashMap<&str, &str>) -> bool {
    let mut current = start;
    for _ in 0..=parents.len() {
        match parents.get(current) {
            Some(&parent) if parent == start => return true,
            Some(&parent) => current = parent,
            None => return false,
        }
    }
    false
}

/// ", did you mean \"X\"?" for the closest known id, when one is close.
pub(crate) fn suggestion(unknown: &str, known: &HashSet<&str>) -> String {
    closest(unknown, known.iter().copied())
        .map(|best| format!(" (did you mean {best:?}?)"))
        .unwrap_or_default()
}

/// The known name closest to `unknown` by edit distance, when it is close enough to be a typo.
pub(crate) fn closest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let unknown_lower = unknown.to_lowercase();
    known
        .map(|k| (edit_distance(&unknown_lower, &k.to_lowercase()), k))
        .filter(|(d, k)| *d <= (k.chars().count().max(unknown.chars().count()) / 3).max(1))
        .filter(|(d, _)| *d > 0 || !unknown.is_empty())
        .min()
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and transpositions of neighbours (`titel` is one edit from `title`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn parse_date(
    text: String,
    path: String,
    owner: &str,
    report: &mut impl FnMut(String, String),
) -> Option<EdtfDate> {
    match EdtfDate::parse(&text) {
        Ok(date) => Some(date),
        Err(error) => {
            report(path, format!("{owner}: {error}"));
            None
        }
    }
}

fn placeholder() -> EdtfDate {
    EdtfDate::parse("0000").unwrap_or_else(|_| unreachable!("year 0000 is valid EDTF"))
}

fn convert_actor(actor: Actor<String>, i: usize, report: &mut impl FnMut(String, String)) -> Actor {
    let owner = format!("actor {:?}", actor.id);
    let roles = actor
        .roles
        .into_iter()
        .enumerate()
        .map(|(r, role)| {
            let path = format!("actors[{i}].roles[{r}]");
            let from = role
                .from
                .and_then(|d| parse_date(d, format!("{path}.from"), &owner, report));
            let to = role
                .to
                .and_then(|d| parse_date(d, format!("{path}.to"), &owner, report));
            if let (Some(from), Some(to)) = (&from, &to)
                && to.latest() <= from.earliest()
            {
                report(
                    format!("{path}.to"),
                    format!(
                        "{owner}: role {:?} ends ({}) before it starts ({})",
                        role.title, to, from
                    ),
                );
            }
            let sources = convert_sources(role.sources, &format!("{path}.sources"), &owner, report);
            Role {
                title: role.title,
                of: role.of,
                from,
                to,
                sources,
                note: role.note,
            }
        })
        .collect();
    Actor {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        roles,
        aliases: actor.aliases,
        wikidata: actor.wikidata,
        names: actor.names,
    }
}

fn convert_event(event: Event<String>, i: usize, report: &mut impl FnMut(String, String)) -> Event {
    let owner = format!("event {:?}", event.id);
    let date = parse_date(event.date, format!("events[{i}].date"), &owner, report)
        .unwrap_or_else(placeholder);
    let sources = convert_sources(
        event.sources,
        &format!("events[{i}].sources"),
        &owner,
        report,
    );
    if let Some(problem) = event.at.and_then(Coordinates::problem) {
        report(format!("events[{i}].at"), format!("{owner}: {problem}"));
    }
    Event {
        id: event.id,
        kind: event.kind,
        cameo: event.cameo,
        date,
        title: event.title,
        actors: event.actors,
        counterparts: event.counterparts,
        topics: event.topics,
        place: event.place,
        at: event.at,
        summary: event.summary,
        sources,
        note: event.note,
    }
}

/// Parses the publication dates of `sources`, found at `path` (`events[3].sources`).
fn convert_sources<Sources: FromIterator<Source>>(
    sources: impl IntoIterator<Item = Source<String>>,
    path: &str,
    owner: &str,
    report: &mut impl FnMut(String, String),
) -> Sources {
    sources
        .into_iter()
        .enumerate()
        .map(|(s, source)| Source {
            publisher: source.publisher,
            title: source.title,
            url: source.url,
            published: source
                .published
                .and_then(|d| parse_date(d, format!("{path}[{s}].published"), owner, report)),
        })
        .collect()
}

/// Parses the eras' dates and reports empty or repeated names and bad colours.
fn convert_eras(eras: Vec<Era<String>>, report: &mut impl FnMut(String, String)) -> Vec<Era> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut converted = Vec::with_capacity(eras.len());
    for (i, era) in eras.into_iter().enumerate() {
        let path = format!("eras[{i}]");
        let owner = format!("era {:?}", era.name);
        if era.name.trim().is_empty() {
            report(format!("{path}.name"), "an era has an empty name".into());
        } else if let Some(first) = seen.get(&era.name) {
            report(
                format!("{path}.name"),
                format!(
                    "duplicate era name {:?} (first used by eras[{first}])",
                    era.name
                ),
            );
        } else {
            seen.insert(era.name.clone(), i);
        }
        if let Some(color) = &era.color
            && !crate::model::era::is_hex_color(color)
        {
            report(
                format!("{path}.color"),
                format!("{owner}: colour {color:?} is not #rrggbb (such as \"#c8c8ff\")"),
            );
        }
        let date = parse_date(era.date, format!("{path}.date"), &owner, report);
        converted.push(Era {
            name: era.name,
            date: date.unwrap_or_else(placeholder),
            color: era.color,
        });
    }
    converted
}
