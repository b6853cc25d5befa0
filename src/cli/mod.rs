//! The command line: `annals [FILE]`, `annals check`, `annals list`, `annals export`,
//! `annals stats`, `annals matrix`, `annals import`, `annals generate`,
//! `annals cache clear`, and what installs it: `annals completions`,
//! `annals man`, `annals install-desktop`.
//!
//! One file per subcommand, with its arguments; this one holds the command
//! line's shape and the dispatch.
//!
//! Each subcommand writes to the given streams and returns its [`Outcome`] or
//! a [`CliError`]; [`execute`] prints the error and maps both to the exit
//! code, so that tests can run a command without a process.

use std::ffi::OsString;
use std::io::Write;

mod cache;
mod check;
mod chosen;
mod completions;
mod curate;
mod desktop;
mod diff;
mod event_data_args;
mod export;
mod failure;
mod filter_args;
mod fmt;
mod generate;
mod import;
mod list;
mod man;
mod map;
mod matrix;
mod output;
mod stats;

pub(crate) use event_data_args::EventDataArgs;
pub(crate) use failure::{CliError, EXIT_OK, EXIT_USAGE, Outcome};
pub(crate) use filter_args::FilterArgs;
pub(crate) use map::MapArgs;
pub(crate) use matrix::MatrixArgs;
pub(crate) use stats::StatsArgs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset::DatasetError;
use crate::import::Opened;

/// Annals: browse chronologies of international relations on a timeline.
#[derive(Debug, Parser)]
#[command(name = "annals", version, about)]
pub(crate) struct Cli {
    /// What to do; without a subcommand the viewer opens.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    /// The dataset to open in the viewer (the embedded Iran–Tajikistan dataset when omitted).
    pub(crate) file: Option<PathBuf>,
    /// Save a PNG of the viewer window to this file once it is drawn, then exit.
    #[arg(long, value_name = "OUT.png")]
    pub(crate) screenshot: Option<PathBuf>,
    /// The window's inner size, as WIDTHxHEIGHT in points (default 1400x900).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub(crate) size: Option<[f32; 2]>,
    /// Open the viewer with the chart of events per period shown (View ▸ Chart).
    #[arg(long)]
    pub(crate) chart: bool,
    /// Open the viewer with the actor matrix shown (View ▸ Matrix).
    #[arg(long)]
    pub(crate) matrix: bool,
    /// Open the viewer with the map shown (View ▸ Map).
    #[arg(long)]
    pub(crate) map: bool,
    /// Neither read nor keep parsed datasets in the cache folder.
    #[arg(long, global = true)]
    pub(crate) no_cache: bool,
    /// The cache folder of parsed datasets (default: $XDG_CACHE_HOME/annals, else ~/.cache/annals).
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) cache_dir: Option<PathBuf>,
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
    Check(check::CheckArgs),
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
    List(list::ListArgs),
    /// Write a synthetic dataset of N events, for measuring performance.
    Generate(generate::GenerateArgs),
    /// Import a spreadsheet (CSV/TSV), TimelineJS or vis-timeline JSON, a Timeline file, or GDELT or ICEWS event data as an Annals dataset.
    Import(import::ImportArgs),
    /// Export the chosen events: a dataset (RON, JSON), a table (CSV), a calendar (ICS) or a figure (SVG, PNG).
    Export(export::ExportArgs),
    /// Count the chosen events per year, month, ISO week or day, by kind, actor or topic.
    Stats(StatsArgs),
    /// Count the chosen events per pair of an initiating and a receiving actor.
    Matrix(MatrixArgs),
    /// Where the chosen events happened: per place, per country and per pair of countries, as a table, GeoJSON, CSV or a map (SVG, PNG).
    Map(MapArgs),
    /// Print the script that completes annals' subcommands and options in a shell.
    Completions(completions::CompletionsArgs),
    /// Write the manual pages: annals.1 and one per subcommand (annals.1 alone is printed without -o).
    Man(man::ManArgs),
    /// Put Annals in the desktop's menu, with its icon and the file types it opens, under $XDG_DATA_HOME (~/.local/share).
    InstallDesktop(desktop::InstallDesktopArgs),
    /// Remove what install-desktop wrote (files changed since stay).
    UninstallDesktop(desktop::UninstallDesktopArgs),
    /// Manage the cache of parsed datasets: `annals cache clear` empties it.
    Cache(cache::CacheArgs),
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
    let chosen = cache::chosen(cli.no_cache, cli.cache_dir.clone());
    // A command that rewrites the file it opens reads the cache but keeps
    // nothing: what it would keep is out of date once it has written.
    let rewrites = matches!(
        cli.command,
        Some(Command::Add(_) | Command::Set(_) | Command::Rm(_) | Command::Fmt(_))
    );
    crate::cache::use_for_process(chosen.map(|c| if rewrites { c.reading_only() } else { c }));
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = execute(cli, &mut stdout.lock(), &mut stderr.lock());
    // Parsed datasets still being kept are written whole before the exit.
    crate::cache::wait_for_writes();
    ExitCode::from(code)
}

/// Runs a parsed command line, writing to `out` and `err`; the exit code.
/// The error that stopped the command is printed here.
pub(crate) fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match dispatch(cli, out, err) {
        Ok(outcome) => outcome.code(),
        Err(error) => error.report(err),
    }
}

/// Runs the subcommand, or the viewer without one.
fn dispatch(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, CliError> {
    let Some(command) = cli.command else {
        let options = crate::app::ViewerOptions {
            file: cli.file,
            screenshot: cli.screenshot,
            size: cli.size,
            chart: cli.chart,
            matrix: cli.matrix,
            map: cli.map,
        };
        crate::app::run_viewer(options)?;
        return Ok(Outcome::Done);
    };
    let viewer_only = cli.file.is_some()
        || cli.screenshot.is_some()
        || cli.size.is_some()
        || cli.chart
        || cli.matrix
        || cli.map;
    if viewer_only {
        return Err(CliError::Usage(
            "FILE, --screenshot, --size, --chart, --matrix and --map are for the viewer; \
             they cannot be used with a command"
                .to_string(),
        ));
    }
    match command {
        Command::Check(args) => check::run(&args, out, err),
        Command::Add(args) => curate::add(&args, out),
        Command::Set(args) => curate::set(&args, out),
        Command::Rm(args) => curate::rm(&args, out),
        Command::Diff(args) => diff::run(&args, out),
        Command::Fmt(args) => fmt::run(&args, out, err),
        Command::List(args) => list::run(&args, out),
        Command::Generate(args) => generate::run(&args),
        Command::Import(args) => import::run(&args, out, err),
        Command::Export(args) => export::run(&args, out),
        Command::Stats(args) => stats::run(&args, out),
        Command::Matrix(args) => matrix::run(&args, out),
        Command::Map(args) => map::run(&args, out, err),
        Command::Completions(args) => completions::run(&args, out),
        Command::Man(args) => man::run(&args, out),
        Command::InstallDesktop(args) => desktop::install(&args, out, err),
        Command::UninstallDesktop(args) => desktop::uninstall(&args, out, err),
        Command::Cache(args) => cache::run(&args, cli.cache_dir, out),
    }
}

/// The file at `file`, or the embedded dataset, opened whole.
pub fn open(file: Option<&Path>) -> Result<Opened, DatasetError> {
    match file {
        Some(path) => crate::import::open_path(path, crate::import::FormatChoice::Auto),
        None => Opened::embedded(),
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
