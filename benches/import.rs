//! Importing a spreadsheet: Annals' own CSV export of the benchmark datasets
//! (up to 100,000 rows) read back into a dataset: decoding, header matching,
//! date orders, actors from names, events.

mod bench_data;

use annals::dataset::SourceInfo;
use annals::export::{ExportRequest, Format, render};
use annals::import::ImportOptions;
use annals::query::Filter;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The largest sheet measured: the target is 100,000 rows in 3 s.
const MAX_ROWS: usize = 100_000;

fn import_csv(c: &mut Criterion) {
    let mut group = bench_data::flat_group(c, "import");
    for rows in bench_data::SIZES.into_iter().filter(|&n| n <= MAX_ROWS) {
        let dataset = annals::import::open_path(
            &bench_data::dataset_file(rows),
            annals::import::FormatChoice::Auto,
        )
        .map(|o| o.dataset)
        .expect("the generated dataset loads");
        let events = (0..dataset.events.len() as annals::index::EventIdx).collect();
        let request = ExportRequest::new(
            Format::Csv,
            events,
            Filter::default(),
            SourceInfo::embedded(),
        );
        let sheet = render(&dataset, &request).expect("the CSV export renders");
        drop(dataset);
        group.throughput(Throughput::Bytes(sheet.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("csv", bench_data::label(rows)),
            &sheet,
            |b, sheet| {
                b.iter_with_large_drop(|| {
                    let imported = annals::import::open_all(
                        annals::import::Input::Bytes {
                            name: "bench.csv",
                            bytes: sheet,
                        },
                        &ImportOptions::default(),
                    )
                    .expect("the export imports");
                    assert!(imported.problems.is_empty());
                    imported
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, import_csv);
criterion_main!(benches);
