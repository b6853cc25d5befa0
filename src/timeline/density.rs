//! Level of detail: counts of events per bucket of time, for lanes and for
//! the overview, where there are too many events to draw one by one.

/// Event counts in equal buckets of time starting at `start`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Density {
    /// The start of the first bucket, in seconds since 1970.
    pub(crate) start: f64,
    /// The length of a bucket, in seconds.
    pub(crate) bucket: f64,
    /// How many events fall in each bucket.
    pub(crate) counts: Vec<u32>,
}

impl Density {
    /// `buckets` empty buckets of `bucket` seconds from `start`.
    pub fn new(start: f64, bucket: f64, buckets: usize) -> Density {
        Density {
            start,
            bucket: bucket.max(1e-9),
            counts: vec![0; buckets],
        }
    }

    /// Counts an event spanning `[from, to)`: in every bucket it touches when short,
    /// in the bucket of its start when it is longer than the whole range.
    pub(crate) fn add(&mut self, from: f64, to: f64) {
        if let Some((first, last)) = self.columns(from, to) {
            for count in &mut self.counts[first..=last] {
                *count += 1;
            }
        }
    }

    /// The first and last bucket [`Density::add`] counts `[from, to)` in: every
    /// bucket it touches when short, the bucket of its start when it is longer
    /// than 64 buckets; none when it lies outside.
    pub(crate) fn columns(&self, from: f64, to: f64) -> Option<(usize, usize)> {
        let n = self.counts.len();
        if n == 0 {
            return None;
        }
        let first = ((from - self.start) / self.bucket).floor();
        let last = ((to - self.start) / self.bucket).ceil() - 1.0;
        if last < 0.0 || first >= n as f64 {
            return None;
        }
        let first = first.max(0.0) as usize;
        let last = (last.max(first as f64) as usize).min(n - 1);
        Some(if last - first > 64 {
            (first, first)
        } else {
            (first, last)
        })
    }

    /// Takes back what [`Density::add`] counted for `[from, to)`.
    pub(crate) fn remove(&mut self, from: f64, to: f64) {
        let mut one = Density::new(self.start, self.bucket, self.counts.len());
        one.add(from, to);
        for (count, taken) in self.counts.iter_mut().zip(&one.counts) {
            *count = count.saturating_sub(*taken);
        }
    }

    /// The largest count.
    pub(crate) fn max(&self) -> u32 {
        self.counts.iter().copied().max().unwrap_or(0)
    }

    /// The start time of bucket `i`.
    pub(crate) fn bucket_start(&self, i: usize) -> f64 {
        self.start + i as f64 * self.bucket
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_land_in_their_buckets() {
        let mut density = Density::new(0.0, 10.0, 5);
        density.add(1.0, 2.0);
        density.add(12.0, 13.0);
        density.add(15.0, 35.0);
        density.add(-100.0, -50.0);
        assert_eq!(density.counts, vec![1, 2, 1, 1, 0]);
        assert_eq!(density.max(), 2);
    }

    #[test]
    fn an_end_on_a_bucket_edge_stays_out_of_the_next_bucket() {
        let mut density = Density::new(0.0, 10.0, 5);
        // [10, 20) ends where the third bucket opens: the second bucket only.
        density.add(10.0, 20.0);
        // An instant at a bucket's start, and one just inside the last bucket.
        density.add(30.0, 30.0);
        density.add(49.0, 49.5);
        // Ending where the range starts, or starting where it ends: outside.
        density.add(-10.0, 0.0);
        density.add(50.0, 60.0);
        // Reaching past both ends: every bucket of the range.
        density.add(-5.0, 1.0e12);
        assert_eq!(density.counts, vec![1, 2, 1, 2, 2]);
    }
}
