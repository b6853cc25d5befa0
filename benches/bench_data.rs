//! Generated datasets for the benchmarks, written once per size and seed under
//! `target/bench-data/` so that reruns do not generate them again.

use std::path::PathBuf;
use std::time::Duration;

use annals::dataset;
use annals::generate::generate;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode};

/// The dataset sizes every benchmark runs at.
pub const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// The seed of the benchmark datasets.
pub const SEED: u64 = 1;

/// The file of `events` generated events, written on first use.
pub fn dataset_file(events: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let folder = target.join("bench-data");
    let path = folder.join(format!("events-{events}-seed-{SEED}.ron"));
    if !path.exists() {
        std::fs::create_dir_all(&folder).expect("the bench-data folder can be created");
        let partial = folder.join(format!(".events-{events}-seed-{SEED}.ron.partial"));
        let file = std::fs::File::create(&partial).expect("the bench data can be written");
        let mut out = std::io::BufWriter::new(file);
        dataset::write_ron(&generate(events, SEED), &mut out).expect("the bench data is written");
        drop(out);
        std::fs::rename(&partial, &path).expect("the bench data is moved into place");
    }
    path
}

/// A human label for a size: `10k`, `100k`, `1M`.
pub fn label(events: usize) -> String {
    if events >= 1_000_000 {
        format!("{}M", events / 1_000_000)
    } else {
        format!("{}k", events / 1_000)
    }
}

/// A group for slow benchmarks: ten flat samples, a short warm-up and a
/// three-second window, so that a full `cargo bench` stays short on 2 cores.
pub fn flat_group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group
}
