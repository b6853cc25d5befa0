//! The files that put Annals on the desktop, with their places in the data folder.

use std::path::Path;

use super::{DesktopError, entry, icon, mime};

/// One file to install: where it goes in the data folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesktopFile {
    /// Its path under the data folder, with `/` between its parts.
    pub relative: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The desktop entry running `exe`, the icon (SVG, and PNGs of every size in
/// [`icon::PNG_SIZES`]) and the MIME package, in the order they are written.
pub fn desktop_files(exe: &Path) -> Result<Vec<DesktopFile>, DesktopError> {
    let file = |relative: String, bytes: Vec<u8>| DesktopFile { relative, bytes };
    let entry = entry::desktop_entry(exe).map_err(DesktopError::Content)?;
    let mut files = vec![
        file("applications/annals.desktop".into(), entry.into_bytes()),
        file(
            "icons/hicolor/scalable/apps/annals.svg".into(),
            icon::ICON_SVG.as_bytes().to_vec(),
        ),
    ];
    for size in icon::PNG_SIZES {
        let png = icon::png(size).map_err(DesktopError::Content)?;
        files.push(file(
            format!("icons/hicolor/{size}x{size}/apps/annals.png"),
            png,
        ));
    }
    files.push(file(
        "mime/packages/annals.xml".into(),
        mime::package_xml().into_bytes(),
    ));
    Ok(files)
}
