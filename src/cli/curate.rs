//! `annals add`, `set` and `rm`: a curator's edits of an Annals dataset from
//! the command line, through the editing engine. A save changes only the text
//! of what changed, atomically. An unknown id, kind or field exits 2 with the
//! closest name; an invalid value exits 1 and names the problem; in both cases
//! the file stays byte for byte the same.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, Outcome};
use crate::dataset::closest;
use crate::edit::{Document, Edit};
use crate::import::{Format, host_of};
use crate::model::{Dataset, EdtfDate, Event, EventKind, Source};

/// `annals add FILE --date D --title T ...`.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// The Annals dataset (RON) to add the event to.
    pub(crate) file: PathBuf,
    /// The date, EDTF: 2022-05-16, 2022-05, 2014, 2022-05-01? for uncertain.
    #[arg(long)]
    pub(crate) date: String,
    /// The end of an interval, EDTF.
    #[arg(long)]
    pub(crate) end: Option<String>,
    /// The title.
    #[arg(long)]
    pub(crate) title: String,
    /// The kind: visit, phone-call, meeting, treaty-signing, diplomatic-relations, recognition, membership, inauguration, statement, diplomatic-protest, milestone, or a kind the dataset already has (default: statement).
    #[arg(long)]
    pub(crate) kind: Option<String>,
    /// An actor's id (repeatable).
    #[arg(long = "actor", value_name = "ID")]
    pub(crate) actors: Vec<String>,
    /// A counterpart's id (repeatable).
    #[arg(long = "counterpart", value_name = "ID")]
    pub(crate) counterparts: Vec<String>,
    /// A topic's id (repeatable).
    #[arg(long = "topic", value_name = "ID")]
    pub(crate) topics: Vec<String>,
    /// Where it happened.
    #[arg(long)]
    pub(crate) place: Option<String>,
    /// Where on the globe, as LAT,LON in degrees (38.54,68.78).
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
    pub(crate) at: Option<String>,
    /// What happened, in a few sentences.
    #[arg(long)]
    pub(crate) summary: Option<String>,
    /// A curator's note: where sources disagree, say.
    #[arg(long)]
    pub(crate) note: Option<String>,
    /// Its CAMEO event code, where not its kind's.
    #[arg(long)]
    pub(crate) cameo: Option<String>,
    /// A source's URL (repeatable); its publisher is the URL's host.
    #[arg(long = "source", value_name = "URL")]
    pub(crate) sources: Vec<String>,
    /// The event's id (by default made from the date and the title).
    #[arg(long)]
    pub(crate) id: Option<String>,
}

/// `annals set FILE ID FIELD=VALUE...`.
#[derive(Debug, Clone, Args)]
pub struct SetArgs {
    /// The Annals dataset (RON).
    pub(crate) file: PathBuf,
    /// The event's id.
    pub(crate) id: String,
    /// title=, date=, end=, kind=, place=, at= (LAT,LON), summary=, note=, cameo= (empty clears an optional one); actors+=ID, actors-=ID, and the same for counterparts, topics and sources (sources+=URL).
    #[arg(required = true, value_name = "FIELD=VALUE")]
    pub(crate) changes: Vec<String>,
}

/// `annals rm FILE ID...`.
#[derive(Debug, Clone, Args)]
pub struct RmArgs {
    /// The Annals dataset (RON).
    pub(crate) file: PathBuf,
    /// The ids of the events to remove.
    #[arg(required = true, value_name = "ID")]
    pub(crate) ids: Vec<String>,
}

/// Adds the event and prints its id.
pub(crate) fn add(args: &AddArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    run(&args.file, out, |document| {
        let dataset = document.dataset();
        let kind = match &args.kind {
            Some(text) => kind_named(dataset, text)?,
            None => EventKind::Statement,
        };
        for id in args.actors.iter().chain(&args.counterparts) {
            known_actor(dataset, id)?;
        }
        for id in &args.topics {
            known_topic(dataset, id)?;
        }
        let text = match &args.end {
            Some(end) => format!("{}/{end}", args.date),
            None => args.date.clone(),
        };
        let date = date_of(&text)?;
        let id = match &args.id {
            Some(id) => id.clone(),
            None => document.new_event_id(&args.date, &args.title),
        };
        let event = Event {
            id: id.clone().into(),
            kind,
            cameo: args.cameo.clone().map(Into::into),
            date,
            title: args.title.clone().into(),
            actors: args.actors.iter().collect(),
            counterparts: args.counterparts.iter().collect(),
            topics: args.topics.iter().collect(),
            place: args.place.clone().map(Into::into),
            at: args
                .at
                .as_deref()
                .map(str::parse)
                .transpose()
                .map_err(CliError::Usage)?,
            summary: args.summary.clone().unwrap_or_default().into(),
            sources: args.sources.iter().map(|url| source_of(url)).collect(),
            note: args.note.clone().map(Into::into),
        };
        Ok((Edit::add_event(event), id))
    })
}

/// Changes the fields of one event.
pub(crate) fn set(args: &SetArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    run(&args.file, out, |document| {
        let Some(event) = document.event(&args.id) else {
            let ids = document.dataset().events.iter().map(|e| e.id.as_str());
            return Err(unknown("event", &args.id, ids));
        };
        let mut event = event.clone();
        for change in &args.changes {
            apply_field(document.dataset(), &mut event, change)?;
        }
        Ok((Edit::change_event(&args.id, event), String::new()))
    })
}

/// Removes the events.
pub(crate) fn rm(args: &RmArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    run(&args.file, out, |document| {
        let mut edits = Vec::new();
        for id in &args.ids {
            if !document.has_event(id) {
                let ids = document.dataset().events.iter().map(|e| e.id.as_str());
                return Err(unknown("event", id, ids));
            }
            edits.push(Edit::remove_event(id));
        }
        Ok((Edit::Compound(edits), String::new()))
    })
}

/// Opens `file`, makes the edit with `make`, applies it and saves; prints what
/// `make` returns (a new id). An edit that stops says that the file was left as it was.
fn run(
    file: &Path,
    out: &mut dyn Write,
    make: impl FnOnce(&Document) -> Result<(Edit, String), CliError>,
) -> Result<Outcome, CliError> {
    let printed = edit_and_save(file, make).map_err(|reason| CliError::LeftAsItWas {
        file: file.to_path_buf(),
        reason: Box::new(reason),
    })?;
    if !printed.is_empty() {
        let _ = writeln!(out, "{printed}");
    }
    Ok(Outcome::Done)
}

fn edit_and_save(
    file: &Path,
    make: impl FnOnce(&Document) -> Result<(Edit, String), CliError>,
) -> Result<String, CliError> {
    let mut document = Document::open(file)?;
    if let Some(origin) = document.origin()
        && origin.format != Format::Ron
    {
        return Err(CliError::NotAnnalsDataset {
            path: file.to_path_buf(),
            format: origin.format.label(),
            needs: "Annals edits its own datasets",
        });
    }
    let (edit, printed) = make(&document)?;
    edit.apply(&mut document)
        .map_err(|error| CliError::Invalid(error.to_string()))?;
    document
        .save()
        .map_err(|error| CliError::Invalid(error.to_string()))?;
    Ok(printed)
}

/// An EDTF date, or the problem with it.
fn date_of(text: &str) -> Result<EdtfDate, CliError> {
    EdtfDate::parse(text)
        .map_err(|error| CliError::Invalid(format!("{text:?} is not a date: {error}")))
}

/// A source known by its URL alone: its publisher is the URL's host.
fn source_of(url: &str) -> Source {
    Source {
        publisher: host_of(url).unwrap_or(url).into(),
        title: None,
        url: Some(url.into()),
        published: None,
    }
}

/// The kind named `text`: a built-in kind by its slug or label, or one the dataset has.
fn kind_named(dataset: &Dataset, text: &str) -> Result<EventKind, CliError> {
    let mut kinds: Vec<EventKind> = EventKind::BUILT_IN.to_vec();
    for event in &dataset.events {
        if matches!(event.kind, EventKind::Other(_)) && !kinds.contains(&event.kind) {
            kinds.push(event.kind.clone());
        }
    }
    let wanted = text.trim().to_lowercase();
    if let Some(kind) = kinds
        .iter()
        .find(|k| k.slug() == wanted || k.label().to_lowercase() == wanted)
    {
        return Ok(kind.clone());
    }
    let slugs: Vec<String> = kinds.iter().map(EventKind::slug).collect();
    Err(unknown("kind", text, slugs.iter().map(String::as_str)))
}

fn known_actor(dataset: &Dataset, id: &str) -> Result<(), CliError> {
    if dataset.actors.iter().any(|a| a.id == id) {
        return Ok(());
    }
    Err(unknown(
        "actor",
        id,
        dataset.actors.iter().map(|a| a.id.as_str()),
    ))
}

fn known_topic(dataset: &Dataset, id: &str) -> Result<(), CliError> {
    if dataset.topics.iter().any(|t| t.id == id) {
        return Ok(());
    }
    Err(unknown(
        "topic",
        id,
        dataset.topics.iter().map(|t| t.id.as_str()),
    ))
}

/// "there is no actor "TJ" (did you mean "TJK"?)", exit 2.
fn unknown<'a>(what: &str, name: &str, known: impl Iterator<Item = &'a str>) -> CliError {
    let hint = closest(name, known)
        .map(|c| format!(" (did you mean {c:?}?)"))
        .unwrap_or_default();
    CliError::Usage(format!("there is no {what} {name:?}{hint}"))
}

/// The fields `set` changes, for suggesting the closest.
const FIELDS: [&str; 13] = [
    "title",
    "date",
    "end",
    "kind",
    "place",
    "at",
    "summary",
    "note",
    "cameo",
    "actors",
    "counterparts",
    "topics",
    "sources",
];

/// Applies one `FIELD=VALUE`, `LIST+=ITEM` or `LIST-=ITEM` to `event`.
fn apply_field(dataset: &Dataset, event: &mut Event, change: &str) -> Result<(), CliError> {
    let Some((left, value)) = change.split_once('=') else {
        return Err(CliError::Usage(format!(
            "{change:?} is not FIELD=VALUE (or LIST+=ITEM, LIST-=ITEM)"
        )));
    };
    let (field, op) = match left.as_bytes().last() {
        Some(b'+') => (&left[..left.len() - 1], '+'),
        Some(b'-') => (&left[..left.len() - 1], '-'),
        _ => (left, '='),
    };
    if !FIELDS.contains(&field) {
        return Err(unknown("field", field, FIELDS.into_iter()));
    }
    match (field, op) {
        ("title", '=') => event.title = value.into(),
        ("summary", '=') => event.summary = value.into(),
        ("place", '=') => event.place = optional_str(value).map(Into::into),
        ("at", '=') if value.is_empty() => event.at = None,
        ("at", '=') => event.at = Some(value.parse().map_err(CliError::Usage)?),
        ("note", '=') => event.note = optional_str(value).map(Into::into),
        ("cameo", '=') => event.cameo = optional_str(value).map(Into::into),
        ("kind", '=') => event.kind = kind_named(dataset, value)?,
        ("date", '=') => {
            let end = event
                .date
                .text()
                .split_once('/')
                .map(|(_, end)| end.to_string());
            event.date = date_of(&join(value, end.as_deref()))?;
        }
        ("end", '=') => {
            let text = event.date.text().to_string();
            let start = text
                .split_once('/')
                .map_or(text.as_str(), |(start, _)| start);
            event.date = date_of(&join(start, optional_str(value)))?;
        }
        ("actors" | "counterparts" | "topics" | "sources", '+' | '-') => {
            change_list(dataset, event, field, op, value)?;
        }
        _ => {
            return Err(CliError::Usage(format!(
                "{field} takes {}",
                if matches!(field, "actors" | "counterparts" | "topics" | "sources") {
                    format!("{field}+=ITEM or {field}-=ITEM")
                } else {
                    format!("{field}=VALUE")
                }
            )));
        }
    }
    Ok(())
}

fn optional_str(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

/// A date from its start and, for an interval, its end.
fn join(start: &str, end: Option<&str>) -> String {
    match end {
        Some(end) => format!("{start}/{end}"),
        None => start.to_string(),
    }
}

/// Adds `value` to one of the event's lists, or takes it out.
fn change_list(
    dataset: &Dataset,
    event: &mut Event,
    field: &str,
    op: char,
    value: &str,
) -> Result<(), CliError> {
    if field == "sources" {
        if op == '+' {
            event.sources.push(source_of(value));
        } else {
            let before = event.sources.len();
            event.sources.retain(|s| s.url.as_deref() != Some(value));
            if event.sources.len() == before {
                let urls = event.sources.iter().filter_map(|s| s.url.as_deref());
                return Err(unknown("source", value, urls));
            }
        }
        return Ok(());
    }
    if op == '+' {
        if field == "topics" {
            known_topic(dataset, value)?;
        } else {
            known_actor(dataset, value)?;
        }
    }
    let list = match field {
        "actors" => &mut event.actors,
        "counterparts" => &mut event.counterparts,
        _ => &mut event.topics,
    };
    let mut ids: Vec<String> = list.iter().map(str::to_string).collect();
    if op == '+' {
        if !ids.iter().any(|id| id == value) {
            ids.push(value.to_string());
        }
    } else if let Some(at) = ids.iter().position(|id| id == value) {
        ids.remove(at);
    } else {
        return Err(unknown(
            field.trim_end_matches('s'),
            value,
            ids.iter().map(String::as_str),
        ));
    }
    *list = ids.into();
    Ok(())
}
