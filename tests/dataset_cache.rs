//! The cache of parsed datasets: a second opening reads what the first kept,
//! and gives the very dataset a parse gives; an entry that is corrupt,
//! truncated, from another version or for other content is never trusted.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use annals::cache::{self, Cache};
use annals::dataset;
use annals::import::{ImportOptions, Input, open_all};
use annals::model::Dataset;

use crate::support::{annals, text};

/// A small dataset that has every kind of field: roles with sources and
/// notes, names in other scripts, a topic under another, an era with its
/// colour, events with a CAMEO code, a place, sources and a note.
const SMALL: &str = r##"Dataset(
    title: "Small",
    description: "Every kind of field",
    actors: [
        Actor(id: "IRN", name: "Iran", kind: Country, names: {"fa": "ایران"}),
        Actor(id: "TJK", name: "Tajikistan", kind: Country, aliases: ["Tojikiston"]),
        Actor(id: "raisi", name: "Ebrahim Raisi", kind: Person, roles: [
            Role(title: "President", of: "IRN", from: "2021-08-03", to: "2024-05-19",
                sources: [Source(publisher: "IRNA", url: "https://example.org/r", published: "2021-08")],
                note: "Sworn in two days later."),
        ], wikidata: "Q5928"),
    ],
    topics: [
        Topic(id: "security", name: "Security"),
        Topic(id: "border", name: "Border", parent: Some("security")),
    ],
    events: [
        Event(id: "visit", kind: Visit, date: "2022-05-30/2022-05-31?", title: "Raisi visits Dushanbe",
            actors: ["raisi"], counterparts: ["TJK"], topics: ["border"], place: "Dushanbe",
            summary: "A state visit.", cameo: "042",
            sources: [Source(publisher: "Tehran Times", title: "Visit", published: "2022-05-31")],
            note: "Dates as reported."),
        Event(id: "call", kind: PhoneCall, date: "2021~", title: "A call", actors: ["IRN", "TJK"]),
        Event(id: "own", kind: Other("Festival"), date: "2023-03-21T10:00:00", title: "Nowruz"),
    ],
    eras: [
        Era(name: "Raisi presidency", date: "2021-08-03/2024-05-19", color: "#c8c8ff"),
    ],
)
"##;

/// A folder of its own for one test, emptied first.
fn folder(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("dataset-cache")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("the test folder can be made");
    folder
}

/// Opens `path` with `cache`, or with none; the dataset, once every entry is written.
fn open(path: &Path, cache: Option<&Cache>) -> Dataset {
    let options = ImportOptions {
        cache: cache.cloned(),
        no_cache: cache.is_none(),
        ..ImportOptions::default()
    };
    let opened = open_all(Input::Path(path), &options).expect("the dataset opens");
    cache::wait_for_writes();
    opened.dataset
}

/// The SHA-256 of the file at `path`, in lower-case hex.
fn sha256(path: &Path) -> String {
    use sha2::Digest;
    let bytes = std::fs::read(path).expect("the file reads");
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("the dataset is written");
}

#[test]
fn a_second_opening_reads_the_kept_dataset_and_it_is_the_parsed_one() {
    let folder = folder("hit");
    let cache = Cache::at(folder.join("cache"));
    let file = folder.join("events.ron");
    write(&file, dataset::EMBEDDED_RON);
    let parsed = open(&file, None);
    assert!(
        !cache.has(&sha256(&file)),
        "nothing is kept before the first opening"
    );

    let first = open(&file, Some(&cache));
    let kept = cache
        .find(&sha256(&file))
        .expect("the first opening kept it");
    let second = open(&file, Some(&cache));

    assert_eq!(first, parsed);
    assert_eq!(kept, parsed);
    assert_eq!(second, parsed);
    assert!(parsed.actors.iter().any(|a| !a.roles.is_empty()));
}

#[test]
fn a_generated_dataset_reads_back_the_same_from_its_entry() {
    let folder = folder("generated");
    let cache = Cache::at(folder.join("cache"));
    let file = folder.join("generated.ron");
    let generated = annals::generate::generate(20_000, 7);
    let mut out = Vec::new();
    dataset::write_ron(&generated, &mut out).expect("the dataset is written");
    std::fs::write(&file, &out).expect("the file is written");
    let parsed = open(&file, None);
    open(&file, Some(&cache));
    assert_eq!(cache.find(&sha256(&file)), Some(parsed.clone()));
    assert_eq!(open(&file, Some(&cache)), parsed);
}

#[test]
fn a_changed_file_is_read_anew() {
    let folder = folder("changed");
    let cache = Cache::at(folder.join("cache"));
    let file = folder.join("small.ron");
    write(&file, SMALL);
    open(&file, Some(&cache));
    let changed = SMALL.replace("\"A call\"", "\"A longer call\"");
    write(&file, &changed);

    let reopened = open(&file, Some(&cache));

    assert_eq!(reopened, open(&file, None));
    let call = reopened.events.iter().find(|e| e.id == "call");
    assert_eq!(call.map(|e| e.title.as_str()), Some("A longer call"));
    assert!(cache.has(&sha256(&file)), "the changed file is kept too");
}

#[test]
fn a_file_changed_within_its_size_and_time_of_change_is_read_anew() {
    let folder = folder("same-stamp");
    let cache = Cache::at(folder.join("cache"));
    let file = folder.join("small.ron");
    write(&file, SMALL);
    let changed_at = std::fs::metadata(&file)
        .and_then(|meta| meta.modified())
        .expect("the file has a time of change");
    open(&file, Some(&cache));
    open(&file, Some(&cache));
    // The same length, and the time of change set back: only the bytes tell.
    write(&file, &SMALL.replace("\"A call\"", "\"B call\""));
    std::fs::File::options()
        .append(true)
        .open(&file)
        .and_then(|f| f.set_modified(changed_at))
        .expect("the time of change is set back");

    let reopened = open(&file, Some(&cache));

    assert_eq!(reopened, open(&file, None));
    assert!(reopened.events.iter().any(|e| e.title == "B call"));
}

#[test]
fn every_flipped_byte_of_an_entry_is_noticed_and_the_entry_written_anew() {
    let folder = folder("flipped");
    let cache = Cache::at(folder.join("cache"));
    let file = folder.join("small.ron");
    write(&file, SMALL);
    let parsed = open(&file, None);
    open(&file, Some(&cache));
    let content = sha256(&file);
    let entry = cache.entry_path(&content);
    let whole = std::fs::read(&entry).expect("the entry was written");
    assert!(whole.len() < 4096, "a small entry: {} bytes", whole.len());

    for at in 0..whole.len() {
        let mut flipped = whole.clone();
        flipped[at] ^= 0xff;
        std::fs::write(&entry, &flipped).expect("the entry is overwritten");
        assert_eq!(cache.find(&content), None, "byte {at} flipped was trusted");
        assert_eq!(open(&file, Some(&cache)), parsed, "byte {at} flipped");
        let rewritten = std::fs::read(&entry).expect("the entry is there again");
        assert_eq!(
            rewritten, whole,
            "byte {at} flipped: the entry was not written anew"
        );
    }
}

#[test]
fn a_truncated_entry_is_ignored() {
    let folder = folder("truncated");
    let cache = Cache::at(folder.join("cache"));
    let file = folder.join("small.ron");
    write(&file, SMALL);
    let parsed = open(&file, None);
    open(&file, Some(&cache));
    let content = sha256(&file);
    let entry = cache.entry_path(&content);
    let whole = std::fs::read(&entry).expect("the entry was written");

    for length in [0, 1, 8, whole.len() / 2, whole.len() - 33, whole.len() - 1] {
        std::fs::write(&entry, &whole[..length]).expect("the entry is cut");
        assert_eq!(cache.find(&content), None, "cut to {length} bytes");
        assert_eq!(open(&file, Some(&cache)), parsed, "cut to {length} bytes");
    }
    let mut longer = whole.clone();
    longer.push(0);
    std::fs::write(&entry, &longer).expect("the entry is lengthened");
    assert_eq!(cache.find(&content), None, "a byte added");
}

#[test]
fn an_entry_of_another_version_is_not_read() {
    let folder = folder("version");
    let file = folder.join("small.ron");
    write(&file, SMALL);
    let content = sha256(&file);
    let mut other = open(&file, None);
    other.title = "Kept by another version".to_string();
    let older = Cache::at(folder.join("cache")).with_version("annals 0.0.1 format 0");
    older
        .keep_now(&content, &other)
        .expect("the other version keeps it");
    let cache = Cache::at(folder.join("cache"));
    // Even under this version's name, the other version's entry is not trusted.
    std::fs::copy(older.entry_path(&content), cache.entry_path(&content))
        .expect("the entry is copied");

    assert_eq!(cache.find(&content), None);
    assert_eq!(open(&file, Some(&cache)).title, "Small");
    assert_eq!(older.find(&content).map(|d| d.title), Some(other.title));
}

#[test]
fn an_entry_for_other_content_is_not_read() {
    let folder = folder("content");
    let cache = Cache::at(folder.join("cache"));
    let small = folder.join("small.ron");
    write(&small, SMALL);
    let embedded = folder.join("embedded.ron");
    write(&embedded, dataset::EMBEDDED_RON);
    open(&embedded, Some(&cache));
    // The curated dataset's entry, under the small file's name.
    std::fs::copy(
        cache.entry_path(&sha256(&embedded)),
        cache.entry_path(&sha256(&small)),
    )
    .expect("the entry is copied");

    assert_eq!(cache.find(&sha256(&small)), None);
    assert_eq!(open(&small, Some(&cache)).title, "Small");
}

#[test]
fn clearing_removes_every_entry() {
    let folder = folder("clear");
    let cache = Cache::at(folder.join("cache"));
    let small = folder.join("small.ron");
    write(&small, SMALL);
    let embedded = folder.join("embedded.ron");
    write(&embedded, dataset::EMBEDDED_RON);
    open(&small, Some(&cache));
    open(&embedded, Some(&cache));
    let other = folder.join("cache").join("notes.txt");
    write(&other, "not the cache's");

    let freed = cache.clear().expect("the cache clears");

    assert!(freed > 0);
    assert!(!cache.has(&sha256(&small)) && !cache.has(&sha256(&embedded)));
    assert!(other.exists(), "a file the cache did not write stays");
    assert_eq!(Cache::at(folder.join("none")).clear().ok(), Some(0));
}

/// Marks the entry of `file` in `cache` as used `ago` before now.
fn used_ago(cache: &Cache, file: &Path, ago: Duration) {
    let entry = std::fs::File::options()
        .append(true)
        .open(cache.entry_path(&sha256(file)))
        .expect("the entry opens");
    entry
        .set_modified(SystemTime::now() - ago)
        .expect("its time is set");
}

fn size(cache: &Cache, file: &Path) -> u64 {
    std::fs::metadata(cache.entry_path(&sha256(file)))
        .expect("the entry is there")
        .len()
}

#[test]
fn the_folder_keeps_to_its_bound_dropping_the_entries_used_longest_ago() {
    let folder = folder("bound");
    let files: Vec<PathBuf> = (0..3)
        .map(|i| {
            let file = folder.join(format!("{i}.ron"));
            write(
                &file,
                &SMALL.replace("\"Small\"", &format!("\"Small {i}\"")),
            );
            file
        })
        .collect();
    let roomy = Cache::at(folder.join("cache"));
    open(&files[0], Some(&roomy));
    open(&files[1], Some(&roomy));
    used_ago(&roomy, &files[0], Duration::from_secs(7200));
    used_ago(&roomy, &files[1], Duration::from_secs(3600));
    // Reading the oldest makes it the most recently used.
    assert!(roomy.find(&sha256(&files[0])).is_some());
    let limit = size(&roomy, &files[0]) + size(&roomy, &files[1]) + 100;
    let bounded = Cache::at(folder.join("cache")).with_limit(limit);

    open(&files[2], Some(&bounded));

    assert!(bounded.has(&sha256(&files[0])), "the entry read last stays");
    assert!(
        !bounded.has(&sha256(&files[1])),
        "the entry used longest ago goes"
    );
    assert!(bounded.has(&sha256(&files[2])), "the new entry stays");
}

#[test]
fn the_commands_keep_in_the_folder_given_and_not_with_no_cache() {
    let folder = folder("commands");
    let file = folder.join("small.ron");
    write(&file, SMALL);
    let (file, cache_dir) = (file.to_str().unwrap(), folder.join("cache"));
    let cache_dir = cache_dir.to_str().unwrap();
    let entries = || {
        std::fs::read_dir(cache_dir).map_or(0, |items| {
            items
                .filter_map(Result::ok)
                .filter(|i| i.path().extension().is_some_and(|e| e == "annals-cache"))
                .count()
        })
    };

    let bypassed = annals(&["--no-cache", "--cache-dir", cache_dir, "check", file]);
    assert!(bypassed.status.success(), "{}", text(&bypassed.stderr));
    assert_eq!(entries(), 0, "--no-cache keeps nothing");

    let listed = annals(&["list", file, "--cache-dir", cache_dir]);
    assert_eq!(entries(), 1, "the first opening keeps the dataset");
    let again = annals(&["list", file, "--cache-dir", cache_dir]);
    assert_eq!(text(&again.stdout), text(&listed.stdout));
    assert!(text(&again.stdout).contains("Raisi visits Dushanbe"));

    let cleared = annals(&["cache", "clear", "--cache-dir", cache_dir]);
    assert!(cleared.status.success(), "{}", text(&cleared.stderr));
    assert!(text(&cleared.stdout).starts_with("cleared "));
    assert_eq!(entries(), 0, "annals cache clear empties the folder");
}

#[test]
fn a_command_that_rewrites_its_file_keeps_nothing() {
    let folder = folder("rewrites");
    let file = folder.join("small.ron");
    write(&file, SMALL);
    let cache_dir = folder.join("cache");
    let (file, cache_dir) = (file.to_str().unwrap(), cache_dir.to_str().unwrap());

    let set = annals(&[
        "set",
        file,
        "call",
        "title=A longer call",
        "--cache-dir",
        cache_dir,
    ]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    let kept = std::fs::read_dir(cache_dir).map_or(0, |items| items.count());
    assert_eq!(kept, 0, "annals set keeps nothing");

    let listed = annals(&["list", file, "--cache-dir", cache_dir]);
    assert!(text(&listed.stdout).contains("A longer call"));
    assert_eq!(
        std::fs::read_dir(cache_dir).map_or(0, |items| items.count()),
        2,
        "annals list keeps the entry and its stamp"
    );
}
