//! PNG export: the SVG figure rendered by resvg with egui's bundled fonts
//! (plus the system's, for scripts they lack), so that a PNG looks the same on
//! every machine; the manifest goes into an `iTXt` chunk keyed `annals-manifest`.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::{ExportError, ExportRequest, Format, Manifest, figure};
use crate::model::Dataset;

/// How many pixels per SVG unit: 2 gives a 3200 × 1800 picture, sharp on a page or a slide.
pub const PNG_SCALE: f32 = 2.0;

/// The keyword of the PNG text chunk that holds the manifest.
pub(crate) const MANIFEST_KEYWORD: &str = "annals-manifest";

/// The figure of `request` as PNG bytes.
pub fn render(
    dataset: &Dataset,
    request: &ExportRequest,
    manifest: &Manifest,
) -> Result<Vec<u8>, ExportError> {
    rasterize(&figure::render(dataset, request, manifest), manifest)
}

/// An SVG figure rendered as PNG bytes at [`PNG_SCALE`], with `manifest` in its text chunk.
pub(crate) fn rasterize(svg: &str, manifest: &Manifest) -> Result<Vec<u8>, ExportError> {
    let failed = |message: String| ExportError::Render {
        format: Format::Png,
        message,
    };
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Ubuntu".to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| failed(e.to_string()))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(PNG_SCALE)
        .ok_or_else(|| failed("the picture would be empty".to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        failed(format!(
            "cannot make a {}×{} picture",
            size.width(),
            size.height()
        ))
    })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(PNG_SCALE, PNG_SCALE),
        &mut pixmap.as_mut(),
    );
    encode(&pixmap, &manifest.to_json_pretty()).map_err(|e| failed(e.to_string()))
}

/// The font database: egui's bundled fonts first, then the system's; loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            load_system_fonts(&mut db);
            // The bundled faces must win over any system copy of the same family.
            let shadowed: Vec<_> = db
                .faces()
                .filter(|face| {
                    face.families.iter().any(|(name, _)| {
                        ["Ubuntu", "Hack", crate::fonts::VAZIRMATN_FAMILY].contains(&name.as_str())
                    })
                })
                .map(|face| face.id)
                .collect();
            for id in shadowed {
                db.remove_face(id);
            }
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            db.load_font_data(crate::fonts::VAZIRMATN.to_vec());
            db.set_sans_serif_family("Ubuntu");
            db.set_monospace_family("Hack");
            Arc::new(db)
        })
        .clone()
}

/// Font files bigger than this are skipped (whole CJK collections).
const MAX_FONT_FILE_BYTES: u64 = 40 * 1024 * 1024;

/// Loads the TrueType and OpenType files of the usual system font folders, for
/// the scripts the bundled fonts lack.
fn load_system_fonts(db: &mut usvg::fontdb::Database) {
    let mut folders: Vec<std::path::PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(std::path::PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME") {
        folders.push(std::path::Path::new(&home).join(".local/share/fonts"));
        folders.push(std::path::Path::new(&home).join(".fonts"));
    }
    let mut depth_left = vec![(folders, 0_u32)];
    while let Some((folders, depth)) = depth_left.pop() {
        let mut deeper = Vec::new();
        for folder in folders {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let Ok(meta) = entry.metadata() else { continue };
                if meta.is_dir() {
                    deeper.push(path);
                } else if meta.len() <= MAX_FONT_FILE_BYTES
                    && path.extension().is_some_and(|e| {
                        ["ttf", "otf", "ttc", "otc"]
                            .iter()
                            .any(|x| e.eq_ignore_ascii_case(x))
                    })
                    && let Ok(data) = std::fs::read(&path)
                {
                    db.load_font_data(data);
                }
            }
        }
        if !deeper.is_empty() && depth < 6 {
            depth_left.push((deeper, depth + 1));
        }
    }
}

/// Encodes the pixels as an 8-bit RGBA PNG with the manifest in an `iTXt` chunk.
fn encode(pixmap: &tiny_skia::Pixmap, manifest: &str) -> Result<Vec<u8>, png::EncodingError> {
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, pixmap.width(), pixmap.height());
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.add_itxt_chunk(MANIFEST_KEYWORD.to_string(), manifest.to_string())?;
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&rgba)?;
        writer.finish()?;
    }
    Ok(bytes)
}
