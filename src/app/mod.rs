//! The viewer: an [`eframe::App`] that owns the open document and the view,
//! draws the panels and applies the [`Command`]s they return after the frame.

mod adopt;
mod analysis_frame;
mod analysis_views;
mod document;
mod editing;
mod editing_frame;
mod exporting;
mod file_views;
mod filtered;
mod frame;
mod importing;
mod journal;
mod loading;
mod map_view;
mod review;
mod run;
mod screenshot;
mod view_state;
mod viewport;
mod watch;

pub use analysis_views::{ChartCounts, MATRIX_TOP, MatrixCounts, chart_grouping, chart_unit};
pub use document::Document;
pub use editing::Pending;
pub(crate) use file_views::FileView;
pub use journal::JournalOffer;
pub use run::{ViewerError, ViewerOptions, run_viewer};
pub(crate) use screenshot::ScreenshotError;
pub use view_state::ViewState;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use eframe::egui;

use crate::analysis::ActorSummary;
use crate::command::{Command, ThemeChoice};
use crate::import::ImportDraft;
use crate::index::EventIdx;
use crate::query::{FacetCounts, Filter};
use crate::timeline::TimeRange;
use crate::timeline::marks::glyph_time;
use crate::timeline::navigation;
use crate::ui::canvas::CanvasState;
use crate::ui::error_panel::LoadProblems;
use crate::ui::folder_dialog::{BrowseFor, FolderDialog};
use analysis_views::AnalysisViews;
use exporting::ExportDialog;
use filtered::Filtered;
use loading::{Loading, SavedPlace};
use viewport::Viewport;
use watch::Watch;

/// Files of this size or larger are read on a worker thread, with a progress bar;
/// smaller ones are read at once.
pub(crate) const BACKGROUND_ABOVE: u64 = 4 * 1024 * 1024;

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// The file to open; the last one (or the embedded dataset) when none.
    pub file: Option<PathBuf>,
    /// Restore the saved view (off in tests and for screenshots).
    pub restore: bool,
    /// Today, marked on the axis; none to leave it out (tests use a fixed one).
    pub today: Option<f64>,
    /// Save a screenshot here once the first frames are drawn, then close.
    pub screenshot: Option<PathBuf>,
    /// End the process as soon as the screenshot is saved (once the cache's
    /// writes are done), rather than close the window and free every event.
    pub exit_after_screenshot: bool,
    /// Watch the open file and reload it when it changes.
    pub watch: bool,
    /// Read files of this many bytes or more on a worker thread
    /// ([`BACKGROUND_ABOVE`] when none); the headless app always reads at once.
    pub background_above: Option<u64>,
    /// Show the chart of events per period (whatever the saved view says).
    pub chart: bool,
    /// Show the actor matrix (whatever the saved view says).
    pub matrix: bool,
    /// Show the map (whatever the saved view says).
    pub map: bool,
    /// Keep a journal of unsaved edits in this folder, and offer back the
    /// edits a crash left there; none keeps no journal.
    pub journal: Option<PathBuf>,
}

/// Where the outcome of `--screenshot` is left for the caller.
type ScreenshotSlot = Arc<Mutex<Option<Result<(), ScreenshotError>>>>;

/// The view, the visible range and the selection, as last saved.
type KeptState = (ViewState, TimeRange, Option<EventIdx>);

/// Where `--screenshot` stands.
struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: ScreenshotSlot,
    exit_when_saved: bool,
}

/// A system dialog that gives no file sooner than this was never shown.
pub(crate) const NO_SYSTEM_DIALOG: std::time::Duration = std::time::Duration::from_millis(250);

/// How often the view is saved while it changes.
const SAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// The storage key of the visible range at exit.
const RANGE_KEY: &str = "annals-range";
/// The storage key of the selected event's id at exit.
const SELECTED_KEY: &str = "annals-selected";

/// The viewer application, made of parts with one job each.
pub struct App {
    /// The saved view settings; `view.filter` decides which events are shown.
    pub view: ViewState,
    /// The open document and its indexes.
    doc: Document,
    /// What the filter selects in it.
    filtered: Filtered,
    /// The visible range, the selection, the lanes and the canvas.
    viewport: Viewport,
    /// A large file being read in the background.
    loading: Loading,
    /// The export dialog and the notice of the last export.
    export: ExportDialog,
    /// The chart's and the matrix's counts and their export dialog.
    analysis: AnalysisViews,
    /// The map's counts, view and playing.
    map: map_view::MapState,
    /// Live reload of the open file.
    watch: Watch,
    /// Editing: the switch, the form, questions and refusals.
    editing: editing::Editing,
    /// The journal of unsaved edits.
    journal: journal::Journal,
    /// The problems of the last file that failed to load, and whether they are shown.
    problems: Option<LoadProblems>,
    show_problems: bool,
    today: Option<f64>,
    screenshot: Option<ScreenshotJob>,
    title_sent: Option<String>,
    theme_applied: Option<ThemeChoice>,
    restore: bool,
    /// The open document is the one on screen (not a stand-in while the file
    /// asked for at start is read), so its view is worth keeping when it is left.
    showing: bool,
    /// A spreadsheet being mapped in the import dialog.
    import: Option<ImportDraft>,
    /// What the last save of the view kept.
    saved: Option<KeptState>,
    /// The viewer's own open dialog, where the system has none.
    folder_dialog: Option<FolderDialog>,
    ctx: Option<egui::Context>,
}

impl App {
    /// Builds the app for eframe: restores the view when asked and opens the file.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> App {
        App::reading(cc, options, None)
    }

    /// [`App::new`], with the file asked for perhaps already being read by
    /// `reading` (started before the window, which takes a while to open).
    fn reading(
        cc: &eframe::CreationContext<'_>,
        options: AppOptions,
        reading: Option<Loading>,
    ) -> App {
        let (view, place) = match cc.storage.filter(|_| options.restore) {
            Some(storage) => (
                eframe::get_value::<ViewState>(storage, eframe::APP_KEY).unwrap_or_default(),
                (
                    eframe::get_value(storage, RANGE_KEY),
                    eframe::get_value(storage, SELECTED_KEY),
                ),
            ),
            None => (ViewState::default(), (None, None)),
        };
        crate::ui::bidi::install_fonts(&cc.egui_ctx);
        let ctx = Some(cc.egui_ctx.clone());
        let mut app = App::with_view(view, place, &options, ctx, reading);
        app.watch.restart(app.doc.path.as_deref(), app.ctx.as_ref());
        app
    }

    /// Builds the app without a window (for tests of the commands).
    pub fn headless(options: AppOptions) -> App {
        App::with_view(ViewState::default(), (None, None), &options, None, None)
    }

    /// The app in the window of `ctx` (none when headless), opening the file
    /// asked for unless `reading` is reading it already.
    fn with_view(
        view: ViewState,
        place: SavedPlace,
        options: &AppOptions,
        ctx: Option<egui::Context>,
        reading: Option<Loading>,
    ) -> App {
        let loading = reading.unwrap_or_else(|| {
            Loading::new(match ctx {
                Some(_) => options.background_above.unwrap_or(BACKGROUND_ABOVE),
                None => u64::MAX,
            })
        });
        if let Some(ctx) = &ctx {
            loading.wake(ctx);
        }
        let mut app = App {
            view,
            doc: Document::embedded_or_empty(),
            filtered: Filtered::default(),
            viewport: Viewport::default(),
            loading,
            export: ExportDialog::default(),
            analysis: AnalysisViews::default(),
            map: map_view::MapState::default(),
            watch: Watch::new(options.watch),
            editing: editing::Editing::default(),
            journal: journal::Journal::new(options.journal.clone()),
            problems: None,
            show_problems: false,
            today: options.today,
            screenshot: options.screenshot.clone().map(|path| ScreenshotJob {
                path,
                frames: 0,
                requested: false,
                result: Arc::new(Mutex::new(None)),
                exit_when_saved: options.exit_after_screenshot,
            }),
            title_sent: None,
            theme_applied: None,
            restore: options.restore,
            showing: false,
            import: None,
            saved: None,
            folder_dialog: None,
            ctx,
        };
        app.view.show_chart |= options.chart;
        app.view.show_matrix |= options.matrix;
        app.view.show_map |= options.map;
        let wanted = options.file.clone().or_else(|| app.view.last_path.clone());
        let same_file = wanted.is_some() && wanted == app.view.last_path;
        app.view.last_path = None;
        app.refresh();
        app.apply(Command::Fit);
        if let Some(path) = wanted.filter(|path| !app.loading.is_reading(path)) {
            app.open(&path);
        }
        if app.screenshot.is_some() {
            // The picture is of the file asked for: no frame is spent on a
            // progress bar that nobody watches.
            app.wait_for_loading();
        }
        app.showing = !app.loading.is_busy();
        if app.doc.path.is_none() && !app.loading.is_busy() {
            app.find_journal();
        }
        let restore_now = options.file.is_none() && app.view.last_path.is_none();
        if !app.loading.is_busy() && (same_file || restore_now) {
            app.restore_place(place);
        } else if same_file {
            app.loading.restore_when_done(place);
        }
        app
    }

    /// The view as it is saved between runs.
    fn kept_state(&self) -> KeptState {
        (
            self.view.clone(),
            self.viewport.range,
            self.viewport.selected,
        )
    }

    /// Asks for a frame in time for the next save when the view changed since
    /// the last one (eframe saves during frames; an idle window has none).
    fn save_soon(&self, ctx: &egui::Context) {
        if self.restore && self.saved.as_ref() != Some(&self.kept_state()) {
            ctx.request_repaint_after(SAVE_EVERY + std::time::Duration::from_millis(100));
        }
    }

    /// Puts the view where it stood at the last exit.
    fn restore_place(&mut self, (range, selection): SavedPlace) {
        if let Some(range) = range {
            self.viewport.range = TimeRange::new(range.start, range.end);
        }
        self.viewport.selected = selection.and_then(|id| self.event_by_id(&id));
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The visible stretch of time.
    pub fn visible_range(&self) -> TimeRange {
        self.viewport.range
    }

    /// The selected event.
    pub fn selected(&self) -> Option<EventIdx> {
        self.viewport.selected
    }

    /// The id of the person whose roles the details panel shows.
    pub fn shown_person(&self) -> Option<&str> {
        self.viewport.person.as_deref()
    }

    /// Actor `id`'s events that the filters show, at a glance: by kind, its
    /// counterparts, its first and last (its people's too while members are included).
    pub fn actor_summary(&self, id: &str) -> ActorSummary {
        let members = self.view.filter.include_members;
        let own = Filter {
            actors: [id.to_string()].into(),
            include_members: members,
            ..Filter::default()
        };
        let mut events = self.doc.query.matching(&own);
        events.intersect_with(&self.filtered.matched);
        let dataset = self.doc.dataset();
        self.doc
            .counts()
            .actor_summary(dataset, self.doc.index(), id, &events, members)
    }

    /// The problems of the last file that failed to load, if they are shown.
    pub fn problems(&self) -> Option<&LoadProblems> {
        self.problems.as_ref()
    }

    /// The facet counts under the current filter.
    pub fn facet_counts(&self) -> &FacetCounts {
        &self.filtered.counts
    }

    /// The events the filter shows, in time order.
    pub fn shown_events(&self) -> &[EventIdx] {
        &self.filtered.list
    }

    /// True while the export dialog is open.
    pub fn export_dialog_open(&self) -> bool {
        self.export.open
    }

    /// The viewer's own open dialog, while it is shown.
    pub fn folder_dialog(&self) -> Option<&FolderDialog> {
        self.folder_dialog.as_ref()
    }

    /// The spreadsheet being mapped in the import dialog.
    pub fn import_draft(&self) -> Option<&ImportDraft> {
        self.import.as_ref()
    }

    /// The notice left by the last export: what was written, or why not.
    pub fn notice(&self) -> Option<&Result<String, String>> {
        self.export.notice.as_ref()
    }

    /// The file being read on a worker thread and how far it got (0 to 1).
    pub fn loading(&self) -> Option<(&Path, f32)> {
        self.loading.progress()
    }

    /// The lanes as drawn, top to bottom.
    pub fn lane_labels(&self) -> Vec<&str> {
        self.viewport.lanes.visible_labels()
    }

    /// The event with this id.
    pub fn event_by_id(&self, id: &str) -> Option<EventIdx> {
        self.doc.event_position(id)
    }

    /// Where the glyph of an event was drawn in the last frame (its first lane).
    pub fn glyph_position(&self, event: EventIdx) -> Option<egui::Pos2> {
        let canvas = &self.viewport.canvas;
        let axis = canvas.axis?;
        let ev = self.doc.dataset().events.get(event as usize)?;
        let x = axis.x_from_time(glyph_time(ev)) as f32;
        canvas
            .hits
            .iter()
            .find(|h| h.event == event)
            .map(|h| egui::pos2(x, h.rect.center().y))
    }

    /// The canvas state of the last frame (its layout, for level-of-detail checks).
    pub fn canvas(&self) -> &CanvasState {
        &self.viewport.canvas
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Open(_) | Command::OpenDialog | Command::Quit => self.leave(command),
            Command::Edit(command) => self.apply_edit_command(command),
            Command::Browse(folder) => self.browse(folder),
            Command::BrowsedTo(path) => self.browsed_to(path),
            Command::Reload => self.reload(),
            Command::CancelLoad => self.loading.cancel(),
            Command::Select(event) => {
                self.viewport.selected =
                    event.filter(|&e| (e as usize) < self.doc.dataset().events.len());
                self.viewport.person = None;
            }
            Command::ShowPerson(id) => {
                self.viewport.person = id.filter(|id| self.doc.dataset().actor(id).is_some());
                self.viewport.selected = None;
            }
            Command::SelectNext | Command::SelectPrevious => {
                self.select_step(command == Command::SelectNext);
            }
            Command::ZoomTo(range) => {
                self.viewport.range = TimeRange::new(range.start, range.end);
            }
            Command::ZoomBy { factor, anchor } => {
                let range = self.viewport.range;
                let anchor = anchor.unwrap_or_else(|| range.centre());
                self.viewport.range = range.zoomed_around(anchor, factor);
            }
            Command::Pan(seconds) => self.viewport.range = self.viewport.range.panned(seconds),
            Command::Fit => self.fit(),
            Command::FitEvent(event) => {
                if let Some(ev) = self.doc.dataset().events.get(event as usize) {
                    self.viewport.range = navigation::fit_event(ev);
                    self.viewport.selected = Some(event);
                }
            }
            Command::ZoomToPeriod => {
                let (start, end) = self.view.filter.period.span();
                if let Some(range) = navigation::fit_period(start, end, self.filtered.fitted) {
                    self.viewport.range = range;
                }
            }
            Command::SetLanes(mode) => {
                self.view.lanes = mode;
                self.rebuild_lanes();
            }
            Command::ToggleLane(key) => {
                if !self.view.collapsed.remove(&key) {
                    self.view.collapsed.insert(key);
                }
                self.rebuild_lanes();
            }
            Command::SetFilter(filter) => {
                self.view.filter = filter;
                self.refresh();
            }
            Command::SetPeriod(period) => {
                self.view.filter.period = period;
                self.refresh();
            }
            Command::SetTheme(theme) => self.view.theme = theme,
            Command::ShowFilters(show) => self.view.hide_filters = !show,
            Command::ShowEras(show) => self.view.hide_eras = !show,
            Command::ShowCalendar(calendar) => self.view.calendar = calendar,
            Command::ShowPersianMonths(persian) => self.view.persian_months = persian,
            Command::ShowLaneNames(language) => self.view.lane_names = language,
            Command::HideEmptyLanes(hide) => {
                self.view.show_empty_lanes = !hide;
                self.hide_empty_lanes();
            }
            Command::Import(action) => self.apply_import(action),
            Command::ShowChart(_)
            | Command::ShowMatrix(_)
            | Command::ShowMap(_)
            | Command::Map(_)
            | Command::OpenAnalysisExport(_)
            | Command::CloseAnalysisExport
            | Command::ChooseAnalysisDestination { .. }
            | Command::ExportAnalysis { .. } => self.apply_analysis(command),
            Command::OpenExport => self.open_export(),
            Command::CloseExport => self.export.open = false,
            Command::ChooseExportDestination {
                suggested_name,
                format,
            } => self.choose_export_destination(&suggested_name, format),
            Command::Export {
                format,
                path,
                strict,
                overwrite,
            } => self.export(format, &path, strict, overwrite),
            Command::DismissNotice => self.export.notice = None,
            Command::ShowErrors => self.show_problems = true,
            Command::DismissErrors => self.dismiss_problems(),
        }
    }

    /// Hides the problems of the last file; forgets them unless a reload brought them.
    fn dismiss_problems(&mut self) {
        self.show_problems = false;
        if self.problems.as_ref().is_some_and(|p| !p.on_reload) {
            self.problems = None;
        }
    }

    /// Opens another file or closes the window, after asking about unsaved changes.
    fn leave(&mut self, command: Command) {
        match command {
            Command::Open(path) if !self.ask_before(Pending::Open(path.clone())) => {
                self.folder_dialog = None;
                self.open(&path);
                self.refresh();
            }
            Command::OpenDialog if !self.ask_before(Pending::OpenDialog) => self.open_dialog(),
            Command::Quit => {
                if !self.ask_before(Pending::Close)
                    && let Some(ctx) = &self.ctx
                {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            _ => {}
        }
    }

    /// Shows `folder` in the viewer's own file dialog, for what it was
    /// opened for (a file to open when it was not open); none closes it.
    fn browse(&mut self, folder: Option<PathBuf>) {
        let purpose = self
            .folder_dialog
            .take()
            .map_or(BrowseFor::Open, |dialog| dialog.purpose);
        self.folder_dialog =
            folder.map(|folder| FolderDialog::read(&folder, crate::import::is_openable, purpose));
    }

    /// The viewer's own file dialog, to save under `name` for `purpose`,
    /// where the system's dialog gave none at once (see [`NO_SYSTEM_DIALOG`]).
    pub(super) fn browse_for(&mut self, folder: &Path, purpose: BrowseFor) {
        self.folder_dialog = Some(FolderDialog::read(
            folder,
            crate::import::is_openable,
            purpose,
        ));
    }

    /// Takes the destination chosen in the viewer's own dialog.
    fn browsed_to(&mut self, path: PathBuf) {
        let Some(dialog) = self.folder_dialog.take() else {
            return;
        };
        let destination = path.display().to_string();
        match dialog.purpose {
            BrowseFor::Open => {}
            BrowseFor::Export(_) => self.view.export.destination = destination,
            BrowseFor::Analysis(..) => self.analysis.set_destination(destination),
        }
    }

    /// Asks for a dataset with the system's open dialog, starting in the open file's folder.
    fn open_dialog(&mut self) {
        let mut dialog = rfd::FileDialog::new().add_filter(
            "Datasets and chronologies",
            &crate::import::open_extensions(),
        );
        for (name, extensions) in crate::import::open_filters() {
            dialog = dialog.add_filter(name, &extensions);
        }
        let folder = self.doc.export_folder();
        dialog = dialog.set_directory(&folder);
        let asked = std::time::Instant::now();
        match dialog.pick_file() {
            Some(path) => self.apply(Command::Open(path)),
            // No one cancels a dialog this fast: there was none to show.
            None if asked.elapsed() < NO_SYSTEM_DIALOG => {
                self.browse_for(&folder, BrowseFor::Open);
            }
            None => {}
        }
    }

    /// Shows every shown event, with room on the right for the title of the
    /// last one, as wide as the canvas of the last frame allows.
    fn fit(&mut self) {
        let fitted = self.filtered.fitted;
        let index = self.doc.index();
        let last = self.filtered.list.iter().max_by_key(|&&e| {
            let [start, end] = index.bounds_at(index.rank_of(e) as u32);
            if crate::model::Moment(end).is_open() {
                start
            } else {
                end
            }
        });
        let title = last.and_then(|&e| self.doc.dataset().events.get(e as usize));
        self.viewport.range = match (self.viewport.canvas.axis, title) {
            // Titles are drawn at about 7 points a character, after a glyph of 16.
            (Some(axis), Some(event)) => {
                let label = 16.0 + 7.0 * event.title.chars().count() as f64;
                navigation::with_room_for_label(fitted, axis.width, label)
            }
            _ => fitted,
        };
    }

    /// Selects the shown event after (or before) the selection and keeps it in view.
    fn select_step(&mut self, forward: bool) {
        let next = navigation::step(
            self.doc.dataset(),
            self.doc.index(),
            &self.filtered.list,
            self.viewport.selected,
            self.viewport.range,
            forward,
        );
        let Some(next) = next else {
            return;
        };
        self.viewport.selected = Some(next);
        if let Some(event) = self.doc.dataset().events.get(next as usize) {
            self.viewport.range = navigation::keep_in_view(self.viewport.range, glyph_time(event));
        }
    }

    /// Builds the lanes again for the view's grouping and folds.
    fn rebuild_lanes(&mut self) {
        self.viewport
            .rebuild_lanes(&self.doc, self.view.lanes, &self.view.collapsed);
        self.hide_empty_lanes();
    }

    /// Hides the lanes the filter leaves empty, when asked to and a filter hides events.
    fn hide_empty_lanes(&mut self) {
        let hide = !self.view.show_empty_lanes && !self.filtered.all_shown;
        let shown = hide.then_some(&self.filtered.matched_ranks);
        self.viewport.hide_empty_lanes(shown);
    }

    /// Recomputes what the filter shows, when the filter or the document changed.
    fn refresh(&mut self) {
        if self
            .filtered
            .update(&self.doc, &self.view.filter, self.today)
        {
            self.viewport
                .shown_changed(&self.doc, self.view.lanes, &self.view.collapsed);
            self.hide_empty_lanes();
            self.analysis.forget();
            self.map.forget();
        }
    }

    /// Applies a command of the chart, the matrix or the map.
    fn apply_analysis(&mut self, command: Command) {
        match command {
            Command::ShowChart(show) => self.view.show_chart = show,
            Command::ShowMatrix(show) => self.view.show_matrix = show,
            Command::ShowMap(show) => self.view.show_map = show,
            Command::Map(action) => self.apply_map(action),
            Command::OpenAnalysisExport(view) => self.open_analysis_export(view),
            Command::CloseAnalysisExport => self.analysis.export = None,
            Command::ChooseAnalysisDestination { view, format } => {
                self.choose_analysis_destination(view, format);
            }
            Command::ExportAnalysis {
                view,
                format,
                path,
                overwrite,
            } => self.export_analysis(view, format, &path, overwrite),
            _ => {}
        }
    }
}
