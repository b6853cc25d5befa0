//! The lanes of a figure: which of the viewer's lanes hold exported events (with
//! the lanes they are nested under, at most a given number), their stripes, their
//! names in the gutter and the caption's sentence about them.

use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::text::text_width;

use crate::index::EventIdx;
use crate::model::Dataset;
use crate::model::words::{counted, events};
use crate::timeline::LaneMode;
use crate::timeline::Lanes;

/// One lane drawn in a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FigureLane {
    /// The name shown in the gutter.
    pub(crate) label: String,
    /// 0 for a top lane, 1 for a lane nested under another (a country's people), and so on.
    pub(crate) depth: u8,
    /// True when lanes nested under this one are drawn too.
    pub(crate) has_children: bool,
    /// The lane's events: positions in the exported events, in time order.
    pub(crate) events: Vec<usize>,
}

/// The lanes of a figure, top to bottom, and what did not fit.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FigureLanes {
    /// The drawn lanes, in the viewer's order.
    pub(crate) lanes: Vec<FigureLane>,
    /// Lanes holding exported events that were left out to bound the figure's height.
    pub(crate) lanes_left_out: usize,
    /// Exported events drawn in none of the lanes.
    pub(crate) events_left_out: usize,
}

/// The lanes of `mode` that hold any of `events` (with the lanes they are nested
/// under, so that a person stays under their country), at most `max_lanes` of
/// them: when there are more, the fullest lanes are kept. An actor's lane is
/// named in language `names` where the actor has a name in it.
pub(crate) fn figure_lanes(
    dataset: &Dataset,
    events: &[EventIdx],
    (mode, names): (LaneMode, Option<&str>),
    max_lanes: usize,
) -> FigureLanes {
    let lanes = Lanes::build(dataset, mode, &BTreeSet::new());
    let count = lanes.lanes.len();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (position, &event) in events.iter().enumerate() {
        for &lane in lanes.of_event(event) {
            if let Some(list) = members.get_mut(lane as usize) {
                list.push(position);
            }
        }
    }
    let mut occupied: Vec<usize> = (0..count).filter(|&l| !members[l].is_empty()).collect();
    occupied.sort_by_key(|&l| (Reverse(members[l].len()), l));
    let mut chosen = vec![false; count];
    let mut drawn = 0;
    for &lane in &occupied {
        let mut needed = Vec::new();
        let mut at = Some(lane);
        // Parents come before their children, so the walk up always ends.
        while let Some(a) = at.filter(|&a| a < count) {
            if !chosen[a] {
                needed.push(a);
            }
            at = lanes.lanes[a].parent.filter(|&p| p < a);
        }
        if drawn + needed.len() > max_lanes {
            continue;
        }
        drawn += needed.len();
        for a in needed {
            chosen[a] = true;
        }
    }
    let lanes_left_out = occupied.iter().filter(|&&l| !chosen[l]).count();
    let events_left_out = events
        .iter()
        .filter(|&&e| !lanes.of_event(e).iter().any(|&l| chosen[l as usize]))
        .count();
    let has_children: Vec<bool> = (0..count)
        .map(|l| {
            lanes
                .lanes
                .iter()
                .enumerate()
                .any(|(c, lane)| chosen[c] && lane.parent == Some(l))
        })
        .collect();
    let lanes = lanes
        .lanes
        .iter()
        .enumerate()
        .filter(|&(l, _)| chosen[l])
        .map(|(l, lane)| FigureLane {
            label: lane.label_in(dataset, names).to_string(),
            depth: lane.depth,
            has_children: has_children[l],
            events: std::mem::take(&mut members[l]),
        })
        .collect();
    FigureLanes {
        lanes,
        lanes_left_out,
        events_left_out,
    }
}

/// How far a nested lane's label is indented.
pub(super) const LANE_INDENT: f64 = 18.0;

pub(super) const LANE_LABEL_SIZE: f64 = 15.0;

/// The gutter of lane labels is at least this wide, and at most that.
pub(super) const GUTTER_MIN: f64 = 120.0;

pub(super) const GUTTER_MAX: f64 = 300.0;

/// The width of the gutter that holds the lane labels.
pub(super) fn gutter_width(lanes: &[FigureLane]) -> f64 {
    lanes
        .iter()
        .map(|l| f64::from(l.depth) * LANE_INDENT + text_width(&l.label, LANE_LABEL_SIZE) + 28.0)
        .fold(GUTTER_MIN, f64::max)
        .min(GUTTER_MAX)
}

/// The caption's sentence on the lanes: what they are, and what was left out.
pub(super) fn lane_note(mode: LaneMode, lanes: &FigureLanes) -> String {
    let mut note = match mode {
        LaneMode::Actor => "Lanes by actor, people under their country or organization; an event with several actors is drawn in each of their lanes, joined by a grey line.".to_string(),
        LaneMode::Topic => "Lanes by topic, sub-topics under their topic; an event with several topics is drawn in each of their lanes, joined by a grey line.".to_string(),
        LaneMode::Kind => "Lanes by kind of event.".to_string(),
        LaneMode::Single => "All events in one lane.".to_string(),
    };
    if lanes.lanes_left_out > 0 {
        let _ = write!(
            note,
            " {} left out to keep the figure readable ({} in no drawn lane); narrow the filters to see them.",
            counted(lanes.lanes_left_out, "more lane", "more lanes"),
            events(lanes.events_left_out)
        );
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, Period};

    fn may_2022() -> (Dataset, Vec<EventIdx>) {
        let dataset = crate::dataset::embedded();
        let index = crate::index::TimeIndex::new(&dataset);
        let filter = Filter {
            period: Period {
                from: Some("2022-05".into()),
                to: Some("2022-05".into()),
            },
            ..Filter::default()
        };
        let events = crate::query::select(&dataset, &index, &filter);
        (dataset, events)
    }

    #[test]
    fn people_follow_their_country_and_empty_lanes_are_left_out() {
        let (dataset, events) = may_2022();
        let figure = figure_lanes(&dataset, &events, (LaneMode::Actor, None), 40);
        let labels: Vec<&str> = figure.lanes.iter().map(|l| l.label.as_str()).collect();
        let at = |name: &str| labels.iter().position(|l| *l == name);
        let (Some(iran), Some(bagheri), Some(tajikistan), Some(rahmon)) = (
            at("Iran"),
            at("Mohammad Bagheri"),
            at("Tajikistan"),
            at("Emomali Rahmon"),
        ) else {
            panic!("missing lanes in {labels:?}");
        };
        assert!(iran < bagheri && bagheri < tajikistan && tajikistan < rahmon);
        assert_eq!(figure.lanes[bagheri].depth, 1);
        assert!(figure.lanes[iran].has_children);
        assert!(at("Masoud Pezeshkian").is_none(), "no events in May 2022");
        assert!(at("Shanghai Cooperation Organisation").is_none());
        assert_eq!((figure.lanes_left_out, figure.events_left_out), (0, 0));
    }

    #[test]
    fn a_cap_keeps_the_fullest_lanes_with_their_parents() {
        let (dataset, events) = may_2022();
        let all = figure_lanes(&dataset, &events, (LaneMode::Actor, None), 40);
        let capped = figure_lanes(&dataset, &events, (LaneMode::Actor, None), 2);
        assert!(capped.lanes.len() <= 2);
        assert_eq!(
            capped.lanes_left_out,
            all.lanes.iter().filter(|l| !l.events.is_empty()).count()
                - capped.lanes.iter().filter(|l| !l.events.is_empty()).count()
        );
        for (i, lane) in capped.lanes.iter().enumerate() {
            if lane.depth > 0 {
                assert!(
                    capped.lanes[..i].iter().any(|p| p.depth < lane.depth),
                    "a nested lane without its parent"
                );
            }
        }
    }
}
