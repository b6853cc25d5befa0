//! `annals export [FILE] [filters] --format F [--lanes L] -o OUT [--force]`: write the chosen events to a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, FilterArgs, Outcome};
use crate::dataset::SourceInfo;
use crate::export::{self, ExportOptions, Format};
use crate::model::Dataset;
use crate::query::QueryIndex;
use crate::timeline::LaneMode;

/// `annals export [FILE] [filters] --format F [--lanes L] -o OUT [--force]`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The dataset (the embedded one when omitted).
    pub(crate) file: Option<PathBuf>,
    /// Which events.
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// The format: ron, json, csv, ics, svg or png.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub(crate) format: Format,
    /// How a figure (svg, png) groups events into lanes: actor, topic, kind or single.
    #[arg(long, value_name = "LANES", value_parser = parse_lanes, default_value = "actor")]
    pub(crate) lanes: LaneMode,
    /// The file to write.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: PathBuf,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Loads the dataset, selects the events with the filter, and writes them to OUT.
pub fn run(args: &ExportArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let (dataset, source) = load_with_source(args.file.as_deref())?;
    let filter = args.filter.to_filter(&dataset).map_err(CliError::Usage)?;
    let index = QueryIndex::new(&dataset);
    let options = ExportOptions {
        format: args.format,
        lanes: args.lanes,
    };
    let written = export::export_matching(
        &dataset,
        &index,
        filter,
        source,
        options,
        &args.output,
        args.force,
    )?;
    let files: Vec<String> = written
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let _ = writeln!(
        out,
        "annals: wrote {} to {}",
        crate::model::words::events(written.events),
        files.join(" and ")
    );
    Ok(Outcome::Done)
}

/// Loads the dataset at `file` (the embedded one when `None`) with its path and
/// SHA-256 for the manifest.
pub(super) fn load_with_source(file: Option<&Path>) -> Result<(Dataset, SourceInfo), CliError> {
    let opened = super::open(file)?;
    Ok((opened.dataset, opened.source))
}

/// Parses `--format`.
pub(crate) fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

/// Parses `--lanes`.
pub(crate) fn parse_lanes(text: &str) -> Result<LaneMode, String> {
    text.parse()
}
