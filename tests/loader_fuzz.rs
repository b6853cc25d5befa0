//! Property tests: whatever bytes the loader is given, it returns Ok or Err and never panics.

use annals::dataset;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = dataset::parse_bytes("fuzz.ron", &bytes);
    }

    #[test]
    fn mutations_of_the_curated_dataset_never_panic(
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
        let _ = dataset::parse_bytes("mutated.ron", &bytes);
    }

    #[test]
    fn arbitrary_text_in_a_date_field_is_an_error_not_a_panic(date in "\\PC{0,24}") {
        let text = format!(
            "Dataset(title: \"t\", actors: [Actor(id: \"A\", name: \"A\", kind: Country)], \
             events: [Event(id: \"e\", kind: Visit, date: {date:?}, title: \"t\", actors: [\"A\"])])"
        );
        let _ = dataset::parse_str("date.ron", &text);
    }
}
