//! Feed files of every format and encoding, and hostile feeds, to clean articles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use readout::ingest::feed::{self, ParsedFeed};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

fn parse(name: &str) -> ParsedFeed {
    let bytes = std::fs::read(fixture(name)).unwrap();
    feed::parse(&bytes, None, &format!("https://example.test/{name}"))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assert_clean(s: &str) {
    assert!(
        !s.chars().any(|c| (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
        "unclean: {s:?}"
    );
}

fn assert_feed_clean(feed: &ParsedFeed) {
    assert_clean(&feed.title);
    assert!(!feed.title.contains('\n'));
    for item in &feed.items {
        let a = &item.article;
        for line in [&a.title, &a.source, &item.guid] {
            assert_clean(line);
            assert!(!line.contains('\n'), "{line:?}");
        }
        assert_clean(&a.body);
    }
}

#[test]
fn rss2_content_encoded_html_to_text() {
    let feed = parse("rss2.xml");
    assert_feed_clean(&feed);
    assert_eq!(feed.title, "Harbour Gazette");
    assert_eq!(feed.items.len(), 3);
    let ferry = &feed.items[0];
    assert_eq!(ferry.article.title, "Ferry service resumes after storm");
    assert_eq!(ferry.guid, "gazette-1001");
    assert_eq!(
        ferry.article.date.as_deref(),
        Some("2025-03-03T07:30:00+00:00")
    );
    assert_eq!(
        ferry.article.body,
        "The ferry to the islands [1] runs again.\n\n• Morning crossing\n• Evening crossing\n\n[image: The ferry at dawn]\n\nLinks:\n[1] https://gazette.example/islands"
    );
    assert_eq!(
        feed.items[1].article.body,
        "The council voted 7 to 2 & work starts in May."
    );
    // An untitled item borrows its first words.
    assert_eq!(
        feed.items[2].article.title,
        "An item with no title: the description stands in."
    );
    // No guid in the feed: none is made up (a made-up one would change with
    // the title and defeat deduplication by link), yet the id is distinct.
    assert!(feed.items[2].guid.is_empty());
    assert_ne!(feed.items[2].article.id, feed.items[1].article.id);
}

#[test]
fn rss1_rdf() {
    let feed = parse("rss1.rdf");
    assert_eq!(feed.title, "RDF Weekly");
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].article.title, "Semantic story");
    assert_eq!(
        feed.items[0].article.url.as_deref(),
        Some("https://rdf.example/a")
    );
    assert_eq!(feed.items[0].article.body, "Triples everywhere.");
}

#[test]
fn atom_with_html_title_and_xhtml_content() {
    let feed = parse("atom.xml");
    assert_eq!(feed.title, "Atom Observer");
    let entry = &feed.items[0];
    assert_eq!(entry.article.title, "Treaty signed");
    assert_eq!(
        entry.article.body,
        "Both sides signed.\n\nSecond paragraph."
    );
    assert_eq!(
        entry.article.date.as_deref(),
        Some("2024-12-13T18:30:02+00:00")
    );
}

#[test]
fn json_feed_text_and_html() {
    let feed = parse("feed.json");
    assert_eq!(feed.title, "JSON Journal");
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.items[0].article.body, "Line one.\n\nLine two.");
    assert_eq!(feed.items[1].article.body, "Hello JSON");
    assert_eq!(feed.items[1].guid, "j-2");
}

#[test]
fn iso_8859_1_declared_in_xml() {
    let feed = parse("latin1.xml");
    assert_eq!(feed.title, "Le Journal de Genève");
    assert_eq!(feed.items[0].article.title, "Café crème et débats");
    assert_eq!(feed.items[0].article.body, "Naïve « citation ».");
}

#[test]
fn iso_8859_1_from_http_charset_only() {
    // The same bytes without a declaration, charset given by the server.
    let bytes = std::fs::read(fixture("latin1.xml")).unwrap();
    let body = bytes.splitn(2, |b| *b == b'\n').nth(1).unwrap();
    let feed = feed::parse(body, Some("application/rss+xml; charset=ISO-8859-1"), "u").unwrap();
    assert_eq!(feed.items[0].article.title, "Café crème et débats");
}

#[test]
fn windows_1252_undeclared_is_detected() {
    let feed = parse("cp1252-no-declaration.xml");
    assert_eq!(feed.title, "Windows “quotes”");
    assert_eq!(feed.items[0].article.title, "Price € 5");
    assert_eq!(feed.items[0].article.body, "Dash — here");
}

#[test]
fn gb2312_declared() {
    let feed = parse("gb2312.xml");
    assert_eq!(feed.title, "新华网");
    assert_eq!(feed.items[0].article.title, "中国和阿塞拜疆");
    assert_eq!(feed.items[0].article.body, "中国");
}

#[test]
fn hostile_escapes_scripts_and_bidi_removed() {
    let feed = parse("hostile.xml");
    assert_feed_clean(&feed);
    assert_eq!(feed.title, "Evil Feed");
    let first = &feed.items[0].article;
    assert_eq!(first.title, "Hello world dlrow");
    assert!(
        first.body.starts_with("Body text\n\nSecond link para"),
        "{:?}",
        first.body
    );
    assert!(!first.body.contains("document.write"));
    assert!(!first.body.contains("color:red"));
    assert!(!first.body.contains("javascript"));
    let second = &feed.items[1].article;
    assert_eq!(second.title, "Entity escape");
}

#[test]
fn malformed_xml_is_a_clear_error() {
    let bytes = std::fs::read(fixture("malformed.xml")).unwrap();
    match feed::parse(&bytes, None, "m") {
        Err(e) => assert!(e.to_string().starts_with("not a valid feed"), "{e}"),
        // feed-rs is lenient with some breakage; what it returns must still be clean.
        Ok(feed) => assert_feed_clean(&feed),
    }
}

#[test]
fn billion_laughs_does_not_expand() {
    let bytes = std::fs::read(fixture("billion-laughs.xml")).unwrap();
    match feed::parse(&bytes, None, "lol") {
        Ok(feed) => {
            assert_feed_clean(&feed);
            for item in &feed.items {
                assert!(item.article.body.len() < 10_000);
                assert!(item.article.title.len() < 10_000);
            }
        }
        Err(e) => assert!(e.to_string().starts_with("not a valid feed"), "{e}"),
    }
}

#[test]
fn hundred_thousand_items() {
    let mut xml = String::from("<rss version=\"2.0\"><channel><title>Big</title>");
    for i in 0..100_000 {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><guid>g{i}</guid><description>Body {i}</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let feed = feed::parse(xml.as_bytes(), None, "big").unwrap();
    assert_eq!(feed.items.len(), 100_000);
    assert_eq!(feed.items[99_999].article.title, "Item 99999");
    let mut ids: Vec<_> = feed.items.iter().map(|i| i.article.id.0.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 100_000);
}

#[test]
fn content_hash_tracks_text_and_guid_is_stable() {
    let a = parse("rss2.xml");
    let b = parse("rss2.xml");
    assert_eq!(a.items[0].content_hash, b.items[0].content_hash);
    assert_eq!(a.items[0].article.id, b.items[0].article.id);
    let changed = std::fs::read_to_string(fixture("rss2.xml"))
        .unwrap()
        .replace("runs again", "runs once more");
    let c = feed::parse(changed.as_bytes(), None, "https://example.test/rss2.xml").unwrap();
    assert_ne!(a.items[0].content_hash, c.items[0].content_hash);
    assert_eq!(a.items[0].article.id, c.items[0].article.id);
}

#[test]
fn feed_files_load_through_ingest_load() {
    let loaded = readout::ingest::load(&[fixture("atom.xml").to_string_lossy().into_owned()]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].source, "Atom Observer");
}

#[test]
fn invalid_xml_char_refs_become_placeholders_not_a_lost_feed() {
    let feed = parse("invalid-char-refs.xml");
    assert_feed_clean(&feed);
    assert_eq!(feed.title, "Bad refs \u{FFFD}");
    assert_eq!(feed.items.len(), 2);
    assert_eq!(
        feed.items[0].article.title,
        "Nul \u{FFFD} and surrogate \u{FFFD} here"
    );
}

#[test]
fn json_lone_surrogates_become_placeholders_not_a_lost_feed() {
    let feed = parse("lone-surrogates.json");
    assert_feed_clean(&feed);
    assert_eq!(feed.title, "Lone \u{FFFD} surrogate");
    assert_eq!(feed.items[0].article.title, "Bad \u{FFFD} low");
    assert_eq!(feed.items[0].article.body, "text \u{FFFD} end");
    assert_eq!(feed.items[1].article.title, "Fine 😀");
}
