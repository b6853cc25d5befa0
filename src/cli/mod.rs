//! The command line: `annals [FILE]`, `annals check`, `annals list`, `annals export`,
//! `annals stats`, `annals matrix`, `annals import`, `annals generate`.
//!
//! One file per subcommand; this one holds the argument definitions and the dispatch.
//!
//! Each subcommand writes to the given streams and returns the exit code,
//! so that tests can run it without a process.

use std::ffi::OsString;
use std::io::Write;

mod check;
mod chosen;
mod curate;
mod diff;
mod event_data_args;
mod export;
mod filter_args;
mod fmt;
mod generate;
mod import;
mod list;
mod matrix;
mod output;
mod stats;

pub use event_data_args::{CameoLevelArg, EventDataArgs};
pub use filter_args::FilterArgs;
pub use list::ListFormat;
pub use matrix::MatrixArgs;
pub use output::AnalysisOutput;
pub use stats::StatsArgs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset::DatasetError;
use crate::import::Opened;

/// Exit code: every file was valid.
pub const EXIT_OK: u8 = 0;
/// Exit code: a dataset is invalid, or an output could not be written.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: a file could not be read, or the command line is wrong.
pub const EXIT_USAGE: u8 = 2;

/// Annals: browse chronologies of international relations on a timeline.
#[derive(Debug, Parser)]
#[command(
    name = "annals",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without a subcommand the viewer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The dataset to open in the viewer (the embedded Iran–Tajikistan dataset when omitted).
    pub file: Option<PathBuf>,
    /// Save a PNG of the viewer window to this file once it is drawn, then exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The window's inner size, as WIDTHxHEIGHT in points (default 1400x900).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
    /// Open the viewer with the chart of events per period shown (View ▸ Chart).
    #[arg(long)]
    pub chart: bool,
    /// Open the viewer with the actor matrix shown (View ▸ Matrix).
    #[arg(long)]
    pub matrix: bool,
}

/// Parses `1400x900` into a width and a height.
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT such as 1400x900, got {text:?}"))?;
    let number = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (100..=16_384).contains(n))
            .ok_or_else(|| format!("{s:?} is not a size between 100 and 16384"))
    };
    Ok([number(w)? as f32, number(h)? as f32])
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files and report every problem as FILE:LINE:COL: message.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Add an event to an Annals dataset and print its id; the file changes only by the added lines.
    Add(curate::AddArgs),
    /// Change fields of an event: title=, date=, end=, kind=, place=, summary=, note=, cameo=, and actors+=ID / actors-=ID (likewise counterparts, topics, sources).
    Set(curate::SetArgs),
    /// Remove events by id.
    Rm(curate::RmArgs),
    /// Compare two datasets (of any formats): the events, actors, people, roles, topics and eras added, removed and changed. Exits 0 when they are the same, 1 when they differ, 2 when a file cannot be read.
    Diff(diff::DiffArgs),
    /// Rewrite datasets in the canonical layout, that of Annals' own export; --check only names the files that would change.
    Fmt(fmt::FmtArgs),
    /// List the events in time order: date, kind, title, actors.
    List {
        /// The dataset (the embedded one when omitted).
        file: Option<PathBuf>,
        /// Which events.
        #[command(flatten)]
        filter: FilterArgs,
        /// How to print them.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Print only the number of matching events.
        #[arg(long)]
        count: bool,
    },
    /// Write a synthetic dataset of N events, for measuring performance.
    Generate {
        /// How many events.
        #[arg(long)]
        events: usize,
        /// The seed: the same seed and number of events give the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The file to write.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Import a spreadsheet (CSV/TSV), TimelineJS or vis-timeline JSON, a Timeline file, or GDELT or ICEWS event data as an Annals dataset.
    Import {
        /// The file to read.
        file: PathBuf,
        /// Its format: auto (from the content and the extension), csv, timelinejs, vis, timeline, gdelt or icews.
        #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = import::parse_format_choice)]
        format: crate::import::FormatChoice,
        /// A spreadsheet column and the field it fills (note keeps it in the note, ignore drops it).
        #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = import::parse_map)]
        maps: Vec<(String, String)>,
        /// The order of numeric dates (05/06/2022) when no value settles it: dmy, mdy or ymd.
        #[arg(long, value_name = "ORDER", value_parser = import::parse_date_order)]
        date_order: Option<crate::import::DateOrder>,
        /// What groups become: actor or topic (default: topic for TimelineJS, actor for vis-timeline).
        #[arg(long, value_name = "AS", value_parser = import::parse_group_as)]
        group_as: Option<crate::import::GroupAs>,
        /// Reuse the actors and topics of this dataset, found by id, name or alias.
        #[arg(long, value_name = "DATASET.ron")]
        actors: Option<PathBuf>,
        /// Write the rows without problems and list those left out.
        #[arg(long)]
        skip_invalid: bool,
        /// The dataset to write.
        #[arg(short = 'o', long = "output", value_name = "OUT.ron")]
        output: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
        /// How GDELT and ICEWS rows are read, merged and cut.
        #[command(flatten)]
        event_data: EventDataArgs,
    },
    /// Export the chosen events: a dataset (RON, JSON), a table (CSV), a calendar (ICS) or a figure (SVG, PNG).
    Export {
        /// The dataset (the embedded one when omitted).
        file: Option<PathBuf>,
        /// Which events.
        #[command(flatten)]
        filter: FilterArgs,
        /// The format: ron, json, csv, ics, svg or png.
        #[arg(long, value_name = "FORMAT", value_parser = export::parse_format)]
        format: crate::export::Format,
        /// How a figure (svg, png) groups events into lanes: actor, topic, kind or single.
        #[arg(long, value_name = "LANES", value_parser = export::parse_lanes, default_value = "actor")]
        lanes: crate::timeline::LaneMode,
        /// The file to write.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Count the chosen events per year, month, ISO week or day, by kind, actor or topic.
    Stats {
        /// The dataset (the embedded one when omitted).
        file: Option<PathBuf>,
        /// Which events.
        #[command(flatten)]
        filter: FilterArgs,
        /// The period: year, month, week (ISO) or day.
        #[arg(long, value_name = "UNIT", value_parser = stats::parse_unit, default_value = "year")]
        by: crate::analysis::PeriodUnit,
        /// Split each period's count by kind, actor, topic, or none.
        #[arg(long, value_name = "GROUP", value_parser = stats::parse_grouping, default_value = "kind")]
        group: crate::analysis::Grouping,
        /// How to print it, or the chart to draw (svg, png need -o).
        #[arg(long, value_enum, default_value_t = AnalysisOutput::Table)]
        format: AnalysisOutput,
        /// The file to write (standard output when omitted).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Count the chosen events per pair of an initiating and a receiving actor.
    Matrix {
        /// The dataset (the embedded one when omitted).
        file: Option<PathBuf>,
        /// Which events.
        #[command(flatten)]
        filter: FilterArgs,
        /// How many actors, those with the most events, get a row and a column
        /// of their own in the table and the pictures (CSV and JSON list every pair).
        #[arg(long, value_name = "N", default_value_t = 30)]
        top: usize,
        /// How to print it, or the picture to draw (svg, png need -o).
        #[arg(long, value_enum, default_value_t = AnalysisOutput::Table)]
        format: AnalysisOutput,
        /// The file to write (standard output when omitted).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Parses the arguments and runs the command; the process's exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            });
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    ExitCode::from(execute(cli, &mut stdout.lock(), &mut stderr.lock()))
}

/// Runs a parsed command line, writing to `out` and `err`; the exit code.
pub fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match cli.command {
        Some(Command::Check { files }) => check::run(&files, out, err),
        Some(Command::Add(args)) => curate::add(&args, out, err),
        Some(Command::Set(args)) => curate::set(&args, out, err),
        Some(Command::Rm(args)) => curate::rm(&args, out, err),
        Some(Command::Diff(args)) => diff::run(&args, out, err),
        Some(Command::Fmt(args)) => fmt::run(&args, out, err),
        Some(Command::Generate {
            events,
            seed,
            output,
            force,
        }) => generate::run(events, seed, &output, force, err),
        Some(Command::List {
            file,
            filter,
            format,
            count,
        }) => match open(file.as_deref()).map(|opened| opened.dataset) {
            Ok(dataset) => match filter.to_filter(&dataset) {
                Ok(filter) => match list::run(&dataset, &filter, format, count, out) {
                    Ok(()) => EXIT_OK,
                    Err(message) => {
                        let _ = writeln!(err, "annals: cannot write the list: {message}");
                        EXIT_INVALID
                    }
                },
                Err(message) => {
                    let _ = writeln!(err, "annals: {message}");
                    EXIT_USAGE
                }
            },
            Err(error) => report(&error, err),
        },
        Some(Command::Import {
            file,
            format,
            maps,
            date_order,
            group_as,
            actors,
            skip_invalid,
            output,
            force,
            event_data,
        }) => {
            let event_data = match event_data.options(None) {
                Ok(options) => options,
                Err(message) => {
                    let _ = writeln!(err, "annals: {message}");
                    return EXIT_USAGE;
                }
            };
            import::run(
                import::ImportRequest {
                    file,
                    options: crate::import::ImportOptions {
                        format,
                        maps,
                        date_order,
                        group_as,
                        known: None,
                        event_data,
                    },
                    actors,
                    skip_invalid,
                    output,
                    force,
                },
                out,
                err,
            )
        }
        Some(Command::Export {
            file,
            filter,
            format,
            lanes,
            output,
            force,
        }) => export::run(
            file.as_deref(),
            &filter,
            crate::export::ExportOptions { format, lanes },
            &output,
            force,
            out,
            err,
        ),
        Some(Command::Stats {
            file,
            filter,
            by,
            group,
            format,
            output,
            force,
        }) => {
            let args = StatsArgs {
                file,
                filter,
                by,
                group,
                format,
                output,
                force,
            };
            stats::run(&args, out, err)
        }
        Some(Command::Matrix {
            file,
            filter,
            top,
            format,
            output,
            force,
        }) => {
            let args = MatrixArgs {
                file,
                filter,
                top,
                format,
                output,
                force,
            };
            matrix::run(&args, out, err)
        }
        None => {
            let options = crate::app::ViewerOptions {
                file: cli.file,
                screenshot: cli.screenshot,
                size: cli.size,
                chart: cli.chart,
                matrix: cli.matrix,
            };
            match crate::app::run_viewer(options) {
                Ok(()) => EXIT_OK,
                Err(error) => {
                    let _ = writeln!(err, "annals: {error}");
                    EXIT_INVALID
                }
            }
        }
    }
}

/// The file at `file`, or the embedded dataset, opened whole.
pub fn open(file: Option<&Path>) -> Result<Opened, DatasetError> {
    match file {
        Some(path) => crate::import::open_path(path, crate::import::FormatChoice::Auto),
        None => Opened::embedded(),
    }
}

/// Writes a load error to `err`; its exit code.
pub(crate) fn report(error: &DatasetError, err: &mut dyn Write) -> u8 {
    let _ = writeln!(err, "{error}");
    match error {
        DatasetError::Unreadable { .. } => EXIT_USAGE,
        DatasetError::Invalid { .. } => EXIT_INVALID,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_sizes_are_read_as_width_by_height() {
        assert_eq!(parse_size("1400x900"), Ok([1400.0, 900.0]));
        assert!(parse_size("1400").is_err());
        assert!(parse_size("10x10").is_err());
        let cli = Cli::try_parse_from(["annals", "--screenshot", "out.png", "--size", "800x600"]);
        let cli = cli.map_err(|e| e.to_string());
        assert_eq!(cli.as_ref().map(|c| c.size), Ok(Some([800.0, 600.0])));
        assert_eq!(
            cli.map(|c| c.screenshot),
            Ok(Some(PathBuf::from("out.png")))
        );
    }
}
