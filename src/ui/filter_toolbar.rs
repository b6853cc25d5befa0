//! The toolbar's filter fields: the text search and the period (EDTF from/to).

use eframe::egui::{Color32, Id, TextEdit, Ui};

use crate::model::EdtfDate;
use crate::query::Filter;

/// A search field over titles, summaries, places, notes, actor names and
/// sources; true when the text changed.
pub(crate) fn search_ui(ui: &mut Ui, filter: &mut Filter) -> bool {
    let label = ui.label("Search");
    ui.add(
        TextEdit::singleline(&mut filter.text)
            .hint_text("title, place, actor…")
            .desired_width(180.0),
    )
    .labelled_by(label.id)
    .changed()
}

/// The period fields "From" and "To" (EDTF dates such as `2014` or
/// `2022-05`) and the "strictly inside" option; true when the filter changed.
///
/// A date that does not parse is shown in red and not applied.
pub(crate) fn period_ui(ui: &mut Ui, filter: &mut Filter) -> bool {
    let before = filter.clone();
    let from = date_field_ui(
        ui,
        "From",
        Id::unique("filter-period-from"),
        &filter.period.from,
    );
    let to = date_field_ui(ui, "To", Id::unique("filter-period-to"), &filter.period.to);
    if let Some(from) = from {
        filter.period.from = from;
    }
    if let Some(to) = to {
        filter.period.to = to;
    }
    ui.checkbox(&mut filter.strict, "Strictly inside")
        .on_hover_text("Only events whose whole date lies inside the period");
    *filter != before
}

/// One date field; the new value when the user typed a valid date or cleared it.
fn date_field_ui(
    ui: &mut Ui,
    name: &str,
    id: Id,
    current: &Option<String>,
) -> Option<Option<String>> {
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.clone().unwrap_or_default());
    let valid = text.trim().is_empty() || EdtfDate::parse(text.trim()).is_ok();
    let label = ui.label(name);
    let mut edit = TextEdit::singleline(&mut text)
        .hint_text("e.g. 2014")
        .desired_width(90.0);
    if !valid {
        edit = edit.text_color(Color32::from_rgb(200, 40, 40));
    }
    let response = ui.add(edit).labelled_by(label.id);
    if !response.has_focus()
        && text.trim() != current.as_deref().unwrap_or("")
        && !response.changed()
    {
        // The filter changed elsewhere (a chip removed): show its value.
        text = current.clone().unwrap_or_default();
    }
    ui.data_mut(|d| d.insert_temp(id, text.clone()));
    if !response.changed() {
        return None;
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Some(None)
    } else if EdtfDate::parse(trimmed).is_ok() {
        Some(Some(trimmed.to_string()))
    } else {
        None
    }
}
