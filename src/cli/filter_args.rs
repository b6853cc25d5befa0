//! The filter options shared by `annals list` and `annals export`.

use clap::Args;

use crate::dataset::closest;
use crate::model::{Dataset, EventKind};
use crate::query::{Filter, Period};

/// Which events to take: the same choices as the viewer's panels.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct FilterArgs {
    /// An actor id (repeatable): events where it takes part on either side.
    #[arg(long = "actor", value_name = "ID")]
    pub(crate) actors: Vec<String>,
    /// Require every --actor instead of any of them.
    #[arg(long)]
    pub(crate) all_actors: bool,
    /// A country or organization matches only its own events, not those of its people.
    #[arg(long)]
    pub(crate) no_members: bool,
    /// A topic id (repeatable); a topic includes the topics below it.
    #[arg(long = "topic", value_name = "ID")]
    pub(crate) topics: Vec<String>,
    /// An event kind (repeatable): visit, phone-call, treaty-signing, meeting, ...
    #[arg(long = "kind", value_name = "KIND")]
    pub(crate) kinds: Vec<String>,
    /// The start of the period (EDTF): events that may lie after it.
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,
    /// The end of the period (EDTF): `--from 2014 --to 2014` is the whole year.
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,
    /// Only events that lie wholly inside the period.
    #[arg(long)]
    pub(crate) strict: bool,
    /// A place (repeatable), as written in the events (`Dushanbe, Tajikistan`)
    /// or its first part (`Dushanbe`), in any case and accents.
    #[arg(long = "place", value_name = "PLACE")]
    pub(crate) places: Vec<String>,
    /// Text to find in titles, summaries, places, notes, actor names and sources.
    #[arg(long, value_name = "TEXT")]
    pub(crate) search: Option<String>,
}

impl FilterArgs {
    /// The filter these options describe, checked against `dataset`: an
    /// unknown id or kind, or a bad date, is an error that names it.
    pub(crate) fn to_filter(&self, dataset: &Dataset) -> Result<Filter, String> {
        for id in &self.actors {
            if dataset.actor(id).is_none() {
                return Err(unknown(
                    "actor",
                    id,
                    dataset.actors.iter().map(|a| a.id.as_str()),
                ));
            }
        }
        for id in &self.topics {
            if dataset.topic(id).is_none() {
                return Err(unknown(
                    "topic",
                    id,
                    dataset.topics.iter().map(|t| t.id.as_str()),
                ));
            }
        }
        let known_kinds = known_kinds(dataset);
        for kind in &self.kinds {
            if !known_kinds.contains(kind) {
                return Err(unknown(
                    "kind",
                    kind,
                    known_kinds.iter().map(String::as_str),
                ));
            }
        }
        let period = Period {
            from: self.from.clone(),
            to: self.to.clone(),
        };
        period.check()?;
        Ok(Filter {
            actors: self.actors.iter().cloned().collect(),
            all_actors: self.all_actors,
            include_members: !self.no_members,
            topics: self.topics.iter().cloned().collect(),
            kinds: self.kinds.iter().cloned().collect(),
            places: self.places.iter().cloned().collect(),
            text: self.search.clone().unwrap_or_default(),
            period,
            strict: self.strict,
            ..Filter::default()
        })
    }
}

/// The kind slugs a dataset may be filtered by: the built-in ones and its own.
fn known_kinds(dataset: &Dataset) -> Vec<String> {
    let mut kinds: Vec<String> = EventKind::BUILT_IN.iter().map(EventKind::slug).collect();
    for event in &dataset.events {
        let slug = event.kind.slug();
        if !kinds.contains(&slug) {
            kinds.push(slug);
        }
    }
    kinds
}

fn unknown<'a>(what: &str, name: &str, known: impl Iterator<Item = &'a str> + Clone) -> String {
    let hint = match closest(name, known.clone()) {
        Some(best) => format!("; did you mean {best:?}?"),
        None => format!("; known: {}", known.collect::<Vec<_>>().join(", ")),
    };
    format!("unknown {what} {name:?}{hint}")
}
