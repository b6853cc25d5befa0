//! A density as bars, one per column: the one painter of the canvas's dense
//! lanes and of the overview strip, so that both read the same.

use eframe::egui::{Color32, Mesh, Rangef, Rect, Visuals, pos2};

use crate::timeline::TimeAxis;
use crate::timeline::density::Density;

/// The colour of density bars in this theme.
pub(crate) fn density_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(110, 160, 230)
    } else {
        Color32::from_rgb(50, 100, 180)
    }
}

/// Where the bars go: standing on `base`, at most `room` high, between the
/// sides of `x` (bars outside are left out, bars across a side are cut).
pub(crate) struct BarArea {
    /// The left and right ends, in points.
    pub(crate) x: Rangef,
    /// The y of the bars' feet.
    pub(crate) base: f32,
    /// The height of the tallest bar, less the one point every bar has.
    pub(crate) room: f32,
}

/// Adds `density`'s bars to `mesh`, their heights the square root of their
/// counts (so that a quiet column still shows), at least one point wide.
pub(crate) fn density_bars(
    mesh: &mut Mesh,
    axis: &TimeAxis,
    density: &Density,
    area: &BarArea,
    colour: Color32,
) {
    let max = density.max().max(1) as f32;
    for (b, &count) in density.counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let t0 = density.bucket_start(b);
        let x0 = axis.x_from_time(t0) as f32;
        let x1 = axis.x_from_time(t0 + density.bucket) as f32;
        if x1 < area.x.min || x0 > area.x.max {
            continue;
        }
        let h = (count as f32 / max).sqrt() * area.room + 1.0;
        let bar = Rect::from_min_max(
            pos2(x0.max(area.x.min), area.base - h),
            pos2(x1.max(x0 + 1.0).min(area.x.max), area.base),
        );
        mesh.add_colored_rect(bar, colour);
    }
}
