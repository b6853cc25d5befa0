//! The order of numeric dates in each date column, settled by the values
//! themselves (a first part above 12 means day first) or by `--date-order`.

use super::{Column, Field, reader};
use crate::import::dates::{DateOrder, needs_order, settles};
use crate::import::report::ImportReport;
use crate::import::{ImportOptions, Problems};

/// What one column's values say of its order.
#[derive(Debug, Default)]
struct Evidence {
    /// The first value that settles the order: its line, the order, the value.
    settled: Option<(usize, DateOrder, String)>,
    /// The first value that says the other order.
    conflict: Option<(usize, String)>,
    /// The first value that needs an order to be read.
    ambiguous: Option<(usize, String)>,
}

/// Sets the order of every date column; file problems when a column mixes
/// orders or cannot be read without `--date-order`.
pub(crate) fn settle_orders(
    text: &str,
    delimiter: u8,
    columns: &mut [Column],
    options: &ImportOptions,
    report: &mut ImportReport,
    problems: &mut Problems,
) {
    let dated: Vec<usize> = columns
        .iter()
        .filter(|c| matches!(c.field, Field::Date | Field::Start | Field::End))
        .map(|c| c.index)
        .collect();
    if dated.is_empty() {
        return;
    }
    let mut evidence: Vec<Evidence> = dated.iter().map(|_| Evidence::default()).collect();
    for record in reader(text, delimiter).into_records().skip(1).flatten() {
        let line = record.position().map_or(0, |p| p.line() as usize);
        for (k, &index) in dated.iter().enumerate() {
            let Some(value) = record.get(index) else {
                continue;
            };
            let seen = &mut evidence[k];
            match settles(value) {
                Some(order) => match &seen.settled {
                    None => seen.settled = Some((line, order, value.trim().to_string())),
                    Some((_, first, _)) if *first != order && seen.conflict.is_none() => {
                        seen.conflict = Some((line, value.trim().to_string()));
                    }
                    Some(_) => {}
                },
                None if seen.ambiguous.is_none() && needs_order(value) => {
                    seen.ambiguous = Some((line, value.trim().to_string()));
                }
                None => {}
            }
        }
    }
    for (k, &index) in dated.iter().enumerate() {
        let column = &mut columns[index];
        let seen = &evidence[k];
        decide(column, seen, options.date_order, report, problems);
    }
}

fn decide(
    column: &mut Column,
    seen: &Evidence,
    given: Option<DateOrder>,
    report: &mut ImportReport,
    problems: &mut Problems,
) {
    let col = column.index + 1;
    if let Some(order) = given {
        column.order = Some(order);
        if seen.settled.is_some() || seen.ambiguous.is_some() {
            report.note(format!(
                "{}: numeric dates read {} (--date-order)",
                column.describe(),
                order.describe()
            ));
        }
        return;
    }
    match (&seen.settled, &seen.conflict, &seen.ambiguous) {
        (Some((first_line, order, first)), Some((line, value)), _) => problems.at(
            *line,
            col,
            format!(
                "{}: {first:?} on line {first_line} can only be {} but {value:?} only {}; the column mixes orders: correct it, or choose one with --date-order dmy or --date-order mdy",
                column.describe(),
                order.describe(),
                other(*order).describe()
            ),
        ),
        (Some((line, order, value)), None, _) => {
            column.order = Some(*order);
            report.note(format!(
                "{}: numeric dates read {}, as {value:?} on line {line} shows",
                column.describe(),
                order.describe()
            ));
        }
        (None, _, Some((line, value))) => problems.at(
            *line,
            col,
            format!(
                "{}: {value:?} may be day first or month first and no date in the column settles it; add --date-order dmy or --date-order mdy",
                column.describe()
            ),
        ),
        (None, _, None) => {}
    }
}

fn other(order: DateOrder) -> DateOrder {
    match order {
        DateOrder::Dmy => DateOrder::Mdy,
        DateOrder::Mdy => DateOrder::Dmy,
        DateOrder::Ymd => DateOrder::Ymd,
    }
}
