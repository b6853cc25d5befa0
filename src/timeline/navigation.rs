//! Where the view goes: the range that fits the shown events, the next or previous
//! event, keeping the selection in view, fitting one event or a period, and the
//! overview strip's density. Pure math on the dataset, unit-tested without a window.

use super::density::Density;
use super::marks::glyph_time;
use super::time_axis::{DAY, TimeRange, YEAR};
use crate::index::{EventIdx, TimeIndex};
use crate::model::{Dataset, Event, Moment};

/// Columns of the overview strip's density.
pub(crate) const OVERVIEW_BUCKETS: usize = 600;

/// The first and last instant of `events` (an open end counts as the start).
pub(crate) fn shown_bounds(index: &TimeIndex, events: &[EventIdx]) -> Option<(f64, f64)> {
    let mut bounds: Option<(f64, f64)> = None;
    for_each_rank(index, events, |rank| {
        let (start, end) = event_extent(index.bounds_at(rank));
        bounds = Some(match bounds {
            Some((a, b)) => (a.min(start), b.max(end)),
            None => (start, end),
        });
    });
    bounds
}

/// Where an event of earliest and latest instants `bounds` starts (its sort
/// key in time order) and ends (an open end counts as the start), in seconds.
pub(crate) fn event_extent(bounds: [i64; 2]) -> (f64, f64) {
    let start = crate::index::sort_key(bounds) as f64;
    let end = if Moment(bounds[1]).is_open() {
        start
    } else {
        bounds[1] as f64
    };
    (start, end)
}

/// Calls `visit` with the rank in time order of each of `events` (distinct): for all
/// of them, every rank in order, so that a million events are read in order from the
/// index rather than each where the dataset keeps it.
fn for_each_rank(index: &TimeIndex, events: &[EventIdx], mut visit: impl FnMut(u32)) {
    if events.len() == index.len() {
        (0..index.len() as u32).for_each(visit);
    } else {
        for &e in events {
            visit(index.rank_of(e) as u32);
        }
    }
}

/// `bounds` widened a little, more on the right for the titles of the last events;
/// a year either side of `today` (or of the epoch) when there is nothing.
pub(crate) fn with_margin(bounds: Option<(f64, f64)>, today: Option<f64>) -> TimeRange {
    match bounds {
        Some((start, end)) => {
            let span = (end - start).max(DAY);
            TimeRange::new(start - span * 0.03, end + span * 0.12)
        }
        None => {
            let now = today.unwrap_or(0.0);
            TimeRange::new(now - YEAR, now + YEAR)
        }
    }
}

/// `fitted` widened on the right so that a title `label` points wide, drawn
/// after the last event, fits in an axis `width` points wide (a quarter of
/// the width at most: a longer title goes before its mark, or is cut).
pub(crate) fn with_room_for_label(fitted: TimeRange, width: f64, label: f64) -> TimeRange {
    let label = label.clamp(0.0, width / 4.0);
    if width <= 0.0 || label <= 0.0 {
        return fitted;
    }
    let end = fitted.start + fitted.span() * width / (width - label);
    TimeRange::new(fitted.start, end)
}

/// The range that shows `event` with room around it: an interval and its surroundings,
/// a month around an open one, at least a week around a day.
pub(crate) fn fit_event(event: &Event) -> TimeRange {
    let date = &event.date;
    let (start, end) = (date.earliest().0, date.latest().0);
    let span = if date.earliest().is_open() || date.latest().is_open() {
        30.0 * DAY
    } else {
        ((end - start) as f64 * 2.5).max(7.0 * DAY)
    };
    let centre = if date.is_interval() {
        (start as f64 + end as f64) / 2.0
    } else {
        glyph_time(event)
    };
    TimeRange::new(centre - span / 2.0, centre + span / 2.0)
}

/// The range that shows the period `[from, to)` with a small margin, an open side closed
/// on `fit`; none when the period is empty.
pub(crate) fn fit_period(from: Moment, to: Moment, fit: TimeRange) -> Option<TimeRange> {
    let start = if from.is_open() {
        fit.start
    } else {
        from.0 as f64
    };
    let end = if to.is_open() { fit.end } else { to.0 as f64 };
    (end > start).then(|| {
        let margin = (end - start) * 0.02;
        TimeRange::new(start - margin, end + margin)
    })
}

/// The shown event after (or before) `current` in time; without a current event, the
/// first event in `range` (or the last before its end).
pub(crate) fn step(
    dataset: &Dataset,
    index: &TimeIndex,
    shown: &[EventIdx],
    current: Option<EventIdx>,
    range: TimeRange,
    forward: bool,
) -> Option<EventIdx> {
    let glyph = |e: EventIdx| glyph_time(&dataset.events[e as usize]);
    let Some(current) = current else {
        return if forward {
            shown
                .iter()
                .copied()
                .find(|&e| glyph(e) >= range.start)
                .or(shown.first().copied())
        } else {
            shown
                .iter()
                .rev()
                .copied()
                .find(|&e| glyph(e) < range.end)
                .or(shown.last().copied())
        };
    };
    let rank = index.rank_of(current);
    if forward {
        let at = shown.partition_point(|&e| index.rank_of(e) <= rank);
        shown.get(at).copied()
    } else {
        let before = shown.partition_point(|&e| index.rank_of(e) < rank);
        before.checked_sub(1).map(|i| shown[i])
    }
}

/// `range` panned so that instant `t` is in its middle part, or `range` itself when it is.
pub(crate) fn keep_in_view(range: TimeRange, t: f64) -> TimeRange {
    let margin = range.span() * 0.1;
    if t < range.start + margin || t > range.end - margin {
        range.panned(t - range.centre())
    } else {
        range
    }
}

/// How many of `events` fall in each column of the overview strip spanning `full`.
pub(crate) fn overview_density(index: &TimeIndex, events: &[EventIdx], full: TimeRange) -> Density {
    let mut density = Density::new(
        full.start,
        full.span() / OVERVIEW_BUCKETS as f64,
        OVERVIEW_BUCKETS,
    );
    for_each_rank(index, events, |rank| {
        let (start, end) = index.span_at(rank, (full.start, full.end));
        density.add(start, end);
    });
    density
}

#[cfg(test)]
mod tests;
