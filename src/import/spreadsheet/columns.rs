//! Spreadsheet headers matched to fields, ignoring case, spaces and punctuation.

use crate::import::names::key;

/// What a column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    /// The event id.
    Id,
    /// The date (EDTF or a common written form).
    Date,
    /// The start of an interval.
    Start,
    /// The end of an interval.
    End,
    /// The title.
    Title,
    /// The summary.
    Summary,
    /// The kind: a label, kebab name or CAMEO code.
    Kind,
    /// A CAMEO code, used when there is no kind.
    Cameo,
    /// Actors (the initiating side).
    Actors,
    /// Counterparts (the receiving side).
    Counterparts,
    /// Topics.
    Topics,
    /// The place.
    Place,
    /// The latitude of the place, in degrees.
    Latitude,
    /// The longitude of the place, in degrees.
    Longitude,
    /// Sources: addresses, or `publisher address` as Annals writes them.
    Sources,
    /// The publisher of the row's source.
    Publisher,
    /// Kept in the note, headed by the column's name.
    Note,
    /// A column Annals derives from the date (`start`, `end`, `precision` of its own export).
    Derived,
    /// TimelineJS: the year of the start.
    Year,
    /// TimelineJS: the month of the start.
    Month,
    /// TimelineJS: the day of the start.
    Day,
    /// TimelineJS: the time of the start.
    Time,
    /// TimelineJS: the year of the end.
    EndYear,
    /// TimelineJS: the month of the end.
    EndMonth,
    /// TimelineJS: the day of the end.
    EndDay,
    /// TimelineJS: the time of the end.
    EndTime,
    /// TimelineJS: the date as displayed, kept in the note.
    DisplayDate,
    /// TimelineJS: the media address, kept as a source.
    Media,
    /// TimelineJS: the media credit, the source's publisher.
    MediaCredit,
    /// TimelineJS: what the slide is: empty, `title` or `era`.
    SlideType,
    /// A grouping: topics or actors (`--group-as`).
    Group,
    /// TimelineJS columns Annals has no place for (media caption and
    /// thumbnail, background): counted in the report as not kept.
    NotKept,
    /// Dropped, and the report says so.
    Ignore,
}

/// The fields `--map` accepts, by name.
pub(crate) const FIELD_NAMES: [(&str, Field); 31] = [
    ("id", Field::Id),
    ("date", Field::Date),
    ("start", Field::Start),
    ("end", Field::End),
    ("title", Field::Title),
    ("summary", Field::Summary),
    ("kind", Field::Kind),
    ("cameo", Field::Cameo),
    ("actors", Field::Actors),
    ("counterparts", Field::Counterparts),
    ("topics", Field::Topics),
    ("place", Field::Place),
    ("sources", Field::Sources),
    ("publisher", Field::Publisher),
    ("note", Field::Note),
    ("ignore", Field::Ignore),
    ("group", Field::Group),
    ("latitude", Field::Latitude),
    ("longitude", Field::Longitude),
    ("year", Field::Year),
    ("month", Field::Month),
    ("day", Field::Day),
    ("time", Field::Time),
    ("end-year", Field::EndYear),
    ("end-month", Field::EndMonth),
    ("end-day", Field::EndDay),
    ("end-time", Field::EndTime),
    ("display-date", Field::DisplayDate),
    ("media", Field::Media),
    ("media-credit", Field::MediaCredit),
    ("type", Field::SlideType),
];

/// The field names offered in messages (the common ones).
pub(crate) const OFFERED: &str = "id, date, start, end, title, summary, kind, cameo, actors, counterparts, topics, place, sources, publisher, group, note, ignore";

impl Field {
    /// The field named `name` (`--map HEADER=name`).
    pub(crate) fn named(name: &str) -> Option<Field> {
        let wanted = key(name);
        FIELD_NAMES
            .iter()
            .find(|(n, _)| key(n) == wanted)
            .map(|&(_, f)| f)
    }

    /// The field's name, as `--map` takes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::Derived => "derived",
            Field::NotKept => "ignore",
            other => FIELD_NAMES
                .iter()
                .find(|(_, f)| *f == other)
                .map_or("ignore", |(n, _)| n),
        }
    }

    /// True for fields that hold one value per row (two columns cannot fill them).
    pub(crate) fn is_single(self) -> bool {
        !matches!(
            self,
            Field::Actors
                | Field::Counterparts
                | Field::Topics
                | Field::Sources
                | Field::Note
                | Field::Ignore
                | Field::Derived
                | Field::Group
                | Field::NotKept
        )
    }
}

/// The field a header stands for, when it is one Annals knows; `timelinejs`
/// when the sheet is TimelineJS's (its `Type` is the slide's, not the kind).
pub(crate) fn field_of_header(header: &str, timelinejs: bool) -> Option<Field> {
    let field = match key(header).as_str() {
        "id" | "uniqueid" | "eventid" => Field::Id,
        "date" | "eventdate" | "when" => Field::Date,
        "start" | "startdate" | "begin" | "begins" => Field::Start,
        "end" | "enddate" | "ends" => Field::End,
        "title" | "headline" | "event" | "name" => Field::Title,
        "description" | "summary" | "text" => Field::Summary,
        "type" if timelinejs => Field::SlideType,
        "kind" | "type" | "category" | "eventtype" => Field::Kind,
        "cameo" | "cameocode" | "eventcode" => Field::Cameo,
        "actors" | "actor" | "countries" | "country" | "participants" | "from" | "initiator"
        | "initiators" => Field::Actors,
        "to" | "counterparts" | "counterpart" | "target" | "targets" => Field::Counterparts,
        "topics" | "topic" | "tags" | "tag" => Field::Topics,
        "place" | "location" => Field::Place,
        "latitude" | "lat" => Field::Latitude,
        "longitude" | "lon" | "lng" | "long" => Field::Longitude,
        "url" | "source" | "sources" | "link" | "links" => Field::Sources,
        "publisher" => Field::Publisher,
        "note" | "notes" => Field::Note,
        "precision" => Field::Derived,
        "year" => Field::Year,
        "month" => Field::Month,
        "day" => Field::Day,
        "time" => Field::Time,
        "endyear" => Field::EndYear,
        "endmonth" => Field::EndMonth,
        "endday" => Field::EndDay,
        "endtime" => Field::EndTime,
        "displaydate" => Field::DisplayDate,
        "media" => Field::Media,
        "mediacredit" => Field::MediaCredit,
        "mediacaption" | "mediathumbnail" | "background" => Field::NotKept,
        "group" => Field::Group,
        _ => return None,
    };
    Some(field)
}

/// True when the headers are those of a TimelineJS sheet.
pub(crate) fn is_timelinejs_sheet(headers: &[String]) -> bool {
    let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
    keys.iter().any(|k| k == "year") && keys.iter().any(|k| k == "headline")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_space_and_punctuation() {
        assert_eq!(field_of_header("Start Date", false), Some(Field::Start));
        assert_eq!(field_of_header("start_date", false), Some(Field::Start));
        assert_eq!(field_of_header("HEADLINE", false), Some(Field::Title));
        assert_eq!(field_of_header("Type", false), Some(Field::Kind));
        assert_eq!(field_of_header("Type", true), Some(Field::SlideType));
        assert_eq!(
            field_of_header("Media Credit", true),
            Some(Field::MediaCredit)
        );
        assert_eq!(field_of_header("Weather", false), None);
        assert_eq!(Field::named("Counterparts"), Some(Field::Counterparts));
        assert_eq!(Field::named("ignore"), Some(Field::Ignore));
    }
}
