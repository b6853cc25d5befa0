//! The open dataset with its query index and where it came from.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::analysis::CountIndex;
use crate::dataset::{DatasetError, SourceInfo};
use crate::import::{FormatChoice, Opened};
use crate::index::TimeIndex;
use crate::model::Dataset;
use crate::query::QueryIndex;
use crate::timeline::eras::{EraBand, era_bands};
use crate::ui::filter_panel::PeopleOfGroups;

/// A loaded dataset, ready to draw and filter.
#[derive(Debug)]
pub struct Document {
    /// The dataset.
    pub dataset: Dataset,
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
    people: OnceLock<PeopleOfGroups>,
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
        Document::new(opened.dataset, path, opened.source)
    }

    /// Indexes `dataset`.
    pub fn new(dataset: Dataset, path: Option<PathBuf>, source: SourceInfo) -> Document {
        let query = QueryIndex::new(&dataset);
        Document {
            eras: era_bands(&dataset),
            dataset,
            query,
            path,
            source,
            counts: OnceLock::new(),
            people: OnceLock::new(),
        }
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
            .get_or_init(|| CountIndex::with_facts(&self.dataset, Arc::clone(self.query.facts())))
    }

    /// The people of each of its countries and organizations, for the filter panel,
    /// worked out on first use.
    pub(crate) fn people_of_groups(&self) -> &PeopleOfGroups {
        self.people
            .get_or_init(|| PeopleOfGroups::new(&self.dataset, self.query.facts()))
    }

    /// Its events in time order.
    pub fn index(&self) -> &TimeIndex {
        self.query.time_index()
    }

    /// The window title: "<dataset title> — Annals".
    pub fn window_title(&self) -> String {
        format!("{} — Annals", self.dataset.title)
    }
}
