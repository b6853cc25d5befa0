//! Starting the viewer window.

use std::path::PathBuf;

use eframe::egui;

use super::loading::Loading;
use super::{App, AppOptions, BACKGROUND_ABOVE, ScreenshotError};

/// How `annals [FILE]` starts the window.
#[derive(Debug, Clone, Default)]
pub struct ViewerOptions {
    /// The dataset to open (the last one, or the embedded dataset, when none).
    pub(crate) file: Option<PathBuf>,
    /// Save a PNG of the window here once drawn, then exit.
    pub(crate) screenshot: Option<PathBuf>,
    /// The inner size of the window in points.
    pub(crate) size: Option<[f32; 2]>,
    /// Show the chart of events per period from the start.
    pub(crate) chart: bool,
    /// Show the actor matrix from the start.
    pub(crate) matrix: bool,
    /// Show the map from the start.
    pub(crate) map: bool,
}

/// Why the viewer could not run.
#[derive(Debug, thiserror::Error)]
pub enum ViewerError {
    /// The window could not be created.
    #[error("cannot open the window: {0}")]
    Window(String),
    /// The screenshot could not be saved.
    #[error(transparent)]
    Screenshot(#[from] ScreenshotError),
}

/// Opens the viewer window and runs until it closes.
pub fn run_viewer(options: ViewerOptions) -> Result<(), ViewerError> {
    let screenshot = options.screenshot.is_some();
    let asked_size = options.size;
    let size = asked_size.unwrap_or([1400.0, 900.0]);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Annals")
            .with_app_id("annals")
            .with_inner_size(size)
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: !screenshot,
        ..Default::default()
    };
    // A large file is read while the window opens.
    let mut reading = Loading::new(BACKGROUND_ABOVE);
    let early = options
        .file
        .as_deref()
        .filter(|path| reading.is_large(path));
    if let Some(path) = early {
        reading.start(path);
    }
    let app_options = AppOptions {
        file: options.file,
        restore: !screenshot,
        today: Some(chrono::Utc::now().timestamp() as f64),
        screenshot: options.screenshot,
        exit_after_screenshot: screenshot,
        watch: !screenshot,
        background_above: None,
        chart: options.chart,
        matrix: options.matrix,
        map: options.map,
        journal: eframe::storage_dir("annals")
            .filter(|_| !screenshot)
            .map(|folder| folder.join("journal")),
    };
    let mut result_slot = None;
    let slot = &mut result_slot;
    eframe::run_native(
        "annals",
        native,
        Box::new(move |cc| {
            if let Some([width, height]) = asked_size {
                // The window's last size, restored from the settings, yields to `--size`.
                let size = egui::vec2(width, height);
                cc.egui_ctx
                    .send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            }
            let app = App::reading(cc, app_options, Some(reading));
            *slot = app.screenshot_result();
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| ViewerError::Window(e.to_string()))?;
    match result_slot {
        None => Ok(()),
        Some(shared) => match shared.lock().ok().and_then(|mut r| r.take()) {
            Some(result) => result.map_err(ViewerError::from),
            None => Err(ScreenshotError::NotTaken.into()),
        },
    }
}
