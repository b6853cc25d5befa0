//! Text folded for searching: accents dropped and lower case, so that
//! "tehran" finds "TEHRÁN"; and slugs, the folded text made an id or a file name.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` decomposed (NFD), without its combining marks, in lower case.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lower-case ASCII letters and digits, accents dropped, every other run of
/// characters one `-`: `Café Rahmon–Raisi` becomes `cafe-rahmon-raisi`. The
/// one rule for ids made from names and for file names made from titles.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, slug};

    #[test]
    fn slugs_keep_letters_without_accents_and_join_the_rest_with_dashes() {
        assert_eq!(slug("Mohammad Bagheri"), "mohammad-bagheri");
        assert_eq!(slug("Café — Dušanbe!"), "cafe-dusanbe");
        assert_eq!(slug("  «Iran» & Tajikistan, 2022 "), "iran-tajikistan-2022");
        assert_eq!(slug("  Ébrahim  Raïsi! "), "ebrahim-raisi");
        assert_eq!(slug("Counter-terrorism"), "counter-terrorism");
        assert_eq!(slug("…"), "");
    }

    #[test]
    fn drops_accents_and_case() {
        assert_eq!(fold("TEHRÁN"), "tehran");
        assert_eq!(fold("Dušanbe"), "dusanbe");
        assert_eq!(fold("Ébrahim Raïsi"), "ebrahim raisi");
    }
}
