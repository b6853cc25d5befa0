//! View ▸ Matrix: who deals with whom among the shown events, the initiating
//! side in rows and the receiving side in columns, shaded by count.
//!
//! Drawn by hand rather than with egui_plot: its heatmap has no named rows
//! and columns, and each cell here is a button (hover for its kinds, click
//! to filter to the pair).

use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Ui, pos2, vec2,
};

use crate::analysis::{Matrix, OTHERS};
use crate::command::{AnalysisView, Command};
use crate::export::{cell_colour, describe_cell};
use crate::model::{Dataset, EventKind};
use crate::query::Filter;

/// The side of a cell, in points.
const CELL: f32 = 22.0;

/// What the matrix draws.
pub(crate) struct MatrixInput<'a> {
    /// The dataset, for the actors' names.
    pub(crate) dataset: &'a Dataset,
    /// The kinds known to the counts, for their labels.
    pub(crate) kinds: &'a [EventKind],
    /// The top actors and the others, with the cells.
    pub(crate) matrix: &'a Matrix,
    /// The view's filter, which a click narrows to one pair.
    pub(crate) filter: &'a Filter,
    /// The number of events shown.
    pub(crate) events: usize,
    /// The most the grid may take in height before it scrolls.
    pub(crate) max_height: f32,
}

/// Shows the matrix with a line of explanation; what the user asked for.
pub(crate) fn matrix_ui(ui: &mut Ui, input: &MatrixInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let people = if input.filter.include_members {
        "people count as their country while in office"
    } else {
        "people count as themselves"
    };
    ui.horizontal(|ui| {
        let shown = crate::model::words::counted(input.events, "shown event", "shown events");
        ui.label(RichText::new(shown).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Export…")
                .on_hover_text("The matrix as SVG or PNG, or every pair as CSV")
                .clicked()
            {
                commands.push(Command::OpenAnalysisExport(AnalysisView::Matrix));
            }
        });
    });
    if input.matrix.actors.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("No shown event has actors on both sides.").weak());
        return commands;
    }
    ui.add(
        egui::Label::new(
            RichText::new(format!(
                "Rows initiate, columns receive; {people}. Hover a cell for its kinds, \
                 click it to show that pair's events."
            ))
            .weak(),
        )
        .wrap(),
    );
    let side = CELL * input.matrix.actors.len() as f32 + NAME_MAX + 24.0;
    egui::ScrollArea::both()
        .max_height(input.max_height)
        .min_scrolled_height(side.min(input.max_height))
        .min_scrolled_width(side.min(1000.0))
        .show(ui, |ui| commands.extend(grid_ui(ui, input)));
    commands
}

/// The name of a row or column.
fn actor_label<'a>(dataset: &'a Dataset, id: &'a str) -> &'a str {
    if id == OTHERS {
        "Others"
    } else {
        dataset.actor_name(id)
    }
}

/// The longest a row or column name may be, in points; longer ones end in "…".
const NAME_MAX: f32 = 220.0;

/// A name laid out on one line, cut to [`NAME_MAX`].
fn name_galley(ui: &Ui, name: &str, colour: Color32) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(
        name.to_string(),
        FontId::proportional(12.0),
        colour,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(NAME_MAX);
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// The names and the cells, each cell a button.
fn grid_ui(ui: &mut Ui, input: &MatrixInput) -> Option<Command> {
    let matrix = input.matrix;
    let n = matrix.actors.len();
    let colour = ui.visuals().text_color();
    let galleys: Vec<_> = matrix
        .actors
        .iter()
        .map(|a| name_galley(ui, actor_label(input.dataset, a), colour))
        .collect();
    let longest = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max) + 10.0;
    let span = CELL * n as f32;
    let size = vec2(longest + span, longest + span) + vec2(8.0, 8.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let origin = rect.min + vec2(longest, longest);
    let painter = ui.painter_at(rect);
    for (i, galley) in galleys.iter().enumerate() {
        let middle = (i as f32 + 0.5) * CELL;
        let height = galley.size().y;
        let row_at = pos2(
            origin.x - 6.0 - galley.size().x,
            origin.y + middle - height / 2.0,
        );
        painter.galley(row_at, galley.clone(), colour);
        let column_at = pos2(origin.x + middle - height / 2.0, origin.y - 6.0);
        painter.add(
            egui::epaint::TextShape::new(column_at, galley.clone(), colour)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
    let names: Vec<&str> = matrix
        .actors
        .iter()
        .map(|a| actor_label(input.dataset, a))
        .collect();
    let max = matrix.max_count();
    let mut command = None;
    for row in 0..n {
        for column in 0..n {
            let cell = Rect::from_min_size(
                origin + vec2(column as f32 * CELL, row as f32 * CELL),
                vec2(CELL, CELL),
            );
            let at = (row, column);
            if let Some(c) = cell_ui(ui, input, &names, cell, at, max, longest) {
                command = Some(c);
            }
        }
    }
    let grid = Rect::from_min_size(origin, vec2(span, span));
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    painter.rect_stroke(grid, 0.0, stroke, egui::StrokeKind::Outside);
    command
}

/// One cell: its shade and count, its description on hover, the pair filter on click.
fn cell_ui(
    ui: &mut Ui,
    input: &MatrixInput,
    names: &[&str],
    rect: Rect,
    (row, column): (usize, usize),
    max: u32,
    names_size: f32,
) -> Option<Command> {
    let matrix = input.matrix;
    let pair = matrix.cell(row, column);
    let (r, g, b) = cell_colour(pair.count, max);
    // An empty cell takes the theme's faint background rather than the figure's near-white.
    let fill = if pair.count == 0 {
        ui.visuals().faint_bg_color
    } else {
        Color32::from_rgb(r, g, b)
    };
    let painter = ui.painter();
    painter.rect_filled(rect.shrink(0.5), 0.0, fill);
    if pair.count > 0 {
        let light = f32::from(r) * 0.3 + f32::from(g) * 0.6 + f32::from(b) * 0.1 > 140.0;
        let ink = if light {
            Color32::from_gray(30)
        } else {
            Color32::WHITE
        };
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            pair.count.to_string(),
            FontId::proportional(if pair.count >= 1000 { 8.5 } else { 10.5 }),
            ink,
        );
    }
    let words = describe_cell(names[row], names[column], pair, input.kinds);
    let (from, to) = (&matrix.actors[row], &matrix.actors[column]);
    let pickable = pair.count > 0 && from != OTHERS && to != OTHERS;
    let sense = if pickable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let id = ui.scope_id().with(("matrix cell", row, column));
    let response = ui.interact(rect, id, sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, pickable, &words));
    if response.hovered() {
        let outline = Shape::rect_stroke(
            rect,
            0.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
        ui.painter().add(outline);
        cross_hair(ui, rect, (row, column), matrix.actors.len(), names_size);
    }
    let response = response.on_hover_ui_at_pointer(|ui| {
        ui.label(&words);
        if pickable {
            ui.label(RichText::new("Click to show these events").weak());
        }
    });
    if !response.clicked() {
        return None;
    }
    let mut filter = input.filter.clone();
    filter.actors = [from.clone(), to.clone()].into();
    filter.all_actors = true;
    Some(Command::SetFilter(filter))
}

/// Tints the row and column of the hovered cell, so its names are easy to find.
fn cross_hair(ui: &Ui, cell: Rect, (row, column): (usize, usize), n: usize, names: f32) {
    let tint = ui.visuals().selection.bg_fill.gamma_multiply(0.18);
    let origin: Pos2 = cell.min - vec2(column as f32 * CELL, row as f32 * CELL);
    let span = CELL * n as f32;
    let row_band =
        Rect::from_min_size(pos2(origin.x - names, cell.min.y), vec2(names + span, CELL));
    let column_band =
        Rect::from_min_size(pos2(cell.min.x, origin.y - names), vec2(CELL, names + span));
    ui.painter().rect_filled(row_band, 0.0, tint);
    ui.painter().rect_filled(column_band, 0.0, tint);
}
