//! `annals list [FILE]`: the events in time order.

use std::io::Write;

use crate::index::TimeIndex;
use crate::model::Dataset;
use crate::query::{self, Filter};

/// Prints one line per event that matches `filter`: the date as written, the kind, the title, the actors.
pub fn run(dataset: &Dataset, filter: &Filter, out: &mut dyn Write) {
    let index = TimeIndex::new(dataset);
    for i in query::select(dataset, &index, filter) {
        let event = &dataset.events[i as usize];
        let actors: Vec<&str> = event
            .participants()
            .map(|id| dataset.actor_name(id))
            .collect();
        let _ = writeln!(
            out,
            "{:<23} {:<20} {}  [{}]",
            event.date.text(),
            event.kind.label(),
            event.title,
            actors.join(", ")
        );
    }
}
