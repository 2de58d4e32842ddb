//! People named right after their office's full title: "Secretary of Health
//! Jorge Alcocer", "Acting Deputy Secretary of Homeland Security Kristie
//! Canegallo", "Ambassador to the United States Esteban Moctezuma". The tagger
//! runs the office's last words into the name ("Health Jorge Alcocer"), cuts
//! the given name off ("Rafael Ojeda"), or reads the whole title and name as
//! one organisation. A title, "of", "for" or "to", the office's words, then a
//! name that runs to the end of the capitalised words: the name is read from
//! the end leftwards, over words that can be a person's and no office's.

use super::geo::Geo;
use super::orgs;
use super::titled::is_person_title;
use super::titles::is_title_word;
use super::view::View;
use super::words::WordSet;
use crate::nlp::ner::Mention;
use crate::nlp::ner::wordclass;
use crate::nlp::token::TokenKind;
use crate::nlp::{EntityKind, Span};

/// Words naming what an office is in charge of ("Secretary of Health",
/// "Minister of Fisheries", "Head of Mission", "Chief of Staff"): never the
/// first word of a person's name there.
const PORTFOLIO_WORDS: &[&str] = &[
    "Health",
    "Interior",
    "Navy",
    "Army",
    "Air",
    "Force",
    "Homeland",
    "Security",
    "Justice",
    "Education",
    "Labor",
    "Labour",
    "Energy",
    "Commerce",
    "Agriculture",
    "Transportation",
    "Transport",
    "Treasury",
    "Economy",
    "Environment",
    "Culture",
    "Tourism",
    "Housing",
    "Industry",
    "Infrastructure",
    "Fisheries",
    "Veterans",
    "Immigration",
    "Migration",
    "Communications",
    "Information",
    "Public",
    "Works",
    "Welfare",
    "Social",
    "Development",
    "Planning",
    "Science",
    "Technology",
    "Innovation",
    "Mines",
    "Petroleum",
    "Water",
    "Sports",
    "Youth",
    "Women",
    "Family",
    "Citizen",
    "Protection",
    "Resources",
    "Management",
    "Human",
    "Rights",
    "Population",
    "Policy",
    "Crime",
    "Counterterrorism",
    "Intelligence",
    "Safety",
    "Budget",
    "Revenue",
    "Customs",
    "Unit",
    "Mission",
    "Staff",
    "Operations",
    "National",
    "Republic",
];

static PORTFOLIO_SET: WordSet = WordSet::new(&[PORTFOLIO_WORDS]);

/// Titles of offices that are no person titles elsewhere in the rules:
/// "Undersecretary of Human Rights", "Head of Mission".
const OFFICE_TITLES: &[&str] = &["Undersecretary", "Under-Secretary", "Head"];

/// Small words that may stand inside an office's complement: "Human Rights,
/// Population and Migration", "State for Management and Resources".
const CONNECTORS: &[&str] = &["and", ",", "of", "the", "for", "&"];

/// The most tokens an office's complement and the name after it are read over.
const MAX_RUN: usize = 16;

/// The most words of a name read leftwards from the end of the run.
const MAX_NAME_WORDS: usize = 4;

/// A name found after an office's complement.
struct OfficeName {
    /// Where the title opens ("Secretary" of "Secretary of Health ...").
    title_start: usize,
    /// The person's name.
    name: Span,
}

/// Whether token `i` opens an office's complement: a capitalised title
/// followed by "of", "for" or "to".
fn office_cue(view: &View, i: usize) -> bool {
    // The flag first: most tokens are no capitalised word.
    view.capitalised(i) && matches!(view.word(i + 1), "of" | "for" | "to") && {
        let w = view.word(i);
        is_person_title(w) || OFFICE_TITLES.contains(&w) || is_title_word(w)
    }
}

/// Whether a lower-cased word is a common word of the language rather than a
/// person's given name: it is in the word-class table, in a class no common
/// given name or surname shares ("john", "mary", "ali", "smith", "wang"
/// stand for them). Words the table lacks (most foreign names) are no common words.
fn common_noun(w: &str) -> bool {
    let class = wordclass::classes(&fold(w))[0];
    class != wordclass::NONE && !name_classes().contains(&class)
}

/// The classes (coarsest) of common given names and surnames: "john",
/// "mary", "ali", "smith", "wang" stand for them.
fn name_classes() -> [u16; 5] {
    ["john", "mary", "ali", "smith", "wang"].map(|n| wordclass::classes(n)[0])
}

/// Whether a word is known to the word-class table as a name: "José" (read
/// without its accents), "Luisa".
fn known_name(w: &str) -> bool {
    let class = wordclass::classes(&fold(w))[0];
    class != wordclass::NONE && name_classes().contains(&class)
}

/// A word lower-cased with the accents of Spanish and Portuguese names taken
/// off, as the word-class table writes names ("josé" is "jose" there).
fn fold(w: &str) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// Whether token `i` can be a word of a person's name here: capitalised, no
/// title, portfolio, head of a body's name, country or demonym.
fn name_word(view: &View, i: usize, geo: &dyn Geo) -> bool {
    let w = view.word(i);
    view.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && view.capitalised(i)
        && !is_title_word(w)
        && !is_person_title(w)
        && !PORTFOLIO_SET.contains(w)
        && !orgs::is_head(w)
        && geo.country_named(w).is_none()
        && geo.demonym(w).is_none()
}

/// Names of two to four words that end an office's full title, in text order.
fn find(view: &View, geo: &dyn Geo) -> Vec<OfficeName> {
    let (text, tokens) = (view.text, view.tokens);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < tokens.len() {
        if !office_cue(view, i) {
            i += 1;
            continue;
        }
        let title_start = tokens.get(i).map_or(0, |t| t.span.start);
        let mut j = i + 2;
        if view.word(j) == "the" {
            j += 1;
        }
        let from = j;
        // The run of capitalised words and connectors on one line.
        let gap = |k: usize| {
            tokens
                .get(k.wrapping_sub(1))
                .zip(tokens.get(k))
                .and_then(|(a, b)| text.get(a.span.end..b.span.start))
        };
        let mut k = from;
        while k < tokens.len() && k < from + MAX_RUN {
            if k > from && !gap(k).is_some_and(|g| g.is_empty() || g == " ") {
                break;
            }
            if !view.capitalised(k) && !CONNECTORS.contains(&view.word(k)) {
                break;
            }
            k += 1;
        }
        // A run cut by the limit may go on: its last word bounds no name.
        let cut = k == from + MAX_RUN;
        i += 1;
        // A name ends a stretch of capitalised words: before a connector
        // ("President of Guatemala Alejandro Giammattei and Vice President
        // ..."), or at the run's end. The first such name is the office's.
        let name = (from..k)
            .filter(|&e| view.capitalised(e) && !view.capitalised(e + 1) && (e + 1 < k || !cut))
            .find_map(|end| {
                // Read leftwards over name words with one space between;
                // every word but the last (a surname may be a common word,
                // "Rice") must be no common word.
                let mut start = end;
                while start > from
                    && end - start + 1 < MAX_NAME_WORDS
                    && name_word(view, start - 1, geo)
                    && !common_noun(view.word(start - 1))
                    && gap(start) == Some(" ")
                {
                    start -= 1;
                }
                // The office's own words come first; two name words at least.
                (start > from && end > start && name_word(view, end, geo)).then_some((start, end))
            });
        if let Some((start, end)) = name {
            if let (Some(a), Some(b)) = (tokens.get(start), tokens.get(end)) {
                out.push(OfficeName {
                    title_start,
                    name: a.span.start..b.span.end,
                });
            }
            i = end + 1;
        }
    }
    out
}

/// Whether every word of `text[from..to]` is an office's word: a title,
/// portfolio, head of a body's name, country, demonym or connector.
fn only_office_words(text: &str, from: usize, to: usize, geo: &dyn Geo) -> bool {
    text.get(from..to).is_some_and(|s| {
        s.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
            is_title_word(w)
                || is_person_title(w)
                || PORTFOLIO_SET.contains(w)
                || orgs::is_head(w)
                || CONNECTORS.contains(&w)
                || geo.country_named(w).is_some()
                || geo.demonym(w).is_some()
        })
    })
}

/// The names after offices' full titles replace what the tagger made of
/// them: a person's name that took in the office's words or lost its given
/// name, and the end of a place or body that ran into the name. A person the
/// tagger read with other given names before this reading's start is kept.
/// `out` is sorted by start and free of overlaps; it stays so.
pub fn apply(view: &View, geo: &dyn Geo, out: &mut Vec<Mention>) {
    let text = view.text;
    let mut changed = false;
    for found in find(view, geo) {
        let span = &found.name;
        let lo = out.partition_point(|m| m.span.end <= span.start);
        let n = out
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .take_while(|m| m.span.start < span.end)
            .count();
        let covered = out.get(lo..lo + n).unwrap_or(&[]);
        // The tagger's person is taken in to the left only over words the
        // word classes know as names ("José" before "Rafael Ojeda", not
        // "Transborder" before "Katie Tobin").
        let keeps = covered.iter().any(|m| {
            m.span.end > span.end
                || m.kind == EntityKind::Person
                    && (m.span.start < span.start
                        && !only_office_words(text, m.span.start, span.start, geo)
                        || m.span.start > span.start
                            && !text
                                .get(span.start..m.span.start)
                                .is_some_and(|s| s.split_whitespace().all(known_name)))
        });
        if keeps || covered.len() == 1 && covered.first().is_some_and(|m| m.span == *span) {
            continue;
        }
        let mut kept: Vec<Mention> = Vec::new();
        for m in covered {
            // What stands before the name: the title itself is no body, a
            // place or body in the office's words stays ("United States").
            if m.kind != EntityKind::Person
                && m.span.start > found.title_start
                && let Some(before) = text.get(m.span.start..span.start)
            {
                let trimmed = before.trim_end_matches([' ', ',']);
                if !trimmed.is_empty() {
                    kept.push(Mention {
                        span: m.span.start..m.span.start + trimmed.len(),
                        kind: m.kind,
                    });
                }
            }
        }
        kept.push(Mention {
            span: span.clone(),
            kind: EntityKind::Person,
        });
        out.splice(lo..lo + n, kept);
        changed = true;
    }
    if changed {
        super::fix::sort_by_start(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::token::tokenize;

    fn names(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(&View::new(text, &tokens), super::super::geo::world())
            .into_iter()
            .map(|f| &text[f.name])
            .collect()
    }

    #[test]
    fn the_name_after_an_office_is_read_without_its_portfolio() {
        assert_eq!(
            names("The visitors were the Minister of Health Ana Pereira Lobo and others."),
            ["Ana Pereira Lobo"]
        );
        assert_eq!(
            names("It was signed by Secretary of the Navy Tomás Quiroga Ruiz."),
            ["Tomás Quiroga Ruiz"]
        );
        assert_eq!(
            names("Deputy Secretary of Homeland Security Brenda Ostrowski spoke."),
            ["Brenda Ostrowski"]
        );
        assert_eq!(
            names("The Ambassador to the United States Mateo Ferreyra attended."),
            ["Mateo Ferreyra"]
        );
        assert_eq!(
            names("with Undersecretary of Human Rights, Population and Migration Diego Arce;"),
            ["Diego Arce"]
        );
    }

    #[test]
    fn offices_without_a_bounded_name_give_none() {
        // A title alone, or a name of one word: the tagger's business.
        assert!(names("The Secretary of Health announced new rules.").is_empty());
        assert!(names("Secretary of Health Pereira spoke.").is_empty());
        // A heading: common words after the office, no name.
        assert!(names("Minister of Health Meets Regional Leaders").is_empty());
        // Two offices and two names: each title's own.
        assert_eq!(
            names("Minister of Health Ana Pereira and Secretary of the Navy Tomás Ruiz, with"),
            ["Ana Pereira", "Tomás Ruiz"]
        );
        // Another office after "and": no name at the end.
        assert!(names("the Secretary of State and Secretary of Defense met").is_empty());
    }

    /// `apply` over hand-given mentions (surface, kind), left to right.
    fn applied<'a>(text: &'a str, given: &[(&str, EntityKind)]) -> Vec<(&'a str, EntityKind)> {
        let tokens = tokenize(text);
        let mut from = 0;
        let mut out = Vec::new();
        for (s, kind) in given {
            let at = from + text[from..].find(s).unwrap_or_else(|| panic!("{s}"));
            out.push(Mention {
                span: at..at + s.len(),
                kind: *kind,
            });
            from = at + s.len();
        }
        apply(
            &View::new(text, &tokens),
            super::super::geo::world(),
            &mut out,
        );
        out.into_iter().map(|m| (&text[m.span], m.kind)).collect()
    }

    #[test]
    fn the_office_name_replaces_the_taggers_reading() {
        use EntityKind::*;
        // The portfolio run into the name.
        let text = "They met Secretary of Health Ana Pereira Lobo today.";
        assert_eq!(
            applied(text, &[("Health Ana Pereira Lobo", Person)]),
            [("Ana Pereira Lobo", Person)]
        );
        // The given name cut off, and read into the office as a body.
        let text = "They met Secretary of the Interior Ana Pereira Lobo today.";
        assert_eq!(
            applied(text, &[("Interior Ana", Org), ("Pereira Lobo", Person)]),
            [("Interior", Org), ("Ana Pereira Lobo", Person)]
        );
        // Title and name read as one body; a place ran into the name.
        let text = "with Deputy Secretary of Homeland Security Brenda Ostrowski;";
        assert_eq!(
            applied(
                text,
                &[(
                    "Deputy Secretary of Homeland Security Brenda Ostrowski",
                    Org
                )]
            ),
            [("Brenda Ostrowski", Person)]
        );
        let text = "with the Ambassador to the United States Mateo Ferreyra;";
        assert_eq!(
            applied(text, &[("United States Mateo Ferreyra", Place)]),
            [("United States", Place), ("Mateo Ferreyra", Person)]
        );
        // The tagger's person taken in to the left over a known given name
        // only, not over an office's word the word classes do not know.
        let text = "They met Secretary of the Navy José Quiroga Ruiz today.";
        assert_eq!(
            applied(text, &[("Navy", Org), ("Quiroga Ruiz", Person)]),
            [("Navy", Org), ("José Quiroga Ruiz", Person)]
        );
        let text = "and Senior Director for Regional Transborder Brenda Ostrowski led it.";
        assert_eq!(names(text), ["Transborder Brenda Ostrowski"]);
        assert_eq!(
            applied(text, &[("Brenda Ostrowski", Person)]),
            [("Brenda Ostrowski", Person)]
        );
        // Given names of the tagger's before this reading's start are kept.
        let text = "They met Secretary of Health Rose Ana Lobo today.";
        assert_eq!(names(text), ["Ana Lobo"]);
        assert_eq!(
            applied(text, &[("Rose Ana Lobo", Person)]),
            [("Rose Ana Lobo", Person)]
        );
    }
}
