//! Importing GDELT event files: 200,000 rows of GDELT 2.0, plain and zipped,
//! whole and cut to a dyad while streaming.

use std::io::Write;
use std::path::{Path, PathBuf};

use annals::import::event_data::{self, Cut, EventDataOptions};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};

/// Rows in the benchmark file.
const ROWS: usize = 200_000;

const COUNTRIES: [(&str, &str); 12] = [
    ("IRN", "IRAN"),
    ("TJK", "TAJIKISTAN"),
    ("AFG", "AFGHANISTAN"),
    ("RUS", "RUSSIA"),
    ("CHN", "CHINA"),
    ("USA", "UNITED STATES"),
    ("TUR", "TURKEY"),
    ("UZB", "UZBEKISTAN"),
    ("PAK", "PAKISTAN"),
    ("IND", "INDIA"),
    ("SAU", "SAUDI ARABIA"),
    ("ROM", "ROMANIA"),
];

const CODES: [&str; 16] = [
    "010", "020", "036", "040", "041", "042", "043", "046", "051", "057", "0311", "111", "112",
    "130", "173", "190",
];

/// Writes `rows` GDELT 2.0 rows of made-up events: a dozen countries, sixteen
/// codes, days over a year, with about one row in three repeating an earlier
/// event from another URL, as GDELT's duplicates do.
fn write_rows(path: &Path, rows: usize) {
    let file = std::fs::File::create(path).expect("the bench file can be written");
    let mut out = std::io::BufWriter::new(file);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut last = (0, 0, 0, 0);
    for id in 0..rows {
        let (day, a, b, code) = if id > 0 && next(3) == 0 {
            last
        } else {
            (
                next(365),
                next(COUNTRIES.len()),
                next(COUNTRIES.len()),
                next(CODES.len()),
            )
        };
        last = (day, a, b, code);
        let date = 20240101 + (day / 28 % 12) * 100 + day % 28;
        let code = CODES[code];
        let (a_code, a_name) = COUNTRIES[a];
        let (b_code, b_name) = COUNTRIES[b];
        let mut fields = vec![String::new(); 61];
        fields[0] = (600_000_000 + id).to_string();
        fields[1] = date.to_string();
        fields[2] = (date / 100).to_string();
        fields[3] = (date / 10_000).to_string();
        fields[4] = "2024.5000".to_string();
        fields[5] = format!("{a_code}GOV");
        fields[6] = a_name.to_string();
        fields[7] = a_code.to_string();
        fields[12] = "GOV".to_string();
        fields[15] = b_code.to_string();
        fields[16] = b_name.to_string();
        fields[17] = b_code.to_string();
        fields[25] = "1".to_string();
        fields[26] = code.to_string();
        fields[27] = code[..3].to_string();
        fields[28] = code[..2].to_string();
        fields[29] = "1".to_string();
        fields[30] = "1.9".to_string();
        fields[31] = "4".to_string();
        fields[32] = "1".to_string();
        fields[33] = (1 + id % 7).to_string();
        fields[34] = "-1.25".to_string();
        fields[51] = "4".to_string();
        fields[52] = format!("{b_name}, {b_name}");
        fields[59] = format!("{date}103000");
        fields[60] = format!("https://news{}.example.org/story/{id}", id % 40);
        writeln!(out, "{}", fields.join("\t")).expect("the bench file is written");
    }
}

/// The benchmark file, plain and zipped, written on first use.
fn files() -> (PathBuf, PathBuf) {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let folder = target.join("bench-data");
    std::fs::create_dir_all(&folder).expect("the bench-data folder can be created");
    let plain = folder.join(format!("gdelt-{ROWS}.export.CSV"));
    let zipped = plain.with_extension("CSV.zip");
    if !plain.exists() {
        write_rows(&plain, ROWS);
    }
    if !zipped.exists() {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zipped).expect("zip"));
        zip.start_file(
            format!("gdelt-{ROWS}.export.CSV"),
            zip::write::SimpleFileOptions::default(),
        )
        .expect("zip entry");
        zip.write_all(&std::fs::read(&plain).expect("plain file"))
            .expect("zip data");
        zip.finish().expect("zip finish");
    }
    (plain, zipped)
}

fn import(c: &mut Criterion) {
    let (plain, zipped) = files();
    let mut group = c.benchmark_group("event_data");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    let whole = EventDataOptions::default();
    let dyad = EventDataOptions {
        cut: Cut {
            actors: vec!["IRN".into(), "TJK".into()],
            between: true,
            ..Cut::default()
        },
        ..EventDataOptions::default()
    };
    for (name, path, options) in [
        ("200k rows, plain", &plain, &whole),
        ("200k rows, zip", &zipped, &whole),
        ("200k rows, zip, dyad", &zipped, &dyad),
    ] {
        group.bench_with_input(BenchmarkId::from_parameter(name), path, |b, path| {
            b.iter_with_large_drop(|| {
                event_data::import(std::fs::File::open(path).unwrap(), "bench", options)
                    .expect("the bench file imports")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
