//! Places named by what they are: a run of capitalised name words closed by a
//! word for a kind of place ("Fairfax County", "Ream Naval Base", "Sultan
//! Qaboos Grand Mosque", "Kerem Shalom Crossing"). The tagger misses many of
//! them or reads them as organisations or people; the head word settles it.

use crate::nlp::token::{Token, TokenKind};
use crate::nlp::{EntityKind, Span};

use crate::nlp::ner::Mention;

/// Words that close the name of a place: divisions, facilities, landmarks,
/// landforms, waters and routes. Sorted, for binary search.
const HEADS: &[&str] = &[
    "Airport",
    "Archipelago",
    "Atoll",
    "Avenue",
    "Basin",
    "Borough",
    "Boulevard",
    "Bridge",
    "Camp",
    "Canal",
    "Canton",
    "Castle",
    "Cathedral",
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
    "Memorial",
    "Monument",
    "Mosque",
    "Mountains",
    "Municipality",
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
    "Temple",
    "Tower",
    "Township",
    "Valley",
];

/// "Base" names a place only as a military one ("Ream Naval Base", "Al Udeid
/// Air Base"); a "Defense Industrial Base" is none.
const BASE_KINDS: &[&str] = &["Air", "Army", "Marine", "Military", "Naval", "Navy"];

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

/// Arabic article prefixes written in lower case inside names ("al-Aqsa").
fn article_prefixed(w: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-"]
        .iter()
        .any(|p| w.len() > p.len() && w.starts_with(p))
}

/// Spans of places named by their head word, sorted and disjoint.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, head) in tokens.iter().enumerate() {
        // Most tokens open with a byte that is no ASCII capital: skip them
        // without looking further (this runs for every token).
        if !text
            .as_bytes()
            .get(head.span.start)
            .is_some_and(u8::is_ascii_uppercase)
            || head.kind != TokenKind::Word
        {
            continue;
        }
        let w = head.text(text);
        let base = w == "Base"
            && i.checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_some_and(|t| BASE_KINDS.contains(&t.text(text)));
        if !base && HEADS.binary_search(&w).is_err() {
            continue;
        }
        // Back over the name words: capitalised words, "al-" words and a
        // possessive after a name word ("St Mary's Hospital").
        let mut first = i;
        let mut body = false;
        while first > 0 && i - first < MAX_NAME_WORDS {
            let Some(t) = tokens.get(first - 1) else {
                break;
            };
            let tw = t.text(text);
            let adjacent = text
                .get(t.span.end..tokens.get(first).map_or(t.span.end, |n| n.span.start))
                .is_some_and(|gap| gap == " " || gap.is_empty());
            if !adjacent {
                break;
            }
            let name_word = capitalised_word(text, t)
                || article_prefixed(tw)
                || (matches!(tw, "'s" | "\u{2019}s") && first >= 2);
            if !name_word {
                break;
            }
            if BODY_WORDS.contains(&tw) {
                body = true;
                break;
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
        let (Some(start), true, false) = (tokens.get(first), named, body) else {
            continue;
        };
        let span = start.span.start..with_complement(text, tokens, i);
        if out.last().is_none_or(|l| l.end <= span.start) {
            out.push(span);
        }
    }
    out
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

/// Whether `span` follows a preposition of place and "the" ("at the ...").
fn located_at(text: &str, span: &Span) -> bool {
    const BEFORE: &[&str] = &[
        "at the ",
        "in the ",
        "inside the ",
        "near the ",
        "outside the ",
    ];
    text.get(..span.start)
        .is_some_and(|b| BEFORE.iter().any(|p| b.ends_with(p)))
}

/// Puts the places `find` sees into `mentions` (sorted, disjoint): a place
/// replaces the mentions inside it, whatever the tagger read there; a
/// mention reaching beyond it ("Fairfax County Fire Department") keeps it out.
pub fn apply(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    // "talks at the Pentagon": a seat of government read as a body is the
    // building where something happens; "the Pentagon said" stays the body.
    for m in mentions.iter_mut() {
        if matches!(m.kind, EntityKind::Org | EntityKind::Misc)
            && located_at(text, &m.span)
            && text
                .get(m.span.clone())
                .and_then(super::geo::landmark_country)
                .is_some()
        {
            m.kind = EntityKind::Place;
        }
    }
    let spans = find(text, tokens);
    if spans.is_empty() {
        return;
    }
    let mut changed = false;
    for span in spans {
        let lo = mentions.partition_point(|m| m.span.end <= span.start);
        let hi = lo
            + mentions
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.span.start < span.end)
                .count();
        let inside = mentions.get(lo..hi).unwrap_or(&[]);
        if inside
            .iter()
            .any(|m| m.span.start < span.start || m.span.end > span.end)
        {
            continue;
        }
        if let [only] = inside
            && only.span == span
            && only.kind == EntityKind::Place
        {
            continue;
        }
        mentions.splice(
            lo..hi,
            [Mention {
                span,
                kind: EntityKind::Place,
            }],
        );
        changed = true;
    }
    if changed {
        mentions.sort_by_key(|m| m.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::token::tokenize;

    fn names(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(text, &tokens)
            .into_iter()
            .filter_map(|s| text.get(s))
            .collect()
    }

    #[test]
    fn heads_are_sorted_for_binary_search() {
        assert!(HEADS.windows(2).all(|w| w[0] < w[1]));
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
    fn openers_and_bodies_are_no_part_of_a_name() {
        assert_eq!(names("In Dorva Province, rain fell."), ["Dorva Province"]);
        // An armed group's "province" is the group.
        assert!(names("Fighters of Islamic State Sahel Province struck.").is_empty());
        // A base that is no military one, and a head with no name before it.
        assert!(names("It grows the Defense Industrial Base. The County said no.").is_empty());
        assert!(names("He drove down the street to the airport.").is_empty());
    }

    #[test]
    fn places_replace_what_the_tagger_read_inside_them() {
        let text = "Prayers at the Sultan Hamid Grand Mosque and Kelby County Fire Department at the Pentagon. The Kremlin said no.";
        let tokens = tokenize(text);
        let at = |s: &str| {
            let i = text.find(s).unwrap_or(0);
            i..i + s.len()
        };
        let mut mentions = vec![
            Mention {
                span: at("Sultan Hamid"),
                kind: EntityKind::Person,
            },
            Mention {
                span: at("Kelby County Fire Department"),
                kind: EntityKind::Org,
            },
        ];
        for body in ["Pentagon", "Kremlin"] {
            mentions.push(Mention {
                span: at(body),
                kind: EntityKind::Org,
            });
        }
        apply(text, &tokens, &mut mentions);
        let got: Vec<(&str, EntityKind)> = mentions
            .iter()
            .map(|m| (&text[m.span.clone()], m.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Sultan Hamid Grand Mosque", EntityKind::Place),
                ("Kelby County Fire Department", EntityKind::Org),
                ("Pentagon", EntityKind::Place),
                ("Kremlin", EntityKind::Org),
            ]
        );
    }
}
