//! Turning a row's sides into actors: CAMEO country codes into ISO countries,
//! regions and known groups into organizations, names into organizations, each
//! resolved once and kept in a registry that becomes the dataset's actors.
//! ICEWS country names go through the import's ISO 3166 table, and other
//! names become ids as every importer slugs them.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use super::record::RawSide;
use crate::import::cameo_actors::{self, CodeKind};
use crate::model::{Actor, ActorKind};
use crate::query::slug;

/// A side of a row resolved to an actor, with what the note should say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolvedSide<'a> {
    /// The actor id, shared by every row of the actor.
    pub(crate) id: Rc<str>,
    /// What the row said beyond the actor: `SAUGOV`, `Hassan Rouhani (Executive)`.
    pub(crate) detail: Option<Cow<'a, str>>,
}

/// The actors met so far, by id, and a cache from a side's codes to its actor.
#[derive(Default)]
pub(crate) struct ActorRegistry {
    actors: BTreeMap<String, Actor>,
    cache: HashMap<String, Rc<str>>,
    /// The cache key of the side being resolved, kept to spare an allocation per row.
    key: String,
}

impl ActorRegistry {
    /// The actor of a side, created on first sight; `None` when the side is empty.
    pub(crate) fn resolve<'a>(&mut self, side: &RawSide<'a>) -> Option<ResolvedSide<'a>> {
        if side.is_empty() {
            return None;
        }
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        for field in [&side.country, &side.group, &side.country_name] {
            key.push_str(field);
            key.push('\u{1f}');
        }
        if side.country.is_empty() && side.group.is_empty() && side.country_name.is_empty() {
            key.push_str(&side.code);
            key.push('\u{1f}');
            key.push_str(&side.name);
        }
        let id = match self.cache.get(key.as_str()) {
            Some(id) => id.clone(),
            None => {
                let actor = new_actor(side);
                let id: Rc<str> = Rc::from(actor.id.as_str());
                self.actors.entry(actor.id.clone()).or_insert(actor);
                self.cache.insert(key.clone(), id.clone());
                id
            }
        };
        self.key = key;
        let name = self.actors.get(&*id).map(|a| a.name.as_str());
        Some(ResolvedSide {
            detail: detail(side, &id, name),
            id,
        })
    }

    /// The name of every actor, by id.
    pub(crate) fn names(&self) -> HashMap<String, String> {
        self.actors
            .iter()
            .map(|(id, a)| (id.clone(), a.name.clone()))
            .collect()
    }

    /// The actors that `keep` says are used, by name (ignoring case and
    /// accents), as a reader looks for them: codes mean nothing on screen.
    pub(crate) fn into_actors(self, keep: impl Fn(&str) -> bool) -> Vec<Actor> {
        let mut actors: Vec<Actor> = self.actors.into_values().filter(|a| keep(&a.id)).collect();
        crate::import::builder::order_by_name(&mut actors);
        actors
    }
}

/// What a side says beyond its actor: GDELT's full code when it carries a type
/// (`SAUGOV`), or ICEWS's named person or body when it is not the country itself.
fn detail<'a>(side: &RawSide<'a>, id: &str, actor_name: Option<&str>) -> Option<Cow<'a, str>> {
    if !side.code.is_empty() && side.code != side.country && side.code != side.group {
        return Some(side.code.clone());
    }
    let named_other = !side.name.is_empty()
        && !side.country_name.is_empty()
        && !side.name.eq_ignore_ascii_case(&side.country_name)
        && actor_name.is_none_or(|n| !n.eq_ignore_ascii_case(&side.name));
    if named_other {
        let sectors = if side.sectors.is_empty() {
            String::new()
        } else {
            format!(" ({})", side.sectors)
        };
        return Some(Cow::Owned(format!("{}{sectors} of {id}", side.name)));
    }
    None
}

fn new_actor(side: &RawSide) -> Actor {
    let coded = |code: &str| cameo_actors::lookup(code);
    if !side.country.is_empty() {
        if let Some(known) = coded(&side.country) {
            return actor(known.id, known.name, known.actor_kind());
        }
        let name = display_name(&side.name, &side.country);
        return actor(&side.country, &name, ActorKind::Country);
    }
    if !side.group.is_empty() {
        if let Some(known) = coded(&side.group).filter(|k| k.what != CodeKind::Country) {
            return actor(known.id, known.name, known.actor_kind());
        }
        let name = display_name(&side.name, &side.group);
        return actor(&id_of(&name), &name, ActorKind::Organization);
    }
    if !side.country_name.is_empty() {
        if let Some(country) = crate::import::find_country(&side.country_name) {
            return actor(country.alpha3, country.name, ActorKind::Country);
        }
        if let Some(known) = cameo_actors::by_name(&side.country_name) {
            return actor(known.id, known.name, known.actor_kind());
        }
        return actor(
            &id_of(&side.country_name),
            &side.country_name,
            ActorKind::Organization,
        );
    }
    let name = display_name(&side.name, &side.code);
    actor(&id_of(&name), &name, ActorKind::Organization)
}

/// An id slugged from a name, as every importer makes them (`unnamed` for a name
/// without letters or digits).
fn id_of(name: &str) -> String {
    let id = slug(name);
    if id.is_empty() {
        "unnamed".to_string()
    } else {
        id
    }
}

/// An actor; a country takes its name from the importer's ISO 3166 table, as
/// countries of every other format do.
fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    let name = match kind {
        ActorKind::Country => crate::import::find_country(id).map_or(name, |c| c.name),
        _ => name,
    };
    Actor::new(id, name, kind)
}

/// A name for readers: GDELT's upper-case `NEIGHBORHOOD` as `Neighborhood`, or
/// the code when there is no name.
fn display_name(name: &str, code: &str) -> String {
    if name.is_empty() {
        return code.to_string();
    }
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn gdelt(
        code: &'static str,
        name: &'static str,
        country: &'static str,
        group: &'static str,
    ) -> RawSide<'static> {
        RawSide {
            code: Cow::Borrowed(code),
            name: Cow::Borrowed(name),
            country: Cow::Borrowed(country),
            group: Cow::Borrowed(group),
            ..RawSide::default()
        }
    }

    #[test]
    fn a_typed_code_is_the_country_with_the_code_in_the_detail() {
        let mut registry = ActorRegistry::default();
        let side = registry
            .resolve(&gdelt("SAUGOV", "SAUDI ARABIA", "SAU", ""))
            .unwrap();
        assert_eq!(&*side.id, "SAU");
        assert_eq!(side.detail.as_deref(), Some("SAUGOV"));
        let romania = registry
            .resolve(&gdelt("ROM", "ROMANIA", "ROM", ""))
            .unwrap();
        assert_eq!((&*romania.id, romania.detail), ("ROU", None));
        let kinds: Vec<ActorKind> = registry
            .into_actors(|_| true)
            .iter()
            .map(|a| a.kind)
            .collect();
        assert_eq!(kinds, vec![ActorKind::Country, ActorKind::Country]);
    }

    #[test]
    fn regions_groups_and_bare_codes_become_organizations() {
        let mut registry = ActorRegistry::default();
        assert_eq!(
            registry
                .resolve(&gdelt("MEA", "MIDDLE EAST", "MEA", ""))
                .unwrap()
                .id
                .as_ref(),
            "middle-east"
        );
        assert_eq!(
            registry
                .resolve(&gdelt("NAT", "NATO", "", "NAT"))
                .unwrap()
                .id
                .as_ref(),
            "NATO"
        );
        assert_eq!(
            registry
                .resolve(&gdelt("EEC", "EUROPEAN UNION", "", "EEC"))
                .unwrap()
                .id
                .as_ref(),
            "EU"
        );
        let neighbourhood = registry
            .resolve(&gdelt("CVL", "NEIGHBORHOOD", "", ""))
            .unwrap();
        assert_eq!(
            (&*neighbourhood.id, neighbourhood.detail.as_deref()),
            ("neighborhood", Some("CVL"))
        );
        assert!(registry.resolve(&gdelt("", "", "", "")).is_none());
        let actors = registry.into_actors(|_| true);
        assert!(actors.iter().all(|a| a.kind == ActorKind::Organization));
        let names: Vec<String> = actors.into_iter().map(|a| a.name).collect();
        assert!(names.contains(&"Neighborhood".to_string()));
        assert!(names.contains(&"European Union".to_string()));
    }

    #[test]
    fn icews_countries_come_from_their_names() {
        let mut registry = ActorRegistry::default();
        let side = RawSide {
            name: Cow::Borrowed("Hassan Rouhani"),
            country_name: Cow::Borrowed("Iran"),
            sectors: Cow::Borrowed("Executive"),
            ..RawSide::default()
        };
        let resolved = registry.resolve(&side).unwrap();
        assert_eq!(&*resolved.id, "IRN");
        assert_eq!(
            resolved.detail.as_deref(),
            Some("Hassan Rouhani (Executive) of IRN")
        );
    }
}
