//! What a screen reader hears of the canvas.

use eframe::egui::{self, Response};

use super::state::CanvasInput;

/// Names the canvas "Timeline", with the title of the selected event when there is one.
pub(super) fn describe(response: &Response, input: &CanvasInput) {
    let selected_title = input
        .selected
        .and_then(|e| input.dataset.events.get(e as usize))
        .map(|e| e.title.clone());
    response.widget_info(|| {
        let label = match &selected_title {
            Some(title) => format!("Timeline, selected: {title}"),
            None => "Timeline".to_string(),
        };
        egui::WidgetInfo::labeled(egui::Role::Canvas, true, label)
    });
}
