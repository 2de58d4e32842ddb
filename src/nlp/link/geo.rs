//! What linking needs to know about the world: country names, demonyms and
//! cities. A trait, so linking is tested on a small hand-made table and runs on
//! the embedded gazetteer (`nlp::gazetteer`) in the product.

use crate::nlp::gazetteer::{Gazetteer, GazetteerKind, Region};
use crate::nlp::{CountryCode, Span};

/// What a gazetteer hit in free text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoKind {
    Country,
    Demonym,
    Capital,
    City,
}

/// A place name or demonym found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeoHit {
    pub span: Span,
    pub kind: GeoKind,
    pub code: CountryCode,
}

/// A city reading of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CityReading {
    pub code: CountryCode,
    pub population: u64,
    pub capital: bool,
}

pub trait Geo {
    /// The country this exact name, alias or abbreviation names ("China", "U.S.", "DRC").
    fn country_named(&self, name: &str) -> Option<CountryCode>;
    /// The country of a demonym ("Chinese", "Azerbaijani", "Americans").
    fn demonym(&self, word: &str) -> Option<CountryCode>;
    /// City readings of a name, most populous first.
    fn cities(&self, name: &str) -> Vec<CityReading>;
    /// Whether some city has this name (`!cities(name).is_empty()`, which
    /// linking asks of most mentions, without building the readings).
    fn is_city(&self, name: &str) -> bool {
        !self.cities(name).is_empty()
    }
    /// The common English name of a country ("China").
    fn country_name(&self, code: CountryCode) -> Option<String>;
    /// Country names, demonyms, capitals and cities in `text`, sorted by start.
    fn find(&self, text: &str) -> Vec<GeoHit>;
    /// Whether `find` may find a country name, demonym or capital in `text`:
    /// false only when it surely finds none. Linking searches organisations'
    /// names for a country, and most names hold none.
    fn may_name_a_country(&self, text: &str) -> bool {
        let _ = text;
        true
    }
    /// The region the city table lacks with exactly this name: a state or
    /// province ("California"), an area spanning several countries
    /// ("Indo-Pacific") or a former state ("Soviet Union").
    fn region(&self, name: &str) -> Option<&Region> {
        let _ = name;
        None
    }
    /// Whether some region's name opens with this word (the name up to its
    /// first space): a capitalised word opening none needs no `region`
    /// look-up for the names it could start. True when the table cannot tell.
    fn opens_region(&self, word: &str) -> bool {
        let _ = word;
        true
    }
    /// The country whose capital has exactly this name, however written
    /// ("Washington, D.C."), case-insensitively.
    fn capital_of(&self, name: &str) -> Option<CountryCode> {
        let _ = name;
        None
    }
}

/// The gazetteer linking uses in the product: the embedded one.
pub fn world() -> &'static dyn Geo {
    Gazetteer::get()
}

/// The short name inside a state's official form ("Republic of Togo" ->
/// "Togo", "Hashemite Kingdom of Jordan" -> "Jordan"), if `name` is one.
fn official_form(name: &str) -> Option<&str> {
    const FORMS: &[&str] = &[
        "Commonwealth of ",
        "Democratic Republic of ",
        "Federal Republic of ",
        "Federation of ",
        "Grand Duchy of ",
        "Hashemite Kingdom of ",
        "Islamic Republic of ",
        "Kingdom of ",
        "Principality of ",
        "Republic of ",
        "State of ",
        "Sultanate of ",
    ];
    let name = name.strip_prefix("the ").unwrap_or(name);
    FORMS.iter().find_map(|f| name.strip_prefix(f))
}

/// Names in running text are capitalised: "us" is a pronoun, "US" a country.
fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

impl Geo for Gazetteer {
    fn country_named(&self, name: &str) -> Option<CountryCode> {
        if !capitalised(name) {
            return None;
        }
        self.country_by_name(name).or_else(|| {
            // "Republic of Togo", "State of Qatar": an official form the table
            // lacks, read by the country's short name.
            let short = official_form(name)?;
            capitalised(short)
                .then(|| self.country_by_name(short))
                .flatten()
        })
    }

    fn demonym(&self, word: &str) -> Option<CountryCode> {
        if !capitalised(word) {
            return None;
        }
        Gazetteer::demonym(self, word)
    }

    fn cities(&self, name: &str) -> Vec<CityReading> {
        let cities = Gazetteer::cities(self, name);
        // Most names asked about are no city: skip the capital lookup.
        if cities.is_empty() {
            return Vec::new();
        }
        let capital_of = self.capital(name);
        cities
            .iter()
            .map(|c| CityReading {
                code: c.country,
                population: u64::from(c.population),
                capital: capital_of == Some(c.country),
            })
            .collect()
    }

    fn is_city(&self, name: &str) -> bool {
        !Gazetteer::cities(self, name).is_empty()
    }

    fn country_name(&self, code: CountryCode) -> Option<String> {
        self.country(code).map(|c| c.name.to_string())
    }

    fn region(&self, name: &str) -> Option<&Region> {
        crate::nlp::gazetteer::region(name)
    }

    fn opens_region(&self, word: &str) -> bool {
        crate::nlp::gazetteer::opens_region(word)
    }

    fn capital_of(&self, name: &str) -> Option<CountryCode> {
        self.capital(name)
    }

    fn may_name_a_country(&self, text: &str) -> bool {
        Gazetteer::may_name_a_country(self, text)
    }

    fn find(&self, text: &str) -> Vec<GeoHit> {
        Gazetteer::find(self, text)
            .into_iter()
            .map(|h| GeoHit {
                span: h.span,
                kind: match h.kind {
                    GazetteerKind::Country => GeoKind::Country,
                    GazetteerKind::Demonym => GeoKind::Demonym,
                    GazetteerKind::Capital => GeoKind::Capital,
                    GazetteerKind::City => GeoKind::City,
                },
                code: h.code,
            })
            .collect()
    }
}

/// Seats of government known by a building's name: an alternate city name
/// ("White House" is also a name of Casablanca) must not win over them.
const LANDMARKS: &[(&str, &str)] = &[
    ("White House", "United States"),
    ("Pentagon", "United States"),
    ("Capitol Hill", "United States"),
    ("Kremlin", "Russia"),
    ("Downing Street", "United Kingdom"),
    ("Élysée Palace", "France"),
    ("Elysee Palace", "France"),
    ("Zhongnanhai", "China"),
    ("Great Hall of the People", "China"),
    ("Blue House", "South Korea"),
];

/// The country (its English name) of a seat of government known by its
/// building's name ("Pentagon": "United States").
pub fn landmark_country(name: &str) -> Option<&'static str> {
    LANDMARKS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// A tiny table for tests: names, demonyms and cities given by hand.
#[cfg(test)]
pub mod table {
    use super::*;

    pub struct Table {
        pub countries: Vec<(&'static str, &'static str)>,
        pub demonyms: Vec<(&'static str, &'static str)>,
        pub cities: Vec<(&'static str, &'static str, u64, bool)>,
    }

    fn code(c: &str) -> Option<CountryCode> {
        CountryCode::new(c)
    }

    impl Table {
        pub fn sample() -> Self {
            Table {
                countries: vec![
                    ("China", "CN"),
                    ("Azerbaijan", "AZ"),
                    ("Japan", "JP"),
                    // Longer names first: this table takes the first name that matches.
                    ("United States of America", "US"),
                    ("United States", "US"),
                    ("U.S.", "US"),
                    ("US", "US"),
                    ("Georgia", "GE"),
                    ("Jordan", "JO"),
                    ("France", "FR"),
                    ("Cuba", "CU"),
                    ("Taiwan", "TW"),
                    ("Peru", "PE"),
                    ("Chile", "CL"),
                    ("Kenya", "KE"),
                    ("Haiti", "HT"),
                    ("Ethiopia", "ET"),
                ],
                demonyms: vec![
                    ("Chinese", "CN"),
                    ("Azerbaijani", "AZ"),
                    ("Japanese", "JP"),
                    ("American", "US"),
                    ("French", "FR"),
                    ("Cuban", "CU"),
                    ("Peruvian", "PE"),
                    ("Kenyan", "KE"),
                ],
                cities: vec![
                    ("Beijing", "CN", 18_000_000, true),
                    ("Paris", "FR", 2_100_000, true),
                    ("Paris", "US", 25_000, false),
                    ("Baku", "AZ", 2_000_000, true),
                    ("Tokyo", "JP", 8_000_000, true),
                    ("Havana", "CU", 2_100_000, true),
                    ("Atlanta", "US", 500_000, false),
                    ("Nairobi", "KE", 4_000_000, true),
                    ("Lima", "PE", 9_000_000, true),
                    ("Lima", "US", 37_000, false),
                ],
            }
        }
    }

    impl Geo for Table {
        fn country_named(&self, name: &str) -> Option<CountryCode> {
            self.countries
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, c)| code(c))
        }
        fn demonym(&self, word: &str) -> Option<CountryCode> {
            self.demonyms
                .iter()
                .find(|(n, _)| *n == word)
                .and_then(|(_, c)| code(c))
        }
        fn cities(&self, name: &str) -> Vec<CityReading> {
            self.cities
                .iter()
                .filter(|(n, ..)| *n == name)
                .filter_map(|(_, c, p, cap)| {
                    Some(CityReading {
                        code: code(c)?,
                        population: *p,
                        capital: *cap,
                    })
                })
                .collect()
        }
        fn region(&self, name: &str) -> Option<&Region> {
            // Regions are the embedded table's: a hand-made list would only copy it.
            crate::nlp::gazetteer::region(name)
        }
        fn country_name(&self, c: CountryCode) -> Option<String> {
            self.countries
                .iter()
                .find(|(_, k)| *k == c.as_str())
                .map(|(n, _)| n.to_string())
        }
        fn find(&self, text: &str) -> Vec<GeoHit> {
            let mut hits = Vec::new();
            let names = self
                .countries
                .iter()
                .filter(|(n, _)| n.len() > 2)
                .map(|(n, c)| (*n, *c, GeoKind::Country))
                .chain(
                    self.demonyms
                        .iter()
                        .map(|(n, c)| (*n, *c, GeoKind::Demonym)),
                )
                .chain(self.cities.iter().map(|(n, c, _, cap)| {
                    (
                        *n,
                        *c,
                        if *cap {
                            GeoKind::Capital
                        } else {
                            GeoKind::City
                        },
                    )
                }));
            for (name, c, kind) in names {
                for (i, _) in text.match_indices(name) {
                    let end = i + name.len();
                    let before = text[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let after = text[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let taken = hits
                        .iter()
                        .any(|h: &GeoHit| h.span.start < end && i < h.span.end);
                    if before
                        && after
                        && !taken
                        && let Some(code) = code(c)
                    {
                        hits.push(GeoHit {
                            span: i..end,
                            kind,
                            code,
                        });
                    }
                }
            }
            hits.sort_by_key(|h| h.span.start);
            hits
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_forms_name_their_country() {
        let geo = world();
        let code = |n: &str| geo.country_named(n).map(|c| c.as_str().to_string());
        assert_eq!(code("Republic of Togo").as_deref(), Some("TG"));
        assert_eq!(code("State of Qatar").as_deref(), Some("QA"));
        assert_eq!(code("Hashemite Kingdom of Jordan").as_deref(), Some("JO"));
        // A state of a country is no country; a lower-case word is no name.
        assert_eq!(code("State of Vermont"), None);
        assert_eq!(code("Republic of pirates"), None);
    }
}
