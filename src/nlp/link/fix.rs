//! Corrections to the tagger's mentions where the evidence is strong: titles
//! are not part of a person's name, a demonym is not a place, a country name
//! is a place, and gazetteer places the tagger missed (including all-caps
//! datelines, "BEIJING, April 23 --") are added.

use super::geo::{Geo, GeoHit, GeoKind};
use super::titles::is_title_word;
use super::view::View;
use super::words::WordSet;
use crate::nlp::ascii::capitals;
use crate::nlp::ner::Mention;
use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{EntityKind, Span};
use rustc_hash::FxHashSet;
use std::cell::OnceCell;

/// Returns corrected mentions: sorted, non-overlapping, non-empty.
pub fn correct(view: &View, mentions: &[Mention], hits: &[GeoHit], geo: &dyn Geo) -> Vec<Mention> {
    let (text, tokens) = (view.text, view.tokens);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len() + 8);
    let person_tokens = multi_word_person_tokens(text, tokens, mentions);
    let surnames = person_surnames(text, tokens, mentions);
    let rulers = super::titled::rulers(view, geo);
    // Built on first use: only a one-word name after an article asks it (see
    // `only_with_article`), and most articles have none.
    let bare_names = OnceCell::new();
    // Ships and storms: named once by their kind or number, the same name
    // alone later is no person either ("Hurricane Dorian ... Dorian reached").
    let mut ships: Vec<Span> = Vec::new();
    for m in mentions {
        if names_nobody(text.get(m.span.clone()).unwrap_or("")) {
            continue;
        }
        let mut m = m.clone();
        if eponymous_compound(text, &m.span, geo) {
            // "the Saffir–Simpson scale": two surnames naming a thing.
            m.kind = EntityKind::Misc;
        }
        if let Some(name) = storm_name(text, &m.span) {
            ships.push(name);
            m.kind = EntityKind::Misc;
        }
        let tagged = m.kind;
        if let Some(start) = after_leading_modifier(text, tokens, &m.span) {
            // "Muslim-majority Mindanao", "Iran-backed Houthis": the modifier
            // is no part of the name.
            m.span.start = start;
        }
        if let Some(place) = place_before_modifier(text, &m.span, geo) {
            // "the Brussels-based network", "the United States-led war": the
            // place, named as a modifier.
            m.span = place;
            m.kind = EntityKind::Place;
        }
        if text
            .get(m.span.clone())
            .is_some_and(|s| NAMED_BODIES.contains(s))
        {
            m.kind = EntityKind::Org;
        }
        if m.kind == EntityKind::Place
            && let Some(country) = country_before_state_adjective(text, &m.span, geo)
        {
            // "the U.S. Federal government": the country, and a word of the
            // common noun after it.
            m.span = country;
        }
        if m.kind != EntityKind::Person
            && let Some(country) = country_before_government(text, &m.span, geo)
        {
            // "the United States Government", "the UK Government": the
            // country, named with the word for its government.
            m.span = country;
            m.kind = EntityKind::Place;
        }
        if m.kind == EntityKind::Place && text.get(m.span.clone()).is_some_and(opens_with_prefix) {
            // "Non-U.S. persons", "pro-Russia groups": the prefix makes the
            // name a modifier, no place.
            m.kind = EntityKind::Misc;
        }
        if m.kind == EntityKind::Place && named_otherwise(text, &m.span, geo) {
            // "Apache helicopters", "Pacific Affairs", "Alliance cooperation".
            m.kind = EntityKind::Misc;
        }
        if m.kind == EntityKind::Place && state_noun_after_article(text, &m.span) {
            // "the inception of the Republic", "across the Kingdom": the state
            // the text is about, by a common noun, names no place (a town
            // called Republic lies in Missouri).
            m.kind = EntityKind::Misc;
        }
        if vessel(text, &m.span) {
            // "YONG TAI (IMO 9231511)", "the tanker Ocean Star": a ship, no person.
            m.kind = EntityKind::Misc;
            ships.push(m.span.clone());
        }
        if m.kind == EntityKind::Person && super::products::model_name(text, &m.span, geo) {
            // "Abrams tanks": a model of machine, named after a person.
            m.kind = EntityKind::Misc;
        }
        if m.kind != EntityKind::Place
            && let Some(name) = super::titled::ruler_of_administration(text, tokens, &m.span, geo)
        {
            m.span = name;
            m.kind = EntityKind::Person;
        }
        // Asked of the tagger's organisations only: a name it read as a
        // person's and the rules above turned aside stays turned aside.
        if tagged == EntityKind::Org
            && m.kind == EntityKind::Org
            && org_naming_a_person(text, tokens, &m.span, &person_tokens, geo)
        {
            m.kind = EntityKind::Person;
        }
        if m.kind == EntityKind::Person
            && let Some(kind) = person_who_is_not(text, &m.span, &person_tokens, geo)
        {
            m.span = with_cartel_word(text, &m.span);
            m.kind = kind;
        }
        if m.kind == EntityKind::Person
            && only_with_article(text, &m.span, &person_tokens, || {
                bare_names.get_or_init(|| named_without_article(text, mentions))
            })
        {
            // "a Walmart store ... the Walmart": a one-word name only ever
            // written after an article is a store, brand or body, no person.
            m.kind = EntityKind::Org;
        }
        if matches!(m.kind, EntityKind::Org | EntityKind::Misc)
            && text.get(m.span.clone()).is_some_and(opened_by_place_word)
        {
            m.kind = EntityKind::Place;
        }
        if m.kind == EntityKind::Person
            && common_word_opening(text, &m.span, &person_tokens)
            && !named_elsewhere(text, &m.span, mentions)
        {
            m.kind = EntityKind::Misc;
        }
        let titled = m.kind != EntityKind::Person
            && (rulers.contains(&m.span)
                || super::titled::after_person_title(text, &m.span)
                    && super::titled::name_like(text, tokens, &m.span, geo));
        if titled {
            // "Prime Minister Luís Montenegro", "Prime Minister Montenegro": a
            // person named like a country, by the title before the name.
            m.kind = EntityKind::Person;
        }
        if m.kind == EntityKind::Person {
            match strip_titles(text, tokens, &m.span, geo) {
                Some(span) => m.span = span,
                None => continue,
            }
        }
        if m.kind != EntityKind::Person {
            m.span = extend_left(text, tokens, &m.span, mentions, geo);
        }
        let surface = text.get(m.span.clone()).unwrap_or("");
        if let Some(kind) = kind_from_head(text, tokens, &m) {
            m.kind = kind;
        }
        // "Minister of Foreign Affairs": the rest of a title, not an organisation.
        // (Common nouns standing for a named body, "the Kingdom", are turned
        // aside after organisation names are built: see `only_common_nouns`.)
        if m.kind == EntityKind::Org
            && (in_title(text, &m.span) || title_only(text, tokens, &m.span))
        {
            m.kind = EntityKind::Misc;
        }
        if credit(text, &m.span)
            && m.kind != EntityKind::Person
            && geo.country_named(surface).is_none()
            && !big_city(surface, geo)
        {
            // "(Xinhua)", "(Reuters/Jane Doe)": a news agency's credit; only a real
            // city stays a place there (Xinhua is also a town of 16,000 people).
            m.kind = EntityKind::Org;
        } else if m.kind != EntityKind::Person && is_compound_of_places(surface, geo)
            || m.kind == EntityKind::Person && is_compound_of_countries(surface, geo)
        {
            // "China-Europe", "U.S.-Japan": places joined into a modifier, no
            // place as a whole; each place in it is one (added from the
            // gazetteer's hits below). Read as a person's name only when
            // every part is a country's ("Japan-Philippines"): a town may
            // be half of a double surname.
            continue;
        } else if m.kind != EntityKind::Person
            && let Some(places) = places_of_alliance(text, &m.span, geo)
        {
            // "The U.S.-Japan Alliance": the two countries' bond, no body; its
            // countries are its places (the gazetteer's hits would take the
            // last for part of a longer name).
            out.extend(places);
            continue;
        } else if m.kind != EntityKind::Org && geo.demonym(surface).is_some() {
            m.kind = EntityKind::Misc;
        } else if m.kind != EntityKind::Place
            && !titled
            && geo.country_named(surface).is_some()
            && !(m.kind == EntityKind::Person && person_tokens.contains(surface))
        {
            m.kind = EntityKind::Place;
        } else if m.kind == EntityKind::Person
            && !person_tokens.contains(surface)
            && geo.region(surface).is_some()
        {
            // "Amhara", "Tigray" tagged as people: the region table keeps no name
            // that is also a person's in news text, so the region wins.
            m.kind = EntityKind::Place;
        } else if m.kind != EntityKind::Person
            && !surface.contains(' ')
            && person_tokens.contains(surface)
            && geo.country_named(surface).is_none()
            && (m.kind == EntityKind::Org || !geo.is_city(surface))
        {
            // "Li" tagged as a place while "Li Qiang" is a person in the same
            // text; "Bolton" tagged as an organisation after "John R. Bolton"
            // (a town may share a person's name, an organisation hardly).
            m.kind = EntityKind::Person;
        } else if m.kind == EntityKind::Person
            && !surface.contains(' ')
            && !person_tokens.contains(surface)
            && after_in(text, &m.span)
        {
            // "a zone in Clark": a lone name after "in" is a place, not a person.
            m.kind = EntityKind::Place;
        } else if m.kind == EntityKind::Place && surname_not_place(text, &m.span, &surnames, geo) {
            // "Sudesh Amman ... Amman had written": the surname of a person
            // the text names, though also a city's name.
            m.kind = EntityKind::Person;
        }
        if m.kind == EntityKind::Place
            && closes_a_name_with_the(text, &m.span)
            && text
                .get(m.span.clone())
                .is_some_and(|s| geo.region(s).is_some())
        {
            // "the Summit of the Americas": the tagger's region closes a
            // longer name, as the regions the gazetteer finds may (below);
            // without "the", it is a title's ("First Minister of Scotland").
            continue;
        }
        out.push(m);
    }
    if !ships.is_empty() {
        // A ship or storm named once by its number or kind is the same ship
        // or storm without them.
        let names: Vec<&str> = ships.iter().filter_map(|s| text.get(s.clone())).collect();
        for m in out.iter_mut().filter(|m| m.kind != EntityKind::Misc) {
            if text.get(m.span.clone()).is_some_and(|s| names.contains(&s)) {
                m.kind = EntityKind::Misc;
            }
        }
    }
    for span in datelines(text, tokens, geo) {
        out.retain(|m| m.span.end <= span.start || m.span.start >= span.end);
        out.push(Mention {
            span,
            kind: EntityKind::Place,
        });
    }
    sort_by_start(&mut out);
    join_patronymics(text, &mut out);
    join_nicknames(text, &mut out);
    join_country_surnames(text, geo, &mut out);
    join_given_names(text, tokens, geo, &mut out);
    join_particles(text, tokens, geo, &mut out);
    surnames_of_joined_names(text, tokens, geo, &mut out);
    super::orgs::apply(view, &mut out);
    names_opened_by_the(view, geo, &mut out);
    super::not_orgs::correct(text, tokens, &mut out, geo);
    for m in out
        .iter_mut()
        .filter(|m| matches!(m.kind, EntityKind::Org | EntityKind::Misc))
    {
        let surface = text.get(m.span.clone()).unwrap_or("");
        // "the Soviet Union", "the West Bank", "Crete": a region, whatever the
        // tagger or an organisation's head word ("Union", "Bank") said; but "the
        // news agency Fars" names the agency after its province.
        let agency = text
            .get(..m.span.start)
            .is_some_and(|b| b.ends_with("agency ") || b.ends_with("agency, "));
        if !agency && geo.region(surface).is_some() && !named_otherwise(text, &m.span, geo) {
            // "the Shield of the Americas": the region closes a longer name.
            m.kind = if closes_a_name_with_the(text, &m.span) {
                EntityKind::Misc
            } else {
                EntityKind::Place
            };
        } else if m.kind == EntityKind::Org
            && (only_common_nouns(surface)
                || !surface.contains(' ') && super::titled::is_thing_word(surface))
        {
            // "the Parties", "the Kingdom", "the Steering Committee": a common
            // noun capitalised in a statement, standing for a named body.
            m.kind = EntityKind::Misc;
        }
    }
    outlets_named_after_places(text, geo, &mut out);
    whole_country_names(hits, &mut out);
    let mut added = Vec::new();
    for h in hits {
        if surname_not_place(text, &h.span, &surnames, geo) {
            if !overlaps(&out, &h.span) {
                added.push(Mention {
                    span: h.span.clone(),
                    kind: EntityKind::Person,
                });
            }
            continue;
        }
        if h.kind == GeoKind::Demonym
            || CALENDAR_WORDS.contains(&text.get(h.span.clone()).unwrap_or(""))
            || overlaps(&out, &h.span)
            || part_of_longer_name(text, tokens, &h.span, h.kind)
            || named_otherwise(text, &h.span, geo)
        {
            continue;
        }
        added.push(Mention {
            span: h.span.clone(),
            kind: EntityKind::Place,
        });
    }
    out.extend(added);
    sort_by_start(&mut out);
    let mut found: Vec<Mention> = Vec::new();
    for span in regions(view, geo) {
        if part_of_longer_name(text, tokens, &span, GeoKind::City)
            || closes_a_name(text, &span)
            || named_otherwise(text, &span, geo)
        {
            continue;
        }
        if !overlaps(&out, &span) {
            found.push(Mention {
                span,
                kind: EntityKind::Place,
            });
        } else if let Some(m) = tail_of_region(&mut out, &span) {
            // "New Hampshire" opening a sentence, read as "Hampshire": the
            // region's whole name.
            m.span = span;
        }
    }
    out.extend(found);
    sort_by_start(&mut out);
    super::named_places::apply(text, tokens, &mut out, geo);
    super::compass::join_shared_names(text, &mut out);
    let titled_names = super::titled::names_after_titles(view, geo);
    // "State Counsellor Aung San Suu Kyi" read as an organisation, "companion
    // Sofia Sapega" as a place: the name after a title or role noun replaces
    // what the tagger made of it and its title, unless it read a person there.
    let mut replaced = false;
    for span in &titled_names {
        let lo = out.partition_point(|m| m.span.end <= span.start);
        let inside = out.get(lo..).unwrap_or(&[]);
        let n = inside
            .iter()
            .take_while(|m| m.span.start < span.end)
            .count();
        let covered = inside.get(..n).unwrap_or(&[]);
        if n > 0
            && covered.iter().all(|m| {
                m.kind != EntityKind::Person
                    && m.span.end <= span.end
                    && only_titles_between(text, m.span.start, span.start)
            })
        {
            out.drain(lo..lo + n);
            replaced = true;
        }
    }
    if replaced {
        sort_by_start(&mut out);
    }
    let people: Vec<Mention> = titled_names
        .into_iter()
        .chain(rulers)
        .filter(|span| !overlaps(&out, span))
        .map(|span| Mention {
            span,
            kind: EntityKind::Person,
        })
        .collect();
    out.extend(people);
    sort_by_start(&mut out);
    // "Secretary of Health Jorge Alcocer": the name after an office's full title.
    super::office_names::apply(view, geo, &mut out);
    // "JANE ROE DOE (ROE DOE) is ...": a name in capitals defined with its
    // short form replaces whatever the tagger made of its words.
    let defined = super::aliases::defined(view);
    if !defined.is_empty() {
        out.retain(|m| !overlaps(&defined, &m.span));
        out.extend(defined);
    }
    bodies_listed_under_a_heading(text, geo, &mut out);
    movements_with_their_territory(text, &mut out);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut clean: Vec<Mention> = Vec::with_capacity(out.len());
    for mut m in out {
        if m.kind == EntityKind::Place
            && let Some(country) = country_after_the(text, &m.span, geo)
        {
            // "The Netherlands" opening a sentence, as the tagger or the
            // gazetteer read it: the country, whose name the article is no
            // part of.
            m.span = country;
        }
        let fits = m.span.start < m.span.end
            && text.is_char_boundary(m.span.start)
            && m.span.end <= text.len()
            && text.is_char_boundary(m.span.end);
        if fits && clean.last().is_none_or(|l| l.span.end <= m.span.start) {
            clean.push(m);
        }
    }
    clean
}

/// "the Islamic State of Iraq and the Levant", "al-Qaeda in the Arabian
/// Peninsula": a movement's full name takes the territory it claims, no place
/// of the story, whatever the tagger made of its words ("Islamic" alone). The
/// words inside are dropped as overlaps after this.
fn movements_with_their_territory(text: &str, out: &mut Vec<Mention>) {
    let mut places: Vec<Span> = out
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| m.span.clone())
        .collect();
    places.sort_by_key(|s| s.start);
    let place_at = |pos: usize| {
        places
            .get(places.partition_point(|s| s.start < pos))
            .filter(|s| s.start == pos)
            .map(|s| s.end)
    };
    let mut found = Vec::new();
    for place in &places {
        let before = text.get(..place.start).unwrap_or("");
        let Some(head) = [" of the ", " of ", " in the ", " in "]
            .iter()
            .find_map(|c| before.strip_suffix(c))
        else {
            continue;
        };
        let Some(name) = MOVEMENTS.iter().find(|m| {
            head.strip_suffix(*m)
                .is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        }) else {
            continue;
        };
        let mut end = place.end;
        if let Some(second) = after_connector(text, end, &["and"]).and_then(place_at) {
            end = second;
        }
        found.push(Mention {
            span: head.len() - name.len()..end,
            kind: EntityKind::Org,
        });
    }
    out.extend(found);
}

/// The position after " WORD " or " WORD the " at `pos`, WORD one of `words`.
fn after_connector(text: &str, pos: usize, words: &[&str]) -> Option<usize> {
    let rest = text.get(pos..)?.strip_prefix(' ')?;
    let (word, after) = rest.split_once(' ')?;
    if !words.contains(&word) {
        return None;
    }
    let the = if after.starts_with("the ") { 4 } else { 0 };
    Some(pos + 1 + word.len() + 1 + the)
}

/// Plural nouns a heading uses for the bodies it lists: "The 24 groups:",
/// "Entities designated today:".
const LISTED_BODIES: &[&str] = &[
    "groups",
    "organizations",
    "organisations",
    "entities",
    "companies",
    "firms",
    "cartels",
    "gangs",
    "parties",
];

/// "The 24 groups:" and then one name a line ("Mara Salvatrucha (MS-13)",
/// "Clan del Golfo"): every name in the list is a body's, though the tagger
/// read people or places in foreign words. The list ends at a line that is
/// a sentence (ends with a full stop) or a long one.
fn bodies_listed_under_a_heading(text: &str, geo: &dyn Geo, out: &mut [Mention]) {
    const MAX_HEADING_WORDS: usize = 8;
    const MAX_ITEM_WORDS: usize = 24;
    if !text.contains(":\n") {
        return;
    }
    let mut items: Vec<Span> = Vec::new();
    let mut listing = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let span = start..start + line.len();
        start = span.end;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(heading) = line.strip_suffix(':') {
            listing = heading.split_whitespace().count() <= MAX_HEADING_WORDS
                && heading
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| LISTED_BODIES.contains(&w.to_lowercase().as_str()));
            continue;
        }
        if listing && !line.ends_with('.') && line.split_whitespace().count() <= MAX_ITEM_WORDS {
            items.push(span);
        } else {
            listing = false;
        }
    }
    if items.is_empty() {
        return;
    }
    for m in out.iter_mut() {
        let listed = items
            .iter()
            .any(|i| i.start <= m.span.start && m.span.end <= i.end);
        let surface = text.get(m.span.clone()).unwrap_or("");
        // A place the gazetteer knows stays one ("groups in Haiti:").
        let known_place = m.kind == EntityKind::Place
            && (geo.country_named(surface).is_some()
                || geo.is_city(surface)
                || geo.region(surface).is_some());
        if listed && matches!(m.kind, EntityKind::Person | EntityKind::Place) && !known_place {
            m.kind = EntityKind::Org;
        }
    }
}

/// Regions the gazetteer's running-text matcher does not know ("California",
/// "the Indo-Pacific", "Western Balkans"), longest first at each capitalised
/// word: a name runs over capitalised words and the connectors inside names
/// ("Jammu and Kashmir", "Bosnia and Herzegovina" is a country).
fn regions<'a>(view: &'a View<'a>, geo: &'a dyn Geo) -> impl Iterator<Item = Span> + 'a {
    const MAX_WORDS: usize = 5;
    let (text, tokens) = (view.text, view.tokens);
    // `view.capitalised(k)`: token k is a word opening with a capital, read
    // from the view; only tokens opening with a capital are walked.
    let mut next_free = 0;
    view.uppers().iter().filter_map(move |&i| {
        let first = tokens.get(i)?;
        if first.span.start < next_free || !view.capitalised(i) {
            return None;
        }
        // A space after the word: every name read from here opens with it,
        // and a word no region's name opens with (most capitalised words)
        // ends the search before any name is built.
        let word = view.word(i);
        if text.as_bytes().get(first.span.end) == Some(&b' ')
            && !word.contains(' ')
            && !geo.opens_region(word)
        {
            return None;
        }
        // The words a name could span: capitalised, or a connector between two.
        let mut ends = [0; MAX_WORDS];
        let mut n = 0;
        for (k, t) in tokens.iter().enumerate().skip(i).take(MAX_WORDS) {
            if view.capitalised(k) {
                if let Some(slot) = ends.get_mut(n) {
                    *slot = t.span.end;
                    n += 1;
                }
            } else if !matches!(view.word(k), "and" | "of" | "de" | "del") {
                break;
            }
        }
        let found = ends.get(..n)?.iter().rev().find_map(|&end| {
            let name = text.get(first.span.start..end)?;
            geo.region(name).map(|_| first.span.start..end)
        })?;
        next_free = found.end;
        Some(found)
    })
}

/// "Summit of the Americas", "Bank of the West": the region ends a longer
/// name whose capitalised head comes before "of (the)".
fn closes_a_name(text: &str, span: &Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let Some(head) = before
        .strip_suffix(" of the ")
        .or_else(|| before.strip_suffix(" of "))
    else {
        return false;
    };
    head.rsplit([' ', '\n'])
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether the name at `span` closes a longer one after "of the" ("the Summit
/// of the Americas").
fn closes_a_name_with_the(text: &str, span: &Span) -> bool {
    text.get(..span.start)
        .is_some_and(|b| b.ends_with(" of the "))
        && closes_a_name(text, span)
}

/// Last words that say what a name is: "... Corridor" is a place, "... Agency" an
/// organisation, "... Initiative" neither.
fn kind_from_head(text: &str, tokens: &[Token], m: &Mention) -> Option<EntityKind> {
    const PLACE: &[&str] = &[
        "Corridor",
        "Sea",
        "Ocean",
        "Gulf",
        "Strait",
        "River",
        "Mountains",
        "Valley",
        "Basin",
        "Peninsula",
        "Island",
        "Islands",
        "Canal",
        "Bay",
        "Lake",
        "Desert",
        "Square",
        "Hall",
        "Palace",
        "Bridge",
        "Airport",
        "Region",
        "Province",
        "Coast",
    ];
    const ORG: &[&str] = &[
        "Agency",
        "Union",
        "Council",
        "Forces",
        "Party",
        "Ministry",
        "Department",
        "Office",
        "Bank",
        "Fund",
        "Organization",
        "Organisation",
        "Association",
        "Committee",
        "Commission",
        "Institute",
        "University",
        "Company",
        "Group",
        "Airlines",
        "Airways",
        "Corps",
        "Army",
        "Navy",
        "Assembly",
        "Parliament",
        "Congress",
        "Court",
        "Bureau",
        "Authority",
        "Service",
        "Administration",
        "Inc.",
        "Ltd.",
        "Corporation",
        "Foundation",
        "Movement",
        "Front",
        // Company forms: "Grupo Empresarial S.A.", "Acme Trading LLC".
        "S.A.",
        "SA",
        "S.A",
        "LLC",
        "L.L.C.",
        "Ltd",
        "Limited",
        "Inc",
        "Corp.",
        "GmbH",
        "PLC",
        "plc",
        "JSC",
        "LLP",
        "B.V.",
        "N.V.",
        "AG",
    ];
    const OTHER: &[&str] = &[
        "Initiative",
        "Treaty",
        "Act",
        "Plan",
        "Strategy",
        "Framework",
        "Partnership",
        "Dialogue",
        "Express",
        "Summit",
        "Forum",
        "Agreement",
        "Declaration",
        "Doctrine",
        "Principle",
        "Programme",
        "Program",
        "Accord",
        "Accords",
        "Protocol",
        "Statement",
        "Mechanism",
        "Law",
        "Convention",
        "Resolution",
        "Charter",
        "Communique",
        "Award",
    ];
    // The lists as sets: asked of most mentions, at their head word.
    static PLACE_HEADS: WordSet = WordSet::new(&[PLACE]);
    static ORG_HEADS: WordSet = WordSet::new(&[ORG]);
    static OTHER_HEADS: WordSet = WordSet::new(&[OTHER]);
    let inner = tokens_in(tokens, &m.span);
    if inner.len() < 2 {
        return None;
    }
    // "Mount Kilimanjaro", "Lake Victoria", "Cape Verde": a landform word first.
    const LANDFORM_FIRST: &[&str] = &["Mount", "Mt.", "Lake", "Cape", "Isle"];
    if m.kind != EntityKind::Place
        && inner
            .first()
            .is_some_and(|t| LANDFORM_FIRST.contains(&t.text(text)))
    {
        return Some(EntityKind::Place);
    }
    // The head is the word before an "of"/"for" complement ("Strait of Hormuz",
    // "Partnership for Prosperity"), else the last word.
    let of = inner
        .iter()
        .position(|t| matches!(t.text(text), "of" | "for"))
        .filter(|&k| k > 0);
    let last = match of {
        Some(k)
            if ORG_HEADS.contains(inner[k - 1].text(text))
                || PLACE_HEADS.contains(inner[k - 1].text(text))
                || OTHER_HEADS.contains(inner[k - 1].text(text)) =>
        {
            inner[k - 1].text(text)
        }
        Some(_) if OTHER_HEADS.contains(inner.last()?.text(text)) => inner.last()?.text(text),
        Some(_) => return None,
        None => inner.last()?.text(text),
    };
    let kind = if PLACE_HEADS.contains(last) {
        EntityKind::Place
    } else if ORG_HEADS.contains(last) {
        EntityKind::Org
    } else if OTHER_HEADS.contains(last) {
        EntityKind::Misc
    } else {
        return None;
    };
    // Only overrule the tagger when it said something else.
    (kind != m.kind).then_some(kind)
}

/// A country's or capital's long name the tagger cut into pieces ("Democratic
/// Republic" + "Congo", "Washington" + "D.C."): the gazetteer's whole name
/// replaces the pieces it covers, unless one of them is a person.
fn whole_country_names(hits: &[GeoHit], out: &mut Vec<Mention>) {
    let mut changed = false;
    for h in hits
        .iter()
        .filter(|h| matches!(h.kind, GeoKind::Country | GeoKind::Capital))
    {
        let lo = out.partition_point(|m| m.span.end <= h.span.start);
        let inside = out[lo..]
            .iter()
            .take_while(|m| m.span.start < h.span.end)
            .collect::<Vec<_>>();
        let covered = !inside.is_empty()
            && inside.iter().all(|m| {
                m.kind != EntityKind::Person
                    && h.span.start <= m.span.start
                    && m.span.end <= h.span.end
            })
            && inside.iter().any(|m| m.span != h.span);
        if covered {
            let n = inside.len();
            out.splice(
                lo..lo + n,
                std::iter::once(Mention {
                    span: h.span.clone(),
                    kind: EntityKind::Place,
                }),
            );
            changed = true;
        }
    }
    if changed {
        sort_by_start(out);
    }
}

/// "Abdullah II" + "bin" + "Al Hussein": an Arabic name with its patronymic is
/// one person, though the tagger reads two names around "bin", and may take
/// one of them for an organisation ("Qaboos" + "bin" + "Said").
fn join_patronymics(text: &str, out: &mut Vec<Mention>) {
    let mut joined: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out.drain(..) {
        let named =
            |k: EntityKind| matches!(k, EntityKind::Person | EntityKind::Org | EntityKind::Misc);
        if let Some(prev) = joined.last_mut()
            && (prev.kind == EntityKind::Person || m.kind == EntityKind::Person)
            && named(prev.kind)
            && named(m.kind)
            && matches!(
                text.get(prev.span.end..m.span.start),
                Some(" bin " | " bint " | " ibn " | " bin al-" | " bin Al-")
            )
        {
            prev.span.end = m.span.end;
            prev.kind = EntityKind::Person;
            continue;
        }
        joined.push(m);
    }
    *out = joined;
}

/// `Thomas "Tommy" Pigott`: a nickname in quotes between a given name and a
/// surname belongs to one person's name, though the tagger reads two or three
/// names there; and a nickname in brackets right after a name (`Ismael
/// Zambada ("Mayito Flaco")`) is that person's alias, no one else.
fn join_nicknames(text: &str, out: &mut Vec<Mention>) {
    let mut joined: Vec<Mention> = Vec::with_capacity(out.len());
    let mut rest = std::mem::take(out).into_iter().peekable();
    while let Some(mut m) = rest.next() {
        if m.kind == EntityKind::Person {
            if let Some(surname) = after_nickname(text, m.span.end) {
                // The nickname's own mention, if the tagger made one, lies before the surname.
                let mut inside = Vec::new();
                while let Some(n) = rest.next_if(|n| n.span.end <= surname) {
                    inside.push(n);
                }
                match rest.peek() {
                    Some(n) if n.span.start == surname && n.kind == EntityKind::Person => {
                        m.span.end = n.span.end;
                        rest.next();
                    }
                    _ => joined.extend(inside),
                }
            } else if let Some(alias) = rest.peek()
                && alias_in_brackets(text, m.span.end, &alias.span)
            {
                rest.next();
            }
        }
        joined.push(m);
    }
    sort_by_start(&mut joined);
    *out = joined;
}

/// "Luís" + "Montenegro": a given name the tagger read as a person, then a
/// country's name right after it with nothing between, is one person whose
/// surname is spelled like the country.
fn join_country_surnames(text: &str, geo: &dyn Geo, out: &mut Vec<Mention>) {
    let mut joined: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out.drain(..) {
        if let Some(prev) = joined.last_mut()
            && prev.kind == EntityKind::Person
            && m.kind == EntityKind::Place
            && text.get(prev.span.end..m.span.start) == Some(" ")
            && text
                .get(prev.span.clone())
                .is_some_and(|p| !p.contains(' '))
            && text
                .get(m.span.clone())
                .is_some_and(|c| !c.contains(' ') && geo.country_named(c).is_some())
        {
            prev.span.end = m.span.end;
            continue;
        }
        joined.push(m);
    }
    *out = joined;
}

/// "Qaboos" tagged as an organisation where "Qaboos bin Said" was joined into
/// one person above: a single name word of a person's joined name is that
/// person (the same test as for the tagger's own multi-word names).
fn surnames_of_joined_names(text: &str, tokens: &[Token], geo: &dyn Geo, out: &mut [Mention]) {
    let mut words: FxHashSet<&str> = FxHashSet::default();
    for m in out.iter().filter(|m| m.kind == EntityKind::Person) {
        let inner = tokens_in(tokens, &m.span);
        if inner.len() > 1 {
            words.extend(
                inner
                    .iter()
                    .map(|t| t.text(text))
                    .filter(|w| w.len() > 2 && w.starts_with(|c: char| c.is_uppercase()))
                    .filter(|w| !is_title_word(w)),
            );
        }
    }
    if words.is_empty() {
        return;
    }
    for m in out.iter_mut().filter(|m| m.kind == EntityKind::Org) {
        let surface = text.get(m.span.clone()).unwrap_or("");
        if !surface.contains(' ')
            && words.contains(surface)
            && !super::orgs::is_head(surface)
            && geo.country_named(surface).is_none()
        {
            m.kind = EntityKind::Person;
        }
    }
}

/// Whether `span` names a ship: its IMO number follows in brackets, or a
/// word for a ship comes right before it.
fn vessel(text: &str, span: &Span) -> bool {
    const SHIP_WORDS: &[&str] = &["vessel", "vessels", "tanker", "tankers", "ship", "ships"];
    let imo = text.get(span.end..).is_some_and(|a| a.starts_with(" (IMO"));
    let before = text.get(..span.start).unwrap_or("");
    let named_ship = before
        .strip_suffix(' ')
        .is_some_and(|b| SHIP_WORDS.contains(&b.rsplit([' ', '\n']).next().unwrap_or("")));
    imo || named_ship
}

/// Whether a one-word mention is one side of two capitalised names joined
/// by a dash between lower-case words, "the Saffir–Simpson scale", "a
/// Kaplan-Meier curve": surnames naming a scale, method or law, no person or
/// place; places so joined ("the China-Europe route") are read elsewhere,
/// and a double-barrelled surname after a given name ("Eva Roe-Lind") is a
/// person's.
fn eponymous_compound(text: &str, span: &Span, geo: &dyn Geo) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let dash = |c: char| c == '-' || c == '\u{2013}';
    let Some(surface) = text.get(span.clone()).filter(|s| !s.contains(' ')) else {
        return false;
    };
    // Most mentions stand between spaces (or line breaks) with no dash: the
    // compound is then the mention itself, and no search for its ends is needed.
    let bytes = text.as_bytes();
    let spaced = |b: Option<&u8>| b.is_none_or(|b| matches!(b, b' ' | b'\n'));
    if spaced(span.start.checked_sub(1).and_then(|i| bytes.get(i)))
        && spaced(bytes.get(span.end))
        && !surface.contains(dash)
    {
        return false;
    }
    let left = before.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let right = after.find([' ', '\n']).map_or(text.len(), |i| span.end + i);
    let Some(compound) = text.get(left..right) else {
        return false;
    };
    // Two names joined by one dash: most mentions have none, and need no more reading.
    if !compound.contains(dash) {
        return false;
    }
    let parts: Vec<&str> = compound.split(dash).collect();
    let lower_word =
        |w: Option<&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    let word_before = text
        .get(..left)
        .and_then(|b| b.trim_end().rsplit([' ', '\n']).next());
    let word_after = text.get(right..).and_then(|a| a.split_whitespace().next());
    parts.len() == 2
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.chars().all(char::is_alphabetic)
                && geo.country_named(p).is_none()
                && geo.demonym(p).is_none()
                && geo.region(p).is_none()
                && !geo.is_city(p)
        })
        && lower_word(word_before)
        && lower_word(word_after)
}

/// The one-word name of a storm `span` names with its kind: "Hurricane
/// Dorian", "Tropical Storm Dorian", or "Dorian" right after "Typhoon" (a
/// bare "Storm" opens town names, "Storm Lake", and is left out).
fn storm_name(text: &str, span: &Span) -> Option<Span> {
    const KINDS: &[&str] = &[
        "Hurricane",
        "Typhoon",
        "Cyclone",
        "Tropical Storm",
        "Super Typhoon",
        "Tropical Cyclone",
    ];
    let surface = text.get(span.clone())?;
    // The last space by a byte scan: a name is a few bytes, less than the
    // set-up of a string search.
    let (storm, start) = match surface.bytes().rposition(|b| b == b' ') {
        Some(i) => (KINDS.contains(&surface.get(..i)?), span.start + i + 1),
        None => {
            let before = text.get(..span.start)?.strip_suffix(' ')?;
            let kind = KINDS.iter().any(|k| {
                before
                    .strip_suffix(k)
                    .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n']))
            });
            (kind, span.start)
        }
    };
    let name = text.get(start..span.end)?;
    (storm && name.starts_with(char::is_uppercase) && !super::orgs::is_head(name))
        .then_some(start..span.end)
}

/// Whether the text from `from` to `to` holds only title words ("State
/// Counsellor "), or nothing.
fn only_titles_between(text: &str, from: usize, to: usize) -> bool {
    from >= to
        || text
            .get(from..to)
            .is_some_and(|t| t.split_whitespace().all(is_title_word))
}

/// Whether `span` follows " in " and has no possessive after it ("in Clark.",
/// not "in Smith's view").
fn after_in(text: &str, span: &Span) -> bool {
    text.get(..span.start).is_some_and(|b| b.ends_with(" in "))
        && !text
            .get(span.end..)
            .is_some_and(|a| a.starts_with("'s") || a.starts_with("\u{2019}s"))
}

/// "Camila Antonia" (read as an organisation) + "Ortega Murillo" (a person):
/// name words right before a person's name, with one space between, are
/// that person's given names.
fn join_given_names(text: &str, tokens: &[Token], geo: &dyn Geo, out: &mut Vec<Mention>) {
    /// Bodies and their members, written before a member's name ("Congress
    /// Members Ana Pol"): no given names.
    const BODY_WORDS: &[&str] = &[
        "Congress",
        "House",
        "Senate",
        "Parliament",
        "Members",
        "Representatives",
        "Ministers",
        "Leaders",
        "Officials",
        "Delegates",
        "Senators",
        "Governments",
        "Parties",
    ];
    let mut joined: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out.drain(..) {
        if m.kind == EntityKind::Person
            && let Some(prev) = joined.last_mut()
            && prev.kind != EntityKind::Person
            && text.get(prev.span.end..m.span.start) == Some(" ")
            && (2..=3).contains(&tokens_in(tokens, &prev.span).len())
            && !tokens_in(tokens, &prev.span)
                .iter()
                .any(|t| BODY_WORDS.contains(&t.text(text)))
            && !text
                .get(..prev.span.start)
                .is_some_and(|b| b.ends_with("of "))
            && super::titled::name_like(text, tokens, &prev.span, geo)
            && text
                .get(prev.span.clone())
                .is_some_and(|p| geo.country_named(p).is_none() && !geo.is_city(p))
        {
            prev.span.end = m.span.end;
            prev.kind = EntityKind::Person;
            continue;
        }
        joined.push(m);
    }
    *out = joined;
}

/// Where a name starts after a hyphenated modifier opening the mention
/// ("Muslim-majority" of "Muslim-majority Mindanao"), if one does.
fn after_leading_modifier(text: &str, tokens: &[Token], span: &Span) -> Option<usize> {
    // Most mentions open with no hyphenated word: one byte scan of the first
    // word, before the word is split off.
    let surface = text.get(span.clone())?;
    if !surface
        .bytes()
        .take_while(|&b| b != b' ')
        .any(|b| b == b'-')
    {
        return None;
    }
    let first_word = surface.split(' ').next()?;
    if !super::named_places::hyphenated_modifier(first_word) {
        return None;
    }
    let inner = tokens_in(tokens, span);
    let next = inner.get(1)?;
    (inner.first()?.text(text) == first_word && next.kind == TokenKind::Word)
        .then_some(next.span.start)
}

/// Lower-case particles inside surnames ("Arnel dela Vega", "Ursula von der
/// Leyen", "Luiz da Silva").
const PARTICLES: &[&str] = &[
    "de", "dela", "del", "della", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den",
    "ter", "la", "le",
];

/// "Arnel dela Vega" read as "Vega": a person's name after one or two
/// particles takes in the capitalised given name before them (a word that is
/// no title, common word, place or demonym), and the given name's own
/// mention if the tagger made one.
fn join_particles(text: &str, tokens: &[Token], geo: &dyn Geo, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < out.len() {
        let Some(m) = out.get(i) else { break };
        if m.kind != EntityKind::Person {
            i += 1;
            continue;
        }
        let k = token_at(tokens, m.span.start);
        let particle = |j: usize| {
            j.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .filter(|t| PARTICLES.contains(&t.text(text)))
        };
        let Some(p1) = particle(k) else {
            i += 1;
            continue;
        };
        let first_particle = particle(k - 1).map_or(k - 1, |_| k - 2);
        let given = first_particle
            .checked_sub(1)
            .and_then(|g| tokens.get(g))
            .filter(|g| {
                let w = g.text(text);
                g.kind == TokenKind::Word
                    && w.starts_with(char::is_uppercase)
                    && text
                        .get(g.span.end..p1.span.start)
                        .is_some_and(|gap| gap.bytes().all(|b| b == b' ' || b.is_ascii_lowercase()))
                    && text.get(p1.span.end..m.span.start) == Some(" ")
                    && !is_title_word(w)
                    && !is_common_word(w)
                    && geo.demonym(w).is_none()
                    && geo.country_named(w).is_none()
                    && !geo.is_city(w)
            });
        let Some(given) = given else {
            i += 1;
            continue;
        };
        let start = given.span.start;
        // The given name's own mention (a one-word name) joins; any other
        // mention there keeps the words out.
        let before = i.checked_sub(1).and_then(|j| out.get(j));
        match before {
            Some(b) if b.span.end > start => {
                if b.span == given.span && b.kind == EntityKind::Person {
                    out.remove(i - 1);
                    i -= 1;
                } else {
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        if let Some(m) = out.get_mut(i) {
            m.span.start = start;
        }
        i += 1;
    }
}

/// Whether a word, lower-cased, is a common word of the language (of the
/// same coarse word class as "the").
fn is_common_word(w: &str) -> bool {
    use crate::nlp::ner::wordclass;
    let common = wordclass::classes("the")[0];
    common != wordclass::NONE && wordclass::classes(&w.to_lowercase())[0] == common
}

/// Opening and closing quotation marks a nickname is written between.
const QUOTES: &[(char, char)] = &[
    ('"', '"'),
    ('\u{201c}', '\u{201d}'),
    ('\'', '\''),
    ('\u{2018}', '\u{2019}'),
];

/// Where the surname starts after ` "Tommy" ` following a given name ending at
/// `end`: one or two capitalised words in quotes, then a capitalised word.
fn after_nickname(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let open = rest.chars().next()?;
    let &(_, close) = QUOTES.iter().find(|(o, _)| *o == open)?;
    let inner = rest.get(open.len_utf8()..)?;
    let (nick, after) = inner.split_once(close)?;
    let words = nick.split(' ').collect::<Vec<_>>();
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let surname = after.strip_prefix(' ')?;
    (words.len() <= 2 && words.iter().all(|w| capitalised(w)) && capitalised(surname))
        .then(|| text.len() - surname.len())
}

/// Whether `alias` is written ` ("Alias")` right after a name ending at `end`.
fn alias_in_brackets(text: &str, end: usize, alias: &Span) -> bool {
    let Some(between) = text.get(end..alias.start) else {
        return false;
    };
    let Some(open) = between.strip_prefix(" (").and_then(|q| q.chars().next()) else {
        return false;
    };
    let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == open) else {
        return false;
    };
    between.len() == 2 + open.len_utf8()
        && text
            .get(alias.end..)
            .and_then(|a| a.strip_prefix(close))
            .is_some_and(|a| a.starts_with(')'))
}

/// What a name the tagger took for a person's is, when its first word says
/// so: a storm ("Typhoon Sinlaku"), or a Spanish name of a cartel or gang
/// ("Cártel de Jalisco Nueva Generación", "Los Choneros"); also when the
/// cartel word stands right before it.
fn person_who_is_not(
    text: &str,
    span: &Span,
    person_tokens: &FxHashSet<&str>,
    geo: &dyn Geo,
) -> Option<EntityKind> {
    const STORMS: &[&str] = &["Typhoon", "Hurricane", "Cyclone", "Storm"];
    const GROUPS: &[&str] = &["Cartel", "Cártel", "Los", "Las"];
    let surface = text.get(span.clone())?;
    let first = surface.split(' ').next().unwrap_or("");
    // "the Agreement", "the Summit": a thing's head word alone names no one.
    if !surface.contains(' ')
        && (super::titled::is_thing_word(surface) || super::orgs::is_head(surface))
    {
        return Some(EntityKind::Misc);
    }
    // "Only God ...", "going to 'Jannah'": a being or realm of faith, no
    // real person.
    if DIVINE.contains(&surface) {
        return Some(EntityKind::Misc);
    }
    // "Masjid Al-Aqsa", "Mount Kenya", "Lake Chad": a word for a kind of
    // place opening the name.
    if surface.contains(' ') && PLACE_OPENERS.contains(&first) {
        return Some(EntityKind::Place);
    }
    // "Rohingya", "Coexistence": a people, or an abstract noun in a heading.
    if !surface.contains(' ')
        && !person_tokens.contains(surface)
        && (PEOPLES.contains(&surface) || abstract_noun(surface))
    {
        return Some(EntityKind::Misc);
    }
    // "Johns Hopkins Center", "Crow Tribe", "the Legislative Yuan": a body
    // named after a person or a people is no person.
    let last = surface.rsplit(' ').next().unwrap_or("");
    if surface.contains(' ')
        && (matches!(last, "Center" | "Centre" | "Tribe" | "Tribes")
            || last == "Yuan"
                && matches!(
                    first,
                    "Legislative" | "Executive" | "Judicial" | "Control" | "Examination"
                ))
    {
        return Some(EntityKind::Org);
    }
    // "Pax Americana", "Pax Silica": an order or a pact, named in Latin.
    if first == "Pax" && surface.contains(' ') {
        return Some(EntityKind::Misc);
    }
    // "the crime prevention program, Sembremos Seguridad": a thing's name
    // set after the noun for it.
    if let Some(noun) = text
        .get(..span.start)
        .and_then(|b| b.strip_suffix(", "))
        .and_then(|b| b.rsplit([' ', '\n']).next())
        && THING_NOUNS.contains(&noun)
    {
        return Some(EntityKind::Misc);
    }
    // "Vyasna, an independent human rights center": a body, by the noun for
    // it set after its name.
    if !surface.contains(' ') && !person_tokens.contains(surface) && body_after(text, span.end) {
        return Some(EntityKind::Org);
    }
    // "the trade union Aslef", "the newspaper Haaretz": the noun for a body
    // right before a one-word name that is no person's elsewhere.
    if !surface.contains(' ')
        && !person_tokens.contains(surface)
        && text
            .get(..span.start)
            .and_then(|b| b.strip_suffix(' '))
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .is_some_and(|w| BODY_NOUNS.contains(&w))
    {
        return Some(EntityKind::Org);
    }
    // "Delisting Guidance", "Countering Fraud": a phrase opening with a long
    // -ing form is a heading or a page, no one's name ("Channing" is short).
    if surface.contains(' ')
        && first.len() >= 9
        && first.ends_with("ing")
        && geo.country_named(first).is_none()
        && !geo.is_city(first)
    {
        return Some(EntityKind::Misc);
    }
    // "held in Sde Boker, Israel": a name between "in" and a country is a place.
    if text.get(..span.start).is_some_and(|b| b.ends_with(" in "))
        && text
            .get(span.end..)
            .and_then(|a| a.strip_prefix(", "))
            .and_then(|a| a.split([' ', ',', '.', '\n']).next())
            .is_some_and(|w| geo.country_named(w).is_some())
    {
        return Some(EntityKind::Place);
    }
    let before = text.get(..span.start)?.trim_end_matches(' ');
    let word_before = before.rsplit([' ', '\n']).next().unwrap_or("");
    if STORMS.contains(&first) || STORMS.contains(&word_before) {
        Some(EntityKind::Misc)
    } else if (GROUPS.contains(&first) && surface.contains(' ') && !geo.is_city(surface))
        || cartel_word_before(text, span.start).is_some()
    {
        Some(EntityKind::Org)
    } else {
        None
    }
}

/// Lower-case nouns for things that a name may follow after a comma ("the
/// program, Sembremos Seguridad").
const THING_NOUNS: &[&str] = &[
    "program",
    "programme",
    "initiative",
    "campaign",
    "operation",
    "project",
    "plan",
    "exercise",
    "mission",
    "strategy",
    "platform",
    "app",
    "website",
    "festival",
    "agreement",
    "treaty",
    "law",
];

/// Lower-case nouns for bodies set after a name ("Vyasna, a rights center").
const BODY_NOUNS: &[&str] = &[
    "center",
    "centre",
    "group",
    "organization",
    "organisation",
    "newspaper",
    "agency",
    "party",
    "movement",
    "company",
    "firm",
    "network",
    "foundation",
    "NGO",
    "union",
    "association",
    "coalition",
    "institute",
    "broadcaster",
    "outlet",
    "charity",
    "bank",
    "militia",
];

/// The most words read after ", a" for a body's noun.
const BODY_WINDOW: usize = 6;

/// Whether ", a/an/the ... <body noun>" follows `end` within a few words and
/// before any other punctuation: "Vyasna, an independent Belarusian human
/// rights center".
fn body_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|a| a.strip_prefix(", ")) else {
        return false;
    };
    let Some(rest) = ["a ", "an ", "the "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
    else {
        return false;
    };
    let clause = rest
        .split([',', '.', ';', ':', '(', '\n'])
        .next()
        .unwrap_or("");
    clause
        .split(' ')
        .take(BODY_WINDOW)
        .any(|w| BODY_NOUNS.contains(&w))
}

/// Armed and political movements, whatever the tagger took them for.
const MOVEMENTS: &[&str] = &[
    "Hamas",
    "Hezbollah",
    "Hizballah",
    "Hizbollah",
    "Taliban",
    "ISIS",
    "ISIL",
    "Daesh",
    "Islamic State",
    "Houthis",
    "Ansarallah",
    "al-Qaeda",
    "al-Qaida",
    "Al-Qaeda",
    "al-Shabaab",
    "Al-Shabaab",
    "al-Qa\u{2019}ida",
    "Al-Qa\u{2019}ida",
    "al-Qa'ida",
    "Al-Qa'ida",
    "Al-Qaida",
    "al Qaeda",
    "Al Qaeda",
    "Boko Haram",
    "ISIS-K",
    "ISIS-WA",
    "ISIS-Khorasan",
    "Tehreek-e-Taliban Pakistan",
    "Tehrik-e-Taliban Pakistan",
    "Tehrik-i-Taliban Pakistan",
    "Lashkar-e-Tayyiba",
    "Lashkar-e-Taiba",
    "Jaish-e-Mohammed",
    "Jaish-e-Muhammad",
    "Hayat Tahrir al-Sham",
    "Jabhat al-Nusra",
    "al-Nusra Front",
    "Kata\u{2019}ib Hizballah",
    "Kata'ib Hizballah",
    "Kataib Hezbollah",
    "Tren de Aragua",
    "MS-13",
    "Wagner Group",
];

/// [`MOVEMENTS`], [`OUTLETS`], [`PLATFORMS`] and [`PARTIES`] in one set:
/// every mention is asked, and a hundred comparisons each cost more than the
/// rest of its reading.
static NAMED_BODIES: WordSet = WordSet::new(&[MOVEMENTS, OUTLETS, PLATFORMS, PARTIES]);

/// Beings and realms of faith, named in prayers and quotes, that the tagger
/// may read as a person.
const DIVINE: &[&str] = &[
    "God", "Allah", "Almighty", "Jannah", "Heaven", "Paradise", "Satan", "Jehovah", "Yahweh",
];

/// Words for a kind of place that open its name ("Masjid Al-Aqsa" is the
/// Al-Aqsa Mosque, "Mount Kenya", "Lake Chad", "Fort Peck", "Punta Arenas",
/// "Costa Brava", "Isla Mujeres").
const PLACE_OPENERS: &[&str] = &[
    "Masjid", "Mount", "Lake", "Fort", "Camp", "Punta", "Costa", "Isla", "Cerro", "Playa", "Cabo",
    "Laguna",
];

/// Whether a name the tagger read as an organisation or other name opens with
/// a word for a kind of place, is short and holds no word of a body or a
/// document ("Costa Sur", but not "Fort Worth Police Department", "Camp
/// David Accords" nor "Fort Peck Indian Community").
fn opened_by_place_word(surface: &str) -> bool {
    let mut words = surface.split(' ');
    let first = words.next().unwrap_or("");
    PLACE_OPENERS.contains(&first)
        && (2..=3).contains(&surface.split(' ').count())
        && words.all(|w| !super::orgs::is_head(w) && !super::orgs::is_thing(w))
}

/// News agencies, broadcasters and papers, whatever the tagger took them for
/// ("Al Jazeera" read as a person, "Agence France-Presse" as a place).
const OUTLETS: &[&str] = &[
    "Agence France-Presse",
    "Agence France Presse",
    "Associated Press",
    "Al Jazeera",
    "Al Arabiya",
    "Reuters",
    "Xinhua",
    "Kyodo",
    "Yonhap",
    "Interfax",
    "Anadolu",
    "Sputnik",
    "Deutsche Welle",
    "Voice of America",
    "Radio Free Europe",
    "Sky News",
    "France 24",
    "Bloomberg",
];

/// The outlets each byte opens, as bits of `OUTLETS` by index: most words
/// open with a byte that opens none, so the text is searched by one table
/// test per word instead of once per outlet. (A 33rd outlet would overflow
/// the `u32` here and fail the build.)
static OUTLETS_BY_FIRST_BYTE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < OUTLETS.len() {
        if let [first, ..] = OUTLETS[i].as_bytes() {
            table[*first as usize] |= 1 << i;
        }
        i += 1;
    }
    table
};

/// Every outlet's name opens with an ASCII capital (checked when building),
/// which lets `outlet_occurrences` skip text without one.
const _: () = {
    let mut i = 0;
    while i < OUTLETS.len() {
        assert!(matches!(OUTLETS[i].as_bytes(), [b'A'..=b'Z', ..]));
        i += 1;
    }
};

/// Every occurrence of an outlet's name in `text` that does not follow an
/// ASCII letter or digit (one that does is glued to a longer word, which
/// `outlets_named_after_places` turns aside), as (start, index in `OUTLETS`).
/// Every outlet opens with an ASCII capital: the text is read eight bytes at
/// a time, and only the capitals among them are tested against the table.
/// (Searching the text once per outlet cost some fifteen instructions per
/// byte of every article, a table test of every byte about four.)
fn outlet_occurrences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let Some(&eight) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) else {
            // The last few bytes, one by one.
            for k in i..bytes.len() {
                outlets_at(bytes, k, &mut found);
            }
            break;
        };
        let mut caps = capitals(eight);
        while caps != 0 {
            // The high bit of the capital's byte: bit 8k + 7 for byte k.
            let k = caps.trailing_zeros() as usize / 8;
            caps &= caps - 1;
            outlets_at(bytes, i + k, &mut found);
        }
        i += 8;
    }
    found
}

/// The outlets whose names open at byte `i` of `bytes`, pushed to `found`.
fn outlets_at(bytes: &[u8], i: usize, found: &mut Vec<(usize, usize)>) {
    let Some(&b) = bytes.get(i) else {
        return;
    };
    let mut opened = OUTLETS_BY_FIRST_BYTE[usize::from(b)];
    if opened == 0 {
        return;
    }
    // No name starts inside a word, after an ASCII letter or digit.
    let glued = i
        .checked_sub(1)
        .and_then(|p| bytes.get(p))
        .is_some_and(u8::is_ascii_alphanumeric);
    if glued && b.is_ascii_alphanumeric() {
        return;
    }
    while opened != 0 {
        let k = opened.trailing_zeros() as usize;
        opened &= opened - 1;
        if OUTLETS
            .get(k)
            .zip(bytes.get(i..))
            .is_some_and(|(o, rest)| rest.starts_with(o.as_bytes()))
        {
            found.push((i, k));
        }
    }
}

/// "Voice of America", "Radio Free Europe", "Agence France-Presse": an
/// outlet whose name holds a place's is the outlet wherever the text names
/// it, however the tagger cut it ("Voice" and a place "America"); the place
/// inside is none of the story's.
fn outlets_named_after_places(text: &str, geo: &dyn Geo, out: &mut Vec<Mention>) {
    let place = |w: &str| geo.country_named(w).is_some() || geo.region(w).is_some();
    // A capitalised word glued before or after makes a longer name ("Sky
    // News Arabia", "Fox Voice of America"), which is not this one.
    // ("Image: Voice of America": a word before a colon is no part of it.)
    let capital = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic) && w != "The"
    };
    let capital_after = |i: usize| {
        text.get(i..).is_none_or(|a| {
            a.starts_with(char::is_alphanumeric)
                || a.strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(char::is_uppercase))
        })
    };
    let capital_before = |i: usize| {
        text.get(..i).is_none_or(|b| {
            b.ends_with(char::is_alphanumeric)
                || b.strip_suffix(' ')
                    .is_some_and(|b| b.rsplit([' ', '\n']).next().is_some_and(capital))
        })
    };
    // Whether an outlet's name holds a place, asked only of those the text
    // names.
    let mut holds_place: [Option<bool>; OUTLETS.len()] = [None; OUTLETS.len()];
    let mut found = Vec::new();
    for (i, k) in outlet_occurrences(text) {
        let (Some(outlet), Some(named)) = (OUTLETS.get(k), holds_place.get_mut(k)) else {
            continue;
        };
        let end = i + outlet.len();
        if *named.get_or_insert_with(|| outlet.split([' ', '-']).any(place))
            && !capital_before(i)
            && !capital_after(end)
        {
            found.push(i..end);
        }
    }
    if found.is_empty() {
        return;
    }
    out.retain(|m| {
        !found
            .iter()
            .any(|f| m.span.start < f.end && f.start < m.span.end)
    });
    out.extend(found.into_iter().map(|span| Mention {
        span,
        kind: EntityKind::Org,
    }));
    sort_by_start(out);
}

/// Social networks and messaging services, named in news as where someone
/// posted: organisations, though the tagger may read "Instagram" as a person
/// or "Telegram" as a place.
const PLATFORMS: &[&str] = &[
    "Facebook",
    "Twitter",
    "Instagram",
    "YouTube",
    "TikTok",
    "Telegram",
    "WhatsApp",
    "WeChat",
    "Weibo",
    "Snapchat",
    "Reddit",
    "LinkedIn",
    "VKontakte",
    "Tumblr",
    "Pinterest",
    "Twitch",
    "Discord",
    "Viber",
    "8chan",
    "4chan",
    "Parler",
    "Gab",
];

/// Political parties whose names hold no word for a party ("Sinn Féin",
/// "Fidesz"): the tagger reads some of them as people.
const PARTIES: &[&str] = &[
    "Sinn Féin",
    "Sinn Fein",
    "Plaid Cymru",
    "Fianna Fáil",
    "Fianna Fail",
    "Fine Gael",
    "Fidesz",
    "Jobbik",
    "Likud",
    "Syriza",
    "Podemos",
    "Ennahda",
    "Kuomintang",
    "Golkar",
    "Gerindra",
    "Die Linke",
    "Ciudadanos",
    "Vox",
];

/// Honorifics that open a person's name, however the tagger read the whole:
/// "Dr Jane Roe", "First Lady Ann Doe".
const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Lady", "Sir", "Dame",
];

/// Whether a name the tagger read as an organisation is a person's: an
/// honorific and name words after it ("Dr Jane Roe", "First Lady Ann Doe"),
/// or a given name and the surname of a person the text names ("Ann Doe"
/// beside "John Doe"). No word may be a body's, a thing's, a place's or a
/// demonym ("Doe Foundation", "Doe Administration").
fn org_naming_a_person(
    text: &str,
    tokens: &[Token],
    span: &Span,
    person_tokens: &FxHashSet<&str>,
    geo: &dyn Geo,
) -> bool {
    let inner = tokens_in(tokens, span);
    if !(2..=8).contains(&inner.len()) {
        return false;
    }
    let words: Vec<&str> = inner
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let titles = words.iter().take_while(|w| is_title_word(w)).count();
    let honorific = titles > 0
        && words
            .get(..titles)
            .is_some_and(|ts| ts.iter().any(|w| HONORIFICS.contains(w)));
    let name = words.get(titles..).unwrap_or(&[]);
    let name_words = !name.is_empty()
        && name.len() <= 3
        && name.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && !is_title_word(w)
                && !super::orgs::is_head(w)
                && !super::orgs::is_thing(w)
                && !super::titled::is_thing_word(w)
                && geo.demonym(w).is_none()
                && geo.country_named(w).is_none()
        });
    let known_surname = titles == 0
        && name.len() == 2
        && name.last().is_some_and(|w| person_tokens.contains(w))
        // "NSA Ribadu": an office's acronym is no given name.
        && name
            .first()
            .is_some_and(|w| w.chars().any(char::is_lowercase) && !geo.is_city(w));
    name_words && (honorific || known_surname)
}

/// "Little reconstruction has taken place": a one-word name opening a
/// sentence that is a common word of the language (of the same coarse word
/// class as "the", "years", "little"), capitalised only because it opens the
/// sentence, and no word of a longer person's name in the text ("May said"
/// after "Theresa May" stays her).
fn common_word_opening(text: &str, span: &Span, person_tokens: &FxHashSet<&str>) -> bool {
    let Some(surface) = text.get(span.clone()) else {
        return false;
    };
    if surface.contains(' ') || person_tokens.contains(surface) || !opens_sentence(text, span.start)
    {
        return false;
    }
    is_common_word(surface)
}

/// Whether an article stands right before `pos`: "a ", "an ", "the ".
fn after_article(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let word = before
        .rsplit([' ', '\n', '(', '"', '\u{201c}'])
        .next()
        .unwrap_or("");
    matches!(word, "a" | "an" | "the" | "A" | "An" | "The")
}

/// The words of the names the tagger found somewhere without an article
/// before them ("Walmart said", "President Trump", not "the Walmart").
fn named_without_article<'a>(text: &'a str, mentions: &[Mention]) -> FxHashSet<&'a str> {
    mentions
        .iter()
        .filter(|m| !after_article(text, m.span.start))
        .filter_map(|m| text.get(m.span.clone()))
        .flat_map(|s| s.split(' '))
        .collect()
}

/// Whether a one-word name read as a person's stands after an article here
/// and everywhere else the tagger found it, and is neither a title ("the
/// Pope") nor part of a longer person's name: people are named bare ("the
/// Trump administration" beside "Donald Trump" keeps its person).
fn only_with_article<'a>(
    text: &str,
    span: &Span,
    person_tokens: &FxHashSet<&str>,
    bare_names: impl FnOnce() -> &'a FxHashSet<&'a str>,
) -> bool {
    let surface = text.get(span.clone()).unwrap_or("");
    // "the Trump Administration's push", "the Ortega regime": what a
    // leader heads, named after them.
    const LED: &[&str] = &[
        "administration",
        "Administration",
        "regime",
        "government",
        "Government",
        "presidency",
        "cabinet",
        "family",
        "campaign",
        "era",
    ];
    let next = text
        .get(span.end..)
        .and_then(|a| a.strip_prefix(' '))
        .and_then(|a| a.split([' ', '\u{2019}', '\'', ',', '.']).next())
        .unwrap_or("");
    // The article first: most names have none, and the set of bare names is
    // then never built.
    !surface.contains(' ')
        && after_article(text, span.start)
        && !person_tokens.contains(surface)
        && !bare_names().contains(surface)
        && !is_title_word(surface)
        && !LED.contains(&next)
}

/// Whether the same one-word name stands elsewhere as a person's, not
/// opening a sentence ("... said Young." before "Young added ...").
fn named_elsewhere(text: &str, span: &Span, mentions: &[Mention]) -> bool {
    let surface = text.get(span.clone()).unwrap_or("");
    mentions.iter().any(|o| {
        o.kind == EntityKind::Person
            && o.span != *span
            && !opens_sentence(text, o.span.start)
            && text.get(o.span.clone()) == Some(surface)
    })
}

/// Roughly: `pos` opens a sentence (after ". " or at a paragraph start).
fn opens_sentence(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("").trim_end_matches(' ');
    before.is_empty() || before.ends_with(['.', '\n', '!', '?', '"', '\u{201c}'])
}

/// Peoples and ethnic groups the tagger may read as a person ("against Rohingya").
const PEOPLES: &[&str] = &[
    "Rohingya",
    "Uyghur",
    "Uyghurs",
    "Uighur",
    "Uighurs",
    "Kurds",
    "Yazidi",
    "Yazidis",
    "Tamil",
    "Tamils",
    "Pashtun",
    "Pashtuns",
    "Hazara",
    "Hazaras",
    "Druze",
    "Bedouin",
    "Maasai",
    "Tigrayans",
    "Amhara",
    "Oromo",
    "Tutsi",
    "Hutu",
    "Roma",
];

/// A long word ending like an abstract noun ("Coexistence", "Resilience",
/// "Cooperation"): a heading's word, no person's name.
fn abstract_noun(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "sion", "ence", "ance", "ment", "ity", "ism", "ness", "ship", "hood",
    ];
    // "Sanctions", "Authorities": plurals of the clearest endings too (not
    // "-ments": "Clements" is a surname).
    const PLURAL_ENDINGS: &[&str] = &["tions", "sions", "ities"];
    w.chars().count() >= 7
        && (ENDINGS.iter().any(|e| w.ends_with(e)) || PLURAL_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// "National Security Advisor", "First Lady Dr.": a title, no organisation,
/// though the tagger says so; "Office of the Spokesperson" keeps its head.
fn title_only(text: &str, tokens: &[Token], span: &Span) -> bool {
    let inner = tokens_in(tokens, span);
    inner
        .last()
        .is_some_and(|t| super::titled::is_person_title(t.text(text)) || t.text(text) == "Lady")
        && !inner.iter().any(|t| super::orgs::is_head(t.text(text)))
}

/// Where "Cartel ", "Cártel de " or "Cartel del " starts when it stands right before `start`.
fn cartel_word_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?;
    [
        "Cartel ",
        "Cártel ",
        "Cartel de ",
        "Cártel de ",
        "Cartel del ",
        "Cártel del ",
    ]
    .iter()
    .find_map(|w| before.strip_suffix(w))
    .filter(|b| b.is_empty() || b.ends_with([' ', '\n', '(']))
    .map(str::len)
}

/// The span with the cartel word before it taken in.
fn with_cartel_word(text: &str, span: &Span) -> Span {
    cartel_word_before(text, span.start).unwrap_or(span.start)..span.end
}

/// Suffixes after a person's name that the tagger may take for a name of their own.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "Junior", "Senior"];

/// Words that name nobody on their own, though the tagger may take them for a
/// name: a generational suffix ("Joseph R. Biden, Jr."), an abbreviated title
/// ("Lt. Gen. Michael Kurilla"), an honorific ("His Royal Highness").
fn names_nobody(surface: &str) -> bool {
    const HONORIFIC_WORDS: &[&str] = &[
        "Majesty",
        "Majesties",
        "Highness",
        "Highnesses",
        "Royal",
        "Excellency",
        "Excellencies",
        "Holiness",
    ];
    let honorific = ["His ", "Her ", "Their ", "Your "]
        .iter()
        .find_map(|p| surface.strip_prefix(p))
        .is_some_and(|rest| rest.split(' ').all(|w| HONORIFIC_WORDS.contains(&w)));
    NAME_SUFFIXES.contains(&surface)
        || (surface.ends_with('.') && !surface.contains(' ') && is_title_word(surface))
        || honorific
}

/// Month and day names that are also towns ("March" in England): in news
/// they are dates.
const CALENDAR_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Capitalised common nouns that stand for a named body without naming it.
const GENERIC_ORG_WORDS: &[&str] = &[
    "Kingdom",
    "Chair",
    "Earth",
    "Republic",
    "Secretary",
    "Department",
    "Ministry",
    "Embassy",
    "Government",
    "Administration",
];

/// Whether an organisation's name is made only of common nouns for bodies,
/// roles and groups, which name no one body by themselves.
fn only_common_nouns(surface: &str) -> bool {
    const COMMON: &[&str] = &[
        "Alliance",
        "Allies",
        "Board",
        "Committee",
        "Delegation",
        "Delegations",
        "Deputy",
        "Assistant",
        "Under",
        "Foreign",
        "Governments",
        "Group",
        "Groups",
        "Leaders",
        "Members",
        "Ministers",
        "Office",
        "Participants",
        "Parties",
        "Sides",
        "Situation",
        "Steering",
        "Working",
    ];
    let surface = surface.strip_prefix("the ").unwrap_or(surface);
    !surface.is_empty()
        && surface
            .split(' ')
            .all(|w| COMMON.contains(&w) || GENERIC_ORG_WORDS.contains(&w))
}

/// Whether the words around a place's name show it names something else
/// here: a machine's model ("Apache helicopters"), an office ("Assistant
/// Secretary for East Asian and Pacific Affairs"), or a body by its common
/// noun ("part of Alliance cooperation": a town called Alliance lies in Ohio,
/// named so only after "in").
fn named_otherwise(text: &str, span: &Span, geo: &dyn Geo) -> bool {
    let office = text
        .get(span.end..)
        .is_some_and(|a| a.starts_with(" Affairs"));
    office
        || super::products::model_name(text, span, geo)
        || text
            .get(span.clone())
            .is_some_and(|s| !s.contains(' ') && only_common_nouns(s))
            && !after_in(text, span)
}

/// The country's name in "U.S. Federal" before a lower-case noun ("the U.S.
/// Federal government").
fn country_before_state_adjective(text: &str, span: &Span, geo: &dyn Geo) -> Option<Span> {
    const STATE_ADJECTIVES: &[&str] = &["Federal", "National", "Central", "State"];
    let (country, adjective) = text.get(span.clone())?.rsplit_once(' ')?;
    let lower_next = text
        .get(span.end..)?
        .strip_prefix(' ')?
        .starts_with(|c: char| c.is_lowercase());
    (lower_next && STATE_ADJECTIVES.contains(&adjective) && geo.country_named(country).is_some())
        .then(|| span.start..span.start + country.len())
}

/// The country in a name made of a country's name and "Government" ("the
/// United States Government", "the UK Government"), if it is one.
fn country_before_government(text: &str, span: &Span, geo: &dyn Geo) -> Option<Span> {
    let country = text.get(span.clone())?.strip_suffix(" Government")?;
    geo.country_named(country)?;
    Some(span.start..span.start + country.len())
}

/// Whether a name opens with a prefix that makes it a modifier ("Non-U.S.",
/// "anti-Japan", "pro-Russia").
fn opens_with_prefix(surface: &str) -> bool {
    surface.split_once('-').is_some_and(|(first, rest)| {
        !rest.is_empty()
            && ["anti", "ex", "non", "post", "pre", "pro"]
                .iter()
                .any(|p| first.eq_ignore_ascii_case(p))
    })
}

/// Countries whose own name opens with a capitalised "The" ("The Bahamas",
/// "The Gambia", as their constitutions write them).
const NAMES_WITH_THE: &[&str] = &["Bahamas", "Gambia"];

/// A country's name after a capitalised "The" read into the place ("The
/// Netherlands"): the name alone, unless the article is part of it.
pub(super) fn country_after_the(text: &str, span: &Span, geo: &dyn Geo) -> Option<Span> {
    let rest = text.get(span.clone())?.strip_prefix("The ")?;
    if NAMES_WITH_THE.contains(&rest) {
        return None;
    }
    geo.country_named(rest)?;
    Some(span.end - rest.len()..span.end)
}

/// Whether `span` is a word for a state ("Republic", "Kingdom") after an
/// article.
fn state_noun_after_article(text: &str, span: &Span) -> bool {
    const STATE_NOUNS: &[&str] = &[
        "Republic",
        "Kingdom",
        "Union",
        "Federation",
        "Commonwealth",
        "State",
        "Nation",
        "Homeland",
    ];
    text.get(span.clone())
        .is_some_and(|s| STATE_NOUNS.contains(&s))
        && after_article(text, span.start)
}

/// Whether `span` follows "Minister of", "Secretary of the", "Under
/// Secretary of State for" ...: the rest of a title.
fn in_title(text: &str, span: &Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let before = before.strip_suffix("the ").unwrap_or(before);
    let Some(rest) = before
        .strip_suffix(" of ")
        .or_else(|| before.strip_suffix(" for "))
    else {
        return false;
    };
    let rest = rest.strip_suffix(" of State").unwrap_or(rest);
    rest.rsplit([' ', '\n']).next().is_some_and(|w| {
        matches!(
            w,
            "Minister" | "Ministers" | "Secretary" | "Secretaries" | "Commissioner"
        )
    })
}

/// A name in a credit: right after "(" and before ")" or "/".
fn credit(text: &str, span: &Span) -> bool {
    let before = text.get(..span.start).and_then(|b| b.chars().next_back());
    let after = text.get(span.end..).and_then(|a| a.chars().next());
    before == Some('(') && matches!(after, Some(')' | '/'))
}

/// A city of 100,000 people or more has this name.
pub(super) fn big_city(name: &str, geo: &dyn Geo) -> bool {
    geo.is_city(name)
        && geo
            .cities(name)
            .first()
            .is_some_and(|c| c.population >= 100_000)
}

/// "Brussels-based", "United States-led", "Cuba-based": a country's or a big
/// city's name glued by a dash to a lower-case word (the mention is that one
/// compound) is the place, written as a modifier: the span of the name. A
/// demonym ("Kurdish-led") or a small town's name ("Ebola-infected") is none.
fn place_before_modifier(text: &str, span: &Span, geo: &dyn Geo) -> Option<Span> {
    let surface = text.get(span.clone())?;
    // Most names hold neither a hyphen nor an en dash (0xE2 opens its bytes):
    // one byte scan before the search by characters.
    if !surface.bytes().any(|b| b == b'-' || b == 0xE2) {
        return None;
    }
    let dash = surface.rfind(['-', '\u{2013}'])?;
    let (name, rest) = surface.split_at(dash);
    let modifier = rest.trim_start_matches(['-', '\u{2013}']);
    let lower = modifier.chars().next().is_some_and(char::is_lowercase)
        && modifier.chars().all(char::is_alphabetic);
    let place = || geo.country_named(name).is_some() || big_city(name, geo);
    (lower && !name.contains(['-', '\u{2013}']) && place()).then(|| span.start..span.start + dash)
}

/// "Japan-Philippines", "U.S.-China": every hyphen-separated part names a country.
fn is_compound_of_countries(surface: &str, geo: &dyn Geo) -> bool {
    surface.contains('-')
        && surface
            .split('-')
            .all(|p| !p.is_empty() && geo.country_named(p).is_some())
}

/// The places of a compound of places closed by "Alliance" ("U.S.-ROK
/// Alliance"), one mention each.
fn places_of_alliance(text: &str, span: &Span, geo: &dyn Geo) -> Option<Vec<Mention>> {
    let compound = text.get(span.clone())?.strip_suffix(" Alliance")?;
    if !is_compound_of_places(compound, geo) {
        return None;
    }
    let mut start = span.start;
    let mut places = Vec::new();
    for part in compound.split('-') {
        places.push(Mention {
            span: start..start + part.len(),
            kind: EntityKind::Place,
        });
        start += part.len() + 1;
    }
    Some(places)
}

/// "China-Europe", "U.S.-Japan": every hyphen-separated part names a place.
pub fn is_compound_of_places(surface: &str, geo: &dyn Geo) -> bool {
    surface.contains('-')
        && surface.split('-').all(|p| {
            !p.is_empty()
                && (geo.country_named(p).is_some()
                    || geo.is_city(p)
                    || p == "Europe"
                    || p == "Africa"
                    || p == "Asia")
        })
}

/// Takes in one capitalised word glued before a name ("Trans-Caspian" +
/// "International Transport Corridor") when it is no title, place or entity.
fn extend_left(
    text: &str,
    tokens: &[Token],
    span: &Span,
    mentions: &[Mention],
    geo: &dyn Geo,
) -> Span {
    let i = token_at(tokens, span.start);
    let Some(prev) = i.checked_sub(1).and_then(|k| tokens.get(k)) else {
        return span.clone();
    };
    let w = prev.text(text);
    let glued = text.get(prev.span.end..span.start) == Some(" ");
    let capitalised =
        prev.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase);
    // Another mention there blocks, unless it is a lone hyphenated modifier the tagger split off.
    // Mentions are sorted by start: only those starting before `prev` ends can overlap it.
    // (This and `name_tail` are asked only of a glued capitalised hyphenated word.)
    let named = || {
        let before = mentions.partition_point(|m| m.span.start < prev.span.end);
        mentions[..before].iter().rev().take(4).any(|m| {
            m.span.start < prev.span.end
                && prev.span.start < m.span.end
                && !(m.kind == EntityKind::Misc && m.span == prev.span)
        })
    };
    // Asked last, and only of a glued hyphenated word: the gazetteer lookups
    // cost more than all the other tests.
    let plain = || {
        !is_title_word(w)
            && geo.demonym(w).is_none()
            && geo.country_named(w).is_none()
            && !geo.is_city(w)
            && !is_compound_of_places(w, geo)
    };
    // "Trans-Caspian" joins a name; "Muslim-majority", "Russian-backed" are
    // modifiers before it: the part after the last hyphen is capitalised.
    let name_tail = || {
        w.rsplit('-')
            .next()
            .is_some_and(|t| t.starts_with(char::is_uppercase))
    };
    if glued
        && capitalised
        && w.contains('-')
        && name_tail()
        && !named()
        && !sentence_initial(text, prev)
        && plain()
    {
        prev.span.start..span.end
    } else {
        span.clone()
    }
}

/// The most capitalised words read after a capitalised "The" for a name.
const MAX_THE_NAME_WORDS: usize = 5;

/// "according to The Guardian", "a spokesperson for The Greens": a capital
/// "The" inside a sentence opens the name of a newspaper, magazine or body
/// ("The Washington Post"), which the tagger misses or cuts to its last word.
/// The name replaces what the tagger read in it, unless that is a person or
/// reaches out of it; "The Hague" and "The Gambia" (a city or country with
/// its article) are left alone. `mentions` stay sorted.
fn names_opened_by_the(view: &View, geo: &dyn Geo, mentions: &mut Vec<Mention>) {
    let (text, tokens) = (view.text, view.tokens);
    let mut found: Vec<Span> = Vec::new();
    // "The" opens with a capital: only such tokens are read, from the view.
    for &i in view.uppers() {
        if i == 0 || view.word(i) != "The" {
            continue;
        }
        let (Some(prev), Some(t)) = (tokens.get(i - 1), tokens.get(i)) else {
            continue;
        };
        let inside_sentence = text.get(prev.span.end..t.span.start) == Some(" ")
            && (view.word(i - 1) == ","
                || prev.kind == TokenKind::Word
                    && view.word(i - 1).starts_with(char::is_lowercase));
        if !inside_sentence {
            continue;
        }
        let mut end = i;
        while end + 1 < tokens.len()
            && end - i < MAX_THE_NAME_WORDS
            && view.name_word(end + 1)
            && text.get(tokens[end].span.end..tokens[end + 1].span.start) == Some(" ")
        {
            end += 1;
        }
        if end == i {
            continue;
        }
        let whole = t.span.start..tokens[end].span.end;
        let rest = text.get(tokens[i + 1].span.start..whole.end).unwrap_or("");
        let place = |n: &str| geo.country_named(n).is_some() || geo.is_city(n);
        if place(rest) || text.get(whole.clone()).is_some_and(place) || is_title_word(rest) {
            continue;
        }
        found.push(whole);
    }
    if found.is_empty() {
        return;
    }
    for span in found {
        let lo = mentions.partition_point(|m| m.span.end <= span.start);
        let n = mentions
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .take_while(|m| m.span.start < span.end)
            .count();
        let inside = mentions.get(lo..lo + n).unwrap_or(&[]);
        if inside.iter().any(|m| {
            m.kind == EntityKind::Person || m.span.start < span.start || m.span.end > span.end
        }) {
            continue;
        }
        mentions.splice(
            lo..lo + n,
            [Mention {
                span,
                kind: EntityKind::Org,
            }],
        );
    }
}

/// The one place mention that a region's name covers and widens to the left
/// ("Hampshire" in "New Hampshire"), if one alone overlaps it.
fn tail_of_region<'a>(mentions: &'a mut [Mention], span: &Span) -> Option<&'a mut Mention> {
    let i = mentions.partition_point(|m| m.span.end <= span.start);
    let alone = mentions
        .get(i + 1)
        .is_none_or(|next| next.span.start >= span.end);
    mentions.get_mut(i).filter(|m| {
        alone && m.kind == EntityKind::Place && m.span.end == span.end && m.span.start > span.start
    })
}

fn overlaps(mentions: &[Mention], span: &Span) -> bool {
    let i = mentions.partition_point(|m| m.span.end <= span.start);
    mentions.get(i).is_some_and(|m| m.span.start < span.end)
}

/// Tokens of the text that lie inside `span`.
pub fn tokens_in<'a>(tokens: &'a [Token], span: &Span) -> &'a [Token] {
    let lo = tokens.partition_point(|t| t.span.start < span.start);
    // A mention holds a few tokens: counting them from the first costs less
    // than a second search over the whole text (asked for most mentions, by
    // several rules).
    let rest = tokens.get(lo..).unwrap_or(&[]);
    let n = rest.iter().take_while(|t| t.span.start < span.end).count();
    rest.get(..n).unwrap_or(&[])
}

/// Sorts mentions by where they start, keeping the order of those starting
/// together. Most rules leave them sorted, and a stable sort of a sorted list
/// still takes a scratch buffer and walks it: check first.
pub fn sort_by_start(mentions: &mut [Mention]) {
    if !mentions.is_sorted_by_key(|m| m.span.start) {
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Index of the token starting at or after byte `pos`.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.start < pos)
}

/// Drops leading titles and demonyms: "Azerbaijani President Ilham Aliyev" -> "Ilham Aliyev".
fn strip_titles(text: &str, tokens: &[Token], span: &Span, geo: &dyn Geo) -> Option<Span> {
    let inner = tokens_in(tokens, span);
    let mut i = 0;
    while i + 1 < inner.len() {
        let w = inner[i].text(text);
        if is_title_word(w)
            || geo.demonym(w).is_some()
            || geo.country_named(w).is_some()
            || w == "'s"
        {
            i += 1;
        } else {
            break;
        }
    }
    let first = inner.get(i)?;
    // "Premier" left of "Vice Premier": a title alone names no one.
    if inner.len() == i + 1 && is_title_word(first.text(text)) {
        return None;
    }
    Some(first.span.start.max(span.start)..span.end)
}

/// Single words of multi-word person names ("Li", "Qiang" from "Li Qiang").
fn multi_word_person_tokens<'a>(
    text: &'a str,
    tokens: &[Token],
    mentions: &[Mention],
) -> FxHashSet<&'a str> {
    let mut out = FxHashSet::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let inner = tokens_in(tokens, &m.span);
        if inner.len() > 1 {
            out.extend(
                inner
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word && !is_title_word(t.text(text)))
                    .map(|t| t.text(text)),
            );
        }
    }
    out
}

/// The last words of the multi-word names the tagger read as people's.
fn person_surnames<'a>(
    text: &'a str,
    tokens: &[Token],
    mentions: &[Mention],
) -> FxHashSet<&'a str> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .filter_map(|m| match tokens_in(tokens, &m.span) {
            [_, .., last] if last.kind == TokenKind::Word => Some(last.text(text)),
            _ => None,
        })
        .collect()
}

/// Whether a one-word name at `span` is the surname of a person the text
/// names rather than the city it also names: not a country's name, and not
/// where a place stands ("in Amman", "to Amman", "Amman, Jordan").
fn surname_not_place(text: &str, span: &Span, surnames: &FxHashSet<&str>, geo: &dyn Geo) -> bool {
    const LOCATIVES: &[&str] = &[
        " in ",
        " to ",
        " from ",
        " at ",
        " near ",
        " of ",
        " outside ",
        " into ",
        " via ",
        " across ",
        " around ",
    ];
    let Some(surface) = text.get(span.clone()) else {
        return false;
    };
    if surnames.is_empty() || surface.contains(' ') || !surnames.contains(surface) {
        return false;
    }
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let located = LOCATIVES.iter().any(|p| before.ends_with(p))
        || after
            .strip_prefix(", ")
            .is_some_and(|a| a.starts_with(char::is_uppercase));
    // A capitalised word right before ("Sudesh Amman", "Queen Alia"): part
    // of a longer name, no lone surname.
    let prev_word = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit([' ', '\n']).next())
        .unwrap_or("");
    let in_name = prev_word.starts_with(char::is_uppercase)
        && !prev_word.ends_with(['.', ',', ':', ';', '"', '\u{201d}']);
    !located && !in_name && geo.country_named(surface).is_none()
}

/// All-caps place names opening a paragraph and followed by a comma: datelines.
fn datelines(text: &str, tokens: &[Token], geo: &dyn Geo) -> Vec<Span> {
    let mut out = Vec::new();
    // Where paragraphs start (the text's start and after each "\n\n"),
    // found by hopping between newlines, and the token there by a binary
    // search: a text has far fewer paragraphs than tokens to test.
    let bytes = text.as_bytes();
    let paragraph_starts = std::iter::once(0).chain(
        text.match_indices('\n')
            .filter(|&(j, _)| j > 0 && bytes.get(j - 1) == Some(&b'\n'))
            .map(|(j, _)| j + 1),
    );
    for start in paragraph_starts {
        let i = token_at(tokens, start);
        let Some(t) = tokens.get(i).filter(|t| t.span.start == start) else {
            continue;
        };
        // Up to three all-caps words before the comma ("NEW YORK,").
        let mut j = i;
        while j < tokens.len() && j < i + 3 && is_all_caps_word(tokens[j].text(text)) {
            j += 1;
        }
        if j == i || tokens.get(j).is_none_or(|c| c.text(text) != ",") {
            continue;
        }
        let span = t.span.start..tokens[j - 1].span.end;
        let name = title_case(text.get(span.clone()).unwrap_or(""));
        if geo.is_city(&name) || geo.country_named(&name).is_some() {
            out.push(span);
        }
    }
    out
}

fn is_all_caps_word(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
}

/// "NEW YORK" -> "New York".
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// A gazetteer hit glued to other capitalised words is part of a longer name
/// ("Washington Post", "Azerbaijan Airlines"), except a country before a
/// title ("U.S. President").
fn part_of_longer_name(text: &str, tokens: &[Token], span: &Span, kind: GeoKind) -> bool {
    let i = token_at(tokens, span.start);
    let j = token_at(tokens, span.end);
    let capitalised = |t: &Token| {
        t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
    };
    let glued = |a: usize, b: usize| {
        text.get(a..b)
            .is_some_and(|gap| gap.chars().all(|c| c == ' '))
    };
    let before = i
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            capitalised(t) && glued(t.span.end, span.start) && !sentence_initial(text, t)
        });
    let after = tokens.get(j).is_some_and(|t| {
        capitalised(t)
            && glued(span.end, t.span.start)
            && !(kind == GeoKind::Country && is_title_word(t.text(text)))
    });
    before || after
}

/// Roughly: the token opens a sentence (after ". " or at a paragraph start).
fn sentence_initial(text: &str, t: &Token) -> bool {
    opens_sentence(text, t.span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dateline opens the text or a paragraph (after a blank line, or
    /// several); a place in capitals after one newline or mid-line is none.
    #[test]
    fn datelines_open_paragraphs() {
        let geo = super::super::geo::table::Table::sample();
        let text = "BEIJING, May 1 -- Talks.\n\nNEW LIMA, no.\n\n\nLIMA, May 2 -- More.\n\
                    TOKYO, May 3 -- Not a paragraph. Talks in PARIS, yes.\n\n\n\nPARIS, May 4";
        let tokens = crate::nlp::token::tokenize(text);
        let found: Vec<&str> = datelines(text, &tokens, &geo)
            .into_iter()
            .map(|s| &text[s])
            .collect();
        assert_eq!(found, ["BEIJING", "LIMA", "PARIS"]);
    }

    /// Mentions end sorted by start, those starting together in their order.
    #[test]
    fn sorting_by_start_is_stable() {
        let m = |start: usize, end: usize, kind: EntityKind| Mention {
            span: start..end,
            kind,
        };
        let mut out = vec![
            m(9, 12, EntityKind::Org),
            m(0, 4, EntityKind::Person),
            m(0, 2, EntityKind::Place),
        ];
        sort_by_start(&mut out);
        assert_eq!(
            out,
            [
                m(0, 4, EntityKind::Person),
                m(0, 2, EntityKind::Place),
                m(9, 12, EntityKind::Org)
            ]
        );
    }

    /// Every occurrence of an outlet that opens a word is found, side by
    /// side, twice, after a mark or at the start; none glued after a letter.
    #[test]
    fn every_outlet_occurrence_is_found() {
        let text = "Voice of America and Radio Free Europe; (Reuters) xReuters \
                    pro-Voice of America, Voice of America";
        let found: Vec<(usize, &str)> = outlet_occurrences(text)
            .into_iter()
            .map(|(i, k)| (i, OUTLETS[k]))
            .collect();
        let at = |s: &str, n: usize| text.match_indices(s).nth(n).map_or(0, |(i, _)| i);
        assert_eq!(
            found,
            [
                (0, "Voice of America"),
                (at("Radio", 0), "Radio Free Europe"),
                (at("Reuters", 0), "Reuters"),
                (at("Voice", 1), "Voice of America"),
                (at("Voice", 2), "Voice of America"),
            ]
        );
    }
}
