//! How long the canvas takes to lay out 100,000 events: the work done once per
//! zoom level (stacking or density), and the binary search done every frame.

use std::collections::BTreeSet;
use std::hint::black_box;

use annals::index::TimeIndex;
use annals::model::{Actor, ActorKind, Dataset, EdtfDate, Event, EventKind, Moment};
use annals::timeline::lane_times::LaneTimes;
use annals::timeline::layout::{Layout, LayoutKey, LayoutSource};
use annals::timeline::marks::label::{TextMeasure, TitleWidths};
use annals::timeline::{LaneMode, Lanes, TimeAxis, TimeRange};
use criterion::{Criterion, criterion_group, criterion_main};

fn synthetic(events: usize) -> Dataset {
    let ids = ["IRN", "TJK", "AFG", "RUS", "CHN", "SCO"];
    let actors = ids
        .iter()
        .map(|id| Actor {
            id: id.to_string(),
            name: id.to_string(),
            kind: ActorKind::Country,
            roles: Vec::new(),
            aliases: Vec::new(),
            wikidata: None,
            names: Default::default(),
        })
        .collect();
    let mut seed: u64 = 7;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        seed >> 33
    };
    let events = (0..events)
        .filter_map(|i| {
            let year = 1900 + next() % 126;
            let month = 1 + next() % 12;
            let day = 1 + next() % 28;
            let text = match next() % 10 {
                0 => format!("{year}"),
                1 => format!("{year}-{month:02}"),
                _ => format!("{year}-{month:02}-{day:02}"),
            };
            let date = EdtfDate::parse(&text).ok()?;
            let a = (next() % 6) as usize;
            let b = (a + 1 + (next() % 5) as usize) % 6;
            Some(Event {
                id: format!("e{i}").into(),
                kind: EventKind::Visit,
                cameo: None,
                date,
                title: format!("Event number {i}").into(),
                actors: vec![ids[a].to_string()].into(),
                counterparts: vec![ids[b].to_string()].into(),
                topics: Default::default(),
                place: None,
                at: None,
                summary: Default::default(),
                sources: Default::default(),
                note: None,
            })
        })
        .collect();
    Dataset {
        title: "Synthetic".to_string(),
        description: String::new(),
        actors,
        topics: Vec::new(),
        events,
        eras: Vec::new(),
        actor_lookup: Default::default(),
        topic_lookup: Default::default(),
    }
}

fn layout(c: &mut Criterion) {
    let dataset = synthetic(100_000);
    let index = TimeIndex::new(&dataset);
    let lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
    let lane_times = LaneTimes::new(&index, &lanes);
    let shown = annals::query::EventSet::all(dataset.events.len());
    let measure = TextMeasure::uniform(7.0);
    // Kept between layouts, as the viewer keeps it between zoom steps.
    let titles = TitleWidths::new(dataset.events.len());
    let all = TimeRange::new(
        Moment::from_ymd(1895, 1, 1).0 as f64,
        Moment::from_ymd(2030, 1, 1).0 as f64,
    );
    let two_months = TimeRange::new(
        Moment::from_ymd(1957, 1, 1).0 as f64,
        Moment::from_ymd(1957, 3, 1).0 as f64,
    );
    for (name, range) in [
        ("all 100k in view", all),
        ("two months in view", two_months),
    ] {
        let axis = TimeAxis::new(range, 200.0, 1200.0);
        c.bench_function(&format!("layout: {name}"), |b| {
            b.iter(|| {
                let key = LayoutKey::for_axis(&axis, 1);
                let source = LayoutSource {
                    dataset: &dataset,
                    index: &index,
                    lanes: &lanes,
                    lane_times: &lane_times,
                    shown: &shown,
                    all_shown: true,
                    measure: &measure,
                    titles: &titles,
                };
                black_box(Layout::build(key, &source))
            })
        });
    }
    c.bench_function("visible events: binary search, two months", |b| {
        b.iter(|| {
            black_box(index.overlapping(
                Moment(two_months.start as i64),
                Moment(two_months.end as i64),
            ))
        })
    });
}

criterion_group!(benches, layout);
criterion_main!(benches);
