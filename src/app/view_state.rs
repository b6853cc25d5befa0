//! What of the view survives a restart.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::file_views::FileViews;
use crate::command::ThemeChoice;
use crate::import::ImportMappings;
use crate::model::Calendar;
use crate::query::Filter;
use crate::timeline::LaneMode;
use crate::ui::export_dialog::ExportDialogState;

/// How many recently opened files are remembered.
pub(crate) const MAX_RECENT: usize = 10;

/// The saved settings of the view: restored at start, written by eframe's persistence.
/// Where the view stood (its range and selection) is saved beside it by the app.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// How events are grouped into lanes.
    pub lanes: LaneMode,
    /// The keys of collapsed lanes.
    pub collapsed: BTreeSet<String>,
    /// The dataset file that was open (none for the embedded dataset).
    pub last_path: Option<PathBuf>,
    /// Which events are shown.
    pub filter: Filter,
    /// Light, dark or the system's theme.
    pub theme: ThemeChoice,
    /// Recently opened files, the latest first.
    pub recent: Vec<PathBuf>,
    /// Hide the filter panel on the left.
    pub hide_filters: bool,
    /// Hide the eras' bands on the canvas and the overview strip.
    pub hide_eras: bool,
    /// Keep the lanes in which a filter leaves no event (View ▸ Hide empty lanes, off).
    pub show_empty_lanes: bool,
    /// Show the chart of events per period under the timeline (View ▸ Chart).
    pub show_chart: bool,
    /// Show the actor matrix (View ▸ Matrix).
    pub show_matrix: bool,
    /// Show the map (View ▸ Map).
    pub show_map: bool,
    /// Count on the map only the events in the timeline's visible range.
    pub map_within_range: bool,
    /// The calendars the axis shows (View ▸ Calendar).
    pub calendar: Calendar,
    /// Name the Jalali months on the axis in Persian script (View ▸ Calendar).
    pub persian_months: bool,
    /// The language, by tag, of the lanes' names (View ▸ Lane names): `fa`
    /// shows each actor's Persian name where it has one. None: the names as given.
    pub lane_names: Option<String>,
    /// The export dialog's format, destination and options.
    pub export: ExportDialogState,
    /// How each file opened was left: its range, filters, period and lanes.
    pub files: FileViews,
    /// The fields chosen in the import dialog for each set of spreadsheet headers.
    pub import_mappings: ImportMappings,
}

impl ViewState {
    /// Puts `path` at the top of the recent files.
    pub(crate) fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::ViewState;
    use crate::export::Format;
    use crate::query::Period;
    use crate::timeline::LaneMode;

    #[test]
    fn the_filters_and_the_export_choices_survive_a_restart() {
        let mut view = ViewState {
            lanes: LaneMode::Topic,
            hide_filters: true,
            hide_eras: true,
            show_empty_lanes: true,
            ..ViewState::default()
        };
        view.filter.actors.insert("TJK".to_string());
        view.filter.topics.insert("terrorism".to_string());
        view.filter.text = "Dušanbe".to_string();
        view.filter.period = Period {
            from: Some("2022-05".to_string()),
            to: None,
        };
        view.filter.fade_unmatched = true;
        view.export.format = Format::Svg;
        view.export.destination = "/tmp/may.svg".to_string();
        view.remember("/data/a.ron".into());
        // eframe keeps the view as RON.
        let saved = ron::to_string(&view).expect("the view serializes");
        let restored: ViewState = ron::from_str(&saved).expect("and reads back");
        assert_eq!(restored, view);
    }
}
