//! Counts in words, the one rule every panel, figure and command writes them by.

/// `n` and the noun that goes with it: "1 event", "2 events".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 event", "12 events".
pub(crate) fn events(n: usize) -> String {
    counted(n, "event", "events")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(events(0), "0 events");
        assert_eq!(events(1), "1 event");
        assert_eq!(events(2), "2 events");
        assert_eq!(counted(1, "country", "countries"), "1 country");
        assert_eq!(counted(3, "country", "countries"), "3 countries");
    }
}
