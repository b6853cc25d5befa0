//! View ▸ Chart: the shown events per period over the visible range, stacked
//! by the lanes' grouping, drawn with egui_plot under the timeline.
//!
//! Hovering a bar lists its counts; clicking it selects its period, through
//! the same [`Command::SetPeriod`] as Shift-drag on the canvas.

use eframe::egui::{
    self, Align2, Color32, FontId, Rect, RichText, Stroke, Ui, UiBuilder, pos2, vec2,
};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotBounds, PlotPoint, PlotTransform};

use crate::analysis::{CountedPeriod, Grouping, OTHERS, PeriodCounts, Stacked};
use crate::command::{AnalysisView, Command};
use crate::export::{GROUP_PALETTE, OTHERS_COLOUR, group_name};
use crate::model::{Dataset, EventKind};
use crate::timeline::kind_style::kind_style;
use crate::timeline::ticks::calendar_ticks;
use crate::timeline::{TimeAxis, TimeRange};

/// The name of the chart's plot, for screen readers and tests.
pub const CHART_NAME: &str = "Chart of events per period";

/// Points of width per bar the unit aims at: the zoom decides years, months, weeks or days.
pub(crate) const POINTS_PER_BAR: f32 = 14.0;

/// What the chart draws.
pub(crate) struct ChartInput<'a> {
    /// The dataset, for the groups' names.
    pub(crate) dataset: &'a Dataset,
    /// The kinds known to the counts, for their labels and colours.
    pub(crate) kinds: &'a [EventKind],
    /// The shown events counted per period, the largest groups and the rest.
    pub(crate) counts: &'a PeriodCounts,
    /// The same counts as stacked series.
    pub(crate) stacked: &'a Stacked,
    /// The timeline's visible range, which the chart follows.
    pub(crate) range: TimeRange,
    /// The space left of the plot, to line it up with the timeline's lanes.
    pub(crate) gutter: f32,
}

/// The periods of the chart in the visible range: the unit's own (bars) and
/// the coarser ones holding vaguer dates (shaded bands), by position in the counts.
fn visible_periods(input: &ChartInput) -> (Vec<usize>, Vec<usize>) {
    let (start, end) = (input.range.start, input.range.end);
    let mut fine = Vec::new();
    let mut coarse = Vec::new();
    for (p, period) in input.counts.periods.iter().enumerate() {
        if (period.end().0 as f64) <= start || (period.start().0 as f64) >= end {
            continue;
        }
        if period.is_coarser_than(input.counts.unit) {
            coarse.push(p);
        } else {
            fine.push(p);
        }
    }
    (fine, coarse)
}

/// The colour of each series: a kind's own, else the palette's, grey for the rest.
pub(crate) fn series_colours(
    counts: &PeriodCounts,
    stacked: &Stacked,
    kinds: &[EventKind],
) -> Vec<Color32> {
    let mut palette = GROUP_PALETTE.iter().cycle();
    stacked
        .series
        .iter()
        .map(|series| {
            let name = series.map(|g| counts.groups[g as usize].as_str());
            match (name, counts.grouping) {
                (None, _) | (Some(OTHERS), _) => hex_colour(OTHERS_COLOUR),
                (Some(slug), Grouping::Kind) => {
                    // The dataset's own kinds are coloured by their label, as on the canvas.
                    let kind = kinds
                        .iter()
                        .find(|k| k.slug() == slug)
                        .cloned()
                        .unwrap_or(EventKind::Other(slug.into()));
                    let rgb = kind_style(&kind).1;
                    Color32::from_rgb(rgb.r, rgb.g, rgb.b)
                }
                (Some(_), Grouping::None) => hex_colour(GROUP_PALETTE[0]),
                (Some(_), _) => hex_colour(palette.next().copied().unwrap_or(OTHERS_COLOUR)),
            }
        })
        .collect()
}

/// `#rrggbb` as a colour (grey when malformed).
fn hex_colour(hex: &str) -> Color32 {
    let part = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x99)
    };
    Color32::from_rgb(part(1), part(3), part(5))
}

/// The name of a series in the legend and the hover.
fn series_name<'a>(input: &ChartInput<'a>, series: Option<u32>) -> &'a str {
    match series {
        Some(g) if input.counts.groups[g as usize] != OTHERS => {
            group_name(input.dataset, input.counts, input.kinds, g)
        }
        _ => "Others",
    }
}

/// Shows the chart: a heading with the legend and the plot; what the user asked for.
pub(crate) fn chart_ui(ui: &mut Ui, input: &ChartInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let colours = series_colours(input.counts, input.stacked, input.kinds);
    let (fine, coarse) = visible_periods(input);
    let in_view: u32 = fine
        .iter()
        .chain(&coarse)
        .map(|&p| input.stacked.period_total(p))
        .sum();
    ui.horizontal(|ui| {
        let per = match input.counts.grouping {
            Grouping::None => String::new(),
            grouping => format!(", by {grouping}"),
        };
        ui.label(RichText::new(format!("Events per {}{per}", input.counts.unit)).strong());
        let (counted, how) = match input.counts.grouping {
            Grouping::Actor => ("counts", "An event counts once for each of its actors"),
            Grouping::Topic => ("counts", "An event counts once for each of its topics"),
            _ => (
                "events",
                "Every shown event in the visible range counts once",
            ),
        };
        ui.label(RichText::new(format!("{in_view} {counted} in view")).weak())
            .on_hover_text(how);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Hide")
                .on_hover_text("Hide the chart (View ▸ Chart)")
                .clicked()
            {
                commands.push(Command::ShowChart(false));
            }
            if ui
                .small_button("Export…")
                .on_hover_text("The chart as SVG or PNG, or its numbers as CSV")
                .clicked()
            {
                commands.push(Command::OpenAnalysisExport(AnalysisView::Chart));
            }
        });
    });
    commands.extend(plot_ui(ui, input, &colours, &fine, &coarse));
    commands
}

/// The series' swatches and names, top to bottom, in the column left of the plot.
fn legend_ui(ui: &mut Ui, input: &ChartInput, colours: &[Color32]) {
    if input.counts.grouping == Grouping::None {
        return;
    }
    ui.spacing_mut().item_spacing.y = 1.0;
    for (series, colour) in input.stacked.series.iter().zip(colours) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *colour);
            ui.add(egui::Label::new(RichText::new(series_name(input, *series)).small()).truncate());
        });
    }
}

/// A round step for about five count lines up to `top`: 1, 2 or 5 times a power of ten.
fn count_step(top: u32) -> f64 {
    let rough = (f64::from(top) / 5.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= rough)
        .unwrap_or(10.0 * power)
}

/// The calendar's ticks over `range` across `width` points, as the timeline labels them.
fn time_labels(range: TimeRange, width: f32) -> Vec<(f64, String)> {
    let axis = TimeAxis::new(range, 0.0, width);
    let ticks = calendar_ticks(&axis, &|text: &str| text.chars().count() as f32 * 6.5);
    ticks
        .minor
        .iter()
        .filter(|t| range.start <= t.time && t.time <= range.end)
        .map(|t| {
            let major = ticks.major.iter().find(|m| (m.time - t.time).abs() < 1.0);
            (t.time, major.map_or(&t.label, |m| &m.label).clone())
        })
        .collect()
}

/// The plot right of the legend column, lined up with the lanes; its hover and its click.
fn plot_ui(
    ui: &mut Ui,
    input: &ChartInput,
    colours: &[Color32],
    fine: &[usize],
    coarse: &[usize],
) -> Option<Command> {
    let (range, stacked) = (input.range, input.stacked);
    let top = fine
        .iter()
        .chain(coarse)
        .map(|&p| stacked.period_total(p))
        .max()
        .unwrap_or(0)
        .max(1);
    let area = ui.available_rect_before_wrap();
    let split = area.left() + input.gutter;
    let legend_area =
        Rect::from_min_max(area.min + vec2(8.0, 4.0), pos2(split - 40.0, area.bottom()));
    let plot_area = Rect::from_min_max(pos2(split, area.top()), area.max);
    ui.scope_builder(UiBuilder::new().max_rect(legend_area), |ui| {
        legend_ui(ui, input, colours);
    });
    let labels = time_labels(range, plot_area.width());
    let step = count_step(top);
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let mut plot_ui = ui.new_child(UiBuilder::new().max_rect(plot_area));
    let response = Plot::new("events per period")
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_axes([true, false])
        .grid_color(grid)
        .x_grid_spacer(move |_| {
            let marks = time_labels(range, plot_area.width());
            let step_size = range.span() / 8.0;
            marks
                .iter()
                .map(|&(value, _)| GridMark { value, step_size })
                .collect()
        })
        .y_grid_spacer(move |input| {
            let mut marks = Vec::new();
            let mut value = 0.0;
            while value <= input.bounds.1 {
                marks.push(GridMark {
                    value,
                    step_size: step * 4.0,
                });
                value += step;
            }
            marks
        })
        .x_axis_formatter(move |mark, _| {
            labels
                .iter()
                .find(|(t, _)| (t - mark.value).abs() < 1.0)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
        .show(&mut plot_ui, |plot| {
            plot.set_plot_bounds(PlotBounds::from_min_max(
                [range.start, 0.0],
                [range.end, f64::from(top) * 1.08],
            ));
            if !coarse.is_empty() {
                plot.bar_chart(coarse_bands(input, coarse));
            }
            for chart in series_bars(input, colours, fine) {
                plot.bar_chart(chart);
            }
        });
    ui.advance_cursor_after_rect(area);
    count_labels(ui, &response.transform, split, step, top);
    let plot = response.response;
    plot.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, CHART_NAME));
    let pointer = plot.hover_pos().or(plot.interact_pointer_pos());
    let time = pointer.map(|p| response.transform.value_from_position(p).x);
    let under = time.and_then(|t| period_at(input, fine, coarse, t));
    let plot = match under {
        Some(p) => plot.on_hover_ui_at_pointer(|ui| hover_ui(ui, input, colours, p)),
        None => plot,
    };
    let clicked = plot.clicked();
    under
        .filter(|_| clicked)
        .map(|p| Command::SetPeriod(input.counts.periods[p].as_filter_period()))
}

/// The counts of the horizontal grid lines, right-aligned just left of the plot at `x`.
fn count_labels(ui: &Ui, transform: &PlotTransform, x: f32, step: f64, top: u32) {
    let colour = ui.visuals().weak_text_color();
    let mut value = 0.0;
    while value <= f64::from(top) * 1.08 {
        let y = transform.position_from_point(&PlotPoint::new(0.0, value)).y;
        ui.painter().text(
            pos2(x - 6.0, y),
            Align2::RIGHT_CENTER,
            format!("{value}"),
            FontId::proportional(11.0),
            colour,
        );
        value += step;
    }
}

/// One bar chart per series, each bar resting on the series below it.
fn series_bars(input: &ChartInput, colours: &[Color32], fine: &[usize]) -> Vec<BarChart> {
    let stacked = input.stacked;
    let mut below = vec![0u32; fine.len()];
    let mut charts = Vec::with_capacity(stacked.series.len());
    for (s, (series, &colour)) in stacked.series.iter().zip(colours).enumerate() {
        let mut bars = Vec::new();
        for (i, &p) in fine.iter().enumerate() {
            let value = stacked.values[p][s];
            if value == 0 {
                continue;
            }
            let period = input.counts.periods[p];
            bars.push(
                Bar::new(centre(&period), f64::from(value))
                    .base_offset(f64::from(below[i]))
                    .width(length(&period) * 0.84)
                    .fill(colour)
                    .stroke(Stroke::NONE),
            );
            below[i] += value;
        }
        let name = series_name(input, *series);
        charts.push(BarChart::new(name, bars).color(colour).allow_hover(false));
    }
    charts
}

/// The events known only to a coarser period: a faint band across it, as high as their number.
fn coarse_bands(input: &ChartInput, coarse: &[usize]) -> BarChart {
    let shade = Color32::from_gray(128).gamma_multiply(0.22);
    let bars = coarse
        .iter()
        .map(|&p| {
            let period = input.counts.periods[p];
            Bar::new(centre(&period), f64::from(input.stacked.period_total(p)))
                .width(length(&period))
                .fill(shade)
                .stroke(Stroke::NONE)
        })
        .collect();
    BarChart::new("Vaguer dates", bars)
        .color(shade)
        .allow_hover(false)
}

fn centre(period: &CountedPeriod) -> f64 {
    (period.start().0 as f64 + period.end().0 as f64) / 2.0
}

fn length(period: &CountedPeriod) -> f64 {
    (period.end().0 - period.start().0) as f64
}

/// The period under instant `t`: a bar of the unit, else a band of vaguer dates.
fn period_at(input: &ChartInput, fine: &[usize], coarse: &[usize], t: f64) -> Option<usize> {
    let inside = |p: &usize| {
        let period = input.counts.periods[*p];
        (period.start().0 as f64) <= t && t < period.end().0 as f64
    };
    fine.iter()
        .find(|p| inside(p))
        .or_else(|| coarse.iter().find(|p| inside(p)))
        .copied()
}

/// The counts of period `p`, by series, and what a click does.
fn hover_ui(ui: &mut Ui, input: &ChartInput, colours: &[Color32], p: usize) {
    let period = input.counts.periods[p];
    let total = input.stacked.period_total(p);
    let vaguer = if period.is_coarser_than(input.counts.unit) {
        " (dates known only to this period)"
    } else {
        ""
    };
    ui.label(RichText::new(format!("{}: {total}{vaguer}", period.label())).strong());
    egui::Grid::new("bar counts").num_columns(2).show(ui, |ui| {
        let values = &input.stacked.values[p];
        for (s, series) in input.stacked.series.iter().enumerate().rev() {
            if values[s] == 0 {
                continue;
            }
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, colours[s]);
                ui.label(series_name(input, *series));
            });
            ui.label(values[s].to_string());
            ui.end_row();
        }
    });
    ui.label(RichText::new("Click to select this period").weak());
}
