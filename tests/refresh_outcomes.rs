//! The refresh orchestrator on a fake source: per-feed outcomes, progress events,
//! validators sent back, failures that stop nothing and lose nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod store_support;

use readout::refresh::{self, FeedOutcome, Fetch, RefreshEvent, RefreshOptions, Validators};
use readout::store::Store;
use store_support::{FakeSource, feed, item};

#[test]
fn every_feed_gets_an_outcome_and_one_failure_stops_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    let urls = [
        "https://a.org/f",
        "https://b.org/f",
        "https://c.org/f",
        "/feeds/local.xml",
    ];
    for url in urls {
        store.add_feed(url, &[]).unwrap();
    }
    let source = FakeSource::default();
    source.set(
        urls[0],
        Ok(feed("A", vec![item(Some("1"), "A1", "x", None)])),
    );
    source.set(urls[1], Err("HTTP 404 Not Found".into()));
    source.set(urls[2], Ok(Fetch::NotModified));
    source.set(
        urls[3],
        Ok(feed(
            "Local",
            vec![item(None, "L1", "y", None), item(None, "L2", "z", None)],
        )),
    );

    let mut events = Vec::new();
    let summary = refresh::refresh(
        &mut store,
        &source,
        RefreshOptions { concurrency: 2 },
        |e| events.push(e.clone()),
    )
    .unwrap();
    assert!(!summary.all_failed());
    let outcome = |url: &str| {
        summary
            .feeds
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, o)| o.clone())
            .unwrap()
    };
    assert_eq!(
        outcome(urls[0]),
        FeedOutcome::Stored {
            new: 1,
            changed: 0,
            unchanged: 0
        }
    );
    assert_eq!(
        outcome(urls[1]),
        FeedOutcome::Failed("HTTP 404 Not Found".into())
    );
    assert_eq!(outcome(urls[2]), FeedOutcome::NotModified);
    assert_eq!(
        outcome(urls[3]),
        FeedOutcome::Stored {
            new: 2,
            changed: 0,
            unchanged: 0
        }
    );

    // Each feed starts once and finishes once, start before finish.
    for url in urls {
        let started = events
            .iter()
            .position(|e| matches!(e, RefreshEvent::Started { url: u, .. } if u == url))
            .unwrap();
        let finished = events
            .iter()
            .position(|e| matches!(e, RefreshEvent::Finished(r) if r.url == url))
            .unwrap();
        assert!(started < finished, "{url}");
    }
    assert_eq!(events.len(), 8);
    // The finished reports carry the new articles, ready for the reader.
    let local = events
        .iter()
        .find_map(|e| match e {
            RefreshEvent::Finished(r) if r.url == urls[3] => Some(r),
            _ => None,
        })
        .unwrap();
    assert_eq!(local.title.as_deref(), Some("Local"));
    let mut titles: Vec<_> = local
        .articles
        .iter()
        .map(|c| c.article.title.as_str())
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, ["L1", "L2"]);
    assert!(local.articles.iter().all(|c| c.analysis.is_some()));

    // The feed rows say what happened.
    let feeds = store.feeds().unwrap();
    let row = |url: &str| feeds.iter().find(|f| f.url == url).unwrap();
    assert_eq!(
        row(urls[1]).last_error.as_deref(),
        Some("HTTP 404 Not Found")
    );
    assert!(row(urls[1]).last_fetch_at.is_some());
    assert_eq!(row(urls[0]).last_error, None);
    assert_eq!(row(urls[0]).title.as_deref(), Some("A"));
    assert_eq!((row(urls[3]).articles, row(urls[3]).unread), (2, 2));
}

#[test]
fn a_failing_feed_keeps_what_it_had_and_clears_its_error_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    let url = "https://a.org/f";
    store.add_feed(url, &[]).unwrap();
    let source = FakeSource::default();
    source.set(
        url,
        Ok(feed(
            "A",
            vec![
                item(Some("1"), "A1", "x", None),
                item(Some("2"), "A2", "y", None),
            ],
        )),
    );
    refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    let first = store.load_library().unwrap().articles[0].article.id.clone();
    store.mark_read(&first, true).unwrap();

    source.set(url, Err("not a valid feed: unexpected end of input".into()));
    let summary = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    assert!(summary.all_failed());
    assert_eq!(store.load_library().unwrap().articles.len(), 2);
    assert!(store.state(&first).unwrap().read);
    assert!(store.feeds().unwrap()[0].last_error.is_some());

    source.set(url, Ok(feed("A", vec![item(Some("1"), "A1", "x", None)])));
    let summary = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    assert_eq!(
        summary.feeds[0].1,
        FeedOutcome::Stored {
            new: 0,
            changed: 0,
            unchanged: 1
        }
    );
    // Items that left the feed stay in the cache: the reader's library only grows.
    assert_eq!(store.load_library().unwrap().articles.len(), 2);
    assert_eq!(store.feeds().unwrap()[0].last_error, None);
}

#[test]
fn validators_from_one_fetch_are_sent_with_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    let url = "https://a.org/f";
    store.add_feed(url, &[]).unwrap();
    let source = FakeSource::default();
    source.set(url, Ok(feed("A", vec![item(Some("1"), "A1", "x", None)])));
    refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    source.set(url, Ok(Fetch::NotModified));
    let summary = refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    assert_eq!(summary.feeds[0].1, FeedOutcome::NotModified);
    let asked = source.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[0].1, Validators::default());
    assert_eq!(
        asked[1].1,
        Validators {
            etag: Some("\"A\"".into()),
            last_modified: None
        }
    );
    // A 304 keeps the validators for the time after.
    let feeds = store.feeds().unwrap();
    assert_eq!(feeds[0].etag.as_deref(), Some("\"A\""));
}

#[test]
fn no_feeds_is_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    let summary = refresh::refresh(
        &mut store,
        &FakeSource::default(),
        RefreshOptions::default(),
        |_| {},
    )
    .unwrap();
    assert!(summary.feeds.is_empty());
    assert!(!summary.all_failed());
}

#[test]
fn many_feeds_with_few_workers_all_finish() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    let source = FakeSource::default();
    for i in 0..25 {
        let url = format!("https://f{i}.org/rss");
        store.add_feed(&url, &[]).unwrap();
        let answer = if i % 5 == 0 {
            Err(format!("timed out after 10 s ({i})"))
        } else {
            Ok(feed(
                &format!("F{i}"),
                vec![item(Some("x"), &format!("T{i}"), "b", None)],
            ))
        };
        source.set(&url, answer);
    }
    let summary = refresh::refresh(
        &mut store,
        &source,
        RefreshOptions { concurrency: 3 },
        |_| {},
    )
    .unwrap();
    assert_eq!(summary.feeds.len(), 25);
    assert_eq!(
        summary.feeds.iter().filter(|(_, o)| o.is_failure()).count(),
        5
    );
    assert_eq!(store.load_library().unwrap().articles.len(), 20);
}
