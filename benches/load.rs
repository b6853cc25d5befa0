//! Opening a dataset file: read, parse, check and index it.

mod bench_data;

use std::time::Duration;

use annals::dataset;
use annals::index::TimeIndex;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    let mut group = bench_data::flat_group(c, "load");
    group.warm_up_time(Duration::from_secs(1));
    for events in bench_data::SIZES {
        let path = bench_data::dataset_file(events);
        group.measurement_time(Duration::from_secs(if events >= 1_000_000 {
            40
        } else {
            5
        }));
        group.bench_with_input(
            BenchmarkId::from_parameter(bench_data::label(events)),
            &path,
            |b, path| {
                b.iter_with_large_drop(|| {
                    let dataset = dataset::load_file(path).expect("the generated dataset loads");
                    let index = TimeIndex::new(&dataset);
                    (dataset, index)
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
