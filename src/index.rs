//! Events in time order, for binary-searching the visible ones and for
//! stepping to the next and previous event.

use crate::model::{Dataset, Event, Moment};

/// The position of an event in [`Dataset::events`].
pub type EventIdx = u32;

/// Spans longer than this are kept apart, so that the range query stays a
/// binary search over short events.
pub(crate) const LONG_SPAN_SECONDS: i64 = 400 * 86_400;

/// The events of a dataset sorted by their start, with their bounds in
/// flat arrays for cache-friendly range queries.
#[derive(Debug, Clone, Default)]
pub struct TimeIndex {
    /// Event positions sorted by start (then by id, for a stable order).
    order: Vec<EventIdx>,
    /// The sort key of each entry of `order`.
    starts: Vec<i64>,
    /// Events that span more than [`LONG_SPAN_SECONDS`] (or are open-ended), by start.
    long: Vec<EventIdx>,
    /// Rank of each event in `order`, indexed by event position.
    rank: Vec<u32>,
    /// The earliest and latest instant of each entry of `order`, in seconds: read in
    /// time order without visiting the events where the dataset keeps them.
    bounds: Vec<[i64; 2]>,
}

impl TimeIndex {
    /// Sorts the events of `dataset` by time.
    pub fn new(dataset: &Dataset) -> TimeIndex {
        use rayon::prelude::*;
        let bounds: Vec<[i64; 2]> = dataset
            .events
            .par_iter()
            .map(|e| [e.date.earliest().0, e.date.latest().0])
            .collect();
        TimeIndex::with_bounds(dataset, &bounds)
    }

    /// Sorts the events of `dataset` by time, given the earliest and latest instant
    /// of each (in seconds, in the dataset's order) so that no date is read again.
    pub(crate) fn with_bounds(dataset: &Dataset, bounds: &[[i64; 2]]) -> TimeIndex {
        use rayon::prelude::*;
        let events = &dataset.events;
        // Sorting flat (start, id's first bytes, position) triples touches an
        // event only to break ties between ids that share their first eight
        // bytes; on all cores, as this is the bulk of indexing millions. An open
        // start sorts by the end, as `EdtfDate::sort_key` does.
        let mut keyed: Vec<(i64, u64, EventIdx)> = events
            .par_iter()
            .zip(bounds)
            .enumerate()
            .map(|(i, (e, &[earliest, latest]))| {
                (
                    sort_key([earliest, latest]),
                    id_prefix(&e.id),
                    i as EventIdx,
                )
            })
            .collect();
        keyed.par_sort_unstable_by(|&(sa, pa, a), &(sb, pb, b)| {
            sa.cmp(&sb)
                .then(pa.cmp(&pb))
                .then_with(|| events[a as usize].id.cmp(&events[b as usize].id))
                .then(a.cmp(&b))
        });
        let (starts, order): (Vec<i64>, Vec<EventIdx>) =
            keyed.into_iter().map(|(start, _, e)| (start, e)).unzip();
        let bounds: Vec<[i64; 2]> = order.par_iter().map(|&i| bounds[i as usize]).collect();
        let long = order
            .iter()
            .zip(&bounds)
            .filter(|(_, [earliest, latest])| latest.saturating_sub(*earliest) > LONG_SPAN_SECONDS)
            .map(|(&i, _)| i)
            .collect();
        let mut rank = vec![0; events.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        TimeIndex {
            order,
            starts,
            long,
            rank,
            bounds,
        }
    }

    /// All events, earliest first.
    pub fn in_time_order(&self) -> &[EventIdx] {
        &self.order
    }

    /// The number of events.
    pub(crate) fn len(&self) -> usize {
        self.order.len()
    }

    /// The first and last instants of the dataset (its earliest start and latest
    /// bounded end), or `None` when empty.
    pub(crate) fn extent(&self) -> Option<(Moment, Moment)> {
        let first = *self.starts.first()?;
        let last_rank = self.order.len() - 1;
        let last = std::iter::once(last_rank)
            .chain(self.long.iter().map(|&i| self.rank_of(i)))
            .map(|rank| Moment(self.bounds[rank][1]))
            .filter(|m| !m.is_open())
            .max()
            .unwrap_or(Moment(*self.starts.last()?));
        Some((Moment(first), last.max(Moment(first))))
    }

    /// The events whose time may overlap `[start, end)`, in time order of
    /// their start: a binary search over the short events plus the long ones.
    pub fn overlapping(&self, start: Moment, end: Moment) -> Vec<EventIdx> {
        let (from, to) = self.rank_window(start, end);
        let overlaps = |rank: usize| {
            let [earliest, latest] = self.bounds[rank];
            latest > start.0 && earliest < end.0
        };
        let mut found: Vec<EventIdx> = (from as usize..to as usize)
            .filter(|&rank| overlaps(rank))
            .map(|rank| self.order[rank])
            .collect();
        let long = self.long.iter().copied().filter(|&i| {
            let rank = self.rank_of(i);
            overlaps(rank) && self.starts[rank] < start.0.saturating_sub(LONG_SPAN_SECONDS)
        });
        found.extend(long);
        found.sort_by_key(|&i| self.rank[i as usize]);
        found
    }

    /// The ranks in time order `(from, to)` of the events that start late enough and
    /// early enough to overlap `[start, end)` unless they are long (see [`Self::overlapping`]).
    pub(crate) fn rank_window(&self, start: Moment, end: Moment) -> (u32, u32) {
        let from = self
            .starts
            .partition_point(|&s| s < start.0.saturating_sub(LONG_SPAN_SECONDS));
        let to = self.starts.partition_point(|&s| s < end.0);
        (from as u32, to as u32)
    }

    /// The earliest and latest instant, in seconds, of the event at rank `rank` in time
    /// order (open ends as [`Moment::MIN`] and [`Moment::MAX`]).
    pub(crate) fn bounds_at(&self, rank: u32) -> [i64; 2] {
        self.bounds[rank as usize]
    }

    /// [`TimeIndex::bounds_at`] as seconds, an open end at `open_start` or `open_end`:
    /// where the event at rank `rank` is counted in a density of that stretch.
    pub(crate) fn span_at(&self, rank: u32, opens: (f64, f64)) -> (f64, f64) {
        span_of(self.bounds_at(rank), opens)
    }

    /// The position in time order of an event.
    pub(crate) fn rank_of(&self, event: EventIdx) -> usize {
        self.rank[event as usize] as usize
    }
}

impl TimeIndex {
    /// Moves event `event` to where its new `bounds` sort it, after it was
    /// changed in `events` (the dataset's list, already edited); the other
    /// events keep their order. A new event at the end of the list is placed too.
    /// Gives its rank before (none for a new event) and after.
    pub(crate) fn place(
        &mut self,
        events: &[Event],
        event: EventIdx,
        bounds: [i64; 2],
    ) -> (Option<u32>, u32) {
        let e = event as usize;
        let old = (e < self.rank.len()).then(|| self.rank[e] as usize);
        if old.is_none() {
            self.rank.resize(e + 1, 0);
        }
        self.long.retain(|&i| i != event);
        let key = sort_key(bounds);
        let prefix = id_prefix(&events[e].id);
        // Among the other events: the event's own entry, where it was, is stepped over.
        let actual = |v: usize| v + usize::from(old.is_some_and(|old| v >= old));
        let sorts_before = |v: usize| {
            let rank = actual(v);
            let other = self.order[rank];
            let other_id = &events[other as usize].id;
            (self.starts[rank], id_prefix(other_id))
                .cmp(&(key, prefix))
                .then_with(|| other_id.cmp(&events[e].id))
                .then(other.cmp(&event))
                .is_lt()
        };
        let others = self.order.len() - usize::from(old.is_some());
        let (mut low, mut high) = (0, others);
        while low < high {
            let middle = (low + high) / 2;
            if sorts_before(middle) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let new = low;
        // Only the entries between the old and the new place move, by one.
        match old {
            Some(old) if old < new => {
                self.order[old..=new].rotate_left(1);
                self.starts[old..=new].rotate_left(1);
                self.bounds[old..=new].rotate_left(1);
            }
            Some(old) => {
                self.order[new..=old].rotate_right(1);
                self.starts[new..=old].rotate_right(1);
                self.bounds[new..=old].rotate_right(1);
            }
            None => {
                self.order.insert(new, event);
                self.starts.insert(new, key);
                self.bounds.insert(new, bounds);
            }
        }
        self.starts[new] = key;
        self.bounds[new] = bounds;
        let (from, to) = match old {
            Some(old) => (old.min(new), old.max(new)),
            None => (new, self.order.len() - 1),
        };
        for rank in from..=to {
            self.rank[self.order[rank] as usize] = rank as u32;
        }
        if bounds[1].saturating_sub(bounds[0]) > LONG_SPAN_SECONDS {
            let at = self
                .long
                .partition_point(|&i| self.rank[i as usize] < new as u32);
            self.long.insert(at, event);
        }
        (old.map(|r| r as u32), new as u32)
    }
}

/// The earliest and latest instant `[earliest, latest]` as seconds, an open
/// end at `open_start` or `open_end`.
pub(crate) fn span_of(
    [earliest, latest]: [i64; 2],
    (open_start, open_end): (f64, f64),
) -> (f64, f64) {
    let side = |bound: i64, open: f64| {
        if Moment(bound).is_open() {
            open
        } else {
            bound as f64
        }
    };
    (side(earliest, open_start), side(latest, open_end))
}

/// The key an event sorts by: its start, or its end when the start is open.
pub(crate) fn sort_key([earliest, latest]: [i64; 2]) -> i64 {
    if earliest == Moment::MIN.0 {
        latest
    } else {
        earliest
    }
}

/// The first eight bytes of `id` as a number that orders as the text does
/// (shorter ids padded with zeros); equal prefixes are compared in full.
fn id_prefix(id: &str) -> u64 {
    (crate::model::leading_bytes(id) >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ids_first_bytes_order_as_the_id_does() {
        let ids = [
            "",
            "a",
            "ab",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefgz",
            "b",
            "e0000001",
            "e0000010",
            "é",
            "éa",
            "z",
        ];
        for a in ids {
            for b in ids {
                let (pa, pb) = (id_prefix(a), id_prefix(b));
                if pa != pb {
                    assert_eq!(pa.cmp(&pb), a.cmp(b), "{a:?} and {b:?}");
                }
            }
        }
    }
}
