//! `annals import FILE -o OUT.ron`: read a spreadsheet, TimelineJS, vis-timeline
//! or Timeline file into an Annals dataset, with a report of what was kept.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, EventDataArgs, Outcome};
use crate::dataset;
use crate::export::{ExportError, write_atomic_with};
use crate::import::{self, DateOrder, FormatChoice, GroupAs, ImportOptions};
use crate::model::Calendar;

/// `annals import FILE [--format F] [--map COLUMN=FIELD]... -o OUT.ron`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The file to read.
    pub(crate) file: PathBuf,
    /// Its format: auto (from the content and the extension), csv, timelinejs, vis, timeline, gdelt or icews.
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = parse_format_choice)]
    pub(crate) format: FormatChoice,
    /// A spreadsheet column and the field it fills (note keeps it in the note, ignore drops it).
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_map)]
    pub(crate) maps: Vec<(String, String)>,
    /// The order of numeric dates (05/06/2022) when no value settles it: dmy, mdy or ymd.
    #[arg(long, value_name = "ORDER", value_parser = parse_date_order)]
    pub(crate) date_order: Option<DateOrder>,
    /// The calendar the sheet's dates are written in: gregorian (the default)
    /// or jalali (1391/02/20, 20 Ordibehesht 1391, Persian digits).
    #[arg(long, value_name = "CALENDAR", default_value = "gregorian", value_parser = parse_input_calendar)]
    pub(crate) calendar: Calendar,
    /// What groups become: actor or topic (default: topic for TimelineJS, actor for vis-timeline).
    #[arg(long, value_name = "AS", value_parser = parse_group_as)]
    pub(crate) group_as: Option<GroupAs>,
    /// Reuse the actors and topics of this dataset, found by id, name or alias.
    #[arg(long, value_name = "DATASET.ron")]
    pub(crate) actors: Option<PathBuf>,
    /// Write the rows without problems and list those left out.
    #[arg(long)]
    pub(crate) skip_invalid: bool,
    /// The dataset to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.ron")]
    pub(crate) output: PathBuf,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub(crate) force: bool,
    /// How GDELT and ICEWS rows are read, merged and cut.
    #[command(flatten)]
    pub(crate) event_data: EventDataArgs,
}

/// Imports the file and writes the dataset: done when written whole, flagged
/// (exit 1) when rows with problems were left out; an error when the file has
/// problems (or OUT exists) or a file cannot be read.
pub fn run(
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut options = ImportOptions {
        format: args.format,
        maps: args.maps.clone(),
        date_order: args.date_order,
        calendar: args.calendar,
        group_as: args.group_as,
        known: None,
        event_data: args.event_data.options(None).map_err(CliError::Usage)?,
        in_dialog: false,
        ..ImportOptions::default()
    };
    if !args.force && args.output.exists() {
        let path = args.output.clone();
        return Err(ExportError::Exists { path }.into());
    }
    if let Some(actors) = &args.actors {
        match import::open_path(actors, FormatChoice::Auto) {
            Ok(known) => options.known = Some(known.dataset),
            Err(error) => return Err(CliError::trouble(error)),
        }
    }
    let name = args.file.display().to_string();
    let input = import::Input::Path(&args.file);
    let imported = match import::open_all(input, &options) {
        Ok(imported) => imported,
        Err(error) => return Err(CliError::NothingImported(error)),
    };
    let _ = write!(out, "{}", imported.report);
    let events = crate::model::words::events(imported.dataset.events.len());
    let with_problems = imported.report.records(imported.problems.len());
    if !imported.problems.is_empty() {
        let problems = import::problems::invalid(&name, imported.problems.clone());
        if !args.skip_invalid {
            return Err(CliError::RowsWithProblems {
                problems,
                with_problems,
                kept: events,
            });
        }
        // The rows left out, before the dataset of the others is written.
        let _ = writeln!(err, "{problems}");
    }
    write(&imported.dataset, &args.output, args.force)?;
    let _ = write!(out, "annals: wrote {events} to {}", args.output.display());
    if !imported.problems.is_empty() {
        let _ = write!(out, ", leaving out {with_problems} with problems");
    }
    let _ = writeln!(out);
    // Rows left out with --skip-invalid were asked for: the import succeeded.
    Ok(Outcome::Done)
}

fn write(dataset: &crate::model::Dataset, path: &Path, force: bool) -> Result<(), ExportError> {
    write_atomic_with(path, force, |out| {
        out.write_all(dataset::to_ron_string(dataset).as_bytes())?;
        out.write_all(b"\n")
    })
}

/// Parses `--format` of `annals import`.
pub(crate) fn parse_format_choice(text: &str) -> Result<FormatChoice, String> {
    text.parse()
}

/// Parses `--date-order`.
pub(crate) fn parse_date_order(text: &str) -> Result<DateOrder, String> {
    text.parse()
}

/// Parses `--calendar` for reading: a date is read in one calendar.
pub(crate) fn parse_input_calendar(text: &str) -> Result<Calendar, String> {
    match text.parse()? {
        Calendar::Both => Err("a date is read in one calendar; use gregorian or jalali".into()),
        calendar => Ok(calendar),
    }
}

/// Parses `--group-as`.
pub(crate) fn parse_group_as(text: &str) -> Result<GroupAs, String> {
    text.parse()
}

/// Parses `--map COLUMN=FIELD`.
pub(crate) fn parse_map(text: &str) -> Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((column, field)) if !column.trim().is_empty() && !field.trim().is_empty() => {
            Ok((column.trim().to_string(), field.trim().to_string()))
        }
        _ => Err(format!(
            "expected COLUMN=FIELD such as \"Country=actors\", got {text:?}"
        )),
    }
}
