//! Editing a large dataset: applying an edit (checked by the loader's rules)
//! and undoing it, at 100k and 1M events; and saving a million-event file
//! with one changed event, which writes the file's bytes around the change.

mod bench_data;

use std::time::Duration;

use annals::edit::{Document, Edit};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn open(events: usize) -> Document {
    let path = bench_data::dataset_file(events);
    Document::open(&path).expect("the bench data loads")
}

/// The edit that gives the event in the middle of the list a new summary.
fn summary_change(document: &Document, summary: &str) -> Edit {
    let dataset = document.dataset();
    let mut event = dataset.events[dataset.events.len() / 2].clone();
    event.summary = summary.into();
    Edit::change_event(&event.id.clone(), event)
}

fn apply(c: &mut Criterion) {
    let mut group = bench_data::flat_group(c, "edit/apply");
    // At 100k and 1M events: the sizes where the cost of a list's length shows.
    for events in bench_data::SIZES.into_iter().filter(|&n| n >= 100_000) {
        let mut document = open(events);
        let label = bench_data::label(events);
        let change = summary_change(&document, "Changed in the bench.");
        group.bench_function(BenchmarkId::new("change-and-undo", &label), |b| {
            b.iter(|| {
                let inverse = change.clone().apply(&mut document).unwrap();
                inverse.apply(&mut document).unwrap();
            })
        });
        let mut added = document.dataset().events[0].clone();
        added.id = document
            .new_event_id(added.date.text(), "Added in the bench")
            .into();
        let add = Edit::add_event(added);
        group.bench_function(BenchmarkId::new("add-and-undo", &label), |b| {
            b.iter(|| {
                let inverse = add.clone().apply(&mut document).unwrap();
                inverse.apply(&mut document).unwrap();
            })
        });
        let middle = document.dataset().events[events / 2].id.clone();
        let remove = Edit::remove_event(&middle);
        group.bench_function(BenchmarkId::new("remove-and-undo", &label), |b| {
            b.iter(|| {
                let inverse = remove.clone().apply(&mut document).unwrap();
                inverse.apply(&mut document).unwrap();
            })
        });
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let mut group = bench_data::flat_group(c, "edit/save-one-change");
    group.measurement_time(Duration::from_secs(20));
    let events = 1_000_000;
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("events.ron");
    std::fs::copy(bench_data::dataset_file(events), &path).expect("the bench data is copied");
    let mut document = Document::open(&path).expect("the copy loads");
    let mut round = 0u64;
    group.bench_function(
        BenchmarkId::from_parameter(bench_data::label(events)),
        |b| {
            b.iter(|| {
                round += 1;
                let change = summary_change(&document, &format!("Saved in round {round}."));
                change.apply(&mut document).unwrap();
                document.save().unwrap();
            })
        },
    );
    group.finish();
}

criterion_group!(benches, apply, save);
criterion_main!(benches);
