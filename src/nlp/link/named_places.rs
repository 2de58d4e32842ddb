//! Places named by what they are: a run of capitalised name words closed by a
//! word for a kind of place ("Fairfax County", "Ream Naval Base", "Sultan
//! Qaboos Grand Mosque", "Kerem Shalom Crossing"). The tagger misses many of
//! them or reads them as organisations or people; the head word settles it.

use super::geo::Geo;
use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{EntityKind, Span};

use super::words::WordSet;
use crate::nlp::ner::Mention;

/// Words that close the name of a place: divisions, facilities, landmarks,
/// landforms, waters and routes. Sorted, for binary search.
const HEADS: &[&str] = &[
    "Airport",
    "Archipelago",
    "Atoll",
    "Avenue",
    "Basilica",
    "Basin",
    "Borough",
    "Boulevard",
    "Bridge",
    "Camp",
    "Canal",
    "Canton",
    "Castle",
    "Cathedral",
    "Cemetery",
    "Chapel",
    "Clinic",
    "Corridor",
    "County",
    "Crossing",
    "Dam",
    "Delta",
    "Desert",
    "District",
    "Governorate",
    "Heights",
    "Highway",
    "Hospital",
    "Mall",
    "Memorial",
    "Monument",
    "Mosque",
    "Mountains",
    "Municipality",
    "Museum",
    "Oblast",
    "Palace",
    "Parish",
    "Peninsula",
    "Plateau",
    "Prefecture",
    "Prison",
    "Province",
    "Reservoir",
    "Road",
    "Route",
    "Shrine",
    "Square",
    "Stadium",
    "Street",
    "Synagogue",
    "Temple",
    "Tower",
    "Township",
    "Valley",
    "Zoo",
];

/// "Base" names a place only as a military one ("Ream Naval Base", "Al Udeid
/// Air Base", "Travis Air Force Base"); a "Defense Industrial Base" is none.
const BASE_KINDS: &[&str] = &[
    "Air", "Army", "Force", "Marine", "Military", "Naval", "Navy",
];

/// "Station" and "Center" name a place only after a word for a facility
/// ("Tarvo Space Station", "Lenox Medical Center"); a "Research Center" or a
/// "Carter Center" is mostly a body.
const STATION_KINDS: &[&str] = &[
    "Air", "Naval", "Police", "Power", "Railway", "Space", "Train",
];
const CENTER_KINDS: &[&str] = &[
    "Convention",
    "Detention",
    "Medical",
    "Shopping",
    "Space",
    "Trade",
];

/// Whether the word at token `i` closes a facility's name by the word before
/// it ([`BASE_KINDS`], [`STATION_KINDS`], [`CENTER_KINDS`]).
fn facility_head(text: &str, tokens: &[Token], i: usize, w: &str) -> bool {
    let kinds = match w {
        "Base" => BASE_KINDS,
        "Station" => STATION_KINDS,
        "Center" | "Centre" => CENTER_KINDS,
        _ => return false,
    };
    i.checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_some_and(|t| kinds.contains(&t.text(text)))
}

/// Words of a body that may stand before a place word inside an
/// organisation's name ("Islamic State Khorasan Province"): no place then.
const BODY_WORDS: &[&str] = &[
    "Army", "Bank", "Company", "Forces", "Front", "Group", "Movement", "Party", "State",
];

/// Capitalised words that open sentences or phrases but name nothing.
const FUNCTION_WORDS: &[&str] = &[
    "A", "After", "An", "And", "As", "At", "Before", "But", "By", "During", "For", "From", "In",
    "Inside", "Near", "On", "Outside", "Since", "The", "This", "To", "When", "While", "With",
];

/// How many name words may stand before the head word.
const MAX_NAME_WORDS: usize = 5;

fn capitalised_word(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase())
}

/// "Muslim-majority", "Russian-backed": a capitalised word whose part after
/// the last hyphen is in lower case modifies the name after it, and is no
/// part of it ("Trans-Caspian" and "Guinea-Bissau" are).
pub fn hyphenated_modifier(w: &str) -> bool {
    w.contains('-')
        && w.rsplit('-')
            .next()
            .is_some_and(|last| last.starts_with(char::is_lowercase))
}

/// Arabic article prefixes written in lower case inside names ("al-Aqsa").
fn article_prefixed(w: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-"]
        .iter()
        .any(|p| w.len() > p.len() && w.starts_with(p))
}

/// Words written in lower case after a name that say it is a place
/// ("Afghanistan's Maidan Wardak province", "the Kamal hospital"): the name
/// alone is the place. Sorted, for binary search.
const LOWER_HEADS: &[&str] = &[
    "airport",
    "county",
    "crossing",
    "district",
    "governorate",
    "hospital",
    "mosque",
    "oblast",
    "port",
    "prefecture",
    "prison",
    "province",
    "region",
];

/// Nouns for a kind of place before "of" and its name ("the island of
/// Rhodes", "the town of Artigas"). Sorted, for binary search.
const KIND_OF: &[&str] = &[
    "archipelago",
    "city",
    "county",
    "district",
    "governorate",
    "island",
    "municipality",
    "oblast",
    "port",
    "prefecture",
    "province",
    "region",
    "state",
    "town",
    "village",
];

/// Lower-case words inside a place's name ("Rio Grande do Sul").
const NAME_CONNECTORS: &[&str] = &["da", "de", "del", "do", "dos", "la"];

/// Capitalised words for a body of water or a landform whose name goes on
/// after "of" ("Gulf of Oman", "Bay of Bengal", "Cape of Good Hope"): the whole
/// phrase is the place, where the tagger often reads the word alone and a
/// country after it ("Gulf", "Oman"). Sorted, for binary search.
const WHOLE_WITH_OF: &[&str] = &[
    "Bay", "Cape", "Gulf", "Isle", "Lake", "Sea", "Strait", "Straits",
];

/// The name after "of" at token `i` when a kind of place stands before it:
/// capitalised words and connectors between them ("the island of Rhodes"), or
/// with the kind word when that opens the name ([`WHOLE_WITH_OF`]).
fn named_after_of(text: &str, tokens: &[Token], i: usize) -> Option<Span> {
    let kind_token = tokens.get(i.checked_sub(1)?)?;
    let kind = kind_token.text(text);
    let whole = WHOLE_WITH_OF.binary_search(&kind).is_ok();
    if !whole && KIND_OF.binary_search(&kind).is_err() {
        return None;
    }
    let first = tokens.get(i + 1).filter(|t| capitalised_word(text, t))?;
    if FUNCTION_WORDS.contains(&first.text(text)) {
        return None;
    }
    let mut end = first.span.end;
    let mut prev_end = first.span.end;
    for t in tokens.iter().skip(i + 2).take(MAX_NAME_WORDS) {
        if text.get(prev_end..t.span.start) != Some(" ") {
            break;
        }
        let w = t.text(text);
        if capitalised_word(text, t) || article_prefixed(w) {
            end = t.span.end;
        } else if !NAME_CONNECTORS.contains(&w) {
            break;
        }
        prev_end = t.span.end;
    }
    let start = if whole {
        kind_token.span.start
    } else {
        first.span.start
    };
    Some(start..end)
}

/// Heads of streets, which may follow a house number ("10 Downing Street").
const STREETS: &[&str] = &["Avenue", "Boulevard", "Road", "Street"];

/// A place named by its head word: `span` is the place, `cover` the stretch
/// in which it replaces what the tagger read (the place and a lower-case
/// head, or a possessive place before it: "Iran's Qom Province").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub span: Span,
    pub cover: Span,
}

/// [`HEADS`] and [`LOWER_HEADS`] as sets: asked of every capitalised word (and
/// of lower-case words opening like a head), one hash look-up costs less than
/// a binary search's string comparisons.
static HEAD_SET: WordSet = WordSet::new(&[HEADS]);
static LOWER_HEAD_SET: WordSet = WordSet::new(&[LOWER_HEADS]);

/// Whether a lower-case word opening with byte `b` can be a head of
/// [`LOWER_HEADS`] or "of": one test of the byte (a `match`, where a
/// search of the byte string cost a call per token).
fn opens_lower_head(b: u8) -> bool {
    matches!(
        b,
        b'a' | b'c' | b'd' | b'g' | b'h' | b'm' | b'o' | b'p' | b'r'
    )
}

/// The place words closed by a head at token `i`, sorted and disjoint.
pub fn find(text: &str, tokens: &[Token], geo: &dyn Geo) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    for (i, head) in tokens.iter().enumerate() {
        let Some(&b) = text.as_bytes().get(head.span.start) else {
            continue;
        };
        // Most tokens open with a byte no head opens with: skip them without
        // looking further (this runs for every token).
        let upper = b.is_ascii_uppercase();
        if head.kind != TokenKind::Word || !(upper || opens_lower_head(b)) {
            continue;
        }
        let w = head.text(text);
        if w == "of" {
            if let Some(span) = named_after_of(text, tokens, i)
                && out.last().is_none_or(|l| l.cover.end <= span.start)
            {
                out.push(Named {
                    span: span.clone(),
                    cover: span,
                });
            }
            continue;
        }
        if let Some(span) = numbered_road(text, tokens, i, w)
            && out.last().is_none_or(|l| l.cover.end <= span.start)
        {
            out.push(Named {
                span: span.clone(),
                cover: span,
            });
            continue;
        }
        let lower = !upper && LOWER_HEAD_SET.contains(w);
        let base = upper && facility_head(text, tokens, i, w);
        if !lower && !base && (!upper || !HEAD_SET.contains(w)) {
            continue;
        }
        if upper && opens_an_office(text, tokens, i) {
            continue;
        }
        let Some((first, possessor)) = name_start(text, tokens, i, geo) else {
            continue;
        };
        let Some(start) = tokens.get(first) else {
            continue;
        };
        let span = if lower {
            // "Rarotonga's airport": the possessor alone is the place.
            let last = match tokens.get(i - 1) {
                Some(t) if matches!(t.text(text), "'s" | "\u{2019}s") => i.checked_sub(2),
                _ => i.checked_sub(1),
            };
            let end = last
                .and_then(|j| tokens.get(j))
                .map_or(start.span.end, |t| t.span.end);
            let name = text.get(start.span.start..end).unwrap_or("");
            // "the Russian region", "the China region": no place of its own.
            if geo.demonym(name).is_some() || geo.country_named(name).is_some() {
                continue;
            }
            start.span.start..end
        } else {
            // "10 Downing Street": the house number belongs to the name.
            let number = STREETS
                .contains(&w)
                .then(|| first.checked_sub(1).and_then(|j| tokens.get(j)))
                .flatten()
                .filter(|t| {
                    t.kind == TokenKind::Number
                        && text.get(t.span.end..start.span.start) == Some(" ")
                });
            let end = if base {
                installation_name_end(text, tokens, i)
            } else {
                with_complement(text, tokens, i)
            };
            number.map_or(start.span.start, |t| t.span.start)..end
        };
        let cover = possessor.unwrap_or(span.start)..span.end.max(head.span.end);
        if out.last().is_none_or(|l| l.cover.end <= cover.start) {
            out.push(Named { span, cover });
        }
    }
    out
}

/// A road named by its number after the word at token `i` ("Interstate 80",
/// "Highway 401", "Route 9").
fn numbered_road(text: &str, tokens: &[Token], i: usize, w: &str) -> Option<Span> {
    if !matches!(w, "Interstate" | "Highway" | "Route") {
        return None;
    }
    let (head, number) = (tokens.get(i)?, tokens.get(i + 1)?);
    (number.kind == TokenKind::Number && text.get(head.span.end..number.span.start) == Some(" "))
        .then_some(head.span.start..number.span.end)
}

/// Whether the head at token `i` opens an office or a court with the
/// capitalised word after it ("Manhattan District Attorney", "United States
/// District Court", "District Judge"): a title or a body, no place.
fn opens_an_office(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(head), Some(next)) = (tokens.get(i), tokens.get(i + 1)) else {
        return false;
    };
    let w = next.text(text);
    text.get(head.span.end..next.span.start) == Some(" ")
        && capitalised_word(text, next)
        && (w == "Court" || super::titles::is_title_word(w))
}

/// The first name word of a place whose head is token `i`, and where a
/// possessive place before the name starts ("Iran's"): back over capitalised
/// words, "al-" words and a possessive after a name word that is no place
/// ("St Mary's Hospital"), up to [`MAX_NAME_WORDS`]. None when no name word
/// stands there or the words are a body's ("Islamic State Sahel Province").
fn name_start(
    text: &str,
    tokens: &[Token],
    i: usize,
    geo: &dyn Geo,
) -> Option<(usize, Option<usize>)> {
    let mut first = i;
    let mut possessor = None;
    while first > 0 && i - first < MAX_NAME_WORDS {
        let t = tokens.get(first - 1)?;
        let next_start = tokens.get(first).map_or(t.span.end, |n| n.span.start);
        let adjacent = text
            .get(t.span.end..next_start)
            .is_some_and(|gap| gap == " " || gap.is_empty());
        if !adjacent {
            break;
        }
        let tw = t.text(text);
        if matches!(tw, "'s" | "\u{2019}s") {
            let owner = first.checked_sub(2).and_then(|j| tokens.get(j));
            let owner_word = owner.map_or("", |o| o.text(text));
            if owner.is_none_or(|o| !capitalised_word(text, o)) {
                break;
            }
            if geo.country_named(owner_word).is_some()
                || geo.is_city(owner_word)
                || geo.region(owner_word).is_some()
            {
                possessor = owner.map(|o| o.span.start);
                break;
            }
            first -= 1;
            continue;
        }
        if !(capitalised_word(text, t) || article_prefixed(tw)) || hyphenated_modifier(tw) {
            break;
        }
        if BODY_WORDS.contains(&tw) {
            return None;
        }
        first -= 1;
    }
    // Sentence openers and prepositions are no part of the name.
    while first < i
        && tokens
            .get(first)
            .is_some_and(|t| FUNCTION_WORDS.contains(&t.text(text)))
    {
        first += 1;
    }
    let named = tokens
        .get(first..i)
        .is_some_and(|ws| ws.iter().any(|t| capitalised_word(text, t)));
    named.then_some((first, possessor))
}

/// Where a place name closed by the head at token `i` ends: after an "of" or
/// "for" complement of capitalised words ("Trump Route for International
/// Peace and Prosperity"), else at the head.
fn with_complement(text: &str, tokens: &[Token], i: usize) -> usize {
    let head_end = tokens.get(i).map_or(0, |t| t.span.end);
    if !tokens
        .get(i + 1)
        .is_some_and(|t| matches!(t.text(text), "of" | "for"))
    {
        return head_end;
    }
    let mut end = head_end;
    for t in tokens.iter().skip(i + 2).take(MAX_NAME_WORDS + 2) {
        let w = t.text(text);
        if capitalised_word(text, t) && !FUNCTION_WORDS.contains(&w) {
            end = t.span.end;
        } else if !matches!(w, "the" | "and") {
            break;
        }
    }
    end
}

/// Where a military installation's name closed by the head at token `i`
/// ends: US bases name their place after the head, an acronym in brackets
/// between or not ("Naval Air Station Pensacola", "Marine Corps Air Station
/// (MCAS) Miramar"); else at the head.
fn installation_name_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let head_end = tokens.get(i).map_or(0, |t| t.span.end);
    let mut k = i + 1;
    // "(MCAS)": an acronym in brackets.
    if tokens.get(k).is_some_and(|t| t.text(text) == "(")
        && tokens.get(k + 1).is_some_and(|t| {
            let w = t.text(text);
            w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())
        })
        && tokens.get(k + 2).is_some_and(|t| t.text(text) == ")")
    {
        k += 3;
    }
    let mut end = head_end;
    let mut last = tokens.get(k - 1).map_or(head_end, |t| t.span.end);
    for t in tokens.iter().skip(k).take(3) {
        let w = t.text(text);
        let glued = text.get(last..t.span.start) == Some(" ");
        if !glued
            || !capitalised_word(text, t)
            || FUNCTION_WORDS.contains(&w)
            || super::titles::is_title_word(w)
        {
            break;
        }
        end = t.span.end;
        last = t.span.end;
    }
    end
}

/// Whether `span` follows a preposition of place or a verb of visiting and
/// "the" ("at the ...", "to visit the ...").
fn located_at(text: &str, span: &Span) -> bool {
    const BEFORE: &[&str] = &[
        "at the ",
        "in the ",
        "inside the ",
        "near the ",
        "outside the ",
        "visit the ",
        "visited the ",
        "visiting the ",
        "visits the ",
    ];
    text.get(..span.start)
        .is_some_and(|b| BEFORE.iter().any(|p| b.ends_with(p)))
}

/// Puts the places `find` sees into `mentions` (sorted, disjoint): a place
/// replaces the mentions inside its cover, whatever the tagger read there; a
/// mention reaching beyond it ("Fairfax County Fire Department") keeps it out.
/// Then names that the words after them show to be no place are turned aside.
pub fn apply(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>, geo: &dyn Geo) {
    for m in mentions.iter_mut() {
        let Some(surface) = text.get(m.span.clone()) else {
            continue;
        };
        // "talks at the Pentagon": a seat of government read as a body is the
        // building where something happens; "the Pentagon said" stays the body.
        if matches!(m.kind, EntityKind::Org | EntityKind::Misc)
            && located_at(text, &m.span)
            && super::geo::landmark_country(surface).is_some()
        {
            m.kind = EntityKind::Place;
        }
        if m.kind == EntityKind::Place {
            if currency(text, &m.span) {
                // "nine billion US dollars": a currency, no place.
                m.kind = EntityKind::Misc;
            } else if let Some(end) = country_before_title(surface, geo) {
                // "United States Senator from Vermont": the country, not its title.
                m.span.end = m.span.start + end;
            } else if no_place(surface) || names_a_document(text, &m.span) {
                m.kind = EntityKind::Misc;
            }
        }
    }
    located_names(text, mentions, geo);
    let found = find(text, tokens, geo);
    if found.is_empty() {
        return;
    }
    let mut short = short_names(text, &found, geo);
    if !short.is_empty() {
        // "Trump Tower" ... "Trump": a short name that is a person's is theirs.
        short.retain(|name| {
            !mentions.iter().any(|m| {
                m.kind == EntityKind::Person
                    && text
                        .get(m.span.clone())
                        .and_then(|p| p.strip_suffix(*name))
                        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
            })
        });
    }
    let mut changed = false;
    for Named { span, cover } in found {
        let lo = mentions.partition_point(|m| m.span.end <= cover.start);
        let hi = lo
            + mentions
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.span.start < cover.end)
                .count();
        let inside = mentions.get(lo..hi).unwrap_or(&[]);
        if inside
            .iter()
            .any(|m| m.span.start < cover.start || m.span.end > cover.end)
        {
            continue;
        }
        if let [only] = inside
            && only.span == span
            && only.kind == EntityKind::Place
        {
            continue;
        }
        // The possessive place keeps a mention of its own.
        let owner = (cover.start < span.start)
            .then(|| {
                let t = tokens.get(super::fix::token_at(tokens, cover.start))?;
                let w = t.text(text);
                (geo.country_named(w).is_some() || geo.is_city(w) || geo.region(w).is_some()).then(
                    || Mention {
                        span: t.span.clone(),
                        kind: EntityKind::Place,
                    },
                )
            })
            .flatten();
        let place = Mention {
            span,
            kind: EntityKind::Place,
        };
        mentions.splice(lo..hi, owner.into_iter().chain([place]));
        changed = true;
    }
    if changed {
        super::fix::sort_by_start(mentions);
    }
    if !short.is_empty() {
        for m in mentions
            .iter_mut()
            .filter(|m| matches!(m.kind, EntityKind::Org | EntityKind::Misc))
        {
            if text.get(m.span.clone()).is_some_and(|s| short.contains(&s)) {
                m.kind = EntityKind::Place;
            }
        }
    }
}

/// Whether a word closes a place's name ("Hospital", "Museum", "County").
pub fn is_head(w: &str) -> bool {
    HEAD_SET.contains(w)
}

/// The name without its head word of a place named as a kind of place
/// ("Hagia Sophia" of "Hagia Sophia Museum"), when that name is no place of
/// its own (not "Jolo" of "Jolo Cathedral", nor "Fairfax County" of "Fairfax
/// County Hospital").
pub fn short_name<'a>(name: &'a str, geo: &dyn Geo) -> Option<&'a str> {
    let (short, head) = name.rsplit_once(' ')?;
    let last = short.rsplit(' ').next().unwrap_or(short);
    (is_head(head)
        && !is_head(last)
        && !STREETS.contains(&head)
        && geo.country_named(short).is_none()
        && !geo.is_city(short)
        && geo.region(short).is_none())
    .then_some(short)
}

/// The short names of the places found ([`short_name`]): the same place
/// named again without its head word ("Hagia Sophia"), which the tagger
/// often reads as an organisation.
fn short_names<'a>(text: &'a str, found: &[Named], geo: &dyn Geo) -> Vec<&'a str> {
    found
        .iter()
        .filter_map(|n| short_name(text.get(n.span.clone())?, geo))
        .collect()
}

/// "a base in Maidan Shahr, Afghanistan", "a base in Maidan Shahr in the
/// centre of ...": a name of two or more words read as a person, after "in"
/// and before a country or another "in", is a place, unless its last word
/// stands alone as a person elsewhere (a surname used again).
fn located_names(text: &str, mentions: &mut [Mention], geo: &dyn Geo) {
    let located = |m: &Mention| {
        let before = text.get(..m.span.start).unwrap_or("");
        let after = text.get(m.span.end..).unwrap_or("");
        let country_after = after.strip_prefix(", ").is_some_and(|rest| {
            let name: &str = rest
                .split(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '.'))
                .next()
                .unwrap_or("");
            let name = name.trim_end_matches('.');
            geo.country_named(name).is_some()
        });
        before.ends_with(" in ") && (country_after || after.starts_with(" in "))
    };
    let candidates: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.kind == EntityKind::Person
                && text.get(m.span.clone()).is_some_and(|s| s.contains(' '))
                && located(m)
        })
        .map(|(i, _)| i)
        .collect();
    for i in candidates {
        let last = mentions
            .get(i)
            .and_then(|m| text.get(m.span.clone()))
            .and_then(|s| s.rsplit(' ').next())
            .unwrap_or("");
        let surname_used = mentions
            .iter()
            .any(|o| o.kind == EntityKind::Person && text.get(o.span.clone()) == Some(last));
        if let (false, Some(m)) = (surname_used, mentions.get_mut(i)) {
            m.kind = EntityKind::Place;
        }
    }
}

/// Names read as places that the words in them show to be none: a document
/// named after a place ("the U.S. Constitution", "the Washington
/// Principles"), a title alone ("High Representative"), a time ("A.M."), a
/// storm ("Hurricane Maria").
fn no_place(surface: &str) -> bool {
    // "Middle East Respiratory Syndrome", "West Nile Virus": an illness.
    const ILLNESSES: &[&str] = &["Disease", "Fever", "Flu", "Syndrome", "Virus"];
    const DOCUMENTS: &[&str] = &[
        "Accord",
        "Accords",
        "Agreement",
        "Charter",
        "Consensus",
        "Constitution",
        "Convention",
        "Declaration",
        "Principles",
        "Protocol",
        "Treaty",
    ];
    if matches!(surface, "A.M." | "P.M." | "a.m." | "p.m.") {
        return true;
    }
    // "a sect of Christianity": a faith, no place.
    if RELIGIONS.contains(&surface) {
        return true;
    }
    // "Hurricane Maria", "Typhoon Hagibis": a storm, named like a place.
    if ["Hurricane ", "Typhoon ", "Cyclone ", "Tropical Storm "]
        .iter()
        .any(|s| surface.starts_with(s))
    {
        return true;
    }
    let Some((_, last)) = surface.rsplit_once(' ') else {
        return false;
    };
    DOCUMENTS.contains(&last)
        || ILLNESSES.contains(&last)
        || surface.split(' ').all(super::titles::is_title_word)
}

/// Whether `span` ends the name of a treaty or a peace named after the place
/// where it was made ("the Treaty of San José", "the Peace of Westphalia"):
/// the place names the document there, as in "the Kyoto Protocol".
fn names_a_document(text: &str, span: &Span) -> bool {
    const DOCUMENTS_OF: &[&str] = &[
        "Accord of ",
        "Accords of ",
        "Convention of ",
        "Peace of ",
        "Protocol of ",
        "Treaty of ",
    ];
    text.get(..span.start)
        .is_some_and(|b| DOCUMENTS_OF.iter().any(|d| b.ends_with(d)))
}

/// Faiths, which the tagger may read as places ("spread across Christianity").
const RELIGIONS: &[&str] = &[
    "Christianity",
    "Catholicism",
    "Protestantism",
    "Orthodoxy",
    "Islam",
    "Judaism",
    "Hinduism",
    "Buddhism",
    "Sikhism",
    "Jainism",
    "Taoism",
    "Shinto",
    "Zoroastrianism",
    "Christendom",
];

/// Whether a currency follows `span` ("US dollars", "Hong Kong dollar", "US$").
fn currency(text: &str, span: &Span) -> bool {
    text.get(span.end..).is_some_and(|a| {
        a.starts_with('$') || a.strip_prefix(' ').is_some_and(|a| a.starts_with("dollar"))
    })
}

/// Where the country ends in a place name made of a country's name and a
/// title after it ("United States Senator"), if it is one.
fn country_before_title(surface: &str, geo: &dyn Geo) -> Option<usize> {
    let (country, title) = surface.rsplit_once(' ')?;
    (super::titles::is_title_word(title) && geo.country_named(country).is_some())
        .then_some(country.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::link::geo::world;
    use crate::nlp::token::tokenize;

    fn names(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(text, &tokens, world())
            .into_iter()
            .filter_map(|n| text.get(n.span))
            .collect()
    }

    /// `mentions` after `apply`, as (surface, kind); `read` is given left to
    /// right, each found after the one before.
    fn applied<'a>(text: &'a str, read: &[(&str, EntityKind)]) -> Vec<(&'a str, EntityKind)> {
        let tokens = tokenize(text);
        let mut mentions = super::super::tests::mentions(text, read);
        apply(text, &tokens, &mut mentions, world());
        mentions
            .iter()
            .map(|m| (&text[m.span.clone()], m.kind))
            .collect()
    }

    #[test]
    fn heads_are_sorted_for_binary_search() {
        assert!(HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(LOWER_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(KIND_OF.windows(2).all(|w| w[0] < w[1]));
        assert!(WHOLE_WITH_OF.windows(2).all(|w| w[0] < w[1]));
        // The first-byte filter of `find` lets every lower-case head through.
        assert!(
            LOWER_HEADS
                .iter()
                .all(|h| opens_lower_head(h.as_bytes()[0]))
        );
    }

    #[test]
    fn heads_close_place_names() {
        assert_eq!(
            names("Crews from Marin County and the Tamsu Naval Base met at Greyfield Airport."),
            ["Marin County", "Tamsu Naval Base", "Greyfield Airport"]
        );
        assert_eq!(
            names("Worshippers filled the Sheikh Omar Grand Mosque near St Anne's Hospital."),
            ["Sheikh Omar Grand Mosque", "St Anne's Hospital"]
        );
        assert_eq!(names("A letter reached 22 Elm Street."), ["22 Elm Street"]);
        assert_eq!(
            names("Jets left Kelso Air Force Base and landed at Tamsu Space Force Base."),
            ["Kelso Air Force Base", "Tamsu Space Force Base"]
        );
    }

    #[test]
    fn a_head_opening_an_office_or_a_court_closes_no_place() {
        assert!(
            names("Marin District Attorney Ann Lee and a Tamsu District Court judge spoke.")
                .is_empty()
        );
        assert_eq!(
            names("They met in Marin District on Monday."),
            ["Marin District"]
        );
    }

    #[test]
    fn a_lower_case_head_leaves_the_name_alone() {
        assert_eq!(
            names("Shelling hit Kenya's Lotari Waru district and the Dabo hospital."),
            ["Lotari Waru", "Dabo"]
        );
        // A people or a country before the word is no place of its own.
        assert!(names("The Kenyan region and the Kenya region voted.").is_empty());
        // A possessive before the word: the owner alone is the place.
        assert_eq!(
            names("Planes left Tolvaru's airport and Dabo\u{2019}s port."),
            ["Tolvaru", "Dabo"]
        );
    }

    #[test]
    fn waters_and_capes_named_with_of_are_one_place() {
        assert_eq!(
            names("Ships crossed the Gulf of Kenya and the Bay of Tolva near the Cape of Dorn."),
            ["Gulf of Kenya", "Bay of Tolva", "Cape of Dorn"]
        );
        assert_eq!(
            applied(
                "Tankers waited in the Gulf of Kenya.",
                &[("Gulf", EntityKind::Place), ("Kenya", EntityKind::Place)]
            ),
            [("Gulf of Kenya", EntityKind::Place)]
        );
        // Other capitalised words before "of" name no place this way.
        assert!(names("The Bank of Kenya and the Minister of Tolva met.").is_empty());
    }

    #[test]
    fn a_kind_of_place_before_of_names_a_place() {
        assert_eq!(
            names("Ferries left the island of Kolva for the town of Serra do Norte on Monday."),
            ["Kolva", "Serra do Norte"]
        );
        assert_eq!(
            names("Rain hit the state of Campo Alto do Sul."),
            ["Campo Alto do Sul"]
        );
        // Other nouns before "of", and no name after it.
        assert!(names("The leader of Doravia met the city of light.").is_empty());
        assert!(names("A state of emergency began.").is_empty());
    }

    #[test]
    fn complements_of_the_head_belong_to_the_name() {
        assert_eq!(
            names("They drove the Orlen Road for Friendship and Trade to Bask Dam of Tolva."),
            ["Orlen Road for Friendship and Trade", "Bask Dam of Tolva"]
        );
        // "of" and a lower-case word: the name ends at the head.
        assert_eq!(names("Near Holt Prison of course."), ["Holt Prison"]);
    }

    #[test]
    fn openers_bodies_and_possessive_places_are_no_part_of_a_name() {
        assert_eq!(names("In Dorva Province, rain fell."), ["Dorva Province"]);
        assert_eq!(
            names("It reached Kenya's Tana Province."),
            ["Tana Province"]
        );
        // An armed group's "province" is the group.
        assert!(names("Fighters of Islamic State Sahel Province struck.").is_empty());
        // A base that is no military one, and a head with no name before it.
        assert!(names("It grows the Defense Industrial Base. The County said no.").is_empty());
        // A station or centre is a place after a word for a facility only.
        assert_eq!(
            names("Crews left Tarvo Space Station for the Lenox Medical Center."),
            ["Tarvo Space Station", "Lenox Medical Center"]
        );
        assert!(names("The Tarvo Research Center and Lenox Station said no.").is_empty());
        // A base's place after its head, with its acronym or without.
        assert_eq!(
            names("Jets left Naval Air Station Tarvo and Marine Corps Air Station (MCAS) Lenox."),
            [
                "Naval Air Station Tarvo",
                "Marine Corps Air Station (MCAS) Lenox"
            ]
        );
        assert_eq!(names("Tarvo Air Base on Monday."), ["Tarvo Air Base"]);
        assert_eq!(
            names("It crashed near Interstate 80, off Highway 12."),
            ["Interstate 80", "Highway 12"]
        );
        assert!(names("He drove down the street to the airport.").is_empty());
    }

    #[test]
    fn places_replace_what_the_tagger_read_inside_them() {
        use EntityKind::{Org, Person, Place};
        let text = "Prayers at the Sultan Hamid Grand Mosque and Kelby County Fire Department \
                    at the Pentagon. The Kremlin said no.";
        assert_eq!(
            applied(
                text,
                &[
                    ("Sultan Hamid", Person),
                    ("Kelby County Fire Department", Org),
                    ("Pentagon", Org),
                    ("Kremlin", Org),
                ]
            ),
            [
                ("Sultan Hamid Grand Mosque", Place),
                ("Kelby County Fire Department", Org),
                ("Pentagon", Place),
                ("Kremlin", Org),
            ]
        );
        let text = "Rain hit Kenya's Lotari Waru district.";
        assert_eq!(
            applied(text, &[("Kenya's Lotari Waru district", Place)]),
            [("Kenya", Place), ("Lotari Waru", Place)]
        );
    }

    #[test]
    fn a_seat_of_government_visited_is_a_place() {
        use EntityKind::{Org, Place};
        let text = "She plans to visit the Kremlin next year; the White House said so.";
        assert_eq!(
            applied(text, &[("Kremlin", Org), ("White House", Org)]),
            [("Kremlin", Place), ("White House", Org)]
        );
    }

    #[test]
    fn an_illness_named_after_a_place_is_no_place() {
        use EntityKind::{Misc, Place};
        let text = "Cases of Lorca Valley Fever rose in Lorca.";
        assert_eq!(
            applied(text, &[("Lorca Valley Fever", Place), ("Lorca", Place)]),
            [("Lorca Valley Fever", Misc), ("Lorca", Place)]
        );
    }

    #[test]
    fn a_place_naming_a_treaty_is_no_place() {
        use EntityKind::{Misc, Place};
        let text = "States joined the Treaty of Lorca and the talks in Lorca went on.";
        assert_eq!(
            applied(text, &[("Lorca", Place), ("Lorca", Place)]),
            [("Lorca", Misc), ("Lorca", Place)]
        );
    }

    #[test]
    fn a_name_between_in_and_a_country_is_a_place() {
        use EntityKind::{Person, Place};
        let text = "A bomb hit a base in Dara Khel, Kenya, and a post in Tor Baz in the north.";
        assert_eq!(
            applied(text, &[("Dara Khel", Person), ("Tor Baz", Person)]),
            [("Dara Khel", Place), ("Tor Baz", Place)]
        );
        // A person after "in" whose surname is used again stays a person.
        let text = "Trust in Amal Rudo in the party grew. Rudo thanked them.";
        assert_eq!(
            applied(text, &[("Amal Rudo", Person), ("Rudo", Person)]),
            [("Amal Rudo", Person), ("Rudo", Person)]
        );
    }

    #[test]
    fn documents_titles_and_times_are_no_places() {
        use EntityKind::{Misc, Place};
        let text = "The Dorva Constitution, the Chief Envoy and 9 A.M. in Dorva.";
        assert_eq!(
            applied(
                text,
                &[
                    ("Dorva Constitution", Place),
                    ("Chief Envoy", Place),
                    ("A.M.", Place),
                    ("Dorva", Place)
                ]
            ),
            [
                ("Dorva Constitution", Misc),
                ("Chief Envoy", Misc),
                ("A.M.", Misc),
                ("Dorva", Place)
            ]
        );
    }

    #[test]
    fn currencies_and_titles_are_no_places() {
        use EntityKind::{Misc, Place};
        let text = "It cost ten million US dollars, said United States Senator Ann Bell.";
        assert_eq!(
            applied(text, &[("US", Place), ("United States Senator", Place)]),
            [("US", Misc), ("United States", Place)]
        );
        assert_eq!(
            applied("Worth US$3 billion.", &[("US", Place)]),
            [("US", Misc)]
        );
    }
}
