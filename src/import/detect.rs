//! Which format a file is in, from its content first and its extension second.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// A format Annals opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Annals' own dataset, RON.
    Ron,
    /// A spreadsheet saved as CSV or TSV (any separator among `,` `;` tab `|`).
    Csv,
    /// TimelineJS3 JSON: `{"title": ..., "events": [...], "eras": [...]}`.
    TimelineJs,
    /// vis-timeline JSON: `{"items": [...], "groups": [...]}` or a bare array of items.
    Vis,
    /// The XML `.timeline` file of the desktop program Timeline.
    Timeline,
}

impl Format {
    /// The name given to `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ron => "ron",
            Format::Csv => "csv",
            Format::TimelineJs => "timelinejs",
            Format::Vis => "vis",
            Format::Timeline => "timeline",
        }
    }

    /// The format in words, for the report.
    pub fn label(self) -> &'static str {
        match self {
            Format::Ron => "Annals dataset (RON)",
            Format::Csv => "spreadsheet (CSV/TSV)",
            Format::TimelineJs => "TimelineJS3 JSON",
            Format::Vis => "vis-timeline JSON",
            Format::Timeline => "Timeline (.timeline XML)",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The format asked for: `auto` to detect it, or one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatChoice {
    /// Detected from the content and the extension.
    #[default]
    Auto,
    /// This format, whatever the file looks like.
    Only(Format),
}

impl FromStr for FormatChoice {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let format = match text.to_ascii_lowercase().as_str() {
            "auto" => return Ok(FormatChoice::Auto),
            "ron" => Format::Ron,
            "csv" | "tsv" => Format::Csv,
            "timelinejs" | "tl" => Format::TimelineJs,
            "vis" | "vis-timeline" => Format::Vis,
            "timeline" => Format::Timeline,
            _ => {
                return Err(format!(
                    "{text:?} is not a format; use auto, csv, timelinejs, vis or timeline"
                ));
            }
        };
        Ok(FormatChoice::Only(format))
    }
}

/// The format of a file named `name` whose text starts with `head` (decoded, without BOM).
///
/// A `.ron` file is always Annals' own; otherwise the content decides when it
/// is clear (JSON, XML, RON), then the extension; any other text is a spreadsheet.
pub fn detect(name: &str, head: &str) -> Format {
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension.as_deref() == Some("ron") {
        return Format::Ron;
    }
    let start = skip_comments(head);
    match start.chars().next() {
        Some('{' | '[') => json_kind(start),
        Some('<') => Format::Timeline,
        _ if start.starts_with("Dataset") || start.starts_with("#![") => Format::Ron,
        _ => match extension.as_deref() {
            Some("timeline") => Format::Timeline,
            _ => Format::Csv,
        },
    }
}

/// The text after leading white space and RON `//` comments.
fn skip_comments(text: &str) -> &str {
    let mut rest = text.trim_start();
    while let Some(comment) = rest.strip_prefix("//") {
        rest = comment
            .split_once('\n')
            .map_or("", |(_, after)| after)
            .trim_start();
    }
    rest
}

/// TimelineJS or vis-timeline, from the keys that appear in the JSON.
fn json_kind(text: &str) -> Format {
    let sample = &text[..floor_boundary(text, 64 * 1024)];
    let has = |key: &str| sample.contains(&format!("\"{key}\""));
    if has("start_date") || has("headline") || (has("events") && !has("items")) {
        Format::TimelineJs
    } else {
        Format::Vis
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_then_extension_decide() {
        assert_eq!(
            detect("a.json", "{\"events\": [{\"start_date\": {}}]}"),
            Format::TimelineJs
        );
        assert_eq!(
            detect(
                "a.json",
                "[{\"start\": \"2014-04-20\", \"content\": \"x\"}]"
            ),
            Format::Vis
        );
        assert_eq!(detect("a.json", "{\"items\": []}"), Format::Vis);
        assert_eq!(
            detect("a.txt", "<?xml version=\"1.0\"?><timeline>"),
            Format::Timeline
        );
        assert_eq!(
            detect("a.ron", "// manifest\nDataset(title: \"x\")"),
            Format::Ron
        );
        assert_eq!(
            detect("a", "// manifest\nDataset(title: \"x\")"),
            Format::Ron
        );
        assert_eq!(detect("a.csv", "date,title\n2022,x\n"), Format::Csv);
        assert_eq!(detect("a.ron", "[1, 2, 3]"), Format::Ron);
    }
}
