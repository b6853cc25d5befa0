//! Actors: countries, organizations and people, with the roles people hold.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{EdtfDate, Moment, Source};

/// What kind of actor this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActorKind {
    /// A state, identified by its ISO 3166-1 alpha-3 code.
    Country,
    /// A person; their offices are [`Role`]s.
    Person,
    /// An international or national organization.
    Organization,
}

impl ActorKind {
    /// A lower-case word for display and export.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
        }
    }
}

/// A country, organization or person that takes part in events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Actor")]
pub struct Actor<D = EdtfDate> {
    /// A short stable id: the ISO alpha-3 code for a country, a name for others.
    pub id: String,
    /// The name shown to readers.
    pub name: String,
    /// Country, person or organization.
    pub kind: ActorKind,
    /// A person's offices, each with its own dates.
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role<D>>,
    /// Other names the actor is known by (searched by the text filter).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The Wikidata item id (`Q794`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// The actor's name in other languages and scripts, keyed by BCP 47
    /// language tag: `"fa"` (Persian), `"tg"` (Tajik in Cyrillic).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

impl<D> Actor<D> {
    /// The actor's name in language `tag` (`"fa"`) where it has one, else its name.
    pub fn name_in(&self, tag: Option<&str>) -> &str {
        tag.and_then(|tag| self.names.get(tag))
            .map_or(self.name.as_str(), String::as_str)
    }

    /// An actor with only an id, a name and a kind: no roles, aliases or Wikidata item.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: ActorKind) -> Actor<D> {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            roles: Vec::new(),
            aliases: Vec::new(),
            wikidata: None,
            names: BTreeMap::new(),
        }
    }
}

/// An office a person holds in a country or organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Role")]
pub struct Role<D = EdtfDate> {
    /// The office: "President", "Minister of Defence".
    pub title: String,
    /// The id of the country or organization the office belongs to.
    pub of: String,
    /// When the office began, where known.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub from: Option<D>,
    /// When the office ended; absent while it lasts or when unknown.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub to: Option<D>,
    /// Where the office and its dates are reported.
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source<D>>,
    /// A curator's note: disagreements between sources about the dates, doubts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn none<D>() -> Option<D> {
    None
}

impl Role {
    /// When the role may have been held; an undated side is taken as open.
    pub(crate) fn span(&self) -> RoleSpan {
        RoleSpan {
            from: self.from.as_ref().map_or(Moment::MIN, |d| d.earliest()),
            to: self.to.as_ref().map_or(Moment::MAX, |d| d.latest()),
        }
    }

    /// True when the role may have been held at some instant of `[start, end)`.
    /// An undated side is taken as open.
    pub fn overlaps(&self, start: Moment, end: Moment) -> bool {
        self.span().overlaps(start, end)
    }
}

/// The instants `[from, to)` at which a role may have been held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleSpan {
    /// The earliest instant the role may have begun.
    pub(crate) from: Moment,
    /// The latest instant the role may have ended.
    pub(crate) to: Moment,
}

impl RoleSpan {
    /// True when the role may have been held at some instant of `[start, end)`:
    /// the rule of which country or organization a person acted for at an event.
    pub(crate) fn overlaps(self, start: Moment, end: Moment) -> bool {
        self.from < end && start < self.to
    }
}

#[cfg(test)]
mod tests {
    use super::{Actor, ActorKind};

    #[test]
    fn a_name_in_a_language_falls_back_to_the_name() {
        let mut iran: Actor = Actor::new("IRN", "Iran", ActorKind::Country);
        iran.names.insert("tg".into(), "Эрон".into());
        assert_eq!(iran.name_in(Some("tg")), "Эрон");
        assert_eq!(iran.name_in(Some("fa")), "Iran");
        assert_eq!(iran.name_in(None), "Iran");
    }
}
