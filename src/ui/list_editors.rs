//! Edit ▸ Topics… and Edit ▸ Eras…: each topic's name and parent, each era's
//! name, dates and colour, edited in place when the field is left; new ones
//! added and old ones removed (a topic with its uses, when asked).

use eframe::egui::{self, RichText, Ui};

use crate::command::{Command, EditCommand};
use crate::edit::Edit;
use crate::model::{Dataset, EdtfDate, Era, Topic};

fn apply(edit: Edit) -> Command {
    Command::Edit(EditCommand::Apply(edit))
}

/// What the topics' editor keeps between frames: the names as typed, and a new topic's fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TopicsEditor {
    base: Vec<Topic>,
    names: Vec<String>,
    new_id: String,
    new_name: String,
}

/// The topics, one per line: name, parent, remove; then a new topic.
pub(crate) fn topics_editor_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    editor: &mut TopicsEditor,
    uses: &dyn Fn(&str) -> usize,
) -> Vec<Command> {
    if editor.base != dataset.topics {
        editor.base = dataset.topics.clone();
        editor.names = dataset.topics.iter().map(|t| t.name.clone()).collect();
    }
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            egui::Grid::new("topics editor")
                .num_columns(4)
                .show(ui, |ui| {
                    for (topic, name) in dataset.topics.iter().zip(&mut editor.names) {
                        let label = ui.label(RichText::new(&topic.id).weak()).id;
                        let field = ui.add(egui::TextEdit::singleline(name).desired_width(200.0));
                        let field = field.labelled_by(label);
                        if field.lost_focus()
                            && name.trim() != topic.name
                            && !name.trim().is_empty()
                        {
                            let mut changed = topic.clone();
                            changed.name = name.trim().to_string();
                            commands.push(apply(Edit::ChangeTopic {
                                id: topic.id.clone(),
                                topic: changed,
                            }));
                        }
                        commands.extend(parent_ui(ui, dataset, topic, label));
                        let count = uses(&topic.id);
                        let (words, command) = if count == 0 {
                            (
                                "Remove".to_string(),
                                apply(Edit::RemoveTopic {
                                    id: topic.id.clone(),
                                }),
                            )
                        } else {
                            (
                                format!("Remove with its {count} uses"),
                                Command::Edit(EditCommand::RemoveTopicWithUses(topic.id.clone())),
                            )
                        };
                        if ui.small_button(words).clicked() {
                            commands.push(command);
                        }
                        ui.end_row();
                    }
                });
        });
    ui.separator();
    ui.horizontal(|ui| {
        let label = ui.label("New topic: id").id;
        ui.add(egui::TextEdit::singleline(&mut editor.new_id).desired_width(120.0))
            .labelled_by(label);
        let label = ui.label("name").id;
        ui.add(egui::TextEdit::singleline(&mut editor.new_name).desired_width(200.0))
            .labelled_by(label);
        let ready = !editor.new_id.trim().is_empty() && !editor.new_name.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Add topic"))
            .clicked()
        {
            commands.push(apply(Edit::AddTopic {
                at: None,
                topic: Topic {
                    id: editor.new_id.trim().to_string(),
                    name: editor.new_name.trim().to_string(),
                    parent: None,
                },
            }));
            editor.new_id.clear();
            editor.new_name.clear();
        }
    });
    commands
}

/// The parent of `topic`, chosen among the other topics (a cycle is refused by the engine).
fn parent_ui(ui: &mut Ui, dataset: &Dataset, topic: &Topic, label: egui::Id) -> Option<Command> {
    let shown = topic
        .parent
        .as_deref()
        .map_or("(top level)", |p| dataset.topic_name(p));
    let mut chosen = None;
    egui::ComboBox::from_id_salt(("topic parent", &topic.id))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(topic.parent.is_none(), "(top level)")
                .clicked()
            {
                chosen = Some(None);
            }
            for other in dataset.topics.iter().filter(|t| t.id != topic.id) {
                let is = topic.parent.as_deref() == Some(other.id.as_str());
                if ui.selectable_label(is, other.name.as_str()).clicked() {
                    chosen = Some(Some(other.id.clone()));
                }
            }
        })
        .response
        .labelled_by(label);
    let parent = chosen.filter(|p| *p != topic.parent)?;
    let mut changed = topic.clone();
    changed.parent = parent;
    Some(apply(Edit::ChangeTopic {
        id: topic.id.clone(),
        topic: changed,
    }))
}

/// What the eras' editor keeps between frames: each era's fields as typed, and a new era's.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ErasEditor {
    base: Vec<Era>,
    drafts: Vec<[String; 3]>,
    new: [String; 2],
    problem: Option<String>,
}

/// The eras, one per line: name, date, colour, remove; then a new era.
pub(crate) fn eras_editor_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    editor: &mut ErasEditor,
) -> Vec<Command> {
    if editor.base != dataset.eras {
        editor.base = dataset.eras.clone();
        editor.drafts = dataset
            .eras
            .iter()
            .map(|e| {
                [
                    e.name.clone(),
                    e.date.text().to_string(),
                    e.color.clone().unwrap_or_default(),
                ]
            })
            .collect();
    }
    let mut commands = Vec::new();
    egui::Grid::new("eras editor")
        .num_columns(4)
        .show(ui, |ui| {
            for (n, (era, draft)) in dataset.eras.iter().zip(&mut editor.drafts).enumerate() {
                let mut left = false;
                let fields = ["name", "date", "colour"]
                    .into_iter()
                    .zip([200.0, 200.0, 80.0]);
                for (text, (field, width)) in draft.iter_mut().zip(fields) {
                    ui.vertical(|ui| {
                        let label =
                            ui.label(RichText::new(format!("Era {} {field}", n + 1)).weak());
                        left |= ui
                            .add(egui::TextEdit::singleline(text).desired_width(width))
                            .labelled_by(label.id)
                            .lost_focus();
                    });
                }
                if left {
                    match era_of(draft) {
                        Ok(changed) if changed != *era => {
                            editor.problem = None;
                            commands.push(apply(Edit::ChangeEra {
                                name: era.name.clone(),
                                era: Box::new(changed),
                            }));
                        }
                        Ok(_) => {}
                        Err(problem) => editor.problem = Some(problem),
                    }
                }
                if ui.small_button(format!("Remove “{}”", era.name)).clicked() {
                    commands.push(apply(Edit::RemoveEra {
                        name: era.name.clone(),
                    }));
                }
                ui.end_row();
            }
        });
    if let Some(problem) = &editor.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let [name, date] = &mut editor.new;
        let label = ui.label("New era: name").id;
        ui.add(egui::TextEdit::singleline(name).desired_width(200.0))
            .labelled_by(label);
        let label = ui.label("dates").id;
        ui.add(
            egui::TextEdit::singleline(date)
                .hint_text("2021-08-03/2024-05-19")
                .desired_width(200.0),
        )
        .labelled_by(label);
        if ui.button("Add era").clicked() {
            match era_of(&[name.clone(), date.clone(), String::new()]) {
                Ok(era) => {
                    commands.push(apply(Edit::AddEra {
                        at: None,
                        era: Box::new(era),
                    }));
                    name.clear();
                    date.clear();
                    editor.problem = None;
                }
                Err(problem) => editor.problem = Some(problem),
            }
        }
    });
    commands
}

/// The era that `[name, date, colour]` as typed give, or what does not read.
fn era_of([name, date, color]: &[String; 3]) -> Result<Era, String> {
    if name.trim().is_empty() {
        return Err("an era needs a name".to_string());
    }
    Ok(Era {
        name: name.trim().to_string(),
        date: EdtfDate::parse(date.trim()).map_err(|e| e.to_string())?,
        color: Some(color.trim().to_string()).filter(|c| !c.is_empty()),
    })
}
