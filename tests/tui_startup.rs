//! The reader's start from the cache, without a terminal: the cached feed
//! articles (state kept, analyses not yet) then the bundled corpus; a corrupt
//! cache set aside with a notice; and the background worker, which brings the
//! analyses (cached or computed, then cached) and persists read/starred state.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod store_support;

use readout::article::Origin;
use readout::refresh::{self, RefreshOptions};
use readout::store::Store;
use readout::tui::action::Action;
use readout::tui::{startup, worker::Worker};
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};
use store_support::{FakeSource, feed, item};

const FEED: &str = "https://gazette.example/feed.xml";

/// A cache with one feed of two stored items, the first read, the second starred.
fn cache_with_one_feed(path: &Path) {
    let mut store = Store::open(path).unwrap();
    store.add_feed(FEED, &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        FEED,
        Ok(feed(
            "Harbour Gazette",
            vec![
                item(
                    Some("g1"),
                    "Harbour reopens",
                    "The harbour in Lisbon reopened on Monday.",
                    Some("https://gazette.example/1"),
                ),
                item(
                    Some("g2"),
                    "Council meets",
                    "The council in Porto met on Tuesday.",
                    Some("https://gazette.example/2"),
                ),
            ],
        )),
    );
    refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    let lib = store.load_library().unwrap();
    let id = |title: &str| {
        lib.articles
            .iter()
            .find(|a| a.article.title == title)
            .unwrap()
            .article
            .id
            .clone()
    };
    store.mark_read(&id("Harbour reopens"), true).unwrap();
    store.set_starred(&id("Council meets"), true).unwrap();
}

#[test]
fn starts_from_the_cache_then_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readout.db");
    cache_with_one_feed(&db);
    let start = startup::<String>(&[], Some(&db));
    assert!(start.message.is_none(), "{:?}", start.message);
    assert_eq!(start.feeds.len(), 1);
    assert_eq!(start.feeds[0].title.as_deref(), Some("Harbour Gazette"));
    let entries = start.library.entries();
    let bundled = readout::ingest::bundled().len();
    assert_eq!(entries.len(), 2 + bundled);
    assert!(
        entries[..2]
            .iter()
            .all(|e| e.article.origin == Origin::Feed(FEED.into()))
    );
    assert!(
        entries[2..]
            .iter()
            .all(|e| e.article.origin == Origin::Bundled)
    );
    let by_title = |t: &str| entries.iter().find(|e| e.article.title == t).unwrap();
    assert!(by_title("Harbour reopens").read && !by_title("Harbour reopens").starred);
    assert!(!by_title("Council meets").read && by_title("Council meets").starred);
    // The first frame does not wait for analyses.
    assert!(entries.iter().all(|e| e.analysis.is_none()));
    assert!(start.store.is_some());
}

#[test]
fn an_empty_cache_gives_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let start = startup::<String>(&[], Some(&dir.path().join("new.db")));
    assert!(start.feeds.is_empty());
    assert_eq!(start.library.len(), readout::ingest::bundled().len());
    assert!(dir.path().join("new.db").exists());
}

#[test]
fn a_corrupt_cache_is_set_aside_and_the_reader_starts_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readout.db");
    let garbage = b"this is not a database, but it is somebody's file".repeat(100);
    std::fs::write(&db, &garbage).unwrap();
    let start = startup::<String>(&[], Some(&db));
    let message = start.message.clone().unwrap();
    assert!(
        message.contains("aside") || message.contains("moved"),
        "{message}"
    );
    assert_eq!(start.library.len(), readout::ingest::bundled().len());
    // The old file still exists, under another name, unchanged.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| std::fs::read(e.path()).is_ok_and(|b| b == garbage))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
}

#[test]
fn sources_on_the_command_line_skip_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    std::fs::write(&file, "A headline\n\nA body of text about Lisbon.\n").unwrap();
    let db = dir.path().join("unused.db");
    let start = startup(&[file.display().to_string()], Some(&db));
    assert_eq!(start.library.len(), 1);
    assert!(start.store.is_none() && !db.exists());
}

/// Receives actions until `done` says so, or fails after a while.
fn receive_until(rx: &std::sync::mpsc::Receiver<Action>, mut done: impl FnMut(&Action) -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(120) {
        if let Ok(action) = rx.recv_timeout(Duration::from_millis(200))
            && done(&action)
        {
            return;
        }
    }
    panic!("the worker never finished");
}

#[test]
fn the_worker_brings_analyses_caches_them_and_saves_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readout.db");
    cache_with_one_feed(&db);
    let start = startup::<String>(&[], Some(&db));
    let library = start.library;
    let total = library.len();
    let (tx, rx) = channel();
    let worker = Worker::start(start.store, &library, tx);
    let mut seen = vec![false; total];
    receive_until(&rx, |action| {
        if let Action::BackgroundAnalysed {
            index, revision, ..
        } = action
        {
            assert_eq!(*revision, 0);
            seen[*index] = true;
        }
        seen.iter().all(|s| *s)
    });
    let council = library
        .entries()
        .iter()
        .find(|e| e.article.title == "Council meets")
        .unwrap()
        .article
        .id
        .clone();
    worker.set_read(council.clone(), true);
    worker.set_starred(council.clone(), false);
    assert!(worker.flush(Duration::from_secs(30)));

    let store = Store::open(&db).unwrap();
    let state = store.state(&council).unwrap();
    assert!(state.read && !state.starred);
    // Every article's analysis is cached now, bundled ones included.
    let cached = store
        .cached_analyses(&library.articles().cloned().collect::<Vec<_>>())
        .unwrap();
    assert!(cached.iter().all(Option::is_some));
}

#[test]
fn a_store_error_is_a_status_line_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readout.db");
    let start = startup::<String>(&[], Some(&db));
    let store = start.store.unwrap();
    // A full disk: not one more page for the analyses to go in.
    let pages: u32 = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap()
    };
    store.limit_pages_for_tests(pages).unwrap();
    let (tx, rx) = channel();
    let worker = Worker::start(Some(store), &start.library, tx);
    let mut message = None;
    receive_until(&rx, |action| {
        if let Action::Message(text) = action {
            message = Some(text.clone());
            return true;
        }
        false
    });
    let message = message.unwrap();
    assert!(message.starts_with("Not saved:"), "{message}");
    assert!(!message.contains('\n'), "one line: {message}");
    // The worker goes on: a flush still answers.
    assert!(worker.flush(Duration::from_secs(30)));
}
