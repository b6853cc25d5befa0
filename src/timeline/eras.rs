//! Eras as bands across the timeline: where each lies in time, its colour, and on
//! which row its label goes so that overlapping eras keep their names readable.
//! The canvas, the overview strip and the figures all draw the same bands.

use crate::model::Dataset;

/// The colours of eras that choose none, as `[r, g, b]`: pale, so events read over them.
const PALETTE: [[u8; 3]; 6] = [
    [200, 200, 255],
    [255, 214, 170],
    [190, 230, 200],
    [240, 200, 230],
    [220, 220, 180],
    [190, 220, 240],
];

/// One era laid out for drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct EraBand {
    /// The era's name, its label.
    pub(crate) name: String,
    /// Where it starts, in seconds since 1970.
    pub(crate) start: f64,
    /// Where it ends, in seconds since 1970 (after `start`).
    pub(crate) end: f64,
    /// Its colour as `[r, g, b]`: the dataset's, or one of a pale palette.
    pub(crate) rgb: [u8; 3],
    /// The label row, counted from the top: eras that overlap an earlier one go lower.
    pub(crate) row: usize,
}

/// The eras of `dataset` as bands, earliest first, each on the first label row free at its start.
pub(crate) fn era_bands(dataset: &Dataset) -> Vec<EraBand> {
    let mut bands: Vec<EraBand> = dataset
        .eras
        .iter()
        .enumerate()
        .filter(|(_, era)| !era.date.earliest().is_open() || !era.date.latest().is_open())
        .map(|(i, era)| {
            let (earliest, latest) = (era.date.earliest(), era.date.latest());
            let start = if earliest.is_open() {
                latest.0
            } else {
                earliest.0
            } as f64;
            let end = if latest.is_open() {
                earliest.0
            } else {
                latest.0
            } as f64;
            EraBand {
                name: era.name.clone(),
                start,
                end: end.max(start + 1.0),
                rgb: era
                    .color
                    .as_deref()
                    .and_then(rgb_from_hex)
                    .unwrap_or(PALETTE[i % PALETTE.len()]),
                row: 0,
            }
        })
        .collect();
    bands.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut row_ends: Vec<f64> = Vec::new();
    for band in &mut bands {
        let row = row_ends.iter().position(|&end| end <= band.start);
        band.row = row.unwrap_or(row_ends.len());
        match row {
            Some(row) => row_ends[row] = band.end,
            None => row_ends.push(band.end),
        }
    }
    bands
}

/// `#rrggbb` or `#rgb` as `[r, g, b]`; none for anything else.
pub(crate) fn rgb_from_hex(text: &str) -> Option<[u8; 3]> {
    let digits = text.strip_prefix('#')?;
    let nibble = |i: usize| u8::from_str_radix(digits.get(i..i + 1)?, 16).ok();
    match digits.len() {
        3 => Some([nibble(0)? * 17, nibble(1)? * 17, nibble(2)? * 17]),
        6 => {
            let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
            Some([byte(0)?, byte(2)?, byte(4)?])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Moment;

    fn dataset(eras: &str) -> Dataset {
        let text = format!("Dataset(title: \"Eras\", events: [], eras: [{eras}])");
        crate::dataset::parse_str("eras.ron", &text).expect("the dataset reads")
    }

    #[test]
    fn an_era_spans_its_interval_in_its_own_colour() {
        let bands = era_bands(&dataset(
            r##"Era(name: "Raisi presidency", date: "2021-08-03/2024-05-19", color: "#c8c8ff")"##,
        ));
        assert_eq!(bands.len(), 1);
        assert_eq!(bands[0].name, "Raisi presidency");
        assert_eq!(bands[0].start, Moment::from_ymd(2021, 8, 3).0 as f64);
        assert!(bands[0].end > Moment::from_ymd(2024, 5, 19).0 as f64);
        assert!(bands[0].end <= Moment::from_ymd(2024, 5, 20).0 as f64);
        assert_eq!(bands[0].rgb, [0xc8, 0xc8, 0xff]);
    }

    #[test]
    fn overlapping_eras_put_their_labels_on_separate_rows() {
        let bands = era_bands(&dataset(
            r#"Era(name: "Later", date: "2010/2020"),
               Era(name: "Long", date: "2000/2015"),
               Era(name: "After the long one", date: "2016/2018")"#,
        ));
        let row = |name: &str| bands.iter().find(|b| b.name == name).map(|b| b.row);
        assert_eq!(row("Long"), Some(0));
        assert_eq!(row("Later"), Some(1));
        assert_eq!(row("After the long one"), Some(0));
        // Eras without a colour take different ones.
        assert_ne!(bands[0].rgb, bands[1].rgb);
    }

    #[test]
    fn colours_are_read_from_three_or_six_hex_digits() {
        assert_eq!(rgb_from_hex("#c8c8ff"), Some([200, 200, 255]));
        assert_eq!(rgb_from_hex("#fa0"), Some([255, 170, 0]));
        assert_eq!(rgb_from_hex("c8c8ff"), None);
        assert_eq!(rgb_from_hex("#c8c8f"), None);
    }
}
