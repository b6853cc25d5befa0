//! What differs between two datasets: the events, actors, people, roles, topics
//! and eras added, removed and changed, each by its id and field by field, as
//! `annals diff` prints them and a curator reviews them.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{Actor, ActorKind, Dataset, Era, Event, Role, Topic};

/// The kinds of item a dataset holds, in the order differences are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ItemKind {
    /// The dataset's own title and description.
    Dataset,
    /// A country or organization.
    Actor,
    /// A person.
    Person,
    /// A person's role, named `person: title of actor`.
    Role,
    /// A topic.
    Topic,
    /// An era, named by its name.
    Era,
    /// An event.
    Event,
}

impl ItemKind {
    /// The kind in words: "event", "person".
    pub(crate) fn word(self) -> &'static str {
        match self {
            ItemKind::Dataset => "dataset",
            ItemKind::Actor => "actor",
            ItemKind::Person => "person",
            ItemKind::Role => "role",
            ItemKind::Topic => "topic",
            ItemKind::Era => "era",
            ItemKind::Event => "event",
        }
    }
}

/// How an item differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Change {
    /// Only in the new dataset.
    Added,
    /// Only in the old dataset.
    Removed,
    /// In both, with fields that differ.
    Changed,
}

/// One field of an item that differs, with its old and new values as JSON
/// (absent when the field is empty or unset on that side).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct FieldChange {
    /// The field's name as the file spells it.
    pub(crate) field: String,
    /// Its value in the old dataset.
    pub(crate) old: Option<serde_json::Value>,
    /// Its value in the new dataset.
    pub(crate) new: Option<serde_json::Value>,
}

/// One item added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Difference {
    /// What kind of item.
    pub(crate) item: ItemKind,
    /// Its id (a role's `person: title of actor`, an era's name).
    pub(crate) id: String,
    /// Added, removed or changed.
    pub(crate) change: Change,
    /// For a change, the fields that differ, in the order of the file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) fields: Vec<FieldChange>,
}

/// The differences from `old` to `new`: by kind of item, then removed, changed
/// and added items in the order of the file they are in.
pub(crate) fn diff(old: &Dataset, new: &Dataset) -> Vec<Difference> {
    let mut out = Vec::new();
    let head = |d: &Dataset| {
        let mut fields = serde_json::Map::new();
        fields.insert("title".into(), d.title.clone().into());
        fields.insert("description".into(), d.description.clone().into());
        fields
    };
    if let Some(change) = changed(ItemKind::Dataset, "dataset", head(old), head(new)) {
        out.push(change);
    }
    let (old_people, old_actors): (Vec<&Actor>, Vec<&Actor>) =
        old.actors.iter().partition(|a| a.kind == ActorKind::Person);
    let (new_people, new_actors): (Vec<&Actor>, Vec<&Actor>) =
        new.actors.iter().partition(|a| a.kind == ActorKind::Person);
    compare(
        &mut out,
        ItemKind::Actor,
        &old_actors,
        &new_actors,
        actor_key,
        without_roles,
    );
    compare(
        &mut out,
        ItemKind::Person,
        &old_people,
        &new_people,
        actor_key,
        without_roles,
    );
    compare(
        &mut out,
        ItemKind::Role,
        &roles(&old.actors),
        &roles(&new.actors),
        role_key,
        fields_of,
    );
    let topic_key = |t: &&Topic| t.id.clone();
    compare(
        &mut out,
        ItemKind::Topic,
        &refs(&old.topics),
        &refs(&new.topics),
        topic_key,
        fields_of,
    );
    let era_key = |e: &&Era| e.name.clone();
    compare(
        &mut out,
        ItemKind::Era,
        &refs(&old.eras),
        &refs(&new.eras),
        era_key,
        fields_of,
    );
    let event_key = |e: &&Event| e.id.to_string();
    compare(
        &mut out,
        ItemKind::Event,
        &refs(&old.events),
        &refs(&new.events),
        event_key,
        fields_of,
    );
    out
}

/// A role with the person who holds it.
#[derive(Serialize)]
struct HeldRole<'a> {
    #[serde(skip)]
    person: &'a str,
    #[serde(flatten)]
    role: &'a Role,
}

fn roles(actors: &[Actor]) -> Vec<HeldRole<'_>> {
    actors
        .iter()
        .flat_map(|a| {
            a.roles.iter().map(|role| HeldRole {
                person: &a.id,
                role,
            })
        })
        .collect()
}

fn role_key(held: &HeldRole<'_>) -> String {
    format!("{}: {} of {}", held.person, held.role.title, held.role.of)
}

fn actor_key(actor: &&Actor) -> String {
    actor.id.clone()
}

fn refs<T>(items: &[T]) -> Vec<&T> {
    items.iter().collect()
}

/// The fields of an item as the file writes them (unset and empty ones left out).
fn fields_of<T: Serialize>(item: &T) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::to_value(item) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => serde_json::Map::new(),
    }
}

/// An actor's fields but its roles, which are compared one by one.
fn without_roles(actor: &&Actor) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = fields_of(actor);
    fields.remove("roles");
    fields
}

/// Pushes the differences between `old` and `new` items of one kind, matched by
/// `key`; an item whose key repeats is matched with the same occurrence.
fn compare<T>(
    out: &mut Vec<Difference>,
    item: ItemKind,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
    fields: impl Fn(&T) -> serde_json::Map<String, serde_json::Value>,
) {
    let keyed = |items: &[T]| -> Vec<String> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        items
            .iter()
            .map(|i| {
                let k = key(i);
                let n = seen.entry(k.clone()).or_default();
                *n += 1;
                if *n == 1 { k } else { format!("{k} ({n})") }
            })
            .collect()
    };
    let (old_keys, new_keys) = (keyed(old), keyed(new));
    let new_at: HashMap<&str, usize> = new_keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let old_at: HashMap<&str, usize> = old_keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    for (i, k) in old_keys.iter().enumerate() {
        match new_at.get(k.as_str()) {
            None => out.push(whole(item, k, Change::Removed)),
            Some(&j) => out.extend(changed(item, k, fields(&old[i]), fields(&new[j]))),
        }
    }
    for k in new_keys.iter().filter(|k| !old_at.contains_key(k.as_str())) {
        out.push(whole(item, k, Change::Added));
    }
}

fn whole(item: ItemKind, id: &str, change: Change) -> Difference {
    Difference {
        item,
        id: id.to_string(),
        change,
        fields: Vec::new(),
    }
}

/// The change of an item whose fields went from `old` to `new`, if any differ.
fn changed(
    item: ItemKind,
    id: &str,
    old: serde_json::Map<String, serde_json::Value>,
    new: serde_json::Map<String, serde_json::Value>,
) -> Option<Difference> {
    let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
    names.sort_by_key(|n| (field_rank(n), n.as_str()));
    names.dedup();
    let fields: Vec<FieldChange> = names
        .into_iter()
        .filter(|n| old.get(*n) != new.get(*n))
        .map(|n| FieldChange {
            field: n.clone(),
            old: old.get(n).cloned(),
            new: new.get(n).cloned(),
        })
        .collect();
    (!fields.is_empty()).then(|| Difference {
        item,
        id: id.to_string(),
        change: Change::Changed,
        fields,
    })
}

/// Where a field stands in the file, so that changes read in its order.
fn field_rank(name: &str) -> usize {
    const ORDER: [&str; 20] = [
        "id",
        "name",
        "title",
        "kind",
        "cameo",
        "of",
        "date",
        "from",
        "to",
        "actors",
        "counterparts",
        "topics",
        "parent",
        "place",
        "at",
        "summary",
        "aliases",
        "sources",
        "note",
        "color",
    ];
    ORDER.iter().position(|o| *o == name).unwrap_or(ORDER.len())
}

/// The number of differences of each kind of item and change, for a summary.
pub(crate) fn tally(differences: &[Difference]) -> BTreeMap<(ItemKind, &'static str), usize> {
    let mut counts = BTreeMap::new();
    for d in differences {
        let change = match d.change {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
        };
        *counts.entry((d.item, change)).or_default() += 1;
    }
    counts
}

/// The differences as `annals diff` lists them: `~ event ID` (`+` added,
/// `-` removed), then each field that differs on its own indented line.
pub(crate) fn listed(differences: &[Difference]) -> Vec<String> {
    let mut lines = Vec::new();
    for d in differences {
        let mark = match d.change {
            Change::Added => '+',
            Change::Removed => '-',
            Change::Changed => '~',
        };
        lines.push(match d.item {
            ItemKind::Dataset => format!("{mark} dataset"),
            item => format!("{mark} {} {}", item.word(), d.id),
        });
        lines.extend(
            d.fields
                .iter()
                .map(|field| format!("    {}", field_line(field))),
        );
    }
    lines
}

/// `date: "2019-12-02/2019-12-03" → "2019-12-02/2019-12-05"`.
fn field_line(field: &FieldChange) -> String {
    let value = |v: &Option<serde_json::Value>| match v {
        Some(v) => v.to_string(),
        None => "(none)".to_string(),
    };
    format!(
        "{}: {} → {}",
        field.field,
        value(&field.old),
        value(&field.new)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curated() -> Dataset {
        crate::dataset::embedded()
    }

    #[test]
    fn the_same_dataset_has_no_differences() {
        let dataset = curated();
        assert!(diff(&dataset, &dataset.clone()).is_empty());
    }

    #[test]
    fn a_changed_summary_is_one_field_of_one_event() {
        let old = curated();
        let mut new = old.clone();
        new.events[3].summary = "Another summary.".into();
        let differences = diff(&old, &new);
        assert_eq!(differences.len(), 1, "{differences:?}");
        let d = &differences[0];
        assert_eq!((d.item, d.change), (ItemKind::Event, Change::Changed));
        assert_eq!(d.id, old.events[3].id.as_str());
        assert_eq!(d.fields.len(), 1);
        assert_eq!(d.fields[0].field, "summary");
        assert_eq!(d.fields[0].new, Some("Another summary.".into()));
    }

    #[test]
    fn removed_added_and_role_changes_are_listed_by_id() {
        let old = curated();
        let mut new = old.clone();
        let removed = new.events.remove(0);
        let mut added = removed.clone();
        added.id = "2099-01-01-new".into();
        new.events.push(added);
        let person = new
            .actors
            .iter_mut()
            .find(|a| a.kind == ActorKind::Person && !a.roles.is_empty())
            .expect("a person with a role");
        person.roles[0].note = Some("Bounded by a new source.".to_string());
        let differences = diff(&old, &new);
        let listed: Vec<(ItemKind, Change, &str)> = differences
            .iter()
            .map(|d| (d.item, d.change, d.id.as_str()))
            .collect();
        assert!(listed.contains(&(ItemKind::Event, Change::Removed, removed.id.as_str())));
        assert!(listed.contains(&(ItemKind::Event, Change::Added, "2099-01-01-new")));
        assert!(
            listed
                .iter()
                .any(|(item, change, id)| *item == ItemKind::Role
                    && *change == Change::Changed
                    && id.starts_with(&person_id(&new))),
            "{listed:?}"
        );
        let counts = tally(&differences);
        assert_eq!(counts[&(ItemKind::Event, "added")], 1);
        assert_eq!(counts[&(ItemKind::Event, "removed")], 1);
    }

    fn person_id(dataset: &Dataset) -> String {
        dataset
            .actors
            .iter()
            .find(|a| a.kind == ActorKind::Person && !a.roles.is_empty())
            .map(|a| a.id.clone())
            .unwrap_or_default()
    }
}
