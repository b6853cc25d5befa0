//! Counts of the selected events per period, grouped by kind, actor, topic or not at all.

use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::count_index::CountIndex;
use super::matrix::OTHERS;
use super::period::{CountedPeriod, PeriodUnit};
use crate::model::Moment;
use crate::query::EventSet;

/// What the counts of a period are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// By kind: every event counts once.
    #[default]
    Kind,
    /// By actor: an event counts once for each actor on either side.
    Actor,
    /// By topic: an event counts once for each of its own topics.
    Topic,
    /// Not split: every event counts once.
    None,
}

impl Grouping {
    /// Every grouping, in the order the command line lists them.
    pub const ALL: [Grouping; 4] = [
        Grouping::Kind,
        Grouping::Actor,
        Grouping::Topic,
        Grouping::None,
    ];

    /// The word used on the command line: `kind`, `actor`, `topic`, `none`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Grouping::Kind => "kind",
            Grouping::Actor => "actor",
            Grouping::Topic => "topic",
            Grouping::None => "none",
        }
    }
}

impl fmt::Display for Grouping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Grouping {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Grouping::ALL
            .into_iter()
            .find(|g| g.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown grouping {s:?}; choose one of kind, actor, topic, none")
            })
    }
}

/// The number of events of one group in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The position of the period in [`PeriodCounts::periods`].
    pub period: u32,
    /// The position of the group in [`PeriodCounts::groups`].
    pub(crate) group: u32,
    /// How many events.
    pub count: u32,
}

/// Counts of events per period and group: the numbers behind a chart and `annals stats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCounts {
    /// The unit counted by.
    pub(crate) unit: PeriodUnit,
    /// What the counts are split by.
    pub(crate) grouping: Grouping,
    /// The periods that have events, in time order; some may be coarser than
    /// the unit, for events known less precisely.
    pub periods: Vec<CountedPeriod>,
    /// The group names: kind slugs, actor ids, topic ids, or one empty name.
    pub(crate) groups: Vec<String>,
    /// The non-zero counts, by period then group.
    pub cells: Vec<Cell>,
}

impl PeriodCounts {
    /// The sum of every count.
    pub fn total(&self) -> u64 {
        self.cells.iter().map(|c| u64::from(c.count)).sum()
    }

    /// The sum of each group's counts, by group position.
    pub(crate) fn group_totals(&self) -> Vec<u64> {
        let mut totals = vec![0u64; self.groups.len()];
        for cell in &self.cells {
            totals[cell.group as usize] += u64::from(cell.count);
        }
        totals
    }
}

/// Above this many period × group slots, counts are gathered sparsely.
const DENSE_LIMIT: usize = 1 << 21;

/// Events per task when counting in parallel.
const WORDS_PER_TASK: usize = 2048;

impl CountIndex {
    /// Counts the events of `selection` per period of `unit`, split by
    /// `grouping`; with a `window`, only the periods that overlap it.
    pub fn period_counts(
        &self,
        selection: &EventSet,
        unit: PeriodUnit,
        grouping: Grouping,
        window: Option<(Moment, Moment)>,
    ) -> PeriodCounts {
        self.period_counts_with(selection, unit, grouping, window, DENSE_LIMIT, None)
    }

    /// Counts like [`CountIndex::period_counts`] over every period, keeping
    /// the `top` groups with the most events under their own names and the
    /// rest together as one group named [`OTHERS`]: what a stacked chart draws.
    ///
    /// The groups' totals are counted first, so the table filled per period
    /// is `top + 1` wide however many actors or topics the dataset has.
    pub fn period_counts_top(
        &self,
        selection: &EventSet,
        unit: PeriodUnit,
        grouping: Grouping,
        top: usize,
    ) -> PeriodCounts {
        let groups = self.top_groups(selection, grouping, top);
        self.period_counts_of(selection, unit, &groups)
    }

    /// The `top` groups of `grouping` with the most events of `selection`,
    /// the others folded: one pass over the selection, whatever the unit.
    pub fn top_groups(&self, selection: &EventSet, grouping: Grouping, top: usize) -> TopGroups {
        let names = self.group_names(grouping);
        let slots = names.len().max(1);
        let mut present = dense_into(selection, slots, |e, counts| {
            self.for_groups(grouping, e, |g| counts[g] += 1);
        });
        let folded = present.len() > top;
        if folded {
            present.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            present.truncate(top);
        }
        let kept = present.len() as u32;
        let mut position = vec![kept; slots];
        let mut kept_names = Vec::with_capacity(present.len() + 1);
        for (i, &(g, _)) in present.iter().enumerate() {
            position[g] = i as u32;
            kept_names.push(names[g].clone());
        }
        if folded {
            kept_names.push(OTHERS.to_string());
        }
        TopGroups {
            grouping,
            position,
            names: kept_names,
        }
    }

    /// Counts `selection` per period of `unit` over every period, split by `groups`
    /// (found with [`CountIndex::top_groups`] for the same selection).
    pub fn period_counts_of(
        &self,
        selection: &EventSet,
        unit: PeriodUnit,
        groups: &TopGroups,
    ) -> PeriodCounts {
        let grouping = groups.grouping;
        let unit_periods = self.unit(unit);
        let width = groups.names.len().max(1);
        if unit_periods.periods.len() * width > DENSE_LIMIT {
            return self.period_counts_with(
                selection,
                unit,
                grouping,
                None,
                DENSE_LIMIT,
                Some(groups),
            );
        }
        // Every period is kept: count straight into periods × the groups kept.
        let event_period = &unit_periods.event_period;
        let position = &groups.position;
        let counted = dense_into(
            selection,
            unit_periods.periods.len() * width,
            |e, counts| {
                let base = event_period[e] as usize * width;
                self.for_groups(grouping, e, |g| counts[base + position[g] as usize] += 1);
            },
        );
        let kept: Vec<usize> = (0..unit_periods.periods.len()).collect();
        let names = groups.names.clone();
        gathered(unit_periods, &kept, width, counted, names, unit, grouping)
    }

    /// Calls `add` with the position of each group event `e` counts in
    /// (generic, so that the counting loops inline it).
    #[inline]
    fn for_groups(&self, grouping: Grouping, e: usize, mut add: impl FnMut(usize)) {
        match grouping {
            Grouping::Kind => add(self.facts.event_kind[e] as usize),
            Grouping::Actor => self
                .facts
                .event_actors
                .of(e)
                .iter()
                .for_each(|&a| add(a as usize)),
            Grouping::Topic => self
                .facts
                .event_topics
                .of(e)
                .iter()
                .for_each(|&t| add(t as usize)),
            Grouping::None => add(0),
        }
    }

    /// The names of the groups of `grouping`, by position.
    fn group_names(&self, grouping: Grouping) -> Vec<String> {
        match grouping {
            Grouping::Kind => self.kinds().iter().map(|k| k.slug()).collect(),
            Grouping::Actor => self.facts.actors.names.clone(),
            Grouping::Topic => self.facts.topics.names.clone(),
            Grouping::None => vec![String::new()],
        }
    }

    fn period_counts_with(
        &self,
        selection: &EventSet,
        unit: PeriodUnit,
        grouping: Grouping,
        window: Option<(Moment, Moment)>,
        dense_limit: usize,
        map: Option<&TopGroups>,
    ) -> PeriodCounts {
        let unit_periods = self.unit(unit);
        // The periods kept, renumbered from 0; u32::MAX for those left out.
        let mut local = vec![u32::MAX; unit_periods.periods.len()];
        let mut kept = Vec::new();
        for (p, period) in unit_periods.periods.iter().enumerate() {
            let inside =
                window.is_none_or(|(start, end)| period.start() < end && start < period.end());
            if inside {
                local[p] = kept.len() as u32;
                kept.push(p);
            }
        }
        let groups = map.map_or_else(|| self.group_names(grouping), |m| m.names.clone());
        let width = groups.len().max(1);
        let event_period = &unit_periods.event_period;
        let each = |e: usize, add: &mut dyn FnMut(usize)| {
            let p = local[event_period[e] as usize];
            if p == u32::MAX {
                return;
            }
            let base = p as usize * width;
            match map {
                Some(map) => self.for_groups(grouping, e, |g| add(base + map.position[g] as usize)),
                None => self.for_groups(grouping, e, |g| add(base + g)),
            }
        };
        let slots = kept.len() * width;
        let counted: Vec<(usize, u32)> = if slots <= dense_limit {
            dense(selection, slots, &each)
        } else {
            sparse(selection, &each)
        };
        gathered(unit_periods, &kept, width, counted, groups, unit, grouping)
    }
}

/// The counts of `counted` slots (period position in `kept` × `width` + group)
/// as [`PeriodCounts`], keeping only the periods with a count.
fn gathered(
    unit_periods: &super::count_index::UnitPeriods,
    kept: &[usize],
    width: usize,
    counted: Vec<(usize, u32)>,
    groups: Vec<String>,
    unit: PeriodUnit,
    grouping: Grouping,
) -> PeriodCounts {
    let mut periods = Vec::new();
    let mut period_of_local = vec![u32::MAX; kept.len()];
    let mut cells = Vec::with_capacity(counted.len());
    for (slot, count) in counted {
        let (p, g) = (slot / width, slot % width);
        if period_of_local[p] == u32::MAX {
            period_of_local[p] = periods.len() as u32;
            periods.push(unit_periods.periods[kept[p]]);
        }
        cells.push(Cell {
            period: period_of_local[p],
            group: g as u32,
            count,
        });
    }
    PeriodCounts {
        unit,
        grouping,
        periods,
        groups,
        cells,
    }
}

/// The groups a chart keeps: the largest ones of a selection by name, and
/// where each of the others is folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopGroups {
    grouping: Grouping,
    /// The reported group of each group, by position.
    position: Vec<u32>,
    /// The names of the reported groups.
    names: Vec<String>,
}

/// Calls its second argument with the slot of each count of an event.
type SlotsOf<'a> = dyn Fn(usize, &mut dyn FnMut(usize)) + Sync + 'a;

/// Counts into one array of `slots`, on all cores; the non-zero slots in order.
fn dense(selection: &EventSet, slots: usize, each: &SlotsOf<'_>) -> Vec<(usize, u32)> {
    dense_into(selection, slots, |e, counts| {
        each(e, &mut |slot| counts[slot] += 1)
    })
}

/// Counts into one array of `slots` on all cores, `count` adding one event's
/// counts; the non-zero slots in order. Generic, so that the loop inlines `count`.
fn dense_into<F>(selection: &EventSet, slots: usize, count: F) -> Vec<(usize, u32)>
where
    F: Fn(usize, &mut [u32]) + Sync,
{
    selection
        .count_per_slot(slots, count)
        .into_iter()
        .enumerate()
        .filter(|&(_, c)| c > 0)
        .collect()
}

/// Counts by sorting the slots of every event, for many periods times many groups.
fn sparse(selection: &EventSet, each: &SlotsOf<'_>) -> Vec<(usize, u32)> {
    let mut slots: Vec<usize> = selection
        .words()
        .par_chunks(WORDS_PER_TASK)
        .enumerate()
        .flat_map_iter(|(chunk, words)| {
            let mut found = Vec::new();
            for_each_event(chunk, words, |e| each(e, &mut |slot| found.push(slot)));
            found
        })
        .collect();
    slots.par_sort_unstable();
    let mut counted: Vec<(usize, u32)> = Vec::new();
    for slot in slots {
        match counted.last_mut() {
            Some((last, count)) if *last == slot => *count += 1,
            _ => counted.push((slot, 1)),
        }
    }
    counted
}

/// Runs `f` on each event whose bit is set in `words`, the `chunk`-th block of a set.
fn for_each_event(chunk: usize, words: &[u64], mut f: impl FnMut(usize)) {
    for (w, &word) in words.iter().enumerate() {
        let base = (chunk * WORDS_PER_TASK + w) * 64;
        let mut bits = word;
        while bits != 0 {
            f(base + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, QueryIndex};

    #[test]
    fn counting_sparsely_gives_the_same_counts_as_densely() {
        let dataset = crate::generate::generate(2_000, 3);
        let counts = CountIndex::new(&dataset);
        let all = QueryIndex::new(&dataset).matching(&Filter::default());
        for grouping in Grouping::ALL {
            for unit in PeriodUnit::ALL {
                let dense = counts.period_counts_with(&all, unit, grouping, None, usize::MAX, None);
                let sparse = counts.period_counts_with(&all, unit, grouping, None, 0, None);
                assert_eq!(dense, sparse, "by {unit}, {grouping}");
            }
        }
    }

    #[test]
    fn the_top_groups_keep_their_counts_and_the_rest_add_up_in_others() {
        let dataset = crate::generate::generate(2_000, 3);
        let counts = CountIndex::new(&dataset);
        let all = QueryIndex::new(&dataset).matching(&Filter::default());
        let full = counts.period_counts(&all, PeriodUnit::Year, Grouping::Actor, None);
        let top = counts.period_counts_top(&all, PeriodUnit::Year, Grouping::Actor, 12);
        assert_eq!(top.groups.len(), 13);
        assert_eq!(top.groups[12], OTHERS);
        assert_eq!(top.total(), full.total());
        assert_eq!(top.periods, full.periods);
        let (full_totals, top_totals) = (full.group_totals(), top.group_totals());
        let total_of = |name: &str| {
            let g = full.groups.iter().position(|n| n == name).unwrap();
            full_totals[g]
        };
        for (name, total) in top.groups[..12].iter().zip(&top_totals) {
            assert_eq!(*total, total_of(name), "{name}");
        }
        let smallest_kept = top_totals[..12].iter().min().copied().unwrap();
        let largest_folded = full
            .groups
            .iter()
            .filter(|name| !top.groups[..12].contains(name))
            .map(|name| total_of(name))
            .max()
            .unwrap();
        assert!(smallest_kept >= largest_folded);
        let by_kind = counts.period_counts_top(&all, PeriodUnit::Month, Grouping::Kind, 100);
        assert!(!by_kind.groups.iter().any(|g| g == OTHERS));
        let plain = counts.period_counts(&all, PeriodUnit::Month, Grouping::Kind, None);
        assert_eq!(by_kind.total(), plain.total());
        assert_eq!(by_kind.periods, plain.periods);
    }

    #[test]
    fn a_window_keeps_the_periods_that_overlap_it() {
        let dataset = crate::dataset::embedded();
        let counts = CountIndex::new(&dataset);
        let all = QueryIndex::new(&dataset).matching(&Filter::default());
        let may = (Moment::from_ymd(2022, 5, 1), Moment::from_ymd(2022, 6, 1));
        let windowed = counts.period_counts(&all, PeriodUnit::Day, Grouping::None, Some(may));
        let labels: Vec<String> = windowed.periods.iter().map(|p| p.label()).collect();
        assert!(
            labels.iter().all(|l| l.starts_with("2022-05")),
            "{labels:?}"
        );
        assert!(labels.contains(&"2022-05-16".to_string()), "{labels:?}");
        let whole = counts.period_counts(&all, PeriodUnit::Day, Grouping::None, None);
        assert!(whole.total() > windowed.total());
        assert_eq!(whole.total(), dataset.events.len() as u64);
    }
}
