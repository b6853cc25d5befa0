//! The open dataset with its query index, where it came from, and its edits:
//! each edit goes through the editing engine and the indexes follow it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::analysis::{CountIndex, MapIndex};
use crate::dataset::{DatasetError, SourceInfo};
use crate::edit::{self, Edit, EditError, History, SaveError};
use crate::import::{FormatChoice, Opened};
use crate::index::{EventIdx, TimeIndex};
use crate::model::Dataset;
use crate::query::QueryIndex;
use crate::timeline::eras::{EraBand, era_bands};
use crate::ui::filter_panel::PeopleOfGroups;

/// An event changed in place, with its rank in time order before and after.
pub(crate) type Move = (EventIdx, (u32, u32));

/// What an applied edit touched, for the view to follow it.
#[derive(Debug, Default)]
pub(crate) struct Followed {
    /// The ids of the events it touched (as they are after it).
    pub(crate) touched: Vec<String>,
    /// The events it changed in place, when none changed its lanes (its
    /// actors, topics and kind are as they were); none when events were added
    /// or removed or may be in other lanes.
    pub(crate) moved: Option<Vec<Move>>,
    /// The earliest and latest instant of each event changed in place, before the change.
    pub(crate) before: Vec<(EventIdx, [i64; 2])>,
}

/// True when `edit`, undone by `inverse`, only changes events in place and
/// leaves each in the lanes it was in: same actors, counterparts, topics and kind.
fn same_lanes(edit: &Edit, inverse: &Edit) -> bool {
    match (edit, inverse) {
        (Edit::ChangeEvent { event: new, .. }, Edit::ChangeEvent { event: old, .. }) => {
            new.actors == old.actors
                && new.counterparts == old.counterparts
                && new.topics == old.topics
                && new.kind == old.kind
        }
        (Edit::Compound(parts), Edit::Compound(inverses)) => parts
            .iter()
            .zip(inverses.iter().rev())
            .all(|(part, inverse)| same_lanes(part, inverse)),
        _ => false,
    }
}

/// An edit applied, with the edit that undoes it: what the crash journal
/// keeps, and what tells whether the edit still fits another version of the file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Step {
    /// The edit.
    pub(crate) edit: Edit,
    /// Its inverse, holding the events as they were before it.
    pub(crate) inverse: Edit,
}

/// Calls `each` with the id of every event `edit` touches (its id after
/// the edit) and whether it was changed in place (not added or removed);
/// false as soon as `each` is, or when the edit touches more than events.
fn events_of(edit: &Edit, each: &mut impl FnMut(&str, bool) -> bool) -> bool {
    match edit {
        Edit::ChangeEvent { event, .. } => each(&event.id, true),
        Edit::AddEvent { event, .. } => each(&event.id, false),
        Edit::RemoveEvent { id } => {
            each(id, false);
            false
        }
        Edit::Compound(parts) => parts.iter().all(|part| events_of(part, each)),
        _ => false,
    }
}

/// A loaded dataset, ready to draw and filter.
#[derive(Debug)]
pub struct Document {
    /// The dataset as edited, and the file it came from as it was read.
    editing: edit::Document,
    /// The edits to undo and redo.
    history: History,
    /// Every edit applied since the file was read or saved (undos too, as
    /// the edits that undid), in order: replayed on the file, they give the
    /// dataset as it is now. The crash journal keeps them.
    since_saved: Vec<Step>,
    /// Its posting lists, folded text and events in time order.
    pub(crate) query: QueryIndex,
    /// The file it was read from; none for the embedded dataset.
    pub path: Option<PathBuf>,
    /// The path and SHA-256 of the bytes that were read: for export manifests,
    /// and to skip reloads that change nothing.
    pub(crate) source: SourceInfo,
    /// Its eras as bands, as the canvas and the overview draw them.
    pub eras: Vec<EraBand>,
    counts: OnceLock<CountIndex>,
    map: OnceLock<MapIndex>,
    /// Which state of the events the indexes describe: new for every
    /// document and every edit, so that counts kept elsewhere know when
    /// they are out of date.
    revision: u64,
    people: OnceLock<PeopleOfGroups>,
    languages: OnceLock<Vec<String>>,
}

impl Document {
    /// The curated dataset compiled into the program.
    pub fn embedded() -> Result<Document, DatasetError> {
        Ok(Document::of(Opened::embedded()?, None))
    }

    /// The embedded dataset, or an empty one should it ever fail to read (the tests
    /// check that it does not).
    pub(crate) fn embedded_or_empty() -> Document {
        Document::embedded().unwrap_or_else(|_| {
            let empty = crate::model::Dataset {
                title: "Empty".to_string(),
                description: String::new(),
                actors: Vec::new(),
                topics: Vec::new(),
                events: Vec::new(),
                eras: Vec::new(),
                actor_lookup: Default::default(),
                topic_lookup: Default::default(),
            };
            Document::new(empty, None, SourceInfo::embedded())
        })
    }

    /// Reads and checks the dataset file at `path`, importing other formats.
    pub(crate) fn load(path: &Path) -> Result<Document, DatasetError> {
        let opened = crate::import::open_path(path, FormatChoice::Auto)?;
        Ok(Document::of(opened, Some(path.to_path_buf())))
    }

    /// Indexes what was opened from `path` (none for the embedded dataset).
    pub(crate) fn of(opened: Opened, path: Option<PathBuf>) -> Document {
        let source = opened.source.clone();
        let editing = match &path {
            Some(path) => edit::Document::opened(opened, path),
            None => edit::Document::new(opened.dataset),
        };
        Document::indexed(editing, path, source)
    }

    /// Indexes `dataset`, which comes from no file that can be saved into.
    pub fn new(dataset: Dataset, path: Option<PathBuf>, source: SourceInfo) -> Document {
        Document::indexed(edit::Document::new(dataset), path, source)
    }

    fn indexed(editing: edit::Document, path: Option<PathBuf>, source: SourceInfo) -> Document {
        let query = QueryIndex::new(editing.dataset());
        Document {
            eras: era_bands(editing.dataset()),
            editing,
            history: History::new(),
            since_saved: Vec::new(),
            query,
            path,
            source,
            counts: OnceLock::new(),
            map: OnceLock::new(),
            revision: next_revision(),
            people: OnceLock::new(),
            languages: OnceLock::new(),
        }
    }

    /// The dataset, as edited.
    pub fn dataset(&self) -> &Dataset {
        self.editing.dataset()
    }

    /// The dataset as the editing engine holds it, with the file it came from.
    pub(crate) fn editing(&self) -> &edit::Document {
        &self.editing
    }

    /// The position of the event with this id.
    pub(crate) fn event_position(&self, id: &str) -> Option<crate::index::EventIdx> {
        self.editing
            .event_position(id)
            .map(|at| at as crate::index::EventIdx)
    }

    /// The edits that can be undone and redone.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// True when there are edits not saved yet.
    pub fn is_modified(&self) -> bool {
        self.editing.is_modified()
    }

    /// Applies `edit` if the dataset stays valid, and brings the indexes up to
    /// date; the ids of the events it touched.
    pub(crate) fn apply(&mut self, edit: Edit) -> Result<Followed, EditError> {
        let touched = edit.clone();
        self.history.apply(&mut self.editing, edit)?;
        let inverse = self.history.next_undo().cloned();
        Ok(self.follow(touched, inverse))
    }

    /// Undoes the last edit; the ids of the events it touched, none when
    /// there was nothing to undo.
    pub(crate) fn undo(&mut self) -> Result<Option<Followed>, EditError> {
        let done = self.history.undo(&mut self.editing)?;
        let inverse = self.history.next_redo().cloned();
        Ok(done.map(|edit| self.follow(edit, inverse)))
    }

    /// Redoes the last undone edit, as [`Document::undo`].
    pub(crate) fn redo(&mut self) -> Result<Option<Followed>, EditError> {
        let done = self.history.redo(&mut self.editing)?;
        let inverse = self.history.next_undo().cloned();
        Ok(done.map(|edit| self.follow(edit, inverse)))
    }

    /// Saves into the file the dataset came from, changing only what changed.
    pub(crate) fn save(&mut self) -> Result<(), SaveError> {
        self.editing.save()?;
        self.saved();
        Ok(())
    }

    /// Saves as a new Annals dataset at `path`, which then is the open file.
    pub(crate) fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.editing.save_as(path)?;
        self.path = Some(path.to_path_buf());
        self.saved();
        Ok(())
    }

    /// True when a save goes into the open file (an Annals dataset read from
    /// a file); false when it must be saved as a new file.
    pub(crate) fn can_save_in_place(&self) -> bool {
        self.editing.saves_in_place()
    }

    fn saved(&mut self) {
        self.since_saved.clear();
        if let Some(sha256) = self.editing.saved_sha256() {
            self.source = SourceInfo {
                path: self
                    .path
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                sha256: sha256.to_string(),
            };
        }
    }

    /// Brings the indexes up to date after `edit` (undone by `inverse`) was
    /// applied; what it touched.
    fn follow(&mut self, edit: Edit, inverse: Option<Edit>) -> Followed {
        // The counts share the events' facts, which the query index is about to change.
        self.counts = OnceLock::new();
        self.map = OnceLock::new();
        self.revision = next_revision();
        let mut followed = Followed::default();
        let mut moves = Vec::new();
        if self.follow_events(&edit, &mut followed, &mut moves) {
            let same_lanes = inverse.as_ref().is_some_and(|i| same_lanes(&edit, i));
            followed.moved = same_lanes.then_some(moves);
        } else {
            // Only an edit of actors changes who holds a role of which
            // country, and the languages of their names.
            self.people = OnceLock::new();
            self.languages = OnceLock::new();
            self.query = QueryIndex::new(self.editing.dataset());
            self.eras = era_bands(self.editing.dataset());
        }
        if let Some(inverse) = inverse {
            self.since_saved.push(Step { edit, inverse });
        }
        followed
    }

    /// The edits applied since the file was read or saved, in order.
    pub(crate) fn since_saved(&self) -> &[Step] {
        &self.since_saved
    }

    /// Why `step`, made on another version of the file, cannot apply here.
    pub(crate) fn conflict(&self, step: &Step) -> Option<String> {
        self.editing.conflict(&step.edit, &step.inverse)
    }

    /// The id a new event of this date and title gets, unique here.
    pub(crate) fn new_event_id(&self, date: &str, title: &str) -> String {
        self.editing.new_event_id(date, title)
    }

    /// The SHA-256 of the file as read or last saved, if from a file.
    pub(crate) fn file_sha256(&self) -> Option<&str> {
        self.editing.saved_sha256()
    }

    /// Updates the query index for each event `edit` changed or added at
    /// the end; false when the index must be built again (an event removed
    /// or put between others, or a change of actors, topics or eras).
    fn follow_events(
        &mut self,
        edit: &Edit,
        followed: &mut Followed,
        moves: &mut Vec<Move>,
    ) -> bool {
        let touched = &mut followed.touched;
        let indexed = self.query.len();
        let mut positions = Vec::new();
        let in_place = events_of(edit, &mut |id, changed| {
            touched.push(id.to_string());
            match self.editing.event_position(id) {
                // An event added after those the index knows is appended to it.
                Some(at) if changed || at >= indexed => {
                    positions.push(at);
                    true
                }
                _ => false,
            }
        });
        positions.sort_unstable();
        positions.dedup();
        if in_place {
            for at in positions {
                let before = self.query.facts().bounds.get(at).copied();
                let (from, to) = self.query.event_changed(self.editing.dataset(), at);
                if let (Some(before), Some(_)) = (before, from) {
                    followed.before.push((at as EventIdx, before));
                }
                moves.extend(from.map(|from| (at as EventIdx, (from, to))));
            }
        }
        in_place
    }

    /// The folder where exports are offered: the dataset's own, else the working folder.
    pub(crate) fn export_folder(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// Its counts by period and pair, prepared on first use (the chart, the
    /// matrix and an actor at a glance need them; most sessions do not).
    pub(crate) fn counts(&self) -> &CountIndex {
        self.counts
            .get_or_init(|| CountIndex::with_facts(self.dataset(), Arc::clone(self.query.facts())))
    }

    /// Which state of its events the indexes describe (see the field).
    pub(crate) fn revision(&self) -> u64 {
        self.revision
    }

    /// Where its events happened and the countries of their sides, for the
    /// map, worked out when the map is first shown.
    pub(crate) fn map(&self) -> &MapIndex {
        self.map
            .get_or_init(|| MapIndex::new(self.dataset(), self.counts()))
    }

    /// The people of each of its countries and organizations, for the filter panel,
    /// worked out on first use.
    pub(crate) fn people_of_groups(&self) -> &PeopleOfGroups {
        self.people
            .get_or_init(|| PeopleOfGroups::new(self.dataset(), self.query.facts()))
    }

    /// The languages of its actors' names in other scripts, for View ▸ Lane
    /// names, worked out on first use rather than at every frame.
    pub(crate) fn name_languages(&self) -> &[String] {
        self.languages
            .get_or_init(|| self.dataset().name_languages())
    }

    /// Its events in time order.
    pub fn index(&self) -> &TimeIndex {
        self.query.time_index()
    }

    /// The window title: "<dataset title> — Annals", after a `•` while
    /// there are unsaved edits.
    pub fn window_title(&self) -> String {
        let unsaved = if self.is_modified() { "• " } else { "" };
        format!("{unsaved}{} — Annals", self.dataset().title)
    }
}

/// A revision no document has had.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
