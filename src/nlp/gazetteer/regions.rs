//! Regions the city table lacks: states and provinces ("California",
//! "Tigray"), areas spanning several countries ("Indo-Pacific", "Western
//! Balkans") and former states ("Soviet Union"). Generated into
//! `assets/gazetteer/regions.tsv` by `tools/gazetteer.py` from GeoNames'
//! first-level divisions and a curated list.

use super::filter::NameFilter;
use crate::nlp::CountryCode;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

const REGIONS: &str = include_str!("../../../assets/gazetteer/regions.tsv");

/// What kind of region a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionKind {
    /// A state, province or region inside a country.
    Admin,
    /// A region, sea or ocean spanning several countries.
    Area,
    /// A state that no longer exists.
    Former,
}

/// A region and the countries it may lie in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub kind: RegionKind,
    /// For [`RegionKind::Admin`], the countries having a division of this name,
    /// biggest first ("Florida": US, then UY and PR); empty otherwise.
    pub countries: Vec<CountryCode>,
}

static TABLE: LazyLock<FxHashMap<&'static str, Region>> = LazyLock::new(|| {
    REGIONS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let name = f.next()?;
            let kind = match f.next()? {
                "admin" => RegionKind::Admin,
                "area" => RegionKind::Area,
                "former" => RegionKind::Former,
                _ => return None,
            };
            let countries = f
                .next()
                .unwrap_or("")
                .split(',')
                .filter_map(CountryCode::new)
                .collect();
            Some((name, Region { kind, countries }))
        })
        .collect()
});

/// The first word (up to the first space) of every region's name: linking
/// asks it at every capitalised word before building the names that word
/// could open.
static FIRST_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    TABLE
        .keys()
        .map(|name| name.split(' ').next().unwrap_or(name))
        .collect()
});

/// The names of [`TABLE`] and the words of [`FIRST_WORDS`], as filters:
/// linking asks both about thousands of names and words per article, nearly
/// all in neither (see `filter`).
static NAMES: LazyLock<NameFilter> = LazyLock::new(|| NameFilter::of(TABLE.keys().copied()));
static OPENERS: LazyLock<NameFilter> =
    LazyLock::new(|| NameFilter::of(FIRST_WORDS.iter().copied()));

/// Whether some region's name opens with `word` up to its first space
/// ("Western" of "Western Balkans", "Tigray" of "Tigray").
pub fn opens_region(word: &str) -> bool {
    OPENERS.may_hold(word) && FIRST_WORDS.contains(word)
}

/// The region named exactly `name` (case-sensitive: "Texas", not "texas").
pub fn region(name: &str) -> Option<&'static Region> {
    if !NAMES.may_hold(name) {
        return None;
    }
    TABLE.get(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CountryCode {
        CountryCode::new(c).unwrap()
    }

    #[test]
    fn states_and_provinces_have_their_country() {
        assert_eq!(region("California").unwrap().countries, vec![code("US")]);
        assert_eq!(region("Tigray").unwrap().countries, vec![code("ET")]);
        assert_eq!(region("Ontario").unwrap().kind, RegionKind::Admin);
        // Shared names list the biggest division first.
        assert_eq!(
            region("Florida").unwrap().countries.first(),
            Some(&code("US"))
        );
    }

    #[test]
    fn parts_of_a_country_named_like_it_are_its_regions() {
        // "Scotland" also names the United Kingdom in the country table, yet is
        // a place of its own beside it.
        for name in ["Scotland", "Wales", "Gaza"] {
            assert_eq!(region(name).unwrap().kind, RegionKind::Admin, "{name}");
        }
        assert_eq!(region("Scotland").unwrap().countries, vec![code("GB")]);
    }

    #[test]
    fn first_words_of_region_names_open_regions() {
        for word in ["Western", "Tigray", "Indo-Pacific", "Soviet", "California"] {
            assert!(opens_region(word), "{word}");
        }
        // Words opening no region's name, and case counts ("western").
        for word in ["said", "Minister", "western", ""] {
            assert!(!opens_region(word), "{word}");
        }
        // Every region's name opens with a word that opens a region.
        for name in TABLE.keys() {
            assert!(
                opens_region(name.split(' ').next().unwrap_or(name)),
                "{name}"
            );
        }
    }

    #[test]
    fn areas_and_former_states_have_none() {
        for name in ["Indo-Pacific", "Western Balkans", "Middle East", "Sahel"] {
            let r = region(name).unwrap();
            assert_eq!((r.kind, r.countries.len()), (RegionKind::Area, 0), "{name}");
        }
        assert_eq!(region("Soviet Union").unwrap().kind, RegionKind::Former);
    }

    #[test]
    fn words_people_and_countries_are_not_regions() {
        // Country names are the country table's; words and personal names that
        // GeoNames uses for divisions ("Pool", "Unity", "Paul") are left out.
        for name in [
            "China", "Georgia", "Britain", "Pool", "Unity", "Paul", "Meta", "texas",
        ] {
            assert!(region(name).is_none(), "{name}");
        }
    }
}
