//! View ▸ Calendar: the axis read in the Jalali calendar, or in both.

use annals::command::Command;
use annals::model::{Calendar, Moment};
use annals::timeline::TimeRange;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use annals::app::App;

use crate::support::{ViewerSetup, viewer_harness};

fn may_2022(harness: &mut Harness<'static, App>) {
    harness.state_mut().apply(Command::ZoomTo(TimeRange::new(
        Moment::from_ymd(2022, 4, 28).0 as f64,
        Moment::from_ymd(2022, 6, 3).0 as f64,
    )));
    harness.run_steps(2);
}

fn axis_labels(harness: &Harness<'static, App>) -> Vec<Vec<String>> {
    harness.state().canvas().axis_labels.clone()
}

fn choose(harness: &mut Harness<'static, App>, calendar: &str) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Calendar").hover();
    harness.run_steps(2);
    harness.get_by_label("Calendar").click();
    harness.run_steps(2);
    harness.get_by_label(calendar).click();
    harness.run_steps(3);
}

#[test]
fn the_axis_reads_in_the_jalali_calendar_when_chosen_from_the_view_menu() {
    let mut harness = viewer_harness(ViewerSetup::default());
    may_2022(&mut harness);
    let gregorian = axis_labels(&harness);
    assert!(
        gregorian[0].iter().any(|l| l == "May 2022"),
        "{gregorian:?}"
    );
    choose(&mut harness, "Jalali (Solar Hijri)");
    let jalali = axis_labels(&harness);
    assert_eq!(jalali.len(), 2, "{jalali:?}");
    assert!(jalali[0].iter().any(|l| l == "Khordad 1401"), "{jalali:?}");
    assert!(!jalali[0].iter().any(|l| l.contains("May")), "{jalali:?}");
    // The months named in Persian script, when asked.
    harness.state_mut().apply(Command::ShowPersianMonths(true));
    harness.run_steps(3);
    let persian = axis_labels(&harness);
    assert!(persian[0].iter().any(|l| l == "خرداد 1401"), "{persian:?}");
    harness.state_mut().apply(Command::ShowPersianMonths(false));
    harness.run_steps(3);
    // The days of the Jalali months under them.
    assert!(jalali[1].len() > 4, "{jalali:?}");
    assert!(
        jalali[1]
            .iter()
            .all(|l| l.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))),
        "{jalali:?}"
    );
}

#[test]
fn both_calendars_add_a_row_of_jalali_days_and_months() {
    let mut harness = viewer_harness(ViewerSetup::default());
    may_2022(&mut harness);
    harness
        .state_mut()
        .apply(Command::ShowCalendar(Calendar::Both));
    harness.run_steps(3);
    let rows = axis_labels(&harness);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].iter().any(|l| l == "May 2022"), "{rows:?}");
    assert!(rows[2].iter().any(|l| l == "1 Khordad 1401"), "{rows:?}");
    harness.snapshot("calendar_both");
}
