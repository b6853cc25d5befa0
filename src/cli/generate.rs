//! `annals generate --events N -o OUT.ron`: write a synthetic dataset for measuring.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK};
use crate::{dataset, generate};

/// Generates `events` events from `seed` and writes them to `out` atomically:
/// into a temporary file in the same folder, renamed into place when complete.
/// An existing `out` is replaced only with `force`.
pub fn run(events: usize, seed: u64, out_path: &Path, force: bool, err: &mut dyn Write) -> u8 {
    if !force && out_path.exists() {
        let _ = writeln!(
            err,
            "annals: {} already exists; pass --force to replace it",
            out_path.display()
        );
        return EXIT_INVALID;
    }
    let dataset = generate::generate(events, seed);
    match write_atomically(&dataset, out_path, force) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            let _ = writeln!(err, "annals: cannot write {}: {error}", out_path.display());
            EXIT_INVALID
        }
    }
}

fn write_atomically(
    dataset: &crate::model::Dataset,
    out_path: &Path,
    force: bool,
) -> std::io::Result<()> {
    let folder = match out_path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".annals-generate-").suffix(".ron.tmp");
    // A temporary file is private; the dataset is an ordinary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let temp = builder.tempfile_in(folder)?;
    let mut writer = BufWriter::new(temp);
    dataset::write_ron(dataset, &mut writer)?;
    writeln!(writer)?;
    let temp = writer.into_inner().map_err(|e| e.into_error())?;
    temp.as_file().sync_all()?;
    if force {
        temp.persist(out_path)?;
    } else {
        temp.persist_noclobber(out_path)?;
    }
    Ok(())
}
