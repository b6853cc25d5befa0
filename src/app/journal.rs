//! The crash journal: the edits not yet saved, written to the user's data
//! folder within a second or two of each edit, so that a crash loses at most
//! that much. Opening the file again offers them back, unless the file
//! changed meanwhile in a way that conflicts with them.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::App;
use super::document::Step;

/// How long an edit may wait before the journal is written.
const WRITE_EVERY: Duration = Duration::from_secs(1);

/// What the journal file holds.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct JournalFile {
    /// The dataset's file (none for the embedded dataset).
    file: Option<PathBuf>,
    /// When the journal was written, in seconds since 1970.
    written: i64,
    /// The edits since the file was read or saved, in order.
    steps: Vec<Step>,
}

/// Edits journaled by an earlier run, offered back.
#[derive(Debug, Clone)]
pub struct JournalOffer {
    /// How many edits.
    pub count: usize,
    /// When they were last journaled, in local time ("2026-12-03 09:41").
    pub when: String,
    steps: Vec<Step>,
}

/// Where the journal is kept and whether it is behind the edits.
#[derive(Debug, Default)]
pub(super) struct Journal {
    /// The folder of journals; none keeps no journal.
    folder: Option<PathBuf>,
    /// Edits were made since the journal was last written.
    behind: bool,
    written_at: Option<Instant>,
    /// Edits an earlier run left for the open file.
    pub(crate) offer: Option<JournalOffer>,
}

impl Journal {
    /// A journal kept in `folder` (none for no journal).
    pub(super) fn new(folder: Option<PathBuf>) -> Journal {
        Journal {
            folder,
            ..Journal::default()
        }
    }

    /// Notes that an edit was made.
    pub(super) fn changed(&mut self) {
        self.behind = true;
    }

    /// The journal file of the dataset at `file`.
    fn path_for(&self, file: Option<&Path>) -> Option<PathBuf> {
        let key = file.map_or_else(
            || "embedded".to_string(),
            |p| {
                std::path::absolute(p)
                    .unwrap_or_else(|_| p.to_path_buf())
                    .display()
                    .to_string()
            },
        );
        let digest = crate::dataset::SourceInfo::of_bytes("", key.as_bytes()).sha256;
        Some(self.folder.as_ref()?.join(format!("{}.ron", &digest[..16])))
    }
}

impl App {
    /// Writes the journal when edits are behind it and the last write is a
    /// second old; otherwise asks to be called again in time.
    pub(super) fn keep_journal(&mut self) {
        if !self.journal.behind {
            return;
        }
        if let Some(at) = self.journal.written_at {
            let waited = at.elapsed();
            if waited < WRITE_EVERY {
                if let Some(ctx) = &self.ctx {
                    ctx.request_repaint_after(WRITE_EVERY - waited);
                }
                return;
            }
        }
        self.write_journal();
    }

    /// Writes (or, with no unsaved edit, removes) the open file's journal now.
    pub(super) fn write_journal(&mut self) {
        self.journal.behind = false;
        self.journal.written_at = Some(Instant::now());
        let Some(path) = self.journal.path_for(self.doc.path.as_deref()) else {
            return;
        };
        let steps = self.doc.since_saved();
        if steps.is_empty() {
            let _ = std::fs::remove_file(&path);
            return;
        }
        let file = JournalFile {
            file: self.doc.path.clone(),
            written: chrono::Utc::now().timestamp(),
            steps: steps.to_vec(),
        };
        let Ok(text) = ron::to_string(&file) else {
            return;
        };
        if let Some(folder) = path.parent() {
            let _ = std::fs::create_dir_all(folder);
        }
        // A journal that cannot be written leaves the edits in memory as they are.
        let _ = crate::export::write_atomic(&path, text.as_bytes(), true);
    }

    /// Removes the open file's journal: its edits are saved or dropped.
    pub(super) fn forget_journal(&mut self) {
        self.journal.behind = false;
        if let Some(path) = self.journal.path_for(self.doc.path.as_deref()) {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Looks for edits an earlier run journaled for the open file, to offer them.
    pub(super) fn find_journal(&mut self) {
        self.journal.offer = None;
        let Some(path) = self.journal.path_for(self.doc.path.as_deref()) else {
            return;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        let Ok(file) = ron::from_str::<JournalFile>(&text) else {
            return;
        };
        if file.steps.is_empty() || file.file != self.doc.path {
            return;
        }
        let when = chrono::DateTime::from_timestamp(file.written, 0)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        self.journal.offer = Some(JournalOffer {
            count: file.steps.len(),
            when,
            steps: file.steps,
        });
    }

    /// The journaled edits offered back, if any.
    pub fn journal_offer(&self) -> Option<&JournalOffer> {
        self.journal.offer.as_ref()
    }

    /// Applies the journaled edits, all of them or, when one conflicts with
    /// the file as it is now, none (saying why; the journal stays).
    pub(super) fn restore_journal(&mut self) {
        let Some(offer) = self.journal.offer.take() else {
            return;
        };
        let conflicts = self.replay(&offer.steps, true);
        if conflicts.is_empty() {
            self.write_journal();
        } else {
            self.editing.refusal = Some(format!(
                "The unsaved edits of {} cannot be restored: the file changed since. {}",
                offer.when,
                conflicts.join("; ")
            ));
            self.journal.offer = Some(offer);
        }
    }

    /// Forgets the journaled edits offered back.
    pub(super) fn discard_journal(&mut self) {
        self.journal.offer = None;
        self.forget_journal();
    }

    /// Reads the file again and applies the unsaved edits on it where the
    /// events they touch are as they were; lists the others.
    pub(super) fn keep_mine(&mut self) {
        self.editing.changed_on_disk = false;
        let steps = self.doc.since_saved().to_vec();
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match super::Document::load(&path) {
            Ok(doc) => {
                self.adopt(doc, super::adopt::Adoption::Reloaded);
                self.editing.conflicts = self.replay(&steps, false);
                self.write_journal();
            }
            Err(error) => self.editing.refusal = Some(error.to_string()),
        }
    }

    /// Applies `steps` on the open document; the ones that conflict, in
    /// words. With `all_or_none`, nothing is applied when one conflicts.
    fn replay(&mut self, steps: &[Step], all_or_none: bool) -> Vec<String> {
        let mut conflicts = Vec::new();
        if all_or_none {
            conflicts.extend(steps.iter().filter_map(|step| self.doc.conflict(step)));
            if !conflicts.is_empty() {
                return conflicts;
            }
        }
        for step in steps {
            let reason = self.doc.conflict(step).or_else(|| {
                self.doc
                    .apply(step.edit.clone())
                    .err()
                    .map(|e| e.to_string())
            });
            conflicts.extend(reason);
        }
        self.filtered.invalidate();
        self.viewport.lanes_are_stale();
        self.analysis.forget();
        self.export.forget_count();
        self.refresh();
        conflicts
    }
}
