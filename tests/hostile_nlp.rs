//! Pathological text at the sizes issue 6 names, through the whole analysis and
//! the reader's article view: no panic, no hang, bounded output, spans that stay
//! usable, a frame that draws. (Timings are measured by benches, not asserted here;
//! HOSTILE.md lists what each case took.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

mod hostile_support;

use hostile_support::{assert_analysis, assert_printable, hostile_text};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use readout::article::{Article, ArticleId, Origin};
use readout::library::Library;
use readout::nlp::{Analysis, analyze_text};
use readout::tui::action::Action;
use readout::tui::app::App;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;
use readout::tui::view::view;

/// Analyses `text` and checks every invariant; returns the entity count.
fn survives(text: &str) -> usize {
    analysed(text).entities.len()
}

fn analysed(text: &str) -> Analysis {
    let analysis = analyze_text("Hostile", text);
    assert_analysis(text, &analysis);
    analysis
}

/// [`survives`], then the reader opens the article with its analysis and draws
/// it: the top, the next mention, the end, and a narrow window.
fn survives_and_renders(text: &str) -> usize {
    let analysis = analysed(text);
    let entities = analysis.entities.len();
    let article = Article {
        id: ArticleId("hostile".into()),
        title: "Hostile".into(),
        source: "test".into(),
        date: None,
        url: None,
        licence: None,
        body: text.to_string(),
        origin: Origin::File("hostile.txt".into()),
    };
    let mut library = Library::new(vec![article]);
    assert!(library.set_analysis(0, analysis));
    let mut app = App::new(library, Keymap::default(), None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Open);
    for (action, w, h) in [
        (Action::NextMention, 120, 40),
        (Action::PageDown, 120, 40),
        (Action::Bottom, 120, 40),
        (Action::Resize(20, 10), 20, 10),
    ] {
        update(&mut app, action);
        terminal.backend_mut().resize(w, h);
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, w, h))
            .unwrap();
        let frame = terminal.draw(|f| view(&app, f)).unwrap();
        let cells: String = frame.buffer.content().iter().map(|c| c.symbol()).collect();
        assert_printable(&cells, "frame");
    }
    entities
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
    survives_and_renders(&text);
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
    survives_and_renders(&"Abc".repeat(350_000));
    survives_and_renders(&"李".repeat(350_000));
}

#[test]
fn only_punctuation() {
    let marks = ".,;:!?\"'()[]{}-–—…«»“”‘’/\\|*&^%$#@~`";
    let text: String = marks.chars().cycle().take(1_000_000).collect();
    survives_and_renders(&text);
    survives(&".".repeat(1_000_000));
    survives(&". ".repeat(500_000));
}

/// 200,000 mentions of one referent, each a possible sentence end: a worst case
/// for linking and country scoring, which were once quadratic in mentions.
#[test]
fn two_hundred_thousand_us() {
    let entities = survives_and_renders(&"U.S. ".repeat(200_000));
    assert!(entities > 0);
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
    survives_and_renders(&text.join(" "));
    survives_and_renders(&text.concat());
}

#[test]
fn combining_marks_without_a_base() {
    survives(&"\u{301}".repeat(200_000));
    survives(&format!("Li{}", "\u{301}".repeat(200_000)));
}

/// A single 10 MB line of news text: one sentence with 400,000 mentions.
#[test]
fn ten_megabyte_line_of_news() {
    let sentence = "Chinese Premier Li Qiang said China is willing to work with Azerbaijan, ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let entities = survives_and_renders(&text);
    assert!(entities > 0, "a line of news text has entities");
}

/// 1,000,000 tiny paragraphs, each a sentence, half of them a name.
#[test]
fn a_million_tiny_paragraphs() {
    survives_and_renders(&"A.\n\n".repeat(1_000_000));
    survives_and_renders(&"Li\n\n".repeat(1_000_000));
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
    #![proptest_config(ProptestConfig::with_cases(hostile_support::cases(512)))]

    #[test]
    fn analysis_of_hostile_text_keeps_its_invariants(text in hostile_text(200)) {
        survives(&text);
    }

    #[test]
    fn analysis_of_any_string_keeps_its_invariants(text in any::<String>()) {
        survives(&text);
    }
}
