//! Cutting rows while they stream: by actor, period, CAMEO root and QuadClass,
//! so that a dyad can be taken out of a month of GDELT without loading the month.

use crate::import::cameo_actors;
use crate::model::cameo::{self, QuadClass};
use crate::model::{EdtfDate, Moment};

/// Which rows to keep. The default keeps every row.
#[derive(Debug, Clone, Default)]
pub struct Cut {
    /// Actor ids (or CAMEO codes, `ROM` being `ROU`); a row is kept when either
    /// side is one of them.
    pub actors: Vec<String>,
    /// With several actors: keep only rows whose two sides are both among them.
    pub between: bool,
    /// Rows before this date are left out.
    pub from: Option<EdtfDate>,
    /// Rows after this date are left out.
    pub to: Option<EdtfDate>,
    /// CAMEO roots to keep (`04`, `05`).
    pub roots: Vec<String>,
    /// QuadClasses to keep.
    pub quads: Vec<QuadClass>,
    /// Events reported by fewer articles (summed over merged rows) are left out.
    pub min_articles: u64,
}

impl Cut {
    /// The actors as ids: a CAMEO code that the table knows becomes its actor id.
    pub(crate) fn resolved_actors(&self) -> Vec<String> {
        self.actors
            .iter()
            .map(|a| cameo_actors::lookup(a).map_or_else(|| a.clone(), |c| c.id.to_string()))
            .collect()
    }

    /// True when a row of this day and code is kept.
    pub(crate) fn keeps_day_and_code(&self, day: Moment, code: &str) -> bool {
        if self.from.as_ref().is_some_and(|from| day < from.earliest()) {
            return false;
        }
        if self.to.as_ref().is_some_and(|to| day >= to.latest()) {
            return false;
        }
        let root = code.get(..2).unwrap_or(code);
        if !self.roots.is_empty() && !self.roots.iter().any(|r| r == root) {
            return false;
        }
        if !self.quads.is_empty() {
            let quad = cameo::lookup(root).map(|c| c.quad);
            if !quad.is_some_and(|q| self.quads.contains(&q)) {
                return false;
            }
        }
        true
    }

    /// True when a row between these actors is kept, `actors` being [`Cut::resolved_actors`].
    pub(crate) fn keeps_sides(actors: &[String], between: bool, sides: [Option<&str>; 2]) -> bool {
        if actors.is_empty() {
            return true;
        }
        let named = |side: Option<&str>| side.is_some_and(|id| actors.iter().any(|a| a == id));
        if between && actors.len() > 1 {
            named(sides[0]) && named(sides[1])
        } else {
            named(sides[0]) || named(sides[1])
        }
    }
}

/// Reads `--root-code 04,05` (or `4,5`) into two-digit roots; an error names a
/// value that is not a root from 01 to 20.
pub(crate) fn parse_roots(text: &str) -> Result<Vec<String>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let number: u8 = s
                .parse()
                .map_err(|_| format!("{s:?} is not a CAMEO root code (01 to 20)"))?;
            if (1..=20).contains(&number) {
                Ok(format!("{number:02}"))
            } else {
                Err(format!("{s:?} is not a CAMEO root code (01 to 20)"))
            }
        })
        .collect()
}

/// Reads `--quad 1,2` into QuadClasses; an error names a value outside 1 to 4.
pub(crate) fn parse_quads(text: &str) -> Result<Vec<QuadClass>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .ok()
                .and_then(QuadClass::from_number)
                .ok_or_else(|| {
                    format!(
                        "{s:?} is not a QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
                    )
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_and_quads_are_read_from_lists() {
        assert_eq!(parse_roots("04, 5").unwrap(), vec!["04", "05"]);
        assert!(parse_roots("21").is_err());
        assert!(parse_roots("x").is_err());
        assert_eq!(
            parse_quads("1,4").unwrap(),
            vec![QuadClass::VerbalCooperation, QuadClass::MaterialConflict]
        );
        assert!(parse_quads("5").is_err());
    }

    #[test]
    fn the_period_roots_and_quads_cut_rows() {
        let cut = Cut {
            from: Some(EdtfDate::parse("2024-03").unwrap()),
            to: Some(EdtfDate::parse("2024-03-15").unwrap()),
            roots: vec!["04".into(), "19".into()],
            quads: vec![QuadClass::VerbalCooperation],
            ..Cut::default()
        };
        let day = |d| Moment::from_ymd(2024, 3, d);
        assert!(cut.keeps_day_and_code(day(1), "042"));
        assert!(cut.keeps_day_and_code(day(15), "0431"));
        assert!(!cut.keeps_day_and_code(day(16), "042"));
        assert!(!cut.keeps_day_and_code(Moment::from_ymd(2024, 2, 29), "042"));
        assert!(
            !cut.keeps_day_and_code(day(2), "057"),
            "root 05 is not asked for"
        );
        assert!(
            !cut.keeps_day_and_code(day(2), "190"),
            "root 19 is material conflict"
        );
    }

    #[test]
    fn actors_match_either_side_or_both_with_between() {
        let cut = Cut {
            actors: vec!["IRN".into(), "ROM".into()],
            ..Cut::default()
        };
        let actors = cut.resolved_actors();
        assert_eq!(actors, vec!["IRN", "ROU"]);
        assert!(Cut::keeps_sides(&actors, false, [Some("TJK"), Some("IRN")]));
        assert!(!Cut::keeps_sides(&actors, false, [Some("TJK"), None]));
        assert!(!Cut::keeps_sides(&actors, true, [Some("TJK"), Some("IRN")]));
        assert!(Cut::keeps_sides(&actors, true, [Some("ROU"), Some("IRN")]));
        assert!(Cut::keeps_sides(&[], true, [None, None]));
    }
}
