//! The chart of events per period and the actor matrix: their counts, kept
//! until the filter changes, and their exports through the code of
//! `annals stats` and `annals matrix`.

use std::collections::HashMap;
use std::path::Path;

use super::{App, Document};
use crate::analysis::{Grouping, Matrix, PairTally, PeriodCounts, PeriodUnit, Stacked, TopGroups};
use crate::command::AnalysisView;
use crate::export::{self, AnalysisExport, AnalysisFormat, ExportError, TOP_SERIES};
use crate::query::EventSet;
use crate::timeline::{LaneMode, TimeRange};
use crate::ui::analysis_export::AnalysisExportState;
use crate::ui::chart::POINTS_PER_BAR;
use crate::ui::folder_dialog::BrowseFor;

/// How many actors get a row and a column of their own in the matrix.
pub const MATRIX_TOP: usize = 30;

/// The chart's width in points until it is first drawn.
const DEFAULT_CHART_WIDTH: f32 = 1000.0;

/// The counts behind the chart at one unit: the largest groups and the rest, stacked.
#[derive(Debug)]
pub struct ChartCounts {
    /// The counts per period, over every period.
    pub counts: PeriodCounts,
    /// The same as series to stack.
    pub(crate) stacked: Stacked,
}

/// The matrix of the shown events with every pair behind it.
#[derive(Debug)]
pub struct MatrixCounts {
    /// The top actors and the others.
    pub matrix: Matrix,
}

/// The analysis views' counts and dialog.
#[derive(Debug, Default)]
pub(super) struct AnalysisViews {
    /// The groups the chart keeps per grouping, for the applied filter.
    tops: HashMap<Grouping, TopGroups>,
    /// The chart's counts per unit and grouping, for the applied filter.
    charts: HashMap<(PeriodUnit, Grouping), ChartCounts>,
    /// The matrix for the applied filter.
    matrix: Option<MatrixCounts>,
    /// The matrix's counts of every event (as written, rolled up) and of the
    /// last other selection, kept across filter changes so that the next
    /// counts only the events that changed.
    everything: [Option<PairTally>; 2],
    last: Option<PairTally>,
    /// The document revision the tallies count.
    tallied: u64,
    /// The width of the chart's plot in the last frame, for its unit.
    pub(crate) chart_width: Option<f32>,
    /// The export dialog of the chart or the matrix, while it is open.
    pub(crate) export: Option<AnalysisExportState>,
}

impl AnalysisViews {
    /// Sets where the chart's or the matrix's export dialog writes.
    pub(crate) fn set_destination(&mut self, destination: String) {
        if let Some(state) = self.export.as_mut() {
            state.destination = destination;
        }
    }

    /// Forgets every count (the filter or the document changed).
    pub(crate) fn forget(&mut self) {
        self.tops.clear();
        self.charts.clear();
        self.matrix = None;
    }

    /// The chart's counts of the `selection` by `unit` and `grouping`, counted on first use.
    pub(crate) fn chart(
        &mut self,
        doc: &Document,
        selection: &EventSet,
        unit: PeriodUnit,
        grouping: Grouping,
    ) -> &ChartCounts {
        let tops = &mut self.tops;
        self.charts.entry((unit, grouping)).or_insert_with(|| {
            // A zoom to another unit counts again, but keeps the groups.
            let groups = tops
                .entry(grouping)
                .or_insert_with(|| doc.counts().top_groups(selection, grouping, TOP_SERIES));
            let counts = doc.counts().period_counts_of(selection, unit, groups);
            let stacked = counts.stacked(TOP_SERIES + 1);
            ChartCounts { counts, stacked }
        })
    }

    /// The matrix of the `selection`, people rolled up with `roll_up`, counted on first use.
    pub(crate) fn matrix(
        &mut self,
        doc: &Document,
        selection: &EventSet,
        roll_up: bool,
    ) -> &MatrixCounts {
        if self.matrix.is_none() {
            if self.tallied != doc.revision() {
                (self.everything, self.last) = Default::default();
                self.tallied = doc.revision();
            }
            let slot = usize::from(roll_up);
            let bases: Vec<&PairTally> = self.everything[slot].iter().chain(&self.last).collect();
            let tally = doc.counts().pair_tally(selection, roll_up, &bases);
            let matrix = doc.counts().matrix_of(&tally, MATRIX_TOP);
            if tally.is_everything() {
                self.everything[slot] = Some(tally);
            } else {
                self.last = Some(tally);
            }
            self.matrix = Some(MatrixCounts { matrix });
        }
        self.matrix
            .get_or_insert_with(|| unreachable!("counted above"))
    }
}

/// What the chart stacks by for the lanes: kinds, actors, topics, or nothing for one lane.
pub fn chart_grouping(lanes: LaneMode) -> Grouping {
    match lanes {
        LaneMode::Actor => Grouping::Actor,
        LaneMode::Topic => Grouping::Topic,
        LaneMode::Kind => Grouping::Kind,
        LaneMode::Single => Grouping::None,
    }
}

/// The chart's unit for `range` over `width` points: about one bar per [`POINTS_PER_BAR`].
pub fn chart_unit(range: TimeRange, width: f32) -> PeriodUnit {
    let bars = f64::from((width / POINTS_PER_BAR).max(8.0));
    PeriodUnit::for_span(range.span() / 86_400.0, bars)
}

impl App {
    /// The unit the chart counts by at the present zoom.
    pub fn chart_unit(&self) -> PeriodUnit {
        let width = self.analysis.chart_width.unwrap_or(DEFAULT_CHART_WIDTH);
        chart_unit(self.viewport.range, width)
    }

    /// The grouping the chart stacks by, following the lanes.
    pub fn chart_grouping(&self) -> Grouping {
        chart_grouping(self.view.lanes)
    }

    /// The chart's counts at the present zoom, lanes and filters.
    pub fn chart_counts(&mut self) -> &ChartCounts {
        let (unit, grouping) = (self.chart_unit(), self.chart_grouping());
        self.analysis
            .chart(&self.doc, &self.filtered.matched, unit, grouping)
    }

    /// The matrix of the shown events.
    pub fn matrix_counts(&mut self) -> &MatrixCounts {
        let roll_up = self.view.filter.include_members;
        self.analysis
            .matrix(&self.doc, &self.filtered.matched, roll_up)
    }

    /// True while the export dialog of the chart or the matrix is open.
    pub fn analysis_export_open(&self) -> Option<AnalysisView> {
        self.analysis.export.as_ref().map(|e| e.view)
    }

    /// Opens the export dialog of `view`, offering a name in the dataset's folder.
    pub(super) fn open_analysis_export(&mut self, view: AnalysisView) {
        let folder = self.doc.export_folder();
        let keep = self.analysis.export.as_ref().filter(|e| e.view == view);
        let format = keep.map_or(AnalysisFormat::Svg, |e| e.format);
        let name = self.analysis_file_name(view, format);
        let mut state = AnalysisExportState::new(view, folder.join(name).display().to_string());
        state.format = format;
        self.analysis.export = Some(state);
    }

    /// A file name for an export: the dataset's title, what it is, and its unit.
    fn analysis_file_name(&self, view: AnalysisView, format: AnalysisFormat) -> String {
        let title: String = self
            .doc
            .dataset()
            .title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let title = title.trim_matches('-').to_lowercase();
        let what = match view {
            AnalysisView::Chart => {
                format!("per-{}-by-{}", self.chart_unit(), self.chart_grouping())
            }
            AnalysisView::Matrix => "matrix".to_string(),
            AnalysisView::Map => "map".to_string(),
        };
        format!("{title}-{what}.{}", format.extension())
    }

    /// What an export of `view` holds, in words for its dialog.
    pub(super) fn analysis_scope(&self, view: AnalysisView) -> String {
        let events = self.filtered.list.len();
        match view {
            AnalysisView::Chart => format!(
                "The {events} shown events per {}, by {}, over every period (not only the visible range).",
                self.chart_unit(),
                self.chart_grouping()
            ),
            AnalysisView::Matrix => format!(
                "The {events} shown events per pair of actors: the top {MATRIX_TOP} and the others."
            ),
            AnalysisView::Map => format!(
                "The {events} shown events per place, country and pair of countries (not only the visible range)."
            ),
        }
    }

    /// Asks for the destination of the open analysis export with the system's save dialog.
    pub(super) fn choose_analysis_destination(
        &mut self,
        view: AnalysisView,
        format: AnalysisFormat,
    ) {
        let name = self.analysis_file_name(view, format);
        let Some(state) = self.analysis.export.as_mut() else {
            return;
        };
        let current = Path::new(state.destination.trim());
        let folder = current
            .parent()
            .filter(|p| p.is_dir())
            .map_or_else(|| self.doc.export_folder(), Path::to_path_buf);
        let dialog = rfd::FileDialog::new()
            .set_file_name(&name)
            .add_filter(format.extension().to_uppercase(), &[format.extension()])
            .set_directory(&folder);
        let asked = std::time::Instant::now();
        match dialog.save_file() {
            Some(path) => self.analysis.set_destination(path.display().to_string()),
            None if asked.elapsed() < super::NO_SYSTEM_DIALOG => {
                self.browse_for(&folder, BrowseFor::Analysis(view, name));
            }
            None => {}
        }
    }

    /// Writes the chart or the matrix of the shown events to `path`; the
    /// outcome goes to a notice above the canvas, or to the dialog when it failed.
    pub(super) fn export_analysis(
        &mut self,
        view: AnalysisView,
        format: AnalysisFormat,
        path: &Path,
        overwrite: bool,
    ) {
        let written = self
            .analysis_bytes(view, format, path)
            .and_then(|bytes| export::write_atomic(path, &bytes, overwrite));
        match written {
            Ok(()) => {
                let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                self.export.notice = Some(Ok(format!(
                    "Exported the {} to {}",
                    view.label(),
                    shown.display()
                )));
                self.analysis.export = None;
            }
            Err(error) => {
                if let Some(state) = self.analysis.export.as_mut() {
                    state.error = Some(error.to_string());
                } else {
                    self.export.notice = Some(Err(error.to_string()));
                }
            }
        }
    }

    /// The bytes of an export, made as `annals stats` or `annals matrix` makes them.
    fn analysis_bytes(
        &self,
        view: AnalysisView,
        format: AnalysisFormat,
        path: &Path,
    ) -> Result<Vec<u8>, ExportError> {
        let doc = &self.doc;
        let selection = &self.filtered.matched;
        let file_name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut export = AnalysisExport {
            format,
            filter: self.view.filter.clone(),
            events: selection.len(),
            source: doc.source.clone(),
            command: Vec::new(),
            file_name,
            exported_at: export::now_rfc3339(),
        };
        let counting = doc.counts();
        match view {
            AnalysisView::Chart => {
                let (unit, grouping) = (self.chart_unit(), self.chart_grouping());
                let counts = counting.period_counts(selection, unit, grouping, None);
                export.command = ["stats", "--by", unit.as_str(), "--group", grouping.as_str()]
                    .map(str::to_string)
                    .to_vec();
                export::render_stats(doc.dataset(), &counts, &export)
            }
            AnalysisView::Matrix => {
                let pairs = counting.pair_counts(selection, self.view.filter.include_members);
                let matrix = pairs.matrix(MATRIX_TOP);
                export.command = vec!["matrix".into(), "--top".into(), MATRIX_TOP.to_string()];
                export::render_matrix(doc.dataset(), &pairs, &matrix, counting.kinds(), &export)
            }
            AnalysisView::Map => {
                let counts = doc.map().count(counting, selection, None);
                export.command = vec!["map".into()];
                let figure = export::MapFigure {
                    dataset: doc.dataset(),
                    map: doc.map(),
                    counts: &counts,
                    kinds: counting.kinds(),
                };
                export::render_map(&figure, &export)
            }
        }
    }
}
