//! The timeline canvas: the calendar axis, the lanes with their events, and
//! the zoom, pan, hover and click that drive them.

use std::collections::{BTreeSet, HashMap};

use eframe::egui::{
    self, Align2, Color32, CornerRadius, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke,
    StrokeKind, Ui, pos2, vec2,
};

use super::glyphs::{dashed_rect, kind_style, paint_glyph};
use crate::command::Command;
use crate::index::{EventIdx, TimeIndex};
use crate::model::{Dataset, Event, Moment, Precision};
use crate::query::Period;
use crate::timeline::layout::{
    GLYPH_RADIUS, LABEL_PAD, LaneContent, Layout, LayoutKey, event_times,
};
use crate::timeline::period_pick::snapped_period;
use crate::timeline::ticks::{LABEL_OFFSET, calendar_ticks};
use crate::timeline::{Lanes, TimeAxis, TimeRange};

/// Width of the lane labels at the left, in points.
pub const GUTTER: f32 = 200.0;
/// Height of the time axis at the top, in points.
pub const AXIS_HEIGHT: f32 = 44.0;
/// Height of one row of events.
const ROW_HEIGHT: f32 = 22.0;
/// Space above and below the rows of a lane.
const LANE_PAD: f32 = 6.0;
/// Room under a person's events for the caption of their role.
const CAPTION_HEIGHT: f32 = 9.0;
/// Height of a lane that shows density.
const DENSITY_HEIGHT: f32 = 30.0;
/// Labels narrower than this are not drawn at all.
const MIN_LABEL_ROOM: f32 = 32.0;
/// The font of event titles.
const LABEL_FONT: f32 = 12.5;

/// What the canvas draws, borrowed from the app for one frame.
pub struct CanvasInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Its events in time order.
    pub index: &'a TimeIndex,
    /// The lanes and each event's lanes.
    pub lanes: &'a Lanes,
    /// One flag per event: is it drawn (laid out in its lanes).
    pub shown: &'a [bool],
    /// One flag per event: does it match the filter; drawn events that do not are faded.
    pub matched: &'a [bool],
    /// Ring the matching events (a text search is active).
    pub highlight: bool,
    /// The selected period, `[start, end)` in seconds (infinite on an open side).
    pub period: Option<(f64, f64)>,
    /// What the period's band says: its bounds and how many events it holds.
    pub period_label: &'a str,
    /// Changes whenever `lanes` or `shown` change.
    pub generation: u64,
    /// The visible stretch of time.
    pub range: TimeRange,
    /// The selected event.
    pub selected: Option<EventIdx>,
    /// Today, to mark it (none in tests).
    pub today: Option<f64>,
    /// Keys of collapsed lanes.
    pub collapsed: &'a BTreeSet<String>,
}

/// A glyph on screen, for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Where the glyph (and its bar) was drawn.
    pub rect: Rect,
    /// Which event.
    pub event: EventIdx,
}

/// What the canvas keeps between frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    layout: Option<Layout>,
    /// The glyphs of the last frame.
    pub hits: Vec<Hit>,
    /// The time axis of the last frame.
    pub axis: Option<TimeAxis>,
    scroll_y: f32,
    /// Where a period selection being dragged started (seconds).
    period_drag: Option<f64>,
}

impl CanvasState {
    /// The layout of the last frame (for tests and the level-of-detail report).
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref()
    }

    /// Forgets the layout, so that the next frame lays out again.
    pub fn invalidate(&mut self) {
        self.layout = None;
    }
}

/// Shows the canvas in the whole of `ui`; what the user asked for.
pub fn canvas_ui(ui: &mut Ui, input: &CanvasInput, state: &mut CanvasState) -> Vec<Command> {
    let mut commands = Vec::new();
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
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
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let dark = visuals.dark_mode;
    let bg = visuals.extreme_bg_color;
    painter.rect_filled(rect, 0.0, bg);

    let time_rect = Rect::from_min_max(
        pos2(rect.left() + GUTTER, rect.top()),
        pos2(rect.right() - 8.0, rect.bottom()),
    );
    let axis = TimeAxis::new(input.range, time_rect.left(), time_rect.width());
    state.axis = Some(axis);

    // Lay out again only when the zoom level, the window or the data changed.
    let key = LayoutKey::for_axis(&axis, input.generation);
    if state.layout.as_ref().is_none_or(|l| l.key != key) {
        let font = FontId::proportional(LABEL_FONT);
        // Titles are measured by their glyphs' advances, not laid out: a laid-out
        // text is cached by egui, and a zoomed-out layout measures every title.
        // The advances of ASCII are looked up once; other characters count as
        // an average letter, which is close enough to decide where a label fits
        // (it is cut to the room it has when drawn).
        let ascii: Vec<f32> = painter.fonts_mut(|fonts| {
            (0..128u8)
                .map(|b| fonts.glyph_width(&font, char::from(b)))
                .collect()
        });
        let average = ascii[usize::from(b'a')..=usize::from(b'z')]
            .iter()
            .sum::<f32>()
            / 26.0;
        let measure = |s: &str| {
            s.chars()
                .map(|c| ascii.get(c as usize).copied().unwrap_or(average))
                .sum::<f32>()
        };
        state.layout = Some(Layout::build(
            key,
            input.dataset,
            input.index,
            input.lanes,
            input.shown,
            &measure,
        ));
    }
    let Some(layout) = state.layout.as_ref() else {
        return commands;
    };

    // Vertical extent of each lane.
    // Rows in use by the events in view: a lane is only as tall as what it shows now.
    let spp = axis.seconds_per_point();
    let in_view = |event: &Event| {
        let (glyph, start, end) = event_times(event, axis.range);
        let pad = GLYPH_RADIUS * spp;
        let right = if event.date.is_interval() { end } else { glyph };
        right + pad >= axis.range.start && start.min(glyph) - pad <= axis.range.end
    };
    let used_rows: Vec<u16> = layout
        .lanes
        .iter()
        .map(|l| match &l.content {
            LaneContent::Events { items, vague, .. } => items
                .iter()
                .filter(|item| in_view(&input.dataset.events[item.event as usize]))
                .map(|item| item.row + 1)
                .max()
                .unwrap_or(0)
                .max(u16::from(*vague > 0))
                .max(1),
            LaneContent::Density(_) => 1,
        })
        .collect();
    let heights: Vec<f32> = layout
        .lanes
        .iter()
        .zip(&used_rows)
        .map(|(l, &rows)| {
            // A person's lane keeps room at the bottom for the caption of their role.
            let caption = if input.lanes.lanes[l.lane].person.is_some() {
                CAPTION_HEIGHT
            } else {
                0.0
            };
            caption
                + match &l.content {
                    LaneContent::Events { .. } => f32::from(rows) * ROW_HEIGHT + 2.0 * LANE_PAD,
                    LaneContent::Density(_) => DENSITY_HEIGHT,
                }
        })
        .collect();
    let total: f32 = heights.iter().sum();
    let lanes_top = rect.top() + AXIS_HEIGHT;
    let room = (rect.bottom() - lanes_top).max(0.0);
    let axis_rect = Rect::from_min_size(rect.min, vec2(rect.width(), AXIS_HEIGHT));
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        && (ui.input(|i| i.modifiers.shift) || axis_rect.contains(origin))
    {
        // Shift-drag, or a drag on the axis, selects a period instead of panning.
        state.period_drag = Some(axis.time_from_x(f64::from(origin.x)));
    }
    if state.period_drag.is_some() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.period_drag = None;
    }
    let dragged_period = state.period_drag.and_then(|start| {
        let end = axis.time_from_x(f64::from(response.interact_pointer_pos()?.x));
        Some((start.min(end), start.max(end)))
    });
    if response.dragged() && state.period_drag.is_none() {
        state.scroll_y -= response.drag_delta().y;
    }
    state.scroll_y = state.scroll_y.clamp(0.0, (total - room).max(0.0));

    let ticks = {
        let font = FontId::proportional(12.0);
        let measure = |s: &str| {
            painter
                .layout_no_wrap(s.to_string(), font.clone(), text)
                .size()
                .x
        };
        calendar_ticks(&axis, &measure)
    };
    let lanes_clip = Rect::from_min_max(pos2(rect.left(), lanes_top), rect.max);
    let lane_painter = painter.with_clip_rect(lanes_clip);
    let time_painter = lane_painter.with_clip_rect(lanes_clip.intersect(time_rect));

    // Grid lines under everything.
    let grid = if dark {
        Color32::from_white_alpha(12)
    } else {
        Color32::from_black_alpha(14)
    };
    for tick in &ticks.minor {
        let x = axis.x_clamped(tick.time);
        time_painter.vline(x, lanes_clip.y_range(), Stroke::new(1.0, grid));
    }

    state.hits.clear();
    let mut positions: HashMap<EventIdx, (f32, f32, f32)> = HashMap::new();
    let connector_slot = time_painter.add(Shape::Noop);
    let mut y = lanes_top - state.scroll_y;
    let stripe = if dark {
        Color32::from_white_alpha(6)
    } else {
        Color32::from_black_alpha(8)
    };
    let mut density_mesh = Mesh::default();
    for (i, ((lane_layout, &height), &rows)) in layout
        .lanes
        .iter()
        .zip(&heights)
        .zip(&used_rows)
        .enumerate()
    {
        let lane = &input.lanes.lanes[lane_layout.lane];
        let lane_rect = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), height));
        y += height;
        if lane_rect.bottom() < lanes_top || lane_rect.top() > rect.bottom() {
            continue;
        }
        if i % 2 == 1 {
            lane_painter.rect_filled(lane_rect, 0.0, stripe);
        }
        lane_painter.hline(
            lane_rect.x_range(),
            lane_rect.bottom(),
            Stroke::new(1.0, grid),
        );

        // A person's role tenures as a faint band.
        if let Some(person) = lane
            .person
            .as_deref()
            .and_then(|id| input.dataset.actor(id))
        {
            for role in &person.roles {
                let from = role
                    .from
                    .as_ref()
                    .map_or(axis.range.start - axis.range.span(), |d| {
                        d.earliest().0 as f64
                    });
                let to = role.to.as_ref().map_or_else(
                    || input.today.unwrap_or(axis.range.end + axis.range.span()),
                    |d| d.latest().0 as f64,
                );
                let band = Rect::from_x_y_ranges(
                    axis.x_clamped(from)..=axis.x_clamped(to),
                    lane_rect.top() + 2.0..=lane_rect.bottom() - 2.0,
                );
                let tint = if dark {
                    Color32::from_rgba_unmultiplied(120, 160, 220, 16)
                } else {
                    Color32::from_rgba_unmultiplied(60, 110, 190, 18)
                };
                time_painter.rect_filled(band, 2.0, tint);
                let label_x = band.left().max(time_rect.left()) + 4.0;
                if band.right() - label_x > 120.0 {
                    time_painter.text(
                        pos2(label_x, band.bottom() - 2.0),
                        Align2::LEFT_BOTTOM,
                        role_caption(&role.title, input.dataset.actor_name(&role.of)),
                        FontId::proportional(10.0),
                        weak.gamma_multiply(0.8),
                    );
                }
            }
        }

        match &lane_layout.content {
            LaneContent::Density(density) => {
                let max = density.max().max(1) as f32;
                let colour = if dark {
                    Color32::from_rgb(110, 160, 230)
                } else {
                    Color32::from_rgb(50, 100, 180)
                };
                for (b, &count) in density.counts.iter().enumerate() {
                    if count == 0 {
                        continue;
                    }
                    let t0 = density.bucket_start(b);
                    let x0 = axis.x_from_time(t0) as f32;
                    let x1 = axis.x_from_time(t0 + density.bucket) as f32;
                    if x1 < time_rect.left() || x0 > time_rect.right() {
                        continue;
                    }
                    let h = (count as f32 / max).sqrt() * (height - 8.0) + 1.0;
                    let r = Rect::from_min_max(
                        pos2(x0.max(time_rect.left()), lane_rect.bottom() - 4.0 - h),
                        pos2(
                            x1.max(x0 + 1.0).min(time_rect.right()),
                            lane_rect.bottom() - 4.0,
                        ),
                    );
                    density_mesh.add_colored_rect(r, colour);
                }
            }
            LaneContent::Events { items, vague, .. } => {
                if *vague > 0 {
                    time_painter.text(
                        pos2(
                            time_rect.left() + 6.0,
                            lane_rect.top() + LANE_PAD + ROW_HEIGHT / 2.0,
                        ),
                        Align2::LEFT_CENTER,
                        format!(
                            "+ {vague} events dated only to a coarser period (zoom out to see them)"
                        ),
                        FontId::proportional(11.5),
                        weak,
                    );
                }
                for item in items.iter().filter(|item| item.row < rows) {
                    let event = &input.dataset.events[item.event as usize];
                    let row_y =
                        lane_rect.top() + LANE_PAD + (f32::from(item.row) + 0.5) * ROW_HEIGHT;
                    let hit = paint_event(
                        &time_painter,
                        &axis,
                        event,
                        item.event,
                        row_y,
                        item.next_in_row,
                        Emphasis {
                            selected: input.selected == Some(item.event),
                            faded: input.matched.get(item.event as usize) != Some(&true),
                            ringed: input.highlight
                                && input.matched.get(item.event as usize) == Some(&true),
                        },
                        &visuals,
                        time_rect,
                    );
                    if let Some(hit) = hit {
                        state.hits.push(hit);
                        let c = hit_centre(&axis, event);
                        let entry = positions.entry(item.event).or_insert((c, row_y, row_y));
                        entry.1 = entry.1.min(row_y);
                        entry.2 = entry.2.max(row_y);
                    }
                }
            }
        }
    }
    time_painter.add(Shape::mesh(density_mesh));
    let connector_colour = if dark {
        Color32::from_white_alpha(70)
    } else {
        Color32::from_black_alpha(60)
    };
    let connectors: Vec<Shape> = positions
        .values()
        .filter(|(_, top, bottom)| bottom > top)
        .map(|&(x, top, bottom)| {
            Shape::line_segment(
                [
                    pos2(x, top + GLYPH_RADIUS as f32),
                    pos2(x, bottom - GLYPH_RADIUS as f32),
                ],
                Stroke::new(1.0, connector_colour),
            )
        })
        .collect();
    time_painter.set(connector_slot, Shape::Vec(connectors));

    // The selected period (or the one being dragged) as a band over the lanes.
    let band = dragged_period.or(input.period);
    if let Some((start, end)) = band {
        let x0 = axis.x_clamped(start.max(axis.range.start - axis.range.span()));
        let x1 = axis.x_clamped(end.min(axis.range.end + axis.range.span()));
        let band_rect = Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), lanes_clip.y_range());
        let accent = visuals.selection.stroke.color;
        time_painter.rect_filled(
            band_rect,
            0.0,
            visuals.selection.bg_fill.gamma_multiply(0.22),
        );
        for x in [x0, x1] {
            if time_rect.x_range().contains(x) {
                time_painter.vline(x, lanes_clip.y_range(), Stroke::new(1.5, accent));
            }
        }
        let label = if dragged_period.is_some() {
            let (from, to) = snapped_period(start, end, axis.seconds_per_point());
            period_words(from.as_deref(), to.as_deref())
        } else {
            input.period_label.to_string()
        };
        let galley = painter.layout_no_wrap(label, FontId::proportional(12.0), text);
        let x = band_rect
            .left()
            .max(time_rect.left())
            .min(time_rect.right() - galley.size().x - 8.0)
            + 4.0;
        // At the foot of the band, where lanes are emptiest.
        let top = rect.bottom() - galley.size().y - 10.0;
        let label_rect =
            Rect::from_min_size(pos2(x - 4.0, top - 2.0), galley.size() + vec2(8.0, 4.0));
        time_painter.rect_filled(label_rect, 3.0, visuals.panel_fill);
        time_painter.rect_stroke(
            label_rect,
            3.0,
            Stroke::new(1.0, accent),
            StrokeKind::Inside,
        );
        time_painter.galley(pos2(x, top), galley, text);
    }

    // The axis, over the lanes.
    painter.rect_filled(axis_rect, 0.0, visuals.panel_fill);
    painter.hline(
        axis_rect.x_range(),
        axis_rect.bottom(),
        visuals.widgets.noninteractive.bg_stroke,
    );
    let axis_painter = painter.with_clip_rect(Rect::from_x_y_ranges(
        time_rect.x_range(),
        axis_rect.y_range(),
    ));
    if let Some((start, end)) = band {
        let span = Rect::from_x_y_ranges(
            axis.x_clamped(start)..=axis.x_clamped(end),
            axis_rect.y_range(),
        );
        axis_painter.rect_filled(span, 0.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    }
    for tick in &ticks.major {
        let x = axis.x_clamped(tick.time);
        if tick.time > axis.range.start {
            axis_painter.vline(
                x,
                axis_rect.top() + 4.0..=axis_rect.bottom(),
                Stroke::new(1.0, weak),
            );
        }
        axis_painter.text(
            pos2(
                x.max(time_rect.left()) + LABEL_OFFSET,
                axis_rect.top() + 4.0,
            ),
            Align2::LEFT_TOP,
            &tick.label,
            FontId::proportional(12.0),
            text,
        );
    }
    for tick in &ticks.minor {
        let x = axis.x_clamped(tick.time);
        axis_painter.vline(
            x,
            axis_rect.bottom() - 8.0..=axis_rect.bottom(),
            Stroke::new(1.0, weak),
        );
        axis_painter.text(
            pos2(x + LABEL_OFFSET, axis_rect.top() + 22.0),
            Align2::LEFT_TOP,
            &tick.label,
            FontId::proportional(12.0),
            weak,
        );
    }

    // Today.
    if let Some(today) = input.today
        && axis.range.contains(today)
    {
        let x = axis.x_from_time(today) as f32;
        let red = Color32::from_rgb(220, 70, 60);
        painter.vline(x, rect.top() + 20.0..=rect.bottom(), Stroke::new(1.5, red));
        painter.text(
            pos2(x + 3.0, rect.top() + AXIS_HEIGHT - 2.0),
            Align2::LEFT_BOTTOM,
            "Today",
            FontId::proportional(11.0),
            red,
        );
    }

    // Lane labels in the gutter, over the lanes.
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
    let mut y = lanes_top - state.scroll_y;
    for (lane_layout, &height) in layout.lanes.iter().zip(&heights) {
        let lane = &input.lanes.lanes[lane_layout.lane];
        let header = Rect::from_min_size(pos2(rect.left(), y), vec2(GUTTER, height));
        y += height;
        if header.bottom() < lanes_top || header.top() > rect.bottom() {
            continue;
        }
        gutter_painter.hline(header.x_range(), header.bottom(), Stroke::new(1.0, grid));
        let indent = 10.0 + 16.0 * f32::from(lane.depth);
        let mid = header.top() + ROW_HEIGHT.min(height) / 2.0 + LANE_PAD.min(height / 4.0);
        if lane.has_children {
            let open = !input.collapsed.contains(&lane.key);
            let c = pos2(rect.left() + indent + 4.0, mid);
            let points = if open {
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
            };
            gutter_painter.add(Shape::convex_polygon(points, weak, Stroke::NONE));
            // The header is a button of its own, with a name for screen readers.
            let toggle = ui.interact(
                header.intersect(gutter),
                ui.scope_id().with(("lane toggle", &lane.key)),
                Sense::click(),
            );
            let action = if open { "Collapse" } else { "Expand" };
            let name = format!("{action} {}", lane.label);
            toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if toggle.clicked() {
                commands.push(Command::ToggleLane(lane.key.clone()));
            }
        }
        if let Some(person) = &lane.person
            && !lane.has_children
        {
            commands.extend(crate::ui::person_details::person_lane_header_ui(
                ui,
                header.intersect(gutter),
                person,
                &lane.label,
            ));
        }
        let (font, colour) = if lane.depth == 0 {
            (FontId::proportional(13.5), text)
        } else {
            (FontId::proportional(12.5), weak)
        };
        let label_x = rect.left() + indent + 16.0;
        let galley = gutter_painter.layout(
            lane.label.clone(),
            font,
            colour,
            GUTTER - (label_x - rect.left()) - 6.0,
        );
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

    // Hover, click, double-click.
    let pointer = response.hover_pos().or(response.interact_pointer_pos());
    let hovered = pointer.and_then(|p| hit_at(&state.hits, p));
    if let (Some(event), true) = (hovered, response.hovered()) {
        let event_data = &input.dataset.events[event as usize];
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, input.dataset, event_data));
    }
    if response.double_clicked() {
        if let Some(event) = hovered {
            commands.push(Command::FitEvent(event));
        }
    } else if response.clicked()
        && let Some(event) = hovered
    {
        commands.push(Command::Select(Some(event)));
    }
    if response.drag_stopped()
        && let Some(start) = state.period_drag.take()
        && let Some(p) = pointer
    {
        let end = axis.time_from_x(f64::from(p.x));
        // A press without a real drag selects nothing.
        if (end - start).abs() / axis.seconds_per_point() >= 3.0 {
            let (from, to) = snapped_period(start, end, axis.seconds_per_point());
            commands.push(Command::SetPeriod(Period { from, to }));
        }
    } else if response.dragged() && state.period_drag.is_none() {
        let dx = f64::from(response.drag_delta().x);
        if dx != 0.0 {
            commands.push(Command::Pan(-dx * axis.seconds_per_point()));
        }
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let anchor = pointer.map(|p| axis.time_from_x(f64::from(p.x)));
        let factor = f64::from(zoom).recip() * (-f64::from(scroll.y) / 200.0).exp2();
        if (factor - 1.0).abs() > 1e-6 {
            commands.push(Command::ZoomBy { factor, anchor });
        }
        if scroll.x != 0.0 {
            commands.push(Command::Pan(
                -f64::from(scroll.x) * axis.seconds_per_point(),
            ));
        }
    }
    commands
}

/// "President of Tajikistan", or the title alone when it names the country already.
fn role_caption(title: &str, of: &str) -> String {
    if title.contains(of) {
        title.to_string()
    } else {
        format!("{title} of {of}")
    }
}

/// The x of an event's glyph.
fn hit_centre(axis: &TimeAxis, event: &Event) -> f32 {
    let (glyph, ..) = event_times(event, axis.range);
    axis.x_clamped(glyph)
}

/// The event whose glyph is under `p`, the nearest when several are.
fn hit_at(hits: &[Hit], p: Pos2) -> Option<EventIdx> {
    hits.iter()
        .filter(|h| h.rect.expand(2.0).contains(p))
        .min_by(|a, b| {
            let da = a.rect.center().distance_sq(p);
            let db = b.rect.center().distance_sq(p);
            da.total_cmp(&db)
        })
        .map(|h| h.event)
}

/// Paints one event in a row: its precision band or interval bar, its glyph and its label.
#[allow(clippy::too_many_arguments)]
fn paint_event(
    painter: &egui::Painter,
    axis: &TimeAxis,
    event: &Event,
    index: EventIdx,
    row_y: f32,
    next_in_row: f64,
    emphasis: Emphasis,
    visuals: &egui::Visuals,
    clip: Rect,
) -> Option<Hit> {
    let selected = emphasis.selected;
    let (glyph_t, start, end) = event_times(event, axis.range);
    let gx = axis.x_clamped(glyph_t);
    let x0 = axis.x_clamped(start);
    let x1 = axis.x_clamped(end);
    let r = GLYPH_RADIUS as f32;
    let next_x = if next_in_row.is_finite() {
        axis.x_clamped(next_in_row)
    } else {
        f32::INFINITY
    };
    let right = if event.date.is_interval() {
        x1.max(gx + r)
    } else {
        gx + r
    };
    if right < clip.left() - 400.0 || gx - r > clip.right() {
        return None;
    }
    let (shape, colour) = kind_style(&event.kind);
    let colour = if emphasis.faded {
        colour.gamma_multiply(0.22)
    } else {
        colour
    };
    let uncertain = event.date.is_uncertain() || event.date.is_approximate();
    let mut hit_rect = Rect::from_center_size(pos2(gx, row_y), vec2(2.0 * r, 2.0 * r));

    if event.date.is_interval() {
        let bar = Rect::from_x_y_ranges(x0..=x1.max(x0 + 2.0), row_y - 3.5..=row_y + 3.5);
        painter.rect_filled(bar, CornerRadius::same(3), colour.gamma_multiply(0.55));
        if uncertain {
            painter.add(dashed_rect(bar.expand(1.5), colour, 4.0, 3.0));
        }
        hit_rect = hit_rect.union(bar);
    } else if x1 - x0 > 2.0 * r + 2.0 || event.date.precision() < Precision::Day {
        // The span the date can mean: a year, a month, a day at high zoom.
        let band = Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), row_y - 8.0..=row_y + 8.0);
        painter.rect_filled(band, CornerRadius::same(2), colour.gamma_multiply(0.16));
        if uncertain {
            painter.add(dashed_rect(band, colour.gamma_multiply(0.8), 4.0, 3.0));
        } else {
            painter.rect_stroke(
                band,
                CornerRadius::same(2),
                Stroke::new(1.0, colour.gamma_multiply(0.35)),
                StrokeKind::Inside,
            );
        }
    }
    let outline = visuals.extreme_bg_color;
    if emphasis.ringed {
        painter.circle_stroke(
            pos2(gx, row_y),
            r + 3.5,
            Stroke::new(2.5, Color32::from_rgb(240, 180, 20)),
        );
    }
    if selected {
        painter.circle_filled(pos2(gx, row_y), r + 4.5, visuals.selection.bg_fill);
        painter.circle_stroke(
            pos2(gx, row_y),
            r + 4.5,
            Stroke::new(1.5, visuals.selection.stroke.color),
        );
    }
    paint_glyph(painter, pos2(gx, row_y), r, shape, colour, outline);
    if uncertain && !event.date.is_interval() {
        painter.add(Shape::dashed_line(
            &circle_points(pos2(gx, row_y), r + 3.0),
            Stroke::new(1.0, colour),
            2.0,
            2.0,
        ));
    }

    // The title, where there is room before the next item of the row.
    let label_x = right + LABEL_PAD as f32;
    let room = (next_x - label_x - 6.0).min(clip.right() + 2000.0 - label_x);
    if room >= MIN_LABEL_ROOM {
        let colour = if selected {
            visuals.strong_text_color()
        } else if emphasis.faded {
            visuals.weak_text_color().gamma_multiply(0.6)
        } else {
            visuals.text_color()
        };
        let mut job = egui::text::LayoutJob::simple_singleline(
            event.title.clone(),
            FontId::proportional(LABEL_FONT),
            colour,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(room);
        let galley = painter.layout_job(job);
        let pos = pos2(label_x, row_y - galley.size().y / 2.0);
        hit_rect = hit_rect.union(Rect::from_min_size(pos, galley.size()));
        painter.galley(pos, galley, colour);
    }
    Some(Hit {
        rect: hit_rect,
        event: index,
    })
}

/// How an event stands out: selected, faded (not matching), ringed (matching a search).
#[derive(Debug, Clone, Copy)]
struct Emphasis {
    selected: bool,
    faded: bool,
    ringed: bool,
}

/// "2022-05-01 – 2022-05-31", with `…` for an open side.
pub fn period_words(from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!("{} – {}", a.unwrap_or("…"), b.unwrap_or("…")),
    }
}

fn circle_points(c: Pos2, r: f32) -> Vec<Pos2> {
    (0..=24)
        .map(|i| {
            let a = std::f32::consts::TAU * i as f32 / 24.0;
            c + vec2(a.cos(), a.sin()) * r
        })
        .collect()
}

/// The hover card of an event: title, date as written and its precision, kind, actors.
pub fn tooltip_ui(ui: &mut Ui, dataset: &Dataset, event: &Event) {
    ui.set_max_width(320.0);
    ui.strong(&event.title);
    ui.label(format!(
        "{} ({})",
        event.date.text(),
        event.date.describe_precision()
    ));
    ui.label(event.kind.label());
    let names: Vec<&str> = event
        .participants()
        .map(|id| dataset.actor_name(id))
        .collect();
    if !names.is_empty() {
        ui.label(names.join(", "));
    }
}

/// The instant a date's glyph stands for (used to keep a selection in view).
pub fn glyph_time(event: &Event) -> f64 {
    let date = &event.date;
    if date.earliest() == Moment::MIN || date.latest() == Moment::MAX {
        return date.sort_key().0 as f64;
    }
    let whole = TimeRange {
        start: date.earliest().0 as f64,
        end: date.latest().0 as f64,
    };
    event_times(event, whole).0
}
