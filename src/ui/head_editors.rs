//! The window of the small editors of what events name: the actors with
//! people's roles, the topics and the eras (Edit ▸ Actors…, Topics…, Eras…).

use eframe::egui;

use super::actor_editor::{ActorDraft, ActorsEditor, actors_editor_ui};
use super::list_editors::{ErasEditor, TopicsEditor, eras_editor_ui, topics_editor_ui};
use crate::command::{Command, EditCommand, HeadEditor};
use crate::model::Dataset;

/// Which editor is open and what each keeps between frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HeadEditors {
    /// The editor shown, if any.
    pub(crate) open: Option<HeadEditor>,
    actors: ActorsEditor,
    topics: TopicsEditor,
    eras: ErasEditor,
}

/// How many events name an actor, and how many are about a topic.
pub(crate) struct Uses<'a> {
    /// Events naming the actor with this id.
    pub(crate) actor: &'a dyn Fn(&str) -> usize,
    /// Events about the topic with this id.
    pub(crate) topic: &'a dyn Fn(&str) -> usize,
}

/// Shows the open editor in a window; the edits asked for.
pub(crate) fn head_editor_window(
    ctx: &egui::Context,
    dataset: &Dataset,
    editors: &mut HeadEditors,
    uses: &Uses<'_>,
) -> Vec<Command> {
    let Some(which) = editors.open else {
        return Vec::new();
    };
    // A draft of an actor that changed (an edit applied or undone) starts again.
    if let Some(draft) = &editors.actors.draft {
        editors.actors.draft = match dataset.actor(&draft.base.id) {
            Some(actor) if *actor == draft.base => editors.actors.draft.take(),
            Some(actor) => Some(ActorDraft::of(actor)),
            None => None,
        };
    }
    let title = match which {
        HeadEditor::Actors => "Actors",
        HeadEditor::Topics => "Topics",
        HeadEditor::Eras => "Eras",
    };
    let mut open = true;
    let mut commands = Vec::new();
    egui::Window::new(title)
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            commands.extend(match which {
                HeadEditor::Actors => {
                    actors_editor_ui(ui, dataset, &mut editors.actors, uses.actor)
                }
                HeadEditor::Topics => {
                    topics_editor_ui(ui, dataset, &mut editors.topics, uses.topic)
                }
                HeadEditor::Eras => eras_editor_ui(ui, dataset, &mut editors.eras),
            });
        });
    if !open {
        commands.push(Command::Edit(EditCommand::ShowEditor(None)));
    }
    commands
}
