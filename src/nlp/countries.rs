//! Country focus: which countries a story is about, and which it mentions.
//!
//! Every way the text refers to a country is evidence: its name, a place
//! inside it, a demonym ("Azerbaijani"), a capital standing for its government
//! ("Beijing said"), a person or organisation of that country. Evidence in the
//! headline, in the lead sentence and at the start of a sentence (where
//! subjects stand) weighs more. The focus is the few countries whose score is
//! close to the best one; a country named once in passing is only mentioned.
//! A country that commits to something in the story (the actor of a
//! commitment) is a party to it and weighs like one named in the headline; a
//! city named in the headline as the venue ("Talks in Geneva", "Cairo summit")
//! does not. One sentence naming a country again and again ("Niamey, Niger,
//! host Mahamadou Issoufou"; a list of twenty US states) is one piece of
//! evidence more than another: the later ones in it weigh less. The
//! government whose byline heads a release ("Office of the Spokesperson"), or
//! whose White House issues a readout, is a party to it like an actor, and in
//! focus whenever the text names it at all.

mod byline;

use super::link::geo::{GeoHit, GeoKind};
use super::sentence::Sentence;
use super::{Commitment, CountryCode, CountryScore, Entity, EntityKind, Referent, Span};
use rustc_hash::FxHashMap;

/// Weight of one piece of evidence by what it is.
fn weight(kind: Evidence) -> f32 {
    match kind {
        Evidence::Country => 1.0,
        Evidence::Demonym => 0.8,
        Evidence::Person => 0.8,
        Evidence::City => 0.6,
        Evidence::Org => 0.4,
        Evidence::Currency => 0.2,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Evidence {
    Country,
    Demonym,
    City,
    Person,
    Org,
    /// A currency's country prefix ("US$300"): a mention, hardly a subject.
    Currency,
}

/// A person named again weighs this share of their first mention: a story
/// quoting one leader again and again is not the more about their country
/// ("Erdogan said ... Erdogan also said"), against a second country whose
/// minister speaks once.
const REPEATED_PERSON: f32 = 0.25;
/// Each further piece of evidence for a country in one sentence weighs this
/// share of the one before it.
const SAME_SENTENCE: f32 = 0.5;
/// A headline reference counts as this many body mentions.
const TITLE_WEIGHT: f32 = 3.0;
/// A country that is the actor of at least one commitment gets this, once.
const ACTOR_WEIGHT: f32 = TITLE_WEIGHT;
/// The lead sentence counts double.
const LEAD_FACTOR: f32 = 2.0;
/// A country's name or demonym naming the people the story is about ("a
/// Japanese man", "a man from the United States", "citizens of Peru") weighs
/// this many times as much.
const PEOPLE_FACTOR: f32 = 2.0;
/// Nouns for people (and the firms) a story follows, sorted for the search.
const PEOPLE: &[&str] = &[
    "boy",
    "child",
    "children",
    "citizen",
    "citizens",
    "company",
    "couple",
    "family",
    "firm",
    "girl",
    "journalist",
    "journalists",
    "man",
    "manufacturer",
    "men",
    "national",
    "nationals",
    "operator",
    "passenger",
    "passengers",
    "people",
    "person",
    "pilot",
    "resident",
    "residents",
    "soldier",
    "soldiers",
    "student",
    "students",
    "tourist",
    "tourists",
    "victim",
    "victims",
    "visitor",
    "visitors",
    "woman",
    "women",
    "worker",
    "workers",
];
/// Evidence among the first words of a sentence (the subject) counts more.
const SUBJECT_FACTOR: f32 = 1.5;
/// A focus country scores at least this share of the best score...
const FOCUS_SHARE: f32 = 0.4;
/// ... or this share when the headline names it or it commits to something
/// (a party to the story needs less evidence in the body)...
const PARTY_SHARE: f32 = 0.3;
/// ... and at most this many countries are in focus.
const MAX_FOCUS: usize = 3;

/// What the story says, for scoring its countries.
pub struct Story<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub entities: &'a [Entity],
    pub referents: &'a [Referent],
    pub hits: &'a [GeoHit],
    /// The gazetteer's finds in the title.
    pub title_hits: &'a [GeoHit],
    pub commitments: &'a [Commitment],
}

/// Returns `(focus, mentioned)`, each best first; `mentioned` includes the focus.
pub fn score(story: &Story) -> (Vec<CountryScore>, Vec<CountryScore>) {
    let Story {
        title,
        text,
        sentences,
        entities,
        referents,
        hits,
        title_hits,
        commitments,
    } = *story;
    let evidence = collect(text, entities, referents, hits);
    // Whether each referent has given evidence already (for `REPEATED_PERSON`).
    let mut counted = vec![false; referents.len()];
    // Fx-hashed (cheap for two-byte codes); the order is fixed by the sort below.
    let mut tally: FxHashMap<CountryCode, Tally> = FxHashMap::default();
    for (span, code, kind, referent) in &evidence {
        let sentence = sentences.partition_point(|s| s.span.end <= span.start);
        let mut w = weight(*kind);
        if let Some(seen) = referent.and_then(|r| counted.get_mut(r)) {
            if *seen && *kind == Evidence::Person {
                w *= REPEATED_PERSON;
            }
            *seen = true;
        }
        if sentence == 0 {
            w *= LEAD_FACTOR;
        }
        if matches!(kind, Evidence::Country | Evidence::Demonym) && of_people(text, span) {
            w *= PEOPLE_FACTOR;
        }
        if *kind != Evidence::Currency
            && sentences
                .get(sentence)
                .is_some_and(|s| near_start(text, &s.span, span))
        {
            w *= SUBJECT_FACTOR;
        }
        let t = tally.entry(*code).or_default();
        w *= t.again_in(sentence);
        t.score += w;
        t.count += 1;
        t.spans.push(span.clone());
    }
    let (title_codes, venues) = title_countries(title, title_hits, text, entities, referents);
    for (code, town) in title_codes {
        // A headline word that is a town somewhere ("Sola Airport": Airport,
        // California) is no reference to a country the body never names; a
        // capital is ("Paris mourns").
        if town && !tally.contains_key(&code) {
            continue;
        }
        let t = tally.entry(code).or_default();
        t.score += TITLE_WEIGHT;
        t.in_title = true;
    }
    // A venue is still a mention, one like any in the body.
    for code in venues {
        let t = tally.entry(code).or_default();
        t.score += weight(Evidence::City);
        t.count += 1;
    }
    // The government issuing the statement is a party to it, as an actor is.
    let issuer = byline::issuer(text).or_else(|| byline::readout_issuer(title, text));
    let mut parties = actor_countries(commitments, referents);
    parties.extend(issuer);
    parties.sort();
    parties.dedup();
    for code in parties {
        // Only countries the text refers to: the actor's mentions are evidence already.
        if let Some(t) = tally.get_mut(&code) {
            t.score += ACTOR_WEIGHT;
            t.in_title = true;
        }
    }
    let best = tally.values().map(|t| t.score).fold(0.0f32, f32::max);
    if best <= 0.0 {
        return (Vec::new(), Vec::new());
    }
    let mut mentioned: Vec<(CountryScore, usize, bool)> = tally
        .into_iter()
        .map(|(code, t)| {
            let Tally {
                score: s,
                count: n,
                mut spans,
                in_title,
                ..
            } = t;
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
    let mut focus: Vec<CountryScore> = mentioned
        .iter()
        .filter(|(c, n, in_title)| {
            let share = if *in_title { PARTY_SHARE } else { FOCUS_SHARE };
            c.score >= share && (*n >= 2 || *in_title) || Some(c.code) == issuer
        })
        .map(|(c, ..)| c.clone())
        .collect();
    // The issuer of a statement is always one of the countries it is about,
    // however briefly it names itself beside the country the statement
    // concerns ("released by the Governments of ... and the United States"):
    // it keeps its place among the few and the weakest other party yields.
    if focus.len() > MAX_FOCUS
        && let Some(i) = focus.iter().position(|c| Some(c.code) == issuer)
        && i >= MAX_FOCUS
    {
        let own = focus.remove(i);
        focus.truncate(MAX_FOCUS - 1);
        focus.push(own);
    }
    focus.truncate(MAX_FOCUS);
    (focus, mentioned.into_iter().map(|(c, ..)| c).collect())
}

/// What one country has gathered so far.
#[derive(Default)]
struct Tally {
    score: f32,
    /// Pieces of evidence (a venue in the headline counts as one).
    count: usize,
    spans: Vec<Span>,
    /// Named in the headline, or the actor of a commitment.
    in_title: bool,
    /// The sentence of the last piece of evidence, and how many before it
    /// were in that sentence.
    sentence: Option<(usize, i32)>,
}

impl Tally {
    /// The factor for one more piece of evidence in `sentence`: one for the
    /// first there, `SAME_SENTENCE` to the power of those before it else.
    fn again_in(&mut self, sentence: usize) -> f32 {
        match &mut self.sentence {
            Some((s, before)) if *s == sentence => {
                *before += 1;
                SAME_SENTENCE.powi(*before)
            }
            _ => {
                self.sentence = Some((sentence, 0));
                1.0
            }
        }
    }
}

/// One piece of evidence: where, for which country, what it is, and the
/// referent it names (none for a gazetteer hit outside any entity).
type Found = (Span, CountryCode, Evidence, Option<usize>);

/// Every body span that refers to a country, once per span.
fn collect(text: &str, entities: &[Entity], referents: &[Referent], hits: &[GeoHit]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
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
        let kind = if currency(text, &e.span) {
            Evidence::Currency
        } else {
            kind
        };
        out.push((e.span.clone(), code, kind, Some(e.referent)));
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
            // A city the linker kept as a place with a country is counted
            // above; one it gave none is a region of several countries that
            // some town shares a name with ("Asia", a town in the Philippines),
            // and one it did not keep is no place here.
            GeoKind::Capital | GeoKind::City => continue,
        };
        let kind = if currency(text, &h.span) {
            Evidence::Currency
        } else {
            kind
        };
        out.push((h.span.clone(), h.code, kind, None));
    }
    out.sort_by_key(|(s, ..)| (s.start, s.end));
    out
}

/// Whether the country or demonym at `span` names people: "a Japanese man",
/// "a man from (the) Japan", "citizens of Japan".
fn of_people(text: &str, span: &Span) -> bool {
    let person = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        PEOPLE.binary_search(&w).is_ok()
    };
    let after = text.get(span.end..).unwrap_or("");
    if after.split_whitespace().next().is_some_and(person) {
        return true;
    }
    let before = text.get(..span.start).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let mut prep = words.next().unwrap_or("");
    if prep == "the" {
        prep = words.next().unwrap_or("");
    }
    matches!(prep, "from" | "of") && words.next().is_some_and(person)
}

/// Whether the name at `span` prefixes a sum of money ("US$300", "NZ$ 5").
fn currency(text: &str, span: &Span) -> bool {
    text.get(span.end..).is_some_and(|a| a.starts_with('$'))
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

/// Countries the headline refers to (names, demonyms, cities, and people of the
/// body), each with whether only a town (no capital) named it, and apart from
/// them those of the cities it names as venues.
fn title_countries(
    title: &str,
    title_hits: &[GeoHit],
    text: &str,
    entities: &[Entity],
    referents: &[Referent],
) -> (Vec<(CountryCode, bool)>, Vec<CountryCode>) {
    // "Trump ousts national security advisor Bolton": a name the body shows to
    // be a person or a body is not the town of that name.
    let not_places: Vec<&str> = referents
        .iter()
        .filter(|r| matches!(r.kind, EntityKind::Person | EntityKind::Org))
        .flat_map(|r| r.mentions.iter())
        .filter_map(|&i| entities.get(i))
        .filter_map(|e| text.get(e.span.clone()))
        .flat_map(|s| [s, s.split_whitespace().last().unwrap_or(s)])
        .collect();
    let (venues, found): (Vec<&GeoHit>, Vec<&GeoHit>) = title_hits
        .iter()
        .filter(|h| {
            title
                .get(h.span.clone())
                .is_none_or(|name| !not_places.contains(&name))
        })
        .partition(|h| venue(title, h));
    let mut out: Vec<(CountryCode, bool)> = found
        .iter()
        .map(|h| (h.code, h.kind == GeoKind::City))
        .collect();
    for r in referents.iter().filter(|r| r.kind == EntityKind::Person) {
        let Some(code) = r.country else { continue };
        let surname = r
            .mentions
            .iter()
            .filter_map(|&i| entities.get(i))
            .filter_map(|e| text.get(e.span.clone()))
            .filter_map(|s| {
                // "Joseph R. Biden Jr.": the surname before a suffix.
                s.split_whitespace()
                    .map(|w| w.trim_end_matches(','))
                    .rfind(|w| !NAME_SUFFIXES.contains(w))
            })
            .find(|w| w.chars().count() > 2);
        if surname.is_some_and(|w| contains_word(title, w)) {
            out.push((code, false));
        }
    }
    // "... acquires Hirtenberger Defence Group": a body of a country, named
    // in full (two words or more) in the headline.
    for r in referents.iter().filter(|r| r.kind == EntityKind::Org) {
        let Some(code) = r.country else { continue };
        let named = r
            .mentions
            .iter()
            .filter_map(|&i| entities.get(i))
            .filter_map(|e| text.get(e.span.clone()))
            .any(|s| s.contains(' ') && contains_word(title, s));
        if named {
            out.push((code, false));
        }
    }
    // A country named and also a town's is named: the first of each code.
    out.sort();
    out.dedup_by_key(|(code, _)| *code);
    (out, venues.iter().map(|h| h.code).collect())
}

/// The countries of the commitments' actors that are places (a country or its
/// capital standing for its government).
fn actor_countries(commitments: &[Commitment], referents: &[Referent]) -> Vec<CountryCode> {
    let mut out: Vec<CountryCode> = commitments
        .iter()
        .filter_map(|c| referents.get(c.actor_referent?))
        .filter(|r| r.kind == EntityKind::Place)
        .filter_map(|r| r.country)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Generational suffixes after a surname ("Joseph R. Biden Jr.").
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III"];

/// Whether a city in the headline is where the story happened rather than what
/// it is about: "Talks in Geneva", "at Camp David", "Cairo summit".
fn venue(title: &str, hit: &GeoHit) -> bool {
    const EVENTS: &[&str] = &[
        "summit",
        "talks",
        "meeting",
        "conference",
        "forum",
        "dialogue",
        "declaration",
        "process",
    ];
    if !matches!(hit.kind, GeoKind::City | GeoKind::Capital) {
        return false;
    }
    let before = title.get(..hit.span.start).unwrap_or("").to_lowercase();
    let after = title.get(hit.span.end..).unwrap_or("").to_lowercase();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    before.ends_with(" in ") || before.ends_with(" at ") || EVENTS.contains(&next)
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
