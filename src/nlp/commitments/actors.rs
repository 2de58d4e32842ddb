//! Who acts: what earlier sentences tell about pronouns, and how "he",
//! "they", "we" and "I" resolve to a person, a country or a group.

use super::phrases::{EntityIndex, Party};
use super::speech::Speech;
use crate::nlp::EntityKind;

/// An actor's name and, when it is one named thing, its referent.
pub type Actor = (String, Option<usize>);

/// What earlier sentences tell about pronouns.
#[derive(Default)]
pub struct Context {
    /// The last person who spoke or acted: "he" and "she" refer to them.
    pub last_person: Option<Actor>,
    /// The last group or plural actor: "they" refers to it.
    pub last_group: Option<Actor>,
    /// Countries that acted so far, with counts: "we" in an official statement
    /// with no known speaker country is most likely the one acting most.
    pub country_actors: Vec<((String, Option<usize>), usize)>,
    /// Who issued the statement ("statement ... released by the Governments of
    /// X, Y and Z"): "we" with no speaker means them.
    pub authors: Option<Actor>,
    /// The author named in a byline ("Antony J. Blinken, Secretary of State"
    /// opening a release): "we" and "I" with no other speaker.
    pub byline: Option<Actor>,
}

/// Turns a party into an actor name, resolving pronouns.
pub fn resolve(p: Party, speech: &Speech, context: &Context, index: &EntityIndex) -> Option<Actor> {
    match p.pronoun {
        None => Some((p.name, p.referent)),
        Some("he" | "she") => speech
            .speaker
            .clone()
            .filter(|s| s.1.is_some())
            .or_else(|| context.last_person.clone()),
        Some("i") => speech.speaker.clone().or_else(|| context.byline.clone()),
        Some("we") => we(speech, context, index),
        Some("they") => context.last_group.clone(),
        Some(_) => None,
    }
}

/// "We" in a statement: the speaker's country, else the country acting most so far,
/// else the speaker.
pub fn we(speech: &Speech, context: &Context, index: &EntityIndex) -> Option<Actor> {
    if speech.speaker.is_none()
        && let Some(authors) = &context.authors
    {
        return Some(authors.clone());
    }
    let speaker = speech.speaker.clone().or_else(|| context.byline.clone());
    let code = speaker
        .as_ref()
        .and_then(|s| s.1)
        .and_then(|r| index.referents.get(r))
        .and_then(|r| r.country);
    let country = code.and_then(|code| {
        index
            .referents
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == EntityKind::Place && r.country == Some(code))
            .max_by_key(|(_, r)| r.mentions.len())
            .map(|(i, r)| (r.name.clone(), Some(i)))
    });
    let acting = context
        .country_actors
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(a, _)| a.clone());
    country.or(acting).or(speaker)
}
