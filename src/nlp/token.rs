//! Tokenizer: splits text into tokens with byte spans.
//!
//! PLACEHOLDER: whitespace split until the real tokenizer lands (issue 3).

use super::Span;

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
}

/// Splits `text` into tokens; spans are sorted, in bounds, on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push(Token { span: s..i });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            span: s..text.len(),
        });
    }
    tokens
}
