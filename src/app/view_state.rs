//! What of the view survives a restart.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::command::ThemeChoice;
use crate::query::Filter;
use crate::timeline::{LaneMode, TimeRange};
use crate::ui::export_dialog::ExportDialogState;

/// How many recently opened files are remembered.
pub const MAX_RECENT: usize = 10;

/// The saved part of the view: restored at start, written by eframe's persistence.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The visible stretch of time; fitted to the data when none.
    pub range: Option<TimeRange>,
    /// How events are grouped into lanes.
    pub lanes: LaneMode,
    /// The keys of collapsed lanes.
    pub collapsed: BTreeSet<String>,
    /// The dataset file that was open (none for the embedded dataset).
    pub last_path: Option<PathBuf>,
    /// The id of the selected event.
    pub selected_id: Option<String>,
    /// Which events are shown.
    pub filter: Filter,
    /// Light, dark or the system's theme.
    pub theme: ThemeChoice,
    /// Recently opened files, the latest first.
    pub recent: Vec<PathBuf>,
    /// Hide the filter panel on the left.
    pub hide_filters: bool,
    /// The export dialog's format, destination and options.
    pub export: ExportDialogState,
}

impl ViewState {
    /// Puts `path` at the top of the recent files.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
