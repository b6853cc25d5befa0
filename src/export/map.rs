//! The map's counts as data: GeoJSON (a FeatureCollection of places,
//! countries with their outlines, and links) and CSV (`kind,name,actor,lat,lon,count`).

use geo::orient::{Direction, Orient};
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use serde_json::Value;

use crate::analysis::{MapCounts, MapIndex};
use crate::model::Coordinates;

/// The counts as a GeoJSON FeatureCollection: a Point per spot with its
/// events' ids (`spot_events`, by spot), a country's outline (or its anchor
/// when it has none at this scale) per country with events, and a LineString
/// per directed pair of countries.
pub fn map_geojson(map: &MapIndex, counts: &MapCounts, spot_events: &[Vec<&str>]) -> Vec<u8> {
    let mut features = Vec::new();
    for (slot, spot) in map.spots.iter().enumerate() {
        let count = counts.spots[slot];
        if count == 0 {
            continue;
        }
        let events: Vec<Value> = spot_events
            .get(slot)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|id| Value::from(*id))
            .collect();
        features.push(feature(
            GeometryValue::new_point(position(spot.at)),
            [
                ("kind", Value::from("place")),
                ("name", Value::from(spot.name.as_str())),
                ("count", Value::from(count)),
                ("events", Value::Array(events)),
            ],
        ));
    }
    for (slot, country) in map.countries.iter().enumerate() {
        let count = counts.countries[slot];
        if count == 0 {
            continue;
        }
        let geometry = match country.outline {
            Some(outline) => GeometryValue::new_multi_polygon(
                outline
                    .shape
                    .orient(Direction::Default)
                    .iter()
                    .map(|polygon| {
                        std::iter::once(polygon.exterior())
                            .chain(polygon.interiors())
                            .map(|ring| {
                                ring.coords()
                                    .map(|c| [f64::from(c.x), f64::from(c.y)])
                                    .collect::<Vec<_>>()
                            })
                            .collect::<Vec<_>>()
                    }),
            ),
            None => GeometryValue::new_point(position(country.anchor)),
        };
        features.push(feature(
            geometry,
            [
                ("kind", Value::from("country")),
                ("actor", Value::from(country.id.as_str())),
                ("name", Value::from(country.name.as_str())),
                ("count", Value::from(count)),
            ],
        ));
    }
    for link in &counts.links {
        let (from, to) = (
            &map.countries[link.from as usize],
            &map.countries[link.to as usize],
        );
        features.push(feature(
            GeometryValue::new_line_string([position(from.anchor), position(to.anchor)]),
            [
                ("kind", Value::from("link")),
                ("from", Value::from(from.id.as_str())),
                ("to", Value::from(to.id.as_str())),
                ("count", Value::from(link.count)),
            ],
        ));
    }
    let mut bytes = serde_json::to_vec_pretty(&FeatureCollection::new(features))
        .unwrap_or_else(|e| unreachable!("GeoJSON always serializes: {e}"));
    bytes.push(b'\n');
    bytes
}

/// GeoJSON's order: longitude, then latitude, in degrees to 5 decimals (a metre).
fn position(at: Coordinates) -> [f64; 2] {
    let round = |v: f32| (f64::from(v) * 1e5).round() / 1e5;
    [round(at.lon()), round(at.lat())]
}

fn feature<const N: usize>(geometry: GeometryValue, properties: [(&str, Value); N]) -> Feature {
    let properties: JsonObject = properties
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    Feature {
        geometry: Some(Geometry::new(geometry)),
        properties: Some(properties),
        ..Feature::default()
    }
}

/// The counts as CSV, `kind,name,actor,lat,lon,count`: places, then
/// countries, then links (named `from → to`, at the midpoint), CRLF.
pub fn map_csv(map: &MapIndex, counts: &MapCounts) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 6]> =
        vec![["kind", "name", "actor", "lat", "lon", "count"].map(str::to_string)];
    let coordinate = |v: f32| {
        format!("{:.5}", f64::from(v))
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    };
    for (slot, spot) in map.spots.iter().enumerate() {
        if counts.spots[slot] > 0 {
            rows.push([
                "place".to_string(),
                spot.name.clone(),
                String::new(),
                coordinate(spot.at.lat()),
                coordinate(spot.at.lon()),
                counts.spots[slot].to_string(),
            ]);
        }
    }
    for (slot, country) in map.countries.iter().enumerate() {
        if counts.countries[slot] > 0 {
            rows.push([
                "country".to_string(),
                country.name.clone(),
                country.id.clone(),
                coordinate(country.anchor.lat()),
                coordinate(country.anchor.lon()),
                counts.countries[slot].to_string(),
            ]);
        }
    }
    for link in &counts.links {
        let (from, to) = (
            &map.countries[link.from as usize],
            &map.countries[link.to as usize],
        );
        rows.push([
            "link".to_string(),
            format!("{} \u{2192} {}", from.name, to.name),
            format!("{}>{}", from.id, to.id),
            coordinate((from.anchor.lat() + to.anchor.lat()) / 2.0),
            coordinate((from.anchor.lon() + to.anchor.lon()) / 2.0),
            link.count.to_string(),
        ]);
    }
    for row in &rows {
        writer
            .write_record(row)
            .unwrap_or_else(|e| unreachable!("writing CSV to memory: {e}"));
    }
    writer
        .into_inner()
        .unwrap_or_else(|e| unreachable!("flushing CSV to memory: {e}"))
}
