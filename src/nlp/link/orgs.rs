//! Organisation names the tagger cuts up or misses: capitalised runs joined by
//! "of", "for", "and", "the" around a head noun ("Organization of American
//! States", "Office of the Spokesperson", "Turkish Ministry of Foreign Affairs",
//! "African Export-Import Bank"), and the short names of international bodies
//! ("G7", "ASEAN", "NATO").

use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{EntityKind, Span};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// The word lists below as hash sets: every capitalised run is checked word by
/// word against three lists of thirty to fifty words, and linear scans of them
/// were most of this module's cost.
static HEAD_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| HEADS.iter().copied().collect());
static BODY_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| BODIES.iter().copied().collect());
static OPENER_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| OPENERS.iter().copied().collect());

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
];

/// Short names of international bodies, as written (case-sensitive).
const BODIES: &[&str] = &[
    "ASEAN", "BRICS", "NATO", "OPEC", "APEC", "EU", "UN", "AU", "IMF", "WTO", "OAS", "ECOWAS",
    "Mercosur", "MERCOSUR", "Interpol", "INTERPOL", "UNESCO", "UNICEF", "UNHCR", "UNRWA", "USAID",
    "OSCE", "SADC", "CARICOM", "IAEA", "OECD", "ICJ", "Quad", "AUKUS", "GCC",
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
    "Foreign",
    "Vice",
    "General",
    "Acting",
    "Special",
    "Envoy",
    "Senior",
];

/// Whether a word ends organisation names ("Ministry", "Council", "Agency").
pub fn is_head(word: &str) -> bool {
    HEAD_SET.contains(word)
}

fn is_capitalised_word(text: &str, t: &Token) -> bool {
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

/// Whether only one plain space separates two tokens (names do not cross lines).
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start) == Some(" ")
}

/// Byte spans of organisation names, sorted and non-overlapping.
pub fn names(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_capitalised_word(text, &tokens[i]) {
            i += 1;
            continue;
        }
        // The run: capitalised words, joiners between them, and hyphen or
        // en-dash compounds ("Export–Import").
        let start = i;
        let mut end = i + 1;
        let mut k = i + 1;
        while let Some(t) = tokens.get(k) {
            let prev = &tokens[k - 1];
            let w = t.text(text);
            let dash = matches!(w, "-" | "\u{2013}")
                && text.get(prev.span.end..t.span.start) == Some("")
                && tokens.get(k + 1).is_some_and(|n| {
                    text.get(t.span.end..n.span.start) == Some("") && is_capitalised_word(text, n)
                });
            if dash {
                k += 2;
                end = k;
                continue;
            }
            if !adjacent(text, prev, t) {
                break;
            }
            if is_capitalised_word(text, t) {
                k += 1;
                end = k;
            } else if JOINERS.contains(&w)
                || matches!(w, "'s" | "\u{2019}s")
                || (w == "in"
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| CONTINENTS.contains(&n.text(text))))
            {
                k += 1;
            } else {
                break;
            }
        }
        let found = name_in(text, &tokens[start..end]);
        // The rest of the run may hold another name.
        let end = found.as_ref().map_or(end, |(_, used)| start + used);
        let name = found.map(|(span, _)| span);
        // Short names of bodies elsewhere in the run: "Leaders of the G7 and ASEAN".
        for t in &tokens[start..end] {
            let w = t.text(text);
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
    out
}

/// The organisation name inside a run, if the run has a head noun: from the
/// start of the capitalised stretch holding the first head ("Okey Oramah of
/// the [African Export-Import Bank]") to the end of the run, stopping before
/// "and" that opens another name ("... Bank of Nicaragua and the National Assembly").
fn name_in(text: &str, run: &[Token]) -> Option<(Span, usize)> {
    let mut a = 0;
    while a < run.len()
        && (OPENER_SET.contains(run[a].text(text)) || !is_capitalised_word(text, &run[a]))
    {
        a += 1;
    }
    let run = run.get(a..)?;
    let words: Vec<&str> = run.iter().map(|t| t.text(text)).collect();
    // "House" only as "House of ...": "White House" is a building.
    let is_head = |k: usize| {
        HEAD_SET.contains(words[k]) && (words[k] != "House" || words.get(k + 1) == Some(&"of"))
    };
    let joiner = |k: usize| {
        !is_capitalised_word(text, &run[k])
            && !matches!(words[k], "'s" | "\u{2019}s" | "-" | "\u{2013}")
    };
    let head = (0..run.len()).find(|&k| is_head(k))?;
    let mut first = head;
    while first > 0 && !joiner(first - 1) {
        first -= 1;
    }
    let mut last = head;
    let mut k = head + 1;
    let mut complement = false;
    while k < run.len() {
        complement |= matches!(words[k], "of" | "for" | "de" | "du");
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
    if let Some(t) = (head + 1..=last).find(|&k| TITLE_TAILS.contains(&words[k]) && !joiner(k - 1))
    {
        last = t - 1;
    }
    (last > first).then(|| (run[first].span.start..run[last].span.end, a + last + 1))
}

/// Adds the organisation names to `mentions` (sorted by start), replacing the
/// tagger's pieces of them; a name overlapping a person is left alone.
pub fn apply(text: &str, tokens: &[Token], mentions: &mut Vec<crate::nlp::ner::Mention>) {
    let spans = names(text, tokens);
    if spans.is_empty() {
        return;
    }
    let overlapping = |span: &Span, m: &crate::nlp::ner::Mention| {
        m.span.start < span.end && span.start < m.span.end
    };
    let keep: Vec<Span> = spans
        .into_iter()
        .filter(|span| {
            !mentions
                .iter()
                .skip(mentions.partition_point(|m| m.span.end <= span.start))
                .take_while(|m| m.span.start < span.end)
                .any(|m| m.kind == EntityKind::Person && overlapping(span, m))
        })
        .collect();
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
        keep.get(i).is_none_or(|s| !overlapping(s, m))
    });
    mentions.extend(keep.into_iter().map(|span| crate::nlp::ner::Mention {
        span,
        kind: EntityKind::Org,
    }));
    mentions.sort_by_key(|m| m.span.start);
}

#[cfg(test)]
mod tests {
    use super::*;
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
