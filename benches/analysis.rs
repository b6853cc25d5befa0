//! Counting the selected events per period (what the chart redraws after a
//! filter change, with its top groups) and per pair of actors (the matrix).

mod bench_data;

use annals::analysis::{CountIndex, Grouping, PeriodUnit};
use annals::export::TOP_SERIES;
use annals::model::{ActorKind, Moment};
use annals::query::{EventSet, Filter, QueryIndex};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn analysis(c: &mut Criterion) {
    for events in bench_data::SIZES {
        let path = bench_data::dataset_file(events);
        let dataset = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .expect("the generated dataset loads");
        let index = QueryIndex::new(&dataset);
        let label = bench_data::label(events);
        let country = dataset
            .actors
            .iter()
            .find(|a| a.kind == ActorKind::Country)
            .expect("a generated dataset has countries");
        let everything = index.matching(&Filter::default());
        let one_country = index.matching(&Filter {
            actors: [country.id.clone()].into(),
            ..Filter::default()
        });

        let mut group = bench_data::flat_group(c, "count_index");
        group.bench_function(BenchmarkId::new("build", &label), |b| {
            b.iter(|| {
                let counts = CountIndex::new(&dataset);
                counts.period_counts(&everything, PeriodUnit::Year, Grouping::Kind, None)
            })
        });
        group.finish();

        let counts = CountIndex::new(&dataset);
        for unit in PeriodUnit::ALL {
            counts.period_counts(&everything, unit, Grouping::None, None);
        }
        // The chart after a filter change: every event (the heaviest case) or
        // one country's, by year over everything, by week over one year.
        let year_2020 = Some((Moment::from_ymd(2020, 1, 1), Moment::from_ymd(2021, 1, 1)));
        let cases = [
            (
                "all/year/kind",
                &everything,
                PeriodUnit::Year,
                Grouping::Kind,
                None,
            ),
            (
                "all/year/actor",
                &everything,
                PeriodUnit::Year,
                Grouping::Actor,
                None,
            ),
            (
                "all/year/topic",
                &everything,
                PeriodUnit::Year,
                Grouping::Topic,
                None,
            ),
            (
                "all/day/kind",
                &everything,
                PeriodUnit::Day,
                Grouping::Kind,
                None,
            ),
            (
                "all/week-of-2020/actor",
                &everything,
                PeriodUnit::Week,
                Grouping::Actor,
                year_2020,
            ),
            (
                "country/month/kind",
                &one_country,
                PeriodUnit::Month,
                Grouping::Kind,
                None,
            ),
        ];
        let mut group = bench_data::flat_group(c, "period_counts");
        for (name, selection, unit, grouping, window) in cases {
            group.bench_function(BenchmarkId::new(name, &label), |b| {
                b.iter(|| counts.period_counts(selection, unit, grouping, window))
            });
        }
        group.finish();

        // What View ▸ Chart computes after a filter change: the shown events
        // as a set, then the top dozen groups and the rest, over every period
        // of the unit (panning then only picks the periods in view).
        let shown: Vec<u32> = everything.iter().collect();
        let mut group = bench_data::flat_group(c, "chart_counts");
        group.bench_function(BenchmarkId::new("shown-set", &label), |b| {
            b.iter(|| {
                let mut set = EventSet::none(dataset.events.len());
                set.insert_all(&shown);
                set
            })
        });
        for (name, unit, grouping) in [
            ("all/year/actor", PeriodUnit::Year, Grouping::Actor),
            ("all/year/topic", PeriodUnit::Year, Grouping::Topic),
            ("all/day/kind", PeriodUnit::Day, Grouping::Kind),
            ("all/week/actor", PeriodUnit::Week, Grouping::Actor),
        ] {
            group.bench_function(BenchmarkId::new(name, &label), |b| {
                b.iter(|| counts.period_counts_top(&everything, unit, grouping, TOP_SERIES))
            });
            // A zoom to another unit: the groups are kept, the periods counted again.
            let groups = counts.top_groups(&everything, grouping, TOP_SERIES);
            let zoom = format!("{name}/zoom");
            group.bench_function(BenchmarkId::new(zoom, &label), |b| {
                b.iter(|| counts.period_counts_of(&everything, unit, &groups))
            });
        }
        group.finish();

        let mut group = bench_data::flat_group(c, "pair_counts");
        group.bench_function(BenchmarkId::new("all/rolled-up", &label), |b| {
            b.iter(|| counts.pair_counts(&everything, true).matrix(30))
        });
        // What the open matrix does on a filter change: the tally of every
        // event and of the last selection kept, the next counted from the nearer.
        let all = counts.pair_tally(&everything, true, &[]);
        let country = counts.pair_tally(&one_country, true, &[&all]);
        group.bench_function(BenchmarkId::new("tick a country", &label), |b| {
            b.iter(|| {
                let tally = counts.pair_tally(&one_country, true, &[&all, &country]);
                counts.matrix_of(&tally, 30)
            })
        });
        group.bench_function(BenchmarkId::new("clear the filter", &label), |b| {
            b.iter(|| {
                let tally = counts.pair_tally(&everything, true, &[&all, &country]);
                counts.matrix_of(&tally, 30)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, analysis);
criterion_main!(benches);
