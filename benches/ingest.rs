//! Ingest benchmarks: a 10,000-item feed parsed and sanitised (bytes to
//! FeedItems), HTML to text, and the sanitiser alone, each against a naive baseline.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readout::ingest::{feed, html, sanitize};
use std::hint::black_box;

/// A 10,000-item RSS 2.0 feed with HTML descriptions (about 5 MB).
fn large_feed(items: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench</title>",
    );
    for i in 0..items {
        xml.push_str(&format!(
            "<item><title>Minister {i} meets counterpart in capital</title>\
             <link>https://bench.example/story/{i}</link><guid>bench-{i}</guid>\
             <pubDate>Mon, 03 Mar 2025 08:30:00 GMT</pubDate>\
             <description><![CDATA[<p>The two sides agreed to deepen cooperation in trade, \
             energy and <a href=\"/topics/{i}\">infrastructure</a>, officials said on Monday.</p>\
             <p>They pledged to hold further talks next year and signed <b>three</b> memoranda \
             on transport, tourism and education.</p><ul><li>Trade</li><li>Energy</li></ul>\
             <p><img src=\"/i/{i}.jpg\" alt=\"Delegations\"></p>]]></description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

fn feed_parse(c: &mut Criterion) {
    let xml = large_feed(10_000);
    let mut group = c.benchmark_group("feed_10k_items");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(xml.len() as u64));
    group.bench_function("parse_and_sanitise", |b| {
        b.iter(|| {
            let feed = feed::parse(
                black_box(xml.as_bytes()),
                None,
                "https://bench.example/feed",
            )
            .unwrap_or_else(|e| unreachable!("{e}"));
            black_box(feed.items.len())
        })
    });
    // Baseline: feed-rs alone, no decoding, HTML conversion or sanitising.
    group.bench_function("feed_rs_only_baseline", |b| {
        b.iter(|| {
            let feed = feed_rs::parser::parse(black_box(xml.as_bytes()))
                .unwrap_or_else(|e| unreachable!("{e}"));
            black_box(feed.entries.len())
        })
    });
    group.finish();
}

fn html_to_text(c: &mut Criterion) {
    let item = "<p>The two sides agreed to deepen cooperation in trade, energy and \
        <a href=\"/topics/1\">infrastructure</a>, officials said.</p><ul><li>Trade</li></ul>";
    let page = item.repeat(2_000);
    let mut group = c.benchmark_group("html_to_text");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("fragment_300kb", |b| {
        b.iter(|| {
            black_box(html::fragment_to_text(
                black_box(&page),
                Some("https://x.example/"),
            ))
        })
    });
    group.bench_function("flatten_baseline", |b| {
        b.iter(|| black_box(html::flatten(black_box(&page))))
    });
    group.finish();
}

fn sanitise(c: &mut Criterion) {
    let text = "Plain news text with a few \u{1b}[31mescapes\u{1b}[0m and\r\nline endings. "
        .repeat(20_000);
    let mut group = c.benchmark_group("sanitize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("body_1_6mb", |b| {
        b.iter(|| black_box(sanitize::body(black_box(&text))))
    });
    // Baseline: dropping control characters only, no escape-sequence parsing.
    group.bench_function("filter_controls_baseline", |b| {
        b.iter(|| {
            black_box(
                black_box(&text)
                    .chars()
                    .filter(|c| !c.is_control() || *c == '\n')
                    .collect::<String>(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, feed_parse, html_to_text, sanitise);
criterion_main!(benches);
