//! Gazetteer: lookups (resolve_country, demonyms, capitals, cities) and
//! matching in running text, with the traps from the data's SOURCES.md.
#![allow(clippy::unwrap_used)] // test helpers panic on bad fixtures by design

use proptest::prelude::*;
use readout::nlp::CountryCode;
use readout::nlp::gazetteer::{Gazetteer, GazetteerKind, flags};

fn code(s: &str) -> CountryCode {
    CountryCode::new(s).unwrap()
}

/// The hits in `text` as (surface, kind, code).
fn hits(text: &str) -> Vec<(&str, GazetteerKind, String)> {
    Gazetteer::get()
        .find(text)
        .into_iter()
        .map(|h| (&text[h.span.clone()], h.kind, h.code.to_string()))
        .collect()
}

fn surfaces(text: &str) -> Vec<&str> {
    hits(text).into_iter().map(|h| h.0).collect()
}

#[test]
fn tables_are_complete() {
    let gaz = Gazetteer::get();
    assert_eq!(gaz.countries().count(), 250);
    let china = gaz.country(code("CN")).unwrap();
    assert_eq!(china.name, "China");
    assert_eq!(china.official_name, "People's Republic of China");
    assert_eq!(china.alpha3, "CHN");
    assert_eq!(china.capitals, ["Beijing"]);
    assert_eq!(china.demonyms, ["Chinese"]);
    assert_eq!(china.region, "Asia");
    assert_eq!(gaz.country(code("ZA")).unwrap().capitals.len(), 3);
    assert!(gaz.country(code("QQ")).is_none());
    assert!(
        gaz.cities("Shanghai")
            .first()
            .is_some_and(|c| c.population > 20_000_000)
    );
}

#[test]
fn resolve_country_cases() {
    let gaz = Gazetteer::get();
    let cases = [
        ("az", "AZ"),
        ("AZ", "AZ"),
        ("aze", "AZ"),
        ("Azerbaijan", "AZ"),
        ("azerbaijani", "AZ"),
        ("Republic of Azerbaijan", "AZ"),
        ("United States", "US"),
        ("the United States", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("america", "US"),
        ("Americans", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("british", "GB"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Burma", "MM"),
        ("DRC", "CD"),
        ("Ivory Coast", "CI"),
        ("cote d'ivoire", "CI"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("  Vietnam ", "VN"),
        ("Sao Tome and Principe", "ST"),
        ("St. Lucia", "LC"),
    ];
    for (query, expected) in cases {
        assert_eq!(
            gaz.resolve_country(query).map(|c| c.to_string()),
            Some(expected.to_string()),
            "{query:?}"
        );
    }
    for nonsense in ["", "xx", "Atlantis", "Beijing", "the"] {
        assert_eq!(gaz.resolve_country(nonsense), None, "{nonsense:?}");
    }
}

#[test]
fn demonyms_with_plurals_and_variants() {
    let gaz = Gazetteer::get();
    let cases = [
        ("Chinese", "CN"),
        ("Azerbaijani", "AZ"),
        ("Azerbaijanis", "AZ"),
        ("American", "US"),
        ("Americans", "US"),
        ("British", "GB"),
        ("Britons", "GB"),
        ("Filipino", "PH"),
        ("Filipinos", "PH"),
        ("Emirati", "AE"),
        ("Emiratis", "AE"),
        ("Dutch", "NL"),
        ("Congolese", "CD"),
        ("French", "FR"),
        ("Indian", "IN"),
        ("Norwegian", "NO"),
        ("Israelis", "IL"),
        ("Palestinians", "PS"),
        ("Swiss", "CH"),
        ("bosnian", "BA"),
        ("Herzegovinian", "BA"),
    ];
    for (word, expected) in cases {
        assert_eq!(gaz.demonym(word), Some(code(expected)), "{word:?}");
    }
    assert_eq!(gaz.demonym("China"), None, "a name is not a demonym");
    assert_eq!(gaz.demonym("Chineses"), None);
}

#[test]
fn names_and_capitals() {
    let gaz = Gazetteer::get();
    assert_eq!(
        gaz.country_by_name("people's republic of china"),
        Some(code("CN"))
    );
    // News text writes the typographic apostrophe; the tables the typewriter one.
    assert_eq!(
        gaz.country_by_name("Lao People\u{2019}s Democratic Republic"),
        Some(code("LA"))
    );
    assert_eq!(
        gaz.country_by_name("Côte d\u{2019}Ivoire"),
        Some(code("CI"))
    );
    assert_eq!(gaz.country_by_name("Chinese"), None);
    assert_eq!(gaz.country_by_name("Holland"), Some(code("NL")));
    assert_eq!(gaz.capital("Baku"), Some(code("AZ")));
    assert_eq!(gaz.capital("Washington"), Some(code("US")));
    assert_eq!(gaz.capital("Shanghai"), None);
}

#[test]
fn ambiguous_cities_keep_alternatives() {
    let gaz = Gazetteer::get();
    let paris = gaz.cities("Paris");
    assert_eq!(paris.first().map(|c| c.country), Some(code("FR")));
    assert!(
        paris.iter().any(|c| c.country == code("US")),
        "Paris, Texas"
    );
    assert!(paris.windows(2).all(|w| w[0].population >= w[1].population));
    assert!(gaz.cities("Peking").iter().any(|c| c.name == "Beijing"));
    assert!(
        gaz.cities("Sao Paulo")
            .iter()
            .any(|c| c.name == "São Paulo")
    );
    assert!(gaz.cities("Qqqxyz").is_empty());
}

#[test]
fn finds_countries_demonyms_capitals_cities() {
    let text = "Chinese Premier Li Qiang met Azerbaijani President Ilham Aliyev in Beijing. \
                Shanghai and Baku signed a deal with the U.S. and Costa Rica.";
    assert_eq!(
        hits(text),
        [
            ("Chinese", GazetteerKind::Demonym, "CN".into()),
            ("Azerbaijani", GazetteerKind::Demonym, "AZ".into()),
            ("Beijing", GazetteerKind::Capital, "CN".into()),
            ("Shanghai", GazetteerKind::City, "CN".into()),
            ("Baku", GazetteerKind::Capital, "AZ".into()),
            ("U.S.", GazetteerKind::Country, "US".into()),
            ("Costa Rica", GazetteerKind::Country, "CR".into()),
        ]
    );
}

#[test]
fn multi_word_names_win_over_their_parts() {
    assert_eq!(
        surfaces("Democratic Republic of the Congo and North Macedonia and Papua New Guinea"),
        [
            "Democratic Republic of the Congo",
            "North Macedonia",
            "Papua New Guinea"
        ]
    );
    assert_eq!(surfaces("South Sudanese troops"), ["South Sudanese"]);
    assert_eq!(
        surfaces("New York and New Delhi"),
        ["New York", "New Delhi"]
    );
}

#[test]
fn names_match_with_either_apostrophe() {
    for text in [
        "envoys of the People's Republic of China met",
        "envoys of the People\u{2019}s Republic of China met",
    ] {
        let found = hits(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, GazetteerKind::Country);
        assert_eq!(found[0].2, "CN");
        assert!(found[0].0.starts_with("People") && found[0].0.ends_with("China"));
    }
}

#[test]
fn whole_words_only() {
    assert_eq!(
        surfaces("Romania, Omani, Indianapolis"),
        ["Romania", "Omani", "Indianapolis"]
    );
    assert!(surfaces("Chinas Francesca Pakistanian").is_empty());
    assert_eq!(
        surfaces("Azerbaijan's China-Europe"),
        ["Azerbaijan", "China"]
    );
}

#[test]
fn trap_codes_are_not_free_text() {
    // ISO codes and airport codes: "IN", "IT", "NO", "ME", "TO", "BE", "AM", "CAN", "SHA".
    assert!(surfaces("IT IS NO ME TO BE AM IN CAN SHA BOM").is_empty());
    assert!(surfaces("it is in the can").is_empty());
    // Curated short forms count, but not in shouting passages.
    assert_eq!(surfaces("the US and the UK agreed"), ["US", "UK"]);
    assert!(surfaces("PLEASE LET US KNOW").is_empty());
}

#[test]
fn trap_common_word_cities_need_context() {
    for text in [
        "Nice to meet you.",
        "Police said the Most important thing.",
        "Of the 20 members, Reading was easy.",
        "Split the bill. Bath time. Orange juice. Mobile phones.",
        "Van drivers and Man United fans.",
        "Lincoln said Jackson and Washington agreed.",
    ] {
        let found: Vec<_> = hits(text)
            .into_iter()
            .filter(|h| h.1 == GazetteerKind::City || h.1 == GazetteerKind::Capital)
            .collect();
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
    assert_eq!(surfaces("He lives in Nice."), ["Nice"]);
    assert_eq!(surfaces("They met in Reading"), ["Reading"]);
    assert_eq!(hits("Nice, France")[0].2, "FR");
    assert_eq!(surfaces("flew to Washington"), ["Washington"]);
}

#[test]
fn small_one_word_cities_need_context_big_ones_do_not() {
    // Cities over 100,000 people match anywhere they are capitalised.
    assert_eq!(surfaces("Shenzhen grew."), ["Shenzhen"]);
    // A small town whose name is a surname does not match alone.
    assert!(surfaces("Taylor said.").is_empty());
}

#[test]
fn jordan_the_country_is_a_country() {
    assert_eq!(hits("Jordan and Georgia")[0].2, "JO");
    assert_eq!(hits("Jordan and Georgia")[1].2, "GE");
}

#[test]
fn capitals_in_datelines() {
    assert_eq!(
        hits("BEIJING, April 23 (Xinhua) --")[0],
        ("BEIJING", GazetteerKind::Capital, "CN".into())
    );
    // Gated names get no all-capitals form: "WASHINGTON" alone is not enough.
    assert!(surfaces("WASHINGTON, May 5").is_empty());
}

#[test]
fn match_words_maps_to_word_ranges() {
    let gaz = Gazetteer::get();
    let words = [
        "Chinese", "Premier", "met", "Costa", "Rica", "'s", "leader", "in", "New", "York", ".",
    ];
    let found = gaz.match_words(&words);
    assert_eq!(
        found,
        [
            (0..1, GazetteerKind::Demonym),
            (3..5, GazetteerKind::Country),
            (8..10, GazetteerKind::City),
        ]
    );
    assert!(gaz.match_words(&[]).is_empty());
    // A hit ending inside a word is dropped.
    assert!(gaz.match_words(&["U.S.-led"]).is_empty());
}

#[test]
fn word_flags_are_cheap_features() {
    let gaz = Gazetteer::get();
    assert_ne!(gaz.word_flags("China") & flags::COUNTRY, 0);
    assert_ne!(gaz.word_flags("China") & flags::WHOLE, 0);
    assert_ne!(gaz.word_flags("Chinese") & flags::DEMONYM, 0);
    assert_ne!(gaz.word_flags("Beijing") & flags::CAPITAL, 0);
    assert_ne!(gaz.word_flags("Shanghai") & flags::BIG_CITY, 0);
    assert_ne!(gaz.word_flags("Costa") & flags::MULTI_START, 0);
    assert_ne!(gaz.word_flags("Rica") & flags::COUNTRY, 0);
    assert_ne!(gaz.word_flags("Nice") & flags::AMBIGUOUS, 0);
    assert_eq!(gaz.word_flags("the"), 0);
    assert_eq!(gaz.word_flags("said"), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn hits_are_sorted_in_bounds_and_on_char_boundaries(text in "\\PC{0,200}") {
        check_hits(&text)?;
    }

    #[test]
    fn hits_hold_on_place_heavy_text(text in "((China|Chinese|Beijing|Nice|in|US|U\\.S\\.|New|York|Costa|Rica|BEIJING|São|Paulo|Sao)[ ,.'’-]{0,2}|é|\u{301}){0,40}") {
        check_hits(&text)?;
    }
}

fn check_hits(text: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for h in Gazetteer::get().find(text) {
        prop_assert!(h.span.start >= last_end && h.span.start < h.span.end);
        prop_assert!(text.get(h.span.clone()).is_some(), "char boundaries");
        last_end = h.span.end;
    }
    Ok(())
}
