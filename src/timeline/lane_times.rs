//! Each lane's events in time order, so that laying out one lane reads only its
//! own events in the window instead of sorting every event in view into lanes.
//!
//! Built once per dataset and grouping of lanes (not per filter: the filter is applied
//! while reading). An event is stored by its rank in the [`TimeIndex`], four bytes per
//! event and lane, so that a window is two binary searches per lane.

use super::lanes::Lanes;
use crate::index::{EventIdx, LONG_SPAN_SECONDS, TimeIndex};
use crate::model::{Dataset, Moment};

/// The events of every lane by rank in time order, and its long ones again apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaneTimes {
    /// Lane `l`'s events are `ranks[offsets[l]..offsets[l + 1]]`, ascending.
    offsets: Vec<u32>,
    ranks: Vec<u32>,
    /// Lane `l`'s long events are `long_ranks[long_offsets[l]..long_offsets[l + 1]]`.
    long_offsets: Vec<u32>,
    long_ranks: Vec<u32>,
}

impl LaneTimes {
    /// Sorts the events of each of `lanes` by time, in `index`'s order.
    pub fn new(dataset: &Dataset, index: &TimeIndex, lanes: &Lanes) -> LaneTimes {
        let order = index.in_time_order();
        let all = Slots::fill(lanes, order.iter().copied().enumerate());
        let long = Slots::fill(
            lanes,
            order.iter().copied().enumerate().filter(|&(_, e)| {
                let date = &dataset.events[e as usize].date;
                date.latest().0.saturating_sub(date.earliest().0) > LONG_SPAN_SECONDS
            }),
        );
        LaneTimes {
            offsets: all.offsets,
            ranks: all.ranks,
            long_offsets: long.offsets,
            long_ranks: long.ranks,
        }
    }

    /// The events of lane `lane` that pass `keep` and whose time may overlap
    /// `[start, end)`, in time order, into `out` (cleared first): as
    /// [`TimeIndex::overlapping`] restricted to the lane.
    pub fn overlapping(
        &self,
        dataset: &Dataset,
        index: &TimeIndex,
        lane: usize,
        (start, end): (Moment, Moment),
        keep: impl Fn(EventIdx) -> bool,
        out: &mut Vec<EventIdx>,
    ) {
        out.clear();
        let order = index.in_time_order();
        let (from, to) = index.rank_window(start, end);
        let wanted = |&e: &EventIdx| {
            let date = &dataset.events[e as usize].date;
            keep(e) && date.latest() > start && date.earliest() < end
        };
        // Long events that start before the window of ranks come first in time order.
        let long = self.long(lane);
        let long_before = &long[..long.partition_point(|&r| r < from)];
        out.extend(
            long_before
                .iter()
                .map(|&r| order[r as usize])
                .filter(wanted),
        );
        let all = self.all(lane);
        let (a, b) = (
            all.partition_point(|&r| r < from),
            all.partition_point(|&r| r < to),
        );
        out.extend(all[a..b].iter().map(|&r| order[r as usize]).filter(wanted));
    }

    fn all(&self, lane: usize) -> &[u32] {
        slice(&self.offsets, &self.ranks, lane)
    }

    fn long(&self, lane: usize) -> &[u32] {
        slice(&self.long_offsets, &self.long_ranks, lane)
    }
}

fn slice<'a>(offsets: &[u32], ranks: &'a [u32], lane: usize) -> &'a [u32] {
    match (offsets.get(lane), offsets.get(lane + 1)) {
        (Some(&a), Some(&b)) => &ranks[a as usize..b as usize],
        _ => &[],
    }
}

/// Ranks grouped by lane, each group ascending.
struct Slots {
    offsets: Vec<u32>,
    ranks: Vec<u32>,
}

impl Slots {
    /// Groups `(rank, event)` pairs, given by ascending rank, by the lanes of each event:
    /// counted first, then placed.
    fn fill(lanes: &Lanes, events: impl Iterator<Item = (usize, EventIdx)> + Clone) -> Slots {
        let mut offsets = vec![0u32; lanes.lanes.len() + 1];
        for (_, e) in events.clone() {
            for &lane in lanes.of_event(e) {
                offsets[lane as usize + 1] += 1;
            }
        }
        for l in 1..offsets.len() {
            offsets[l] += offsets[l - 1];
        }
        let mut next = offsets.clone();
        let mut ranks = vec![0u32; offsets.last().map_or(0, |&n| n as usize)];
        for (rank, e) in events {
            for &lane in lanes.of_event(e) {
                let at = &mut next[lane as usize];
                ranks[*at as usize] = rank as u32;
                *at += 1;
            }
        }
        Slots { offsets, ranks }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::timeline::LaneMode;

    #[test]
    fn a_lanes_window_holds_what_the_time_index_finds_in_that_lane() {
        let dataset = crate::generate::generate(3000, 7);
        let index = TimeIndex::new(&dataset);
        let lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
        let times = LaneTimes::new(&dataset, &index, &lanes);
        let start = Moment::from_ymd(2001, 3, 1);
        let end = Moment::from_ymd(2004, 9, 1);
        let found = index.overlapping(&dataset, start, end);
        let even = |e: EventIdx| e.is_multiple_of(2);
        let mut out = Vec::new();
        let mut non_empty = 0;
        for lane in 0..lanes.lanes.len() {
            let expected: Vec<EventIdx> = found
                .iter()
                .copied()
                .filter(|&e| even(e) && lanes.of_event(e).contains(&(lane as u32)))
                .collect();
            times.overlapping(&dataset, &index, lane, (start, end), even, &mut out);
            assert_eq!(out, expected, "lane {}", lanes.lanes[lane].label);
            non_empty += usize::from(!out.is_empty());
        }
        assert!(non_empty > 10, "the window is not empty");
    }
}
