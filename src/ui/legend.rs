//! The legend: the glyph of every kind in the dataset, and how precision is drawn.

use eframe::egui::{Rect, Sense, Ui, vec2};

use super::glyphs::{dashed_rect, kind_style, paint_glyph};
use crate::model::EventKind;

/// Shows the legend on one line for `kinds`, the kinds that occur in the
/// dataset (from [`crate::query::QueryIndex::kinds_present`]).
pub fn legend_ui(ui: &mut Ui, kinds: &[&EventKind]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for &kind in kinds {
            let (shape, colour) = kind_style(kind);
            let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
            paint_glyph(
                ui.painter(),
                rect.center(),
                5.5,
                shape,
                colour,
                ui.visuals().extreme_bg_color,
            );
            ui.label(kind.label());
            ui.add_space(8.0);
        }
        ui.separator();
        let colour = ui.visuals().text_color();
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover());
        ui.painter()
            .rect_filled(rect, 2.0, colour.gamma_multiply(0.15));
        ui.label("year or month only");
        ui.add_space(8.0);
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover());
        ui.painter().add(dashed_rect(rect, colour, 3.0, 2.0));
        ui.label("uncertain");
        ui.add_space(8.0);
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover());
        ui.painter().rect_filled(
            Rect::from_center_size(rect.center(), vec2(26.0, 7.0)),
            3.0,
            colour.gamma_multiply(0.5),
        );
        ui.label("interval");
    });
}
