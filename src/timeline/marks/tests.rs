//! Unit tests of the marks: shape, glyph time, edges and lane heights.

use thin_vec::ThinVec;

use super::lane_height::{LaneShows, lane_height, reaches_view, row_centre};
use super::*;
use crate::model::EventKind;
use crate::model::date::SECONDS_PER_DAY;

fn event(date: &str) -> Event {
    Event {
        id: date.to_string().into(),
        kind: EventKind::Visit,
        date: EdtfDate::parse(date).expect("a valid EDTF date"),
        title: format!("Visit on {date}").into(),
        actors: Default::default(),
        counterparts: Default::default(),
        topics: Default::default(),
        place: None,
        at: None,
        summary: Default::default(),
        sources: ThinVec::new(),
        note: None,
        cameo: None,
    }
}

fn day(y: i64, m: u32, d: u32) -> f64 {
    Moment::from_ymd(y, m, d).0 as f64
}

/// An axis of `days` days from 1 May 2022 across 1000 points.
fn axis(days: f64) -> TimeAxis {
    let start = day(2022, 5, 1);
    TimeAxis::new(
        TimeRange::new(start, start + days * SECONDS_PER_DAY as f64),
        0.0,
        1000.0,
    )
}

#[test]
fn a_year_is_a_band_at_every_zoom() {
    for days in [10.0, 3650.0] {
        let mark = MarkGeometry::on_axis(&event("2022"), &axis(days), GLYPH_RADIUS);
        assert_eq!(mark.shape, MarkShape::Band, "over {days} days");
    }
}

#[test]
fn a_day_is_a_point_until_it_is_wider_than_its_glyph() {
    let far = MarkGeometry::on_axis(&event("2022-05-16"), &axis(365.0), GLYPH_RADIUS);
    assert_eq!(far.shape, MarkShape::Point);
    let near = MarkGeometry::on_axis(&event("2022-05-16"), &axis(10.0), GLYPH_RADIUS);
    assert_eq!(near.shape, MarkShape::Band);
}

#[test]
fn an_interval_is_a_bar_whatever_its_precision() {
    for date in ["2022-05-16/2022-05-18", "2022-05/2022-07", "2014/2016"] {
        let mark = MarkGeometry::on_axis(&event(date), &axis(365.0), GLYPH_RADIUS);
        assert_eq!(mark.shape, MarkShape::Bar, "{date}");
    }
}

#[test]
fn a_bar_reaches_its_end_and_a_band_lies_under_its_label() {
    let bar = MarkGeometry::on_axis(&event("2022-05-10/2022-05-20"), &axis(30.0), 6.0);
    let (left, right) = bar.solid_edges();
    assert!((left - (bar.x0 - 6.0)).abs() < 1e-3);
    assert!((right - bar.x1).abs() < 1e-3);
    let band = MarkGeometry::on_axis(&event("2022-05"), &axis(60.0), 6.0);
    let (_, solid_right) = band.solid_edges();
    let (_, outer_right) = band.outer_edges();
    assert!(solid_right < outer_right, "the band reaches past the glyph");
}

#[test]
fn only_an_uncertain_point_or_band_rings_its_glyph() {
    let doubtful = MarkGeometry::on_axis(&event("2022-05-16?"), &axis(365.0), 6.0);
    assert!(doubtful.outlined && doubtful.rings_glyph());
    let sure = MarkGeometry::on_axis(&event("2022-05-16"), &axis(365.0), 6.0);
    assert!(!sure.outlined && !sure.rings_glyph());
    let bar = MarkGeometry::on_axis(&event("2022-05-16?/2022-05-18"), &axis(365.0), 6.0);
    assert!(
        bar.outlined && !bar.rings_glyph(),
        "a bar is dashed instead"
    );
}

#[test]
fn a_glyph_stands_at_the_middle_of_a_day_and_the_start_of_an_interval() {
    let noon = day(2022, 5, 16) + SECONDS_PER_DAY as f64 / 2.0;
    assert_eq!(glyph_time(&event("2022-05-16")), noon);
    assert_eq!(
        glyph_time(&event("2022-05-16/2022-05-20")),
        day(2022, 5, 16)
    );
    assert_eq!(
        glyph_time(&event("2022-05-16T10:30:00")),
        day(2022, 5, 16) + 10.5 * 3600.0
    );
}

#[test]
fn an_open_interval_has_its_glyph_at_its_known_side() {
    let open_end = event("2022-05-16/..");
    assert_eq!(glyph_time(&open_end), day(2022, 5, 16));
    let view = TimeRange::new(day(2022, 1, 1), day(2023, 1, 1));
    let (_, start, end) = event_times(&open_end, view);
    assert_eq!((start, end), (day(2022, 5, 16), view.end));
}

#[test]
fn a_figure_shows_the_glyph_of_a_year_inside_a_month() {
    // May 2022 across 0..310 points: one point per 4 hours.
    let (left, right) = (0.0, 310.0);
    let start = day(2022, 5, 1);
    let x_of = |m: Moment| (m.0 as f64 - start) / (SECONDS_PER_DAY as f64 / 10.0);
    let mark = MarkGeometry::on_page(&event("2022").date, x_of, (left, right), 8.0);
    assert_eq!(mark.shape, MarkShape::Band);
    assert_eq!((mark.x0, mark.x1), (left, right));
    assert_eq!(mark.glyph_x, 155.0);
}

#[test]
fn a_figure_marks_an_interval_open_at_the_start_at_its_end() {
    let start = day(2022, 5, 1);
    let x_of = |m: Moment| {
        if m.is_open() {
            -1000.0
        } else {
            (m.0 as f64 - start) / SECONDS_PER_DAY as f64 * 10.0
        }
    };
    let mark = MarkGeometry::on_page(&event("../2022-05-11").date, x_of, (0.0, 310.0), 8.0);
    assert_eq!(mark.shape, MarkShape::Bar);
    assert_eq!(mark.glyph_x, 110.0);
}

#[test]
fn a_lane_is_as_tall_as_its_rows_and_a_person_has_room_for_a_caption() {
    let one = lane_height(LaneShows::Rows(1), false);
    let three = lane_height(LaneShows::Rows(3), false);
    assert!(three > one);
    assert!(lane_height(LaneShows::Rows(1), true) > one);
    assert!(row_centre(1) > row_centre(0));
    assert!(row_centre(0) < one);
    assert!(lane_height(LaneShows::Density, false) > 0.0);
}

#[test]
fn an_event_reaches_the_view_by_its_glyph_or_its_bar() {
    let view = axis(30.0);
    assert!(reaches_view(&event("2022-05-16"), &view));
    assert!(!reaches_view(&event("2022-08-16"), &view));
    assert!(reaches_view(&event("2022-03-01/2022-05-02"), &view));
    assert!(!reaches_view(&event("2022-03-01"), &view));
}
