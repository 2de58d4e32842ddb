//! Compass words sharing the name after "and" ("South and Central Asia",
//! "North and South America"): the tagger reads the first word alone as a
//! place, which names nothing by itself.

use crate::nlp::EntityKind;
use crate::nlp::ner::Mention;

/// Words that open a region's name by its direction.
const COMPASS: &[&str] = &[
    "Central",
    "East",
    "Eastern",
    "North",
    "Northeast",
    "Northern",
    "Northwest",
    "South",
    "Southeast",
    "Southern",
    "Southwest",
    "West",
    "Western",
];

/// Joins "South" + "and" + a place opened by a compass word into one place
/// ("South and Central Asia"); when what follows "and" is no place ("South and
/// Central Asian Affairs"), the lone compass word is turned aside. `mentions`
/// is sorted and stays so.
pub fn join_shared_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut i = 0;
    while i < mentions.len() {
        if lone_before_compass_word(text, &mentions[i]) {
            let after = mentions[i].span.end + " and ".len();
            let next_place = mentions
                .get(i + 1)
                .filter(|n| n.span.start == after && n.kind == EntityKind::Place)
                .map(|n| n.span.end);
            match next_place {
                Some(end) => {
                    mentions[i].span.end = end;
                    mentions.remove(i + 1);
                }
                None => mentions[i].kind = EntityKind::Misc,
            }
        }
        i += 1;
    }
}

/// Whether `m` is a compass word read alone as a place, with "and" and
/// another compass word after it.
fn lone_before_compass_word(text: &str, m: &Mention) -> bool {
    let compass = |w: &str| COMPASS.contains(&w);
    m.kind == EntityKind::Place
        && text.get(m.span.clone()).is_some_and(compass)
        && text
            .get(m.span.end..)
            .and_then(|a| a.strip_prefix(" and "))
            .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
            .is_some_and(compass)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Misc, Place};

    fn joined<'a>(text: &'a str, read: &[(&str, EntityKind)]) -> Vec<(&'a str, EntityKind)> {
        let mut mentions = super::super::tests::mentions(text, read);
        join_shared_names(text, &mut mentions);
        mentions
            .iter()
            .map(|m| (&text[m.span.clone()], m.kind))
            .collect()
    }

    #[test]
    fn a_compass_word_shares_the_region_after_and() {
        let text = "Envoy to North and Central Africa, based in Lomé.";
        assert_eq!(
            joined(
                text,
                &[("North", Place), ("Central Africa", Place), ("Lomé", Place)]
            ),
            [("North and Central Africa", Place), ("Lomé", Place)]
        );
    }

    #[test]
    fn a_compass_word_before_no_place_is_none() {
        let text = "Bureau of East and Central Asian Affairs in Tokyo.";
        assert_eq!(
            joined(text, &[("East", Place), ("Tokyo", Place)]),
            [("East", Misc), ("Tokyo", Place)]
        );
        // A real place before "and" stays as it is.
        let text = "Mali and Central Africa signed.";
        assert_eq!(
            joined(text, &[("Mali", Place), ("Central Africa", Place)]),
            [("Mali", Place), ("Central Africa", Place)]
        );
    }
}
