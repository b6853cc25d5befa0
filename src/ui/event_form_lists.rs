//! The event form's choices from lists: the kind with its glyph, the actors
//! and counterparts (searchable, people under their country, and new
//! countries from the ISO table), and the topics as a tree. Each choice is
//! an edit at once.

use eframe::egui::{self, RichText, Sense, Ui, vec2};

use super::event_form::{EventForm, change};
use super::glyphs::{kind_style, paint_glyph};
use crate::command::{Command, EditCommand};
use crate::edit::Edit;
use crate::import::countries;
use crate::model::{Actor, ActorKind, Dataset, Event, EventKind, IdList};

/// The kind, chosen from the built-in kinds and the dataset's own.
pub(super) fn kind_ui(ui: &mut Ui, dataset: &Dataset, base: &Event) -> Option<Command> {
    let label = ui.label(RichText::new("Kind").weak());
    let mut chosen = None;
    ui.horizontal(|ui| {
        glyph_ui(ui, &base.kind);
        egui::ComboBox::from_id_salt("event form kind")
            .selected_text(base.kind.label())
            .show_ui(ui, |ui| {
                // Looked for only while the list is open: at a million
                // events the scan would cost every frame of the form.
                for kind in kinds_in_use(dataset) {
                    let selected = kind == base.kind;
                    if ui.selectable_label(selected, kind.label()).clicked() && !selected {
                        chosen = Some(kind);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.add_space(4.0);
    chosen.map(|kind| {
        let mut event = base.clone();
        event.kind = kind;
        change(base, event)
    })
}

/// The built-in kinds, then the dataset's own among its first 100,000 events
/// (64 kinds at most).
fn kinds_in_use(dataset: &Dataset) -> Vec<EventKind> {
    let mut kinds: Vec<EventKind> = EventKind::BUILT_IN.to_vec();
    for event in dataset.events.iter().take(100_000) {
        if !kinds.contains(&event.kind) && kinds.len() < 64 {
            kinds.push(event.kind.clone());
        }
    }
    kinds
}

fn glyph_ui(ui: &mut Ui, kind: &EventKind) {
    let (shape, colour) = kind_style(kind);
    let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
    let outline = ui.visuals().extreme_bg_color;
    paint_glyph(ui.painter(), rect.center(), 5.5, shape, colour, outline);
}

/// Which side of the event a list of actors is.
#[derive(Clone, Copy)]
enum Side {
    Actors,
    Counterparts,
}

impl Side {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Side::Actors => ("Actors", "actor"),
            Side::Counterparts => ("Counterparts", "counterpart"),
        }
    }

    fn of(self, event: &Event) -> &IdList {
        match self {
            Side::Actors => &event.actors,
            Side::Counterparts => &event.counterparts,
        }
    }

    fn with(self, event: &Event, ids: IdList) -> Event {
        let mut event = event.clone();
        match self {
            Side::Actors => event.actors = ids,
            Side::Counterparts => event.counterparts = ids,
        }
        event
    }
}

/// The actors and the counterparts, each removable, each side with a picker.
pub(super) fn actors_ui(ui: &mut Ui, dataset: &Dataset, form: &mut EventForm) -> Vec<Command> {
    let mut commands = Vec::new();
    for (k, side) in [Side::Actors, Side::Counterparts].into_iter().enumerate() {
        let (title, one) = side.words();
        let label = ui.label(RichText::new(title).weak()).id;
        let ids: Vec<String> = side.of(&form.base).iter().map(str::to_string).collect();
        ui.horizontal_wrapped(|ui| {
            for id in &ids {
                let name = dataset.actor_name(id);
                let button = ui
                    .small_button(format!("{name} ×"))
                    .on_hover_text(format!("Remove {name} from the {one}s"));
                if button.clicked() {
                    let kept: IdList = ids.iter().filter(|other| *other != id).collect();
                    commands.push(change(&form.base, side.with(&form.base, kept)));
                }
            }
            let search = &mut form.searches[k];
            let picker = actor_picker_ui(ui, dataset, &form.base, side, search, label);
            if let Some(command) = picker {
                commands.push(command);
            }
        });
        ui.add_space(4.0);
    }
    commands
}

/// "Add actor…": the dataset's actors, people under their groups, narrowed
/// by what is typed; a country of the ISO table that the dataset lacks is
/// offered as a new actor.
fn actor_picker_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    base: &Event,
    side: Side,
    search: &mut String,
    label: egui::Id,
) -> Option<Command> {
    let (_, one) = side.words();
    let mut picked = None;
    let combo = egui::ComboBox::from_id_salt(("event form add", one))
        .selected_text(format!("Add {one}…"))
        .width(140.0)
        .show_ui(ui, |ui| {
            ui.add(
                egui::TextEdit::singleline(search)
                    .hint_text("Search")
                    .desired_width(200.0),
            );
            let wanted = search.trim().to_lowercase();
            let matches = |actor: &Actor| {
                wanted.is_empty()
                    || actor.name.to_lowercase().contains(&wanted)
                    || actor.id.to_lowercase().contains(&wanted)
            };
            let taken = side.of(base);
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    for (actor, depth) in grouped_actors(dataset) {
                        if matches(actor) && !taken.iter().any(|id| id == actor.id) {
                            let indent = "    ".repeat(depth);
                            if ui.button(format!("{indent}{}", actor.name)).clicked() {
                                picked = Some(Pick::Known(actor.id.clone()));
                            }
                        }
                    }
                    if let Some(country) =
                        countries::find(search.trim()).filter(|c| dataset.actor(c.alpha3).is_none())
                        && ui
                            .button(format!("New actor: {} ({})", country.name, country.alpha3))
                            .clicked()
                    {
                        picked = Some(Pick::New(Actor::new(
                            country.alpha3,
                            country.name,
                            ActorKind::Country,
                        )));
                    }
                });
        });
    combo.response.labelled_by(label);
    let picked = picked?;
    search.clear();
    let id = match &picked {
        Pick::Known(id) => id.clone(),
        Pick::New(actor) => actor.id.clone(),
    };
    let mut ids: Vec<String> = side.of(base).iter().map(str::to_string).collect();
    ids.push(id);
    let event = side.with(base, ids.into_iter().collect());
    Some(match picked {
        Pick::Known(_) => change(base, event),
        Pick::New(actor) => Command::Edit(EditCommand::Apply(Edit::Compound(vec![
            Edit::AddActor {
                at: None,
                actor: Box::new(actor),
            },
            Edit::change_event(&base.id, event),
        ]))),
    })
}

/// An actor chosen in the picker.
enum Pick {
    Known(String),
    New(Actor),
}

/// The dataset's actors in picker order: each country or organization by
/// name with the people who held one of its roles under it (depth 1), then
/// the people of no group.
fn grouped_actors(dataset: &Dataset) -> Vec<(&Actor, usize)> {
    let mut groups: Vec<&Actor> = dataset
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::Person)
        .collect();
    groups.sort_by_key(|a| a.name.to_lowercase());
    let people: Vec<&Actor> = dataset
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .collect();
    let mut listed = Vec::new();
    for group in groups {
        listed.push((group, 0));
        for person in &people {
            if person.roles.iter().any(|r| r.of == group.id) {
                listed.push((*person, 1));
            }
        }
    }
    listed.extend(
        people
            .iter()
            .filter(|p| p.roles.is_empty())
            .map(|p| (*p, 0)),
    );
    listed
}

/// The topics as a tree of check boxes.
pub(super) fn topics_ui(ui: &mut Ui, dataset: &Dataset, base: &Event) -> Vec<Command> {
    let mut commands = Vec::new();
    let chosen: Vec<&str> = base.topics.iter().map(|t| dataset.topic_name(t)).collect();
    let header = match chosen.as_slice() {
        [] => "Topics: none".to_string(),
        names => format!("Topics: {}", names.join(", ")),
    };
    // Folded, the tree says which topics are ticked in one line.
    egui::CollapsingHeader::new(RichText::new(header).weak())
        .id_salt("event form topics")
        .default_open(false)
        .show(ui, |ui| {
            topic_level_ui(ui, dataset, base, None, 0, &mut commands);
        });
    ui.add_space(4.0);
    commands
}

fn topic_level_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    base: &Event,
    parent: Option<&str>,
    depth: usize,
    commands: &mut Vec<Command>,
) {
    if depth > 8 {
        return;
    }
    for topic in dataset
        .topics
        .iter()
        .filter(|t| t.parent.as_deref() == parent)
    {
        let mut tagged = base.topics.iter().any(|id| id == topic.id);
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 16.0);
            if ui.checkbox(&mut tagged, topic.name.as_str()).changed() {
                let mut ids: Vec<&str> = base.topics.iter().filter(|id| *id != topic.id).collect();
                if tagged {
                    ids.push(&topic.id);
                }
                let mut event = base.clone();
                event.topics = ids.into_iter().collect();
                commands.push(change(base, event));
            }
        });
        topic_level_ui(ui, dataset, base, Some(&topic.id), depth + 1, commands);
    }
}
