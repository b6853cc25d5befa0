//! Which format a file is in, from its content first and its extension second.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::event_data::{Family, layout::sniff};

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
    /// GDELT event files (1.0 or 2.0, with or without a header row), plain, gzip or zip.
    Gdelt,
    /// ICEWS event files.
    Icews,
}

impl Format {
    /// Every format, in the order the open dialog lists them. A new format is
    /// a variant here, its words in the methods below, and its reader.
    pub const ALL: [Format; 7] = [
        Format::Ron,
        Format::Csv,
        Format::TimelineJs,
        Format::Vis,
        Format::Timeline,
        Format::Gdelt,
        Format::Icews,
    ];

    /// The name given to `--format`.
    pub(crate) fn name(self) -> &'static str {
        self.names()[0]
    }

    /// Every name `--format` takes for it, its own first.
    pub(crate) fn names(self) -> &'static [&'static str] {
        match self {
            Format::Ron => &["ron"],
            Format::Csv => &["csv", "tsv"],
            Format::TimelineJs => &["timelinejs", "tl"],
            Format::Vis => &["vis", "vis-timeline"],
            Format::Timeline => &["timeline"],
            Format::Gdelt => &["gdelt"],
            Format::Icews => &["icews"],
        }
    }

    /// The extensions of its files, as the open dialog offers them (plain
    /// GDELT and ICEWS files end in `.csv` and `.tab`, offered as spreadsheets).
    pub(crate) fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Ron => &["ron"],
            Format::Csv => &["csv", "tsv", "txt", "tab"],
            Format::TimelineJs | Format::Vis => &["json"],
            Format::Timeline => &["timeline"],
            Format::Gdelt | Format::Icews => &["zip", "gz"],
        }
    }

    /// The kind of file it is in the open dialog, where formats of the same
    /// extensions share one filter.
    pub(crate) fn kind_of_file(self) -> &'static str {
        match self {
            Format::Ron => "Annals datasets",
            Format::Csv => "Spreadsheets",
            Format::TimelineJs | Format::Vis => "TimelineJS and vis-timeline",
            Format::Timeline => "Timeline",
            Format::Gdelt | Format::Icews => "GDELT and ICEWS, packed or not",
        }
    }

    /// The event-data family of GDELT and ICEWS, which are read as a stream.
    pub(crate) fn event_data(self) -> Option<Family> {
        match self {
            Format::Gdelt => Some(Family::Gdelt),
            Format::Icews => Some(Family::Icews),
            _ => None,
        }
    }

    /// The format of an event-data family.
    pub(crate) fn of_family(family: Family) -> Format {
        match family {
            Family::Gdelt => Format::Gdelt,
            Family::Icews => Format::Icews,
        }
    }

    /// The format in words, for the report.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Format::Ron => "Annals dataset (RON)",
            Format::Csv => "spreadsheet (CSV/TSV)",
            Format::TimelineJs => "TimelineJS3 JSON",
            Format::Vis => "vis-timeline JSON",
            Format::Timeline => "Timeline (.timeline XML)",
            Format::Gdelt => "GDELT events",
            Format::Icews => "ICEWS events",
        }
    }
}

/// The open dialog's filters, one per kind of file: its name with its
/// extensions ("Spreadsheets (.csv, .tsv, .txt, .tab)") and the extensions.
pub fn open_filters() -> Vec<(String, Vec<&'static str>)> {
    let mut filters: Vec<(&str, Vec<&str>)> = Vec::new();
    for format in Format::ALL {
        match filters
            .iter_mut()
            .find(|(kind, _)| *kind == format.kind_of_file())
        {
            Some((_, extensions)) => extensions.extend(format.extensions()),
            None => filters.push((format.kind_of_file(), format.extensions().to_vec())),
        }
    }
    filters
        .into_iter()
        .map(|(kind, mut extensions)| {
            dedup_in_order(&mut extensions);
            let dotted: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
            (format!("{kind} ({})", dotted.join(", ")), extensions)
        })
        .collect()
}

/// Every extension of the files Annals opens, once each.
pub fn open_extensions() -> Vec<&'static str> {
    let mut extensions: Vec<&str> = Format::ALL
        .iter()
        .flat_map(|format| format.extensions().iter().copied())
        .collect();
    dedup_in_order(&mut extensions);
    extensions
}

fn dedup_in_order(items: &mut Vec<&str>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| seen.insert(*item));
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
        let text = text.to_ascii_lowercase();
        if text == "auto" {
            return Ok(FormatChoice::Auto);
        }
        let format = Format::ALL
            .into_iter()
            .find(|format| format.names().contains(&text.as_str()))
            .ok_or_else(|| {
                let imported: Vec<&str> = Format::ALL[1..].iter().map(|f| f.name()).collect();
                let (last, others) = imported.split_last().unwrap_or((&"", &[]));
                format!(
                    "{text:?} is not a format; use auto, {} or {last}",
                    others.join(", ")
                )
            })?;
        Ok(FormatChoice::Only(format))
    }
}

/// The format of a file named `name` whose text starts with `head` (decoded, without BOM).
///
/// A `.ron` file is always Annals' own; otherwise the content decides when it
/// is clear (JSON, XML, RON, a GDELT row or header, an ICEWS header), then the
/// extension; any other text is a spreadsheet.
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
            _ if sniff(start.lines().next().unwrap_or("")).is_some() => {
                sniff(start.lines().next().unwrap_or(""))
                    .map_or(Format::Csv, |layout| Format::of_family(layout.family))
            }
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
    fn every_format_is_named_and_offered_from_one_list() {
        for format in Format::ALL {
            for name in format.names() {
                assert_eq!(name.parse(), Ok(FormatChoice::Only(format)), "{name}");
            }
            assert!(open_extensions().contains(&format.extensions()[0]));
        }
        assert_eq!(
            open_extensions(),
            [
                "ron", "csv", "tsv", "txt", "tab", "json", "timeline", "zip", "gz"
            ]
        );
        let filters = open_filters();
        assert_eq!(filters.len(), 5);
        assert_eq!(filters[1].0, "Spreadsheets (.csv, .tsv, .txt, .tab)");
        assert_eq!(filters[4].0, "GDELT and ICEWS, packed or not (.zip, .gz)");
        assert_eq!(
            "xml".parse::<FormatChoice>(),
            Err(
                "\"xml\" is not a format; use auto, csv, timelinejs, vis, timeline, gdelt or icews"
                    .to_string()
            )
        );
    }

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
        let icews = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code";
        assert_eq!(detect("events.2016.tab", icews), Format::Icews);
        assert_eq!(
            detect(
                "dyad.csv",
                "GLOBALEVENTID,SQLDATE,EventCode\n1,20240315,042\n"
            ),
            Format::Gdelt
        );
    }
}
