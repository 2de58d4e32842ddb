//! Refresh against a local HTTP server (127.0.0.1, port 0) through the real
//! network source: new items, 304 on the second pass, per-feed errors that
//! lose nothing, timeouts that stall nothing, hostile text stored clean.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod store_support;

use readout::ingest::http::FetchConfig;
use readout::refresh::network::NetworkSource;
use readout::refresh::{self, FeedOutcome, RefreshOptions, RefreshSummary};
use readout::store::Store;
use std::time::{Duration, Instant};
use store_support::server::{Route, Server, rss};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

fn quick_source() -> NetworkSource {
    NetworkSource::new(FetchConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
        ..FetchConfig::default()
    })
}

fn outcome(summary: &RefreshSummary, url: &str) -> FeedOutcome {
    summary
        .feeds
        .iter()
        .find(|(u, _)| u == url)
        .map(|(_, o)| o.clone())
        .unwrap_or_else(|| panic!("no outcome for {url}"))
}

#[test]
fn feeds_over_http_new_then_not_modified_with_errors_kept_apart() {
    let server = Server::start();
    let good = server.route(
        "/good.xml",
        Route::Feed {
            body: rss("good", 30, ""),
            etag: "\"v1\"".into(),
        },
    );
    let fixture_feed = server.route(
        "/rss2.xml",
        Route::Feed {
            body: fixture("rss2.xml"),
            etag: "\"r\"".into(),
        },
    );
    let missing = server.route("/gone.xml", Route::Status(404));
    let broken = server.route("/broken.xml", Route::Status(500));
    let malformed = server.route(
        "/malformed.xml",
        Route::Feed {
            body: fixture("malformed.xml"),
            etag: "\"m\"".into(),
        },
    );
    let slow = server.route(
        "/slow.xml",
        Route::Slow {
            body: rss("slow", 50, ""),
            chunks: 40,
            pause: Duration::from_millis(200),
        },
    );

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    for url in [&good, &fixture_feed, &missing, &broken, &malformed, &slow] {
        store.add_feed(url, &[]).unwrap();
    }
    let source = quick_source();
    let started = Instant::now();
    let first = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    // The slow feed hits the 2 s total timeout; it holds up nothing else.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        outcome(&first, &good),
        FeedOutcome::Stored {
            new: 30,
            changed: 0,
            unchanged: 0
        }
    );
    assert!(matches!(
        outcome(&first, &fixture_feed),
        FeedOutcome::Stored { new: 3, .. }
    ));
    for (url, needle) in [
        (&missing, "404"),
        (&broken, "500"),
        (&malformed, "feed"),
        (&slow, "time"),
    ] {
        match outcome(&first, url) {
            FeedOutcome::Failed(reason) => {
                assert!(reason.to_lowercase().contains(needle), "{url}: {reason}")
            }
            other => panic!("{url}: expected a failure, got {other:?}"),
        }
    }
    let stored = store.load_library().unwrap().articles.len();
    assert_eq!(stored, 33);

    // Second pass: the good feeds answer 304 and cost nothing; errors persist,
    // and nothing already stored is lost.
    let second = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    assert_eq!(outcome(&second, &good), FeedOutcome::NotModified);
    assert_eq!(outcome(&second, &fixture_feed), FeedOutcome::NotModified);
    assert_eq!(server.statuses("/good.xml"), vec![200, 304]);
    assert!(outcome(&second, &missing).is_failure());
    assert_eq!(store.load_library().unwrap().articles.len(), stored);
    let feeds = store.feeds().unwrap();
    let row = |url: &str| feeds.iter().find(|f| f.url == url).unwrap().clone();
    assert_eq!(row(&good).etag.as_deref(), Some("\"v1\""));
    assert_eq!(row(&good).title.as_deref(), Some("good"));
    assert!(row(&missing).last_error.as_deref().unwrap().contains("404"));

    // The feed changes: new ETag, one item re-published with new text, one new item.
    server.route(
        "/good.xml",
        Route::Feed {
            body: rss("good", 31, "Updated."),
            etag: "\"v2\"".into(),
        },
    );
    let third = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    assert_eq!(
        outcome(&third, &good),
        FeedOutcome::Stored {
            new: 1,
            changed: 30,
            unchanged: 0
        }
    );
}

#[test]
fn hostile_feed_text_is_stored_clean() {
    let server = Server::start();
    let url = server.route(
        "/hostile.xml",
        Route::Feed {
            body: fixture("hostile.xml"),
            etag: "\"h\"".into(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("readout.db");
    let mut store = Store::open(&path).unwrap();
    store.add_feed(&url, &[]).unwrap();
    let summary = refresh::refresh(
        &mut store,
        &quick_source(),
        RefreshOptions::default(),
        |_| {},
    )
    .unwrap();
    assert!(matches!(
        outcome(&summary, &url),
        FeedOutcome::Stored { new: 2, .. }
    ));
    let library = store.load_library().unwrap();
    let feeds = store.feeds().unwrap();
    let mut texts: Vec<String> = library
        .articles
        .iter()
        .flat_map(|c| {
            [
                c.article.title.clone(),
                c.article.body.clone(),
                c.article.source.clone(),
            ]
        })
        .collect();
    texts.extend(feeds.iter().filter_map(|f| f.title.clone()));
    for text in &texts {
        assert!(
            !text.chars().any(|c| c == '\u{1b}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || (c.is_control() && c != '\n' && c != '\t')),
            "{text:?}"
        );
        assert!(!text.contains("<script"), "{text:?}");
    }
}
