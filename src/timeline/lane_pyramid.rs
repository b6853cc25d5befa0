//! A lane's short events counted per day, and per two, four, eight… days: a pyramid
//! of counts (as a mip-map), so that a zoomed-out lane's density reads a few thousand
//! bins instead of counting hundreds of thousands of events at every zoom step.
//!
//! Only events of a day or shorter are counted here: each stands at the middle of its
//! day. Longer ones (a month, a year, an interval) cover several columns of density
//! and are counted one by one by the caller, as are the lanes' events when a filter
//! hides some of them.

use super::density::{Density, floor_int};
use crate::model::date::SECONDS_PER_DAY;

/// A lane with fewer short events than this counts them one by one: as fast, and
/// no pyramid to keep.
pub(crate) const LEAST_EVENTS: usize = 4096;
/// A level is read only when its bins are at most this many times narrower than a
/// column of density, so that an event lands at most a small part of a column away.
const BINS_PER_COLUMN: f64 = 16.0;

/// Counts of events per bin of `2^level` days, from the lane's first day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DayPyramid {
    /// The day (since 1970) where every level's first bin starts.
    first_day: i64,
    /// `levels[j][i]`: the events in days `first_day + i·2^j` to `first_day + (i+1)·2^j`.
    levels: Vec<Vec<u32>>,
}

impl DayPyramid {
    /// Counts events by the day each starts in. None when there is none.
    pub fn new(days: impl Iterator<Item = i64> + Clone) -> Option<DayPyramid> {
        let first_day = days.clone().min()?;
        let last_day = days.clone().max()?;
        let mut base = vec![0u32; (last_day - first_day + 1) as usize];
        for day in days {
            base[(day - first_day) as usize] += 1;
        }
        let mut levels = vec![base];
        while let Some(finer) = levels.last().filter(|l| l.len() > 1) {
            let coarser = finer.chunks(2).map(|pair| pair.iter().sum()).collect();
            levels.push(coarser);
        }
        Some(DayPyramid { first_day, levels })
    }

    /// Adds to `density` the events of the bins that fall in its range, each bin at its
    /// middle, from the coarsest level fine enough for its columns; the number added, or
    /// None when even days are too coarse for those columns.
    pub(crate) fn add_to(&self, density: &mut Density) -> Option<u64> {
        let day = SECONDS_PER_DAY as f64;
        let finest_wanted = density.bucket / BINS_PER_COLUMN;
        if day > finest_wanted {
            return None;
        }
        let mut level = 0;
        while level + 1 < self.levels.len() && (2f64).powi(level as i32 + 1) * day <= finest_wanted
        {
            level += 1;
        }
        let bins = &self.levels[level];
        let bin_seconds = (1u64 << level) as f64 * day;
        let origin = self.first_day as f64 * day;
        let columns = density.counts.len();
        let end = density.start + density.bucket * columns as f64;
        let first = ((density.start - origin) / bin_seconds).floor().max(0.0) as usize;
        let last = (((end - origin) / bin_seconds).ceil().max(0.0) as usize).min(bins.len());
        let mut added = 0u64;
        for (i, &count) in bins.iter().enumerate().take(last).skip(first) {
            if count == 0 {
                continue;
            }
            let middle = origin + (i as f64 + 0.5) * bin_seconds;
            let column = floor_int((middle - density.start) / density.bucket);
            if column >= 0 && (column as usize) < columns {
                density.counts[column as usize] += count;
                added += u64::from(count);
            }
        }
        Some(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = SECONDS_PER_DAY as f64;

    #[test]
    fn coarse_columns_count_the_days_under_them() {
        // Days 100 to 399, one event a day, two on day 250.
        let days = (100..400).chain([250]).collect::<Vec<i64>>();
        let pyramid = DayPyramid::new(days.iter().copied()).expect("events");
        // Columns of 100 days from day 0: 0, 0 | 100..200 | 200..300 | 300..400 | none.
        let mut density = Density::new(0.0, 100.0 * DAY, 5);
        let added = pyramid.add_to(&mut density);
        assert_eq!(added, Some(301));
        let counts = &density.counts;
        assert_eq!(counts[0], 0);
        assert!(counts[4] == 0 && counts[1..4].iter().sum::<u32>() == 301);
        // Bins of 4 days at most (100 / 16): an event lands at most 4 days away.
        assert!((97..=104).contains(&counts[1]), "{counts:?}");
        assert!((98..=105).contains(&counts[2]), "{counts:?}");
    }

    #[test]
    fn columns_narrower_than_a_few_days_are_left_to_counting_events() {
        let pyramid = DayPyramid::new([10i64, 11, 12].into_iter()).expect("events");
        let mut density = Density::new(0.0, 2.0 * DAY, 100);
        assert_eq!(pyramid.add_to(&mut density), None);
        assert!(density.counts.iter().all(|&c| c == 0));
    }

    #[test]
    fn each_level_holds_every_event_once() {
        let days: Vec<i64> = (0..1000).map(|i| 5 + i * 7 % 300).collect();
        let pyramid = DayPyramid::new(days.iter().copied()).expect("events");
        for level in &pyramid.levels {
            assert_eq!(level.iter().sum::<u32>(), 1000);
        }
        assert_eq!(pyramid.levels.last().map(Vec::len), Some(1));
    }
}
