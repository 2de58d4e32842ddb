//! Linking over hand-made mentions and a small gazetteer table.

use super::geo::{Geo, table::Table};
use super::*;
use crate::nlp::token::tokenize;
use crate::nlp::{EntityKind, Referent};

/// Mentions given as (surface, kind), found left to right in the text (also
/// the link modules' own tests build their mentions with it).
pub(super) fn mentions(text: &str, given: &[(&str, EntityKind)]) -> Vec<Mention> {
    let mut from = 0;
    let mut out = Vec::new();
    for (s, kind) in given {
        let i = text[from..]
            .find(s)
            .map(|i| i + from)
            .unwrap_or_else(|| panic!("{s} not in text"));
        out.push(Mention {
            span: i..i + s.len(),
            kind: *kind,
        });
        from = i + s.len();
    }
    out
}

fn spans(text: &str, tokens: &[crate::nlp::token::Token]) -> Vec<crate::nlp::Span> {
    crate::nlp::sentence::split(text, tokens)
        .into_iter()
        .map(|s| s.span)
        .collect()
}

fn run(text: &str, given: &[(&str, EntityKind)]) -> Vec<Referent> {
    let geo = Table::sample();
    let tokens = tokenize(text);
    let hits = geo.find(text);
    link(
        text,
        &tokens,
        &spans(text, &tokens),
        &mentions(text, given),
        &hits,
        &geo,
    )
    .1
}

fn summary(rs: &[Referent]) -> Vec<(String, EntityKind, Option<String>, usize)> {
    rs.iter()
        .map(|r| {
            (
                r.name.clone(),
                r.kind,
                r.country.map(|c| c.to_string()),
                r.mentions.len(),
            )
        })
        .collect()
}

use EntityKind::*;

fn row(
    name: &str,
    kind: EntityKind,
    country: Option<&str>,
    n: usize,
) -> (String, EntityKind, Option<String>, usize) {
    (name.to_string(), kind, country.map(str::to_string), n)
}

#[test]
fn people_group_by_name_parts_and_get_countries_from_titles() {
    let text = "Chinese Premier Li Qiang met Azerbaijani President Ilham Aliyev. Li said trade grew. Aliyev agreed.";
    let rs = run(
        text,
        &[
            ("Premier Li Qiang", Person),
            ("Ilham Aliyev", Person),
            ("Li", Person),
            ("Aliyev", Place),
        ],
    );
    assert_eq!(
        summary(&rs),
        vec![
            row("Li Qiang", Person, Some("CN"), 2),
            row("Ilham Aliyev", Person, Some("AZ"), 2)
        ]
    );
}

#[test]
fn titles_and_given_names() {
    let text = "President Joseph R. Biden met Prime Minister Kishida Fumio of Japan. Joe Biden and President Biden spoke. Kishida agreed.";
    let rs = run(
        text,
        &[
            ("Joseph R. Biden", Person),
            ("Kishida Fumio", Person),
            ("Japan", Place),
            ("Joe Biden", Person),
            ("President Biden", Person),
            ("Kishida", Person),
        ],
    );
    assert_eq!(
        summary(&rs),
        vec![
            // A president of the United States (`US_LEADERS`).
            row("Joseph R. Biden", Person, Some("US"), 3),
            row("Kishida Fumio", Person, Some("JP"), 2),
            row("Japan", Place, Some("JP"), 1),
        ]
    );
}

#[test]
fn honorifics_are_no_part_of_a_name() {
    let text = "Shri Anil Varma met Smt Leela Rao. Varma and Rao spoke.";
    let rs = run(
        text,
        &[
            ("Shri Anil Varma", Person),
            ("Smt Leela Rao", Person),
            ("Varma", Person),
            ("Rao", Person),
        ],
    );
    assert_eq!(
        summary(&rs),
        vec![
            row("Anil Varma", Person, None, 2),
            row("Leela Rao", Person, None, 2),
        ]
    );
}

#[test]
fn legislators_titles_are_no_part_of_a_name() {
    let text = "Assemblywoman Dana Korr met Councilman Ivo Lenz. Korr and Lenz spoke.";
    let rs = run(
        text,
        &[
            ("Assemblywoman Dana Korr", Person),
            ("Councilman Ivo Lenz", Person),
            ("Korr", Person),
            ("Lenz", Person),
        ],
    );
    assert_eq!(
        summary(&rs),
        vec![
            row("Dana Korr", Person, None, 2),
            row("Ivo Lenz", Person, None, 2),
        ]
    );
}

#[test]
fn office_of_country_before_a_name() {
    let text = "He met the foreign affairs minister of Cuba, Bruno Rodriguez, on Monday.";
    let rs = run(text, &[("Cuba", Place), ("Bruno Rodriguez", Person)]);
    assert_eq!(
        summary(&rs)[1],
        row("Bruno Rodriguez", Person, Some("CU"), 1)
    );
}

#[test]
fn acronyms_and_country_aliases_join_their_full_names() {
    let text = "The United Nations met. The UN said the United States and the U.S. Congress agree.";
    let rs = run(
        text,
        &[
            ("United Nations", Org),
            ("UN", Org),
            ("United States", Place),
            ("U.S.", Place),
            ("Congress", Org),
        ],
    );
    assert_eq!(
        summary(&rs),
        vec![
            row("United Nations", Org, None, 2),
            row("United States", Place, Some("US"), 2),
            row("Congress", Org, None, 1),
        ]
    );
}

#[test]
fn tagger_errors_fixed_where_evidence_is_strong() {
    // A demonym is not a place; a missed country and an all-caps dateline are added;
    // a country tagged as an organisation is a place.
    let text = "BEIJING, May 1 -- Chinese officials met envoys from Peru, and China said so.";
    let rs = run(text, &[("Chinese", Place), ("China", Org)]);
    let s = summary(&rs);
    assert!(s.contains(&row("BEIJING", Place, Some("CN"), 1)), "{s:?}");
    assert!(s.contains(&row("Peru", Place, Some("PE"), 1)), "{s:?}");
    assert!(s.contains(&row("China", Place, Some("CN"), 1)), "{s:?}");
    assert!(s.contains(&row("Chinese", Misc, None, 1)), "{s:?}");
}

#[test]
fn a_country_long_name_cut_by_the_tagger_is_whole_again() {
    let text = "The Governments of the United States of America and Peru agreed.";
    let rs = run(text, &[("United States", Place), ("America", Place)]);
    let s = summary(&rs);
    assert!(
        s.contains(&row("United States of America", Place, Some("US"), 1)),
        "{s:?}"
    );
}

#[test]
fn ambiguous_places_from_context() {
    let cases: &[(&str, &str, &str)] = &[
        ("Paris, Texas", "Paris", "US"),
        ("Officials in Paris and France agreed.", "Paris", "FR"),
        (
            "Voters in Atlanta, Georgia and in Texas and Ohio lined up in the state of Georgia.",
            "Georgia",
            "US",
        ),
        (
            "Tbilisi: Georgia and Azerbaijan signed a pact.",
            "Georgia",
            "GE",
        ),
        (
            "Leaders of Azerbaijan, Georgia and Texas firms met.",
            "Georgia",
            "GE",
        ),
        (
            "The senator from Texas left before the debate in Georgia.",
            "Georgia",
            "US",
        ),
        ("King Abdullah II of Jordan met officials.", "Jordan", "JO"),
        ("Lima, Ohio is small.", "Lima", "US"),
        ("Peru: Lima hosts the talks.", "Lima", "PE"),
    ];
    for (text, place, code) in cases {
        let rs = run(text, &[(place, Place)]);
        let r = rs
            .iter()
            .find(|r| r.name == *place)
            .unwrap_or_else(|| panic!("{text}: {rs:?}"));
        assert_eq!(
            r.country.map(|c| c.to_string()).as_deref(),
            Some(*code),
            "{text}"
        );
    }
}

#[test]
fn jordan_the_person_stays_a_person() {
    let text = "Michael Jordan visited. Jordan smiled.";
    let rs = run(text, &[("Michael Jordan", Person), ("Jordan", Person)]);
    assert_eq!(summary(&rs), vec![row("Michael Jordan", Person, None, 2)]);
}

#[test]
fn entities_are_sorted_and_point_at_their_referents() {
    let text = "Li Qiang met Aliyev in Baku. Li and Aliyev spoke.";
    let geo = Table::sample();
    let tokens = tokenize(text);
    let ms = mentions(
        text,
        &[
            ("Li Qiang", Person),
            ("Aliyev", Person),
            ("Li", Person),
            ("Aliyev", Person),
        ],
    );
    let (es, rs) = link(
        text,
        &tokens,
        &spans(text, &tokens),
        &ms,
        &geo.find(text),
        &geo,
    );
    assert!(es.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    for (i, e) in es.iter().enumerate() {
        assert!(rs[e.referent].mentions.contains(&i));
    }
    assert_eq!(
        es.iter().filter(|e| e.kind == Place).count(),
        1,
        "Baku added from the gazetteer"
    );
}

/// The country of the place a gazetteer does not know, from the text around it.
fn unknown_place_country(text: &str, place: &str, others: &[(&str, EntityKind)]) -> Option<String> {
    let mut given: Vec<(&str, EntityKind)> = others.to_vec();
    given.push((place, Place));
    given.sort_by_key(|(s, _)| text.find(s));
    run(text, &given)
        .into_iter()
        .find(|r| r.name == place)
        .and_then(|r| r.country.map(|c| c.to_string()))
}

#[test]
fn unknown_places_take_the_country_named_nearest_before_them_in_their_sentence() {
    // The paragraph names Japan most, the sentence names China before the places.
    let text = "Japan and Japan met. Japan spoke. The US raised China's practices in Xinjiang, Tibet and Peru.";
    assert_eq!(
        unknown_place_country(text, "Xinjiang", &[]).as_deref(),
        Some("CN")
    );
    // A listed place keeps to its list's country, not the next name after it.
    assert_eq!(
        unknown_place_country(text, "Tibet", &[("Xinjiang", Place)]).as_deref(),
        Some("CN")
    );
}

#[test]
fn unknown_places_qualified_right_after_take_that_country() {
    let text = "Kenya and Kenya talked. Troops entered Tell Tamer, Ethiopia, on Monday.";
    assert_eq!(
        unknown_place_country(text, "Tell Tamer", &[]).as_deref(),
        Some("ET")
    );
    let text = "Kenya and Kenya talked. He was taken to Mercy Hospital in Paris on Monday.";
    assert_eq!(
        unknown_place_country(text, "Mercy Hospital", &[]).as_deref(),
        Some("FR")
    );
}

#[test]
fn unknown_places_naming_a_country_take_it() {
    let text = "Kenya and Kenya talked. Kenya thanked the U.S. Federal Plaza staff.";
    assert_eq!(
        unknown_place_country(text, "U.S. Federal Plaza", &[]).as_deref(),
        Some("US")
    );
}

#[test]
fn regions_and_seas_between_countries_get_no_country() {
    for place in [
        "Europe",
        "Western Balkans",
        "Indian Ocean",
        "Taiwan Strait",
        "Gulf of Aden",
        "Bay of Bengal",
        "Southeast Asia",
        "South and Central Asia",
    ] {
        let text = format!("China and Japan met. They spoke of {place} and of Japan.");
        assert_eq!(unknown_place_country(&text, place, &[]), None, "{place}");
    }
}

#[test]
fn a_place_naming_an_office_or_a_body_here_is_none() {
    let places = |text: &str, given: &[(&str, EntityKind)]| -> Vec<String> {
        run(text, given)
            .into_iter()
            .filter(|r| r.kind == EntityKind::Place)
            .map(|r| r.name)
            .collect()
    };
    let text = "Envoy for Pacific Affairs Ivo Lenz spoke. It is part of Alliance cooperation.";
    assert!(
        places(
            text,
            &[
                ("Pacific", EntityKind::Place),
                ("Alliance", EntityKind::Place)
            ]
        )
        .is_empty()
    );
    // After "in", the town.
    let text = "A plant in Alliance closed.";
    assert_eq!(
        places(text, &[("Alliance", EntityKind::Place)]),
        ["Alliance"]
    );
}

#[test]
fn a_country_government_is_the_country() {
    let text = "Funds came from the Kenya Government and the Peru Government.";
    let rs = run(
        text,
        &[
            ("Kenya Government", EntityKind::Place),
            ("Peru Government", EntityKind::Org),
        ],
    );
    assert_eq!(
        summary(&rs),
        [
            (
                "Kenya".to_string(),
                EntityKind::Place,
                Some("KE".to_string()),
                1
            ),
            (
                "Peru".to_string(),
                EntityKind::Place,
                Some("PE".to_string()),
                1
            )
        ]
    );
}

#[test]
fn a_region_widens_the_place_read_inside_its_name() {
    // "New" opening the sentence was left out of the tagger's place.
    let text = "Voters went home. New Hampshire also voted.";
    let rs = run(text, &[("Hampshire", EntityKind::Place)]);
    assert_eq!(
        summary(&rs),
        [(
            "New Hampshire".to_string(),
            EntityKind::Place,
            Some("US".to_string()),
            1
        )]
    );
}

#[test]
fn unknown_places_fall_back_to_the_paragraph_then_the_text() {
    // A made-up place: the region table knows real ones ("Tigray" is in Ethiopia).
    let text = "Kenya and Kenya talked.\n\nPeru said so. Visitors came to Kelda Valley.";
    assert_eq!(
        unknown_place_country(text, "Kelda Valley", &[]).as_deref(),
        Some("PE")
    );
    let text = "Kenya and Kenya talked.\n\nVisitors came to Kelda Valley.";
    assert_eq!(
        unknown_place_country(text, "Kelda Valley", &[]).as_deref(),
        Some("KE")
    );
    // Countries named as often in the paragraph: the one named last before it.
    let text = "Peru and Chile met. Kenya sent aid. Rain fell on Kelda Valley.";
    assert_eq!(
        unknown_place_country(text, "Kelda Valley", &[]).as_deref(),
        Some("KE")
    );
}

/// Linking with the embedded gazetteer (regions, capitals' full names).
fn run_world(text: &str, given: &[(&str, EntityKind)]) -> Vec<Referent> {
    let geo = super::geo::world();
    let tokens = tokenize(text);
    let hits = geo.find(text);
    link(
        text,
        &tokens,
        &spans(text, &tokens),
        &mentions(text, given),
        &hits,
        geo,
    )
    .1
}

fn place<'a>(rs: &'a [Referent], name: &str) -> Option<&'a Referent> {
    rs.iter().find(|r| r.name == name && r.kind == Place)
}

/// A referent's country code as text, for comparing with a literal.
fn code(r: &Referent) -> Option<String> {
    r.country.map(|c| c.to_string())
}

fn names_of_kind(rs: &[Referent], kind: EntityKind) -> Vec<&str> {
    rs.iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.name.as_str())
        .collect()
}

#[test]
fn regions_the_tagger_missed_are_places_with_their_country() {
    let text = "Kenya and the United States met. They spoke of the Indo-Pacific region \
                and of a donation from California to Kenya.";
    let rs = run_world(text, &[]);
    let indo_pacific = place(&rs, "Indo-Pacific").expect("Indo-Pacific found");
    assert_eq!(indo_pacific.country, None);
    let california = place(&rs, "California").expect("California found");
    assert_eq!(code(california).as_deref(), Some("US"));
}

#[test]
fn a_region_ending_a_longer_name_is_not_a_place() {
    let text = "The leaders will meet at the Summit of the Americas in June.";
    assert!(place(&run_world(text, &[]), "Americas").is_none());
    // In running text it is one.
    let text = "Trade grew across the Americas in June.";
    assert!(place(&run_world(text, &[]), "Americas").is_some());
    // Also where the tagger read the region as a place or a name of its own.
    let text = "They discussed the Ninth Summit of the Americas in June.";
    assert!(place(&run_world(text, &[("Americas", Place)]), "Americas").is_none());
    for kind in [Misc, Org] {
        let rs = run_world(text, &[("Americas", kind)]);
        let named = |k| rs.iter().any(|r| r.name == "Americas" && r.kind == k);
        assert!(!named(Place) && !named(Org), "{kind:?}");
    }
    // After a title's "of", it is a place.
    let text = "First Minister of Scotland Nicola Sturgeon spoke.";
    assert!(place(&run_world(text, &[("Scotland", Place)]), "Scotland").is_some());
}

#[test]
fn a_region_tagged_as_an_organisation_is_a_place_unless_an_agency_is_named() {
    let text = "The nerve agent was developed by the Soviet Union decades ago.";
    let rs = run_world(text, &[("Soviet Union", Org)]);
    assert_eq!(place(&rs, "Soviet Union").map(|r| r.country), Some(None));
    let text = "The Iranian news agency Fars reported the warrants.";
    let rs = run_world(text, &[("Fars", Org)]);
    assert!(rs.iter().any(|r| r.name == "Fars" && r.kind == Org));
}

#[test]
fn a_state_beats_a_foreign_city_of_its_name_when_its_country_is_named() {
    // Virginia is also a city in South Africa.
    let text = "He lived in exile in Virginia as a resident of the United States.";
    let rs = run_world(text, &[("Virginia", Place), ("United States", Place)]);
    let virginia = place(&rs, "Virginia").expect("Virginia");
    assert_eq!(code(virginia).as_deref(), Some("US"));
}

#[test]
fn a_capital_named_with_its_district_is_one_place_with_its_short_name() {
    let text = "Armenia's minister came to Washington, D.C., on Monday. In Washington, \
                they signed two accords.";
    let rs = run_world(
        text,
        &[
            ("Armenia", Place),
            ("Washington, D.C.", Place),
            ("Washington", Place),
        ],
    );
    let washington = place(&rs, "Washington, D.C.").expect("Washington, D.C.");
    assert_eq!(washington.mentions.len(), 2);
    assert_eq!(code(washington).as_deref(), Some("US"));
    // The tagger's pieces of the name are joined.
    let text = "Armenia's minister met him in Washington, D.C. to sign two accords.";
    let rs = run_world(
        text,
        &[("Armenia", Place), ("Washington", Place), ("D.C.", Place)],
    );
    assert!(place(&rs, "Washington, D.C.").is_some());
    assert!(place(&rs, "D.C.").is_none());
}

#[test]
fn parts_of_a_country_listed_as_its_names_stay_places_of_their_own() {
    let text = "The aid supports families in the West Bank and Gaza this year.";
    let rs = run_world(text, &[("West Bank", Place), ("Gaza", Place)]);
    for name in ["West Bank", "Gaza"] {
        let r = place(&rs, name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(code(r).as_deref(), Some("PS"));
    }
}

#[test]
fn a_generational_suffix_is_no_entity() {
    let text = "President Joseph R. Biden, Jr. met President Lourenço of Angola.";
    let rs = run_world(
        text,
        &[
            ("Joseph R. Biden", Person),
            ("Jr.", Place),
            ("Lourenço", Person),
            ("Angola", Place),
        ],
    );
    assert!(rs.iter().all(|r| r.name != "Jr."), "{:?}", summary(&rs));
    assert!(
        rs.iter()
            .any(|r| r.name == "Joseph R. Biden" && r.kind == Person)
    );
}

#[test]
fn a_region_tagged_as_a_person_is_a_place() {
    let text = "Fighting spread from Tigray to Amhara, Abiy Ahmed said.";
    let rs = run_world(
        text,
        &[
            ("Tigray", Place),
            ("Amhara", Person),
            ("Abiy Ahmed", Person),
        ],
    );
    let amhara = place(&rs, "Amhara").expect("Amhara is a place");
    assert_eq!(code(amhara).as_deref(), Some("ET"));
    assert!(
        rs.iter()
            .any(|r| r.name == "Abiy Ahmed" && r.kind == Person)
    );
}

#[test]
fn an_arabic_name_with_its_patronymic_is_one_person() {
    let text = "King Abdullah II bin Al Hussein met Crown Prince Hussein bin Abdullah II. \
                King Abdullah spoke.";
    let rs = run_world(
        text,
        &[
            ("Abdullah II", Person),
            ("Al Hussein", Person),
            ("Hussein", Person),
            ("Abdullah II", Person),
            ("Abdullah", Person),
        ],
    );
    let people = names_of_kind(&rs, Person);
    assert!(people.contains(&"Abdullah II bin Al Hussein"), "{people:?}");
    assert!(people.contains(&"Hussein bin Abdullah II"), "{people:?}");
    assert_eq!(people.len(), 2, "{people:?}");
}

#[test]
fn a_credit_naming_a_small_town_is_the_agency() {
    // Xinhua is also a Chinese town of 16,000 people; Beijing a city of millions.
    let text = "BEIJING, April 23 (Xinhua) -- Talks were held. (Beijing) Officials met.";
    let rs = run_world(text, &[("Xinhua", Place), ("Beijing", Place)]);
    assert!(
        rs.iter().any(|r| r.name == "Xinhua" && r.kind == Org),
        "{:?}",
        summary(&rs)
    );
    assert!(place(&rs, "Beijing").is_some(), "{:?}", summary(&rs));
}

#[test]
fn a_monarch_is_not_read_as_a_namesake_surname() {
    let text = "King Abdullah II and Queen Rania Al Abdullah came. King Abdullah spoke.";
    let rs = run_world(
        text,
        &[
            ("Abdullah II", Person),
            ("Rania Al Abdullah", Person),
            ("Abdullah", Person),
        ],
    );
    let king = rs
        .iter()
        .find(|r| r.name == "Abdullah II")
        .expect("the king");
    assert_eq!(king.mentions.len(), 2, "{:?}", summary(&rs));
    let queen = rs
        .iter()
        .find(|r| r.name == "Rania Al Abdullah")
        .expect("the queen");
    assert_eq!(queen.mentions.len(), 1, "{:?}", summary(&rs));
}

#[test]
fn honorifics_and_abbreviated_titles_are_no_entities() {
    let text = "His Royal Highness Crown Prince Hussein met Lt. Gen. Michael Kurilla in Kenya.";
    let rs = run_world(
        text,
        &[
            ("His Royal Highness", Org),
            ("Hussein", Person),
            ("Lt.", Place),
            ("Michael Kurilla", Person),
            ("Kenya", Place),
        ],
    );
    let names: Vec<&str> = rs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Hussein", "Michael Kurilla", "Kenya"],
        "{:?}",
        summary(&rs)
    );
}

#[test]
fn a_patronymic_name_is_called_by_its_given_name() {
    let text = "King Abdullah II bin Al Hussein and Crown Prince Hussein bin Abdullah II came. \
                King Abdullah and Crown Prince Hussein spoke.";
    let rs = run_world(
        text,
        &[
            ("Abdullah II", Person),
            ("Al Hussein", Person),
            ("Hussein", Person),
            ("Abdullah II", Person),
            ("Abdullah", Person),
            ("Hussein", Person),
        ],
    );
    let mentions_of = |name: &str| rs.iter().find(|r| r.name == name).map(|r| r.mentions.len());
    assert_eq!(
        mentions_of("Abdullah II bin Al Hussein"),
        Some(2),
        "{:?}",
        summary(&rs)
    );
    assert_eq!(
        mentions_of("Hussein bin Abdullah II"),
        Some(2),
        "{:?}",
        summary(&rs)
    );
}

#[test]
fn a_person_takes_the_country_of_two_titles_joined_by_and() {
    let text = "Chinese Minister Wang Yi met Kenyan Deputy Prime Minister and Foreign Minister \
                John Mwangi in Nairobi.";
    let rs = run(
        text,
        &[
            ("Wang Yi", Person),
            ("John Mwangi", Person),
            ("Nairobi", Place),
        ],
    );
    let mwangi = rs.iter().find(|r| r.name == "John Mwangi").expect("Mwangi");
    assert_eq!(code(mwangi).as_deref(), Some("KE"));
}

#[test]
fn a_country_of_several_words_before_a_title_gives_the_person_its_country() {
    // Walking back over "Attorney" meets "States", the last word of the country.
    let text = "United States Attorney Jessie Roe said the case goes on. New Zealand Prime \
                Minister Ann Lee agreed.";
    let rs = run_world(
        text,
        &[
            ("United States", Place),
            ("Jessie Roe", Person),
            ("New Zealand", Place),
            ("Ann Lee", Person),
        ],
    );
    let country_of = |name: &str| rs.iter().find(|r| r.name == name).and_then(code);
    assert_eq!(
        country_of("Jessie Roe").as_deref(),
        Some("US"),
        "{:?}",
        summary(&rs)
    );
    assert_eq!(
        country_of("Ann Lee").as_deref(),
        Some("NZ"),
        "{:?}",
        summary(&rs)
    );
}

#[test]
fn common_nouns_for_bodies_are_no_organisations() {
    let text = "The Parties agreed. The Steering Committee and the Foreign Ministers met the \
                United Nations.";
    let rs = run_world(
        text,
        &[
            ("Parties", Org),
            ("Steering Committee", Org),
            ("Foreign Ministers", Org),
            ("United Nations", Org),
        ],
    );
    let orgs = names_of_kind(&rs, Org);
    assert_eq!(orgs, ["United Nations"], "{:?}", summary(&rs));
}

#[test]
fn a_name_opening_with_a_landform_word_is_a_place() {
    let text = "Climbers from Kenya reached Mount Kenya and sailed on Lake Turkana.";
    let rs = run(
        text,
        &[
            ("Kenya", Place),
            ("Mount Kenya", Person),
            ("Lake Turkana", Org),
        ],
    );
    for name in ["Mount Kenya", "Lake Turkana"] {
        assert!(
            rs.iter().any(|r| r.name == name && r.kind == Place),
            "{name}: {:?}",
            summary(&rs)
        );
    }
}

#[test]
fn names_of_one_organisation_are_one_referent() {
    // "the Treasury" is its department; "Force" and "Forces" one army; an
    // acronym with "&" follows its name.
    let text = "The U.S. Department of the Treasury acted. See Treasury's release. \
                The Rapid Support Forces attacked; the Rapid Support Force denied it. \
                OFAC named Myanmar Chemical & Machinery Company Limited (MC&M). MC&M said no. \
                The G7, or the Group of Seven, met. ISIS, the Islamic State, and the Houthis \
                (a Houthi force) fought.";
    let rs = run(
        text,
        &[
            ("U.S. Department of the Treasury", Org),
            ("Treasury", Org),
            ("Rapid Support Forces", Org),
            ("Rapid Support Force", Org),
            ("OFAC", Org),
            ("MC&M", Org),
            ("MC&M", Org),
            ("G7", Org),
            ("Group of Seven", Org),
            ("ISIS", Org),
            ("Islamic State", Org),
            ("Houthis", Org),
            ("Houthi", Org),
        ],
    );
    assert!(has(&rs, "Islamic State", 2), "{:?}", summary(&rs));
    assert!(has(&rs, "Houthis", 2), "{:?}", summary(&rs));
    assert!(has(&rs, "Group of Seven", 2), "{:?}", summary(&rs));
    let s = summary(&rs);
    assert!(
        s.contains(&row("U.S. Department of the Treasury", Org, Some("US"), 2)),
        "{s:?}"
    );
    assert!(
        s.contains(&row("Rapid Support Forces", Org, None, 2)),
        "{s:?}"
    );
    assert!(
        s.contains(&row(
            "Myanmar Chemical & Machinery Company Limited",
            Org,
            None,
            3
        )),
        "{s:?}"
    );
}

/// Whether a referent of this name has `n` mentions.
fn has(rs: &[Referent], name: &str, n: usize) -> bool {
    rs.iter().any(|r| r.name == name && r.mentions.len() == n)
}

#[test]
fn a_nickname_in_quotes_inside_a_name_is_one_person() {
    let text = "Margaret \u{201c}Peggy\u{201d} Lindqvist, Spokesperson\n\n\
                The note is attributable to Spokesperson Peggy Lindqvist.";
    let rs = run_world(
        text,
        &[
            ("Margaret", Person),
            ("Peggy", Person),
            ("Lindqvist", Person),
            ("Peggy Lindqvist", Person),
        ],
    );
    let people = names_of_kind(&rs, Person);
    assert_eq!(people, ["Margaret \u{201c}Peggy\u{201d} Lindqvist"]);
    assert_eq!(rs.iter().map(|r| r.mentions.len()).sum::<usize>(), 2);
    // Straight quotes, and a nickname the tagger did not tag.
    let text = "Robert \"Bobby\" Quinlan spoke.";
    let rs = run_world(text, &[("Robert", Person), ("Quinlan", Person)]);
    assert_eq!(names_of_kind(&rs, Person), ["Robert \"Bobby\" Quinlan"]);
    // A quoted phrase between two people is no nickname.
    let text = "Anna Berg said \"yes\" Tomas Lund said no.";
    let rs = run_world(text, &[("Anna Berg", Person), ("Tomas Lund", Person)]);
    assert_eq!(names_of_kind(&rs, Person), ["Anna Berg", "Tomas Lund"]);
}

#[test]
fn an_alias_in_brackets_after_a_name_is_no_second_person() {
    let text = "The reward targets gang boss Hector Vidal Ruiz (\u{201c}El Toro Negro\u{201d}) \
                and his brother Luis Vidal Ruiz.";
    let rs = run_world(
        text,
        &[
            ("Hector Vidal Ruiz", Person),
            ("El Toro Negro", Person),
            ("Luis Vidal Ruiz", Person),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Hector Vidal Ruiz", "Luis Vidal Ruiz"]
    );
}

#[test]
fn storms_and_spanish_gang_names_are_no_people() {
    let text = "Typhoon Marlowe struck the islands after Cyclone Dana. Gangs such as \
                Los Halcones Rojos and the Cartel del Puerto Azul were named, as was \
                Cártel de Nueva Frontera; Los Angeles was spared.";
    let rs = run_world(
        text,
        &[
            ("Typhoon Marlowe", Person),
            ("Dana", Person),
            ("Los Halcones Rojos", Person),
            ("Puerto Azul", Person),
            ("Nueva Frontera", Person),
        ],
    );
    assert!(names_of_kind(&rs, Person).is_empty(), "{rs:?}");
    let orgs = names_of_kind(&rs, Org);
    assert!(orgs.contains(&"Los Halcones Rojos"), "{orgs:?}");
    assert!(orgs.contains(&"Cártel de Nueva Frontera"), "{orgs:?}");
}

#[test]
fn a_persons_surname_spelled_like_a_country_is_read_after_a_title() {
    // The whole name tagged as a place, after a title.
    let text = "The envoy met Prime Minister Tomas Chile in Lisbon.";
    let rs = run_world(text, &[("Tomas Chile", Place), ("Lisbon", Place)]);
    assert_eq!(names_of_kind(&rs, Person), ["Tomas Chile"]);
    // The given name a person, the surname a country.
    let text = "The envoy met Prime Minister Tomas Chile in Lisbon.";
    let rs = run_world(
        text,
        &[("Tomas", Person), ("Chile", Place), ("Lisbon", Place)],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Tomas Chile"]);
    // A country after a person with a comma between stays a place.
    let text = "Ana Ruiz, Chile, and Peru signed.";
    let rs = run_world(
        text,
        &[("Ana Ruiz", Person), ("Chile", Place), ("Peru", Place)],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Ana Ruiz"]);
    assert_eq!(names_of_kind(&rs, Place), ["Chile", "Peru"]);
}

#[test]
fn a_things_head_word_or_a_movement_is_no_person() {
    let text = "The minister signed the Agreement with H.E. Dara Vuthy. The Agreement \
                takes effect soon, and Hizballah must disarm.";
    let rs = run_world(
        text,
        &[
            ("Agreement", Person),
            ("H.E. Dara Vuthy", Person),
            ("Agreement", Person),
            ("Hizballah", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Dara Vuthy"]);
    assert_eq!(names_of_kind(&rs, Org), ["Hizballah"]);
}

#[test]
fn a_ruler_is_read_from_the_regime_or_war_named_after_them() {
    let text = "Ministers condemned the Varga regime and Kallas’s war of choice. \
                Later the Brandt administration spoke, and Russia’s war went on.";
    let rs = run_world(text, &[("Kallas", Place), ("Russia", Place)]);
    let people = names_of_kind(&rs, Person);
    assert_eq!(people, ["Varga", "Kallas", "Brandt"]);
    assert_eq!(names_of_kind(&rs, Place), ["Russia"]);
    // The Kremlin is no person.
    let text = "The Kremlin’s war was discussed.";
    assert!(names_of_kind(&run_world(text, &[]), Person).is_empty());
}

#[test]
fn a_presidents_administration_names_the_president_an_agency_nobody() {
    let text = "The Brandt Administration’s envoy met the Maritime Administration and \
                officials of the Veterans Administration.";
    let rs = run_world(
        text,
        &[
            ("Brandt Administration", Org),
            ("Maritime Administration", Org),
            ("Veterans Administration", Misc),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Brandt"]);
}

#[test]
fn movements_with_apostrophes_and_long_names_are_organisations() {
    let text = "Attacks by Boko Haram, al-Qa’ida and Tehrik-e-Taliban Pakistan went on.";
    let rs = run_world(
        text,
        &[
            ("Boko Haram", Person),
            ("al-Qa’ida", Person),
            ("Tehrik-e-Taliban Pakistan", Place),
        ],
    );
    assert!(names_of_kind(&rs, Person).is_empty());
    assert_eq!(
        names_of_kind(&rs, Org),
        ["Boko Haram", "al-Qa’ida", "Tehrik-e-Taliban Pakistan"]
    );
}

#[test]
fn religious_and_traditional_honorifics_are_no_part_of_a_name() {
    let text = "Mallam Idris Bako met Monseñor Tomas Arce and Alhaji Sani Lawal.";
    let rs = run_world(
        text,
        &[
            ("Mallam Idris Bako", Person),
            ("Monseñor Tomas Arce", Person),
            ("Alhaji Sani Lawal", Person),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Idris Bako", "Tomas Arce", "Sani Lawal"]
    );
}

#[test]
fn a_governments_demonym_names_no_ruler() {
    let text = "The Argentinian government and the Azeri government said so.";
    let rs = run_world(text, &[("Argentinian", Misc)]);
    assert!(names_of_kind(&rs, Person).is_empty());
}

#[test]
fn a_body_named_after_a_person_or_people_is_no_person() {
    let text = "The Ellis Center, the Arapaho Tribe and the Legislative Yuan met Li Yuan.";
    let rs = run_world(
        text,
        &[
            ("Ellis Center", Person),
            ("Arapaho Tribe", Person),
            ("Legislative Yuan", Person),
            ("Li Yuan", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Li Yuan"]);
    assert_eq!(
        names_of_kind(&rs, Org),
        ["Ellis Center", "Arapaho Tribe", "Legislative Yuan"]
    );
}

#[test]
fn a_misspelt_title_and_a_ministrys_last_words_are_no_part_of_a_name() {
    let text = "Foreign Minster Omar Haddad met the Minister of Foreign Affairs and \
                Expatriates Rami Nasser.";
    let rs = run_world(
        text,
        &[
            ("Minster Omar Haddad", Person),
            ("Expatriates Rami Nasser", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Omar Haddad", "Rami Nasser"]);
}

#[test]
fn a_ship_named_once_with_its_number_is_no_person_later() {
    let text = "The firm manages SEA WREN (IMO: 9000001). SEA WREN is blocked, said Ana Lopes.";
    let rs = run_world(
        text,
        &[
            ("SEA WREN", Person),
            ("SEA WREN", Person),
            ("Ana Lopes", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Ana Lopes"]);
}

#[test]
fn a_name_set_beside_a_noun_for_a_thing_or_body_is_no_person() {
    let text = "It funds the youth program, Vamos Juntos, and Memoria, a human rights \
                group, as well as Tarsk, a lawyer, and the Pax Borealis pact.";
    let rs = run_world(
        text,
        &[
            ("Vamos Juntos", Person),
            ("Memoria", Person),
            ("Tarsk", Person),
            ("Pax Borealis", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Tarsk"]);
    assert_eq!(names_of_kind(&rs, Org), ["Memoria"]);
}

#[test]
fn a_name_spelled_with_another_vowel_is_the_same_person() {
    let text = "Omar bin Haden spoke. Later Omar bin Hadin left, and Ana Lopez met Ana Lopes.";
    let rs = run_world(
        text,
        &[
            ("Omar bin Haden", Person),
            ("Omar bin Hadin", Person),
            ("Ana Lopez", Person),
            ("Ana Lopes", Person),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Omar bin Haden", "Ana Lopez", "Ana Lopes"]
    );
}

#[test]
fn a_phrase_opening_with_a_long_ing_form_is_no_person() {
    let text = "See the Countering Fraud page, said Channing Ellis.";
    let rs = run_world(
        text,
        &[("Countering Fraud", Person), ("Channing Ellis", Person)],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Channing Ellis"]);
}

#[test]
fn a_plural_abstract_heading_word_is_no_person() {
    let text = "Sanctions Implications\n\nThe measures take effect today, said Ana Reyes.";
    let rs = run_world(text, &[("Sanctions", Person), ("Ana Reyes", Person)]);
    assert_eq!(names_of_kind(&rs, Person), ["Ana Reyes"]);
}

#[test]
fn a_company_form_ends_an_organisations_name() {
    let text = "The firm is a subsidiary of Grupo Naval Costero S.A. and Lindqvist Trading Ltd.";
    let rs = run_world(
        text,
        &[
            ("Grupo Naval Costero S.A.", Person),
            ("Lindqvist Trading Ltd", Person),
        ],
    );
    assert!(names_of_kind(&rs, Person).is_empty());
}

#[test]
fn a_patronymic_joins_a_given_name_the_tagger_took_for_a_body() {
    let text = "Faisal bin Khalid ruled for decades. Faisal's reforms outlived him, \
                and Faisal was mourned.";
    let rs = run_world(
        text,
        &[
            ("Faisal", Org),
            ("Khalid", Person),
            ("Faisal", Org),
            ("Faisal", Org),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Faisal bin Khalid"]);
    assert!(names_of_kind(&rs, Org).is_empty());
}

#[test]
fn a_name_after_kin_is_a_person_by_one_word_or_after_of() {
    let text = "She spoke of her husband Tomasz, who was jailed, and of Irena Wolska, \
                wife of Marek Wolski, who fled.";
    let rs = run_world(
        text,
        &[
            ("Tomasz", Org),
            ("Irena Wolska", Person),
            ("Marek Wolski", Place),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Tomasz", "Irena Wolska", "Marek Wolski"]
    );
}

#[test]
fn names_in_capitals_defined_with_a_short_form_are_linked() {
    let text = "The Department designated:\n\nMARTA ELENA QUIROS VALDEZ (QUIROS VALDEZ) is \
                the head of NORTEMAR COMERCIAL SA (NORTEMAR), a shipper. QUIROS VALDEZ moved funds \
                for NORTEMAR.";
    let rs = run_world(
        text,
        &[
            ("MARTA", Person),
            ("QUIROS VALDEZ", Org),
            ("NORTEMAR", Org),
            ("QUIROS VALDEZ", Place),
            ("NORTEMAR", Org),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["MARTA ELENA QUIROS VALDEZ"]);
    assert_eq!(names_of_kind(&rs, Org), ["NORTEMAR COMERCIAL SA"]);
}

#[test]
fn a_name_after_a_kin_or_role_noun_is_a_person() {
    let text = "The designation covers his wife Amara Linde Osei and journalist Tobias Renn.";
    let rs = run_world(text, &[]);
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Amara Linde Osei", "Tobias Renn"]
    );
}

#[test]
fn a_persons_surname_tagged_as_an_organisation_is_the_person() {
    let text = "Adviser Harold P. Bolton resigned. Bolton said he had offered to go.";
    let rs = run_world(text, &[("Harold P. Bolton", Person), ("Bolton", Org)]);
    assert_eq!(names_of_kind(&rs, Person), ["Harold P. Bolton"]);
    assert!(names_of_kind(&rs, Org).is_empty());
}

#[test]
fn a_lone_name_after_in_is_a_place() {
    let text = "The zone opens in Tarlo next year, as agreed in Smith's talks.";
    let rs = run_world(text, &[("Tarlo", Person), ("Smith", Person)]);
    assert_eq!(names_of_kind(&rs, Place), ["Tarlo"]);
    assert_eq!(names_of_kind(&rs, Person), ["Smith"]);
}

#[test]
fn a_surface_mostly_tagged_as_a_person_groups_as_one_person() {
    let text = "Kovacs spoke first. Then Kovacs left, and Kovacs returned.";
    let rs = run_world(
        text,
        &[("Kovacs", Person), ("Kovacs", Place), ("Kovacs", Person)],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Kovacs"]);
    assert_eq!(rs.len(), 1, "{rs:?}");
}

#[test]
fn two_people_of_one_family_stay_two() {
    let text = "President Joseph R. Vance met Dr. Jill Vance. Joe Vance spoke, and \
                Thomas Reeve met Tom Reeve's aide.";
    let rs = run_world(
        text,
        &[
            ("Joseph R. Vance", Person),
            ("Jill Vance", Person),
            ("Joe Vance", Person),
            ("Thomas Reeve", Person),
            ("Tom Reeve", Person),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Joseph R. Vance", "Jill Vance", "Thomas Reeve"]
    );
}

#[test]
fn titles_alone_are_no_person_and_no_organisation() {
    let text = "Talks were led by Li Wen, Vice Premier of the Council, with National \
                Security Advisor Dan Orr and the Office of the Special Envoy.";
    let rs = run_world(
        text,
        &[
            ("Li Wen", Person),
            ("Vice Premier", Person),
            ("National Security Advisor", Org),
            ("Dan Orr", Person),
            ("Office of the Special Envoy", Org),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Li Wen", "Dan Orr"]);
    assert_eq!(names_of_kind(&rs, Org), ["Office of the Special Envoy"]);
}

#[test]
fn movements_peoples_headings_and_places_after_in_are_no_people() {
    let text = "Forces fought Islamic State near crimes against Rohingya.\n\n\
                Education and Coexistence\n\nThe summit was held in Ein Karem, Israel, \
                under the Agreement.";
    let rs = run_world(
        text,
        &[
            ("Islamic State", Place),
            ("Rohingya", Person),
            ("Coexistence", Person),
            ("Ein Karem", Person),
            ("Israel", Place),
            ("Agreement", Org),
        ],
    );
    assert!(names_of_kind(&rs, Person).is_empty(), "{rs:?}");
    assert_eq!(names_of_kind(&rs, Org), ["Islamic State"]);
    assert_eq!(names_of_kind(&rs, Place), ["Ein Karem", "Israel"]);
}

#[test]
fn a_name_after_a_title_replaces_what_the_tagger_made_of_it() {
    let text = "They jailed former State Counsellor Daw Khin Myo Aye. The order names \
                his daughters Amina Wairimu Kamau and Akinyi Njeri Kamau, and his \
                companion Sofia Petrakis.";
    let rs = run_world(
        text,
        &[
            ("State Counsellor Daw Khin Myo Aye", Org),
            ("Amina Wairimu Kamau", Org),
            ("Akinyi Njeri Kamau", Person),
            ("Sofia Petrakis", Place),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        [
            "Daw Khin Myo Aye",
            "Amina Wairimu Kamau",
            "Akinyi Njeri Kamau",
            "Sofia Petrakis"
        ]
    );
    assert!(names_of_kind(&rs, Org).is_empty());
}

#[test]
fn ships_are_no_people() {
    let text = "KESTREL LINE FZE manages ARDEN STAR (IMO 9012345). The tanker Mirela Dawn \
                sailed, while Captain Joao Reis stayed ashore.";
    let rs = run_world(
        text,
        &[
            ("ARDEN STAR", Person),
            ("Mirela Dawn", Person),
            ("Joao Reis", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Joao Reis"]);
}

#[test]
fn given_names_read_apart_from_the_surnames_join_them() {
    let text = "The order names Lucia Fernanda Reyes Alba, his adviser, and the \
                Ministry of Finance Marta Ruiz spoke of.";
    let rs = run_world(
        text,
        &[
            ("Lucia Fernanda", Org),
            ("Reyes Alba", Person),
            ("Ministry of Finance", Org),
            ("Marta Ruiz", Person),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Lucia Fernanda Reyes Alba", "Marta Ruiz"]
    );
    assert_eq!(names_of_kind(&rs, Org), ["Ministry of Finance"]);
}

#[test]
fn a_body_before_a_name_is_no_given_name() {
    let text = "The House of Representatives Foreign Affairs Chair Ellis Ward spoke, as did \
                Congress Members Ana Pol.";
    let rs = run_world(
        text,
        &[
            ("Representatives Foreign Affairs", Org),
            ("Ellis Ward", Person),
            ("Congress Members", Org),
            ("Ana Pol", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Ellis Ward", "Ana Pol"]);
}

#[test]
fn each_place_in_a_compound_modifier_is_a_place() {
    // The tagger reads "Japan-Kenya" as one name: it is two places.
    let text = "The Japan-Kenya talks ended.";
    let rs = run(text, &[("Japan-Kenya", EntityKind::Place)]);
    let places: Vec<(String, Option<String>)> = rs
        .iter()
        .filter(|r| r.kind == EntityKind::Place)
        .map(|r| (r.name.clone(), r.country.map(|c| c.to_string())))
        .collect();
    assert_eq!(
        places,
        [
            ("Japan".to_string(), Some("JP".to_string())),
            ("Kenya".to_string(), Some("KE".to_string()))
        ]
    );
}

#[test]
fn a_name_written_with_and_without_accents_is_one_person() {
    let text = "Turkish President Recep Tayyip Erdoğan spoke on Monday. Later Erdogan said more. \
                José Ruiz and Jose Ruiz are one man.";
    let rs = run(
        text,
        &[
            ("Recep Tayyip Erdoğan", Person),
            ("Erdogan", Person),
            ("José Ruiz", Person),
            ("Jose Ruiz", Person),
        ],
    );
    let people: Vec<(&str, usize)> = rs
        .iter()
        .filter(|r| r.kind == Person)
        .map(|r| (r.name.as_str(), r.mentions.len()))
        .collect();
    assert_eq!(people, [("Recep Tayyip Erdoğan", 2), ("José Ruiz", 2)]);
}

#[test]
fn party_and_academic_honorifics_are_no_part_of_a_name() {
    let text = "Cde Peter Moyo spoke first. Cde Moyo then left, and Prof. Ann Bell stayed.";
    let rs = run(
        text,
        &[
            ("Cde Peter Moyo", Person),
            ("Cde Moyo", Person),
            ("Prof. Ann Bell", Person),
        ],
    );
    let people: Vec<(&str, usize)> = rs
        .iter()
        .filter(|r| r.kind == Person)
        .map(|r| (r.name.as_str(), r.mentions.len()))
        .collect();
    assert_eq!(people, [("Peter Moyo", 2), ("Ann Bell", 1)]);
}

#[test]
fn beings_of_faith_are_no_people() {
    let text = "\"Only God decides,\" said Peter Moyo, who hopes to reach Jannah.";
    let rs = run(
        text,
        &[("God", Person), ("Peter Moyo", Person), ("Jannah", Person)],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Peter Moyo"]);
}

#[test]
fn a_common_word_opening_a_sentence_is_no_name() {
    let text = "Little aid has reached the town. Most families left, said Peter Moyo.";
    let rs = run(
        text,
        &[("Little", Person), ("Most", Person), ("Peter Moyo", Person)],
    );
    assert_eq!(names_of_kind(&rs, Person), ["Peter Moyo"]);
    // A surname that is also a common word stays a name: the full name is in
    // the text, or the name stands elsewhere inside a sentence.
    let text = "Ann Young won the vote. Young thanked her staff.";
    let rs = run(text, &[("Ann Young", Person), ("Young", Person)]);
    assert_eq!(names_of_kind(&rs, Person), ["Ann Young"]);
    let text = "Young thanked her staff. The vote went to Young by a wide margin.";
    let rs = run(text, &[("Young", Person), ("Young", Person)]);
    assert_eq!(names_of_kind(&rs, Person), ["Young"]);
}

#[test]
fn a_name_opened_by_a_word_for_a_kind_of_place_is_a_place() {
    let text = "Police guarded Masjid Al-Noor on Friday, and climbers left Mount Lela.";
    let rs = run(text, &[("Masjid Al-Noor", Person), ("Mount Lela", Person)]);
    assert_eq!(names_of_kind(&rs, Person), Vec::<&str>::new());
    assert_eq!(names_of_kind(&rs, Place), ["Masjid Al-Noor", "Mount Lela"]);
}

#[test]
fn a_hyphenated_modifier_before_a_place_is_no_part_of_its_name() {
    let text = "Voters in the Muslim-majority Sulawa region backed the plan.";
    let rs = run(text, &[("Sulawa", Place)]);
    assert_eq!(names_of_kind(&rs, Place), ["Sulawa"]);
    // Read by the tagger as part of the name, it is cut off.
    let text = "Voters in Muslim-majority Sulawa and the Iran-backed Kelda Front met.";
    let rs = run(
        text,
        &[
            ("Muslim-majority Sulawa", Place),
            ("Iran-backed Kelda Front", Org),
        ],
    );
    assert_eq!(names_of_kind(&rs, Place), ["Sulawa"]);
    assert_eq!(names_of_kind(&rs, Org), ["Kelda Front"]);
}

#[test]
fn a_place_named_again_without_its_head_word_is_the_same_place() {
    let text = "Crowds visited the Santa Verena Museum on Monday. Santa Verena was built \
                in 1420, and the Orlov Clinic beside it reopened.";
    let rs = run_world(
        text,
        &[
            ("Santa Verena Museum", Org),
            ("Santa Verena", Org),
            ("Orlov Clinic", Org),
        ],
    );
    let places: Vec<(&str, usize)> = rs
        .iter()
        .filter(|r| r.kind == Place)
        .map(|r| (r.name.as_str(), r.mentions.len()))
        .collect();
    assert_eq!(places, [("Santa Verena Museum", 2), ("Orlov Clinic", 1)]);
    // A place of its own keeps its name: the town and its cathedral are two.
    let text = "Bombs hit the Jolo Cathedral. Jolo was calm by night.";
    let rs = run_world(text, &[("Jolo Cathedral", Place), ("Jolo", Place)]);
    assert_eq!(names_of_kind(&rs, Place).len(), 2);
}

#[test]
fn a_three_part_name_cut_at_its_last_word_is_the_same_person() {
    let text = "John Mabor Deng died on Sunday. John Mabor had served as minister. \
                John Smith, a friend, spoke.";
    let rs = run(
        text,
        &[
            ("John Mabor Deng", Person),
            ("John Mabor", Person),
            ("John Smith", Person),
        ],
    );
    let people: Vec<(&str, usize)> = rs
        .iter()
        .filter(|r| r.kind == Person)
        .map(|r| (r.name.as_str(), r.mentions.len()))
        .collect();
    assert_eq!(people, [("John Mabor Deng", 2), ("John Smith", 1)]);
}

#[test]
fn an_organisation_that_is_an_honorific_and_a_name_or_a_known_surname_is_a_person() {
    let text = "President Piet Holm and First Lady Rita Holm fell ill, as did Jana Holm. \
                Dr Ana Velo said the Holm Foundation would help, and NSA Holm agreed.";
    let rs = run(
        text,
        &[
            ("Piet Holm", Person),
            ("First Lady Rita Holm", Org),
            ("Jana Holm", Org),
            ("Dr Ana Velo", Org),
            ("Holm Foundation", Org),
            ("NSA Holm", Org),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Piet Holm", "Rita Holm", "Jana Holm", "Ana Velo"]
    );
    assert_eq!(names_of_kind(&rs, Org), ["Holm Foundation", "NSA Holm"]);
}

#[test]
fn news_outlets_are_organisations_whatever_the_tagger_read() {
    let text = "An Al Jazeera reporter and Agence France-Presse said the port was shut.";
    let rs = run(
        text,
        &[("Al Jazeera", Person), ("Agence France-Presse", Place)],
    );
    assert_eq!(
        names_of_kind(&rs, Org),
        ["Al Jazeera", "Agence France-Presse"]
    );
}

#[test]
fn a_name_opened_by_a_place_word_read_as_a_body_is_a_place() {
    let text = "The Cerro Lindo plant shut, and the Fort Lindo Police Department, \
                the Fort Lindo Tribal Community and the Camp Lindo Accords were cited.";
    let rs = run(
        text,
        &[
            ("Cerro Lindo", Org),
            ("Fort Lindo Police Department", Org),
            ("Fort Lindo Tribal Community", Org),
            ("Camp Lindo Accords", Misc),
        ],
    );
    assert_eq!(names_of_kind(&rs, Place), ["Cerro Lindo"]);
    assert_eq!(
        names_of_kind(&rs, Org),
        [
            "Fort Lindo Police Department",
            "Fort Lindo Tribal Community"
        ]
    );
}

#[test]
fn a_storm_named_like_a_place_is_no_place() {
    let text = "Hurricane Lena hit the coast of Peru.";
    let rs = run(text, &[("Hurricane Lena", Place), ("Peru", Place)]);
    assert_eq!(names_of_kind(&rs, Place), ["Peru"]);
}

#[test]
fn an_adjective_of_a_country_is_no_person() {
    let text = "The Philippine government and Icelandic fishermen agreed.";
    let rs = run_world(text, &[("Philippine", Person), ("Icelandic", Person)]);
    assert_eq!(names_of_kind(&rs, Person), Vec::<&str>::new());
}

#[test]
fn a_state_beats_a_foreign_town_of_its_name_when_no_country_is_named() {
    // Florida is also a town in Cuba; the story names neither country.
    let text = "The storm formed over the Bahamas and moved towards Florida on Monday.";
    let rs = run_world(text, &[("Bahamas", Place), ("Florida", Place)]);
    let florida = place(&rs, "Florida").expect("Florida");
    assert_eq!(code(florida).as_deref(), Some("US"));
    // With Cuba named, the town of Cuba.
    let text = "Cuba's farmers in Florida, a town of Camagüey, lost their crops.";
    let rs = run_world(text, &[("Cuba", Place), ("Florida", Place)]);
    let florida = place(&rs, "Florida").expect("Florida");
    assert_eq!(code(florida).as_deref(), Some("CU"));
}

#[test]
fn a_given_name_before_a_surname_particle_joins_the_name() {
    let text = "Arnel dela Vega of the army spoke, and Ana von der Berg agreed. \
                In de Vries's view, the plan failed.";
    let rs = run(
        text,
        &[("Vega", Person), ("Berg", Person), ("Vries", Person)],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        ["Arnel dela Vega", "Ana von der Berg", "Vries"]
    );
}

#[test]
fn a_lone_surname_that_is_also_a_city_is_the_person() {
    // "Nairobi" is a city in the sample table; here it is also a surname.
    let text = "Police named the attacker as Sami Nairobi. Nairobi, who was 20, had \
                left notes. It is not clear how Nairobi changed.";
    let rs = run(
        text,
        &[
            ("Sami Nairobi", Person),
            ("Nairobi", Place),
            ("Nairobi", Place),
        ],
    );
    let people: Vec<(&str, usize)> = rs
        .iter()
        .filter(|r| r.kind == Person)
        .map(|r| (r.name.as_str(), r.mentions.len()))
        .collect();
    assert_eq!(people, [("Sami Nairobi", 3)]);
    assert!(names_of_kind(&rs, Place).is_empty());
    // Where a place stands, the city stays.
    let text = "Police named the attacker as Sami Nairobi. His family moved to Nairobi, \
                and an office in Nairobi, Kenya, helped.";
    let rs = run(
        text,
        &[
            ("Sami Nairobi", Person),
            ("Nairobi", Place),
            ("Nairobi", Place),
        ],
    );
    assert_eq!(names_of_kind(&rs, Place), ["Nairobi", "Kenya"]);
}

#[test]
fn a_paragraph_naming_a_country_only_after_a_place_does_not_place_it() {
    // The paragraph names Peru only after the clinic, as the home of a team.
    let text = "Kenya and Kenya talked. Kenya spoke.\n\nThe Kelda Clinic reopened on Friday. \
                A Peruvian team will stay until May.";
    assert_eq!(
        unknown_place_country(text, "Kelda Clinic", &[]).as_deref(),
        Some("KE")
    );
}

#[test]
fn a_country_inside_an_organisations_name_does_not_place_a_place() {
    let text = "Peru and Peru talked. The Kenya Weather Service placed the storm near the \
                town of Kelda.";
    assert_eq!(
        unknown_place_country(text, "Kelda", &[("Kenya Weather Service", Org)]).as_deref(),
        Some("PE")
    );
}

#[test]
fn an_unknown_place_far_from_any_country_takes_the_one_whose_places_the_text_names() {
    // Chile and Kenya are named once each, but the story is set in three
    // Kenyan cities: a site in a paragraph naming no country lies in Kenya
    // (not in Chile, first by code).
    let text = "A Chilean tourist flew from Kenya's coast at Mombasa to Nairobi and Kisumu.\n\n\
                The guide met him at Kelda Gardens.";
    let rs = run_world(
        text,
        &[
            ("Mombasa", Place),
            ("Nairobi", Place),
            ("Kisumu", Place),
            ("Kelda Gardens", Place),
        ],
    );
    let site = place(&rs, "Kelda Gardens").and_then(code);
    assert_eq!(site.as_deref(), Some("KE"), "{rs:?}");
}

#[test]
fn a_storm_named_once_with_its_kind_is_no_person_when_named_alone() {
    let text = "Hurricane Marlowe grew stronger on Monday. Marlowe then hit the coast, \
                and forecasters said Marlowe would weaken. The National Hurricane Center \
                warned Governor Ana Ruiz.";
    let rs = run_world(
        text,
        &[
            ("Hurricane Marlowe", Misc),
            ("Marlowe", Person),
            ("Marlowe", Person),
            ("National Hurricane Center", Org),
            ("Ana Ruiz", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), vec!["Ana Ruiz"], "{rs:?}");
    assert!(
        names_of_kind(&rs, Org).contains(&"National Hurricane Center"),
        "{rs:?}"
    );
    // The storm word right before a one-word name the tagger read alone.
    let text = "Typhoon Kesi neared land. Kesi was the fifth typhoon this year.";
    let rs = run_world(text, &[("Kesi", Person), ("Kesi", Person)]);
    assert!(names_of_kind(&rs, Person).is_empty(), "{rs:?}");
}

#[test]
fn a_one_word_name_only_ever_after_an_article_is_no_person() {
    // A store named only as "a Brixmart store" and "the Brixmart".
    let text = "A man shot shoppers at a Brixmart store on Saturday. Police reached \
                the Brixmart minutes later, said Chief Tom Hale.";
    let rs = run_world(
        text,
        &[
            ("Brixmart", Person),
            ("Brixmart", Person),
            ("Tom Hale", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), vec!["Tom Hale"], "{rs:?}");
    assert!(names_of_kind(&rs, Org).contains(&"Brixmart"), "{rs:?}");
    // A person named bare elsewhere, or whose administration is meant, stays one.
    let text = "The Dalton plan failed. Dalton said he would try again.";
    let rs = run_world(text, &[("Dalton", Person), ("Dalton", Person)]);
    assert_eq!(names_of_kind(&rs, Person), vec!["Dalton"], "{rs:?}");
    let text = "Sanctions target the Dalton administration's allies.";
    let rs = run_world(text, &[("Dalton", Person)]);
    assert_eq!(names_of_kind(&rs, Person), vec!["Dalton"], "{rs:?}");
}

#[test]
fn a_name_right_after_the_noun_for_a_body_is_that_body() {
    let text = "Members of the rail union Trakko walked out, and the newspaper Glasfeld \
                reported it; their leader Ivo Marek spoke.";
    let rs = run_world(
        text,
        &[
            ("Trakko", Person),
            ("Glasfeld", Person),
            ("Ivo Marek", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), vec!["Ivo Marek"], "{rs:?}");
    let orgs = names_of_kind(&rs, Org);
    assert!(
        orgs.contains(&"Trakko") && orgs.contains(&"Glasfeld"),
        "{rs:?}"
    );
}

#[test]
fn social_networks_and_parties_without_a_party_word_are_organisations() {
    let text = "She thanked voters on Instagram and Telegram after Plaid Cymru and \
                Fidesz won seats.";
    let rs = run_world(
        text,
        &[
            ("Instagram", Person),
            ("Telegram", Place),
            ("Plaid Cymru", Person),
            ("Fidesz", Person),
        ],
    );
    assert!(names_of_kind(&rs, Person).is_empty(), "{rs:?}");
    assert!(names_of_kind(&rs, Place).is_empty(), "{rs:?}");
    assert_eq!(names_of_kind(&rs, Org).len(), 4, "{rs:?}");
}

#[test]
fn a_division_named_by_its_kind_takes_the_country_of_its_core_name() {
    // "Cork" is a city in Ireland; the text names Denmark (first by code) and
    // Ireland once each, and the paragraph of the warnings neither.
    let text = "The storm passed Denmark and neared Ireland.\n\n\
                Warnings covered County Cork and County Kelda.";
    let rs = run_world(
        text,
        &[
            ("Denmark", Place),
            ("Ireland", Place),
            ("County Cork", Place),
            ("County Kelda", Place),
        ],
    );
    let cork = place(&rs, "County Cork").and_then(code);
    assert_eq!(cork.as_deref(), Some("IE"), "{rs:?}");
    // A listed sibling the gazetteer cannot place keeps to its list's country.
    let kelda = place(&rs, "County Kelda").and_then(code);
    assert_eq!(kelda.as_deref(), Some("IE"), "{rs:?}");
}

#[test]
fn a_capital_the_inside_a_sentence_opens_a_publications_name() {
    let text = "The mayor resigned on Friday, according to The Morning Ledger. Aid \
                reached the Bahamas and a spokesman for The Harbour Greens said \
                talks in The Hague would follow.";
    let rs = run_world(
        text,
        &[
            ("Ledger", Place),
            ("Bahamas", Place),
            ("Harbour Greens", Org),
            ("Hague", Place),
        ],
    );
    let orgs = names_of_kind(&rs, Org);
    assert!(orgs.contains(&"The Morning Ledger"), "{rs:?}");
    assert!(orgs.contains(&"The Harbour Greens"), "{rs:?}");
    // A sentence's first word, and a city named with its article, are no such name.
    assert!(
        !orgs
            .iter()
            .any(|o| o.contains("Hague") || o.contains("mayor")),
        "{rs:?}"
    );
}

#[test]
fn french_honorifics_and_a_deity_are_no_part_of_a_persons_name() {
    let text = "Mme Dubreuil told the court that Jehovah guided her, said Ana Lowe.";
    let rs = run_world(
        text,
        &[
            ("Mme Dubreuil", Person),
            ("Jehovah", Person),
            ("Ana Lowe", Person),
        ],
    );
    assert_eq!(
        names_of_kind(&rs, Person),
        vec!["Dubreuil", "Ana Lowe"],
        "{rs:?}"
    );
}

#[test]
fn a_mall_or_zoo_is_a_place_and_a_faith_is_none() {
    let text = "Shots were fired near the Sunvale Mall, two miles from the Orrin \
                City Zoo; Christianity teaches mercy, the pastor said.";
    let rs = run_world(
        text,
        &[
            ("Sunvale Mall", Org),
            ("Orrin City Zoo", Org),
            ("Christianity", Place),
        ],
    );
    let places = names_of_kind(&rs, Place);
    assert!(places.contains(&"Sunvale Mall"), "{rs:?}");
    assert!(places.contains(&"Orrin City Zoo"), "{rs:?}");
    assert!(!places.contains(&"Christianity"), "{rs:?}");
}

#[test]
fn a_league_and_a_center_with_a_complement_are_whole_organisations() {
    let text = "Lawyers of the Dalmorian League for the Defence of Human Rights and \
                the Kestrel Center for Investigative Journalism met at the Kestrel \
                Medical Center.";
    let rs = run_world(
        text,
        &[
            ("Defence of Human Rights", Org),
            ("Kestrel Center", Place),
            ("Investigative Journalism", Org),
            ("Kestrel Medical Center", Place),
        ],
    );
    let orgs = names_of_kind(&rs, Org);
    assert!(
        orgs.contains(&"Dalmorian League for the Defence of Human Rights"),
        "{rs:?}"
    );
    assert!(
        orgs.contains(&"Kestrel Center for Investigative Journalism"),
        "{rs:?}"
    );
    assert_eq!(
        names_of_kind(&rs, Place),
        vec!["Kestrel Medical Center"],
        "{rs:?}"
    );
}

#[test]
fn two_surnames_joined_by_a_dash_before_a_noun_name_no_one() {
    let text = "The storm reached Category 4 on the Brannock\u{2013}Tilley scale, said \
                Eva Roe-Lind, who also cited a Kestin-Marlow curve.";
    let rs = run_world(
        text,
        &[
            ("Brannock", Place),
            ("Tilley", Person),
            ("Eva Roe-Lind", Person),
            ("Kestin", Person),
        ],
    );
    assert_eq!(names_of_kind(&rs, Person), vec!["Eva Roe-Lind"], "{rs:?}");
    assert!(names_of_kind(&rs, Place).is_empty(), "{rs:?}");
}

#[test]
fn a_facility_named_after_its_town_lies_in_the_towns_country() {
    // The nearest country before it in the sentence is another one.
    let text = "American officials said the convoy left Nairobi International Airport at night.";
    let rs = run(text, &[("Nairobi International Airport", Place)]);
    let s = summary(&rs);
    assert!(
        s.contains(&row("Nairobi International Airport", Place, Some("KE"), 1)),
        "{s:?}"
    );
}

#[test]
fn names_listed_under_a_heading_of_bodies_are_bodies() {
    let text = "The ministry designated three groups:\n\nClan Vega\n\nSendero Rojo (SR)\n\n\
                Los Halcones\n\nThe designations take effect today. Maria Ruiz said so.";
    let rs = run(
        text,
        &[
            ("Clan Vega", Person),
            ("Sendero Rojo", Place),
            ("Los Halcones", Org),
            ("Maria Ruiz", Person),
        ],
    );
    let s = summary(&rs);
    assert!(s.contains(&row("Clan Vega", Org, None, 1)), "{s:?}");
    assert!(s.contains(&row("Sendero Rojo", Org, None, 1)), "{s:?}");
    assert!(s.contains(&row("Maria Ruiz", Person, None, 1)), "{s:?}");
    // Under a heading of people, people stay people.
    let text = "The ministry designated two people:\n\nJuan Vega\n\nLuis Soto\n\nThey were fined.";
    let rs = run(text, &[("Juan Vega", Person), ("Luis Soto", Person)]);
    let s = summary(&rs);
    assert!(s.contains(&row("Juan Vega", Person, None, 1)), "{s:?}");
}

#[test]
fn a_persons_country_from_an_office_in_apposition() {
    for text in [
        "Officials said Ana Soto, Peru's trade minister, arrived.",
        "The strike killed Ana Soto, head of Peru's navy, on Friday.",
        "Reporters met Ana Soto, the Peruvian envoy, on Monday.",
        "He met Ana Soto, president of Peru, in Lima.",
    ] {
        let rs = run(text, &[("Ana Soto", Person)]);
        let s = summary(&rs);
        assert!(
            s.contains(&row("Ana Soto", Person, Some("PE"), 1)),
            "{text}: {s:?}"
        );
    }
    // A list, no apposition: the country after the next name is not hers.
    let text = "Ana Soto, Juan Vega and Peru's envoy met.";
    let rs = run(text, &[("Ana Soto", Person), ("Juan Vega", Person)]);
    let s = summary(&rs);
    assert!(s.contains(&row("Ana Soto", Person, None, 1)), "{s:?}");
}

#[test]
fn a_movement_takes_the_territory_it_claims() {
    let text = "The Islamic State of Kenya and the Levant claimed the attack in Peru.";
    let rs = run(text, &[("Islamic State", Org)]);
    let s = summary(&rs);
    assert!(
        s.iter()
            .any(|r| r.0 == "Islamic State of Kenya and the Levant" && r.1 == Org),
        "{s:?}"
    );
    assert!(
        !s.iter().any(|r| r.0 == "Kenya" || r.0 == "Levant"),
        "{s:?}"
    );
    assert!(s.contains(&row("Peru", Place, Some("PE"), 1)), "{s:?}");
}

#[test]
fn a_place_written_as_a_modifier_is_a_place() {
    let text = "The Nairobi-based charity and a Cuba-backed group met. A Kenyan-led team joined.";
    let rs = run(
        text,
        &[
            ("Nairobi-based", Misc),
            ("Cuba-backed", Misc),
            ("Kenyan-led", Misc),
        ],
    );
    let s = summary(&rs);
    assert!(s.contains(&row("Nairobi", Place, Some("KE"), 1)), "{s:?}");
    assert!(s.contains(&row("Cuba", Place, Some("CU"), 1)), "{s:?}");
    // A demonym glued to a participle names no place.
    assert!(
        !s.iter().any(|r| r.1 == Place && r.0.starts_with("Kenya")),
        "{s:?}"
    );
}

#[test]
fn an_outlet_named_after_a_place_is_the_outlet() {
    // The tagger cut the outlet's name: its place is no place of the story.
    let text = "Agence France-Presse reported that Peru closed its border.";
    let rs = run(text, &[("Agence", Org), ("France", Place), ("Peru", Place)]);
    let s = summary(&rs);
    assert!(
        s.iter()
            .any(|r| r.0 == "Agence France-Presse" && r.1 == Org),
        "{s:?}"
    );
    assert!(!s.iter().any(|r| r.0 == "France"), "{s:?}");
    assert!(s.contains(&row("Peru", Place, Some("PE"), 1)), "{s:?}");
    // A credit line: the word before the colon is no part of the name.
    let text = "Peru closed its border. Photo: Agence France-Presse.";
    let rs = run(text, &[("Peru", Place), ("Agence", Org), ("France", Place)]);
    let s = summary(&rs);
    assert!(
        s.iter()
            .any(|r| r.0 == "Agence France-Presse" && r.1 == Org),
        "{s:?}"
    );
}

#[test]
fn a_us_leader_named_by_title_alone_is_american() {
    let text = "President Joseph R. Biden, Jr. welcomed President Juan Vega to the capital. \
                Vice President Kamala Harris joined them.";
    let rs = run(
        text,
        &[
            ("Joseph R. Biden", Person),
            ("Juan Vega", Person),
            ("Kamala Harris", Person),
        ],
    );
    let s = summary(&rs);
    assert!(
        s.contains(&row("Joseph R. Biden", Person, Some("US"), 1)),
        "{s:?}"
    );
    assert!(
        s.contains(&row("Kamala Harris", Person, Some("US"), 1)),
        "{s:?}"
    );
    // Another president's title says nothing of his country.
    assert!(s.contains(&row("Juan Vega", Person, None, 1)), "{s:?}");
}

#[test]
fn a_us_leader_named_by_office_and_surname_is_american() {
    let text =
        "President Obama called President Vega. Vice President Cheney and Senator Bush listened.";
    let rs = run(
        text,
        &[
            ("Obama", Person),
            ("Vega", Person),
            ("Cheney", Person),
            ("Bush", Person),
        ],
    );
    let s = summary(&rs);
    assert!(s.contains(&row("Obama", Person, Some("US"), 1)), "{s:?}");
    assert!(s.contains(&row("Cheney", Person, Some("US"), 1)), "{s:?}");
    // Only the office of president says so: a senator Bush may be anyone's.
    assert!(s.contains(&row("Bush", Person, None, 1)), "{s:?}");
    assert!(s.contains(&row("Vega", Person, None, 1)), "{s:?}");
}

#[test]
fn a_us_leader_named_with_a_suffix_is_american() {
    let text = "President Joseph R. Biden Jr. called Prime Minister Ana Lind today.";
    let rs = run(
        text,
        &[("Joseph R. Biden Jr.", Person), ("Ana Lind", Person)],
    );
    let s = summary(&rs);
    assert!(
        s.contains(&row("Joseph R. Biden Jr.", Person, Some("US"), 1)),
        "{s:?}"
    );
    assert!(s.contains(&row("Ana Lind", Person, None, 1)), "{s:?}");
}

#[test]
fn a_body_introduced_by_a_demonym_takes_its_country() {
    let text = "A buyer acquired French engine and gearbox maker Valdor Industries. \
                Valdor Industries said so.";
    let rs = run(
        text,
        &[("Valdor Industries", Org), ("Valdor Industries", Org)],
    );
    let s = summary(&rs);
    assert!(
        s.contains(&row("Valdor Industries", Org, Some("FR"), 2)),
        "{s:?}"
    );
    // A demonym before a determiner describes something else.
    let text = "French troops attacked the group Valdor Industries.";
    let rs = run(text, &[("Valdor Industries", Org)]);
    let s = summary(&rs);
    assert!(s.contains(&row("Valdor Industries", Org, None, 1)), "{s:?}");
}

#[test]
fn countries_joined_by_a_dash_are_no_person() {
    let text = "They held Japan-China talks with Ana Lind in Tokyo.";
    let rs = run(text, &[("Japan-China", Person), ("Ana Lind", Person)]);
    let s = summary(&rs);
    assert!(!s.iter().any(|r| r.0 == "Japan-China"), "{s:?}");
    assert!(s.contains(&row("Ana Lind", Person, None, 1)), "{s:?}");
}

#[test]
fn the_countries_of_an_alliance_named_for_them_are_places() {
    let text = "Both reaffirmed the U.S.-Japan Alliance.";
    let rs = run(text, &[("U.S.-Japan Alliance", Org)]);
    let names: Vec<_> = summary(&rs).into_iter().map(|r| (r.0, r.1)).collect();
    assert_eq!(
        names,
        [("U.S.".to_string(), Place), ("Japan".to_string(), Place)]
    );
}

#[test]
fn a_government_named_of_its_country_is_the_country() {
    let text = "Officials will work with the Government of Japan and the Federal Government of \
                the United States of America. The Government of Ruritania declined.";
    let rs = run(
        text,
        &[
            ("Government of Japan", Org),
            ("Federal Government of the United States of America", Org),
            ("Government of Ruritania", Org),
        ],
    );
    assert_eq!(
        summary(&rs),
        vec![
            row("Japan", Place, Some("JP"), 1),
            row("United States of America", Place, Some("US"), 1),
            row("Government of Ruritania", Org, None, 1),
        ]
    );
}

#[test]
fn a_government_s_country_is_mentioned_by_its_name_alone() {
    let text = "Officials will work with the Government of Japan.";
    let geo = Table::sample();
    let tokens = tokenize(text);
    let (entities, _) = link(
        text,
        &tokens,
        &spans(text, &tokens),
        &mentions(text, &[("Government of Japan", Org)]),
        &geo.find(text),
        &geo,
    );
    let surfaces: Vec<_> = entities
        .iter()
        .filter_map(|e| text.get(e.span.clone()))
        .collect();
    assert_eq!(surfaces, ["Japan"]);
}

#[test]
fn a_word_for_a_state_after_an_article_is_no_place() {
    let places = |text: &str| -> Vec<String> {
        run_world(text, &[("Republic", Place)])
            .into_iter()
            .filter(|r| r.kind == Place)
            .map(|r| r.name)
            .collect()
    };
    assert!(places("Founders shaped the Republic.").is_empty());
    // A town called Republic lies in Missouri.
    assert_eq!(
        places("They grew up in Republic, Missouri."),
        ["Republic", "Missouri"]
    );
}

#[test]
fn a_country_before_a_word_of_a_common_noun_is_the_country() {
    let text = "He ranks third in the U.S. Federal government.";
    let rs = run(text, &[("U.S. Federal", Place)]);
    assert_eq!(summary(&rs), vec![row("U.S.", Place, Some("US"), 1)]);
}

#[test]
fn a_capital_the_read_into_a_country_name_is_no_part_of_it() {
    let text = "Talks ended. The Ethiopia delegation left, and Peru stayed.";
    let rs = run(text, &[("The Ethiopia", Place), ("Peru", Place)]);
    assert_eq!(
        summary(&rs),
        vec![
            row("Ethiopia", Place, Some("ET"), 1),
            row("Peru", Place, Some("PE"), 1)
        ]
    );
}

#[test]
fn the_stays_in_the_names_that_hold_it() {
    let geo = super::geo::world();
    let text = "The Gambia and The Peru talks.";
    let span = |s: &str| {
        let i = text.find(s).unwrap_or(0);
        i..i + s.len()
    };
    assert_eq!(fix::country_after_the(text, &span("The Gambia"), geo), None);
    assert_eq!(
        fix::country_after_the(text, &span("The Peru"), geo),
        Some(span("Peru"))
    );
}

#[test]
fn a_name_after_a_prefix_is_a_modifier_no_place() {
    let text = "Non-Kenya firms and pro-Peru groups met in Peru.";
    let rs = run(
        text,
        &[("Non-Kenya", Place), ("pro-Peru", Place), ("Peru", Place)],
    );
    let places: Vec<_> = summary(&rs).into_iter().filter(|r| r.1 == Place).collect();
    assert_eq!(places, vec![row("Peru", Place, Some("PE"), 1)]);
}
