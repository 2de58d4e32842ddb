//! Entity linking: mentions grouped into referents, each with its country.
//!
//! Three steps: correct the tagger where the evidence is strong (`fix`),
//! group mentions of one person, place or organisation (`group`), and give
//! each referent its country (`country`).

mod aliases;
mod compass;
mod country;
pub mod fix;
pub mod geo;
mod group;
mod named_places;
mod not_orgs;
mod office_names;
pub mod orgs;
mod products;
mod titled;
pub mod titles;
mod view;
mod words;

use self::geo::{Geo, GeoHit};
use super::ner::Mention;
use super::token::Token;
use super::{Entity, Referent, Span};

/// Groups `mentions` into referents. `sentences` are the spans of `text`'s
/// sentences, `hits` the gazetteer's finds in it.
pub fn link(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    mentions: &[Mention],
    hits: &[GeoHit],
    geo: &dyn Geo,
) -> (Vec<Entity>, Vec<Referent>) {
    // Every token's surface and flags, once for all the rules (see `view`).
    let view = view::View::new(text, tokens);
    let corrected = fix::correct(&view, mentions, hits, geo);
    let (entities, mut referents) = group::group(text, tokens, &corrected, geo);
    country::assign(
        text,
        tokens,
        sentences,
        &entities,
        &mut referents,
        hits,
        geo,
    );
    (entities, referents)
}

#[cfg(test)]
mod tests;
