//! Property tests: whatever bytes the loader is given, it returns a dataset or
//! an error whose every problem is placed inside the input, and never panics.

use annals::dataset::{self, DatasetError};
use proptest::prelude::*;

/// Checks that every problem of `outcome` is at a line and column inside
/// `text`, the input as the reader decoded it. A file that is empty or not
/// text at all has no place to point at; its one problem says so instead.
pub(crate) fn assert_placed_inside<T>(outcome: &Result<T, DatasetError>, text: &str) {
    let Err(error) = outcome else { return };
    let DatasetError::Invalid { problems, .. } = error else {
        // Refused whole (not text, say): there is no place to point at.
        return;
    };
    assert!(!problems.is_empty(), "an invalid file names its problems");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in problems {
        let Some(at) = problem.at else {
            let whole = ["empty", "not a text file"];
            assert!(
                whole.iter().any(|w| problem.message.contains(w)),
                "a problem without a place: {}",
                problem.message
            );
            continue;
        };
        assert!(
            at.line >= 1 && at.line <= lines.len(),
            "line {} outside the {} lines of the input: {}",
            at.line,
            lines.len(),
            problem.message
        );
        let width = lines[at.line - 1].chars().count();
        assert!(
            at.col >= 1 && at.col <= width + 1,
            "column {} outside line {} of {width} characters: {}",
            at.col,
            at.line,
            problem.message
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_are_refused_at_a_place_inside_them(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let outcome = dataset::parse_bytes("fuzz.ron", &bytes);
        prop_assert!(outcome.is_err(), "random bytes are not a dataset");
        assert_placed_inside(&outcome, &String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutations_of_the_curated_dataset_are_read_or_placed(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..8)
    ) {
        let mut bytes = dataset::EMBEDDED_RON.as_bytes().to_vec();
        for (at, op, byte) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => { bytes.remove(i); }
                1 => bytes.insert(i, byte),
                2 => bytes[i] = byte,
                _ => bytes.truncate(i),
            }
        }
        let outcome = dataset::parse_bytes("mutated.ron", &bytes);
        assert_placed_inside(&outcome, &String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_in_a_date_field_is_an_error(date in "\\PC{0,24}") {
        let text = format!(
            "Dataset(title: \"t\", actors: [Actor(id: \"A\", name: \"A\", kind: Country)], \
             events: [Event(id: \"e\", kind: Visit, date: {date:?}, title: \"t\", actors: [\"A\"])])"
        );
        let outcome = dataset::parse_str("date.ron", &text);
        assert_placed_inside(&outcome, &text);
        let valid = annals::model::EdtfDate::parse(&date).is_ok();
        prop_assert_eq!(outcome.is_ok(), valid, "date {:?}", date);
    }
}
