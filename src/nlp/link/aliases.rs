//! Names in capitals, as sanctions fact sheets write them: "JANE ROE DOE
//! (ROE DOE) is ...", "ACME TRADING LLC (ACMETRA) is ...", "JANE ROE DOE is
//! a Senior Colonel". Capitals hide from the tagger whether a name is a
//! person's. A short form in brackets tells: a person's is made of their own
//! surnames (never the first word, a given name), a company's is an acronym
//! or the name holds a company's legal form; every later use of the short
//! form ("ROE DOE has ...") is the same person or organisation. Without one,
//! a name opening a paragraph and said to be a person's role ("is a Captain",
//! "is the head of") is a person's.

use super::view::View;
use crate::nlp::ner::Mention;
use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{EntityKind, Span};
use rustc_hash::FxHashMap;

/// The most words a defined name is read over (companies have long names).
const MAX_NAME_WORDS: usize = 16;

/// The most words of a short form.
const MAX_ALIAS_WORDS: usize = 4;

/// The most words of a person's name in capitals.
const MAX_PERSON_WORDS: usize = 6;

/// Words of company and organisation names that no person's name holds.
const BODY_WORDS: &[&str] = &[
    "SA",
    "S.A.",
    "S.A",
    "LLC",
    "L.L.C.",
    "LTD",
    "LTD.",
    "LIMITED",
    "INC",
    "INC.",
    "CO",
    "CO.",
    "CORP",
    "CORP.",
    "CORPORATION",
    "COMPANY",
    "GROUP",
    "GRUPO",
    "HOLDING",
    "HOLDINGS",
    "TRADING",
    "BANK",
    "BANCO",
    "EMPRESA",
    "SOCIEDAD",
    "INDUSTRIAL",
    "INDUSTRIES",
    "INDUSTRIA",
    "MILITAR",
    "INTERNATIONAL",
    "SHIPPING",
    "FZE",
    "FZCO",
    "LLP",
    "JSC",
    "PJSC",
    "OOO",
    "GMBH",
    "AG",
    "PLC",
    "SRL",
    "SARL",
    "SAS",
    "DMCC",
    "FOUNDATION",
    "ORGANIZATION",
    "MINISTRY",
    "COMMITTEE",
    "UNION",
    "FRONT",
    "ARMY",
    "BRIGADE",
    "BRIGADES",
    "MOVEMENT",
    "PARTY",
    "CENTER",
    "CENTRE",
    "INSTITUTE",
    "UNIVERSITY",
    "AGENCY",
    "SERVICES",
    "SERVICE",
    "TECHNOLOGY",
    "TECHNOLOGIES",
    "ENTERPRISE",
    "ENTERPRISES",
    "PRODUCTOS",
    "COMERCIAL",
    "IMPORTADORA",
    "EXPORTADORA",
];

/// What follows a definition's closing bracket: the sentence goes on about it.
const AFTER_DEFINITION: &[&str] = &[") is ", ") was ", ") has ", ") are ", ") and ", "), "];

/// What a name opening a paragraph is said to be: " is a ", " is the ".
const PREDICATES: &[&str] = &[" is a ", " is an ", " is the ", " was a ", " was the "];

/// Nouns for a person's role, rank or kin, in any case ("is a Senior
/// Colonel", "is the head of", "is a Cuban national").
const ROLE_NOUNS: &[&str] = &[
    "colonel",
    "captain",
    "general",
    "lieutenant",
    "major",
    "admiral",
    "sergeant",
    "commander",
    "director",
    "minister",
    "official",
    "officer",
    "head",
    "leader",
    "member",
    "chief",
    "president",
    "chairman",
    "chairwoman",
    "businessman",
    "businesswoman",
    "national",
    "citizen",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "manager",
    "owner",
    "founder",
    "judge",
    "prosecutor",
    "governor",
    "mayor",
    "ambassador",
    "senator",
    "legislator",
    "adviser",
    "advisor",
    "facilitator",
    "financier",
    "trafficker",
    "smuggler",
    "operative",
    "associate",
    "deputy",
    "spokesperson",
    "executive",
];

/// Nouns for a body that end the look for a role ("is a Cuba-based company").
const BODY_NOUNS: &[&str] = &[
    "company",
    "enterprise",
    "entity",
    "bank",
    "firm",
    "subsidiary",
    "group",
    "organization",
    "center",
    "centre",
    "agency",
    "ministry",
    "corporation",
    "vessel",
    "ship",
    "tanker",
    "network",
    "business",
    "holding",
    "institution",
    "unit",
    "front",
    "militia",
];

/// The most words read after the predicate for a role ("a Cuban MINFAR official").
const ROLE_WINDOW: usize = 5;

/// A word written in capitals: "ROE", "S.A.", "AL-ASAD" (one letter or more).
pub(super) fn caps_word(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    t.kind == TokenKind::Word
        && w.chars().any(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '\'' | '&'))
}

/// Whether the token is the one-character punctuation `p`.
fn is_punct(text: &str, t: &Token, p: u8) -> bool {
    t.span.len() == 1 && text.as_bytes().get(t.span.start) == Some(&p)
}

/// Defined names and every use of their short forms, as mentions sorted by
/// start and not overlapping one another.
pub fn defined(view: &View) -> Vec<Mention> {
    let (text, tokens) = (view.text, view.tokens);
    let mut out = Vec::new();
    // Short forms by their first word: (words, kind).
    let mut short: FxHashMap<&str, Vec<(Vec<&str>, EntityKind)>> = FxHashMap::default();
    // Brackets are rare: found by a byte search of the text, and the token
    // opening at each by a binary search, instead of testing every token.
    let brackets = text.match_indices('(').filter_map(|(p, _)| {
        let i = super::fix::token_at(tokens, p);
        tokens
            .get(i)
            .is_some_and(|t| t.span.start == p && is_punct(text, t, b'('))
            .then_some(i)
    });
    for i in brackets {
        // "ARGO MARIS (IMO: 9041643)": a ship, here and wherever named again.
        if tokens.get(i + 1).is_some_and(|n| n.text(text) == "IMO")
            && let Some(first) = name_before(text, tokens, i)
            && let (Some(a), Some(b)) = (tokens.get(first), tokens.get(i - 1))
        {
            let words: Vec<&str> = tokens
                .get(first..i)
                .unwrap_or(&[])
                .iter()
                .map(|t| t.text(text))
                .collect();
            out.push(Mention {
                span: a.span.start..b.span.end,
                kind: EntityKind::Misc,
            });
            if let Some(head) = words.first() {
                short
                    .entry(head)
                    .or_default()
                    .push((words, EntityKind::Misc));
            }
            continue;
        }
        let Some((alias, close)) = alias_after(text, tokens, i) else {
            continue;
        };
        let Some(closing) = tokens.get(close) else {
            continue;
        };
        let after = text.get(closing.span.start..).unwrap_or("");
        if !AFTER_DEFINITION.iter().any(|a| after.starts_with(a)) {
            continue;
        }
        let Some(first) = name_before(text, tokens, i) else {
            continue;
        };
        let name = tokens.get(first..i).unwrap_or(&[]);
        let words: Vec<&str> = name
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
            .collect();
        if words.len() < 2 {
            continue;
        }
        let (Some(a), Some(b)) = (name.first(), name.last()) else {
            continue;
        };
        let Some(kind) = kind_of(&words, &alias, name.len()) else {
            continue;
        };
        out.push(Mention {
            span: a.span.start..b.span.end,
            kind,
        });
        if let Some(head) = alias.first() {
            short.entry(head).or_default().push((alias, kind));
        }
        // The whole name written again later is the same one too.
        if name.len() == words.len()
            && let Some(head) = words.first()
        {
            short.entry(head).or_default().push((words, kind));
        }
    }
    for (span, words) in named_by_role(view) {
        if let Some(head) = words.first() {
            short
                .entry(head)
                .or_default()
                .push((words, EntityKind::Person));
        }
        out.push(Mention {
            span,
            kind: EntityKind::Person,
        });
    }
    if short.is_empty() {
        super::fix::sort_by_start(&mut out);
        out.dedup_by(|b, a| b.span.start < a.span.end);
        return out;
    }
    // Every use of a short form, the definition's own brackets included; a
    // longer run of capitals around it is another name.
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        i += 1;
        // Most words open with an ASCII byte that is no capital: answered
        // without slicing the text.
        let small = text
            .as_bytes()
            .get(t.span.start)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase());
        if small {
            continue;
        }
        let Some(forms) = short.get(t.text(text)) else {
            continue;
        };
        let start = i - 1;
        let prev_caps = start
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .is_some_and(|p| caps_word(text, p) && text.get(p.span.end..t.span.start) == Some(" "));
        if prev_caps {
            continue;
        }
        for (words, kind) in forms {
            let Some(run) = tokens.get(start..start + words.len()) else {
                continue;
            };
            let same = run.iter().zip(words).all(|(t, w)| t.text(text) == *w);
            let Some(last) = run.last() else { continue };
            let next_caps = tokens.get(start + words.len()).is_some_and(|n| {
                caps_word(text, n) && text.get(last.span.end..n.span.start) == Some(" ")
            });
            if same && !next_caps {
                out.push(Mention {
                    span: t.span.start..last.span.end,
                    kind: *kind,
                });
                i = start + words.len();
                break;
            }
        }
    }
    super::fix::sort_by_start(&mut out);
    out.dedup_by(|b, a| b.span.start < a.span.end);
    out
}

/// Names in capitals opening a paragraph or sentence, without a short form,
/// said to be a person's role: "JANE ROE DOE is a Senior Colonel in the
/// army"; their spans and words.
fn named_by_role<'a>(view: &View<'a>) -> Vec<(Span, Vec<&'a str>)> {
    let (text, tokens) = (view.text, view.tokens);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        i += 1;
        // The view's flag: `caps_word`, asked once per token for all rules.
        if !view.caps(i - 1) {
            continue;
        }
        let before = text.get(..t.span.start).unwrap_or("").trim_end_matches(' ');
        let opens = before.is_empty() || before.ends_with(['\n', '.']);
        if !opens {
            continue;
        }
        let start = i - 1;
        let mut end = start;
        while let (Some(prev), Some(n)) = (tokens.get(end), tokens.get(end + 1)) {
            if !view.caps(end + 1) || text.get(prev.span.end..n.span.start) != Some(" ") {
                break;
            }
            end += 1;
        }
        i = end + 1;
        let Some(run) = tokens.get(start..=end) else {
            continue;
        };
        let words: Vec<&str> = run.iter().map(|t| t.text(text)).collect();
        if !(2..=MAX_PERSON_WORDS).contains(&words.len())
            || words.iter().any(|w| BODY_WORDS.contains(w))
        {
            continue;
        }
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let after = text.get(last.span.end..).unwrap_or("");
        let Some(said) = PREDICATES.iter().find_map(|p| after.strip_prefix(p)) else {
            continue;
        };
        let role = said
            .split([' ', ','])
            .take(ROLE_WINDOW)
            .map(|w| w.trim_end_matches(['.', ';', ':']).to_lowercase())
            .take_while(|w| !BODY_NOUNS.contains(&w.as_str()))
            .any(|w| ROLE_NOUNS.contains(&w.as_str()));
        if role {
            out.push((first.span.start..last.span.end, words));
        }
    }
    out
}

/// The short form's words after the "(" at `open`, and the index of ")":
/// one to four words in capitals, no digits ("(IMO 9231511)" numbers a ship).
fn alias_after<'a>(text: &'a str, tokens: &[Token], open: usize) -> Option<(Vec<&'a str>, usize)> {
    let mut words = Vec::new();
    let mut k = open + 1;
    while let Some(t) = tokens.get(k) {
        if is_punct(text, t, b')') {
            return (!words.is_empty()).then_some((words, k));
        }
        if words.len() == MAX_ALIAS_WORDS || !caps_word(text, t) {
            return None;
        }
        words.push(t.text(text));
        k += 1;
    }
    None
}

/// Index of the first token of the run of capitals (commas inside allowed:
/// "SERVICIOS, ARTICULOS Y PRODUCTOS") ending right before the "(" at `open`.
fn name_before(text: &str, tokens: &[Token], open: usize) -> Option<usize> {
    let bracket = tokens.get(open)?;
    let last = tokens.get(open.checked_sub(1)?)?;
    if !caps_word(text, last) || text.get(last.span.end..bracket.span.start) != Some(" ") {
        return None;
    }
    let mut first = open - 1;
    let mut words = 1;
    while words < MAX_NAME_WORDS {
        let Some(k) = first.checked_sub(1) else { break };
        let Some(t) = tokens.get(k) else { break };
        let Some(next) = tokens.get(first) else { break };
        if caps_word(text, t) && text.get(t.span.end..next.span.start) == Some(" ") {
            first = k;
            words += 1;
        } else if is_punct(text, t, b',')
            && t.span.end == next.span.start.saturating_sub(1)
            && k.checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_some_and(|p| caps_word(text, p) && p.span.end == t.span.start)
        {
            first = k - 1;
            words += 1;
        } else {
            break;
        }
    }
    // A name opens at a capital word, not inside one ("Director" before "JANE").
    Some(first)
}

/// What a name of `words` (out of `tokens` tokens, commas included) with the
/// short form `alias` is: a company's if a word says so or the short form is
/// one word of its own (an acronym); a person's if the short form is a run of
/// the name's words after the first (the surnames); else unknown (a given
/// name, or a nickname, as the short form).
fn kind_of(words: &[&str], alias: &[&str], tokens: usize) -> Option<EntityKind> {
    if words.iter().any(|w| BODY_WORDS.contains(w)) {
        return Some(EntityKind::Org);
    }
    let at = (0..=words.len().saturating_sub(alias.len()))
        .find(|&k| words.get(k..k + alias.len()) == Some(alias));
    match at {
        Some(k) if k > 0 && tokens == words.len() && words.len() <= MAX_PERSON_WORDS => {
            Some(EntityKind::Person)
        }
        None if alias.len() == 1 => Some(EntityKind::Org),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::token::tokenize;

    fn found(text: &str) -> Vec<(&str, EntityKind)> {
        let tokens = tokenize(text);
        defined(&View::new(text, &tokens))
            .into_iter()
            .map(|m| (&text[m.span], m.kind))
            .collect()
    }

    #[test]
    fn a_short_form_of_surnames_defines_a_person_and_its_uses() {
        let text = "The Department designated:\n\nMARTA ELENA QUIROS VALDEZ (QUIROS VALDEZ) is \
                    the head of the port authority. QUIROS VALDEZ has moved funds.\n\n\
                    PABLO RENTERIA SOLIS (RENTERIA) is her deputy. Additionally, RENTERIA \
                    signed contracts.";
        assert_eq!(
            found(text),
            [
                ("MARTA ELENA QUIROS VALDEZ", EntityKind::Person),
                ("QUIROS VALDEZ", EntityKind::Person),
                ("QUIROS VALDEZ", EntityKind::Person),
                ("PABLO RENTERIA SOLIS", EntityKind::Person),
                ("RENTERIA", EntityKind::Person),
                ("RENTERIA", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn an_acronym_or_a_legal_form_defines_an_organisation() {
        let text = "NORTEMAR COMERCIAL DEL CARIBE, IMPORTADORA Y SERVICIOS SA (NORCAR) is a \
                    company. NORCAR ships fuel.\n\nLAGUNA AZUL SA (AZUL SA) is another.";
        assert_eq!(
            found(text),
            [
                (
                    "NORTEMAR COMERCIAL DEL CARIBE, IMPORTADORA Y SERVICIOS SA",
                    EntityKind::Org
                ),
                ("NORCAR", EntityKind::Org),
                ("NORCAR", EntityKind::Org),
                ("LAGUNA AZUL SA", EntityKind::Org),
                ("AZUL SA", EntityKind::Org),
            ]
        );
    }

    #[test]
    fn a_name_opening_a_paragraph_said_to_hold_a_role_is_a_persons() {
        let text = "Designated today:\n\nTOMAS ARCE VIDAL is a Senior Colonel in the navy.\n\n\
                    LUCIA MORA is the head of the port.\n\nNORTE AZUL is a Cuba-based company \
                    with a director.\n\nPORT RULES are the law.";
        assert_eq!(
            found(text),
            [
                ("TOMAS ARCE VIDAL", EntityKind::Person),
                ("LUCIA MORA", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn a_name_written_again_whole_or_said_mid_paragraph_is_found() {
        let text = "Designated:\n\nNORTE AZUL TRADING LIMITED (NORTE AZUL) is a firm.  \
                    RAJ KIRAN DESAI is an Indian national and a director of NORTE AZUL.\n\n\
                    NORTE AZUL TRADING LIMITED is being designated. RAJ KIRAN DESAI is being \
                    blocked.\n\nHAVEN SHIP LLC is the registered owner of the ship.";
        assert_eq!(
            found(text),
            [
                ("NORTE AZUL TRADING LIMITED", EntityKind::Org),
                ("NORTE AZUL", EntityKind::Org),
                ("RAJ KIRAN DESAI", EntityKind::Person),
                ("NORTE AZUL", EntityKind::Org),
                ("NORTE AZUL TRADING LIMITED", EntityKind::Org),
                ("RAJ KIRAN DESAI", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn a_ship_named_with_its_number_is_a_ship_wherever_named() {
        let text = "The firm manages SEA WREN (IMO: 9000001). SEA WREN is blocked.";
        assert_eq!(
            found(text),
            [
                ("SEA WREN", EntityKind::Misc),
                ("SEA WREN", EntityKind::Misc)
            ]
        );
    }

    #[test]
    fn brackets_that_define_nothing_are_left_alone() {
        // A dateline's agency, a given name as the short form,
        // a name in ordinary case, one word in capitals.
        assert!(found("NEW YORK (AP) — Markets fell.").is_empty());
        assert!(found("Anna Lund (Lund) is named. NATO (NATO) is.").is_empty());
        // A given name or a nickname as the short form: unknown.
        assert!(found("JUAN PEREZ DIAZ (JUAN) is named.").is_empty());
        assert!(found("JUAN PEREZ DIAZ (EL FLACO) is named.").is_empty());
    }
}
