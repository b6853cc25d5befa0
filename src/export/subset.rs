//! The part of a dataset that a selection of events needs: the events, their
//! actors (with the organizations of their roles), their topics (with their parents)
//! and the eras that overlap the period.

use std::collections::HashSet;

use crate::index::EventIdx;
use crate::model::Dataset;
use crate::query::Period;

/// A valid dataset holding only `events` (in the given order), what they refer
/// to, and the eras that may overlap `period`.
pub(crate) fn subset(dataset: &Dataset, events: &[EventIdx], period: &Period) -> Dataset {
    let (start, end) = period.span();
    let chosen: Vec<_> = events
        .iter()
        .filter_map(|&i| dataset.events.get(i as usize))
        .cloned()
        .collect();

    let mut actors: HashSet<&str> = chosen.iter().flat_map(|e| e.participants()).collect();
    let organizations: Vec<&str> = dataset
        .actors
        .iter()
        .filter(|a| actors.contains(a.id.as_str()))
        .flat_map(|a| a.roles.iter().map(|r| r.of.as_str()))
        .collect();
    actors.extend(organizations);

    let mut topics: HashSet<&str> = chosen.iter().flat_map(|e| e.topics.iter()).collect();
    let mut pending: Vec<&str> = topics.iter().copied().collect();
    while let Some(id) = pending.pop() {
        if let Some(parent) = dataset.topic(id).and_then(|t| t.parent.as_deref())
            && topics.insert(parent)
        {
            pending.push(parent);
        }
    }

    Dataset {
        title: dataset.title.clone(),
        description: dataset.description.clone(),
        actors: dataset
            .actors
            .iter()
            .filter(|a| actors.contains(a.id.as_str()))
            .cloned()
            .collect(),
        topics: dataset
            .topics
            .iter()
            .filter(|t| topics.contains(t.id.as_str()))
            .cloned()
            .collect(),
        eras: dataset
            .eras
            .iter()
            .filter(|era| era.date.earliest() < end && start < era.date.latest())
            .cloned()
            .collect(),
        actor_lookup: Default::default(),
        topic_lookup: Default::default(),
        events: chosen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::embedded;

    #[test]
    fn a_subset_keeps_topic_parents_and_role_organizations() {
        let dataset = embedded();
        let visit = dataset
            .events
            .iter()
            .position(|e| e.id == "2022-05-16-bagheri-dushanbe")
            .unwrap() as EventIdx;
        let part = subset(&dataset, &[visit], &Period::default());
        assert_eq!(part.events.len(), 1);
        assert!(part.topic("security").is_some(), "the parent of terrorism");
        assert!(part.actor("TJK").is_some());
        assert!(part.actor("raisi").is_none());
        assert!(part.actor("SCO").is_none());
    }
}
