//! Files that are not a healthy readout cache: set aside, never overwritten;
//! read-only, full, busy and newer files: a clear error, the file untouched.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod store_support;

use readout::article::ArticleId;
use readout::refresh::{self, FeedOutcome, RefreshOptions};
use readout::store::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::time::Duration;
use store_support::{FakeSource, feed, item};

fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("readout.db")
}

/// Files in `dir` whose name starts with `readout.db.corrupt-`.
fn set_aside_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("readout.db.corrupt-") && !n.ends_with("-wal") && !n.ends_with("-shm")
            })
        })
        .collect();
    found.sort();
    found
}

/// Opens `path` expecting a set-aside; checks the old bytes are kept intact
/// and that the fresh cache works.
fn assert_set_aside(dir: &tempfile::TempDir, original: &[u8]) {
    let path = db_in(dir);
    // Bad headers and foreign files are caught by `open`; damage inside the file
    // by the first full read, which the reader does with `load_library_or_recover`.
    let mut store = Store::open(&path).unwrap();
    assert!(store.load_library_or_recover().unwrap().articles.is_empty());
    let notice = store
        .set_aside()
        .cloned()
        .expect("the file should be set aside");
    let moved = set_aside_files(dir.path());
    assert_eq!(moved, vec![notice.moved_to.clone()]);
    assert_eq!(
        std::fs::read(&notice.moved_to).unwrap(),
        original,
        "old bytes kept"
    );
    let message = notice.to_string();
    assert!(
        message.contains("moved it to") && message.contains("readout.db.corrupt-"),
        "{message}"
    );
    // The fresh cache is usable.
    store.mark_read(&ArticleId("x".into()), true).unwrap();
    assert!(store.integrity_check().unwrap());
    drop(store);
    // And opening again does not set anything else aside.
    let again = Store::open(&path).unwrap();
    assert!(again.set_aside().is_none());
    assert!(again.state(&ArticleId("x".into())).unwrap().read);
}

#[test]
fn a_text_file_named_readout_db_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"these are my notes, not a database\n".repeat(10);
    std::fs::write(db_in(&dir), &text).unwrap();
    assert_set_aside(&dir, &text);
}

#[test]
fn a_tiny_non_database_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(db_in(&dir), b"x").unwrap();
    assert_set_aside(&dir, b"x");
}

#[test]
fn another_programs_sqlite_database_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    {
        let conn = rusqlite::Connection::open(db_in(&dir)).unwrap();
        conn.execute_batch(
            "CREATE TABLE accounts (name TEXT, balance INTEGER);
                            INSERT INTO accounts VALUES ('alice', 100);",
        )
        .unwrap();
    }
    let original = std::fs::read(db_in(&dir)).unwrap();
    assert_set_aside(&dir, &original);
}

/// A readout cache with some content, closed cleanly (WAL checkpointed).
fn healthy_cache(path: &Path) {
    let mut store = Store::open(path).unwrap();
    store.add_feed("https://example.org/f", &[]).unwrap();
    let source = FakeSource::default();
    let items = (0..200)
        .map(|i| {
            item(
                Some(&format!("g{i}")),
                &format!("Title {i}"),
                &"Body text. ".repeat(50),
                None,
            )
        })
        .collect();
    source.set("https://example.org/f", Ok(feed("F", items)));
    refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    drop(store);
}

#[test]
fn a_corrupt_cache_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    healthy_cache(&path);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 16 * 4096, "{}", bytes.len());
    // Scribble over pages after the first (the header stays valid).
    for b in &mut bytes[4096..12 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_set_aside(&dir, &bytes);
}

#[test]
fn a_truncated_cache_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    healthy_cache(&path);
    let bytes = std::fs::read(&path).unwrap();
    let half = &bytes[..bytes.len() / 2];
    std::fs::write(&path, half).unwrap();
    assert_set_aside(&dir, half);
}

#[test]
fn an_empty_file_becomes_a_cache_without_fuss() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(db_in(&dir), b"").unwrap();
    let store = Store::open(&db_in(&dir)).unwrap();
    assert!(store.set_aside().is_none());
    assert!(set_aside_files(dir.path()).is_empty());
}

#[test]
fn a_read_only_cache_is_a_clear_error_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    healthy_cache(&path);
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("read-only") && message.contains("readout.db"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(set_aside_files(dir.path()).is_empty());
}

#[test]
fn a_cache_from_a_newer_readout_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    healthy_cache(&path);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer readout"), "{err}");
    assert!(set_aside_files(dir.path()).is_empty());
}

#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    healthy_cache(&path);
    let mut store = Store::open(&path).unwrap();
    let before = store.load_library().unwrap();
    store
        .mark_read(&before.articles[0].article.id, true)
        .unwrap();
    let pages: u32 = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap()
    };
    store.limit_pages_for_tests(pages + 2).unwrap();
    store.add_feed("https://big.example/f", &[]).unwrap();
    let source = FakeSource::default();
    source.set("https://example.org/f", Err("offline".into()));
    let big = (0..500)
        .map(|i| {
            item(
                Some(&format!("b{i}")),
                "Big",
                &format!("{i} {}", "words ".repeat(400)),
                None,
            )
        })
        .collect();
    source.set("https://big.example/f", Ok(feed("Big", big)));
    let summary = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    let big_outcome = summary
        .feeds
        .iter()
        .find(|(url, _)| url.contains("big"))
        .map(|(_, o)| o.clone())
        .unwrap();
    match big_outcome {
        FeedOutcome::Failed(reason) => assert!(reason.contains("no space left"), "{reason}"),
        other => panic!("expected a failure, got {other:?}"),
    }
    drop(store);
    let store = Store::open(&path).unwrap();
    let after = store.load_library().unwrap();
    assert_eq!(after.articles.len(), before.articles.len());
    assert!(after.articles.iter().any(|c| c.state.read));
    assert!(store.integrity_check().unwrap());
}

#[test]
fn a_writer_holding_the_lock_makes_a_clear_busy_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    drop(Store::open(&path).unwrap());
    let store = Store::open_with_timeout(&path, Duration::from_millis(100)).unwrap();
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN IMMEDIATE; INSERT INTO article_state VALUES ('held', 1, 0, 'now');")
        .unwrap();
    let err = store
        .mark_read(&ArticleId("mine".into()), true)
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    assert!(err.to_string().contains("is busy"), "{err}");
    // Reading still works while another process writes (WAL).
    assert_eq!(store.load_library().unwrap().articles.len(), 0);
    holder.execute_batch("COMMIT").unwrap();
    store.mark_read(&ArticleId("mine".into()), true).unwrap();
    assert!(store.state(&ArticleId("held".into())).unwrap().read);
}

#[test]
fn concurrent_writers_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    drop(Store::open(&path).unwrap());
    std::thread::scope(|s| {
        for t in 0..4 {
            let path = &path;
            s.spawn(move || {
                let store = Store::open(path).unwrap();
                for i in 0..50 {
                    store
                        .mark_read(&ArticleId(format!("{t}-{i}")), true)
                        .unwrap();
                }
            });
        }
    });
    let store = Store::open(&path).unwrap();
    assert_eq!(store.states().unwrap().len(), 200);
    assert!(store.integrity_check().unwrap());
}
