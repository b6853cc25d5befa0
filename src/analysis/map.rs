//! Where relations happen: the selected events counted per country, per spot
//! and per directed pair of countries, for the map and `annals map`.

use super::count_index::CountIndex;
use super::map_index::{MapIndex, NONE, UNFOUND};
use crate::geography::bounds_of;
use crate::model::EventKind;
use rayon::prelude::*;

use crate::query::BitIter;
use crate::query::EventSet;

/// A directed pair of countries with events from one to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The initiating country's slot.
    pub from: u32,
    /// The receiving country's slot.
    pub to: u32,
    /// Its events.
    pub count: u32,
    /// How many of them are visits (from the visitor to the host).
    pub visits: u32,
}

/// The selected events counted for the map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapCounts {
    /// The number of kinds, the stride of the per-kind tables.
    kinds: usize,
    /// Events per country slot: those where it takes part on either side,
    /// its people counted as the country.
    pub countries: Vec<u32>,
    country_kinds: Vec<u32>,
    /// Events per spot.
    pub spots: Vec<u32>,
    spot_kinds: Vec<u32>,
    /// Directed pairs of countries, most events first.
    pub links: Vec<Link>,
    /// Events per unfound place (by its position in [`MapIndex::unfound`]), where some.
    pub unfound: Vec<(u32, u32)>,
    /// Selected events that name no place at all.
    pub unplaced: u32,
}

impl MapCounts {
    /// Events of country `slot` per kind, most first: (kind position, count).
    pub fn country_kinds(&self, slot: u32) -> Vec<(usize, u32)> {
        by_kind(&self.country_kinds, slot, self.kinds)
    }

    /// Events at spot `slot` per kind, most first.
    pub fn spot_kinds(&self, slot: u32) -> Vec<(usize, u32)> {
        by_kind(&self.spot_kinds, slot, self.kinds)
    }

    /// What the shown events span: the anchors of the countries and the spots
    /// with events, with a tenth of their span around them (two degrees at
    /// least), widened to at least `min_span` degrees each way; none when no
    /// event is on the map.
    pub fn bounds(&self, map: &MapIndex, min_span: f32) -> Option<[f32; 4]> {
        let countries = map.countries.iter().zip(&self.countries);
        let spots = map.spots.iter().zip(&self.spots);
        let [w, s, e, n] = bounds_of(
            countries
                .filter(|(_, n)| **n > 0)
                .map(|(c, _)| c.anchor)
                .chain(spots.filter(|(_, n)| **n > 0).map(|(s, _)| s.at)),
        )?;
        let widen = |low: f32, high: f32| {
            let pad = ((high - low) * 0.1).max(2.0);
            let grow = pad.max((min_span - (high - low)) / 2.0);
            (low - grow, high + grow)
        };
        let ((w, e), (s, n)) = (widen(w, e), widen(s, n));
        Some([w, s.max(-85.0), e, n.min(85.0)])
    }

    /// A country or spot in words: "Tajikistan: 12 events (7 Visit, 5 Phone call)".
    pub fn describe(
        name: &str,
        total: u32,
        kinds: &[(usize, u32)],
        values: &[EventKind],
    ) -> String {
        let mut text = format!("{name}: {}", crate::model::words::events(total as usize));
        if !kinds.is_empty() {
            let parts: Vec<String> = kinds
                .iter()
                .map(|&(k, n)| format!("{n} {}", values.get(k).map_or("", EventKind::label)))
                .collect();
            text.push_str(&format!(" ({})", parts.join(", ")));
        }
        text
    }

    /// The events at unfound places.
    pub fn unfound_events(&self) -> u32 {
        self.unfound.iter().map(|(_, n)| n).sum()
    }
}

fn by_kind(table: &[u32], slot: u32, kinds: usize) -> Vec<(usize, u32)> {
    let row = &table[slot as usize * kinds..][..kinds];
    let mut counts: Vec<(usize, u32)> = row
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (k, *n))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

impl MapIndex {
    /// Counts the events of `selection`, only those that overlap `within`
    /// (seconds, start and end) when it is given; `index` is the dataset's
    /// counting index. The events are split among the cores, each counting
    /// into tables of its own, which are then added up.
    pub fn count(
        &self,
        index: &CountIndex,
        selection: &EventSet,
        within: Option<[i64; 2]>,
    ) -> MapCounts {
        let kinds = index.kinds().len();
        let visit = index.kinds().iter().position(|k| *k == EventKind::Visit);
        let words = selection.words();
        let chunk = words
            .len()
            .div_ceil(rayon::current_num_threads().max(1))
            .max(1);
        let tally = words
            .par_chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let mut tally = Tally::new(self, kinds);
                for (w, &word) in part.iter().enumerate() {
                    for bit in BitIter(word) {
                        let e = (c * chunk + w) * 64 + bit;
                        if within.is_none_or(|span| overlaps(index.facts.bounds[e], span)) {
                            tally.add(self, e, index.facts.event_kind[e] as usize, visit);
                        }
                    }
                }
                tally
            })
            .reduce(|| Tally::new(self, kinds), Tally::merged);
        tally.into_counts(self)
    }
}

/// True when an event's bounds overlap `[start, end)`.
fn overlaps([earliest, latest]: [i64; 2], [start, end]: [i64; 2]) -> bool {
    earliest < end && start < latest
}

/// One core's counts: dense tables by country, spot, pair and unfound place.
struct Tally {
    kinds: usize,
    countries: Vec<u32>,
    country_kinds: Vec<u32>,
    spots: Vec<u32>,
    spot_kinds: Vec<u32>,
    /// (events, visits) per `from * countries + to`.
    pairs: Vec<[u32; 2]>,
    unfound: Vec<u32>,
    unplaced: u32,
}

impl Tally {
    fn new(map: &MapIndex, kinds: usize) -> Tally {
        let (n, spots) = (map.countries.len(), map.spots.len());
        Tally {
            kinds,
            countries: vec![0; n],
            country_kinds: vec![0; n * kinds],
            spots: vec![0; spots],
            spot_kinds: vec![0; spots * kinds],
            pairs: vec![[0; 2]; n * n],
            unfound: vec![0; map.unfound.len()],
            unplaced: 0,
        }
    }

    /// Counts event `e` of kind `kind`.
    fn add(&mut self, map: &MapIndex, e: usize, kind: usize, visit: Option<usize>) {
        let kinds = self.kinds;
        match map.event_spot[e] {
            NONE => self.unplaced += 1,
            s if s >= UNFOUND => self.unfound[(s - UNFOUND) as usize] += 1,
            s => {
                self.spots[s as usize] += 1;
                self.spot_kinds[s as usize * kinds + kind] += 1;
            }
        }
        for &c in map.event_countries.of(e) {
            self.countries[c as usize] += 1;
            self.country_kinds[c as usize * kinds + kind] += 1;
        }
        let is_visit = u32::from(Some(kind) == visit);
        for &pair in map.event_links.of(e) {
            let pair = &mut self.pairs[pair as usize];
            pair[0] += 1;
            pair[1] += is_visit;
        }
    }

    /// Two cores' counts added up.
    fn merged(mut self, other: Tally) -> Tally {
        let add = |a: &mut Vec<u32>, b: &[u32]| a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
        add(&mut self.countries, &other.countries);
        add(&mut self.country_kinds, &other.country_kinds);
        add(&mut self.spots, &other.spots);
        add(&mut self.spot_kinds, &other.spot_kinds);
        add(&mut self.unfound, &other.unfound);
        for (a, b) in self.pairs.iter_mut().zip(&other.pairs) {
            a[0] += b[0];
            a[1] += b[1];
        }
        self.unplaced += other.unplaced;
        self
    }

    fn into_counts(self, map: &MapIndex) -> MapCounts {
        MapCounts {
            kinds: self.kinds,
            links: links(&self.pairs, map.countries.len()),
            unfound: self
                .unfound
                .into_iter()
                .enumerate()
                .filter(|(_, c)| *c > 0)
                .map(|(i, c)| (i as u32, c))
                .collect(),
            countries: self.countries,
            country_kinds: self.country_kinds,
            spots: self.spots,
            spot_kinds: self.spot_kinds,
            unplaced: self.unplaced,
        }
    }
}

/// The pairs with events, most first, from a dense `n`×`n` table of (count, visits).
fn links(pairs: &[[u32; 2]], n: usize) -> Vec<Link> {
    let mut links: Vec<Link> = pairs
        .iter()
        .enumerate()
        .filter(|(_, [count, _])| *count > 0)
        .map(|(i, &[count, visits])| Link {
            from: (i / n) as u32,
            to: (i % n) as u32,
            count,
            visits,
        })
        .collect();
    links.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then((a.from, a.to).cmp(&(b.from, b.to)))
    });
    links
}
