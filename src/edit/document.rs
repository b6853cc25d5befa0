//! A dataset open for editing: the dataset, where each event is in its list,
//! which events changed since the file was read, and the file it came from.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::dataset::rules::EventRules;
use crate::dataset::{self, DatasetError, SourceInfo};
use crate::import::{self, Format, FormatChoice, Opened};
use crate::model::{Dataset, Event, Text, leading_bytes};

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
    /// The positions of the events in the list, sorted by id: 4 bytes an event,
    /// where a map by id took 70 at a million.
    pub(super) by_id: Vec<u32>,
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
        let by_id = sorted_by_id(&dataset);
        Document {
            dataset,
            by_id,
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
        self.dataset.events.get(self.event_position(id)?)
    }

    /// The position of the event `id` in the list of events.
    pub(crate) fn event_position(&self, id: &str) -> Option<usize> {
        let found = self.find(id).ok()?;
        Some(self.by_id[found] as usize)
    }

    /// True when an event has this id.
    pub fn has_event(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Where `id` is in [`Document::by_id`], or where it would go.
    fn find(&self, id: &str) -> Result<usize, usize> {
        let events = &self.dataset.events;
        self.by_id
            .binary_search_by(|&at| events[at as usize].id.as_str().cmp(id))
    }

    /// Takes the event at position `at` out of [`Document::by_id`].
    fn forget_position(&mut self, at: usize) {
        let found = match self.find(&self.dataset.events[at].id) {
            Ok(found) if self.by_id[found] as usize == at => Some(found),
            _ => self.by_id.iter().position(|&p| p as usize == at),
        };
        if let Some(found) = found {
            self.by_id.remove(found);
        }
    }

    /// Puts the event at position `at` into [`Document::by_id`].
    fn note_position(&mut self, at: usize) {
        let (Ok(found) | Err(found)) = self.find(&self.dataset.events[at].id);
        self.by_id.insert(found, at as u32);
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
            for position in &mut self.by_id {
                if *position as usize >= at {
                    *position += 1;
                }
            }
        }
        self.touched.insert(event.id.clone());
        self.dataset.events.insert(at, event);
        self.note_position(at);
    }

    /// Takes out the event at position `at`, keeping the positions.
    pub(super) fn take_event(&mut self, at: usize) -> Event {
        self.forget_position(at);
        let event = self.dataset.events.remove(at);
        if at < self.dataset.events.len() {
            for position in &mut self.by_id {
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
        let renamed = self.dataset.events[at].id != event.id;
        if renamed {
            self.forget_position(at);
        }
        let old = std::mem::replace(&mut self.dataset.events[at], event);
        if renamed {
            self.note_position(at);
        }
        let new_id = self.dataset.events[at].id.clone();
        self.touched.insert(old.id.clone());
        self.touched.insert(new_id);
        old
    }
}

/// The positions of the events of `dataset`, sorted by id (on every core). Each is
/// sorted with its id's first sixteen bytes beside it, so that only ids sharing
/// them are read from the events, one cache miss each.
fn sorted_by_id(dataset: &Dataset) -> Vec<u32> {
    use rayon::prelude::*;
    let events = &dataset.events;
    let mut keyed: Vec<(u128, u32)> = events
        .par_iter()
        .enumerate()
        .map(|(at, event)| (leading_bytes(&event.id), at as u32))
        .collect();
    keyed.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| events[a.1 as usize].id.cmp(&events[b.1 as usize].id))
    });
    keyed.into_iter().map(|(_, at)| at).collect()
}

/// The SHA-256 of `bytes`, in lower-case hex as the opener gives it.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    SourceInfo::of_bytes("", bytes).sha256
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_found_by_ids_that_share_their_first_sixteen_bytes() {
        let mut dataset = dataset::embedded();
        let template = dataset.events[0].clone();
        for id in [
            "2022-05-16-bagheri-b",
            "2022-05-16-bagheri-a",
            "2022-05-16-bagheri",
            "2022-05-16-bagheri-a2",
            "2022-05-16-baghe",
        ] {
            let mut event = template.clone();
            event.id = id.into();
            dataset.events.push(event);
        }
        let mut document = Document::new(dataset.clone());
        for (at, event) in dataset.events.iter().enumerate() {
            assert_eq!(document.event_position(&event.id), Some(at), "{}", event.id);
        }
        assert!(!document.has_event("2022-05-16-bagheri-c"));
        // Taken out, put back elsewhere and renamed, each is found where it is.
        let taken = document.take_event(3);
        document.insert_event(0, taken.clone());
        let mut renamed = template.clone();
        renamed.id = "2022-05-16-bagheri-c".into();
        let last = document.dataset.events.len() - 1;
        document.replace_event(last, renamed);
        assert_eq!(document.event_position(&taken.id), Some(0));
        assert_eq!(document.event_position("2022-05-16-bagheri-c"), Some(last));
        assert!(!document.has_event("2022-05-16-baghe"));
        for (at, event) in document.dataset.events.iter().enumerate() {
            assert_eq!(document.event_position(&event.id), Some(at), "{}", event.id);
        }
    }
}
