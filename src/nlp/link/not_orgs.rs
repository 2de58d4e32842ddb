//! Organisation mentions that name no organisation, turned aside after the
//! names are built: titles ("US Ambassador", "the Deputy Secretary"),
//! documents, events and programmes ("Memorandum of Understanding", "Armed
//! Forces Day", "Foreign Military Sales"), headings of a statement ("Clean
//! Energy"), products ("Stryker vehicles"), kinds of body ("a Foreign Terrorist
//! Organization"), a president's administration, and abbreviations of any of
//! these ("Executive Order (E.O.)").

use super::fix::{is_compound_of_places, tokens_in};
use super::geo::Geo;
use super::orgs::{is_head, is_thing, names_a_thing, plural_of_head};
use super::words::WordSet;
use crate::nlp::EntityKind;
use crate::nlp::Span;
use crate::nlp::ner::Mention;
use crate::nlp::token::{Token, TokenKind};
use rustc_hash::FxHashSet;

/// Words for people's roles and groups of people that may close a body's
/// name without belonging to it ("AU Chair", "NATO Allies", "WFP Member States").
const ROLES: &[&str] = &[
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "President",
    "Vice",
    "Ambassador",
    "Ambassadors",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Envoy",
    "Secretary",
    "Minister",
    "Ministers",
    "Director",
    "Directors",
    "Commissioner",
    "Governor",
    "Administrator",
    "Deputy",
    "Member",
    "Members",
    "Allies",
    "Ally",
    "Delegation",
    "Delegations",
    "Leader",
    "Leaders",
    "Counselor",
    "Officer",
    "Officials",
    "Official",
    "Head",
    "Acting",
    "Former",
    "Personal",
    "Undersecretary",
    "Clerk",
    // Words of rank that open a title after a body's name: "Council Senior
    // Director", "Health Canada Associate Deputy Minister".
    "Senior",
    "Associate",
    "Principal",
];

/// [`ROLES`] as a set: asked of every word of every organisation's name.
static ROLE_SET: WordSet = WordSet::new(&[ROLES]);

/// Words of a title that open it before a body's name ("Deputy Central Bank
/// Governor"); plural roles ("Ambassadors Fund") may open a name.
const LEADING_ROLES: &[&str] = &["Deputy", "Acting", "Former", "Vice", "Personal"];

/// Determiners that may open a sentence before a name ("No Coalition troops
/// were hurt"), never part of it.
const DETERMINERS: &[&str] = &[
    "No", "All", "Every", "Each", "Some", "Many", "Other", "These", "Those", "Such", "Several",
    "Any",
];

/// Buildings that stand for the government seated in them: "the White House
/// said" is the administration, "met at the White House" the building.
const SEATS: &[&str] = &[
    "White House",
    "Kremlin",
    "Pentagon",
    "Downing Street",
    "Blue House",
    "Zhongnanhai",
    "\u{c9}lys\u{e9}e",
    "Elysee",
];

/// Abbreviations of things, written in capitals like a body's: "AI", "GDP".
const ABBREVIATED_THINGS: &[&str] = &[
    "AI", "GDP", "GNP", "LNG", "HIV", "AIDS", "COVID", "COVID-19", "WMD", "WMDs", "ICBM", "ICBMs",
    "UAV", "UAVs", "CEO", "IT", "ID", "DNA", "GPS", "EEZ", "MOU", "MoU", "FTA", "FDI", "SDG",
    "SDGs", "PPE", "VAT", // Time standards: "(0100 UTC)".
    "UTC", "GMT", "EST", "EDT", "PST", "PDT", "CET", "CEST", "AEST", "AEDT",
];

/// Lower-case nouns for things made and sold: "Stryker vehicles", "Black
/// Hawk helicopters" name a product, not its maker.
const PRODUCTS: &[&str] = &[
    "vehicle",
    "vehicles",
    "helicopter",
    "helicopters",
    "aircraft",
    "jet",
    "jets",
    "tank",
    "tanks",
    "missile",
    "missiles",
    "drone",
    "drones",
    "rifle",
    "rifles",
    "truck",
    "trucks",
    "car",
    "cars",
    "rocket",
    "rockets",
    "satellite",
    "satellites",
    "vaccine",
    "vaccines",
    "locomotives",
];

/// Words before "Administration" that make it an agency ("Maritime
/// Administration"); any other single name makes it a president's term.
const AGENCY_WORDS: &[&str] = &[
    "Maritime",
    "Federal",
    "National",
    "Space",
    "Highway",
    "Veterans",
    "Transportation",
    "Aviation",
    "Security",
    "Energy",
    "Drug",
    "Food",
    "Business",
    "Health",
    "Customs",
    "Revenue",
    "Tax",
    "Civil",
    "Public",
    "Railroad",
    "Transit",
    "Housing",
    "Labor",
    "Labour",
    "Fisheries",
    "Enforcement",
    "Services",
    "Court",
    "Prison",
    "Presidential",
    "Military",
    "Civilian",
    "Airport",
    "Port",
];

/// Whether a word before "Administration" makes it an agency, not a
/// president's term ("Maritime Administration").
pub fn is_agency_word(w: &str) -> bool {
    AGENCY_WORDS.contains(&w)
}

/// What to make of an organisation mention.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// It names an organisation, perhaps over a shorter span.
    Org(Span),
    /// It names a country ("US" of "US Ambassador").
    Place(Span),
    /// It names no organisation.
    Other,
}

/// Corrects the organisation mentions in `mentions` (sorted, non-overlapping):
/// spans only shrink, so the order holds.
pub fn correct(text: &str, tokens: &[Token], mentions: &mut [Mention], geo: &dyn Geo) {
    seats_as_governments(text, mentions);
    if !mentions.iter().any(|m| m.kind == EntityKind::Org) {
        return;
    }
    let things = abbreviated_things(text, tokens, mentions);
    let headings = Headings::new(text, mentions);
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Org) {
        let surface = text.get(m.span.clone()).unwrap_or("");
        let verdict = if things.contains(surface) || ABBREVIATED_THINGS.contains(&surface) {
            Verdict::Other
        } else {
            judge(text, tokens, &m.span, geo, &headings)
        };
        match verdict {
            Verdict::Org(span) => m.span = span,
            Verdict::Place(span) => {
                m.span = span;
                m.kind = EntityKind::Place;
            }
            Verdict::Other => m.kind = EntityKind::Misc,
        }
    }
}

/// The verdict on one organisation mention.
fn judge(text: &str, tokens: &[Token], span: &Span, geo: &dyn Geo, headings: &Headings) -> Verdict {
    let inner = tokens_in(tokens, span);
    let words: Vec<&str> = inner.iter().map(|t| t.text(text)).collect();
    if words.is_empty() {
        return Verdict::Other;
    }
    // "Secretary of Transportation", "Sunni Members of Parliament": a role
    // with its complement is a title, unless a body's head comes first
    // ("Office of the UN High Commissioner for Human Rights").
    let titled = words.iter().enumerate().any(|(k, w)| {
        matches!(words.get(k + 1), Some(&"of" | &"for"))
            && ROLE_SET.contains(w)
            && !words[..k].iter().any(|w| is_head(w))
    });
    if titled {
        return Verdict::Other;
    }
    // "the Government of Japan", "Federal Government of Somalia": the country
    // acting as a state, named by its name; no body of its own beside it.
    if let Some(country) = government_of(text, inner, &words, geo) {
        return Verdict::Place(country);
    }
    // "U.S.-Japan Alliance", "Japan-United States Alliance": two countries'
    // bond, no body of its own.
    if let Some(("Alliance", before)) = words.split_last().map(|(l, r)| (*l, r))
        && !before.is_empty()
        && text
            .get(span.start..inner[before.len() - 1].span.end)
            .is_some_and(|s| is_compound_of_places(s, geo))
    {
        return Verdict::Other;
    }
    // Roles at either end are no part of the name: "AU Chair", "Deputy
    // Central Bank", "the Deputy Secretary".
    let mut a = 0;
    // "National Security Council Senior Director for Counterterrorism",
    // "Health Canada Associate Deputy Minister": a title right after a body's
    // head or a country's name ends the body's name, with its complement.
    let mut b = (1..words.len())
        .find(|&k| {
            ROLE_SET.contains(words[k])
                && (is_head(words[k - 1]) || geo.country_named(words[k - 1]).is_some())
        })
        .unwrap_or(words.len());
    // "Yemen-based Houthi", "Iran-backed": a modifier before the name.
    let modifier = |w: &str| {
        w.rsplit_once('-')
            .is_some_and(|(_, last)| last.starts_with(|c: char| c.is_lowercase()))
    };
    while a < b
        && (LEADING_ROLES.contains(&words[a])
            || DETERMINERS.contains(&words[a])
            || modifier(words[a]))
    {
        a += 1;
    }
    // Not inside a complement: "Office of the U.S. Trade Representative".
    // "naming a new National Security Advisor": an office, not a body.
    if words
        .last()
        .is_some_and(|w| ROLE_SET.contains(w) || matches!(*w, "Advisor" | "Adviser"))
        && indefinite_before(text, span.start)
    {
        return Verdict::Other;
    }
    let complement = words[..b].iter().any(|w| matches!(*w, "of" | "for"));
    while !complement && b > a {
        if b >= a + 2 && words[b - 2] == "Member" && words[b - 1] == "States" {
            b -= 2;
        } else if ROLE_SET.contains(words[b - 1]) {
            b -= 1;
        } else {
            break;
        }
    }
    if a == b {
        return Verdict::Other;
    }
    let words = &words[a..b];
    let span = inner[a].span.start..inner[b - 1].span.end;
    let surface = text.get(span.clone()).unwrap_or("");
    // A country or demonym left of a title ("US Ambassador"). (Whole names
    // were read by `fix` already; the lookups cost more than the rest.)
    let trimmed_any = a > 0 || b < inner.len();
    if (trimmed_any || words.len() == 1) && geo.country_named(surface).is_some() {
        return Verdict::Place(span);
    }
    if (trimmed_any || words.len() == 1) && geo.demonym(surface).is_some() {
        return Verdict::Other;
    }
    // "Political Directors": one plain word left of a title names no body
    // ("AU", "NATO" and "Negev Forum" do).
    let trimmed = b < inner.len() && words.len() == 1;
    let short_name = words
        .first()
        .is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.'));
    if trimmed && !short_name && !is_head(words[0]) {
        return Verdict::Other;
    }
    // "Northamptonshire": an English county, whatever the police there are.
    if words.len() == 1 && surface.len() > 6 && surface.ends_with("shire") {
        return Verdict::Place(span);
    }
    if words.len() == 1 && town_in_its_container(text, &span, surface, geo) {
        return Verdict::Place(span);
    }
    let next = tokens.get(super::fix::token_at(tokens, span.end));
    let glued_next = next.filter(|t| text.get(span.end..t.span.start) == Some(" "));
    // "Armed Forces Day", "Taylor Force Act", "Memorandum of Understanding".
    if names_a_thing(words) || glued_next.is_some_and(|t| is_thing(t.text(text))) {
        return Verdict::Other;
    }
    // "Stryker vehicles", "Black Hawk helicopters", "Volvo XC90".
    let product = |w: &str| PRODUCTS.contains(&w);
    if words.iter().any(|w| product(w) || model_code(w))
        || glued_next.is_some_and(|t| product(t.text(text)))
    {
        return Verdict::Other;
    }
    // "Djerdap III": a dam, a ship or a monarch, numbered.
    let numbered = words.len() > 1 && words.last().is_some_and(|w| roman_numeral(w));
    // "Government of the People" of "People's Republic of China": a country's name.
    let country_name = text
        .get(span.end..)
        .is_some_and(|a| a.starts_with("'s Republic") || a.starts_with("\u{2019}s Republic"));
    if numbered
        || country_name
        || kind_of_body(text, &span, words, glued_next.map(|t| t.text(text)))
        || administration(words)
        || gerund_phrase(words, geo)
        || (!words.iter().any(|w| is_head(w)) && headings.topic(span.start, surface))
    {
        return Verdict::Other;
    }
    Verdict::Org(span)
}

/// "Cleveland, Ohio", "Croydon, South London": a town followed by the state,
/// region, country or city around it, one the gazetteer puts in a country
/// the town may lie in, is that town, whatever the tagger read.
fn town_in_its_container(text: &str, span: &Span, surface: &str, geo: &dyn Geo) -> bool {
    let Some(rest) = text.get(span.end..).and_then(|a| a.strip_prefix(", ")) else {
        return false;
    };
    // The capitalised words after the comma, at most three, up to a stop.
    let mut words: Vec<&str> = Vec::new();
    for word in rest.split(' ').take(3) {
        let name = word.trim_end_matches([',', '.', ';', ':', ')']);
        if !name.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        words.push(name);
        if name.len() < word.len() {
            break;
        }
    }
    let Some(&last) = words.last() else {
        return false;
    };
    let readings = geo.cities(surface);
    if readings.is_empty() {
        return false;
    }
    let container = words.join(" ");
    let container = container.as_str();
    let codes = |name: &str| {
        let mut codes: Vec<_> = geo.country_named(name).into_iter().collect();
        if let Some(r) = geo.region(name) {
            codes.extend(r.countries.iter().copied());
        }
        codes.extend(geo.cities(name).first().map(|c| c.code));
        codes
    };
    let mut around = codes(container);
    if last != container {
        around.extend(codes(last));
    }
    readings.iter().any(|r| around.contains(&r.code))
}

/// "XC90", "F-16", "A320": a model's code mixes capitals and two digits or
/// more ("G20" is a group of countries, "E3" too).
fn model_code(w: &str) -> bool {
    w.chars().filter(char::is_ascii_digit).count() >= 2
        && w.chars().any(|c| c.is_ascii_uppercase())
        && !w.starts_with('G')
}

/// A kind of body, not one body: "a Foreign Terrorist Organization", "the
/// Foreign Ministries". `next` is the word glued after the name.
fn kind_of_body(text: &str, span: &Span, words: &[&str], next: Option<&str>) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    // "a Foreign Terrorist Organization", "a designated Foreign Terrorist
    // Organization": an article, perhaps with one lower-case word after it.
    let indefinite = indefinite_before(text, span.start);
    // "an Iraqi Army unit", "a National Assembly Deputy": the name modifies
    // the noun after it.
    const FUNCTION_WORDS: &[&str] = &[
        "under",
        "in",
        "of",
        "for",
        "and",
        "or",
        "that",
        "which",
        "who",
        "with",
        "by",
        "on",
        "at",
        "to",
        "from",
        "is",
        "was",
        "as",
        "since",
        "but",
        "pursuant",
        "because",
        "after",
        "before",
        "until",
        "when",
        "while",
        "if",
        "following",
        "according",
    ];
    let modifier = next.is_some_and(|n| !FUNCTION_WORDS.contains(&n));
    let plural = plural_of_head(last);
    // "Departments of State and Defense": several bodies.
    let plural_first =
        words.get(1) == Some(&"of") && words.first().is_some_and(|w| plural_of_head(w));
    words.len() > 1 && ((indefinite && is_head(last) && !modifier) || plural || plural_first)
}

/// "II", "III", "IV" ...: a Roman numeral after a name.
fn roman_numeral(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Where the country's name is in "(Federal) Government of (the) <country>"
/// ("Government of the Republic of Iraq" gives "Republic of Iraq"), when the
/// words after "of" are all of a country's name.
fn government_of(text: &str, inner: &[Token], words: &[&str], geo: &dyn Geo) -> Option<Span> {
    let of = match words {
        ["Government", "of", ..] => 1,
        ["Federal", "Government", "of", ..] => 2,
        _ => return None,
    };
    let first = if words.get(of + 1) == Some(&"the") {
        of + 2
    } else {
        of + 1
    };
    let span = inner.get(first)?.span.start..inner.last()?.span.end;
    geo.country_named(text.get(span.clone())?)?;
    Some(span)
}

/// Whether "a" or "an" comes right before `pos`, perhaps with one lower-case
/// word between ("a designated ...").
fn indefinite_before(text: &str, pos: usize) -> bool {
    let before = tail(text, pos, 48);
    let article = |b: &str| {
        ["a ", "an ", "A ", "An "].iter().any(|p| {
            b.strip_suffix(p)
                .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n']))
        })
    };
    let adjective = before
        .trim_end_matches(' ')
        .rsplit_once(' ')
        .filter(|(_, w)| w.starts_with(|c: char| c.is_lowercase()))
        .map(|(b, _)| b.len() + 1);
    article(before) || adjective.and_then(|n| before.get(..n)).is_some_and(article)
}

/// Seats of government standing for it ("the White House said"), as
/// organisations; after "at", "in", "outside" ... they stay buildings.
fn seats_as_governments(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place) {
        let surface = text.get(m.span.clone()).unwrap_or("");
        if !SEATS.contains(&surface) {
            continue;
        }
        let before = tail(text, m.span.start, 16);
        let before = before.strip_suffix("the ").unwrap_or(before);
        let located = [
            " at ",
            " in ",
            " outside ",
            " near ",
            " inside ",
            " into ",
            " on ",
            " to ",
        ]
        .iter()
        .any(|p| before.ends_with(p));
        if !located {
            m.kind = EntityKind::Org;
        }
    }
}

/// At most the last `n` bytes of the text before `end` (fewer, to stay on a
/// character boundary): a look back that costs the same however long the text.
fn tail(text: &str, end: usize, n: usize) -> &str {
    let mut start = end.saturating_sub(n);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..end).unwrap_or("")
}

/// "Trump Administration", "Castro Administration": a president's term.
fn administration(words: &[&str]) -> bool {
    matches!(words, [name, "Administration"] if !AGENCY_WORDS.contains(name))
}

/// "Making America Safe Again", "Blocking Property": a phrase opening with
/// a verb's -ing form, not a name (unless the word is a place: "Beijing").
fn gerund_phrase(words: &[&str], geo: &dyn Geo) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    words.len() > 1
        && first.len() > 5
        && first.ends_with("ing")
        && !words.iter().any(|w| is_head(w))
        && geo.country_named(first).is_none()
        && !geo.is_city(first)
        && geo.region(first).is_none()
}

/// The heading lines of a text, and the names mentioned outside them.
struct Headings<'a> {
    /// Start and end of each line, and whether it is a heading.
    lines: Vec<(usize, usize, bool)>,
    /// Surfaces of mentions in lines that are no headings.
    in_running_text: FxHashSet<&'a str>,
}

impl<'a> Headings<'a> {
    fn new(text: &'a str, mentions: &[Mention]) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            lines.push((start, end, is_heading(line)));
            start = end + 1;
        }
        let mut headings = Headings {
            lines,
            in_running_text: FxHashSet::default(),
        };
        // The set is read only for a name in a heading: a text without one
        // (most) needs none.
        if !headings.lines.iter().any(|l| l.2) {
            return headings;
        }
        for m in mentions {
            if !headings.in_heading(m.span.start) {
                headings
                    .in_running_text
                    .insert(text.get(m.span.clone()).unwrap_or(""));
            }
        }
        headings
    }

    fn in_heading(&self, pos: usize) -> bool {
        let i = self.lines.partition_point(|l| l.1 < pos);
        self.lines.get(i).is_some_and(|l| l.2)
    }

    /// Whether a name at `pos` sits in a heading of a statement ("Clean
    /// Energy", "Energy and Economic Cooperation") and nowhere in running
    /// text: headings name topics.
    fn topic(&self, pos: usize, surface: &str) -> bool {
        self.in_heading(pos) && !self.in_running_text.contains(surface)
    }
}

/// A heading line: up to eight words, all capitalised but for joiners, with
/// no closing punctuation.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    let mut words = 0;
    !line.is_empty()
        && !line.ends_with(['.', ':', ',', ';', '?', '!', '"', '\u{201d}'])
        && line.split_whitespace().all(|w| {
            words += 1;
            words <= 8
                && (w.starts_with(|c: char| c.is_uppercase())
                    || matches!(
                        w,
                        "and" | "of" | "the" | "for" | "in" | "on" | "to" | "with" | "&"
                    ))
        })
}

/// Abbreviations defined right after a thing's name: "Executive Order
/// (E.O.)", "exclusive economic zone (EEZ)", "Foreign Terrorist
/// Organizations (FTOs)". Every mention of them names that thing.
fn abbreviated_things<'a>(
    text: &'a str,
    tokens: &[Token],
    mentions: &[Mention],
) -> FxHashSet<&'a str> {
    let mut out = FxHashSet::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Org) {
        let Some(short) = text.get(m.span.clone()) else {
            continue;
        };
        let before = text.get(..m.span.start).unwrap_or("");
        let after = text.get(m.span.end..).unwrap_or("");
        if short.contains(' ') || !before.ends_with(" (") || !after.starts_with(')') {
            continue;
        }
        // The words before the bracket, as many as the abbreviation has letters.
        let letters: Vec<char> = short
            .trim_end_matches('s')
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let i = super::fix::token_at(tokens, m.span.start);
        let Some(open) = i.checked_sub(1) else {
            continue;
        };
        let expansion: Vec<&str> = tokens[open.saturating_sub(4 * letters.len() + 4)..open]
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .filter(|t| !matches!(t.text(text), "of" | "and" | "the" | "for"))
            .take(letters.len())
            .map(|t| t.text(text))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let initials_match = expansion.len() == letters.len()
            && expansion.iter().zip(&letters).all(|(w, l)| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.to_lowercase().eq(l.to_lowercase()))
            });
        let Some(last) = expansion.last() else {
            continue;
        };
        let common = expansion
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_lowercase()));
        if initials_match && (common || is_thing(last) || plural_of_head(last)) {
            out.insert(short);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::link::geo::table::Table;
    use crate::nlp::token::tokenize;

    /// The verdicts on `orgs` (surfaces found left to right) in `text`, as
    /// (kind, surface after correction).
    fn run(text: &str, orgs: &[&str]) -> Vec<(EntityKind, String)> {
        let tokens = tokenize(text);
        let mut from = 0;
        let mut mentions = Vec::new();
        for s in orgs {
            let i = text[from..]
                .find(s)
                .map(|i| i + from)
                .expect("surface in text");
            mentions.push(Mention {
                span: i..i + s.len(),
                kind: EntityKind::Org,
            });
            from = i + s.len();
        }
        correct(text, &tokens, &mut mentions, &Table::sample());
        mentions
            .into_iter()
            .map(|m| (m.kind, text[m.span].to_string()))
            .collect()
    }

    #[test]
    fn names_of_bodies_stay() {
        let cases: &[(&str, &[&str])] = &[
            ("The African Union said so.", &["African Union"]),
            ("Officials of NATO met.", &["NATO"]),
            ("An Iraqi Army unit moved.", &["Iraqi Army"]),
            (
                "Office of the Spokesperson\n\nThe Office of the Spokesperson said.",
                &["Office of the Spokesperson", "Office of the Spokesperson"],
            ),
            (
                "The Federal Aviation Administration ruled.",
                &["Federal Aviation Administration"],
            ),
            (
                "He met the Palestine Liberation Organization (PLO) today.",
                &["Palestine Liberation Organization", "PLO"],
            ),
            ("Hamas said it would comply.", &["Hamas"]),
            (
                "the first project under the Ambassadors Fund for Cultural Preservation",
                &["Ambassadors Fund for Cultural Preservation"],
            ),
        ];
        for (text, orgs) in cases {
            let got = run(text, orgs);
            for ((kind, surface), want) in got.iter().zip(*orgs) {
                assert_eq!(
                    (*kind, surface.as_str()),
                    (EntityKind::Org, *want),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn roles_around_a_name_are_cut_off() {
        let cases: &[(&str, &str, EntityKind, &str)] = &[
            (
                "He acted as the AU Chair last year.",
                "AU Chair",
                EntityKind::Org,
                "AU",
            ),
            (
                "As close NATO Allies, they spoke.",
                "NATO Allies",
                EntityKind::Org,
                "NATO",
            ),
            (
                "The WFP Member States agreed.",
                "WFP Member States",
                EntityKind::Org,
                "WFP",
            ),
            (
                "Israel serves as Negev Forum President now.",
                "Negev Forum President",
                EntityKind::Org,
                "Negev Forum",
            ),
            (
                "Deputy Central Bank Governor Nerses Yeritsyan came.",
                "Deputy Central Bank",
                EntityKind::Org,
                "Central Bank",
            ),
            (
                "China is Kenya's ally.",
                "China",
                EntityKind::Place,
                "China",
            ),
            (
                "Rebels of the Yemen-based Houthi movement",
                "Yemen-based Houthi",
                EntityKind::Org,
                "Houthi",
            ),
            (
                "They met Political Directors in Rome.",
                "Political Directors",
                EntityKind::Misc,
                "Political Directors",
            ),
            (
                "No Coalition troops were injured.",
                "No Coalition",
                EntityKind::Org,
                "Coalition",
            ),
            (
                "Northamptonshire police found the car.",
                "Northamptonshire",
                EntityKind::Place,
                "Northamptonshire",
            ), // A title after a body's head or a country's name, with its complement.
            (
                "with Defense Council Senior Director for Cyber Policy Ana Ruiz",
                "Defense Council Senior Director for Cyber Policy",
                EntityKind::Org,
                "Defense Council",
            ),
            (
                "Fisheries Kenya Associate Deputy Minister Ana Ruiz came.",
                "Fisheries Kenya Associate",
                EntityKind::Org,
                "Fisheries Kenya",
            ),
            (
                "Kenya's Deputy Clerk and Security Advisor spoke.",
                "Clerk",
                EntityKind::Misc,
                "Clerk",
            ),
        ];
        for (text, org, kind, want) in cases {
            assert_eq!(run(text, &[org]), vec![(*kind, want.to_string())], "{text}");
        }
    }

    #[test]
    fn titles_things_headings_and_kinds_are_no_organisations() {
        let cases: &[(&str, &str)] = &[
            (
                "In the capital, the Deputy Secretary spoke.",
                "Deputy Secretary",
            ),
            (
                "He wrote to Elaine Chao, the Secretary of Transportation.",
                "Secretary of Transportation",
            ),
            (
                "and Undersecretary of Trade, Fisheries and Mines Ana Ruiz",
                "Undersecretary of Trade, Fisheries",
            ),
            // Two countries' bond, no body.
            (
                "They praised the Japan-Chile Alliance.",
                "Japan-Chile Alliance",
            ),
            ("the U.S.-Kenya Alliance is strong", "U.S.-Kenya Alliance"),
            (
                "It was boycotted by Sunni Members of Parliament.",
                "Sunni Members of Parliament",
            ),
            ("They met the Chinese Delegation.", "Chinese Delegation"),
            (
                "He supports the Secretary-General's Personal Envoy, Mr. Haavisto.",
                "Personal Envoy",
            ),
            (
                "The two signed a Memorandum of Understanding on energy.",
                "Memorandum of Understanding",
            ),
            (
                "It is consistent with the Taylor Force Act.",
                "Taylor Force Act",
            ),
            (
                "Troops opened fire on Armed Forces Day in 2021.",
                "Armed Forces",
            ),
            (
                "They announced $4 billion in Foreign Military Sales to Greece.",
                "Foreign Military Sales",
            ),
            (
                "It hosts the first Economic Security Zone in Clark.",
                "Economic Security Zone",
            ),
            (
                "Following Operation Absolute Resolve, talks began.",
                "Operation Absolute Resolve",
            ),
            ("They sent Stryker vehicles to Greece.", "Stryker"),
            ("They sent Stryker vehicles to Greece.", "Stryker vehicles"),
            ("He was struck by a Volvo XC90 on the road.", "Volvo XC90"),
            (
                "Hamas is designated as a Foreign Terrorist Organization under the law.",
                "Foreign Terrorist Organization",
            ),
            (
                "Hamas is designated as a Foreign Terrorist Organization pursuant to law.",
                "Foreign Terrorist Organization",
            ),
            (
                "CJNG, a designated Foreign Terrorist Organization, acted.",
                "Foreign Terrorist Organization",
            ),
            (
                "to foster innovation in AI and emerging technologies.",
                "AI",
            ),
            (
                "I will be naming a new National Security Advisor next week.",
                "National Security Advisor",
            ),
            (
                "Cartels are Foreign Terrorist Organizations now.",
                "Foreign Terrorist Organizations",
            ),
            (
                "It followed the Trump Administration's policy.",
                "Trump Administration",
            ),
            (
                "They remain committed to Making America Safe Again.",
                "Making America Safe Again",
            ),
            (
                "The Working Groups are as follows:\n\nClean Energy\n\nWater Security",
                "Clean Energy",
            ),
            (
                "Energy and Economic Cooperation\n\nThe two signed a deal.",
                "Economic Cooperation",
            ),
            (
                "Leaders from the Departments of State and Defense came.",
                "Departments of State and Defense",
            ),
            (
                "Between the United States and the Government of the People\u{2019}s Republic of China",
                "Government of the People",
            ),
            (
                "Serbia will proceed with the Djerdap III hydropower project.",
                "Djerdap III",
            ),
        ];
        for (text, org) in cases {
            let got = run(text, &[org]);
            assert_eq!(got[0].0, EntityKind::Misc, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_seat_of_government_is_the_government_unless_it_is_where_one_is() {
        let text = "Biden met Chaves at the White House today. The White House said \
                    that the Kremlin had called.";
        let tokens = tokenize(text);
        let mut mentions: Vec<Mention> = text
            .match_indices("White House")
            .chain(text.match_indices("Kremlin"))
            .map(|(i, s)| Mention {
                span: i..i + s.len(),
                kind: EntityKind::Place,
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        correct(text, &tokens, &mut mentions, &Table::sample());
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::{Org, Place};
        assert_eq!(kinds, vec![Place, Org, Org]);
    }

    #[test]
    fn abbreviations_of_things_are_no_organisations() {
        let text = "Action is taken under Executive Order (E.O.) 13224, as amended by E.O. 13886, \
                    in the exclusive economic zone (EEZ) of Cyprus, against the Office of \
                    Foreign Assets Control (OFAC).";
        let got = run(
            text,
            &[
                "E.O.",
                "E.O.",
                "EEZ",
                "Office of Foreign Assets Control",
                "OFAC",
            ],
        );
        let kinds: Vec<EntityKind> = got.iter().map(|(k, _)| *k).collect();
        use EntityKind::{Misc, Org};
        assert_eq!(kinds, vec![Misc, Misc, Misc, Org, Org], "{got:?}");
    }

    #[test]
    fn a_town_before_the_region_or_country_around_it_is_a_place() {
        for (text, town) in [
            ("She grew up in Paris, Texas before the war.", "Paris"),
            ("The talks in Lima, Peru ended.", "Lima"),
        ] {
            assert_eq!(
                run(text, &[town]),
                [(EntityKind::Place, town.to_string())],
                "{text}"
            );
        }
        // A country the town does not lie in says nothing of it.
        assert_eq!(
            run("Atlanta, Kenya and Peru signed.", &["Atlanta"]),
            [(EntityKind::Org, "Atlanta".to_string())]
        );
    }

    #[test]
    fn a_time_standard_is_no_body() {
        assert_eq!(
            run("The shot was fired at 0300 UTC on Monday.", &["UTC"]),
            [(EntityKind::Misc, "UTC".to_string())]
        );
    }
}
