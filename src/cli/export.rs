//! `annals export [FILE] [filters] --format F [--lanes L] -o OUT [--force]`: write the chosen events to a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, FilterArgs, Outcome};
use crate::dataset::SourceInfo;
use crate::export::{self, ExportOptions, Format};
use crate::model::{Calendar, Dataset};
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
    /// The calendar csv and json write dates in: gregorian, jalali (csv: the
    /// date, start and end columns in Jalali) or both (csv: three columns more;
    /// json: `date_jalali` beside the EDTF date).
    #[arg(long, value_name = "CALENDAR", default_value = "gregorian", value_parser = parse_calendar)]
    pub(crate) calendar: Calendar,
    /// Name a figure's actor lanes in this language (`fa`, `tg`) where the
    /// actors have a name in it.
    #[arg(long, value_name = "LANG")]
    pub(crate) lane_names: Option<String>,
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
    if let Some(tag) = &args.lane_names {
        let languages = dataset.name_languages();
        if !languages.contains(tag) {
            return Err(CliError::Usage(match languages.is_empty() {
                true => format!("--lane-names {tag}: no actor has a name in another language"),
                false => format!(
                    "--lane-names {tag}: no actor has a name in {tag}; the dataset has {}",
                    languages.join(", ")
                ),
            }));
        }
    }
    let options = ExportOptions {
        format: args.format,
        lanes: args.lanes,
        calendar: args.calendar,
        lane_names: args.lane_names.clone(),
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

/// Parses `--calendar`.
pub(crate) fn parse_calendar(text: &str) -> Result<Calendar, String> {
    text.parse()
}

/// Parses `--lanes`.
pub(crate) fn parse_lanes(text: &str) -> Result<LaneMode, String> {
    text.parse()
}
