//! The filter settings and how an event is matched against them.
//!
//! Semantics, the same everywhere: OR within a facet, AND across facets.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Period;

/// What the user chose to see. An empty facet does not filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Actor ids; an event matches when one of them (or, with `all_actors`,
    /// every one of them) takes part on either side.
    pub actors: BTreeSet<String>,
    /// Require every selected actor instead of any.
    pub all_actors: bool,
    /// A country or organization also matches the events of its people
    /// while they held a role of it at the event's date.
    pub include_members: bool,
    /// Topic ids; a topic includes its descendants.
    pub topics: BTreeSet<String>,
    /// Kind slugs (`visit`, `phone-call`, or a dataset's own kind).
    pub kinds: BTreeSet<String>,
    /// Places as written (`Dushanbe, Tajikistan`), or their first part
    /// (`Dushanbe`): an event matches when its place is one of them.
    pub places: BTreeSet<String>,
    /// Free text searched in titles, summaries, places, notes, actor names
    /// and aliases (in every script) and source publishers.
    pub text: String,
    /// The period the event must overlap (or lie in, with `strict`).
    pub period: Period,
    /// Require the whole date to lie inside the period.
    pub strict: bool,
    /// Show the events that do not match faded, for context, instead of hiding them.
    pub fade_unmatched: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            actors: BTreeSet::new(),
            all_actors: false,
            include_members: true,
            topics: BTreeSet::new(),
            kinds: BTreeSet::new(),
            places: BTreeSet::new(),
            text: String::new(),
            period: Period::default(),
            strict: false,
            fade_unmatched: false,
        }
    }
}

impl Filter {
    /// True when no facet filters anything.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.topics.is_empty()
            && self.kinds.is_empty()
            && self.places.is_empty()
            && self.text.trim().is_empty()
            && self.period.is_unbounded()
    }

    /// Removes every facet's choices, keeping the modes (all actors, members, strict, fade).
    pub fn clear(&mut self) {
        self.actors.clear();
        self.topics.clear();
        self.kinds.clear();
        self.places.clear();
        self.text.clear();
        self.period = Period::default();
    }
}

#[cfg(test)]
mod tests {
    use super::Filter;

    #[test]
    fn a_filter_saved_before_a_field_existed_still_loads() {
        let saved = r#"(actors: ["TJK"], text: "tehran")"#;
        let filter: Filter = ron::from_str(saved).expect("an older saved filter loads");
        assert!(filter.actors.contains("TJK"));
        assert!(filter.include_members);
        assert!(!filter.fade_unmatched);
        let again: Filter = ron::from_str(&ron::to_string(&filter).unwrap()).unwrap();
        assert_eq!(again, filter);
    }
}
