//! Feeds over HTTP from a local test server: success, failure and hostile servers.
//! Every case ends in articles or one clear error, within the configured limits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

#[path = "support/http_server.rs"]
mod http_server;

use flate2::Compression;
use flate2::write::GzEncoder;
use http_server::{Reply, Request, TestServer};
use readout::ingest::http::{FetchConfig, FetchError, Fetched, Fetcher, Validators};
use readout::ingest::source::{FeedUpdate, SourceError, fetch_feed_with};
use std::io::Write;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/feeds")
            .join(name),
    )
    .unwrap()
}

fn large_feed(items: usize) -> String {
    let mut xml =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Large</title>");
    for i in 0..items {
        xml.push_str(&format!(
            "<item><title>Story {i}</title><link>https://large.example/{i}</link><guid>large-{i}</guid>\
             <pubDate>Mon, 03 Mar 2025 08:30:00 GMT</pubDate>\
             <description>&lt;p&gt;Paragraph one of story {i}.&lt;/p&gt;&lt;p&gt;Paragraph two.&lt;/p&gt;</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn handler(req: &Request) -> Reply {
    let rss = |name: &str| Reply::ok("application/rss+xml", fixture(name));
    match req.path.as_str() {
        "/normal.xml" => rss("rss2.xml"),
        "/large.xml" => Reply::ok("application/rss+xml", large_feed(10_000)),
        "/slow.xml" => Reply::Delayed(Duration::from_secs(10), Box::new(rss("rss2.xml"))),
        "/never" => Reply::Never,
        "/404" => Reply::status(404),
        "/500" => Reply::status(500),
        "/loop-a" => Reply::redirect("/loop-b"),
        "/loop-b" => Reply::redirect("/loop-a"),
        "/moved" => Reply::redirect("/normal.xml"),
        "/malformed.xml" => rss("malformed.xml"),
        "/truncated.xml" => {
            let body = fixture("rss2.xml");
            Reply::Truncated {
                declared: body.len() + 500,
                body: body[..body.len() / 2].to_vec(),
            }
        }
        "/gzip.xml" => Reply::Full {
            status: 200,
            headers: vec![
                ("Content-Type".into(), "application/rss+xml".into()),
                ("Content-Encoding".into(), "gzip".into()),
            ],
            body: gzip(&fixture("rss2.xml")),
        },
        "/gzip-bomb.xml" => Reply::Full {
            status: 200,
            headers: vec![("Content-Encoding".into(), "gzip".into())],
            body: gzip(&vec![b' '; 64 * 1024 * 1024]),
        },
        "/etag.xml" => {
            if req.header("if-none-match") == Some("\"v1\"") {
                Reply::Full {
                    status: 304,
                    headers: vec![],
                    body: vec![],
                }
            } else {
                Reply::Full {
                    status: 200,
                    headers: vec![
                        ("Content-Type".into(), "application/rss+xml".into()),
                        ("ETag".into(), "\"v1\"".into()),
                        (
                            "Last-Modified".into(),
                            "Mon, 03 Mar 2025 08:30:00 GMT".into(),
                        ),
                    ],
                    body: fixture("rss2.xml"),
                }
            }
        }
        "/since.xml" => {
            if req.header("if-modified-since") == Some("Mon, 03 Mar 2025 08:30:00 GMT") {
                Reply::Full {
                    status: 304,
                    headers: vec![],
                    body: vec![],
                }
            } else {
                Reply::Full {
                    status: 200,
                    headers: vec![(
                        "Last-Modified".into(),
                        "Mon, 03 Mar 2025 08:30:00 GMT".into(),
                    )],
                    body: fixture("rss2.xml"),
                }
            }
        }
        "/latin1-header.xml" => {
            // No XML declaration: only the HTTP charset says ISO-8859-1.
            let bytes = fixture("latin1.xml");
            let body = bytes.splitn(2, |b| *b == b'\n').nth(1).unwrap().to_vec();
            Reply::ok("application/rss+xml; charset=ISO-8859-1", body)
        }
        "/latin1.xml" => rss("latin1.xml"),
        "/hostile.xml" => rss("hostile.xml"),
        "/endless" => Reply::Endless(b"<item><title>again</title></item>".repeat(100)),
        "/user-agent" => Reply::ok(
            "text/plain",
            req.header("user-agent").unwrap_or("").to_string(),
        ),
        "/accept-encoding" => Reply::ok(
            "text/plain",
            req.header("accept-encoding").unwrap_or("").to_string(),
        ),
        _ => Reply::status(404),
    }
}

fn server() -> TestServer {
    TestServer::start(handler)
}

/// Short limits so the hostile cases finish fast.
fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(2),
        max_body: 2 * 1024 * 1024,
        max_redirects: 5,
    })
}

fn feed(server: &TestServer, path: &str) -> Result<FeedUpdate, SourceError> {
    fetch_feed_with(&fetcher(), &server.url(path), &Validators::default())
}

fn updated(result: Result<FeedUpdate, SourceError>) -> readout::ingest::feed::ParsedFeed {
    match result {
        Ok(FeedUpdate::Updated { feed, .. }) => feed,
        Ok(FeedUpdate::Unchanged) => panic!("unexpected 304"),
        Err(e) => panic!("fetch failed: {e}"),
    }
}

fn fetch_error(result: Result<FeedUpdate, SourceError>) -> FetchError {
    match result {
        Err(SourceError::Fetch(e)) => e,
        Err(other) => panic!("expected a fetch error, got {other}"),
        Ok(_) => panic!("expected a fetch error, got a feed"),
    }
}

#[test]
fn normal_feed() {
    let s = server();
    let feed = updated(feed(&s, "/normal.xml"));
    assert_eq!(feed.title, "Harbour Gazette");
    assert_eq!(feed.items.len(), 3);
    assert!(
        feed.items[0]
            .article
            .body
            .contains("[1] https://gazette.example/islands")
    );
}

#[test]
fn large_feed_10000_items() {
    let s = server();
    let feed = updated(fetch_feed_with(
        &Fetcher::new(FetchConfig::default()),
        &s.url("/large.xml"),
        &Validators::default(),
    ));
    assert_eq!(feed.items.len(), 10_000);
    assert_eq!(feed.items[9_999].article.title, "Story 9999");
    assert_eq!(
        feed.items[0].article.body,
        "Paragraph one of story 0.\n\nParagraph two."
    );
}

#[test]
fn slow_server_times_out() {
    let s = server();
    let start = Instant::now();
    assert_eq!(fetch_error(feed(&s, "/slow.xml")), FetchError::Timeout);
    assert!(start.elapsed() < Duration::from_secs(8));
}

#[test]
fn server_that_never_answers_times_out() {
    let s = server();
    let start = Instant::now();
    assert_eq!(fetch_error(feed(&s, "/never")), FetchError::Timeout);
    assert!(start.elapsed() < Duration::from_secs(8));
}

#[test]
fn not_found_and_server_error() {
    let s = server();
    assert_eq!(fetch_error(feed(&s, "/404")), FetchError::Status(404));
    assert_eq!(fetch_error(feed(&s, "/500")), FetchError::Status(500));
    assert_eq!(FetchError::Status(404).to_string(), "HTTP status 404");
}

#[test]
fn redirect_loop_stops() {
    let s = server();
    let err = fetch_error(feed(&s, "/loop-a"));
    assert_eq!(err, FetchError::TooManyRedirects(5));
    assert!(s.requests() <= 7, "{} requests", s.requests());
}

#[test]
fn redirect_followed() {
    let s = server();
    match fetcher().fetch(&s.url("/moved"), &Validators::default()) {
        Ok(Fetched::Modified { final_url, .. }) => assert!(final_url.ends_with("/normal.xml")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_xml_is_a_feed_error() {
    let s = server();
    match feed(&s, "/malformed.xml") {
        Err(SourceError::Feed(e)) => assert!(e.to_string().starts_with("not a valid feed")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn truncated_body_is_an_error() {
    let s = server();
    let err = fetch_error(feed(&s, "/truncated.xml"));
    assert_eq!(err, FetchError::Truncated, "{err}");
}

#[test]
fn gzip_is_decoded() {
    let s = server();
    let feed = updated(feed(&s, "/gzip.xml"));
    assert_eq!(feed.items.len(), 3);
    let Ok(Fetched::Modified { bytes, .. }) =
        fetcher().fetch(&s.url("/accept-encoding"), &Validators::default())
    else {
        panic!("no response");
    };
    assert!(String::from_utf8_lossy(&bytes).contains("gzip"));
}

#[test]
fn gzip_bomb_hits_the_size_limit() {
    let s = server();
    assert_eq!(
        fetch_error(feed(&s, "/gzip-bomb.xml")),
        FetchError::TooLarge(2 * 1024 * 1024)
    );
}

#[test]
fn etag_gives_304_unchanged() {
    let s = server();
    let first = fetch_feed_with(&fetcher(), &s.url("/etag.xml"), &Validators::default());
    let Ok(FeedUpdate::Updated { validators, .. }) = first else {
        panic!("first fetch: {first:?}");
    };
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        validators.last_modified.as_deref(),
        Some("Mon, 03 Mar 2025 08:30:00 GMT")
    );
    let second = fetch_feed_with(&fetcher(), &s.url("/etag.xml"), &validators);
    assert!(matches!(second, Ok(FeedUpdate::Unchanged)), "{second:?}");
}

#[test]
fn last_modified_gives_304_unchanged() {
    let s = server();
    let validators = Validators {
        etag: None,
        last_modified: Some("Mon, 03 Mar 2025 08:30:00 GMT".into()),
    };
    let again = fetch_feed_with(&fetcher(), &s.url("/since.xml"), &validators);
    assert!(matches!(again, Ok(FeedUpdate::Unchanged)), "{again:?}");
}

#[test]
fn iso_8859_1_by_declaration_and_by_header() {
    let s = server();
    for path in ["/latin1.xml", "/latin1-header.xml"] {
        let feed = updated(feed(&s, path));
        assert_eq!(
            feed.items[0].article.title, "Café crème et débats",
            "{path}"
        );
    }
}

#[test]
fn hostile_feed_is_sanitised() {
    let s = server();
    let feed = updated(feed(&s, "/hostile.xml"));
    for item in &feed.items {
        let a = &item.article;
        for text in [&a.title, &a.body, &a.source] {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{text:?}"
            );
            assert!(!text.contains('\u{202e}'));
        }
        assert!(!a.body.contains("document.write"));
    }
}

#[test]
fn endless_body_hits_the_size_limit() {
    let s = server();
    assert_eq!(
        fetch_error(feed(&s, "/endless")),
        FetchError::TooLarge(2 * 1024 * 1024)
    );
}

#[test]
fn user_agent_names_readout() {
    let s = server();
    let Ok(Fetched::Modified { bytes, .. }) =
        fetcher().fetch(&s.url("/user-agent"), &Validators::default())
    else {
        panic!("no response");
    };
    assert_eq!(
        String::from_utf8_lossy(&bytes),
        format!("readout/{}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn refused_connection_is_a_clear_error() {
    // Bind and drop to find a port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = fetcher()
        .fetch(
            &format!("http://127.0.0.1:{port}/feed"),
            &Validators::default(),
        )
        .unwrap_err();
    assert_eq!(err, FetchError::ConnectionFailed, "{err}");
}

#[test]
fn load_reports_failing_urls_and_keeps_others() {
    let s = server();
    let loaded = readout::ingest::load(&[s.url("/normal.xml"), s.url("/404")]);
    assert_eq!(loaded.articles.len(), 3);
    assert_eq!(
        loaded.problems,
        vec![format!("{}: HTTP status 404", s.url("/404"))]
    );
}
