//! Live reload: notices when the open file changes on disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// Watches one file (through its folder, since editors often replace files
/// by renaming) and wakes the interface when it changes.
pub(crate) struct FileWatcher {
    _watcher: RecommendedWatcher,
    changes: Receiver<()>,
}

impl FileWatcher {
    /// Starts watching `path`; `wake` is called on every change.
    pub fn new(
        path: &Path,
        wake: impl Fn() + Send + 'static,
    ) -> Result<FileWatcher, notify::Error> {
        let (tx, changes) = channel();
        let name = path.file_name().map(|n| n.to_os_string());
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                if event.kind.is_access() {
                    return;
                }
                let ours = event
                    .paths
                    .iter()
                    .any(|p| p.file_name().map(|n| n.to_os_string()) == name);
                if ours && tx.send(()).is_ok() {
                    wake();
                }
            })?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(FileWatcher {
            _watcher: watcher,
            changes,
        })
    }

    /// True when the file changed since the last call.
    pub(crate) fn changed(&self) -> bool {
        let mut any = false;
        while self.changes.try_recv().is_ok() {
            any = true;
        }
        any
    }
}

/// Live reload: the watcher of the open file, when the app is asked to watch.
pub(super) struct Watch {
    enabled: bool,
    watcher: Option<FileWatcher>,
}

impl Watch {
    /// Watches files when `enabled`.
    pub fn new(enabled: bool) -> Watch {
        Watch {
            enabled,
            watcher: None,
        }
    }

    /// Watches `path` instead of the file watched so far (none: the embedded dataset),
    /// waking `ctx` on every change.
    pub(crate) fn restart(&mut self, path: Option<&Path>, ctx: Option<&eframe::egui::Context>) {
        self.watcher = None;
        if !self.enabled {
            return;
        }
        let (Some(path), Some(ctx)) = (path, ctx.cloned()) else {
            return;
        };
        self.watcher = FileWatcher::new(path, move || ctx.request_repaint()).ok();
    }

    /// True when the watched file changed since the last call.
    pub(crate) fn changed(&self) -> bool {
        self.watcher.as_ref().is_some_and(FileWatcher::changed)
    }
}
