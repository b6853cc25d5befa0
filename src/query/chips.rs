//! The active filters as removable chips: one per actor, topic and kind, the
//! text search and the period.

use super::{Filter, Period};
use crate::model::{Dataset, EventKind};

/// One active choice of a filter, which the user can remove on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Chip {
    /// A selected actor, by id.
    Actor(String),
    /// A selected topic, by id.
    Topic(String),
    /// A selected kind, by slug.
    Kind(String),
    /// A selected place, as written.
    Place(String),
    /// The text search.
    Text,
    /// The period.
    Period,
}

impl Chip {
    /// What the chip says: "Actor: Tajikistan", "Text: “tehran”".
    pub(crate) fn label(&self, dataset: &Dataset, filter: &Filter) -> String {
        match self {
            Chip::Actor(id) => format!("Actor: {}", dataset.actor_name(id)),
            Chip::Topic(id) => format!("Topic: {}", dataset.topic_name(id)),
            Chip::Kind(slug) => format!("Kind: {}", kind_label(dataset, slug)),
            Chip::Place(place) => format!("Place: {place}"),
            Chip::Text => format!("Text: \u{201c}{}\u{201d}", filter.text.trim()),
            Chip::Period => {
                let Period { from, to } = &filter.period;
                let word = if filter.strict { "Within" } else { "Period" };
                match (from.as_deref(), to.as_deref()) {
                    // One whole year, month or day, as a click on the chart picks.
                    (Some(from), Some(to)) if from == to => format!("{word}: {from}"),
                    (from, to) => format!(
                        "{word}: {} \u{2013} {}",
                        from.unwrap_or(".."),
                        to.unwrap_or("..")
                    ),
                }
            }
        }
    }
}

/// The label of a kind slug, from the built-in kinds or the dataset's own.
fn kind_label(dataset: &Dataset, slug: &str) -> String {
    EventKind::BUILT_IN
        .iter()
        .chain(dataset.events.iter().map(|e| &e.kind))
        .find(|k| k.slug() == slug)
        .map_or_else(|| slug.to_string(), |k| k.label().to_string())
}

impl Filter {
    /// The active choices, in the order the panels show them.
    pub(crate) fn chips(&self) -> Vec<Chip> {
        let mut chips: Vec<Chip> = self.actors.iter().cloned().map(Chip::Actor).collect();
        chips.extend(self.topics.iter().cloned().map(Chip::Topic));
        chips.extend(self.kinds.iter().cloned().map(Chip::Kind));
        chips.extend(self.places.iter().cloned().map(Chip::Place));
        if !self.text.trim().is_empty() {
            chips.push(Chip::Text);
        }
        if !self.period.is_unbounded() {
            chips.push(Chip::Period);
        }
        chips
    }

    /// Removes one choice.
    pub(crate) fn remove(&mut self, chip: &Chip) {
        match chip {
            Chip::Actor(id) => {
                self.actors.remove(id);
            }
            Chip::Topic(id) => {
                self.topics.remove(id);
            }
            Chip::Kind(slug) => {
                self.kinds.remove(slug);
            }
            Chip::Place(place) => {
                self.places.remove(place);
            }
            Chip::Text => self.text.clear(),
            Chip::Period => self.period = Period::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Chip;
    use crate::query::Filter;

    #[test]
    fn removing_every_chip_empties_the_filter() {
        let mut filter = Filter {
            text: "tehran".into(),
            ..Filter::default()
        };
        filter.actors.insert("TJK".into());
        filter.kinds.insert("visit".into());
        filter.places.insert("Dushanbe".into());
        filter.period.from = Some("2014".into());
        assert_eq!(filter.chips().len(), 5);
        assert!(filter.chips().contains(&Chip::Actor("TJK".into())));
        for chip in filter.chips() {
            filter.remove(&chip);
        }
        assert!(filter.is_empty());
    }

    #[test]
    fn a_period_of_one_year_is_named_once() {
        let dataset = crate::dataset::embedded();
        let mut filter = Filter::default();
        filter.period.from = Some("2022".into());
        filter.period.to = Some("2022".into());
        assert_eq!(Chip::Period.label(&dataset, &filter), "Period: 2022");
        filter.period.to = Some("2023".into());
        assert_eq!(
            Chip::Period.label(&dataset, &filter),
            "Period: 2022 \u{2013} 2023"
        );
        filter.period.from = None;
        assert_eq!(
            Chip::Period.label(&dataset, &filter),
            "Period: .. \u{2013} 2023"
        );
    }
}
