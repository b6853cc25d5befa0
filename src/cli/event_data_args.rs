//! The options of `annals import` for GDELT and ICEWS files: how finely CAMEO
//! codes become kinds, merging, and the cut applied while the file streams.

use clap::{Args, ValueEnum};

use crate::import::event_data::{CameoLevel, Cut, EventDataOptions, Family, cut};
use crate::model::EdtfDate;

/// `--cameo-level`: how finely CAMEO codes become kinds of the dataset's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum CameoLevelArg {
    /// One kind per root: Demand, Threaten, Fight.
    Root,
    /// One kind per three-digit code: Criticize or denounce.
    #[default]
    Base,
    /// One kind per full code: Accuse of crime, corruption.
    Code,
}

/// The options for event data (GDELT, ICEWS); other formats ignore them.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct EventDataArgs {
    /// GDELT and ICEWS: how finely CAMEO codes become kinds.
    #[arg(long, value_enum, default_value_t = CameoLevelArg::Base)]
    pub(crate) cameo_level: CameoLevelArg,
    /// GDELT and ICEWS: keep one event per row instead of merging rows that report the same event.
    #[arg(long)]
    pub(crate) no_merge: bool,
    /// GDELT and ICEWS: keep rows where either side is this actor (repeatable; an id such as IRN or NATO, or a CAMEO code such as ROM).
    #[arg(long = "actor", value_name = "ID")]
    pub(crate) actor_ids: Vec<String>,
    /// GDELT and ICEWS: with several --actor, keep only rows between two of them (a dyad).
    #[arg(long)]
    pub(crate) between: bool,
    /// GDELT and ICEWS: keep rows from this date on (EDTF: 2015, 2024-03).
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,
    /// GDELT and ICEWS: keep rows up to this date (EDTF; `--to 2024` is the whole year).
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,
    /// GDELT and ICEWS: keep rows of these CAMEO roots, comma-separated (04,05).
    #[arg(long, value_name = "ROOTS")]
    pub(crate) root_code: Option<String>,
    /// GDELT and ICEWS: keep rows of these QuadClasses, comma-separated (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    #[arg(long, value_name = "CLASSES")]
    pub(crate) quad: Option<String>,
    /// GDELT and ICEWS: keep events reported by at least N articles (summed over merged rows).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) min_articles: u64,
}

impl EventDataArgs {
    /// The reading options these arguments describe; an error names a bad value.
    pub(crate) fn options(&self, family: Option<Family>) -> Result<EventDataOptions, String> {
        let date = |text: &Option<String>, option: &str| {
            text.as_deref()
                .map(|t| {
                    EdtfDate::parse(t)
                        .map_err(|e| format!("{option} {t:?} is not an EDTF date: {}", e.reason))
                })
                .transpose()
        };
        Ok(EventDataOptions {
            family,
            level: match self.cameo_level {
                CameoLevelArg::Root => CameoLevel::Root,
                CameoLevelArg::Base => CameoLevel::Base,
                CameoLevelArg::Code => CameoLevel::Code,
            },
            no_merge: self.no_merge,
            cut: Cut {
                actors: self.actor_ids.clone(),
                between: self.between,
                from: date(&self.from, "--from")?,
                to: date(&self.to, "--to")?,
                roots: match &self.root_code {
                    Some(text) => {
                        cut::parse_roots(text).map_err(|e| format!("--root-code: {e}"))?
                    }
                    None => Vec::new(),
                },
                quads: match &self.quad {
                    Some(text) => cut::parse_quads(text).map_err(|e| format!("--quad: {e}"))?,
                    None => Vec::new(),
                },
                min_articles: self.min_articles,
            },
        })
    }
}
