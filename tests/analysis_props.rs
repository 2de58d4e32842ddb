//! Invariants of the whole analysis on arbitrary input: no panic, every span
//! in bounds and on char boundaries, lists sorted, indices valid.

use proptest::prelude::*;
use readout::nlp::{Analysis, Span, analyze_text};

fn span_ok(text: &str, s: &Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn check(title: &str, text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    for s in &a.sentences {
        prop_assert!(span_ok(text, s), "sentence {s:?}");
    }
    prop_assert!(a.sentences.windows(2).all(|w| w[0].start <= w[1].start));
    prop_assert!(
        a.entities
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start),
        "entities sorted, disjoint"
    );
    for (i, e) in a.entities.iter().enumerate() {
        prop_assert!(
            span_ok(text, &e.span) && e.span.start < e.span.end,
            "entity {:?}",
            e.span
        );
        let r = a.referents.get(e.referent);
        prop_assert!(r.is_some_and(|r| r.mentions.contains(&i) && r.kind == e.kind));
    }
    for h in &a.headline {
        prop_assert!(
            span_ok(title, &h.span) && h.span.start < h.span.end,
            "headline {h:?}"
        );
        prop_assert!(
            a.referents
                .get(h.referent)
                .is_some_and(|r| r.mentions.is_empty())
        );
    }
    for (i, r) in a.referents.iter().enumerate() {
        // Named in the body, or only in the headline.
        let in_headline = a.headline.iter().any(|h| h.referent == i);
        prop_assert!(
            !r.mentions.is_empty() || in_headline,
            "referent {r:?} named nowhere"
        );
        prop_assert!(r.mentions.windows(2).all(|w| w[0] < w[1]));
    }
    for c in a.focus.iter().chain(&a.mentioned) {
        prop_assert!((0.0..=1.0).contains(&c.score));
        prop_assert!(c.evidence.iter().all(|s| span_ok(text, s)));
        prop_assert!(c.evidence.windows(2).all(|w| w[0].start <= w[1].start));
    }
    for f in &a.focus {
        prop_assert!(
            a.mentioned.iter().any(|m| m.code == f.code),
            "focus is a subset of mentioned"
        );
    }
    prop_assert!(
        a.commitments
            .windows(2)
            .all(|w| w[0].sentence.start <= w[1].sentence.start)
    );
    for c in &a.commitments {
        for s in [&c.sentence, &c.trigger, &c.action] {
            prop_assert!(span_ok(text, s));
        }
        prop_assert!(c.sentence.start <= c.trigger.start && c.action.end <= c.sentence.end);
        prop_assert!(c.trigger.end <= c.action.start);
    }
    Ok(())
}

/// Words that make the stages fire: names, titles, cues, punctuation.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "China",
        "is willing to",
        "said",
        "Li Qiang",
        "President",
        "Azerbaijani",
        ",",
        ".",
        "\"",
        "will",
        "the two sides",
        "should",
        "He",
        "also expressed",
        "'s",
        "willingness to",
        "UN",
        "United Nations",
        "BEIJING",
        "\n\n",
        "agreed to",
        "urged",
        "Paris",
        "Texas",
        "Georgia",
        "support",
        "opposes and condemns",
        "?",
        "if",
        "Ärger",
        "北京",
        "👍🏽",
        "e\u{301}",
        "—",
        "’s",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_unicode_never_breaks_the_invariants(title in ".{0,20}", text in "\\PC{0,300}") {
        let a = analyze_text(&title, &text);
        check(&title, &text, &a)?;
    }

    #[test]
    fn news_like_text_never_breaks_the_invariants(title in newsy(), text in newsy()) {
        let a = analyze_text(&title, &text);
        check(&title, &text, &a)?;
    }

    #[test]
    fn analysis_is_deterministic(text in newsy()) {
        prop_assert_eq!(analyze_text("t", &text), analyze_text("t", &text));
    }
}

#[test]
fn empty_and_pathological_inputs() {
    let long_caps = "Word ".repeat(20_000);
    let punct = ".,;:!?\"'".repeat(5_000);
    for text in [
        "",
        " ",
        "\n\n\n",
        long_caps.as_str(),
        punct.as_str(),
        "'s 's 's",
        "will will will",
    ] {
        let a = analyze_text("", text);
        check("", text, &a).unwrap_or_else(|e| panic!("{e}"));
    }
}
