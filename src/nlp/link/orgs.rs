//! Organisation names the tagger cuts up or misses: capitalised runs joined by
//! "of", "for", "and", "the" around a head noun ("Organization of American
//! States", "Office of the Spokesperson", "Turkish Ministry of Foreign Affairs",
//! "African Export-Import Bank"), and the short names of international bodies
//! ("G7", "ASEAN", "NATO").

use super::titles::is_title_word;
use super::view::View;
use super::words::WordSet;
use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{EntityKind, Span};

/// The word lists below as hash sets: every capitalised run is checked word by
/// word against three lists of thirty to fifty words, and linear scans of them
/// were most of this module's cost.
static HEAD_SET: WordSet = WordSet::new(&[HEADS]);
static BODY_SET: WordSet = WordSet::new(&[BODIES]);
static OPENER_SET: WordSet = WordSet::new(&[OPENERS]);
static THING_SET: WordSet = WordSet::new(&[THINGS]);

/// Nouns that make a capitalised run an organisation's name.
const HEADS: &[&str] = &[
    "Organization",
    "Organisation",
    "Office",
    "Ministry",
    "Department",
    "Bureau",
    "Commission",
    "Committee",
    "Council",
    "Bank",
    "Agency",
    "Fund",
    "Forces",
    "Force",
    "Army",
    "Navy",
    "Guard",
    "Corps",
    "Command",
    "Party",
    "Union",
    "Association",
    "Court",
    "Assembly",
    "Parliament",
    "Institute",
    "Corporation",
    "Company",
    "Service",
    "Authority",
    "Foundation",
    "Movement",
    "Coalition",
    "Secretariat",
    "Board",
    "University",
    "Police",
    "Academy",
    "Federation",
    "Embassy",
    "Consulate",
    "Senate",
    "Cabinet",
    "Tribunal",
    "Airlines",
    "Airways",
    "House",
    "Group",
    "League",
    "Center",
    "Centre",
    "Division",
    "Brigade",
    "Battalion",
    "Regiment",
    "Squadron",
];

/// Head words of things that are no organisation: documents ("Memorandum of
/// Understanding", "Taylor Force Act"), events ("Armed Forces Day"),
/// programmes and zones ("Foreign Military Sales", "Economic Security Zone").
const THINGS: &[&str] = &[
    "Act",
    "Acts",
    "Agreement",
    "Agreements",
    "Accord",
    "Accords",
    "Memorandum",
    "Memoranda",
    "Treaty",
    "Treaties",
    "Resolution",
    "Resolutions",
    "Order",
    "Law",
    "Laws",
    "Declaration",
    "Convention",
    "Charter",
    "Protocol",
    "Statute",
    "Compact",
    "Communique",
    "Communiqu\u{e9}",
    "Bill",
    "Amendment",
    "Decree",
    "Directive",
    "Framework",
    "Strategy",
    "Plan",
    "Initiative",
    "Program",
    "Programme",
    "Statement",
    "Doctrine",
    "Principles",
    "Practices",
    "Roadmap",
    "Day",
    "Week",
    "Games",
    "Olympics",
    "Exposition",
    "Expo",
    "Summit",
    "Ministerial",
    "Dialogue",
    "Talks",
    "Crisis",
    "War",
    "Sales",
    "Entry",
    "Zone",
    "Area",
    "Line",
    "Award",
    "Prize",
    "Report",
    "Sheet",
    "Note",
    "Release",
    "Notice",
    "Advisory",
    "Guidance",
];

/// First words of names of operations and laws ("Operation Absolute Resolve",
/// "Law Against Hatred").
const THING_OPENERS: &[&str] = &["Operation", "Law", "Treaty", "Memorandum"];

/// Short names of international bodies and of a few companies, as written
/// (case-sensitive).
const BODIES: &[&str] = &[
    "ASEAN",
    "BRICS",
    "NATO",
    "OPEC",
    "APEC",
    "EU",
    "UN",
    "AU",
    "IMF",
    "WTO",
    "OAS",
    "ECOWAS",
    "Mercosur",
    "MERCOSUR",
    "Interpol",
    "INTERPOL",
    "UNESCO",
    "UNICEF",
    "UNHCR",
    "UNRWA",
    "USAID",
    "OSCE",
    "SADC",
    "CARICOM",
    "IAEA",
    "OECD",
    "ICJ",
    "Quad",
    "AUKUS",
    "GCC",
    // Armed groups the news names often.
    "Taliban",
    "Hezbollah",
    "Hizballah",
    "Hamas",
    // Platforms news quotes ("wrote on Twitter"), whose names are also words.
    "Twitter",
    "Facebook",
    "YouTube",
    "Instagram",
    "TikTok",
    "WhatsApp",
    "Weibo",
    "WeChat",
];

/// "Organization for Security and Cooperation in Europe": "in" joins only these.
const CONTINENTS: &[&str] = &[
    "Europe",
    "Asia",
    "Africa",
    "America",
    "Americas",
    "Asia-Pacific",
];

/// Words that follow a name as a title ("National Assembly Deputy"), not part of it.
const TITLE_TAILS: &[&str] = &[
    "Deputy",
    "Member",
    "Members",
    "President",
    "Chairman",
    "Chairperson",
    "Chair",
    "Speaker",
    "Secretary",
    "Minister",
    "Director",
    "Spokesperson",
    "Spokesman",
    "Commissioner",
    "Head",
];

/// Lower-case words that may join the parts of a name.
const JOINERS: &[&str] = &["of", "for", "and", "the", "de", "du", "&"];

/// Capitalised words that open a sentence or a phrase without being part of a name.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "For",
    "By",
    "With",
    "From",
    "Under",
    "After",
    "Before",
    "During",
    "Both",
    "Also",
    "And",
    "But",
    "Today",
    "Yesterday",
    "This",
    "That",
    "Their",
    "Its",
    "His",
    "Her",
    "Our",
    "Secretary",
    "President",
    "Minister",
    "Prime",
    "Deputy",
    "Assistant",
    "Under",
    "Spokesperson",
    "Ambassador",
    "Chairman",
    "Chair",
    "Director",
    "Head",
    "Vice",
    "General",
    "Acting",
    "Special",
    "Envoy",
    "Senior",
    "All",
    "Every",
    "Each",
    "Some",
    "Many",
    "Other",
    "These",
    "Those",
    "Such",
    "Several",
    "Any",
    "No",
];

/// Whether a word ends organisation names ("Ministry", "Council", "Agency").
pub fn is_head(word: &str) -> bool {
    HEAD_SET.contains(word)
}

/// "Organizations", "Ministries": the plural of a body's head noun, which is
/// no head itself ("Forces", "Airlines" are), naming several bodies;
/// "Revolutionary Guards" and "Qassam Brigades" are one body each.
pub fn plural_of_head(w: &str) -> bool {
    if is_head(w) || matches!(w, "Guards" | "Brigades") {
        return false;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        // The singular spelled on the stack: every head is shorter than this.
        let mut buf = [0u8; 32];
        let Some((singular, _)) = buf.split_at_mut_checked(stem.len() + 1) else {
            return false;
        };
        let (letters, y) = singular.split_at_mut(stem.len());
        letters.copy_from_slice(stem.as_bytes());
        y.fill(b'y');
        return std::str::from_utf8(singular).is_ok_and(is_head);
    }
    w.strip_suffix('s').is_some_and(is_head)
}

/// Whether a word makes a name a thing, not a body ("Act", "Day", "Zone").
pub fn is_thing(word: &str) -> bool {
    THING_SET.contains(word)
}

/// Whether a name, as its words, names a document, event, programme or zone
/// rather than a body: its head (the word before an "of"/"for" complement,
/// else the last word) is such a thing ("Memorandum of Understanding",
/// "Armed Forces Day", "Taylor Force Act"), or it opens with "Operation" or
/// "Law" ("Operation Absolute Resolve", "Law Against Hatred").
pub fn names_a_thing(words: &[&str]) -> bool {
    let words = match words {
        // "Customs Tariff Commission ... No. 4", "Act of 1989": a number closes the name.
        [rest @ .., "of", year] if year.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => words,
    };
    let Some(last) = words.last() else {
        return false;
    };
    let complement = words
        .iter()
        .position(|w| matches!(*w, "of" | "for"))
        .filter(|&k| k > 0)
        .and_then(|k| words.get(k - 1));
    let opener = words.len() > 1
        && words.first().is_some_and(|w| THING_OPENERS.contains(w))
        && !is_head(last);
    opener || complement.is_some_and(|w| is_thing(w)) || is_thing(last)
}

pub(super) fn is_capitalised_word(text: &str, t: &Token) -> bool {
    // Most tokens open with an ASCII byte that is no capital: answered without
    // slicing the text (this runs for every token).
    if text
        .as_bytes()
        .get(t.span.start)
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return false;
    }
    let w = t.text(text);
    let first = w.chars().next().is_some_and(char::is_uppercase);
    if !first {
        return false;
    }
    // "Kurdish-led", "Iran-backed": a modifier, not part of the name. (Most
    // words have no dash, 0xE2 being the en dash's first byte: skip the split.)
    let dashed = w.bytes().any(|b| b == b'-' || b == 0xE2);
    let modifier = dashed
        && w.rsplit(['-', '\u{2013}'])
            .next()
            .is_some_and(|last| last.chars().next().is_some_and(char::is_lowercase));
    (t.kind == TokenKind::Word || is_g_number(w)) && first && !modifier
}

/// "G7", "G20": a group of N countries.
fn is_g_number(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next() == Some('G') && (2..=3).contains(&w.len()) && chars.all(|c| c.is_ascii_digit())
}

/// Months and days: "the Council on Monday" is no "Council on ..." name.
fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// "66th", "1st", "3rd": an ordinal number.
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(w.get(digits..), Some("st" | "nd" | "rd" | "th"))
}

/// In `run`, whose token `comma` is a comma glued to the word before it: the
/// end (exclusive, in `run`) of a list of capitalised words inside an "of"
/// or "for" complement, "Population, Refugees, and Migration", when the list
/// is closed by "and" and a capitalised word; `None` when it is not such a list.
/// `words` are the surfaces of `run`'s tokens.
fn listed_complement(text: &str, run: &[Token], words: &[&str], comma: usize) -> Option<usize> {
    // A name's list is short: looking no further keeps a long text's runs linear.
    const MAX_TOKENS: usize = 24;
    let lo = comma.saturating_sub(MAX_TOKENS);
    let hi = run.len().min(comma + MAX_TOKENS);
    let (run, words) = (run.get(lo..hi)?, words.get(lo..hi)?);
    let comma = comma - lo;
    let before = words.get(..comma)?;
    // The list must follow a complement's opening: "Bureau of Population, ...".
    if !before.iter().any(|w| matches!(*w, "of" | "for")) {
        return None;
    }
    let stretch = |mut j: usize| {
        while run
            .get(j)
            .zip(j.checked_sub(1).and_then(|p| run.get(p)))
            .is_some_and(|(t, p)| is_capitalised_word(text, t) && adjacent(text, p, t))
        {
            j += 1;
        }
        j
    };
    let mut k = comma;
    // At a comma: ", Word ..." then another comma, or "(,) and Word ...".
    while words.get(k) == Some(&",") {
        let and = words.get(k + 1) == Some(&"and");
        let first = k + 1 + usize::from(and);
        let j = stretch(first);
        // Items of a list inside a name are no bodies: "Joint Staff, and U.S.
        // European Command" lists names.
        if j == first || words[first..j].iter().any(|w| HEAD_SET.contains(w)) {
            return None;
        }
        if and {
            return Some(lo + j);
        }
        if words.get(j) == Some(&"and") {
            let last = stretch(j + 1);
            let plain = !words[j + 1..last].iter().any(|w| HEAD_SET.contains(w));
            return (last > j + 1 && plain).then_some(lo + last);
        }
        k = j;
    }
    None
}

/// Whether only one plain space separates two tokens (names do not cross lines).
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start) == Some(" ")
}

/// Byte spans of organisation names, sorted and non-overlapping.
pub fn names(text: &str, tokens: &[Token]) -> Vec<Span> {
    scan(&View::new(text, tokens)).0
}

/// Byte spans of organisation names, and of things named like them ("Taylor
/// Force Act", "Armed Forces Day"), each sorted and non-overlapping.
fn scan(view: &View) -> (Vec<Span>, Vec<Span>) {
    let (text, tokens) = (view.text, view.tokens);
    // `view.name_word(k)` is `is_capitalised_word` of token k, asked once per
    // article; `view.word(k)` its surface.
    let mut out = Vec::new();
    let mut things = Vec::new();
    // A name word opens with a capital: past one that is none, the search
    // goes on at the next token opening with a capital (`uppers[next]`).
    let uppers = view.uppers();
    let mut next = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !view.name_word(i) {
            while uppers.get(next).is_some_and(|&u| u <= i) {
                next += 1;
            }
            i = uppers.get(next).copied().unwrap_or(tokens.len());
            continue;
        }
        // The run: capitalised words, joiners between them, and hyphen or
        // en-dash compounds ("Export–Import").
        let start = i;
        let mut end = i + 1;
        let mut k = i + 1;
        while let Some(t) = tokens.get(k) {
            let prev = &tokens[k - 1];
            let w = view.word(k);
            let dash = matches!(w, "-" | "\u{2013}")
                && text.get(prev.span.end..t.span.start) == Some("")
                && tokens.get(k + 1).is_some_and(|n| {
                    text.get(t.span.end..n.span.start) == Some("") && view.name_word(k + 1)
                });
            if dash {
                k += 2;
                end = k;
                continue;
            }
            // "Bureau of Population, Refugees, and Migration": a list inside
            // a complement, closed by "and" and a capitalised word.
            if w == ","
                && text.get(prev.span.end..t.span.start) == Some("")
                && let Some(close) = listed_complement(
                    text,
                    &tokens[start..],
                    view.words(start..tokens.len()),
                    k - start,
                )
            {
                k = start + close;
                end = k;
                continue;
            }
            if !adjacent(text, prev, t) {
                break;
            }
            if view.name_word(k) {
                k += 1;
                end = k;
            } else if JOINERS.contains(&w)
                || matches!(w, "'s" | "\u{2019}s")
                // "Global Coalition to Defeat ISIS", "Committee to Protect
                // Journalists", "United Nations Office on Drugs and Crime".
                || (matches!(w, "to" | "on")
                    && HEAD_SET.contains(view.word(k - 1))
                    && tokens.get(k + 1).is_some_and(|n| {
                        view.name_word(k + 1)
                            && adjacent(text, t, n)
                            && !is_calendar_word(view.word(k + 1))
                    }))
                || (w == "in"
                    && tokens.get(k + 1).is_some_and(|_| {
                        CONTINENTS.contains(&view.word(k + 1))
                            // "UN Interim Force in Lebanon", "UN Mission in South Sudan".
                            || (matches!(view.word(k - 1), "Force" | "Mission")
                                && view.name_word(k + 1))
                    }))
            {
                k += 1;
            } else {
                break;
            }
        }
        let found = name_in(view, start, end);
        let (found, thing) = match found {
            Some((span, used, true)) => {
                things.push(span);
                (None, Some(used))
            }
            Some((span, used, false)) => (Some((span, used)), None),
            None => (None, None),
        };
        let end = thing.map_or(end, |used| start + used);
        let found = found.map(|(span, used)| {
            // "the 66th Light Infantry Division": an ordinal opens the name.
            let ordinal = start
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .filter(|o| {
                    o.span.end + 1 == span.start
                        && tokens[start].span.start == span.start
                        && is_ordinal(view.word(start - 1))
                });
            (ordinal.map_or(span.start, |o| o.span.start)..span.end, used)
        });
        // The rest of the run may hold another name.
        let end = found.as_ref().map_or(end, |(_, used)| start + used);
        let name = found.map(|(span, _)| span);
        // Short names of bodies elsewhere in the run: "Leaders of the G7 and ASEAN".
        for (k, t) in tokens.iter().enumerate().take(end).skip(start) {
            let w = view.word(k);
            let inside = name
                .as_ref()
                .is_some_and(|n| n.start <= t.span.start && t.span.end <= n.end);
            if !inside && (BODY_SET.contains(w) || is_g_number(w)) {
                out.push(t.span.clone());
            }
        }
        out.extend(name);
        i = end.max(i + 1);
    }
    out.sort_by_key(|s| s.start);
    (out, things)
}

/// The organisation name inside a run, if the run has a head noun: from the
/// start of the capitalised stretch holding the first head ("Okey Oramah of
/// the [African Export-Import Bank]") to the end of the run, stopping before
/// "and" that opens another name ("... Bank of Nicaragua and the National Assembly").
/// The flag is set when the name is a thing's, not a body's (`names_a_thing`).
fn name_in(view: &View, start: usize, end: usize) -> Option<(Span, usize, bool)> {
    let run = view.tokens.get(start..end)?;
    let mut a = 0;
    // "Foreign Minister ... of the Council": "Foreign" opens a title there, but
    // a name elsewhere ("Foreign Ministry of Iraq").
    let opener = |k: usize| {
        let w = view.word(start + k);
        OPENER_SET.contains(w)
            || (w == "Foreign"
                && k + 1 < run.len()
                && matches!(
                    view.word(start + k + 1),
                    "Minister" | "Secretary" | "Ministers"
                ))
    };
    while a < run.len() && (opener(a) || !view.name_word(start + a)) {
        a += 1;
    }
    let run = run.get(a..)?;
    // The run's surfaces, read from the view (no copy per run).
    let words: &[&str] = view.words(start + a..end);
    // `is_capitalised_word` of the run's token k.
    let name_word = |k: usize| view.name_word(start + a + k);
    // "House" only as "House of ...": "White House" is a building.
    // A plural head makes a name too, of several bodies ("Departments of State
    // and Defense") or of one ("International Gateways Groups of Company
    // Limited"): `not_orgs` tells them apart.
    // "Center" only with a complement: "Center for Investigative Reporting"
    // is a body, "Cielo Vista Center" or "Medical Center" a building.
    let is_head = |k: usize| {
        let complement = || matches!(words.get(k + 1), Some(&"of" | &"for" | &"on"));
        let w = words[k];
        (HEAD_SET.contains(w)
            && (!matches!(w, "House" | "Center" | "Centre") || complement())
            && (w != "House" || words.get(k + 1) == Some(&"of")))
            || plural_of_head(w)
    };
    let joiner =
        |k: usize| !name_word(k) && !matches!(words[k], "'s" | "\u{2019}s" | "-" | "\u{2013}");
    let head = (0..run.len()).find(|&k| is_head(k))?;
    let mut first = head;
    loop {
        while first > 0 && !joiner(first - 1) {
            first -= 1;
        }
        // "Myanmar Chemical & Machinery Company", "Cinema for Peace Foundation":
        // "&" and "for" join words of one name when a plain capitalised word
        // stands before them (not a title: "Minister for Trade").
        let glue = first
            .checked_sub(2)
            .filter(|&p| matches!(words[p + 1], "&" | "for"))
            .filter(|&p| {
                !joiner(p)
                    && !OPENER_SET.contains(words[p])
                    && !is_title_word(words[p])
                    && !HEAD_SET.contains(words[p])
            });
        match glue {
            Some(p) => first = p,
            None => break,
        }
    }
    // "Compact of Free Association": a document named after a body.
    let document = first >= 2 && words[first - 1] == "of" && is_thing(words[first - 2]);
    if document {
        first -= 2;
    }
    let mut last = head;
    let mut k = head + 1;
    let mut complement = false;
    while k < run.len() {
        // "Export-Import Bank of the United States for Telekom Srbija Group": a
        // second complement holding a head of its own is another name.
        if complement
            && matches!(words[k], "of" | "for")
            && (k + 1..run.len())
                .take(8)
                .take_while(|&j| !matches!(words[j], "of" | "for" | "and"))
                .any(|j| !joiner(j) && is_head(j))
        {
            break;
        }
        complement |= matches!(words[k], "of" | "for" | "de" | "du" | "to" | "on");
        // "European Union and the South American ...": "and" joins inside an
        // "of"/"for" complement only ("Organization for Security and Cooperation").
        if matches!(words[k], "and" | "the" | "&") && !complement {
            break;
        }
        // "Organization of American States and the United Nations": "and the"
        // opens another noun phrase; names join their parts with a bare "and".
        if words[k] == "and" && words.get(k + 1) == Some(&"the") {
            break;
        }
        if words[k] == "and" {
            // Another name after "and": a head before the next joiner or the end.
            let mut j = k + 1;
            while j < run.len() && joiner(j) {
                j += 1;
            }
            let mut next_head = false;
            while j < run.len() && !joiner(j) {
                next_head |= is_head(j);
                j += 1;
            }
            if next_head {
                break;
            }
        }
        if !joiner(k) {
            last = k;
        }
        k += 1;
    }
    // "National Assembly Deputy Ana Rosa": a title after the name ends it.
    // A title inside the name goes on with a complement: "Office of the UN High
    // Commissioner for Human Rights".
    if let Some(t) = (head + 1..=last).find(|&k| {
        TITLE_TAILS.contains(&words[k])
            && !joiner(k - 1)
            && !matches!(words.get(k + 1), Some(&"for" | &"of"))
    }) {
        last = t - 1;
    }
    // "Commission of the State Council No. 4": the number is no part of it.
    while last > first && matches!(words[last], "No" | "No." | "Nos.") {
        last -= 1;
    }
    while last > first && joiner(last) {
        last -= 1;
    }
    let thing = document || names_a_thing(&words[first..=last]);
    (last > first).then(|| {
        (
            run[first].span.start..run[last].span.end,
            a + last + 1,
            thing,
        )
    })
}

/// Adds the organisation names to `mentions` (sorted by start), replacing the
/// tagger's pieces of them; a name overlapping a person is left alone.
pub fn apply(view: &View, mentions: &mut Vec<crate::nlp::ner::Mention>) {
    let text = view.text;
    let (spans, things) = scan(view);
    if spans.is_empty() && things.is_empty() {
        return;
    }
    let overlapping = |span: &Span, m: &crate::nlp::ner::Mention| {
        m.span.start < span.end && span.start < m.span.end
    };
    let no_person = |span: &Span| {
        !mentions
            .iter()
            .skip(mentions.partition_point(|m| m.span.end <= span.start))
            .take_while(|m| m.span.start < span.end)
            .any(|m| m.kind == EntityKind::Person && overlapping(span, m))
    };
    let keep: Vec<Span> = spans.into_iter().filter(|s| no_person(s)).collect();
    // A thing named after a body ("Taylor Force Act") replaces the tagger's
    // pieces of it ("Taylor Force").
    let things: Vec<Span> = things.into_iter().filter(|s| no_person(s)).collect();
    // A bare short name inside a longer mention ("ASEAN" in "U.S.-ASEAN Summit") stays as tagged.
    let keep: Vec<Span> = keep
        .into_iter()
        .filter(|span| {
            let whole = mentions
                .iter()
                .skip(mentions.partition_point(|m| m.span.end <= span.start))
                .take_while(|m| m.span.start < span.end)
                .any(|m| m.span.start < span.start || m.span.end > span.end);
            let short = !text.get(span.clone()).unwrap_or("").contains(' ');
            !(short && whole)
        })
        .collect();
    mentions.retain(|m| {
        let i = keep.partition_point(|s| s.end <= m.span.start);
        let j = things.partition_point(|s| s.end <= m.span.start);
        keep.get(i).is_none_or(|s| !overlapping(s, m))
            && things.get(j).is_none_or(|s| !overlapping(s, m))
    });
    mentions.extend(keep.into_iter().map(|span| crate::nlp::ner::Mention {
        span,
        kind: EntityKind::Org,
    }));
    mentions.extend(things.into_iter().map(|span| crate::nlp::ner::Mention {
        span,
        kind: EntityKind::Misc,
    }));
    super::fix::sort_by_start(mentions);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plurals of head nouns, "-ies" ones included, name several bodies;
    /// heads themselves and other plurals do not.
    #[test]
    fn plurals_of_heads() {
        for w in ["Ministries", "Agencies", "Organizations", "Councils"] {
            assert!(plural_of_head(w), "{w}");
        }
        for w in ["Ministry", "Forces", "Guards", "Activities", "Families", ""] {
            assert!(!plural_of_head(w), "{w}");
        }
        assert!(!plural_of_head(&format!("{}ies", "Ab".repeat(20))));
    }
    use crate::nlp::token::tokenize;

    fn found(text: &str) -> Vec<&str> {
        names(text, &tokenize(text))
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn multi_word_names_around_a_head() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He spoke at the Organization of American States on Monday.",
                &["Organization of American States"],
            ),
            (
                "Office of the Spokesperson\n\nThe following is attributable to Ned Price.",
                &["Office of the Spokesperson"],
            ),
            (
                "The Turkish Ministry of Foreign Affairs denounced it.",
                &["Turkish Ministry of Foreign Affairs"],
            ),
            (
                "Okey Oramah of the African Export\u{2013}Import Bank said so.",
                &["African Export\u{2013}Import Bank"],
            ),
            (
                "Kurdish-led Syrian Democratic Forces entered the town.",
                &["Syrian Democratic Forces"],
            ),
            (
                "The Shanghai Cooperation Organisation (SCO) met in Astana.",
                &["Shanghai Cooperation Organisation"],
            ),
            ("Leaders of the G7 and ASEAN met.", &["G7", "ASEAN"]),
            (
                "the European Union and the South American bloc",
                &["European Union"],
            ),
            (
                "the Organization for Security and Cooperation in Europe said",
                &["Organization for Security and Cooperation in Europe"],
            ),
            (
                "National Assembly Deputy Ana Rosa spoke",
                &["National Assembly"],
            ),
            (
                "the Central Bank of Nicaragua and the National Assembly said",
                &["Central Bank of Nicaragua", "National Assembly"],
            ),
            (
                "within the Organization of American States and the United Nations",
                &["Organization of American States"],
            ),
            (
                "the Bank for Reconstruction and Development lent",
                &["Bank for Reconstruction and Development"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn names_joined_by_lists_ampersands_and_for() {
        let cases: &[(&str, &[&str])] = &[
            (
                "funds from the Bureau of Population, Refugees, and Migration (PRM).",
                &["Bureau of Population, Refugees, and Migration"],
            ),
            (
                "the Bureau of Population, Refugees and Migration said",
                &["Bureau of Population, Refugees and Migration"],
            ),
            (
                "the Department of State, USAID, and the Treasury",
                &["Department of State", "USAID"],
            ),
            (
                "OFAC designated Myanmar Chemical & Machinery Company Limited today.",
                &["Myanmar Chemical & Machinery Company Limited"],
            ),
            (
                "airlifted by Berlin non-profit Cinema for Peace Foundation.",
                &["Cinema for Peace Foundation"],
            ),
            (
                "a rapporteur for the Office of the UN High Commissioner for Human Rights said",
                &["Office of the UN High Commissioner for Human Rights"],
            ),
            (
                "a loan from the Export-Import Bank of the United States for Telekom Srbija Group to",
                &[
                    "Export-Import Bank of the United States",
                    "Telekom Srbija Group",
                ],
            ),
            (
                "set forth in Announcement of the Customs Tariff Commission of the State Council No. 4 of 2025",
                &["Customs Tariff Commission of the State Council"],
            ),
            (
                "The Foreign Ministry of Iraq said so.",
                &["Foreign Ministry of Iraq"],
            ),
            (
                "a peacekeeper serving in the UN Interim Force in Lebanon died",
                &["UN Interim Force in Lebanon"],
            ),
            (
                "OFAC has also designated the 66th Light Infantry Division, which",
                &["66th Light Infantry Division"],
            ),
            (
                "the continued presence of the Global Coalition to Defeat ISIS in Iraq",
                &["Global Coalition to Defeat ISIS"],
            ),
            (
                "with the United Nations Office on Drugs and Crime (UNODC) to",
                &["United Nations Office on Drugs and Crime"],
            ),
            (
                "briefed the United Nations Security Council on July 2 about",
                &["United Nations Security Council"],
            ),
            (
                "All Department of State targets are sanctioned.",
                &["Department of State"],
            ),
            ("He wrote on Twitter that it was over.", &["Twitter"]),
            (
                "OFAC designated International Gateways Groups of Company Limited (IGG).",
                &["International Gateways Groups of Company Limited"],
            ),
            (
                "the Office of the Secretary Defense, Joint Staff, and U.S. European Command",
                &["Office of the Secretary Defense", "U.S. European Command"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn documents_and_events_named_after_bodies_are_not_organisations() {
        for text in [
            "It is consistent with applicable law, including the Taylor Force Act.",
            "Troops opened fire on Armed Forces Day in 2021.",
            "under the Compact of Free Association today",
            "in support of Security Council Resolution 242 and 338",
            "a Nuclear Cooperation Memorandum of Understanding was signed",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_thing_named_after_a_body_replaces_the_taggers_pieces() {
        use crate::nlp::ner::Mention;
        let text = "It is consistent with the Taylor Force Act and the Armed Forces.";
        let tokens = tokenize(text);
        let at = |s: &str| text.find(s).map(|i| i..i + s.len()).unwrap_or_default();
        let mut mentions = vec![
            Mention {
                span: at("Taylor Force"),
                kind: EntityKind::Org,
            },
            Mention {
                span: at("Armed Forces"),
                kind: EntityKind::Org,
            },
        ];
        apply(&View::new(text, &tokens), &mut mentions);
        let got: Vec<(&str, EntityKind)> = mentions
            .iter()
            .map(|m| (&text[m.span.clone()], m.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Taylor Force Act", EntityKind::Misc),
                ("Armed Forces", EntityKind::Org)
            ]
        );
    }

    #[test]
    fn titles_buildings_and_plain_names_are_not_organisations() {
        for text in [
            "Secretary of State Antony Blinken met Prime Minister Kishida.",
            "They met at the White House today.",
            "The Summit of the Americas opened in Los Angeles.",
            "Deputy Minister of Foreign Affairs Thongphane spoke.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn spans_are_on_char_boundaries_of_odd_text() {
        for text in [
            "Ministry of \u{00e9}",
            "Bank \u{2013}",
            "G7\u{2013}",
            "Ö Office of Ü",
        ] {
            for s in names(text, &tokenize(text)) {
                assert!(text.get(s).is_some());
            }
        }
    }
}
