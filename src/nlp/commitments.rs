//! Commitment extraction: who pledged, is willing, agreed, supports, proposes what.
//!
//! PLACEHOLDER until commitment extraction lands (issue 4): none.

use super::sentence::Sentence;
use super::token::Token;
use super::{Commitment, Entity, Referent};

/// Finds the commitments in `text`, in text order.
pub fn extract(
    _text: &str,
    _tokens: &[Token],
    _sentences: &[Sentence],
    _entities: &[Entity],
    _referents: &[Referent],
) -> Vec<Commitment> {
    Vec::new()
}
