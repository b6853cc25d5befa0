//! Each lane's events in time order, so that laying out one lane reads only its
//! own events in the window instead of sorting every event in view into lanes.
//!
//! Built once per dataset and grouping of lanes (not per filter: the filter is applied
//! while reading). An event is stored by its rank in the [`TimeIndex`], four bytes per
//! event and lane, so that a window is two binary searches per lane; the bounds the
//! [`TimeIndex`] keeps by rank let reading a lane's window walk memory in order
//! instead of visiting each event where the dataset keeps it.

use std::sync::OnceLock;

use rayon::prelude::*;

use super::lane_pyramid::{DayPyramid, LEAST_EVENTS};
use super::lanes::Lanes;
use crate::index::{EventIdx, LONG_SPAN_SECONDS, TimeIndex};
use crate::model::Moment;
use crate::model::date::SECONDS_PER_DAY;

/// The events of every lane by rank in time order, and its long ones again apart.
#[derive(Debug, Default)]
pub struct LaneTimes {
    /// Lane `l`'s events are `ranks[offsets[l]..offsets[l + 1]]`, ascending.
    offsets: Vec<u32>,
    ranks: Vec<u32>,
    /// Lane `l`'s long events are `long_ranks[long_offsets[l]..long_offsets[l + 1]]`.
    long_offsets: Vec<u32>,
    long_ranks: Vec<u32>,
    /// Lane `l`'s events longer than a day (long ones among them) are
    /// `wide_ranks[wide_offsets[l]..wide_offsets[l + 1]]`.
    wide_offsets: Vec<u32>,
    wide_ranks: Vec<u32>,
    /// Each lane's events of a day or less counted per day, built when first asked for.
    pyramids: Vec<OnceLock<Option<DayPyramid>>>,
}

impl LaneTimes {
    /// Sorts the events of each of `lanes` by time, in `index`'s order: all
    /// of them, the long and the wide ones side by side.
    pub fn new(index: &TimeIndex, lanes: &Lanes) -> LaneTimes {
        let order = index.in_time_order();
        let spanning_over = |seconds: i64| {
            order.iter().copied().enumerate().filter(move |&(rank, _)| {
                let [earliest, latest] = index.bounds_at(rank as u32);
                latest.saturating_sub(earliest) > seconds
            })
        };
        let (all, (long, wide)) = rayon::join(
            || Slots::fill(lanes, order.iter().copied().enumerate()),
            || {
                rayon::join(
                    || Slots::fill(lanes, spanning_over(LONG_SPAN_SECONDS)),
                    || Slots::fill(lanes, spanning_over(SECONDS_PER_DAY)),
                )
            },
        );
        LaneTimes {
            wide_offsets: wide.offsets,
            wide_ranks: wide.ranks,
            pyramids: (0..lanes.lanes.len()).map(|_| OnceLock::new()).collect(),
            offsets: all.offsets,
            ranks: all.ranks,
            long_offsets: long.offsets,
            long_ranks: long.ranks,
        }
    }

    /// The ranks (in `index`) of the events of lane `lane` whose rank passes `keep` and
    /// whose time may overlap `[start, end)`, in time order, into `out` (cleared first):
    /// as [`TimeIndex::overlapping`] restricted to the lane.
    pub(crate) fn overlapping(
        &self,
        index: &TimeIndex,
        lane: usize,
        (start, end): (Moment, Moment),
        keep: impl Fn(u32) -> bool,
        out: &mut Vec<u32>,
    ) {
        self.window(index, lane, self.all(lane), (start, end), keep, out);
    }

    /// The ranks of lane `lane`'s events longer than a day whose time may overlap
    /// `[start, end)`, in time order, into `out` (cleared first): those a
    /// [`DayPyramid`] does not count.
    pub(crate) fn wide_overlapping(
        &self,
        index: &TimeIndex,
        lane: usize,
        (start, end): (Moment, Moment),
        out: &mut Vec<u32>,
    ) {
        let wide = slice(&self.wide_offsets, &self.wide_ranks, lane);
        self.window(index, lane, wide, (start, end), |_| true, out);
    }

    /// The ranks of `ranks` (some of lane `lane`'s, ascending, its long ones among
    /// them) that pass `keep` and whose time may overlap `[start, end)`, in time
    /// order, into `out` (cleared first).
    fn window(
        &self,
        index: &TimeIndex,
        lane: usize,
        ranks: &[u32],
        (start, end): (Moment, Moment),
        keep: impl Fn(u32) -> bool,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let (from, to) = index.rank_window(start, end);
        // The filter first: a bit, where the bounds are sixteen bytes.
        let wanted = |&&r: &&u32| {
            keep(r) && {
                let [earliest, latest] = index.bounds_at(r);
                latest > start.0 && earliest < end.0
            }
        };
        // Long events that start before the window of ranks come first in time order.
        let long = slice(&self.long_offsets, &self.long_ranks, lane);
        out.extend(
            long[..long.partition_point(|&r| r < from)]
                .iter()
                .filter(wanted),
        );
        let (a, b) = (
            ranks.partition_point(|&r| r < from),
            ranks.partition_point(|&r| r < to),
        );
        out.extend(ranks[a..b].iter().filter(wanted));
    }

    /// For each lane, whether some event whose rank passes `keep` is drawn in it: each
    /// lane's events are walked until one passes, on all cores.
    pub(crate) fn lanes_holding(&self, keep: impl Fn(u32) -> bool + Sync) -> Vec<bool> {
        let lanes = self.offsets.len().saturating_sub(1);
        (0..lanes)
            .into_par_iter()
            .map(|lane| self.all(lane).iter().any(|&r| keep(r)))
            .collect()
    }

    fn all(&self, lane: usize) -> &[u32] {
        slice(&self.offsets, &self.ranks, lane)
    }

    /// Lane `lane`'s events of a day or less counted per day (every event, whatever the
    /// filter), built on first use; None for a lane with few of them.
    pub(crate) fn pyramid(&self, index: &TimeIndex, lane: usize) -> Option<&DayPyramid> {
        let cell = self.pyramids.get(lane)?;
        cell.get_or_init(|| {
            let days = self.all(lane).iter().filter_map(|&r| {
                let [earliest, latest] = index.bounds_at(r);
                let short = latest.saturating_sub(earliest) <= SECONDS_PER_DAY;
                short.then(|| earliest.div_euclid(SECONDS_PER_DAY))
            });
            if days.clone().count() < LEAST_EVENTS {
                return None;
            }
            DayPyramid::new(days)
        })
        .as_ref()
    }
}

impl LaneTimes {
    /// Follows event `event`, in the same lanes, moved in `index`'s time
    /// order from rank `from` to rank `to` (the ranks between shift by one);
    /// false when it became long or short, or wide or not, so that the lanes'
    /// times must be sorted again.
    pub(crate) fn event_moved(
        &mut self,
        index: &TimeIndex,
        lanes: &Lanes,
        event: EventIdx,
        (from, to): (u32, u32),
    ) -> bool {
        let own = lanes.of_event(event);
        let Some(&first) = own.first() else {
            return false;
        };
        let [earliest, latest] = index.bounds_at(to);
        let span = latest.saturating_sub(earliest);
        let first = first as usize;
        let was_long = slice(&self.long_offsets, &self.long_ranks, first).contains(&from);
        let was_wide = slice(&self.wide_offsets, &self.wide_ranks, first).contains(&from);
        if was_long != (span > LONG_SPAN_SECONDS) || was_wide != (span > SECONDS_PER_DAY) {
            return false;
        }
        for (offsets, ranks) in [
            (&self.offsets, &mut self.ranks),
            (&self.long_offsets, &mut self.long_ranks),
            (&self.wide_offsets, &mut self.wide_ranks),
        ] {
            move_rank(offsets, ranks, own, (from, to));
        }
        for &lane in own {
            if let Some(cell) = self.pyramids.get_mut(lane as usize) {
                cell.take();
            }
        }
        true
    }
}

/// Moves rank `from` to `to` in the lanes `own` of one slot, and shifts the
/// ranks between by one everywhere, keeping each lane ascending.
fn move_rank(offsets: &[u32], ranks: &mut [u32], own: &[u32], (from, to): (u32, u32)) {
    if from == to {
        return;
    }
    let mut moved = Vec::new();
    for &lane in own {
        let (a, b) = (
            offsets[lane as usize] as usize,
            offsets[lane as usize + 1] as usize,
        );
        if let Ok(at) = ranks[a..b].binary_search(&from) {
            moved.push((a, b, a + at));
        }
    }
    // Each lane is ascending, so the ranks between are one run of it: found
    // by two binary searches per lane rather than by a pass over every entry.
    let (low, high) = if from < to {
        (from + 1, to)
    } else {
        (to, from - 1)
    };
    for lane in offsets.windows(2) {
        let run = &mut ranks[lane[0] as usize..lane[1] as usize];
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
            continue;
        };
        if last < low || first > high {
            continue;
        }
        let start = if first >= low {
            0
        } else {
            run.partition_point(|&r| r < low)
        };
        let end = if last <= high {
            run.len()
        } else {
            start + run[start..].partition_point(|&r| r <= high)
        };
        for r in &mut run[start..end] {
            if from < to {
                *r -= 1;
            } else {
                *r += 1;
            }
        }
    }
    for (a, b, at) in moved {
        ranks[at] = to;
        let lane = &mut ranks[a..b];
        let at = at - a;
        if from < to {
            let end = at + 1 + lane[at + 1..].partition_point(|&r| r < to);
            lane[at..end].rotate_left(1);
        } else {
            let start = lane[..at].partition_point(|&r| r < to);
            lane[start..=at].rotate_right(1);
        }
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
    fn lanes_empty_of_shown_events_are_hidden_unless_a_nested_lane_holds_one() {
        let dataset = crate::dataset::embedded();
        let index = TimeIndex::new(&dataset);
        let mut lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
        let times = LaneTimes::new(&index, &lanes);
        let every_lane: Vec<String> = lanes
            .visible_labels()
            .iter()
            .map(|l| l.to_string())
            .collect();
        // Only Bagheri's visit to Dushanbe is shown.
        let visit = dataset
            .events
            .iter()
            .position(|e| e.id == "2022-05-16-bagheri-dushanbe")
            .expect("the curated dataset has the visit") as EventIdx;
        let holding = times.lanes_holding(|r| index.in_time_order()[r as usize] == visit);
        let own: Vec<String> = lanes
            .of_event(visit)
            .iter()
            .map(|&l| lanes.lanes[l as usize].label.clone())
            .collect();
        let parents: Vec<String> = lanes
            .of_event(visit)
            .iter()
            .filter_map(|&l| lanes.lanes[l as usize].parent)
            .map(|p| lanes.lanes[p].label.clone())
            .collect();
        assert!(lanes.hide_empty(Some(&holding)));
        let kept = lanes.visible_labels();
        assert!(kept.contains(&"Mohammad Bagheri") && kept.contains(&"Iran"));
        assert!(!kept.contains(&"Ebrahim Raisi"));
        for label in &kept {
            assert!(
                own.iter().chain(&parents).any(|l| l == label),
                "{label} holds none of the shown events"
            );
        }
        assert!(lanes.hide_empty(None));
        assert_eq!(lanes.visible_labels(), every_lane);
        assert!(!lanes.hide_empty(None), "nothing left to show");
    }

    #[test]
    fn a_lanes_window_holds_what_the_time_index_finds_in_that_lane() {
        let dataset = crate::generate::generate(3000, 7);
        let index = TimeIndex::new(&dataset);
        let lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
        let times = LaneTimes::new(&index, &lanes);
        let start = Moment::from_ymd(2001, 3, 1);
        let end = Moment::from_ymd(2004, 9, 1);
        let found = index.overlapping(start, end);
        let even = |e: EventIdx| e.is_multiple_of(2);
        let mut out = Vec::new();
        let mut non_empty = 0;
        for lane in 0..lanes.lanes.len() {
            let expected: Vec<EventIdx> = found
                .iter()
                .copied()
                .filter(|&e| even(e) && lanes.of_event(e).contains(&(lane as u32)))
                .collect();
            let even_rank = |r: u32| even(index.in_time_order()[r as usize]);
            times.overlapping(&index, lane, (start, end), even_rank, &mut out);
            let events: Vec<EventIdx> = out
                .iter()
                .map(|&r| index.in_time_order()[r as usize])
                .collect();
            assert_eq!(events, expected, "lane {}", lanes.lanes[lane].label);
            non_empty += usize::from(!out.is_empty());
        }
        assert!(non_empty > 10, "the window is not empty");
    }

    #[test]
    fn an_event_moved_in_time_leaves_the_lanes_as_sorting_them_afresh() {
        let mut dataset = crate::generate::generate(3000, 7);
        let mut index = TimeIndex::new(&dataset);
        let lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
        let mut times = LaneTimes::new(&index, &lanes);
        let mut moved = 0;
        for step in 0..200usize {
            let (e, other) = ((step * 37) % 3000, (step * 91 + 11) % 3000);
            dataset.events[e].date = dataset.events[other].date.clone();
            let event = &dataset.events[e];
            let bounds = [event.date.earliest().0, event.date.latest().0];
            let (from, to) = index.place(&dataset.events, e as EventIdx, bounds);
            let from = from.expect("the event was placed before");
            if times.event_moved(&index, &lanes, e as EventIdx, (from, to)) {
                moved += 1;
            } else {
                times = LaneTimes::new(&index, &lanes);
            }
            let fresh = LaneTimes::new(&index, &lanes);
            assert_eq!(times.ranks, fresh.ranks, "step {step}");
            assert_eq!(times.long_ranks, fresh.long_ranks, "step {step}");
            assert_eq!(times.wide_ranks, fresh.wide_ranks, "step {step}");
        }
        assert!(moved > 100, "most moves keep the event's kind of span");
    }
}
