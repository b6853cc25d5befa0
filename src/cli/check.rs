//! `annals check FILE...`: validate datasets (and files of the formats Annals imports).

use std::io::Write;
use std::path::PathBuf;

use super::{EXIT_OK, report};

/// Checks each file, printing `FILE: ok (...)` or its problems; the worst exit code.
pub fn run(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut code = EXIT_OK;
    for file in files {
        match crate::import::open_path(file, crate::import::FormatChoice::Auto) {
            Ok(crate::import::Opened { dataset: d, .. }) => {
                let eras = match d.eras.len() {
                    0 => String::new(),
                    1 => ", 1 era".to_string(),
                    n => format!(", {n} eras"),
                };
                let _ = writeln!(
                    out,
                    "{}: ok ({} events, {} actors, {} topics{eras})",
                    file.display(),
                    d.events.len(),
                    d.actors.len(),
                    d.topics.len()
                );
            }
            Err(error) => code = code.max(report(&error, err)),
        }
    }
    code
}
