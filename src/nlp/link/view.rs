//! One per-article view of the tokens that linking's rules read, computed once,
//! instead of each rule slicing and testing every token of the text again.
//!
//! Linking runs a dozen rules that each walk all tokens for a rare cue (a
//! capitalised run, a word in capitals, a title): most of their time went into
//! re-slicing the text and re-testing the same token in the same way. The view
//! holds every token's surface and flags saying what kind of word it is; the
//! flags are computed by the rules' own predicates (`orgs::is_capitalised_word`,
//! `aliases::caps_word`), so a rule's definition stays in its file.

use super::aliases::caps_word;
use super::orgs::is_capitalised_word;
use crate::nlp::token::{Token, TokenKind};

/// A word token (`TokenKind::Word`).
const WORD: u8 = 1;
/// The token opens with an upper-case letter ("Beijing", "U.S.", "(" no).
const UPPER: u8 = 2;
/// A word written in capitals ("ROE", "S.A."): `aliases::caps_word`.
const CAPS: u8 = 4;
/// A capitalised word of a name, no modifier ("Kurdish-led"):
/// `orgs::is_capitalised_word`.
const NAME_WORD: u8 = 8;

/// The tokens of one article with their surfaces and flags; out-of-range
/// indices read as an empty, flagless token.
pub struct View<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    words: Vec<&'a str>,
    flags: Vec<u8>,
    /// The tokens opening with an upper-case letter, in order: rules that
    /// start only at a capitalised word walk these (about one token in six)
    /// instead of testing every token's flag.
    uppers: Vec<usize>,
}

impl<'a> View<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let words: Vec<&'a str> = tokens.iter().map(|t| t.text(text)).collect();
        let flags = tokens
            .iter()
            .zip(&words)
            .map(|(t, w)| {
                let word = t.kind == TokenKind::Word;
                let mut f = if word { WORD } else { 0 };
                let Some(c) = w.chars().next() else {
                    return f;
                };
                if !c.is_uppercase() {
                    // Most tokens open with no capital (lower-case words,
                    // numbers, marks, Han characters): only a word opening
                    // with a mark a capitals word may hold ("'AL-ASAD'") can
                    // carry a flag then.
                    if word && matches!(c, '-' | '.' | '\'' | '&') && caps_word(text, t) {
                        f |= CAPS;
                    }
                    return f;
                }
                f |= UPPER;
                if word && caps_word(text, t) {
                    f |= CAPS;
                }
                if is_capitalised_word(text, t) {
                    f |= NAME_WORD;
                }
                f
            })
            .collect::<Vec<u8>>();
        let uppers = flags
            .iter()
            .enumerate()
            .filter(|(_, f)| *f & UPPER != 0)
            .map(|(i, _)| i)
            .collect();
        View {
            text,
            tokens,
            words,
            flags,
            uppers,
        }
    }

    /// Token `i`'s surface ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The surfaces of tokens `range` (empty if out of range).
    pub fn words(&self, range: std::ops::Range<usize>) -> &[&'a str] {
        self.words.get(range).unwrap_or(&[])
    }

    fn has(&self, i: usize, flag: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    /// Token `i` opens with an upper-case letter, whatever its kind.
    pub fn upper(&self, i: usize) -> bool {
        self.has(i, UPPER)
    }

    /// The indices of the tokens opening with an upper-case letter (those
    /// [`View::upper`] is true of), ascending.
    pub fn uppers(&self) -> &[usize] {
        &self.uppers
    }

    /// Token `i` is a word opening with an upper-case letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.flags
            .get(i)
            .is_some_and(|f| f & (WORD | UPPER) == WORD | UPPER)
    }

    /// Token `i` is a word in capitals (`aliases::caps_word`).
    pub fn caps(&self, i: usize) -> bool {
        self.has(i, CAPS)
    }

    /// Token `i` is a capitalised word of a name (`orgs::is_capitalised_word`).
    pub fn name_word(&self, i: usize) -> bool {
        self.has(i, NAME_WORD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::token::tokenize;

    /// The flags agree with the predicates they stand for, on every token.
    #[test]
    fn flags_agree_with_the_rules_predicates() {
        let text = "JANE ROE DOE (ROE) met the Kurdish-led SDF and Prime Minister \
                    Li in U.S.-Japan talks; 'AL-ASAD' said 3,000 É. Élan.";
        let tokens = tokenize(text);
        let view = View::new(text, &tokens);
        let mut caps = 0;
        let uppers: Vec<usize> = (0..tokens.len()).filter(|&i| view.upper(i)).collect();
        assert_eq!(view.uppers(), uppers.as_slice());
        assert!(uppers.len() >= 10, "{}", uppers.len());
        for (i, t) in tokens.iter().enumerate() {
            let w = t.text(text);
            assert_eq!(view.word(i), w);
            assert_eq!(view.caps(i), caps_word(text, t), "{w}");
            assert_eq!(view.name_word(i), is_capitalised_word(text, t), "{w}");
            assert_eq!(view.upper(i), w.starts_with(char::is_uppercase), "{w}");
            assert_eq!(
                view.capitalised(i),
                t.kind == TokenKind::Word && w.starts_with(char::is_uppercase),
                "{w}"
            );
            caps += usize::from(view.caps(i));
        }
        assert!(caps >= 5, "{caps}");
        assert!(!view.capitalised(tokens.len()));
        assert_eq!(view.word(tokens.len()), "");
    }
}
