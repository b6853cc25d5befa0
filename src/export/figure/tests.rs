//! Tests of the figure, read back as XML.

use super::lanes::GUTTER_MIN;
use super::layout::MAX_LANES_HEIGHT;
use super::legend::LEGEND_ROW;
use super::*;
use crate::model::EventKind;
use crate::query::{Filter, Period};
use crate::timeline::kind_style::kind_style;
use crate::timeline::period_words::describe_span;

/// The figure of the curated dataset's events in `from`..`to`.
fn figure(from: &str, to: &str) -> String {
    let dataset = crate::dataset::embedded();
    let index = crate::index::TimeIndex::new(&dataset);
    let filter = Filter {
        period: Period {
            from: Some(from.into()),
            to: Some(to.into()),
        },
        ..Filter::default()
    };
    let events = crate::query::select(&dataset, &index, &filter);
    let request = ExportRequest::new(
        super::super::Format::Svg,
        events,
        filter,
        crate::dataset::SourceInfo::embedded(),
    );
    render(&dataset, &request, &request.manifest(&dataset))
}

/// The element drawn for the glyph of the event titled `title`.
fn glyph_of<'a>(doc: &'a roxmltree::Document, title: &str) -> roxmltree::Node<'a, 'a> {
    let event = doc
        .descendants()
        .find(|n| {
            n.attribute("class") == Some("event")
                && n.descendants().any(|t| t.text() == Some(title))
        })
        .unwrap_or_else(|| panic!("no event {title:?}"));
    event
        .children()
        .find(|n| n.has_tag_name("circle") || n.has_tag_name("polygon"))
        .unwrap_or_else(|| panic!("no glyph for {title:?}"))
}

#[test]
fn glyphs_have_the_viewers_shapes_and_colours() {
    let svg = figure("2022-05", "2022-05");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let (_, blue) = kind_style(&EventKind::Visit);
    let visit = glyph_of(
        &doc,
        "Bagheri visits Dushanbe and meets Defence Minister Mirzo",
    );
    assert_eq!(visit.tag_name().name(), "circle", "a visit is a disc");
    assert_eq!(visit.attribute("fill"), Some(blue.hex().as_str()));
    let (_, teal) = kind_style(&EventKind::PhoneCall);
    let call = glyph_of(&doc, "Raisi and Rahmon speak by telephone");
    assert_eq!(call.tag_name().name(), "circle", "a phone call is a ring");
    assert_eq!(call.attribute("fill"), Some("none"));
    assert_eq!(call.attribute("stroke"), Some(teal.hex().as_str()));
    let meeting = glyph_of(&doc, "Bagheri meets President Rahmon");
    assert_eq!(
        meeting.tag_name().name(),
        "polygon",
        "a meeting is a square"
    );
    assert_eq!(
        meeting.attribute("points").map(|p| p.split(' ').count()),
        Some(4)
    );
}

#[test]
fn a_day_wide_enough_to_see_is_a_band_over_that_day() {
    let svg = figure("2022-05", "2022-05");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let meeting = glyph_of(&doc, "Bagheri meets President Rahmon")
        .parent()
        .unwrap();
    let band = meeting
        .children()
        .find(|n| n.has_tag_name("rect"))
        .expect("a band");
    let x = |name: &str| -> f64 { band.attribute(name).unwrap().parse().unwrap() };
    // The plot is the clipped area right of the lane labels.
    let plot = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("plot"))
        .and_then(|n| n.first_element_child())
        .expect("the plot's clip");
    let plot_x = |name: &str| -> f64 { plot.attribute(name).unwrap().parse().unwrap() };
    assert!(
        plot_x("x") > MARGIN_X + GUTTER_MIN - 1.0,
        "room for the lane labels"
    );
    let day = plot_x("width") / 31.0;
    assert!((x("width") - day).abs() < 0.5, "{} wide", x("width"));
    assert!(
        (x("x") - (plot_x("x") + 16.0 * day)).abs() < 0.5,
        "at {}",
        x("x")
    );
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"the whole day, month or year a date names"));
}

#[test]
fn the_axis_reads_as_the_viewers_calendar_ticks() {
    let svg = figure("2022-05", "2022-05");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let axis = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("axis"))
        .expect("an axis");
    let labels: Vec<&str> = axis
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(labels.contains(&"May 2022"), "{labels:?}");
    assert!(labels.contains(&"16"), "{labels:?}");
    assert!(labels.contains(&"31"), "{labels:?}");
    assert!(!labels.contains(&"1 Jun"), "{labels:?}");
}

#[test]
fn a_crowded_day_stays_within_a_bounded_height() {
    let mut dataset = crate::dataset::embedded();
    let template = dataset.events[0].clone();
    dataset.events = (0..500)
        .map(|i| {
            let mut event = template.clone();
            event.id = format!("e{i}").into();
            event
        })
        .collect();
    let request = ExportRequest::new(
        super::super::Format::Svg,
        (0..500).collect(),
        crate::query::Filter::default(),
        crate::dataset::SourceInfo::embedded(),
    );
    let svg = render(&dataset, &request, &request.manifest(&dataset));
    let height = PLOT_TOP + 2.0 * LEGEND_ROW + MAX_LANES_HEIGHT + 2.0 * PLOT_PAD + AXIS_SPACE;
    assert!(svg.contains("height=\""), "{}", &svg[..200]);
    let stated: f64 = svg
        .split("height=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|h| h.parse().ok())
        .unwrap();
    assert!(stated <= height, "{stated} > {height}");
}

#[test]
fn spans_read_as_a_person_would_say_them() {
    let may = (Moment::from_ymd(2022, 5, 1), Moment::from_ymd(2022, 6, 1));
    assert_eq!(describe_span(may.0, may.1), "May 2022");
    let year = (Moment::from_ymd(2022, 1, 1), Moment::from_ymd(2023, 1, 1));
    assert_eq!(describe_span(year.0, year.1), "2022");
    let days = (Moment::from_ymd(2022, 5, 16), Moment::from_ymd(2022, 5, 31));
    assert_eq!(
        describe_span(days.0, days.1),
        "16 May 2022 \u{2013} 30 May 2022"
    );
}
