//! `annals export` and the export library, checked by reading the files back
//! with the tools a user would open them with.

use std::path::{Path, PathBuf};

use annals::dataset;
use annals::dataset::SourceInfo;
use annals::export::{self, ExportRequest, Format};
use annals::index::TimeIndex;
use annals::query::{self, Filter, Period};

use crate::support::{annals, text};

/// Runs `annals export` with `args` into `dir/name`; the output file's path.
fn export_to(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let result = annals(&all);
    assert_eq!(
        result.status.code(),
        Some(0),
        "annals {all:?}: {}",
        text(&result.stderr)
    );
    out
}

fn period(from: &str, to: &str) -> Filter {
    Filter {
        period: Period {
            from: Some(from.into()),
            to: Some(to.into()),
        },
        ..Filter::default()
    }
}

/// The library's request for the curated dataset's events matching `filter`.
fn request(format: Format, filter: Filter) -> (annals::model::Dataset, ExportRequest) {
    let dataset = dataset::embedded();
    let index = TimeIndex::new(&dataset);
    let events = query::select(&dataset, &index, &filter);
    let mut request = ExportRequest::new(format, events, filter, SourceInfo::embedded());
    request.exported_at = "2026-01-01T00:00:00Z".into();
    (dataset, request)
}

#[test]
fn csv_of_2022_has_the_header_and_six_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "may.csv",
        &["--from", "2022", "--to", "2022", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "date",
            "start",
            "end",
            "precision",
            "kind",
            "cameo",
            "title",
            "actors",
            "counterparts",
            "topics",
            "place",
            "summary",
            "sources"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let visit = rows
        .iter()
        .find(|r| &r[0] == "2022-05-16-bagheri-dushanbe")
        .expect("the Bagheri visit is exported");
    assert_eq!(&visit[2], "2022-05-16");
    assert_eq!(&visit[3], "2022-05-16");
    assert_eq!(&visit[5], "visit");
    assert_eq!(&visit[6], "042");
    assert!(visit[9].contains("Tajikistan"), "{:?}", &visit[9]);
    let visit_to_tehran = rows
        .iter()
        .find(|r| &r[1] == "2022-05-29/2022-05-30")
        .unwrap();
    assert_eq!(
        (&visit_to_tehran[2], &visit_to_tehran[3]),
        ("2022-05-29", "2022-05-30")
    );

    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "RFC 4180 line ends");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("may.csv.manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["events"], 6);
    assert_eq!(manifest["period"]["from"], "2022");
    assert_eq!(manifest["source"]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn the_command_line_and_the_library_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "same.csv",
        &["--from", "2022", "--to", "2022", "--format", "csv"],
    );
    let (dataset, request) = request(Format::Csv, period("2022", "2022"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        export::render(&dataset, &request).unwrap()
    );
}

#[test]
fn ron_export_round_trips_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let all = export_to(dir.path(), "all.ron", &["--format", "ron"]);
    let curated = dataset::embedded();
    let exported = annals::import::open_path(&all, annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    let dates = |d: &annals::model::Dataset| {
        let mut v: Vec<(String, String)> = d
            .events
            .iter()
            .map(|e| (e.id.to_string(), e.date.text().to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(dates(&exported), dates(&curated));
    assert_eq!(exported.title, curated.title);

    let year = export_to(
        dir.path(),
        "2022.ron",
        &["--from", "2022", "--to", "2022", "--format", "ron"],
    );
    let check = annals(&["check", year.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains("ok (6 events"),
        "{}",
        text(&check.stdout)
    );
    let part = annals::import::open_path(&year, annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    assert!(part.actor("raisi").is_some() && part.actor("pezeshkian").is_none());
    assert!(std::fs::read_to_string(&year).unwrap().starts_with("// "));
}

#[test]
fn json_export_holds_the_manifest_and_the_dataset() {
    let (dataset, request) = request(Format::Json, period("2022", "2022"));
    let bytes = export::render(&dataset, &request).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(value["manifest"]["events"], 6);
    assert_eq!(value["manifest"]["exported_at"], "2026-01-01T00:00:00Z");
    assert_eq!(value["dataset"]["events"].as_array().unwrap().len(), 6);
    assert_eq!(value["dataset"]["events"][0]["date"], "2022-05-01?");
}

#[test]
fn ics_export_parses_with_one_event_each_and_folded_crlf_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "2022.ics",
        &["--from", "2022", "--to", "2022", "--format", "ics"],
    );
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(raw.ends_with("\r\n"));
    for line in raw.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let calendar: icalendar::Calendar = raw.parse().unwrap();
    use icalendar::Component;
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 6);
    let visit = events
        .iter()
        .find(|e| e.property_value("UID") == Some("2022-05-16-bagheri-dushanbe@annals"))
        .expect("a stable UID from the event id");
    let unfolded = icalendar::parser::unfold(&raw);
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20220516\r\n"));
    assert!(unfolded.contains("DTEND;VALUE=DATE:20220517\r\n"));
    assert_eq!(
        visit.property_value("SUMMARY"),
        Some("Bagheri visits Dushanbe and meets Defence Minister Mirzo")
    );
    // The two-day visit to Tehran ends, exclusively, on the day after its last.
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20220529\r\n"));
    assert!(unfolded.contains("DTEND;VALUE=DATE:20220531\r\n"));
}

#[test]
fn ics_spans_a_year_precise_event_over_its_year_and_says_so() {
    let (dataset, request) = request(Format::Ics, period("2014", "2014"));
    let raw = String::from_utf8(export::render(&dataset, &request).unwrap()).unwrap();
    let unfolded = icalendar::parser::unfold(&raw);
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20140101\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DTEND;VALUE=DATE:20150101\r\n"));
    assert!(unfolded.contains("year precision"));
}

#[test]
fn svg_of_may_2022_is_vectors_with_the_event_titles_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "may.svg",
        &["--from", "2022-05", "--to", "2022-05", "--format", "svg"],
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    let (dataset, request) = request(Format::Svg, period("2022-05", "2022-05"));
    assert_eq!(request.events.len(), 5);
    for &i in &request.events {
        let title = &dataset.events[i as usize].title;
        assert!(
            texts.contains(&title.to_string()),
            "{title:?} not among {texts:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t.contains("May 2022")),
        "a heading names the period"
    );
    assert!(
        texts.iter().any(|t| t.contains("SHA-256")),
        "a caption names the source"
    );
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("image")),
        "no bitmap"
    );
    let metadata = doc
        .descendants()
        .find(|n| n.has_tag_name("metadata"))
        .expect("the manifest in <metadata>");
    assert!(metadata.text().unwrap().contains("\"events\": 5"));
}

#[test]
fn png_decodes_at_the_page_size_with_the_manifest() {
    let (dataset, request) = request(Format::Png, period("2022-05", "2022-05"));
    let bytes = export::render(&dataset, &request).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    let mut reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!(
        (info.width, info.height),
        (
            (export::PAGE_WIDTH as f32 * export::PNG_SCALE) as u32,
            (export::PAGE_HEIGHT as f32 * export::PNG_SCALE) as u32
        )
    );
    let manifest = info
        .utf8_text
        .iter()
        .find(|chunk| chunk.keyword == "annals-manifest")
        .expect("the manifest chunk");
    assert!(manifest.get_text().unwrap().contains("\"format\": \"png\""));
    let mut pixels = vec![0; reader.output_buffer_size()];
    reader.next_frame(&mut pixels).unwrap();
    let dark = pixels.chunks(4).filter(|p| p[0] < 128).count();
    assert!(dark > 1000, "the picture has text and glyphs on it");
}

#[test]
fn an_existing_file_is_refused_without_force_and_replaced_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "precious").unwrap();
    let args = ["export", "--format", "json", "-o", out.to_str().unwrap()];
    let refused = annals(&args);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--force"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");

    let mut forced = args.to_vec();
    forced.push("--force");
    let replaced = annals(&forced);
    assert_eq!(
        replaced.status.code(),
        Some(0),
        "{}",
        text(&replaced.stderr)
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"manifest\"")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
}

#[test]
fn an_unwritable_destination_is_exit_1_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, "x").unwrap();
    let out = not_a_folder.join("out.csv");
    let result = annals(&["export", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(stderr.contains("out.csv"), "{stderr}");
}

#[test]
fn a_failed_replacement_leaves_the_old_contents_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should go: the final rename fails after the temporary is written.
    let out = dir.path().join("figure.svg");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("inside"), "kept").unwrap();
    let result = annals(&[
        "export",
        "--format",
        "svg",
        "--force",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(1), "{}", text(&result.stdout));
    assert_eq!(std::fs::read_to_string(out.join("inside")).unwrap(), "kept");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
}

/// The texts of the lane labels of an SVG figure, top to bottom.
fn lane_labels(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let lanes = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("lanes"))
        .expect("a gutter of lane labels");
    lanes
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn svg_lanes_by_actor_show_each_country_with_its_people_joined_by_connectors() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "may.svg",
        &["--from", "2022-05", "--to", "2022-05", "--format", "svg"],
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    let labels = lane_labels(&svg);
    let at = |name: &str| {
        labels
            .iter()
            .position(|l| l == name)
            .unwrap_or_else(|| panic!("no lane {name:?} among {labels:?}"))
    };
    assert!(at("Iran") < at("Mohammad Bagheri"));
    assert!(at("Mohammad Bagheri") < at("Tajikistan"));
    assert!(at("Tajikistan") < at("Emomali Rahmon"));
    assert!(
        !labels.iter().any(|l| l == "Masoud Pezeshkian"),
        "a lane without events in May 2022 is left out: {labels:?}"
    );
    // The Bagheri visit is drawn once per lane and its glyphs are joined.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let visit = "2022-05-16-bagheri-dushanbe";
    let drawn = doc
        .descendants()
        .filter(|n| n.attribute("id") == Some(visit) || n.attribute("data-event") == Some(visit))
        .count();
    assert!(drawn >= 3, "the visit is in {drawn} lanes");
    let connectors = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("connectors"))
        .expect("connectors");
    assert!(connectors.children().any(|line| {
        line.descendants()
            .any(|t| t.text() == Some("Bagheri visits Dushanbe and meets Defence Minister Mirzo"))
    }));
    let manifest = doc
        .descendants()
        .find(|n| n.has_tag_name("metadata"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(manifest.contains("\"lanes\": \"actor\""), "{manifest}");
    assert!(manifest.contains("--lanes actor"), "{manifest}");
}

#[test]
fn svg_lanes_by_kind_are_labelled_with_the_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "kinds.svg",
        &[
            "--from", "2022-05", "--to", "2022-05", "--lanes", "kind", "--format", "svg",
        ],
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    let labels = lane_labels(&svg);
    assert_eq!(labels, ["Visit", "Phone call", "Meeting", "Inauguration"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let manifest = doc
        .descendants()
        .find(|n| n.has_tag_name("metadata"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(manifest.contains("\"lanes\": \"kind\""), "{manifest}");
    let bad = annals(&[
        "export", "--lanes", "country", "--format", "svg", "-o", "x.svg",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("actor, topic, kind, single"));
}

#[test]
fn a_crowded_svg_keeps_a_bounded_height_and_says_what_it_left_out() {
    let dataset = annals::generate::generate(20_000, 1);
    let index = TimeIndex::new(&dataset);
    let filter = period("2000", "2012");
    let events = query::select(&dataset, &index, &filter);
    assert!(events.len() > 1000, "{} events", events.len());
    let request = ExportRequest::new(Format::Svg, events, filter, SourceInfo::embedded());
    let svg = String::from_utf8(export::render(&dataset, &request).unwrap()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let height: f64 = doc
        .root_element()
        .attribute("height")
        .and_then(|h| h.parse().ok())
        .unwrap();
    assert!(height <= 3200.0, "{height} high");
    let labels = lane_labels(&svg);
    assert!(
        !labels.is_empty() && labels.len() <= 40,
        "{} lanes",
        labels.len()
    );
    assert!(
        doc.descendants()
            .filter_map(|n| n.text())
            .any(|t| t.contains("more lanes left out")),
        "the caption says lanes were left out"
    );
}

#[test]
fn cameo_codes_reach_csv_json_and_ron() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = export_to(
        dir.path(),
        "cooling.csv",
        &["--from", "2015", "--to", "2020", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let codes: Vec<(String, String, String)> = reader
        .records()
        .map(Result::unwrap)
        .map(|r| (r[0].to_string(), r[5].to_string(), r[6].to_string()))
        .collect();
    let code_of = |id: &str| {
        codes
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, kind, code)| (kind.as_str(), code.as_str()))
    };
    // The kind's default where the event has none, the event's own otherwise.
    assert_eq!(
        code_of("2019-06-14-rouhani-dushanbe-cica"),
        Some(("visit", "042"))
    );
    assert_eq!(
        code_of("2015-12-29-tajikistan-summons-iranian-ambassador"),
        Some(("diplomatic-protest", "114"))
    );
    assert_eq!(
        code_of("2018-05-12-rahmon-accuses-iran"),
        Some(("diplomatic-protest", "112"))
    );
    assert_eq!(
        code_of("2018-05-21-protest-at-iranian-embassy"),
        Some(("demonstration", "141"))
    );

    let json_path = export_to(
        dir.path(),
        "drones.json",
        &[
            "--from",
            "2022-05-17",
            "--to",
            "2022-05-17",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let events = json["dataset"]["events"].as_array().unwrap();
    let factory = events
        .iter()
        .find(|e| e["id"] == "2022-05-17-ababil-2-drone-factory")
        .expect("the drone factory");
    assert_eq!(factory["cameo"], "062");
    let meeting = events
        .iter()
        .find(|e| e["id"] == "2022-05-17-bagheri-meets-rahmon")
        .expect("the meeting");
    assert!(
        meeting.get("cameo").is_none(),
        "no code of its own: {meeting}"
    );

    let ron_path = export_to(
        dir.path(),
        "drones.ron",
        &[
            "--from",
            "2022-05-17",
            "--to",
            "2022-05-17",
            "--format",
            "ron",
        ],
    );
    let again = annals::import::open_path(&ron_path, annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    let factory = again
        .events
        .iter()
        .find(|e| e.id == "2022-05-17-ababil-2-drone-factory")
        .unwrap();
    assert_eq!(factory.cameo.as_deref(), Some("062"));
}

#[test]
fn svg_draws_a_diplomatic_protest_with_its_own_glyph_and_legend_entry() {
    use annals::model::EventKind;
    use annals::timeline::kind_style::kind_style;
    let dir = tempfile::tempdir().unwrap();
    let path = export_to(
        dir.path(),
        "summons.svg",
        &[
            "--from",
            "2015-12-29",
            "--to",
            "2015-12-29",
            "--format",
            "svg",
        ],
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let colour = kind_style(&EventKind::DiplomaticProtest).1.hex();
    let summons = doc
        .descendants()
        .find(|n| {
            n.attribute("class") == Some("event")
                && n.descendants().any(|t| {
                    t.text()
                        == Some("Tajikistan summons Iran's ambassador over Kabiri's invitation")
                })
        })
        .expect("the summons is drawn");
    let glyph = summons
        .children()
        .find(|n| n.has_tag_name("path") && n.attribute("stroke") == Some(colour.as_str()))
        .expect("an X in the protest colour");
    // An X: two diagonal strokes, unlike the milestone's plus.
    let d = glyph.attribute("d").unwrap();
    assert_eq!(d.matches('M').count(), 2, "{d}");
    assert!(!d.contains('H') && !d.contains('V'), "{d}");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        texts.contains(&"Diplomatic protest"),
        "no legend entry: {texts:?}"
    );
}
