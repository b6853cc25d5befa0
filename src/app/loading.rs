//! Reading a large file on a worker thread while the open document stays usable.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use eframe::egui;

use super::Document;
use crate::dataset::DatasetError;
use crate::import::BackgroundLoad;
use crate::timeline::TimeRange;

/// Where the view stood in a file at the last exit: its range and selected event's id.
pub(super) type SavedPlace = (Option<TimeRange>, Option<String>);

/// A file being read on a worker thread, and what to restore once it is in.
struct PendingLoad {
    load: BackgroundLoad<Document>,
    restore: Option<SavedPlace>,
}

/// A file read in the background, once it is in.
pub(super) struct Finished {
    /// The file.
    pub(crate) path: PathBuf,
    /// Its document, or why it could not be read.
    pub(crate) loaded: Result<Document, DatasetError>,
    /// Where to put the view once it is shown.
    pub(crate) restore: Option<SavedPlace>,
}

/// The file being read on a worker thread, if any.
pub(super) struct Loading {
    pending: Option<PendingLoad>,
    /// Files of this many bytes or more are read on a worker thread.
    background_above: u64,
    /// The window to wake when a file is in; set once the window exists, so
    /// that a file can be read while the window opens.
    window: Arc<OnceLock<egui::Context>>,
}

impl Loading {
    /// Reads files of `background_above` bytes or more in the background.
    pub fn new(background_above: u64) -> Loading {
        Loading {
            pending: None,
            background_above,
            window: Arc::default(),
        }
    }

    /// Wakes the window of `ctx` whenever a file is in, from now on.
    pub(crate) fn wake(&self, ctx: &egui::Context) {
        let _ = self.window.set(ctx.clone());
    }

    /// True when `path` is large enough to be read in the background.
    pub(crate) fn is_large(&self, path: &Path) -> bool {
        std::fs::metadata(path).is_ok_and(|m| m.len() >= self.background_above)
    }

    /// Starts reading `path` on a worker thread, replacing any other load;
    /// the window is woken once the document can be taken.
    pub fn start(&mut self, path: &Path) {
        let window = Arc::clone(&self.window);
        let done = move || {
            if let Some(ctx) = window.get() {
                ctx.request_repaint();
            }
        };
        let prepare = |opened, path: &Path| Document::of(opened, Some(path.to_path_buf()));
        let load = BackgroundLoad::start_notifying(path, prepare, done);
        self.pending = Some(PendingLoad {
            load,
            restore: None,
        });
    }

    /// Forgets the file being read (cancelled, or replaced by one read at once).
    pub(crate) fn cancel(&mut self) {
        self.pending = None;
    }

    /// True while a file is being read.
    pub(crate) fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// True while `path` is being read.
    pub(crate) fn is_reading(&self, path: &Path) -> bool {
        self.pending.as_ref().is_some_and(|p| p.load.path() == path)
    }

    /// Asks to put the view at `place` once the file being read is in; false when none is.
    pub(crate) fn restore_when_done(&mut self, place: SavedPlace) -> bool {
        match self.pending.as_mut() {
            Some(pending) => {
                pending.restore = Some(place);
                true
            }
            None => false,
        }
    }

    /// The file being read and how far it got (0 to 1).
    pub(crate) fn progress(&self) -> Option<(&Path, f32)> {
        self.pending
            .as_ref()
            .map(|p| (p.load.path(), p.load.progress()))
    }

    /// The file read in the background, once it is in.
    pub(crate) fn poll(&mut self) -> Option<Finished> {
        self.finish(BackgroundLoad::poll)
    }

    /// The file read in the background, waiting for it to be in.
    pub(crate) fn wait(&mut self) -> Option<Finished> {
        self.finish(BackgroundLoad::wait)
    }

    /// The file read in the background, if `take` gives its document.
    fn finish(
        &mut self,
        take: impl FnOnce(&mut BackgroundLoad<Document>) -> Option<Result<Document, DatasetError>>,
    ) -> Option<Finished> {
        let pending = self.pending.as_mut()?;
        let loaded = take(&mut pending.load)?;
        let path = pending.load.path().to_path_buf();
        let restore = pending.restore.take();
        self.pending = None;
        Some(Finished {
            path,
            loaded,
            restore,
        })
    }
}
