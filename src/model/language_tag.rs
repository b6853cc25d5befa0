//! Well-formed BCP 47 language tags (RFC 5646): `fa`, `tg`, `tg-Cyrl`,
//! `fa-Latn-IR`, `en-GB-oxendict`, `x-private`. The check is of the form
//! only; whether a subtag is registered is not looked up.

/// True when `tag` is a well-formed BCP 47 language tag (the irregular
/// grandfathered tags such as `i-klingon` are not accepted).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags.iter().any(|s| s.is_empty() || !is_alphanumeric(s)) {
        return false;
    }
    if subtags[0].eq_ignore_ascii_case("x") {
        return is_private_use(&subtags[1..]);
    }
    let mut rest = &subtags[..];
    match rest.first() {
        Some(language) if is_alpha(language) && (2..=8).contains(&language.len()) => {
            let short = language.len() <= 3;
            rest = &rest[1..];
            // Up to three extended language subtags follow a 2–3 letter language.
            let mut extlangs = 0;
            while short && extlangs < 3 && rest.first().is_some_and(|s| is_alpha(s) && s.len() == 3)
            {
                rest = &rest[1..];
                extlangs += 1;
            }
        }
        _ => return false,
    }
    if rest.first().is_some_and(|s| is_alpha(s) && s.len() == 4) {
        rest = &rest[1..];
    }
    if rest
        .first()
        .is_some_and(|s| (is_alpha(s) && s.len() == 2) || (is_digits(s) && s.len() == 3))
    {
        rest = &rest[1..];
    }
    while rest.first().is_some_and(|s| is_variant(s)) {
        rest = &rest[1..];
    }
    while let Some(singleton) = rest.first().filter(|s| s.len() == 1) {
        if singleton.eq_ignore_ascii_case("x") {
            return is_private_use(&rest[1..]);
        }
        let count = rest[1..]
            .iter()
            .take_while(|s| (2..=8).contains(&s.len()))
            .count();
        if count == 0 {
            return false;
        }
        rest = &rest[1 + count..];
    }
    rest.is_empty()
}

/// `x-` is followed by one or more subtags of 1 to 8 characters.
fn is_private_use(subtags: &[&str]) -> bool {
    !subtags.is_empty() && subtags.iter().all(|s| s.len() <= 8)
}

/// A variant: 5 to 8 characters, or 4 starting with a digit.
fn is_variant(s: &str) -> bool {
    (5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit())
}

fn is_alphanumeric(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn accepts_well_formed_tags() {
        for tag in [
            "fa",
            "tg",
            "tg-Cyrl",
            "fa-Arab-IR",
            "en-GB-oxendict",
            "zh-yue-HK",
            "es-419",
            "de-CH-1901",
            "en-a-bbb-x-private",
            "x-whatever",
            "FA",
        ] {
            assert!(is_language_tag(tag), "{tag} should be accepted");
        }
    }

    #[test]
    fn refuses_malformed_tags() {
        for tag in [
            "",
            "f",
            "Persian language",
            "fa_IR",
            "fa-",
            "-fa",
            "fa--IR",
            "fa-IR-a",
            "tg-Cyrl-Cyrl-Cyrl",
            "fa-x",
            "123",
            "tadjik-ski-abcdefghi",
            "фа",
        ] {
            assert!(!is_language_tag(tag), "{tag:?} should be refused");
        }
    }
}
