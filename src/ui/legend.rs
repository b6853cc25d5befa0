//! The legend: the glyph of every kind in the dataset, and how precision is drawn.

use eframe::egui::{Rect, Sense, Ui, vec2};

use super::glyphs::{dashed_rect, kind_style, paint_glyph};
use crate::model::EventKind;
use crate::model::cameo::QuadClass;
use crate::timeline::kind_style::{is_cameo_kind, quad_colour};

/// Shows the legend on one line for `kinds`, the kinds that occur in the
/// dataset (from [`crate::query::QueryIndex::kinds_present`]).
pub(crate) fn legend_ui(ui: &mut Ui, kinds: &[&EventKind]) {
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
        if kinds.iter().any(|kind| is_cameo_kind(kind)) {
            quad_classes_ui(ui);
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

/// How CAMEO kinds are coloured: a swatch per QuadClass.
fn quad_classes_ui(ui: &mut Ui) {
    ui.separator();
    ui.label("CAMEO kinds by class:")
        .on_hover_text("Kinds named by a CAMEO label take the colour of their QuadClass; the shape tells the root (Demand, Threaten, …)");
    for quad in QuadClass::ALL {
        let c = quad_colour(quad);
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        ui.painter()
            .rect_filled(rect, 2.0, eframe::egui::Color32::from_rgb(c.r, c.g, c.b));
        ui.label(quad.label());
        ui.add_space(6.0);
    }
}
