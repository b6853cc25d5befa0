//! One row of a GDELT or ICEWS file, read into the few fields Annals keeps:
//! the day, both sides, the CAMEO code, the article count and the source.

use std::borrow::Cow;

use csv::ByteRecord;

use super::layout::{Family, Layout};
use crate::model::{Coordinates, Moment, cameo};

/// One side of a row as the file writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RawSide<'a> {
    /// GDELT's full actor code (`SAUGOV`); empty in ICEWS.
    pub(crate) code: Cow<'a, str>,
    /// The actor's name as written (`SAUDI ARABIA`, `Hassan Rouhani`).
    pub(crate) name: Cow<'a, str>,
    /// GDELT's CAMEO country code (`SAU`).
    pub(crate) country: Cow<'a, str>,
    /// GDELT's known group code (`NAT`).
    pub(crate) group: Cow<'a, str>,
    /// ICEWS's country name (`Saudi Arabia`).
    pub(crate) country_name: Cow<'a, str>,
    /// ICEWS's sectors (`Government, Executive`).
    pub(crate) sectors: Cow<'a, str>,
}

impl RawSide<'_> {
    /// True when the row says nothing of this side.
    pub(crate) fn is_empty(&self) -> bool {
        [
            &self.code,
            &self.name,
            &self.country,
            &self.group,
            &self.country_name,
        ]
        .iter()
        .all(|f| f.trim().is_empty())
    }
}

/// A row of event data, borrowed from the record it was read from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row<'a> {
    /// GLOBALEVENTID or ICEWS's Event ID.
    pub(crate) id: Cow<'a, str>,
    /// The day the event took place.
    pub(crate) day: Moment,
    /// The initiator and the target, as written.
    pub(crate) sides: [RawSide<'a>; 2],
    /// The full CAMEO code, leading zero restored: `0431`.
    pub(crate) code: &'static str,
    /// The three-digit base code: `043`.
    pub(crate) base: &'static str,
    /// How many articles reported it (1 for an ICEWS row).
    pub(crate) articles: u64,
    /// SOURCEURL, where the layout has one.
    pub(crate) url: Option<Cow<'a, str>>,
    /// The day of DATEADDED, where the layout has one.
    pub(crate) added: Option<Moment>,
    /// ICEWS's publisher.
    pub(crate) publisher: Option<Cow<'a, str>>,
    /// Where it happened: ActionGeo_FullName, or ICEWS's city and country.
    pub(crate) place: Option<Cow<'a, str>>,
    /// ActionGeo_Lat and ActionGeo_Long, or ICEWS's Latitude and Longitude,
    /// when both are numbers on the globe.
    pub(crate) at: Option<Coordinates>,
}

/// What is wrong with a row: a message and the column (0-based) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowProblem {
    /// The 0-based field the problem is in, when there is one.
    pub(crate) field: Option<usize>,
    /// What is wrong.
    pub(crate) message: String,
}

/// The positions of the fields a row is read from, resolved once per file.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    family: Family,
    count: usize,
    id: Option<usize>,
    day: Option<usize>,
    sides: [SideColumns; 2],
    code: Option<usize>,
    base: Option<usize>,
    articles: Option<usize>,
    url: Option<usize>,
    added: Option<usize>,
    publisher: Option<usize>,
    place: Vec<usize>,
    lat_lon: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Default)]
struct SideColumns {
    code: Option<usize>,
    name: Option<usize>,
    country: Option<usize>,
    group: Option<usize>,
    country_name: Option<usize>,
    sectors: Option<usize>,
}

impl Columns {
    /// Resolves the columns of `layout`; an error names the required columns it lacks.
    pub(crate) fn of(layout: &Layout) -> Result<Columns, String> {
        let at = |name: &str| layout.position(name);
        let columns = match layout.family {
            Family::Gdelt => Columns {
                family: Family::Gdelt,
                count: layout.columns.len(),
                id: at("GLOBALEVENTID"),
                day: at("SQLDATE"),
                sides: ["Actor1", "Actor2"].map(|side| SideColumns {
                    code: at(&format!("{side}Code")),
                    name: at(&format!("{side}Name")),
                    country: at(&format!("{side}CountryCode")),
                    group: at(&format!("{side}KnownGroupCode")),
                    ..SideColumns::default()
                }),
                code: at("EventCode"),
                base: at("EventBaseCode"),
                articles: at("NumArticles"),
                url: at("SOURCEURL"),
                added: at("DATEADDED"),
                publisher: None,
                place: at("ActionGeo_FullName").into_iter().collect(),
                lat_lon: at("ActionGeo_Lat").zip(at("ActionGeo_Long")),
            },
            Family::Icews => Columns {
                family: Family::Icews,
                count: layout.columns.len(),
                id: at("Event ID"),
                day: at("Event Date"),
                sides: ["Source", "Target"].map(|side| SideColumns {
                    name: at(&format!("{side} Name")),
                    country_name: at(&format!("{side} Country")),
                    sectors: at(&format!("{side} Sectors")),
                    ..SideColumns::default()
                }),
                code: at("CAMEO Code"),
                base: None,
                articles: None,
                url: None,
                added: None,
                publisher: at("Publisher"),
                place: ["City", "Province", "Country"]
                    .iter()
                    .filter_map(|n| at(n))
                    .collect(),
                lat_lon: at("Latitude").zip(at("Longitude")),
            },
        };
        let missing: Vec<&str> = [
            ("an event id", columns.id),
            ("the date", columns.day),
            ("the CAMEO code", columns.code),
        ]
        .iter()
        .filter(|(_, at)| at.is_none())
        .map(|(what, _)| *what)
        .collect();
        if missing.is_empty() {
            Ok(columns)
        } else {
            Err(format!(
                "the header has no column for {}",
                missing.join(", ")
            ))
        }
    }

    /// How many fields a row of this layout has.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Reads `record` into a row.
    pub(crate) fn row<'a>(&self, record: &'a ByteRecord) -> Result<Row<'a>, RowProblem> {
        let text = |at: Option<usize>| -> Cow<'a, str> {
            at.and_then(|i| record.get(i))
                .map_or(Cow::Borrowed(""), |bytes| {
                    match std::str::from_utf8(bytes) {
                        Ok(s) => Cow::Borrowed(s.trim()),
                        Err(_) => Cow::Owned(String::from_utf8_lossy(bytes).trim().to_string()),
                    }
                })
        };
        let problem = |at: Option<usize>, message: String| RowProblem { field: at, message };
        let day_text = text(self.day);
        let day = parse_day(&day_text).ok_or_else(|| {
            problem(
                self.day,
                format!("{:?} is not a date (YYYYMMDD or YYYY-MM-DD)", day_text),
            )
        })?;
        let code_text = text(self.code);
        let code = cameo::normalize(&code_text).ok_or_else(|| {
            problem(
                self.code,
                format!("{:?} is not a CAMEO event code", code_text),
            )
        })?;
        let base_text = text(self.base);
        let base = cameo::normalize(&base_text)
            .filter(|b| b.len() == 3)
            .unwrap_or_else(|| base_of(code));
        let articles = match self.family {
            Family::Gdelt => text(self.articles).parse().unwrap_or(1).max(1),
            Family::Icews => 1,
        };
        let side = |c: &SideColumns| RawSide {
            code: text(c.code),
            name: text(c.name),
            country: text(c.country),
            group: text(c.group),
            country_name: text(c.country_name),
            sectors: text(c.sectors),
        };
        let place = match self.place.as_slice() {
            [one] => Some(text(Some(*one))).filter(|p| !p.is_empty()),
            several => {
                let parts: Vec<Cow<str>> = several
                    .iter()
                    .map(|&i| text(Some(i)))
                    .filter(|p| !p.is_empty())
                    .collect();
                (!parts.is_empty()).then(|| Cow::Owned(parts.join(", ")))
            }
        };
        let non_empty = |s: Cow<'a, str>| (!s.is_empty()).then_some(s);
        Ok(Row {
            id: text(self.id),
            day,
            sides: [side(&self.sides[0]), side(&self.sides[1])],
            code,
            base,
            articles,
            url: non_empty(text(self.url)),
            added: parse_day(text(self.added).get(..8).unwrap_or("")),
            publisher: non_empty(text(self.publisher)),
            place,
            at: self
                .lat_lon
                .and_then(|(lat, lon)| coordinates(&text(Some(lat)), &text(Some(lon)))),
        })
    }
}

/// A point from its latitude and longitude as written; none when either is
/// empty, not a number or off the globe; (0, 0) in the Gulf of Guinea is how
/// an unplaced row is sometimes written, and is taken as no place.
fn coordinates(lat: &str, lon: &str) -> Option<Coordinates> {
    let at = Coordinates(lat.parse().ok()?, lon.parse().ok()?);
    (at.problem().is_none() && at != Coordinates(0.0, 0.0)).then_some(at)
}

/// The three-digit base of a code (`043` for `0431`); a root is its own base.
fn base_of(code: &'static str) -> &'static str {
    if code.len() > 3 { &code[..3] } else { code }
}

/// A day written `YYYYMMDD` (GDELT) or `YYYY-MM-DD` (ICEWS), checked against the calendar.
pub(crate) fn parse_day(text: &str) -> Option<Moment> {
    let digits: String = text.chars().filter(|c| *c != '-').collect();
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.contains('-') && text.len() != 10 {
        return None;
    }
    let year: i64 = digits[..4].parse().ok()?;
    let month: u32 = digits[4..6].parse().ok()?;
    let day: u32 = digits[6..].parse().ok()?;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then(|| Moment::from_ymd(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::event_data::layout::sniff;

    #[test]
    fn days_are_read_in_both_ways_and_checked() {
        assert_eq!(parse_day("20240229"), Some(Moment::from_ymd(2024, 2, 29)));
        assert_eq!(parse_day("2015-03-01"), Some(Moment::from_ymd(2015, 3, 1)));
        assert_eq!(parse_day("20230229"), None);
        assert_eq!(parse_day("2024131"), None);
        assert_eq!(parse_day("2015-3-011"), None);
    }

    #[test]
    fn an_icews_row_restores_the_leading_zero_of_its_code() {
        let header = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry";
        let layout = sniff(header).unwrap();
        let columns = Columns::of(&layout).unwrap();
        let fields = "7\t2016-04-02\tHassan Rouhani\tExecutive\tIran\tMake a visit\t42\t1.9\tEmomali Rahmon\tExecutive\tTajikistan\t55\t1\tAgency A\tDushanbe\t\tDushanbe\tTajikistan";
        let record = ByteRecord::from(fields.split('\t').collect::<Vec<_>>());
        let row = columns.row(&record).unwrap();
        assert_eq!((row.code, row.base), ("042", "042"));
        assert_eq!(row.sides[0].country_name, "Iran");
        assert_eq!(row.publisher.as_deref(), Some("Agency A"));
        assert_eq!(row.place.as_deref(), Some("Dushanbe, Dushanbe, Tajikistan"));
    }
}
