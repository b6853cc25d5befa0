//! Edit ▸ Actors…: the countries, organizations and people, each with its
//! name, aliases and Wikidata item, a person's roles with their dates, note
//! and sources; new actors, and actors removed (with their uses, when asked).

use eframe::egui::{self, RichText, Ui};

use super::event_form_sources::SourceDraft;
use crate::command::{Command, EditCommand};
use crate::edit::Edit;
use crate::model::{Actor, ActorKind, Dataset, EdtfDate, Role};
use crate::ui::actor_names::language_name;
use crate::ui::bidi::{body_format, has_right_to_left, visual_label};

/// The actor being edited, its fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActorDraft {
    /// The actor as it was when the draft was made.
    pub(crate) base: Actor,
    name: String,
    aliases: String,
    wikidata: String,
    /// Names in other scripts, by language tag, and the one being added.
    names: Vec<(String, String)>,
    new_name: (String, String),
    roles: Vec<RoleDraft>,
    /// What is wrong with the draft, when Apply was refused before the engine.
    problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct RoleDraft {
    title: String,
    of: String,
    from: String,
    to: String,
    note: String,
    sources: Vec<SourceDraft>,
}

impl ActorDraft {
    /// The draft of `actor`.
    pub(crate) fn of(actor: &Actor) -> ActorDraft {
        let date = |d: &Option<EdtfDate>| d.as_ref().map_or(String::new(), |d| d.text().into());
        ActorDraft {
            base: actor.clone(),
            name: actor.name.clone(),
            aliases: actor.aliases.join(", "),
            wikidata: actor.wikidata.clone().unwrap_or_default(),
            names: actor.names.clone().into_iter().collect(),
            new_name: Default::default(),
            roles: actor
                .roles
                .iter()
                .map(|r| RoleDraft {
                    title: r.title.clone(),
                    of: r.of.clone(),
                    from: date(&r.from),
                    to: date(&r.to),
                    note: r.note.clone().unwrap_or_default(),
                    sources: r.sources.iter().map(SourceDraft::of).collect(),
                })
                .collect(),
            problem: None,
        }
    }

    /// The actor as typed, or what does not read.
    fn actor(&self) -> Result<Actor, String> {
        let mut actor = self.base.clone();
        if self.name.trim().is_empty() {
            return Err("an actor needs a name".to_string());
        }
        actor.name = self.name.trim().to_string();
        actor.aliases = self
            .aliases
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
        actor.wikidata = Some(self.wikidata.trim().to_string()).filter(|w| !w.is_empty());
        actor.names = self
            .names
            .iter()
            .map(|(tag, name)| (tag.trim().to_string(), name.trim().to_string()))
            .filter(|(_, name)| !name.is_empty())
            .collect();
        actor.roles = self
            .roles
            .iter()
            .enumerate()
            .map(|(at, role)| role.role().map_err(|e| format!("role {}: {e}", at + 1)))
            .collect::<Result<_, _>>()?;
        Ok(actor)
    }
}

impl RoleDraft {
    fn role(&self) -> Result<Role, String> {
        let date = |text: &str| match text.trim() {
            "" => Ok(None),
            text => EdtfDate::parse(text).map(Some).map_err(|e| e.to_string()),
        };
        Ok(Role {
            title: self.title.trim().to_string(),
            of: self.of.trim().to_string(),
            from: date(&self.from)?,
            to: date(&self.to)?,
            sources: self
                .sources
                .iter()
                .map(|s| s.source().map_err(|(_, e)| e))
                .collect::<Result<_, _>>()?,
            note: Some(self.note.trim().to_string()).filter(|n| !n.is_empty()),
        })
    }
}

/// What the actors' editor keeps between frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ActorsEditor {
    /// The actor being edited.
    pub(crate) draft: Option<ActorDraft>,
    /// A new actor's id, name and kind as typed.
    new: (String, String, Option<ActorKind>),
}

fn apply(edit: Edit) -> Command {
    Command::Edit(EditCommand::Apply(edit))
}

/// The window's content: the list of actors, then the chosen one's fields.
/// `uses` counts the events that name an actor.
pub(crate) fn actors_editor_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    editor: &mut ActorsEditor,
    uses: &dyn Fn(&str) -> usize,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(220.0);
            egui::ScrollArea::vertical()
                .id_salt("actors list")
                .max_height(420.0)
                .show(ui, |ui| {
                    for actor in &dataset.actors {
                        let chosen = editor.draft.as_ref().is_some_and(|d| d.base.id == actor.id);
                        if ui.selectable_label(chosen, actor.name.as_str()).clicked() {
                            editor.draft = Some(ActorDraft::of(actor));
                        }
                    }
                });
            ui.separator();
            commands.extend(new_actor_ui(ui, &mut editor.new));
        });
        ui.separator();
        ui.vertical(|ui| match editor.draft.as_mut() {
            Some(draft) => commands.extend(actor_ui(ui, draft, uses(&draft.base.id))),
            None => {
                ui.label("Choose an actor on the left.");
            }
        });
    });
    commands
}

fn new_actor_ui(
    ui: &mut Ui,
    (id, name, kind): &mut (String, String, Option<ActorKind>),
) -> Option<Command> {
    ui.label(RichText::new("New actor").strong());
    labelled_line(ui, "New actor's id", id);
    labelled_line(ui, "New actor's name", name);
    ui.horizontal(|ui| {
        for (choice, word) in [
            (ActorKind::Country, "Country"),
            (ActorKind::Organization, "Organization"),
            (ActorKind::Person, "Person"),
        ] {
            if ui.selectable_label(*kind == Some(choice), word).clicked() {
                *kind = Some(choice);
            }
        }
    });
    let ready = !id.trim().is_empty() && !name.trim().is_empty() && kind.is_some();
    if ui
        .add_enabled(ready, egui::Button::new("Add actor"))
        .clicked()
    {
        let actor = Actor::new(id.trim(), name.trim(), kind.unwrap_or(ActorKind::Country));
        *id = String::new();
        *name = String::new();
        return Some(apply(Edit::AddActor {
            at: None,
            actor: Box::new(actor),
        }));
    }
    None
}

/// The fields of one actor, its roles, Apply, and Remove.
fn actor_ui(ui: &mut Ui, draft: &mut ActorDraft, uses: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(
        RichText::new(format!(
            "{} ({})",
            draft.base.id,
            kind_word(draft.base.kind)
        ))
        .strong(),
    );
    labelled_line(ui, "Name", &mut draft.name);
    labelled_line(ui, "Aliases, comma-separated", &mut draft.aliases);
    labelled_line(ui, "Wikidata item", &mut draft.wikidata);
    names_editor_ui(ui, &mut draft.names, &mut draft.new_name);
    if draft.base.kind == ActorKind::Person {
        roles_ui(ui, &mut draft.roles);
    }
    if let Some(problem) = &draft.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.horizontal(|ui| {
        if ui.button("Apply").clicked() {
            match draft.actor() {
                Ok(actor) => {
                    draft.problem = None;
                    commands.push(apply(Edit::ChangeActor {
                        id: draft.base.id.clone(),
                        actor: Box::new(actor),
                    }));
                }
                Err(problem) => draft.problem = Some(problem),
            }
        }
        let id = draft.base.id.clone();
        if uses == 0 {
            if ui.button("Remove actor").clicked() {
                commands.push(apply(Edit::RemoveActor { id }));
            }
        } else if ui
            .button(format!("Remove with its {uses} uses"))
            .on_hover_text("Takes the actor out of the events that name it, then removes it")
            .clicked()
        {
            commands.push(Command::Edit(EditCommand::RemoveActorWithUses(id)));
        }
    });
    commands
}

fn roles_ui(ui: &mut Ui, roles: &mut Vec<RoleDraft>) {
    ui.label(RichText::new("Roles").strong());
    let mut removed = None;
    for (at, role) in roles.iter_mut().enumerate() {
        let number = at + 1;
        ui.group(|ui| {
            labelled_line(ui, &format!("Role {number} title"), &mut role.title);
            labelled_line(ui, &format!("Role {number} of (actor id)"), &mut role.of);
            labelled_line(ui, &format!("Role {number} from"), &mut role.from);
            labelled_line(ui, &format!("Role {number} to"), &mut role.to);
            labelled_line(ui, &format!("Role {number} note"), &mut role.note);
            for (s, source) in role.sources.iter_mut().enumerate() {
                let name = format!("Role {number} source {} publisher", s + 1);
                labelled_line(ui, &name, &mut source.publisher);
                labelled_line(
                    ui,
                    &format!("Role {number} source {} URL", s + 1),
                    &mut source.url,
                );
            }
            ui.horizontal(|ui| {
                if ui
                    .small_button(format!("Add a source to role {number}"))
                    .clicked()
                {
                    role.sources.push(SourceDraft::default());
                }
                if ui.small_button(format!("Remove role {number}")).clicked() {
                    removed = Some(at);
                }
            });
        });
    }
    if let Some(at) = removed {
        roles.remove(at);
    }
    if ui.button("Add role").clicked() {
        roles.push(RoleDraft {
            title: String::new(),
            of: String::new(),
            from: String::new(),
            to: String::new(),
            note: String::new(),
            sources: Vec::new(),
        });
    }
}

fn labelled_line(ui: &mut Ui, name: &str, text: &mut String) {
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(name).weak());
        ui.add(egui::TextEdit::singleline(text).desired_width(260.0))
            .labelled_by(label.id);
    });
}

/// The actor's names in other scripts: each editable under its language,
/// but one in a right-to-left script, which egui's editor would garble,
/// shown read-only with a button that clears it; and a row to add one.
fn names_editor_ui(ui: &mut Ui, names: &mut Vec<(String, String)>, new: &mut (String, String)) {
    ui.label(RichText::new("Names in other scripts").weak());
    let mut read_only = false;
    names.retain_mut(|(tag, name)| {
        let mut keep = true;
        ui.horizontal(|ui| {
            let label = ui.label(format!("{} ({tag})", language_name(tag)));
            if has_right_to_left(name) {
                read_only = true;
                visual_label(ui, name, body_format(ui)).labelled_by(label.id);
                keep = !ui.small_button("Clear").clicked();
            } else {
                ui.add(egui::TextEdit::singleline(name).desired_width(200.0))
                    .labelled_by(label.id);
            }
        });
        keep
    });
    if read_only {
        ui.label(
            RichText::new(
                "Right-to-left names are read-only here, as egui's editor would misplace \
                 the cursor in them: change them in the file.",
            )
            .weak()
            .small(),
        );
    }
    ui.horizontal(|ui| {
        let tag = ui.label(RichText::new("New name: language tag").weak());
        ui.add(
            egui::TextEdit::singleline(&mut new.0)
                .hint_text("tg")
                .desired_width(40.0),
        )
        .labelled_by(tag.id);
        let name = ui.label(RichText::new("name").weak());
        ui.add(egui::TextEdit::singleline(&mut new.1).desired_width(140.0))
            .labelled_by(name.id);
        let tag = new.0.trim();
        let addable = !tag.is_empty()
            && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !names.iter().any(|(t, _)| t == tag)
            && !new.1.trim().is_empty();
        if ui
            .add_enabled(addable, egui::Button::new("Add name"))
            .clicked()
        {
            names.push((tag.to_string(), new.1.trim().to_string()));
            *new = Default::default();
        }
    });
}

fn kind_word(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "country",
        ActorKind::Organization => "organization",
        ActorKind::Person => "person",
    }
}
