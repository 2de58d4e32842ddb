//! Groups and their members: "the two leaders" of a readout are the people its
//! meeting brought together, "the two sides" those people's countries, and
//! "Secretary Blinken and Foreign Minister Bustillo" the two people named.
//!
//! A group keeps the name the text gives it and is followed by its members
//! ("The two leaders (Donald J. Trump and Ishiba Shigeru)"): readers, like the
//! annotated sets, name such groups either way, and both readings are true.
//! Members are given only when the text makes them clear: as many people (or
//! countries) as the group says ("two", "both", "three"), found around the
//! text's first meeting ("X met with Y and Z", "X and Y held talks").

use super::phrases::{EntityIndex, person_name};
use super::triggers::word_in;
use super::words::{self, Word};
use crate::nlp::gazetteer::Gazetteer;
use crate::nlp::{Commitment, CountryCode, EntityKind};
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};

/// The members of the groups named so far, and the people of the text's
/// meeting (found once, when a group first asks).
#[derive(Default)]
pub struct Members {
    /// Group names as actors carry them, with their members.
    known: RefCell<Vec<(String, Vec<String>)>>,
    /// The meeting's participants (referents, in the order named).
    participants: OnceCell<Vec<usize>>,
}

impl Members {
    /// Records that the group `name` stands for `members`.
    pub fn note(&self, name: &str, members: Vec<String>) {
        let mut known = self.known.borrow_mut();
        match known.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = members,
            None => known.push((name.to_string(), members)),
        }
    }
}

/// Members joined as a reader names them: "A and B", "A, B and C".
pub fn joined(members: &[String]) -> String {
    match members {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// Writes each group actor whose members are known as the group followed by
/// its members, and lists them.
/// An actor naming the members themselves ("Antony Blinken and Francisco
/// Bustillo" for a "they") is written as the group the text names them by
/// elsewhere ("Secretary Blinken and Foreign Minister Bustillo"), the one
/// most often an actor.
pub fn name_members(out: &mut [Commitment], index: &EntityIndex) {
    let known = index.members.known.borrow();
    if known.is_empty() {
        return;
    }
    // Per group: how often it is an actor, then per list of members the
    // group to write it as (each counted once: an article may name many).
    let uses: Vec<usize> = known
        .iter()
        .map(|(name, _)| out.iter().filter(|c| &c.actor == name).count())
        .collect();
    let mut written: FxHashMap<String, usize> = FxHashMap::default();
    for (i, (name, members)) in known.iter().enumerate() {
        let list = joined(members);
        if *name == list {
            continue;
        }
        // Of equals, the first noted.
        let best = written.entry(list).or_insert(i);
        if uses.get(i) > uses.get(*best) {
            *best = i;
        }
    }
    let by_name: FxHashMap<&str, usize> = known
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (name, _))| (name.as_str(), i))
        .collect();
    for c in out.iter_mut() {
        let found = by_name
            .get(c.actor.as_str())
            .or_else(|| written.get(&c.actor))
            .and_then(|&i| known.get(i));
        let Some((name, members)) = found else {
            continue;
        };
        let list = joined(members);
        c.actor = if list == *name {
            list
        } else {
            format!("{name} ({list})")
        };
        c.actor_members = members.clone();
    }
}

/// Words that head a group of people met: "the two leaders", "both foreign
/// ministers".
const PEOPLE_HEADS: &[&str] = &[
    "leaders",
    "presidents",
    "ministers",
    "secretaries",
    "chancellors",
    "counterparts",
];

/// Words that head a group of the meeting's countries: "the two sides".
const COUNTRY_HEADS: &[&str] = &["sides", "countries", "governments", "nations"];

/// Words allowed between the number and the head: "the two foreign ministers".
const OFFICE_MODIFIERS: &[&str] = &["foreign", "prime", "vice", "deputy"];

/// How many a group says it has: exactly so many, or any number from two.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Count {
    Exactly(usize),
    AtLeast(usize),
}

impl Count {
    fn fits(self, n: usize) -> bool {
        match self {
            Count::Exactly(k) => n == k,
            Count::AtLeast(k) => n >= k,
        }
    }
}

/// The members of a group phrase (words `a..b`), when the text makes them
/// clear: "The two leaders" and "The Secretary and Foreign Ministers" are the
/// meeting's people, "both sides" their countries. `None` for any other
/// phrase, or when the meeting has not as many parties as the group says.
pub fn of_group(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    index: &EntityIndex,
) -> Option<Vec<String>> {
    let np = words.get(a..b)?;
    // Most phrases are no group: their last word says so before anything is
    // lower-cased.
    let last = np.last()?;
    let plural_office = last.capital && text.get(last.span.clone())?.ends_with('s');
    if !(plural_office || word_in(text, last, PEOPLE_HEADS) || word_in(text, last, COUNTRY_HEADS)) {
        return None;
    }
    let (count, countries) = group_count(text, np)?;
    let people = index
        .members
        .participants
        .get_or_init(|| participants(index));
    if countries {
        let mut codes = Vec::new();
        for &r in people {
            let code = index.referents.get(r)?.country?;
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        // Every person of a country of their own: two people of one country
        // are not "the two sides".
        if codes.len() != people.len() || !count.fits(codes.len()) {
            return None;
        }
        return codes
            .into_iter()
            .map(|code| country_most_named(code, index))
            .collect();
    }
    if !count.fits(people.len()) {
        return None;
    }
    people
        .iter()
        .map(|&r| Some(person_name(text, index, index.referents.get(r)?)))
        .collect()
}

/// A country as the text names it most often ("Greece" rather than a first
/// "Hellenic Republic"), abbreviations in full; by its common name when the
/// text names it only inside other names.
fn country_most_named(code: CountryCode, index: &EntityIndex) -> Option<String> {
    let gazetteer = Gazetteer::get();
    let most = index
        .referents
        .iter()
        .filter(|r| r.kind == EntityKind::Place && gazetteer.country_by_name(&r.name) == Some(code))
        // Of equals, the first named.
        .rev()
        .max_by_key(|r| r.mentions.len());
    match most {
        Some(r) => Some(super::actors::country_name(&r.name, code)),
        None => super::actors::country_named(code, index).map(|a| a.0),
    }
}

/// How many a group phrase says it has, and whether its members are
/// countries: "the two leaders" (two people), "both sides" (two countries),
/// "the leaders" (two or more people), "The Secretary and Foreign Ministers"
/// (three or more people), "The Vice Presidents" (two or more).
fn group_count(text: &str, np: &[Word]) -> Option<(Count, bool)> {
    let lower: Vec<String> = np
        .iter()
        .filter_map(|w| text.get(w.span.clone()))
        .map(str::to_lowercase)
        .collect();
    let mut rest: &[String] = &lower;
    if let [first, tail @ ..] = rest
        && matches!(first.as_str(), "the" | "these")
    {
        rest = tail;
    }
    let number = match rest.first().map(String::as_str) {
        Some("two" | "both") => Some(2),
        Some("three") => Some(3),
        Some("four") => Some(4),
        _ => None,
    };
    if number.is_some() {
        rest = rest.get(1..)?;
    }
    // "The two exchanged views": the two people met.
    if rest.is_empty() {
        return number.map(|n| (Count::Exactly(n), false));
    }
    let count = number.map_or(Count::AtLeast(2), Count::Exactly);
    if let [head] = rest {
        if PEOPLE_HEADS.contains(&head.as_str()) {
            return Some((count, false));
        }
        if COUNTRY_HEADS.contains(&head.as_str()) {
            return Some((count, true));
        }
        return None;
    }
    if let [modifiers @ .., head] = rest
        && modifiers
            .iter()
            .all(|m| OFFICE_MODIFIERS.contains(&m.as_str()))
        && PEOPLE_HEADS.contains(&head.as_str())
    {
        return Some((count, false));
    }
    // "The Secretary and Foreign Ministers", "The Deputy Secretary and the
    // State Minister": offices joined by "and", each one person, or several
    // when plural.
    if number.is_some() || !lower.iter().any(|w| w == "and") {
        return None;
    }
    let mut offices = 0;
    let mut plural = false;
    for conjunct in split_and(np, text) {
        let conjunct = match conjunct.first() {
            Some(w) if word_in(text, w, &["the"]) => conjunct.get(1..)?,
            _ => conjunct,
        };
        let office = !conjunct.is_empty()
            && conjunct
                .iter()
                .all(|w| w.capital && text.get(w.span.clone()).is_some_and(is_office_word));
        if !office {
            return None;
        }
        offices += 1;
        plural |= conjunct
            .last()
            .and_then(|w| text.get(w.span.clone()))
            .is_some_and(|s| s.ends_with('s'));
    }
    Some((
        if plural {
            Count::AtLeast(offices + 1)
        } else {
            Count::Exactly(offices)
        },
        false,
    ))
}

/// A word of an office's title, singular or plural ("Secretary", "Ministers").
fn is_office_word(s: &str) -> bool {
    use crate::nlp::link::titles::is_title_word;
    is_title_word(s) || s.strip_suffix('s').is_some_and(is_title_word)
}

fn split_and<'w>(np: &'w [Word], text: &str) -> impl Iterator<Item = &'w [Word]> {
    np.split(move |w| word_in(text, w, &["and"]))
}

/// Verbs of a meeting: "X met with Y", "X spoke with Y", "X and Y held talks".
const MEETING: &[&str] = &[
    "met", "meets", "meet", "spoke", "speaks", "held", "holds", "welcomed", "welcomes", "hosted",
    "hosts", "received", "receives", "presided", "convened",
];

/// The people of the text's first meeting, in the order named: those named
/// before a meeting verb in its sentence, and those after it up to the end
/// of its clause ("..., building on President Trump's meeting with ..." is
/// another meeting). Empty when no sentence names two people so.
fn participants(index: &EntityIndex) -> Vec<usize> {
    let text = index.text;
    let mut ws = Vec::new();
    for s in index.sentences {
        let people = index
            .within(&s.span)
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .count();
        if people < 2 {
            continue;
        }
        words::scan_into(text, s.span.clone(), &mut ws);
        let outside = |w: &Word| index.covering(w.span.start).is_none();
        let Some(verb) = ws
            .iter()
            .position(|w| outside(w) && word_in(text, w, MEETING))
        else {
            continue;
        };
        // The clause after the verb ends at a comma before a word in lower
        // case, a semicolon or a relative pronoun.
        let end = (verb + 1..ws.len())
            .find(|&k| {
                let w = &ws[k];
                let s = text.get(w.span.clone()).unwrap_or("");
                let lower_next = ws
                    .get(k + 1)
                    .is_some_and(|n| !n.capital && !word_in(text, n, &["and"]));
                outside(w)
                    && ((s == "," && lower_next)
                        || s == ";"
                        || word_in(text, w, &["where", "which", "who"]))
            })
            .unwrap_or(ws.len());
        let span = s.span.start..ws.get(end - 1).map_or(s.span.end, |w| w.span.end);
        let mut found: Vec<usize> = Vec::new();
        for e in index.within(&span) {
            if e.kind == EntityKind::Person && !found.contains(&e.referent) {
                found.push(e.referent);
            }
        }
        let before = index
            .within(&(s.span.start..ws[verb].span.start))
            .iter()
            .any(|e| e.kind == EntityKind::Person);
        if found.len() >= 2 && before {
            return found;
        }
    }
    Vec::new()
}
