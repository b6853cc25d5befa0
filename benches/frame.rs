//! One whole frame of the viewer (egui's pass over every panel and the canvas,
//! then tessellation into triangles; no GPU) on a 1600×1000 window, at three
//! zoom levels and while panning, with 10k, 100k and 1M events.
//!
//! `steady` frames reuse the canvas's layout as an idle or animating window
//! does; `relayout` frames follow a zoom step, so the layout is built again
//! (what the user feels when zooming); `pan` frames each move the view by a
//! tenth of its span, laying out again whenever the view leaves its window,
//! and are timed as the mean frame of a sweep back and forth. `filter` frames follow
//! a filter change (ticking one country, or clearing it): the selection, the facet
//! counts and the first frame after it, with all in view. `edit and undo`
//! frames follow an edit of one event's date and its undo, with editing on.

mod bench_data;

use std::hint::black_box;
use std::time::{Duration, Instant};

use std::collections::HashMap;

use annals::app::{App, AppOptions, Document};
use annals::command::{Command, EditCommand};
use annals::edit::Edit;
use annals::model::{ActorKind, Moment};
use annals::query::Filter;
use annals::timeline::TimeRange;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::egui;

/// The window size, in points (one pixel per point).
const WINDOW: egui::Vec2 = egui::vec2(1600.0, 1000.0);
/// Frames drawn after a zoom change before measuring, so that caches settle.
const WARM_UP_FRAMES: usize = 3;
/// A zoom step between the two `relayout` views, larger than one layout level.
const ZOOM_STEP: f64 = 1.5;
/// Pans each way from the starting view in a sweep, so that the view stays on the data.
const PANS_EACH_WAY: usize = 5;

/// The viewer with its egui context and the frame eframe would pass it.
struct Viewer {
    ctx: egui::Context,
    frame: eframe::Frame,
    app: App,
}

impl Viewer {
    fn open(path: std::path::PathBuf) -> Viewer {
        let ctx = egui::Context::default();
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        let app = App::headless(AppOptions {
            file: Some(path),
            ..AppOptions::default()
        });
        Viewer {
            ctx,
            frame: eframe::Frame::_new_kittest(),
            app,
        }
    }

    /// Runs one frame and tessellates it; returns the number of triangle batches.
    fn frame(&mut self) -> usize {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, WINDOW)),
            ..egui::RawInput::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
        }
        let Viewer { ctx, frame, app } = self;
        let mut output = ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui.ctx(), frame);
            eframe::App::ui(app, ui, frame);
        });
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = ctx.tessellate(shapes, output.pixels_per_point);
        // The font atlas updates would go to the GPU here.
        output.textures_delta.clear();
        primitives.len()
    }

    /// Shows `range` and draws a few frames so that the next one is steady.
    fn zoom_to(&mut self, range: TimeRange) {
        self.app.apply(Command::ZoomTo(range));
        for _ in 0..WARM_UP_FRAMES {
            self.frame();
        }
    }
}

/// The id of the country or organization named in the most events.
fn busiest_country(doc: &Document) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for event in &doc.dataset().events {
        for id in event.participants() {
            *counts.entry(id).or_default() += 1;
        }
    }
    doc.dataset()
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::Person)
        .max_by_key(|a| counts.get(a.id.as_str()).copied().unwrap_or(0))
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

/// One filter per facet a user sets: the busiest country ticked, the first
/// topic, the visits, a search word (the start of the busiest country's
/// name, as typed), and a period of two years.
fn facet_filters(doc: &Document) -> Vec<(&'static str, Filter)> {
    let country = busiest_country(doc);
    let dataset = doc.dataset();
    let word: String = dataset
        .actor(&country)
        .map_or("a", |a| a.name.as_str())
        .to_lowercase()
        .chars()
        .take(4)
        .collect();
    let one = |edit: &dyn Fn(&mut Filter)| {
        let mut filter = Filter::default();
        edit(&mut filter);
        filter
    };
    vec![
        (
            "filter all",
            one(&|f| {
                f.actors.insert(country.clone());
            }),
        ),
        (
            "filter topic all",
            one(&|f| {
                f.topics
                    .extend(dataset.topics.first().map(|t| t.id.clone()));
            }),
        ),
        (
            "filter kind all",
            one(&|f| {
                f.kinds.insert("visit".to_string());
            }),
        ),
        ("filter search all", one(&|f| f.text = word.clone())),
        (
            "filter period all",
            one(&|f| {
                f.period.from = Some("2015".to_string());
                f.period.to = Some("2016".to_string());
            }),
        ),
    ]
}

/// The edit that moves event `at` to the date of the event after it, as a drag does.
fn date_change(doc: &Document, at: usize) -> Edit {
    let events = &doc.dataset().events;
    let mut event = events[at].clone();
    event.date = events[at + 1].date.clone();
    Edit::change_event(&events[at].id, event)
}

/// A stretch of whole days from `from` (year, month, day) to `to`.
fn days(from: (i64, u32, u32), to: (i64, u32, u32)) -> TimeRange {
    TimeRange::new(
        Moment::from_ymd(from.0, from.1, from.2).0 as f64,
        Moment::from_ymd(to.0, to.1, to.2).0 as f64,
    )
}

fn frames(c: &mut Criterion) {
    for events in bench_data::SIZES {
        let path = bench_data::dataset_file(events);
        let label = bench_data::label(events);
        let mut viewer = Viewer::open(path);
        viewer.app.apply(Command::Fit);
        let all = viewer.app.visible_range();
        // The generated dates are densest in recent years.
        let zooms = [
            ("all", all),
            ("1 year", days((2020, 1, 1), (2021, 1, 1))),
            ("1 day", days((2020, 6, 15), (2020, 6, 16))),
        ];

        let mut group = bench_data::flat_group(c, "frame");

        // Each facet set and cleared in turn, fitted, with the frame after
        // each change: "filter all" ticks the country with the most events.
        viewer.zoom_to(all);
        for (name, filter) in facet_filters(viewer.app.document()) {
            let mut ticked = false;
            group.bench_function(BenchmarkId::new(name, &label), |b| {
                b.iter_custom(|changes| {
                    let start = Instant::now();
                    for _ in 0..changes {
                        ticked = !ticked;
                        let next = if ticked {
                            filter.clone()
                        } else {
                            Filter::default()
                        };
                        viewer.app.apply(Command::SetFilter(next));
                        black_box(viewer.frame());
                    }
                    start.elapsed()
                })
            });
            viewer.app.apply(Command::SetFilter(Filter::default()));
        }

        // An edit and its undo, each with the frame after it: what leaving a
        // field of the event form, a drag and Ctrl+Z cost.
        let edit = date_change(viewer.app.document(), events / 2);
        viewer
            .app
            .apply(Command::Edit(EditCommand::SetEditing(true)));
        group.bench_function(BenchmarkId::new("edit and undo", &label), |b| {
            b.iter_custom(|edits| {
                let start = Instant::now();
                for _ in 0..edits {
                    viewer
                        .app
                        .apply(Command::Edit(EditCommand::Apply(edit.clone())));
                    black_box(viewer.frame());
                    viewer.app.apply(Command::Edit(EditCommand::Undo));
                    black_box(viewer.frame());
                }
                start.elapsed() / 2
            })
        });

        for (name, range) in zooms {
            viewer.zoom_to(range);
            group.bench_function(BenchmarkId::new(format!("steady {name}"), &label), |b| {
                b.iter(|| black_box(viewer.frame()))
            });

            // Alternate between two zoom levels so that every timed frame lays out again;
            // an untimed frame after each lets egui's text cache forget what was only
            // measured, as it does while the user pauses between zoom steps.
            let other = range.zoomed_around(range.centre(), ZOOM_STEP);
            let mut flip = false;
            group.bench_function(BenchmarkId::new(format!("relayout {name}"), &label), |b| {
                b.iter_custom(|zooms| {
                    let mut timed = Duration::ZERO;
                    for _ in 0..zooms {
                        flip = !flip;
                        let next = if flip { other } else { range };
                        viewer.app.apply(Command::ZoomTo(next));
                        let start = Instant::now();
                        black_box(viewer.frame());
                        timed += start.elapsed();
                        viewer.frame();
                    }
                    timed
                })
            });

            // Right, then left past the start, then right back to it; the time of one
            // such sweep divided by its frames, so that the frames that lay out again
            // weigh as often as they occur.
            viewer.zoom_to(range);
            let step = range.span() * 0.1;
            let sweep: Vec<f64> = (0..4 * PANS_EACH_WAY)
                .map(|i| {
                    if (PANS_EACH_WAY..3 * PANS_EACH_WAY).contains(&i) {
                        -step
                    } else {
                        step
                    }
                })
                .collect();
            group.bench_function(BenchmarkId::new(format!("pan {name}"), &label), |b| {
                b.iter_custom(|sweeps| {
                    let start = Instant::now();
                    for _ in 0..sweeps {
                        for &seconds in &sweep {
                            viewer.app.apply(Command::Pan(seconds));
                            black_box(viewer.frame());
                        }
                    }
                    start.elapsed() / sweep.len() as u32
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
