//! Where everything goes: each event's mark and label across the page, and each
//! lane's events stacked in rows within a bounded height.

use std::collections::BTreeSet;

use super::lanes::FigureLane;

use super::text::{DETAIL_SIZE, TITLE_SIZE, describe_qualifiers, shorten, text_width};
use super::{GLYPH_RADIUS, MARGIN_X, Scale};
use crate::model::Event;
use crate::timeline::marks::label::{LabelRoom, LabelSide};
use crate::timeline::marks::rows::{RowItem, RowRules, Stacked, WhenFull, largest_cap, stack_rows};
use crate::timeline::marks::{MarkGeometry, MarkShape};

/// The height of a row of events with their labels.
pub(super) const ROW_LABELLED: f64 = 48.0;

/// The height of a row of glyphs alone, when there are too many events to label.
pub(super) const ROW_GLYPHS: f64 = 24.0;

/// The space above and below the rows of a lane.
pub(super) const LANE_PAD: f64 = 6.0;

/// The height of a lane that only holds the lanes under it (a country whose people act).
pub(super) const HEADER_HEIGHT: f64 = 30.0;

/// The lanes together are at most this tall; beyond, a crowded lane's events overlap.
pub(super) const MAX_LANES_HEIGHT: f64 = 2600.0;

/// An event's mark and where it lies across the figure, whatever its lane.
pub(super) struct Shaped<'a> {
    pub(super) event: &'a Event,
    pub(super) mark: MarkShape,
    /// The span's left and right ends (clamped to the plot), and the glyph's centre.
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) glyph_x: f64,
    /// The leftmost and rightmost points of the mark.
    pub(super) left_edge: f64,
    pub(super) right_edge: f64,
    /// The left and right edges of the solid part: the glyph, and a bar.
    pub(super) solid: (f64, f64),
    /// The glyph gets a dashed ring.
    pub(super) rings_glyph: bool,
    /// The mark is dashed.
    pub(super) outlined: bool,
}

/// An event's label: its title and a line of detail, beside its glyph.
pub(super) struct Label {
    pub(super) title: String,
    pub(super) detail: String,
    pub(super) x: f64,
    pub(super) anchor_end: bool,
}

/// An event of a lane before stacking: its position in the exported events,
/// and its label with the edges of mark and label together, if it is to have one.
pub(super) type Candidate = (usize, Option<(Label, f64, f64)>);

/// An event placed in a row of a lane.
pub(super) struct Placed {
    /// Its position in the exported events.
    pub(super) position: usize,
    pub(super) row: usize,
    pub(super) label: Option<Label>,
}

/// A lane with its events stacked in rows.
pub(super) struct Arranged<'a> {
    pub(super) lane: &'a FigureLane,
    pub(super) items: Vec<Placed>,
    /// The top of each row below the lane's first, and the bottom of the last.
    pub(super) row_tops: Vec<f64>,
}

impl Arranged<'_> {
    /// The height the lane needs before the page spreads the lanes out.
    pub(super) fn natural_height(&self) -> f64 {
        if self.items.is_empty() {
            HEADER_HEIGHT
        } else {
            self.rows_height() + 2.0 * LANE_PAD
        }
    }

    /// The height of the lane's rows together.
    pub(super) fn rows_height(&self) -> f64 {
        self.row_tops.last().copied().unwrap_or(0.0)
    }

    /// The centre of row `row`, below the top of the first row.
    pub(super) fn row_centre(&self, row: usize) -> f64 {
        match (self.row_tops.get(row), self.row_tops.get(row + 1)) {
            (Some(top), Some(bottom)) => (top + bottom) / 2.0,
            _ => ROW_GLYPHS / 2.0,
        }
    }

    /// The height of row `row`.
    pub(super) fn row_height(&self, row: usize) -> f64 {
        match (self.row_tops.get(row), self.row_tops.get(row + 1)) {
            (Some(top), Some(bottom)) => bottom - top,
            _ => ROW_GLYPHS,
        }
    }
}

/// The mark of `event` and where it lies on `scale`.
pub(super) fn shape<'a>(event: &'a Event, scale: &Scale) -> Shaped<'a> {
    let mark = MarkGeometry::on_page(
        &event.date,
        |t| scale.x_from_time(t),
        (scale.left, scale.right),
        GLYPH_RADIUS,
    );
    let (left_edge, right_edge) = mark.outer_edges();
    Shaped {
        event,
        mark: mark.shape,
        x0: mark.x0,
        x1: mark.x1,
        glyph_x: mark.glyph_x,
        left_edge,
        right_edge,
        solid: mark.solid_edges(),
        rings_glyph: mark.rings_glyph(),
        outlined: mark.outlined,
    }
}

/// The label of `shaped`, after its mark where there is room, else before it;
/// with the left and right edges of the mark and label together.
pub(super) fn label_for(shaped: &Shaped, scale: &Scale) -> (Label, f64, f64) {
    let event = shaped.event;
    let title = shorten(&event.title);
    let detail = format!(
        "{} \u{b7} {}{}",
        event.date.text(),
        event.kind.label(),
        describe_qualifiers(event)
    );
    let width = text_width(&title, TITLE_SIZE).max(text_width(&detail, DETAIL_SIZE));
    let after = shaped.solid.1 + 8.0;
    let before = shaped.solid.0 - 8.0;
    let room = LabelRoom {
        after,
        before,
        left: scale.left,
        right: scale.right + MARGIN_X - 8.0,
    };
    if room.side_for(width) == LabelSide::After {
        let label = Label {
            title,
            detail,
            x: after,
            anchor_end: false,
        };
        (
            label,
            shaped.left_edge,
            (after + width).max(shaped.right_edge),
        )
    } else {
        let label = Label {
            title,
            detail,
            x: before,
            anchor_end: true,
        };
        (
            label,
            (before - width).min(shaped.left_edge),
            shaped.right_edge,
        )
    }
}

/// Stacks each lane's events into rows. An event in several lanes is labelled
/// in the topmost only; each lane's rows are capped so that the lanes stay
/// within [`MAX_LANES_HEIGHT`]: a crowded lane overlaps rather than grows without end.
pub(super) fn arrange<'a>(
    lanes: &'a [FigureLane],
    shaped: &[Shaped],
    scale: &Scale,
    labelled: bool,
) -> Vec<Arranged<'a>> {
    let mut unlabelled = vec![labelled; shaped.len()];
    let candidates: Vec<Vec<Candidate>> = lanes
        .iter()
        .map(|lane| {
            lane.events
                .iter()
                .filter(|&&p| p < shaped.len())
                .map(|&p| {
                    let first = std::mem::replace(&mut unlabelled[p], false);
                    (p, first.then(|| label_for(&shaped[p], scale)))
                })
                .collect()
        })
        .collect();
    let items: Vec<Vec<RowItem>> = candidates
        .iter()
        .map(|lane| {
            lane.iter()
                .map(|(p, label)| RowItem {
                    bare: (shaped[*p].left_edge, shaped[*p].right_edge),
                    labelled: label.as_ref().map(|&(_, l, r)| (l, r)),
                })
                .collect()
        })
        .collect();
    let most = items
        .iter()
        .map(|lane| stack_lane(lane, usize::MAX).rows)
        .max()
        .unwrap_or(1);
    let stacked =
        |cap: usize| -> Vec<Stacked> { items.iter().map(|lane| stack_lane(lane, cap)).collect() };
    let height = |stacks: &[Stacked]| -> f64 {
        stacks
            .iter()
            .map(|stacked| {
                if stacked.placements.is_empty() {
                    return HEADER_HEIGHT;
                }
                let labelled: BTreeSet<usize> = stacked
                    .placements
                    .iter()
                    .filter(|p| p.label)
                    .map(|p| p.row)
                    .collect();
                labelled.len() as f64 * ROW_LABELLED
                    + (stacked.rows - labelled.len()) as f64 * ROW_GLYPHS
                    + 2.0 * LANE_PAD
            })
            .sum()
    };
    let cap = largest_cap(most, |cap| height(&stacked(cap)) <= MAX_LANES_HEIGHT);
    lanes
        .iter()
        .zip(candidates)
        .zip(stacked(cap))
        .map(|((lane, candidates), stacked)| {
            let rows = stacked.rows;
            let items: Vec<Placed> = candidates
                .into_iter()
                .zip(stacked.placements)
                .map(|((position, label), placement)| Placed {
                    position,
                    row: placement.row,
                    label: label.filter(|_| placement.label).map(|(label, ..)| label),
                })
                .collect();
            // A row with a label is tall enough for its two lines; a row of glyphs is not.
            let mut row_tops = vec![0.0];
            for row in 0..rows {
                let labelled = items.iter().any(|i| i.row == row && i.label.is_some());
                let height = if labelled { ROW_LABELLED } else { ROW_GLYPHS };
                row_tops.push(row_tops[row] + height);
            }
            Arranged {
                lane,
                items,
                row_tops,
            }
        })
        .collect()
}

/// Stacks a lane's items into at most `max_rows` rows: a label keeps clear of the next
/// mark, marks alone may touch, and past the cap a mark overlaps the row that frees first.
pub(super) fn stack_lane(items: &[RowItem], max_rows: usize) -> Stacked {
    let rules = RowRules {
        label_rows: max_rows,
        max_rows,
        label_gap: 14.0,
        bare_gap: 0.0,
        when_full: WhenFull::Overlap,
    };
    stack_rows(items, rules).unwrap_or(Stacked {
        placements: Vec::new(),
        rows: 1,
    })
}
