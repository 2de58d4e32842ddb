//! Named-entity recognition: the trained sequence tagger.
//!
//! PLACEHOLDER until the trained tagger lands (issue 3): finds nothing.

use super::sentence::Sentence;
use super::token::Token;
use super::{EntityKind, Span};

/// One entity mention found by the tagger, before linking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
}

/// Finds entity mentions in `text`, sorted and non-overlapping.
pub fn find_mentions(_text: &str, _tokens: &[Token], _sentences: &[Sentence]) -> Vec<Mention> {
    Vec::new()
}
