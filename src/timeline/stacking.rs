//! Stacking: the row of each item in a lane, so that no item hides another.
//!
//! Items are laid out in points at one zoom level; the result is cached per
//! zoom level by the caller, not recomputed every frame.

/// An item to place: its horizontal extent with and without its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StackItem {
    /// The left edge of the glyph or bar.
    pub start: f64,
    /// The right edge of the glyph or bar.
    pub end: f64,
    /// The right edge of its label, when drawn beside it.
    pub label_end: f64,
}

/// Where an item went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The row, 0 at the top of the lane.
    pub row: u16,
    /// True when the row has room for the label.
    pub label: bool,
}

/// The gap in points kept between two items of a row.
pub const GAP: f64 = 4.0;

/// Places `items` (sorted by `start`) into rows. Items are first tried with their label in
/// the first `label_rows` rows, then without it in any of `max_rows` rows. `None` when the
/// lane would need more than `max_rows` rows (the caller draws density instead).
pub fn stack(items: &[StackItem], label_rows: u16, max_rows: u16) -> Option<Vec<Placement>> {
    let mut row_ends: Vec<f64> = Vec::new();
    let mut placed = Vec::with_capacity(items.len());
    for item in items {
        let free =
            |row_ends: &[f64], r: usize| row_ends.get(r).is_none_or(|&e| e + GAP <= item.start);
        let with_label = (0..usize::from(label_rows)).find(|&r| free(&row_ends, r));
        let (row, label) = match with_label {
            Some(r) => (r, true),
            None => (
                (0..usize::from(max_rows)).find(|&r| free(&row_ends, r))?,
                false,
            ),
        };
        let end = if label {
            item.end.max(item.label_end)
        } else {
            item.end
        };
        if row == row_ends.len() {
            row_ends.push(end);
        } else {
            row_ends[row] = end;
        }
        placed.push(Placement {
            row: row as u16,
            label,
        });
    }
    Some(placed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn stacked_items_never_overlap(raw in prop::collection::vec((0.0f64..2000.0, 0.0f64..80.0, 0.0f64..150.0), 0..200)) {
            let mut items: Vec<StackItem> = raw
                .iter()
                .map(|&(start, len, label)| StackItem { start, end: start + 8.0 + len, label_end: start + 12.0 + label })
                .collect();
            items.sort_by(|a, b| a.start.total_cmp(&b.start));
            if let Some(placed) = stack(&items, 3, 1000) {
                for i in 0..items.len() {
                    for j in i + 1..items.len() {
                        if placed[i].row != placed[j].row { continue; }
                        let end_i = if placed[i].label { items[i].end.max(items[i].label_end) } else { items[i].end };
                        prop_assert!(end_i <= items[j].start, "items {} and {} overlap in row {}", i, j, placed[i].row);
                    }
                }
            }
        }
    }

    #[test]
    fn too_many_rows_give_up() {
        let items: Vec<StackItem> = (0..10)
            .map(|_| StackItem {
                start: 0.0,
                end: 10.0,
                label_end: 10.0,
            })
            .collect();
        assert!(stack(&items, 2, 5).is_none());
        assert_eq!(stack(&items, 2, 10).map(|p| p[9].row), Some(9));
    }
}
