//! `annals map` and the map's engine: places found in the gazetteer by their
//! names and other names, settled by the event's actors, coordinates that win,
//! places never guessed, and counts that agree with `annals list`.

use std::collections::HashMap;

use geojson::{FeatureCollection, GeometryValue};

use crate::support::{annals, listed_ids, text};

/// Countries, an organization, a person, a former country, and places that
/// are plain, other names, ambiguous, written as coordinates, or unknown.
pub(crate) const PLACES_RON: &str = r#"Dataset(
    title: "Places",
    actors: [
        Actor(id: "FRA", name: "France", kind: Country),
        Actor(id: "LBN", name: "Lebanon", kind: Country),
        Actor(id: "LBY", name: "Libya", kind: Country),
        Actor(id: "TJK", name: "Tajikistan", kind: Country),
        Actor(id: "SUN", name: "Soviet Union", kind: Country),
        Actor(id: "UN", name: "United Nations", kind: Organization),
        Actor(id: "rahmon", name: "Emomali Rahmon", kind: Person, roles: [
            Role(title: "President", of: "TJK", from: "1994-11-16"),
        ]),
    ],
    events: [
        Event(id: "tripoli-lb", kind: Visit, date: "2001-03-01", title: "France in Lebanon",
            actors: ["FRA"], counterparts: ["LBN"], place: "Tripoli"),
        Event(id: "tripoli-ly", kind: Meeting, date: "2002-04-01", title: "Libya and France",
            actors: ["LBY"], counterparts: ["FRA"], place: "Tripoli"),
        Event(id: "leninabad", kind: PhoneCall, date: "2003-05-01", title: "Rahmon calls Paris",
            actors: ["rahmon"], counterparts: ["FRA"], place: "Leninabad"),
        Event(id: "nowhere", kind: Meeting, date: "2004-06-01", title: "Somewhere unknown",
            actors: ["FRA"], counterparts: ["TJK"], place: "Xyzzyville"),
        Event(id: "elysee", kind: Visit, date: "2005-07-01", title: "Rahmon at the Élysée",
            actors: ["rahmon"], counterparts: ["FRA"], place: "Élysée Palace", at: (48.8704, 2.3167)),
        Event(id: "soviet", kind: Visit, date: "1980-01-01", title: "A Soviet visit",
            actors: ["SUN"], counterparts: ["FRA"]),
        Event(id: "un-tripoli", kind: Meeting, date: "2006-08-01", title: "A UN meeting",
            actors: ["UN"], place: "Tripoli"),
    ],
)"#;

fn places_file(dir: &std::path::Path) -> String {
    let path = dir.join("places.ron");
    std::fs::write(&path, PLACES_RON).unwrap();
    path.to_str().unwrap().to_string()
}

/// The map of `args` as GeoJSON read back, and what was said on standard error.
fn geojson(args: &[&str]) -> (FeatureCollection, String) {
    let args: Vec<&str> = ["map"]
        .into_iter()
        .chain(args.iter().copied())
        .chain(["--format", "geojson"])
        .collect();
    let out = annals(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let collection: FeatureCollection = text(&out.stdout)
        .parse::<geojson::GeoJson>()
        .expect("valid GeoJSON")
        .try_into()
        .expect("a FeatureCollection");
    (collection, text(&out.stderr))
}

fn property<'a>(feature: &'a geojson::Feature, name: &str) -> &'a serde_json::Value {
    feature.property(name).unwrap_or(&serde_json::Value::Null)
}

/// The features of one kind, by name (places and countries) or `from>to` (links).
fn of_kind<'a>(
    collection: &'a FeatureCollection,
    kind: &str,
) -> HashMap<String, &'a geojson::Feature> {
    collection
        .features
        .iter()
        .filter(|f| property(f, "kind") == kind)
        .map(|f| {
            let key = match kind {
                "link" => format!(
                    "{}>{}",
                    property(f, "from").as_str().unwrap(),
                    property(f, "to").as_str().unwrap()
                ),
                "country" => property(f, "actor").as_str().unwrap().to_string(),
                _ => property(f, "name").as_str().unwrap().to_string(),
            };
            (key, f)
        })
        .collect()
}

fn point(feature: &geojson::Feature) -> [f64; 2] {
    match &feature.geometry.as_ref().unwrap().value {
        GeometryValue::Point { coordinates } => [coordinates[0], coordinates[1]],
        other => panic!("not a point: {other:?}"),
    }
}

#[test]
fn places_are_found_by_other_names_settled_by_actors_and_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let file = places_file(dir.path());
    let (map, stderr) = geojson(&[&file]);
    let places = of_kind(&map, "place");
    // Leninabad is Khujand's former name.
    let khujand = places["Khujand"];
    assert_eq!(
        property(khujand, "events"),
        &serde_json::json!(["leninabad"])
    );
    let [lon, lat] = point(khujand);
    assert!((lon - 69.62).abs() < 0.01 && (lat - 40.28).abs() < 0.01);
    // One Tripoli is in Lebanon, one in Libya: their actors say which.
    let tripolis: Vec<[f64; 2]> = map
        .features
        .iter()
        .filter(|f| property(f, "name") == "Tripoli")
        .map(point)
        .collect();
    assert_eq!(tripolis.len(), 2, "{tripolis:?}");
    assert!(
        tripolis.iter().any(|[lon, _]| (lon - 35.84).abs() < 0.01),
        "Lebanon's"
    );
    assert!(
        tripolis.iter().any(|[lon, _]| (lon - 13.19).abs() < 0.01),
        "Libya's"
    );
    // Coordinates written in the dataset win.
    assert_eq!(point(places["Élysée Palace"]), [2.3167, 48.8704]);
    // The UN's Tripoli has no country to settle it, and Xyzzyville is nowhere.
    assert_eq!(
        stderr.trim(),
        "annals: 2 places not found: Xyzzyville, Tripoli"
    );
}

#[test]
fn country_counts_equal_the_list_and_links_run_from_initiator_to_receiver() {
    let dir = tempfile::tempdir().unwrap();
    let file = places_file(dir.path());
    for filter in [
        &[][..],
        &["--kind", "visit"][..],
        &["--from", "2002", "--to", "2004"][..],
    ] {
        let args: Vec<&str> = [file.as_str()]
            .into_iter()
            .chain(filter.iter().copied())
            .collect();
        let (map, _) = geojson(&args);
        let countries = of_kind(&map, "country");
        assert!(!countries.is_empty(), "{filter:?}");
        for (id, feature) in &countries {
            let listed: Vec<&str> = args
                .iter()
                .copied()
                .chain(["--actor", id.as_str()])
                .collect();
            assert_eq!(
                property(feature, "count").as_u64(),
                Some(listed_ids(&listed).len() as u64),
                "{id} with {filter:?}"
            );
        }
    }
    let (map, _) = geojson(&[&file]);
    let countries = of_kind(&map, "country");
    // Rahmon's events count for Tajikistan; outlines are multipolygons.
    assert_eq!(property(countries["TJK"], "count"), 3);
    assert!(matches!(
        countries["TJK"].geometry.as_ref().unwrap().value,
        GeometryValue::MultiPolygon { .. }
    ));
    let links = of_kind(&map, "link");
    assert_eq!(property(links["TJK>FRA"], "count"), 2);
    assert_eq!(property(links["FRA>LBN"], "count"), 1);
    assert!(!links.contains_key("LBN>FRA"));
    // The Soviet Union has no outline of its own and stands at Moscow.
    match &links["SUN>FRA"].geometry.as_ref().unwrap().value {
        GeometryValue::LineString { coordinates } => {
            assert!((coordinates[0][0] - 37.62).abs() < 0.1, "{coordinates:?}");
        }
        other => panic!("not a line: {other:?}"),
    }
}

#[test]
fn the_curated_chronologys_places_are_all_found_and_add_up() {
    let csv = annals(&["map", "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0), "{}", text(&csv.stderr));
    assert_eq!(
        text(&csv.stderr),
        "",
        "every place of the curated data is found"
    );
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["kind", "name", "actor", "lat", "lon", "count"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let count = |kind: &str, name: &str| -> usize {
        rows.iter()
            .find(|r| &r[0] == kind && &r[1] == name)
            .map_or(0, |r| r[5].parse().unwrap())
    };
    assert_eq!(
        count("country", "Tajikistan"),
        listed_ids(&["--actor", "TJK"]).len()
    );
    assert_eq!(
        count("country", "Iran"),
        listed_ids(&["--actor", "IRN"]).len()
    );
    assert_eq!(
        count("place", "Dushanbe"),
        listed_ids(&["--place", "Dushanbe"]).len()
    );
}

#[test]
fn the_map_figure_is_written_with_its_credits_and_never_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = places_file(dir.path());
    let svg = dir.path().join("map.svg");
    let svg_arg = svg.to_str().unwrap();
    let refused = annals(&["map", &file, "--format", "svg"]);
    assert_eq!(refused.status.code(), Some(2), "a picture needs -o");
    let out = annals(&["map", &file, "--format", "svg", "-o", svg_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let drawn = std::fs::read_to_string(&svg).unwrap();
    for needed in [
        "Natural Earth",
        "GeoNames",
        "Khujand (1)",
        "2 places not found: Xyzzyville, Tripoli",
        "annals-manifest",
    ] {
        assert!(drawn.contains(needed), "{needed}");
    }
    assert!(
        drawn.contains("marker-end=\"url(#arrow)\""),
        "visits are arrows"
    );
    let again = annals(&["map", &file, "--format", "svg", "-o", svg_arg]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again.stderr));
    let png = dir.path().join("map.png");
    let out = annals(&["map", &file, "--format", "png", "-o", png.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn coordinates_off_the_globe_are_refused_where_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let bad = PLACES_RON.replace("at: (48.8704, 2.3167)", "at: (95.5, 2.3167)");
    std::fs::write(&path, &bad).unwrap();
    let out = annals(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line = bad.lines().position(|l| l.contains("95.5")).unwrap() + 1;
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("bad.ron:{line}:"))
            && stderr.contains("event \"elysee\": latitude 95.5 is beyond the poles"),
        "{stderr}"
    );
}

#[test]
fn coordinates_are_set_from_the_command_line_as_one_line_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = places_file(dir.path());
    let out = annals(&["set", &file, "leninabad", "at=40.2826,69.6222"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    let before: Vec<&str> = PLACES_RON.lines().collect();
    let new: Vec<&str> = written.lines().filter(|l| !before.contains(l)).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert!(new[0].contains("at: (40.2826, 69.6222)"), "{new:?}");
    let refused = annals(&["set", &file, "leninabad", "at=40.2826"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("not a latitude and a longitude"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        written,
        "left as it was"
    );
}
