//! Sentence splitter.
//!
//! PLACEHOLDER: paragraph split until the real splitter lands (issue 3).

use super::Span;
use super::token::Token;
use std::ops::Range;

/// One sentence: its byte span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into the token slice given to [`split`].
    pub tokens: Range<usize>,
}

/// Splits `text` (already tokenized as `tokens`) into sentences.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let end_of_paragraph = tokens
            .get(i + 1)
            .is_none_or(|next| text[tokens[i].span.end..next.span.start].contains("\n\n"));
        if end_of_paragraph {
            sentences.push(Sentence {
                span: tokens[first].span.start..tokens[i].span.end,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    sentences
}
