//! Exporting counts over time and the actor matrix: their data as CSV, their
//! pictures as SVG and PNG with the same manifest as the timeline figures.
//!
//! `annals stats`, `annals matrix` and the viewer's chart and matrix all go
//! through [`render_stats`] and [`render_matrix`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::manifest::{filter_arguments, shell_line};
use super::map_figure::MapFigure;
use super::{ExportError, ExportRequest, Format, Manifest, png};
use crate::analysis::{Matrix, PairCounts, PeriodCounts};
use crate::dataset::SourceInfo;
use crate::model::{Dataset, EventKind};
use crate::query::Filter;
use crate::timeline::LaneMode;

/// A file format for a chart or a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnalysisFormat {
    /// The numbers, one row per count.
    #[default]
    Csv,
    /// The picture in vectors and text.
    Svg,
    /// The picture as a bitmap.
    Png,
}

impl AnalysisFormat {
    /// Every format, in the order menus list them.
    pub const ALL: [AnalysisFormat; 3] = [
        AnalysisFormat::Csv,
        AnalysisFormat::Svg,
        AnalysisFormat::Png,
    ];

    /// The file name extension, without the dot.
    pub(crate) fn extension(self) -> &'static str {
        self.format().extension()
    }

    /// The same format among the export formats.
    fn format(self) -> Format {
        match self {
            AnalysisFormat::Csv => Format::Csv,
            AnalysisFormat::Svg => Format::Svg,
            AnalysisFormat::Png => Format::Png,
        }
    }
}

impl fmt::Display for AnalysisFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for AnalysisFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AnalysisFormat::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown format {s:?}; choose one of csv, svg, png"))
    }
}

/// What decides the bytes of a chart or matrix export besides its numbers:
/// the format, the filter, where the dataset came from, and the command that
/// makes the same picture.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisExport {
    /// The file format.
    pub(crate) format: AnalysisFormat,
    /// The filter that chose the events.
    pub(crate) filter: Filter,
    /// How many events it chose.
    pub(crate) events: usize,
    /// The dataset's path and SHA-256.
    pub(crate) source: SourceInfo,
    /// The subcommand and its own options: `["stats", "--by", "month", "--group", "kind"]`.
    pub(crate) command: Vec<String>,
    /// The name of the file written, for the command line in the manifest.
    pub(crate) file_name: String,
    /// The time of export, RFC 3339 in UTC.
    pub(crate) exported_at: String,
}

impl AnalysisExport {
    /// The manifest of this export: the figures' manifest, with the command
    /// line of `annals stats` or `annals matrix`.
    pub(crate) fn manifest(&self, dataset: &Dataset) -> Manifest {
        let request = ExportRequest {
            format: self.format.format(),
            lanes: LaneMode::default(),
            events: Vec::new(),
            filter: self.filter.clone(),
            source: self.source.clone(),
            exported_at: self.exported_at.clone(),
            calendar: Default::default(),
            lane_names: None,
        };
        let mut manifest = Manifest::new(dataset, &request);
        manifest.lanes = None;
        manifest.events = self.events;
        let mut args = vec!["annals".to_string()];
        args.extend(self.command.iter().take(1).cloned());
        if !self.source.is_embedded() {
            args.push(self.source.path.clone());
        }
        args.extend(filter_arguments(&self.filter));
        args.extend(self.command.iter().skip(1).cloned());
        args.extend([
            "--format".to_string(),
            self.format.extension().to_string(),
            "-o".to_string(),
            self.file_name.clone(),
        ]);
        manifest.command = shell_line(&args);
        manifest
    }
}

/// The bytes of a chart of `counts`: CSV (`period,group,count`), SVG or PNG.
pub fn render_stats(
    dataset: &Dataset,
    counts: &PeriodCounts,
    export: &AnalysisExport,
) -> Result<Vec<u8>, ExportError> {
    if export.format == AnalysisFormat::Csv {
        return Ok(stats_csv(counts));
    }
    let manifest = export.manifest(dataset);
    let svg = super::stats_chart::render(dataset, counts, &manifest);
    finish(svg, export.format, &manifest)
}

/// The bytes of a matrix: CSV of every pair (`from,to,count`), or the
/// `matrix`'s picture as SVG or PNG.
pub fn render_matrix(
    dataset: &Dataset,
    pairs: &PairCounts,
    matrix: &Matrix,
    kinds: &[EventKind],
    export: &AnalysisExport,
) -> Result<Vec<u8>, ExportError> {
    if export.format == AnalysisFormat::Csv {
        return Ok(matrix_csv(pairs));
    }
    let manifest = export.manifest(dataset);
    let svg = super::matrix_figure::render(dataset, matrix, kinds, &manifest);
    finish(svg, export.format, &manifest)
}

/// The map's counts as CSV, or its figure as SVG or PNG.
pub fn render_map(figure: &MapFigure, export: &AnalysisExport) -> Result<Vec<u8>, ExportError> {
    if export.format == AnalysisFormat::Csv {
        return Ok(super::map::map_csv(figure.map, figure.counts));
    }
    let manifest = export.manifest(figure.dataset);
    let svg = super::map_figure::render(figure, &manifest);
    finish(svg, export.format, &manifest)
}

fn finish(
    svg: String,
    format: AnalysisFormat,
    manifest: &Manifest,
) -> Result<Vec<u8>, ExportError> {
    match format {
        AnalysisFormat::Png => png::rasterize(&svg, manifest),
        _ => Ok(svg.into_bytes()),
    }
}

/// The counts as CSV: `period,group,count`, one row per non-zero count, CRLF.
pub fn stats_csv(counts: &PeriodCounts) -> Vec<u8> {
    csv_rows(
        ["period", "group", "count"],
        counts.cells.iter().map(|cell| {
            [
                counts.periods[cell.period as usize].label(),
                counts.groups[cell.group as usize].clone(),
                cell.count.to_string(),
            ]
        }),
    )
}

/// Every pair as CSV: `from,to,count`, most events first, CRLF.
pub fn matrix_csv(pairs: &PairCounts) -> Vec<u8> {
    csv_rows(
        ["from", "to", "count"],
        pairs.pairs.iter().map(|pair| {
            [
                pair.from.clone(),
                pair.to.clone(),
                pair.events.count.to_string(),
            ]
        }),
    )
}

fn csv_rows(header: [&str; 3], rows: impl Iterator<Item = [String; 3]>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing records into memory cannot fail.
    let mut write = |record: &[String]| {
        writer
            .write_record(record)
            .unwrap_or_else(|e| unreachable!("writing CSV to memory: {e}"));
    };
    write(&header.map(str::to_string));
    for row in rows {
        write(&row);
    }
    writer
        .into_inner()
        .unwrap_or_else(|e| unreachable!("flushing CSV to memory: {e}"))
}
