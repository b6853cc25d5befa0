//! The gutter on the left: each lane's name, indented under its parent, with a
//! triangle that folds a country's people into it.

use eframe::egui::{
    self, Align2, FontId, Painter, Pos2, Rect, Sense, Shape, Stroke, TextFormat, Ui, pos2, vec2,
};

use super::frame::{Canvas, GUTTER};
use super::lanes::LaneRows;
use super::state::CanvasInput;
use crate::command::Command;
use crate::timeline::lanes::Lane;
use crate::timeline::layout::LaneContent;
use crate::timeline::marks::lane_height::{LANE_PAD, ROW_HEIGHT};
use crate::ui::bidi::visual_job;

/// Paints the lane names over the lanes' left ends; the lanes folded or unfolded.
pub(super) fn gutter(
    ui: &Ui,
    painter: &Painter,
    canvas: &Canvas,
    input: &CanvasInput,
    rows: &LaneRows,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let (rect, visuals) = (canvas.rect, &canvas.visuals);
    let lanes_top = canvas.lanes_rect.top();
    let gutter = Rect::from_min_max(
        pos2(rect.left(), lanes_top),
        pos2(rect.left() + GUTTER, rect.bottom()),
    );
    let gutter_painter = painter.with_clip_rect(gutter);
    gutter_painter.rect_filled(gutter, 0.0, visuals.panel_fill);
    painter.vline(
        gutter.right(),
        rect.y_range(),
        visuals.widgets.noninteractive.bg_stroke,
    );
    let (text, weak) = (visuals.text_color(), visuals.weak_text_color());
    for (i, header) in rows.rects(rect.left(), GUTTER) {
        if header.bottom() < lanes_top || header.top() > rect.bottom() {
            continue;
        }
        let lane_layout = &rows.layout.lanes[i];
        let lane = &input.lanes.lanes[lane_layout.lane];
        let height = header.height();
        gutter_painter.hline(
            header.x_range(),
            header.bottom(),
            Stroke::new(1.0, canvas.grid_colour()),
        );
        let indent = 10.0 + 16.0 * f32::from(lane.depth);
        let mid = header.top() + ROW_HEIGHT.min(height) / 2.0 + LANE_PAD.min(height / 4.0);
        if lane.has_children {
            let open = !input.collapsed.contains(&lane.key);
            let centre = pos2(rect.left() + indent + 4.0, mid);
            gutter_painter.add(Shape::convex_polygon(
                fold_triangle(centre, open),
                weak,
                Stroke::NONE,
            ));
        }
        let split = rect.left() + indent + 12.0;
        let label = lane.label_in(input.dataset, input.lane_names);
        commands.extend(header_buttons(
            ui,
            input,
            (lane, label),
            header.intersect(gutter),
            split,
        ));
        let (font, colour) = if lane.depth == 0 {
            (FontId::proportional(13.5), text)
        } else {
            (FontId::proportional(12.5), weak)
        };
        let label_x = rect.left() + indent + 16.0;
        let mut job = visual_job(label, TextFormat::simple(font, colour));
        job.wrap.max_width = GUTTER - (label_x - rect.left()) - 6.0;
        let galley = gutter_painter.layout_job(job);
        let label_pos = pos2(label_x, mid - galley.size().y.min(ROW_HEIGHT * 2.0) / 2.0);
        gutter_painter.galley(label_pos, galley, colour);
        if matches!(lane_layout.content, LaneContent::Density(_)) {
            gutter_painter.text(
                pos2(rect.left() + GUTTER - 6.0, header.bottom() - 3.0),
                Align2::RIGHT_BOTTOM,
                "density",
                FontId::proportional(10.0),
                weak,
            );
        }
    }
    commands
}

/// The buttons of a lane's header: the fold triangle left of `split`, and
/// the actor's name, which shows it at a glance (a person with their roles).
/// Screen readers know them by `label`, the lane's name as shown.
fn header_buttons(
    ui: &Ui,
    input: &CanvasInput,
    (lane, label): (&Lane, &str),
    header: Rect,
    split: f32,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if lane.has_children {
        let open = !input.collapsed.contains(&lane.key);
        let triangle = Rect::from_min_max(header.min, pos2(split, header.bottom()));
        let toggle = ui.interact(
            triangle,
            ui.scope_id().with(("lane toggle", &lane.key)),
            Sense::click(),
        );
        let action = if open { "Collapse" } else { "Expand" };
        let name = format!("{action} {label}");
        toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if toggle.clicked() {
            commands.push(Command::ToggleLane(lane.key.clone()));
        }
    }
    if let Some(person) = &lane.person
        && !lane.has_children
    {
        commands.extend(crate::ui::person_details::person_lane_header_ui(
            ui, header, person, label,
        ));
    } else if let Some(actor) = lane.key.strip_prefix("actor:").filter(|id| !id.is_empty()) {
        let name = Rect::from_min_max(pos2(split, header.top()), header.max);
        commands.extend(crate::ui::person_details::actor_lane_header_ui(
            ui, name, actor, label,
        ));
    }
    commands
}

/// The triangle before a lane with lanes under it: pointing down when they are shown.
fn fold_triangle(c: Pos2, open: bool) -> Vec<Pos2> {
    if open {
        vec![
            c + vec2(-4.0, -2.5),
            c + vec2(4.0, -2.5),
            c + vec2(0.0, 3.5),
        ]
    } else {
        vec![
            c + vec2(-2.5, -4.0),
            c + vec2(3.5, 0.0),
            c + vec2(-2.5, 4.0),
        ]
    }
}
