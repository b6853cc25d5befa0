//! Large datasets: the generator, the parallel reader and loading in the background.

use std::path::Path;

use annals::dataset::{self, DatasetError};
use annals::generate::{COUNTRIES, FIRST_YEAR, LAST_YEAR, generate};
use annals::import::BackgroundLoad;
use annals::model::{ActorKind, Dataset, EventKind, Moment, Precision};

fn ron_of(dataset: &Dataset) -> String {
    let mut bytes = Vec::new();
    dataset::write_ron(dataset, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn generated_text(events: usize, seed: u64) -> String {
    ron_of(&generate(events, seed))
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_differs() {
    let a = generated_text(3_000, 11);
    let b = generated_text(3_000, 11);
    let c = generated_text(3_000, 12);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn a_generated_dataset_is_valid_and_has_a_realistic_shape() {
    let n = 20_000;
    let text = generated_text(n, 5);
    let d = dataset::parse_str("generated.ron", &text).unwrap();
    assert_eq!(d.events.len(), n);

    let countries = d
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Country)
        .count();
    assert_eq!(countries, COUNTRIES);
    let people = d
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .collect::<Vec<_>>();
    assert!(people.len() > countries, "{} people", people.len());
    assert!(people.iter().all(|p| !p.roles.is_empty()));
    assert!(d.topics.iter().any(|t| t.parent.is_some()));
    assert!(d.topics.iter().any(|t| t.parent.is_none()));

    let share = |pred: &dyn Fn(&annals::model::Event) -> bool| {
        d.events.iter().filter(|e| pred(e)).count() as f64 / n as f64
    };
    let coarse = share(&|e| e.date.precision() < Precision::Day);
    assert!((0.08..0.12).contains(&coarse), "coarse dates: {coarse}");
    let intervals = share(&|e| e.date.is_interval());
    assert!((0.04..0.06).contains(&intervals), "intervals: {intervals}");
    let uncertain = share(&|e| e.date.is_uncertain());
    assert!((0.01..0.05).contains(&uncertain), "uncertain: {uncertain}");
    let visits = share(&|e| e.kind == EventKind::Visit);
    let recognitions = share(&|e| e.kind == EventKind::Recognition);
    assert!(visits > 5.0 * recognitions, "{visits} vs {recognitions}");
    let participants = d
        .events
        .iter()
        .map(|e| e.participants().count())
        .sum::<usize>() as f64
        / n as f64;
    assert!(participants >= 2.0, "{participants} actors per event");

    let first = Moment::from_ymd(FIRST_YEAR, 1, 1);
    let last = Moment::from_ymd(LAST_YEAR + 1, 1, 1);
    assert!(
        d.events
            .iter()
            .all(|e| e.date.earliest() >= first && e.date.latest() <= last.add_days(7))
    );
    // Later decades are busier than early ones.
    let before_1930 = share(&|e| e.date.earliest() < Moment::from_ymd(1930, 1, 1));
    let after_1995 = share(&|e| e.date.earliest() >= Moment::from_ymd(1995, 1, 1));
    assert!(
        after_1995 > 2.0 * before_1930,
        "{after_1995} vs {before_1930}"
    );
}

#[test]
fn the_parallel_reader_equals_the_sequential_one_on_the_curated_dataset() {
    let parallel = dataset::parse_str(dataset::EMBEDDED_NAME, dataset::EMBEDDED_RON).unwrap();
    let sequential =
        dataset::parse_str_sequential(dataset::EMBEDDED_NAME, dataset::EMBEDDED_RON).unwrap();
    assert_eq!(parallel, sequential);
}

#[test]
fn the_parallel_reader_equals_the_sequential_one_on_a_generated_dataset() {
    let text = generated_text(10_000, 2);
    assert!(text.len() > 1_000_000, "large enough to be cut into runs");
    let parallel = dataset::parse_str("g.ron", &text).unwrap();
    let sequential = dataset::parse_str_sequential("g.ron", &text).unwrap();
    assert_eq!(parallel, sequential);
    assert_eq!(parallel, generate(10_000, 2));
}

/// The generated text with the line of event `e0009000` changed by `edit`,
/// and that line's number.
fn corrupt_event_9000(edit: impl Fn(&str) -> String) -> (String, usize) {
    let text = generated_text(10_000, 4);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .position(|l| l.contains("id: \"e0009000\""))
        .unwrap();
    let edited = edit(&lines[at]);
    assert_ne!(edited, lines[at]);
    lines[at] = edited;
    (lines.join("\n"), at + 1)
}

fn problem_lines(error: &DatasetError) -> Vec<String> {
    error.lines()
}

#[test]
fn a_syntax_error_late_in_a_large_file_is_reported_at_its_line() {
    let (text, line) = corrupt_event_9000(|l| l.replacen("kind: ", "kind: Vizit", 1));
    let error = dataset::parse_str("big.ron", &text).unwrap_err();
    let lines = problem_lines(&error);
    assert!(
        lines[0].starts_with(&format!("big.ron:{line}:")),
        "expected line {line}: {lines:?}"
    );
    let sequential = dataset::parse_str_sequential("big.ron", &text).unwrap_err();
    assert_eq!(lines, problem_lines(&sequential));
}

#[test]
fn a_dangling_reference_late_in_a_large_file_is_reported_at_its_line() {
    let (text, line) =
        corrupt_event_9000(|l| l.replacen("actors: [\"", "actors: [\"NOWHERE\", \"", 1));
    let error = dataset::parse_str("big.ron", &text).unwrap_err();
    let lines = problem_lines(&error);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("big.ron:{line}:"))
            && lines[0].contains("event \"e0009000\" names unknown actor \"NOWHERE\""),
        "expected line {line}: {lines:?}"
    );
    let sequential = dataset::parse_str_sequential("big.ron", &text).unwrap_err();
    assert_eq!(lines, problem_lines(&sequential));
}

#[test]
fn a_duplicate_id_late_in_a_large_file_names_the_first_use() {
    let (text, line) = corrupt_event_9000(|l| l.replacen("e0009000", "e0000007", 1));
    let error = dataset::parse_str("big.ron", &text).unwrap_err();
    let lines = problem_lines(&error);
    assert_eq!(
        lines,
        problem_lines(&dataset::parse_str_sequential("big.ron", &text).unwrap_err())
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("big.ron:{line}:"))
                && l.contains("duplicate event id \"e0000007\" (first used by events[7])")),
        "{lines:?}"
    );
}

fn write_generated(dir: &Path, events: usize) -> std::path::PathBuf {
    let path = dir.join(format!("g{events}.ron"));
    std::fs::write(&path, generated_text(events, 9)).unwrap();
    path
}

/// Polls until the load is over, recording the progress seen on the way.
fn wait(load: &mut BackgroundLoad) -> (Result<Dataset, DatasetError>, Vec<f32>) {
    let mut seen = vec![load.progress()];
    loop {
        if let Some(result) = load.poll() {
            seen.push(load.progress());
            return (result.map(|o| o.dataset), seen);
        }
        let p = load.progress();
        if seen.last() != Some(&p) {
            seen.push(p);
        }
        std::thread::yield_now();
    }
}

#[test]
fn a_background_load_gives_what_a_foreground_load_gives_and_its_progress_moves() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_generated(dir.path(), 30_000);
    let mut load = BackgroundLoad::start(&path);
    assert_eq!(load.path(), path);
    let (result, seen) = wait(&mut load);
    assert_eq!(
        result.unwrap(),
        annals::import::open_path(&path, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .unwrap()
    );
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&1.0));
    assert!(seen.iter().any(|&p| p > 0.0 && p < 1.0), "{seen:?}");
    assert!(load.poll().is_none(), "the result is handed over once");
}

#[test]
fn a_background_load_reports_a_bad_file_like_a_foreground_load() {
    let mut load = BackgroundLoad::start(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unknown-actor.ron"),
    );
    let (result, _) = wait(&mut load);
    let foreground = annals::import::open_path(load.path(), annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap_err();
    assert_eq!(result.unwrap_err().lines(), foreground.lines());
}

#[test]
fn a_cancelled_background_load_stops_and_delivers_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_generated(dir.path(), 30_000);
    let mut load = BackgroundLoad::start(&path);
    load.cancel();
    while load.is_running() {
        std::thread::yield_now();
    }
    assert!(load.poll().is_none());
    assert!(load.progress() < 1.0, "the work stopped before the end");
}

#[test]
fn generate_writes_a_valid_file_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gen.ron");
    let annals = crate::support::annals;
    let path = out.to_str().unwrap();
    let first = annals(&["generate", "--events", "500", "--seed", "3", "-o", path]);
    assert_eq!(first.status.code(), Some(0));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        annals::import::open_path(&out, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .unwrap()
            .events
            .len(),
        500,
        "the written file loads"
    );

    let again = annals(&["generate", "--events", "10", "-o", path]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), bytes, "the file is untouched");

    let forced = annals(&[
        "generate", "--events", "500", "--seed", "3", "-o", path, "--force",
    ]);
    assert_eq!(forced.status.code(), Some(0));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        bytes,
        "the same seed, the same bytes"
    );
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");

    let check = annals(&["check", path]);
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn loading_a_large_file_equals_the_sequential_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_generated(dir.path(), 10_000);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        annals::import::open_path(&path, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .unwrap(),
        dataset::parse_str_sequential("g.ron", &text).unwrap()
    );
}

#[test]
fn a_problem_late_in_a_large_file_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    for (text, line) in [
        corrupt_event_9000(|l| l.replacen("kind: ", "kind: Vizit", 1)),
        corrupt_event_9000(|l| l.replacen("topics: [\"", "topics: [\"nowhere\", \"", 1)),
    ] {
        std::fs::write(&path, &text).unwrap();
        let error = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
            .map(|o| o.dataset)
            .unwrap_err();
        let lines = problem_lines(&error);
        let name = path.display().to_string();
        assert!(
            lines[0].starts_with(&format!("{name}:{line}:")),
            "expected line {line}: {lines:?}"
        );
        assert_eq!(
            lines,
            problem_lines(&dataset::parse_str_sequential(&name, &text).unwrap_err())
        );
    }
}
