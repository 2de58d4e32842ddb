#![allow(dead_code)] // each target uses part of it
// Invariants shared by the fuzz targets: what leaves ingest is printable, and an
// analysis's spans are usable. A violation panics, which libFuzzer reports as a crash.

use readout::article::Article;
use readout::nlp::Analysis;

/// Panics if `s` holds anything that could drive a terminal.
pub fn printable(s: &str, what: &str) {
    for c in s.chars() {
        let u = c as u32;
        let bad = (u < 0x20 && c != '\n')
            || (0x7f..=0x9f).contains(&u)
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: control {u:#x}");
    }
}

/// Panics unless every string of the article is safe to print.
pub fn article(a: &Article) {
    printable(&a.title, "title");
    assert!(!a.title.contains('\n'), "newline in title");
    printable(&a.source, "source");
    printable(&a.id.0, "id");
    printable(&a.body, "body");
    for field in [&a.date, &a.url, &a.licence].into_iter().flatten() {
        printable(field, "header");
        assert!(!field.contains('\n'), "newline in header");
    }
}

fn span(text: &str, s: &std::ops::Range<usize>) {
    assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} out of bounds");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "span {s:?} off char boundary"
    );
}

/// Panics unless every span is in bounds and on char boundaries, and every index valid.
pub fn analysis(text: &str, a: &Analysis) {
    let mut last = 0;
    for e in &a.entities {
        span(text, &e.span);
        assert!(e.span.start >= last, "entities overlap");
        last = e.span.end;
        assert!(e.referent < a.referents.len(), "dangling referent");
    }
    for s in &a.sentences {
        span(text, s);
    }
    for r in &a.referents {
        assert!(r.mentions.iter().all(|&m| m < a.entities.len()), "dangling mention");
    }
    for c in a.focus.iter().chain(&a.mentioned) {
        assert!(c.score.is_finite());
        c.evidence.iter().for_each(|s| span(text, s));
    }
    for c in &a.commitments {
        span(text, &c.sentence);
        span(text, &c.trigger);
        span(text, &c.action);
    }
}
