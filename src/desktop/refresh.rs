//! After files are installed or removed, the desktop's caches are brought up
//! to date by its own tools, when they are there: `update-desktop-database`
//! (which programs open which types), `update-mime-database` (the types
//! themselves) and, where an icon cache already exists, `gtk-update-icon-cache`.

use std::path::Path;
use std::process::{Command, Stdio};

/// Whether to run the desktop's tools after writing or removing files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh {
    /// Run those that are installed; skip the others silently.
    Run,
    /// Run none (the files alone, as a package would install them).
    Skip,
}

/// Runs the tools on the folders under `data_home`; what each did, in words,
/// for those that ran and failed ("update-mime-database failed: …").
pub(crate) fn refresh(data_home: &Path, refresh: Refresh) -> Vec<String> {
    if refresh == Refresh::Skip {
        return Vec::new();
    }
    let icons = data_home.join("icons").join("hicolor");
    let mut runs = vec![
        (
            "update-desktop-database",
            vec!["-q".into(), data_home.join("applications")],
        ),
        ("update-mime-database", vec![data_home.join("mime")]),
    ];
    if icons.join("icon-theme.cache").exists() {
        runs.push(("gtk-update-icon-cache", vec!["-q".into(), icons]));
    }
    runs.into_iter()
        .filter_map(|(program, args)| {
            let status = Command::new(program)
                .args(&args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            match status {
                Ok(status) if status.success() => None,
                Ok(status) => Some(format!("{program} failed ({status})")),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
                Err(error) => Some(format!("{program} could not run: {error}")),
            }
        })
        .collect()
}
