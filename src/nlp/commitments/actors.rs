//! Who acts: what earlier sentences tell about pronouns, and how "he",
//! "they", "we" and "I" resolve to a person, a country or a group.

use super::phrases::{self, EntityIndex, Party, np_after, party};
use super::speech::Speech;
use super::triggers::{word_in, word_is};
use super::words::{Word, is_possessive};
use crate::nlp::gazetteer::Gazetteer;
use crate::nlp::{CountryCode, Entity, EntityKind};
use std::cell::{OnceCell, RefCell};

/// An actor's name and, when it is one named thing, its referent.
pub type Actor = (String, Option<usize>);

/// What earlier sentences tell about pronouns.
#[derive(Default)]
pub struct Context {
    /// Who spoke or acted so far, in text order: the last person ("he",
    /// "she"), the last group ("they") and the countries acting most ("we").
    /// Read through [`Context::last_person`], [`Context::last_group`] and
    /// [`Context::acting_country`].
    acted: Acted,
    /// Who issued the statement ("statement ... released by the Governments of
    /// X, Y and Z"): "we" with no speaker means them.
    pub authors: Option<Actor>,
    /// The author named in a byline ("Antony J. Blinken, Secretary of State"
    /// opening a release): "we" and "I" with no other speaker.
    pub byline: Option<Actor>,
    /// The last two people named, most recent last, or all those of the last
    /// sentence naming more: "they" with no group before it means them
    /// ("Blinken met Lavrov. They agreed ...").
    pub recent_people: Vec<Actor>,
    /// Who speaks in a quotation left open at the end of the last sentence.
    pub quote_speaker: Option<Actor>,
    /// Byte offset where the last sentence ended (a blank line after it closes its quotation).
    pub quote_end: usize,
    /// The party the last sentence's proposal addressed ("urged X to ...").
    pub last_addressee: Option<Actor>,
    /// People whose country an appositive gave ("Parrilla, the foreign
    /// minister of Cuba,"), by referent.
    pub person_countries: Vec<(usize, Actor)>,
}

/// Who spoke or acted, in text order. A finished sentence's subject is kept
/// unread (its words and where its content starts) and parsed only when a
/// pronoun asks past it: reading every sentence's subject ("the leaders",
/// "Blinken") was most of the cost of following pronouns, yet most sentences
/// are never asked about (a later "he" stops at the nearest person). Every
/// answer is the one reading each subject at once would give, since a
/// subject is parsed from its own sentence alone.
#[derive(Default)]
struct Acted {
    events: Vec<Event>,
    /// The countries that acted with their counts, in the order first seen,
    /// over the first `.0` events (brought up to date when "we" asks).
    tally: RefCell<(usize, Vec<(Actor, usize)>)>,
}

enum Event {
    /// A person spoke ("he", "she").
    Person(Actor),
    /// A group committed ("they").
    Group(Actor),
    /// A country committed (counted for "we").
    Country(Actor),
    /// A finished sentence: its subject may be a person, a group or a country.
    Sentence(Box<Subject>),
}

/// A finished sentence's words, kept until a pronoun asks about its subject.
struct Subject {
    words: Vec<Word>,
    content_start: usize,
    told: OnceCell<Told>,
}

/// What a sentence's subject tells later pronouns (see [`told`]).
#[derive(Default)]
struct Told {
    country: Option<Actor>,
    person: Option<Actor>,
    group: Option<Actor>,
}

impl Subject {
    fn told(&self, index: &EntityIndex) -> &Told {
        self.told
            .get_or_init(|| told(index.text, &self.words, self.content_start, index))
    }
}

impl Context {
    /// The last person who spoke or acted: "he" and "she" refer to them.
    pub fn last_person(&self, index: &EntityIndex) -> Option<Actor> {
        self.acted.events.iter().rev().find_map(|e| match e {
            Event::Person(a) => Some(a.clone()),
            Event::Sentence(s) => s.told(index).person.clone(),
            Event::Group(_) | Event::Country(_) => None,
        })
    }

    /// The last group or plural actor: "they" refers to it.
    pub fn last_group(&self, index: &EntityIndex) -> Option<Actor> {
        self.acted.events.iter().rev().find_map(|e| match e {
            Event::Group(a) => Some(a.clone()),
            Event::Sentence(s) => s.told(index).group.clone(),
            Event::Person(_) | Event::Country(_) => None,
        })
    }

    /// The countries that last acted together ("The United States, Mexico,
    /// and Canada commit to ..."): "we" in a statement no one signs. A group
    /// pointing back to the same states ("Both countries", "the two
    /// governments") and a lone country whose name reads as plural ("the
    /// United States") are looked past; any other group ("the two leaders",
    /// "the undersigned nations") ends the search.
    pub fn joint_countries(&self, index: &EntityIndex) -> Option<Actor> {
        for e in self.acted.events.iter().rev() {
            let group = match e {
                Event::Group(a) => a.clone(),
                // A list of countries is counted under its first country.
                Event::Country(a) if of_countries(&a.0) => a.clone(),
                Event::Sentence(s) => {
                    let told = s.told(index);
                    match &told.group {
                        Some(g) if told.country.as_ref().is_some_and(|c| c.1 == g.1) => continue,
                        Some(g) => g.clone(),
                        None => continue,
                    }
                }
                Event::Country(_) | Event::Person(_) => continue,
            };
            if of_countries(&group.0) {
                return Some(group);
            }
            if !(is_states(&group) && refers_back(&group.0)) {
                return None;
            }
        }
        None
    }

    /// The country that acted most so far (of equals, the last first seen):
    /// "we" in an official statement with no known speaker country is most
    /// likely it.
    pub fn acting_country(&self, index: &EntityIndex) -> Option<Actor> {
        let mut tally = self.acted.tally.borrow_mut();
        let (counted, countries) = &mut *tally;
        for e in self.acted.events.get(*counted..).unwrap_or_default() {
            let country = match e {
                Event::Country(a) => Some(a),
                Event::Sentence(s) => s.told(index).country.as_ref(),
                Event::Person(_) | Event::Group(_) => None,
            };
            if let Some(actor) = country {
                match countries.iter_mut().find(|(a, _)| a.1 == actor.1) {
                    Some((_, n)) => *n += 1,
                    None => countries.push((actor.clone(), 1)),
                }
            }
        }
        *counted = self.acted.events.len();
        countries
            .iter()
            .max_by_key(|(_, n)| *n)
            .map(|(a, _)| a.clone())
    }

    /// A person spoke: "he" and "she" now refer to them.
    pub fn note_person(&mut self, actor: Actor) {
        self.acted.events.push(Event::Person(actor));
    }

    /// A group committed: "they" now refers to it.
    pub fn note_group(&mut self, actor: Actor) {
        self.acted.events.push(Event::Group(actor));
    }
}

/// Turns a party into an actor name, resolving pronouns.
pub fn resolve(p: Party, speech: &Speech, context: &Context, index: &EntityIndex) -> Option<Actor> {
    match p.pronoun {
        None => Some((p.name, p.referent)),
        Some("he" | "she") => speech
            .speaker
            .clone()
            .filter(|s| s.1.is_some())
            .or_else(|| context.last_person(index)),
        // "she and President Biden": both, else the one named.
        Some("he and") => {
            let person = speech
                .speaker
                .clone()
                .filter(|s| s.1.is_some())
                .or_else(|| context.last_person(index))
                .filter(|s| s.1 != p.referent);
            Some(match person {
                Some(person) => (format!("{} and {}", person.0, p.name), None),
                None => (p.name, p.referent),
            })
        }
        Some("i") => speech.speaker.clone().or_else(|| context.byline.clone()),
        Some("we") => we(speech, context, index),
        Some("our country") => we(speech, context, index).or(Some((p.name, None))),
        Some("his country") => {
            let person = speech
                .speaker
                .clone()
                .filter(|s| s.1.is_some())
                .or_else(|| context.last_person(index));
            let told = |r: usize| {
                context
                    .person_countries
                    .iter()
                    .find(|(p, _)| *p == r)
                    .map(|(_, c)| c.clone())
            };
            let country = person.and_then(|(_, r)| {
                let r = r?;
                let code = index.referents.get(r)?.country;
                code.and_then(|c| country_named(c, index))
                    .or_else(|| told(r))
            });
            country.or(Some((p.name, None)))
        }
        Some("they") => context.last_group(index).or_else(|| pair(context)),
        // "The Ministry said it would ...": a speaker that is no person.
        Some("it") => speech.speaker.clone().filter(|s| {
            s.1.and_then(|r| index.referents.get(r))
                .is_none_or(|r| r.kind != EntityKind::Person)
        }),
        Some(_) => None,
    }
}

/// "We" in a statement: the speaker's country, else the country acting most so far,
/// else the speaker.
pub fn we(speech: &Speech, context: &Context, index: &EntityIndex) -> Option<Actor> {
    if speech.speaker.is_none()
        && let Some(authors) = &context.authors
    {
        return Some(authors.clone());
    }
    let speaker = speech.speaker.clone().or_else(|| context.byline.clone());
    let code = speaker
        .as_ref()
        .and_then(|s| s.1)
        .and_then(|r| index.referents.get(r))
        .and_then(|r| r.country);
    // The country itself, not its most-named city: Erdogan's "we" is Turkey,
    // not Istanbul. When the text never names the country, its most-named place
    // still stands for it as the referent (focus counts the country as a party).
    let country = code.and_then(|code| {
        let (name, referent) = country_named(code, index)?;
        let place = || {
            index
                .referents
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == EntityKind::Place && r.country == Some(code))
                .max_by_key(|(_, r)| r.mentions.len())
                .map(|(i, _)| i)
        };
        Some((name, referent.or_else(place)))
    });
    // "Parrilla, the foreign minister of Cuba, said": the country the text gives the speaker.
    let told = speech.speaker_country.clone().or_else(|| {
        let person = speaker.as_ref()?.1?;
        context
            .person_countries
            .iter()
            .find(|(p, _)| *p == person)
            .map(|(_, c)| c.clone())
    });
    // "The United States, Mexico, and Canada commit to ... We are also
    // working": in a statement no one signs, "we" is the countries that
    // acted together last, not the one of them acting most.
    if speaker.is_none()
        && let Some(group) = context.joint_countries(index)
    {
        return Some(group);
    }
    // The country acting most is counted only when asked (see `Acted`).
    // "On 5 October, the undersigned nations condemn ... We stand united":
    // with no country acting, the nations that spoke as a group.
    country
        .or(told)
        .or_else(|| context.acting_country(index))
        .or(speaker)
        .or_else(|| context.last_group(index).filter(is_states))
}

/// The country behind "his country's", "her government's", "our nation's"
/// inside a cue ("expressed her country's intent to", "reaffirmed his
/// government's determination to"): the commitment is the country's. "His"
/// and "her" mean the clause's subject when it is a person ("The Foreign
/// Minister expressed her country's ..."), else whom a pronoun would mean;
/// "our" is the speaker's "we". `None` when no country is known, so that the
/// subject stays the actor rather than the phrase as written.
pub fn own_country(
    text: &str,
    words: &[Word],
    (from, to): (usize, usize),
    subject: Option<Party>,
    speech: &Speech,
    context: &Context,
    index: &EntityIndex,
) -> Option<Actor> {
    const OWNED: &[&str] = &["country", "government", "nation", "administration"];
    let k = (from + 2..to).find(|&k| {
        is_possessive(text, &words[k])
            && word_in(text, &words[k - 1], OWNED)
            && word_in(text, &words[k - 2], &["his", "her", "our"])
    })?;
    let owner = party(text, words, (k - 2, k), index)?;
    let written = owner.name.clone();
    let subject = subject.and_then(|p| resolve(p, speech, context, index));
    let person = subject.as_ref().filter(|a| {
        a.1.and_then(|r| index.referents.get(r))
            .is_some_and(|r| r.kind == EntityKind::Person)
    });
    let country = match (owner.pronoun, person) {
        (Some("his country"), Some(person)) => country_of_person(person, index),
        // A subject that is no one person ("Prime Minister Carney of Canada"
        // as written, a ministry): "his" may mean someone in it, not whom a
        // lone pronoun would mean.
        (Some("his country"), None) if subject.is_some() => None,
        _ => resolve(owner, speech, context, index),
    };
    country.filter(|c| c.0 != written)
}

/// Whether a group's name lists only countries: "The United States, Mexico,
/// and Canada", "Chile and Peru".
fn of_countries(name: &str) -> bool {
    let gazetteer = Gazetteer::get();
    let parts: Vec<&str> = name
        .split(", and ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(", "))
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("the ")
                .or_else(|| p.strip_prefix("The "))
                .unwrap_or(p)
        })
        .collect();
    parts.len() >= 2 && parts.iter().all(|p| gazetteer.country_by_name(p).is_some())
}

/// Whether a group is one of states: "the undersigned nations", "participating
/// countries", "the signatories", "both sides" (a dialogue's states, as a
/// statement names them between its "we"s).
fn is_states(group: &Actor) -> bool {
    const STATES: &[&str] = &[
        "nations",
        "countries",
        "states",
        "governments",
        "signatories",
        "allies",
        "sides",
        "delegations",
    ];
    group
        .0
        .rsplit(' ')
        .next()
        .is_some_and(|last| STATES.iter().any(|s| s.eq_ignore_ascii_case(last)))
}

/// Whether a group's name points back to states named before ("Both
/// countries", "the two governments", "our nations"), unlike one that names
/// a new set ("the undersigned nations").
fn refers_back(name: &str) -> bool {
    let lower = name.to_lowercase();
    let bare = ["the ", "these "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    ["both ", "our ", "two ", "three "]
        .iter()
        .any(|p| bare.starts_with(p))
}

/// "A and B" from the last two people named, "A, B and C" from three
/// named in one sentence.
fn pair(context: &Context) -> Option<Actor> {
    match context.recent_people.as_slice() {
        [] | [_] => None,
        [first @ .., last] => {
            let first: Vec<&str> = first.iter().map(|p| p.0.as_str()).collect();
            Some((format!("{} and {}", first.join(", "), last.0), None))
        }
    }
}

/// What a finished sentence tells later pronouns: a plural subject
/// ("Secretary Blinken and Foreign Minister Bustillo", "the leaders") is what
/// "they" most likely means, a person as subject is what "he" or "she" means,
/// and the people it names are the pair for a "they" with no group before it.
pub fn remember(
    context: &mut Context,
    words: Vec<Word>,
    content_start: usize,
    index: &EntityIndex,
) {
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        let mut named: Vec<Actor> = Vec::new();
        for e in index.within(&(first.span.start..last.span.end)) {
            if e.kind != EntityKind::Person {
                continue;
            }
            let Some(r) = index.referent(e) else { continue };
            // A name the sentence repeats counts once, where it was named last.
            named.retain(|p| p.1 != Some(e.referent));
            named.push((r.name.clone(), Some(e.referent)));
        }
        // "Rubio, Foreign Minister Motegi, and Foreign Minister Cho met ...
        // They ...": a sentence naming three or more keeps them all.
        let keep = named.len().max(2);
        for person in named {
            context.recent_people.retain(|p| p.1 != person.1);
            context.recent_people.push(person);
        }
        let excess = context.recent_people.len().saturating_sub(keep);
        context.recent_people.drain(..excess);
    }
    // The subject is read when a pronoun asks (see `Acted`).
    context.acted.events.push(Event::Sentence(Box::new(Subject {
        words,
        content_start,
        told: OnceCell::new(),
    })));
}

/// What a sentence's subject tells later pronouns: a plural subject is a
/// group, a person as subject a person, and a country as subject acts.
fn told(text: &str, words: &[Word], content_start: usize, index: &EntityIndex) -> Told {
    let mut told = Told::default();
    // The subject, also after an opening phrase: "Today, the United States ...".
    let opening_comma = words
        .iter()
        .take(8)
        .position(|w| text.get(w.span.clone()) == Some(","));
    let subject = np_after(text, words, content_start, index).or_else(|| {
        let comma = opening_comma.filter(|_| content_start == 0)?;
        np_after(text, words, comma + 1, index)
    });
    if let Some(np) = subject
        && let Some(p) = party(text, words, np, index)
        && p.pronoun.is_none()
    {
        // A country as subject acts: "we" in a statement with no speaker is most
        // likely the country acting most.
        let country = p
            .referent
            .filter(|_| p.kind == Some(EntityKind::Place))
            .filter(|&r| {
                index
                    .referents
                    .get(r)
                    .is_some_and(|r| Gazetteer::get().country_by_name(&r.name).is_some())
            });
        if let Some(r) = country {
            told.country = Some((p.name.clone(), Some(r)));
        }
        let coordinated = words[np.0..np.1].iter().any(|w| word_is(text, w, "and"));
        // "The United States and President Trump stand ready": the one country
        // acting beside its people acts too (a later "we" may be it).
        if coordinated && told.country.is_none() {
            told.country = lone_country(&words[np.0..np.1], index);
        }
        let plural = coordinated
            || words
                .get(np.1 - 1)
                .is_some_and(|w| phrases::plural_party_noun(text, w));
        if plural {
            told.group = Some((p.name, p.referent));
        } else if p.kind == Some(EntityKind::Person) {
            told.person = Some((p.name, p.referent));
        }
    }
    told
}

/// The one country a phrase names beside a person, as the text names it
/// ("The United States and President Trump"; not "Chile and Peru", nor "Iran
/// and its proxies", whom a "we" never means).
fn lone_country(np: &[Word], index: &EntityIndex) -> Option<Actor> {
    let (first, last) = (np.first()?, np.last()?);
    let gazetteer = Gazetteer::get();
    let within = index.within(&(first.span.start..last.span.end));
    if !within.iter().any(|e| e.kind == EntityKind::Person) {
        return None;
    }
    let mut found: Option<(usize, CountryCode)> = None;
    for e in within {
        let Some(r) = index.referent(e) else { continue };
        let code = match r.kind {
            EntityKind::Place => gazetteer.country_by_name(&r.name),
            _ => None,
        };
        match (code, found) {
            (Some(_), Some((seen, _))) if seen != e.referent => return None,
            (Some(code), None) => found = Some((e.referent, code)),
            _ => {}
        }
    }
    let (referent, code) = found?;
    let name = index.referents.get(referent)?.name.as_str();
    Some((country_name(name, code), Some(referent)))
}

/// Whether an actor is a group ("the two leaders", "Chile and Peru"), not one named thing.
pub fn is_group(actor: &Actor) -> bool {
    let name = actor.0.as_str();
    let plural_noun = name.rsplit(' ').next().is_some_and(|last| {
        last.len() > 1
            && last.ends_with('s')
            && phrases::PARTY_NOUNS
                .iter()
                .any(|n| n.eq_ignore_ascii_case(last))
    });
    actor.1.is_none() && (name.contains(" and ") || plural_noun)
}

/// The country a person actor acts for, named as the text names it
/// ("United States"), when the person's country is known.
pub fn country_of_person(actor: &Actor, index: &EntityIndex) -> Option<Actor> {
    let person = index.referents.get(actor.1?)?;
    if person.kind != EntityKind::Person {
        return None;
    }
    match person.country {
        Some(code) => country_named(code, index),
        None => counterpart_country(actor.1?, index),
    }
}

/// The country of a person whose own is unknown, in a story of two
/// countries: the one named in the text that no other person belongs to
/// ("President Biden met President Widodo of Indonesia. ... the U.S.").
fn counterpart_country(person: usize, index: &EntityIndex) -> Option<Actor> {
    let gazetteer = Gazetteer::get();
    let others: Vec<CountryCode> = index
        .referents
        .iter()
        .enumerate()
        .filter(|(i, r)| *i != person && r.kind == EntityKind::Person)
        .filter_map(|(_, r)| r.country)
        .collect();
    let (i, r, code) = index
        .referents
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Place)
        .filter_map(|(i, r)| Some((i, r, gazetteer.country_by_name(&r.name)?)))
        .filter(|(_, _, code)| !others.contains(code))
        // Of equally named countries the first named: a later one is more often a topic.
        .rev()
        .max_by_key(|(_, r, _)| r.mentions.len())?;
    Some((country_name(&r.name, code), Some(i)))
}

/// A country by code, as the text names it when it does ("Turkey", not the
/// gazetteer's "Türkiye"), else by its common name.
pub fn country_named(code: CountryCode, index: &EntityIndex) -> Option<Actor> {
    let gazetteer = Gazetteer::get();
    let in_text = index.referents.iter().enumerate().find(|(_, r)| {
        r.kind == EntityKind::Place && gazetteer.country_by_name(&r.name) == Some(code)
    });
    if let Some((i, r)) = in_text {
        return Some((country_name(&r.name, code), Some(i)));
    }
    // "Turkey's parliament": the text may name the country only inside
    // another name; a one-word name of it anywhere still says how to write
    // it, and so does the title ("Turkey's President ..." over a body that
    // says "Turkish"), before the gazetteer's formal name ("Türkiye").
    let word_in_text = |text: &'_ str| {
        text.split(|c: char| !c.is_alphanumeric())
            .find(|w| {
                w.starts_with(char::is_uppercase) && gazetteer.country_by_name(w) == Some(code)
            })
            .map(str::to_string)
    };
    let word = word_in_text(index.text).or_else(|| word_in_text(index.title));
    if let Some(w) = word {
        return Some((w.to_string(), None));
    }
    Some((gazetteer.country(code)?.name.to_string(), None))
}

/// A country's name as an actor: without its article, and in full for an
/// abbreviation ("the U.S." -> "United States").
pub fn country_name(surface: &str, code: CountryCode) -> String {
    let bare = surface
        .strip_prefix("the ")
        .or_else(|| surface.strip_prefix("The "))
        .unwrap_or(surface);
    let abbreviation = bare.contains('.') || bare.chars().all(|c| c.is_ascii_uppercase());
    match Gazetteer::get().country(code) {
        Some(c) if abbreviation => c.name.to_string(),
        _ => bare.to_string(),
    }
}

/// Counts a country that acted: "we" with no speaker means the one acting most.
pub fn note_country(context: &mut Context, actor: Actor) {
    context.acted.events.push(Event::Country(actor));
}

/// "We urge the two parties to ...": the two organisations or countries last
/// named together before `before` ("neither the Sudanese Armed Forces nor the
/// Rapid Support Forces", "between China and the Philippines"), as the text
/// names them; `None` for any other addressee ("the parties to the conflict").
pub fn parties_named_before(name: &str, before: usize, index: &EntityIndex) -> Option<Actor> {
    let bare = ["the parties", "the two parties", "both parties"];
    if !bare.iter().any(|b| name.eq_ignore_ascii_case(b)) {
        return None;
    }
    let text = index.text;
    let end = index.entities.partition_point(|e| e.span.end <= before);
    let party = |e: &Entity| matches!(e.kind, EntityKind::Org | EntityKind::Place);
    // The name with the article before it, as written.
    let with_article = |e: &Entity| {
        let start = text
            .get(..e.span.start)
            .and_then(|t| t.strip_suffix("the "))
            .map_or(e.span.start, str::len);
        text.get(start..e.span.end)
    };
    index
        .entities
        .get(..end)?
        .windows(2)
        .rev()
        .find_map(|pair| {
            let [one, two] = pair else { return None };
            let joined = text
                .get(one.span.end..two.span.start)
                .is_some_and(|between| {
                    matches!(between.trim(), "and" | "nor" | "and the" | "nor the")
                });
            if !(joined && party(one) && party(two) && one.referent != two.referent) {
                return None;
            }
            Some((
                format!("{} and {}", with_article(one)?, with_article(two)?),
                None,
            ))
        })
}
