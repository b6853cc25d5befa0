//! The countries of ISO 3166-1 and the former countries of ISO 3166-3,
//! embedded in the program: codes, short names and other names.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::key;

/// The table: alpha-3, alpha-2, short name, other names joined by `|`.
const TABLE: &str = include_str!("../../assets/iso3166.tsv");

/// A country of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Country {
    /// The ISO 3166-1 alpha-3 code, the actor's id: `IRN`.
    pub(crate) alpha3: &'static str,
    /// The short name, the actor's name: `Iran`.
    pub(crate) name: &'static str,
}

struct Countries {
    by_code: HashMap<&'static str, Country>,
    by_name: HashMap<String, Country>,
}

fn countries() -> &'static Countries {
    static TABLE_INDEX: OnceLock<Countries> = OnceLock::new();
    TABLE_INDEX.get_or_init(|| {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(alpha3), Some(alpha2), Some(name)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let country = Country { alpha3, name };
            by_code.entry(alpha3).or_insert(country);
            if !alpha2.is_empty() {
                by_code.entry(alpha2).or_insert(country);
            }
            let others = fields.next().unwrap_or("").split('|');
            for other in std::iter::once(name).chain(others) {
                if !other.is_empty() {
                    by_name.entry(key(other)).or_insert(country);
                }
            }
        }
        Countries { by_code, by_name }
    })
}

/// The country a name or code stands for: `Iran`, `IR`, `IRN` and
/// `Islamic Republic of Iran` are all Iran. Codes count only in capitals.
pub(crate) fn find(text: &str) -> Option<Country> {
    let text = text.trim();
    let table = countries();
    let is_code = matches!(text.len(), 2 | 3) && text.chars().all(|c| c.is_ascii_uppercase());
    if is_code && let Some(country) = table.by_code.get(text) {
        return Some(*country);
    }
    table.by_name.get(&key(text)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_official_names_find_the_country() {
        for text in ["Iran", "IR", "IRN", "Islamic Republic of Iran", "iran"] {
            assert_eq!(
                find(text).map(|c| (c.alpha3, c.name)),
                Some(("IRN", "Iran")),
                "{text}"
            );
        }
        assert_eq!(find("Côte d'Ivoire").map(|c| c.alpha3), Some("CIV"));
        assert_eq!(find("Russian Federation").map(|c| c.name), Some("Russia"));
    }

    #[test]
    fn former_countries_are_known() {
        assert_eq!(find("SUN").map(|c| c.name), Some("Soviet Union"));
        assert_eq!(find("USSR").map(|c| c.alpha3), Some("SUN"));
        assert_eq!(find("YUG").map(|c| c.name), Some("Yugoslavia"));
        assert_eq!(find("Czechoslovakia").map(|c| c.alpha3), Some("CSK"));
        assert_eq!(
            find("German Democratic Republic").map(|c| c.alpha3),
            Some("DDR")
        );
    }

    #[test]
    fn other_names_are_not_countries() {
        assert_eq!(find("Mohammad Bagheri"), None);
        assert_eq!(find("ir"), None);
    }
}
