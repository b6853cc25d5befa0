//! Events and the sources that attest them.

use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{Coordinates, EdtfDate, EventKind, IdList, Text, ThinText};

/// Something that happened between actors on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
pub struct Event<D = EdtfDate> {
    /// A stable id, unique in the dataset.
    pub id: Text,
    /// What kind of event.
    pub kind: EventKind,
    /// The event's own CAMEO code (2 to 4 digits, `062`) where it differs from
    /// its kind's default; see [`Event::cameo_code`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<ThinText>,
    /// When, as an EDTF date.
    pub date: D,
    /// A short factual title.
    pub title: Text,
    /// The initiating side: visitor, caller, or every party of a symmetric signing.
    #[serde(default, skip_serializing_if = "IdList::is_empty")]
    pub actors: IdList,
    /// The receiving side: host, called party.
    #[serde(default, skip_serializing_if = "IdList::is_empty")]
    pub counterparts: IdList,
    /// Topic ids.
    #[serde(default, skip_serializing_if = "IdList::is_empty")]
    pub topics: IdList,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    /// Where it happened on the globe, `(latitude, longitude)`: wins over
    /// finding [`Event::place`] in the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Coordinates>,
    /// What happened, in a few sentences.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub summary: Text,
    /// Where it is reported.
    #[serde(default = "ThinVec::new", skip_serializing_if = "ThinVec::is_empty")]
    pub sources: ThinVec<Source<D>>,
    /// A curator's note: disagreements between sources, doubts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<ThinText>,
}

impl<D> Event<D> {
    /// Every actor id of both sides, initiators first.
    pub fn participants(&self) -> impl Iterator<Item = &str> {
        self.actors.iter().chain(&self.counterparts)
    }

    /// The event's CAMEO code: its own, else its kind's default, if the kind has one.
    pub fn cameo_code(&self) -> Option<&str> {
        self.cameo.as_deref().or_else(|| self.kind.cameo())
    }
}

/// True when `code` has the shape of a CAMEO event code: 2 to 4 ASCII digits.
pub fn is_cameo_code(code: &str) -> bool {
    (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

/// A publication that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Source")]
pub struct Source<D = EdtfDate> {
    /// Who published it: "IRNA", "Tehran Times".
    pub publisher: Text,
    /// The title, or a description of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// When it was published.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub published: Option<D>,
}

fn none<D>() -> Option<D> {
    None
}

#[cfg(test)]
mod tests {
    use super::Event;

    /// A million events take the memory of a million of these: the fields
    /// most events leave empty (a note, an own CAMEO code, sources) take one
    /// pointer each.
    #[test]
    fn an_event_takes_at_most_272_bytes() {
        assert!(size_of::<Event>() <= 272, "{} bytes", size_of::<Event>());
    }
}
