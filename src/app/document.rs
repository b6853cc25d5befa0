//! The open dataset with its time index and where it came from.

use std::path::{Path, PathBuf};

use crate::dataset::{self, DatasetError};
use crate::index::TimeIndex;
use crate::model::Dataset;

/// A loaded dataset, ready to draw.
#[derive(Debug, Clone)]
pub struct Document {
    /// The dataset.
    pub dataset: Dataset,
    /// Its events in time order.
    pub index: TimeIndex,
    /// The file it was read from; none for the embedded dataset.
    pub path: Option<PathBuf>,
    /// The bytes that were read, to skip reloads that change nothing.
    pub bytes: Vec<u8>,
}

impl Document {
    /// The curated dataset compiled into the program.
    pub fn embedded() -> Result<Document, DatasetError> {
        let dataset = dataset::parse_str(dataset::EMBEDDED_NAME, dataset::EMBEDDED_RON)?;
        Ok(Document::new(
            dataset,
            None,
            dataset::EMBEDDED_RON.as_bytes().to_vec(),
        ))
    }

    /// Reads and checks the dataset file at `path`.
    pub fn load(path: &Path) -> Result<Document, DatasetError> {
        let bytes = std::fs::read(path).map_err(|source| DatasetError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        let dataset = dataset::parse_bytes(&path.display().to_string(), &bytes)?;
        Ok(Document::new(dataset, Some(path.to_path_buf()), bytes))
    }

    /// Indexes `dataset`.
    pub fn new(dataset: Dataset, path: Option<PathBuf>, bytes: Vec<u8>) -> Document {
        let index = TimeIndex::new(&dataset);
        Document {
            dataset,
            index,
            path,
            bytes,
        }
    }

    /// The window title: "<dataset title> — Annals".
    pub fn window_title(&self) -> String {
        format!("{} — Annals", self.dataset.title)
    }
}
