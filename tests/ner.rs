//! The shipped tagger: loads, tags sentences written for this test sensibly, meets
//! an accuracy floor on CoNLL-2003 valid.txt, and survives pathological input.

#![allow(
    clippy::single_range_in_vec_init,
    clippy::expect_used,
    clippy::unwrap_used
)]

use readout::nlp::ner::{self, conll, model::Model, tagger, tags::Tag};
use readout::nlp::{EntityKind, sentence, token};
use std::path::PathBuf;

fn model() -> &'static Model {
    ner::embedded().expect("the embedded model decodes")
}

/// Entities of pre-tokenised sentences (one document) as (kind, surface text).
fn entities(sentences: &[&str]) -> Vec<(EntityKind, String)> {
    let mut words = Vec::new();
    let mut ranges = Vec::new();
    for s in sentences {
        let start = words.len();
        words.extend(s.split_whitespace());
        ranges.push(start..words.len());
    }
    let tags = tagger::tag_document(model(), &words, &ranges);
    ner::entities(&tags)
        .into_iter()
        .map(|(k, r)| (k, words[r].join(" ")))
        .collect()
}

fn has(found: &[(EntityKind, String)], kind: EntityKind, text: &str) -> bool {
    found.iter().any(|(k, t)| *k == kind && t == text)
}

#[test]
fn tags_hand_written_news_sentences() {
    use EntityKind::*;
    let found = entities(&[
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Tuesday .",
        "The United Nations said the talks in Geneva would resume next week .",
        "Shares of Microsoft rose 3 percent after the company reported higher profits .",
        "Merkel told reporters that Germany would support the plan .",
        "Real Madrid beat Barcelona 2-1 in the Spanish league on Sunday .",
    ]);
    let expected = [
        (Person, "Angela Merkel"),
        (Person, "Emmanuel Macron"),
        (Place, "Berlin"),
        (Org, "United Nations"),
        (Place, "Geneva"),
        (Org, "Microsoft"),
        (Person, "Merkel"),
        (Place, "Germany"),
        (Misc, "German"),
        (Misc, "French"),
        (Org, "Real Madrid"),
    ];
    let missing: Vec<_> = expected
        .iter()
        .filter(|(k, t)| !has(&found, *k, t))
        .collect();
    // A statistical tagger may miss one; more means it is not working.
    assert!(missing.len() <= 1, "missing {missing:?}; found {found:?}");
    let spurious: Vec<_> = found
        .iter()
        .filter(|(_, t)| ["Tuesday", "Sunday", "percent", "talks", "company"].contains(&t.as_str()))
        .collect();
    assert!(spurious.is_empty(), "common words tagged: {spurious:?}");
}

#[test]
fn find_mentions_gives_sorted_spans_on_the_text() {
    let text =
        "Officials from Japan met Boris Johnson in London last year and\n\nthe World Bank agreed";
    let tokens = token::tokenize(text);
    let sentences = sentence::split(text, &tokens);
    let mentions = ner::find_mentions(text, &tokens, &sentences);
    let surface: Vec<(&str, EntityKind)> = mentions
        .iter()
        .map(|m| (&text[m.span.clone()], m.kind))
        .collect();
    assert!(
        surface.contains(&("Boris Johnson", EntityKind::Person)),
        "{surface:?}"
    );
    assert!(
        surface.contains(&("London", EntityKind::Place)),
        "{surface:?}"
    );
    assert!(
        mentions
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start)
    );
}

#[test]
fn pathological_input_does_not_panic() {
    let caps = "Word ".repeat(100_000);
    let punct = "?!.,;:--()[]{}\"'".repeat(2_000);
    let mixed =
        "Москва 北京 München القاهرة Zürich 🙂 e\u{301} \u{202E}evil\u{202C} Ab\u{0}c ".repeat(500);
    for text in [
        "",
        " ",
        "\n\n\n",
        caps.as_str(),
        punct.as_str(),
        mixed.as_str(),
    ] {
        let tokens = token::tokenize(text);
        let sentences = sentence::split(text, &tokens);
        let mentions = ner::find_mentions(text, &tokens, &sentences);
        for m in &mentions {
            assert!(text.get(m.span.clone()).is_some());
        }
        assert!(
            mentions
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start)
        );
    }
    // One sentence of 100,000 capitalised words, straight into the tagger.
    let words: Vec<&str> = caps.split_whitespace().collect();
    let tags = tagger::tag_document(model(), &words, &[0..words.len()]);
    assert_eq!(tags.len(), words.len());
}

fn shared_data(file: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/conll2003")
        .join(file);
    path.exists().then_some(path)
}

/// The floor is below the shipped model's score (see assets/model/README.md) so that
/// it catches a broken model or feature extraction, not noise.
const VALID_F1_FLOOR: f64 = 0.90;

#[test]
fn accuracy_on_conll_valid_is_above_the_floor() {
    let Some(path) = shared_data("valid.txt") else {
        eprintln!("skipped: ../shared/data/conll2003/valid.txt is absent");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let parsed = conll::parse(&text);
    assert!(parsed.token_count() > 40_000);
    let score = ner::score_documents(model(), &parsed.documents);
    eprintln!("{}", score.report());
    assert!(
        score.overall.f1() >= VALID_F1_FLOOR,
        "valid F1 {:.4} below {VALID_F1_FLOOR}",
        score.overall.f1()
    );
    for kind in ["PER", "LOC", "ORG"] {
        assert!(
            score.per_type[kind].f1() >= 0.85,
            "{kind}: {}",
            score.report()
        );
    }
}

#[test]
fn tags_are_valid_bio() {
    let words = [
        "in", "New", "York", "and", "Hong", "Kong", "Mr", "X", "Y", "Z",
    ];
    let tags = tagger::tag_document(model(), &words, &[0..words.len()]);
    let mut prev: Option<Tag> = None;
    for t in tags {
        assert!(t.may_follow(prev), "{t:?} after {prev:?}");
        prev = Some(t);
    }
}

#[test]
fn word_score_cache_does_not_change_tags() {
    let words: Vec<&str> =
        "Peter Blackburn said in Brussels that the European Commission and Peter Smith agreed ."
            .split(' ')
            .collect();
    let sentences = [0..words.len()];
    let warm = tagger::tag_document(model(), &words, &sentences);
    let again = tagger::tag_document(model(), &words, &sentences);
    let owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    // A new thread starts with an empty cache.
    let cold = std::thread::spawn(move || {
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        tagger::tag_document(model(), &words, &[0..words.len()])
    })
    .join()
    .unwrap();
    assert_eq!(warm, again);
    assert_eq!(warm, cold);
}
