//! Spreadsheets saved as text (CSV, TSV, "Unicode text"): the separator is
//! detected, the header matched to fields, the date order of each column
//! inferred, and each row read into an event, a title or an era.

mod columns;
mod order;
mod row;

use csv::StringRecord;

use super::names::key;
use super::report::ImportReport;
use super::{ImportOptions, Problems};
use crate::dataset::{DatasetError, closest};
use crate::model::Dataset;
pub(crate) use columns::Field;
use columns::{FIELD_NAMES, OFFERED, field_of_header, is_timelinejs_sheet};
pub(crate) use row::{DEFAULT_KIND, source_of};

/// A column of the sheet: its position, header and field, and for a date
/// column the order of its numeric dates.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// 0-based position.
    pub(crate) index: usize,
    /// The header as written.
    pub(crate) header: String,
    /// What it fills.
    pub(crate) field: Field,
    /// The order of numeric dates, once settled.
    pub(crate) order: Option<super::DateOrder>,
}

impl Column {
    /// "column 2 \"date\"", for messages.
    pub(crate) fn describe(&self) -> String {
        format!("column {} {:?}", self.index + 1, self.header)
    }
}

/// Reads a spreadsheet's text into a dataset and the problems of the rows left out;
/// an error when the header or a date column spoils the whole file.
pub fn import(
    name: &str,
    text: &str,
    options: &ImportOptions,
    title: &str,
    report: &mut ImportReport,
) -> Result<(Dataset, Problems), DatasetError> {
    let delimiter = detect_delimiter(text);
    report.delimiter = Some(char::from(delimiter));
    let mut records = reader(text, delimiter).into_records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            return Err(super::problems::single(
                name,
                Some(at_of(&error)),
                error.to_string(),
            ));
        }
        None => {
            return Err(super::problems::single(
                name,
                None,
                "the file has no header row",
            ));
        }
    };
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let mut columns = match resolve_columns(&header, header_line, options, report) {
        Ok(columns) => columns,
        Err(problems) => return Err(problems.into_error(name)),
    };
    drop(records);
    let mut file_problems = Problems::new();
    order::settle_orders(
        text,
        delimiter,
        &mut columns,
        options,
        report,
        &mut file_problems,
    );
    if !file_problems.is_empty() {
        return Err(file_problems.into_error(name));
    }
    let mut builder = options.builder(title);
    let mut problems = Problems::new();
    let mut reading = row::Reading::new(&columns, delimiter, options, &mut builder, report);
    for record in reader(text, delimiter).into_records().skip(1) {
        match record {
            Ok(record) => reading.row(&record, &mut problems),
            Err(error) => problems.at_place(Some(at_of(&error)), error.to_string()),
        }
    }
    reading.finish();
    Ok((builder.finish(report), problems))
}

fn at_of(error: &csv::Error) -> crate::dataset::LineCol {
    let line = error.position().map_or(1, |p| p.line() as usize);
    crate::dataset::LineCol { line, col: 1 }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The separator among `,` `;` tab `|` that appears most often in the header
/// line outside quotes; a comma when none does.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..4)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

/// The problem of a column whose header names no field: the dialog asks to
/// choose one above, the command line names `--map`.
fn unmatched(header: &str, in_dialog: bool) -> String {
    let best = closest(&key(header), FIELD_NAMES.iter().map(|(n, _)| *n));
    if in_dialog {
        let hint = best.map(|b| format!(" (perhaps {b})")).unwrap_or_default();
        return format!("column {header:?} matches no field{hint}; choose a field above");
    }
    let hint = best
        .map(|best| format!(" (perhaps --map \"{header}={best}\")"))
        .unwrap_or_default();
    format!(
        "column {header:?} matches no field{hint}; map it with --map \"{header}=FIELD\", FIELD being one of {OFFERED}"
    )
}

/// The problem of two columns that give the same field.
fn twice(first: &Column, second: &Column, in_dialog: bool) -> String {
    let elsewhere = if in_dialog {
        "choose another field above for one of them, or ignore it".to_string()
    } else {
        format!(
            "map one of them elsewhere (--map \"{}=note\" or =ignore)",
            second.header
        )
    };
    format!(
        "{} and {} both give the {}; {elsewhere}",
        first.describe(),
        second.describe(),
        second.field.name()
    )
}

/// The columns of the header, each with its field; every problem of the
/// header (unmatched columns, bad maps, fields given twice, no title or date).
fn resolve_columns(
    header: &StringRecord,
    line: usize,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Vec<Column>, Problems> {
    let mut problems = Problems::new();
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let timelinejs = is_timelinejs_sheet(&headers);
    let mut maps = Vec::new();
    for (column, field) in &options.maps {
        match Field::named(field) {
            Some(f) => maps.push((key(column), column, f)),
            None => problems.at(
                line,
                1,
                format!("--map {column}={field}: {field:?} is not a field; use one of {OFFERED}"),
            ),
        }
        if !headers.iter().any(|h| key(h) == key(column)) {
            problems.at(
                line,
                1,
                format!(
                    "--map {column}={field}: the header has no column {column:?} (it has {})",
                    headers
                        .iter()
                        .map(|h| format!("{h:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
    let mut columns = Vec::with_capacity(headers.len());
    for (index, header) in headers.iter().enumerate() {
        let mapped = maps.iter().find(|(k, _, _)| *k == key(header)).map(|m| m.2);
        let field = match mapped.or_else(|| field_of_header(header, timelinejs)) {
            Some(field) => field,
            None if header.is_empty() => {
                report.note(format!("column {} has no header: dropped", index + 1));
                Field::Ignore
            }
            None => {
                problems.at(line, index + 1, unmatched(header, options.in_dialog));
                Field::Ignore
            }
        };
        if mapped == Some(Field::Ignore) {
            report.note(format!("column {} {header:?} ignored (--map)", index + 1));
        }
        columns.push(Column {
            index,
            header: header.clone(),
            field,
            order: None,
        });
    }
    derive_from_date(&mut columns, report);
    for (i, column) in columns.iter().enumerate() {
        if let Some(first) = columns[..i]
            .iter()
            .find(|c| c.field == column.field && column.field.is_single())
        {
            let message = twice(first, column, options.in_dialog);
            problems.at(line, column.index + 1, message);
        }
    }
    let has = |f: Field| columns.iter().any(|c| c.field == f);
    if !has(Field::Title) {
        problems.at(line, 1, format!(
            "no column gives the title (a header such as title, headline, event or name); map one with --map \"COLUMN=title\"{}",
            listed(&headers)
        ));
    }
    if !has(Field::Date) && !has(Field::Start) && !has(Field::Year) {
        problems.at(line, 1, format!(
            "no column gives the date (a header such as date, start or year); map one with --map \"COLUMN=date\"{}",
            listed(&headers)
        ));
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

fn listed(headers: &[String]) -> String {
    format!(
        "; the columns are {}",
        headers
            .iter()
            .map(|h| format!("{h:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// With both a `date` and a `start` column, `start` and `end` are derived
/// from the date (Annals' own export): they are dropped and the report says so.
fn derive_from_date(columns: &mut [Column], report: &mut ImportReport) {
    let has_date = columns.iter().any(|c| c.field == Field::Date)
        && columns.iter().any(|c| c.field == Field::Start);
    for column in columns.iter_mut() {
        let derived = column.field == Field::Derived
            || (has_date && matches!(column.field, Field::Start | Field::End));
        if derived {
            column.field = Field::Derived;
            report.note(format!(
                "{} is derived from the date: not kept",
                column.describe()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_most_frequent_one_outside_quotes() {
        assert_eq!(detect_delimiter("date,title\n"), b',');
        assert_eq!(detect_delimiter("date;title;\"a,b,c\"\n"), b';');
        assert_eq!(detect_delimiter("date\ttitle\n"), b'\t');
        assert_eq!(detect_delimiter("date|title|x\n"), b'|');
        assert_eq!(detect_delimiter("date\n"), b',');
    }
}

/// The header and first rows of a spreadsheet, with the field each header is
/// recognised as: what a dialog shows to choose the fields of the others.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetPreview {
    /// The headers as written.
    pub headers: Vec<String>,
    /// Up to the number of rows asked for, each cut or padded to the headers.
    pub(crate) rows: Vec<Vec<String>>,
    /// The field each header is recognised as (its name), none when it matches nothing.
    pub(crate) recognised: Vec<Option<&'static str>>,
}

/// The preview of a spreadsheet's text with its first `rows` rows; none when it has no header.
pub(crate) fn preview(text: &str, rows: usize) -> Option<SheetPreview> {
    let mut records = reader(text, detect_delimiter(text)).into_records();
    let header = records.next()?.ok()?;
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let timelinejs = is_timelinejs_sheet(&headers);
    let recognised = headers
        .iter()
        .map(|h| field_of_header(h, timelinejs).map(Field::name))
        .collect();
    let rows = records
        .filter_map(Result::ok)
        .take(rows)
        .map(|r| {
            (0..headers.len())
                .map(|i| r.get(i).unwrap_or("").to_string())
                .collect()
        })
        .collect();
    Some(SheetPreview {
        headers,
        rows,
        recognised,
    })
}

/// The fields a column can be mapped to, `ignore` last.
pub fn mappable_fields() -> Vec<&'static str> {
    OFFERED.split(", ").collect()
}
