//! The tagger's place-name lexicon: gazetteer word flags by word hash.
//!
//! At training time every word of every gazetteer name (countries, demonyms,
//! capitals, cities, with alternate names) gets its flags ([`word_flags`]), and
//! the non-zero results are stored in the model file. At tagging time a word's flags
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
use crate::nlp::gazetteer::flags;
use std::collections::HashMap;

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
        let word_flags = word_flags();
        let mut entries = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (form, kind) in name_forms() {
            let parts: Vec<&str> = form.split(' ').filter(|p| !p.is_empty()).collect();
            for part in &parts {
                if seen.insert(*part) {
                    let flags = word_flags.get(*part).copied().unwrap_or(0);
                    entries.push((hash::bytes(part.as_bytes()), flags));
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

/// The gazetteer flags of every word of every name the gazetteer finds in running
/// text, as the tagger's features define them.
///
/// Computed here from the tables rather than asked of the gazetteer: the tagger's
/// model is trained on these flags, so they must stay what they were when its
/// features were chosen, whatever the gazetteer's own matching later does. (In
/// session 2 the gazetteer's word flags were rebuilt without its automaton and
/// changed meaning: every name of a word counted, not only the first, and
/// hyphenated small towns became ambiguous. Retraining on those flags cost about
/// 0.25 points of CoNLL valid F1, and made the documented command stop
/// reproducing the shipped model.)
///
/// Each text keeps the first of its names in order of priority: country names,
/// demonyms, capitals, then cities by population. Of its parts, a lower-case one
/// ("of", "la") gets nothing; a one-word name gives its word `WHOLE`, and
/// `AMBIGUOUS` when it needs locative context to be a place (a gated country
/// name, a city marked ambiguous, a town under [`BIG_CITY`] whose name has no
/// space or hyphen); the first word of a longer name gets `MULTI_START`. Big
/// cities add `BIG_CITY`. The all-capitals forms the gazetteer matches in
/// datelines ("BEIJING") are names too.
fn word_flags() -> HashMap<String, u8> {
    word_flags_of(NAMES, CITIES)
}

/// [`word_flags`] of the names in `names` and `cities` (as `names.tsv` and
/// `cities.tsv`).
fn word_flags_of(names_table: &str, cities_table: &str) -> HashMap<String, u8> {
    #[derive(Clone, Copy)]
    struct Name {
        kind: u8,
        big_city: bool,
        gated: bool,
    }
    let mut names: Vec<(String, Name)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut add = |text: &str, name: Name| {
        if !index.contains_key(text) {
            index.insert(text.to_string(), names.len());
            names.push((text.to_string(), name));
        }
    };
    let add_capitals = |add: &mut dyn FnMut(&str, Name), text: &str, name: Name| {
        let upper = text.to_uppercase();
        if upper != text && !name.gated && upper.chars().filter(|c| c.is_alphabetic()).count() >= 4
        {
            add(&upper, name);
        }
    };
    fn rows(table: &str) -> impl Iterator<Item = &str> {
        table
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }
    for wanted in ["N", "D", "C"] {
        for line in rows(names_table) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(&text), Some(&kind), Some(&code), Some(&usage)) =
                (cols.first(), cols.get(1), cols.get(2), cols.get(3))
            else {
                continue;
            };
            let is_code = matches!(code.as_bytes(), [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic());
            if kind != wanted || !is_code || !matches!(usage, "f" | "g") {
                continue;
            }
            let kind = match kind {
                "N" => flags::COUNTRY,
                "D" => flags::DEMONYM,
                _ => flags::CAPITAL,
            };
            let name = Name {
                kind,
                big_city: false,
                gated: usage == "g",
            };
            add(text, name);
            add_capitals(&mut add, text, name);
        }
    }
    for line in rows(cities_table) {
        let cols: Vec<&str> = line.split('\t').collect();
        let population: Option<u64> = cols.get(3).and_then(|p| p.parse().ok());
        let (Some(&main), Some(&ascii), Some(&code), Some(population), Some(&ambiguous)) = (
            cols.first(),
            cols.get(1),
            cols.get(2),
            population,
            cols.get(4),
        ) else {
            continue;
        };
        if !matches!(code.as_bytes(), [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
        {
            continue;
        }
        let big_city = population >= BIG_CITY;
        let alternates = cols.get(5).map_or("", |a| a).split('|');
        let forms = std::iter::once(main)
            .chain(Some(ascii).filter(|a| !a.is_empty()))
            .chain(alternates.filter(|a| !a.is_empty()));
        for form in forms {
            let one_word = !form.contains([' ', '-']);
            let name = Name {
                kind: flags::CITY,
                big_city,
                gated: ambiguous == "a" || (one_word && !big_city),
            };
            add(form, name);
            if big_city {
                add_capitals(&mut add, form, name);
            }
        }
    }
    let mut table: HashMap<String, u8> = HashMap::new();
    for (text, name) in &names {
        let mut bits = name.kind;
        if name.big_city {
            bits |= flags::BIG_CITY;
        }
        let parts: Vec<&str> = text.split(' ').filter(|p| !p.is_empty()).collect();
        for (i, part) in parts.iter().enumerate() {
            // Lower-case connectors ("of", "the", "and") are not name parts.
            if part.chars().next().is_none_or(char::is_lowercase) {
                continue;
            }
            let mut b = bits;
            if parts.len() == 1 {
                b |= flags::WHOLE;
                if name.gated {
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

    /// Tables written for the test, in the layout of `names.tsv` and `cities.tsv`.
    const TEST_NAMES: &str = "# text\tkind\tcode\tuse
Republic of Ruritania\tN\tRU\tf
Ruritanian\tD\tRU\tf
Strelsau\tC\tRU\tf
Zenda\tN\tZZ\tg
Ruritania\tK\tRU\tl
";
    const TEST_CITIES: &str = "# name\tascii\tcountry\tpopulation\tambiguous\talternates
Port Marlow\t\tRU\t250000\t\tPortmarlow
Strelsau\t\tRU\t90000\t\t
Tarlenheim\t\tRU\t4000\t\t
Saint-Tarlen\t\tRU\t4000\t\t
Hentzau\t\tRU\t500000\ta\t
";

    #[test]
    fn word_flags_follow_the_first_name_of_each_text() {
        use flags::*;
        let table = word_flags_of(TEST_NAMES, TEST_CITIES);
        let of = |w: &str| table.get(w).copied().unwrap_or(0);
        assert_eq!(of("Republic"), COUNTRY | MULTI_START);
        assert_eq!(of("Ruritania"), COUNTRY, "lookup-only rows are no names");
        assert_eq!(of("of"), 0, "connectors are no name parts");
        assert_eq!(of("Ruritanian"), DEMONYM | WHOLE);
        assert_eq!(of("Zenda"), COUNTRY | WHOLE | AMBIGUOUS, "a gated name");
        // A capital that is also a small city keeps its capital's flags alone.
        assert_eq!(of("Strelsau"), CAPITAL | WHOLE);
        assert_eq!(of("STRELSAU"), CAPITAL | WHOLE, "the dateline form");
        assert_eq!(of("Port"), CITY | BIG_CITY | MULTI_START);
        assert_eq!(of("Marlow"), CITY | BIG_CITY);
        assert_eq!(
            of("Portmarlow"),
            CITY | BIG_CITY | WHOLE,
            "an alternate name"
        );
        assert_eq!(of("MARLOW"), CITY | BIG_CITY, "a big city's capitals form");
        assert_eq!(of("Tarlenheim"), CITY | WHOLE | AMBIGUOUS, "a small town");
        // A hyphenated name reads as more than one word: no context needed.
        assert_eq!(of("Saint-Tarlen"), CITY | WHOLE);
        assert_eq!(of("Hentzau"), CITY | BIG_CITY | WHOLE | AMBIGUOUS);
    }

    #[test]
    fn the_shipped_lexicon_has_the_flags_training_gives() {
        // The documented training command stores `from_gazetteer` in the model.
        // Names added to the gazetteer since the model was trained change a few
        // entries; a change in what the flags mean changes hundreds (1,750 of
        // 63,765 when it happened in session 2), and then the command no longer
        // trains the shipped model: retrain, or keep the meaning.
        let Ok(model) = crate::nlp::ner::embedded() else {
            panic!("the shipped model loads");
        };
        let shipped: HashMap<u64, u8> = model.lexicon().entries().into_iter().collect();
        let trained = Lexicon::from_gazetteer().entries();
        let differ = trained
            .iter()
            .filter(|(k, f)| shipped.get(k) != Some(f))
            .count();
        assert!(
            differ * 100 <= shipped.len(),
            "{differ} of {} lexicon entries differ from the shipped model's",
            shipped.len()
        );
    }

    #[test]
    fn gazetteer_words_have_flags() {
        let lex = Lexicon::from_gazetteer();
        assert!(lex.len() > 1000, "{}", lex.len());
        let flags_of = |w: &str| lex.get(hash::bytes(w.as_bytes()));
        assert_ne!(flags_of("China") & flags::COUNTRY, 0);
        assert_ne!(flags_of("Chinese") & flags::DEMONYM, 0);
        assert_eq!(flags_of("the"), 0);
        let new_york = ngram(&[hash::bytes(b"New"), hash::bytes(b"York")]);
        assert_ne!(lex.get(new_york) & flags::CITY, 0);
        assert_eq!(
            lex.get(ngram(&[hash::bytes(b"York"), hash::bytes(b"New")])),
            0
        );
    }
}
