//! `annals generate --events N -o OUT.ron`: write a synthetic dataset for measuring.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK};
use crate::export::{ExportError, write_atomic_with};
use crate::{dataset, generate};

/// Generates `events` events from `seed` and writes them to `out` atomically, through
/// the exports' atomic write: an existing `out` is replaced only with `force`.
pub fn run(events: usize, seed: u64, out_path: &Path, force: bool, err: &mut dyn Write) -> u8 {
    let mut exists = || {
        let _ = writeln!(
            err,
            "annals: {} already exists; pass --force to replace it",
            out_path.display()
        );
        EXIT_INVALID
    };
    if !force && out_path.exists() {
        return exists();
    }
    let dataset = generate::generate(events, seed);
    let written = write_atomic_with(out_path, force, |out| {
        dataset::write_ron(&dataset, &mut *out)?;
        writeln!(out)
    });
    match written {
        Ok(()) => EXIT_OK,
        Err(ExportError::Exists { .. }) => exists(),
        Err(ExportError::Write { source, .. }) => {
            let _ = writeln!(err, "annals: cannot write {}: {source}", out_path.display());
            EXIT_INVALID
        }
        Err(error) => {
            let _ = writeln!(err, "annals: cannot write {}: {error}", out_path.display());
            EXIT_INVALID
        }
    }
}
