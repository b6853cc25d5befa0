//! What the user asked for: the interface emits [`Command`]s and the app
//! applies them after the frame, so every action can be tested without a window.

use std::path::PathBuf;

use crate::analysis::PeriodUnit;
use crate::edit::Edit;
use crate::export::{AnalysisFormat, Format};
use crate::geography::MapView;
use crate::import::DateOrder;
use crate::index::EventIdx;
use crate::query::{Filter, Period};
use crate::timeline::{LaneMode, TimeRange};

/// Whether the interface is light, dark, or follows the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in the order the toolbar offers them.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The choice as the toolbar names it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "System theme",
            ThemeChoice::Light => "Light theme",
            ThemeChoice::Dark => "Dark theme",
        }
    }
}

/// The analysis views of the viewer: the chart of events per period, the actor matrix and the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnalysisView {
    /// View ▸ Chart.
    Chart,
    /// View ▸ Matrix.
    Matrix,
    /// View ▸ Map.
    Map,
}

impl AnalysisView {
    /// Its name in titles and notices.
    pub(crate) fn label(self) -> &'static str {
        match self {
            AnalysisView::Chart => "chart",
            AnalysisView::Matrix => "matrix",
            AnalysisView::Map => "map",
        }
    }
}

/// An action on the map window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapCommand {
    /// Look at the map from here (a drag or a wheel turn).
    Look(MapView),
    /// Fit the map to the shown events.
    Fit,
    /// Count only the events in the timeline's visible range, or all shown.
    WithinRange(bool),
    /// Step the map and the timeline's range through the period, or stop.
    Play(bool),
    /// Step by this unit when playing.
    StepBy(PeriodUnit),
}

/// One action on the viewer.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open a dataset file; if it is invalid, show its problems and keep the open dataset.
    Open(PathBuf),
    /// Ask for a file with the system's dialog, then open it.
    OpenDialog,
    /// Close the window (after asking about unsaved changes).
    Quit,
    /// Show this folder in the viewer's own file dialog; none closes it.
    Browse(Option<PathBuf>),
    /// The destination chosen in the viewer's own file dialog.
    BrowsedTo(PathBuf),
    /// Read the open file again (it changed on disk).
    Reload,
    /// Select an event, or clear the selection.
    Select(Option<EventIdx>),
    /// Show an actor in the details panel (its id): its events at a glance
    /// and, for a person, their roles and sources; or close it. Showing one
    /// clears the event selection.
    ShowPerson(Option<String>),
    /// Select the next shown event in time and keep it in view.
    SelectNext,
    /// Select the previous shown event in time and keep it in view.
    SelectPrevious,
    /// Show exactly this stretch of time.
    ZoomTo(TimeRange),
    /// Scale the visible span by `factor` (below 1 zooms in) around `anchor` (the centre when none).
    ZoomBy {
        /// The scale factor of the span.
        factor: f64,
        /// The instant that stays in place.
        anchor: Option<f64>,
    },
    /// Move the view later by this many seconds (earlier when negative).
    Pan(f64),
    /// Show every shown event.
    Fit,
    /// Zoom to one event.
    FitEvent(EventIdx),
    /// Group the lanes differently.
    SetLanes(LaneMode),
    /// Collapse or expand the lane with this key.
    ToggleLane(String),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Show the full problem list of the last invalid file.
    ShowErrors,
    /// An action of editing: turning it on, an edit, undo, saving.
    Edit(EditCommand),
    /// Hide the problem list.
    DismissErrors,
    /// Stop loading the file that is being read; the open dataset stays.
    CancelLoad,
    /// Show the events this filter selects.
    SetFilter(Filter),
    /// Select this period (it becomes the period filter); an unbounded one clears it.
    SetPeriod(Period),
    /// Show exactly the selected period.
    ZoomToPeriod,
    /// Open the export dialog.
    OpenExport,
    /// Close the export dialog.
    CloseExport,
    /// Ask for the export's destination with the system's save dialog.
    ChooseExportDestination {
        /// The file name to start with.
        suggested_name: String,
        /// The format, for the dialog's file type filter.
        format: Format,
    },
    /// Export the events that match the filters (and the period) to a file.
    Export {
        /// The file format.
        format: Format,
        /// The destination.
        path: PathBuf,
        /// Only events wholly inside the period, rather than those overlapping it.
        strict: bool,
        /// Replace the destination if it exists.
        overwrite: bool,
    },
    /// Hide the notice of the last export.
    DismissNotice,
    /// Show or hide the filter panel.
    ShowFilters(bool),
    /// Show or hide the eras' bands.
    ShowEras(bool),
    /// Show the axis in these calendars (View ▸ Calendar).
    ShowCalendar(crate::model::Calendar),
    /// Name the Jalali months on the axis in Persian script, or in Latin letters.
    ShowPersianMonths(bool),
    /// Name the lanes in this language where the actors have a name in it
    /// (View ▸ Lane names); None: as the dataset names them.
    ShowLaneNames(Option<String>),
    /// Hide (or keep) the lanes in which the filter leaves no event.
    HideEmptyLanes(bool),
    /// An action in the import dialog of a spreadsheet.
    Import(ImportCommand),
    /// Show or hide the chart of events per period under the timeline.
    ShowChart(bool),
    /// Show or hide the actor matrix.
    ShowMatrix(bool),
    /// Show or hide the map.
    ShowMap(bool),
    /// An action on the map.
    Map(MapCommand),
    /// Open the export dialog of the chart or the matrix.
    OpenAnalysisExport(AnalysisView),
    /// Close that dialog.
    CloseAnalysisExport,
    /// Ask for its destination with the system's save dialog.
    ChooseAnalysisDestination {
        /// The chart or the matrix.
        view: AnalysisView,
        /// The format, for the dialog's file type filter.
        format: AnalysisFormat,
    },
    /// Write the chart or the matrix of the shown events, as `annals stats`
    /// or `annals matrix` would with the same filters.
    ExportAnalysis {
        /// The chart or the matrix.
        view: AnalysisView,
        /// CSV of the numbers, or the picture as SVG or PNG.
        format: AnalysisFormat,
        /// The destination.
        path: PathBuf,
        /// Replace the destination if it exists.
        overwrite: bool,
    },
}

/// What the user did in the import dialog of a spreadsheet whose columns could not all be mapped.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportCommand {
    /// Map the column at this position to the field of this name (`ignore` drops it).
    Choose(usize, String),
    /// Read numeric dates in this order; none to infer it.
    DateOrder(Option<DateOrder>),
    /// Read the dates in this calendar.
    Calendar(crate::model::Calendar),
    /// Show the dataset these choices give.
    Open,
    /// Ask where to save the dataset with the system's save dialog, then save it there.
    SaveDialog,
    /// Write the dataset as an Annals RON file.
    Save {
        /// The destination.
        path: PathBuf,
        /// Replace the destination if it exists.
        overwrite: bool,
    },
    /// Close the dialog; the open dataset stays.
    Cancel,
}

/// What the user did to change the dataset or keep the changes.
#[derive(Debug, Clone, PartialEq)]
pub enum EditCommand {
    /// Turn editing on or off (Edit ▸ Editing, the toolbar's toggle, `E`).
    SetEditing(bool),
    /// Apply an edit; a refused one leaves the dataset as it was and says why.
    Apply(Edit),
    /// Undo the last edit and bring what it changed into view.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add an event on this date (EDTF), of this lane's actor or topic.
    NewEvent {
        /// The date, at the zoom's precision; today's when none.
        date: Option<String>,
        /// The actor of the lane it was asked in.
        actor: Option<String>,
        /// The topic of the lane it was asked in.
        topic: Option<String>,
    },
    /// Add a copy of the selected event, selected.
    Duplicate,
    /// Ask whether to delete the selected event.
    AskDelete,
    /// Delete the event with this id (the answer to [`EditCommand::AskDelete`]).
    Delete(String),
    /// Close a question without doing anything.
    Dismiss,
    /// Save into the open file, or ask for a new one when it cannot be saved into.
    Save,
    /// Ask where to save with the system's dialog, then save there.
    SaveAsDialog,
    /// Save as a new Annals dataset here.
    SaveAs(PathBuf),
    /// Show or hide the list of unsaved changes.
    ReviewChanges(bool),
    /// The answer to "Save changes?" before closing or opening another file.
    Unsaved(UnsavedChoice),
    /// The file changed on disk while there were unsaved edits: read it
    /// again and drop the edits.
    ReloadDiscardingMine,
    /// The file changed on disk while there were unsaved edits: read it
    /// again and apply the edits where the events they touch are unchanged.
    KeepMine,
    /// Open the editor of the actors, the topics or the eras; none closes it.
    ShowEditor(Option<HeadEditor>),
    /// Remove an actor together with its uses: out of the events that name
    /// it, and the roles held in it.
    RemoveActorWithUses(String),
    /// Remove a topic together with its uses: out of the events about it,
    /// the topics under it moved up.
    RemoveTopicWithUses(String),
    /// Put back the edits journaled for the open file before a crash.
    RestoreJournal,
    /// Forget the journaled edits of the open file.
    DiscardJournal,
}

/// What to do with unsaved changes before the window closes or another file opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save them, then go on.
    Save,
    /// Drop them, then go on.
    Discard,
    /// Stay with them.
    Cancel,
}

/// The small editors of what events name: Edit ▸ Actors…, Topics…, Eras….
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadEditor {
    /// Countries, organizations and people with their roles.
    Actors,
    /// The topic tree.
    Topics,
    /// The named periods.
    Eras,
}
