//! The calendars dates are read and written in. EDTF (Gregorian) stays the
//! stored form; the Jalali calendar is a way to read and write the same days.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which calendar dates are shown or written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Calendar {
    /// The Gregorian calendar of EDTF.
    #[default]
    Gregorian,
    /// The Solar Hijri (Jalali) calendar of Iranian sources.
    Jalali,
    /// Both, the Gregorian first.
    Both,
}

impl Calendar {
    /// Every choice, in the order the View menu offers them.
    pub const ALL: [Calendar; 3] = [Calendar::Gregorian, Calendar::Jalali, Calendar::Both];

    /// The choice as the View menu names it.
    pub fn label(self) -> &'static str {
        match self {
            Calendar::Gregorian => "Gregorian",
            Calendar::Jalali => "Jalali (Solar Hijri)",
            Calendar::Both => "Gregorian and Jalali",
        }
    }

    /// Gregorian dates are shown.
    pub fn has_gregorian(self) -> bool {
        self != Calendar::Jalali
    }

    /// Jalali dates are shown.
    pub fn has_jalali(self) -> bool {
        self != Calendar::Gregorian
    }
}

impl FromStr for Calendar {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "gregorian" => Ok(Calendar::Gregorian),
            "jalali" | "persian" | "solar-hijri" => Ok(Calendar::Jalali),
            "both" => Ok(Calendar::Both),
            _ => Err(format!(
                "{text:?} is not a calendar; use gregorian, jalali or both"
            )),
        }
    }
}

impl fmt::Display for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Jalali => "jalali",
            Calendar::Both => "both",
        })
    }
}
