//! One row of a spreadsheet into an event, the dataset's title, or an era.

use csv::StringRecord;

use super::{Column, Field};
use crate::import::builder::{DatasetBuilder, kind};
use crate::import::dates::{DateOrder, DateProblem, long_year, read_date};
use crate::import::html::{has_tags, to_plain};
use crate::import::jalali_dates::read_jalali_date;
use crate::import::names::host_of;
use crate::import::report::ImportReport;
use crate::import::{GroupAs, ImportOptions, Problems, countries};
use crate::model::Calendar;
use crate::model::{Coordinates, EdtfDate, Event, EventKind, Source};

/// The kind of events when the sheet says none.
pub(crate) const DEFAULT_KIND: &str = "Event";

/// Reads rows into a builder, one at a time.
pub(crate) struct Reading<'a> {
    columns: &'a [Column],
    comma: bool,
    calendar: Calendar,
    group_as: GroupAs,
    builder: &'a mut DatasetBuilder,
    report: &'a mut ImportReport,
    empty_rows: usize,
    no_kind: usize,
}

/// A problem of a row: the column (1-based) and the message.
type RowProblem = (usize, String);

impl<'a> Reading<'a> {
    /// Ready to read rows of a sheet with these columns.
    pub fn new(
        columns: &'a [Column],
        delimiter: u8,
        options: &ImportOptions,
        builder: &'a mut DatasetBuilder,
        report: &'a mut ImportReport,
    ) -> Reading<'a> {
        Reading {
            columns,
            comma: delimiter == b',',
            calendar: options.calendar,
            group_as: options.group_as.unwrap_or(GroupAs::Topic),
            builder,
            report,
            empty_rows: 0,
            no_kind: 0,
        }
    }

    /// Reads one record; its problems go to `problems` and the row is left out.
    pub(crate) fn row(&mut self, record: &StringRecord, problems: &mut Problems) {
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            self.empty_rows += 1;
            return;
        }
        self.report.read += 1;
        if record.len() > self.columns.len() {
            problems.at(
                line,
                self.columns.len() + 1,
                format!(
                    "the row has {} fields but the header has {}; is a separator or a quote missing?",
                    record.len(),
                    self.columns.len()
                ),
            );
            return;
        }
        let mut found = Vec::new();
        match self.slide_type(record).as_str() {
            "title" => self.title_row(record),
            "era" => self.era_row(record, &mut found),
            _ => self.event_row(record, &mut found),
        }
        for (col, message) in found {
            problems.at(line, col, message);
        }
    }

    /// Counts what was left out into the report.
    pub(crate) fn finish(self) {
        if self.empty_rows > 0 {
            self.report
                .not_kept
                .insert("empty rows".into(), self.empty_rows);
        }
        if self.no_kind > 0 {
            self.report.note(format!(
                "{} without a kind: of the dataset's own kind {DEFAULT_KIND:?}",
                crate::model::words::events(self.no_kind)
            ));
        }
    }

    fn cells<'r>(
        &self,
        record: &'r StringRecord,
        field: Field,
    ) -> impl Iterator<Item = (&'a Column, &'r str)> + use<'a, 'r> {
        let columns: &'a [Column] = self.columns;
        columns
            .iter()
            .filter(move |c| c.field == field)
            .filter_map(move |c| Some((c, record.get(c.index)?.trim())))
            .filter(|(_, v)| !v.is_empty())
    }

    fn cell<'r>(&self, record: &'r StringRecord, field: Field) -> Option<(&'a Column, &'r str)> {
        self.cells(record, field).next()
    }

    fn value<'r>(&self, record: &'r StringRecord, field: Field) -> &'r str {
        self.cell(record, field).map_or("", |(_, v)| v)
    }

    fn slide_type(&self, record: &StringRecord) -> String {
        self.value(record, Field::SlideType).to_ascii_lowercase()
    }

    fn title_row(&mut self, record: &StringRecord) {
        let title = plain(self.value(record, Field::Title)).text;
        let description = plain(self.value(record, Field::Summary)).text;
        self.builder.set_title(&title, &description);
    }

    fn era_row(&mut self, record: &StringRecord, found: &mut Vec<RowProblem>) {
        let Some(date) = self.date(record, found) else {
            return;
        };
        let name = plain(self.value(record, Field::Title)).text;
        let col = self.column_of(Field::Title);
        match EdtfDate::parse(&date) {
            Ok(date) => {
                if let Err(message) = self.builder.push_era(&name, date, None) {
                    found.push((col, message));
                }
            }
            Err(error) => found.push((col, error.to_string())),
        }
    }

    fn column_of(&self, field: Field) -> usize {
        self.columns
            .iter()
            .find(|c| c.field == field)
            .map_or(1, |c| c.index + 1)
    }

    fn event_row(&mut self, record: &StringRecord, found: &mut Vec<RowProblem>) {
        let title_cell = self.value(record, Field::Title);
        let title = plain(title_cell);
        if title.text.is_empty() {
            let col = self.column_of(Field::Title);
            found.push((
                col,
                format!("{}: the title is empty", self.columns[col - 1].describe()),
            ));
        }
        let date = self.date(record, found);
        let (Some(date), true) = (date, found.is_empty()) else {
            return;
        };
        let parsed = match EdtfDate::parse(&date) {
            Ok(parsed) => parsed,
            Err(error) => {
                found.push((self.column_of(Field::Date), error.to_string()));
                return;
            }
        };
        let wanted = self.value(record, Field::Id);
        let id =
            match self
                .builder
                .event_id(Some(wanted).filter(|w| !w.is_empty()), &date, &title.text)
            {
                Ok(id) => id,
                Err(message) => {
                    found.push((self.column_of(Field::Id), message));
                    return;
                }
            };
        let at = match self.coordinates(record) {
            Ok(at) => at,
            Err(problem) => {
                found.push(problem);
                return;
            }
        };
        let summary = plain(self.value(record, Field::Summary));
        let kind = self.kind(record);
        let cameo = self.cameo(record, &kind);
        let event = Event {
            id: id.into(),
            kind,
            cameo: cameo.map(Into::into),
            date: parsed,
            actors: self.actors(record, Field::Actors).into(),
            counterparts: self.actors(record, Field::Counterparts).into(),
            topics: self.topics(record).into(),
            place: Some(self.value(record, Field::Place).into())
                .filter(|p: &crate::model::Text| !p.is_empty()),
            at,
            sources: self.sources(record, &title.links, &summary.links).into(),
            note: self.note(record).map(Into::into),
            summary: summary.text.into(),
            title: title.text.into(),
        };
        let event = self.with_groups(record, event);
        self.builder.push_event(event);
    }

    fn kind(&mut self, record: &StringRecord) -> EventKind {
        let text = self.value(record, Field::Kind);
        let text = if text.is_empty() {
            self.value(record, Field::Cameo)
        } else {
            text
        };
        if text.is_empty() {
            self.no_kind += 1;
            return EventKind::Other(DEFAULT_KIND.into());
        }
        kind(text)
    }

    /// The row's CAMEO code when it says more than its kind's default.
    /// The row's latitude and longitude, when it gives them; the column and
    /// the problem when one is missing, is not a number, or is off the globe.
    fn coordinates(&self, record: &StringRecord) -> Result<Option<Coordinates>, (usize, String)> {
        let cells = [Field::Latitude, Field::Longitude].map(|f| (f, self.value(record, f).trim()));
        if cells.iter().all(|(_, text)| text.is_empty()) {
            return Ok(None);
        }
        let problem = |field: Field, message: String| {
            let column = self.column_of(field);
            (
                column,
                format!("{}: {message}", self.columns[column - 1].describe()),
            )
        };
        let mut degrees = [0.0f32; 2];
        for (k, (field, text)) in cells.iter().enumerate() {
            let (what, other) = if *field == Field::Latitude {
                ("latitude", Field::Longitude)
            } else {
                ("longitude", Field::Latitude)
            };
            if text.is_empty() {
                return Err(problem(other, format!("a {what} is needed with it")));
            }
            degrees[k] = text
                .replace(',', ".")
                .parse()
                .map_err(|_| problem(*field, format!("{text:?} is not a {what} in degrees")))?;
        }
        let at = Coordinates(degrees[0], degrees[1]);
        at.problem()
            .map_or(Ok(Some(at)), |p| Err(problem(Field::Latitude, p)))
    }

    fn cameo(&self, record: &StringRecord, kind: &EventKind) -> Option<String> {
        let code = self.value(record, Field::Cameo);
        (crate::model::is_cameo_code(code) && kind.cameo() != Some(code)).then(|| code.to_string())
    }

    fn actors(&mut self, record: &StringRecord, field: Field) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let cells: Vec<&str> = self.cells(record, field).map(|(_, v)| v).collect();
        for cell in cells {
            let names = if countries::find(cell).is_some() {
                vec![cell]
            } else {
                split_values(cell, self.comma)
            };
            for name in names {
                if let Some(id) = self.builder.actor(name)
                    && !ids.contains(&id)
                {
                    ids.push(id);
                }
            }
        }
        ids
    }

    fn topics(&mut self, record: &StringRecord) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let cells: Vec<&str> = self.cells(record, Field::Topics).map(|(_, v)| v).collect();
        for name in cells.into_iter().flat_map(|c| split_values(c, self.comma)) {
            if let Some(id) = self.builder.topic(name, None)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        ids
    }

    /// Adds the row's groups as topics or actors.
    fn with_groups(&mut self, record: &StringRecord, mut event: Event) -> Event {
        let groups: Vec<&str> = self.cells(record, Field::Group).map(|(_, v)| v).collect();
        for group in groups {
            match self.group_as {
                GroupAs::Topic => {
                    if let Some(id) = self.builder.topic(group, None)
                        && !event.topics.contains(&id)
                    {
                        event.topics.push(&id);
                    }
                }
                GroupAs::Actor => {
                    if let Some(id) = self.builder.actor(group)
                        && !event.actors.contains(&id)
                    {
                        event.actors.push(&id);
                    }
                }
            }
        }
        event
    }

    fn sources(
        &mut self,
        record: &StringRecord,
        title_links: &[(String, String)],
        summary_links: &[(String, String)],
    ) -> Vec<Source> {
        let publisher = self.value(record, Field::Publisher);
        let mut sources: Vec<Source> = self
            .cells(record, Field::Sources)
            .flat_map(|(_, cell)| split_values(cell, self.comma))
            .map(|value| source_of(value, publisher))
            .collect();
        if sources.is_empty() && !publisher.is_empty() {
            sources.push(Source {
                publisher: publisher.to_string().into(),
                title: None,
                url: None,
                published: None,
            });
        }
        let media = self.value(record, Field::Media);
        if !media.is_empty() {
            let credit = plain(self.value(record, Field::MediaCredit)).text;
            let mut source = source_of(media, &credit);
            source.title = Some("Media".into()).filter(|_| source.url.is_some());
            sources.push(source);
        }
        for (url, text) in title_links.iter().chain(summary_links) {
            if !sources.iter().any(|s| s.url.as_deref() == Some(url)) {
                sources.push(Source {
                    publisher: host_of(url).unwrap_or(url).to_string().into(),
                    title: Some(text.into()).filter(|t: &crate::model::Text| !t.is_empty()),
                    url: Some(url.into()),
                    published: None,
                });
            }
        }
        for (column, _) in self.cells(record, Field::NotKept) {
            self.report.not_kept(column.describe());
        }
        sources
    }

    fn note(&self, record: &StringRecord) -> Option<String> {
        let mut lines = Vec::new();
        for (column, value) in self.cells(record, Field::DisplayDate) {
            lines.push(format!("{}: {value}", column.header));
        }
        for (column, value) in self.cells(record, Field::Note) {
            let own = matches!(
                crate::import::names::key(&column.header).as_str(),
                "note" | "notes"
            );
            lines.push(if own {
                value.to_string()
            } else {
                format!("{}: {value}", column.header)
            });
        }
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// The row's date as EDTF: from a date column, a start and an end, or the
    /// TimelineJS parts; its problems go to `found`.
    fn date(&self, record: &StringRecord, found: &mut Vec<RowProblem>) -> Option<String> {
        let start = self
            .cell(record, Field::Date)
            .or_else(|| self.cell(record, Field::Start));
        let (start, end) = if let Some((column, text)) = start {
            let start = read(column, text, self.calendar, found)?;
            let end = match self.cell(record, Field::End) {
                Some((column, text)) => Some((column, read(column, text, self.calendar, found)?)),
                None => None,
            };
            (start, end)
        } else if let Some(start) = self.parts(
            record,
            [Field::Year, Field::Month, Field::Day, Field::Time],
            found,
        ) {
            let end = self.parts(
                record,
                [
                    Field::EndYear,
                    Field::EndMonth,
                    Field::EndDay,
                    Field::EndTime,
                ],
                found,
            );
            let end_column = self.columns.iter().find(|c| c.field == Field::EndYear);
            (start, end_column.zip(end))
        } else {
            if found.is_empty() {
                let col = [Field::Date, Field::Start, Field::Year]
                    .into_iter()
                    .map(|f| self.column_of(f))
                    .find(|&c| {
                        self.columns.get(c - 1).is_some_and(|col| {
                            matches!(col.field, Field::Date | Field::Start | Field::Year)
                        })
                    })
                    .unwrap_or(1);
                found.push((
                    col,
                    format!("{}: the row has no date", self.columns[col - 1].describe()),
                ));
            }
            return None;
        };
        match end {
            Some((column, end)) if end != start => {
                match crate::import::dates::interval(&start, &end) {
                    Ok(interval) => Some(interval),
                    Err(message) => {
                        found.push((
                            column.index + 1,
                            format!("{}: {message}", column.describe()),
                        ));
                        None
                    }
                }
            }
            _ => Some(start),
        }
    }

    /// A date from TimelineJS's year, month, day and time columns.
    fn parts(
        &self,
        record: &StringRecord,
        fields: [Field; 4],
        found: &mut Vec<RowProblem>,
    ) -> Option<String> {
        let [year, month, day, time] = fields.map(|f| self.cell(record, f));
        let (year_column, year) = year?;
        let year = year.trim();
        let mut text = match long_year(year) {
            Some(long) => long,
            None if !year.is_empty() && year.chars().all(|c| c.is_ascii_digit()) => {
                format!("{:0>4}", year)
            }
            None => {
                found.push((
                    year_column.index + 1,
                    format!("{}: {year:?} is not a year", year_column.describe()),
                ));
                return None;
            }
        };
        for part in [month, day].into_iter() {
            let Some((column, value)) = part else { break };
            match value.parse::<u32>() {
                Ok(n) => text.push_str(&format!("-{n:02}")),
                Err(_) => {
                    found.push((
                        column.index + 1,
                        format!("{}: {value:?} is not a number", column.describe()),
                    ));
                    return None;
                }
            }
        }
        if self.calendar == Calendar::Jalali {
            text = match read_jalali_date(&text, Some(DateOrder::Ymd)) {
                Ok(gregorian) => gregorian,
                Err(problem) => {
                    let why = match problem {
                        DateProblem::Unreadable(why) => why,
                        DateProblem::NeedsOrder => format!("{text:?} is not a Jalali date"),
                    };
                    found.push((
                        year_column.index + 1,
                        format!("{}: {why}", year_column.describe()),
                    ));
                    return None;
                }
            };
        }
        if let (Some(_), Some((_, time))) = (day, time) {
            let time = time.trim();
            let padded = if time.find(':') == Some(1) {
                format!("0{time}")
            } else {
                time.to_string()
            };
            text.push('T');
            text.push_str(&padded);
        }
        match EdtfDate::parse(&text) {
            Ok(_) => Some(text),
            Err(error) => {
                found.push((
                    year_column.index + 1,
                    format!("{}: {}", year_column.describe(), error),
                ));
                None
            }
        }
    }
}

/// Reads one date cell, recording its problem.
fn read(
    column: &Column,
    text: &str,
    calendar: Calendar,
    found: &mut Vec<RowProblem>,
) -> Option<String> {
    let date = match calendar {
        Calendar::Jalali => read_jalali_date(text, column.order),
        _ => read_date(text, column.order),
    };
    match date {
        Ok(date) => Some(date),
        Err(DateProblem::NeedsOrder) => {
            found.push((column.index + 1, format!(
                "{}: {text:?} may be day first or month first; add --date-order dmy or --date-order mdy",
                column.describe()
            )));
            None
        }
        Err(DateProblem::Unreadable(why)) => {
            found.push((column.index + 1, format!("{}: {why}", column.describe())));
            None
        }
    }
}

/// The text of a cell, HTML made plain when it has tags.
fn plain(text: &str) -> crate::import::html::PlainText {
    if has_tags(text) {
        to_plain(text)
    } else {
        crate::import::html::PlainText {
            text: text.trim().to_string(),
            links: Vec::new(),
        }
    }
}

/// The values of a cell holding several: split on `;` or `|`, or on `,` when
/// `comma` (the cell was quoted in a comma-separated file).
pub(crate) fn split_values(cell: &str, comma: bool) -> Vec<&str> {
    let separators: &[char] = if cell.contains([';', '|']) {
        &[';', '|']
    } else if comma {
        &[',']
    } else {
        &[]
    };
    if separators.is_empty() {
        return vec![cell.trim()]
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect();
    }
    cell.split(separators)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

/// A source from `publisher address` (as Annals writes them), an address
/// alone, or a publisher's name alone.
pub(crate) fn source_of(value: &str, publisher: &str) -> Source {
    let value = value.trim();
    let url_at = value
        .split_whitespace()
        .last()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."));
    let (named, url) = match url_at {
        Some(url) => (
            value[..value.len() - url.len()].trim(),
            Some(url.to_string()),
        ),
        None => (value, None),
    };
    let publisher = match (named, publisher, &url) {
        (named, _, Some(_)) if !named.is_empty() => named.to_string(),
        (_, given, _) if !given.is_empty() && url.is_some() => given.to_string(),
        (_, _, Some(url)) => host_of(url).unwrap_or(url).to_string(),
        (named, _, None) => named.to_string(),
    };
    Source {
        publisher: publisher.into(),
        title: None,
        url: url.map(Into::into),
        published: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_on_semicolons_pipes_and_quoted_commas() {
        assert_eq!(
            split_values("Iran; Tajikistan", false),
            ["Iran", "Tajikistan"]
        );
        assert_eq!(
            split_values("Iran|Tajikistan", true),
            ["Iran", "Tajikistan"]
        );
        assert_eq!(
            split_values("Iran, Tajikistan", true),
            ["Iran", "Tajikistan"]
        );
        assert_eq!(
            split_values("Iran, Tajikistan", false),
            ["Iran, Tajikistan"]
        );
    }

    #[test]
    fn sources_keep_publisher_and_address() {
        let s = source_of("IRNA https://en.irna.ir/news/1", "");
        assert_eq!(
            (s.publisher.as_str(), s.url.as_deref()),
            ("IRNA", Some("https://en.irna.ir/news/1"))
        );
        let s = source_of("https://www.tehrantimes.com/x", "");
        assert_eq!(s.publisher, "tehrantimes.com");
        let s = source_of("Tehran Times", "");
        assert_eq!((s.publisher.as_str(), s.url), ("Tehran Times", None));
    }
}
