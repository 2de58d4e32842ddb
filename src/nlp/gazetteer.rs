//! Gazetteers: countries (names, demonyms, capitals) and GeoNames cities.
//!
//! The data is compiled by `tools/gazetteer.py` into `assets/gazetteer/`
//! (see its `SOURCES.md` for origins and licences: ODbL 1.0 for the country
//! data, CC BY 4.0 for GeoNames) and embedded in the binary. It is parsed once,
//! on first use, into a static [`Gazetteer`]; the aho-corasick automaton for
//! running text is built separately, on the first call to [`Gazetteer::find`],
//! [`Gazetteer::match_words`] or [`Gazetteer::word_flags`].
//!
//! ```
//! use readout::nlp::gazetteer::{Gazetteer, GazetteerKind};
//! use readout::nlp::CountryCode;
//!
//! let gaz = Gazetteer::get();
//! let az = gaz.resolve_country("azerbaijani").unwrap();
//! assert_eq!(gaz.country(az).unwrap().name, "Azerbaijan");
//! assert_eq!(gaz.resolve_country("UK"), CountryCode::new("GB"));
//!
//! let text = "Chinese Premier Li Qiang met Aliyev in Beijing.";
//! let hits = gaz.find(text);
//! assert_eq!(&text[hits[0].span.clone()], "Chinese");
//! assert_eq!(hits[0].kind, GazetteerKind::Demonym);
//! assert_eq!(hits[1].kind, GazetteerKind::Capital);
//! assert_eq!(hits[1].code.as_str(), "CN");
//! ```
//!
//! Matching in running text (the rule the tests pin down):
//! - case-sensitive, whole words only, leftmost-longest ("Papua New Guinea" is
//!   one hit, not "Guinea"); an all-capitals form of country names, capitals
//!   and cities of 100,000 people or more is matched too ("BEIJING, April 23");
//! - two-letter ISO codes, alpha-3 codes and airport codes are never matched
//!   in text; only curated short forms are ("US", "UK", "UAE", "DRC"), and not
//!   inside an all-capitals passage ("LET US KNOW");
//! - when several places share a name the most populous wins; [`Gazetteer::cities`]
//!   lists the others, best first, for linking by context;
//! - a *gated* place counts only with locative context: the word before it is
//!   a preposition of place ("in", "at", "from", "near", ...) or it is
//!   followed by ", " and a country ("Nice, France"). Gated are names that are
//!   also common words or personal names (`tools/gazetteer/ambiguous_names.txt`:
//!   "Nice", "Police", "Of", "Most", "Reading", "Lincoln", "Washington", ...)
//!   and one-word cities under 100,000 people. Capitalisation alone is never
//!   enough, since every word is capitalised at a sentence start.

mod cities;
mod filter;
mod matcher;
mod regions;
mod tables;

pub use matcher::flags;
pub use regions::{Region, RegionKind, opens_region, region};
pub use tables::{City, Country};

use super::{CountryCode, Span};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};
use tables::Use;

/// What a gazetteer hit names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GazetteerKind {
    /// A country's name or alternate name ("Azerbaijan", "U.S.", "Britain").
    Country,
    /// A demonym ("Chinese", "Azerbaijani", "Americans").
    Demonym,
    /// A national capital ("Beijing", "Baku").
    Capital,
    /// Any other city or town ("Shanghai", "Paris" is a capital).
    City,
}

/// A gazetteer name found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerHit {
    /// Byte range in the searched text.
    pub span: Span,
    pub kind: GazetteerKind,
    /// The country named, or the country the place is in.
    pub code: CountryCode,
    /// Population of the place (capitals and cities), 0 for countries and demonyms.
    pub population: u64,
}

/// What a looked-up name is (a country name or code when no kind), and whose.
type Entry = (Option<GazetteerKind>, CountryCode);

/// The embedded gazetteer. Get it with [`Gazetteer::get`].
///
/// Countries and their names are parsed on first use (about a millisecond);
/// the city index, the word-flag table and the running-text matcher are each
/// built on their own first use.
pub struct Gazetteer {
    countries: Vec<Country>,
    /// Lower-cased name, demonym or code -> entries, best first.
    /// (Fx hashing here and below: linking and the tagger probe these maps
    /// several times per word, with keys from our own tables or the text.)
    /// Keyed by bytes, so that a query lower-cased on the stack is looked up
    /// without checking it is UTF-8 again.
    lookup: FxHashMap<Box<[u8]>, Vec<Entry>>,
    /// Names usable in running text: (text, kind, code, gated).
    free_names: Vec<(&'static str, GazetteerKind, CountryCode, bool)>,
    city_index: OnceLock<cities::CityIndex>,
    flags: OnceLock<FxHashMap<Cow<'static, str>, u8>>,
    matcher: OnceLock<matcher::Matcher>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

impl Gazetteer {
    /// The gazetteer, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        &GAZETTEER
    }

    /// Parses the embedded country tables into a new gazetteer. Use
    /// [`Gazetteer::get`]; this exists to measure start-up cost.
    pub fn load() -> Gazetteer {
        let countries = tables::countries();
        let mut lookup: FxHashMap<Box<[u8]>, Vec<Entry>> = FxHashMap::default();
        let mut free_names = Vec::new();
        for row in tables::names() {
            let entry = (row.kind, row.code);
            let key = row.text.to_lowercase().into_bytes().into_boxed_slice();
            let slot = lookup.entry(key).or_default();
            if !slot.contains(&entry) {
                slot.push(entry);
            }
            if let Some(kind) = row.kind
                && row.usage != Use::Lookup
            {
                free_names.push((row.text, kind, row.code, row.usage == Use::Gated));
            }
        }
        // Names before codes before demonyms before capitals.
        let rank = |kind: &Option<GazetteerKind>| match kind {
            Some(GazetteerKind::Country) => 0,
            None => 1,
            Some(GazetteerKind::Demonym) => 2,
            Some(_) => 3,
        };
        for slot in lookup.values_mut() {
            slot.sort_by_key(|(kind, _)| rank(kind));
        }
        Gazetteer {
            countries,
            lookup,
            free_names,
            city_index: OnceLock::new(),
            flags: OnceLock::new(),
            matcher: OnceLock::new(),
        }
    }

    /// The country with this code, if the gazetteer has it.
    pub fn country(&self, code: CountryCode) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.code.cmp(&code))
            .ok()
            .and_then(|i| self.countries.get(i))
    }

    /// All countries and territories, ordered by code.
    pub fn countries(&self) -> impl Iterator<Item = &Country> {
        self.countries.iter()
    }

    fn entries(&self, query: &str) -> &[Entry] {
        // Names asked by linking are trimmed already: a name opening and
        // closing with a visible ASCII character skips the Unicode scan.
        let visible = |c: char| c.is_ascii_graphic();
        let query = if query.starts_with(visible) && query.ends_with(visible) {
            query
        } else {
            query.trim()
        };
        // Linking asks about nearly every mention and word: lower-case short
        // ASCII queries on the stack instead of allocating a String each time
        // (for ASCII, `to_lowercase` is exactly this).
        let mut buf = [0u8; 64];
        let mut owned;
        let key: &[u8] = match buf.get_mut(..query.len()).filter(|_| query.is_ascii()) {
            Some(bytes) => {
                bytes.copy_from_slice(query.as_bytes());
                bytes.make_ascii_lowercase();
                bytes
            }
            None => {
                owned = query.to_lowercase();
                // The tables have the typewriter apostrophe; news text mostly the typographic
                // one ("Lao People’s Democratic Republic", "Côte d’Ivoire").
                if owned.contains('\u{2019}') {
                    owned = owned.replace('\u{2019}', "'");
                }
                owned.as_bytes()
            }
        };
        let key = key.strip_prefix(b"the ").unwrap_or(key);
        self.lookup.get(key).map_or(&[], Vec::as_slice)
    }

    /// Resolves what a user typed to a country, case-insensitively: a code
    /// ("az", "AZE"), a name or alternate name ("Azerbaijan", "United States",
    /// "USA", "UK", "Britain"), or a demonym ("azerbaijani").
    pub fn resolve_country(&self, query: &str) -> Option<CountryCode> {
        self.entries(query)
            .iter()
            .find(|(kind, _)| kind != &Some(GazetteerKind::Capital))
            .map(|(_, code)| *code)
    }

    /// The country with this name or alternate name, case-insensitively
    /// ("China", "People's Republic of China", "Burma", "DRC").
    pub fn country_by_name(&self, name: &str) -> Option<CountryCode> {
        self.entries(name)
            .iter()
            .find(|(kind, _)| kind == &Some(GazetteerKind::Country))
            .map(|(_, code)| *code)
    }

    /// The country of a demonym, case-insensitively, plural and common
    /// variants included ("Chinese", "Americans", "Britons", "Filipinos").
    pub fn demonym(&self, word: &str) -> Option<CountryCode> {
        self.entries(word)
            .iter()
            .find(|(kind, _)| kind == &Some(GazetteerKind::Demonym))
            .map(|(_, code)| *code)
    }

    /// The country whose capital this is ("Baku" -> AZ), case-insensitively.
    pub fn capital(&self, name: &str) -> Option<CountryCode> {
        self.entries(name)
            .iter()
            .find(|(kind, _)| kind == &Some(GazetteerKind::Capital))
            .map(|(_, code)| *code)
    }

    /// Every city with this exact name (GeoNames, ASCII or alternate form),
    /// most populous first: `cities("Paris")` starts with Paris, France and
    /// also holds Paris, Texas.
    pub fn cities(&self, name: &str) -> &[City] {
        self.city_index().get(name)
    }

    fn city_index(&self) -> &cities::CityIndex {
        self.city_index.get_or_init(cities::CityIndex::build)
    }

    fn matcher(&self) -> &matcher::Matcher {
        self.matcher.get_or_init(|| matcher::Matcher::build(self))
    }

    /// Builds the city index, the word flags and the running-text matcher now
    /// instead of on first use (to pay the cost up front, off the UI thread).
    pub fn warm_up(&self) {
        self.matcher();
        self.word_flags("");
    }

    /// Finds countries, demonyms, capitals and cities in `text`; hits are
    /// sorted and non-overlapping. See the module documentation for the rules.
    pub fn find(&self, text: &str) -> Vec<GazetteerHit> {
        self.matcher().find(self.city_index(), text)
    }

    /// Whether [`Gazetteer::find`] may find a country name, demonym or
    /// capital in `text`: false when no word of it opens one, and the search
    /// can be skipped by who only wants those.
    pub fn may_name_a_country(&self, text: &str) -> bool {
        self.matcher().may_match_country(text)
    }

    /// The same matching over already-tokenized words (joined by spaces):
    /// each result is a range of word indices and what the words name. Hits
    /// that would start or end inside a word are dropped.
    pub fn match_words(&self, words: &[&str]) -> Vec<(Range<usize>, GazetteerKind)> {
        self.matcher().match_words(self.city_index(), words)
    }

    /// A cheap per-word feature: a bit set of [`flags`] saying whether the
    /// word is part of a country name, a demonym, part of a capital's or a
    /// city's name, and whether it is a whole name or an ambiguous one.
    pub fn word_flags(&self, word: &str) -> u8 {
        let table = self.flags.get_or_init(|| matcher::word_flag_table(self));
        table.get(word).copied().unwrap_or(0)
    }
}
