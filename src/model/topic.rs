//! Topics: a tree of subjects that events are about.

use serde::{Deserialize, Serialize};

/// A subject such as "Counter-terrorism", optionally under a parent topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Topic")]
pub struct Topic {
    /// A short stable id.
    pub id: String,
    /// The name shown to readers.
    pub name: String,
    /// The id of the parent topic; none for a root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}
