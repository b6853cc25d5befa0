//! Rows into events: the kind from the CAMEO code, a host's row turned round,
//! and rows that report the same event (same day, same directed pair, same
//! base code) merged into one with every source.

use std::collections::HashMap;
use std::rc::Rc;

use super::actors::ResolvedSide;
use super::record::Row;
use crate::import::names::host_of;
use crate::model::{Coordinates, EdtfDate, Event, EventKind, Moment, Source, cameo};

/// How finely CAMEO codes become kinds of the dataset's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CameoLevel {
    /// One kind per root: Demand, Threaten, Fight.
    Root,
    /// One kind per three-digit base code: Criticize or denounce.
    #[default]
    Base,
    /// One kind per full code, four digits where there are four.
    Code,
}

/// The kind of events with CAMEO code `code` at `level`: a built-in kind for
/// calls (041), visits (042, 043), meetings (040, 044, 046), recognition (054),
/// signings (057) and statements (01x), else a kind named by the CAMEO label.
pub(crate) fn kind_of(code: &str, level: CameoLevel) -> EventKind {
    let base = code.get(..3).unwrap_or(code);
    match base {
        "041" => return EventKind::PhoneCall,
        "042" | "043" => return EventKind::Visit,
        "040" | "044" | "046" => return EventKind::Meeting,
        "054" => return EventKind::Recognition,
        "057" => return EventKind::TreatySigning,
        _ if code.starts_with("01") => return EventKind::Statement,
        _ => {}
    }
    let at_level = match level {
        CameoLevel::Root => code.get(..2).unwrap_or(code),
        CameoLevel::Base => base,
        CameoLevel::Code => code,
    };
    match cameo::lookup_or_parent(at_level) {
        Some(entry) => EventKind::Other(entry.kind_label().into()),
        None => EventKind::Other(format!("CAMEO {code}").into()),
    }
}

/// What identifies one real event among GDELT's repeated rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct MergeKey {
    day: Moment,
    actor: Option<Rc<str>>,
    counterpart: Option<Rc<str>>,
    base: &'static str,
}

/// An event being gathered from its rows.
struct Pending {
    id: String,
    source: &'static str,
    day: Moment,
    actor: Option<Rc<str>>,
    counterpart: Option<Rc<str>>,
    code: &'static str,
    turned: bool,
    row_ids: Vec<String>,
    articles: u64,
    sources: Vec<Source>,
    details: Vec<String>,
    place: Option<String>,
    at: Option<Coordinates>,
}

/// Gathers rows into events, merging duplicates unless told not to.
pub(crate) struct Merger {
    merge: bool,
    prefix: &'static str,
    source: &'static str,
    pending: Vec<Pending>,
    by_key: HashMap<MergeKey, usize>,
}

impl Merger {
    /// A merger; `prefix` starts every event id (`gdelt`), `source` names the
    /// data in notes (`GDELT`).
    pub fn new(merge: bool, prefix: &'static str, source: &'static str) -> Merger {
        Merger {
            merge,
            prefix,
            source,
            pending: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    /// Adds a row whose sides are resolved; a host's row (043) is turned round
    /// first, so that the visitor is the actor.
    pub(crate) fn add(&mut self, row: &Row, sides: [Option<ResolvedSide>; 2]) {
        let [mut actor, mut counterpart] = sides;
        let turned = row.base == "043";
        let (code, base) = if turned {
            std::mem::swap(&mut actor, &mut counterpart);
            ("042", "042")
        } else {
            (row.code, row.base)
        };
        let key = MergeKey {
            day: row.day,
            actor: actor.as_ref().map(|s| s.id.clone()),
            counterpart: counterpart.as_ref().map(|s| s.id.clone()),
            base,
        };
        let index = match self.by_key.get(&key).filter(|_| self.merge) {
            Some(&i) => i,
            None => {
                self.pending.push(Pending {
                    id: format!("{}-{}", self.prefix, row.id),
                    source: self.source,
                    day: row.day,
                    actor: key.actor.clone(),
                    counterpart: key.counterpart.clone(),
                    code,
                    turned: false,
                    row_ids: Vec::new(),
                    articles: 0,
                    sources: Vec::new(),
                    details: Vec::new(),
                    place: row.place.as_deref().map(str::to_string),
                    at: row.at,
                });
                if self.merge {
                    self.by_key.insert(key, self.pending.len() - 1);
                }
                self.pending.len() - 1
            }
        };
        let event = &mut self.pending[index];
        event.turned |= turned;
        event.row_ids.push(if turned {
            format!("{} (043, turned round)", row.id)
        } else {
            row.id.to_string()
        });
        event.articles += row.articles;
        for side in [&actor, &counterpart].into_iter().flatten() {
            if let Some(detail) = &side.detail
                && !event.details.iter().any(|d| d == detail)
            {
                event.details.push(detail.to_string());
            }
        }
        let known = event.sources.iter().any(|s| match &row.url {
            Some(url) => s.url.as_deref() == Some(url.as_ref()),
            None => s.url.is_none() && row.publisher.as_deref() == Some(s.publisher.as_str()),
        });
        if !known && let Some(source) = source_of(row) {
            event.sources.push(source);
        }
    }

    /// The events with at least `min_articles` articles, at `level`, with
    /// their actors' names from `name_of`, in time order; and how many had fewer.
    pub(crate) fn finish(
        self,
        level: CameoLevel,
        min_articles: u64,
        name_of: impl Fn(&str) -> String,
    ) -> (Vec<Event>, usize) {
        let before = self.pending.len();
        let mut events: Vec<Event> = self
            .pending
            .into_iter()
            .filter(|p| p.articles >= min_articles)
            .map(|p| p.into_event(level, &name_of))
            .collect();
        let fewer = before - events.len();
        events.sort_by(|a, b| (a.date.earliest(), &a.id).cmp(&(b.date.earliest(), &b.id)));
        make_ids_unique(&mut events);
        (events, fewer)
    }
}

impl Pending {
    fn into_event(self, level: CameoLevel, name_of: &impl Fn(&str) -> String) -> Event {
        let entry = cameo::lookup_or_parent(self.code);
        let label = entry.map_or(self.code, |e| e.kind_label());
        let side_name = |side: &Option<Rc<str>>| side.as_deref().map(name_of);
        let title = match (side_name(&self.actor), side_name(&self.counterpart)) {
            (Some(a), Some(b)) => format!("{a} → {b}: {label}"),
            (Some(a), None) | (None, Some(a)) => format!("{a}: {label}"),
            (None, None) => label.to_string(),
        };
        let summary = match entry {
            Some(e) => format!(
                "CAMEO {} {} (Goldstein {:+.1}, {}); {} {}.",
                self.code,
                e.label,
                e.goldstein,
                e.quad.label(),
                self.articles,
                if self.articles == 1 {
                    "article"
                } else {
                    "articles"
                }
            ),
            None => format!("CAMEO {}; {} articles.", self.code, self.articles),
        };
        let mut note = if self.row_ids.len() == 1 {
            format!("{} row {}", self.source, self.row_ids[0])
        } else {
            format!(
                "{} {} rows merged: {}",
                self.row_ids.len(),
                self.source,
                self.row_ids.join(", ")
            )
        };
        if !self.details.is_empty() {
            note.push_str(&format!("; actors as coded: {}", self.details.join(", ")));
        }
        if self.turned {
            note.push_str("; host's report (043) turned round: the visitor is the actor");
        }
        let date = day_date(self.day);
        Event {
            id: self.id.into(),
            kind: kind_of(self.code, level),
            date,
            title: title.into(),
            actors: self.actor.map(|id| id.to_string()).into_iter().collect(),
            counterparts: self
                .counterpart
                .map(|id| id.to_string())
                .into_iter()
                .collect(),
            topics: Default::default(),
            place: self.place.map(Into::into),
            at: self.at,
            summary: summary.into(),
            sources: self.sources.into(),
            note: Some(note.into()),
            cameo: Some(self.code.into()),
        }
    }
}

/// The source of a row: its URL with the host as publisher and DATEADDED's day
/// as the day of publication, or ICEWS's publisher.
fn source_of(row: &Row) -> Option<Source> {
    let published = row.added.map(day_date);
    if let Some(url) = &row.url {
        return Some(Source {
            publisher: host_of(url).unwrap_or(url).to_string().into(),
            title: None,
            url: Some(url.as_ref().into()),
            published,
        });
    }
    row.publisher.as_ref().map(|publisher| Source {
        publisher: publisher.to_string().into(),
        title: None,
        url: None,
        published,
    })
}

/// The day-precision EDTF date of a moment at midnight.
fn day_date(day: Moment) -> EdtfDate {
    let text = day.iso_day();
    EdtfDate::parse(&text).unwrap_or_else(|_| unreachable_date(&text))
}

/// A calendar day always parses as EDTF; should it not, the Unix epoch stands in
/// rather than a panic.
fn unreachable_date(_text: &str) -> EdtfDate {
    EdtfDate::parse("1970-01-01").expect("a literal EDTF day parses")
}

/// Gives a suffix (`-2`, `-3`) to ids met twice (two files' rows with one id).
fn make_ids_unique(events: &mut [Event]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for event in events.iter_mut() {
        let count = seen.entry(event.id.to_string()).or_insert(0);
        *count += 1;
        if *count > 1 {
            event.id = format!("{}-{}", event.id, count).into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_built_in_kinds_or_kinds_named_by_label() {
        assert_eq!(kind_of("041", CameoLevel::Base), EventKind::PhoneCall);
        assert_eq!(kind_of("043", CameoLevel::Base), EventKind::Visit);
        assert_eq!(kind_of("046", CameoLevel::Root), EventKind::Meeting);
        assert_eq!(kind_of("0571", CameoLevel::Code), EventKind::TreatySigning);
        assert_eq!(kind_of("013", CameoLevel::Code), EventKind::Statement);
        assert_eq!(
            kind_of("045", CameoLevel::Base),
            EventKind::Other("Mediate".into())
        );
        assert_eq!(
            kind_of("045", CameoLevel::Root),
            EventKind::Other("Consult".into())
        );
        assert_eq!(
            kind_of("1121", CameoLevel::Root),
            EventKind::Other("Disapprove".into())
        );
        assert_eq!(
            kind_of("1121", CameoLevel::Base),
            EventKind::Other("Accuse".into())
        );
        assert_eq!(
            kind_of("1121", CameoLevel::Code),
            EventKind::Other("Accuse of crime, corruption".into())
        );
    }
}
