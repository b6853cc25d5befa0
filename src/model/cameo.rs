//! The CAMEO event codes: every code of roots 01–20 with its label, QuadClass
//! and Goldstein value, from a table compiled into the program.
//!
//! Codes and labels are those of the CAMEO codebook (Schrodt, version 1.1b3) as
//! the GDELT Project publishes them in `CAMEO.eventcodes.txt`, the Goldstein
//! values those of GDELT's `CAMEO.goldsteinscale.txt`; GDELT releases its
//! lookup tables for unrestricted use with attribution (see docs/gdelt.md).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The table as shipped: `code TAB quad TAB goldstein TAB label` per line.
const EVENT_CODES: &str = include_str!("../../assets/cameo/eventcodes.tsv");

/// The four classes that group CAMEO's twenty roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    /// Roots 01–05: statements, appeals, intents, consultations, diplomacy.
    VerbalCooperation,
    /// Roots 06–09: material cooperation, aid, yielding, investigation.
    MaterialCooperation,
    /// Roots 10–14: demands, disapproval, rejection, threats, protests.
    VerbalConflict,
    /// Roots 15–20: force posture, reduced relations, coercion, assault, fighting.
    MaterialConflict,
}

impl QuadClass {
    /// All four, in GDELT's order (QuadClass 1 to 4).
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    /// The class of GDELT's `QuadClass` number (1 to 4).
    pub(crate) fn from_number(number: u8) -> Option<QuadClass> {
        QuadClass::ALL
            .get(usize::from(number).checked_sub(1)?)
            .copied()
    }

    #[cfg(test)]
    /// GDELT's number for the class, 1 to 4.
    pub(crate) fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The class as readers see it: "verbal cooperation".
    pub(crate) fn label(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }
}

/// One CAMEO event code: `042`, its label and its scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code with its leading zero: `04`, `042`, `0431`.
    pub code: &'static str,
    /// The codebook's label: "Make a visit".
    pub label: &'static str,
    /// The class of its root.
    pub quad: QuadClass,
    /// The Goldstein score, from -10 (most conflictual) to +10 (most cooperative).
    pub goldstein: f32,
}

impl CameoCode {
    /// The label without the codebook's ", not specified below": the name a kind of
    /// events with this code is given.
    pub fn kind_label(&self) -> &'static str {
        self.label
            .strip_suffix(", not specified below")
            .unwrap_or(self.label)
    }

    /// The two-digit root: `04` for `0431`.
    pub(crate) fn root(&self) -> &'static str {
        &self.code[..2]
    }
}

/// Every code, in the codebook's order, and two maps over it.
struct Table {
    codes: Vec<CameoCode>,
    by_code: HashMap<&'static str, usize>,
    by_kind_label: HashMap<&'static str, usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let codes: Vec<CameoCode> = EVENT_CODES
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(parse_line)
            .collect();
        let by_code = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
        let mut by_kind_label = HashMap::new();
        for (i, c) in codes.iter().enumerate() {
            by_kind_label.entry(c.kind_label()).or_insert(i);
        }
        Table {
            codes,
            by_code,
            by_kind_label,
        }
    })
}

fn parse_line(line: &'static str) -> Option<CameoCode> {
    let mut fields = line.split('\t');
    let code = fields.next()?;
    let quad = QuadClass::from_number(fields.next()?.parse().ok()?)?;
    let goldstein = fields.next()?.parse().ok()?;
    let label = fields.next()?;
    Some(CameoCode {
        code,
        label,
        quad,
        goldstein,
    })
}

/// Every CAMEO code of the table, roots and children, in the codebook's order.
pub fn all() -> &'static [CameoCode] {
    &table().codes
}

/// The entry of a code written with its leading zero (`042`), if the table has it.
pub(crate) fn lookup(code: &str) -> Option<&'static CameoCode> {
    let t = table();
    t.by_code.get(code).map(|&i| &t.codes[i])
}

/// The entry of `code`, or of its nearest ancestor in the table when a code
/// unknown to the codebook (`0435`) is met in data.
pub(crate) fn lookup_or_parent(code: &str) -> Option<&'static CameoCode> {
    (2..=code.len())
        .rev()
        .filter_map(|len| code.get(..len))
        .find_map(lookup)
}

/// The CAMEO code whose kind label (see [`CameoCode::kind_label`]) is `label`.
pub(crate) fn by_kind_label(label: &str) -> Option<&'static CameoCode> {
    let t = table();
    t.by_kind_label.get(label).map(|&i| &t.codes[i])
}

/// A code with its label and class for readers: `042 · Make a visit (verbal
/// cooperation)`; a code the table lacks is shown as it is.
pub(crate) fn describe(code: &str) -> String {
    match lookup(code) {
        Some(entry) => format!("{} · {} ({})", entry.code, entry.label, entry.quad.label()),
        None => match lookup_or_parent(code) {
            Some(parent) => format!("{code} · {} ({})", parent.label, parent.quad.label()),
            None => code.to_string(),
        },
    }
}

/// An event code as data writes it, with its leading zero restored: ICEWS and
/// tools that read codes as numbers write `42` for `042`, `10` for `010` and
/// `211` for `0211`. Events are coded at three or four digits, never at a
/// root, so two digits are always a three-digit code that lost its zero.
/// `None` when it is not a CAMEO event code.
pub(crate) fn normalize(raw: &str) -> Option<&'static str> {
    let raw = raw.trim();
    if !(2..=4).contains(&raw.len()) || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let as_written = (raw.len() > 2).then(|| lookup(raw)).flatten();
    as_written
        .or_else(|| {
            (raw.len() < 4)
                .then(|| lookup(&format!("0{raw}")))
                .flatten()
        })
        .map(|c| c.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_root_with_children_and_scores() {
        for root in 1..=20 {
            let root = format!("{root:02}");
            let entry = lookup(&root).expect("every root is in the table");
            assert!(all().iter().any(|c| c.code.len() == 3 && c.root() == root));
            assert_eq!(entry.quad, lookup(&format!("{root}0")).unwrap().quad);
        }
        assert!(all().len() > 300);
        let visit = lookup("042").unwrap();
        assert_eq!(visit.label, "Make a visit");
        assert_eq!(visit.quad, QuadClass::VerbalCooperation);
        assert_eq!(visit.goldstein, 1.9);
        let bombing = lookup("1832").unwrap();
        assert_eq!(bombing.quad, QuadClass::MaterialConflict);
        assert_eq!(bombing.goldstein, -10.0);
        assert_eq!(lookup("145").unwrap().quad, QuadClass::VerbalConflict);
        assert_eq!(lookup("073").unwrap().quad, QuadClass::MaterialCooperation);
    }

    #[test]
    fn codes_without_their_leading_zero_are_restored() {
        assert_eq!(normalize("42"), Some("042"));
        assert_eq!(normalize("10"), Some("010"));
        assert_eq!(normalize("211"), Some("0211"));
        assert_eq!(normalize("190"), Some("190"));
        assert_eq!(normalize("1832"), Some("1832"));
        assert_eq!(normalize("0431x"), None);
        assert_eq!(normalize("99"), None);
        assert_eq!(normalize(""), None);
    }

    #[test]
    fn unknown_children_fall_back_to_their_parent() {
        assert_eq!(lookup_or_parent("0435").unwrap().code, "043");
        assert_eq!(lookup_or_parent("042").unwrap().code, "042");
        assert!(lookup_or_parent("99").is_none());
    }

    #[test]
    fn kind_labels_drop_the_codebook_qualifier_and_find_their_code() {
        assert_eq!(
            lookup("173").unwrap().kind_label(),
            "Arrest, detain, or charge with legal action"
        );
        assert_eq!(lookup("100").unwrap().kind_label(), "Demand");
        assert_eq!(by_kind_label("Threaten").unwrap().code, "13");
        assert_eq!(by_kind_label("Make a visit").unwrap().code, "042");
        assert!(by_kind_label("Press conference").is_none());
    }

    #[test]
    fn codes_are_described_with_label_and_class() {
        assert_eq!(describe("042"), "042 · Make a visit (verbal cooperation)");
        assert_eq!(describe("0435"), "0435 · Host a visit (verbal cooperation)");
        assert_eq!(describe("X1"), "X1");
    }

    #[test]
    fn quad_numbers_round_trip() {
        for quad in QuadClass::ALL {
            assert_eq!(QuadClass::from_number(quad.number()), Some(quad));
        }
        assert_eq!(QuadClass::from_number(0), None);
        assert_eq!(QuadClass::from_number(5), None);
    }
}
