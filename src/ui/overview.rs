//! The overview strip: the density of the whole dataset over time, with the
//! visible window as a rectangle that can be dragged and resized.

use eframe::egui::{
    self, CursorIcon, Id, Mesh, Painter, Rect, Response, Sense, Stroke, StrokeKind, Ui, Visuals,
    vec2,
};

use crate::command::Command;
use crate::timeline::density::Density;
use crate::timeline::eras::EraBand;
use crate::timeline::ticks::year_label;
use crate::timeline::{TimeAxis, TimeRange};
use crate::ui::canvas::era_tint;
use crate::ui::density_bars::{BarArea, density_bars, density_colour};

/// The height of the strip, in points.
pub(crate) const OVERVIEW_HEIGHT: f32 = 54.0;
/// How close to an edge of the window a drag resizes it, in points.
const EDGE: f32 = 6.0;

/// Which part of the window rectangle a drag holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Grip {
    Left,
    Right,
    Body,
}

/// Shows the strip for `density` (the whole dataset over `full`), the `eras` behind it
/// and the visible `view`.
pub(crate) fn overview_ui(
    ui: &mut Ui,
    density: &Density,
    eras: &[EraBand],
    full: TimeRange,
    view: TimeRange,
) -> Vec<Command> {
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), OVERVIEW_HEIGHT - 8.0),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Overview"));
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let shown = TimeRange {
        start: full.start.min(view.start),
        end: full.end.max(view.end),
    };
    let axis = TimeAxis::new(shown, rect.left(), rect.width());
    era_bands(&painter, &axis, rect, eras, visuals.dark_mode);

    paint_density(&painter, visuals, &axis, density, rect);
    paint_years(&painter, visuals, shown, rect);
    let window = paint_window(&painter, visuals, &axis, view, rect);
    drag_window(ui, &response, &axis, view, window)
}

/// The density of the shown events as bars, one per column.
fn paint_density(
    painter: &Painter,
    visuals: &Visuals,
    axis: &TimeAxis,
    density: &Density,
    rect: Rect,
) {
    let area = BarArea {
        x: rect.x_range(),
        base: rect.bottom() - 2.0,
        room: rect.height() - 16.0,
    };
    let mut mesh = Mesh::default();
    density_bars(&mut mesh, axis, density, &area, density_colour(visuals));
    painter.add(egui::Shape::mesh(mesh));
}

/// The first and last year of the strip in its top corners.
fn paint_years(painter: &Painter, visuals: &Visuals, shown: TimeRange, rect: Rect) {
    let weak = visuals.weak_text_color();
    let font = egui::FontId::proportional(10.5);
    let year = |t: f64| year_label(crate::model::Moment(t.floor() as i64).to_civil().0);
    painter.text(
        rect.left_top() + vec2(4.0, 2.0),
        egui::Align2::LEFT_TOP,
        year(shown.start),
        font.clone(),
        weak,
    );
    painter.text(
        rect.right_top() + vec2(-4.0, 2.0),
        egui::Align2::RIGHT_TOP,
        year(shown.end),
        font,
        weak,
    );
}

/// The visible window as a rectangle over the strip; where it was drawn.
fn paint_window(
    painter: &Painter,
    visuals: &Visuals,
    axis: &TimeAxis,
    view: TimeRange,
    rect: Rect,
) -> Rect {
    let window = Rect::from_x_y_ranges(
        (axis.x_from_time(view.start) as f32).max(rect.left())
            ..=(axis.x_from_time(view.end) as f32)
                .min(rect.right())
                .max(rect.left() + 3.0),
        rect.y_range(),
    );
    let window = if window.width() < 4.0 {
        Rect::from_center_size(window.center(), vec2(4.0, window.height()))
    } else {
        window
    };
    painter.rect_filled(window, 2.0, visuals.selection.bg_fill.gamma_multiply(0.35));
    painter.rect_stroke(
        window,
        2.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        StrokeKind::Inside,
    );

    window
}

/// Dragging the window's body or edges, or clicking beside it: where the view goes.
fn drag_window(
    ui: &Ui,
    response: &Response,
    axis: &TimeAxis,
    view: TimeRange,
    window: Rect,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let grip_id = Id::unique("overview grip");
    if let Some(p) = response.hover_pos() {
        if (p.x - window.left()).abs() < EDGE || (p.x - window.right()).abs() < EDGE {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        } else if window.contains(p) {
            ui.ctx().set_cursor_icon(CursorIcon::Grab);
        }
    }
    if response.drag_started()
        && let Some(p) = response.interact_pointer_pos()
    {
        let grip = if (p.x - window.left()).abs() < EDGE {
            Grip::Left
        } else if (p.x - window.right()).abs() < EDGE {
            Grip::Right
        } else {
            Grip::Body
        };
        ui.data_mut(|d| d.insert_temp(grip_id, GripState(grip)));
        if grip == Grip::Body && !window.contains(p) {
            let centre = axis.time_from_x(f64::from(p.x));
            commands.push(Command::ZoomTo(view.panned(centre - view.centre())));
        }
    }
    if response.dragged() {
        let dx = f64::from(response.drag_delta().x) * axis.seconds_per_point();
        let grip = ui.data(|d| d.get_temp::<GripState>(grip_id)).map(|g| g.0);
        let next = match grip {
            Some(Grip::Left) if view.start + dx < view.end => {
                TimeRange::new(view.start + dx, view.end)
            }
            Some(Grip::Right) if view.end + dx > view.start => {
                TimeRange::new(view.start, view.end + dx)
            }
            _ => view.panned(dx),
        };
        if dx != 0.0 {
            commands.push(Command::ZoomTo(next));
        }
    }
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        let centre = axis.time_from_x(f64::from(p.x));
        commands.push(Command::ZoomTo(view.panned(centre - view.centre())));
    }
    commands
}

#[derive(Debug, Clone, Copy)]
struct GripState(Grip);

/// Paints the eras as bands the height of the strip, under the density.
fn era_bands(painter: &Painter, axis: &TimeAxis, rect: Rect, eras: &[EraBand], dark: bool) {
    for band in eras {
        let x0 = axis.x_clamped(band.start).max(rect.left());
        let x1 = axis.x_clamped(band.end).min(rect.right());
        if x1 > x0 {
            let band_rect = Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), rect.y_range());
            painter.rect_filled(band_rect, 0.0, era_tint(band, dark));
        }
    }
}
