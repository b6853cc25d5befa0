//! A dataset open for editing: the dataset, where each event is in its list,
//! which events changed since the file was read, and the file it came from.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::dataset::rules::EventRules;
use crate::dataset::{self, DatasetError, SourceInfo};
use crate::import::{self, Format, FormatChoice, Opened};
use crate::model::{Dataset, Event, Text};

/// The file a document was read from, as it was then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub(crate) path: PathBuf,
    /// Its format: only Annals' own (RON) is written back.
    pub(crate) format: Format,
    /// The SHA-256 of its bytes when read (or last saved), in lower-case hex.
    pub(crate) sha256: String,
}

/// A dataset being edited, with the file it came from.
#[derive(Debug)]
pub struct Document {
    pub(super) dataset: Dataset,
    pub(super) positions: foldhash::HashMap<Text, u32>,
    pub(super) touched: HashSet<Text>,
    /// True when the head (title, description, actors, topics, eras) was edited since the last save.
    pub(super) head_edited: bool,
    pub(super) origin: Option<Origin>,
    /// What events may name, kept until the head changes.
    pub(super) event_rules: Option<EventRules>,
}

impl Document {
    /// A document for a dataset that comes from no file.
    pub fn new(dataset: Dataset) -> Document {
        let positions = positions(&dataset);
        Document {
            dataset,
            positions,
            touched: HashSet::new(),
            head_edited: false,
            origin: None,
            event_rules: None,
        }
    }

    /// Reads the file at `path`: an Annals dataset, or a format Annals imports.
    pub fn open(path: &Path) -> Result<Document, DatasetError> {
        let opened = import::open_path(path, FormatChoice::Auto)?;
        Ok(Document::opened(opened, path))
    }

    /// A document for a file opened by `import::open` from `path`, with the
    /// checksum of the bytes it was read from.
    pub(crate) fn opened(opened: Opened, path: &Path) -> Document {
        let mut document = Document::new(opened.dataset);
        document.origin = Some(Origin {
            path: path.to_path_buf(),
            format: opened.format,
            sha256: opened.source.sha256,
        });
        document
    }

    /// Reads the text of an Annals dataset, as if from the file `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Document, DatasetError> {
        let name = path.display().to_string();
        let dataset = dataset::parse_str(&name, text)?;
        let mut document = Document::new(dataset);
        document.origin = Some(Origin {
            path: path.to_path_buf(),
            format: Format::Ron,
            sha256: sha256(text.as_bytes()),
        });
        Ok(document)
    }

    /// The dataset as edited.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Takes the dataset out of the document.
    pub fn into_dataset(self) -> Dataset {
        self.dataset
    }

    /// The file the document was read from, if any.
    pub(crate) fn origin(&self) -> Option<&Origin> {
        self.origin.as_ref()
    }

    /// True when a save goes back into the file read (an Annals dataset).
    pub(crate) fn saves_in_place(&self) -> bool {
        self.origin
            .as_ref()
            .is_some_and(|o| o.format == Format::Ron)
    }

    /// The SHA-256 of the file as read or last saved, if from a file.
    pub(crate) fn saved_sha256(&self) -> Option<&str> {
        self.origin.as_ref().map(|o| o.sha256.as_str())
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        let &at = self.positions.get(id)?;
        self.dataset.events.get(at as usize)
    }

    /// The position of the event `id` in the list of events.
    pub(crate) fn event_position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).map(|&at| at as usize)
    }

    /// True when an event has this id.
    pub fn has_event(&self, id: &str) -> bool {
        self.positions.contains_key(id)
    }

    /// True when an edit was applied since the file was read or last saved
    /// (an edit undone counts too: the document does not compare).
    pub fn is_modified(&self) -> bool {
        self.head_edited || !self.touched.is_empty()
    }

    /// Puts `event` at position `at` of the list, keeping the positions.
    pub(super) fn insert_event(&mut self, at: usize, event: Event) {
        let last = at == self.dataset.events.len();
        if !last {
            for position in self.positions.values_mut() {
                if *position as usize >= at {
                    *position += 1;
                }
            }
        }
        self.touched.insert(event.id.clone());
        self.positions.insert(event.id.clone(), at as u32);
        self.dataset.events.insert(at, event);
    }

    /// Takes out the event at position `at`, keeping the positions.
    pub(super) fn take_event(&mut self, at: usize) -> Event {
        let event = self.dataset.events.remove(at);
        self.positions.remove(&event.id);
        if at < self.dataset.events.len() {
            for position in self.positions.values_mut() {
                if *position as usize > at {
                    *position -= 1;
                }
            }
        }
        self.touched.insert(event.id.clone());
        event
    }

    /// Puts `event` in place of the event at `at`; gives back the old one.
    pub(super) fn replace_event(&mut self, at: usize, event: Event) -> Event {
        let old = std::mem::replace(&mut self.dataset.events[at], event);
        let new_id = self.dataset.events[at].id.clone();
        if old.id != new_id {
            self.positions.remove(&old.id);
            self.positions.insert(new_id.clone(), at as u32);
        }
        self.touched.insert(old.id.clone());
        self.touched.insert(new_id);
        old
    }
}

/// The position of each event by id.
fn positions(dataset: &Dataset) -> foldhash::HashMap<Text, u32> {
    let mut map = foldhash::HashMap::with_capacity_and_hasher(
        dataset.events.len(),
        foldhash::fast::RandomState::default(),
    );
    for (at, event) in dataset.events.iter().enumerate() {
        map.insert(event.id.clone(), at as u32);
    }
    map
}

/// The SHA-256 of `bytes`, in lower-case hex as the opener gives it.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    SourceInfo::of_bytes("", bytes).sha256
}
