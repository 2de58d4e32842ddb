//! A light word view of one sentence, for matching commitment cues.
//!
//! The commitment patterns need words as a reader sees them ("China", "'s",
//! "U.S.", "people-to-people", ",") whatever conventions the tokenizer follows,
//! so this stage scans the sentence itself. Linear, allocation-light, and every
//! span is a byte range on char boundaries of the text it was given.

use crate::nlp::Span;

/// One word or punctuation mark of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte span into the whole text (not the sentence).
    pub span: Span,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// A single punctuation or symbol character.
    pub punct: bool,
}

/// Scans `text[range]` into words. Possessive "'s" (and a bare trailing "'"
/// after "s") becomes its own word, so "China's" is "China" + "'s".
pub fn scan(text: &str, range: Span) -> Vec<Word> {
    let mut words = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return words;
    };
    let base = range.start;
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            words.push(Word {
                span: base + i..base + i + c.len_utf8(),
                capital: false,
                punct: true,
            });
            continue;
        }
        // A word: alphanumerics joined by inner hyphens, apostrophes and dots.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            let joiner = matches!(d, '-' | '\'' | '\u{2019}' | '.' | '&');
            let next_alnum = slice
                .get(j + d.len_utf8()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphanumeric);
            // "U.S." keeps its final dot: a dot right after a lone capital letter.
            let abbrev_dot = d == '.' && is_single_capital(&slice[i..end]);
            if joiner && (next_alnum || abbrev_dot) {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            break;
        }
        push_word(&mut words, slice, base, i, end, c.is_uppercase());
    }
    words
}

/// True when the last dot-separated piece of `w` is one capital letter ("U", "U.S").
fn is_single_capital(w: &str) -> bool {
    let last = w.rsplit('.').next().unwrap_or(w);
    let mut chars = last.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn push_word(words: &mut Vec<Word>, slice: &str, base: usize, start: usize, end: usize, cap: bool) {
    let w = &slice[start..end];
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if w.len() > suffix.len() && w.ends_with(suffix) {
            let cut = end - suffix.len();
            words.push(Word {
                span: base + start..base + cut,
                capital: cap,
                punct: false,
            });
            words.push(Word {
                span: base + cut..base + end,
                capital: false,
                punct: false,
            });
            return;
        }
    }
    // A trailing apostrophe after s ("States’") is left as punctuation: see `is_possessive`.
    words.push(Word {
        span: base + start..base + end,
        capital: cap,
        punct: false,
    });
}

/// True for the possessive marker word ("'s", "’s") or a bare apostrophe.
pub fn is_possessive(text: &str, w: &Word) -> bool {
    matches!(
        text.get(w.span.clone()).unwrap_or(""),
        "'s" | "\u{2019}s" | "'S" | "\u{2019}S" | "'" | "\u{2019}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        scan(s, 0..s.len())
            .iter()
            .map(|w| &s[w.span.clone()])
            .collect()
    }

    #[test]
    fn splits_words_punctuation_and_possessives() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("possessive", "China's role", &["China", "'s", "role"]),
            ("curly possessive", "China’s role", &["China", "’s", "role"]),
            ("abbreviation", "the U.S. said", &["the", "U.S.", "said"]),
            (
                "sentence-final abbreviation",
                "in the U.S.",
                &["in", "the", "U.S."],
            ),
            (
                "hyphen",
                "people-to-people exchanges,",
                &["people-to-people", "exchanges", ","],
            ),
            (
                "quotes",
                "\"Taiwan independence,\"",
                &["\"", "Taiwan", "independence", ",", "\""],
            ),
            (
                "plural possessive",
                "the States’ role",
                &["the", "States", "’", "role"],
            ),
            ("final dot", "the end.", &["the", "end", "."]),
            ("decimal", "3.5 percent", &["3.5", "percent"]),
        ];
        for (name, input, expected) in cases {
            assert_eq!(texts(input), *expected, "{name}");
        }
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "Xx. China will act.";
        let words = scan(text, 4..text.len());
        assert_eq!(&text[words[0].span.clone()], "China");
        assert!(words[0].capital);
    }
}
