//! `annals stats [FILE] [filters] --by UNIT --group G --format F [-o OUT]`:
//! the number of chosen events per period, as a table, CSV, JSON or a chart.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::chosen::{Chosen, choose};
use super::output::{AnalysisOutput, deliver, picture_needs_file};
use super::{CliError, FilterArgs, Outcome};
use crate::analysis::{CountIndex, Grouping, PeriodCounts, PeriodLength, PeriodUnit};
use crate::export::{self, AnalysisExport};

/// What `annals stats` was asked for.
#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// The dataset (the embedded one when omitted).
    pub(crate) file: Option<PathBuf>,
    /// Which events.
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// The period: year, month, week (ISO) or day.
    #[arg(long, value_name = "UNIT", value_parser = parse_unit, default_value = "year")]
    pub(crate) by: PeriodUnit,
    /// Split each period's count by kind, actor, topic, or none.
    #[arg(long, value_name = "GROUP", value_parser = parse_grouping, default_value = "kind")]
    pub(crate) group: Grouping,
    /// How to print it, or the chart to draw (svg, png need -o).
    #[arg(long, value_enum, default_value_t = AnalysisOutput::Table)]
    pub(crate) format: AnalysisOutput,
    /// The file to write (standard output when omitted).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Counts the chosen events and prints or writes them.
pub fn run(args: &StatsArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    if args.format.is_picture() && args.output.is_none() {
        return Err(picture_needs_file(args.format));
    }
    let Chosen {
        dataset,
        source,
        filter,
        selection,
    } = choose(args.file.as_deref(), &args.filter)?;
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
            export::render_stats(&dataset, &counts, &export)?
        }
        None if args.format == AnalysisOutput::Json => json(&counts),
        None => table(&counts),
    };
    deliver(&bytes, args.output.as_deref(), args.force, out)
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
pub(crate) fn parse_unit(text: &str) -> Result<PeriodUnit, String> {
    text.parse()
}

/// Parses `--group`.
pub(crate) fn parse_grouping(text: &str) -> Result<Grouping, String> {
    text.parse()
}
