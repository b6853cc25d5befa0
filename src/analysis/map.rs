//! Where relations happen: the selected events counted per country, per spot
//! and per directed pair of countries, for the map and `annals map`.

use super::count_index::CountIndex;
use super::map_index::{MapIndex, NONE, UNFOUND};
use crate::geography::bounds_of;
use crate::model::EventKind;
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
    /// counting index.
    pub fn count(
        &self,
        index: &CountIndex,
        selection: &EventSet,
        within: Option<[i64; 2]>,
    ) -> MapCounts {
        let kinds = index.kinds().len();
        let visit = index.kinds().iter().position(|k| *k == EventKind::Visit);
        let (n, spots) = (self.countries.len(), self.spots.len());
        let mut counts = MapCounts {
            kinds,
            countries: vec![0; n],
            country_kinds: vec![0; n * kinds],
            spots: vec![0; spots],
            spot_kinds: vec![0; spots * kinds],
            ..MapCounts::default()
        };
        let mut pairs = vec![[0u32; 2]; n * n];
        let mut unfound = vec![0u32; self.unfound.len()];
        let (mut from, mut to, mut both) = (Vec::new(), Vec::new(), Vec::<u32>::new());
        for e in selection.iter() {
            let e = e as usize;
            if let Some([start, end]) = within {
                let [earliest, latest] = index.facts.bounds[e];
                if !(earliest < end && start < latest) {
                    continue;
                }
            }
            let kind = index.facts.event_kind[e] as usize;
            match self.event_spot[e] {
                NONE => counts.unplaced += 1,
                s if s >= UNFOUND => unfound[(s - UNFOUND) as usize] += 1,
                s => {
                    counts.spots[s as usize] += 1;
                    counts.spot_kinds[s as usize * kinds + kind] += 1;
                }
            }
            self.side_countries(index.initiators(1).of(e), &mut from);
            self.side_countries(index.receivers(1).of(e), &mut to);
            both.clear();
            both.extend(from.iter().chain(&to));
            both.sort_unstable();
            both.dedup();
            for &c in &both {
                counts.countries[c as usize] += 1;
                counts.country_kinds[c as usize * kinds + kind] += 1;
            }
            for &f in &from {
                for &t in to.iter().filter(|&&t| t != f) {
                    let pair = &mut pairs[f as usize * n + t as usize];
                    pair[0] += 1;
                    pair[1] += u32::from(Some(kind) == visit);
                }
            }
        }
        counts.links = links(&pairs, n);
        counts.unfound = unfound
            .into_iter()
            .enumerate()
            .filter(|(_, c)| *c > 0)
            .map(|(i, c)| (i as u32, c))
            .collect();
        counts
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
