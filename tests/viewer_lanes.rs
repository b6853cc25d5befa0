//! View ▸ Hide empty lanes: under a filter, the lanes with no shown event go, and
//! come back when the option is off; what the filter shows stays the same.

use annals::app::App;
use annals::command::Command;
use annals::query::Period;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::support::{ViewerSetup, viewer_harness};

fn lanes(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .state()
        .lane_labels()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The labels of the check boxes on screen: the filter panel's, with their counts.
fn checkboxes(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .query_all_by_role(Role::CheckBox)
        .filter_map(|node| node.accesskit_node().label())
        .collect()
}

/// Clicks View ▸ Hide empty lanes.
fn toggle_hide_empty_lanes(harness: &mut Harness<'_, App>) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Hide empty lanes").click();
    harness.run();
    assert!(
        harness.query_by_label("Hide empty lanes").is_none(),
        "the menu closes"
    );
}

#[test]
fn a_period_hides_the_lanes_it_leaves_empty_until_the_option_is_off() {
    let mut harness = viewer_harness(ViewerSetup::default());
    let every_lane = lanes(&harness);
    for person in ["Ebrahim Raisi", "Mohammad Bagheri"] {
        assert!(
            every_lane.iter().any(|l| l == person),
            "{person} has a lane"
        );
    }
    harness.state_mut().apply(Command::SetPeriod(Period {
        from: Some("2015".to_string()),
        to: Some("2020".to_string()),
    }));
    harness.run();
    let filtered = lanes(&harness);
    for person in ["Ebrahim Raisi", "Mohammad Bagheri"] {
        assert!(
            !filtered.iter().any(|l| l == person),
            "{person} has no event from 2015 to 2020: {filtered:?}"
        );
    }
    assert!(
        filtered.iter().any(|l| l == "Iran"),
        "a country whose people act in the period stays"
    );
    assert!(filtered.iter().all(|l| every_lane.contains(l)));
    let shown = harness.state().shown_events().to_vec();
    let counts = harness.state().facet_counts().clone();
    let panel = checkboxes(&harness);
    assert!(!shown.is_empty() && !panel.is_empty());

    toggle_hide_empty_lanes(&mut harness);
    assert_eq!(lanes(&harness), every_lane, "every lane is back");
    assert_eq!(harness.state().shown_events(), shown);
    assert_eq!(*harness.state().facet_counts(), counts);
    assert_eq!(checkboxes(&harness), panel);

    toggle_hide_empty_lanes(&mut harness);
    assert_eq!(lanes(&harness), filtered);
}
