//! The tagger's place-name lexicon: gazetteer word flags by word hash.
//!
//! At training time every word of every gazetteer name (countries, demonyms,
//! capitals, cities, with alternate names) is looked up with
//! [`Gazetteer::word_flags`](crate::nlp::gazetteer::Gazetteer::word_flags), and the
//! non-zero results are stored in the model file. At tagging time a word's flags
//! are one probe in this table: the tagger never builds the gazetteer's automaton.
//! Names of two or three words are also stored, under [`ngram`] keys, with the
//! flags of what they name, so that "New York" is found as a whole.

/// Cities of at least this many people set `BIG_CITY` (as the gazetteer does).
const BIG_CITY: u64 = 100_000;

/// The key of a sequence of two or more word hashes.
#[inline]
pub fn ngram(words: &[u64]) -> u64 {
    let mut key = NGRAM_SEED;
    for (n, w) in words.iter().enumerate() {
        key = ngram_step(key, n, *w);
    }
    key
}

/// The key [`ngram`] starts from.
pub const NGRAM_SEED: u64 = 0x6E67_7261_6D00_0000;

/// One step of [`ngram`]: the key of the words so far, extended by word `n` (0-based).
#[inline]
pub fn ngram_step(key: u64, n: usize, word: u64) -> u64 {
    hash::feature2(200 + n as u32, key, word)
}

use super::hash;
use crate::nlp::gazetteer::{Gazetteer, flags};

static NAMES: &str = include_str!("../../../assets/gazetteer/names.tsv");
static CITIES: &str = include_str!("../../../assets/gazetteer/cities.tsv");

/// Word hash -> gazetteer flags, as an open-addressing table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicon {
    keys: Vec<u64>,
    flags: Vec<u8>,
    /// Bit `i` set when slot `i` is taken: most words and word pairs looked up
    /// are not in the gazetteer, and their first slot is empty, which this
    /// answers from a small array instead of a random line of `keys`.
    taken: Vec<u64>,
    mask: usize,
    len: usize,
}

impl Lexicon {
    /// Builds the table from (word hash, flags) entries; zero flags are skipped.
    pub fn from_entries(entries: &[(u64, u8)]) -> Lexicon {
        let capacity = (entries.len() * 2).next_power_of_two().max(16);
        let mut lex = Lexicon {
            keys: vec![0; capacity],
            flags: vec![0; capacity],
            taken: vec![0; capacity.div_ceil(64)],
            mask: capacity - 1,
            len: 0,
        };
        for &(key, flags) in entries {
            if flags != 0 {
                lex.insert(key, flags);
            }
        }
        lex
    }

    fn insert(&mut self, key: u64, flags: u8) {
        let key = key.max(1);
        let mut i = key as usize & self.mask;
        for _ in 0..self.keys.len() {
            match self.keys.get(i) {
                Some(&0) => {
                    self.keys[i] = key;
                    self.flags[i] = flags;
                    self.taken[i / 64] |= 1 << (i % 64);
                    self.len += 1;
                    return;
                }
                Some(&k) if k == key => {
                    self.flags[i] |= flags;
                    return;
                }
                _ => i = (i + 1) & self.mask,
            }
        }
    }

    /// The flags of the word with hash `key` (0 when unknown).
    #[inline]
    pub fn get(&self, key: u64) -> u8 {
        let key = key.max(1);
        let mut i = key as usize & self.mask;
        if self
            .taken
            .get(i / 64)
            .is_none_or(|bits| bits >> (i % 64) & 1 == 0)
        {
            return 0;
        }
        // At most half full: every probe sequence reaches an empty slot.
        while let Some(&k) = self.keys.get(i) {
            if k == key {
                return self.flags.get(i).copied().unwrap_or(0);
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) & self.mask;
        }
        0
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries, sorted by key (for writing a model file).
    pub fn entries(&self) -> Vec<(u64, u8)> {
        let mut out: Vec<(u64, u8)> = self
            .keys
            .iter()
            .zip(&self.flags)
            .filter(|(k, _)| **k != 0)
            .map(|(k, f)| (*k, *f))
            .collect();
        out.sort_unstable();
        out
    }

    /// The lexicon of the embedded gazetteer: every word of every name form, and
    /// every name of two or three words.
    pub fn from_gazetteer() -> Lexicon {
        let gazetteer = Gazetteer::get();
        let mut entries = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (form, kind) in name_forms() {
            let parts: Vec<&str> = form.split(' ').filter(|p| !p.is_empty()).collect();
            for part in &parts {
                if seen.insert(*part) {
                    entries.push((hash::bytes(part.as_bytes()), gazetteer.word_flags(part)));
                }
            }
            if (2..=3).contains(&parts.len()) {
                let hashes: Vec<u64> = parts.iter().map(|p| hash::bytes(p.as_bytes())).collect();
                entries.push((ngram(&hashes), kind));
            }
        }
        Lexicon::from_entries(&entries)
    }
}

/// Every name form in the gazetteer's tables (names, city names, ASCII names,
/// alternates), with the flags of what it names.
fn name_forms() -> impl Iterator<Item = (&'static str, u8)> {
    let rows = |t: &'static str| t.lines().filter(|l| !l.starts_with('#'));
    let names = rows(NAMES).filter_map(|l| {
        let cols: Vec<&str> = l.split('\t').collect();
        let kind = match cols.get(1).copied() {
            Some("N" | "K") => flags::COUNTRY,
            Some("D") => flags::DEMONYM,
            Some("C") => flags::CAPITAL,
            _ => return None,
        };
        // Lookup-only rows are not names in running text.
        (cols.get(3).copied() != Some("l")).then_some((*cols.first()?, kind))
    });
    let cities = rows(CITIES).flat_map(|l| {
        let cols: Vec<&str> = l.split('\t').collect();
        let population: u64 = cols.get(3).and_then(|p| p.parse().ok()).unwrap_or(0);
        let kind = if population >= BIG_CITY {
            flags::CITY | flags::BIG_CITY
        } else {
            flags::CITY
        };
        let main = [cols.first(), cols.get(1)].into_iter().flatten().copied();
        let alternates = cols.get(5).map_or("", |a| a).split('|');
        main.chain(alternates)
            .map(move |f| (f, kind))
            .collect::<Vec<_>>()
    });
    names.chain(cities).filter(|(f, _)| !f.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::gazetteer::flags;

    #[test]
    fn table_lookups() {
        let lex = Lexicon::from_entries(&[(5, 1), (6, 0), (7, 2), (5, 4), (0, 8)]);
        assert_eq!(lex.get(5), 5);
        assert_eq!(lex.get(6), 0);
        assert_eq!(lex.get(7), 2);
        assert_eq!(lex.get(99), 0);
        assert_eq!(lex.get(0), 8, "key 0 is stored as 1");
        assert_eq!(lex.entries(), [(1, 8), (5, 5), (7, 2)]);
        assert_eq!(Lexicon::from_entries(&lex.entries()), lex);
        assert_eq!(Lexicon::default().get(3), 0);
    }

    #[test]
    fn gazetteer_words_have_flags() {
        let lex = Lexicon::from_gazetteer();
        assert!(lex.len() > 1000, "{}", lex.len());
        let flags_of = |w: &str| lex.get(hash::bytes(w.as_bytes()));
        assert_ne!(flags_of("China") & flags::COUNTRY, 0);
        assert_ne!(flags_of("Chinese") & flags::DEMONYM, 0);
        assert_eq!(flags_of("the"), 0);
        assert_eq!(flags_of("China"), Gazetteer::get().word_flags("China"));
        let new_york = ngram(&[hash::bytes(b"New"), hash::bytes(b"York")]);
        assert_ne!(lex.get(new_york) & flags::CITY, 0);
        assert_eq!(
            lex.get(ngram(&[hash::bytes(b"York"), hash::bytes(b"New")])),
            0
        );
    }
}
