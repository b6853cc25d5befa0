//! Synthetic datasets of any size, for measuring Annals at scale.
//!
//! The output has the shape of a real chronology: about two hundred countries,
//! a few organizations, heads of state and foreign ministers with dated roles,
//! a topic tree, event kinds in realistic proportions, dates from 1900 to 2025
//! that grow denser over time and come in bursts, some dates known only to the
//! month or year, some intervals, some uncertain, and several actors per event.
//! The same seed and size always give the same dataset.

use crate::model::{Actor, ActorKind, Dataset, EdtfDate, Event, EventKind, Role, Source, Topic};

/// The number of countries in a generated dataset.
pub const COUNTRIES: usize = 200;

/// The first year of generated dates.
pub const FIRST_YEAR: i64 = 1900;

/// The last year of generated dates.
pub const LAST_YEAR: i64 = 2025;

/// A small deterministic pseudo-random generator (splitmix64).
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: [&str; 32] = [
    "ka", "ra", "lo", "mi", "ta", "ven", "dor", "sa", "ni", "bel", "gar", "o", "an", "ul", "ze",
    "tir", "mon", "ska", "vi", "len", "pa", "ros", "ha", "du", "ber", "qua", "sel", "mar", "ti",
    "na", "ri", "ko",
];

const ENDINGS: [&str; 8] = ["ia", "stan", "land", "ora", "ea", "avia", "ania", "is"];

const PUBLISHERS: [&str; 10] = [
    "Daily Courier",
    "World Wire",
    "State News Agency",
    "Foreign Ministry",
    "Evening Herald",
    "Continental Review",
    "Press Service of the President",
    "Global Monitor",
    "Diplomatic Gazette",
    "Radio International",
];

const TOPICS: [(&str, &str, Option<&str>); 30] = [
    ("security", "Security", None),
    ("terrorism", "Counter-terrorism", Some("security")),
    ("borders", "Border security", Some("security")),
    ("narcotics", "Narcotics", Some("security")),
    ("arms-control", "Arms control", Some("security")),
    ("military", "Military cooperation", None),
    ("exercises", "Joint exercises", Some("military")),
    ("equipment", "Military equipment", Some("military")),
    ("economy", "Economy", None),
    ("trade", "Trade", Some("economy")),
    ("energy", "Energy", Some("economy")),
    ("oil-gas", "Oil and gas", Some("energy")),
    ("electricity", "Electricity", Some("energy")),
    ("transport", "Transport", Some("economy")),
    ("railways", "Railways", Some("transport")),
    ("finance", "Finance and investment", Some("economy")),
    ("diplomacy", "Diplomacy", None),
    ("recognition", "Recognition", Some("diplomacy")),
    ("embassies", "Embassies", Some("diplomacy")),
    ("state-visits", "State visits", Some("diplomacy")),
    ("organizations", "International organizations", None),
    ("regional", "Regional organizations", Some("organizations")),
    ("culture", "Culture", None),
    ("education", "Education", Some("culture")),
    ("science", "Science", Some("culture")),
    ("sport", "Sport", Some("culture")),
    ("environment", "Environment", None),
    ("water", "Water", Some("environment")),
    ("climate", "Climate", Some("environment")),
    ("health", "Health", None),
];

/// Kinds and their weights in per mille; `None` is one of [`OTHER_KINDS`].
const KINDS: [(Option<EventKind>, u32); 11] = [
    (Some(EventKind::Visit), 240),
    (Some(EventKind::Meeting), 200),
    (Some(EventKind::PhoneCall), 150),
    (Some(EventKind::Statement), 140),
    (Some(EventKind::TreatySigning), 90),
    (Some(EventKind::Milestone), 50),
    (Some(EventKind::Inauguration), 35),
    (Some(EventKind::DiplomaticRelations), 30),
    (Some(EventKind::Membership), 25),
    (Some(EventKind::Recognition), 20),
    (None, 20),
];

const OTHER_KINDS: [&str; 4] = ["Summit", "Expulsion", "Sanctions", "Joint declaration"];

/// A country, the people who led it, and its capital.
struct Country {
    id: String,
    name: String,
    capital: String,
    /// Heads of state: person index, first and last year of the term.
    heads: Vec<Term>,
    /// Foreign ministers, likewise.
    ministers: Vec<Term>,
}

struct Term {
    person: String,
    first: i64,
    last: i64,
}

/// A dataset of `events` synthetic events, the same for the same `seed`.
pub fn generate(events: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix64::new(seed);
    let countries = countries(&mut rng);
    let organizations = organizations(&mut rng);
    let actors = actors(&countries, &organizations, &mut rng);
    let topics = TOPICS
        .iter()
        .map(|(id, name, parent)| Topic {
            id: id.to_string(),
            name: name.to_string(),
            parent: parent.map(str::to_string),
        })
        .collect();
    let world = World::new(countries, organizations, &mut rng);
    let events = (0..events).map(|i| world.event(i, &mut rng)).collect();
    Dataset {
        title: format!("Synthetic chronology (seed {seed})"),
        description: "Generated by `annals generate` for measuring performance; \
                      every name in it is invented."
            .to_string(),
        actors,
        topics,
        events,
        eras: Vec::new(),
        actor_lookup: Default::default(),
        topic_lookup: Default::default(),
    }
}

/// The countries, then the organizations, then the people who held office.
fn actors(
    countries: &[Country],
    organizations: &[(String, String)],
    rng: &mut SplitMix64,
) -> Vec<Actor> {
    let actor = Actor::new;
    let mut actors: Vec<Actor> = countries
        .iter()
        .map(|country| Actor {
            aliases: vec![format!("Republic of {}", country.name)],
            ..actor(country.id.clone(), country.name.clone(), ActorKind::Country)
        })
        .collect();
    actors.extend(
        organizations
            .iter()
            .map(|(id, name)| actor(id.clone(), name.clone(), ActorKind::Organization)),
    );
    for country in countries {
        for (terms, title) in [
            (&country.heads, "President"),
            (&country.ministers, "Minister of Foreign Affairs"),
        ] {
            for term in terms {
                actors.push(Actor {
                    roles: vec![Role {
                        title: title.to_string(),
                        of: country.id.clone(),
                        from: Some(year(term.first)),
                        to: Some(year(term.last)),
                        sources: Vec::new(),
                        note: None,
                    }],
                    ..actor(term.person.clone(), person_name(rng), ActorKind::Person)
                });
            }
        }
    }
    actors
}

/// What every event is drawn from: the countries with their weights, the
/// organizations and the bursts of activity.
struct World {
    countries: Vec<Country>,
    organizations: Vec<(String, String)>,
    /// Days around which events cluster, and how far they spread.
    bursts: Vec<(i64, i64)>,
    /// The running sum of the countries' weights, from 0 to 1.
    cumulative: Vec<f64>,
}

impl World {
    fn new(
        countries: Vec<Country>,
        organizations: Vec<(String, String)>,
        rng: &mut SplitMix64,
    ) -> World {
        let bursts: Vec<(i64, i64)> = (0..40)
            .map(|_| {
                let center = days_between(FIRST_YEAR + 10, LAST_YEAR, rng);
                let spread = 5 + rng.below(60) as i64;
                (center, spread)
            })
            .collect();
        // A country's weight: a few are much more active than the rest.
        let weights: Vec<f64> = (0..countries.len())
            .map(|i| 1.0 / (1.0 + i as f64).powf(0.8))
            .collect();
        let total: f64 = weights.iter().sum();
        let cumulative: Vec<f64> = weights
            .iter()
            .scan(0.0, |sum, w| {
                *sum += w / total;
                Some(*sum)
            })
            .collect();
        World {
            countries,
            organizations,
            bursts,
            cumulative,
        }
    }

    fn pick_country(&self, rng: &mut SplitMix64) -> usize {
        let u = rng.unit();
        self.cumulative
            .partition_point(|&c| c < u)
            .min(self.countries.len() - 1)
    }

    /// The `i`th event.
    fn event(&self, i: usize, rng: &mut SplitMix64) -> Event {
        let day = event_day(&self.bursts, rng);
        let (y, _, _) = crate::model::date::civil_from_days(day);
        let kind = event_kind(rng);
        let a = self.pick_country(rng);
        let mut b = self.pick_country(rng);
        let count = self.countries.len();
        if b == a {
            b = (a + 1 + rng.below(count - 1)) % count;
        }
        let (home, away) = (&self.countries[a], &self.countries[b]);
        let (actors, counterparts) = self.sides(home, away, &kind, y, rng);
        let topic_count = 1 + rng.below(3);
        let mut topics: Vec<String> = Vec::new();
        for _ in 0..topic_count {
            let topic = rng.pick(&TOPICS).0.to_string();
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
        let date = event_date(day, rng);
        let title = match &kind {
            EventKind::Visit => format!("Visit of {} to {}", home.name, away.name),
            EventKind::PhoneCall => format!("Phone call: {} and {}", home.name, away.name),
            EventKind::Statement => format!("Statement by {}", home.name),
            EventKind::Other(label) => format!("{label}: {} and {}", home.name, away.name),
            other => format!("{}: {} and {}", other.label(), home.name, away.name),
        };
        let place = match kind {
            EventKind::Visit | EventKind::TreatySigning | EventKind::Meeting => {
                Some(away.capital.clone())
            }
            _ => None,
        };
        let sources = if rng.chance(0.3) {
            vec![Source {
                publisher: rng.pick(&PUBLISHERS).to_string().into(),
                title: None,
                url: Some(format!("https://news.example/{y}/{i}").into()),
                published: None,
            }]
        } else {
            Vec::new()
        };
        let note = rng
            .chance(0.02)
            .then(|| "Sources disagree on the date.".to_string());
        Event {
            id: format!("e{i:07}").into(),
            kind,
            cameo: None,
            date,
            title: title.into(),
            actors: actors.into(),
            counterparts: counterparts.into(),
            topics: topics.into(),
            place: place.map(Into::into),
            at: None,
            summary: Default::default(),
            sources: sources.into(),
            note: note.map(Into::into),
        }
    }

    /// The actors and the counterparts of an event of `kind` in year `y`
    /// between `home` and `away`: the countries, some of their leaders, and
    /// for meetings and memberships sometimes an organization.
    fn sides(
        &self,
        home: &Country,
        away: &Country,
        kind: &EventKind,
        y: i64,
        rng: &mut SplitMix64,
    ) -> (Vec<String>, Vec<String>) {
        let mut actors = vec![home.id.clone()];
        if let Some(term) = holder(&home.heads, y)
            && rng.chance(0.6)
        {
            actors.push(term.person.clone());
        }
        if rng.chance(0.3)
            && let Some(term) = holder(&home.ministers, y)
        {
            actors.push(term.person.clone());
        }
        let mut counterparts = Vec::new();
        if *kind != EventKind::Statement || rng.chance(0.5) {
            counterparts.push(away.id.clone());
            if rng.chance(0.4)
                && let Some(term) = holder(&away.heads, y)
            {
                counterparts.push(term.person.clone());
            }
        }
        if matches!(kind, EventKind::Membership | EventKind::Meeting) && rng.chance(0.3) {
            counterparts.push(rng.pick(&self.organizations).0.clone());
        }
        (actors, counterparts)
    }
}

fn countries(rng: &mut SplitMix64) -> Vec<Country> {
    let mut used_ids = std::collections::HashSet::new();
    let mut countries = Vec::with_capacity(COUNTRIES);
    while countries.len() < COUNTRIES {
        let stem = format!("{}{}", rng.pick(&SYLLABLES), rng.pick(&SYLLABLES[..16]));
        let name = capitalize(&format!("{stem}{}", rng.pick(&ENDINGS)));
        let id: String = name
            .chars()
            .filter(char::is_ascii_alphabetic)
            .take(3)
            .collect::<String>()
            .to_uppercase();
        let id = if used_ids.contains(&id) {
            format!("{id}{}", countries.len())
        } else {
            id
        };
        if !used_ids.insert(id.clone()) {
            continue;
        }
        let heads = terms(&format!("{}-head", id.to_lowercase()), 4, 12, rng);
        let ministers = terms(&format!("{}-fm", id.to_lowercase()), 2, 8, rng);
        countries.push(Country {
            capital: capitalize(&format!("{}{}", rng.pick(&SYLLABLES), stem)),
            id,
            name,
            heads,
            ministers,
        });
    }
    countries
}

fn terms(prefix: &str, shortest: usize, longest: usize, rng: &mut SplitMix64) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut first = FIRST_YEAR;
    while first <= LAST_YEAR {
        let last =
            (first + (shortest + rng.below(longest - shortest + 1)) as i64 - 1).min(LAST_YEAR);
        terms.push(Term {
            person: format!("{prefix}-{}", terms.len() + 1),
            first,
            last,
        });
        first = last + 1;
    }
    terms
}

fn organizations(rng: &mut SplitMix64) -> Vec<(String, String)> {
    let kinds = [
        "Union",
        "Council",
        "Treaty Organization",
        "Cooperation Organisation",
        "Development Bank",
    ];
    (0..12)
        .map(|i| {
            let region = capitalize(&format!("{}{}", rng.pick(&SYLLABLES), rng.pick(&SYLLABLES)));
            (
                format!("ORG{}", i + 1),
                format!("{region} {}", rng.pick(&kinds)),
            )
        })
        .collect()
}

fn person_name(rng: &mut SplitMix64) -> String {
    format!(
        "{} {}",
        capitalize(&format!("{}{}", rng.pick(&SYLLABLES), rng.pick(&SYLLABLES))),
        capitalize(&format!(
            "{}{}{}",
            rng.pick(&SYLLABLES),
            rng.pick(&SYLLABLES),
            rng.pick(&["ov", "ez", "son", "i", "ani", "er"])
        ))
    )
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn year(y: i64) -> EdtfDate {
    parsed(&format!("{y:04}"))
}

fn parsed(text: &str) -> EdtfDate {
    // The generator only writes well-formed dates between 1900 and 2025.
    EdtfDate::parse(text).unwrap_or_else(|e| unreachable!("generated date is valid: {e}"))
}

fn days_between(first_year: i64, last_year: i64, rng: &mut SplitMix64) -> i64 {
    let start = crate::model::date::days_from_civil(first_year, 1, 1);
    let end = crate::model::date::days_from_civil(last_year + 1, 1, 1);
    start + rng.below((end - start) as usize) as i64
}

/// A day: 30% in a burst, the rest denser towards the present.
fn event_day(bursts: &[(i64, i64)], rng: &mut SplitMix64) -> i64 {
    let start = crate::model::date::days_from_civil(FIRST_YEAR, 1, 1);
    let end = crate::model::date::days_from_civil(LAST_YEAR + 1, 1, 1) - 1;
    if rng.chance(0.3) {
        let (center, spread) = *rng.pick(bursts);
        let offset = (rng.unit() + rng.unit() - 1.0) * spread as f64;
        return (center + offset as i64).clamp(start, end);
    }
    // Density grows with the square of time: sqrt of a uniform number.
    let t = rng.unit().sqrt();
    start + ((end - start) as f64 * t) as i64
}

fn event_kind(rng: &mut SplitMix64) -> EventKind {
    let mut roll = rng.below(1000) as u32;
    for (kind, weight) in &KINDS {
        if roll < *weight {
            return match kind {
                None => EventKind::Other((*rng.pick(&OTHER_KINDS)).into()),
                Some(built_in) => built_in.clone(),
            };
        }
        roll -= weight;
    }
    EventKind::Meeting
}

/// The date of an event on `day`: 6% year only, 4% month, 5% intervals,
/// 3% uncertain, the rest a day.
fn event_date(day: i64, rng: &mut SplitMix64) -> EdtfDate {
    let (y, m, d) = crate::model::date::civil_from_days(day);
    let roll = rng.below(100);
    let mut text = match roll {
        0..=5 => format!("{y:04}"),
        6..=9 => format!("{y:04}-{m:02}"),
        10..=14 => {
            let (y2, m2, d2) = crate::model::date::civil_from_days(day + 1 + rng.below(6) as i64);
            format!("{y:04}-{m:02}-{d:02}/{y2:04}-{m2:02}-{d2:02}")
        }
        _ => format!("{y:04}-{m:02}-{d:02}"),
    };
    if !(10..=14).contains(&roll) && rng.chance(0.03) {
        text.push('?');
    }
    parsed(&text)
}

fn holder(terms: &[Term], year: i64) -> Option<&Term> {
    let i = terms.partition_point(|t| t.last < year);
    terms.get(i).filter(|t| t.first <= year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_spread_over_its_range() {
        let mut rng = SplitMix64::new(1);
        let mut seen = [0usize; 10];
        for _ in 0..10_000 {
            seen[rng.below(10)] += 1;
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
    }

    #[test]
    fn terms_cover_every_year_without_overlap() {
        let mut rng = SplitMix64::new(7);
        let terms = terms("x", 4, 12, &mut rng);
        for y in FIRST_YEAR..=LAST_YEAR {
            assert!(holder(&terms, y).is_some(), "nobody held office in {y}");
        }
        assert!(terms.windows(2).all(|w| w[0].last + 1 == w[1].first));
    }
}
