//! Sentence splitter: table-driven cases grouped by behaviour, a regression
//! table, and property tests (sentences cover all tokens, in order).

use proptest::prelude::*;
use readout::nlp::sentence::split;
use readout::nlp::token::tokenize;

fn sentences(text: &str) -> Vec<&str> {
    let tokens = tokenize(text);
    split(text, &tokens)
        .iter()
        .map(|s| &text[s.span.clone()])
        .collect()
}

/// (name, input, expected sentences)
type Case = (&'static str, &'static str, &'static [&'static str]);

const PUNCTUATION: &[Case] = &[
    (
        "two sentences",
        "Li arrived. He spoke.",
        &["Li arrived.", "He spoke."],
    ),
    (
        "question and exclamation",
        "Why? Because! Yes.",
        &["Why?", "Because!", "Yes."],
    ),
    ("no final punctuation", "Li arrived", &["Li arrived"]),
    (
        "lower case goes on",
        "It rose 5 p.m. today. Then fell.",
        &["It rose 5 p.m. today.", "Then fell."],
    ),
    (
        "decimals",
        "GDP grew 3.5 percent. Exports rose.",
        &["GDP grew 3.5 percent.", "Exports rose."],
    ),
    (
        "ellipsis before capital",
        "He paused... Then he left.",
        &["He paused...", "Then he left."],
    ),
    (
        "ellipsis before lower case",
        "He paused ... and left.",
        &["He paused ... and left."],
    ),
    (
        "numbers start sentences",
        "It ended. 2025 was good.",
        &["It ended.", "2025 was good."],
    ),
    (
        "cjk full stop",
        "李强会见阿利耶夫。两国签署协议。",
        &["李强会见阿利耶夫。", "两国签署协议。"],
    ),
];

const ABBREVIATIONS: &[Case] = &[
    (
        "title",
        "Mr. Li met Dr. Aliyev.",
        &["Mr. Li met Dr. Aliyev."],
    ),
    (
        "military title",
        "Gen. Smith spoke.",
        &["Gen. Smith spoke."],
    ),
    (
        "U.S. before a name",
        "the U.S. Senate voted.",
        &["the U.S. Senate voted."],
    ),
    (
        "U.S. at sentence end",
        "He lives in the U.S. He said so.",
        &["He lives in the U.S.", "He said so."],
    ),
    (
        "month",
        "On Jan. 5 they met. The talks ended.",
        &["On Jan. 5 they met.", "The talks ended."],
    ),
    (
        "company at end",
        "He works at Acme Inc. The firm grew.",
        &["He works at Acme Inc.", "The firm grew."],
    ),
    (
        "company mid sentence",
        "Acme Inc. said profits rose.",
        &["Acme Inc. said profits rose."],
    ),
    (
        "initials",
        "J. R. R. Tolkien wrote it.",
        &["J. R. R. Tolkien wrote it."],
    ),
    (
        "e.g.",
        "Some states, e.g. Texas, agreed.",
        &["Some states, e.g. Texas, agreed."],
    ),
    (
        "No. before number",
        "It is No. 1 in Asia.",
        &["It is No. 1 in Asia."],
    ),
];

const QUOTATIONS: &[Case] = &[
    (
        "period inside quotes",
        "\"We agree,\" he said. \"It is done.\" Next came.",
        &["\"We agree,\" he said.", "\"It is done.\"", "Next came."],
    ),
    (
        "question in quotes goes on",
        "\"Why?\" he asked.",
        &["\"Why?\" he asked."],
    ),
    (
        "curly quotes",
        "He said: “We will.” They did.",
        &["He said: “We will.”", "They did."],
    ),
    (
        "parenthesis",
        "It ended (finally.) Then rain.",
        &["It ended (finally.)", "Then rain."],
    ),
    (
        "quote opens next",
        "He left. \"Why?\" she asked.",
        &["He left.", "\"Why?\" she asked."],
    ),
];

const LAYOUT: &[Case] = &[
    (
        "blank line ends",
        "Headline here\n\nBody text.",
        &["Headline here", "Body text."],
    ),
    (
        "blank line ends even lower case",
        "first part\n\nsecond part",
        &["first part", "second part"],
    ),
    (
        "headline line",
        "Li meets Aliyev in Beijing\nThe premier said.",
        &["Li meets Aliyev in Beijing", "The premier said."],
    ),
    (
        "dateline stays",
        "BEIJING, April 23 (Xinhua) -- Chinese Premier Li Qiang met Aliyev. He spoke.",
        &[
            "BEIJING, April 23 (Xinhua) -- Chinese Premier Li Qiang met Aliyev.",
            "He spoke.",
        ],
    ),
    (
        "dateline on its own line",
        "BEIJING, April 23 (Xinhua) --\nLi met Aliyev.",
        &["BEIJING, April 23 (Xinhua) --\nLi met Aliyev."],
    ),
    (
        "dateline with abbreviation",
        "WASHINGTON, Jan. 5 (Reuters) - U.S. officials met. They spoke.",
        &[
            "WASHINGTON, Jan. 5 (Reuters) - U.S. officials met.",
            "They spoke.",
        ],
    ),
    (
        "hard-wrapped paragraph",
        "The two sides agreed to deepen cooperation in trade, energy and\nTransport, officials said.",
        &[
            "The two sides agreed to deepen cooperation in trade, energy and\nTransport, officials said.",
        ],
    ),
    (
        "bullets",
        "They agreed:\n- More trade\n- Less tax",
        &["They agreed:", "- More trade", "- Less tax"],
    ),
    (
        "numbered list",
        "Steps:\n1. Sign the deal\n2. Build the road",
        &["Steps:", "1. Sign the deal", "2. Build the road"],
    ),
    ("paragraph separator", "One\u{2029}Two", &["One", "Two"]),
];

/// Bugs found and fixed; each name says what went wrong.
const REGRESSIONS: &[Case] = &[
    (
        "closing quote then blank line ends",
        "He said \"yes.\"\n\nthen",
        &["He said \"yes.\"", "then"],
    ),
    ("empty text", "", &[]),
    ("whitespace only", " \n\n ", &[]),
    (
        "initial before a pronoun ends",
        "He met Team A. He won.",
        &["He met Team A.", "He won."],
    ),
];

fn check(cases: &[Case]) {
    for (name, input, expected) in cases {
        assert_eq!(sentences(input), *expected, "case {name:?}: {input:?}");
    }
}

#[test]
fn splits_at_final_punctuation() {
    check(PUNCTUATION);
}

#[test]
fn abbreviations_end_sentences_only_before_openers() {
    check(ABBREVIATIONS);
}

#[test]
fn quotations_stay_with_their_sentence() {
    check(QUOTATIONS);
}

#[test]
fn layout_lines_and_datelines() {
    check(LAYOUT);
}

#[test]
fn sentence_regressions() {
    check(REGRESSIONS);
}

#[test]
fn long_text_splits_fast_enough_and_whole() {
    let text = "Li met Aliyev in Beijing on Wednesday. ".repeat(20_000);
    assert_eq!(sentences(&text).len(), 20_000);
    let one = "word ".repeat(200_000);
    assert_eq!(sentences(&one).len(), 1);
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    let sents = split(text, &tokens);
    let mut next_token = 0;
    let mut last_end = 0;
    for s in &sents {
        prop_assert_eq!(
            s.tokens.start,
            next_token,
            "sentences cover tokens without gaps"
        );
        prop_assert!(s.tokens.start < s.tokens.end, "non-empty");
        prop_assert_eq!(s.span.start, tokens[s.tokens.start].span.start);
        prop_assert_eq!(s.span.end, tokens[s.tokens.end - 1].span.end);
        prop_assert!(s.span.start >= last_end);
        prop_assert!(text.get(s.span.clone()).is_some(), "on char boundaries");
        next_token = s.tokens.end;
        last_end = s.span.end;
    }
    prop_assert_eq!(next_token, tokens.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentences_cover_tokens_on_arbitrary_unicode(text in "\\PC{0,200}") {
        check_invariants(&text)?;
    }

    #[test]
    fn sentences_cover_tokens_on_newsy_text(text in "([A-Za-z]{1,6}|[ .!?,\"”’)(\n-]|U\\.S\\.|Mr\\.|Jan\\.|[0-9]{1,3}|—|。|\n\n|•){0,80}") {
        check_invariants(&text)?;
    }
}
