//! The builder every importer fills: actors and topics from names, kinds from
//! labels or CAMEO codes, unique event ids, eras; it hands over a whole dataset.

use std::collections::{HashMap, HashSet};

use super::countries;
use super::names::{key, shorten};
use super::report::ImportReport;
use crate::model::{Actor, ActorKind, Dataset, EdtfDate, Era, Event, EventKind, Topic};
use crate::query::slug;

/// Ids made from a date and a title are cut to this many bytes.
const MAX_ID_LEN: usize = 64;

/// Words that make a name an organization's rather than a person's.
const ORGANIZATION_WORDS: [&str; 40] = [
    "organisation",
    "organization",
    "union",
    "council",
    "ministry",
    "bank",
    "committee",
    "agency",
    "forum",
    "fund",
    "party",
    "commission",
    "nations",
    "community",
    "association",
    "cooperation",
    "institute",
    "university",
    "company",
    "corporation",
    "group",
    "army",
    "forces",
    "government",
    "parliament",
    "assembly",
    "league",
    "alliance",
    "office",
    "court",
    "department",
    "secretariat",
    "programme",
    "program",
    "federation",
    "front",
    "movement",
    "embassy",
    "centre",
    "center",
];

/// Actors and topics of an existing dataset (`--actors`), found by id, name or alias.
#[derive(Debug)]
pub(crate) struct KnownActors {
    dataset: Dataset,
    actors: HashMap<String, usize>,
    topics: HashMap<String, usize>,
}

impl KnownActors {
    /// Indexes the actors and topics of `dataset` by id, name and alias.
    pub fn new(dataset: Dataset) -> KnownActors {
        let mut actors = HashMap::new();
        for (i, actor) in dataset.actors.iter().enumerate() {
            actors.entry(actor.id.clone()).or_insert(i);
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                actors.entry(key(name)).or_insert(i);
            }
        }
        let mut topics = HashMap::new();
        for (i, topic) in dataset.topics.iter().enumerate() {
            topics.entry(topic.id.clone()).or_insert(i);
            topics.entry(key(&topic.name)).or_insert(i);
        }
        KnownActors {
            dataset,
            actors,
            topics,
        }
    }

    fn actor(&self, name: &str) -> Option<&Actor> {
        let i = self
            .actors
            .get(name)
            .or_else(|| self.actors.get(&key(name)))?;
        self.dataset.actors.get(*i)
    }

    fn topic(&self, name: &str) -> Option<&Topic> {
        let i = self
            .topics
            .get(name)
            .or_else(|| self.topics.get(&key(name)))?;
        self.dataset.topics.get(*i)
    }
}

/// A dataset under construction; [`DatasetBuilder::finish`] hands it over whole.
#[derive(Debug, Default)]
pub(crate) struct DatasetBuilder {
    title: String,
    description: String,
    actors: Vec<Actor>,
    actor_keys: HashMap<String, usize>,
    topics: Vec<Topic>,
    topic_keys: HashMap<String, usize>,
    events: Vec<Event>,
    event_ids: HashSet<String>,
    eras: Vec<Era>,
    known: Option<KnownActors>,
    countries: usize,
    reused: usize,
    /// The file lists the actors in an order of its own (vis-timeline's
    /// groups), which the dataset keeps; otherwise they are put in order by name.
    actor_order_stated: bool,
}

impl DatasetBuilder {
    /// An empty dataset with this title; `known` actors and topics are reused by name.
    pub fn new(title: &str, known: Option<KnownActors>) -> DatasetBuilder {
        DatasetBuilder {
            title: title.to_string(),
            known,
            ..DatasetBuilder::default()
        }
    }

    /// Sets the title (when not empty) and the description.
    pub(crate) fn set_title(&mut self, title: &str, description: &str) {
        if !title.trim().is_empty() {
            self.title = title.trim().to_string();
        }
        self.description = description.trim().to_string();
    }

    /// The id of the actor a name stands for, creating it on first use: a known
    /// actor, a country of ISO 3166, or a person or organization slugged from the name.
    /// `None` for an empty name.
    pub(crate) fn actor(&mut self, name: &str) -> Option<String> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let Some(&i) = self
            .actor_keys
            .get(name)
            .or_else(|| self.actor_keys.get(&key(name)))
        {
            return Some(self.actors[i].id.clone());
        }
        if let Some(actor) = self.known.as_ref().and_then(|k| k.actor(name)).cloned() {
            let id = actor.id.clone();
            self.add_known_actor(actor);
            self.actor_keys.insert(key(name), self.actor_keys[&id]);
            return Some(id);
        }
        let actor = match countries::find(name) {
            Some(country) => Actor::new(country.alpha3, country.name, ActorKind::Country),
            None => {
                let id = match slug(name) {
                    id if id.is_empty() => format!("actor-{}", self.actors.len() + 1),
                    id => id,
                };
                Actor::new(id, name, person_or_organization(name))
            }
        };
        let id = actor.id.clone();
        let i = match self.actor_keys.get(&id) {
            Some(&i) => i,
            None => {
                if actor.kind == ActorKind::Country {
                    self.countries += 1;
                }
                self.push_actor(actor)
            }
        };
        self.actor_keys.insert(key(name), i);
        Some(id)
    }

    fn push_actor(&mut self, actor: Actor) -> usize {
        let i = self.actors.len();
        self.actor_keys.insert(actor.id.clone(), i);
        self.actor_keys.entry(key(&actor.name)).or_insert(i);
        for alias in &actor.aliases {
            self.actor_keys.entry(key(alias)).or_insert(i);
        }
        self.actors.push(actor);
        i
    }

    /// Adds a known actor with the organizations and countries its roles belong to.
    fn add_known_actor(&mut self, actor: Actor) {
        if self.actor_keys.contains_key(&actor.id) {
            return;
        }
        let owners: Vec<String> = actor.roles.iter().map(|r| r.of.clone()).collect();
        if actor.kind == ActorKind::Country {
            self.countries += 1;
        }
        self.reused += 1;
        self.push_actor(actor);
        for owner in owners {
            let found = self.known.as_ref().and_then(|k| k.actor(&owner)).cloned();
            if let Some(owner) = found {
                self.add_known_actor(owner);
            }
        }
    }

    /// The id of the topic a name stands for (a known one, or one slugged from
    /// the name), creating it on first use under `parent` (a topic id).
    pub(crate) fn topic(&mut self, name: &str, parent: Option<&str>) -> Option<String> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let Some(&i) = self
            .topic_keys
            .get(name)
            .or_else(|| self.topic_keys.get(&key(name)))
        {
            return Some(self.topics[i].id.clone());
        }
        if let Some(topic) = self.known.as_ref().and_then(|k| k.topic(name)).cloned() {
            let id = topic.id.clone();
            self.add_known_topic(topic);
            let i = self.topic_keys[&id];
            self.topic_keys.insert(key(name), i);
            return Some(id);
        }
        let id = match slug(name) {
            id if id.is_empty() => format!("topic-{}", self.topics.len() + 1),
            id => id,
        };
        let i = match self.topic_keys.get(&id) {
            Some(&i) => i,
            None => self.push_topic(Topic {
                id: id.clone(),
                name: name.to_string(),
                parent: parent.map(str::to_string),
            }),
        };
        self.topic_keys.insert(key(name), i);
        Some(id)
    }

    fn push_topic(&mut self, topic: Topic) -> usize {
        let i = self.topics.len();
        self.topic_keys.insert(topic.id.clone(), i);
        self.topic_keys.entry(key(&topic.name)).or_insert(i);
        self.topics.push(topic);
        i
    }

    fn add_known_topic(&mut self, topic: Topic) {
        if self.topic_keys.contains_key(&topic.id) {
            return;
        }
        let parent = topic.parent.clone();
        self.push_topic(topic);
        if let Some(parent) = parent {
            let found = self.known.as_ref().and_then(|k| k.topic(&parent)).cloned();
            if let Some(parent) = found {
                self.add_known_topic(parent);
            }
        }
    }

    /// The event id to use: `wanted` when given (an error when already used),
    /// otherwise one made from the date and the title, unique in the dataset.
    pub(crate) fn event_id(
        &mut self,
        wanted: Option<&str>,
        date: &str,
        title: &str,
    ) -> Result<String, String> {
        if let Some(wanted) = wanted.map(str::trim).filter(|w| !w.is_empty()) {
            if self.event_ids.insert(wanted.to_string()) {
                return Ok(wanted.to_string());
            }
            return Err(format!("the id {wanted:?} is used by an earlier event"));
        }
        let made = slug(&format!("{date} {title}"));
        let stem = shorten(&made, MAX_ID_LEN).to_string();
        let stem = if stem.is_empty() {
            "event".to_string()
        } else {
            stem
        };
        let mut id = stem.clone();
        let mut n = 1;
        while !self.event_ids.insert(id.clone()) {
            n += 1;
            id = format!("{stem}-{n}");
        }
        Ok(id)
    }

    /// Adds an event whose ids came from this builder.
    pub(crate) fn push_event(&mut self, event: Event) {
        self.events.push(event);
    }

    /// Adds an era; an error when an era of that name exists.
    pub(crate) fn push_era(
        &mut self,
        name: &str,
        date: EdtfDate,
        color: Option<String>,
    ) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("the era has no name".to_string());
        }
        if self.eras.iter().any(|e| e.name == name) {
            return Err(format!("an earlier era is also named {name:?}"));
        }
        self.eras.push(Era {
            name: name.to_string(),
            date,
            color,
        });
        Ok(())
    }

    /// Keeps the actors in the order they were added, which the file states.
    pub(crate) fn keep_actor_order(&mut self) {
        self.actor_order_stated = true;
    }

    /// The finished dataset, its actors by name unless the file stated their
    /// order; the counts go into `report`.
    pub(crate) fn finish(mut self, report: &mut ImportReport) -> Dataset {
        if !self.actor_order_stated {
            order_by_name(&mut self.actors);
        }
        report.events = self.events.len();
        report.actors = self.actors.len();
        report.countries = self.countries;
        report.reused = self.reused;
        report.topics = self.topics.len();
        report.eras = self.eras.len();
        Dataset {
            title: self.title,
            description: self.description,
            actors: self.actors,
            topics: self.topics,
            events: self.events,
            eras: self.eras,
            actor_lookup: Default::default(),
            topic_lookup: Default::default(),
        }
    }
}

/// Puts imported actors in the order a reader looks for them: by name,
/// ignoring case and accents (ties by id). The lanes and the filter panel list
/// actors in the dataset's order, so an imported dataset reads as Bahrain,
/// Burkina Faso, China rather than by code.
pub(crate) fn order_by_name(actors: &mut [Actor]) {
    actors.sort_by_cached_key(|actor| (crate::query::fold(&actor.name), actor.id.clone()));
}

/// An organization when the name says so (a word such as "Council", or an
/// acronym such as "SCO"), a person otherwise.
fn person_or_organization(name: &str) -> ActorKind {
    let acronym = name.len() >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    let folded = crate::query::fold(name);
    let has_word = folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| ORGANIZATION_WORDS.contains(&word));
    if acronym || has_word {
        ActorKind::Organization
    } else {
        ActorKind::Person
    }
}

/// The built-in kind a label, kebab name or CAMEO code stands for (`041` is a
/// phone call); any other text is a kind of the dataset's own.
pub(crate) fn kind(text: &str) -> EventKind {
    static NAMES: std::sync::OnceLock<Vec<(String, String, EventKind)>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        EventKind::BUILT_IN
            .into_iter()
            .map(|kind| (key(kind.label()), kind.slug(), kind))
            .collect()
    });
    let text = text.trim();
    let wanted = key(text);
    for (label, slug, kind) in names {
        if *label == wanted || slug == text || kind.cameo() == Some(text) {
            return kind.clone();
        }
    }
    let own = match text {
        "043" => return EventKind::Visit,
        "044" | "045" | "046" => return EventKind::Meeting,
        kebab
            if kebab
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && kebab.starts_with(|c: char| c.is_ascii_lowercase()) =>
        {
            let spaced = kebab.replace('-', " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        other => other.to_string(),
    };
    EventKind::Other(own.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_people_and_organizations_from_names() {
        let mut builder = DatasetBuilder::new("t", None);
        assert_eq!(
            builder.actor("Islamic Republic of Iran").as_deref(),
            Some("IRN")
        );
        assert_eq!(builder.actor("IR").as_deref(), Some("IRN"));
        assert_eq!(
            builder.actor("Mohammad Bagheri").as_deref(),
            Some("mohammad-bagheri")
        );
        assert_eq!(
            builder
                .actor("Shanghai Cooperation Organisation")
                .as_deref(),
            Some("shanghai-cooperation-organisation")
        );
        assert_eq!(builder.actor("  "), None);
        let dataset = builder.finish(&mut ImportReport::default());
        let kinds: Vec<(&str, &str, ActorKind)> = dataset
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str(), a.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("IRN", "Iran", ActorKind::Country),
                ("mohammad-bagheri", "Mohammad Bagheri", ActorKind::Person),
                (
                    "shanghai-cooperation-organisation",
                    "Shanghai Cooperation Organisation",
                    ActorKind::Organization
                ),
            ]
        );
    }

    #[test]
    fn kinds_by_label_kebab_name_or_cameo_code() {
        assert_eq!(kind("041"), EventKind::PhoneCall);
        assert_eq!(kind("Phone call"), EventKind::PhoneCall);
        assert_eq!(kind("phone-call"), EventKind::PhoneCall);
        assert_eq!(kind("treaty signing"), EventKind::TreatySigning);
        assert_eq!(
            kind("joint-declaration"),
            EventKind::Other("Joint declaration".into())
        );
        assert_eq!(
            kind("Border clash"),
            EventKind::Other("Border clash".into())
        );
    }

    #[test]
    fn made_ids_are_unique_and_given_ids_must_be() {
        let mut builder = DatasetBuilder::new("t", None);
        let first = builder.event_id(None, "2022-05-16", "Visit to Dushanbe");
        assert_eq!(first.as_deref(), Ok("2022-05-16-visit-to-dushanbe"));
        let second = builder.event_id(None, "2022-05-16", "Visit to Dushanbe");
        assert_eq!(second.as_deref(), Ok("2022-05-16-visit-to-dushanbe-2"));
        assert!(
            builder
                .event_id(Some("2022-05-16-visit-to-dushanbe"), "", "")
                .is_err()
        );
    }
}
