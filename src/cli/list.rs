//! `annals list [FILE]`: the events in time order, as a table, CSV or JSON, or their number.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{CliError, FilterArgs, Outcome};
use crate::index::EventIdx;
use crate::model::jalali::jalali_text;
use crate::model::{Calendar, Dataset, Event};
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
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_jalali: Option<String>,
    kind: String,
    title: &'a str,
    actors: String,
    counterparts: String,
    topics: String,
    place: &'a str,
}

impl<'a> ListedEvent<'a> {
    fn new(dataset: &'a Dataset, event: &'a Event, calendar: Calendar) -> ListedEvent<'a> {
        ListedEvent {
            id: &event.id,
            date: calendar.has_gregorian().then(|| event.date.text()),
            date_jalali: calendar
                .has_jalali()
                .then(|| jalali_text(&event.date).unwrap_or_default()),
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
    /// The calendar dates are printed in: gregorian (EDTF), jalali (instead
    /// of EDTF, as `date_jalali` in csv and json) or both.
    #[arg(long, value_name = "CALENDAR", default_value = "gregorian", value_parser = super::export::parse_calendar)]
    pub(crate) calendar: Calendar,
    /// Print only the number of matching events.
    #[arg(long)]
    pub(crate) count: bool,
}

/// Reads the dataset and prints the events its filters choose.
pub fn run(args: &ListArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let dataset = super::open(args.file.as_deref())?.dataset;
    let filter = args.filter.to_filter(&dataset).map_err(CliError::Usage)?;
    let how = Printing {
        format: args.format,
        calendar: args.calendar,
        count: args.count,
    };
    print(&dataset, &filter, how, out).map_err(|reason| CliError::Output {
        what: "the list",
        reason,
    })?;
    Ok(Outcome::Done)
}

/// How `annals list` prints.
#[derive(Debug, Clone, Copy)]
struct Printing {
    format: ListFormat,
    calendar: Calendar,
    /// Only the number of events.
    count: bool,
}

/// Prints the events that match `filter` as `how` says; an error when the
/// output cannot be written.
fn print(
    dataset: &Dataset,
    filter: &Filter,
    how: Printing,
    out: &mut dyn Write,
) -> Result<(), String> {
    let index = QueryIndex::new(dataset);
    let selected = query::select(dataset, &index, filter);
    if how.count {
        return writeln!(out, "{}", selected.len()).map_err(|e| e.to_string());
    }
    let listed =
        |i: &EventIdx| ListedEvent::new(dataset, &dataset.events[*i as usize], how.calendar);
    match how.format {
        ListFormat::Table => {
            table(dataset, &selected, how.calendar, out).map_err(|e| e.to_string())
        }
        ListFormat::Csv => csv(selected.iter().map(listed), out),
        ListFormat::Json => json(selected.iter().map(listed).collect(), out),
    }
}

fn table(
    dataset: &Dataset,
    selected: &[EventIdx],
    calendar: Calendar,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for &i in selected {
        let event = &dataset.events[i as usize];
        let jalali = || jalali_text(&event.date).unwrap_or_default();
        let date = match calendar {
            Calendar::Gregorian => event.date.text().to_string(),
            Calendar::Jalali => jalali(),
            Calendar::Both => format!("{} · {}", event.date.text(), jalali()),
        };
        let actors: Vec<&str> = event
            .participants()
            .map(|id| dataset.actor_name(id))
            .collect();
        writeln!(
            out,
            "{:<23} {:<20} {}  [{}]",
            date,
            event.kind.label(),
            event.title,
            actors.join(", ")
        )?;
    }
    Ok(())
}

fn csv<'a>(
    events: impl Iterator<Item = ListedEvent<'a>>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let mut writer = csv::Writer::from_writer(out);
    for event in events {
        writer.serialize(event).map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())
}

fn json(events: Vec<ListedEvent>, out: &mut dyn Write) -> Result<(), String> {
    serde_json::to_writer_pretty(&mut *out, &events).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())
}
