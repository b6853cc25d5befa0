//! CAMEO actor codes: country codes mapped to ISO 3166 alpha-3 (CAMEO's `ROM`
//! is `ROU`), regions (`AFR`, `MEA`) and known groups (`NAT`, `UNO`, `EEC`)
//! as organizations, from a table compiled into the program.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::ActorKind;

const ACTOR_CODES: &str = include_str!("../../assets/cameo/actors.tsv");

/// What a CAMEO actor code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeKind {
    /// A state.
    Country,
    /// A region of the world (`MEA`, the Middle East).
    Region,
    /// An international or non-governmental organization, a party or a movement.
    Group,
}

/// The actor a CAMEO code stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodedActor {
    /// The CAMEO code: `ROM`.
    pub(crate) code: &'static str,
    /// Country, region or group.
    pub(crate) what: CodeKind,
    /// The Annals actor id: the ISO alpha-3 code for a country (`ROU`), an id for others (`NATO`).
    pub(crate) id: &'static str,
    /// The name: "Romania".
    pub(crate) name: &'static str,
}

impl CodedActor {
    /// The kind of actor it becomes: a country, or an organization for regions and groups.
    pub(crate) fn actor_kind(&self) -> ActorKind {
        match self.what {
            CodeKind::Country => ActorKind::Country,
            CodeKind::Region | CodeKind::Group => ActorKind::Organization,
        }
    }
}

struct Table {
    by_code: HashMap<&'static str, CodedActor>,
    by_name: HashMap<String, &'static str>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for line in ACTOR_CODES.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(code), Some(what), Some(id), Some(name)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let what = match what {
                "country" => CodeKind::Country,
                "region" => CodeKind::Region,
                _ => CodeKind::Group,
            };
            by_name.entry(name.to_lowercase()).or_insert(code);
            by_code.insert(
                code,
                CodedActor {
                    code,
                    what,
                    id,
                    name,
                },
            );
        }
        Table { by_code, by_name }
    })
}

/// The actor of a CAMEO country, region or group code (`ROM`, `MEA`, `NAT`).
pub(crate) fn lookup(code: &str) -> Option<&'static CodedActor> {
    table().by_code.get(code.trim())
}

/// The actor whose table name is `name`, ignoring case ("Romania", "Middle East").
pub(crate) fn by_name(name: &str) -> Option<&'static CodedActor> {
    let t = table();
    t.by_name
        .get(&name.trim().to_lowercase())
        .and_then(|code| t.by_code.get(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_become_iso_alpha_3() {
        let romania = lookup("ROM").unwrap();
        assert_eq!((romania.id, romania.name), ("ROU", "Romania"));
        assert_eq!(romania.actor_kind(), ActorKind::Country);
        assert_eq!(lookup("TMP").unwrap().id, "TLS");
        assert_eq!(lookup("IRN").unwrap().id, "IRN");
        assert_eq!(lookup("TJK").unwrap().name, "Tajikistan");
    }

    #[test]
    fn regions_and_groups_become_organizations() {
        let middle_east = lookup("MEA").unwrap();
        assert_eq!(middle_east.what, CodeKind::Region);
        assert_eq!(middle_east.actor_kind(), ActorKind::Organization);
        assert_eq!(middle_east.id, "middle-east");
        assert_eq!(lookup("EEC").unwrap().id, "EU");
        assert_eq!(
            lookup("NAT").unwrap().name,
            "North Atlantic Treaty Organization"
        );
        assert_eq!(lookup("UNO").unwrap().what, CodeKind::Group);
        assert!(lookup("XYZ").is_none());
    }

    #[test]
    fn the_codebook_own_codes_are_the_ones_read() {
        // The codebook writes Montenegro MTN and the Isle of Man IMY, not ISO's MNE and IMN.
        assert_eq!(lookup("MTN").unwrap().id, "MNE");
        assert_eq!(lookup("IMY").unwrap().name, "Isle of Man");
        assert!(lookup("MNE").is_none());
        assert_eq!(lookup("SCE").unwrap().id, "OSCE");
        assert_eq!(lookup("IAD").unwrap().id, "IGAD");
        assert_eq!(lookup("WAS").unwrap().id, "ECOWAS");
        assert_eq!(
            lookup("ECA").unwrap().name,
            "Economic Community of Central African States"
        );
    }

    #[test]
    fn names_find_their_code() {
        assert_eq!(by_name("tajikistan").unwrap().id, "TJK");
        assert_eq!(by_name("Romania").unwrap().id, "ROU");
    }
}
