//! The map window's state: its counts for the applied filter (and the
//! visible range, when asked), where it looks, and the steps of "Play".

use eframe::egui;

use super::App;
use crate::analysis::{CountedPeriod, MapCounts, PeriodUnit};
use crate::command::{Command, MapCommand};
use crate::geography::MapView;
use crate::model::Moment;
use crate::timeline::TimeRange;
use crate::ui::map::{MapInput, map_ui};

/// How long each step of "Play" stays on screen, in seconds.
const STEP_SECONDS: f64 = 0.8;

/// The map's counts, view and playing.
#[derive(Debug)]
pub(super) struct MapState {
    /// The counts, and the range they were limited to (none: every shown event).
    counts: Option<(MapCounts, Option<[i64; 2]>)>,
    /// Where the map looks; none: fitted to the shown events at the next frame.
    view: Option<MapView>,
    /// The unit "Play" steps by.
    step: PeriodUnit,
    /// While playing: the start of the next step, and when to take it.
    playing: Option<(Moment, f64)>,
    /// While playing: the period on screen, as its label reads (`2022-05`).
    period: Option<String>,
}

impl Default for MapState {
    /// Fitted, stepping month by month.
    fn default() -> Self {
        MapState {
            counts: None,
            view: None,
            step: PeriodUnit::Month,
            playing: None,
            period: None,
        }
    }
}

impl MapState {
    /// Forgets the counts (the filter or the document changed).
    pub(super) fn forget(&mut self) {
        self.counts = None;
    }
}

impl App {
    /// The map window, when View ▸ Map is ticked.
    pub(super) fn map_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.view.show_map {
            return;
        }
        self.play_step(ctx, commands);
        let within = self.view.map_within_range.then(|| {
            [
                self.viewport.range.start as i64,
                self.viewport.range.end.ceil() as i64,
            ]
        });
        if self.map.counts.as_ref().is_none_or(|(_, w)| *w != within) {
            let counts = self
                .doc
                .map()
                .count(self.doc.counts(), &self.filtered.matched, within);
            self.map.counts = Some((counts, within));
        }
        let Some((counts, _)) = self.map.counts.as_ref() else {
            return;
        };
        let input = MapInput {
            map: self.doc.map(),
            counts,
            kinds: self.doc.counts().kinds(),
            filter: &self.view.filter,
            view: self.map.view,
            within_range: self.view.map_within_range,
            playing: self
                .map
                .playing
                .is_some()
                .then_some(self.map.period.as_deref().unwrap_or("")),
            step: self.map.step,
        };
        let mut open = true;
        let action = egui::Window::new("Map")
            .open(&mut open)
            .resizable(true)
            .default_size([760.0, 520.0])
            .default_pos(ctx.content_rect().left_top() + egui::vec2(260.0, 110.0))
            .show(ctx, |ui| map_ui(ui, &input))
            .and_then(|r| r.inner);
        if !open {
            commands.push(Command::ShowMap(false));
        }
        commands.extend(action.into_iter().flatten());
    }

    /// Applies an action of the map.
    pub(super) fn apply_map(&mut self, command: MapCommand) {
        match command {
            MapCommand::Look(view) => self.map.view = Some(view),
            MapCommand::Fit => self.map.view = None,
            MapCommand::WithinRange(within) => self.view.map_within_range = within,
            MapCommand::StepBy(unit) => self.map.step = unit,
            MapCommand::Play(false) => {
                self.map.playing = None;
                self.map.period = None;
            }
            MapCommand::Play(true) => {
                let first = self.viewport.range.start.max(self.filtered.fitted.start);
                self.view.map_within_range = true;
                self.map.playing = Some((Moment(first as i64), 0.0));
            }
        }
    }

    /// While playing, moves the timeline's range to the next period with a
    /// shown event when its time has come (periods without one are passed
    /// over), and stops after the last.
    fn play_step(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some((next, due)) = self.map.playing else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        let Some(start) = self.next_shown(next) else {
            self.map.playing = None;
            self.map.period = None;
            return;
        };
        let period = CountedPeriod::containing(self.map.step, start, start);
        self.map.period = Some(period.label());
        let range = TimeRange::new(period.start().0 as f64, period.end().0 as f64);
        commands.push(Command::ZoomTo(range));
        self.map.playing = Some((period.end(), now + STEP_SECONDS));
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(STEP_SECONDS));
    }

    /// The first moment at or after `from` in a shown event, if any is left.
    fn next_shown(&self, from: Moment) -> Option<Moment> {
        let bounds = &self.doc.counts().facts.bounds;
        self.filtered
            .list
            .iter()
            .map(|&e| bounds[e as usize])
            .find(|&[_, latest]| latest > from.0)
            .map(|[earliest, _]| Moment(earliest.max(from.0)))
    }
}
