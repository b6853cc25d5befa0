//! JSON export: `{"manifest": {...}, "dataset": {...}}`, the dataset being the
//! same model as the RON export.

use serde::Serialize;

use super::Manifest;
use super::subset::subset;
use crate::index::EventIdx;
use crate::model::Dataset;

#[derive(Serialize)]
struct JsonExport<'a> {
    manifest: &'a Manifest,
    dataset: Dataset,
}

/// The chosen events of `dataset` and the manifest as indented JSON.
pub fn render(dataset: &Dataset, events: &[EventIdx], manifest: &Manifest) -> Vec<u8> {
    let export = JsonExport {
        manifest,
        dataset: subset(dataset, events, &manifest.period.chosen()),
    };
    // Strings, numbers and lists only: serializing cannot fail.
    let mut bytes = serde_json::to_vec_pretty(&export)
        .unwrap_or_else(|e| unreachable!("an export always serializes: {e}"));
    bytes.push(b'\n');
    bytes
}
