//! The viewer: an [`eframe::App`] that owns the open document and the view,
//! draws the panels and applies the [`Command`]s they return after the frame.

mod document;
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

use eframe::egui::{self, Key, Ui};

use crate::command::{Command, ThemeChoice};
use crate::index::EventIdx;
use crate::query::{self, Filter};
use crate::timeline::density::Density;
use crate::timeline::time_axis::{DAY, YEAR};
use crate::timeline::{Lanes, TimeRange};
use crate::ui::canvas::{CanvasInput, CanvasState, canvas_ui, glyph_time};
use crate::ui::error_panel::{LoadProblems, error_panel_ui, reload_banner_ui};
use crate::ui::{details_panel, legend, overview, toolbar};
use watch::FileWatcher;

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

/// The viewer application.
pub struct App {
    /// The saved view state; `view.filter` decides which events are shown.
    pub view: ViewState,
    doc: Document,
    selected: Option<EventIdx>,
    /// Events that pass the filter, in time order.
    shown_list: Vec<EventIdx>,
    shown: Vec<bool>,
    applied_filter: Option<Filter>,
    lanes: Lanes,
    generation: u64,
    range: TimeRange,
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
        let mut app = App::with_view(view, &options);
        app.ctx = Some(cc.egui_ctx.clone());
        app.restart_watcher();
        app
    }

    /// Builds the app without a window (for tests of the commands).
    pub fn headless(options: AppOptions) -> App {
        App::with_view(ViewState::default(), &options)
    }

    fn with_view(view: ViewState, options: &AppOptions) -> App {
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
                },
                None,
                Vec::new(),
            ),
        };
        let mut app = App {
            view,
            doc,
            selected: None,
            shown_list: Vec::new(),
            shown: Vec::new(),
            applied_filter: None,
            lanes: Lanes::default(),
            generation: 0,
            range: TimeRange::new(0.0, YEAR),
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
        if same_file || (options.file.is_none() && app.view.last_path.is_none()) {
            if let Some(range) = saved_range {
                app.range = TimeRange::new(range.start, range.end);
            }
            app.selected = saved_selection.and_then(|id| app.event_by_id(&id));
        }
        app
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

    /// The problems of the last file that failed to load, if they are shown.
    pub fn problems(&self) -> Option<&LoadProblems> {
        self.problems.as_ref()
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
                let mut dialog = rfd::FileDialog::new().add_filter("Annals dataset", &["ron"]);
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
            Command::ShowErrors => self.show_problems = true,
            Command::DismissErrors => {
                self.show_problems = false;
                if self.problems.as_ref().is_some_and(|p| !p.on_reload) {
                    self.problems = None;
                }
            }
        }
    }

    /// Opens `path`; on failure keeps the open document and shows the problems.
    fn open(&mut self, path: &Path) {
        match Document::load(path) {
            Ok(doc) => {
                let old_selected = self.selected_id();
                self.doc = doc;
                self.problems = None;
                self.show_problems = false;
                self.view.last_path = Some(path.to_path_buf());
                self.view.remember(path.to_path_buf());
                self.selected = old_selected.and_then(|id| self.event_by_id(&id));
                self.applied_filter = None;
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

    /// Reads the open file again, keeping the view and the selection; an invalid
    /// version leaves the last good one on screen under a banner.
    fn reload(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        let Ok(bytes) = std::fs::read(&path) else {
            return;
        };
        if bytes == self.doc.bytes && self.problems.is_none() {
            return;
        }
        match Document::load(&path) {
            Ok(doc) => {
                let selected = self.selected_id();
                self.doc = doc;
                self.selected = selected.and_then(|id| self.event_by_id(&id));
                self.problems = None;
                self.show_problems = false;
                self.applied_filter = None;
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
        self.shown_list = query::select(dataset, &self.doc.index, &self.view.filter);
        self.shown = vec![false; dataset.events.len()];
        for &e in &self.shown_list {
            self.shown[e as usize] = true;
        }
        self.applied_filter = Some(self.view.filter.clone());
        self.rebuild_overview();
        self.rebuild_lanes();
    }

    fn rebuild_lanes(&mut self) {
        self.lanes = Lanes::build(&self.doc.dataset, self.view.lanes, &self.view.collapsed);
        self.generation += 1;
        self.canvas.invalidate();
    }

    fn rebuild_overview(&mut self) {
        let full = self.fit_range();
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
        let index = &self.doc.index;
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

    fn keyboard(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if ctx.egui_wants_keyboard_input() {
            return commands;
        }
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::COMMAND, Key::O) {
                commands.push(Command::OpenDialog);
            }
            let span = self.range.span();
            let pressed = |i: &egui::InputState, key| i.key_pressed(key) && i.modifiers.is_none();
            if pressed(i, Key::ArrowLeft) {
                commands.push(Command::Pan(-span * 0.1));
            }
            if pressed(i, Key::ArrowRight) {
                commands.push(Command::Pan(span * 0.1));
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                commands.push(Command::ZoomBy {
                    factor: toolbar::ZOOM_STEP,
                    anchor: None,
                });
            }
            if i.key_pressed(Key::Minus) {
                commands.push(Command::ZoomBy {
                    factor: 1.0 / toolbar::ZOOM_STEP,
                    anchor: None,
                });
            }
            if pressed(i, Key::F) {
                commands.push(Command::Fit);
            }
            if pressed(i, Key::N) {
                commands.push(Command::SelectNext);
            }
            if pressed(i, Key::P) {
                commands.push(Command::SelectPrevious);
            }
            if i.key_pressed(Key::Escape) {
                commands.push(Command::Select(None));
            }
        });
        commands
    }

    fn status(&self) -> String {
        let total = self.doc.dataset.events.len();
        let shown = self.shown_list.len();
        let file = self
            .doc
            .path
            .as_ref()
            .map_or("embedded dataset".to_string(), |p| p.display().to_string());
        if shown == total {
            format!("{total} events · {file}")
        } else {
            format!("{shown} of {total} events · {file}")
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) -> bool {
        let Some(job) = self.screenshot.as_mut() else {
            return false;
        };
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

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();

        if self.watcher.as_ref().is_some_and(FileWatcher::changed) {
            commands.push(Command::Reload);
        }
        if self.theme_applied != Some(self.view.theme) {
            // The first frame leaves the theme to the system (or to the test harness).
            if self.theme_applied.is_some() || self.view.theme != ThemeChoice::System {
                ctx.set_theme(match self.view.theme {
                    ThemeChoice::System => egui::ThemePreference::System,
                    ThemeChoice::Light => egui::ThemePreference::Light,
                    ThemeChoice::Dark => egui::ThemePreference::Dark,
                });
            }
            self.theme_applied = Some(self.view.theme);
        }
        let title = self.doc.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
                .collect()
        });
        commands.extend(dropped.into_iter().take(1).map(Command::Open));
        commands.extend(self.keyboard(&ctx));
        self.refresh();

        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(toolbar::menu_bar_ui(ui, &self.view.recent));
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            commands.extend(toolbar::toolbar_ui(
                ui,
                self.view.lanes,
                self.view.theme,
                &self.status(),
            ));
            legend::legend_ui(ui, &self.doc.dataset);
            ui.add_space(2.0);
        });
        if let Some(problems) = self.problems.as_ref().filter(|p| p.on_reload) {
            egui::Panel::top("reload banner").show(ui, |ui| {
                commands.extend(reload_banner_ui(ui, problems));
            });
        }
        egui::Panel::bottom("overview")
            .exact_size(overview::OVERVIEW_HEIGHT)
            .show(ui, |ui| {
                ui.add_space(4.0);
                let full = self.fit_range();
                commands.extend(overview::overview_ui(ui, &self.overview, full, self.range));
            });
        if let (Some(problems), true) = (self.problems.as_ref(), self.show_problems) {
            egui::Panel::bottom("problems").show(ui, |ui| {
                ui.add_space(4.0);
                commands.extend(error_panel_ui(ui, problems, &self.doc.dataset.title));
                ui.add_space(4.0);
            });
        }
        if let Some(selected) = self.selected {
            egui::Panel::right("details")
                .default_size(380.0)
                .min_size(280.0)
                .max_size(560.0)
                .resizable(true)
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    commands.extend(details_panel::details_panel_ui(
                        ui,
                        &self.doc.dataset,
                        selected,
                    ));
                });
        }
        // A left side panel (filters) goes here, before the canvas takes the rest.
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let input = CanvasInput {
                dataset: &self.doc.dataset,
                index: &self.doc.index,
                lanes: &self.lanes,
                shown: &self.shown,
                generation: self.generation,
                range: self.range,
                selected: self.selected,
                today: self.today,
                collapsed: &self.view.collapsed,
            };
            commands.extend(canvas_ui(ui, &input, &mut self.canvas));
        });

        for command in commands {
            self.apply(command);
        }
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.restore {
            return;
        }
        self.view.range = Some(self.range);
        self.view.selected_id = self.selected_id();
        eframe::set_value(storage, eframe::APP_KEY, &self.view);
    }
}
