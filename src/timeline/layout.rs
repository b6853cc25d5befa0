//! The laid-out timeline: for each drawn lane, either its events stacked in
//! rows or, where they are too dense, their density per column of points.
//!
//! A layout covers a window of a few screens around the view at one zoom
//! level; the canvas keeps it until the zoom level or the window changes, so
//! stacking is not redone every frame.

use rayon::prelude::*;

use super::density::Density;
use super::lane_times::LaneTimes;
use super::lanes::Lanes;
use super::marks::label::{TextMeasure, TitleWidths};
use super::marks::lane_height::LaneShows;
use super::marks::rows::{RowItem, RowRules, WhenFull, stack_rows};
use super::marks::{GLYPH_RADIUS, LABEL_PAD, event_times, solid_edges};
use super::time_axis::{TimeAxis, TimeRange};
use crate::index::{EventIdx, TimeIndex};
use crate::model::{Dataset, Moment};
use crate::query::EventSet;

/// The gap in points kept between two items of a row.
pub(crate) const ROW_GAP: f64 = 4.0;
/// Rows of a lane in which labels are kept clear.
pub(crate) const LABEL_ROWS: u16 = 3;
/// The most rows a lane stacks before it shows density instead.
pub(crate) const MAX_ROWS: u16 = 8;
/// A lane with at most this many events stacks them all, however many rows it takes.
pub(crate) const FEW_EVENTS: usize = 40;
/// More vague events than this in a lane are counted rather than stacked.
pub(crate) const MAX_VAGUE: usize = 3;
/// Below this many points per event a lane shows density instead of glyphs.
pub(crate) const MIN_POINTS_PER_EVENT: f64 = 5.0;
/// Zoom levels per doubling of the scale.
const LEVELS_PER_OCTAVE: f64 = 4.0;

/// An event placed in a lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PlacedEvent {
    /// Which event.
    pub(crate) event: EventIdx,
    /// Its row in the lane.
    pub(crate) row: u16,
    /// True when the label had room at this zoom level.
    pub(crate) label: bool,
    /// The start of the next item of the same row, in seconds (infinite when none):
    /// the label must end before it.
    pub(crate) next_in_row: f64,
    /// The end of the previous item of the same row with its label, in seconds (minus
    /// infinity when none): a label moved before its mark must start after it.
    pub(crate) prev_in_row: f64,
}

/// What a lane shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LaneContent {
    /// Events one by one, in `rows` rows.
    Events {
        /// How many rows the lane needs (at least 1).
        rows: u16,
        /// Events too vague for this zoom (a year-only date seen day by day) that were too
        /// many to stack: counted, shown as one line in the top row, not drawn one by one.
        vague: u32,
        /// The events of the window, by start.
        items: Vec<PlacedEvent>,
    },
    /// Too many events for glyphs: how many fall in each column.
    Density(Density),
    /// Not laid out at this zoom: the lane was above the screen when the zoom
    /// changed. How it showed before, which gives its height until it is
    /// scrolled to and laid out.
    Unlaid(LaneShows),
}

/// One drawn lane.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LaneLayout {
    /// The index of the lane in [`Lanes::lanes`].
    pub(crate) lane: usize,
    /// Its content.
    pub(crate) content: LaneContent,
}

/// What a layout was computed for; a layout is reused while its key is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    /// Changes whenever the dataset, the filter, the lanes or the collapsed lanes change.
    pub(crate) generation: u64,
    /// The zoom level (a quarter of a doubling of scale per step).
    pub(crate) level: i32,
    /// Which window of screens around the view.
    pub(crate) page: i64,
    /// The width of the canvas in whole points.
    pub(crate) width: u32,
}

impl LayoutKey {
    /// The key of the layout that covers `axis`.
    pub fn for_axis(axis: &TimeAxis, generation: u64) -> LayoutKey {
        let level = (axis.seconds_per_point().log2() * LEVELS_PER_OCTAVE).floor() as i32;
        let width = axis.width.round().max(1.0) as u32;
        let page_len = page_seconds(level, width);
        LayoutKey {
            generation,
            level,
            page: (axis.range.start / page_len).floor() as i64,
            width,
        }
    }

    /// Seconds per point at this key's zoom level.
    pub(crate) fn seconds_per_point(&self) -> f64 {
        (f64::from(self.level) / LEVELS_PER_OCTAVE).exp2()
    }

    /// The stretch of time the layout covers: one screen before the view's page to two after.
    pub(crate) fn window(&self) -> TimeRange {
        let page = page_seconds(self.level, self.width);
        TimeRange {
            start: (self.page - 1) as f64 * page,
            end: (self.page + 3) as f64 * page,
        }
    }
}

fn page_seconds(level: i32, width: u32) -> f64 {
    (f64::from(level) / LEVELS_PER_OCTAVE).exp2() * f64::from(width)
}

/// The lanes of one window at one zoom level, laid out from the top down as far as
/// the canvas has needed so far: the lanes below the screen wait until scrolled to.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// What it was computed for.
    pub(crate) key: LayoutKey,
    /// The drawn lanes laid out so far, top to bottom.
    pub(crate) lanes: Vec<LaneLayout>,
    /// The index in [`Lanes::lanes`] from which to go on laying out.
    next_lane: usize,
}

/// What a layout is made from: the data, its lanes, the filter and the titles' widths.
#[derive(Clone, Copy)]
pub struct LayoutSource<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Its events in time order.
    pub index: &'a TimeIndex,
    /// The lanes and each event's lanes.
    pub lanes: &'a Lanes,
    /// Each lane's events in time order, built from `lanes`.
    pub lane_times: &'a LaneTimes,
    /// The events drawn, unless `all_shown`, by rank in `index`'s time order.
    pub shown: &'a EventSet,
    /// Every event is drawn: a crowded lane may read its counts from its pyramid.
    pub all_shown: bool,
    /// How wide a title is, in points.
    pub measure: &'a TextMeasure,
    /// The titles measured so far, kept from one layout to the next.
    pub titles: &'a TitleWidths,
}

impl Layout {
    /// A layout for `key` with no lane laid out yet.
    pub fn new(key: LayoutKey) -> Layout {
        Layout {
            key,
            lanes: Vec::new(),
            next_lane: 0,
        }
    }

    /// A layout for `key` whose first lanes, `above` the screen, are left
    /// unlaid with how each showed before; the next lanes follow them.
    pub(crate) fn below(key: LayoutKey, above: Vec<(usize, LaneShows)>) -> Layout {
        let next_lane = above.last().map_or(0, |&(lane, _)| lane + 1);
        Layout {
            key,
            lanes: above
                .into_iter()
                .map(|(lane, shows)| LaneLayout {
                    lane,
                    content: LaneContent::Unlaid(shows),
                })
                .collect(),
            next_lane,
        }
    }

    /// Lays out the unlaid lanes at `positions` (in [`Layout::lanes`]), on all cores.
    pub(crate) fn lay_out(&mut self, source: &LayoutSource, positions: &[usize]) {
        let key = self.key;
        let wanted: Vec<(usize, usize)> = positions
            .iter()
            .filter(|&&p| matches!(self.lanes[p].content, LaneContent::Unlaid(_)))
            .map(|&p| (p, self.lanes[p].lane))
            .collect();
        let laid: Vec<(usize, LaneContent)> = wanted
            .into_par_iter()
            .map_init(Vec::new, |members, (p, lane)| {
                (p, lane_content(source, key, lane, members))
            })
            .collect();
        for (p, content) in laid {
            self.lanes[p].content = content;
        }
    }

    /// Lays out every drawn lane of `source` for `key`'s window.
    pub fn build(key: LayoutKey, source: &LayoutSource) -> Layout {
        let mut layout = Layout::new(key);
        layout.extend(source, usize::MAX);
        layout
    }

    /// How many drawn lanes of `lanes` are still to be laid out.
    pub(crate) fn remaining(&self, lanes: &Lanes) -> usize {
        lanes
            .lanes
            .get(self.next_lane..)
            .map_or(0, |rest| rest.iter().filter(|l| l.drawn()).count())
    }

    /// Lays out up to `count` more drawn lanes, below those laid out already.
    pub(crate) fn extend(&mut self, source: &LayoutSource, count: usize) {
        let lanes = &source.lanes.lanes;
        let mut next: Vec<usize> = Vec::new();
        while self.next_lane < lanes.len() && next.len() < count {
            if lanes[self.next_lane].drawn() {
                next.push(self.next_lane);
            }
            self.next_lane += 1;
        }
        let key = self.key;
        // Lanes are laid out independently: on all cores.
        let laid: Vec<LaneLayout> = next
            .into_par_iter()
            .map_init(Vec::new, |members, lane| LaneLayout {
                lane,
                content: lane_content(source, key, lane, members),
            })
            .collect();
        self.lanes.extend(laid);
    }
}

/// A layout key's window in the measures a lane is laid out with.
struct LaneWindow {
    window: TimeRange,
    /// Seconds per point.
    spp: f64,
    /// The window's width in points.
    points: f64,
    /// The window as whole seconds, for the time index.
    bounds: (Moment, Moment),
}

impl LaneWindow {
    fn of(key: LayoutKey) -> LaneWindow {
        let window = key.window();
        let spp = key.seconds_per_point();
        LaneWindow {
            window,
            spp,
            points: window.span() / spp,
            bounds: (
                Moment(window.start.floor() as i64),
                Moment(window.end.ceil() as i64),
            ),
        }
    }

    /// No column of density yet, one per point of the window.
    fn empty_density(&self) -> Density {
        Density::new(self.window.start, self.spp, self.points.ceil() as usize)
    }

    /// Counts the events at `ranks` into `density`, from the bounds the time index
    /// keeps in time order, without visiting the events.
    fn count(&self, density: &mut Density, index: &TimeIndex, ranks: &[u32]) {
        for &r in ranks {
            let (start, end) = index.span_at(r, (self.window.start, self.window.end));
            density.add(start, end.max(start + 1.0));
        }
    }
}

/// What lane `lane` shows in `key`'s window; `ranks` is room for its events' ranks.
fn lane_content(
    source: &LayoutSource,
    key: LayoutKey,
    lane: usize,
    ranks: &mut Vec<u32>,
) -> LaneContent {
    let at = LaneWindow::of(key);
    let index = source.index;
    if let Some(density) = pyramid_density(source, &at, lane, ranks) {
        return LaneContent::Density(density);
    }
    let shown = |r: u32| source.all_shown || source.shown.contains(r);
    source
        .lane_times
        .overlapping(index, lane, at.bounds, shown, ranks);
    let dense = ranks.len() as f64 * MIN_POINTS_PER_EVENT > at.points;
    let stacked = if dense {
        None
    } else {
        let order = index.in_time_order();
        let members: Vec<EventIdx> = ranks.iter().map(|&r| order[r as usize]).collect();
        stack_lane(source, &members, at.window, at.spp)
    };
    stacked.unwrap_or_else(|| {
        let mut density = at.empty_density();
        at.count(&mut density, index, ranks);
        LaneContent::Density(density)
    })
}

/// A crowded lane's density read from its pyramid of counts, with its events longer than
/// a day counted one by one (into `wide`); None when the lane has no pyramid, a filter
/// hides events, the columns are too narrow for it, or the lane is not crowded.
fn pyramid_density(
    source: &LayoutSource,
    at: &LaneWindow,
    lane: usize,
    wide: &mut Vec<u32>,
) -> Option<Density> {
    if !source.all_shown {
        return None;
    }
    let pyramid = source.lane_times.pyramid(source.index, lane)?;
    let mut density = at.empty_density();
    let short = pyramid.add_to(&mut density)?;
    source
        .lane_times
        .wide_overlapping(source.index, lane, at.bounds, wide);
    let events = short + wide.len() as u64;
    if events as f64 * MIN_POINTS_PER_EVENT <= at.points {
        return None;
    }
    at.count(&mut density, source.index, wide);
    Some(density)
}

fn stack_lane(
    source: &LayoutSource,
    members: &[EventIdx],
    window: TimeRange,
    spp: f64,
) -> Option<LaneContent> {
    let dataset = source.dataset;
    // Dates much coarser than the view (wider than a screen) would each take a row; past a
    // few they are summed up instead, so that the precise events can still be drawn.
    let screen = window.span() / 4.0;
    let (vague, precise): (Vec<EventIdx>, Vec<EventIdx>) = members.iter().partition(|&&e| {
        let date = &dataset.events[e as usize].date;
        !date.is_interval() && (date.latest().0 as f64 - date.earliest().0 as f64) > screen
    });
    let (members, vague) = if vague.len() > MAX_VAGUE {
        (precise, vague.len() as u32)
    } else {
        (members.to_vec(), 0)
    };
    let first_row = u16::from(vague > 0);
    // Each event with its extent in points from the window's start, alone and labelled.
    let mut items: Vec<(EventIdx, RowItem, f64)> = members
        .iter()
        .map(|&e| {
            let event = &dataset.events[e as usize];
            let (glyph, _, end) = event_times(event, window);
            let gx = (glyph - window.start) / spp;
            let end_x = (end - window.start) / spp;
            let (left, right) = solid_edges(event.date.is_interval(), gx, end_x, GLYPH_RADIUS);
            let title = source
                .titles
                .width(e as usize, &event.title, source.measure);
            let label_end = right + LABEL_PAD + title;
            let item = RowItem {
                bare: (left, right),
                labelled: Some((left, right.max(label_end))),
            };
            (e, item, glyph - GLYPH_RADIUS * spp)
        })
        .collect();
    items.sort_by(|a, b| a.1.bare.0.total_cmp(&b.1.bare.0));
    let row_items: Vec<RowItem> = items.iter().map(|i| i.1).collect();
    // A handful of events always gets its own rows; many fall back to density.
    let max_rows = if row_items.len() <= FEW_EVENTS {
        row_items.len().max(1)
    } else {
        usize::from(MAX_ROWS)
    };
    let rules = RowRules {
        label_rows: usize::from(LABEL_ROWS),
        max_rows,
        label_gap: ROW_GAP,
        bare_gap: ROW_GAP,
        when_full: WhenFull::GiveUp,
    };
    let stacked = stack_rows(&row_items, rules)?;
    let rows = stacked.rows as u16 + first_row;
    let time_of = |x: f64| window.start + x * spp;
    let mut placed: Vec<PlacedEvent> = items
        .iter()
        .zip(&stacked.placements)
        .map(|(item, p)| PlacedEvent {
            event: item.0,
            row: p.row as u16 + first_row,
            label: p.label,
            next_in_row: f64::INFINITY,
            prev_in_row: f64::NEG_INFINITY,
        })
        .collect();
    let mut last_in_row: Vec<Option<usize>> = vec![None; usize::from(rows)];
    for i in 0..placed.len() {
        let row = usize::from(placed[i].row);
        if let Some(prev) = last_in_row[row] {
            placed[prev].next_in_row = items[i].2;
            let labelled = items[prev].1.labelled.map_or(0.0, |l| l.1);
            placed[i].prev_in_row = time_of(labelled.max(items[prev].1.bare.1));
        }
        last_in_row[row] = Some(i);
    }
    Some(LaneContent::Events {
        rows,
        vague,
        items: placed,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::timeline::LaneMode;
    use crate::timeline::time_axis::DAY;

    /// A dataset with one event per entry of `dates`, titled after its date.
    fn dataset(dates: &[&str]) -> Dataset {
        let events: Vec<String> = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                format!(r#"Event(id: "e{i}", kind: Visit, date: "{date}", title: "Visit {date}", actors: ["IRN"]),"#)
            })
            .collect();
        let ron = format!(
            r#"Dataset(title: "Test", actors: [Actor(id: "IRN", name: "Iran", kind: Country)], topics: [], events: [{}])"#,
            events.join("\n")
        );
        crate::dataset::parse_str("test.ron", &ron).expect("a valid dataset")
    }

    /// The layout of `dataset` in one lane, on a 1000-point axis over `range`.
    fn layout(dataset: &Dataset, range: TimeRange) -> Layout {
        let index = TimeIndex::new(dataset);
        let lanes = Lanes::build(dataset, LaneMode::Single, &BTreeSet::new());
        let shown = EventSet::all(dataset.events.len());
        let axis = TimeAxis::new(range, 0.0, 1000.0);
        let key = LayoutKey::for_axis(&axis, 1);
        let source = LayoutSource {
            dataset,
            index: &index,
            lanes: &lanes,
            lane_times: &LaneTimes::new(&index, &lanes),
            shown: &shown,
            all_shown: true,
            measure: &TextMeasure::uniform(7.0),
            titles: &TitleWidths::new(dataset.events.len()),
        };
        Layout::build(key, &source)
    }

    fn at(y: i64, m: u32, d: u32) -> f64 {
        Moment::from_ymd(y, m, d).0 as f64
    }

    fn may_2022() -> TimeRange {
        TimeRange::new(at(2022, 5, 1), at(2022, 6, 1))
    }

    #[test]
    fn a_small_pan_keeps_the_layout_and_a_zoom_step_renews_it() {
        let axis = TimeAxis::new(may_2022(), 0.0, 1000.0);
        let key = LayoutKey::for_axis(&axis, 1);
        let panned = TimeAxis::new(may_2022().panned(DAY / 10.0), 0.0, 1000.0);
        assert_eq!(LayoutKey::for_axis(&panned, 1), key);
        let zoomed = TimeAxis::new(may_2022().zoomed_around(at(2022, 5, 15), 0.5), 0.0, 1000.0);
        assert_ne!(LayoutKey::for_axis(&zoomed, 1).level, key.level);
        assert_ne!(LayoutKey::for_axis(&axis, 2), key, "new data, new layout");
    }

    #[test]
    fn the_window_covers_the_view_with_a_screen_to_spare() {
        let axis = TimeAxis::new(may_2022(), 0.0, 1000.0);
        let window = LayoutKey::for_axis(&axis, 1).window();
        assert!(window.start < may_2022().start && window.end > may_2022().end);
    }

    #[test]
    fn events_far_apart_share_a_row_and_events_on_one_day_stack() {
        let data = dataset(&["2022-05-02", "2022-05-25", "2022-05-16", "2022-05-16"]);
        let laid = layout(&data, may_2022());
        let LaneContent::Events { rows, items, .. } = &laid.lanes[0].content else {
            panic!("a few events are drawn one by one");
        };
        let row_of = |id: &str| {
            let e = data
                .events
                .iter()
                .position(|e| e.id == id)
                .unwrap_or(usize::MAX);
            items.iter().find(|i| i.event as usize == e).map(|i| i.row)
        };
        assert_eq!(row_of("e0"), row_of("e1"), "far apart: one row");
        assert_ne!(row_of("e2"), row_of("e3"), "on one day: stacked");
        assert!(*rows >= 2);
    }

    #[test]
    fn neighbours_in_a_row_know_where_each_other_ends() {
        let data = dataset(&["2022-05-02", "2022-05-25"]);
        let laid = layout(&data, may_2022());
        let LaneContent::Events { items, .. } = &laid.lanes[0].content else {
            panic!("two events are drawn one by one");
        };
        let (first, second) = (&items[0], &items[1]);
        assert_eq!(first.row, second.row);
        assert!(first.next_in_row < at(2022, 5, 25) + DAY);
        assert!(
            second.prev_in_row > at(2022, 5, 2),
            "after the first's label"
        );
        assert!(second.prev_in_row <= first.next_in_row + DAY);
        assert_eq!(first.prev_in_row, f64::NEG_INFINITY);
        assert_eq!(second.next_in_row, f64::INFINITY);
    }

    #[test]
    fn lanes_laid_out_a_few_at_a_time_are_those_laid_out_at_once() {
        let data = crate::generate::generate(2000, 3);
        let index = TimeIndex::new(&data);
        let open = Lanes::build(&data, LaneMode::Actor, &BTreeSet::new());
        let folded = open
            .lanes
            .iter()
            .find(|l| l.has_children)
            .map(|l| l.key.clone());
        let collapsed: BTreeSet<String> = folded.into_iter().collect();
        assert_eq!(collapsed.len(), 1, "a country with people to fold");
        let lanes = Lanes::build(&data, LaneMode::Actor, &collapsed);
        let mut events = EventSet::none(data.events.len());
        for e in (0..data.events.len() as EventIdx).filter(|e| e % 3 != 0) {
            events.insert(e);
        }
        let shown = crate::query::by_rank(&index, &events);
        let source = LayoutSource {
            dataset: &data,
            index: &index,
            lanes: &lanes,
            lane_times: &LaneTimes::new(&index, &lanes),
            shown: &shown,
            all_shown: false,
            measure: &TextMeasure::uniform(7.0),
            titles: &TitleWidths::new(data.events.len()),
        };
        let range = TimeRange::new(at(1990, 1, 1), at(2000, 1, 1));
        let key = LayoutKey::for_axis(&TimeAxis::new(range, 0.0, 1000.0), 1);
        let whole = Layout::build(key, &source);
        let mut partial = Layout::new(key);
        assert_eq!(partial.remaining(&lanes), whole.lanes.len());
        partial.extend(&source, 5);
        assert_eq!(partial.lanes.len(), 5);
        assert_eq!(partial.lanes[..], whole.lanes[..5], "the top lanes first");
        while partial.remaining(&lanes) > 0 {
            partial.extend(&source, 7);
        }
        assert_eq!(partial, whole);
        assert!(
            whole.lanes.iter().all(|l| !lanes.lanes[l.lane].hidden),
            "lanes folded into another are not drawn"
        );
        // Lanes left unlaid above the screen, laid out when scrolled to, and
        // those below them, are what laying out from the top gives.
        let above: Vec<(usize, LaneShows)> = whole.lanes[..6]
            .iter()
            .map(|l| (l.lane, LaneShows::Rows(1)))
            .collect();
        let mut scrolled = Layout::below(key, above);
        assert_eq!(scrolled.remaining(&lanes), whole.lanes.len() - 6);
        scrolled.extend(&source, usize::MAX);
        assert_eq!(scrolled.lanes[6..], whole.lanes[6..]);
        assert!(matches!(scrolled.lanes[0].content, LaneContent::Unlaid(_)));
        scrolled.lay_out(&source, &[0, 1, 2, 3, 4, 5]);
        assert_eq!(scrolled, whole);
    }

    #[test]
    fn a_crowded_lane_reads_nearly_the_same_density_from_its_pyramid() {
        let data = crate::generate::generate(20_000, 5);
        let index = TimeIndex::new(&data);
        let lanes = Lanes::build(&data, LaneMode::Single, &BTreeSet::new());
        let shown = EventSet::all(data.events.len());
        let lane_times = LaneTimes::new(&index, &lanes);
        let titles = TitleWidths::new(data.events.len());
        let measure = TextMeasure::uniform(7.0);
        let source = |all_shown| LayoutSource {
            dataset: &data,
            index: &index,
            lanes: &lanes,
            lane_times: &lane_times,
            shown: &shown,
            all_shown,
            measure: &measure,
            titles: &titles,
        };
        let range = TimeRange::new(at(1900, 1, 1), at(2026, 1, 1));
        let key = LayoutKey::for_axis(&TimeAxis::new(range, 0.0, 1400.0), 1);
        let density = |all_shown| match &Layout::build(key, &source(all_shown)).lanes[0].content {
            LaneContent::Density(d) => d.clone(),
            other => panic!("twenty thousand events are crowded: {other:?}"),
        };
        let (counted, read) = (density(false), density(true));
        assert!(lane_times.pyramid(&index, 0).is_some());
        assert_eq!(counted.counts.len(), read.counts.len());
        let sum = |d: &Density| d.counts.iter().map(|&c| u64::from(c)).sum::<u64>();
        // A day that straddles two columns is counted in both one by one, in one from the pyramid.
        let (a, b) = (sum(&counted), sum(&read));
        assert!(b <= a && b * 100 >= a * 98, "{a} and {b} events");
        // Every stretch of 16 columns holds nearly the same events (a burst of events
        // on a day that straddles two columns is counted twice one by one).
        for (x, y) in counted.counts.chunks(16).zip(read.counts.chunks(16)) {
            let (x, y) = (x.iter().sum::<u32>(), y.iter().sum::<u32>());
            assert!(x.abs_diff(y) <= 2 + x / 8, "{x} and {y}");
        }
    }

    #[test]
    fn too_many_events_for_glyphs_become_density() {
        let days: Vec<String> = (0..3000)
            .map(|i| {
                let m = Moment::from_ymd(2022, 1, 1).add_days(i % 365);
                let (y, mo, d, _) = m.to_civil();
                format!("{y}-{mo:02}-{d:02}")
            })
            .collect();
        let dates: Vec<&str> = days.iter().map(String::as_str).collect();
        let data = dataset(&dates);
        let laid = layout(&data, TimeRange::new(at(2022, 1, 1), at(2023, 1, 1)));
        assert!(matches!(laid.lanes[0].content, LaneContent::Density(_)));
    }

    #[test]
    fn many_dates_coarser_than_the_view_are_counted_not_stacked() {
        let dates = ["2022", "2022", "2022", "2022", "2022", "2022-05-16"];
        let data = dataset(&dates);
        let laid = layout(&data, may_2022());
        let LaneContent::Events { vague, items, .. } = &laid.lanes[0].content else {
            panic!("the precise event is drawn");
        };
        assert_eq!(*vague, 5);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].row, 1, "under the line that counts the vague ones");
    }
}
