//! Labels: how wide a title is, and on which side of its mark it goes.
//!
//! The canvas measures with the advances of its font's glyphs, a figure with a
//! fixed advance per character; both ask the same [`TextMeasure`].

use std::sync::atomic::{AtomicU32, Ordering};

/// The advance of each ASCII character, and of any other, for one font and size.
#[derive(Debug, Clone, PartialEq)]
pub struct TextMeasure {
    ascii: Vec<f64>,
    other: f64,
}

impl TextMeasure {
    /// Every character as wide as `advance`.
    pub fn uniform(advance: f64) -> TextMeasure {
        TextMeasure {
            ascii: vec![advance; 128],
            other: advance,
        }
    }

    /// The advances of the 128 ASCII characters (by code); any other character counts
    /// as an average lower-case letter, close enough to decide where a label fits.
    pub(crate) fn from_ascii(mut advance: impl FnMut(char) -> f32) -> TextMeasure {
        let ascii: Vec<f64> = (0..128u8)
            .map(|b| f64::from(advance(char::from(b))))
            .collect();
        let letters = &ascii[usize::from(b'a')..=usize::from(b'z')];
        let other = letters.iter().sum::<f64>() / letters.len() as f64;
        TextMeasure { ascii, other }
    }

    /// The width of `text` on one line.
    pub(crate) fn width(&self, text: &str) -> f64 {
        text.chars()
            .map(|c| self.ascii.get(c as usize).copied().unwrap_or(self.other))
            .sum()
    }
}

/// The width of each event's title, measured the first time a layout asks for it and kept
/// for the next layouts: a zoom step stacks the same titles again, and measuring them
/// was most of its work.
#[derive(Debug, Default)]
pub struct TitleWidths {
    /// One per event: the width's bits, or [`TitleWidths::UNKNOWN`] before it is measured.
    widths: Vec<AtomicU32>,
}

impl TitleWidths {
    const UNKNOWN: u32 = u32::MAX;

    /// Room for the titles of `events` events, none measured yet.
    pub fn new(events: usize) -> TitleWidths {
        TitleWidths {
            widths: (0..events).map(|_| AtomicU32::new(Self::UNKNOWN)).collect(),
        }
    }

    /// Forgets the width of event `event`'s title, which changed.
    pub(crate) fn forget(&self, event: usize) {
        if let Some(slot) = self.widths.get(event) {
            slot.store(Self::UNKNOWN, Ordering::Relaxed);
        }
    }

    /// The width of event `event`'s `title` by `measure`, measured once; shared between
    /// threads that lay out lanes at once (two that measure the same title agree).
    pub(crate) fn width(&self, event: usize, title: &str, measure: &TextMeasure) -> f64 {
        let Some(slot) = self.widths.get(event) else {
            return measure.width(title);
        };
        match slot.load(Ordering::Relaxed) {
            Self::UNKNOWN => {
                let width = measure.width(title) as f32;
                slot.store(width.to_bits(), Ordering::Relaxed);
                f64::from(width)
            }
            bits => f64::from(f32::from_bits(bits)),
        }
    }
}

/// Where a label stands beside its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelSide {
    /// After the mark, left-aligned.
    After,
    /// Before the mark, right-aligned.
    Before,
}

/// Where a label of `width` could go: starting at `after` or ending at `before`,
/// between the bounds `left` and `right` of the room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LabelRoom {
    /// Where a label after the mark starts.
    pub(crate) after: f64,
    /// Where a label before the mark ends.
    pub(crate) before: f64,
    /// The leftmost x a label may reach.
    pub(crate) left: f64,
    /// The rightmost x a label may reach.
    pub(crate) right: f64,
}

impl LabelRoom {
    /// Room for a label after the mark.
    pub(crate) fn after_room(&self) -> f64 {
        self.right - self.after
    }

    /// Room for a label before the mark.
    pub(crate) fn before_room(&self) -> f64 {
        self.before - self.left
    }

    /// The side with room for a label of `width`: after the mark when it fits there, else
    /// before it when it fits there, else the side with more room.
    pub(crate) fn side_for(&self, width: f64) -> LabelSide {
        let fits_after = width <= self.after_room();
        let fits_before = width <= self.before_room();
        if fits_after || (!fits_before && self.after_room() >= self.before_room()) {
            LabelSide::After
        } else {
            LabelSide::Before
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uniform_measure_counts_characters_not_bytes() {
        let measure = TextMeasure::uniform(0.5 * 10.0);
        assert_eq!(measure.width("Tehran"), 30.0);
        assert_eq!(measure.width("Душанбе"), 35.0);
        assert_eq!(measure.width(""), 0.0);
    }

    #[test]
    fn glyph_advances_make_wide_letters_wider() {
        let measure = TextMeasure::from_ascii(|c| if c == 'W' { 12.0 } else { 6.0 });
        assert!(measure.width("WWW") > measure.width("iii"));
        // Letters outside ASCII count as an average lower-case letter.
        assert_eq!(measure.width("é"), 6.0);
    }

    #[test]
    fn a_title_is_measured_once_and_remembered() {
        let widths = TitleWidths::new(2);
        let narrow = TextMeasure::uniform(5.0);
        assert_eq!(widths.width(0, "Tehran", &narrow), 30.0);
        // Kept: asking again, even with another measure, gives the first answer.
        assert_eq!(widths.width(0, "Tehran", &TextMeasure::uniform(9.0)), 30.0);
        assert_eq!(widths.width(1, "Tehran", &TextMeasure::uniform(9.0)), 54.0);
        // An event it has no room for is measured every time.
        assert_eq!(widths.width(7, "Baku", &narrow), 20.0);
    }

    #[test]
    fn a_label_goes_after_its_mark_when_it_fits() {
        let room = LabelRoom {
            after: 100.0,
            before: 80.0,
            left: 0.0,
            right: 400.0,
        };
        assert_eq!(room.side_for(250.0), LabelSide::After);
    }

    #[test]
    fn a_label_at_the_right_edge_moves_before_its_mark() {
        let room = LabelRoom {
            after: 900.0,
            before: 880.0,
            left: 0.0,
            right: 1000.0,
        };
        assert_eq!(room.side_for(250.0), LabelSide::Before);
    }

    #[test]
    fn a_label_that_fits_nowhere_takes_the_side_with_more_room() {
        let room = LabelRoom {
            after: 300.0,
            before: 280.0,
            left: 0.0,
            right: 500.0,
        };
        assert_eq!(room.side_for(1000.0), LabelSide::Before);
        let room = LabelRoom {
            after: 200.0,
            before: 180.0,
            left: 0.0,
            right: 500.0,
        };
        assert_eq!(room.side_for(1000.0), LabelSide::After);
    }
}
