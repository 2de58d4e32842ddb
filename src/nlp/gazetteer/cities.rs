//! The city index: every name form of every city (GeoNames, ASCII, alternate,
//! and an all-capitals form for cities of 100,000 people or more), each with
//! its cities most populous first, plus the first words of those forms so
//! running text can be probed word by word.

use super::tables::{self, City};
use crate::nlp::ascii::alnum_run;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

/// Cities of at least this many people also get an all-capitals form
/// ("SHANGHAI", for datelines), and their one-word names need no context.
pub(super) const BIG_CITY: u32 = 100_000;

pub(super) struct CityIndex {
    /// Grouped by name form, most populous first within a group.
    cities: Vec<City>,
    /// Name form -> its group in `cities`. (Fx hashing: these maps are probed
    /// at every capitalised word of every article, and SipHash's flooding
    /// resistance buys nothing for keys from our own tables.)
    by_name: FxHashMap<Cow<'static, str>, Range<usize>>,
    /// First word of any form -> the byte length of the longest form starting with it.
    first_words: FxHashMap<Cow<'static, str>, usize>,
}

/// The text up to the first character that is not a letter or digit.
pub(super) fn first_word(text: &str) -> &str {
    // ASCII fast path: called at every word start of every article, and most
    // words are ASCII; `char::is_alphanumeric` agrees with the byte test there.
    let ascii = alnum_run(text.as_bytes());
    let tail = text.get(ascii..).unwrap_or("");
    if tail.as_bytes().first().is_none_or(u8::is_ascii) {
        return text.get(..ascii).unwrap_or("");
    }
    let end = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| ascii + i);
    text.get(..end).unwrap_or("")
}

/// The all-capitals form of `text` ("BEIJING"), when it differs and has at
/// least four letters.
pub(super) fn capitals_form(text: &str) -> Option<String> {
    let upper = text.to_uppercase();
    (upper != text && upper.chars().filter(|c| c.is_alphabetic()).count() >= 4).then_some(upper)
}

impl CityIndex {
    pub(super) fn build() -> CityIndex {
        let mut pairs: Vec<(Cow<'static, str>, usize, City)> = Vec::with_capacity(96 * 1024);
        for (rank, row) in tables::cities().enumerate() {
            pairs.extend(
                row.forms()
                    .map(|form| (Cow::Borrowed(form), rank, row.city)),
            );
            if row.city.population >= BIG_CITY && !row.city.ambiguous {
                let capitals = std::iter::once(row.city.name)
                    .chain(row.ascii_name)
                    .filter_map(capitals_form);
                pairs.extend(capitals.map(|form| (Cow::Owned(form), rank, row.city)));
            }
        }
        // Rows come most populous first, so the rank orders each group.
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        pairs.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let mut by_name = FxHashMap::with_capacity_and_hasher(pairs.len(), Default::default());
        let mut first_words: FxHashMap<Cow<'static, str>, usize> =
            FxHashMap::with_capacity_and_hasher(pairs.len() / 2, Default::default());
        let mut start = 0;
        for (i, pair) in pairs.iter().enumerate() {
            if pairs.get(i + 1).is_none_or(|next| next.0 != pair.0) {
                let form = pair.0.clone();
                let first: Cow<'static, str> = match &form {
                    Cow::Borrowed(f) => Cow::Borrowed(first_word(f)),
                    Cow::Owned(f) => Cow::Owned(first_word(f).to_string()),
                };
                if !first.is_empty() {
                    let longest = first_words.entry(first).or_default();
                    *longest = (*longest).max(form.len());
                }
                by_name.insert(form, start..i + 1);
                start = i + 1;
            }
        }
        CityIndex {
            cities: pairs.into_iter().map(|(_, _, city)| city).collect(),
            by_name,
            first_words,
        }
    }

    /// The cities with this exact name form, most populous first.
    pub(super) fn get(&self, name: &str) -> &[City] {
        self.by_name
            .get(name)
            .and_then(|range| self.cities.get(range.clone()))
            .unwrap_or(&[])
    }

    /// The longest form (byte length) that starts with this first word, if any.
    pub(super) fn longest_form_from(&self, first_word: &str) -> Option<usize> {
        self.first_words.get(first_word).copied()
    }
}
