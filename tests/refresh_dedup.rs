//! Deduplication of feed items that carry no guid, through the real parser
//! (feed files read by `NetworkSource`): a re-published item whose title and
//! text changed is the same article by its link, keeps its id and its read
//! and starred state; an item with neither guid nor link is the same article
//! while its text is the same.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use readout::refresh::{self, FeedOutcome, RefreshOptions, network::NetworkSource};
use readout::store::Store;
use std::path::Path;

/// An RSS 2.0 feed whose items have no `<guid>`: (title, link, description).
fn rss(items: &[(&str, Option<&str>, &str)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>No Guid Gazette</title><link>https://noguid.example/</link>\
         <description>Items without guids</description>\n",
    );
    for (title, link, text) in items {
        xml.push_str("<item><title>");
        xml.push_str(title);
        xml.push_str("</title>");
        if let Some(link) = link {
            xml.push_str(&format!("<link>{link}</link>"));
        }
        xml.push_str(&format!("<description>{text}</description></item>\n"));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

fn refresh_once(store: &mut Store) -> FeedOutcome {
    let summary = refresh::refresh(
        store,
        &NetworkSource::default(),
        RefreshOptions::default(),
        |_| {},
    )
    .unwrap();
    assert_eq!(summary.feeds.len(), 1, "{summary:?}");
    summary.feeds[0].1.clone()
}

/// (id, title, read, starred) of every cached article, sorted by title.
fn cached(store: &Store) -> Vec<(String, String, bool, bool)> {
    let mut rows: Vec<_> = store
        .load_library()
        .unwrap()
        .articles
        .into_iter()
        .map(|a| {
            (
                a.article.id.0,
                a.article.title,
                a.state.read,
                a.state.starred,
            )
        })
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    rows
}

fn write(path: &Path, xml: &str) {
    std::fs::write(path, xml).unwrap();
}

#[test]
fn items_without_guids_dedupe_by_link_then_by_text_and_keep_their_state() {
    let dir = tempfile::tempdir().unwrap();
    let feed_path = dir.path().join("noguid.xml");
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    store.add_feed(feed_path.to_str().unwrap(), &[]).unwrap();

    write(
        &feed_path,
        &rss(&[
            (
                "Harbour reopens",
                Some("https://noguid.example/harbour"),
                "The harbour reopened on Monday.",
            ),
            (
                "Council meets",
                None,
                "The council met and voted on the budget.",
            ),
        ]),
    );
    assert_eq!(
        refresh_once(&mut store),
        FeedOutcome::Stored {
            new: 2,
            changed: 0,
            unchanged: 0
        }
    );
    let first = cached(&store);
    let harbour_id = first[1].0.clone();
    let council_id = first[0].0.clone();
    store
        .mark_read(&readout::article::ArticleId(harbour_id.clone()), true)
        .unwrap();
    store
        .set_starred(&readout::article::ArticleId(harbour_id.clone()), true)
        .unwrap();
    store
        .set_starred(&readout::article::ArticleId(council_id.clone()), true)
        .unwrap();

    // Re-published: the linked item's title and text changed (feed-rs's own
    // made-up id would change with the title); the unlinked one is the same.
    write(
        &feed_path,
        &rss(&[
            (
                "Harbour reopens after storm repairs",
                Some("https://noguid.example/harbour"),
                "The harbour reopened on Monday after a week of repairs.",
            ),
            (
                "Council meets",
                None,
                "The council met and voted on the budget.",
            ),
            (
                "Ferry timetable",
                Some("https://noguid.example/ferry"),
                "The summer timetable starts in May.",
            ),
        ]),
    );
    assert_eq!(
        refresh_once(&mut store),
        FeedOutcome::Stored {
            new: 1,
            changed: 1,
            unchanged: 1
        }
    );
    let second = cached(&store);
    assert_eq!(second.len(), 3, "{second:?}");
    let harbour = second.iter().find(|r| r.0 == harbour_id).unwrap();
    assert_eq!(harbour.1, "Harbour reopens after storm repairs");
    assert!(harbour.2 && harbour.3, "read and starred kept: {harbour:?}");
    let council = second.iter().find(|r| r.0 == council_id).unwrap();
    assert!(!council.2 && council.3, "starred kept: {council:?}");
    let ferry = second.iter().find(|r| r.1 == "Ferry timetable").unwrap();
    assert!(!ferry.2 && !ferry.3);

    // The same feed again: nothing new, nothing changed.
    assert_eq!(
        refresh_once(&mut store),
        FeedOutcome::Stored {
            new: 0,
            changed: 0,
            unchanged: 3
        }
    );
    assert_eq!(cached(&store), second);
}

#[test]
fn the_reader_ids_of_guidless_items_follow_the_link() {
    // `readout FEED` (no cache) gives the same id to the same link whatever
    // the title, so state kept by id follows a re-titled item there too.
    let a = rss(&[("Old title", Some("https://noguid.example/x"), "Text one.")]);
    let b = rss(&[("New title", Some("https://noguid.example/x"), "Text two.")]);
    let parse = |xml: &str| {
        readout::ingest::feed::parse(xml.as_bytes(), None, "https://noguid.example/feed.xml")
            .unwrap()
            .items
    };
    let (a, b) = (parse(&a), parse(&b));
    assert!(a[0].guid.is_empty());
    assert_eq!(a[0].article.id, b[0].article.id);
    assert_ne!(a[0].content_hash, b[0].content_hash);
}
