//! One event in its row: its band or bar, its glyph with the rings that single it
//! out, and its title on the side with room.

use eframe::egui::{
    self, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, TextFormat, Ui,
    pos2, vec2,
};

use super::state::{CanvasInput, Hit};
use crate::index::EventIdx;
use crate::model::{Dataset, Event};
use crate::timeline::TimeAxis;
use crate::timeline::layout::PlacedEvent;
use crate::timeline::marks::label::{LabelRoom, LabelSide};
use crate::timeline::marks::{GLYPH_RADIUS, LABEL_PAD, MarkGeometry, MarkShape, event_times};
use crate::ui::actor_names::participants_text;
use crate::ui::bidi::{body_format, ui_format, visual_job, visual_label};
use crate::ui::glyphs::{dashed_rect, kind_style, paint_glyph};

/// Labels narrower than this are not drawn at all.
const MIN_LABEL_ROOM: f32 = 32.0;
/// The font of event titles.
pub(super) const LABEL_FONT: f32 = 12.5;

/// How an event stands out: selected, faded (not matching), ringed (matching a search).
#[derive(Debug, Clone, Copy)]
pub(super) struct Emphasis {
    selected: bool,
    faded: bool,
    ringed: bool,
}

impl Emphasis {
    /// How `event` stands out under `input`'s selection, filter and search.
    pub(crate) fn of(input: &CanvasInput, event: EventIdx) -> Emphasis {
        let matched = input.matched.contains(event);
        Emphasis {
            selected: input.selected == Some(event),
            faded: !matched,
            ringed: input.highlight && matched,
        }
    }
}

/// What the events of a frame are painted with.
pub(super) struct EventPainter<'a> {
    pub(crate) painter: &'a egui::Painter,
    pub(crate) axis: &'a TimeAxis,
    pub(crate) visuals: &'a egui::Visuals,
    /// The part of the canvas where time is drawn.
    pub(crate) clip: Rect,
}

/// What a row leaves an event: its centre line, where what was painted before
/// it ends, where its label must stop (the start of a title moved before the
/// last mark of the row), and whether its own title is that one.
#[derive(Debug, Clone, Copy)]
pub(super) struct RowSpace {
    /// The y of the row's centre.
    pub(crate) y: f32,
    /// Where what the row holds so far ends.
    pub(crate) painted_until: f32,
    /// The x the label must end before (infinite when free).
    pub(crate) label_stop: f32,
    /// The title goes before the mark, the right edge cutting it after: the
    /// label before it has made way, so only what was painted bounds it.
    pub(crate) before_edge: bool,
}

impl EventPainter<'_> {
    /// The right edge of an event's mark (its glyph, or its bar's end).
    pub(crate) fn mark_end(&self, event: &Event) -> f32 {
        MarkGeometry::on_axis(event, self.axis, GLYPH_RADIUS)
            .solid_edges()
            .1 as f32
    }

    /// Where the title of the last event of a row starts when the right edge
    /// would cut it after its mark and it fits before, back to the mark before
    /// it (`previous`: where that mark ends, and whether it has a label, which
    /// keeps [`MIN_LABEL_ROOM`]); none when it stays after its mark.
    pub(crate) fn title_before_edge(
        &self,
        event: &Event,
        item: &PlacedEvent,
        previous: Option<(f32, bool)>,
    ) -> Option<f32> {
        let clip_right = f64::from(self.clip.right());
        if item.next_in_row.is_finite()
            && f64::from(self.axis.x_clamped(item.next_in_row)) - 6.0 <= clip_right
        {
            return None;
        }
        let mark = MarkGeometry::on_axis(event, self.axis, GLYPH_RADIUS);
        let after = mark.solid_edges().1 + LABEL_PAD;
        let font = FontId::proportional(LABEL_FONT);
        let galley = self.painter.layout_job(visual_job(
            &event.title,
            TextFormat::simple(font, self.visuals.text_color()),
        ));
        let width = f64::from(galley.size().x);
        if after + width <= clip_right || after > clip_right {
            return None;
        }
        let start = mark.glyph_x - mark.radius - LABEL_PAD - width;
        let free_from = previous.map_or(f64::NEG_INFINITY, |(end, labelled)| {
            let label = if labelled {
                LABEL_PAD + f64::from(MIN_LABEL_ROOM) + 6.0
            } else {
                0.0
            };
            f64::from(end) + 6.0 + label
        });
        (start >= free_from.max(f64::from(self.clip.left()))).then_some(start as f32)
    }

    /// The x of an event's glyph.
    pub(crate) fn glyph_x(&self, event: &Event) -> f32 {
        let (glyph, ..) = event_times(event, self.axis.range);
        self.axis.x_clamped(glyph)
    }

    /// Paints one event in its row, after what the row holds: its precision
    /// band or interval bar, its glyph and its label.
    pub(crate) fn event(
        &self,
        event: &Event,
        item: &PlacedEvent,
        row: RowSpace,
        emphasis: Emphasis,
    ) -> Option<Hit> {
        let row_y = row.y;
        let EventPainter {
            painter,
            axis,
            visuals,
            clip,
        } = *self;
        let selected = emphasis.selected;
        let mark = MarkGeometry::on_axis(event, axis, GLYPH_RADIUS);
        let (gx, x0, x1) = (mark.glyph_x as f32, mark.x0 as f32, mark.x1 as f32);
        let r = GLYPH_RADIUS as f32;
        let (left, right) = mark.solid_edges();
        let right = right as f32;
        if right < clip.left() - 400.0 || left as f32 > clip.right() {
            return None;
        }
        let (shape, colour) = kind_style(&event.kind);
        let colour = if emphasis.faded {
            colour.gamma_multiply(0.22)
        } else {
            colour
        };
        let mut hit_rect = Rect::from_center_size(pos2(gx, row_y), vec2(2.0 * r, 2.0 * r));

        match mark.shape {
            MarkShape::Bar => {
                let bar = Rect::from_x_y_ranges(x0..=x1.max(x0 + 2.0), row_y - 3.5..=row_y + 3.5);
                painter.rect_filled(bar, CornerRadius::same(3), colour.gamma_multiply(0.55));
                if mark.outlined {
                    painter.add(dashed_rect(bar.expand(1.5), colour, 4.0, 3.0));
                }
                hit_rect = hit_rect.union(bar);
            }
            MarkShape::Band => {
                // The span the date can mean: a year, a month, a day at high zoom.
                let band = Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), row_y - 8.0..=row_y + 8.0);
                painter.rect_filled(band, CornerRadius::same(2), colour.gamma_multiply(0.16));
                if mark.outlined {
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
            MarkShape::Point => {}
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
        if mark.rings_glyph() {
            painter.add(Shape::dashed_line(
                &circle_points(pos2(gx, row_y), r + 3.0),
                Stroke::new(1.0, colour),
                2.0,
                2.0,
            ));
        }
        if let Some(label) = self.label(event, &mark, item, row, emphasis) {
            hit_rect = hit_rect.union(label);
        }
        Some(Hit {
            rect: hit_rect,
            event: item.event,
        })
    }

    /// Paints an event's title where its row has room: after its mark, or before it when the
    /// right edge of the view would cut it there, else cut short at that edge; the
    /// rectangle it took.
    fn label(
        &self,
        event: &Event,
        mark: &MarkGeometry,
        item: &PlacedEvent,
        row: RowSpace,
        emphasis: Emphasis,
    ) -> Option<Rect> {
        let (row_y, row_end) = (row.y, row.painted_until);
        let EventPainter {
            painter,
            axis,
            visuals,
            clip,
        } = *self;
        let next_x = if item.next_in_row.is_finite() {
            f64::from(axis.x_clamped(item.next_in_row))
        } else {
            f64::INFINITY
        };
        let next_x = next_x.min(f64::from(row.label_stop));
        let prev_x = if item.prev_in_row.is_finite() && !row.before_edge {
            f64::from(axis.x_clamped(item.prev_in_row))
        } else {
            f64::NEG_INFINITY
        };
        let (_, right) = mark.solid_edges();
        let room = LabelRoom {
            after: f64::from(right as f32) + LABEL_PAD,
            before: mark.glyph_x - mark.radius - LABEL_PAD,
            left: f64::from(clip.left().max(row_end + 6.0)).max(prev_x + 6.0),
            right: (next_x - 6.0).min(f64::from(clip.right())),
        };
        let colour = if emphasis.selected {
            visuals.strong_text_color()
        } else if emphasis.faded {
            visuals.weak_text_color().gamma_multiply(0.6)
        } else {
            visuals.text_color()
        };
        let font = FontId::proportional(LABEL_FONT);
        let row_room = next_x - 6.0 - room.after;
        // Only a title cut by the edge of the view, not by the next mark of its row, moves.
        let cut_by_edge = row.before_edge || next_x - 6.0 > f64::from(clip.right());
        let side = if cut_by_edge {
            let width = painter
                .layout_job(visual_job(
                    &event.title,
                    TextFormat::simple(font.clone(), colour),
                ))
                .size()
                .x;
            room.side_for(f64::from(width))
        } else {
            LabelSide::After
        };
        let available = match side {
            LabelSide::After => row_room.min(f64::from(clip.right()) - room.after),
            LabelSide::Before => room.before_room(),
        } as f32;
        if available < MIN_LABEL_ROOM {
            return None;
        }
        let mut job = visual_job(&event.title, TextFormat::simple(font, colour));
        job.break_on_newline = false;
        job.wrap = egui::text::TextWrapping::truncate_at_width(available);
        let galley = painter.layout_job(job);
        let x = match side {
            LabelSide::After => room.after as f32,
            LabelSide::Before => room.before as f32 - galley.size().x,
        };
        let pos = pos2(x, row_y - galley.size().y / 2.0);
        let rect = Rect::from_min_size(pos, galley.size());
        painter.galley(pos, galley, colour);
        Some(rect)
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

/// The hover card of an event: title, date as written and its precision, kind,
/// actors with their names in other scripts.
pub(crate) fn tooltip_ui(ui: &mut Ui, dataset: &Dataset, event: &Event) {
    ui.set_max_width(320.0);
    let strong = ui_format(ui, egui::TextStyle::Body, ui.visuals().strong_text_color());
    visual_label(ui, &event.title, strong);
    ui.label(format!(
        "{} ({})",
        event.date.text(),
        event.date.describe_precision()
    ));
    ui.label(event.kind.label());
    let names = participants_text(dataset, event.participants());
    if !names.is_empty() {
        visual_label(ui, &names, body_format(ui));
    }
}
