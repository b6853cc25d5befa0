//! The column layouts of GDELT and ICEWS event files, and telling them apart
//! from a file's first line.

/// GDELT 2.0's 61 event columns, in order (GDELT 1.0 lacks the three `_ADM2Code`).
pub(crate) const GDELT2_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// A family of event-data files, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// GDELT event files, 1.0 or 2.0, with or without a header row.
    Gdelt,
    /// ICEWS event files, tab-separated with their header row.
    Icews,
}

impl Family {}

/// How one file is laid out, as read from its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// GDELT or ICEWS.
    pub(crate) family: Family,
    /// The column names, in the file's order.
    pub(crate) columns: Vec<String>,
    /// True when the first line names the columns.
    pub(crate) header: bool,
    /// The field separator: tab, or comma for a CSV export.
    pub(crate) delimiter: u8,
    /// A name for the report: "GDELT 2.0", "GDELT 1.0 (57 columns)", "ICEWS".
    pub(crate) description: String,
}

impl Layout {
    /// The position of the column named `name` (ignoring case), if the file has it.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
    }
}

/// GDELT 1.0's columns: 2.0's without the `_ADM2Code` ones, the first `count`.
fn gdelt1_columns(count: usize) -> Vec<String> {
    GDELT2_COLUMNS
        .iter()
        .filter(|c| !c.ends_with("_ADM2Code"))
        .take(count)
        .map(|c| c.to_string())
        .collect()
}

/// The layout of a file whose first line is `line`, when it is GDELT or ICEWS.
///
/// Without a header, GDELT is told by its column count (61, 58 or 57) and a
/// numeric event id followed by an eight-digit day; with one, by the names
/// `GLOBALEVENTID` and `SQLDATE` (BigQuery and DuckDB exports) or ICEWS's
/// `Event ID` and `CAMEO Code`.
pub(crate) fn sniff(line: &str) -> Option<Layout> {
    let line = line
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['\r', '\n']);
    let delimiter = if line.contains('\t') { b'\t' } else { b',' };
    let fields: Vec<&str> = line
        .split(delimiter as char)
        .map(|f| f.trim().trim_matches('"'))
        .collect();
    let has = |name: &str| fields.iter().any(|f| f.eq_ignore_ascii_case(name));
    if has("GLOBALEVENTID") && has("SQLDATE") {
        return Some(Layout {
            family: Family::Gdelt,
            columns: fields.iter().map(|f| f.to_string()).collect(),
            header: true,
            delimiter,
            description: format!("GDELT with a header row ({} columns)", fields.len()),
        });
    }
    if has("Event ID") && has("CAMEO Code") && has("Event Date") {
        return Some(Layout {
            family: Family::Icews,
            columns: fields.iter().map(|f| f.to_string()).collect(),
            header: true,
            delimiter,
            description: "ICEWS".to_string(),
        });
    }
    if delimiter != b'\t' {
        return None;
    }
    let looks_like_row = fields.len() >= 2
        && !fields[0].is_empty()
        && fields[0].bytes().all(|b| b.is_ascii_digit())
        && fields[1].len() == 8
        && fields[1].bytes().all(|b| b.is_ascii_digit());
    if !looks_like_row {
        return None;
    }
    let (columns, description) = match fields.len() {
        61 => (
            GDELT2_COLUMNS.iter().map(|c| c.to_string()).collect(),
            "GDELT 2.0".to_string(),
        ),
        57 | 58 => (
            gdelt1_columns(fields.len()),
            format!("GDELT 1.0 ({} columns)", fields.len()),
        ),
        _ => return None,
    };
    Some(Layout {
        family: Family::Gdelt,
        columns,
        header: false,
        delimiter,
        description,
    })
}

/// The layout to read a file of `family` whose first line is `line` with, when
/// `--format` names the family: the sniffed one, or GDELT 2.0 without a header.
pub(crate) fn for_family(family: Family, line: &str) -> Option<Layout> {
    match sniff(line) {
        Some(layout) if layout.family == family => Some(layout),
        Some(_) => None,
        None if family == Family::Gdelt => Some(Layout {
            family,
            columns: GDELT2_COLUMNS.iter().map(|c| c.to_string()).collect(),
            header: false,
            delimiter: b'\t',
            description: "GDELT 2.0".to_string(),
        }),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(columns: usize) -> String {
        let mut fields = vec!["1001".to_string(), "20240315".to_string()];
        fields.resize(columns, String::new());
        fields.join("\t")
    }

    #[test]
    fn gdelt_versions_are_told_by_their_column_count() {
        let two = sniff(&row(61)).unwrap();
        assert_eq!(two.description, "GDELT 2.0");
        assert_eq!(two.position("SOURCEURL"), Some(60));
        let one = sniff(&row(58)).unwrap();
        assert_eq!(one.position("SOURCEURL"), Some(57));
        assert_eq!(one.position("DATEADDED"), Some(56));
        assert_eq!(one.position("Actor1Geo_ADM2Code"), None);
        let old = sniff(&row(57)).unwrap();
        assert_eq!(old.position("SOURCEURL"), None);
        assert!(sniff(&row(40)).is_none());
        assert!(sniff("id\tdate\ttitle").is_none());
    }

    #[test]
    fn header_rows_name_the_columns() {
        let tsv = GDELT2_COLUMNS.join("\t");
        let layout = sniff(&tsv).unwrap();
        assert!(layout.header);
        assert_eq!(layout.family, Family::Gdelt);
        let csv = "GLOBALEVENTID,SQLDATE,Actor1CountryCode,Actor2CountryCode,EventCode,SOURCEURL";
        let layout = sniff(csv).unwrap();
        assert_eq!(layout.delimiter, b',');
        assert_eq!(layout.position("eventcode"), Some(4));
        let icews = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name";
        assert_eq!(sniff(icews).unwrap().family, Family::Icews);
    }
}
