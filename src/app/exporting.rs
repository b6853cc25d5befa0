//! The export commands: the dialog's live count, the save dialog, and the
//! export itself through the same code path as `annals export`.

use std::path::Path;

use super::App;
use crate::export::{ExportOptions, Format, default_file_name, export_matching};
use crate::query::Filter;
use crate::ui::folder_dialog::BrowseFor;

/// The export dialog's runtime state (its choices are saved in the view state).
#[derive(Debug, Default)]
pub(super) struct ExportDialog {
    /// True while the dialog is open.
    pub(crate) open: bool,
    /// The destination the dialog offered by itself, to renew it with the period.
    auto_destination: Option<String>,
    /// The dialog's count, for the filter and strictness it was computed with.
    count: Option<(Filter, usize)>,
    /// What the last export did, shown above the canvas.
    pub(crate) notice: Option<Result<String, String>>,
}

impl ExportDialog {
    /// Forgets the count (the document changed).
    pub(crate) fn forget_count(&mut self) {
        self.count = None;
    }
}

impl App {
    /// Opens the export dialog, starting from the period filter's strictness.
    pub(super) fn open_export(&mut self) {
        self.export.open = true;
        self.view.export.strict = self.view.filter.strict;
        self.view.export.outcome = None;
        // Offer a name for the period in the dataset's folder (or the working
        // folder), unless the user chose a destination of their own.
        let destination = self.view.export.destination.trim().to_string();
        if destination.is_empty() || self.export.auto_destination.as_deref() == Some(&destination) {
            let folder = self.doc.export_folder();
            let name = default_file_name(
                &self.doc.dataset().title,
                &self.view.filter.period,
                self.view.export.format,
            );
            let offered = folder.join(name).display().to_string();
            self.view.export.destination = offered.clone();
            self.export.auto_destination = Some(offered);
        }
    }

    /// The filter an export uses: the view's, with the dialog's choice of
    /// overlapping or wholly inside the period.
    fn export_filter(&self, strict: bool) -> Filter {
        let mut filter = self.view.filter.clone();
        filter.strict = strict;
        filter
    }

    /// How many events the export dialog's choices would write.
    pub(super) fn export_count(&mut self) -> usize {
        let filter = self.export_filter(self.view.export.strict);
        if let Some((counted, count)) = &self.export.count
            && *counted == filter
        {
            return *count;
        }
        let count = if filter == self.view.filter {
            self.filtered.list.len()
        } else {
            self.doc.query.matching(&filter).len()
        };
        self.export.count = Some((filter, count));
        count
    }

    /// Asks for the destination with the system's save dialog.
    pub(super) fn choose_export_destination(&mut self, suggested_name: &str, format: Format) {
        let current = Path::new(self.view.export.destination.trim());
        let folder = current
            .parent()
            .filter(|p| p.is_dir())
            .or_else(|| self.doc.path.as_deref().and_then(Path::parent));
        let mut dialog = rfd::FileDialog::new()
            .set_file_name(suggested_name)
            .add_filter(format.label(), &[format.extension()]);
        let folder = folder.map_or_else(|| self.doc.export_folder(), Path::to_path_buf);
        dialog = dialog.set_directory(&folder);
        let asked = std::time::Instant::now();
        match dialog.save_file() {
            Some(path) => self.view.export.destination = path.display().to_string(),
            None if asked.elapsed() < super::NO_SYSTEM_DIALOG => {
                let name = BrowseFor::Export(suggested_name.to_string());
                self.browse_for(&folder, name);
            }
            None => {}
        }
    }

    /// Exports the matching events to `path`; the outcome goes to the dialog,
    /// and on success to a notice above the canvas, closing the dialog.
    pub(super) fn export(&mut self, format: Format, path: &Path, strict: bool, overwrite: bool) {
        let filter = self.export_filter(strict);
        let written = export_matching(
            self.doc.dataset(),
            &self.doc.query,
            filter,
            self.doc.source.clone(),
            ExportOptions {
                format,
                lanes: self.view.lanes,
                calendar: self.view.export.calendar,
                lane_names: self.view.lane_names.clone(),
            },
            path,
            overwrite,
        );
        match written {
            Ok(written) => {
                let files: Vec<String> = written
                    .files
                    .iter()
                    .map(|f| {
                        std::path::absolute(f)
                            .unwrap_or_else(|_| f.clone())
                            .display()
                            .to_string()
                    })
                    .collect();
                let message = format!(
                    "Exported {} to {}",
                    crate::model::words::events(written.events),
                    files.join(" and ")
                );
                self.view.export.outcome = Some(Ok(message.clone()));
                self.export.notice = Some(Ok(message));
                self.export.open = false;
            }
            Err(error) => self.view.export.outcome = Some(Err(error.to_string())),
        }
    }
}
