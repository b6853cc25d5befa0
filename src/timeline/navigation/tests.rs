//! Unit tests of the view's movements on the curated dataset.

use super::*;

fn curated() -> (Dataset, TimeIndex, Vec<EventIdx>) {
    let dataset = crate::dataset::embedded();
    let index = TimeIndex::new(&dataset);
    let all = index.overlapping(Moment::MIN, Moment::MAX);
    let mut shown: Vec<EventIdx> = all;
    shown.sort_by_key(|&e| index.rank_of(e));
    (dataset, index, shown)
}

fn by_id(dataset: &Dataset, id: &str) -> EventIdx {
    dataset
        .events
        .iter()
        .position(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}")) as EventIdx
}

#[test]
fn the_fitted_range_holds_every_shown_event_with_room_for_titles_on_the_right() {
    let (_, index, shown) = curated();
    let bounds = shown_bounds(&index, &shown).expect("events");
    let fit = with_margin(Some(bounds), None);
    assert!(fit.start < bounds.0 && fit.end > bounds.1);
    assert!(fit.end - bounds.1 > bounds.0 - fit.start);
}

#[test]
fn nothing_shown_fits_a_year_either_side_of_today() {
    let today = Moment::from_ymd(2026, 1, 1).0 as f64;
    let fit = with_margin(None, Some(today));
    assert!(fit.contains(today));
    assert!((fit.span() - 2.0 * YEAR).abs() < DAY);
}

#[test]
fn stepping_walks_the_shown_events_in_time_order() {
    let (dataset, index, shown) = curated();
    let range = TimeRange::new(0.0, 1.0);
    let first = step(&dataset, &index, &shown, None, range, true);
    assert!(first.is_some());
    let second = step(&dataset, &index, &shown, first, range, true).expect("a second event");
    assert_eq!(
        step(&dataset, &index, &shown, Some(second), range, false),
        first
    );
    let last = *shown.last().expect("events");
    assert_eq!(
        step(&dataset, &index, &shown, Some(last), range, true),
        None
    );
}

#[test]
fn without_a_selection_stepping_starts_in_the_view() {
    let (dataset, index, shown) = curated();
    let may = TimeRange::new(
        Moment::from_ymd(2022, 5, 1).0 as f64,
        Moment::from_ymd(2022, 6, 1).0 as f64,
    );
    let first = step(&dataset, &index, &shown, None, may, true).expect("an event");
    assert!(glyph_time(&dataset.events[first as usize]) >= may.start);
    let last = step(&dataset, &index, &shown, None, may, false).expect("an event");
    assert!(glyph_time(&dataset.events[last as usize]) < may.end);
}

#[test]
fn keeping_in_view_pans_only_when_the_instant_is_near_an_edge() {
    let range = TimeRange::new(0.0, 100.0 * DAY);
    assert_eq!(keep_in_view(range, 50.0 * DAY), range);
    let moved = keep_in_view(range, 99.0 * DAY);
    assert_eq!(moved.centre(), 99.0 * DAY);
    assert!((moved.span() - range.span()).abs() < 1e-6);
}

#[test]
fn fitting_an_event_centres_it_with_at_least_a_week() {
    let (dataset, ..) = curated();
    let visit = &dataset.events[by_id(&dataset, "2022-05-16-bagheri-dushanbe") as usize];
    let fit = fit_event(visit);
    assert!(fit.contains(glyph_time(visit)));
    assert!(fit.span() >= 7.0 * DAY - 1.0);
}

#[test]
fn fitting_a_period_closes_its_open_side_on_the_data() {
    let data = TimeRange::new(0.0, 1000.0 * DAY);
    let from = Moment::from_ymd(1970, 1, 11);
    let fit = fit_period(from, Moment::MAX, data).expect("not empty");
    assert!(fit.start < from.0 as f64 && fit.end > data.end);
    assert_eq!(fit_period(Moment(100), Moment(100), data), None);
}

#[test]
fn the_overview_counts_every_shown_event_once_per_column_it_covers() {
    let (_, index, shown) = curated();
    let full = with_margin(shown_bounds(&index, &shown), None);
    let density = overview_density(&index, &shown, full);
    assert_eq!(density.counts.len(), OVERVIEW_BUCKETS);
    let total: u32 = density.counts.iter().sum();
    assert!(total as usize >= shown.len());
    assert_eq!(overview_density(&index, &[], full).max(), 0);
}

#[test]
fn the_overview_of_everything_is_the_overview_of_its_parts() {
    let (_, index, shown) = curated();
    let full = with_margin(shown_bounds(&index, &shown), None);
    let (first, second) = shown.split_at(shown.len() / 2);
    let whole = overview_density(&index, &shown, full);
    let parts = (
        overview_density(&index, first, full),
        overview_density(&index, second, full),
    );
    let summed: Vec<u32> = parts
        .0
        .counts
        .iter()
        .zip(&parts.1.counts)
        .map(|(a, b)| a + b)
        .collect();
    assert_eq!(whole.counts, summed);
    let halves = (shown_bounds(&index, first), shown_bounds(&index, second));
    let (Some(a), Some(b)) = halves else {
        panic!("both halves hold events");
    };
    assert_eq!(
        shown_bounds(&index, &shown),
        Some((a.0.min(b.0), a.1.max(b.1)))
    );
}
