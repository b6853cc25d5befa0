//! An actor's names in other scripts (`names: {"fa": …, "tg": …}`), as the
//! details panel, the glance, the hover cards and the lane labels show them.

use eframe::egui::{self, RichText, Ui};

use crate::model::{Actor, Dataset, IdList};
use crate::ui::bidi::{body_format, visual_label};

/// The language of a BCP 47 tag in English, for the tags datasets of this
/// kind use; other tags as they are.
pub fn language_name(tag: &str) -> &str {
    match tag {
        "fa" => "Persian",
        "tg" => "Tajik",
        "ru" => "Russian",
        "ar" => "Arabic",
        "ps" => "Pashto",
        "uz" => "Uzbek",
        "en" => "English",
        other => other,
    }
}

/// The actor's name followed by its names in other scripts:
/// "Iran (ایران · Эрон)"; the name alone when it has none.
pub fn name_with_others(actor: &Actor) -> String {
    if actor.names.is_empty() {
        return actor.name.clone();
    }
    let others: Vec<&str> = actor.names.values().map(String::as_str).collect();
    format!("{} ({})", actor.name, others.join(" · "))
}

/// The actors of `ids`, each with its names in other scripts, joined by ", ".
pub fn participants_text<'a>(dataset: &Dataset, ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter()
        .map(|id| dataset.actor(id).map_or(id.to_string(), name_with_others))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An event's actors or counterparts, one a line, each with its names in other scripts.
pub fn participants_ui(ui: &mut Ui, dataset: &Dataset, ids: &IdList) {
    ui.vertical(|ui| {
        for id in ids.iter() {
            visual_label(ui, &participants_text(dataset, [id]), body_format(ui));
        }
    });
}

/// One line per name of `actor` in another script: the language, weak, then the name.
pub fn other_names_ui(ui: &mut Ui, actor: &Actor) {
    if actor.names.is_empty() {
        return;
    }
    egui::Grid::new(("other names", &actor.id))
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (tag, name) in &actor.names {
                ui.label(RichText::new(language_name(tag)).weak());
                visual_label(ui, name, body_format(ui));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::name_with_others;
    use crate::model::{Actor, ActorKind};

    fn iran() -> Actor {
        let mut iran = Actor::new("IRN", "Iran", ActorKind::Country);
        iran.names.insert("fa".into(), "ایران".into());
        iran.names.insert("tg".into(), "Эрон".into());
        iran
    }

    #[test]
    fn the_name_comes_first_then_the_others_by_language() {
        assert_eq!(name_with_others(&iran()), "Iran (ایران · Эрон)");
        let plain =
            Actor::<crate::model::EdtfDate>::new("UN", "United Nations", ActorKind::Organization);
        assert_eq!(name_with_others(&plain), "United Nations");
    }
}
