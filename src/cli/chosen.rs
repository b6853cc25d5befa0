//! What `annals stats` and `annals matrix` count: a dataset and the events its filters choose.

use std::path::Path;

use super::{CliError, FilterArgs};
use crate::dataset::SourceInfo;
use crate::model::Dataset;
use crate::query::{EventSet, Filter, QueryIndex};

/// A dataset read for counting, with the filter and the events it chose.
pub(super) struct Chosen {
    /// The dataset.
    pub(crate) dataset: Dataset,
    /// The file it was read from, for the manifest.
    pub(crate) source: SourceInfo,
    /// The filter of the command line.
    pub(crate) filter: Filter,
    /// The events the filter chose.
    pub(crate) selection: EventSet,
}

/// Reads `file` (the embedded dataset when none) and chooses its events by `filter`.
pub(super) fn choose(file: Option<&Path>, filter: &FilterArgs) -> Result<Chosen, CliError> {
    let (dataset, source) = super::export::load_with_source(file)?;
    let filter = filter.to_filter(&dataset).map_err(CliError::Usage)?;
    let selection = QueryIndex::new(&dataset).matching(&filter);
    Ok(Chosen {
        dataset,
        source,
        filter,
        selection,
    })
}
