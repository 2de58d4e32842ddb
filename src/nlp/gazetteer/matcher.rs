//! Running-text matching for the gazetteer: one aho-corasick automaton
//! (leftmost-longest) over every free-text name, whole-word and context
//! checks on its matches, and a per-word flag table for the tagger.

use super::{Gazetteer, GazetteerHit, GazetteerKind, tables};
use crate::nlp::CountryCode;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

/// Bits returned by [`Gazetteer::word_flags`](super::Gazetteer::word_flags).
pub mod flags {
    /// The word is (part of) a country name ("Costa", "Rica", "China").
    pub const COUNTRY: u8 = 1;
    /// The word is a demonym ("Chinese", "Americans").
    pub const DEMONYM: u8 = 2;
    /// The word is (part of) a national capital's name ("Beijing", "Delhi").
    pub const CAPITAL: u8 = 4;
    /// The word is (part of) a city's name.
    pub const CITY: u8 = 8;
    /// The word is (part of) the name of a city of 100,000 people or more.
    pub const BIG_CITY: u8 = 16;
    /// The word alone is a whole name of one of the above.
    pub const WHOLE: u8 = 32;
    /// The word is a place name that is also a common word or a personal name.
    pub const AMBIGUOUS: u8 = 64;
    /// The word starts a name of two or more words ("New" in "New York").
    pub const MULTI_START: u8 = 128;
}

/// Cities smaller than this, with one-word names, need locative context.
const SMALL_CITY: u32 = 100_000;

/// Words that, just before a gated place name, make it a place.
const LOCATIVES: &[&str] = &[
    "across",
    "around",
    "at",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
    "within",
];

#[derive(Clone, Copy, Debug)]
struct Pattern {
    kind: GazetteerKind,
    code: CountryCode,
    population: u32,
    /// Needs locative context.
    gated: bool,
    /// A short all-capitals form ("US", "UAE"): not inside all-capitals text.
    acronym: bool,
}

pub(super) struct Matcher {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    flags: HashMap<String, u8>,
}

struct Builder {
    texts: Vec<String>,
    patterns: Vec<Pattern>,
    index: HashMap<String, usize>,
}

impl Builder {
    /// Adds `text` unless a pattern of higher priority (added earlier) has it.
    fn add(&mut self, text: &str, pattern: Pattern) {
        if let Entry::Vacant(slot) = self.index.entry(text.to_string()) {
            slot.insert(self.patterns.len());
            self.texts.push(text.to_string());
            self.patterns.push(pattern);
        }
    }

    /// Adds the all-capitals form of `text` ("BEIJING") for datelines.
    fn add_capitals(&mut self, text: &str, pattern: Pattern) {
        let upper = text.to_uppercase();
        if upper != text
            && !pattern.gated
            && upper.chars().filter(|c| c.is_alphabetic()).count() >= 4
        {
            self.add(&upper, pattern);
        }
    }
}

fn is_acronym(text: &str) -> bool {
    text.len() <= 4 && text.bytes().all(|b| b.is_ascii_uppercase())
}

impl Matcher {
    pub(super) fn build(gaz: &Gazetteer) -> Matcher {
        let mut b = Builder {
            texts: Vec::new(),
            patterns: Vec::new(),
            index: HashMap::new(),
        };
        // Priority: country names, then demonyms, then capitals, then cities.
        for kind in [
            GazetteerKind::Country,
            GazetteerKind::Demonym,
            GazetteerKind::Capital,
        ] {
            for &(text, k, code, gated) in gaz.free_names.iter().filter(|n| n.1 == kind) {
                let population = if k == GazetteerKind::Capital {
                    gaz.cities(text)
                        .iter()
                        .find(|c| c.country == code)
                        .map_or(0, |c| c.population)
                } else {
                    0
                };
                let pattern = Pattern {
                    kind: k,
                    code,
                    population,
                    gated,
                    acronym: is_acronym(text),
                };
                b.add(text, pattern);
                b.add_capitals(text, pattern);
            }
        }
        for row in tables::cities() {
            let city = row.city;
            let forms = std::iter::once(city.name)
                .chain(row.ascii_name)
                .chain(row.alternates.split('|').filter(|s| !s.is_empty()));
            for form in forms {
                let one_word = !form.contains([' ', '-']);
                let pattern = Pattern {
                    kind: GazetteerKind::City,
                    code: city.country,
                    population: city.population,
                    gated: city.ambiguous || (one_word && city.population < SMALL_CITY),
                    acronym: false,
                };
                b.add(form, pattern);
                if city.population >= SMALL_CITY {
                    b.add_capitals(form, pattern);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&b.texts)
            .ok();
        let flags = word_flag_table(&b.texts, &b.patterns);
        Matcher {
            automaton,
            patterns: b.patterns,
            flags,
        }
    }

    pub(super) fn find(&self, text: &str) -> Vec<GazetteerHit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let raw: Vec<(Range<usize>, Pattern)> = automaton
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .filter_map(|m| {
                let pattern = self.patterns.get(m.pattern().as_usize())?;
                Some((m.range(), *pattern))
            })
            .collect();
        let mut hits = Vec::with_capacity(raw.len());
        for (i, (span, p)) in raw.iter().enumerate() {
            if p.acronym && in_capitals_passage(text, span) {
                continue;
            }
            if p.gated && !has_place_context(text, span, raw.get(i + 1)) {
                continue;
            }
            hits.push(GazetteerHit {
                span: span.clone(),
                kind: p.kind,
                code: p.code,
                population: u64::from(p.population),
            });
        }
        hits
    }

    pub(super) fn match_words(&self, words: &[&str]) -> Vec<(Range<usize>, GazetteerKind)> {
        let mut joined = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(words.len());
        for w in words {
            if !joined.is_empty() {
                joined.push(' ');
            }
            starts.push(joined.len());
            joined.push_str(w);
        }
        self.find(&joined)
            .into_iter()
            .filter_map(|hit| {
                let first = starts.binary_search(&hit.span.start).ok()?;
                let last = starts
                    .partition_point(|&s| s < hit.span.end)
                    .checked_sub(1)?;
                let ends_word = starts.get(last)? + words.get(last)?.len() == hit.span.end;
                ends_word.then_some((first..last + 1, hit.kind))
            })
            .collect()
    }

    pub(super) fn word_flags(&self, word: &str) -> u8 {
        self.flags.get(word).copied().unwrap_or(0)
    }
}

fn word_flag_table(texts: &[String], patterns: &[Pattern]) -> HashMap<String, u8> {
    let mut table: HashMap<String, u8> = HashMap::new();
    for (text, p) in texts.iter().zip(patterns) {
        let mut bits = match p.kind {
            GazetteerKind::Country => flags::COUNTRY,
            GazetteerKind::Demonym => flags::DEMONYM,
            GazetteerKind::Capital => flags::CAPITAL,
            GazetteerKind::City => flags::CITY,
        };
        if p.kind == GazetteerKind::City && p.population >= SMALL_CITY {
            bits |= flags::BIG_CITY;
        }
        let parts: Vec<&str> = text.split(' ').filter(|s| !s.is_empty()).collect();
        // Lower-case connectors ("of", "the", "and") are not name parts.
        let is_name_part = |part: &&str| part.chars().next().is_some_and(|c| !c.is_lowercase());
        for (i, part) in parts.iter().enumerate().filter(|(_, p)| is_name_part(p)) {
            let mut b = bits;
            if parts.len() == 1 {
                b |= flags::WHOLE;
                if p.gated {
                    b |= flags::AMBIGUOUS;
                }
            } else if i == 0 {
                b |= flags::MULTI_START;
            }
            *table.entry((*part).to_string()).or_default() |= b;
        }
    }
    table
}

/// True if `start..end` is not inside a longer word.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The word just before `start`, if only spaces separate them.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let before = text.get(..start)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    trimmed.get(word_start..)
}

/// The word just after `end`, after spaces and punctuation (looking a short way).
fn word_after(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    let start = rest
        .char_indices()
        .take(8)
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)?;
    let tail = rest.get(start..)?;
    let len = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(i, _)| i);
    tail.get(..len)
}

fn shouting(word: Option<&str>) -> bool {
    word.is_some_and(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
}

/// True if the words around `span` are in capitals ("LET US KNOW").
fn in_capitals_passage(text: &str, span: &Range<usize>) -> bool {
    let before = text.get(..span.start).map(|s| {
        let s = s.trim_end_matches(|c: char| !c.is_alphabetic());
        let from = s
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(s.len(), |(i, _)| i);
        s.get(from..).unwrap_or("")
    });
    shouting(before.filter(|w| !w.is_empty())) || shouting(word_after(text, span.end))
}

/// Locative context for a gated place: "in Reading", "Nice, France".
fn has_place_context(
    text: &str,
    span: &Range<usize>,
    next: Option<&(Range<usize>, Pattern)>,
) -> bool {
    let locative = word_before(text, span.start)
        .is_some_and(|w| LOCATIVES.iter().any(|l| l.eq_ignore_ascii_case(w)));
    let country_after = next.is_some_and(|(next_span, p)| {
        p.kind == GazetteerKind::Country
            && text
                .get(span.end..next_span.start)
                .is_some_and(|gap| gap.trim() == ",")
    });
    locative || country_after
}
