//! The application's icon: one SVG, kept in `assets/annals.svg`, and the PNGs
//! of the usual sizes rendered from it by resvg when they are installed, so
//! that the sizes never drift from the drawing.

use resvg::{tiny_skia, usvg};

/// The icon, as drawn: a square of 256 units.
pub const ICON_SVG: &str = include_str!("../../assets/annals.svg");

/// The sizes, in pixels, of the PNG icons installed beside the SVG.
pub const PNG_SIZES: [u32; 6] = [16, 32, 48, 64, 128, 256];

/// The icon rendered as a `size`×`size` PNG with a transparent background.
pub fn png(size: u32) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(ICON_SVG, &usvg::Options::default())
        .map_err(|error| format!("the icon cannot be read: {error}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size)
        .ok_or_else(|| format!("cannot make a {size}×{size} icon"))?;
    let drawn = tree.size();
    let scale_x = size as f32 / drawn.width();
    let scale_y = size as f32 / drawn.height();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale_x, scale_y),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|error| format!("the {size}×{size} icon cannot be encoded: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RGBA pixels and the side of a square PNG.
    fn decoded(bytes: &[u8]) -> (Vec<u8>, u32, u32) {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("its pixels");
        (pixels, info.width, info.height)
    }

    #[test]
    fn each_size_is_a_square_of_that_size_with_clear_corners_and_a_solid_middle() {
        for size in PNG_SIZES {
            let (pixels, width, height) = decoded(&png(size).expect("the icon renders"));
            assert_eq!((width, height), (size, size));
            let alpha = |x: u32, y: u32| pixels[((y * size + x) * 4 + 3) as usize];
            assert_eq!(alpha(0, 0), 0, "the corner of the {size} px icon is clear");
            assert_eq!(alpha(size - 1, size - 1), 0);
            assert_eq!(alpha(size / 2, size / 2), 255, "the middle of {size} px");
        }
    }

    #[test]
    fn the_svg_is_square_and_titled() {
        assert!(ICON_SVG.contains(r#"viewBox="0 0 256 256""#));
        assert!(ICON_SVG.contains("<title>Annals</title>"));
    }
}
