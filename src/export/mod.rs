//! Exporting a selection of events to RON, JSON, CSV, iCalendar, SVG and PNG.
//!
//! The viewer and `annals export` both describe what to export with an
//! [`ExportRequest`], turn it into bytes with [`render`] and write them with
//! [`write_export`], so that the same selection gives the same bytes everywhere
//! (the manifest's time of export aside). One file per format.

mod analysis;
mod atomic;
mod csv;

mod figure;
mod ics;
mod json;
mod manifest;
mod map;
mod map_figure;
mod matrix_figure;
mod png;
mod ron;
mod stats_chart;
mod subset;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use analysis::{
    AnalysisExport, AnalysisFormat, matrix_csv, render_map, render_matrix, render_stats, stats_csv,
};
pub(crate) use atomic::{replace_atomic_keeping_permissions, write_atomic, write_atomic_with};
pub use figure::{PAGE_HEIGHT, PAGE_WIDTH};
pub(crate) use manifest::Manifest;
pub use map::{map_csv, map_geojson};
pub use map_figure::MapFigure;
pub(crate) use matrix_figure::{cell_colour, describe_cell};
pub use png::PNG_SCALE;
pub use stats_chart::{GROUP_PALETTE, OTHERS_COLOUR, TOP_SERIES, group_name};

use crate::dataset::SourceInfo;
use crate::index::EventIdx;
use crate::model::{Calendar, Dataset};
use crate::query::{Filter, Period, Prepared};
use crate::timeline::LaneMode;

/// A file format Annals exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// An Annals dataset (RON) holding only the chosen events and what they refer to.
    #[default]
    Ron,
    /// The same dataset as JSON, with the manifest in the file.
    Json,
    /// One row per event, RFC 4180.
    Csv,
    /// An iCalendar file (RFC 5545), one VEVENT per event.
    Ics,
    /// The timeline of the period as a vector drawing.
    Svg,
    /// The same drawing as a bitmap.
    Png,
}

impl Format {
    /// Every format, in the order the export dialog lists them.
    pub const ALL: [Format; 6] = [
        Format::Ron,
        Format::Json,
        Format::Csv,
        Format::Ics,
        Format::Svg,
        Format::Png,
    ];

    /// The file name extension, without the dot.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Ron => "ron",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// A short description for menus: "CSV (spreadsheet)".
    pub(crate) fn label(self) -> &'static str {
        match self {
            Format::Ron => "RON (Annals dataset)",
            Format::Json => "JSON (Annals dataset)",
            Format::Csv => "CSV (spreadsheet)",
            Format::Ics => "iCalendar (calendar)",
            Format::Svg => "SVG (timeline figure)",
            Format::Png => "PNG (timeline picture)",
        }
    }

    /// True when the manifest is written to a sibling `OUT.manifest.json` file.
    pub(crate) fn has_sibling_manifest(self) -> bool {
        self == Format::Csv
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown format {s:?}; choose one of ron, json, csv, ics, svg, png")
            })
    }
}

/// Everything that decides the bytes of an export: the format, the events,
/// the filter that chose them, the figure's lanes, where the dataset came from and when.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    /// The file format.
    pub format: Format,
    /// How a figure (SVG, PNG) groups the events into lanes; the data formats ignore it.
    pub lanes: LaneMode,
    /// The chosen events, in time order (positions in `Dataset::events`).
    pub events: Vec<EventIdx>,
    /// The filter that chose them; its period is the period drawn and named.
    pub filter: Filter,
    /// The dataset's path and SHA-256.
    pub source: SourceInfo,
    /// The time of export, RFC 3339 in UTC (`2026-11-28T05:30:00Z`).
    pub exported_at: String,
    /// The calendar CSV and JSON write dates in (EDTF stays in JSON and RON).
    pub calendar: Calendar,
    /// The language a figure names its actors' lanes in, where they have a
    /// name in it (`fa`, `tg`); None: as the dataset names them.
    pub lane_names: Option<String>,
}

impl ExportRequest {
    /// A request stamped with the current time.
    pub fn new(
        format: Format,
        events: Vec<EventIdx>,
        filter: Filter,
        source: SourceInfo,
    ) -> ExportRequest {
        ExportRequest {
            format,
            lanes: LaneMode::default(),
            events,
            filter,
            source,
            exported_at: now_rfc3339(),
            calendar: Calendar::Gregorian,
            lane_names: None,
        }
    }

    /// The same request with the figure's events grouped by `lanes`.
    pub(crate) fn with_lanes(self, lanes: LaneMode) -> ExportRequest {
        ExportRequest { lanes, ..self }
    }

    /// The same request with a figure's actor lanes named in language `tag`.
    pub(crate) fn with_lane_names(self, tag: Option<String>) -> ExportRequest {
        ExportRequest {
            lane_names: tag,
            ..self
        }
    }

    /// The same request with CSV and JSON dates written in `calendar`.
    pub(crate) fn with_calendar(self, calendar: Calendar) -> ExportRequest {
        ExportRequest { calendar, ..self }
    }

    /// True when the format is a figure, whose lanes change its bytes.
    pub(crate) fn is_figure(&self) -> bool {
        matches!(self.format, Format::Svg | Format::Png)
    }

    /// The manifest describing this export of `dataset`.
    pub(crate) fn manifest(&self, dataset: &Dataset) -> Manifest {
        Manifest::new(dataset, self)
    }
}

/// The current time, RFC 3339 in UTC to the second.
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The destination exists and overwriting was not asked for.
    #[error("{} already exists; it was left untouched", path.display())]
    Exists {
        /// The destination.
        path: PathBuf,
    },
    /// The destination could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The destination (or its temporary file's folder).
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The drawing could not be made.
    #[error("cannot draw the {format} export: {message}")]
    Render {
        /// The format being drawn.
        format: Format,
        /// What went wrong.
        message: String,
    },
}

/// The bytes of the export file described by `request`.
pub fn render(dataset: &Dataset, request: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    let manifest = request.manifest(dataset);
    match request.format {
        Format::Ron => Ok(ron::render(dataset, &request.events, &manifest)),
        Format::Json => Ok(json::render(
            dataset,
            &request.events,
            &manifest,
            request.calendar,
        )),
        Format::Csv => Ok(csv::render(dataset, &request.events, request.calendar)),
        Format::Ics => ics::render(dataset, &request.events, &manifest),
        Format::Svg => Ok(figure::render(dataset, request, &manifest).into_bytes()),
        Format::Png => png::render(dataset, request, &manifest),
    }
}

/// The bytes of the sibling manifest file, for formats that keep it beside the export.
pub(crate) fn render_sibling_manifest(
    dataset: &Dataset,
    request: &ExportRequest,
) -> Option<Vec<u8>> {
    request
        .format
        .has_sibling_manifest()
        .then(|| request.manifest(dataset).to_json_pretty().into_bytes())
}

/// The path of the sibling manifest of an export written to `path`: `OUT.manifest.json`.
pub(crate) fn sibling_manifest_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".manifest.json");
    PathBuf::from(name)
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The files written, the export first.
    pub(crate) files: Vec<PathBuf>,
    /// The number of events exported.
    pub events: usize,
}

/// Renders `request` and writes it (and its sibling manifest) atomically to `path`.
///
/// Without `overwrite`, an existing file (the export or its sibling manifest)
/// is an error and nothing is written.
pub(crate) fn write_export(
    dataset: &Dataset,
    request: &ExportRequest,
    path: &Path,
    overwrite: bool,
) -> Result<Written, ExportError> {
    let bytes = render(dataset, request)?;
    let sibling =
        render_sibling_manifest(dataset, request).map(|b| (sibling_manifest_path(path), b));
    if !overwrite {
        for target in std::iter::once(path).chain(sibling.as_ref().map(|(p, _)| p.as_path())) {
            if target.exists() {
                return Err(ExportError::Exists {
                    path: target.to_path_buf(),
                });
            }
        }
    }
    write_atomic(path, &bytes, overwrite)?;
    let mut files = vec![path.to_path_buf()];
    if let Some((manifest_path, manifest)) = sibling {
        write_atomic(&manifest_path, &manifest, overwrite)?;
        files.push(manifest_path);
    }
    Ok(Written {
        files,
        events: request.events.len(),
    })
}

/// How to export, besides which events: the format and, for a figure, its lanes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// The file format.
    pub format: Format,
    /// How a figure groups the events into lanes.
    pub lanes: LaneMode,
    /// The calendar CSV and JSON write dates in.
    pub calendar: Calendar,
    /// The language a figure names its actors' lanes in (`fa`, `tg`), where
    /// they have a name in it.
    pub lane_names: Option<String>,
}

/// Selects the events of `dataset` that `filter` matches and writes them to `path`:
/// what `annals export` does and what the viewer's Export button does.
pub fn export_matching(
    dataset: &Dataset,
    index: &impl Prepared,
    filter: Filter,
    source: SourceInfo,
    options: ExportOptions,
    path: &Path,
    overwrite: bool,
) -> Result<Written, ExportError> {
    let events = crate::query::select(dataset, index, &filter);
    let request = ExportRequest::new(options.format, events, filter, source)
        .with_lanes(options.lanes)
        .with_calendar(options.calendar)
        .with_lane_names(options.lane_names);
    write_export(dataset, &request, path, overwrite)
}

/// A file name for an export: the slug of the dataset's title and the period's
/// first and last days, e.g. `iran-tajikistan-relations_2022-05-01_2022-05-31.csv`.
pub(crate) fn default_file_name(title: &str, period: &Period, format: Format) -> String {
    let mut name = crate::query::slug(title);
    if name.is_empty() {
        name.push_str("annals");
    }
    let (start, end) = period.span();
    match (start.is_open(), end.is_open()) {
        (true, true) => {}
        (false, true) => name.push_str(&format!("_from_{}", start.iso_day())),
        (true, false) => name.push_str(&format!("_to_{}", end.add_days(-1).iso_day())),
        (false, false) => name.push_str(&format!(
            "_{}_{}",
            start.iso_day(),
            end.add_days(-1).iso_day()
        )),
    }
    format!("{name}.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_name_has_the_title_slug_and_the_period_days() {
        let period = Period {
            from: Some("2022-05".into()),
            to: Some("2022-05".into()),
        };
        assert_eq!(
            default_file_name("Iran–Tajikistan relations", &period, Format::Csv),
            "iran-tajikistan-relations_2022-05-01_2022-05-31.csv"
        );
        assert_eq!(
            default_file_name("Iran–Tajikistan relations", &Period::default(), Format::Svg),
            "iran-tajikistan-relations.svg"
        );
        assert_eq!(
            default_file_name(
                "Relations de la Côte d'Ivoire",
                &Period::default(),
                Format::Ron
            ),
            "relations-de-la-cote-d-ivoire.ron",
            "accents are dropped, not the letters that bear them"
        );
    }

    #[test]
    fn formats_parse_from_their_extension() {
        for format in Format::ALL {
            assert_eq!(format.extension().parse::<Format>(), Ok(format));
        }
        assert!("xlsx".parse::<Format>().is_err());
    }
}
