//! The embedded gazetteer: GeoNames' cities of 15,000 people or more, with
//! their other names, read once on first use.

use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;

use crate::import::find_country;
use crate::model::Coordinates;
use crate::query::fold;

/// The places, most populous first (see `tools/geodata.py`).
const PLACES: &[u8] = include_bytes!("../../assets/geo/places.tsv.gz");

/// A populated place of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Its name in GeoNames: `Khujand`.
    pub name: &'static str,
    /// Its country's ISO alpha-3 code: `TJK`.
    pub country: &'static str,
    /// Where it is.
    pub at: Coordinates,
    /// How many people live there.
    pub population: u32,
    /// True for the country's capital.
    pub capital: bool,
}

/// What a place's name was found to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A place of the gazetteer, by its index.
    Place(u32),
    /// A country named alone (`Tajikistan`): the map puts it at its capital.
    Country(&'static str),
    /// Places of that name in several countries, none settled: their countries.
    Ambiguous(Vec<&'static str>),
    /// No place of that name, or none in the country it names.
    Unknown,
}

/// What a written place may stand for, before the event's actors are asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Candidates {
    /// A country named alone.
    Country(&'static str),
    /// The places of that name (in the country named after it, if any), most
    /// populous first; none when nothing matched.
    Places(Vec<u32>),
}

/// The places and an index of every name and other name, by folded key.
pub struct Gazetteer {
    places: Vec<Place>,
    /// (hash of a name's key, place) sorted, several per place.
    by_key: Vec<(u64, u32)>,
    /// Each place's other names, joined by `|`.
    others: Vec<&'static str>,
}

/// The gazetteer, unpacked on first use (a tenth of a second).
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut text = String::new();
        GzDecoder::new(PLACES)
            .read_to_string(&mut text)
            .unwrap_or_else(|e| unreachable!("the embedded gazetteer unpacks: {e}"));
        Gazetteer::parse(Box::leak(text.into_boxed_str()))
    })
}

/// A name as it is matched: folded, letters and digits only, so that
/// "Nur-Sultan", "nur sultan" and "Nür-Sultan" meet.
fn key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0x5eed).build_hasher();
    hasher.write(key.as_bytes());
    hasher.finish()
}

impl Gazetteer {
    /// Reads the table; a line that is not whole is skipped.
    fn parse(text: &'static str) -> Gazetteer {
        let mut places = Vec::new();
        let mut others = Vec::new();
        let mut by_key = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [name, country, lat, lon, population, capital, other] = fields[..] else {
                continue;
            };
            let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) else {
                continue;
            };
            let index = places.len() as u32;
            places.push(Place {
                name,
                country,
                at: Coordinates(lat, lon),
                population: population.parse().unwrap_or(0),
                capital: capital == "C",
            });
            others.push(other);
            let mut keys: Vec<u64> = std::iter::once(name)
                .chain(other.split('|'))
                .map(key)
                .filter(|k| !k.is_empty())
                .map(|k| hash(&k))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            by_key.extend(keys.into_iter().map(|k| (k, index)));
        }
        by_key.sort_unstable();
        Gazetteer {
            places,
            by_key,
            others,
        }
    }

    /// Every place, most populous first.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place at `index`.
    pub fn place(&self, index: u32) -> &Place {
        &self.places[index as usize]
    }

    /// The index of a country's capital, by the country's alpha-3 code.
    pub fn capital(&self, country: &str) -> Option<u32> {
        self.places
            .iter()
            .position(|p| p.capital && p.country == country)
            .map(|i| i as u32)
    }

    /// Every place whose name or other name is `name`, most populous first.
    pub fn named(&self, name: &str) -> Vec<u32> {
        let wanted = key(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let h = hash(&wanted);
        let start = self.by_key.partition_point(|&(k, _)| k < h);
        let mut found: Vec<u32> = self.by_key[start..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .map(|&(_, i)| i)
            .filter(|&i| self.is_named(i, &wanted))
            .collect();
        found.sort_unstable();
        found
    }

    /// True when place `index` has a name whose key is `wanted` (hashes may meet).
    fn is_named(&self, index: u32, wanted: &str) -> bool {
        let place = &self.places[index as usize];
        std::iter::once(place.name)
            .chain(self.others[index as usize].split('|'))
            .any(|n| key(n) == wanted)
    }

    /// Finds a place written as in a chronology: `Dushanbe`, `Dushanbe, Tajikistan`,
    /// `Khujand, Sughd, Tajikistan` or a country alone. A country named after a
    /// comma keeps only its places; otherwise `hints`, the countries of the
    /// event's actors, settle a name found in several countries. A name still
    /// found in several countries is not guessed, unless one place is ten
    /// times as populous as any other (Paris in France, not in Texas).
    pub fn find(&self, text: &str, hints: &[&str]) -> Found {
        self.settle(&self.candidates(text), hints)
    }

    /// What `text` may stand for before the event's actors are asked: the
    /// slow half of [`Gazetteer::find`], the same for every event that writes it.
    pub fn candidates(&self, text: &str) -> Candidates {
        let mut parts = text.split(',').map(str::trim).filter(|p| !p.is_empty());
        let Some(first) = parts.next() else {
            return Candidates::Places(Vec::new());
        };
        let named_country = parts.rev().find_map(find_country).map(|c| c.alpha3);
        if let Some(country) = find_country(first) {
            return match named_country {
                Some(other) if other != country.alpha3 => Candidates::Places(Vec::new()),
                _ => Candidates::Country(country.alpha3),
            };
        }
        let mut places = self.named(first);
        if let Some(country) = named_country {
            places.retain(|&i| self.place(i).country == country);
            places.truncate(1);
        }
        Candidates::Places(places)
    }

    /// What `candidates` stand for, given the countries of the event's actors.
    pub fn settle(&self, candidates: &Candidates, hints: &[&str]) -> Found {
        let places = match candidates {
            Candidates::Country(country) => return Found::Country(country),
            Candidates::Places(places) => places,
        };
        let hinted: Vec<u32> = places
            .iter()
            .copied()
            .filter(|&i| hints.contains(&self.place(i).country))
            .collect();
        self.settled(if hinted.is_empty() { places } else { &hinted })
    }

    /// The one place `pool` (most populous first) stands for, if there is one.
    fn settled(&self, pool: &[u32]) -> Found {
        let Some(&first) = pool.first() else {
            return Found::Unknown;
        };
        let top = self.place(first);
        let rival = pool
            .iter()
            .map(|&i| self.place(i))
            .find(|p| p.country != top.country);
        match rival {
            None => Found::Place(first),
            Some(rival) if top.population >= rival.population.saturating_mul(10) => {
                Found::Place(first)
            }
            Some(_) => {
                let mut countries: Vec<&'static str> =
                    pool.iter().map(|&i| self.place(i).country).collect();
                countries.sort_unstable();
                countries.dedup();
                Found::Ambiguous(countries)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, hints: &[&str]) -> Option<(&'static str, &'static str)> {
        match gazetteer().find(text, hints) {
            Found::Place(i) => Some((gazetteer().place(i).name, gazetteer().place(i).country)),
            _ => None,
        }
    }

    #[test]
    fn names_and_their_other_names_match() {
        assert_eq!(found("Astana", &[]), Some(("Astana", "KAZ")));
        assert_eq!(found("Nur-Sultan", &[]), Some(("Astana", "KAZ")));
        assert_eq!(found("Leninabad", &[]), Some(("Khujand", "TJK")));
        assert_eq!(found("khujand", &[]), Some(("Khujand", "TJK")));
        assert_eq!(
            found("Dushanbe, Tajikistan", &[]),
            Some(("Dushanbe", "TJK"))
        );
        assert_eq!(found("Stalinabad", &[]), Some(("Dushanbe", "TJK")));
        assert_eq!(found("دوشنبه", &[]), Some(("Dushanbe", "TJK")));
        assert_eq!(found("Téhéran", &[]), Some(("Tehran", "IRN")));
    }

    #[test]
    fn a_name_in_two_countries_is_settled_by_the_actors_or_left_alone() {
        assert_eq!(found("Tripoli", &["LBN", "IRN"]), Some(("Tripoli", "LBN")));
        assert_eq!(found("Tripoli", &["LBY"]), Some(("Tripoli", "LBY")));
        assert_eq!(
            found("Tripoli, Lebanon", &["LBY"]),
            Some(("Tripoli", "LBN"))
        );
        assert_eq!(
            gazetteer().find("Tripoli", &[]),
            Found::Ambiguous(vec!["GRC", "LBN", "LBY"])
        );
        assert_eq!(found("Paris", &[]), Some(("Paris", "FRA")));
    }

    #[test]
    fn countries_alone_and_unknown_places() {
        assert_eq!(gazetteer().find("Tajikistan", &[]), Found::Country("TJK"));
        assert_eq!(gazetteer().find("Eldorado Xanadu", &[]), Found::Unknown);
        assert_eq!(gazetteer().find("Dushanbe, Iran", &[]), Found::Unknown);
        assert_eq!(gazetteer().find(" , ", &[]), Found::Unknown);
        let capital = |c| gazetteer().capital(c).map(|i| gazetteer().place(i).name);
        assert_eq!(capital("TJK"), Some("Dushanbe"));
        assert_eq!(capital("KAZ"), Some("Astana"));
    }
}
