//! Text folded for searching: accents dropped and lower case, so that
//! "tehran" finds "TEHRÁN".

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

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn drops_accents_and_case() {
        assert_eq!(fold("TEHRÁN"), "tehran");
        assert_eq!(fold("Dušanbe"), "dusanbe");
        assert_eq!(fold("Ébrahim Raïsi"), "ebrahim raisi");
    }
}
