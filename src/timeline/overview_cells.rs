//! Each event's columns in the overview strip and where it ends, worked out
//! once per document, so that a filter change counts the shown events with
//! integer adds in event order instead of placing each one in time again.

use rayon::prelude::*;

use super::TimeRange;
use super::density::Density;
use super::navigation::{OVERVIEW_BUCKETS, event_extent};
use crate::index::TimeIndex;
use crate::query::{BitIter, EventSet};

/// No column: the event lies outside the strip.
const NONE: [u16; 2] = [u16::MAX, u16::MAX];

/// The overview columns and the end of every event of one document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OverviewCells {
    /// The strip's stretch they were placed in.
    pub(crate) range: TimeRange,
    /// Each event's first and last column, as [`Density::add`] counts it.
    columns: Vec<[u16; 2]>,
    /// Each event's end, as [`event_extent`] gives it.
    ends: Vec<f64>,
}

impl OverviewCells {
    /// Places every event of `index` in a strip over `range`.
    pub(crate) fn new(index: &TimeIndex, range: TimeRange) -> OverviewCells {
        let strip = Density::new(
            range.start,
            range.span() / OVERVIEW_BUCKETS as f64,
            OVERVIEW_BUCKETS,
        );
        let (columns, ends) = (0..index.len())
            .into_par_iter()
            .map(|e| {
                let rank = index.rank_of(e as u32) as u32;
                let (start, end) = index.span_at(rank, (range.start, range.end));
                let columns = strip
                    .columns(start, end)
                    .map_or(NONE, |(first, last)| [first as u16, last as u16]);
                (columns, event_extent(index.bounds_at(rank)).1)
            })
            .unzip();
        OverviewCells {
            range,
            columns,
            ends,
        }
    }

    /// The strip's density of the events in `shown`, and the latest end among
    /// them; counted on every core, in event order.
    pub(crate) fn count(&self, shown: &EventSet) -> (Density, Option<f64>) {
        let bucket = self.range.span() / OVERVIEW_BUCKETS as f64;
        let (counts, end) = shown
            .words()
            .par_chunks(1024)
            .enumerate()
            .fold(
                || (vec![0u32; OVERVIEW_BUCKETS], None::<f64>),
                |(mut counts, mut end), (chunk, words)| {
                    for (w, &word) in words.iter().enumerate() {
                        for bit in BitIter(word) {
                            let e = (chunk * 1024 + w) * 64 + bit;
                            let [first, last] = self.columns[e];
                            if first != u16::MAX {
                                for count in &mut counts[first as usize..=last as usize] {
                                    *count += 1;
                                }
                            }
                            end = Some(end.map_or(self.ends[e], |x: f64| x.max(self.ends[e])));
                        }
                    }
                    (counts, end)
                },
            )
            .reduce(
                || (vec![0u32; OVERVIEW_BUCKETS], None),
                |(mut a, x), (b, y)| {
                    a.iter_mut().zip(&b).for_each(|(a, b)| *a += b);
                    let end = match (x, y) {
                        (Some(x), Some(y)) => Some(x.max(y)),
                        (x, y) => x.or(y),
                    };
                    (a, end)
                },
            );
        let mut density = Density::new(self.range.start, bucket, OVERVIEW_BUCKETS);
        density.counts = counts;
        (density, end)
    }
}
