//! Entity linking: mentions grouped into referents, each with its country.
//!
//! PLACEHOLDER until linking lands (issue 4): one referent per mention.

use super::ner::Mention;
use super::sentence::Sentence;
use super::token::Token;
use super::{Entity, Referent};

/// Groups `mentions` into referents.
pub fn link(
    text: &str,
    _tokens: &[Token],
    _sentences: &[Sentence],
    mentions: &[Mention],
) -> (Vec<Entity>, Vec<Referent>) {
    let mut entities = Vec::new();
    let mut referents = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        entities.push(Entity {
            span: m.span.clone(),
            kind: m.kind,
            referent: i,
        });
        referents.push(Referent {
            name: text.get(m.span.clone()).unwrap_or_default().to_string(),
            kind: m.kind,
            country: None,
            mentions: vec![i],
        });
    }
    (entities, referents)
}
