//! The binary form of a dataset: every field in a fixed order, none left
//! out, and each date with what parsing found in it, so that reading it back
//! neither parses a date nor checks a rule again.
//!
//! A binary format without field names (as the cache's is) cannot skip a
//! field, which the model's own serde attributes do for RON; so the model is
//! written through the views below and read back into the owned forms beside
//! them, field for field in the same order. Each conversion names every field
//! of the model's types: a field added there stops the build here, and then
//! [`super::FORMAT`] must be raised.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use crate::model::{
    Actor, ActorKind, Coordinates, Dataset, DateFacts, EdtfDate, Era, Event, EventKind, IdList,
    Moment, Precision, Role, Source, Text, ThinText, Topic,
};

/// A dataset without its events, which are written in runs after it.
#[derive(Serialize)]
pub(super) struct HeadOut<'a> {
    title: &'a str,
    description: &'a str,
    actors: Vec<ActorOut<'a>>,
    topics: Vec<TopicOut<'a>>,
    eras: Vec<EraOut<'a>>,
    events: u64,
}

/// [`HeadOut`] read back.
#[derive(Deserialize)]
pub(super) struct HeadIn {
    title: String,
    description: String,
    actors: Vec<ActorIn>,
    topics: Vec<TopicIn>,
    eras: Vec<EraIn>,
    /// How many events follow, in all runs.
    pub(super) events: u64,
}

impl<'a> HeadOut<'a> {
    /// The head of `dataset`.
    pub(super) fn of(dataset: &'a Dataset) -> HeadOut<'a> {
        let Dataset {
            title,
            description,
            actors,
            topics,
            events,
            eras,
            actor_lookup: _,
            topic_lookup: _,
        } = dataset;
        HeadOut {
            title,
            description,
            actors: actors.iter().map(ActorOut::of).collect(),
            topics: topics.iter().map(TopicOut::of).collect(),
            eras: eras.iter().map(EraOut::of).collect(),
            events: events.len() as u64,
        }
    }
}

impl HeadIn {
    /// The dataset of this head and these events.
    pub(super) fn with_events(self, events: Vec<Event>) -> Dataset {
        Dataset {
            title: self.title,
            description: self.description,
            actors: self.actors.into_iter().map(ActorIn::into_actor).collect(),
            topics: self.topics.into_iter().map(TopicIn::into_topic).collect(),
            events,
            eras: self.eras.into_iter().map(EraIn::into_era).collect(),
            actor_lookup: Default::default(),
            topic_lookup: Default::default(),
        }
    }
}

/// A date: its text, then its precision and qualifiers in one byte, then its bounds.
#[derive(Serialize)]
struct DateOut<'a>(&'a str, u8, i64, i64);

#[derive(Deserialize)]
struct DateIn(Text, u8, i64, i64);

const UNCERTAIN: u8 = 1 << 2;
const APPROXIMATE: u8 = 1 << 3;
const INTERVAL: u8 = 1 << 4;

impl<'a> DateOut<'a> {
    fn of(date: &'a EdtfDate) -> DateOut<'a> {
        let DateFacts {
            precision,
            uncertain,
            approximate,
            interval,
            earliest,
            latest,
        } = date.facts();
        let precision = match precision {
            Precision::Year => 0,
            Precision::Month => 1,
            Precision::Day => 2,
            Precision::Time => 3,
        };
        let flags = precision
            | if uncertain { UNCERTAIN } else { 0 }
            | if approximate { APPROXIMATE } else { 0 }
            | if interval { INTERVAL } else { 0 };
        DateOut(date.text(), flags, earliest.0, latest.0)
    }
}

impl DateIn {
    fn into_date(self) -> EdtfDate {
        let DateIn(text, flags, earliest, latest) = self;
        let precision = match flags & 3 {
            0 => Precision::Year,
            1 => Precision::Month,
            2 => Precision::Day,
            _ => Precision::Time,
        };
        let facts = DateFacts {
            precision,
            uncertain: flags & UNCERTAIN != 0,
            approximate: flags & APPROXIMATE != 0,
            interval: flags & INTERVAL != 0,
            earliest: Moment(earliest),
            latest: Moment(latest),
        };
        EdtfDate::from_facts(text, facts)
    }
}

#[derive(Serialize)]
struct SourceOut<'a> {
    publisher: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<DateOut<'a>>,
}

/// Sources, written as a list of [`SourceOut`], each made as it is written.
struct SourcesOut<'a>(&'a [Source]);

impl Serialize for SourcesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(SourceOut::of))
    }
}

/// A run of events, written as a list of [`EventOut`], each made as it is written.
pub(super) struct RunOut<'a>(pub(super) &'a [Event]);

impl Serialize for RunOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(EventOut::of))
    }
}

#[derive(Deserialize)]
struct SourceIn {
    publisher: Text,
    title: Option<Text>,
    url: Option<Text>,
    published: Option<DateIn>,
}

impl<'a> SourceOut<'a> {
    fn of(source: &'a Source) -> SourceOut<'a> {
        let Source {
            publisher,
            title,
            url,
            published,
        } = source;
        SourceOut {
            publisher,
            title: title.as_deref(),
            url: url.as_deref(),
            published: published.as_ref().map(DateOut::of),
        }
    }
}

impl SourceIn {
    fn into_source(self) -> Source {
        Source {
            publisher: self.publisher,
            title: self.title,
            url: self.url,
            published: self.published.map(DateIn::into_date),
        }
    }
}

/// An event, as written in a run of events.
#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    kind: &'a EventKind,
    cameo: Option<&'a str>,
    date: DateOut<'a>,
    title: &'a str,
    actors: &'a str,
    counterparts: &'a str,
    topics: &'a str,
    place: Option<&'a str>,
    at: Option<(f32, f32)>,
    summary: &'a str,
    sources: SourcesOut<'a>,
    note: Option<&'a str>,
}

/// [`EventOut`] read back.
#[derive(Deserialize)]
struct EventIn {
    id: Text,
    kind: EventKind,
    cameo: Option<ThinText>,
    date: DateIn,
    title: Text,
    actors: Text,
    counterparts: Text,
    topics: Text,
    place: Option<Text>,
    at: Option<(f32, f32)>,
    summary: Text,
    sources: SourcesIn,
    note: Option<ThinText>,
}

impl<'a> EventOut<'a> {
    /// The form of `event` that is written.
    fn of(event: &'a Event) -> EventOut<'a> {
        let Event {
            id,
            kind,
            cameo,
            date,
            title,
            actors,
            counterparts,
            topics,
            place,
            at,
            summary,
            sources,
            note,
        } = event;
        EventOut {
            id,
            kind,
            cameo: cameo.as_deref(),
            date: DateOut::of(date),
            title,
            actors: actors.packed(),
            counterparts: counterparts.packed(),
            topics: topics.packed(),
            place: place.as_deref(),
            at: at.map(|Coordinates(lat, lon)| (lat, lon)),
            summary,
            sources: SourcesOut(sources),
            note: note.as_deref(),
        }
    }
}

impl EventIn {
    /// The event read back; `None` when a list of ids is not whole.
    fn into_event(self) -> Option<Event> {
        Some(Event {
            id: self.id,
            kind: self.kind,
            cameo: self.cameo,
            date: self.date.into_date(),
            title: self.title,
            actors: IdList::from_packed(self.actors)?,
            counterparts: IdList::from_packed(self.counterparts)?,
            topics: IdList::from_packed(self.topics)?,
            place: self.place,
            at: self.at.map(|(lat, lon)| Coordinates(lat, lon)),
            summary: self.summary,
            sources: self.sources.0,
            note: self.note,
        })
    }
}

/// Sources read back, each made a [`Source`] as soon as it is read.
struct SourcesIn(ThinVec<Source>);

impl<'de> Deserialize<'de> for SourcesIn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SourcesIn, D::Error> {
        struct SourcesVisitor;

        impl<'de> serde::de::Visitor<'de> for SourcesVisitor {
            type Value = SourcesIn;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of sources")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SourcesIn, A::Error> {
                let mut sources = ThinVec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(source) = seq.next_element::<SourceIn>()? {
                    sources.push(source.into_source());
                }
                Ok(SourcesIn(sources))
            }
        }

        deserializer.deserialize_seq(SourcesVisitor)
    }
}

/// A run of events read back, each made an [`Event`] as soon as it is read.
pub(super) struct RunIn(pub(super) Vec<Event>);

impl<'de> Deserialize<'de> for RunIn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RunIn, D::Error> {
        struct RunVisitor;

        impl<'de> serde::de::Visitor<'de> for RunVisitor {
            type Value = RunIn;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a run of events")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RunIn, A::Error> {
                let room = seq.size_hint().unwrap_or(0).min(1 << 16);
                let mut events = Vec::with_capacity(room);
                while let Some(event) = seq.next_element::<EventIn>()? {
                    let event = event
                        .into_event()
                        .ok_or_else(|| serde::de::Error::custom("a list of ids is not whole"))?;
                    events.push(event);
                }
                Ok(RunIn(events))
            }
        }

        deserializer.deserialize_seq(RunVisitor)
    }
}

#[derive(Serialize)]
struct RoleOut<'a> {
    title: &'a str,
    of: &'a str,
    from: Option<DateOut<'a>>,
    to: Option<DateOut<'a>>,
    sources: SourcesOut<'a>,
    note: Option<&'a str>,
}

#[derive(Deserialize)]
struct RoleIn {
    title: String,
    of: String,
    from: Option<DateIn>,
    to: Option<DateIn>,
    sources: SourcesIn,
    note: Option<String>,
}

impl<'a> RoleOut<'a> {
    fn of(role: &'a Role) -> RoleOut<'a> {
        let Role {
            title,
            of,
            from,
            to,
            sources,
            note,
        } = role;
        RoleOut {
            title,
            of,
            from: from.as_ref().map(DateOut::of),
            to: to.as_ref().map(DateOut::of),
            sources: SourcesOut(sources),
            note: note.as_deref(),
        }
    }
}

impl RoleIn {
    fn into_role(self) -> Role {
        Role {
            title: self.title,
            of: self.of,
            from: self.from.map(DateIn::into_date),
            to: self.to.map(DateIn::into_date),
            sources: self.sources.0.into(),
            note: self.note,
        }
    }
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: ActorKind,
    roles: Vec<RoleOut<'a>>,
    aliases: &'a [String],
    wikidata: Option<&'a str>,
    names: &'a BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct ActorIn {
    id: String,
    name: String,
    kind: ActorKind,
    roles: Vec<RoleIn>,
    aliases: Vec<String>,
    wikidata: Option<String>,
    names: BTreeMap<String, String>,
}

impl<'a> ActorOut<'a> {
    fn of(actor: &'a Actor) -> ActorOut<'a> {
        let Actor {
            id,
            name,
            kind,
            roles,
            aliases,
            wikidata,
            names,
        } = actor;
        ActorOut {
            id,
            name,
            kind: *kind,
            roles: roles.iter().map(RoleOut::of).collect(),
            aliases,
            wikidata: wikidata.as_deref(),
            names,
        }
    }
}

impl ActorIn {
    fn into_actor(self) -> Actor {
        Actor {
            id: self.id,
            name: self.name,
            kind: self.kind,
            roles: self.roles.into_iter().map(RoleIn::into_role).collect(),
            aliases: self.aliases,
            wikidata: self.wikidata,
            names: self.names,
        }
    }
}

#[derive(Serialize)]
struct TopicOut<'a> {
    id: &'a str,
    name: &'a str,
    parent: Option<&'a str>,
}

#[derive(Deserialize)]
struct TopicIn {
    id: String,
    name: String,
    parent: Option<String>,
}

impl<'a> TopicOut<'a> {
    fn of(topic: &'a Topic) -> TopicOut<'a> {
        let Topic { id, name, parent } = topic;
        TopicOut {
            id,
            name,
            parent: parent.as_deref(),
        }
    }
}

impl TopicIn {
    fn into_topic(self) -> Topic {
        Topic {
            id: self.id,
            name: self.name,
            parent: self.parent,
        }
    }
}

#[derive(Serialize)]
struct EraOut<'a> {
    name: &'a str,
    date: DateOut<'a>,
    color: Option<&'a str>,
}

#[derive(Deserialize)]
struct EraIn {
    name: String,
    date: DateIn,
    color: Option<String>,
}

impl<'a> EraOut<'a> {
    fn of(era: &'a Era) -> EraOut<'a> {
        let Era { name, date, color } = era;
        EraOut {
            name,
            date: DateOut::of(date),
            color: color.as_deref(),
        }
    }
}

impl EraIn {
    fn into_era(self) -> Era {
        Era {
            name: self.name,
            date: DateIn::into_date(self.date),
            color: self.color,
        }
    }
}
