//! `annals list [FILE]`: the events in time order, as a table, CSV or JSON, or their number.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{CliError, FilterArgs, Outcome};
use crate::index::EventIdx;
use crate::model::{Dataset, Event};
use crate::query::{self, Filter, QueryIndex};

/// How `annals list` prints the events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// One aligned line per event: date, kind, title, actors.
    #[default]
    Table,
    /// CSV with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// One event as `annals list` prints it in CSV and JSON.
#[derive(Debug, Serialize)]
struct ListedEvent<'a> {
    id: &'a str,
    date: &'a str,
    kind: String,
    title: &'a str,
    actors: String,
    counterparts: String,
    topics: String,
    place: &'a str,
}

impl<'a> ListedEvent<'a> {
    fn new(dataset: &'a Dataset, event: &'a Event) -> ListedEvent<'a> {
        ListedEvent {
            id: &event.id,
            date: event.date.text(),
            kind: event.kind.slug(),
            title: &event.title,
            actors: dataset.actor_names(&event.actors, "; "),
            counterparts: dataset.actor_names(&event.counterparts, "; "),
            topics: event.topics.join("; "),
            place: event.place.as_deref().unwrap_or(""),
        }
    }
}

/// `annals list [FILE] [filters] [--format F] [--count]`.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// The dataset (the embedded one when omitted).
    pub(crate) file: Option<PathBuf>,
    /// Which events.
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// How to print them.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub(crate) format: ListFormat,
    /// Print only the number of matching events.
    #[arg(long)]
    pub(crate) count: bool,
}

/// Reads the dataset and prints the events its filters choose.
pub fn run(args: &ListArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let dataset = super::open(args.file.as_deref())?.dataset;
    let filter = args.filter.to_filter(&dataset).map_err(CliError::Usage)?;
    print(&dataset, &filter, args.format, args.count, out).map_err(|reason| CliError::Output {
        what: "the list",
        reason,
    })?;
    Ok(Outcome::Done)
}

/// Prints the events that match `filter` in `format`, or only their number
/// with `count`; an error when the output cannot be written.
fn print(
    dataset: &Dataset,
    filter: &Filter,
    format: ListFormat,
    count: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let index = QueryIndex::new(dataset);
    let selected = query::select(dataset, &index, filter);
    if count {
        return writeln!(out, "{}", selected.len()).map_err(|e| e.to_string());
    }
    match format {
        ListFormat::Table => table(dataset, &selected, out).map_err(|e| e.to_string()),
        ListFormat::Csv => csv(dataset, &selected, out),
        ListFormat::Json => json(dataset, &selected, out),
    }
}

fn table(dataset: &Dataset, selected: &[EventIdx], out: &mut dyn Write) -> std::io::Result<()> {
    for &i in selected {
        let event = &dataset.events[i as usize];
        let actors: Vec<&str> = event
            .participants()
            .map(|id| dataset.actor_name(id))
            .collect();
        writeln!(
            out,
            "{:<23} {:<20} {}  [{}]",
            event.date.text(),
            event.kind.label(),
            event.title,
            actors.join(", ")
        )?;
    }
    Ok(())
}

fn csv(dataset: &Dataset, selected: &[EventIdx], out: &mut dyn Write) -> Result<(), String> {
    let mut writer = csv::Writer::from_writer(out);
    for &i in selected {
        writer
            .serialize(ListedEvent::new(dataset, &dataset.events[i as usize]))
            .map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())
}

fn json(dataset: &Dataset, selected: &[EventIdx], out: &mut dyn Write) -> Result<(), String> {
    let events: Vec<ListedEvent> = selected
        .iter()
        .map(|&i| ListedEvent::new(dataset, &dataset.events[i as usize]))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &events).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())
}
