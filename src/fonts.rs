//! The fonts Annals embeds beside egui's own, for the scripts egui's fonts lack.
//!
//! egui's Ubuntu face covers Latin and Cyrillic, Tajik letters (ӣ ҳ ҷ қ ӯ ғ)
//! included, but no Arabic script. Vazirmatn (SIL Open Font License 1.1,
//! `assets/fonts/Vazirmatn-OFL.txt`) covers Persian; its "Non-Latin" cut holds
//! only the Arabic script, so it adds 55 kB and never replaces a Latin glyph.

/// Vazirmatn Non-Latin Regular, version 33.0.3.
pub const VAZIRMATN: &[u8] = include_bytes!("../assets/fonts/Vazirmatn-NL-Regular.ttf");

/// The family name Vazirmatn's file gives itself.
pub const VAZIRMATN_FAMILY: &str = "Vazirmatn NL";
