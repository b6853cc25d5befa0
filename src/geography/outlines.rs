//! The embedded country outlines: Natural Earth's 1:110m countries, cut into
//! triangles once so that they can be filled (egui and SVG paths fill any
//! shape from triangles; egui's own fill handles convex shapes only).

use std::sync::OnceLock;

use geo::{Centroid, Coord, LineString, MultiPolygon, Polygon, TriangulateEarcut};

use crate::model::Coordinates;

/// alpha-3, name, polygons (see `tools/geodata.py`).
const COUNTRIES: &str = include_str!("../../assets/geo/countries.tsv");

/// One country's outline.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The country's ISO alpha-3 code: `TJK`.
    pub country: &'static str,
    /// Its name in Natural Earth.
    pub name: &'static str,
    /// Its land as polygons, each an outer ring and its holes, as (lon, lat).
    pub shape: MultiPolygon<f32>,
    /// The points of [`Outline::triangles`], (lon, lat).
    pub vertices: Vec<[f32; 2]>,
    /// Triangles covering the land, three indices into `vertices` each.
    pub triangles: Vec<u32>,
    /// The west, south, east and north bounds.
    pub bounds: [f32; 4],
    /// The middle of its land, for a country without a capital in the gazetteer.
    pub centre: Coordinates,
}

/// Every outline, by alpha-3 code.
pub fn outlines() -> &'static [Outline] {
    static OUTLINES: OnceLock<Vec<Outline>> = OnceLock::new();
    OUTLINES.get_or_init(|| COUNTRIES.lines().filter_map(parse).collect())
}

/// The outline of a country, by alpha-3 code.
pub fn outline(country: &str) -> Option<&'static Outline> {
    outlines().iter().find(|o| o.country == country)
}

fn parse(line: &'static str) -> Option<Outline> {
    let mut fields = line.split('\t');
    let (country, name, text) = (fields.next()?, fields.next()?, fields.next()?);
    if country.starts_with('#') {
        return None;
    }
    let polygons: Vec<Polygon<f32>> = text.split('|').filter_map(polygon).collect();
    let shape = MultiPolygon(polygons);
    let (mut vertices, mut triangles) = (Vec::new(), Vec::new());
    for polygon in &shape {
        let raw = polygon.earcut_triangles_raw();
        let base = vertices.len() as u32;
        vertices.extend(raw.vertices);
        triangles.extend(raw.triangle_indices.into_iter().map(|i| base + i as u32));
    }
    let bounds = vertices.iter().fold(
        [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
        |[w, s, e, n], [x, y]| [w.min(*x), s.min(*y), e.max(*x), n.max(*y)],
    );
    let centre = shape
        .centroid()
        .map_or(Coordinates(0.0, 0.0), |c| Coordinates(c.y(), c.x()));
    Some(Outline {
        country,
        name,
        shape,
        vertices,
        triangles,
        bounds,
        centre,
    })
}

/// `x,y x,y …;x,y …` in hundredths of a degree: an outer ring, then holes.
fn polygon(text: &str) -> Option<Polygon<f32>> {
    let mut rings = text.split(';').map(|ring| {
        LineString::from(
            ring.split(' ')
                .filter_map(|point| {
                    let (x, y) = point.split_once(',')?;
                    Some(Coord {
                        x: x.parse::<f32>().ok()? / 100.0,
                        y: y.parse::<f32>().ok()? / 100.0,
                    })
                })
                .collect::<Vec<_>>(),
        )
    });
    let exterior = rings.next()?;
    Some(Polygon::new(exterior, rings.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_have_filled_outlines_where_they_are() {
        assert!(outlines().len() > 170);
        let tajikistan = outline("TJK").unwrap();
        assert_eq!(tajikistan.name, "Tajikistan");
        assert!(!tajikistan.triangles.is_empty() && tajikistan.triangles.len().is_multiple_of(3));
        let [w, s, e, n] = tajikistan.bounds;
        assert!(
            w > 67.0 && e < 75.5 && s > 36.5 && n < 41.5,
            "{:?}",
            tajikistan.bounds
        );
        // Natural Earth's -99 codes were replaced: France and Norway have theirs.
        assert!(outline("FRA").is_some() && outline("NOR").is_some());
        assert!(outline("XKX").is_some());
    }

    #[test]
    fn the_triangles_cover_the_land_and_no_more() {
        use geo::Area;
        for outline in outlines() {
            let land = outline.shape.unsigned_area();
            let covered: f32 = outline
                .triangles
                .chunks(3)
                .map(|t| {
                    let [a, b, c] = [0, 1, 2].map(|k| outline.vertices[t[k] as usize]);
                    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
                })
                .sum();
            // Within 2%: Sudan's ring touches itself at this scale, which earcut fills twice.
            assert!(
                (land - covered).abs() <= land * 0.02 + 0.01,
                "{}: land {land}, triangles {covered}",
                outline.country
            );
        }
    }
}
