//! HTML of TimelineJS and vis-timeline text into plain text, keeping its links.

/// Plain text of an HTML fragment and the links found in it (`href`, link text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlainText {
    /// The text, tags removed, entities decoded, white space collapsed.
    pub(crate) text: String,
    /// Each `<a href>`: its address and its text.
    pub(crate) links: Vec<(String, String)>,
}

/// True when `text` looks like it holds HTML tags.
pub(crate) fn has_tags(text: &str) -> bool {
    text.contains('>')
        && text.match_indices('<').any(|(i, _)| {
            text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        })
}

/// Converts an HTML fragment into plain text; block ends become line breaks.
pub(crate) fn to_plain(html: &str) -> PlainText {
    let mut out = String::with_capacity(html.len());
    let mut links = Vec::new();
    let mut open_link: Option<(String, usize)> = None;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..start]));
        let after = &rest[start..];
        let Some(end) = after.find('>') else {
            out.push_str(&decode_entities(after));
            rest = "";
            break;
        };
        let tag = &after[1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        match name.as_str() {
            "a" if !closing => {
                open_link = attribute(tag, "href").map(|href| (decode_entities(&href), out.len()));
            }
            "a" => {
                if let Some((href, from)) = open_link.take() {
                    let text = collapse(&out[from..]);
                    links.push((href, text));
                }
            }
            "br" | "p" | "div" | "li" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "tr" => {
                out.push('\n');
            }
            _ => {}
        }
        rest = &after[end + 1..];
    }
    out.push_str(&decode_entities(rest));
    let text = out
        .lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    PlainText { text, links }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value of attribute `name` in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value
            .split(|c: char| c.is_whitespace() || c == '>')
            .next()?,
    };
    Some(value.to_string())
}

/// Decodes the common named entities and numeric ones.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let entity = after[1..]
            .find(';')
            .filter(|&n| n <= 10)
            .map(|n| &after[1..n + 1]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "rdquo" => Some('”'),
            "ldquo" => Some('“'),
            numeric => {
                let number = numeric.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (entity, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_links_stay_as_sources() {
        let plain = to_plain(
            "<p class=\"lead\">Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada&nbsp;Lovelace</a> &amp; co.</p><p>Next</p>",
        );
        assert_eq!(plain.text, "Take Ada Lovelace & co.\nNext");
        assert_eq!(
            plain.links,
            [(
                "https://en.wikipedia.org/wiki/Ada_Lovelace".to_string(),
                "Ada Lovelace".to_string()
            )]
        );
        assert!(has_tags("<p>x</p>"));
        assert!(!has_tags("a < b and c > d"));
        assert_eq!(decode_entities("&#233;&#x41;&bogus;"), "éA&bogus;");
    }
}
