//! The map's projection and view: longitude and latitude drawn as a plate
//! carrée (one degree the same length both ways), panned and zoomed.

use crate::model::Coordinates;

/// The world as the map first shows it: west, south, east, north (Antarctica left out).
pub const WORLD: [f32; 4] = [-180.0, -58.0, 180.0, 84.0];

/// Where the map looks: the top-left corner in degrees and the pixels per degree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// The longitude at the left edge.
    pub west: f32,
    /// The latitude at the top edge.
    pub north: f32,
    /// Pixels (or SVG units) per degree.
    pub scale: f32,
}

impl MapView {
    /// The view that shows `bounds` (west, south, east, north) whole and
    /// centred in a `width` × `height` area, with `margin` around it.
    pub fn fit(bounds: [f32; 4], width: f32, height: f32, margin: f32) -> MapView {
        let [w, s, e, n] = bounds;
        let (span_x, span_y) = ((e - w).max(1.0), (n - s).max(1.0));
        let scale = ((width - 2.0 * margin).max(1.0) / span_x)
            .min((height - 2.0 * margin).max(1.0) / span_y);
        MapView {
            west: (w + e) / 2.0 - width / 2.0 / scale,
            north: (s + n) / 2.0 + height / 2.0 / scale,
            scale,
        }
    }

    /// The whole world in a `width` × `height` area.
    pub fn world(width: f32, height: f32) -> MapView {
        MapView::fit(WORLD, width, height, 8.0)
    }

    /// Where a (longitude, latitude) falls, from the area's top-left corner.
    pub fn project(&self, lon: f32, lat: f32) -> [f32; 2] {
        [
            (lon - self.west) * self.scale,
            (self.north - lat) * self.scale,
        ]
    }

    /// Where a point on Earth falls.
    pub fn place(&self, at: Coordinates) -> [f32; 2] {
        self.project(at.lon(), at.lat())
    }

    /// The (longitude, latitude) at a point of the area.
    pub fn unproject(&self, x: f32, y: f32) -> [f32; 2] {
        [self.west + x / self.scale, self.north - y / self.scale]
    }

    /// Zooms by `factor` keeping the point under (x, y) where it is, between a
    /// whole world in 100 pixels and a degree in 20,000.
    pub fn zoom_at(&mut self, factor: f32, x: f32, y: f32) {
        let [lon, lat] = self.unproject(x, y);
        self.scale = (self.scale * factor).clamp(100.0 / 360.0, 20_000.0);
        self.west = lon - x / self.scale;
        self.north = lat + y / self.scale;
    }

    /// Moves the map by (dx, dy) pixels, as a drag does.
    pub fn pan(&mut self, dx: f32, dy: f32) {
        self.west -= dx / self.scale;
        self.north += dy / self.scale;
    }
}

/// The bounds (west, south, east, north) of `points`, or none for none.
pub fn bounds_of(points: impl IntoIterator<Item = Coordinates>) -> Option<[f32; 4]> {
    points.into_iter().fold(None, |bounds, at| {
        let [w, s, e, n] = bounds.unwrap_or([at.lon(), at.lat(), at.lon(), at.lat()]);
        Some([
            w.min(at.lon()),
            s.min(at.lat()),
            e.max(at.lon()),
            n.max(at.lat()),
        ])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fitted_view_shows_its_bounds_centred() {
        let view = MapView::fit([60.0, 30.0, 80.0, 40.0], 400.0, 400.0, 0.0);
        assert_eq!(view.scale, 20.0);
        assert_eq!(view.project(60.0, 35.0), [0.0, 200.0]);
        assert_eq!(view.project(80.0, 35.0), [400.0, 200.0]);
        let [x, y] = view.project(70.0, 40.0);
        assert_eq!([x, y], [200.0, 100.0]);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let mut view = MapView::world(720.0, 360.0);
        let before = view.unproject(300.0, 120.0);
        view.zoom_at(3.0, 300.0, 120.0);
        let after = view.unproject(300.0, 120.0);
        assert!((before[0] - after[0]).abs() < 1e-3 && (before[1] - after[1]).abs() < 1e-3);
        view.pan(30.0, 0.0);
        assert!(view.unproject(330.0, 120.0)[0] - after[0] < 1e-3);
    }
}
