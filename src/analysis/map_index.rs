//! The dataset prepared for the map: where each event happened (a spot) and
//! which countries its sides are, built once per dataset on the counting index.

use std::collections::HashMap;

use super::count_index::CountIndex;
use crate::geography::{Candidates, Found, Outline, gazetteer, outline};
use crate::model::{ActorKind, Coordinates, Dataset};
use crate::query::flat::PerEvent;

/// No spot or country.
pub(crate) const NONE: u32 = u32::MAX;

/// Former countries drawn at their successor's capital: the Soviet Union at Moscow.
const SUCCESSORS: [(&str, &str); 16] = [
    ("SUN", "RUS"),
    ("YUG", "SRB"),
    ("SCG", "SRB"),
    ("CSK", "CZE"),
    ("DDR", "DEU"),
    ("YMD", "YEM"),
    ("ZAR", "COD"),
    ("BUR", "MMR"),
    ("BYS", "BLR"),
    ("TMP", "TLS"),
    ("VDR", "VNM"),
    ("RHO", "ZWE"),
    ("DHY", "BEN"),
    ("HVO", "BFA"),
    ("NHB", "VUT"),
    ("AFI", "DJI"),
];

/// A point where events happened: a place of the gazetteer, a capital standing
/// for a country named alone, or coordinates written in the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// Its name: the gazetteer's, else the place as written, else the coordinates.
    pub name: String,
    /// Where it is.
    pub at: Coordinates,
    /// The places as written in the events found here (`Dushanbe`, `Dushanbe, Tajikistan`).
    pub written: Vec<String>,
}

/// A country actor on the map.
#[derive(Debug, Clone)]
pub struct MapCountry {
    /// The actor's id, an alpha-3 code: `TJK`.
    pub id: String,
    /// The actor's name.
    pub name: String,
    /// Where its links start and end: its capital (its successor's for a
    /// former country), else the middle of its land.
    pub anchor: Coordinates,
    /// Its outline, when it has one at this scale.
    pub outline: Option<&'static Outline>,
}

/// Each event's spot and the countries of its sides.
#[derive(Debug, Clone, Default)]
pub struct MapIndex {
    /// The spots, in the order first met.
    pub spots: Vec<Spot>,
    /// Places written in the events that were not found (or found in several
    /// countries with nothing to settle which), in the order first met.
    pub unfound: Vec<String>,
    /// The countries, by slot.
    pub countries: Vec<MapCountry>,
    /// Each event's spot, or `NONE`, or `UNFOUND + i` for `unfound[i]`.
    pub(crate) event_spot: Vec<u32>,
    /// Each actor's (by the facts' numbering) country slot, or `NONE`.
    pub(crate) actor_country: Vec<u32>,
    /// The distinct country slots of each event, both sides together.
    pub(crate) event_countries: PerEvent,
    /// The directed pairs of each event, as `from * countries + to`.
    pub(crate) event_links: PerEvent,
}

/// Event spots from this value up name an unfound place.
pub(crate) const UNFOUND: u32 = 1 << 31;

impl MapIndex {
    /// Locates every event of `dataset`, whose counting index is `index`.
    pub fn new(dataset: &Dataset, index: &CountIndex) -> MapIndex {
        let mut map = MapIndex::default();
        map.find_countries(dataset, index);
        let mut locator = Locator::default();
        map.event_spot = dataset
            .events
            .iter()
            .enumerate()
            .map(|(e, event)| {
                let written = event
                    .place
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| !p.is_empty());
                let key = match (event.at, written) {
                    // Coordinates win, but where they agree with the place
                    // the name is found at, both are one dot.
                    (Some(at), Some(text)) => Some(
                        locator
                            .locate(text, &map.hints(index, e))
                            .filter(|key| key.is_near(at))
                            .unwrap_or_else(|| SpotKey::at(at, written)),
                    ),
                    (Some(at), None) => Some(SpotKey::at(at, None)),
                    (None, Some(text)) => locator.locate(text, &map.hints(index, e)),
                    (None, None) => return NONE,
                };
                match key {
                    Some(key) => map.spot_of(&mut locator, key, event.at, written),
                    None => map.unfound_of(&mut locator, written.unwrap_or_default()),
                }
            })
            .collect();
        map.find_links(index);
        map
    }

    /// Each event's countries and directed pairs of countries, once, so that
    /// a count is a pass over small integers.
    fn find_links(&mut self, index: &CountIndex) {
        let events = index.facts.len();
        let n = self.countries.len() as u32;
        let (mut countries, mut links) = (
            PerEvent::with_capacity(events),
            PerEvent::with_capacity(events),
        );
        let (mut from, mut to, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
        for e in 0..events {
            self.side_countries(index.initiators(1).of(e), &mut from);
            self.side_countries(index.receivers(1).of(e), &mut to);
            countries.push_distinct(from.iter().chain(&to).copied());
            pairs.clear();
            for &f in &from {
                pairs.extend(to.iter().filter(|&&t| t != f).map(|&t| f * n + t));
            }
            links.push(&pairs);
        }
        countries.shrink_to_fit();
        links.shrink_to_fit();
        self.event_countries = countries;
        self.event_links = links;
    }

    /// The distinct country slots of one side's actors.
    fn side_countries(&self, actors: &[u32], out: &mut Vec<u32>) {
        out.clear();
        for &a in actors {
            let slot = self.actor_country.get(a as usize).copied().unwrap_or(NONE);
            if slot != NONE && !out.contains(&slot) {
                out.push(slot);
            }
        }
    }

    /// The countries of event `e`'s sides, people counted as their countries.
    fn hints(&self, index: &CountIndex, e: usize) -> Vec<&str> {
        [index.initiators(1), index.receivers(1)]
            .iter()
            .flat_map(|side| side.of(e))
            .filter_map(|&a| self.country_of(a))
            .map(|c| c.id.as_str())
            .collect()
    }

    /// The slot of the spot `key` names, added when new.
    fn spot_of(
        &mut self,
        locator: &mut Locator,
        key: SpotKey,
        at: Option<Coordinates>,
        written: Option<&str>,
    ) -> u32 {
        let next = self.spots.len() as u32;
        let slot = *locator.spots.entry(key.clone()).or_insert(next);
        if slot == next {
            self.spots.push(key.spot(at, written));
        }
        let spot = &mut self.spots[slot as usize];
        if let Some(text) = written
            && !spot.written.iter().any(|w| w == text)
        {
            spot.written.push(text.to_string());
        }
        slot
    }

    /// The code of an unfound place, added to the list when new.
    fn unfound_of(&mut self, locator: &mut Locator, text: &str) -> u32 {
        let next = self.unfound.len() as u32;
        let i = *locator.unfound.entry(text.to_string()).or_insert(next);
        if i == next {
            self.unfound.push(text.to_string());
        }
        UNFOUND + i
    }

    /// The country actors of the dataset, each with its anchor and outline.
    fn find_countries(&mut self, dataset: &Dataset, index: &CountIndex) {
        let names = &index.facts.actors.names;
        self.actor_country = vec![NONE; names.len()];
        for (a, id) in names.iter().enumerate() {
            let Some(actor) = dataset.actor(id).filter(|a| a.kind == ActorKind::Country) else {
                continue;
            };
            let drawn_as = SUCCESSORS
                .iter()
                .find(|(former, _)| *former == id)
                .map_or(id.as_str(), |(_, successor)| successor);
            let own_outline = outline(id);
            let anchor = gazetteer()
                .capital(drawn_as)
                .map(|i| gazetteer().place(i).at)
                .or_else(|| outline(drawn_as).map(|o| o.centre));
            let Some(anchor) = anchor else {
                continue;
            };
            self.actor_country[a] = self.countries.len() as u32;
            self.countries.push(MapCountry {
                id: id.clone(),
                name: actor.name.clone(),
                anchor,
                outline: own_outline,
            });
        }
    }

    /// The spot of event `e`, when it has one.
    pub fn spot_of_event(&self, e: usize) -> Option<u32> {
        self.event_spot.get(e).copied().filter(|&s| s < UNFOUND)
    }

    /// The country of actor `a` (the facts' numbering), if it is one on the map.
    pub(crate) fn country_of(&self, a: u32) -> Option<&MapCountry> {
        let slot = *self.actor_country.get(a as usize)?;
        self.countries.get(slot as usize)
    }
}

/// What was found so far while locating a dataset's events.
#[derive(Default)]
struct Locator {
    /// The gazetteer's candidates for each place as written.
    candidates: HashMap<String, Candidates>,
    spots: HashMap<SpotKey, u32>,
    unfound: HashMap<String, u32>,
}

impl Locator {
    /// The spot a written place stands for, given the countries of the event's
    /// actors; none when it is not found or not settled.
    fn locate(&mut self, text: &str, hints: &[&str]) -> Option<SpotKey> {
        if !self.candidates.contains_key(text) {
            let candidates = gazetteer().candidates(text);
            self.candidates.insert(text.to_string(), candidates);
        }
        match gazetteer().settle(&self.candidates[text], hints) {
            Found::Place(i) => Some(SpotKey::Place(i)),
            Found::Country(country) => gazetteer().capital(country).map(SpotKey::Place),
            Found::Ambiguous(_) | Found::Unknown => None,
        }
    }
}

/// What makes two events' spots one: the same gazetteer place, or the same
/// coordinates written with the same place name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SpotKey {
    Place(u32),
    At(Option<String>, u32, u32),
}

impl SpotKey {
    /// The spot of coordinates written in the dataset, under the place's name.
    fn at(at: Coordinates, written: Option<&str>) -> SpotKey {
        SpotKey::At(written.map(str::to_string), at.0.to_bits(), at.1.to_bits())
    }

    /// True for a gazetteer place within a twentieth of a degree (about 5 km) of `at`.
    fn is_near(&self, at: Coordinates) -> bool {
        match self {
            SpotKey::Place(i) => {
                let place = gazetteer().place(*i).at;
                (place.lat() - at.lat()).abs() < 0.05 && (place.lon() - at.lon()).abs() < 0.05
            }
            SpotKey::At(..) => false,
        }
    }

    fn spot(&self, at: Option<Coordinates>, written: Option<&str>) -> Spot {
        match (self, at) {
            (SpotKey::Place(i), _) => {
                let place = gazetteer().place(*i);
                Spot {
                    name: place.name.to_string(),
                    at: place.at,
                    written: Vec::new(),
                }
            }
            (SpotKey::At(..), at) => {
                let at = at.unwrap_or(Coordinates(0.0, 0.0));
                Spot {
                    name: written.map_or_else(|| at.to_string(), str::to_string),
                    at,
                    written: Vec::new(),
                }
            }
        }
    }
}
