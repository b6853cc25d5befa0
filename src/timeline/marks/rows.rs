//! Row stacking: the row of each mark in a lane, so that no mark or label hides
//! another. The canvas and the figures stack with the same function and differ
//! only in their [`RowRules`].
//!
//! Items are laid out in points at one zoom level; the caller caches the result
//! per zoom level rather than stacking every frame.

/// An item to place: its horizontal extent alone, and with its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RowItem {
    /// The left and right edges of the glyph, bar or band.
    pub(crate) bare: (f64, f64),
    /// The left and right edges of the mark and its label together, when it has one.
    pub(crate) labelled: Option<(f64, f64)>,
}

/// What to do with an item when every row allowed is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhenFull {
    /// Give up on the lane (the canvas then shows density).
    GiveUp,
    /// Put the item over the row that frees up first (a figure keeps a bounded height).
    Overlap,
}

/// How a lane stacks its items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RowRules {
    /// Labels are kept only in the first this many rows.
    pub(crate) label_rows: usize,
    /// At most this many rows.
    pub(crate) max_rows: usize,
    /// The gap kept before an item placed with its label.
    pub(crate) label_gap: f64,
    /// The gap kept before an item placed without its label.
    pub(crate) bare_gap: f64,
    /// What happens when the rows are all taken.
    pub(crate) when_full: WhenFull,
}

/// Where an item went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placement {
    /// The row, 0 at the top of the lane.
    pub(crate) row: usize,
    /// True when the item keeps its label in that row.
    pub(crate) label: bool,
}

/// Every item's place and the number of rows used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stacked {
    /// One placement per item, in the items' order.
    pub(crate) placements: Vec<Placement>,
    /// The rows used (at least 1).
    pub(crate) rows: usize,
}

/// Places `items` (sorted by their left edge) into rows: each goes into the first row where
/// it fits with its label, else into the first where it fits without; `None` when a row is
/// needed beyond `max_rows` and the rules say to give up.
pub(crate) fn stack_rows(items: &[RowItem], rules: RowRules) -> Option<Stacked> {
    let max_rows = rules.max_rows.max(1);
    let label_rows = rules.label_rows.min(max_rows);
    let mut row_ends: Vec<f64> = Vec::new();
    let mut placements = Vec::with_capacity(items.len());
    // The first row among the first `limit` (an unused row included) where `left` fits.
    let free = |row_ends: &[f64], left: f64, gap: f64, limit: usize| {
        (0..limit).find(|&r| row_ends.get(r).is_none_or(|&e| e + gap <= left))
    };
    for item in items {
        let labelled = item.labelled.and_then(|(left, right)| {
            free(&row_ends, left, rules.label_gap, label_rows).map(|row| (row, true, right))
        });
        let (row, label, right) = match labelled {
            Some(choice) => choice,
            None => {
                let (left, right) = item.bare;
                let row = match free(&row_ends, left, rules.bare_gap, max_rows) {
                    Some(row) => row,
                    None if rules.when_full == WhenFull::GiveUp => return None,
                    None => first_to_free(&row_ends),
                };
                (row, false, right)
            }
        };
        if row == row_ends.len() {
            row_ends.push(right);
        } else {
            row_ends[row] = row_ends[row].max(right);
        }
        placements.push(Placement { row, label });
    }
    Some(Stacked {
        placements,
        rows: row_ends.len().max(1),
    })
}

/// The row whose last item ends first.
fn first_to_free(row_ends: &[f64]) -> usize {
    row_ends
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(row, _)| row)
}

/// The largest cap on a lane's rows, from 1 to `most`, for which `fits` holds
/// (1 when none does); `fits` is taken to hold for every cap below one that fits.
pub(crate) fn largest_cap(most: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (1, most.max(1));
    if fits(high) {
        return high;
    }
    // `low` fits (or is 1), `high` does not.
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if fits(middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CANVAS: RowRules = RowRules {
        label_rows: 3,
        max_rows: 1000,
        label_gap: 4.0,
        bare_gap: 4.0,
        when_full: WhenFull::GiveUp,
    };

    fn figure(max_rows: usize) -> RowRules {
        RowRules {
            label_rows: max_rows,
            max_rows,
            label_gap: 14.0,
            bare_gap: 0.0,
            when_full: WhenFull::Overlap,
        }
    }

    proptest! {
        #[test]
        fn stacked_items_never_overlap(raw in prop::collection::vec((0.0f64..2000.0, 0.0f64..80.0, 0.0f64..150.0), 0..200)) {
            let mut items: Vec<RowItem> = raw
                .iter()
                .map(|&(start, len, label)| RowItem {
                    bare: (start, start + 8.0 + len),
                    labelled: Some((start, (start + 8.0 + len).max(start + 12.0 + label))),
                })
                .collect();
            items.sort_by(|a, b| a.bare.0.total_cmp(&b.bare.0));
            if let Some(stacked) = stack_rows(&items, CANVAS) {
                let placed = &stacked.placements;
                for i in 0..items.len() {
                    for j in i + 1..items.len() {
                        if placed[i].row != placed[j].row { continue; }
                        let end_i = if placed[i].label { items[i].labelled.map_or(0.0, |l| l.1) } else { items[i].bare.1 };
                        prop_assert!(end_i <= items[j].bare.0, "items {} and {} overlap in row {}", i, j, placed[i].row);
                    }
                }
            }
        }
    }

    fn crowd(n: u32) -> Vec<RowItem> {
        (0..n)
            .map(|i| RowItem {
                bare: (f64::from(i), f64::from(i) + 16.0),
                labelled: Some((f64::from(i), f64::from(i) + 300.0)),
            })
            .collect()
    }

    #[test]
    fn too_many_rows_give_up_on_the_canvas() {
        let items = crowd(10);
        let rules = RowRules {
            label_rows: 2,
            max_rows: 5,
            ..CANVAS
        };
        assert!(stack_rows(&items, rules).is_none());
        let rules = RowRules {
            max_rows: 10,
            ..rules
        };
        let stacked = stack_rows(&items, rules).expect("ten rows are enough");
        assert_eq!(stacked.placements[9].row, 9);
        assert_eq!(stacked.rows, 10);
    }

    #[test]
    fn labels_are_kept_only_in_the_label_rows() {
        let stacked = stack_rows(
            &crowd(5),
            RowRules {
                label_rows: 2,
                ..CANVAS
            },
        )
        .expect("room enough");
        let labels: Vec<bool> = stacked.placements.iter().map(|p| p.label).collect();
        assert_eq!(labels, [true, true, false, false, false]);
    }

    #[test]
    fn a_figure_overlaps_past_its_cap_and_drops_labels() {
        let items = crowd(6);
        let all = stack_rows(&items, figure(usize::MAX)).expect("never gives up");
        assert_eq!(all.rows, 6);
        assert!(all.placements.iter().all(|p| p.label));
        let capped = stack_rows(&items, figure(2)).expect("never gives up");
        assert_eq!(capped.rows, 2);
        assert_eq!(
            capped.placements[0],
            Placement {
                row: 0,
                label: true
            }
        );
        assert_eq!(
            capped.placements[1],
            Placement {
                row: 1,
                label: true
            }
        );
        assert!(capped.placements[2..].iter().all(|p| !p.label));
    }

    #[test]
    fn an_item_follows_in_the_same_row_once_the_label_before_it_ends() {
        let items = [
            RowItem {
                bare: (0.0, 10.0),
                labelled: Some((0.0, 100.0)),
            },
            RowItem {
                bare: (120.0, 130.0),
                labelled: Some((120.0, 200.0)),
            },
        ];
        let stacked = stack_rows(&items, figure(usize::MAX)).expect("fits");
        assert_eq!(stacked.rows, 1);
        let tight = [
            items[0],
            RowItem {
                bare: (105.0, 115.0),
                labelled: Some((105.0, 200.0)),
            },
        ];
        let stacked = stack_rows(&tight, figure(usize::MAX)).expect("fits");
        assert_eq!(
            stacked.rows, 2,
            "the label gap keeps the second off the first's label"
        );
    }

    #[test]
    fn the_largest_cap_that_fits_is_found() {
        let rows_with_cap =
            |cap: usize| [6, 1, 1].iter().map(|&n: &usize| n.min(cap)).sum::<usize>();
        assert_eq!(largest_cap(6, |cap| rows_with_cap(cap) <= 6), 4);
        assert_eq!(largest_cap(6, |cap| rows_with_cap(cap) <= 100), 6);
        assert_eq!(largest_cap(6, |cap| rows_with_cap(cap) <= 2), 1);
    }
}
