//! Weapons and vehicles named after places, peoples or animals ("Apache
//! helicopters", "Patriot missile systems", "Abrams tanks"): the tagger
//! reads the model name as a place or a person, but the noun right after it
//! says it names a kind of machine.

use super::geo::Geo;
use crate::nlp::Span;

/// Nouns for machines that a model name stands before. Sorted, for binary
/// search.
const MACHINES: &[&str] = &[
    "aircraft",
    "drone",
    "drones",
    "fighter",
    "fighters",
    "helicopter",
    "helicopters",
    "howitzer",
    "howitzers",
    "jet",
    "jets",
    "missile",
    "missiles",
    "rifle",
    "rifles",
    "rocket",
    "rockets",
    "spacecraft",
    "submarine",
    "submarines",
    "tank",
    "tanks",
];

/// Words after the machine noun that make the name before it the target or
/// the site of an attack ("the Kharkiv missile strike", "a Kyiv drone
/// attack"): the name is then a place after all.
const ATTACKS: &[&str] = &[
    "attack", "attacks", "barrage", "fire", "raid", "raids", "strike", "strikes",
];

/// Whether the name at `span` is a model of machine: a machine noun follows
/// it, no word of attack follows that, and the name is no country or big
/// city (whose name before "missiles" says whose or where they are).
pub fn model_name(text: &str, span: &Span, geo: &dyn Geo) -> bool {
    let Some(after) = text.get(span.end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    // A model number may stand between ("a Falcon 9 rocket").
    let after = match after.split_once(' ') {
        Some((number, rest)) if number.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => after,
    };
    let noun = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if MACHINES.binary_search(&noun).is_err() {
        return false;
    }
    let next = after.get(noun.len()..).unwrap_or("");
    let next_word = next
        .strip_prefix(' ')
        .and_then(|n| n.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    if ATTACKS.contains(&next_word) {
        return false;
    }
    let Some(name) = text.get(span.clone()) else {
        return false;
    };
    geo.country_named(name).is_none()
        && geo.demonym(name).is_none()
        && !super::fix::big_city(name, geo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::link::geo::world;

    fn model(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap_or(0);
        model_name(text, &(start..start + name.len()), world())
    }

    #[test]
    fn machines_sorted() {
        assert!(MACHINES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_name_before_a_machine_noun_is_a_model() {
        assert!(model("The navy ordered Seahawk helicopters.", "Seahawk"));
        assert!(model("They bought Tomahawk missiles and more.", "Tomahawk"));
        assert!(model("Five Leopard tanks arrived.", "Leopard"));
        assert!(model("It flew on a Condor 5 rocket.", "Condor"));
    }

    #[test]
    fn a_country_city_or_attack_keeps_the_place() {
        assert!(!model("Russia missiles were seen.", "Russia"));
        assert!(!model("The Kharkiv missile strike killed two.", "Kharkiv"));
        assert!(!model(
            "After the Dnipro drone attack, crews came.",
            "Dnipro"
        ));
        assert!(!model("A town near Apache was quiet.", "Apache"));
        assert!(!model("Near Gaza rocket fire went on.", "Gaza"));
        // The attack word alone, after a name the gazetteer does not know.
        assert!(!model("After the Tarvo drone attack, crews came.", "Tarvo"));
        // The big city alone.
        assert!(!model("Kyiv drones hit a depot.", "Kyiv"));
    }
}
