//! Text search: every folded word of a query in an event's title, summary and
//! note, its actors' names, place, sources' publishers or CAMEO code.

use std::sync::Arc;

use rayon::prelude::*;

use super::QueryIndex;
use crate::query::EventSet;
use crate::query::fold::fold;

impl QueryIndex {
    /// The events where every word of `text` appears in some searched field,
    /// or none when `text` has no word (for highlighting matches on the canvas).
    pub fn text_matches(&self, text: &str) -> Option<Arc<EventSet>> {
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return None;
        }
        let key = words.join(" ");
        let mut narrowed: Option<EventSet> = None;
        if let Ok(cache) = self.text_cache.lock()
            && let Some((cached, set)) = cache.as_ref()
        {
            if *cached == key {
                return Some(set.clone());
            }
            // Typing on narrows: when every word searched before is part of
            // a word searched now, only the events found before can match.
            if cached
                .split(' ')
                .all(|old| words.iter().any(|new| new.contains(old)))
            {
                narrowed = Some(EventSet::clone(set));
            }
        }
        for word in &words {
            let found = match narrowed.take() {
                Some(candidates) if candidates.len() < self.events / 8 => {
                    self.word_matches_among(word, candidates)
                }
                Some(mut candidates) => {
                    candidates.intersect_with(&self.word_matches(word));
                    candidates
                }
                None => self.word_matches(word),
            };
            narrowed = Some(found);
        }
        let found = Arc::new(narrowed.unwrap_or_else(|| EventSet::all(self.events)));
        if let Ok(mut cache) = self.text_cache.lock() {
            *cache = Some((key, found.clone()));
        }
        Some(found)
    }

    /// The events of `candidates` where a folded word appears in any searched
    /// field, scanning only those events' own text.
    fn word_matches_among(&self, word: &str, candidates: EventSet) -> EventSet {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let mut found = EventSet::none(self.events);
        for event in candidates.iter() {
            if finder.find(self.text_of(event)).is_some() {
                found.insert(event);
            }
        }
        found.union_with(&self.word_matches_elsewhere(word));
        found.intersect_with(&candidates);
        found
    }

    /// The folded text of one event.
    fn text_of(&self, event: u32) -> &[u8] {
        match self.changed_text.get(&event) {
            Some(text) => text.as_bytes(),
            None => {
                let starts = &self.event_text_starts;
                let e = event as usize;
                &self.event_text[starts[e]..starts[e + 1]]
            }
        }
    }

    /// The events where a folded word appears in any searched field.
    fn word_matches(&self, word: &str) -> EventSet {
        let mut found = EventSet::from_words(self.scan_event_text(word), self.events);
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        for (&event, text) in &self.changed_text {
            if finder.find(text.as_bytes()).is_some() {
                found.insert(event);
            }
        }
        found.union_with(&self.word_matches_elsewhere(word));
        found
    }

    /// The events whose actors' names, place, sources' publishers or CAMEO code
    /// (`cameo 042`) contain a folded word.
    fn word_matches_elsewhere(&self, word: &str) -> EventSet {
        let mut found = EventSet::none(self.events);
        for (a, text) in self.actor_text.iter().enumerate() {
            if text.contains(word) {
                found.insert_all(&self.actor_events[a]);
            }
        }
        for (text, events) in self
            .places
            .iter()
            .chain(&self.publishers)
            .chain(&self.cameos)
        {
            if text.contains(word) {
                found.insert_all(events);
            }
        }
        found
    }

    /// The events whose own text (title, summary, note) contains a folded
    /// word: one substring scan over the whole buffer, in parallel blocks.
    fn scan_event_text(&self, word: &str) -> Vec<u64> {
        const EVENTS_PER_TASK: usize = 64 * 1024;
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let starts = &self.event_text_starts;
        let text = &self.event_text;
        let blocks: Vec<Vec<u64>> = (0..self.events.div_ceil(EVENTS_PER_TASK))
            .into_par_iter()
            .map(|block| {
                let first = block * EVENTS_PER_TASK;
                let last = (first + EVENTS_PER_TASK).min(self.events);
                let mut bits = vec![0u64; (last - first).div_ceil(64)];
                let end = starts[last];
                let mut at = starts[first];
                let mut event = first;
                while let Some(found) = finder.find(&text[at..end]) {
                    let position = at + found;
                    while starts[event + 1] <= position {
                        event += 1;
                    }
                    let bit = event - first;
                    bits[bit / 64] |= 1 << (bit % 64);
                    at = starts[event + 1];
                }
                bits
            })
            .collect();
        blocks.concat()
    }
}
