//! The cache's data rules: schema and migrations from an empty file, deduplication,
//! reading state that survives refreshes, re-publication and restarts, the analysis cache.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod store_support;

use readout::article::ArticleId;
use readout::nlp::Analysis;
use readout::refresh::{self, FeedOutcome, RefreshOptions};
use readout::store::{ANALYSIS_VERSION, ArticleState, Store, migrate};
use store_support::{FakeSource, article, feed, item};
use tempfile::TempDir;

fn fresh() -> (TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("readout.db");
    (dir, path)
}

/// Refreshes and returns each feed's outcome.
fn run(store: &mut Store, source: &FakeSource) -> Vec<(String, FeedOutcome)> {
    refresh::refresh(store, source, RefreshOptions::default(), |_| {})
        .unwrap()
        .feeds
}

fn ids_and_titles(store: &Store) -> Vec<(String, String)> {
    let mut v: Vec<_> = store
        .load_library()
        .unwrap()
        .articles
        .into_iter()
        .map(|c| (c.article.id.0, c.article.title))
        .collect();
    v.sort();
    v
}

#[test]
fn an_empty_file_gets_the_whole_schema() {
    let (_dir, path) = fresh();
    let store = Store::open(&path).unwrap();
    assert!(store.set_aside().is_none());
    assert!(store.integrity_check().unwrap());
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, migrate::latest());
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app, migrate::APPLICATION_ID);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

/// The normalised `CREATE` statements of a database.
fn schema_of(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|s| s.unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn the_migrations_add_up_to_schema_sql() {
    let (_dir, path) = fresh();
    drop(Store::open(&path).unwrap());
    let migrated = schema_of(&rusqlite::Connection::open(&path).unwrap());
    let reference = rusqlite::Connection::open_in_memory().unwrap();
    reference
        .execute_batch(include_str!("../src/store/schema.sql"))
        .unwrap();
    assert_eq!(migrated, schema_of(&reference));
    assert!(migrated.len() >= 5, "{migrated:?}");
}

#[test]
fn reopening_keeps_everything_and_does_not_migrate_again() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store
        .add_feed("https://example.org/feed", &["news".into()])
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let feeds = store.feeds().unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].url, "https://example.org/feed");
    assert_eq!(feeds[0].tags, vec!["news".to_string()]);
}

#[test]
fn adding_a_feed_twice_merges_tags() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    let (a, new_a) = store.add_feed("https://e.org/f", &["b".into()]).unwrap();
    let (b, new_b) = store
        .add_feed("https://e.org/f", &["a".into(), " ".into(), "b".into()])
        .unwrap();
    assert_eq!((a, new_a, new_b), (b, true, false));
    assert_eq!(store.feeds().unwrap()[0].tags, vec!["a", "b"]);
}

const URL: &str = "https://example.org/feed.xml";

#[test]
fn dedup_by_guid_then_link_then_content() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed(URL, &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        URL,
        Ok(feed(
            "F",
            vec![
                item(Some("g1"), "One", "Body one.", Some("https://e.org/1")),
                // Same link as g1, different guid: a different item (shared home links exist).
                item(Some("g2"), "Two", "Body two.", Some("https://e.org/1")),
                item(None, "Three", "Body three.", Some("https://e.org/3")),
                item(None, "Four", "Body four.", None),
            ],
        )),
    );
    let first = run(&mut store, &source);
    assert_eq!(
        first[0].1,
        FeedOutcome::Stored {
            new: 4,
            changed: 0,
            unchanged: 0
        }
    );
    let before = ids_and_titles(&store);

    // Second fetch: g1 identical; g2 by guid with new text; "Three" gains a guid
    // (matched by link); "Four" identical text without guid or link (matched by hash);
    // one genuinely new item.
    source.set(
        URL,
        Ok(feed(
            "F",
            vec![
                item(Some("g1"), "One", "Body one.", Some("https://e.org/1")),
                item(
                    Some("g2"),
                    "Two (updated)",
                    "Body two, corrected.",
                    Some("https://e.org/1"),
                ),
                item(Some("g3"), "Three", "Body three.", Some("https://e.org/3")),
                item(None, "Four", "Body four.", None),
                item(None, "Five", "Body five.", None),
            ],
        )),
    );
    let second = run(&mut store, &source);
    assert_eq!(
        second[0].1,
        FeedOutcome::Stored {
            new: 1,
            changed: 1,
            unchanged: 3
        }
    );
    let after = ids_and_titles(&store);
    assert_eq!(after.len(), 5);
    for (id, title) in &before {
        let now = after.iter().find(|(i, _)| i == id).unwrap();
        if title == "Two" {
            assert_eq!(now.1, "Two (updated)");
        } else {
            assert_eq!(&now.1, title);
        }
    }
}

#[test]
fn same_text_under_different_links_is_two_articles() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed(URL, &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        URL,
        Ok(feed(
            "F",
            vec![
                item(
                    None,
                    "Daily brief",
                    "Nothing new.",
                    Some("https://e.org/mon"),
                ),
                item(
                    None,
                    "Daily brief",
                    "Nothing new.",
                    Some("https://e.org/tue"),
                ),
            ],
        )),
    );
    run(&mut store, &source);
    assert_eq!(store.load_library().unwrap().articles.len(), 2);
}

#[test]
fn the_same_guid_in_two_feeds_is_two_articles() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed("https://a.org/f", &[]).unwrap();
    store.add_feed("https://b.org/f", &[]).unwrap();
    let source = FakeSource::default();
    for url in ["https://a.org/f", "https://b.org/f"] {
        source.set(url, Ok(feed("F", vec![item(Some("1"), "T", "B.", None)])));
    }
    run(&mut store, &source);
    let library = store.load_library().unwrap();
    assert_eq!(library.articles.len(), 2);
    assert_ne!(
        library.articles[0].article.id,
        library.articles[1].article.id
    );
}

#[test]
fn read_and_starred_survive_refresh_republication_and_restart() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed(URL, &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        URL,
        Ok(feed(
            "F",
            vec![
                item(Some("a"), "A", "Alpha.", Some("https://e.org/a")),
                item(Some("b"), "B", "Beta.", Some("https://e.org/b")),
            ],
        )),
    );
    run(&mut store, &source);
    let library = store.load_library().unwrap();
    let id_of = |title: &str| {
        library
            .articles
            .iter()
            .find(|c| c.article.title == title)
            .unwrap()
            .article
            .id
            .clone()
    };
    let (a, b) = (id_of("A"), id_of("B"));
    store.mark_read(&a, true).unwrap();
    store.set_starred(&b, true).unwrap();

    // Re-published with changed text, and refreshed twice.
    source.set(
        URL,
        Ok(feed(
            "F",
            vec![
                item(Some("a"), "A", "Alpha, revised.", Some("https://e.org/a")),
                item(Some("b"), "B (new title)", "Beta.", Some("https://e.org/b")),
            ],
        )),
    );
    run(&mut store, &source);
    run(&mut store, &source);
    drop(store);

    let store = Store::open(&path).unwrap();
    let library = store.load_library().unwrap();
    assert_eq!(library.articles.len(), 2);
    for cached in &library.articles {
        let expected = if cached.article.id == a {
            assert_eq!(cached.article.body, "Alpha, revised.");
            ArticleState {
                read: true,
                starred: false,
            }
        } else {
            assert_eq!(cached.article.id, b);
            assert_eq!(cached.article.title, "B (new title)");
            ArticleState {
                read: false,
                starred: true,
            }
        };
        assert_eq!(cached.state, expected, "{}", cached.article.title);
        assert_eq!(store.state(&cached.article.id).unwrap(), expected);
    }
}

#[test]
fn toggling_and_state_of_articles_from_other_sources() {
    let (_dir, path) = fresh();
    let store = Store::open(&path).unwrap();
    let bundled = ArticleId("li-qiang-meets-aliyev".into());
    assert_eq!(store.state(&bundled).unwrap(), ArticleState::default());
    assert!(store.toggle_unread(&bundled).unwrap());
    assert!(!store.toggle_unread(&bundled).unwrap());
    assert!(store.toggle_unread(&bundled).unwrap());
    store.set_starred(&bundled, true).unwrap();
    store.mark_read(&bundled, false).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let states = store.load_library().unwrap().states;
    assert_eq!(
        states.get(&bundled),
        Some(&ArticleState {
            read: false,
            starred: true
        })
    );
}

#[test]
fn analyses_are_cached_by_content_and_version() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    let one = article("Seed", "Li Qiang met Ilham Aliyev in Beijing.", None);
    let two = article("Other", "Nothing here.", None);
    let analysis = Analysis {
        sentences: vec![0..8, 9..37],
        ..Analysis::default()
    };
    assert_eq!(
        store.cached_analyses(std::slice::from_ref(&one)).unwrap(),
        vec![None]
    );
    store.save_analyses(&[(&one, &analysis)]).unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.cached_analyses(&[one.clone(), two]).unwrap(),
        vec![Some(analysis.clone()), None]
    );
    // Same text, another id: same cache entry (keyed by content, not by id).
    let mut copy = one.clone();
    copy.id = ArticleId("elsewhere".into());
    assert_eq!(
        store.cached_analyses(&[copy]).unwrap(),
        vec![Some(analysis)]
    );
    // Changed text: not cached.
    let mut edited = one;
    edited.body.push_str(" Again.");
    assert_eq!(store.cached_analyses(&[edited]).unwrap(), vec![None]);
    drop(store);

    // A row of another model version is never read.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE analyses SET model_version = 'other-model'", [])
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let one = article("Seed", "Li Qiang met Ilham Aliyev in Beijing.", None);
    assert_eq!(store.cached_analyses(&[one]).unwrap(), vec![None]);
    assert!(!ANALYSIS_VERSION.is_empty());
}

#[test]
fn a_refresh_caches_analyses_so_the_next_load_has_them() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed(URL, &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        URL,
        Ok(feed(
            "F",
            vec![item(Some("a"), "A", "Some text here.", None)],
        )),
    );
    run(&mut store, &source);
    drop(store);
    let store = Store::open(&path).unwrap();
    let library = store.load_library().unwrap();
    assert_eq!(library.articles.len(), 1);
    let expected = readout::nlp::analyze(&library.articles[0].article);
    assert_eq!(library.articles[0].analysis.as_ref(), Some(&expected));
}

#[test]
fn removing_a_feed_drops_its_articles_and_state_only() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed("https://a.org/f", &[]).unwrap();
    store.add_feed("https://b.org/f", &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        "https://a.org/f",
        Ok(feed("A", vec![item(Some("1"), "A1", "x", None)])),
    );
    source.set(
        "https://b.org/f",
        Ok(feed("B", vec![item(Some("1"), "B1", "y", None)])),
    );
    run(&mut store, &source);
    for cached in store.load_library().unwrap().articles {
        store.mark_read(&cached.article.id, true).unwrap();
    }
    assert!(store.remove_feed("https://a.org/f").unwrap());
    assert!(!store.remove_feed("https://a.org/f").unwrap());
    let library = store.load_library().unwrap();
    assert_eq!(library.articles.len(), 1);
    assert_eq!(library.articles[0].article.title, "B1");
    assert!(library.articles[0].state.read);
    assert_eq!(library.states.len(), 1);
    assert_eq!(store.feeds().unwrap().len(), 1);
}

#[test]
fn the_library_is_newest_first_with_feed_origin() {
    let (_dir, path) = fresh();
    let mut store = Store::open(&path).unwrap();
    store.add_feed(URL, &[]).unwrap();
    let mut old = item(Some("o"), "Old", "x", None);
    old.article.date = Some("2020-01-01".into());
    let mut new = item(Some("n"), "New", "y", None);
    new.article.date = Some("2026-01-01T10:00:00Z".into());
    let mut undated = item(Some("u"), "Undated", "z", None);
    undated.article.date = None;
    let source = FakeSource::default();
    source.set(URL, Ok(feed("F", vec![undated, old, new])));
    run(&mut store, &source);
    let library = store.load_library().unwrap();
    let titles: Vec<_> = library
        .articles
        .iter()
        .map(|c| c.article.title.as_str())
        .collect();
    assert_eq!(titles, ["New", "Old", "Undated"]);
    assert!(library.articles.iter().all(|c| c.article.origin
        == readout::article::Origin::Feed(URL.to_string())
        && c.article.id.0.starts_with("feed-")));
}
