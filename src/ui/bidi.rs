//! Text that mixes right-to-left scripts (Persian) with left-to-right ones,
//! laid out in the order a reader sees it.
//!
//! egui shapes Arabic script, so a Persian word comes out joined and right to
//! left, but it places words in the order they are stored: "ابراهیم رئیسی"
//! would read backwards. [`visual_pieces`] splits a text into direction runs
//! with the Unicode bidirectional algorithm (`unicode-bidi`) and puts its
//! pieces in visual order; each piece becomes its own section of a
//! [`LayoutJob`], so that the shaper never reorders across pieces.

use eframe::egui::text::{LayoutJob, TextFormat};
use eframe::egui::{self, Color32, Response, Role, TextStyle, Ui, WidgetInfo};
use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};

/// Adds Vazirmatn after egui's fonts, so that Persian letters, which egui's
/// fonts lack, are drawn and every other letter keeps egui's face.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        crate::fonts::VAZIRMATN_FAMILY.to_string(),
        std::sync::Arc::new(egui::FontData::from_static(crate::fonts::VAZIRMATN)),
    );
    for family in fonts.families.values_mut() {
        family.push(crate::fonts::VAZIRMATN_FAMILY.to_string());
    }
    ctx.set_fonts(fonts);
}

/// True when `text` holds a letter of a right-to-left script.
pub fn has_right_to_left(text: &str) -> bool {
    text.chars().any(is_right_to_left_letter)
}

fn is_right_to_left_letter(c: char) -> bool {
    // Every right-to-left letter lies at or above U+0590 (Hebrew).
    c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The pieces of `text` in the order they appear on screen, left to right.
///
/// Each right-to-left word stays one piece in stored order (the shaper joins
/// and reverses it); the words and the spaces and punctuation between them
/// are reversed, and brackets mirrored. Digits inside Persian text keep their
/// order, each digit of a Persian or Arabic-Indic number its own piece so that
/// the shaper cannot reverse them. Lines keep their order.
pub fn visual_pieces(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            pieces.push("\n".to_string());
        }
        if !has_right_to_left(line) {
            if !line.is_empty() {
                pieces.push(line.to_string());
            }
            continue;
        }
        let info = ParagraphBidiInfo::new(line, None);
        let (levels, runs) = info.visual_runs(0..line.len());
        for run in runs {
            let run_text = &line[run.clone()];
            if levels[run.start].is_rtl() {
                let mut words = right_to_left_pieces(run_text);
                words.reverse();
                pieces.extend(words);
            } else {
                pieces.extend(left_to_right_pieces(run_text));
            }
        }
    }
    pieces
}

/// The words of a right-to-left run in stored order: each right-to-left word
/// (with its marks and joiners) one piece, every other character its own
/// piece, mirrored.
fn right_to_left_pieces(run: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut in_word = false;
    for c in run.chars() {
        let joins =
            is_right_to_left_letter(c) || matches!(bidi_class(c), BidiClass::NSM | BidiClass::BN);
        match pieces.last_mut() {
            Some(word) if joins && in_word => word.push(c),
            _ => pieces.push(if joins {
                c.to_string()
            } else {
                mirrored(c).to_string()
            }),
        }
        in_word = joins;
    }
    pieces
}

/// A left-to-right run as one piece, but for characters of the Arabic script
/// (Persian digits), each its own piece: the shaper would reverse them.
fn left_to_right_pieces(run: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut last_plain = false;
    for c in run.chars() {
        let plain = !is_arabic_script(c);
        match pieces.last_mut() {
            Some(piece) if plain && last_plain => piece.push(c),
            _ => pieces.push(c.to_string()),
        }
        last_plain = plain;
    }
    pieces
}

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The bracket that faces the other way, as a right-to-left reader sees it.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        _ => c,
    }
}

/// `text` as a layout job in visual order, every piece in `format`. Text
/// without right-to-left letters is one section, as egui would make it.
pub fn visual_job(text: &str, format: TextFormat) -> LayoutJob {
    if !has_right_to_left(text) {
        return LayoutJob::single_section(text.to_string(), format);
    }
    let mut job = LayoutJob::default();
    for piece in visual_pieces(text) {
        job.append(&piece, 0.0, format.clone());
    }
    job
}

/// Text of `style` in `colour`, as `ui` would draw it, for labels laid out by hand.
pub fn ui_format(ui: &Ui, style: TextStyle, colour: Color32) -> TextFormat {
    TextFormat::simple(style.resolve(ui.style()), colour)
}

/// The body text of `ui`: what `ui.label` draws.
pub fn body_format(ui: &Ui) -> TextFormat {
    ui_format(ui, TextStyle::Body, ui.visuals().text_color())
}

/// A label for `text` in visual order, in `format`; screen readers and
/// tests find it by `text` as stored.
pub fn visual_label(ui: &mut Ui, text: &str, format: TextFormat) -> Response {
    let response = ui.label(visual_job(text, format));
    response.widget_info(|| WidgetInfo::labeled(Role::Label, ui.is_enabled(), text));
    response
}

#[cfg(test)]
mod tests {
    use super::{has_right_to_left, visual_pieces};

    #[test]
    fn latin_and_cyrillic_stay_as_they_are() {
        assert!(!has_right_to_left("Эмомалӣ Раҳмон, Tajikistan"));
        assert_eq!(visual_pieces("Эмомалӣ Раҳмон"), ["Эмомалӣ Раҳмон"]);
    }

    #[test]
    fn persian_words_read_right_to_left() {
        // The first word stored is the rightmost on screen.
        assert_eq!(visual_pieces("ابراهیم رئیسی"), ["رئیسی", " ", "ابراهیم"]);
        // A zero-width non-joiner stays inside its word.
        assert_eq!(visual_pieces("می\u{200C}خواهم"), ["می\u{200C}خواهم"]);
    }

    #[test]
    fn a_mixed_label_keeps_the_latin_first_and_the_persian_reversed() {
        assert_eq!(
            visual_pieces("Ebrahim Raisi (ابراهیم رئیسی)"),
            ["Ebrahim Raisi (", "رئیسی", " ", "ابراهیم", ")"]
        );
    }

    #[test]
    fn numbers_in_persian_text_keep_their_order() {
        // "Visit of 1401": the number stays 1, 4, 0, 1 from left to right,
        // and sits at the left end, after the words read right to left.
        assert_eq!(visual_pieces("سفر ۱۴۰۱"), ["۱", "۴", "۰", "۱", " ", "سفر"]);
        assert_eq!(visual_pieces("سفر 2022"), ["2022", " ", "سفر"]);
    }

    #[test]
    fn brackets_in_persian_text_are_mirrored() {
        assert_eq!(visual_pieces("(ایران)"), ["(", "ایران", ")"]);
    }

    #[test]
    fn lines_keep_their_order() {
        assert_eq!(
            visual_pieces("Iran\nایران تاجیکستان"),
            ["Iran", "\n", "تاجیکستان", " ", "ایران"]
        );
    }
}
