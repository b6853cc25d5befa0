//! Opening a dataset file: read, parse, check and index it; then what the
//! viewer builds before its first frame (the query index, the lanes).

mod bench_data;

use std::time::Duration;

use std::collections::BTreeSet;

use annals::index::TimeIndex;
use annals::query::QueryIndex;
use annals::timeline::lane_times::LaneTimes;
use annals::timeline::{LaneMode, Lanes};
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
                    let dataset =
                        annals::import::open_path(path, annals::import::FormatChoice::Auto)
                            .map(|o| o.dataset)
                            .expect("the generated dataset loads");
                    let index = TimeIndex::new(&dataset);
                    (dataset, index)
                })
            },
        );
    }
    group.finish();
}

/// What the viewer builds from a loaded dataset before its first frame.
fn open(c: &mut Criterion) {
    let mut group = bench_data::flat_group(c, "open");
    for events in bench_data::SIZES {
        let dataset = annals::import::open_path(
            &bench_data::dataset_file(events),
            annals::import::FormatChoice::Auto,
        )
        .map(|o| o.dataset)
        .expect("the generated dataset loads");
        let label = bench_data::label(events);
        group.bench_function(BenchmarkId::new("time index", &label), |b| {
            b.iter_with_large_drop(|| TimeIndex::new(&dataset))
        });
        group.bench_function(BenchmarkId::new("query index", &label), |b| {
            b.iter_with_large_drop(|| QueryIndex::new(&dataset))
        });
        let index = TimeIndex::new(&dataset);
        group.bench_function(BenchmarkId::new("lanes by actor", &label), |b| {
            b.iter_with_large_drop(|| {
                let lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
                let times = LaneTimes::new(&index, &lanes);
                (lanes, times)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load, open);
criterion_main!(benches);
