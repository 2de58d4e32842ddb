//! Running-text matching for the gazetteer, and the per-word flag table.
//!
//! Two indexes, probed in one walk over the text's word starts, feed one
//! leftmost-longest selection:
//! - an aho-corasick automaton (`MatchKind::LeftmostLongest`) over country
//!   names, demonyms and capitals, a few thousand patterns, some with inner
//!   punctuation ("U.S.", "Washington, D.C."): it builds in milliseconds;
//! - the city index ([`super::cities`]), probed at each capitalised word start
//!   with the longest run of words that some city name begins with. (One
//!   automaton over all ~80,000 city name forms took most of a second to
//!   build; the probes cost a hash lookup per capitalised word.)
//!
//! Candidates from both must be whole words; among overlapping candidates the
//! leftmost wins, then the longest, then the country layer. The survivors then
//! pass the context checks (gated names, all-capitals passages).

use super::cities::{BIG_CITY, CityIndex, capitals_form, first_word};
use super::tables::City;
use super::{Gazetteer, GazetteerHit, GazetteerKind, tables};
use crate::nlp::CountryCode;
use crate::nlp::ascii::alnum_run;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
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
    /// The country layer, for anchored searches.
    automaton: Option<AhoCorasick>,
    /// The bytes some pattern starts with (upper-case letters, mostly).
    first_bytes: [bool; 256],
    /// The first words of the patterns ([`first_word`]: "Papua", "U",
    /// "Washington"). A pattern can match beyond the word a search starts in
    /// only if it opens with that very word, and a match within the word is
    /// never a whole word (nor does skipping it pass another word start), so
    /// at a word no pattern opens with the search is not run: it fails there
    /// for most capitalised words, at a few hundred instructions each.
    first_words: FxHashSet<String>,
    patterns: Vec<Pattern>,
}

fn is_acronym(text: &str) -> bool {
    text.len() <= 4 && text.bytes().all(|b| b.is_ascii_uppercase())
}

impl Matcher {
    pub(super) fn build(gaz: &Gazetteer) -> Matcher {
        // The country layer. Priority: names, then demonyms, then capitals.
        let mut texts: Vec<Cow<'static, str>> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen: HashMap<Cow<'static, str>, ()> = HashMap::new();
        let mut add = |text: Cow<'static, str>, pattern: Pattern| {
            if let Entry::Vacant(slot) = seen.entry(text.clone()) {
                slot.insert(());
                texts.push(text);
                patterns.push(pattern);
            }
        };
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
                add(Cow::Borrowed(text), pattern);
                if let Some(upper) = capitals_form(text).filter(|_| !gated) {
                    add(Cow::Owned(upper), pattern);
                }
                // News text mostly writes the typographic apostrophe
                // ("People’s Republic of China", "Côte d’Ivoire"); the tables
                // have the typewriter one.
                if text.contains('\'') {
                    let curly = text.replace('\'', "\u{2019}");
                    if let Some(upper) = capitals_form(&curly).filter(|_| !gated) {
                        add(Cow::Owned(upper), pattern);
                    }
                    add(Cow::Owned(curly), pattern);
                }
            }
        }
        // Anchored only: `country_candidates` runs the automaton at the few
        // positions where a pattern can start (see there).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(texts.iter().map(|t| t.as_ref()))
            .ok();
        let mut first_bytes = [false; 256];
        let mut first_words = FxHashSet::default();
        for text in &texts {
            if let Some(&b) = text.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
            let word = first_word(text);
            if !first_words.contains(word) {
                first_words.insert(word.to_owned());
            }
        }

        Matcher {
            automaton,
            first_bytes,
            first_words,
            patterns,
        }
    }

    /// Whether some word of `text` (a run of letters and digits) opens a
    /// pattern of the country layer. `candidates` runs the automaton only at
    /// such words, so when none does `find` finds no country name, demonym
    /// or capital in `text`.
    pub(super) fn may_match_country(&self, text: &str) -> bool {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| !w.is_empty() && self.first_words.contains(w))
    }

    /// The country layer's longest match starting at word start `start`, if
    /// it is a whole word ([`Anchored`] search: a match can only start at a
    /// byte some pattern starts with, a few per hundred bytes of text), and
    /// where the next country match may start (after any match, whole word or
    /// not, as leftmost-longest matching goes on after it).
    fn country_at(&self, text: &str, start: usize) -> (Option<(Range<usize>, Pattern)>, usize) {
        let Some(automaton) = &self.automaton else {
            return (None, start + 1);
        };
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        match automaton.try_find(input) {
            Ok(Some(m)) => {
                let hit = whole_word(text, m.start(), m.end())
                    .then(|| self.patterns.get(m.pattern().as_usize()))
                    .flatten()
                    .map(|p| (m.range(), *p));
                (hit, m.end().max(start + 1))
            }
            _ => (None, start + 1),
        }
    }

    /// Every candidate of both layers, in one pass over the text, ordered for
    /// the leftmost-longest selection: by start, then longest first, then the
    /// country layer first.
    ///
    /// Both layers can only match from a word start (a whole word starts
    /// there), so one walk from word to word probes both: the country
    /// automaton where a pattern can start (anchored), the city index at a
    /// word that does not open in lower case, with the longest run of words
    /// that some city name begins with. (One automaton over all ~80,000 city
    /// name forms took most of a second to build.)
    fn candidates(&self, index: &CityIndex, text: &str, out: &mut Vec<(Range<usize>, Pattern)>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut prev_alnum = false;
        // The country layer goes on after the end of its last match.
        let mut country_from = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII fast path: between words, inside a word, or at a
            // lower-case word start (no name starts lower-case): the rest of
            // the word's ASCII letters and digits is skipped at once.
            if b < 0x80 {
                if !(b.is_ascii_uppercase() || b.is_ascii_digit()) {
                    // Spaces, punctuation and lower-case letters: on to the
                    // next byte that may start a name, eight at a time. The
                    // bytes passed are ASCII, so the one before it tells
                    // whether it goes on a word.
                    i += bytes.get(i..).map_or(1, to_name_start);
                    prev_alnum = i
                        .checked_sub(1)
                        .and_then(|p| bytes.get(p))
                        .is_some_and(u8::is_ascii_alphanumeric);
                    continue;
                }
                if prev_alnum {
                    i += bytes.get(i..).map_or(1, alnum_run);
                    continue;
                }
            }
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                match text.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            let alnum = c.is_alphanumeric();
            if !alnum || prev_alnum {
                prev_alnum = alnum;
                i += len;
                continue;
            }
            let rest = text.get(i..).unwrap_or("");
            let word = first_word(rest);
            let country = if i >= country_from
                && self.first_bytes[usize::from(b)]
                && self.first_words.contains(word)
            {
                let (hit, next) = self.country_at(text, i);
                country_from = next;
                hit
            } else {
                None
            };
            let city = if c.is_lowercase() {
                None
            } else {
                index
                    .longest_form_from(word)
                    .and_then(|longest| longest_city_at(index, rest, word.len(), longest))
                    .map(|(end, city)| {
                        let one_word = end == word.len();
                        let pattern = Pattern {
                            kind: GazetteerKind::City,
                            code: city.country,
                            population: city.population,
                            gated: city.ambiguous || (one_word && city.population < BIG_CITY),
                            acronym: false,
                        };
                        (i..i + end, pattern)
                    })
            };
            match (country, city) {
                (Some(country), Some(city)) if city.0.end > country.0.end => {
                    out.push(city);
                    out.push(country);
                }
                (country, city) => out.extend(country.into_iter().chain(city)),
            }
            i += word.len().max(len);
            prev_alnum = true;
        }
    }

    pub(super) fn find(&self, index: &CityIndex, text: &str) -> Vec<GazetteerHit> {
        let mut candidates = Vec::new();
        self.candidates(index, text, &mut candidates);
        let mut selected: Vec<(Range<usize>, Pattern)> = Vec::with_capacity(candidates.len());
        for c in candidates {
            if selected.last().is_none_or(|last| c.0.start >= last.0.end) {
                selected.push(c);
            }
        }
        let mut hits = Vec::with_capacity(selected.len());
        for (i, (span, p)) in selected.iter().enumerate() {
            if p.acronym && in_capitals_passage(text, span) {
                continue;
            }
            if p.gated && !has_place_context(text, span, selected.get(i + 1)) {
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

    pub(super) fn match_words(
        &self,
        index: &CityIndex,
        words: &[&str],
    ) -> Vec<(Range<usize>, GazetteerKind)> {
        let mut joined = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(words.len());
        for w in words {
            if !joined.is_empty() {
                joined.push(' ');
            }
            starts.push(joined.len());
            joined.push_str(w);
        }
        self.find(index, &joined)
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
}

/// How many bytes `bytes` opens with before one that may start a name (an
/// ASCII capital or digit, or a non-ASCII byte); all of them if none does.
/// Eight bytes at a time: most of running text is lower-case words and the
/// spaces between them, which the walk over word starts only passes by.
fn to_name_start(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = 0x80 * ONES;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        // A byte's low seven bits plus `0x80 - c` reach its high bit exactly
        // when they are at least `c` (no carry reaches the next byte).
        let low = word & !HIGH;
        let at_least = |c: u8| low + (0x80 - u64::from(c)) * ONES;
        let capital = at_least(b'A') & !at_least(b'Z' + 1);
        let digit = at_least(b'0') & !at_least(b'9' + 1);
        // (`word` itself: the high bit of each non-ASCII byte.)
        let found = (capital | digit | word) & HIGH;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let may_start = |b: &u8| !b.is_ascii() || b.is_ascii_uppercase() || b.is_ascii_digit();
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest.iter().position(may_start).unwrap_or(rest.len())
}

/// The longest city name form at the start of `rest` that ends at a word
/// boundary: tries the first word (`first_len` bytes), then each following
/// word joined by a space, hyphen, apostrophe or period, up to `longest` bytes.
fn longest_city_at(
    index: &CityIndex,
    rest: &str,
    first_len: usize,
    longest: usize,
) -> Option<(usize, City)> {
    let bytes = rest.as_bytes();
    let mut best = None;
    let mut end = first_len;
    loop {
        if let Some(city) = rest.get(..end).and_then(|form| index.get(form).first()) {
            best = Some((end, *city));
        }
        // The next word: at most two separator characters, then letters.
        let mut next = end;
        while next < end + 2 && matches!(bytes.get(next), Some(b' ' | b'-' | b'\'' | b'.')) {
            next += 1;
        }
        if next == end {
            break;
        }
        let word_len = rest.get(next..).map_or(0, |r| first_word(r).len());
        if word_len == 0 || next + word_len > longest {
            break;
        }
        end = next + word_len;
    }
    best
}

/// The per-word feature table behind [`Gazetteer::word_flags`]. Built from
/// the tables directly (no automaton), in a few milliseconds.
pub(super) fn word_flag_table(gaz: &Gazetteer) -> FxHashMap<Cow<'static, str>, u8> {
    // Fx hashing: the tagger asks for every word's flags.
    let mut table: FxHashMap<Cow<'static, str>, u8> =
        FxHashMap::with_capacity_and_hasher(64 * 1024, Default::default());
    let mut mark = |text: Cow<'static, str>, bits: u8, gated: bool| {
        let parts: Vec<Cow<'static, str>> = match text {
            Cow::Borrowed(t) => t.split(' ').map(Cow::Borrowed).collect(),
            Cow::Owned(t) => t.split(' ').map(|p| Cow::Owned(p.to_string())).collect(),
        };
        let count = parts.iter().filter(|p| !p.is_empty()).count();
        for (i, part) in parts.into_iter().enumerate() {
            // Lower-case connectors ("of", "the", "and") are not name parts.
            if part.chars().next().is_none_or(char::is_lowercase) {
                continue;
            }
            let mut b = bits;
            if count == 1 {
                b |= flags::WHOLE;
                if gated {
                    b |= flags::AMBIGUOUS;
                }
            } else if i == 0 {
                b |= flags::MULTI_START;
            }
            *table.entry(part).or_default() |= b;
        }
    };
    for &(text, kind, _, gated) in &gaz.free_names {
        let bits = match kind {
            GazetteerKind::Country => flags::COUNTRY,
            GazetteerKind::Demonym => flags::DEMONYM,
            GazetteerKind::Capital => flags::CAPITAL,
            GazetteerKind::City => flags::CITY,
        };
        mark(Cow::Borrowed(text), bits, gated);
        if let Some(upper) = capitals_form(text) {
            mark(Cow::Owned(upper), bits, gated);
        }
    }
    for row in tables::cities() {
        let city = row.city;
        let mut bits = flags::CITY;
        if city.population >= BIG_CITY {
            bits |= flags::BIG_CITY;
        }
        for form in row.forms() {
            let one_word = !form.contains(' ');
            let gated = city.ambiguous || (one_word && city.population < BIG_CITY);
            mark(Cow::Borrowed(form), bits, gated);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_starts_found_eight_bytes_at_a_time_as_one_at_a_time() {
        let may_start = |b: u8| !b.is_ascii() || b.is_ascii_uppercase() || b.is_ascii_digit();
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| may_start(b))
                .unwrap_or(bytes.len())
        };
        // Every byte value in every lane of a run of lower case, and past it.
        for b in 0..=255u8 {
            for lane in 0..12 {
                let mut bytes = *b"said the minister of";
                bytes[lane] = b;
                for start in 0..4 {
                    let bytes = &bytes[start..];
                    assert_eq!(to_name_start(bytes), naive(bytes), "{b} at {lane}");
                }
            }
        }
        assert_eq!(to_name_start(b"in Paris"), 3);
        assert_eq!(to_name_start(b"no name at all here"), 19);
        assert_eq!(to_name_start("over G\u{e9}n\u{e8}ve".as_bytes()), 5);
        assert_eq!(to_name_start(b""), 0);
    }

    /// `may_match_country` is false only where `find` finds no country,
    /// demonym or capital, and true for names holding one.
    #[test]
    fn a_text_no_country_pattern_opens_in_has_no_country_hit() {
        let gaz = Gazetteer::get();
        let countries = |text: &str| {
            gaz.find(text)
                .iter()
                .filter(|h| h.kind != GazetteerKind::City)
                .count()
        };
        for name in [
            "Kenya Airways",
            "the Chinese Academy of Sciences",
            "Bank of Jamaica",
            "U.S. Treasury",
            "Beijing Municipal Government",
            "Mexico City Police",
        ] {
            assert!(gaz.may_name_a_country(name), "{name}");
            assert!(countries(name) > 0, "{name}");
        }
        for name in [
            "Reuters",
            "Ministry of Defence",
            "Hamas",
            "Springfield Council",
            "",
        ] {
            assert!(!gaz.may_name_a_country(name), "{name}");
            assert_eq!(countries(name), 0, "{name}");
        }
    }
}
