//! What the headline names that the body does not.
//!
//! A headline often carries the one mention of the country a story happens
//! in ("Arrest made as mayor of Gdańsk, Poland stabbed on stage", "US Supreme
//! Court overturns ...") while the body only names its towns and courts. Such
//! a country is a place of the story all the same, so it becomes a place
//! referent whose only mention is in the headline. Only country names count:
//! they are exact gazetteer names, where the tagger reading a title-cased
//! headline would guess at every capitalised word.

use super::link::geo::{Geo, GeoHit, GeoKind};
use super::{Entity, EntityKind, HeadlineMention, Referent};

/// Place referents for the countries the headline names and the body names
/// under no form (`referents` are the body's; the new ones are numbered after
/// them), with where the headline names each. `title_hits` are the
/// gazetteer's finds in `title`.
pub fn countries_named_only_there(
    title: &str,
    title_hits: &[GeoHit],
    body: &str,
    entities: &[Entity],
    referents: &[Referent],
    geo: &dyn Geo,
) -> (Vec<Referent>, Vec<HeadlineMention>) {
    // Most headlines name no country: then there is nothing to look up in
    // the body.
    if !title_hits.iter().any(|h| h.kind == GeoKind::Country) {
        return (Vec::new(), Vec::new());
    }
    // The countries the body names as places, under whatever form ("the
    // United States" covers a headline's "U.S.").
    let named_in_body: Vec<_> = referents
        .iter()
        .filter(|r| r.kind == EntityKind::Place)
        .filter(|r| {
            r.mentions
                .iter()
                .filter_map(|&i| entities.get(i))
                .filter_map(|e| body.get(e.span.clone()))
                .chain([r.name.as_str()])
                .any(|surface| geo.country_named(surface).is_some())
        })
        .filter_map(|r| r.country)
        .collect();
    // Words the body reads as something other than a country are that in
    // the headline too: a word of a person's name ("Chad", "Jordan" as given
    // names or surnames), or a whole mention ("Georgia" the US state).
    let mut read_otherwise: Vec<&str> = referents
        .iter()
        .filter(|r| r.kind == EntityKind::Person)
        .flat_map(|r| r.name.split_whitespace())
        .collect();
    read_otherwise.extend(entities.iter().filter_map(|e| body.get(e.span.clone())));
    let mut new: Vec<Referent> = Vec::new();
    let mut headline = Vec::new();
    for hit in title_hits {
        let Some(surface) = title.get(hit.span.clone()) else {
            continue;
        };
        if hit.kind != GeoKind::Country
            || named_in_body.contains(&hit.code)
            || read_otherwise.contains(&surface)
            || inside_a_longer_name(title, &hit.span)
        {
            continue;
        }
        let index = match new.iter().position(|r| r.country == Some(hit.code)) {
            Some(i) => i,
            None => {
                new.push(Referent {
                    name: surface.to_string(),
                    kind: EntityKind::Place,
                    country: Some(hit.code),
                    mentions: Vec::new(),
                });
                new.len() - 1
            }
        };
        headline.push(HeadlineMention {
            referent: referents.len() + index,
            span: hit.span.clone(),
        });
    }
    (new, headline)
}

/// Person referents for the people the headline names after a title and the
/// body names under no form ("Statement by NSC Spokesperson Adrienne Watson
/// on ...", whose body speaks as "we"), numbered from `first`, with where the
/// headline names each. A name sharing a word with any name the body reads
/// is left out: "Secretary Blinken Travels to Japan" reads "Blinken Travels"
/// after the title, and the body names Blinken.
pub fn people_named_only_there(
    title: &str,
    body: &str,
    entities: &[Entity],
    referents: &[Referent],
    first: usize,
    geo: &dyn Geo,
) -> (Vec<Referent>, Vec<HeadlineMention>) {
    let tokens = super::token::tokenize(title);
    let names = super::link::names_after_titles(title, &tokens, geo);
    if names.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let body_words: Vec<&str> = referents
        .iter()
        .flat_map(|r| r.name.split_whitespace())
        .chain(
            entities
                .iter()
                .filter_map(|e| body.get(e.span.clone()))
                .flat_map(str::split_whitespace),
        )
        .collect();
    let mut new: Vec<Referent> = Vec::new();
    let mut headline = Vec::new();
    for span in names {
        let Some(name) = title.get(span.clone()) else {
            continue;
        };
        if name.split_whitespace().any(|w| body_words.contains(&w)) {
            continue;
        }
        let index = match new.iter().position(|r| r.name == name) {
            Some(i) => i,
            None => {
                new.push(Referent {
                    name: name.to_string(),
                    kind: EntityKind::Person,
                    country: None,
                    mentions: Vec::new(),
                });
                new.len() - 1
            }
        };
        headline.push(HeadlineMention {
            referent: first + index,
            span,
        });
    }
    (new, headline)
}

/// Whether the country's name at `span` is a word of a longer name: a
/// capitalised word right before it ("New Mexico") or after it ("Jordan
/// Peterson", "Niger Delta"); an abbreviation may open a name of its own
/// ("US Supreme Court"). A title-cased headline loses its countries followed
/// by a capitalised verb to this, a price paid for no false place.
fn inside_a_longer_name(title: &str, span: &super::Span) -> bool {
    let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    // "Gdańsk, Poland": a comma ends the name before.
    let joined = |w: &&str| w.ends_with(char::is_alphanumeric);
    let before = title
        .get(..span.start)
        .and_then(|b| b.strip_suffix(' '))
        .map(|b| b.rsplit(' ').next().unwrap_or(b))
        .filter(joined);
    let after = title
        .get(span.end..)
        .and_then(|a| a.strip_prefix(' '))
        .map(|a| a.split(' ').next().unwrap_or(a));
    let abbreviation = title
        .get(span.clone())
        .is_some_and(|n| n.chars().all(|c| c.is_uppercase() || c == '.'));
    capital(before) || capital(after) && !abbreviation
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::link::geo::world;

    /// The names of the new referents and the headline text of each mention.
    fn only_in_headline(title: &str, body_places: &[&str], people: &[&str]) -> Vec<String> {
        let body = [body_places, people].concat().join(" and ");
        let mut entities = Vec::new();
        let mut referents = Vec::new();
        for (name, kind) in body_places
            .iter()
            .map(|n| (n, EntityKind::Place))
            .chain(people.iter().map(|n| (n, EntityKind::Person)))
        {
            let Some(start) = body.find(name) else {
                continue;
            };
            entities.push(Entity {
                span: start..start + name.len(),
                kind,
                referent: referents.len(),
            });
            referents.push(Referent {
                name: name.to_string(),
                kind,
                country: world().country_named(name),
                mentions: vec![entities.len() - 1],
            });
        }
        let (new, headline) = countries_named_only_there(
            title,
            &world().find(title),
            &body,
            &entities,
            &referents,
            world(),
        );
        headline
            .iter()
            .map(|m| {
                let r = &new[m.referent - referents.len()];
                format!("{} {}", r.name, &title[m.span.clone()])
            })
            .collect()
    }

    #[test]
    fn a_country_only_the_headline_names_is_a_place() {
        assert_eq!(
            only_in_headline("Mayor of Gdańsk, Poland stabbed on stage", &["Gdańsk"], &[]),
            ["Poland Poland"]
        );
        assert_eq!(
            only_in_headline("US court overturns convictions", &[], &[]),
            ["US US"]
        );
    }

    #[test]
    fn a_country_the_body_names_under_any_form_is_not_added_again() {
        assert!(
            only_in_headline(
                "U.S.-Colombia Joint Communique",
                &["United States", "Colombia"],
                &[]
            )
            .is_empty()
        );
    }

    #[test]
    fn only_countries_count_and_a_persons_name_is_none() {
        // A demonym and a capital are not places of the story by themselves.
        assert!(only_in_headline("Kenyan envoy arrives in Nairobi", &[], &[]).is_empty());
        assert!(only_in_headline("Jordan scores twice", &[], &["Michael Jordan"]).is_empty());
    }

    #[test]
    fn a_country_inside_a_longer_name_is_none() {
        assert!(only_in_headline("New Mexico governor signs budget", &[], &[]).is_empty());
        assert!(only_in_headline("Niger Delta militants strike", &[], &[]).is_empty());
        assert_eq!(
            only_in_headline("US Supreme Court rules", &[], &[]),
            ["US US"]
        );
        // The body's "Georgia", a US state, makes the headline's one that too.
        assert!(only_in_headline("Georgia senator wins", &[], &["Georgia"]).is_empty());
    }

    #[test]
    fn two_mentions_of_one_country_are_one_referent() {
        assert_eq!(
            only_in_headline("Peru votes; Peru counts", &[], &[]),
            ["Peru Peru", "Peru Peru"]
        );
    }

    /// The people only the headline names, given the body's people.
    fn people_only_in_headline(title: &str, body_people: &[&str]) -> Vec<String> {
        let referents: Vec<Referent> = body_people
            .iter()
            .map(|n| Referent {
                name: n.to_string(),
                kind: EntityKind::Person,
                country: None,
                mentions: Vec::new(),
            })
            .collect();
        let (new, headline) =
            people_named_only_there(title, "", &[], &referents, referents.len(), world());
        headline
            .iter()
            .map(|m| {
                let r = &new[m.referent - referents.len()];
                format!("{} @{}", r.name, m.span.start)
            })
            .collect()
    }

    #[test]
    fn a_person_only_the_headline_names_after_a_title_is_a_person() {
        assert_eq!(
            people_only_in_headline("Statement by Spokesperson Dana Korr on the Floods", &[]),
            ["Dana Korr @26"]
        );
        // Named in the body, under any form: not added again.
        assert!(
            people_only_in_headline(
                "Statement by Spokesperson Dana Korr on the Floods",
                &["Korr"]
            )
            .is_empty()
        );
        // A title-cased verb read after the name the body knows.
        assert!(
            people_only_in_headline("Secretary Korr Travels to Peru", &["Dana Korr"]).is_empty()
        );
    }
}
