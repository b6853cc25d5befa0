//! `annals stats [FILE] [filters] --by UNIT --group G --format F [-o OUT]`:
//! the number of chosen events per period, as a table, CSV, JSON or a chart.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::chosen::{Chosen, choose};
use super::output::{AnalysisOutput, deliver, picture_needs_file};
use super::{EXIT_INVALID, FilterArgs};
use crate::analysis::{CountIndex, Grouping, PeriodCounts, PeriodLength, PeriodUnit};
use crate::export::{self, AnalysisExport};

/// What `annals stats` was asked for.
#[derive(Debug, Clone)]
pub struct StatsArgs {
    /// The dataset (the embedded one when `None`).
    pub file: Option<PathBuf>,
    /// Which events.
    pub filter: FilterArgs,
    /// The period unit.
    pub by: PeriodUnit,
    /// What the counts are split by.
    pub group: Grouping,
    /// How to print or draw them.
    pub format: AnalysisOutput,
    /// The file to write, or standard output.
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    pub force: bool,
}

/// Counts the chosen events and prints or writes them; the exit code.
pub fn run(args: &StatsArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if args.format.is_picture() && args.output.is_none() {
        return picture_needs_file(args.format, err);
    }
    let Chosen {
        dataset,
        source,
        filter,
        selection,
    } = match choose(args.file.as_deref(), &args.filter, err) {
        Ok(chosen) => chosen,
        Err(code) => return code,
    };
    let counts = CountIndex::new(&dataset).period_counts(&selection, args.by, args.group, None);
    let bytes = match args.format.exported() {
        Some(format) => {
            let export = AnalysisExport {
                format,
                filter,
                events: selection.len(),
                source,
                command: vec![
                    "stats".to_string(),
                    "--by".to_string(),
                    args.by.to_string(),
                    "--group".to_string(),
                    args.group.to_string(),
                ],
                file_name: file_name(args.output.as_deref(), format.extension()),
                exported_at: export::now_rfc3339(),
            };
            match export::render_stats(&dataset, &counts, &export) {
                Ok(bytes) => bytes,
                Err(error) => {
                    let _ = writeln!(err, "annals: {error}");
                    return EXIT_INVALID;
                }
            }
        }
        None if args.format == AnalysisOutput::Json => json(&counts),
        None => table(&counts),
    };
    deliver(&bytes, args.output.as_deref(), args.force, out, err)
}

/// The name of the file written, for the manifest's command line.
pub(super) fn file_name(output: Option<&Path>, extension: &str) -> String {
    output.and_then(Path::file_name).map_or_else(
        || format!("out.{extension}"),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The counts as aligned columns: period, group, count.
fn table(counts: &PeriodCounts) -> Vec<u8> {
    let rows: Vec<[String; 3]> = counts
        .cells
        .iter()
        .map(|c| {
            [
                counts.periods[c.period as usize].label(),
                counts.groups[c.group as usize].clone(),
                c.count.to_string(),
            ]
        })
        .collect();
    let header = ["period", "group", "count"];
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].len()])
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (width(0), width(1), width(2));
    let mut text = String::new();
    for row in std::iter::once(header.map(str::to_string)).chain(rows) {
        let line = format!("{:<w0$}  {:<w1$}  {:>w2$}", row[0], row[1], row[2]);
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.into_bytes()
}

/// One count as JSON.
#[derive(Serialize)]
struct JsonCount<'a> {
    period: String,
    length: PeriodLength,
    group: &'a str,
    count: u32,
}

/// The counts as JSON.
#[derive(Serialize)]
struct JsonCounts<'a> {
    by: PeriodUnit,
    group: Grouping,
    total: u64,
    counts: Vec<JsonCount<'a>>,
}

fn json(counts: &PeriodCounts) -> Vec<u8> {
    let document = JsonCounts {
        by: counts.unit,
        group: counts.grouping,
        total: counts.total(),
        counts: counts
            .cells
            .iter()
            .map(|c| {
                let period = counts.periods[c.period as usize];
                JsonCount {
                    period: period.label(),
                    length: period.length,
                    group: &counts.groups[c.group as usize],
                    count: c.count,
                }
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&document)
        .unwrap_or_else(|e| unreachable!("counts always serialize: {e}"));
    bytes.push(b'\n');
    bytes
}

/// Parses `--by`.
pub fn parse_unit(text: &str) -> Result<PeriodUnit, String> {
    text.parse()
}

/// Parses `--group`.
pub fn parse_grouping(text: &str) -> Result<Grouping, String> {
    text.parse()
}
