//! Tokenizer: table-driven cases grouped by behaviour, a regression table, and
//! property tests of the span guarantees.

use proptest::prelude::*;
use readout::nlp::token::{TokenKind, tokenize};

fn surface(text: &str) -> Vec<&str> {
    tokenize(text)
        .iter()
        .map(|t| &text[t.span.clone()])
        .collect()
}

/// (name, input, expected tokens)
type Case = (&'static str, &'static str, &'static [&'static str]);

const CONVENTIONS: &[Case] = &[
    ("plain words", "Li met Aliyev", &["Li", "met", "Aliyev"]),
    (
        "punctuation split",
        "Beijing, China.",
        &["Beijing", ",", "China", "."],
    ),
    ("possessive", "Azerbaijan's", &["Azerbaijan", "'s"]),
    (
        "curly possessive",
        "Azerbaijan’s plan",
        &["Azerbaijan", "’s", "plan"],
    ),
    (
        "plural possessive",
        "the countries' leaders",
        &["the", "countries", "'", "leaders"],
    ),
    ("negation clitic", "don't", &["do", "n't"]),
    ("can't", "can't", &["ca", "n't"]),
    (
        "other clitics",
        "we're they've I'll he'd I'm",
        &[
            "we", "'re", "they", "'ve", "I", "'ll", "he", "'d", "I", "'m",
        ],
    ),
    (
        "inner apostrophe",
        "O'Brien in Côte d'Ivoire",
        &["O'Brien", "in", "Côte", "d'Ivoire"],
    ),
    (
        "initials abbreviation",
        "the U.S. Senate",
        &["the", "U.S.", "Senate"],
    ),
    (
        "three-letter initials",
        "U.S.A. and U.K.",
        &["U.S.A.", "and", "U.K."],
    ),
    (
        "lower-case initials",
        "e.g. this, i.e. that at 5 p.m.",
        &["e.g.", "this", ",", "i.e.", "that", "at", "5", "p.m."],
    ),
    (
        "titles",
        "Mr. Li and Dr. Smith",
        &["Mr.", "Li", "and", "Dr.", "Smith"],
    ),
    (
        "name initials",
        "J. R. R. Tolkien",
        &["J.", "R.", "R.", "Tolkien"],
    ),
    ("month abbreviation", "on Jan. 5", &["on", "Jan.", "5"]),
    (
        "No. before number",
        "No. 5 but no.",
        &["No.", "5", "but", "no", "."],
    ),
    (
        "sentence-final word",
        "in Beijing.",
        &["in", "Beijing", "."],
    ),
    (
        "hyphenated",
        "people-to-people ties",
        &["people-to-people", "ties"],
    ),
    (
        "hyphenated names",
        "China-Europe Express",
        &["China-Europe", "Express"],
    ),
    (
        "abbreviation then hyphen",
        "U.S.-led talks",
        &["U.S.-led", "talks"],
    ),
    (
        "initials after a hyphen",
        "the Japan-U.S.-ROK talks and Sino-U.S. ties.",
        &[
            "the",
            "Japan-U.S.-ROK",
            "talks",
            "and",
            "Sino-U.S.",
            "ties",
            ".",
        ],
    ),
    (
        "single letter after a hyphen ends the sentence",
        "They expanded Pre-K.",
        &["They", "expanded", "Pre-K", "."],
    ),
    ("unicode hyphen", "Trans‐Caspian", &["Trans‐Caspian"]),
    ("money", "$1.5bn", &["$", "1.5bn"]),
    ("percent", "3.5%", &["3.5", "%"]),
    ("thousands", "3,000,000 people", &["3,000,000", "people"]),
    ("time", "at 10:30", &["at", "10:30"]),
    ("date", "2025-04-23", &["2025-04-23"]),
    ("ampersand company", "AT&T and S&P", &["AT&T", "and", "S&P"]),
    ("ampersand spaced", "R & D", &["R", "&", "D"]),
];

const PUNCTUATION: &[Case] = &[
    (
        "straight quotes",
        "\"Yes,\" he said",
        &["\"", "Yes", ",", "\"", "he", "said"],
    ),
    (
        "curly quotes",
        "“Yes” ‘no’",
        &["“", "Yes", "”", "‘", "no", "’"],
    ),
    ("guillemets", "«Oui»", &["«", "Oui", "»"]),
    ("em dash", "China—Azerbaijan", &["China", "—", "Azerbaijan"]),
    ("en dash", "2020–2021", &["2020", "–", "2021"]),
    (
        "double hyphen",
        "(Xinhua) -- Li",
        &["(", "Xinhua", ")", "--", "Li"],
    ),
    ("ellipsis", "Well... no…", &["Well", "...", "no", "…"]),
    ("question and bang", "What?!", &["What", "?", "!"]),
    ("brackets", "[a] {b}", &["[", "a", "]", "{", "b", "}"]),
    ("only punctuation", ",.;:", &[",", ".", ";", ":"]),
];

const WEB: &[Case] = &[
    (
        "url",
        "See https://example.org/a?b=1.",
        &["See", "https://example.org/a?b=1", "."],
    ),
    (
        "url in brackets",
        "(http://x.org/wiki/A_(b))",
        &["(", "http://x.org/wiki/A_(b)", ")"],
    ),
    (
        "www url",
        "www.xinhua.net, today",
        &["www.xinhua.net", ",", "today"],
    ),
    (
        "email",
        "write to jane.doe+news@mail.example.com.",
        &["write", "to", "jane.doe+news@mail.example.com", "."],
    ),
    (
        "not an email",
        "a@b and x@",
        &["a", "@", "b", "and", "x", "@"],
    ),
    ("hashtag", "#BeltAndRoad rocks", &["#BeltAndRoad", "rocks"]),
    ("handle", "via @XHNews:", &["via", "@XHNews", ":"]),
    (
        "bare domain",
        "Xinhua.net reports",
        &["Xinhua.net", "reports"],
    ),
];

const SCRIPTS: &[Case] = &[
    (
        "chinese ideographs one per char",
        "李强会见",
        &["李", "强", "会", "见"],
    ),
    ("cjk punctuation", "北京。", &["北", "京", "。"]),
    ("kana run", "カタカナです", &["カタカナです"]),
    ("hangul words", "한국 서울", &["한국", "서울"]),
    ("cyrillic", "Москва, Баку", &["Москва", ",", "Баку"]),
    ("arabic", "باكو عاصمة", &["باكو", "عاصمة"]),
    ("devanagari with marks", "हिन्दी भाषा", &["हिन्दी", "भाषा"]),
    (
        "combining accent",
        "Cafe\u{301} noir",
        &["Cafe\u{301}", "noir"],
    ),
    (
        "emoji",
        "Great 👍🏽 news 🇨🇳!",
        &["Great", "👍🏽", "news", "🇨🇳", "!"],
    ),
    ("zwj emoji", "👨‍👩‍👧 family", &["👨‍👩‍👧", "family"]),
    ("euro sign", "€5", &["€", "5"]),
    ("nbsp separates", "a\u{a0}b", &["a", "b"]),
    ("zero-width space separates", "a\u{200b}b", &["a", "b"]),
];

/// Bugs found and fixed; each name says what went wrong.
const REGRESSIONS: &[Case] = &[
    (
        "n't after a combining mark does not split inside the mark",
        "e\u{301}n't",
        &["e\u{301}", "n't"],
    ),
    ("lone n't stays one token", "n't", &["n't"]),
    ("possessive after abbreviation", "U.S.'s", &["U.S.", "'s"]),
    ("clitic at end of text", "it's", &["it", "'s"]),
    (
        "abbreviation at end of text keeps its period",
        "in the U.S.",
        &["in", "the", "U.S."],
    ),
];

fn check(cases: &[Case]) {
    for (name, input, expected) in cases {
        assert_eq!(surface(input), *expected, "case {name:?}: {input:?}");
    }
}

#[test]
fn tokenizer_follows_conll_conventions() {
    check(CONVENTIONS);
}

#[test]
fn tokenizer_splits_punctuation() {
    check(PUNCTUATION);
}

#[test]
fn tokenizer_keeps_web_tokens_whole() {
    check(WEB);
}

#[test]
fn tokenizer_handles_other_scripts() {
    check(SCRIPTS);
}

#[test]
fn tokenizer_regressions() {
    check(REGRESSIONS);
}

#[test]
fn tokens_have_kinds() {
    let text = "Li paid $3 to a@b.com #x @y 😀 ...";
    let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(
        kinds,
        [
            Word, Word, Symbol, Number, Word, Email, Hashtag, Handle, Symbol, Punct
        ]
    );
}

#[test]
fn long_inputs_tokenize() {
    let words = "Azerbaijan ".repeat(100_000);
    assert_eq!(tokenize(&words).len(), 100_000);
    let punct = ".,;!?".repeat(200_000);
    assert!(tokenize(&punct).len() >= 200_000);
    let line = "a_".repeat(500_000);
    assert_eq!(tokenize(&line).len(), 1_000_000);
    let at = format!("{}@", "a.".repeat(500_000));
    assert!(!tokenize(&at).is_empty());
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    let mut last_end = 0;
    for t in &tokens {
        prop_assert!(
            t.span.start >= last_end,
            "sorted, non-overlapping: {:?}",
            t.span
        );
        prop_assert!(t.span.start < t.span.end, "non-empty: {:?}", t.span);
        prop_assert!(t.span.end <= text.len());
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let s = &text[t.span.clone()];
        prop_assert!(!s.chars().any(char::is_whitespace), "whitespace in {s:?}");
        last_end = t.span.end;
    }
    // Nothing but whitespace and invisible separators is left out.
    let mut covered = vec![false; text.len()];
    for t in &tokens {
        covered[t.span.clone()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        if !covered[i] {
            prop_assert!(
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
                    || finl_is_separator(c),
                "dropped {c:?} at {i} in {text:?}"
            );
        }
    }
    Ok(())
}

fn finl_is_separator(c: char) -> bool {
    use finl_unicode::categories::CharacterCategories;
    c.is_separator()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_hold_on_arbitrary_unicode(text in "\\PC{0,200}") {
        check_invariants(&text)?;
    }

    #[test]
    fn spans_hold_on_newsy_text(text in "([A-Za-z]{1,8}|[ .,'’\"“”\\-–—@#:/$%&()]|[0-9]{1,4}|https?://|www\\.|n't|'s|U\\.S\\.|\u{301}|\u{200d}|😀|🇨|李|\n){0,80}") {
        check_invariants(&text)?;
    }

    #[test]
    fn spans_hold_on_any_chars(chars in proptest::collection::vec(any::<char>(), 0..200)) {
        let text: String = chars.into_iter().collect();
        check_invariants(&text)?;
    }
}
