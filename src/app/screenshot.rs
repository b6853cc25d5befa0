//! `--screenshot`: saving the window as a PNG, atomically.

use std::io::Write;
use std::path::Path;

use std::sync::Arc;

use eframe::egui::{self, ColorImage};

use super::{App, ScreenshotSlot};
use resvg::tiny_skia::{IntSize, Pixmap};

/// Why a screenshot could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    /// The image was empty.
    #[error("the window had no pixels to save")]
    Empty,
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    /// Writing or renaming the file failed.
    #[error("{}: cannot write the screenshot: {source}", path.display())]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The window closed before a frame was captured.
    #[error("the window closed before the screenshot was taken")]
    NotTaken,
}

/// Encodes `image` as PNG and writes it to `path` through a temporary file
/// in the same folder, so that `path` never holds half an image.
pub(crate) fn write_png(path: &Path, image: &ColorImage) -> Result<(), ScreenshotError> {
    let [w, h] = image.size;
    let size = IntSize::from_wh(w as u32, h as u32).ok_or(ScreenshotError::Empty)?;
    // Screenshots are opaque, so egui's premultiplied colours are what tiny-skia expects.
    let pixmap = Pixmap::from_vec(image.as_raw().to_vec(), size).ok_or(ScreenshotError::Empty)?;
    let png = pixmap
        .encode_png()
        .map_err(|e| ScreenshotError::Encode(e.to_string()))?;
    let write_error = |source| ScreenshotError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "screenshot.png".to_string());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(&png).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(write_error)
}

impl App {
    /// Counts the frames of `--screenshot` and asks for the picture once they have settled:
    /// the first frame, unless a window of its own (the chart, the matrix, the map) sizes
    /// itself in it. True while a screenshot is wanted.
    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) -> bool {
        let windows = self.view.show_chart || self.view.show_matrix || self.view.show_map;
        let settled = if windows { 2 } else { 1 };
        let Some(job) = self.screenshot.as_mut() else {
            return false;
        };
        job.frames += 1;
        ctx.request_repaint();
        if job.frames >= settled && !job.requested {
            job.requested = true;
            let path = job.path.clone();
            let result = Arc::clone(&job.result);
            let closer = ctx.clone();
            let exit_when_saved = job.exit_when_saved;
            ctx.request_screenshot(move |image| {
                let written = write_png(&path, &image);
                if exit_when_saved && written.is_ok() {
                    // Nothing is left to do: closing the window and freeing a million
                    // events would take a quarter of a second more.
                    crate::cache::wait_for_writes();
                    std::process::exit(0);
                }
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(written);
                }
                closer.send_viewport_cmd(egui::ViewportCommand::Close);
                closer.request_repaint();
            });
        }
        true
    }

    /// True once `--screenshot` has saved its picture (or failed to): the
    /// window has nothing more to draw and closes.
    pub(super) fn screenshot_taken(&self) -> bool {
        self.screenshot
            .as_ref()
            .is_some_and(|j| j.result.lock().is_ok_and(|r| r.is_some()))
    }

    /// The outcome of `--screenshot`, once the window has closed.
    pub(super) fn screenshot_result(&self) -> Option<ScreenshotSlot> {
        self.screenshot.as_ref().map(|j| Arc::clone(&j.result))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::Color32;

    #[test]
    fn a_screenshot_replaces_the_file_whole() {
        let folder = std::env::temp_dir().join(format!("annals-shot-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&folder);
        let path = folder.join("shot.png");
        let _ = std::fs::write(&path, b"old");
        let image = ColorImage::new([4, 3], vec![Color32::from_rgb(10, 20, 30); 12]);
        assert!(write_png(&path, &image).is_ok());
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        let leftovers = std::fs::read_dir(&folder).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let _ = std::fs::remove_dir_all(&folder);
    }
}
