//! Country focus: which countries a story is about, and which it mentions.
//!
//! PLACEHOLDER until country focus lands (issue 4): none.

use super::token::Token;
use super::{CountryScore, Entity, Referent};

/// Returns `(focus, mentioned)`, each best first.
pub fn score(
    _title: &str,
    _text: &str,
    _tokens: &[Token],
    _entities: &[Entity],
    _referents: &[Referent],
) -> (Vec<CountryScore>, Vec<CountryScore>) {
    (Vec::new(), Vec::new())
}
