//! The manifest: what was exported, from which file, with which filters and when,
//! so that anyone can reproduce an export.

use serde::{Deserialize, Serialize};

use super::{ExportRequest, Format, default_file_name};
use crate::dataset::SourceInfo;
use crate::model::Dataset;
use crate::query::Filter;

/// The period as chosen and as the days it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ManifestPeriod {
    /// The start as written (EDTF), none when open.
    pub(crate) from: Option<String>,
    /// The end as written (EDTF), none when open.
    pub(crate) to: Option<String>,
    /// The first day covered, none when open.
    pub(crate) first_day: Option<String>,
    /// The last day covered, none when open.
    pub(crate) last_day: Option<String>,
    /// True when only events wholly inside the period were taken.
    pub(crate) strict: bool,
}

impl ManifestPeriod {
    /// The period as it was chosen, for selecting what else overlaps it (eras).
    pub(crate) fn chosen(&self) -> crate::query::Period {
        crate::query::Period {
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// A record of one export, written in or beside the exported file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// The version of Annals that wrote the export.
    pub(crate) annals_version: String,
    /// The format of the export.
    pub(crate) format: Format,
    /// The dataset's title.
    pub(crate) dataset: String,
    /// The dataset's path and SHA-256.
    pub(crate) source: SourceInfo,
    /// The filters that chose the events.
    pub(crate) filter: Filter,
    /// How the figure groups the events into lanes (`actor`, `topic`, `kind`,
    /// `single`); only for SVG and PNG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) lanes: Option<String>,
    /// The period.
    pub(crate) period: ManifestPeriod,
    /// When the export was made (RFC 3339, UTC).
    pub(crate) exported_at: String,
    /// How many events were exported.
    pub(crate) events: usize,
    /// An `annals export` command line that selects the same events.
    pub(crate) command: String,
}

impl Manifest {
    /// The manifest of `request` on `dataset`.
    pub fn new(dataset: &Dataset, request: &ExportRequest) -> Manifest {
        let filter = &request.filter;
        let (start, end) = filter.period.span();
        Manifest {
            annals_version: env!("CARGO_PKG_VERSION").to_string(),
            format: request.format,
            dataset: dataset.title.clone(),
            source: request.source.clone(),
            filter: filter.clone(),
            lanes: request
                .is_figure()
                .then(|| request.lanes.slug().to_string()),
            period: ManifestPeriod {
                from: filter.period.from.clone(),
                to: filter.period.to.clone(),
                first_day: (!start.is_open()).then(|| start.iso_day()),
                last_day: (!end.is_open()).then(|| end.add_days(-1).iso_day()),
                strict: filter.strict,
            },
            exported_at: request.exported_at.clone(),
            events: request.events.len(),
            command: command_line(dataset, request),
        }
    }

    /// The manifest as indented JSON.
    pub(crate) fn to_json_pretty(&self) -> String {
        // A manifest holds only strings, numbers, booleans and sets of strings.
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| unreachable!("a manifest always serializes: {e}"))
    }

    /// The manifest as one line of JSON.
    pub(crate) fn to_json_line(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|e| unreachable!("a manifest always serializes: {e}"))
    }

    /// The human-readable description of the filters: "actors: IRN; kinds: visit".
    pub(crate) fn describe_filter(&self) -> String {
        describe_filter(&self.filter)
    }
}

/// The non-period filters in words, or "no filters".
pub(crate) fn describe_filter(filter: &Filter) -> String {
    let mut parts = Vec::new();
    if !filter.actors.is_empty() {
        let joiner = if filter.all_actors { " and " } else { " or " };
        parts.push(format!(
            "actors: {}",
            filter
                .actors
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(joiner)
        ));
    }
    if !filter.topics.is_empty() {
        parts.push(format!(
            "topics: {}",
            filter.topics.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if !filter.kinds.is_empty() {
        parts.push(format!(
            "kinds: {}",
            filter.kinds.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if !filter.places.is_empty() {
        parts.push(format!(
            "places: {}",
            filter.places.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if !filter.text.trim().is_empty() {
        parts.push(format!("text: \u{201c}{}\u{201d}", filter.text.trim()));
    }
    if !filter.actors.is_empty() && !filter.include_members {
        parts.push("without members".to_string());
    }
    if parts.is_empty() {
        "no filters".to_string()
    } else {
        parts.join("; ")
    }
}

/// An `annals export` command line that selects the same events from the same file.
fn command_line(dataset: &Dataset, request: &ExportRequest) -> String {
    let filter = &request.filter;
    let mut args = vec!["annals".to_string(), "export".to_string()];
    if !request.source.is_embedded() {
        args.push(request.source.path.clone());
    }
    args.extend(filter_arguments(filter));
    if request.is_figure() {
        args.extend(["--lanes".to_string(), request.lanes.slug().to_string()]);
        if let Some(tag) = &request.lane_names {
            args.extend(["--lane-names".to_string(), tag.clone()]);
        }
    }
    if matches!(request.format, Format::Csv | Format::Json) && request.calendar.has_jalali() {
        args.extend(["--calendar".to_string(), request.calendar.to_string()]);
    }
    args.extend([
        "--format".to_string(),
        request.format.extension().to_string(),
        "-o".to_string(),
        default_file_name(&dataset.title, &filter.period, request.format),
    ]);
    shell_line(&args)
}

/// The command-line options that select what `filter` selects: `--actor IRN --kind visit`.
pub(crate) fn filter_arguments(filter: &Filter) -> Vec<String> {
    let mut args = Vec::new();
    for actor in &filter.actors {
        args.extend(["--actor".to_string(), actor.clone()]);
    }
    if filter.all_actors {
        args.push("--all-actors".to_string());
    }
    if !filter.include_members {
        args.push("--no-members".to_string());
    }
    for topic in &filter.topics {
        args.extend(["--topic".to_string(), topic.clone()]);
    }
    for kind in &filter.kinds {
        args.extend(["--kind".to_string(), kind.clone()]);
    }
    for place in &filter.places {
        args.extend(["--place".to_string(), place.clone()]);
    }
    if let Some(from) = &filter.period.from {
        args.extend(["--from".to_string(), from.clone()]);
    }
    if let Some(to) = &filter.period.to {
        args.extend(["--to".to_string(), to.clone()]);
    }
    if filter.strict {
        args.push("--strict".to_string());
    }
    if !filter.text.trim().is_empty() {
        args.extend(["--search".to_string(), filter.text.clone()]);
    }
    args
}

/// Arguments joined into one line a POSIX shell splits back into them.
pub(crate) fn shell_line(args: &[String]) -> String {
    args.iter()
        .map(|a| shell_quote(a))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `arg` quoted for a POSIX shell when it holds anything but safe characters.
fn shell_quote(arg: &str) -> String {
    let safe = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if safe {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_quotes_what_a_shell_would_split() {
        assert_eq!(shell_quote("2022-05"), "2022-05");
        assert_eq!(shell_quote("border security"), "'border security'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }
}
