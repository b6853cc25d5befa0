//! The view of each file opened (its range, filters, period and lanes), kept by
//! path so that opening a file again puts it back as it was left.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::query::Filter;
use crate::timeline::{LaneMode, TimeRange};

/// How many files' views are remembered; the least recently left are forgotten first.
pub(crate) const MAX_FILE_VIEWS: usize = 32;

/// The key of the embedded dataset, which has no path.
const EMBEDDED_KEY: &str = "";

/// How one file was being viewed when it was left.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct FileView {
    /// The visible stretch of time.
    pub(crate) range: Option<TimeRange>,
    /// The filters, the period among them.
    pub(crate) filter: Filter,
    /// How events were grouped into lanes.
    pub(crate) lanes: LaneMode,
    /// The keys of collapsed lanes.
    pub(crate) collapsed: BTreeSet<String>,
}

/// The views of the files opened, the most recently left first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FileViews(Vec<(String, FileView)>);

impl FileViews {
    /// Remembers how the file at `path` (none: the embedded dataset) was left.
    pub(crate) fn keep(&mut self, path: Option<&Path>, view: FileView) {
        let key = file_key(path);
        self.0.retain(|(k, _)| *k != key);
        self.0.insert(0, (key, view));
        self.0.truncate(MAX_FILE_VIEWS);
    }

    /// How the file at `path` was left, if it was opened before.
    pub(crate) fn get(&self, path: Option<&Path>) -> Option<&FileView> {
        let key = file_key(path);
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// The key a file's view is kept under: its absolute path where it can be found,
/// so that `a.csv` and `/data/a.csv` are one file.
fn file_key(path: Option<&Path>) -> String {
    match path {
        None => EMBEDDED_KEY.to_string(),
        Some(path) => std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_from(year: f64) -> FileView {
        FileView {
            range: Some(TimeRange::new(year, year + 1e9)),
            ..FileView::default()
        }
    }

    #[test]
    fn each_file_gets_back_its_own_view() {
        let mut views = FileViews::default();
        views.keep(Some(Path::new("/data/a.ron")), view_from(1.0));
        views.keep(Some(Path::new("/data/b.csv")), view_from(2.0));
        views.keep(None, view_from(3.0));
        assert_eq!(
            views.get(Some(Path::new("/data/a.ron"))),
            Some(&view_from(1.0))
        );
        assert_eq!(
            views.get(Some(Path::new("/data/b.csv"))),
            Some(&view_from(2.0))
        );
        assert_eq!(views.get(None), Some(&view_from(3.0)));
        assert_eq!(views.get(Some(Path::new("/data/c.ron"))), None);
        // Leaving a file again replaces what was kept of it.
        views.keep(Some(Path::new("/data/a.ron")), view_from(4.0));
        assert_eq!(
            views.get(Some(Path::new("/data/a.ron"))),
            Some(&view_from(4.0))
        );
    }

    #[test]
    fn the_least_recently_left_files_are_forgotten_first() {
        let mut views = FileViews::default();
        for i in 0..=MAX_FILE_VIEWS {
            views.keep(
                Some(Path::new(&format!("/data/{i}.ron"))),
                view_from(i as f64),
            );
        }
        assert_eq!(views.get(Some(Path::new("/data/0.ron"))), None);
        assert!(views.get(Some(Path::new("/data/1.ron"))).is_some());
    }
}
