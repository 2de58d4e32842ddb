//! The country of each referent: a place's from the gazetteer (ambiguous city
//! names resolved by the words after them and the countries the text names),
//! a person's from a title in context ("Chinese Premier Li Qiang", "Prime
//! Minister Kishida of Japan", "the foreign minister of Cuba, Bruno
//! Rodríguez"), an organisation's from a country named in its name.

use super::fix::{title_case, token_at};
use super::geo::{Geo, GeoHit, GeoKind};
use super::titles::{is_office_word, is_title_word};
use super::words::WordSet;
use crate::nlp::gazetteer::RegionKind;
use crate::nlp::token::Token;
use crate::nlp::{CountryCode, Entity, EntityKind, Referent, Span};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::cmp::Reverse;

/// US states, so "Paris, Texas" and "Atlanta, Georgia" are read as American.
const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// [`US_STATES`] as a set: asked of every place named like a country.
static US_STATE_SET: WordSet = WordSet::new(&[US_STATES]);

/// Presidents and vice presidents of the United States since 2001, as given
/// names and surname: White House readouts name them by title alone ("President
/// Joseph R. Biden, Jr."), with no country, being the government's own.
const US_LEADERS: &[(&[&str], &str)] = &[
    (&["George"], "Bush"),
    (&["Dick", "Richard"], "Cheney"),
    (&["Barack"], "Obama"),
    (&["Joe", "Joseph"], "Biden"),
    (&["Donald"], "Trump"),
    (&["Mike", "Michael"], "Pence"),
    (&["Kamala"], "Harris"),
    (&["JD", "J.D.", "James"], "Vance"),
];

/// Generational suffixes written after a surname ("Joseph R. Biden Jr.").
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III"];

/// Whether a person's full name ("Joseph R. Biden", "Kamala Harris") is one
/// of the `US_LEADERS`: given name first, surname last (before a suffix).
fn us_leader(name: &str) -> bool {
    let mut words = name
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .filter(|w| !w.is_empty() && !NAME_SUFFIXES.contains(w));
    let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
        return false;
    };
    US_LEADERS
        .iter()
        .any(|(given, surname)| *surname == last && given.contains(&first))
}

fn us() -> Option<CountryCode> {
    CountryCode::new("US")
}

/// Fills `country` on every referent.
pub fn assign(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    referents: &mut [Referent],
    hits: &[GeoHit],
    geo: &dyn Geo,
) {
    // How often the text names each country (by name or demonym): context for ambiguity.
    // (Fx-hashed maps here: small keys, several lookups per entity; every
    // choice taken from them breaks ties by code, so their order never shows.)
    let mut named: FxHashMap<CountryCode, usize> = FxHashMap::default();
    for h in hits
        .iter()
        .filter(|h| matches!(h.kind, GeoKind::Country | GeoKind::Demonym))
    {
        *named.entry(h.code).or_default() += 1;
    }
    // The distinct words naming each country, built once: asking "is this country
    // named otherwise?" per place must not walk every hit (quadratic on long texts).
    let mut names_of: FxHashMap<CountryCode, Vec<&str>> = FxHashMap::default();
    for h in hits {
        let surface = text.get(h.span.clone()).unwrap_or("");
        let names = names_of.entry(h.code).or_default();
        if !names.contains(&surface) {
            names.push(surface);
        }
    }
    // The US states the text names, found only when a place asks (a country
    // name that is also a state, "Georgia"): fifty scans of every text cost
    // more than the rest of country assignment.
    let us_states: OnceCell<Vec<&str>> = OnceCell::new();
    // Each entity's vote for its referent's country, counted after: one list
    // sorted once instead of a hash map per referent.
    let mut votes: Vec<(usize, CountryCode)> = Vec::with_capacity(entities.len());
    // An organisation's country from the gazetteer's finds in its name, once
    // per name: a body is named again and again, and each search runs the
    // whole matcher over the name.
    let mut org_countries: FxHashMap<&str, Option<CountryCode>> = FxHashMap::default();
    for e in entities {
        let surface = text.get(e.span.clone()).unwrap_or("");
        let code = match e.kind {
            EntityKind::Place => {
                place_country(text, e, surface, &named, &us_states, &names_of, geo)
            }
            EntityKind::Person => person_country(text, tokens, entities, e, geo),
            EntityKind::Org => {
                let named = *org_countries
                    .entry(surface)
                    .or_insert_with(|| org_country(surface, geo));
                named.or_else(|| introduced_by_demonym(text, e, geo))
            }
            EntityKind::Misc => None,
        };
        if let Some(c) = code
            && e.referent < referents.len()
        {
            votes.push((e.referent, c));
        }
    }
    votes.sort_unstable();
    for r in referents.iter_mut() {
        r.country = None;
    }
    for same_referent in votes.chunk_by(|a, b| a.0 == b.0) {
        // The country with most votes; a tie goes to the smallest code.
        let best = same_referent
            .chunk_by(|a, b| a.1 == b.1)
            .filter_map(|same| Some((same.len(), Reverse(same.first()?.1))))
            .max()
            .map(|(_, Reverse(c))| c);
        if let Some(r) = same_referent.first().and_then(|v| referents.get_mut(v.0)) {
            r.country = best;
        }
    }
    unknown_places(text, sentences, entities, referents, hits, &named, geo);
}

/// Places the gazetteer does not know ("Tigray", "Xinjiang", "Tell Tamer"): the
/// country the words around them give, in this order: a country named inside the
/// name; the town opening it ("Baghdad International Airport"); a country or
/// place right after ("Tell Tamer, Syria", "a hospital in
/// Oxford"); the nearest in its sentence, before it if any ("the PRC's practices
/// in Xinjiang"); the country its paragraph names most; the country the text
/// names most. Regions, seas and oceans between countries get none.
/// Places resolved this way count as evidence for the next ones, so a list
/// ("Xinjiang, Tibet, and Hong Kong") keeps to one country.
fn unknown_places(
    text: &str,
    sentences: &[Span],
    entities: &[Entity],
    referents: &mut [Referent],
    hits: &[GeoHit],
    named: &FxHashMap<CountryCode, usize>,
    geo: &dyn Geo,
) {
    // Evidence: country names and demonyms, and every place whose country is
    // known; a country inside an organisation's name ("the United States
    // Geological Survey placed the quake near Guánica") says nothing of where
    // a place lies.
    let mut evidence: Vec<(Span, CountryCode)> = hits
        .iter()
        .filter(|h| matches!(h.kind, GeoKind::Country | GeoKind::Demonym))
        .filter(|h| !inside_org(entities, &h.span))
        .map(|h| (h.span.clone(), h.code))
        .collect();
    evidence.extend(entities.iter().filter_map(|e| {
        let r = referents.get(e.referent)?;
        (e.kind == EntityKind::Place)
            .then_some(r.country)
            .flatten()
            .map(|c| (e.span.clone(), c))
    }));
    evidence.sort_by_key(|(span, _)| (span.start, span.end));
    evidence.dedup_by_key(|(span, _)| span.start);
    let mut resolved: Vec<(Span, CountryCode)> = Vec::new();
    // Built on first need: most texts have no place left unresolved that far.
    let paragraphs: OnceCell<Paragraphs> = OnceCell::new();
    let text_dominant: OnceCell<Option<CountryCode>> = OnceCell::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Place) {
        if referents
            .get(e.referent)
            .is_none_or(|r| r.country.is_some() || spans_several_countries(&r.name, geo))
        {
            continue;
        }
        let sentence = sentences
            .get(sentences.partition_point(|s| s.end <= e.span.start))
            .filter(|s| s.start <= e.span.start)
            .cloned()
            .unwrap_or(e.span.clone());
        let code = named_within(e, &evidence)
            .or_else(|| opened_by_town(text, e, hits))
            .or_else(|| qualified_by(text, e, &evidence))
            .or_else(|| sentence_country(&sentence, e, &evidence, &resolved))
            .or_else(|| {
                paragraphs
                    .get_or_init(|| Paragraphs::new(text, hits, entities))
                    .dominant(e.span.start, &evidence)
            })
            .or_else(|| *text_dominant.get_or_init(|| named_most(named, &evidence)));
        if let (Some(code), Some(r)) = (code, referents.get_mut(e.referent)) {
            r.country = Some(code);
            // Entities come in text order, so this list stays sorted (inserting into
            // `evidence` instead would be quadratic on a text of many unknown places).
            resolved.push((e.span.clone(), code));
        }
    }
}

/// The country the text names most (by name or demonym); of several named
/// as often, the one with most known places in the text, then the smallest
/// code: a story set in Christchurch about an Australian gunman names New
/// Zealand and Australia as often, but its places lie in New Zealand.
fn named_most(
    named: &FxHashMap<CountryCode, usize>,
    evidence: &[(Span, CountryCode)],
) -> Option<CountryCode> {
    let best = named.values().copied().max()?;
    let places = |c: CountryCode| evidence.iter().filter(|(_, e)| *e == c).count();
    named
        .iter()
        .filter(|&(_, &n)| n == best)
        .map(|(&c, _)| (places(c), Reverse(c)))
        .max()
        .map(|(_, Reverse(c))| c)
}

/// Whether `span` lies inside an organisation's mention (entities are sorted
/// and disjoint).
fn inside_org(entities: &[Entity], span: &Span) -> bool {
    let i = entities.partition_point(|e| e.span.end <= span.start);
    entities.get(i).is_some_and(|e| {
        e.kind == EntityKind::Org && e.span.start <= span.start && span.end <= e.span.end
    })
}

/// Regions, seas and oceans that span several countries, and former states:
/// they belong to none ("Europe", "the Western Balkans", "the Indian Ocean",
/// "the Soviet Union").
fn spans_several_countries(name: &str, geo: &dyn Geo) -> bool {
    const QUALIFIERS: &[&str] = &[
        "Central ",
        "East ",
        "Eastern ",
        "North ",
        "Northern ",
        "South ",
        "Southeast ",
        "Southern ",
        "Sub-Saharan ",
        "West ",
        "Western ",
    ];
    let name = name.strip_prefix("the ").unwrap_or(name);
    let bare = QUALIFIERS
        .iter()
        .find_map(|q| name.strip_prefix(q))
        .unwrap_or(name);
    // Straits, seas and oceans mostly lie between countries ("Taiwan Strait",
    // "Strait of Hormuz", "Gulf of Oman").
    let water = [" Ocean", " Sea", " Strait"]
        .iter()
        .any(|w| name.ends_with(w))
        || [
            "Strait of ",
            "Straits of ",
            "Gulf of ",
            "Sea of ",
            "Bay of ",
        ]
        .iter()
        .any(|w| name.starts_with(w));
    let area = |n: &str| geo.region(n).is_some_and(|r| r.kind != RegionKind::Admin);
    // "South and Central Asia": the compass word shares the region's name.
    let shared = || {
        name.split_once(" and ")
            .is_some_and(|(_, last)| spans_several_countries(last, geo))
    };
    water || area(name) || area(bare) || shared()
}

/// A country named inside the place's own name ("U.S. Federal Plaza").
fn named_within(e: &Entity, evidence: &[(Span, CountryCode)]) -> Option<CountryCode> {
    let from = evidence.partition_point(|(span, _)| span.start < e.span.start);
    evidence
        .get(from..)?
        .iter()
        .take_while(|(span, _)| span.end <= e.span.end)
        .next()
        .map(|(_, code)| *code)
}

/// Buildings and sites that take the name of the town they serve. (Not a
/// division, "Palm Beach County", read with the countries the text names; nor
/// a route or region, "Lobito Corridor", that may run through several.)
const FACILITIES: &[&str] = &[
    "Airport",
    "Hospital",
    "Clinic",
    "Stadium",
    "Cathedral",
    "Mosque",
    "Temple",
    "Synagogue",
    "Prison",
    "Museum",
    "Palace",
    "Station",
    "Port",
    "Harbour",
    "Harbor",
];

/// "Baghdad International Airport", "Jolo Cathedral": a facility named after
/// the town it serves, its first words.
fn opened_by_town(text: &str, e: &Entity, hits: &[GeoHit]) -> Option<CountryCode> {
    let last = text.get(e.span.clone())?.rsplit(' ').next()?;
    if !FACILITIES.contains(&last) {
        return None;
    }
    let h = hits.get(hits.partition_point(|h| h.span.start < e.span.start))?;
    (h.span.start == e.span.start
        && h.span.end < e.span.end
        && matches!(h.kind, GeoKind::City | GeoKind::Capital))
    .then_some(h.code)
}

/// The country of the evidence right after a place: ", Syria" or " in Oxford".
fn qualified_by(text: &str, e: &Entity, evidence: &[(Span, CountryCode)]) -> Option<CountryCode> {
    let next = evidence.get(evidence.partition_point(|(span, _)| span.start < e.span.end))?;
    let between = text.get(e.span.end..next.0.start)?;
    matches!(between, ", " | " in " | " in the ").then_some(next.1)
}

/// The country of the nearest evidence in the place's sentence, before it if any
/// ("the PRC's practices in Xinjiang, Tibet and Hong Kong", "investment in Angola
/// ... in the Lobito Corridor"): a place after it is more often a sibling in a list
/// or a new topic than its container. `resolved` are the unknown places resolved
/// so far, all before this one.
fn sentence_country(
    sentence: &Span,
    e: &Entity,
    evidence: &[(Span, CountryCode)],
    resolved: &[(Span, CountryCode)],
) -> Option<CountryCode> {
    let nearest_before = |list: &[(Span, CountryCode)]| {
        let from = list.partition_point(|(span, _)| span.start < sentence.start);
        let at = list.partition_point(|(span, _)| span.start < e.span.start);
        list.get(from..at)?
            .iter()
            .rev()
            .find(|(span, _)| span.end <= e.span.start)
            .cloned()
    };
    let before = match (nearest_before(evidence), nearest_before(resolved)) {
        (Some(a), Some(b)) => Some(if a.0.end >= b.0.end { a } else { b }),
        (a, b) => a.or(b),
    };
    if let Some((_, code)) = before {
        return Some(code);
    }
    let at = evidence.partition_point(|(span, _)| span.start < e.span.start);
    let to = evidence.partition_point(|(span, _)| span.start < sentence.end);
    evidence
        .get(at..to)?
        .iter()
        .find(|(span, _)| span.start >= e.span.end)
        .map(|(_, code)| *code)
}

fn place_country(
    text: &str,
    e: &Entity,
    surface: &str,
    named: &FxHashMap<CountryCode, usize>,
    us_states: &OnceCell<Vec<&str>>,
    names_of: &FxHashMap<CountryCode, Vec<&str>>,
    geo: &dyn Geo,
) -> Option<CountryCode> {
    // A string of its own only for a name in capitals ("GEORGIA").
    let name: Cow<str> = if surface.chars().any(char::is_lowercase) {
        Cow::Borrowed(surface)
    } else {
        Cow::Owned(title_case(surface))
    };
    let after = text.get(e.span.end..).unwrap_or("");
    let qualifier = after.strip_prefix(", ").map(|rest| {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '.'))
            .unwrap_or(rest.len());
        rest.get(..end).unwrap_or("").trim()
    });
    let us_state_after = qualifier.is_some_and(|q| US_STATES.iter().any(|s| q.starts_with(s)));
    if let Some(code) = geo.country_named(&name) {
        // Georgia the state: "Atlanta, Georgia", "the state of Georgia", or a text about US states.
        let before = text.get(..e.span.start).unwrap_or("");
        let state_of = before.ends_with("state of ") || before.ends_with("State of ");
        // "Atlanta, Georgia": a place, a comma, then the state.
        let after_city = || {
            before.ends_with(", ")
                && before
                    .trim_end_matches(", ")
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| {
                        geo.country_named(w).is_none()
                            && geo.cities(w).iter().any(|r| Some(r.code) == us())
                    })
        };
        // The country's other names (demonym, capital) would speak for the country.
        // Two other US states named, or one in a text naming no other country
        // ("the debate in Georgia" of a story about a Texan), and nothing else
        // naming the country.
        let us_context = || {
            let states = us_states.get_or_init(|| {
                US_STATES
                    .iter()
                    .copied()
                    .filter(|s| text.contains(*s))
                    .collect()
            });
            let others = states.iter().filter(|s| **s != &*name).count();
            let no_other_country = || named.keys().all(|c| *c == code || Some(*c) == us());
            others >= 2 || others == 1 && no_other_country()
        };
        let otherwise_named = names_of
            .get(&code)
            .is_some_and(|names| names.iter().any(|n| *n != surface));
        if US_STATE_SET.contains(&name)
            && (state_of || after_city() || (!otherwise_named && us_context()))
        {
            return us();
        }
        return Some(code);
    }
    if let Some(country) = super::geo::landmark_country(&name) {
        return geo.country_named(country);
    }
    // A state or province ("Virginia", "Punjab"): the country of it the text
    // names, before any city of that name elsewhere (Virginia, South Africa).
    let region = geo.region(&name);
    let readings = geo.cities(&name);
    if let Some(r) = region {
        if r.kind != RegionKind::Admin {
            return None;
        }
        if let Some(code) = r.countries.iter().find(|c| named.contains_key(c)) {
            return Some(*code);
        }
        // "Florida" in a story naming neither the United States nor Cuba: the
        // state, not the town in Cuba; a town wins only when its country is
        // named ("Virginia" beside "South Africa").
        if !readings.iter().any(|c| named.contains_key(&c.code)) {
            return r.countries.first().copied();
        }
    }
    let Some(top) = readings.first() else {
        // "Washington, D.C.": a capital's full name; or a region alone; or
        // "County Cork", "Palm Beach County": a division named by its kind
        // and a name the gazetteer knows.
        return geo
            .capital_of(&name)
            .or_else(|| region.and_then(|r| r.countries.first().copied()))
            .or_else(|| division_core(&name).and_then(|core| core_country(core, named, geo)));
    };
    if us_state_after {
        return readings
            .iter()
            .find(|r| Some(r.code) == us())
            .map(|r| r.code)
            .or(Some(top.code));
    }
    if let Some(q) = qualifier
        && let Some(code) = geo.country_named(q)
        && let Some(r) = readings.iter().find(|r| r.code == code)
    {
        return Some(r.code);
    }
    // A reading in a country the text names, if it is not tiny beside the top one.
    readings
        .iter()
        .filter(|r| r.population.saturating_mul(20) >= top.population)
        .max_by_key(|r| {
            (
                named.get(&r.code).copied().unwrap_or(0).min(1),
                r.population,
            )
        })
        .map(|r| r.code)
}

/// Words for an administrative division, written before ("County Cork") or
/// after ("Palm Beach County", "Sindh Province") its name.
const DIVISION_WORDS: &[&str] = &[
    "County",
    "Province",
    "District",
    "Prefecture",
    "Governorate",
    "Oblast",
    "Parish",
    "Municipality",
];

/// The name inside a division's full name: "Cork" in "County Cork",
/// "Palm Beach" in "Palm Beach County", "Sindh" in "Province of Sindh".
fn division_core(name: &str) -> Option<&str> {
    DIVISION_WORDS.iter().find_map(|w| {
        name.strip_prefix(w)
            .and_then(|r| r.strip_prefix(" of ").or_else(|| r.strip_prefix(' ')))
            .or_else(|| name.strip_suffix(w).and_then(|r| r.strip_suffix(' ')))
            .filter(|core| core.starts_with(char::is_uppercase))
    })
}

/// The country of a division's core name: its region's, else that of its
/// most populous city reading in a country the text names ("Palm Beach" is
/// also a town in Australia, which a Florida story does not name).
fn core_country(
    core: &str,
    named: &FxHashMap<CountryCode, usize>,
    geo: &dyn Geo,
) -> Option<CountryCode> {
    if geo.country_named(core).is_some() {
        // "Kenya Province" is no county of Kenya's the gazetteer could place.
        return None;
    }
    if let Some(r) = geo.region(core).filter(|r| r.kind == RegionKind::Admin) {
        return r
            .countries
            .iter()
            .find(|c| named.contains_key(c))
            .or(r.countries.first())
            .copied();
    }
    geo.cities(core)
        .iter()
        .filter(|r| named.contains_key(&r.code))
        .max_by_key(|r| r.population)
        .map(|r| r.code)
}

/// A person's country from the words around one mention.
fn person_country(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    e: &Entity,
    geo: &dyn Geo,
) -> Option<CountryCode> {
    let i = token_at(tokens, e.span.start);
    // Backwards over titles: "Chinese Premier", "Azerbaijan's President", "U.S. Secretary of State".
    // Two titles joined by "and" are walked over too: "Kazakh Deputy Prime
    // Minister and Foreign Minister Murat Nurtleu".
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        k -= 1;
        steps += 1;
        let w = tokens[k].text(text);
        if let Some(c) = geo.demonym(w) {
            return Some(c);
        }
        if w == "'s" || w == "\u{2019}s" {
            let owner = k.checked_sub(1).and_then(|j| tokens.get(j));
            return owner.and_then(|t| country_at(text, entities, t.span.start, geo));
        }
        if let Some(c) = country_at(text, entities, tokens[k].span.start, geo) {
            return Some(c);
        }
        let joins_titles = w == "and"
            && k.checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_some_and(|t| is_title_word(t.text(text)));
        if !(is_title_word(w) || is_office_word(w) || joins_titles) {
            break;
        }
    }
    // "Secretary of State Antony Blinken", "Antony Blinken, Secretary of State": the
    // title is American unless a country is named with it (handled above).
    let before = text.get(..e.span.start).unwrap_or("");
    let after = text.get(e.span.end..).unwrap_or("");
    if before.ends_with("Secretary of State ") || after.starts_with(", Secretary of State") {
        return us();
    }
    // "the foreign affairs minister of Cuba, Bruno Rodríguez": office of COUNTRY, NAME.
    if i >= 3 && tokens.get(i - 1).is_some_and(|t| t.text(text) == ",") {
        let mut j = i - 2;
        let country = country_at(text, entities, tokens[j].span.start, geo);
        while j > 0
            && tokens
                .get(j)
                .is_some_and(|t| country_at(text, entities, t.span.start, geo) == country)
        {
            j -= 1;
        }
        let of = tokens
            .get(j)
            .is_some_and(|t| t.text(text) == "of" || t.text(text) == "the");
        let office = tokens
            .get(j.saturating_sub(1))
            .is_some_and(|t| is_office_word(t.text(text)));
        if country.is_some() && of && office {
            return country;
        }
    }
    // "Prime Minister Kishida Fumio of Japan", "King Abdullah II of Jordan": a title before, "of COUNTRY" after.
    let titled = i > 0
        && tokens
            .get(i - 1)
            .is_some_and(|t| is_title_word(t.text(text)));
    let after = text.get(e.span.end..).unwrap_or("");
    if titled && let Some(rest) = after.strip_prefix(" of ") {
        let skip = if rest.starts_with("the ") { 4 } else { 0 };
        let pos = e.span.end + 4 + skip;
        return country_at(text, entities, pos, geo);
    }
    appositive_country(text, tokens, entities, e, geo).or_else(|| {
        // A leader of the United States named with no country: in full, or by
        // surname after the office ("President Biden", "Vice President Harris").
        let name = text.get(e.span.clone())?;
        let president = i > 0
            && tokens
                .get(i - 1)
                .is_some_and(|t| t.text(text) == "President");
        let by_surname = president && US_LEADERS.iter().any(|(_, surname)| *surname == name);
        if us_leader(name) || by_surname {
            us()
        } else {
            None
        }
    })
}

/// An office in apposition after the name, with the country it serves:
/// "Ana Soto, Peru's trade minister", "Ana Soto, the Peruvian envoy", "Ana
/// Soto, head of Peru's navy", "Ana Soto, president of Peru".
fn appositive_country(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    e: &Entity,
    geo: &dyn Geo,
) -> Option<CountryCode> {
    const MAX_WORDS: usize = 6;
    let mut k = token_at(tokens, e.span.end);
    if tokens.get(k)?.text(text) != "," {
        return None;
    }
    let mut office = false;
    for _ in 0..MAX_WORDS {
        k += 1;
        let t = tokens.get(k)?;
        let w = t.text(text);
        if matches!(w, "the" | "a" | "an" | "former") || office && w == "of" {
            continue;
        }
        if let Some(c) = geo.demonym(w) {
            return Some(c);
        }
        if let Some(c) = country_at(text, entities, t.span.start, geo) {
            // "of Peru" after an office, or "Peru's".
            let i = entities.partition_point(|e| e.span.start <= t.span.start);
            let end = i
                .checked_sub(1)
                .and_then(|i| entities.get(i))
                .map_or(t.span.end, |e| e.span.end);
            let owner = text
                .get(end..)
                .is_some_and(|a| a.starts_with("'s") || a.starts_with("\u{2019}s"));
            return (office || owner).then_some(c);
        }
        if !(is_office_word(w) || is_title_word(w)) {
            return None;
        }
        office = true;
    }
    None
}

/// The country named by the place entity covering `pos`: a title walked back
/// word by word meets a country's last word first ("States" in "United
/// States Attorney Jessie Liu").
fn country_at(text: &str, entities: &[Entity], pos: usize, geo: &dyn Geo) -> Option<CountryCode> {
    let i = entities.partition_point(|e| e.span.start <= pos);
    let e = entities
        .get(i.checked_sub(1)?)
        .filter(|e| e.span.end > pos && e.kind == EntityKind::Place)?;
    geo.country_named(text.get(e.span.clone())?)
}

/// Lower-case nouns for a body written right before its name, after the
/// words saying what it is: "Austrian mortar manufacturer Hirtenberger",
/// "the Russian news agency TASS".
const BODY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "manufacturer",
    "maker",
    "producer",
    "enterprise",
    "conglomerate",
    "group",
    "carrier",
    "airline",
    "operator",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "broadcaster",
    "newspaper",
    "daily",
    "agency",
    "outlet",
    "network",
    "startup",
    "giant",
];

/// The most words read back from a body's noun to the demonym before it.
const DESCRIPTION_WORDS: usize = 4;

/// The country of the demonym opening the description right before an
/// organisation's name: "Austrian mortar and shell manufacturer Hirtenberger
/// Defence Group", "the Russian news agency TASS". Only lower-case words
/// (and "and") stand between the demonym and the body's noun, which comes
/// right before the name.
fn introduced_by_demonym(text: &str, e: &Entity, geo: &dyn Geo) -> Option<CountryCode> {
    let before = text.get(..e.span.start)?.strip_suffix(' ')?;
    let mut words = before.rsplit(' ');
    let noun = words.next()?;
    if !BODY_NOUNS.contains(&noun) {
        return None;
    }
    for w in words.take(DESCRIPTION_WORDS) {
        if w.starts_with(char::is_uppercase) {
            return geo.demonym(w);
        }
        // A determiner opens the noun phrase: what comes before it ("French
        // troops attacked the group X") describes something else.
        let lower = w.chars().all(|c| c.is_lowercase() || c == '-');
        if !lower || w.is_empty() || matches!(w, "the" | "a" | "an" | "its" | "their") {
            return None;
        }
    }
    None
}

fn org_country(surface: &str, geo: &dyn Geo) -> Option<CountryCode> {
    if !geo.may_name_a_country(surface) {
        return None;
    }
    geo.find(surface)
        .iter()
        .find(|h| matches!(h.kind, GeoKind::Country | GeoKind::Demonym))
        .map(|h| h.code)
}

/// The country each paragraph names most, computed once.
struct Paragraphs {
    /// Byte offsets where paragraphs start.
    starts: Vec<usize>,
    /// The countries each paragraph names most (several when tied), by code.
    dominant: Vec<Vec<CountryCode>>,
    /// Where each paragraph first names a country (`usize::MAX` if never).
    first: Vec<usize>,
}

impl Paragraphs {
    fn new(text: &str, hits: &[GeoHit], entities: &[Entity]) -> Self {
        // After each "\n\n", as `match_indices("\n\n")` finds them (no overlaps),
        // but hopping between newlines with `find`, which is much faster.
        let mut starts = vec![0];
        let mut from = 0;
        while let Some(p) = text.get(from..).and_then(|rest| rest.find('\n')) {
            let at = from + p;
            from = if text.as_bytes().get(at + 1) == Some(&b'\n') {
                starts.push(at + 2);
                at + 2
            } else {
                at + 1
            };
        }
        let mut counts: Vec<FxHashMap<CountryCode, usize>> =
            vec![FxHashMap::default(); starts.len()];
        let mut first = vec![usize::MAX; starts.len()];
        for h in hits
            .iter()
            .filter(|h| matches!(h.kind, GeoKind::Country | GeoKind::Demonym))
            .filter(|h| !inside_org(entities, &h.span))
        {
            let p = starts
                .partition_point(|&s| s <= h.span.start)
                .saturating_sub(1);
            if let Some(c) = counts.get_mut(p) {
                *c.entry(h.code).or_default() += 1;
            }
            if let Some(f) = first.get_mut(p) {
                *f = (*f).min(h.span.start);
            }
        }
        let dominant = counts
            .into_iter()
            .map(|c| {
                let best = c.values().copied().max().unwrap_or(0);
                let mut top: Vec<CountryCode> = c
                    .into_iter()
                    .filter(|&(_, n)| n == best)
                    .map(|(code, _)| code)
                    .collect();
                top.sort();
                top
            })
            .collect();
        Paragraphs {
            starts,
            dominant,
            first,
        }
    }

    /// The country the paragraph around `pos` names most; of several named
    /// as often, the one named last before `pos` ("Israeli strikes hit Khan
    /// Younis. Rockets hit Kiryat Shmona." beside Egypt and Lebanon named once
    /// each), else the first by code.
    fn dominant(&self, pos: usize, evidence: &[(Span, CountryCode)]) -> Option<CountryCode> {
        let p = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        // A paragraph that names a country only after the place ("...
        // District Hospital reopened. The Australian medical mission stays")
        // speaks of someone from there, not of where the place lies.
        if self.first.get(p).is_none_or(|&f| f > pos) {
            return None;
        }
        let top = self.dominant.get(p)?;
        if top.len() > 1 {
            let start = self.starts.get(p).copied().unwrap_or(0);
            let from = evidence.partition_point(|(span, _)| span.start < start);
            let to = evidence.partition_point(|(span, _)| span.start < pos);
            let last = evidence
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .rev()
                .find(|(_, code)| top.contains(code));
            if let Some((_, code)) = last {
                return Some(*code);
            }
        }
        top.first().copied()
    }
}
