//! Changing a filter (one actor, one topic, a text search) and asking the
//! time index for the visible range.

mod bench_data;

use std::time::Duration;

use annals::model::{ActorKind, Moment};
use annals::query::{self, Filter, QueryIndex};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn queries(c: &mut Criterion) {
    for events in bench_data::SIZES {
        let path = bench_data::dataset_file(events);
        let dataset = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .expect("the generated dataset loads");
        let index = QueryIndex::new(&dataset);
        let label = bench_data::label(events);
        // The most active country of the generator comes first.
        let country = dataset
            .actors
            .iter()
            .find(|a| a.kind == ActorKind::Country)
            .expect("a generated dataset has countries");
        let filters = [
            (
                "actor",
                Filter {
                    actors: [country.id.clone()].into(),
                    ..Filter::default()
                },
            ),
            (
                "topic",
                Filter {
                    topics: ["economy".to_string()].into(),
                    ..Filter::default()
                },
            ),
            (
                "text",
                Filter {
                    text: country.name.chars().take(4).collect(),
                    ..Filter::default()
                },
            ),
        ];
        let mut group = bench_data::flat_group(c, "filter");
        for (facet, filter) in &filters {
            group.bench_with_input(BenchmarkId::new(*facet, &label), filter, |b, filter| {
                b.iter(|| query::select(&dataset, &index, filter))
            });
        }
        group.finish();

        // What the filter panel recounts beside every box when a filter changes.
        let mut group = bench_data::flat_group(c, "facet_counts");
        for (facet, filter) in &filters {
            group.bench_with_input(BenchmarkId::new(*facet, &label), filter, |b, filter| {
                b.iter(|| index.facet_counts(filter))
            });
        }
        group.finish();

        let mut group = c.benchmark_group("visible_range");
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
        for (span, from, to) in [("1y", 1990, 1991), ("10y", 1990, 2000)] {
            let (start, end) = (Moment::from_ymd(from, 1, 1), Moment::from_ymd(to, 1, 1));
            group.bench_function(BenchmarkId::new(span, &label), |b| {
                b.iter(|| index.time_index().overlapping(start, end))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, queries);
criterion_main!(benches);
