//! Country focus: which countries a story is about, and which it mentions.
//!
//! Every way the text refers to a country is evidence: its name, a place
//! inside it, a demonym ("Azerbaijani"), a capital standing for its government
//! ("Beijing said"), a person or organisation of that country. Evidence in the
//! headline, in the lead sentence and at the start of a sentence (where
//! subjects stand) weighs more. The focus is the few countries whose score is
//! close to the best one; a country named once in passing is only mentioned.

use super::link::geo::{Geo, GeoHit, GeoKind};
use super::sentence::Sentence;
use super::{CountryCode, CountryScore, Entity, EntityKind, Referent, Span};
use rustc_hash::FxHashMap;

/// Weight of one piece of evidence by what it is.
fn weight(kind: Evidence) -> f32 {
    match kind {
        Evidence::Country => 1.0,
        Evidence::Demonym => 0.8,
        Evidence::Person => 0.8,
        Evidence::City => 0.6,
        Evidence::Org => 0.4,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Evidence {
    Country,
    Demonym,
    City,
    Person,
    Org,
}

/// A headline reference counts as this many body mentions.
const TITLE_WEIGHT: f32 = 3.0;
/// The lead sentence counts double.
const LEAD_FACTOR: f32 = 2.0;
/// Evidence among the first words of a sentence (the subject) counts more.
const SUBJECT_FACTOR: f32 = 1.5;
/// A focus country scores at least this share of the best score...
const FOCUS_SHARE: f32 = 0.3;
/// ... and at most this many countries are in focus.
const MAX_FOCUS: usize = 3;

/// Returns `(focus, mentioned)`, each best first; `mentioned` includes the focus.
pub fn score(
    title: &str,
    text: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    referents: &[Referent],
    hits: &[GeoHit],
    geo: &dyn Geo,
) -> (Vec<CountryScore>, Vec<CountryScore>) {
    let evidence = collect(entities, referents, hits);
    // Fx-hashed (cheap for two-byte codes); the order is fixed by the sort below.
    let mut tally: FxHashMap<CountryCode, (f32, usize, Vec<Span>, bool)> = FxHashMap::default();
    for (span, code, kind) in &evidence {
        let sentence = sentences.partition_point(|s| s.span.end <= span.start);
        let mut w = weight(*kind);
        if sentence == 0 {
            w *= LEAD_FACTOR;
        }
        if sentences
            .get(sentence)
            .is_some_and(|s| near_start(text, &s.span, span))
        {
            w *= SUBJECT_FACTOR;
        }
        let t = tally.entry(*code).or_insert((0.0, 0, Vec::new(), false));
        t.0 += w;
        t.1 += 1;
        t.2.push(span.clone());
    }
    for code in title_countries(title, text, entities, referents, geo) {
        let t = tally.entry(code).or_insert((0.0, 0, Vec::new(), false));
        t.0 += TITLE_WEIGHT;
        t.3 = true;
    }
    let best = tally.values().map(|t| t.0).fold(0.0f32, f32::max);
    if best <= 0.0 {
        return (Vec::new(), Vec::new());
    }
    let mut mentioned: Vec<(CountryScore, usize, bool)> = tally
        .into_iter()
        .map(|(code, (s, n, mut spans, in_title))| {
            spans.sort_by_key(|s| (s.start, s.end));
            spans.dedup();
            let score = (s / best).clamp(0.0, 1.0);
            (
                CountryScore {
                    code,
                    score: (score * 100.0).round() / 100.0,
                    evidence: spans,
                },
                n,
                in_title,
            )
        })
        .collect();
    mentioned.sort_by(|a, b| {
        b.0.score
            .total_cmp(&a.0.score)
            .then(a.0.code.cmp(&b.0.code))
    });
    let focus = mentioned
        .iter()
        .filter(|(c, n, in_title)| c.score >= FOCUS_SHARE && (*n >= 2 || *in_title))
        .take(MAX_FOCUS)
        .map(|(c, ..)| c.clone())
        .collect();
    (focus, mentioned.into_iter().map(|(c, ..)| c).collect())
}

/// Every body span that refers to a country, once per span.
fn collect(
    entities: &[Entity],
    referents: &[Referent],
    hits: &[GeoHit],
) -> Vec<(Span, CountryCode, Evidence)> {
    let mut out: Vec<(Span, CountryCode, Evidence)> = Vec::new();
    for e in entities {
        let Some(r) = referents.get(e.referent) else {
            continue;
        };
        let Some(code) = r.country else { continue };
        let kind = match e.kind {
            EntityKind::Place => {
                if country_like(hits, &e.span) {
                    Evidence::Country
                } else {
                    Evidence::City
                }
            }
            EntityKind::Person => Evidence::Person,
            EntityKind::Org => Evidence::Org,
            EntityKind::Misc => continue,
        };
        out.push((e.span.clone(), code, kind));
    }
    for h in hits {
        // Entities are sorted and disjoint: the one overlapping this hit, if any.
        let i = entities.partition_point(|e| e.span.end <= h.span.start);
        let overlapping = entities.get(i).filter(|e| e.span.start < h.span.end);
        if let Some(e) = overlapping {
            let counted = e.kind != EntityKind::Misc
                && referents
                    .get(e.referent)
                    .is_some_and(|r| r.country.is_some());
            // Counted already, or part of a person's name ("Lincoln"): skip it.
            if counted || e.kind == EntityKind::Person {
                continue;
            }
        }
        let kind = match h.kind {
            GeoKind::Country => Evidence::Country,
            GeoKind::Demonym => Evidence::Demonym,
            GeoKind::Capital | GeoKind::City => {
                // Only cities the linker kept as places.
                let kept =
                    overlapping.is_some_and(|e| e.span == h.span && e.kind == EntityKind::Place);
                if !kept {
                    continue;
                }
                Evidence::City
            }
        };
        out.push((h.span.clone(), h.code, kind));
    }
    out.sort_by_key(|(s, ..)| (s.start, s.end));
    out
}

fn country_like(hits: &[GeoHit], span: &Span) -> bool {
    let i = hits.partition_point(|h| h.span.start < span.start);
    hits.get(i)
        .is_some_and(|h| h.span == *span && h.kind == GeoKind::Country)
}

/// Whether `span` lies among the first few words of its sentence.
fn near_start(text: &str, sentence: &Span, span: &Span) -> bool {
    let before = text.get(sentence.start..span.start).unwrap_or("");
    // Stop at the fourth word: counting them all is quadratic on a huge sentence.
    before.split_whitespace().nth(3).is_none()
}

/// Countries the headline refers to: names, demonyms, cities, and people of the body.
fn title_countries(
    title: &str,
    text: &str,
    entities: &[Entity],
    referents: &[Referent],
    geo: &dyn Geo,
) -> Vec<CountryCode> {
    let mut out: Vec<CountryCode> = geo.find(title).iter().map(|h| h.code).collect();
    for r in referents.iter().filter(|r| r.kind == EntityKind::Person) {
        let Some(code) = r.country else { continue };
        let surname = r
            .mentions
            .iter()
            .filter_map(|&i| entities.get(i))
            .filter_map(|e| text.get(e.span.clone()))
            .filter_map(|s| s.split_whitespace().last())
            .find(|w| w.chars().count() > 2);
        if surname.is_some_and(|w| contains_word(title, w)) {
            out.push(code);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack
            .get(..i)
            .and_then(|b| b.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric());
        let after = haystack
            .get(i + word.len()..)
            .and_then(|a| a.chars().next())
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

#[cfg(test)]
mod tests;
