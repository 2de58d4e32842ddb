//! Hostile files: huge, binary, pathological shapes. Each ends in clean articles
//! or one clear message, with bounded memory and no panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use proptest::prelude::*;
use readout::ingest::file::{self, FileError};
use readout::ingest::slug::IdAllocator;
use readout::ingest::{self, feed, html, opml, urls};
use std::fs;
use std::path::Path;

fn is_clean(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_articles_clean(articles: &[readout::article::Article]) {
    for a in articles {
        assert!(!a.title.is_empty());
        for line in [&a.title, &a.source, &a.id.0] {
            assert!(is_clean(line) && !line.contains('\n'), "{line:?}");
        }
        for opt in [&a.date, &a.url, &a.licence].into_iter().flatten() {
            assert!(is_clean(opt) && !opt.contains('\n'), "{opt:?}");
        }
        assert!(is_clean(&a.body), "{:?}", a.body);
    }
}

fn load_one(path: &Path) -> ingest::Loaded {
    ingest::load(&[path.to_string_lossy().into_owned()])
}

#[test]
fn file_of_100_mb_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    fs::File::create(&path)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    match file::read_capped(&path, file::MAX_FILE_BYTES) {
        Err(FileError::TooLarge { size, .. }) => assert_eq!(size, 100 * 1024 * 1024),
        other => panic!("{other:?}"),
    }
    let loaded = load_one(&path);
    assert!(
        loaded.problems[0].ends_with("too large (104857600 bytes; the limit is 20971520 bytes)")
    );
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_not_read() {
    let loaded = load_one(Path::new("/dev/zero"));
    assert_eq!(loaded.problems, ["/dev/zero: not a regular file"]);
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Opening a FIFO without a writer would block forever.
        let loaded = load_one(&fifo);
        assert!(loaded.problems[0].ends_with("not a regular file"));
    } else {
        eprintln!("mkfifo not available: FIFO case skipped");
    }
}

#[test]
fn single_10_mb_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    fs::write(&path, "x".repeat(10 * 1024 * 1024)).unwrap();
    let loaded = load_one(&path);
    assert!(loaded.problems.is_empty());
    let a = &loaded.articles[0];
    assert!(a.title.chars().count() <= readout::ingest::text_format::MAX_TITLE_CHARS + 1);
    assert_eq!(a.body.len(), 10 * 1024 * 1024);
}

#[test]
fn a_million_tiny_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paras.txt");
    let mut text = String::from("Headline\n\n");
    text.push_str(&"a.\n\n".repeat(1_000_000));
    fs::write(&path, &text).unwrap();
    let loaded = load_one(&path);
    let body = &loaded.articles[0].body;
    assert_eq!(body.matches("\n\n").count(), 999_999);
}

#[test]
fn deeply_nested_html_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.html");
    let depth = 200_000;
    let html = format!(
        "<html><head><title>Deep</title></head><body>{}<p>inside</p>{}</body></html>",
        "<div><span>".repeat(depth),
        "</span></div>".repeat(depth)
    );
    fs::write(&path, html).unwrap();
    let loaded = load_one(&path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles[0].title, "Deep");
    assert_eq!(loaded.articles[0].body, "inside");
}

#[test]
fn deeply_nested_unclosed_tags_in_a_feed_item() {
    let depth = 100_000;
    let content = "&lt;blockquote&gt;".repeat(depth) + "quoted";
    let xml = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><title>I</title><description>{content}</description></item></channel></rss>"
    );
    let feed = feed::parse(xml.as_bytes(), None, "deep").unwrap();
    assert_eq!(feed.items[0].article.body, "quoted");
}

#[test]
fn nesting_cap_is_applied() {
    assert!(html::nesting_depth(&"<div>".repeat(html::MAX_NESTING + 1)) > html::MAX_NESTING);
}

#[test]
fn random_binary_file_is_named_as_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.txt");
    // A fixed pseudo-random sequence (xorshift), 64 KiB.
    let mut x: u32 = 0x9E37_79B9;
    let bytes: Vec<u8> = (0..65_536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    fs::write(&path, bytes).unwrap();
    let loaded = load_one(&path);
    assert!(loaded.articles.is_empty());
    assert!(
        loaded.problems[0].ends_with("noise.txt: not text (binary data)"),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn subscriptions_import_detects_opml_and_urls() {
    let dir = tempfile::tempdir().unwrap();
    let opml_path = dir.path().join("subs.opml");
    fs::write(
        &opml_path,
        "<?xml version='1.0'?><opml version='2.0'><body><outline text='A' xmlUrl='https://a.example/f'/></body></opml>",
    )
    .unwrap();
    let urls_path = dir.path().join("urls");
    fs::write(&urls_path, "https://b.example/rss tag\n").unwrap();
    let a = ingest::import_subscriptions(&opml_path).unwrap();
    assert_eq!(a.subscriptions[0].url, "https://a.example/f");
    let b = ingest::import_subscriptions(&urls_path).unwrap();
    assert_eq!(b.subscriptions[0].tags, ["tag"]);
}

fn kind_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["a.txt", "a.md", "a.html", "a.xml", "a.json", "a"])
}

/// Bytes that look a little like the formats, to reach past the first check.
fn structured_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<rss version=\"2.0\"><channel><title>".to_vec()),
        Just(b"<item><title>".to_vec()),
        Just(b"</title><description>".to_vec()),
        Just(b"</description></item>".to_vec()),
        Just(b"<![CDATA[".to_vec()),
        Just(b"]]>".to_vec()),
        Just(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>".to_vec()),
        Just(b"{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":\"".to_vec()),
        Just(b"<p>".to_vec()),
        Just(b"<div><a href=\"javascript:x\">".to_vec()),
        Just(b"\x1b]0;t\x07".to_vec()),
        Just(b"\x1b[31m".to_vec()),
        Just(b"\xe2\x80\xae".to_vec()),
        Just(b"&amp;&#x1b;&#27;&#x9b;".to_vec()),
        Just(b"Source: x\nDate: 2020-01-01\n\n".to_vec()),
        Just(b"\r\n\n".to_vec()),
        prop::collection::vec(any::<u8>(), 0..16),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// Cases per property: 2048, or `READOUT_FUZZ_CASES` for a longer run.
fn cases() -> u32 {
    std::env::var("READOUT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2048)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn raw_bytes_as_any_file_kind(name in kind_name(), bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut ids = IdAllocator::default();
        if let Ok(articles) = file::parse_bytes(Path::new(name), &bytes, &mut ids) {
            assert_articles_clean(&articles);
        }
    }

    #[test]
    fn structured_bytes_as_any_file_kind(name in kind_name(), bytes in structured_bytes()) {
        let mut ids = IdAllocator::default();
        match file::parse_bytes(Path::new(name), &bytes, &mut ids) {
            Ok(articles) => assert_articles_clean(&articles),
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(is_clean(&msg) && !msg.contains('\n'), "{:?}", msg);
            }
        }
    }

    #[test]
    fn structured_bytes_as_feed_with_charset(bytes in structured_bytes(), charset in prop::sample::select(vec![None, Some("text/xml; charset=iso-8859-1"), Some("text/xml; charset=gb2312"), Some("text/xml; charset=bogus")])) {
        if let Ok(feed) = feed::parse(&bytes, charset, "https://fuzz.example/feed") {
            prop_assert!(is_clean(&feed.title));
            let articles: Vec<_> = feed.items.into_iter().map(|i| i.article).collect();
            assert_articles_clean(&articles);
        }
    }

    #[test]
    fn raw_html_to_text(bytes in structured_bytes()) {
        let text = html::fragment_to_text(&String::from_utf8_lossy(&bytes), Some("https://x.example/"));
        prop_assert!(is_clean(&text.text));
        prop_assert!(is_clean(&text.title));
        for link in &text.links {
            prop_assert!(link.starts_with("http") || link.starts_with("mailto:"));
        }
    }

    #[test]
    fn raw_bytes_as_opml_and_urls(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        if let Ok(imported) = opml::import(&bytes) {
            for s in &imported.subscriptions {
                prop_assert!(is_clean(&s.url));
            }
        }
        let imported = urls::import(&bytes);
        for s in &imported.subscriptions {
            prop_assert!(is_clean(&s.url) && s.tags.iter().all(|t| is_clean(t)));
        }
        for p in &imported.problems {
            prop_assert!(is_clean(p));
        }
    }
}

#[test]
fn many_links_and_deep_opml_stay_linear() {
    // 200,000 distinct links: numbering must not be quadratic.
    let html: String = (0..200_000)
        .map(|i| format!("<a href=\"https://l.example/{i}\">x</a> "))
        .collect();
    let text = html::fragment_to_text(&html, None);
    assert_eq!(text.links.len(), 200_000);
    assert!(text.text.ends_with("x [200000]"));
    // 100,000 nested folders, a feed in each.
    let depth = 100_000;
    let mut xml = String::from("<opml version=\"2.0\"><body>");
    for i in 0..depth {
        xml.push_str(&format!(
            "<outline text=\"f{i}\"><outline text=\"s\" xmlUrl=\"https://o.example/{i}\"/>"
        ));
    }
    xml.push_str(&"</outline>".repeat(depth));
    xml.push_str("</body></opml>");
    let imported = opml::import(xml.as_bytes()).unwrap();
    assert_eq!(imported.subscriptions.len(), depth);
    assert_eq!(imported.subscriptions[depth - 1].tags.len(), 8);
    // One urls line with 100,000 tags.
    let line = format!(
        "https://u.example/f {}",
        (0..100_000).map(|i| format!("t{i} ")).collect::<String>()
    );
    assert_eq!(
        urls::import(line.as_bytes()).subscriptions[0].tags.len(),
        100_000
    );
}
