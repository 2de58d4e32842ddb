//! Refresh and cache benchmarks (issue 5):
//! - `refresh/store_10k`: storing one 10,000-item fetch with analyses (one transaction);
//! - `cache/open_10k` and `cache/load_library_10k`: what the reader's first frame
//!   waits for with 10,000 cached articles (target: <= 200 ms together).
//!
//! - `refresh/http_10k`: a 10,000-item feed served on 127.0.0.1: fetch, parse,
//!   sanitise, analyse and store (target <= 3 s); `refresh/http_304`: the same
//!   feed unchanged, answered 304 (target <= 100 ms).
//!
//! - `startup/first_frame_10k`: the reader's start with 10,000 cached articles,
//!   from opening the cache to the first frame drawn on a `TestBackend`
//!   (cache articles without analyses, bundled corpus, app, layout, draw;
//!   target <= 200 ms).
//!
//! Run: `cargo bench --bench refresh`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

use criterion::{Criterion, criterion_group, criterion_main};
use readout::article::{Article, ArticleId, Origin};
use readout::nlp::{
    Analysis, Commitment, CommitmentKind, CountryCode, CountryScore, Entity, EntityKind, Referent,
};
use readout::store::{FeedFetch, IncomingItem, Store, content_hash};
use std::hint::black_box;
use std::time::Duration;

const ITEMS: usize = 10_000;

/// A news-sized article (about 3 KB) with a distinct text.
fn article(i: usize) -> Article {
    let paragraph = "Premier Li Qiang met President Ilham Aliyev in Beijing on Wednesday, \
        and the two sides agreed to deepen cooperation on trade, energy and transport. \
        China is willing to work with Azerbaijan to expand people-to-people exchanges. ";
    Article {
        id: ArticleId(format!("parsed-{i}")),
        title: format!("Story number {i} about cooperation"),
        source: "Bench Wire".into(),
        date: Some(format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
        url: Some(format!("https://news.example/{i}")),
        licence: None,
        body: format!("{i}. {}", paragraph.repeat(12)),
        origin: Origin::Feed("https://news.example/feed".into()),
    }
}

/// An analysis the size a real one has: 40 sentences, 60 mentions, 15 referents,
/// 6 countries, 8 commitments.
fn analysis() -> Analysis {
    let cn = CountryCode::new("CN");
    let entities = (0..60)
        .map(|i| Entity {
            span: i * 40..i * 40 + 9,
            kind: EntityKind::ALL[i % 4],
            referent: i % 15,
        })
        .collect();
    let referents = (0..15)
        .map(|i| Referent {
            name: format!("Referent Name {i}"),
            kind: EntityKind::ALL[i % 4],
            country: cn,
            mentions: (0..4).map(|m| m * 15 + i).collect(),
        })
        .collect();
    let scores: Vec<CountryScore> = ["CN", "AZ", "US", "RU", "TR", "IR"]
        .iter()
        .filter_map(|c| CountryCode::new(c))
        .map(|code| CountryScore {
            code,
            score: 0.5,
            evidence: vec![10..20, 300..310, 900..909],
        })
        .collect();
    let commitments = (0..8)
        .map(|i| Commitment {
            actor: "China".into(),
            actor_referent: Some(i),
            actor_members: Vec::new(),
            speaker: Some("Li Qiang".into()),
            kind: CommitmentKind::ALL[i % 5],
            sentence: i * 100..i * 100 + 90,
            trigger: i * 100 + 10..i * 100 + 20,
            action: i * 100 + 20..i * 100 + 80,
        })
        .collect();
    Analysis {
        sentences: (0..40).map(|i| i * 75..i * 75 + 74).collect(),
        entities,
        referents,
        focus: scores[..2].to_vec(),
        mentioned: scores,
        commitments,
        headline: Vec::new(),
    }
}

/// A cache holding `ITEMS` articles with analyses.
fn filled_cache(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    let (feed, _) = store.add_feed("https://news.example/feed", &[]).unwrap();
    let articles: Vec<Article> = (0..ITEMS).map(article).collect();
    let hashes: Vec<String> = articles.iter().map(content_hash).collect();
    let analysis = analysis();
    let guids: Vec<String> = (0..ITEMS).map(|i| format!("guid-{i}")).collect();
    let items: Vec<IncomingItem<'_>> = articles
        .iter()
        .zip(&hashes)
        .zip(&guids)
        .map(|((article, hash), guid)| IncomingItem {
            article,
            guid: Some(guid),
            content_hash: hash,
            analysis: Some(&analysis),
        })
        .collect();
    store
        .store_fetch(feed, &FeedFetch::default(), &items)
        .unwrap();
}

fn store_10k(c: &mut Criterion) {
    let mut group = c.benchmark_group("refresh");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("store_10k", |b| {
        b.iter_with_setup(
            || tempfile::tempdir().unwrap(),
            |dir| filled_cache(&dir.path().join("readout.db")),
        )
    });
    group.finish();
}

fn first_frame_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("readout.db");
    filled_cache(&path);
    let mut group = c.benchmark_group("cache");
    group.sample_size(20);
    group.bench_function("open_10k", |b| {
        b.iter(|| black_box(Store::open(&path).unwrap()))
    });
    let store = Store::open(&path).unwrap();
    group.bench_function("load_library_10k", |b| {
        b.iter(|| {
            let library = store.load_library().unwrap();
            assert_eq!(library.articles.len(), ITEMS);
            black_box(library)
        })
    });
    group.bench_function("load_articles_10k", |b| {
        b.iter(|| black_box(store.load_articles().unwrap()))
    });
    let articles: Vec<Article> = store
        .load_articles()
        .unwrap()
        .articles
        .into_iter()
        .map(|c| c.article)
        .collect();
    group.bench_function("cached_analyses_10k", |b| {
        b.iter(|| black_box(store.cached_analyses(&articles).unwrap()))
    });
    group.bench_function("open_and_load_10k", |b| {
        b.iter(|| black_box(Store::open(&path).unwrap().load_library().unwrap()))
    });
    group.finish();
}

/// Serves `body` forever on 127.0.0.1 with an ETag; 304 when it matches.
fn serve(body: Vec<u8>) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed.xml", listener.local_addr().unwrap());
    let body = std::sync::Arc::new(body);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let body = body.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut matched = false;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                        break;
                    }
                    matched |= line
                        .to_ascii_lowercase()
                        .starts_with("if-none-match: \"big\"");
                }
                let mut out = stream;
                if matched {
                    let _ = out.write_all(
                        b"HTTP/1.1 304 Not Modified\r\nETag: \"big\"\r\nConnection: close\r\n\r\n",
                    );
                } else {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nETag: \"big\"\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = out.write_all(head.as_bytes());
                    let _ = out.write_all(&body);
                }
            });
        }
    });
    url
}

/// An RSS feed of `n` news-like items of about 800 bytes (8 MB: under the 10 MB limit).
fn big_feed(n: usize) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Big</title><link>https://news.example/</link><description>d</description>",
    );
    for i in 0..n {
        xml.push_str(&format!(
            "<item><title>Premier meets president, story {i}</title><link>https://news.example/{i}</link><guid>big-{i}</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;Premier Li Qiang met President Ilham Aliyev in Beijing on Wednesday, and the two sides agreed to deepen cooperation on trade, energy and transport. China is willing to work with Azerbaijan to expand exchanges ({i}).&lt;/p&gt;&lt;p&gt;Officials said the talks covered the Middle Corridor, investment and culture, and pledged further meetings next year.&lt;/p&gt;</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    xml.into_bytes()
}

fn refresh_over_http(c: &mut Criterion) {
    use readout::refresh::{self, RefreshOptions, network::NetworkSource};
    let url = serve(big_feed(ITEMS));
    let source = NetworkSource::default();
    let mut group = c.benchmark_group("refresh");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("http_10k", |b| {
        b.iter_with_setup(
            || {
                let dir = tempfile::tempdir().unwrap();
                let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
                store.add_feed(&url, &[]).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                let summary =
                    refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {})
                        .unwrap();
                assert!(!summary.all_failed(), "{summary:?}");
                (dir, store)
            },
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("readout.db")).unwrap();
    store.add_feed(&url, &[]).unwrap();
    refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
    group.bench_function("http_304", |b| {
        b.iter(|| {
            let summary =
                refresh::refresh(&mut store, &source, RefreshOptions::default(), |_| {}).unwrap();
            assert_eq!(summary.feeds[0].1, refresh::FeedOutcome::NotModified);
        })
    });
    group.finish();
}

/// What `readout` with no arguments does before its first frame, minus the terminal.
fn reader_first_frame_10k(c: &mut Criterion) {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use readout::tui::{action::Action, app::App, keymap::Keymap, update::update, view::view};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("readout.db");
    filled_cache(&path);
    let mut group = c.benchmark_group("startup");
    group.sample_size(20);
    group.bench_function("first_frame_10k", |b| {
        b.iter(|| {
            let start = readout::tui::startup::<String>(&[], Some(&path));
            assert!(start.library.len() >= ITEMS);
            let mut app = App::new(start.library, Keymap::default(), None);
            app.feeds = start.feeds;
            update(&mut app, Action::Resize(120, 40));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|frame| view(&app, frame)).unwrap();
            black_box((app, start.store))
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    reader_first_frame_10k,
    first_frame_10k,
    store_10k,
    refresh_over_http
);
criterion_main!(benches);
