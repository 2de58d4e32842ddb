//! Country focus over hand-made mentions and a small gazetteer table.

use super::*;
use crate::nlp::link::geo::Geo;
use crate::nlp::link::geo::table::Table;
use crate::nlp::link::link;
use crate::nlp::ner::Mention;
use crate::nlp::{sentence, token};

fn codes(list: &[CountryScore]) -> Vec<String> {
    list.iter().map(|c| c.code.to_string()).collect()
}

fn run(title: &str, text: &str, people: &[&str]) -> (Vec<CountryScore>, Vec<CountryScore>) {
    run_with_actor(title, text, people, None)
}

/// [`run`], with one commitment whose actor is the referent named `actor`.
fn run_with_actor(
    title: &str,
    text: &str,
    people: &[&str],
    actor: Option<&str>,
) -> (Vec<CountryScore>, Vec<CountryScore>) {
    run_on(&Table::sample(), title, text, people, actor)
}

/// [`run_with_actor`] on a given table.
fn run_on(
    geo: &Table,
    title: &str,
    text: &str,
    people: &[&str],
    actor: Option<&str>,
) -> (Vec<CountryScore>, Vec<CountryScore>) {
    let named: Vec<(&str, EntityKind)> = people.iter().map(|p| (*p, EntityKind::Person)).collect();
    run_named(geo, title, text, &named, actor)
}

/// [`run_on`] with names of any kind, each found wherever the text has it.
fn run_named(
    geo: &Table,
    title: &str,
    text: &str,
    named: &[(&str, EntityKind)],
    actor: Option<&str>,
) -> (Vec<CountryScore>, Vec<CountryScore>) {
    let tokens = token::tokenize(text);
    let sentences = sentence::split(text, &tokens);
    let mut mentions: Vec<Mention> = named
        .iter()
        .flat_map(|(p, kind)| {
            text.match_indices(p).map(|(i, _)| Mention {
                span: i..i + p.len(),
                kind: *kind,
            })
        })
        .collect();
    mentions.sort_by_key(|m| m.span.start);
    let hits = geo.find(text);
    let title_hits = geo.find(title);
    let spans: Vec<_> = sentences.iter().map(|s| s.span.clone()).collect();
    let (entities, referents) = link(text, &tokens, &spans, &mentions, &hits, geo);
    let commitments: Vec<Commitment> = actor
        .and_then(|a| referents.iter().position(|r| r.name == a))
        .map(|r| Commitment {
            actor: referents[r].name.clone(),
            actor_referent: Some(r),
            actor_members: Vec::new(),
            speaker: None,
            kind: crate::nlp::CommitmentKind::Pledge,
            sentence: 0..text.len(),
            trigger: 0..0,
            action: 0..0,
        })
        .into_iter()
        .collect();
    let story = Story {
        title,
        text,
        sentences: &sentences,
        entities: &entities,
        referents: &referents,
        hits: &hits,
        title_hits: &title_hits,
        commitments: &commitments,
    };
    score(&story)
}

#[test]
fn focus_is_the_countries_the_story_is_about() {
    let (focus, mentioned) = run(
        "Kenyan president meets Peruvian envoy",
        "Kenyan President Ruto met a Peruvian envoy in Nairobi. Kenya and Peru agreed to expand trade. \
         Peru will send experts. Kenya welcomed them, citing its work with France before Taiwan talks.",
        &["Ruto"],
    );
    assert_eq!(codes(&focus), ["KE", "PE"]);
    let all = codes(&mentioned);
    assert!(
        all.contains(&"FR".to_string()) && all.contains(&"TW".to_string()),
        "{all:?}"
    );
    let fr = mentioned
        .iter()
        .find(|c| c.code.as_str() == "FR")
        .map(|c| c.score)
        .unwrap_or(1.0);
    assert!(
        fr < 0.3,
        "a country named once in passing is not focus: {fr}"
    );
    for c in &mentioned {
        assert!(!c.evidence.is_empty() && (0.0..=1.0).contains(&c.score));
        assert!(c.evidence.windows(2).all(|w| w[0].start <= w[1].start));
    }
}

#[test]
fn a_capital_counts_for_its_country() {
    let (focus, _) = run(
        "Talks in Havana",
        "Havana said on Monday that talks with Chile went well. Havana will host more.",
        &[],
    );
    assert_eq!(codes(&focus).first().map(String::as_str), Some("CU"));
}

#[test]
fn nothing_named_nothing_scored() {
    let (focus, mentioned) = run("Weather", "It rained all day.", &[]);
    assert!(focus.is_empty() && mentioned.is_empty());
}

#[test]
fn a_country_that_commits_is_in_focus() {
    let title = "Readout of the President's call with President Ruto of Kenya";
    let text = "The President spoke with President Ruto of Kenya. Ruto thanked Kenya's partners. \
                Kenya and its people face drought. Kenyan farmers struggle. \
                The United States will send aid to Kenya.";
    let (focus, mentioned) = run_with_actor(title, text, &["Ruto"], None);
    assert_eq!(
        codes(&focus),
        ["KE"],
        "named once, the US is only mentioned"
    );
    assert!(codes(&mentioned).contains(&"US".to_string()));
    let (focus, _) = run_with_actor(title, text, &["Ruto"], Some("United States"));
    assert_eq!(codes(&focus), ["KE", "US"]);
}

#[test]
fn a_city_named_as_the_headline_venue_is_mentioned_not_focus() {
    for title in [
        "Kenya and Peru hold talks in Paris",
        "Paris summit on Kenya and Peru",
    ] {
        let (focus, mentioned) = run(
            title,
            "Kenya and Peru agreed to expand trade. Kenya will send experts to Peru.",
            &[],
        );
        assert_eq!(codes(&focus), ["KE", "PE"], "{title}");
        assert!(codes(&mentioned).contains(&"FR".to_string()), "{title}");
    }
    // Not a venue: the headline is about the city.
    let (focus, _) = run(
        "Paris mourns",
        "Kenya and Peru sent condolences. Kenya will send experts to Peru.",
        &[],
    );
    assert!(codes(&focus).contains(&"FR".to_string()));
}

#[test]
fn a_person_named_in_the_headline_is_not_the_place_of_that_name() {
    let (focus, mentioned) = run(
        "Kenya dismisses adviser Jordan",
        "Kenya dismissed its adviser Paul Jordan on Monday. Kenya will name a successor.",
        &["Paul Jordan"],
    );
    assert_eq!(codes(&focus), ["KE"]);
    assert!(!codes(&mentioned).contains(&"JO".to_string()));
}

#[test]
fn a_region_sharing_a_towns_name_counts_for_no_country() {
    // "Asia" is also a town in Peru: the region is no evidence for Peru.
    let mut geo = Table::sample();
    geo.cities.push(("Asia", "PE", 5_000, false));
    let (_, mentioned) = run_on(
        &geo,
        "Trade",
        "Kenya sold tea across Asia. Kenya will sell more.",
        &[],
        None,
    );
    assert_eq!(codes(&mentioned), ["KE"]);
}

#[test]
fn a_country_a_third_as_present_as_the_subject_is_only_mentioned() {
    let (focus, mentioned) = run(
        "Floods in Kenya",
        "Floods hit Kenya on Monday. Kenya said roads were closed. Rescuers in Nairobi \
         worked all night. Aid came from Peru, and Peru sent two planes.",
        &[],
    );
    let pe = mentioned
        .iter()
        .find(|c| c.code.as_str() == "PE")
        .map_or(0.0, |c| c.score);
    // Named twice in the body (in one sentence), no party to anything, at
    // under 0.4 of Kenya.
    assert!((0.15..0.4).contains(&pe), "PE scored {pe}");
    assert_eq!(codes(&focus), ["KE"]);
}

#[test]
fn a_leader_quoted_again_and_again_does_not_crowd_out_the_other_party() {
    // Ruto is named eight times, the Peruvian minister once: Peru is still a
    // party to the talks, not a country named in passing.
    let (focus, mentioned) = run(
        "Tea trade talks end",
        "Kenyan President William Ruto met the Peruvian trade minister Ana Soto on Monday. \
         Ruto said trade must grow. Ruto added that exports rose. Ruto praised farmers. \
         Ruto thanked his hosts. Ruto left on Tuesday. Ruto will return. Ruto smiled. \
         Ruto waved. Talks will go on, said the Peruvian minister, and Peru will buy more tea.",
        &["Ana Soto", "William Ruto", "Ruto"],
    );
    let mut focus = codes(&focus);
    focus.sort();
    let scores: Vec<(String, f32)> = mentioned
        .iter()
        .map(|c| (c.code.to_string(), c.score))
        .collect();
    assert_eq!(focus, ["KE", "PE"], "{scores:?}");
}

#[test]
fn a_list_of_one_countrys_towns_in_one_sentence_is_not_many_references() {
    // Six US towns in one sentence weigh hardly more than one: Kenya, named
    // as the subject once and by its demonym, is still a party to the story.
    let mut geo = Table::sample();
    for town in ["Boston", "Denver", "Dallas", "Houston", "Austin"] {
        geo.cities.push((town, "US", 600_000, false));
    }
    let (focus, mentioned) = run_on(
        &geo,
        "Hundreds arrested in fraud sweep",
        "Police arrested 300 people in Atlanta, Boston, Denver, Dallas, Houston and Austin. \
         Kenya ran the servers, Kenyan police said.",
        &[],
        None,
    );
    let scores: Vec<(String, f32)> = mentioned
        .iter()
        .map(|c| (c.code.to_string(), c.score))
        .collect();
    let mut focus = codes(&focus);
    focus.sort();
    assert_eq!(focus, ["KE", "US"], "{scores:?}");
}

#[test]
fn a_town_in_the_headline_counts_only_for_a_country_the_body_names() {
    // "Airport" is also a town in California; the body never names the US.
    let mut geo = Table::sample();
    geo.cities.push(("Airport", "US", 29_000, false));
    let (focus, mentioned) = run_on(
        &geo,
        "Fire closes Nairobi Airport",
        "A fire closed the airport in Nairobi on Tuesday. Kenya said flights would resume. \
         Kenya will inspect the car park.",
        &[],
        None,
    );
    assert_eq!(codes(&focus), ["KE"]);
    assert_eq!(codes(&mentioned), ["KE"]);
}

#[test]
fn a_currency_prefix_is_a_mention_not_a_subject() {
    assert!(currency("It cost US$40 million", &(8..10)));
    assert!(!currency("It cost US 40 dollars", &(8..10)));
    // "US$" at the start of three sentences would rival Kenya as a subject.
    let a = crate::nlp::analyze_text(
        "Kenya rebuilds dams after floods",
        "Kenya began rebuilding three dams on Monday. US$40 million came from donors. \
         US$10 million more will follow next year. US$5 million pays for roads.",
    );
    let focus = codes(&a.focus);
    assert_eq!(focus, ["KE"], "{:?}", a.mentioned);
    assert!(codes(&a.mentioned).contains(&"US".to_string()));
}

#[test]
fn a_country_naming_the_people_the_story_follows_weighs_more() {
    assert!(
        PEOPLE.windows(2).all(|w| w[0] < w[1]),
        "PEOPLE must stay sorted"
    );
    let text = "Two visitors died in Nairobi, Kenya. A man from Peru was among them. \
                Kenya said the Peruvian man had been ill. Kenya closed the hotel. \
                Kenya will investigate. Kenya thanked the police.";
    assert!(of_people(
        text,
        &(text.find("Peru").unwrap_or(0)..text.find("Peru").unwrap_or(0) + 4)
    ));
    let (focus, mentioned) = run("Visitors die in hotel", text, &[]);
    let scores: Vec<(String, f32)> = mentioned
        .iter()
        .map(|c| (c.code.to_string(), c.score))
        .collect();
    let mut focus = codes(&focus);
    focus.sort();
    assert_eq!(focus, ["KE", "PE"], "{scores:?}");
}

#[test]
fn the_government_under_the_byline_is_a_party_to_its_statement() {
    // The issuer is named once, among co-signers; the story is about Haiti.
    let text = "Office of the Spokesperson\n\n\
                The following statement was released by the Governments of the United States \
                of America, Chile, Peru and Japan.\n\n\
                We are concerned by the violence in Haiti. Haiti needs calm. \
                We call on the leaders of Haiti to talk.";
    let (focus, _) = run("Joint Statement on the Situation in Haiti", text, &[]);
    assert_eq!(codes(&focus), ["HT", "US"]);
    // The same statement without the byline: the co-signers stay mentions.
    let body = text.trim_start_matches("Office of the Spokesperson\n\n");
    let (focus, _) = run("Joint Statement on the Situation in Haiti", body, &[]);
    assert_eq!(codes(&focus), ["HT"]);
}

#[test]
fn the_issuer_stays_in_focus_however_much_the_story_is_about_another_country() {
    // Kenya is named in every sentence; the issuer once, in the signers' list.
    let text = "Office of the Spokesman\n\n\
                The following statement was released by the Governments of Chile and the \
                United States of America.\n\n\
                Kenya held elections. Kenya counted the votes. Kenya's courts ruled. \
                Kenya named a new cabinet. Kenyan voters waited. Kenya will recount. \
                Kenya's parliament met. Kenya's press reported it. Kenya's police kept order.";
    let (focus, mentioned) = run("Joint Statement on the Elections in Kenya", text, &[]);
    let us = mentioned.iter().find(|c| c.code.to_string() == "US");
    assert!(us.is_some_and(|c| c.score < PARTY_SHARE), "{mentioned:?}");
    assert_eq!(codes(&focus), ["KE", "US"]);
}

#[test]
fn a_white_house_readout_is_about_the_united_states() {
    let text = "The National Security Advisor met Kenyan Foreign Minister Jane Doe at the \
                White House. They discussed Kenya's elections, Kenya's debt and Kenyan trade. \
                Kenya and the United States will meet again.";
    let (focus, _) = run(
        "Readout of the Meeting with Kenya's Foreign Minister",
        text,
        &[],
    );
    assert_eq!(codes(&focus), ["KE", "US"]);
}

#[test]
fn a_leader_or_a_body_of_a_country_named_in_the_headline_makes_it_a_party() {
    // The surname before a suffix is the one the headline writes.
    let title = "Readout of President Joe Biden's call with President Ruto of Kenya";
    let text = "President Joseph R. Biden Jr. spoke today with President William Ruto \
                of Kenya. The leaders discussed trade, and Kenya welcomed the talks. \
                Ruto thanked Kenya's partners. President Biden thanked him.";
    let (focus, _) = run(
        title,
        text,
        &["Joseph R. Biden Jr.", "William Ruto", "Ruto", "Biden"],
    );
    assert!(codes(&focus).contains(&"US".to_string()), "{focus:?}");
    // A body whose country the description before its name gives.
    let title = "Kenyan firm buys Valdor Industries";
    let text = "Kenyan firm Safari Holdings bought French engine maker Valdor Industries \
                on Monday. Safari Holdings said Kenya's market grows. Nairobi traders \
                welcomed the deal, and Kenya expects more jobs.";
    let named = [
        ("Safari Holdings", EntityKind::Org),
        ("Valdor Industries", EntityKind::Org),
    ];
    let (focus, _) = run_named(&Table::sample(), title, text, &named, None);
    assert_eq!(codes(&focus), ["KE", "FR"], "{focus:?}");
}
