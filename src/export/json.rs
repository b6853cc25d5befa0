//! JSON export: `{"manifest": {...}, "dataset": {...}}`, the dataset being the
//! same model as the RON export; with the Jalali calendar, each event also
//! has its date written in it (`"date_jalali": "1401-02-27"`).

use serde::Serialize;

use super::Manifest;
use super::subset::subset;
use crate::index::EventIdx;
use crate::model::jalali::jalali_text;
use crate::model::{Actor, Calendar, Dataset, Era, Event, Topic};

#[derive(Serialize)]
struct JsonExport<'a> {
    manifest: &'a Manifest,
    dataset: JsonDataset<'a>,
}

/// The dataset's fields as the model writes them, its events with their Jalali dates.
#[derive(Serialize)]
struct JsonDataset<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    actors: &'a [Actor],
    topics: &'a [Topic],
    events: Vec<JsonEvent<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    eras: &'a [Era],
}

/// An event as the model writes it, with its date in the Jalali calendar when asked.
#[derive(Serialize)]
struct JsonEvent<'a> {
    #[serde(flatten)]
    event: &'a Event,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_jalali: Option<String>,
}

/// The chosen events of `dataset` and the manifest as indented JSON; the
/// events' EDTF dates stay, and `calendar` Jalali or both adds `date_jalali`.
pub fn render(
    dataset: &Dataset,
    events: &[EventIdx],
    manifest: &Manifest,
    calendar: Calendar,
) -> Vec<u8> {
    let chosen = subset(dataset, events, &manifest.period.chosen());
    let export = JsonExport {
        manifest,
        dataset: JsonDataset {
            title: &chosen.title,
            description: &chosen.description,
            actors: &chosen.actors,
            topics: &chosen.topics,
            events: chosen
                .events
                .iter()
                .map(|event| JsonEvent {
                    event,
                    date_jalali: calendar
                        .has_jalali()
                        .then(|| jalali_text(&event.date))
                        .flatten(),
                })
                .collect(),
            eras: &chosen.eras,
        },
    };
    // Strings, numbers and lists only: serializing cannot fail.
    let mut bytes = serde_json::to_vec_pretty(&export)
        .unwrap_or_else(|e| unreachable!("an export always serializes: {e}"));
    bytes.push(b'\n');
    bytes
}
