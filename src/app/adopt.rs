//! Opening and reloading: both end in one path that adopts the new document,
//! or in the problems of the file that could not be read.

use std::path::{Path, PathBuf};

use super::{App, Document, FileView};
use crate::dataset::DatasetError;
use crate::query::Filter;
use crate::timeline::TimeRange;
use crate::ui::error_panel::LoadProblems;

/// How a new document came in.
pub(super) enum Adoption {
    /// Opened from this file: it becomes the last and a recent file, the view fits it.
    Opened(PathBuf),
    /// The open file, read again: the view stays where it is.
    Reloaded,
}

impl App {
    /// Opens `path`, on a worker thread when it is large; on failure keeps
    /// the open document and shows the problems.
    pub(super) fn open(&mut self, path: &Path) {
        if self.loading.is_large(path) {
            self.loading.start(path);
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint();
            }
            return;
        }
        // A file opened directly replaces one still being read.
        self.loading.cancel();
        self.opened(path, Document::load(path));
    }

    /// Takes the document of a finished background load.
    pub(super) fn poll_loading(&mut self) {
        if let Some(finished) = self.loading.poll() {
            self.take_loaded(finished);
        }
    }

    /// Waits for the file being read in the background, and takes its document.
    pub(super) fn wait_for_loading(&mut self) {
        if let Some(finished) = self.loading.wait() {
            self.take_loaded(finished);
        }
    }

    /// Shows the document of a finished background load, or its problems.
    fn take_loaded(&mut self, finished: super::loading::Finished) {
        let ok = finished.loaded.is_ok();
        self.opened(&finished.path, finished.loaded);
        if let (true, Some(place)) = (ok, finished.restore) {
            self.restore_place(place);
        }
    }

    /// Shows a freshly opened document, or the problems of the file.
    fn opened(&mut self, path: &Path, loaded: Result<Document, DatasetError>) {
        match loaded {
            Ok(doc) => self.adopt(doc, Adoption::Opened(path.to_path_buf())),
            Err(error) => {
                if self.offer_import(path) {
                    return;
                }
                self.problems = Some(LoadProblems {
                    file: path.display().to_string(),
                    lines: error.lines(),
                    on_reload: false,
                });
                self.show_problems = true;
            }
        }
    }

    /// Reads the open file again, keeping the view and the selection; an invalid
    /// version leaves the last good one on screen under a banner.
    pub(super) fn reload(&mut self) {
        if self.doc.is_modified() {
            // Unsaved edits are never dropped by a change on disk: the user chooses.
            let unchanged = self.doc.path.as_deref().is_some_and(|path| {
                std::fs::read(path).is_ok_and(|bytes| {
                    self.doc.file_sha256()
                        == Some(&crate::dataset::SourceInfo::of_bytes("", &bytes).sha256)
                })
            });
            self.editing.changed_on_disk = !unchanged;
            return;
        }
        self.reload_from_disk();
    }

    /// Reads the open file again (see [`App::reload`]), whatever was edited.
    pub(super) fn reload_from_disk(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        if std::fs::metadata(&path).is_err() {
            // Gone for a moment, as while an editor replaces it: the next change tells.
            return;
        }
        match crate::import::open_path(&path, crate::import::FormatChoice::Auto) {
            Ok(opened) if opened.source == self.doc.source && self.problems.is_none() => {}
            Ok(opened) => self.adopt(Document::of(opened, Some(path)), Adoption::Reloaded),
            Err(error) => {
                self.problems = Some(LoadProblems {
                    file: path.display().to_string(),
                    lines: error.lines(),
                    on_reload: true,
                });
            }
        }
    }

    /// Makes `doc` the open document: the selection follows its event by id, the
    /// filter's results, the lanes and the export count are computed again. A file
    /// opened gets back the view it was left with, or starts fitted with no filters.
    pub(super) fn adopt(&mut self, doc: Document, how: Adoption) {
        let selected = match &how {
            Adoption::Opened(path) if self.doc.path.as_ref() != Some(path) => None,
            _ => self.viewport.selected_id(&self.doc),
        };
        if matches!(how, Adoption::Opened(_)) {
            self.leave_file();
        }
        self.doc = doc;
        self.editing.form = None;
        self.editing.changed_on_disk = false;
        self.problems = None;
        self.show_problems = false;
        self.viewport.selected = selected.and_then(|id| self.event_by_id(&id));
        let opened = match how {
            Adoption::Opened(path) => {
                let range = self.return_to_file(&path);
                self.view.last_path = Some(path.clone());
                self.view.remember(path);
                self.forget_unknown_filter_ids();
                Some(range)
            }
            Adoption::Reloaded => None,
        };
        self.filtered.invalidate();
        self.analysis.forget();
        self.viewport.lanes_are_stale();
        self.export.forget_count();
        self.refresh();
        self.showing = true;
        if let Some(range) = opened {
            self.viewport.range = range.unwrap_or(self.filtered.fitted);
            self.watch
                .restart(self.doc.path.as_deref(), self.ctx.as_ref());
            self.find_journal();
        }
    }

    /// Keeps how the open document is being viewed, to give it back when it is opened again.
    pub(super) fn leave_file(&mut self) {
        if !self.showing {
            return;
        }
        let view = FileView {
            range: Some(self.viewport.range),
            filter: self.view.filter.clone(),
            lanes: self.view.lanes,
            collapsed: self.view.collapsed.clone(),
        };
        self.view.files.keep(self.doc.path.as_deref(), view);
    }

    /// Puts back how the file at `path` was left (its filters, period and lanes), or
    /// clears them for a file never opened; the range it was left at, if any.
    fn return_to_file(&mut self, path: &Path) -> Option<TimeRange> {
        let kept = self.view.files.get(Some(path)).cloned();
        match kept {
            Some(view) => {
                self.view.filter = view.filter;
                self.view.lanes = view.lanes;
                self.view.collapsed = view.collapsed;
                view.range
            }
            None => {
                self.view.filter = Filter::default();
                self.view.collapsed.clear();
                None
            }
        }
    }

    /// Drops the actors and topics of the filter that the open dataset does not
    /// have (a filter saved with another dataset), so that they cannot hide everything.
    fn forget_unknown_filter_ids(&mut self) {
        let dataset = self.doc.dataset();
        let filter = &mut self.view.filter;
        filter.actors.retain(|id| dataset.actor(id).is_some());
        filter.topics.retain(|id| dataset.topic(id).is_some());
    }
}
