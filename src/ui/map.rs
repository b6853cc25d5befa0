//! View ▸ Map: where the shown events happened. Countries shaded by their
//! events, places as dots sized by theirs, links from the initiating to the
//! receiving country (visits with an arrowhead at the host), as wide as their
//! count. Drag to pan, the wheel to zoom, hover for counts by kind, click a
//! country or a place to filter by it.

use eframe::egui::{
    self, Color32, FontId, Mesh, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, vec2,
};
use geo::Contains;

use crate::analysis::{MapCounts, MapIndex, PeriodUnit};
use crate::command::{AnalysisView, Command, MapCommand};
use crate::geography::{MapView, Outline, WORLD, outlines};
use crate::model::{EventKind, words};
use crate::query::Filter;

/// The narrowest span a fitted map shows, in degrees.
const MIN_SPAN: f32 = 20.0;
/// How many of the busiest places are named on the map.
const NAMED_PLACES: usize = 8;

/// What the map draws.
pub(crate) struct MapInput<'a> {
    /// Where the events are.
    pub(crate) map: &'a MapIndex,
    /// The shown events counted.
    pub(crate) counts: &'a MapCounts,
    /// The kinds, by position, for the hover text.
    pub(crate) kinds: &'a [EventKind],
    /// The view's filter, which a click narrows.
    pub(crate) filter: &'a Filter,
    /// Where the map looks; none: fitted to the shown events.
    pub(crate) view: Option<MapView>,
    /// Only the events in the timeline's visible range are counted.
    pub(crate) within_range: bool,
    /// While "Play" steps through the period: the period shown (`2022-05`).
    pub(crate) playing: Option<&'a str>,
    /// The unit it steps by.
    pub(crate) step: PeriodUnit,
}

/// What the pointer is over.
#[derive(Debug, Clone, Copy)]
enum Hovered {
    Spot(u32),
    Country(u32),
    Land(&'static Outline),
}

/// Shows the map with its controls and legend; what the user asked for.
pub(crate) fn map_ui(ui: &mut Ui, input: &MapInput) -> Vec<Command> {
    let mut commands = controls_ui(ui, input);
    unfound_ui(ui, input);
    let size = vec2(
        ui.available_width().max(360.0),
        (ui.available_height() - 28.0).max(240.0),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let view = input.view.unwrap_or_else(|| {
        let bounds = input.counts.bounds(input.map, MIN_SPAN).unwrap_or(WORLD);
        MapView::fit(bounds, rect.width(), rect.height(), 16.0)
    });
    let moved = look_around(ui, &response, rect, view);
    let painter = ui.painter_at(rect);
    let dark = ui.visuals().dark_mode;
    painter.rect_filled(
        rect,
        0.0,
        if dark {
            Color32::from_rgb(0x1d, 0x24, 0x2b)
        } else {
            Color32::from_rgb(0xee, 0xf3, 0xf7)
        },
    );
    let to_screen = |p: [f32; 2]| rect.min + vec2(p[0], p[1]);
    land(&painter, input, &view, dark, &to_screen);
    let radii = spot_radii(input.counts);
    links(&painter, input, &view, &radii, &to_screen);
    spots(&painter, input, &view, &radii, dark, &to_screen);
    commands.extend(items_ui(ui, input, rect, &view, &radii));
    let hovered = response
        .hover_pos()
        .filter(|_| response.hovered())
        .and_then(|pointer| hovered_at(input, &view, &radii, pointer - rect.min));
    if let Some(hovered) = hovered {
        let text = describe(input, hovered);
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(text);
        });
        if response.clicked()
            && let Some(command) = filter_by(input, hovered)
        {
            commands.push(command);
        }
    }
    if let Some(view) = moved {
        commands.push(Command::Map(MapCommand::Look(view)));
    }
    legend_ui(ui, input, dark);
    commands
}

/// The line of controls: the count, Fit, the range switch and Play.
fn controls_ui(ui: &mut Ui, input: &MapInput) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let placed: u32 = input.counts.spots.iter().sum();
        ui.label(
            RichText::new(words::counted(
                placed as usize,
                "event placed",
                "events placed",
            ))
            .strong(),
        );
        if ui
            .button("Fit")
            .on_hover_text("Fit the map to the shown events")
            .clicked()
        {
            commands.push(Command::Map(MapCommand::Fit));
        }
        let mut within = input.within_range;
        if ui
            .checkbox(&mut within, "Visible range only")
            .on_hover_text("Count only the events in the timeline's visible range")
            .changed()
        {
            commands.push(Command::Map(MapCommand::WithinRange(within)));
        }
        let play = if input.playing.is_some() { "Stop" } else { "Play" };
        if ui
            .button(play)
            .on_hover_text(
                "Step the timeline's range, and the map with it, through the periods with shown events",
            )
            .clicked()
        {
            commands.push(Command::Map(MapCommand::Play(input.playing.is_none())));
        }
        egui::ComboBox::from_id_salt("map step")
            .selected_text(format!("by {}", input.step.as_str()))
            .show_ui(ui, |ui| {
                for unit in PeriodUnit::ALL {
                    if ui
                        .selectable_label(unit == input.step, unit.as_str())
                        .clicked()
                    {
                        commands.push(Command::Map(MapCommand::StepBy(unit)));
                    }
                }
            })
            .response
            .accessible_name("Play step");
        if let Some(period) = input.playing {
            ui.label(RichText::new(period).strong());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Export…")
                .on_hover_text("The map as SVG or PNG, or its counts as CSV")
                .clicked()
            {
                commands.push(Command::OpenAnalysisExport(AnalysisView::Map));
            }
        });
    });
    commands
}

/// "2 places not found: Xyzzyville, Tripoli", when some are.
fn unfound_ui(ui: &mut Ui, input: &MapInput) {
    let unfound = &input.counts.unfound;
    if unfound.is_empty() {
        return;
    }
    let names: Vec<String> = unfound
        .iter()
        .map(|&(i, n)| format!("{} ({})", input.map.unfound[i as usize], n))
        .collect();
    let shown: Vec<&str> = names.iter().take(4).map(String::as_str).collect();
    let more = if names.len() > 4 { ", …" } else { "" };
    let line = format!(
        "{} not found: {}{more}",
        words::counted(names.len(), "place", "places"),
        shown.join(", ")
    );
    ui.label(RichText::new(line).color(ui.visuals().warn_fg_color))
        .on_hover_text(format!(
            "Not in the gazetteer, or in several countries with no actor to tell which:\n{}",
            names.join("\n")
        ));
}

/// The view after a drag or a turn of the wheel over the map, if it moved.
fn look_around(ui: &Ui, response: &egui::Response, rect: Rect, view: MapView) -> Option<MapView> {
    let mut next = view;
    if response.dragged() {
        let delta = response.drag_delta();
        next.pan(delta.x, delta.y);
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll / 200.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let at = pointer - rect.min;
            next.zoom_at(factor, at.x, at.y);
        }
    }
    (next != view).then_some(next)
}

/// The shade of a country with `count` events when the busiest has `max`.
fn shade(count: u32, max: u32, dark: bool) -> Color32 {
    if dark {
        let t = (count as f32 / max.max(1) as f32).sqrt();
        let mix =
            |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * (0.15 + 0.85 * t)) as u8;
        Color32::from_rgb(mix(0x33, 0x5d), mix(0x40, 0xad), mix(0x4d, 0xe2))
    } else {
        let (r, g, b) = crate::export::cell_colour(count, max);
        Color32::from_rgb(r, g, b)
    }
}

/// Every country's land, those with events shaded, with their borders.
fn land(
    painter: &egui::Painter,
    input: &MapInput,
    view: &MapView,
    dark: bool,
    to_screen: &dyn Fn([f32; 2]) -> Pos2,
) {
    let max = input.counts.countries.iter().copied().max().unwrap_or(0);
    let plain = if dark {
        Color32::from_gray(0x3a)
    } else {
        Color32::from_gray(0xdc)
    };
    let mut mesh = Mesh::default();
    for outline in outlines() {
        let count =
            country_slot(input.map, outline).map_or(0, |s| input.counts.countries[s as usize]);
        let colour = if count > 0 {
            shade(count, max, dark)
        } else {
            plain
        };
        let base = mesh.vertices.len() as u32;
        for &[lon, lat] in &outline.vertices {
            mesh.colored_vertex(to_screen(view.project(lon, lat)), colour);
        }
        mesh.indices
            .extend(outline.triangles.iter().map(|i| base + i));
    }
    painter.add(Shape::mesh(mesh));
    let border = Stroke::new(
        0.7,
        if dark {
            Color32::from_gray(0x22)
        } else {
            Color32::WHITE
        },
    );
    for outline in outlines() {
        for polygon in &outline.shape {
            let points: Vec<Pos2> = polygon
                .exterior()
                .coords()
                .map(|c| to_screen(view.project(c.x, c.y)))
                .collect();
            painter.add(Shape::closed_line(points, border));
        }
    }
}

/// The map country drawn by `outline`, if the dataset has that country.
fn country_slot(map: &MapIndex, outline: &Outline) -> Option<u32> {
    map.countries
        .iter()
        .position(|c| c.outline.is_some_and(|o| std::ptr::eq(o, outline)))
        .map(|s| s as u32)
}

/// A curve per directed pair from the initiating to the receiving country,
/// bending to its right so that both directions show; an arrowhead at the
/// host where the pair holds visits.
fn links(
    painter: &egui::Painter,
    input: &MapInput,
    view: &MapView,
    radii: &[f32],
    to_screen: &dyn Fn([f32; 2]) -> Pos2,
) {
    let max = input.counts.links.first().map_or(1, |l| l.count).max(1);
    let colour = Color32::from_rgba_unmultiplied(0xc0, 0x39, 0x2b, 200);
    for link in &input.counts.links {
        let host = input.map.countries[link.to as usize].anchor;
        let from = to_screen(view.place(input.map.countries[link.from as usize].anchor));
        let to = to_screen(view.place(host));
        // The arrowhead stops at the rim of the host's dot, when its capital has one.
        let rim = input
            .map
            .spots
            .iter()
            .position(|s| s.at == host)
            .map_or(0.0, |s| radii[s]);
        let width = 1.5 + 6.0 * (link.count as f32 / max as f32).sqrt();
        let along = to - from;
        let control = from + along / 2.0 + vec2(along.y, -along.x) * 0.15;
        let curve = egui::epaint::QuadraticBezierShape::from_points_stroke(
            [from, control, to],
            false,
            Color32::TRANSPARENT,
            Stroke::new(width, colour),
        );
        painter.add(curve);
        if link.visits > 0 {
            let direction = (to - control).normalized();
            let side = vec2(-direction.y, direction.x);
            let size = 6.0 + width;
            let tip = to - direction * (rim + 2.0);
            painter.add(Shape::convex_polygon(
                vec![
                    tip,
                    tip - direction * size + side * size * 0.5,
                    tip - direction * size - side * size * 0.5,
                ],
                colour,
                Stroke::NONE,
            ));
        }
    }
}

/// The radius of each spot's dot, its area by its count (0 for none).
fn spot_radii(counts: &MapCounts) -> Vec<f32> {
    let max = counts.spots.iter().copied().max().unwrap_or(1).max(1);
    counts
        .spots
        .iter()
        .map(|&n| {
            if n == 0 {
                0.0
            } else {
                3.0 + 11.0 * (n as f32 / max as f32).sqrt()
            }
        })
        .collect()
}

/// A dot per place with events, the busiest named on a pale ground.
fn spots(
    painter: &egui::Painter,
    input: &MapInput,
    view: &MapView,
    radii: &[f32],
    dark: bool,
    to_screen: &dyn Fn([f32; 2]) -> Pos2,
) {
    let counts = &input.counts.spots;
    let mut order: Vec<usize> = (0..counts.len()).filter(|&s| counts[s] > 0).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    let (ink, ground) = if dark {
        (Color32::from_gray(0xee), Color32::from_black_alpha(170))
    } else {
        (Color32::from_gray(0x1a), Color32::from_white_alpha(200))
    };
    // The dots, smallest on top; then the busiest places' names over every dot, the busiest last.
    for &s in order.iter().rev() {
        let centre = to_screen(view.place(input.map.spots[s].at));
        painter.circle(
            centre,
            radii[s],
            Color32::from_rgba_unmultiplied(0xe6, 0x7e, 0x22, 220),
            Stroke::new(1.0, Color32::WHITE),
        );
    }
    for &s in order.iter().take(NAMED_PLACES).rev() {
        let centre = to_screen(view.place(input.map.spots[s].at));
        let galley = painter.layout_no_wrap(
            format!("{} ({})", input.map.spots[s].name, counts[s]),
            FontId::proportional(12.0),
            ink,
        );
        let corner = centre + vec2(radii[s] + 4.0, -galley.size().y / 2.0);
        painter.rect_filled(
            Rect::from_min_size(corner, galley.size()).expand(2.0),
            3.0,
            ground,
        );
        painter.galley(corner, galley, ink);
    }
}

/// Each place with events as a button over its dot, and each country with
/// events as one at the middle of its land: what hover and click reach first,
/// and what screen readers list. A click filters by it.
fn items_ui(
    ui: &mut Ui,
    input: &MapInput,
    rect: Rect,
    view: &MapView,
    radii: &[f32],
) -> Option<Command> {
    let centre_of = |at| {
        rect.min + {
            let [x, y] = view.place(at);
            vec2(x, y)
        }
    };
    let countries = input
        .map
        .countries
        .iter()
        .enumerate()
        .filter_map(|(c, country)| {
            let at = country.outline?.centre;
            (input.counts.countries[c] > 0).then_some((
                Hovered::Country(c as u32),
                centre_of(at),
                6.0,
            ))
        });
    let spots = input
        .map
        .spots
        .iter()
        .enumerate()
        .filter(|&(s, _)| radii[s] > 0.0)
        .map(|(s, spot)| (Hovered::Spot(s as u32), centre_of(spot.at), radii[s] + 2.0));
    let mut command = None;
    for (i, (item, centre, radius)) in countries.chain(spots).enumerate() {
        if !rect.contains(centre) {
            continue;
        }
        let area = Rect::from_center_size(centre, vec2(2.0 * radius, 2.0 * radius));
        let text = describe(input, item);
        let response = ui.interact(area, ui.scope_id().with(("map item", i)), Sense::click());
        let label = text.lines().next().unwrap_or_default().to_string();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let response = response.on_hover_text(text);
        if response.clicked() {
            command = filter_by(input, item);
        }
    }
    command
}

/// The spot, country or land under `at` (relative to the map's corner).
fn hovered_at(input: &MapInput, view: &MapView, radii: &[f32], at: egui::Vec2) -> Option<Hovered> {
    let spot = input
        .map
        .spots
        .iter()
        .enumerate()
        .filter(|(s, _)| radii[*s] > 0.0)
        .map(|(s, spot)| {
            let [x, y] = view.place(spot.at);
            (s, (vec2(x, y) - at).length() - radii[s])
        })
        .filter(|(_, d)| *d <= 3.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((s, _)) = spot {
        return Some(Hovered::Spot(s as u32));
    }
    let [lon, lat] = view.unproject(at.x, at.y);
    let point = geo::Point::new(lon, lat);
    let outline = outlines().iter().find(|o| {
        let [w, s, e, n] = o.bounds;
        (w..=e).contains(&lon) && (s..=n).contains(&lat) && o.shape.contains(&point)
    })?;
    Some(match country_slot(input.map, outline) {
        Some(slot) => Hovered::Country(slot),
        None => Hovered::Land(outline),
    })
}

/// The hover text: the name, the events and their kinds, and what a click does.
fn describe(input: &MapInput, hovered: Hovered) -> String {
    let counts = input.counts;
    match hovered {
        Hovered::Spot(s) => {
            let spot = &input.map.spots[s as usize];
            let text = MapCounts::describe(
                &spot.name,
                counts.spots[s as usize],
                &counts.spot_kinds(s),
                input.kinds,
            );
            format!(
                "{text}\nWritten: {}\nClick to show only the events here",
                spot.written.join("; ")
            )
        }
        Hovered::Country(c) => {
            let country = &input.map.countries[c as usize];
            let text = MapCounts::describe(
                &country.name,
                counts.countries[c as usize],
                &counts.country_kinds(c),
                input.kinds,
            );
            format!("{text}\nClick to show only its events, as the actor panel does")
        }
        Hovered::Land(outline) => format!("{}: not an actor of this dataset", outline.name),
    }
}

/// The filter narrowed to (or widened from) a country or a place, as a click asks.
fn filter_by(input: &MapInput, hovered: Hovered) -> Option<Command> {
    let mut filter = input.filter.clone();
    match hovered {
        Hovered::Country(c) => {
            let id = input.map.countries[c as usize].id.clone();
            if !filter.actors.remove(&id) {
                filter.actors.insert(id);
            }
        }
        Hovered::Spot(s) => {
            let written = &input.map.spots[s as usize].written;
            if written.iter().all(|w| filter.places.contains(w)) {
                written.iter().for_each(|w| {
                    filter.places.remove(w);
                });
            } else {
                filter.places.extend(written.iter().cloned());
            }
        }
        Hovered::Land(_) => return None,
    }
    Some(Command::SetFilter(filter))
}

/// The shades from fewest to most events, what dots and lines mean, and the credits.
fn legend_ui(ui: &mut Ui, input: &MapInput, dark: bool) {
    ui.horizontal(|ui| {
        let max = input.counts.countries.iter().copied().max().unwrap_or(0);
        ui.label(RichText::new("Events per country:").small());
        for step in 1..=5 {
            let count = (max * step).div_ceil(5).max(1);
            let (rect, _) = ui.allocate_exact_size(vec2(16.0, 10.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, 1.0, shade(count, max.max(1), dark));
        }
        ui.label(RichText::new(format!("up to {max}")).small());
        ui.separator();
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), 5.0, Color32::from_rgb(0xe6, 0x7e, 0x22));
        ui.label(RichText::new("events at a place").small());
        ui.separator();
        let (rect, _) = ui.allocate_exact_size(vec2(22.0, 12.0), Sense::hover());
        ui.painter().line_segment(
            [rect.left_center(), rect.right_center()],
            Stroke::new(2.5, Color32::from_rgb(0xc0, 0x39, 0x2b)),
        );
        ui.label(RichText::new("initiator to receiver, arrowhead: visit").small());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new("Natural Earth · GeoNames").small().weak());
        });
    });
}
