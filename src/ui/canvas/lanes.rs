//! The lanes, top to bottom: a stripe on every other lane, a person's roles as
//! faint bands, then either the lane's density or its events one by one.

use std::collections::HashMap;

use eframe::egui::{Align2, Color32, FontId, Mesh, Painter, Rect, Shape, Stroke, pos2, vec2};

use super::events::{Emphasis, EventPainter, RowSpace};
use super::frame::Canvas;
use super::lane_heights::LaneExtent;
use super::state::{CanvasInput, Hit};
use crate::index::EventIdx;
use crate::model::Actor;
use crate::timeline::density::Density;
use crate::timeline::layout::{LaneContent, Layout, PlacedEvent};
use crate::timeline::marks::lane_height::{LANE_PAD, ROW_HEIGHT, row_centre};
use crate::ui::density_bars::{BarArea, density_colour};

/// A role band's caption is drawn when the band is at least this wide.
const MIN_CAPTION_ROOM: f32 = 120.0;

/// The laid-out lanes with their heights in this frame, from `top` down.
pub(super) struct LaneRows<'a> {
    /// The layout of the view.
    pub(crate) layout: &'a Layout,
    /// Each lane's rows and height, in the layout's order.
    pub(crate) extents: &'a [LaneExtent],
    /// The top of the first lane (scrolled).
    pub(crate) top: f32,
}

impl LaneRows<'_> {
    /// Each lane of the layout with its rectangle across `canvas`, top to bottom.
    pub(crate) fn rects<'b>(
        &'b self,
        left: f32,
        width: f32,
    ) -> impl Iterator<Item = (usize, Rect)> + 'b {
        let mut y = self.top;
        self.extents.iter().enumerate().map(move |(i, extent)| {
            let rect = Rect::from_min_size(pos2(left, y), vec2(width, extent.height));
            y += extent.height;
            (i, rect)
        })
    }
}

/// Where an event's glyph was drawn: its x, and the top and bottom row it was drawn in.
pub(super) type GlyphColumn = (f32, f32, f32);

/// Paints every lane in view and records the glyphs drawn in `hits`; the column of
/// each event drawn, for the connectors between its lanes.
pub(super) fn lanes(
    painter: &Painter,
    canvas: &Canvas,
    input: &CanvasInput,
    rows: &LaneRows,
    hits: &mut Vec<Hit>,
) -> HashMap<EventIdx, GlyphColumn> {
    let lane_painter = painter.with_clip_rect(canvas.lanes_rect);
    let time_painter = canvas.time_painter(painter);
    let stripe = if canvas.visuals.dark_mode {
        Color32::from_white_alpha(6)
    } else {
        Color32::from_black_alpha(8)
    };
    let events = EventPainter {
        painter: &time_painter,
        axis: &canvas.axis,
        visuals: &canvas.visuals,
        clip: canvas.time_rect,
    };
    hits.clear();
    let mut positions = HashMap::new();
    let mut density_mesh = Mesh::default();
    for (i, lane_rect) in rows.rects(canvas.rect.left(), canvas.rect.width()) {
        if lane_rect.bottom() < canvas.lanes_rect.top() || lane_rect.top() > canvas.rect.bottom() {
            continue;
        }
        let lane_layout = &rows.layout.lanes[i];
        if i % 2 == 1 {
            lane_painter.rect_filled(lane_rect, 0.0, stripe);
        }
        lane_painter.hline(
            lane_rect.x_range(),
            lane_rect.bottom(),
            Stroke::new(1.0, canvas.grid_colour()),
        );
        let lane = &input.lanes.lanes[lane_layout.lane];
        if let Some(person) = lane
            .person
            .as_deref()
            .and_then(|id| input.dataset.actor(id))
        {
            role_bands(&time_painter, canvas, input, person, lane_rect);
        }
        match &lane_layout.content {
            LaneContent::Density(density) => {
                density_bars(&mut density_mesh, canvas, density, lane_rect);
            }
            // Off screen until scrolled to, when it is laid out before it is drawn.
            LaneContent::Unlaid(_) => {}
            LaneContent::Events { items, vague, .. } => {
                if *vague > 0 {
                    vague_note(&time_painter, canvas, *vague, lane_rect);
                }
                let row_count = rows.extents[i].rows;
                let before_edge = titles_before_edge(&events, input, items, row_count);
                // Where what was painted last in each row ends, so that a label
                // moved before its mark never runs into the label before it.
                let mut row_ends = vec![f32::NEG_INFINITY; usize::from(row_count)];
                for (at, item) in items.iter().enumerate().filter(|(_, i)| i.row < row_count) {
                    let event = &input.dataset.events[item.event as usize];
                    let row_end = &mut row_ends[usize::from(item.row)];
                    let moved = before_edge[usize::from(item.row)];
                    let row = RowSpace {
                        y: lane_rect.top() + row_centre(item.row),
                        painted_until: *row_end,
                        label_stop: moved
                            .filter(|&(e, _)| e != at)
                            .map_or(f32::INFINITY, |m| m.1),
                        before_edge: moved.is_some_and(|(e, _)| e == at),
                    };
                    let row_y = row.y;
                    let emphasis = Emphasis::of(input, item.event);
                    let Some(hit) = events.event(event, item, row, emphasis) else {
                        continue;
                    };
                    *row_end = row_end.max(hit.rect.right());
                    hits.push(hit);
                    let x = events.glyph_x(event);
                    let entry = positions.entry(item.event).or_insert((x, row_y, row_y));
                    entry.1 = entry.1.min(row_y);
                    entry.2 = entry.2.max(row_y);
                }
            }
        }
    }
    time_painter.add(Shape::mesh(density_mesh));
    positions
}

/// Where a mark ends, and whether it has a label.
type MarkEnd = (f32, bool);

/// For each row of a lane, the last event whose title the right edge would cut
/// and that goes before its mark instead (its place in `items`), with where
/// that title starts: the titles before it in the row stop short of it.
fn titles_before_edge(
    events: &EventPainter,
    input: &CanvasInput,
    items: &[PlacedEvent],
    row_count: u16,
) -> Vec<Option<(usize, f32)>> {
    // Per row: the last item, and the end of the mark before it with its label flag.
    let mut last: Vec<Option<(usize, Option<MarkEnd>)>> = vec![None; usize::from(row_count)];
    for (at, item) in items.iter().enumerate().filter(|(_, i)| i.row < row_count) {
        let slot = &mut last[usize::from(item.row)];
        let previous = slot.map(|(before, _)| {
            let event = &input.dataset.events[items[before].event as usize];
            (events.mark_end(event), items[before].label)
        });
        *slot = Some((at, previous));
    }
    last.into_iter()
        .map(|slot| {
            let (at, previous) = slot?;
            let item = &items[at];
            let event = &input.dataset.events[item.event as usize];
            let start = events.title_before_edge(event, item, previous)?;
            Some((at, start))
        })
        .collect()
}

/// A person's terms of office as faint bands, captioned where they are wide enough.
fn role_bands(
    painter: &Painter,
    canvas: &Canvas,
    input: &CanvasInput,
    person: &Actor,
    lane_rect: Rect,
) {
    let axis = &canvas.axis;
    let tint = if canvas.visuals.dark_mode {
        Color32::from_rgba_unmultiplied(120, 160, 220, 16)
    } else {
        Color32::from_rgba_unmultiplied(60, 110, 190, 18)
    };
    let caption_colour = canvas.visuals.weak_text_color().gamma_multiply(0.8);
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
        painter.rect_filled(band, 2.0, tint);
        let label_x = band.left().max(canvas.time_rect.left()) + 4.0;
        if band.right() - label_x > MIN_CAPTION_ROOM {
            painter.text(
                pos2(label_x, band.bottom() - 2.0),
                Align2::LEFT_BOTTOM,
                role_caption(&role.title, input.dataset.actor_name(&role.of)),
                FontId::proportional(10.0),
                caption_colour,
            );
        }
    }
}

/// "President of Tajikistan", or the title alone when it names the country already.
fn role_caption(title: &str, of: &str) -> String {
    if title.contains(of) {
        title.to_string()
    } else {
        format!("{title} of {of}")
    }
}

/// A lane's density as bars, one per column, into `mesh` (painted at once for all lanes).
fn density_bars(mesh: &mut Mesh, canvas: &Canvas, density: &Density, lane_rect: Rect) {
    let area = BarArea {
        x: canvas.time_rect.x_range(),
        base: lane_rect.bottom() - 4.0,
        room: lane_rect.height() - 8.0,
    };
    let colour = density_colour(&canvas.visuals);
    crate::ui::density_bars::density_bars(mesh, &canvas.axis, density, &area, colour);
}

/// The line that counts a lane's events too vague to draw at this zoom.
fn vague_note(painter: &Painter, canvas: &Canvas, vague: u32, lane_rect: Rect) {
    painter.text(
        pos2(
            canvas.time_rect.left() + 6.0,
            lane_rect.top() + LANE_PAD + ROW_HEIGHT / 2.0,
        ),
        Align2::LEFT_CENTER,
        format!("+ {vague} events dated only to a coarser period (zoom out to see them)"),
        FontId::proportional(11.5),
        canvas.visuals.weak_text_color(),
    );
}
