//! vis-timeline JSON: `{"items": [...], "groups": [...]}` or a bare list of
//! items; groups (nested ones too) become actors or topics, background items eras.

use std::collections::HashMap;

use serde_json::Value;

use super::dates::read_date;
use super::html::{PlainText, has_tags, to_plain};
use super::json_place::{JsonPlaces, error_place, scalar_text};
use super::names::host_of;
use super::report::ImportReport;
use super::spreadsheet::DEFAULT_KIND;
use super::{DatasetBuilder, GroupAs, ImportOptions, Problems, problems};
use crate::dataset::DatasetError;
use crate::model::{Dataset, EdtfDate, Event, EventKind, Moment, Source};

const MILLIS_PER_DAY: i64 = 86_400_000;

/// Item fields that only style the drawing, not kept.
const STYLE_FIELDS: [&str; 5] = ["className", "style", "subgroup", "editable", "selectable"];

/// Reads a vis-timeline JSON document.
pub fn import(
    name: &str,
    text: &str,
    options: &ImportOptions,
    title: &str,
    report: &mut ImportReport,
) -> Result<(Dataset, Problems), DatasetError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        problems::single(name, Some(error_place(&e)), format!("not valid JSON: {e}"))
    })?;
    let (items, groups, prefix) = match &root {
        Value::Array(items) => (items.as_slice(), &[][..], ""),
        Value::Object(object) => (
            object
                .get("items")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice),
            object
                .get("groups")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice),
            "items",
        ),
        _ => {
            return Err(problems::single(
                name,
                None,
                "a vis-timeline file is a list of items or {\"items\": [...], \"groups\": [...]}",
            ));
        }
    };
    let places = JsonPlaces::new(text);
    let mut builder = options.builder(title);
    let group_as = options.group_as.unwrap_or(GroupAs::Actor);
    let groups = group_ids(groups, group_as, &mut builder, report);
    let mut found = Problems::new();
    for (i, item) in items.iter().enumerate() {
        report.read += 1;
        let at = places.of(&format!("{prefix}[{i}]"));
        let outcome = if item.get("type").and_then(Value::as_str) == Some("background") {
            era(item, &mut builder)
        } else {
            event(item, &groups, group_as, &mut builder, report).map(|e| builder.push_event(e))
        };
        if let Err(message) = outcome {
            found.at_place(at, message);
        }
    }
    Ok((builder.finish(report), found))
}

/// Each group's id (as text) and the actor or topic id it became.
fn group_ids(
    groups: &[Value],
    group_as: GroupAs,
    builder: &mut DatasetBuilder,
    report: &mut ImportReport,
) -> HashMap<String, String> {
    let mut parents: HashMap<String, String> = HashMap::new();
    for group in groups {
        let Some(id) = scalar_text(group.get("id")) else {
            continue;
        };
        for child in group
            .get("nestedGroups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(child) = scalar_text(Some(child)) {
                parents.insert(child, id.clone());
            }
        }
    }
    let names: HashMap<String, String> = groups
        .iter()
        .filter_map(|g| {
            let id = scalar_text(g.get("id"))?;
            let name = plain(g.get("content")).text;
            Some((id.clone(), if name.is_empty() { id } else { name }))
        })
        .collect();
    let mut made = HashMap::new();
    // Parents first, so that a topic's parent exists before it.
    let mut order: Vec<&String> = names.keys().collect();
    order.sort_by_key(|id| {
        (
            depth(id, &parents),
            groups
                .iter()
                .position(|g| scalar_text(g.get("id")).as_ref() == Some(id)),
        )
    });
    for id in order {
        let name = &names[id];
        let made_id = match group_as {
            GroupAs::Actor => builder.actor(name),
            GroupAs::Topic => {
                let parent = parents.get(id).and_then(|p| made.get(p)).cloned();
                builder.topic(name, parent.as_deref())
            }
        };
        if let Some(made_id) = made_id {
            made.insert(id.clone(), made_id);
        }
    }
    if group_as == GroupAs::Actor && !made.is_empty() {
        // The groups are the rows of the file's own timeline: their order stays.
        builder.keep_actor_order();
    }
    if group_as == GroupAs::Actor && !parents.is_empty() {
        report.not_kept("the nesting of groups (each nested group is an actor of its own)");
    }
    made
}

fn depth(id: &str, parents: &HashMap<String, String>) -> usize {
    super::names::depth_in(id, |c| parents.get(c).map(String::as_str), parents.len())
}

fn plain(value: Option<&Value>) -> PlainText {
    match value.and_then(Value::as_str) {
        Some(text) if has_tags(text) => to_plain(text),
        Some(text) => PlainText {
            text: super::html::decode_entities(text.trim()),
            links: Vec::new(),
        },
        None => PlainText::default(),
    }
}

fn event(
    item: &Value,
    groups: &HashMap<String, String>,
    group_as: GroupAs,
    builder: &mut DatasetBuilder,
    report: &mut ImportReport,
) -> Result<Event, String> {
    let content = plain(item.get("content"));
    let tooltip = plain(item.get("title"));
    let title = if content.text.is_empty() {
        tooltip.text.clone()
    } else {
        content.text.clone()
    };
    let owner = match scalar_text(item.get("id")) {
        Some(id) => format!("item {id:?}"),
        None => format!("item {title:?}"),
    };
    if title.is_empty() {
        return Err(format!("{owner} has no content"));
    }
    let (date, times) = span(item).map_err(|e| format!("{owner}: {e}"))?;
    let parsed = EdtfDate::parse(&date).map_err(|e| format!("{owner}: {e}"))?;
    let id = builder
        .event_id(scalar_text(item.get("id")).as_deref(), &date, &title)
        .map_err(|e| format!("{owner}: {e}"))?;
    let mut event = Event {
        id: id.into(),
        kind: EventKind::Other(DEFAULT_KIND.into()),
        cameo: None,
        date: parsed,
        title: title.into(),
        actors: Default::default(),
        counterparts: Default::default(),
        topics: Default::default(),
        place: None,
        at: None,
        summary: if content.text.is_empty() {
            Default::default()
        } else {
            tooltip.text.clone().into()
        },
        sources: links(&content, &tooltip).into(),
        note: times.map(Into::into),
    };
    if let Some(group) = scalar_text(item.get("group")) {
        match (groups.get(&group), group_as) {
            (Some(id), GroupAs::Actor) => event.actors.push(id),
            (Some(id), GroupAs::Topic) => event.topics.push(id),
            (None, GroupAs::Actor) => event.actors.extend(builder.actor(&group)),
            (None, GroupAs::Topic) => event.topics.extend(builder.topic(&group, None)),
        }
    }
    for field in STYLE_FIELDS {
        if item.get(field).is_some() {
            report.not_kept(format!("item {field}"));
        }
    }
    if item.get("type").and_then(Value::as_str) == Some("point") {
        report.not_kept("item type point (drawn as Annals draws its kinds)");
    }
    Ok(event)
}

fn links(content: &PlainText, tooltip: &PlainText) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    for (url, text) in content.links.iter().chain(&tooltip.links) {
        if !sources.iter().any(|s| s.url.as_deref() == Some(url)) {
            sources.push(Source {
                publisher: host_of(url).unwrap_or(url).to_string().into(),
                title: Some(text.into()).filter(|t: &crate::model::Text| !t.is_empty()),
                url: Some(url.into()),
                published: None,
            });
        }
    }
    sources
}

fn era(item: &Value, builder: &mut DatasetBuilder) -> Result<(), String> {
    let name = plain(item.get("content")).text;
    let name = if name.is_empty() {
        scalar_text(item.get("id")).unwrap_or_default()
    } else {
        name
    };
    let (date, _) = span(item).map_err(|e| format!("background item {name:?}: {e}"))?;
    let date = EdtfDate::parse(&date).map_err(|e| e.to_string())?;
    builder
        .push_era(&name, date, None)
        .map_err(|e| format!("background item {name:?}: {e}"))
}

/// The EDTF date of an item's `start` and `end`, and the times of day an interval drops.
fn span(item: &Value) -> Result<(String, Option<String>), String> {
    let start = moment(item.get("start")).ok_or("it has no start")??;
    match moment(item.get("end")) {
        Some(Ok(end)) if end != start => Ok((
            super::dates::interval(&start, &end)?,
            super::dates::times_of(&start, &end),
        )),
        Some(Err(e)) => Err(e),
        _ => Ok((start, None)),
    }
}

/// A start or end: an ISO string (or another written date), or epoch milliseconds.
fn moment(value: Option<&Value>) -> Option<Result<String, String>> {
    match value? {
        Value::Number(n) => Some(
            n.as_i64()
                .map(from_millis)
                .ok_or_else(|| format!("{n} is not a whole number of milliseconds")),
        ),
        Value::String(text) if !text.trim().is_empty() => Some(match text.trim().parse::<i64>() {
            Ok(millis) if text.trim().len() > 8 => Ok(from_millis(millis)),
            _ => read_date(text, None).map_err(|e| match e {
                super::dates::DateProblem::Unreadable(why) => why,
                super::dates::DateProblem::NeedsOrder => format!(
                    "{text:?} may be day first or month first; write it as ISO 8601 (2022-05-16)"
                ),
            }),
        }),
        Value::Null => None,
        Value::String(_) => None,
        other => Some(Err(format!("{other} is not a date"))),
    }
}

/// Epoch milliseconds as EDTF: a day at midnight UTC, a date-time otherwise.
fn from_millis(millis: i64) -> String {
    let days = millis.div_euclid(MILLIS_PER_DAY);
    let rest = millis.rem_euclid(MILLIS_PER_DAY) / 1000;
    let day = Moment(days * 86_400).iso_day();
    if rest == 0 {
        day
    } else {
        format!(
            "{day}T{:02}:{:02}:{:02}Z",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_milliseconds_become_days_or_instants() {
        assert_eq!(from_millis(1_652_659_200_000), "2022-05-16");
        assert_eq!(from_millis(1_652_695_200_000), "2022-05-16T10:00:00Z");
    }
}
