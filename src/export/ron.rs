//! RON export: a valid Annals dataset holding the chosen events, led by the
//! manifest as a `//` comment block.

use super::Manifest;
use super::subset::subset;
use crate::dataset::to_ron_string;
use crate::index::EventIdx;
use crate::model::Dataset;

/// The chosen events of `dataset` as an Annals dataset file.
pub fn render(dataset: &Dataset, events: &[EventIdx], manifest: &Manifest) -> Vec<u8> {
    let mut out = String::from("// Exported by Annals. Manifest:\n");
    for line in manifest.to_json_pretty().lines() {
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&to_ron_string(&subset(
        dataset,
        events,
        &manifest.period.chosen(),
    )));
    out.push('\n');
    out.into_bytes()
}
