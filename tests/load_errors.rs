//! One bad file per validation rule: each gives the right message at the right line.

use std::path::PathBuf;

use annals::dataset::{self, DatasetError};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Loads a bad file and returns its problems as `LINE: message` lines.
fn problems(name: &str) -> Vec<String> {
    match annals::import::open_path(&data(name), annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
    {
        Ok(_) => panic!("{name} loaded, but it is invalid"),
        Err(error @ DatasetError::Invalid { .. }) => error
            .lines()
            .iter()
            .map(|line| {
                let rest = line.split_once(".ron:").map(|(_, r)| r).unwrap_or(line);
                let (line_no, rest) = rest.split_once(':').unwrap_or(("?", rest));
                let message = rest.split_once(": ").map(|(_, m)| m).unwrap_or(rest);
                format!("{line_no}: {message}")
            })
            .collect(),
        Err(other) => panic!("{name}: unexpected error {other}"),
    }
}

fn assert_problem(name: &str, line: usize, needle: &str) {
    let found = problems(name);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("{line}: ")) && p.contains(needle)),
        "{name}: expected a problem at line {line} containing {needle:?}, got {found:#?}"
    );
}

#[test]
fn every_line_has_file_line_and_column() {
    let path = data("unknown-field.ron");
    let error = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap_err();
    let line = &error.lines()[0];
    let prefix = format!("{}:11:", path.display());
    assert!(line.starts_with(&prefix), "{line}");
    let col = line[prefix.len()..].split(':').next().unwrap();
    assert!(col.parse::<usize>().unwrap() > 1, "{line}");
}

#[test]
fn syntax_error() {
    assert_problem("syntax-error.ron", 11, "comma");
}

#[test]
fn unknown_field_suggests_the_right_one() {
    assert_problem("unknown-field.ron", 11, "unknown field `titel`");
    assert_problem("unknown-field.ron", 11, "did you mean `title`?");
}

#[test]
fn unknown_kind() {
    assert_problem("unknown-kind.ron", 11, "unknown event kind `Vsit`");
    assert_problem("unknown-kind.ron", 11, "did you mean `Visit`?");
}

#[test]
fn missing_required_field() {
    let found = problems("missing-field.ron");
    assert!(
        found[0].contains("missing required field `title`"),
        "{found:?}"
    );
    let line: usize = found[0].split(':').next().unwrap().parse().unwrap();
    assert!((11..=16).contains(&line), "{found:?}");
}

#[test]
fn duplicate_id_points_at_the_second() {
    assert_problem("duplicate-id.ron", 12, "duplicate event id \"a\"");
}

#[test]
fn unknown_actor_is_named_with_a_suggestion() {
    assert_problem(
        "unknown-actor.ron",
        12,
        "event \"a\" names unknown actor \"TKJ\"",
    );
    assert_problem("unknown-actor.ron", 12, "did you mean \"TJK\"?");
}

#[test]
fn unknown_topic() {
    assert_problem("unknown-topic.ron", 12, "unknown topic \"securty\"");
}

#[test]
fn unknown_role_organization() {
    assert_problem(
        "unknown-role-org.ron",
        7,
        "belongs to unknown actor \"judiciary\"",
    );
}

#[test]
fn unknown_topic_parent() {
    assert_problem("topic-unknown-parent.ron", 6, "unknown parent \"secrity\"");
}

#[test]
fn topic_cycle_is_reported_for_each_member() {
    for line in 5..=7 {
        assert_problem("topic-cycle.ron", line, "cycle");
    }
}

#[test]
fn every_impossible_date_is_reported_not_only_the_first() {
    assert_problem("impossible-dates.ron", 11, "\"2022-13-45\"");
    assert_problem("impossible-dates.ron", 12, "\"2022-02-30\"");
    assert_problem("impossible-dates.ron", 13, "\"next tuesday\"");
    assert_eq!(problems("impossible-dates.ron").len(), 3);
}

#[test]
fn interval_that_ends_before_it_starts() {
    assert_problem("reversed-interval.ron", 11, "end precedes");
}

#[test]
fn an_event_without_actors_is_valid() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/no-actors.ron");
    let dataset = annals::import::open_path(&path, annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .expect("an event needs no actors");
    assert!(dataset.events[0].actors.is_empty() && dataset.events[0].counterparts.is_empty());
}

#[test]
fn empty_title() {
    assert_problem("empty-title.ron", 11, "event \"a\" has an empty title");
}

#[test]
fn cameo_code_must_be_two_to_four_digits() {
    let found = problems("bad-cameo.ron");
    assert_problem("bad-cameo.ron", 13, "event \"b\" has CAMEO code \"0621x\"");
    assert_problem("bad-cameo.ron", 14, "a CAMEO code is 2 to 4 digits");
    assert!(
        !found.iter().any(|p| p.starts_with("12: ")),
        "a two-digit root code is a CAMEO code: {found:#?}"
    );
}

#[test]
fn role_sources_dates_are_checked() {
    assert_problem("bad-cameo.ron", 8, "\"2013-11-31\"");
}

#[test]
fn names_need_a_language_tag_and_text() {
    let found = problems("bad-names.ron");
    assert_problem(
        "bad-names.ron",
        6,
        "actor \"TJK\" has a name under \"tg_Cyrl\", which is not a BCP 47 language tag",
    );
    assert_problem(
        "bad-names.ron",
        8,
        "actor \"rahmon\" has an empty name under \"tg\"",
    );
    assert_problem(
        "bad-names.ron",
        10,
        "actor \"raisi\" has two names under the same language tag",
    );
    assert_eq!(found.len(), 3, "well-formed names are accepted: {found:#?}");
}

#[test]
fn not_a_dataset() {
    assert_problem("not-a-dataset.ron", 1, "Dataset");
}

#[test]
fn truncated_file() {
    let found = problems("truncated.ron");
    assert!(found[0].contains("ends too early"), "{found:?}");
}

#[test]
fn empty_file() {
    let error = annals::import::open_path(&data("empty.ron"), annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap_err()
        .to_string();
    assert!(error.contains("the file is empty"), "{error}");
}

#[test]
fn not_utf8() {
    assert_problem("latin1.ron", 1, "not UTF-8");
}

#[test]
fn binary_garbage() {
    let error = annals::import::open_path(&data("garbage.ron"), annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap_err()
        .to_string();
    assert!(error.contains("not a text file"), "{error}");
}

#[test]
fn byte_order_mark_is_accepted() {
    let dataset = annals::import::open_path(&data("bom.ron"), annals::import::FormatChoice::Auto)
        .map(|o| o.dataset)
        .unwrap();
    assert_eq!(dataset.title, "With a byte order mark");
}

#[test]
fn absurd_nesting_is_refused_without_overflowing_the_stack() {
    let text = format!(
        "Dataset(title: \"deep\", description: {}1{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = dataset::parse_str("deep.ron", &text)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("deep.ron:1:"), "{error}");
}

#[test]
fn unreadable_file() {
    let error = annals::import::open_path(
        &data("does-not-exist.ron"),
        annals::import::FormatChoice::Auto,
    )
    .map(|o| o.dataset)
    .unwrap_err();
    assert!(matches!(error, DatasetError::Unreadable { .. }));
    assert!(error.to_string().contains("cannot read the file"));
}

#[test]
fn problems_are_capped() {
    let mut text = String::from(
        "Dataset(title: \"many\", actors: [Actor(id: \"A\", name: \"A\", kind: Country)], events: [\n",
    );
    for i in 0..500 {
        text.push_str(&format!("Event(id: \"e{i}\", kind: Visit, date: \"2022-02-30\", title: \"t\", actors: [\"A\"]),\n"));
    }
    text.push_str("])");
    let error = dataset::parse_str("many.ron", &text).unwrap_err();
    let lines = error.lines();
    assert_eq!(lines.len(), dataset::MAX_PROBLEMS + 1);
    assert!(lines.last().unwrap().contains("400 more problems"));
    assert!(lines[0].starts_with("many.ron:2:"), "{}", lines[0]);
}
