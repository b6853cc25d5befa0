//! Exporting 100,000 events: rendering CSV, RON and iCalendar into memory, and
//! the whole `annals export` path to CSV (select, render, write atomically).

mod bench_data;

use std::hint::black_box;

use annals::dataset::SourceInfo;
use annals::export::{self, ExportRequest, Format};
use annals::query::{self, Filter, QueryIndex};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// The number of events exported: the middle benchmark size, 100k.
const EVENTS: usize = bench_data::SIZES[1];

fn exports(c: &mut Criterion) {
    let path = bench_data::dataset_file(EVENTS);
    let bytes = std::fs::read(&path).expect("the generated dataset can be read");
    let dataset = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .expect("the generated dataset loads");
    let index = QueryIndex::new(&dataset);
    let source = SourceInfo::of_bytes(&path.display().to_string(), &bytes);
    drop(bytes);
    let events = query::select(&dataset, &index, &Filter::default());
    let label = bench_data::label(EVENTS);

    let mut group = bench_data::flat_group(c, "export");

    for format in [Format::Csv, Format::Ron, Format::Ics] {
        let request = ExportRequest {
            format,
            events: events.clone(),
            filter: Filter::default(),
            source: source.clone(),
            exported_at: "2026-01-01T00:00:00Z".to_string(),
            lanes: Default::default(),
            calendar: Default::default(),
            lane_names: None,
        };
        group.bench_function(BenchmarkId::new(format!("render {format}"), &label), |b| {
            b.iter(|| {
                export::render(&dataset, &request)
                    .expect("the export renders")
                    .len()
            })
        });
    }

    let folder = tempfile::tempdir().expect("a temporary folder can be made");
    let out = folder.path().join("export.csv");
    group.bench_function(BenchmarkId::new("write csv", &label), |b| {
        b.iter(|| {
            let written = export::export_matching(
                &dataset,
                &index,
                Filter::default(),
                source.clone(),
                export::ExportOptions {
                    format: Format::Csv,
                    lanes: Default::default(),
                    calendar: Default::default(),
                    lane_names: None,
                },
                &out,
                true,
            )
            .expect("the export is written");
            black_box(written.events)
        })
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
