//! New event ids, made by the importer's own rule: from the date and a slug
//! of the title, unique in the dataset.

use super::Document;
use crate::import::DatasetBuilder;

impl Document {
    /// The id `import` would give an event of this date and title here:
    /// `2022-05-16-visit-to-dushanbe`, or with `-2`, `-3`… when taken.
    pub fn new_event_id(&self, date: &str, title: &str) -> String {
        // The builder hands out the rule's candidates in turn, each unique
        // among those it gave before; the first one no event has is the id.
        let mut builder = DatasetBuilder::new("", None);
        loop {
            match builder.event_id(None, date, title) {
                Ok(id) if !self.has_event(&id) => return id,
                Ok(_) => {}
                // Without a wanted id the rule always makes one.
                Err(_) => return format!("{date}-{title}"),
            }
        }
    }
}
