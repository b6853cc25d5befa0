//! Streaming the rows of an event-data file through the cut, the actors and the
//! merger, into a dataset with the report and the problems of the rows left out.

use std::io::BufRead;
use std::path::Path;

use csv::{ByteRecord, ReaderBuilder};

use super::actors::ActorRegistry;
use super::merge::Merger;
use super::record::Columns;
use super::{
    Cut, EventDataError, EventDataImport, EventDataOptions, EventDataReport, Family, Layout,
};
use crate::dataset::{LineCol, Problem};
use crate::model::{ActorKind, Dataset, IdLookup};

/// Streams the rows of `text` through the cut, the actors and the merger.
pub(super) fn read_rows(
    text: &mut dyn BufRead,
    layout: &Layout,
    columns: &Columns,
    name: &str,
    options: &EventDataOptions,
) -> Result<EventDataImport, EventDataError> {
    let mut reader = ReaderBuilder::new()
        .delimiter(layout.delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(layout.header)
        .buffer_capacity(256 * 1024)
        .from_reader(text);
    let mut rows = Rows::new(layout, columns, options);
    let mut record = ByteRecord::new();
    let mut first = true;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                rows.problem(line, 1, format!("cannot read the row: {error}"));
                break;
            }
        }
        if std::mem::take(&mut first) && layout.header {
            continue;
        }
        rows.take(&record);
    }
    Ok(rows.finish(name))
}

/// The rows read so far: the actors met, the events being merged, the report
/// and the problems.
struct Rows<'a> {
    layout: &'a Layout,
    columns: &'a Columns,
    options: &'a EventDataOptions,
    /// The actors the cut keeps, resolved.
    wanted: Vec<String>,
    registry: ActorRegistry,
    merger: Merger,
    report: EventDataReport,
    problems: Vec<Problem>,
    /// The problem of the last row when it was short: a file cut off.
    short_last: Option<usize>,
}

impl<'a> Rows<'a> {
    fn new(layout: &'a Layout, columns: &'a Columns, options: &'a EventDataOptions) -> Rows<'a> {
        let (prefix, source) = source_names(layout.family);
        Rows {
            layout,
            columns,
            options,
            wanted: options.cut.resolved_actors(),
            registry: ActorRegistry::default(),
            merger: Merger::new(!options.no_merge, prefix, source),
            report: EventDataReport {
                layout: layout.description.clone(),
                ..EventDataReport::default()
            },
            problems: Vec::new(),
            short_last: None,
        }
    }

    fn problem(&mut self, line: usize, col: usize, message: String) {
        self.problems.push(problem(line, col, message));
        self.report.problems += 1;
    }

    /// Reads one record: a problem, a row cut or without actors, or an event to merge.
    fn take(&mut self, record: &ByteRecord) {
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty()) {
            return;
        }
        self.report.rows += 1;
        self.short_last = None;
        let expected = self.columns.count();
        if record.len() != expected {
            if record.len() < expected {
                self.short_last = Some(self.problems.len());
            }
            let message = format!(
                "the row has {} columns where {} has {expected}",
                record.len(),
                self.layout.description,
            );
            self.problem(line, 1, message);
            return;
        }
        let row = match self.columns.row(record) {
            Ok(row) => row,
            Err(bad) => {
                let col = bad.field.map_or(1, |i| column_of(record, i));
                self.problem(line, col, bad.message);
                return;
            }
        };
        if !self.options.cut.keeps_day_and_code(row.day, row.code) {
            self.report.cut += 1;
            return;
        }
        let sides = [
            self.registry.resolve(&row.sides[0]),
            self.registry.resolve(&row.sides[1]),
        ];
        if sides.iter().all(Option::is_none) {
            self.report.without_actor.push(LineCol { line, col: 1 });
            return;
        }
        let ids = [
            sides[0].as_ref().map(|s| s.id.as_ref()),
            sides[1].as_ref().map(|s| s.id.as_ref()),
        ];
        if !Cut::keeps_sides(&self.wanted, self.options.cut.between, ids) {
            self.report.cut += 1;
            return;
        }
        self.merger.add(&row, sides);
    }

    /// The dataset of the rows read from the file `name`, with the report and the problems.
    fn finish(mut self, name: &str) -> EventDataImport {
        if let Some(index) = self.short_last {
            let found = &mut self.problems[index];
            found.message = format!(
                "the last line is cut short ({}): the file seems incomplete",
                found.message.trim_start_matches("the row ")
            );
        }
        let names = self.registry.names();
        let options = self.options;
        let (events, few) = self
            .merger
            .finish(options.level, options.cut.min_articles, |id| {
                names.get(id).cloned().unwrap_or_else(|| id.to_string())
            });
        let mut report = self.report;
        report.few_articles = few;
        report.events = events.len();
        let used: std::collections::HashSet<&str> =
            events.iter().flat_map(|e| e.participants()).collect();
        let actors = self.registry.into_actors(|id| used.contains(id));
        report.countries = actors
            .iter()
            .filter(|a| a.kind == ActorKind::Country)
            .count();
        report.organizations = actors.len() - report.countries;
        let (_, source) = source_names(self.layout.family);
        let file = file_name(name);
        let dataset = Dataset {
            title: format!("{source} events: {file}"),
            description: format!(
                "Imported from {file} ({}): {} rows read, {} events.",
                self.layout.description, report.rows, report.events
            ),
            actors,
            topics: Vec::new(),
            events,
            eras: Vec::new(),
            actor_lookup: IdLookup::default(),
            topic_lookup: IdLookup::default(),
        };
        EventDataImport {
            dataset,
            problems: self.problems,
            report,
            family: self.layout.family,
            delimiter: self.layout.delimiter,
        }
    }
}

/// The prefix of the ids and the name of the source of a family's events.
fn source_names(family: Family) -> (&'static str, &'static str) {
    match family {
        Family::Gdelt => ("gdelt", "GDELT"),
        Family::Icews => ("icews", "ICEWS"),
    }
}

fn file_name(name: &str) -> &str {
    Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(name)
}

fn problem(line: usize, col: usize, message: String) -> Problem {
    Problem {
        at: Some(LineCol { line, col }),
        message,
    }
}

/// The 1-based character column where field `index` of an unquoted record starts.
fn column_of(record: &ByteRecord, index: usize) -> usize {
    1 + record
        .iter()
        .take(index)
        .map(|field| String::from_utf8_lossy(field).chars().count() + 1)
        .sum::<usize>()
}
