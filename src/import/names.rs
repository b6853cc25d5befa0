//! Lookup keys made from names, which ignore case, accents, spaces and
//! punctuation; ids cut to a length (the slugs themselves are `query::slug`);
//! and the host of a URL, the name of a source without a publisher.

use crate::query::fold;

/// A name reduced to its letters and digits, folded: `Côte d'Ivoire` becomes `cotedivoire`.
pub(crate) fn key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How many parents lie above `start` in a tree given by `parent`; a cycle stops
/// after `limit` steps.
pub(crate) fn depth_in<'a>(
    start: &'a str,
    parent: impl Fn(&str) -> Option<&'a str>,
    limit: usize,
) -> usize {
    let mut depth = 0;
    let mut current = start;
    while let Some(up) = parent(current) {
        depth += 1;
        current = up;
        if depth > limit {
            break;
        }
    }
    depth
}

/// `text` cut to at most `max` bytes at a `-`, for ids made of several words.
pub(crate) fn shorten(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let cut = text[..=max]
        .rfind('-')
        .filter(|&at| at > 0)
        .unwrap_or_else(|| {
            (0..=max)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0)
        });
    &text[..cut]
}

/// The host of a URL without `www.` or a user and port:
/// `example.org` for `https://user@www.example.org:8080/a`.
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(
            host_of("https://www.example.org/a/b?c"),
            Some("example.org")
        );
        assert_eq!(
            host_of("http://news.example.com:8080/x"),
            Some("news.example.com")
        );
        assert_eq!(
            host_of("https://editor@www.example.org:8443/"),
            Some("example.org")
        );
        assert_eq!(host_of("example.net/story"), Some("example.net"));
        assert_eq!(host_of(""), None);
    }

    #[test]
    fn keys_ignore_case_accents_and_punctuation() {
        assert_eq!(key("Côte d'Ivoire"), "cotedivoire");
        assert_eq!(key("Start Date"), key("start_date"));
    }

    #[test]
    fn long_ids_are_cut_between_words() {
        assert_eq!(shorten("2022-05-16-a-long-title", 15), "2022-05-16-a");
        assert_eq!(shorten("short", 15), "short");
    }
}
