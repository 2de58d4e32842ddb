//! Hostile files end to end: raw bytes on disk -> ingest -> analysis. Whatever the
//! bytes, loading never panics, every string that leaves ingest is safe to print,
//! and the analysis of what loaded keeps its invariants. (Single-stage limits, such
//! as 100 MB files, /dev/zero, billion laughs and 100,000-item feeds, are tested by
//! ingest's own tests; the analysis of huge text by `hostile_nlp.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

mod hostile_support;

use hostile_support::{assert_analysis, assert_printable, hostile_bytes};
use proptest::prelude::*;
use readout::article::Article;
use readout::ingest;
use std::fs;
use std::path::Path;

/// Everything a view or a message could print from an article.
fn assert_article_printable(a: &Article) {
    assert_printable(&a.title, "title");
    assert!(!a.title.contains('\n'), "newline in title {:?}", a.title);
    assert_printable(&a.source, "source");
    assert!(!a.source.contains('\n'), "newline in source");
    assert_printable(&a.id.0, "id");
    assert_printable(&a.body, "body");
    for field in [&a.date, &a.url, &a.licence].into_iter().flatten() {
        assert_printable(field, "header field");
        assert!(!field.contains('\n'), "newline in header field {field:?}");
    }
}

/// Loads `paths`, checks every article and problem line, analyses every article.
fn load_and_check(paths: &[&Path]) -> ingest::Loaded {
    let loaded = ingest::load(paths);
    for problem in &loaded.problems {
        assert_printable(problem, "problem message");
        assert!(!problem.contains('\n'), "multi-line problem {problem:?}");
    }
    for article in &loaded.articles {
        assert_article_printable(article);
        let analysis = readout::nlp::analyze(article);
        assert_analysis(&article.body, &analysis);
    }
    loaded
}

/// Regressions found by the fuzz targets (`fuzz/`), each named after what it broke.
#[test]
fn fuzz_regressions() {
    let cases: [(&str, &[u8]); 3] = [
        (
            // quick-xml panicked inside feed-rs on a second XML declaration that
            // names an encoding ("set_encoding() called after prefix buffer was
            // drained"): the `feed` target's first crash, minimised.
            "late-declaration.xml",
            b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title><item>\
              <title>Hello world</title><?xml version=\"1.0\" encoding=\"GB2312\"?>\
              <description>x</description></item></channel></rss>\n",
        ),
        (
            "late-declaration-first.rss",
            b"<rss version=\"2.0\"><?xml version='1.0' encoding='UTF-16'?><channel><title>T</title>\
              <item><title>One</title></item></channel></rss>",
        ),
        (
            "late-declaration.atom",
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
              <title>T</title><entry><title>E</title><?xml version=\"1.0\" encoding=\"KOI8-R\"?>\
              <content>x</content></entry></feed>",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in cases {
        let path = write(dir.path(), name, bytes);
        let loaded = load_and_check(&[path.as_path()]);
        assert_eq!(
            loaded.articles.len() + loaded.problems.len(),
            1,
            "{name}: {loaded:?}"
        );
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(hostile_support::cases(256)))]

    #[test]
    fn any_bytes_in_any_kind_of_file(
        bytes in hostile_bytes(),
        ext in prop_oneof![
            Just("txt"), Just("md"), Just("html"), Just("xml"), Just("rss"),
            Just("atom"), Just("json"), Just("bin")
        ],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), &format!("a.{ext}"), &bytes);
        let loaded = load_and_check(&[&path]);
        // Every source gives articles or a line saying why not.
        prop_assert!(!loaded.articles.is_empty() || !loaded.problems.is_empty());
    }
}

#[cfg(unix)]
#[test]
fn hostile_file_names_never_reach_messages_raw() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let names: [&[u8]; 6] = [
        b"title\x1b]0;pwned\x07.txt",
        b"clip\x1b]52;c;cHduZWQ=\x07.txt",
        b"csi\x1b[2J\x1b[H.txt",
        b"bidi\xe2\x80\xaetxt.exe.txt",
        b"invalid\xff\xfe.txt",
        b"c1\xc2\x9b31m\xc2\x9d0;t\xc2\x9c.txt",
    ];
    for name in names {
        let path = dir.path().join(OsStr::from_bytes(name));
        // Half of them are readable articles, half are binary: both paths print the name.
        fs::write(&path, b"Headline\n\nBody text.").unwrap();
        let binary = dir
            .path()
            .join(OsStr::from_bytes(&[name, b".bin.txt"].concat()));
        fs::write(&binary, b"\x00\x01\x02binary").unwrap();
    }
    let loaded = load_and_check(&[dir.path()]);
    assert_eq!(loaded.articles.len(), names.len());
    assert_eq!(loaded.problems.len(), names.len());
    for article in &loaded.articles {
        let readout::article::Origin::File(origin) = &article.origin else {
            panic!("file article with origin {:?}", article.origin);
        };
        assert_printable(origin, "origin");
    }
}

#[test]
fn deeply_nested_html_file() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 50_000;
    let html = format!(
        "<html><head><title>Deep</title></head><body>{}Li Qiang met Ilham Aliyev in Baku.{}</body></html>",
        "<div><span><b>".repeat(depth),
        "</b></span></div>".repeat(depth)
    );
    let path = write(dir.path(), "deep.html", html.as_bytes());
    let loaded = load_and_check(&[&path]);
    assert_eq!(loaded.articles.len(), 1, "{:?}", loaded.problems);
    assert!(loaded.articles[0].body.contains("Aliyev"));
    // Unclosed tags, nested even deeper.
    let html = format!("<title>Open</title>{}x", "<ul><li>".repeat(100_000));
    let path = write(dir.path(), "open.html", html.as_bytes());
    load_and_check(&[&path]);
}
