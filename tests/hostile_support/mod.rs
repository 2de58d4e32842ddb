//! Shared helpers for the hostile-input tests: invariants every analysis and every
//! rendered screen must keep, and generators of text meant to break them.
#![allow(dead_code)] // each test binary uses a different subset
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

use proptest::prelude::*;
use readout::nlp::Analysis;
use std::ops::Range;

/// Property-test cases: `default` in `cargo test`, or `PROPTEST_CASES` for a
/// longer run (`PROPTEST_CASES=20000 cargo test --test hostile_nlp`). (An explicit
/// `with_cases` would otherwise ignore the variable.)
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A span is usable: in bounds, on char boundaries, not reversed.
pub fn assert_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of bounds (len {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

/// Every invariant of an [`Analysis`] of `text` that a view relies on, plus bounded
/// output: no more entities than bytes, no index that points nowhere.
pub fn assert_analysis(text: &str, analysis: &Analysis) {
    let mut last_end = 0;
    for sentence in &analysis.sentences {
        assert_span(text, sentence, "sentence");
        assert!(sentence.start >= last_end, "sentences overlap or unsorted");
        last_end = sentence.end;
    }
    let mut last_end = 0;
    for entity in &analysis.entities {
        assert_span(text, &entity.span, "entity");
        assert!(entity.span.start < entity.span.end, "empty entity");
        assert!(
            entity.span.start >= last_end,
            "entities overlap or unsorted"
        );
        last_end = entity.span.end;
        assert!(
            entity.referent < analysis.referents.len(),
            "entity points at missing referent"
        );
    }
    assert!(analysis.entities.len() <= text.len());
    for h in &analysis.headline {
        assert!(h.span.start < h.span.end, "empty headline mention");
        assert!(
            analysis
                .referents
                .get(h.referent)
                .is_some_and(|r| r.mentions.is_empty()),
            "headline mention of a missing referent, or of one the body names"
        );
    }
    for (i, referent) in analysis.referents.iter().enumerate() {
        // Named in the body, or (a country) only in the headline.
        let in_headline = analysis.headline.iter().any(|h| h.referent == i);
        assert!(
            !referent.mentions.is_empty() || in_headline,
            "referent without mentions"
        );
        for &m in &referent.mentions {
            assert!(
                m < analysis.entities.len(),
                "referent points at missing entity"
            );
        }
    }
    for country in analysis.focus.iter().chain(&analysis.mentioned) {
        assert!(country.score.is_finite(), "score {}", country.score);
        for span in &country.evidence {
            assert_span(text, span, "country evidence");
        }
    }
    for c in &analysis.commitments {
        assert_span(text, &c.sentence, "commitment sentence");
        assert_span(text, &c.trigger, "commitment trigger");
        assert_span(text, &c.action, "commitment action");
        if let Some(r) = c.actor_referent {
            assert!(
                r < analysis.referents.len(),
                "commitment points at missing referent"
            );
        }
    }
}

/// A character that must never reach the terminal from outside text.
pub fn is_terminal_control(c: char) -> bool {
    let u = c as u32;
    u < 0x20 && c != '\n'
        || (0x7f..=0x9f).contains(&u)
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Asserts a string is safe to print: no C0/C1 controls, ESC, DEL or bidi overrides.
pub fn assert_printable(s: &str, what: &str) {
    if let Some(c) = s.chars().find(|&c| is_terminal_control(c)) {
        panic!("{what}: control {:#x} in {s:?}", c as u32);
    }
}

/// Pieces of text from many scripts and the characters that trip tokenizers up.
pub fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Li Qiang".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("李强".to_string()),
        Just("Алиев".to_string()),
        Just("مرحبا".to_string()),
        Just("नमस्ते".to_string()),
        Just("👩\u{200d}👩\u{200d}👧".to_string()),
        Just("🇦🇿".to_string()),
        Just("e\u{301}\u{301}\u{301}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{fffd}".to_string()),
        Just("\u{200b}".to_string()),
        Just("...".to_string()),
        Just("\"".to_string()),
        Just("'s".to_string()),
        Just("--".to_string()),
        Just("https://example.com/a?b=(c)".to_string()),
        Just("a@b.example".to_string()),
        Just("#tag".to_string()),
        Just("$1.5bn".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[.,;:!?()\\[\\]'\"-]{1,4}",
        any::<char>().prop_map(String::from),
    ]
}

/// Text made of [`hostile_piece`]s, joined with spaces or not.
pub fn hostile_text(max_pieces: usize) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(hostile_piece(), 0..max_pieces),
        any::<bool>(),
    )
        .prop_map(|(pieces, spaced)| pieces.join(if spaced { " " } else { "" }))
}

/// Bytes that look like an article, a feed or HTML often enough to reach the
/// parsers, and like anything at all otherwise.
pub fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let text = || hostile_text(60).prop_map(String::into_bytes);
    let raw = || prop::collection::vec(any::<u8>(), 0..600);
    let shaped = (
        prop_oneof![
            Just(""),
            Just("Headline\nSource: S\nURL: https://e.example/\"$(id)`x`;\n\n"),
            Just("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"),
            Just("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>"),
            Just("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"title\":\""),
            Just("<!DOCTYPE html><html><head><title>"),
            Just("\u{feff}"),
        ],
        prop_oneof![text(), raw()],
        prop_oneof![
            Just(""),
            Just("</title><item><title>T</title><description>"),
            Just("</title><entry><title>E</title><content type=\"html\">"),
            Just("\"}]}"),
            Just("</title></head><body><p>"),
        ],
        prop_oneof![text(), raw()],
    )
        .prop_map(|(head, a, mid, b)| {
            let mut v = head.as_bytes().to_vec();
            v.extend(a);
            v.extend(mid.as_bytes());
            v.extend(b);
            v
        });
    prop_oneof![shaped, prop::collection::vec(any::<u8>(), 0..2000),]
}
