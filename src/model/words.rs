//! Counts in words, the one rule every panel, figure and command writes them by.

/// `n` and the noun that goes with it: "1 event", "2 events", "1,250,000 events".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// `n` with its thousands set apart by commas: "950", "12,400", "1,000,000".
pub(crate) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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
        assert_eq!(events(1_250_000), "1,250,000 events");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(123_456_789), "123,456,789");
    }
}
