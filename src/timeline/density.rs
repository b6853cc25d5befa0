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
        let first = floor_int((from - self.start) / self.bucket);
        let last = ceil_int((to - self.start) / self.bucket).saturating_sub(1);
        if last < 0 || first >= n as i64 {
            return None;
        }
        let first = first.max(0) as usize;
        let last = (last.max(first as i64) as usize).min(n - 1);
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

/// `x` rounded down to an integer (saturating), without a call to the C library's
/// `floor`, which a crowded lane would make for each of its events.
pub(crate) fn floor_int(x: f64) -> i64 {
    let t = x as i64;
    t.saturating_sub(i64::from(t as f64 > x))
}

/// `x` rounded up to an integer (saturating), as [`floor_int`].
fn ceil_int(x: f64) -> i64 {
    let t = x as i64;
    t.saturating_add(i64::from((t as f64) < x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_integers_is_floor_and_ceil() {
        for x in [
            -2.5,
            -2.0,
            -0.5,
            -0.0,
            0.0,
            0.25,
            1.0,
            7.75,
            1e15 + 0.5,
            -1e15 - 0.5,
        ] {
            assert_eq!(floor_int(x), x.floor() as i64, "{x}");
            assert_eq!(ceil_int(x), x.ceil() as i64, "{x}");
        }
        assert_eq!(floor_int(f64::INFINITY), i64::MAX);
        assert_eq!(ceil_int(f64::NEG_INFINITY), i64::MIN);
    }

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
