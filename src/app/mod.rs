//! The viewer: an [`eframe::App`] that owns the open document and the view,
//! draws the panels and applies the [`Command`]s they return after the frame.

mod document;
mod exporting;
mod frame;
mod run;
mod screenshot;
mod view_state;
mod watch;

pub use document::Document;
pub use run::{ViewerError, ViewerOptions, run_viewer};
pub use screenshot::{ScreenshotError, write_png};
pub use view_state::ViewState;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use eframe::egui;

use crate::command::{Command, ThemeChoice};
use crate::dataset::BackgroundLoad;
use crate::index::EventIdx;
use crate::query::{self, FacetCounts, Filter};
use crate::timeline::density::Density;
use crate::timeline::time_axis::{DAY, YEAR};
use crate::timeline::{Lanes, TimeRange};
use crate::ui::canvas::{CanvasState, glyph_time};
use crate::ui::error_panel::LoadProblems;
use watch::FileWatcher;

/// Files of this size or larger are read on a worker thread, with a progress bar;
/// smaller ones are read at once.
pub const BACKGROUND_ABOVE: u64 = 4 * 1024 * 1024;

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
    /// Watch the open file and reload it when it changes.
    pub watch: bool,
    /// Read files of this many bytes or more on a worker thread
    /// ([`BACKGROUND_ABOVE`] when none); the headless app always reads at once.
    pub background_above: Option<u64>,
}

/// Where the outcome of `--screenshot` is left for the caller.
type ScreenshotSlot = Arc<Mutex<Option<Result<(), ScreenshotError>>>>;

/// Where `--screenshot` stands.
struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: ScreenshotSlot,
}

/// A file being read on a worker thread, and what to restore once it is in.
struct PendingLoad {
    load: BackgroundLoad<Document>,
    /// The view saved for this file at the last exit: its range and selection.
    restore: Option<(Option<TimeRange>, Option<String>)>,
}

/// The viewer application.
pub struct App {
    /// The saved view state; `view.filter` decides which events are shown.
    pub view: ViewState,
    doc: Document,
    selected: Option<EventIdx>,
    /// The person whose roles the details panel shows, when no event is selected.
    person: Option<String>,
    /// Events that pass the filter, in time order.
    shown_list: Vec<EventIdx>,
    /// One flag per event: does it pass the filter.
    matched: Vec<bool>,
    /// One flag per event: is it drawn (every event when the others are faded).
    shown: Vec<bool>,
    /// Facet counts under the applied filter.
    counts: FacetCounts,
    applied_filter: Option<Filter>,
    loading: Option<PendingLoad>,
    background_above: u64,
    export_open: bool,
    /// The destination the export dialog offered by itself, to renew it with the period.
    auto_destination: Option<String>,
    /// The export dialog's count, for the filter and strictness it was computed with.
    export_count: Option<(Filter, usize)>,
    /// What the last export did, shown above the canvas.
    notice: Option<Result<String, String>>,
    lanes: Lanes,
    /// The lanes are of another dataset (one was opened or reloaded).
    lanes_stale: bool,
    generation: u64,
    range: TimeRange,
    /// The range that shows every shown event.
    fitted: TimeRange,
    /// The range of the overview strip: the whole dataset.
    overview_full: TimeRange,
    canvas: CanvasState,
    overview: Density,
    problems: Option<LoadProblems>,
    show_problems: bool,
    today: Option<f64>,
    watch: bool,
    watcher: Option<FileWatcher>,
    screenshot: Option<ScreenshotJob>,
    title_sent: Option<String>,
    theme_applied: Option<ThemeChoice>,
    restore: bool,
    ctx: Option<egui::Context>,
}

impl App {
    /// Builds the app for eframe: restores the view when asked and opens the file.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> App {
        let view = if options.restore {
            cc.storage
                .and_then(|s| eframe::get_value::<ViewState>(s, eframe::APP_KEY))
                .unwrap_or_default()
        } else {
            ViewState::default()
        };
        let mut app = App::with_view(view, &options, true);
        app.ctx = Some(cc.egui_ctx.clone());
        app.restart_watcher();
        app
    }

    /// Builds the app without a window (for tests of the commands).
    pub fn headless(options: AppOptions) -> App {
        App::with_view(ViewState::default(), &options, false)
    }

    fn with_view(view: ViewState, options: &AppOptions, windowed: bool) -> App {
        let embedded = Document::embedded();
        let doc = match embedded {
            Ok(doc) => doc,
            // The embedded dataset is checked by the tests; an empty one is the last resort.
            Err(_) => Document::new(
                crate::model::Dataset {
                    title: "Empty".to_string(),
                    description: String::new(),
                    actors: Vec::new(),
                    topics: Vec::new(),
                    events: Vec::new(),
                    eras: Vec::new(),
                    actor_lookup: Default::default(),
                    topic_lookup: Default::default(),
                },
                None,
                crate::export::SourceInfo::embedded(),
            ),
        };
        let mut app = App {
            view,
            doc,
            selected: None,
            person: None,
            shown_list: Vec::new(),
            matched: Vec::new(),
            shown: Vec::new(),
            counts: FacetCounts::default(),
            applied_filter: None,
            loading: None,
            background_above: if windowed {
                options.background_above.unwrap_or(BACKGROUND_ABOVE)
            } else {
                u64::MAX
            },
            export_open: false,
            auto_destination: None,
            export_count: None,
            notice: None,
            lanes: Lanes::default(),
            lanes_stale: true,
            generation: 0,
            range: TimeRange::new(0.0, YEAR),
            fitted: TimeRange::new(0.0, YEAR),
            overview_full: TimeRange::new(0.0, YEAR),
            canvas: CanvasState::default(),
            overview: Density::default(),
            problems: None,
            show_problems: false,
            today: options.today,
            watch: options.watch,
            watcher: None,
            screenshot: options.screenshot.clone().map(|path| ScreenshotJob {
                path,
                frames: 0,
                requested: false,
                result: Arc::new(Mutex::new(None)),
            }),
            title_sent: None,
            theme_applied: None,
            restore: options.restore,
            ctx: None,
        };
        let saved_range = app.view.range;
        let saved_selection = app.view.selected_id.clone();
        let wanted = options.file.clone().or_else(|| app.view.last_path.clone());
        let same_file = wanted.is_some() && wanted == app.view.last_path;
        app.view.last_path = None;
        if let Some(path) = wanted {
            app.open(&path);
        }
        app.refresh();
        app.apply(Command::Fit);
        let restore_now = options.file.is_none() && app.view.last_path.is_none();
        if let Some(pending) = app.loading.as_mut() {
            if same_file {
                pending.restore = Some((saved_range, saved_selection));
            }
        } else if same_file || restore_now {
            app.restore_view(saved_range, saved_selection);
        }
        app
    }

    fn restore_view(&mut self, range: Option<TimeRange>, selection: Option<String>) {
        if let Some(range) = range {
            self.range = TimeRange::new(range.start, range.end);
        }
        self.selected = selection.and_then(|id| self.event_by_id(&id));
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The visible stretch of time.
    pub fn visible_range(&self) -> TimeRange {
        self.range
    }

    /// The selected event.
    pub fn selected(&self) -> Option<EventIdx> {
        self.selected
    }

    /// The id of the person whose roles the details panel shows.
    pub fn shown_person(&self) -> Option<&str> {
        self.person.as_deref()
    }

    /// The problems of the last file that failed to load, if they are shown.
    pub fn problems(&self) -> Option<&LoadProblems> {
        self.problems.as_ref()
    }

    /// The facet counts under the current filter.
    pub fn facet_counts(&self) -> &FacetCounts {
        &self.counts
    }

    /// The events the filter shows, in time order.
    pub fn shown_events(&self) -> &[EventIdx] {
        &self.shown_list
    }

    /// True while the export dialog is open.
    pub fn export_dialog_open(&self) -> bool {
        self.export_open
    }

    /// The notice left by the last export: what was written, or why not.
    pub fn notice(&self) -> Option<&Result<String, String>> {
        self.notice.as_ref()
    }

    /// The file being read on a worker thread and how far it got (0 to 1).
    pub fn loading(&self) -> Option<(&Path, f32)> {
        self.loading
            .as_ref()
            .map(|p| (p.load.path(), p.load.progress()))
    }

    /// The lanes as drawn, top to bottom.
    pub fn lane_labels(&self) -> Vec<&str> {
        self.lanes.visible_labels()
    }

    /// The event with this id.
    pub fn event_by_id(&self, id: &str) -> Option<EventIdx> {
        self.doc
            .dataset
            .events
            .iter()
            .position(|e| e.id == id)
            .map(|i| i as EventIdx)
    }

    /// Where the glyph of an event was drawn in the last frame (its first lane).
    pub fn glyph_position(&self, event: EventIdx) -> Option<egui::Pos2> {
        let axis = self.canvas.axis?;
        let ev = self.doc.dataset.events.get(event as usize)?;
        let x = axis.x_from_time(glyph_time(ev)) as f32;
        self.canvas
            .hits
            .iter()
            .find(|h| h.event == event)
            .map(|h| egui::pos2(x, h.rect.center().y))
    }

    /// The canvas state of the last frame (its layout, for level-of-detail checks).
    pub fn canvas(&self) -> &CanvasState {
        &self.canvas
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Open(path) => {
                self.open(&path);
                self.refresh();
            }
            Command::OpenDialog => {
                let mut dialog = rfd::FileDialog::new()
                    .add_filter("Datasets and chronologies", &crate::import::OPEN_EXTENSIONS);
                if let Some(folder) = self.doc.path.as_deref().and_then(Path::parent) {
                    dialog = dialog.set_directory(folder);
                }
                if let Some(path) = dialog.pick_file() {
                    self.apply(Command::Open(path));
                }
            }
            Command::Reload => self.reload(),
            Command::Select(event) => {
                self.selected = event.filter(|&e| (e as usize) < self.doc.dataset.events.len());
                self.person = None;
            }
            Command::ShowPerson(id) => {
                self.person = id.filter(|id| self.doc.dataset.actor(id).is_some());
                self.selected = None;
            }
            Command::SelectNext | Command::SelectPrevious => {
                let forward = command == Command::SelectNext;
                let next = self.step(forward);
                if next.is_some() {
                    self.selected = next;
                    self.keep_in_view();
                }
            }
            Command::ZoomTo(range) => self.range = TimeRange::new(range.start, range.end),
            Command::ZoomBy { factor, anchor } => {
                let anchor = anchor.unwrap_or_else(|| self.range.centre());
                self.range = self.range.zoomed_around(anchor, factor);
            }
            Command::Pan(seconds) => self.range = self.range.panned(seconds),
            Command::Fit => self.range = self.fit_range(),
            Command::FitEvent(event) => {
                if let Some(ev) = self.doc.dataset.events.get(event as usize) {
                    let glyph = glyph_time(ev);
                    let (start, end) = (ev.date.earliest().0, ev.date.latest().0);
                    let span = if ev.date.earliest().is_open() || ev.date.latest().is_open() {
                        30.0 * DAY
                    } else {
                        ((end - start) as f64 * 2.5).max(7.0 * DAY)
                    };
                    let centre = if ev.date.is_interval() {
                        (start as f64 + end as f64) / 2.0
                    } else {
                        glyph
                    };
                    self.range = TimeRange::new(centre - span / 2.0, centre + span / 2.0);
                    self.selected = Some(event);
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
            Command::SetTheme(theme) => self.view.theme = theme,
            Command::CancelLoad => self.loading = None,
            Command::SetFilter(filter) => {
                self.view.filter = filter;
                self.refresh();
            }
            Command::SetPeriod(period) => {
                self.view.filter.period = period;
                self.refresh();
            }
            Command::ZoomToPeriod => {
                let (start, end) = self.view.filter.period.span();
                let fit = self.fit_range();
                let start = if start.is_open() {
                    fit.start
                } else {
                    start.0 as f64
                };
                let end = if end.is_open() { fit.end } else { end.0 as f64 };
                if end > start {
                    let margin = (end - start) * 0.02;
                    self.range = TimeRange::new(start - margin, end + margin);
                }
            }
            Command::ShowFilters(show) => self.view.hide_filters = !show,
            Command::OpenExport => self.open_export(),
            Command::CloseExport => self.export_open = false,
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
            Command::DismissNotice => self.notice = None,
            Command::ShowErrors => self.show_problems = true,
            Command::DismissErrors => {
                self.show_problems = false;
                if self.problems.as_ref().is_some_and(|p| !p.on_reload) {
                    self.problems = None;
                }
            }
        }
    }

    /// Opens `path`, on a worker thread when it is large; on failure keeps
    /// the open document and shows the problems.
    fn open(&mut self, path: &Path) {
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= self.background_above);
        if large {
            let load = BackgroundLoad::start_with(path, Document::loaded_from);
            self.loading = Some(PendingLoad {
                load,
                restore: None,
            });
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint();
            }
            return;
        }
        // A file opened directly replaces one still being read.
        self.loading = None;
        let loaded = Document::load(path);
        self.opened(path, loaded);
    }

    /// Takes the document of a finished background load.
    fn poll_loading(&mut self) {
        let Some(pending) = self.loading.as_mut() else {
            return;
        };
        let Some(loaded) = pending.load.poll() else {
            return;
        };
        let path = pending.load.path().to_path_buf();
        let restore = pending.restore.take();
        self.loading = None;
        let ok = loaded.is_ok();
        self.opened(&path, loaded);
        if let (true, Some((range, selection))) = (ok, restore) {
            self.restore_view(range, selection);
        }
    }

    /// Shows a freshly loaded document, or the problems of the file.
    fn opened(&mut self, path: &Path, loaded: Result<Document, crate::dataset::DatasetError>) {
        match loaded {
            Ok(doc) => {
                let old_selected = self.selected_id();
                self.doc = doc;
                self.problems = None;
                self.show_problems = false;
                self.view.last_path = Some(path.to_path_buf());
                self.view.remember(path.to_path_buf());
                self.selected = old_selected.and_then(|id| self.event_by_id(&id));
                self.forget_unknown_filter_ids();
                self.applied_filter = None;
                self.lanes_stale = true;
                self.export_count = None;
                self.refresh();
                self.range = self.fit_range();
                self.restart_watcher();
            }
            Err(error) => {
                self.problems = Some(LoadProblems {
                    file: path.display().to_string(),
                    lines: error.lines(),
                    on_reload: false,
                });
                self.show_problems = true;
            }
        }
    }

    /// Drops the actors and topics of the filter that the open dataset does not
    /// have (a filter saved with another dataset), so that they cannot hide everything.
    fn forget_unknown_filter_ids(&mut self) {
        let dataset = &self.doc.dataset;
        let filter = &mut self.view.filter;
        filter.actors.retain(|id| dataset.actor(id).is_some());
        filter.topics.retain(|id| dataset.topic(id).is_some());
    }

    /// Reads the open file again, keeping the view and the selection; an invalid
    /// version leaves the last good one on screen under a banner.
    fn reload(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        let Ok(bytes) = std::fs::read(&path) else {
            return;
        };
        let name = path.display().to_string();
        let source = crate::export::SourceInfo::of_bytes(&name, &bytes);
        if source == self.doc.source && self.problems.is_none() {
            return;
        }
        let loaded = crate::dataset::open_bytes(&name, &bytes, crate::import::FormatChoice::Auto)
            .map(|dataset| Document::new(dataset, Some(path.clone()), source));
        match loaded {
            Ok(doc) => {
                let selected = self.selected_id();
                self.doc = doc;
                self.selected = selected.and_then(|id| self.event_by_id(&id));
                self.problems = None;
                self.show_problems = false;
                self.applied_filter = None;
                self.lanes_stale = true;
                self.export_count = None;
                self.refresh();
            }
            Err(error) => {
                self.problems = Some(LoadProblems {
                    file: path.display().to_string(),
                    lines: error.lines(),
                    on_reload: true,
                });
            }
        }
    }

    fn restart_watcher(&mut self) {
        self.watcher = None;
        if !self.watch {
            return;
        }
        let (Some(path), Some(ctx)) = (self.doc.path.clone(), self.ctx.clone()) else {
            return;
        };
        self.watcher = FileWatcher::new(&path, move || ctx.request_repaint()).ok();
    }

    fn selected_id(&self) -> Option<String> {
        self.selected
            .and_then(|e| self.doc.dataset.events.get(e as usize))
            .map(|e| e.id.clone())
    }

    /// Recomputes what the filter shows, when the filter or the dataset changed.
    fn refresh(&mut self) {
        if self.applied_filter.as_ref() == Some(&self.view.filter) {
            return;
        }
        let dataset = &self.doc.dataset;
        let filter = &self.view.filter;
        self.shown_list = query::select(dataset, &self.doc.query, filter);
        self.counts = self.doc.query.facet_counts(filter);
        self.matched = vec![false; dataset.events.len()];
        for &e in &self.shown_list {
            self.matched[e as usize] = true;
        }
        self.shown = if filter.fade_unmatched {
            vec![true; dataset.events.len()]
        } else {
            self.matched.clone()
        };
        self.applied_filter = Some(self.view.filter.clone());
        self.fitted = self.compute_fit_range();
        self.overview_full = self.overview_range();
        self.rebuild_overview();
        if self.lanes_stale {
            self.rebuild_lanes();
        } else {
            // The lanes do not depend on the filter: only the layout changes.
            self.generation += 1;
            self.canvas.invalidate();
        }
    }

    fn rebuild_lanes(&mut self) {
        self.lanes = Lanes::build(&self.doc.dataset, self.view.lanes, &self.view.collapsed);
        self.lanes_stale = false;
        self.generation += 1;
        self.canvas.invalidate();
    }

    fn rebuild_overview(&mut self) {
        let full = self.overview_range();
        let buckets = 600;
        let mut density = Density::new(full.start, full.span() / buckets as f64, buckets);
        for &e in &self.shown_list {
            let date = &self.doc.dataset.events[e as usize].date;
            let start = if date.earliest().is_open() {
                full.start
            } else {
                date.earliest().0 as f64
            };
            let end = if date.latest().is_open() {
                full.end
            } else {
                date.latest().0 as f64
            };
            density.add(start, end);
        }
        self.overview = density;
    }

    /// The range that shows every shown event, with a margin.
    fn fit_range(&self) -> TimeRange {
        self.fitted
    }

    /// Computes [`App::fit_range`] from the shown events.
    fn compute_fit_range(&self) -> TimeRange {
        let dataset = &self.doc.dataset;
        let mut bounds: Option<(f64, f64)> = None;
        for &e in &self.shown_list {
            let date = &dataset.events[e as usize].date;
            let start = date.sort_key().0 as f64;
            let end = if date.latest().is_open() {
                start
            } else {
                date.latest().0 as f64
            };
            bounds = Some(match bounds {
                Some((a, b)) => (a.min(start), b.max(end)),
                None => (start, end),
            });
        }
        self.with_margin(bounds)
    }

    /// The range the overview strip spans: the whole dataset, whatever the filter.
    fn overview_range(&self) -> TimeRange {
        let extent = self.doc.index().extent(&self.doc.dataset);
        self.with_margin(extent.map(|(start, end)| (start.0 as f64, end.0 as f64)))
    }

    /// `bounds` widened a little (more on the right, for the titles of the
    /// last events); a year around today when there is nothing.
    fn with_margin(&self, bounds: Option<(f64, f64)>) -> TimeRange {
        match bounds {
            Some((start, end)) => {
                let span = (end - start).max(DAY);
                // Room on the right for the titles of the last events.
                TimeRange::new(start - span * 0.03, end + span * 0.12)
            }
            None => {
                let now = self.today.unwrap_or(0.0);
                TimeRange::new(now - YEAR, now + YEAR)
            }
        }
    }

    /// The shown event after (or before) the selection in time.
    fn step(&self, forward: bool) -> Option<EventIdx> {
        let index = self.doc.index();
        let list = &self.shown_list;
        let Some(current) = self.selected else {
            // Without a selection: the first event in view (or the last before its end).
            return if forward {
                list.iter()
                    .copied()
                    .find(|&e| glyph_time(&self.doc.dataset.events[e as usize]) >= self.range.start)
                    .or(list.first().copied())
            } else {
                list.iter()
                    .rev()
                    .copied()
                    .find(|&e| glyph_time(&self.doc.dataset.events[e as usize]) < self.range.end)
                    .or(list.last().copied())
            };
        };
        let rank = index.rank_of(current);
        let at = list.partition_point(|&e| index.rank_of(e) <= rank);
        if forward {
            list.get(at).copied()
        } else {
            let before = list.partition_point(|&e| index.rank_of(e) < rank);
            before.checked_sub(1).map(|i| list[i])
        }
    }

    /// Pans so that the selected event is in the middle part of the view.
    fn keep_in_view(&mut self) {
        let Some(event) = self
            .selected
            .and_then(|e| self.doc.dataset.events.get(e as usize))
        else {
            return;
        };
        let t = glyph_time(event);
        let margin = self.range.span() * 0.1;
        if t < self.range.start + margin || t > self.range.end - margin {
            self.range = self.range.panned(t - self.range.centre());
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) -> bool {
        let loading = self.loading.is_some();
        let Some(job) = self.screenshot.as_mut() else {
            return false;
        };
        ctx.request_repaint();
        if loading {
            // The picture is of the dataset asked for, not of the progress bar.
            return true;
        }
        job.frames += 1;
        ctx.request_repaint();
        if job.frames >= 4 && !job.requested {
            job.requested = true;
            let path = job.path.clone();
            let result = Arc::clone(&job.result);
            let closer = ctx.clone();
            ctx.request_screenshot(move |image| {
                let written = write_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(written);
                }
                closer.send_viewport_cmd(egui::ViewportCommand::Close);
                closer.request_repaint();
            });
        }
        true
    }

    /// The outcome of `--screenshot`, once the window has closed.
    fn screenshot_result(&self) -> Option<ScreenshotSlot> {
        self.screenshot.as_ref().map(|j| Arc::clone(&j.result))
    }
}
