//! The filter side panel: actors (people nested under their countries),
//! the topic tree and the kind legend, each with checkboxes and facet counts;
//! and the row of removable chips with the "12 of 19 events" status.

use std::collections::{BTreeSet, HashMap};

use eframe::egui::{
    self, CollapsingHeader, Id, Rect, RichText, Sides, TextEdit, Ui,
    collapsing_header::CollapsingState, vec2,
};

use super::glyphs::{kind_style, paint_glyph};
use crate::model::{Actor, ActorKind, Dataset};
use crate::query::{EventFacts, FacetCounts, Filter};

/// Above this many actors, a search box filters the actor list.
const SEARCH_ABOVE: usize = 8;
/// Above this many actors, the people under each country start folded.
const FOLD_ABOVE: usize = 60;

/// Shows the three filter sections; true when `filter` changed.
///
/// `counts` are the dataset's facet counts under `filter` (from
/// [`crate::query::QueryIndex::facet_counts`]), shown beside each checkbox.
pub(crate) fn filter_panel_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    people: &PeopleOfGroups,
    counts: &FacetCounts,
    filter: &mut Filter,
) -> bool {
    let before = filter.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            CollapsingHeader::new(RichText::new("Actors").strong())
                .id_salt("filter-actors")
                .default_open(true)
                .show(ui, |ui| {
                    actors_ui(ui, (dataset, people), counts, filter);
                    no_actor_ui(ui, counts);
                });
            CollapsingHeader::new(RichText::new("Topics").strong())
                .id_salt("filter-topics")
                .default_open(true)
                .show(ui, |ui| topics_ui(ui, dataset, counts, filter));
            CollapsingHeader::new(RichText::new("Kinds").strong())
                .id_salt("filter-kinds")
                .default_open(true)
                .show(ui, |ui| kinds_ui(ui, counts, filter));
        });
    *filter != before
}

/// What one checkbox row did.
enum RowAction {
    None,
    Toggle,
    Only,
}

/// A checkbox labelled `name` with `count` right-aligned and, on hover, an
/// "only" button. A row scrolled out of sight only takes its room, so that a
/// long list of actors costs what the screen shows when the counts change.
fn checkbox_row(ui: &mut Ui, checked: bool, enabled: bool, name: &str, count: u32) -> RowAction {
    let height_id = Id::unique("filter-row-height");
    let height = ui
        .data(|d| d.get_temp::<f32>(height_id))
        .unwrap_or(ui.spacing().interact_size.y);
    let row = Rect::from_min_size(ui.cursor().min, vec2(ui.available_width(), height));
    if !ui.is_rect_visible(row) {
        ui.allocate_space(row.size());
        return RowAction::None;
    }
    let hovered = ui.rect_contains_pointer(row);
    let drawn = ui.scope(|ui| checkbox_row_widgets(ui, (checked, enabled), name, count, hovered));
    ui.data_mut(|d| d.insert_temp(height_id, drawn.response.rect.height()));
    drawn.inner
}

/// The widgets of a [`checkbox_row`] on screen.
fn checkbox_row_widgets(
    ui: &mut Ui,
    (checked, enabled): (bool, bool),
    name: &str,
    count: u32,
    hovered: bool,
) -> RowAction {
    let (toggled, only) = Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            let mut on = checked;
            ui.add_enabled(enabled, egui::Checkbox::new(&mut on, name))
                .changed()
        },
        |ui| {
            // Keep the count clear of the scroll bar.
            ui.add_space(ui.spacing().scroll.bar_width);
            let text = RichText::new(count.to_string()).small();
            ui.label(if count == 0 { text.weak() } else { text });
            hovered
                && ui
                    .small_button("only")
                    .on_hover_text(format!("Select only {name}"))
                    .clicked()
        },
    );
    if only {
        RowAction::Only
    } else if toggled {
        RowAction::Toggle
    } else {
        RowAction::None
    }
}

/// Applies a row's action to a set of ids.
fn apply(action: RowAction, set: &mut BTreeSet<String>, id: &str) {
    match action {
        RowAction::None => {}
        RowAction::Toggle => {
            if !set.remove(id) {
                set.insert(id.to_string());
            }
        }
        RowAction::Only => {
            set.clear();
            set.insert(id.to_string());
        }
    }
}

/// "All" and "None" buttons over a list of ids.
fn all_none_ui<'a>(ui: &mut Ui, set: &mut BTreeSet<String>, all: impl Iterator<Item = &'a str>) {
    if ui.small_button("All").clicked() {
        set.extend(all.map(str::to_string));
    }
    if ui.small_button("None").clicked() {
        set.clear();
    }
}

fn actors_ui(
    ui: &mut Ui,
    (dataset, people_of): (&Dataset, &PeopleOfGroups),
    counts: &FacetCounts,
    filter: &mut Filter,
) {
    ui.horizontal(|ui| {
        all_none_ui(
            ui,
            &mut filter.actors,
            dataset.actors.iter().map(|a| a.id.as_str()),
        );
    });
    ui.horizontal(|ui| {
        ui.label("Events involving");
        ui.selectable_value(&mut filter.all_actors, false, "any")
            .on_hover_text("Events involving any of the selected actors");
        ui.selectable_value(&mut filter.all_actors, true, "all")
            .on_hover_text("Events involving all of the selected actors");
        ui.label("of them");
    });
    ui.checkbox(&mut filter.include_members, "Include their people")
        .on_hover_text(
            "A country also matches the events of people holding one of its roles at the time",
        );
    let search_id = Id::unique("filter-actor-search");
    let mut search: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
    if dataset.actors.len() > SEARCH_ABOVE {
        let label = ui.label("Find an actor");
        ui.add(
            TextEdit::singleline(&mut search)
                .hint_text("name…")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    }
    let needle = crate::query::fold(search.trim());
    // An actor is found by its name, its aliases and its names in other scripts.
    let shown = |actor: &Actor| {
        needle.is_empty()
            || std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .chain(actor.names.values())
                .any(|name| crate::query::fold(name).contains(&needle))
    };
    // A long list starts folded, so that the countries can be scanned.
    let open_by_default = dataset.actors.len() <= FOLD_ABOVE;
    let groups = dataset
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::Person);
    for group in groups {
        let people: Vec<&Actor> = people_of
            .people(dataset, &group.id)
            .filter(|p| shown(p))
            .collect();
        if !shown(group) && people.is_empty() {
            continue;
        }
        let checked = filter.actors.contains(&group.id);
        let count = counts.actor(&group.id);
        if people.is_empty() {
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().indent);
                let action = checkbox_row(ui, checked, true, &group.name, count);
                apply(action, &mut filter.actors, &group.id);
            });
            continue;
        }
        let id = ui.make_persistent_id(("filter-actor", &group.id));
        let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, open_by_default);
        if !needle.is_empty() {
            // Show the people the search found.
            state.set_open(true);
        }
        state
            .show_header(ui, |ui| {
                let action = checkbox_row(ui, checked, true, &group.name, count);
                apply(action, &mut filter.actors, &group.id);
            })
            .body(|ui| {
                for person in people {
                    let checked = filter.actors.contains(&person.id);
                    let action =
                        checkbox_row(ui, checked, true, &person.name, counts.actor(&person.id));
                    apply(action, &mut filter.actors, &person.id);
                }
            });
    }
    for person in dataset
        .actors
        .iter()
        .filter(|p| p.kind == ActorKind::Person && p.roles.is_empty() && shown(p))
    {
        let checked = filter.actors.contains(&person.id);
        let action = checkbox_row(ui, checked, true, &person.name, counts.actor(&person.id));
        apply(action, &mut filter.actors, &person.id);
    }
}

/// The events without any actor, which no box selects: counted, as the lane
/// "No actor" of the actor view shows them.
fn no_actor_ui(ui: &mut Ui, counts: &FacetCounts) {
    let count = counts.no_actor();
    if count == 0 {
        return;
    }
    ui.horizontal(|ui| {
        ui.add_space(ui.spacing().indent);
        Sides::new().shrink_left().truncate().show(
            ui,
            |ui| {
                ui.label(RichText::new("No actor").italics())
                    .on_hover_text("Events without actors or counterparts: the lane \"No actor\"");
            },
            |ui| {
                ui.add_space(ui.spacing().scroll.bar_width);
                ui.label(RichText::new(count.to_string()).small());
            },
        );
    });
}

/// Each person under every country or organization they held a role of: worked out
/// once per dataset rather than at every frame (thousands of actors).
#[derive(Debug, Default)]
pub(crate) struct PeopleOfGroups {
    /// The positions in the dataset's actors of the people of each group, by group id.
    of: HashMap<String, Vec<usize>>,
}

impl PeopleOfGroups {
    /// The people of every group of `dataset`, from the roles in `facts`, its events' facts.
    pub fn new(dataset: &Dataset, facts: &EventFacts) -> PeopleOfGroups {
        let mut of: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, person) in dataset.actors.iter().enumerate() {
            for group in facts.groups_of(&person.id) {
                of.entry(group.to_string()).or_default().push(i);
            }
        }
        PeopleOfGroups { of }
    }

    /// The people of group `group` in `dataset`, the dataset they were worked out for.
    fn people<'a>(&'a self, dataset: &'a Dataset, group: &str) -> impl Iterator<Item = &'a Actor> {
        self.of
            .get(group)
            .into_iter()
            .flatten()
            .filter_map(|&i| dataset.actors.get(i))
    }
}

fn topics_ui(ui: &mut Ui, dataset: &Dataset, counts: &FacetCounts, filter: &mut Filter) {
    ui.horizontal(|ui| {
        all_none_ui(
            ui,
            &mut filter.topics,
            dataset.topics.iter().map(|t| t.id.as_str()),
        );
    });
    let roots: Vec<&str> = dataset
        .topics
        .iter()
        .filter(|t| {
            t.parent
                .as_deref()
                .is_none_or(|p| dataset.topic(p).is_none())
        })
        .map(|t| t.id.as_str())
        .collect();
    let mut path = Vec::new();
    for root in roots {
        topic_ui(ui, dataset, counts, filter, root, false, &mut path);
    }
}

/// One topic row and, under it, its children; `implied` when an ancestor is checked.
fn topic_ui<'a>(
    ui: &mut Ui,
    dataset: &'a Dataset,
    counts: &FacetCounts,
    filter: &mut Filter,
    id: &'a str,
    implied: bool,
    path: &mut Vec<&'a str>,
) {
    if path.contains(&id) {
        return;
    }
    let children: Vec<&str> = dataset
        .topics
        .iter()
        .filter(|t| t.parent.as_deref() == Some(id))
        .map(|t| t.id.as_str())
        .collect();
    let name = dataset.topic_name(id);
    let checked = implied || filter.topics.contains(id);
    let count = counts.topic(id);
    if children.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(ui.spacing().indent);
            let action = checkbox_row(ui, checked, !implied, name, count);
            apply(action, &mut filter.topics, id);
        });
        return;
    }
    let state_id = ui.make_persistent_id(("filter-topic", id));
    path.push(id);
    CollapsingState::load_with_default_open(ui.ctx(), state_id, true)
        .show_header(ui, |ui| {
            let action = checkbox_row(ui, checked, !implied, name, count);
            apply(action, &mut filter.topics, id);
        })
        .body(|ui| {
            let implied = implied || filter.topics.contains(id);
            for child in children {
                topic_ui(ui, dataset, counts, filter, child, implied, path);
            }
        });
    path.pop();
}

fn kinds_ui(ui: &mut Ui, counts: &FacetCounts, filter: &mut Filter) {
    ui.horizontal(|ui| {
        let slugs: Vec<String> = counts.legend().iter().map(|(k, _)| k.slug()).collect();
        all_none_ui(ui, &mut filter.kinds, slugs.iter().map(String::as_str));
    });
    for (kind, count) in counts.legend() {
        let slug = kind.slug();
        ui.horizontal(|ui| {
            let (rect, _) =
                ui.allocate_exact_size(vec2(ui.spacing().indent, 16.0), egui::Sense::hover());
            let (shape, color) = kind_style(kind);
            paint_glyph(
                ui.painter(),
                rect.center(),
                5.5,
                shape,
                color,
                ui.visuals().panel_fill,
            );
            let action = checkbox_row(ui, filter.kinds.contains(&slug), true, kind.label(), *count);
            apply(action, &mut filter.kinds, &slug);
        });
    }
}

/// The active filters as removable chips, the status line "12 of 19 events",
/// a "Clear" button and the fade toggle; true when `filter` changed.
pub(crate) fn filter_chips_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    counts: &FacetCounts,
    filter: &mut Filter,
) -> bool {
    let before = filter.clone();
    ui.horizontal_wrapped(|ui| {
        let grouped = crate::model::words::grouped;
        ui.label(format!(
            "{} of {} events",
            grouped(counts.matched),
            grouped(counts.total)
        ));
        for chip in filter.chips() {
            let label = chip.label(dataset, filter);
            if ui
                .button(format!("{label}  ×"))
                .on_hover_text(format!("Remove {label}"))
                .clicked()
            {
                filter.remove(&chip);
            }
        }
        if !filter.is_empty() && ui.small_button("Clear all").clicked() {
            filter.clear();
        }
        ui.separator();
        ui.checkbox(&mut filter.fade_unmatched, "Fade the others")
            .on_hover_text("Show the events that do not match faded instead of hiding them");
    });
    *filter != before
}
