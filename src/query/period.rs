//! A period of time given by two EDTF dates, for the period filter and export.

use serde::{Deserialize, Serialize};

use crate::model::{EdtfDate, Moment};

/// A period from the start of `from` to the end of `to`; either side may be open.
///
/// `from: 2014, to: 2014` is the whole year 2014.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Period {
    /// The first date of the period, as written (EDTF), or none for an open start.
    pub from: Option<String>,
    /// The last date of the period, as written (EDTF), or none for an open end.
    pub to: Option<String>,
}

impl Period {
    /// The half-open span `[start, end)` of instants the period covers.
    ///
    /// Dates that do not parse are treated as open; [`Period::check`] reports them.
    pub fn span(&self) -> (Moment, Moment) {
        let start = self
            .from
            .as_deref()
            .and_then(|d| EdtfDate::parse(d).ok())
            .map_or(Moment::MIN, |d| d.earliest());
        let end = self
            .to
            .as_deref()
            .and_then(|d| EdtfDate::parse(d).ok())
            .map_or(Moment::MAX, |d| d.latest());
        (start, end)
    }

    /// An error message when a bound is not a valid EDTF date or the period ends before it starts.
    pub(crate) fn check(&self) -> Result<(), String> {
        for date in [&self.from, &self.to].into_iter().flatten() {
            EdtfDate::parse(date).map_err(|e| e.to_string())?;
        }
        let (start, end) = self.span();
        if end <= start {
            return Err(format!(
                "the period ends ({}) before it starts ({})",
                self.to.as_deref().unwrap_or(".."),
                self.from.as_deref().unwrap_or("..")
            ));
        }
        Ok(())
    }

    /// True when neither side is set.
    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}
