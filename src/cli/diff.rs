//! `annals diff OLD NEW`: what differs between two datasets, in any formats
//! Annals opens, by item and field by field. Exits as `diff` does: 0 when they
//! are the same, 1 when they differ, 2 when a file cannot be read.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{CliError, Outcome};
use crate::import::{FormatChoice, open_path};
use crate::model::diff::{Difference, ItemKind, diff, listed, tally};
use crate::model::words::counted;

/// How `annals diff` prints the differences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// A summary, then one line per item and one per changed field.
    #[default]
    Text,
    /// A JSON array of the differences.
    Json,
}

/// `annals diff OLD NEW [--format text|json]`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The dataset before.
    pub(crate) old: PathBuf,
    /// The dataset after (of any format Annals opens: a CSV can be compared with a RON).
    pub(crate) new: PathBuf,
    /// How to print the differences.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
}

/// Compares the two files: done when they hold the same dataset, flagged
/// (exit 1) when they differ; any error exits 2.
pub fn run(args: &DiffArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut opened = Vec::new();
    for path in [&args.old, &args.new] {
        match open_path(path, FormatChoice::Auto) {
            Ok(file) => opened.push(file.dataset),
            Err(error) => return Err(CliError::trouble(error)),
        }
    }
    let differences = diff(&opened[0], &opened[1]);
    let written = match args.format {
        DiffFormat::Json => serde_json::to_string_pretty(&differences)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        DiffFormat::Text => write_text(out, args, &differences),
    };
    written.map_err(|error| {
        CliError::trouble(CliError::Output {
            what: "the differences",
            reason: error.to_string(),
        })
    })?;
    Ok(if differences.is_empty() {
        Outcome::Done
    } else {
        Outcome::Flagged
    })
}

fn write_text(
    out: &mut dyn Write,
    args: &DiffArgs,
    differences: &[Difference],
) -> std::io::Result<()> {
    let (old, new) = (args.old.display(), args.new.display());
    if differences.is_empty() {
        return writeln!(out, "{old} and {new} hold the same dataset");
    }
    let summary: Vec<String> = tally(differences)
        .into_iter()
        .map(|((item, change), n)| {
            let noun = match item {
                ItemKind::Person => counted(n, "person", "people"),
                ItemKind::Dataset => "the dataset's head".to_string(),
                other => counted(n, other.word(), &format!("{}s", other.word())),
            };
            format!("{noun} {change}")
        })
        .collect();
    writeln!(out, "{old} → {new}: {}", summary.join(", "))?;
    for line in listed(differences) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
