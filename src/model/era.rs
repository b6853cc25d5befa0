//! Eras: named periods drawn behind the events ("Raisi presidency").

use serde::{Deserialize, Serialize};

use super::EdtfDate;

/// A named period of the chronology, normally an EDTF interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Era")]
pub struct Era<D = EdtfDate> {
    /// The name shown on the band: "Raisi presidency".
    pub name: String,
    /// When, as an EDTF date: `2021-08-03/2024-05-19`.
    pub date: D,
    /// The band's colour as `#rrggbb`, where the dataset chooses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// True when `text` is a colour `#rgb` or `#rrggbb` in hexadecimal digits.
pub(crate) fn is_hex_color(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|digits| {
        matches!(digits.len(), 3 | 6) && digits.chars().all(|c| c.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hash_and_three_or_six_hex_digits() {
        assert!(is_hex_color("#c8c8ff"));
        assert!(is_hex_color("#ABC"));
        assert!(!is_hex_color("c8c8ff"));
        assert!(!is_hex_color("#c8c8f"));
        assert!(!is_hex_color("#gggggg"));
        assert!(!is_hex_color("red"));
    }
}
