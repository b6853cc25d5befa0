//! The cache of parsed datasets: encoding a dataset into its binary form,
//! reading it back, and sealing it (the SHA-256 of its bytes).

mod bench_data;

use annals::cache::payload;
use annals::import::{FormatChoice, open_path};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use sha2::Digest;

fn cache(c: &mut Criterion) {
    let mut group = bench_data::flat_group(c, "cache");
    for events in bench_data::SIZES {
        let dataset = open_path(&bench_data::dataset_file(events), FormatChoice::Auto)
            .expect("the generated dataset loads")
            .dataset;
        let label = bench_data::label(events);
        let encoded = payload::encode(&dataset).expect("the dataset encodes");
        let bytes: Vec<u8> = encoded.pieces().flatten().copied().collect();
        group.bench_function(BenchmarkId::new("encode", &label), |b| {
            b.iter_with_large_drop(|| payload::encode(&dataset))
        });
        group.bench_function(BenchmarkId::new("decode", &label), |b| {
            b.iter_with_large_drop(|| payload::decode(&bytes))
        });
        group.bench_function(BenchmarkId::new("seal", &label), |b| {
            b.iter(|| sha2::Sha256::digest(&bytes))
        });
    }
    group.finish();
}

criterion_group!(benches, cache);
criterion_main!(benches);
