//! Sentence splitter: groups tokens into sentences.
//!
//! A sentence ends
//! - at a blank line (or a paragraph separator), always;
//! - after `.`, `!`, `?`, `...`, `…` (with the closing quotes and brackets that
//!   follow them: `he said." Next`) when the next word starts a sentence: it is
//!   not lower case ("e.g. this", `"Why?" he asked` and "... and then" go on);
//! - after CJK full stops (`。！？`), always;
//! - after an abbreviation that can end a sentence ("U.S.", "Inc.", "Jan.")
//!   only when a capitalised function word follows: "in the U.S. He said" ends,
//!   "the U.S. Senate" does not; titles ("Mr.", "Gen.") and name initials
//!   ("J. R. R. Tolkien") never end one unless such a word follows an initial;
//! - at a line break before a list item ("- ", "• ", "2. ", "b) "), and after a
//!   short line (under 60 bytes) without final punctuation (a headline) followed
//!   by a capitalised line; a line ending in "--", ",", ":", a dash or a word
//!   such as "the" or "of" continues (datelines such as "BEIJING, April 23
//!   (Xinhua) --" stay with their first sentence), and so do the long lines of
//!   hard-wrapped paragraphs.
//!
//! The period of a list number at the start of a line ("1. First") never ends
//! a sentence. Sentences cover every token, in order, without gaps.

use super::Span;
use super::token::{Token, TokenKind, abbrev};
use std::ops::Range;

/// One sentence: its byte span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the start of its first token to the end of its last.
    pub span: Span,
    /// Indices into the token slice given to [`split`].
    pub tokens: Range<usize>,
}

/// A line without final punctuation shorter than this (in bytes) counts as a
/// headline when a capitalised line follows.
const HEADLINE_MAX_LEN: usize = 60;

/// Words after which a line break cannot end a sentence.
const CONTINUING_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// Capitalised words that, after an abbreviation, almost always open a new
/// sentence rather than continue a name ("the U.S. He said").
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "For",
    "From",
    "Furthermore",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Moreover",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Today",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yesterday",
    "Yet",
    "You",
];

/// Splits `text` (already tokenized as `tokens`) into sentences.
///
/// ```
/// use readout::nlp::{sentence::split, token::tokenize};
/// let text = "Mr. Li arrived in the U.S. He met Gen. Smith. \"Good,\" he said.";
/// let tokens = tokenize(text);
/// let sentences: Vec<&str> = split(text, &tokens).iter().map(|s| &text[s.span.clone()]).collect();
/// assert_eq!(sentences, ["Mr. Li arrived in the U.S.", "He met Gen. Smith.", "\"Good,\" he said."]);
/// ```
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let splitter = Splitter { text, tokens };
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let last = splitter.sentence_end(i);
        if let Some(last) = last {
            push(&mut sentences, tokens, first..last + 1);
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    push(&mut sentences, tokens, first..tokens.len());
    sentences
}

fn push(sentences: &mut Vec<Sentence>, tokens: &[Token], range: Range<usize>) {
    if let (Some(a), Some(b)) = (
        tokens.get(range.start),
        tokens.get(range.end.wrapping_sub(1)),
    ) && range.start < range.end
    {
        sentences.push(Sentence {
            span: a.span.start..b.span.end,
            tokens: range,
        });
    }
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Splitter<'_> {
    fn surface(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The whitespace between token `i` and the next one.
    fn gap_after(&self, i: usize) -> &str {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.span.end..b.span.start).unwrap_or(""),
            _ => "",
        }
    }

    /// If a sentence ends with token `i` (or with closers right after it),
    /// the index of its last token.
    fn sentence_end(&self, i: usize) -> Option<usize> {
        let t = self.tokens.get(i)?;
        // Most tokens are words ending in a letter or digit, followed by one
        // space or nothing: no test below can end a sentence there (none is a
        // paragraph or line break, a full stop, a closing mark or an
        // abbreviation's period), so answer from the bytes before slicing the
        // text (asked per token).
        let next_start = self.tokens.get(i + 1)?.span.start;
        let bytes = self.text.as_bytes();
        let last = t.span.end.checked_sub(1).and_then(|e| bytes.get(e));
        let gap = next_start.saturating_sub(t.span.end);
        if last.is_some_and(u8::is_ascii_alphanumeric)
            && (gap == 0 || (gap == 1 && bytes.get(t.span.end) != Some(&b'\n')))
        {
            return None;
        }
        let word = t.text(self.text);
        let gap = self.gap_after(i);
        self.tokens.get(i + 1)?; // the caller closes the last sentence
        if is_paragraph_break(gap) {
            return Some(i);
        }
        if matches!(word, "。" | "！" | "？" | "｡") {
            return Some(self.absorb_closers(i));
        }
        let terminal = t.kind == TokenKind::Punct
            && (word.starts_with(['.', '!', '?', '…']) || word == "‼" || word == "⁇");
        if terminal {
            if word == "." && self.is_list_marker_period(i) {
                return None;
            }
            let last = self.absorb_closers(i);
            if is_paragraph_break(self.gap_after(last)) {
                return Some(last);
            }
            return self.starts_sentence(last + 1).then_some(last);
        }
        if t.kind == TokenKind::Word && word.len() > 1 && word.ends_with('.') {
            return self.abbreviation_ends(i, word).then_some(i);
        }
        if gap.contains('\n') && self.line_break_ends(i) {
            return Some(i);
        }
        None
    }

    /// The last of the closing quotes and brackets attached after token `i`.
    fn absorb_closers(&self, i: usize) -> usize {
        let mut last = i;
        while let Some(next) = self.tokens.get(last + 1) {
            let attached = self.gap_after(last).is_empty();
            let closer = match next.text(self.text) {
                "”" | "’" | "»" | "›" | ")" | "]" | "}" | "」" | "』" | "）" => true,
                "\"" | "'" => attached,
                _ => false,
            };
            if !closer || next.kind != TokenKind::Punct {
                break;
            }
            last += 1;
        }
        last
    }

    /// True if the word at `j` (after opening quotes or brackets) can open a
    /// sentence: anything but a lower-case letter or a continuing mark.
    fn starts_sentence(&self, j: usize) -> bool {
        let mut j = j;
        for _ in 0..3 {
            match self.surface(j) {
                "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "¿" | "¡" | "„" => j += 1,
                _ => break,
            }
        }
        match self.surface(j).chars().next() {
            Some(c) if c.is_alphabetic() => !c.is_lowercase(),
            Some(c) if c.is_numeric() => true,
            Some(',' | ';' | ':' | ')' | ']' | '%' | '.' | '?' | '!') => false,
            Some(_) => true,
            None => false,
        }
    }

    /// Whether an abbreviation token (ending in a period) ends the sentence.
    fn abbreviation_ends(&self, i: usize, word: &str) -> bool {
        let base = word.trim_end_matches('.');
        let kind = abbrev::kind(base);
        let opener = || {
            let next = self.tokens.get(i + 1).map_or("", |t| t.text(self.text));
            SENTENCE_OPENERS.contains(&next)
        };
        if matches!(kind, Some(abbrev::AbbrevKind::Title)) {
            false
        } else if kind.is_some() || abbrev::is_initials(word) {
            opener()
        } else {
            // Some other word that took a period (should not happen): be safe.
            self.starts_sentence(i + 1)
        }
    }

    /// True if the period at `i` follows a list number or letter that opens its
    /// line ("1. Item", "a. Item").
    fn is_list_marker_period(&self, i: usize) -> bool {
        let Some(marker) = i.checked_sub(1) else {
            return false;
        };
        let m = self.surface(marker);
        let short_marker = m.len() <= 3 && m.chars().all(|c| c.is_ascii_alphanumeric());
        short_marker && self.gap_after(marker).is_empty() && self.opens_line(marker)
    }

    /// True if token `i` is the first on its line.
    fn opens_line(&self, i: usize) -> bool {
        match i.checked_sub(1) {
            None => true,
            Some(prev) => self.gap_after(prev).contains('\n'),
        }
    }

    /// A line break (not a blank line) after token `i`: does the sentence end?
    fn line_break_ends(&self, i: usize) -> bool {
        if self.list_item_starts(i + 1) {
            return true;
        }
        let word = self.surface(i);
        let continues = matches!(
            word,
            "," | ";" | ":" | "--" | "-" | "–" | "—" | "(" | "[" | "“" | "‘" | "&" | "/"
        ) || CONTINUING_WORDS.contains(&word);
        if continues || !self.starts_sentence(i + 1) {
            return false;
        }
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let before = self.text.get(..t.span.end).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        t.span.end - line_start < HEADLINE_MAX_LEN
    }

    /// True if token `j` opens a line as a bullet or a numbered item.
    fn list_item_starts(&self, j: usize) -> bool {
        let bullet = matches!(
            self.surface(j),
            "-" | "*" | "•" | "·" | "‣" | "◦" | "▪" | "–" | "—" | "+"
        );
        let numbered = {
            let m = self.surface(j);
            m.len() <= 3
                && !m.is_empty()
                && m.chars().all(|c| c.is_ascii_alphanumeric())
                && self.gap_after(j).is_empty()
                && matches!(self.surface(j + 1), "." | ")")
        };
        (bullet || numbered) && self.opens_line(j)
    }
}

/// A blank line or a Unicode paragraph separator.
fn is_paragraph_break(gap: &str) -> bool {
    // Most gaps are one space or nothing: too short for either (asked per token).
    gap.len() > 1
        && (gap.contains('\u{2029}') || gap.bytes().filter(|&b| b == b'\n').nth(1).is_some())
}
