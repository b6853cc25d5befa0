//! Loading a dataset on a worker thread, so that a window stays responsive:
//! the caller polls for the result, shows the progress, and may cancel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::thread::JoinHandle;

use super::{ImportOptions, Input, Opened, open};
use crate::dataset::{Control, DatasetError};

/// Share of the progress bar given to reading the file; parsing and
/// checking take the rest.
const READ_SHARE: f32 = 0.2;

/// A file being opened on a worker thread, which then turns what was opened
/// into a `T` (an indexed document, say) on the same thread.
///
/// The dataset that is open stays usable meanwhile: nothing is replaced
/// until [`BackgroundLoad::poll`] hands over the result.
#[derive(Debug)]
pub struct BackgroundLoad<T = Opened> {
    path: PathBuf,
    shared: Arc<Control>,
    result: mpsc::Receiver<Result<T, DatasetError>>,
    worker: Option<JoinHandle<()>>,
    cancelled: bool,
}

impl BackgroundLoad {
    /// Starts loading `path` on a new thread.
    pub fn start(path: impl Into<PathBuf>) -> BackgroundLoad {
        BackgroundLoad::start_with(path, |opened, _| opened)
    }
}

impl<T: Send + 'static> BackgroundLoad<T> {
    /// Starts loading `path` on a new thread, which then runs `prepare` on what
    /// was opened (with the path) before handing it over.
    pub(crate) fn start_with(
        path: impl Into<PathBuf>,
        prepare: impl FnOnce(Opened, &Path) -> T + Send + 'static,
    ) -> BackgroundLoad<T> {
        BackgroundLoad::start_notifying(path, prepare, || {})
    }

    /// [`BackgroundLoad::start_with`], calling `done` on the worker once the
    /// result can be taken, so that a window polling slowly need not wait
    /// for its next frame to notice.
    pub(crate) fn start_notifying(
        path: impl Into<PathBuf>,
        prepare: impl FnOnce(Opened, &Path) -> T + Send + 'static,
        done: impl FnOnce() + Send + 'static,
    ) -> BackgroundLoad<T> {
        let path = path.into();
        let shared = Arc::new(Control::default());
        let (sender, result) = mpsc::channel();
        let worker = {
            let path = path.clone();
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("annals-load".to_string())
                .spawn(move || {
                    let options = ImportOptions::default();
                    if let Some(outcome) = open(Input::Path(&path), &options, &shared) {
                        let outcome = outcome
                            .and_then(Opened::whole)
                            .map(|opened| prepare(opened, &path));
                        // The handle may be gone; then nobody wants the result.
                        let _ = sender.send(outcome);
                        done();
                    }
                })
        };
        let (worker, result) = match worker {
            Ok(handle) => (Some(handle), result),
            Err(source) => {
                let (sender, result) = mpsc::channel();
                let _ = sender.send(Err(DatasetError::Unreadable {
                    path: path.clone(),
                    source,
                }));
                (None, result)
            }
        };
        BackgroundLoad {
            path,
            shared,
            result,
            worker,
            cancelled: false,
        }
    }

    /// The file being loaded.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How far the load got, from 0 to 1.
    pub fn progress(&self) -> f32 {
        let size = self.shared.size.load(Ordering::Relaxed);
        let read = if size == 0 {
            0.0
        } else {
            self.shared.read.load(Ordering::Relaxed) as f32 / size as f32
        };
        let total = self.shared.total.load(Ordering::Relaxed);
        let parsed = if total == 0 {
            0.0
        } else {
            self.shared.done.load(Ordering::Relaxed) as f32 / total as f32
        };
        (READ_SHARE * read + (1.0 - READ_SHARE) * parsed).clamp(0.0, 1.0)
    }

    /// Asks the worker to stop; it stops at its next block or run of events,
    /// and [`BackgroundLoad::poll`] returns nothing from then on.
    pub fn cancel(&mut self) {
        self.cancelled = true;
        self.shared.cancel.store(true, Ordering::Relaxed);
    }

    /// The result once the load is over: the dataset, or why it could not be
    /// loaded. `None` while it runs, after it was cancelled, and after the
    /// result was handed over once.
    pub fn poll(&mut self) -> Option<Result<T, DatasetError>> {
        self.take(|result| result.try_recv().ok())
    }

    /// [`BackgroundLoad::poll`], waiting for the worker to finish.
    pub(crate) fn wait(&mut self) -> Option<Result<T, DatasetError>> {
        self.take(|result| result.recv().ok())
    }

    /// The result that `receive` takes, unless the load was cancelled.
    fn take(
        &mut self,
        receive: impl FnOnce(
            &mpsc::Receiver<Result<T, DatasetError>>,
        ) -> Option<Result<T, DatasetError>>,
    ) -> Option<Result<T, DatasetError>> {
        if self.cancelled {
            return None;
        }
        let outcome = receive(&self.result)?;
        // Finished: the bar is full, whichever way the file was read.
        let total = self.shared.total.load(Ordering::Relaxed).max(1);
        self.shared.total.store(total, Ordering::Relaxed);
        self.shared.done.store(total, Ordering::Relaxed);
        Some(outcome)
    }

    /// True while the worker thread is still working (a cancelled worker
    /// stops soon after [`BackgroundLoad::cancel`]).
    pub fn is_running(&self) -> bool {
        self.worker.as_ref().is_some_and(|w| !w.is_finished())
    }
}

impl<T> Drop for BackgroundLoad<T> {
    fn drop(&mut self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }
}
