//! People the tagger missed right after a title: "attributable to
//! Spokesperson Ned Price:", "Ambassador Linda Thomas-Greenfield". A title
//! that stands before a person's name, then two to four capitalised words
//! that are no place, demonym, organisation word or further title, make a name.

use super::geo::Geo;
use super::orgs;
use super::titles::is_title_word;
use super::view::View;
use super::words::WordSet;
use crate::nlp::Span;
use crate::nlp::token::{Token, TokenKind};

/// Titles written right before a person's name (not "Foreign" or "State",
/// which also start ministries).
const PERSON_TITLES: &[&str] = &[
    "President",
    "Premier",
    "Minister",
    "Minster",
    "Secretary",
    "Secretary-General",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Ambassador",
    "Administrator",
    "Advisor",
    "Adviser",
    "Envoy",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Emir",
    "Sultan",
    "Chancellor",
    "Governor",
    "Senator",
    "Mayor",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Counsellor",
    "Counselor",
];

/// Lower-case nouns for a person's role or kin written right before their
/// name: "his wife Jane Doe", "journalist John Roe".
const ROLE_NOUNS: &[&str] = &[
    "sons",
    "daughters",
    "companion",
    "journalist",
    "activist",
    "dissident",
    "lawyer",
    "businessman",
    "businesswoman",
];

/// Kin nouns: "her husband Siarhei" names him by one word, and "wife of
/// Jan Novak" names him after "of".
const KIN_NOUNS: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "widow",
    "widower",
    "mother",
    "father",
    "cousin",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
];

/// `PERSON_TITLES` by hash: every capitalised word of a text is looked up.
static PERSON_TITLE_SET: WordSet = WordSet::new(&[PERSON_TITLES]);

/// Capitalised words that end names of things, not of people ("the Biden
/// Administration", "the Lasso Government", "the Modi Initiative").
const THING_WORDS: &[&str] = &[
    "Administration",
    "Government",
    "Regime",
    "Team",
    "Statement",
    "Readout",
    "Act",
    "Agreement",
    "Accord",
    "Summit",
    "Dialogue",
    "Framework",
    "Partnership",
    "Initiative",
    "Program",
    "Programme",
    "Plan",
    "Strategy",
    "Day",
];

/// Whether a word is a title written before a person's name ("Minister").
pub fn is_person_title(w: &str) -> bool {
    PERSON_TITLE_SET.contains(w)
}

/// Whether a word ends names of things, not of people ("Agreement", "Summit").
pub fn is_thing_word(w: &str) -> bool {
    THING_WORDS.contains(&w)
}

/// Whether the word right before `span` is a title written before a person's
/// name ("Prime Minister Montenegro"), with one space between.
pub fn after_person_title(text: &str, span: &Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    before.strip_suffix(' ').is_some_and(|b| {
        let word = b.rsplit([' ', '\n']).next().unwrap_or("");
        PERSON_TITLE_SET.contains(word)
    })
}

/// Whether every word of `span` can be part of a person's name, a country's
/// name allowed last ("Luís Montenegro").
pub fn name_like(text: &str, tokens: &[Token], span: &Span, geo: &dyn Geo) -> bool {
    let inner = super::fix::tokens_in(tokens, span);
    let Some((last, rest)) = inner.split_last() else {
        return false;
    };
    rest.iter().all(|t| name_word(text, t, geo))
        && (name_word(text, last, geo) || geo.country_named(last.text(text)).is_some())
}

/// Nouns for a ruler's rule written after their name: "the Lukashenka
/// regime", "the Trump administration".
const RULE_NOUNS: &[&str] = &["regime", "administration", "dictatorship", "government"];

/// Nouns after a possessive that only a person or a state has: "Putin’s war".
const DEED_NOUNS: &[&str] = &["war", "invasion", "aggression", "regime", "dictatorship"];

/// [`RULE_NOUNS`] and [`DEED_NOUNS`] as one set: every token is asked, and
/// hardly any is either.
static RULER_CUES: WordSet = WordSet::new(&[RULE_NOUNS, DEED_NOUNS]);

/// Capitalised words before those nouns that name no person.
const NOT_RULERS: &[&str] = &[
    "Kremlin",
    "Soviet",
    "Communist",
    "Islamic",
    "Nazi",
    "Junta",
    "Military",
    "Federal",
    "Provisional",
    "Transitional",
    "Interim",
    "National",
    "Regional",
    "Central",
    "Local",
    "State",
    "Civil",
    "Cold",
    "World",
    "Gulf",
    "Korean",
    "Vietnam",
];

/// Single-word names of rulers read from the noun after them: "the Lukashenka
/// regime" and "the Trump administration" (lower-case nouns: a capitalised
/// "Administration" makes a name of its own), "Putin’s war". Words a place,
/// demonym, title, organisation or movement could be are left out.
pub fn rulers(view: &View, geo: &dyn Geo) -> Vec<Span> {
    let (text, tokens) = (view.text, view.tokens);
    let mut out = Vec::new();
    // The name before a cue ("Putin regime", "Putin's war") opens with a
    // capital: only the two tokens after each token that does are asked,
    // each once, in text order (those before `asked` are done).
    let mut asked = 0;
    for i in view.uppers().iter().flat_map(|&u| [u + 1, u + 2]) {
        if i < asked || i >= tokens.len() {
            continue;
        }
        asked = i + 1;
        let w = view.word(i);
        if !RULER_CUES.contains(w) {
            continue;
        }
        let (name_at, before_name) = if RULE_NOUNS.contains(&w) {
            (i.checked_sub(1), i.checked_sub(2))
        } else if DEED_NOUNS.contains(&w) && i >= 2 {
            match tokens.get(i - 1).map(|p| p.text(text)) {
                Some("'s" | "\u{2019}s") => (i.checked_sub(2), None),
                _ => continue,
            }
        } else {
            continue;
        };
        let Some(name) = name_at.and_then(|k| tokens.get(k)) else {
            continue;
        };
        // "the Trump administration": the article before the name is required there.
        if let Some(k) = before_name
            && !matches!(tokens.get(k).map(|a| a.text(text)), Some("the" | "The"))
        {
            continue;
        }
        let n = name.text(text);
        let plain = name.kind == TokenKind::Word
            && capitalised(n)
            && n.chars().skip(1).all(char::is_lowercase)
            && n.chars().count() > 2
            && text
                .get(name.span.end..)
                .is_some_and(|a| a.starts_with([' ', '\'', '\u{2019}']));
        if plain
            && !NOT_RULERS.contains(&n)
            && name_word(text, name, geo)
            && !geo.is_city(n)
            && geo.region(n).is_none()
        {
            out.push(name.span.clone());
        }
    }
    out
}

/// "the Trump Administration", "Castro Administration officials": a
/// president's term names the president, whatever the tagger made of the two
/// words; the name's span, if `span` is one plain name and "Administration".
pub fn ruler_of_administration(
    text: &str,
    tokens: &[Token],
    span: &Span,
    geo: &dyn Geo,
) -> Option<Span> {
    let [name, head] = super::fix::tokens_in(tokens, span) else {
        return None;
    };
    let n = name.text(text);
    let plain = n.chars().count() > 2
        && capitalised(n)
        && n.chars().skip(1).all(char::is_lowercase)
        && text.get(name.span.end..head.span.start) == Some(" ");
    (head.text(text) == "Administration"
        && plain
        && !super::not_orgs::is_agency_word(n)
        && !NOT_RULERS.contains(&n)
        && name_word(text, name, geo)
        && !geo.is_city(n)
        && geo.region(n).is_none())
    .then(|| name.span.clone())
}

/// The most words a name after a title is read over ("Andrés Manuel López").
const MAX_NAME_WORDS: usize = 4;

/// Spans of names of two to four words right after a person's title, in text order.
pub fn names_after_titles(view: &View, geo: &dyn Geo) -> Vec<Span> {
    let (text, tokens) = (view.text, view.tokens);
    let mut out = Vec::new();
    // A cue is a capitalised title or a word right before a capitalised
    // name: past a token with no capital at or after it, the search goes on
    // right before the next token opening with a capital (`uppers[next]`).
    let uppers = view.uppers();
    let mut next = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !view.upper(i) && !view.upper(i + 1) {
            while uppers.get(next).is_some_and(|&u| u <= i + 1) {
                next += 1;
            }
            i = uppers.get(next).map_or(tokens.len(), |&u| u - 1);
            continue;
        }
        let Some(t) = tokens.get(i) else { break };
        i += 1;
        // Most words are not capitalised: test that first, the list only then.
        // (`view.upper(k)` is `capitalised` of token k's surface, read from
        // the view.)
        let w = view.word(i - 1);
        let mut fewest = 2;
        let cue = if view.upper(i - 1) {
            PERSON_TITLE_SET.contains(w)
        } else if !view.upper(i) {
            false
        } else if w == "of" {
            // "wife of Jan Novak".
            i.checked_sub(2)
                .is_some_and(|k| KIN_NOUNS.contains(&view.word(k)))
        } else if KIN_NOUNS.contains(&w) {
            // "her husband Siarhei": one word is enough after kin.
            fewest = 1;
            true
        } else {
            ROLE_NOUNS.contains(&w)
        };
        if !cue {
            continue;
        }
        let mut last = t;
        let mut words = 0;
        // One word past the longest name is enough to know the run is too long.
        for next in tokens.iter().skip(i).take(MAX_NAME_WORDS + 1) {
            let plain_gap = text.get(last.span.end..next.span.start) == Some(" ");
            if !plain_gap || !name_word(text, next, geo) {
                break;
            }
            last = next;
            words += 1;
        }
        let after = tokens.get(i + words);
        // A further capitalised word means a longer name this reading cannot bound
        // ("President Biden Administration" stops at a head word and is skipped).
        let open_ended = after.is_some_and(|a| {
            a.kind == TokenKind::Word
                && text.get(last.span.end..a.span.start) == Some(" ")
                && capitalised(a.text(text))
        });
        if (fewest..=MAX_NAME_WORDS).contains(&words)
            && !open_ended
            && let Some(first) = tokens.get(i)
        {
            let span = first.span.start..last.span.end;
            let name = text.get(span.clone()).unwrap_or("");
            if !geo.is_city(name) && geo.region(name).is_none() {
                out.push(span);
            }
            i += words;
        }
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// A word that can be part of a person's name: capitalised, and no title,
/// organisation or thing word, country or demonym.
fn name_word(text: &str, t: &Token, geo: &dyn Geo) -> bool {
    let w = t.text(text);
    t.kind == TokenKind::Word
        && capitalised(w)
        && !is_title_word(w)
        && !PERSON_TITLE_SET.contains(w)
        && !orgs::is_head(w)
        && !THING_WORDS.contains(&w)
        && geo.country_named(w).is_none()
        && geo.demonym(w).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::token::tokenize;

    fn names(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        names_after_titles(&View::new(text, &tokens), super::super::geo::world())
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn a_name_after_a_title_is_read() {
        assert_eq!(
            names("The following is attributable to Spokesperson Ned Price:"),
            ["Ned Price"]
        );
        assert_eq!(
            names("They met Ambassador Linda Thomas-Greenfield and Mr. John Smith."),
            ["Linda Thomas-Greenfield", "John Smith"]
        );
        assert_eq!(names("Foreign Minister Wang Yi spoke."), ["Wang Yi"]);
    }

    #[test]
    fn one_word_organisations_countries_and_open_ended_runs_are_not_names() {
        // One word: the tagger's business ("President Biden").
        assert!(names("President Biden spoke.").is_empty());
        // An organisation word ends the run at one word.
        assert!(names("The President Biden Administration spoke.").is_empty());
        // Countries and demonyms are no names.
        assert!(names("Minister Chinese Officials met.").is_empty());
        // Five capitalised words in a row: a heading, not a name.
        assert!(names("Secretary Meets With Regional Leaders Today").is_empty());
        // "Prime Minister" is a title, not a name.
        assert!(names("the Deputy Prime Minister spoke").is_empty());
    }
}
