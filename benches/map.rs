//! The map at scale: locating every event once per dataset, and counting the
//! shown events per country, place and link after a filter change.

mod bench_data;

use std::collections::HashMap;
use std::path::PathBuf;

use annals::analysis::{CountIndex, MapIndex};
use annals::geography::gazetteer;
use annals::model::{ActorKind, Coordinates, Dataset, IdList};
use annals::query::{Filter, QueryIndex};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// The generated dataset of `events` events with its countries given real
/// codes (so that they have capitals and outlines), its places written as
/// those capitals' names, and a quarter of them as coordinates beside them.
fn placed_file(events: usize) -> PathBuf {
    let path = bench_data::dataset_file(events)
        .with_file_name(format!("placed-{events}-seed-{}.ron", bench_data::SEED));
    if path.exists() {
        return path;
    }
    let mut dataset = annals::generate::generate(events, bench_data::SEED);
    let capitals: Vec<(String, String, Coordinates)> = gazetteer()
        .places()
        .iter()
        .filter(|p| p.capital)
        .map(|p| (p.country.to_string(), p.name.to_string(), p.at))
        .collect();
    let mut real: HashMap<String, usize> = HashMap::new();
    for actor in dataset
        .actors
        .iter_mut()
        .filter(|a| a.kind == ActorKind::Country)
    {
        let i = real.len() % capitals.len();
        real.insert(actor.id.clone(), i);
        actor.id = capitals[i].0.clone();
    }
    let renamed = |ids: &IdList| -> IdList {
        ids.iter()
            .map(|id| {
                real.get(id)
                    .map_or(id, |&i| capitals[i].0.as_str())
                    .to_string()
            })
            .collect()
    };
    for actor in &mut dataset.actors {
        for role in &mut actor.roles {
            if let Some(&i) = real.get(&role.of) {
                role.of = capitals[i].0.clone();
            }
        }
    }
    for (e, event) in dataset.events.iter_mut().enumerate() {
        let host = event
            .counterparts
            .iter()
            .chain(event.actors.iter())
            .find_map(|id| real.get(id).copied());
        event.actors = renamed(&event.actors);
        event.counterparts = renamed(&event.counterparts);
        if let (Some(_), Some(i)) = (&event.place, host) {
            let (_, name, at) = &capitals[i];
            event.place = Some(name.as_str().into());
            if e % 4 == 0 {
                event.at = Some(Coordinates(at.lat() + 0.01, at.lon() + 0.01));
            }
        }
    }
    let file = std::fs::File::create(&path).expect("the bench data can be written");
    annals::dataset::write_ron(&dataset, &mut std::io::BufWriter::new(file))
        .expect("the bench data is written");
    path
}

fn map(c: &mut Criterion) {
    for events in bench_data::SIZES {
        let path = placed_file(events);
        let dataset: Dataset = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .expect("the placed dataset loads");
        let label = bench_data::label(events);
        let index = QueryIndex::new(&dataset);
        let counts = CountIndex::new(&dataset);
        let mut group = bench_data::flat_group(c, "map");
        group.bench_function(BenchmarkId::new("locate", &label), |b| {
            b.iter(|| MapIndex::new(&dataset, &counts))
        });
        let map = MapIndex::new(&dataset, &counts);
        let country = map.countries[0].id.clone();
        for (name, filter) in [
            ("count all", Filter::default()),
            (
                "count one country",
                Filter {
                    actors: [country].into(),
                    ..Filter::default()
                },
            ),
            (
                "count visits",
                Filter {
                    kinds: ["visit".to_string()].into(),
                    ..Filter::default()
                },
            ),
        ] {
            let selection = index.matching(&filter);
            group.bench_function(BenchmarkId::new(name, &label), |b| {
                b.iter(|| map.count(&counts, &selection, None))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, map);
criterion_main!(benches);
