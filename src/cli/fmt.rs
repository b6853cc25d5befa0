//! `annals fmt FILE... [--check]`: rewrites datasets in the canonical layout,
//! the layout of Annals' own RON export, so that two curators' files compare
//! line by line. A second run changes nothing.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::dataset::{SourceInfo, to_ron_string};
use crate::export::write_atomic;
use crate::import::{Format, FormatChoice, open_path};

/// `annals fmt FILE... [--check]`.
#[derive(Debug, Clone, Args)]
pub struct FmtArgs {
    /// The Annals datasets (RON) to lay out.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing: name the files that would change, and exit 1 if any would.
    #[arg(long)]
    pub check: bool,
}

/// Lays out each file (or checks it); the worst exit code: 2 when a file cannot
/// be read or is not an Annals dataset, 1 when `--check` finds one to change or
/// one cannot be written.
pub fn run(args: &FmtArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut code = EXIT_OK;
    for path in &args.files {
        let opened = match open_path(path, FormatChoice::Auto) {
            Ok(opened) => opened,
            Err(error) => {
                let _ = writeln!(err, "{error}");
                code = code.max(EXIT_USAGE);
                continue;
            }
        };
        if opened.format != Format::Ron {
            let _ = writeln!(
                err,
                "{}: this is a {} file; fmt lays out Annals datasets: import it first (annals import {} -o OUT.ron)",
                path.display(),
                opened.format.label(),
                path.display()
            );
            code = code.max(EXIT_USAGE);
            continue;
        }
        let canonical = format!("{}\n", to_ron_string(&opened.dataset));
        let name = path.display().to_string();
        if SourceInfo::of_bytes(&name, canonical.as_bytes()) == opened.source {
            continue;
        }
        if args.check {
            let _ = writeln!(out, "{name}: would be laid out anew");
            code = code.max(EXIT_INVALID);
            continue;
        }
        match write_atomic(path, canonical.as_bytes(), true) {
            Ok(()) => {
                let _ = writeln!(out, "{name}: laid out anew");
            }
            Err(error) => {
                let _ = writeln!(err, "annals: {error}");
                code = code.max(EXIT_INVALID);
            }
        }
    }
    code
}
