//! Commitment extraction: who pledged, is willing, agreed, supports, proposes what.
//!
//! Sentence by sentence: find the cues (`triggers`), then for each cue its
//! actor (the subject before it, a possessor inside it, or the subject it
//! shares with an earlier cue: "Azerbaijan adheres to X and opposes Y"), the
//! speaker of reported speech (`speech`: "Li said ...", "..., he added."), and
//! the action that follows, cut where the next commitment or the speech tag
//! begins. Pronouns resolve through what earlier sentences said (`actors`).
//! Questions and hypotheticals ("if ...") yield nothing.

mod actors;
mod members;
mod phrases;
mod speech;
mod triggers;
mod words;

use self::actors::{Actor, Context, resolve, we};
use self::phrases::{
    DETERMINERS, EntityIndex, PARTY_NOUNS, SPEECH_VERBS, np_after, np_before, party,
    skip_adverbs_left,
};
use self::speech::{
    Speech, byline, conditional_words, interrupting_tag, quote_tag_clauses, reported, speech,
    statement_authors, we_apposition,
};
use self::triggers::{BASE_FORMS, MODALS, TRIGGERS, TriggerMatch, word_in, word_is};
use self::words::{Signature, Word, is_possessive};
use super::gazetteer::Gazetteer;
use super::sentence::Sentence;
use super::{Commitment, CommitmentKind, Entity, EntityKind, Referent, Span};
use rustc_hash::FxHashMap;

/// Finds the commitments in `text`, in text order.
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    referents: &[Referent],
) -> Vec<Commitment> {
    extract_titled("", text, sentences, entities, referents)
}

/// [`extract`], with the article's title to name countries the body names
/// only by their people or adjective.
pub fn extract_titled(
    title: &str,
    text: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    referents: &[Referent],
) -> Vec<Commitment> {
    let index = EntityIndex {
        text,
        title,
        entities,
        referents,
        sentences,
        members: members::Members::default(),
    };
    let mut context = Context::default();
    context.byline = byline(text, entities);
    let mut out = Vec::new();
    // The words of the sentence at hand (kept by the context once it is done:
    // see `actors::remember`).
    let mut words = Vec::new();
    for sentence in sentences {
        let (first, rest) = quote_tag_clauses(text, sentence.span.clone());
        extract_sentence(text, first, &index, &mut context, &mut words, &mut out);
        if let Some(rest) = rest {
            extract_sentence(text, rest, &index, &mut context, &mut words, &mut out);
        }
    }
    name_groups_alike(&mut out);
    members::name_members(&mut out, &index);
    out
}

/// A group named again with other articles or capitals is the same group,
/// written in its plainest form, the one with the fewest words (the first of
/// those): "The Secretary and the Foreign Ministers signed ... The Secretary
/// and Foreign Ministers committed to ..." are both "The Secretary and Foreign
/// Ministers", as a reader would name them once for all.
fn name_groups_alike(out: &mut [Commitment]) {
    let key = |name: &str| {
        name.split_whitespace()
            .filter(|w| !["the", "a", "an"].iter().any(|d| w.eq_ignore_ascii_case(d)))
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let is_group = |c: &Commitment| c.actor_referent.is_none() && c.actor.contains(' ');
    // Each group's key once (a key lower-cases every word into a string of
    // its own), and the plainest name per key by hash: an article may name
    // dozens of groups, and comparing every key with every other cost more
    // than the rest of the stage's bookkeeping.
    let keys: Vec<Option<Vec<String>>> = out
        .iter()
        .map(|c| is_group(c).then(|| key(&c.actor)))
        .collect();
    // Per key: the plainest name so far (its commitment) and its word count.
    let mut plainest: FxHashMap<&[String], (usize, usize)> = FxHashMap::default();
    for (i, (c, k)) in out.iter().zip(&keys).enumerate() {
        let Some(k) = k else { continue };
        let words = c.actor.split_whitespace().count();
        let best = plainest.entry(k).or_insert((i, words));
        if words < best.1 {
            *best = (i, words);
        }
    }
    let names: Vec<Option<String>> = keys
        .iter()
        .map(|k| {
            let &(i, _) = plainest.get(k.as_deref()?)?;
            out.get(i).map(|c| c.actor.clone())
        })
        .collect();
    for (c, name) in out.iter_mut().zip(names) {
        if let Some(name) = name {
            c.actor = name;
        }
    }
}

/// Whether a subject is a party that can hold an intention: a personal
/// pronoun, or a phrase naming a person or a country.
fn names_party(text: &str, words: &[Word], np: (usize, usize), index: &EntityIndex) -> bool {
    if np.1 == np.0 + 1
        && words
            .get(np.0)
            .is_some_and(|w| word_in(text, w, &["we", "i", "he", "she", "they"]))
    {
        return true;
    }
    let (Some(first), Some(last)) = (
        words.get(np.0),
        np.1.checked_sub(1).and_then(|i| words.get(i)),
    ) else {
        return false;
    };
    index
        .within(&(first.span.start..last.span.end))
        .iter()
        .filter_map(|e| index.referent(e))
        .any(|r| match r.kind {
            EntityKind::Person => true,
            EntityKind::Place => Gazetteer::get().country_by_name(&r.name).is_some(),
            _ => false,
        })
}

/// Whether a subject names two or more parties: "India and Japan", "the two
/// leaders", "Secretary Rubio and Minister Quirno".
fn several_parties(text: &str, words: &[Word], np: (usize, usize), index: &EntityIndex) -> bool {
    let Some(np_words) = words.get(np.0..np.1) else {
        return false;
    };
    let coordinated = np_words.iter().any(|w| word_is(text, w, "and"));
    let plural_noun = np_words
        .last()
        .is_some_and(|w| phrases::plural_party_noun(text, w));
    plural_noun || coordinated && names_party(text, words, np, index)
}

/// Words that make a launch an act of force or an inquiry, not a joint
/// undertaking: "launched strikes", "launched a joint military exercise".
const FORCE_WORDS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrikes",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "drone",
    "drones",
    "offensive",
    "invasion",
    "raid",
    "raids",
    "assault",
    "bombardment",
    "military",
    "operation",
    "operations",
    "war",
    "investigation",
    "probe",
    "inquiry",
];

/// Whether one of the few words after a launch makes it force ([`FORCE_WORDS`]).
fn launches_force(text: &str, words: &[Word], from: usize) -> bool {
    words
        .get(from..(from + 4).min(words.len()))
        .unwrap_or(&[])
        .iter()
        .take_while(|w| !w.punct)
        .any(|w| word_in(text, w, FORCE_WORDS))
}

/// A commitment found in a sentence, before its action is cut.
struct Found {
    kind: CommitmentKind,
    actor: Actor,
    /// Word index where this commitment's clause begins (cuts the previous action).
    region_start: usize,
    cue: (usize, usize),
    /// Word index where the action begins (after "urged X to").
    action_from: usize,
    /// The actor is the party a proposal addresses ("urged X to ...").
    addressed: bool,
    /// The clause's own subject when the actor is another party named in
    /// the cue ("The Secretary reaffirmed the United States' commitment"):
    /// a predicate joined by "and" is the subject's ("and looks forward to").
    subject: Option<Actor>,
}

fn extract_sentence(
    text: &str,
    span: Span,
    index: &EntityIndex,
    context: &mut Context,
    buffer: &mut Vec<Word>,
    out: &mut Vec<Commitment>,
) {
    // The buffer's words, owned for this sentence and handed back at its end.
    let mut words = std::mem::take(buffer);
    words::scan_into(text, span.clone(), &mut words);
    // Which words the sentence holds: the speech frame, the statement's
    // authors, conditional clauses and the cues are each found by a few
    // words, and a sentence holding none of them is passed by at once (the
    // words the two apposition and tag steps drop only widen it: the test
    // never says no wrongly).
    let signature = Signature::of(&words);
    let sentence_text = text.get(span.clone()).unwrap_or("").trim_end();
    if let Some(authors) = statement_authors(text, &words, &signature) {
        context.authors = Some((authors, None));
    }
    if let Some((we, apposition)) = we_apposition(text, &words) {
        context.authors = Some((we, None));
        words.drain(apposition);
    }
    // "We stand ready," she said, "to help": the quotation reads as one clause.
    let tag = interrupting_tag(text, &words, &signature, index, context);
    // Where the quotation resumes once the tag and its quote marks are dropped.
    let reopened_at = tag.as_ref().map(|(drop, _)| drop.start);
    let tag_speaker = tag.and_then(|(drop, speaker)| {
        words.drain(drop);
        speaker
    });
    let mut speech = speech(text, &words, &signature, index, context);
    if speech.speaker.is_none() {
        speech.speaker = tag_speaker;
    }
    // A quotation still open from the last sentence of the paragraph keeps its speaker.
    let same_paragraph = text
        .get(context.quote_end.min(span.start)..span.start)
        .is_some_and(|gap| !gap.contains("\n\n"));
    if !same_paragraph {
        context.quote_speaker = None;
    }
    if speech.speaker.is_none() {
        speech.speaker = context.quote_speaker.clone();
    }
    if let (Some((_, Some(person))), Some(country)) = (&speech.speaker, &speech.speaker_country) {
        // A few recent ones suffice, and hostile input with many stays linear.
        if context.person_countries.len() >= 8 {
            context.person_countries.remove(0);
        }
        context.person_countries.push((*person, country.clone()));
    }
    // "the spokesperson said": a person; "the Togolese government said": no one "he" means.
    let person_noun = |name: &str| {
        name.rsplit(' ').next().is_some_and(|last| {
            [
                "spokesperson",
                "spokesman",
                "spokeswoman",
                "official",
                "minister",
                "president",
                "secretary",
                "ambassador",
                "envoy",
                "premier",
                "chancellor",
                "governor",
                "mayor",
                "leader",
                "chief",
                "commander",
                "general",
                "diplomat",
            ]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(last))
        })
    };
    if let Some((name, r)) = &speech.speaker
        && match r {
            Some(r) => index
                .referents
                .get(*r)
                .is_some_and(|x| x.kind == EntityKind::Person),
            None => person_noun(name),
        }
    {
        context.note_person((name.clone(), *r));
    }
    let question = sentence_text.ends_with('?')
        || sentence_text.ends_with("?\"")
        || sentence_text.ends_with("?\u{201d}");
    if question {
        *buffer = words;
        return;
    }
    let mut found: Vec<Found> = Vec::new();
    let background = background_clause_end(text, &words);
    let cues = triggers::find(text, &words, &signature);
    // Most sentences hold no cue: their conditional clauses need no marking.
    if !cues.is_empty() {
        speech.conditional = conditional_words(text, &words, &signature);
    }
    for m in cues {
        // "While 54 nations have signed ..., only 27 ...": a concessive clause states background.
        if m.start < background {
            continue;
        }
        if let Some(f) = judge(text, &words, &m, &speech, &found, index, context) {
            let second = second_addressee(text, &words, &f, index, &speech, context);
            found.push(f);
            found.extend(second);
        }
    }
    let end_limit = speech.tail_start.unwrap_or(words.len());
    for (k, f) in found.iter().enumerate() {
        let next = found
            .get(k + 1)
            .map_or(end_limit, |n| n.region_start.min(end_limit));
        // "concluded an Investment Incentive Agreement.": the pact named in the
        // cue is what was agreed.
        let named_pact = || {
            (f.kind == CommitmentKind::Agreement && f.cue.1 > f.cue.0 + 1)
                .then(|| action_span(text, &words, f.cue.0 + 1, f.cue.1))
                .flatten()
        };
        let (action, cue_end) = match action_span(text, &words, f.action_from, next) {
            Some(a) => (a, f.cue.1),
            // The trigger is then the verb alone, so that it still ends before the action.
            None => match named_pact() {
                Some(a) => (a, f.cue.0 + 1),
                None => continue,
            },
        };
        let (Some(first), Some(last)) = (words.get(f.cue.0), words.get(cue_end.saturating_sub(1)))
        else {
            continue;
        };
        out.push(Commitment {
            actor: f.actor.0.clone(),
            actor_referent: f.actor.1,
            actor_members: Vec::new(),
            speaker: speech.speaker.as_ref().map(|s| s.0.clone()),
            kind: f.kind,
            sentence: span.start..span.start + sentence_text.len(),
            trigger: first.span.start..last.span.end,
            action,
        });
        let is_group = f.actor.1.is_none() && !f.actor.0.is_empty();
        if is_group {
            context.note_group(f.actor.clone());
        }
        let is_country = f
            .actor
            .1
            .and_then(|r| index.referents.get(r))
            .is_some_and(|r| r.kind == EntityKind::Place);
        if is_country {
            actors::note_country(context, f.actor.clone());
        }
        // "Later, on July 2, Trump announced he would ... The administration
        // said he would ...": a person who committed is whom "he" means next,
        // even where the sentence's subject is not parsed as a person.
        let is_person = f
            .actor
            .1
            .and_then(|r| index.referents.get(r))
            .is_some_and(|r| r.kind == EntityKind::Person);
        if is_person {
            context.note_person(f.actor.clone());
        }
    }
    // "... from us. We shall overcome!": who speaks while the quotation stays open.
    // After an interrupting tag ("...," wrote Trump, "and ...") the quotation
    // is open again, though the tag's quote marks were dropped with it.
    let (was_open, from) = match reopened_at {
        Some(at) => (true, at),
        None => (context.quote_speaker.is_some(), 0),
    };
    let open = words
        .get(from..)
        .unwrap_or_default()
        .iter()
        .filter(|w| w.punct)
        .fold(was_open, |open, w| match text.get(w.span.clone()) {
            Some("\u{201c}") => true,
            Some("\u{201d}") => false,
            Some("\"") => !open,
            _ => open,
        });
    context.quote_speaker = speech.speaker.clone().filter(|_| open);
    context.quote_end = span.end;
    // "urged X to ... He also called for ...": whom the next call addresses.
    context.last_addressee = found
        .iter()
        .rev()
        .find(|f| f.addressed)
        .map(|f| f.actor.clone());
    // The words stay with the context until a pronoun asks about this
    // sentence's subject; the next sentence scans into a new buffer.
    actors::remember(context, words, speech.content_start, index);
}

/// "We call for the army to cease fire and for the militia to withdraw": the
/// same call addresses a second party, after "and" and the cue's preposition
/// again, with its own action.
fn second_addressee(
    text: &str,
    words: &[Word],
    first: &Found,
    index: &EntityIndex,
    speech: &Speech,
    context: &Context,
) -> Option<Found> {
    if !first.addressed {
        return None;
    }
    let preposition = words.get(first.cue.1.checked_sub(1)?)?;
    if !word_in(text, preposition, &["for", "on", "upon"]) {
        return None;
    }
    let end = speech.tail_start.unwrap_or(words.len());
    let and = (first.action_from..end.saturating_sub(1)).find(|&k| {
        word_is(text, &words[k], "and")
            && text.get(words[k + 1].span.clone()) == text.get(preposition.span.clone())
    })?;
    let (actor, action_from, unparty) = addressee(text, words, and + 2, index, speech, context)?;
    (!unparty).then_some(Found {
        kind: first.kind,
        actor,
        region_start: and,
        cue: first.cue,
        action_from,
        addressed: true,
        subject: None,
    })
}

/// Decides whether a cue is a commitment, and whose.
fn judge(
    text: &str,
    words: &[Word],
    m: &TriggerMatch,
    speech: &Speech,
    earlier: &[Found],
    index: &EntityIndex,
    context: &Context,
) -> Option<Found> {
    let trig = TRIGGERS.get(m.trigger)?;
    // Hypotheticals: a cue inside an "if", "unless" or "whether" clause.
    if speech.conditional.get(m.start).copied().unwrap_or(false) {
        return None;
    }
    // The cue's own first word, past leading adverbs.
    let head = (m.start..m.end)
        .find(|&i| !word_in(text, &words[i], triggers::ADVERBS))
        .unwrap_or(m.start);
    let base = word_in(text, &words[head], BASE_FORMS);
    // A cue word inside a name is part of the name: "Tell Tamer", "Hope Hicks".
    if index.covering(words[head].span.start).is_some() {
        return None;
    }
    if m.end > speech.tail_start.unwrap_or(usize::MAX) {
        return None;
    }
    // "The commission announced that the debate would be held online": a
    // thing's future announced is the announcer's decision.
    let announced = matches!(trig.name, "will" | "would")
        .then(|| announcer(text, words, m.start, index, speech, context))
        .flatten();
    // The passive is how an announced decision about a thing is written
    // ("the debate would be held"); "it will be held to account" still is
    // what befalls a party.
    let thing_subject = || {
        np_before(text, words, m.start, index)
            .filter(|np| np.1 == m.start)
            .is_none_or(|np| party(text, words, np, index).is_none())
    };
    let announced_passive = announced.is_some()
        && words.get(m.end).is_some_and(|w| word_is(text, w, "be"))
        && words.get(m.end + 1).is_some_and(|w| {
            text.get(w.span.clone())
                .is_some_and(|s| s.ends_with("ed") || s.ends_with("en") || s == "held")
        })
        && thing_subject();
    if modal_needs_verb(text, words, m, trig.name) && !announced_passive {
        return None;
    }
    // "I must say", "I should add": a modal of speaking frames what is said.
    let speaking = words.get(m.end).is_some_and(|w| {
        word_in(
            text,
            w,
            &[
                "say", "tell", "answer", "admit", "confess", "add", "note", "repeat", "mention",
                "concede",
            ],
        )
    });
    if speaking && matches!(trig.name, "will" | "should/must" | "would") {
        return None;
    }
    // "We are disappointed the council has decided to close the library": a
    // decision others deplore is reported, not one the speaker shares in.
    if trig.name == "decided to" && after_regret(text, words, m.start) {
        return None;
    }
    // "I would urge anyone to come forward", "we will ask residents to
    // stay away": the speaker's modal softens a call, which is the commitment.
    if matches!(trig.name, "will" | "would") && polite_call(text, words, m.start) {
        return None;
    }
    // "would" commits only in reported speech: "Biden said the US would ...".
    let in_speech = speech.speaker.is_some() && m.start >= speech.content_start;
    if trig.name == "would" && !in_speech && !reported(text, words, m.start) {
        return None;
    }
    // "I hope that X will ...", "analysts expect Y will ...": a wish or forecast.
    if matches!(trig.name, "will" | "would") && after_belief(text, words, m.start) {
        return None;
    }
    // "Chile will have to pay", "the plants would need to run": an obligation
    // foreseen, not one the subject takes on.
    let obliged = words
        .get(m.end)
        .is_some_and(|w| word_in(text, w, &["have", "need"]))
        && words.get(m.end + 1).is_some_and(|w| word_is(text, w, "to"));
    if obliged && matches!(trig.name, "will" | "would") {
        return None;
    }
    // "Japan will likely raise taxes": a forecast hedged by its adverb.
    let hedged = words.get(m.end).is_some_and(|w| {
        word_in(
            text,
            w,
            &["likely", "probably", "possibly", "perhaps", "unlikely"],
        )
    });
    if hedged && matches!(trig.name, "will" | "would" | "should/must") {
        return None;
    }
    if trig.name == "let's" {
        return lets(text, words, m, speech, index, context);
    }
    // "X and Y agreed that their governments will ...": a joint decision of X and Y.
    if matches!(trig.name, "will" | "would")
        && let Some(f) = agreed_that(text, words, m, earlier, speech, index, context)
    {
        return Some(f);
    }
    if matches!(trig.name, "agreement was reached" | "was agreed") {
        return passive(text, words, m, speech, index, context);
    }
    // "promised nothing", "signed no deal": a negated object commits to
    // nothing ("promised that no family would be left behind" does).
    let clause_follows = words
        .get(m.end - 1)
        .is_some_and(|w| word_is(text, w, "that"));
    if !clause_follows
        && words
            .get(m.end)
            .is_some_and(|w| word_in(text, w, &["nothing", "no", "neither", "none"]))
    {
        return None;
    }
    // "agreed on the importance of ...", "agreed on the need to ...": a shared view.
    if trig.name == "agreed to"
        && words
            .get(m.end..(m.end + 3).min(words.len()))
            .unwrap_or(&[])
            .iter()
            .any(|w| {
                word_in(
                    text,
                    w,
                    &["importance", "need", "necessity", "value", "urgency"],
                )
            })
    {
        return None;
    }
    // "discussed trade and support for farmers": "support for" is the noun.
    if trig.name == "supports"
        && word_is(text, &words[head], "support")
        && words.get(m.end).is_some_and(|w| word_is(text, w, "for"))
    {
        return None;
    }
    // "reaffirmed the joint statement of September 22": a stance kept toward a
    // text agreed before, not "reaffirmed the alliance" or "reaffirmed that".
    if trig.name == "reaffirmed a text" && !names_text(text, words, m.end) {
        return None;
    }
    // "..., with Biden underscoring the importance of talks": a view in passing.
    if trig.name == "importance of"
        && text
            .get(words[head].span.clone())
            .is_some_and(|s| s.ends_with("ing"))
    {
        return None;
    }
    // "a proposed bill that would allow ...": after an article or a possessive
    // the participle names a thing, no one recommends anything.
    let attributive = m
        .start
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| {
            word_in(
                text,
                w,
                &[
                    "a", "an", "the", "this", "its", "their", "his", "her", "our",
                ],
            )
        });
    if trig.name == "recommended" && attributive {
        return None;
    }
    // "an appeal by the prosecutors secured ...", "their request to join":
    // after an article or a possessive the cue is a noun, it asks no one.
    // "Police press officer Anna Nowak": "press" naming the press.
    let press_noun = word_is(text, &words[m.start], "press")
        && words
            .get(m.start + 1)
            .is_some_and(|w| word_in(text, w, PRESS_NOUNS));
    if matches!(trig.name, "asked to" | "appealed for") && (attributive || press_noun) {
        return None;
    }
    // "the network signed off and went off-air": the phrasal verb ends a
    // broadcast or a shift and binds no one ("signed off on the deal" does).
    let signed_off = trig.name == "signed"
        && words
            .get(m.end)
            .is_some_and(|w| word_in(text, w, &["off", "out"]))
        && !words.get(m.end + 1).is_some_and(|w| word_is(text, w, "on"));
    if signed_off {
        return None;
    }
    // "the governor signed the bill into law": one office enacting a law, no
    // pact between parties.
    let enacted = trig.name == "signed"
        && (m.end..(m.end + 12).min(words.len()))
            .take_while(|&i| !words[i].punct)
            .any(|i| {
                word_is(text, &words[i], "into")
                    && words.get(i + 1).is_some_and(|w| word_is(text, w, "law"))
            });
    if enacted {
        return None;
    }
    // "He stressed the call for calm": "the call" is one made before (its
    // own cue); "stressed its call for calm" is the subject's own call renewed.
    let the_call = trig.name == "reaffirmed call"
        && m.possessor.is_none()
        && words.get(head + 1).is_some_and(|w| word_is(text, w, "the"));
    if the_call {
        return None;
    }
    // "proposed that X should ...": the clause's own modal commits.
    if trig.name == "proposed" && words.get(m.end).is_some_and(|w| word_is(text, w, "that")) {
        return None;
    }
    let left = skip_adverbs_left(text, words, m.start);
    let before = left.checked_sub(1).and_then(|i| words.get(i));
    // A closing quote before the cue hides the comma that coordinates it.
    let before_comma = (0..left).rev().map(|i| &words[i]).find(|w| {
        !matches!(
            text.get(w.span.clone()),
            Some("\"" | "\u{201d}" | "'" | "\u{2019}")
        )
    });
    // After "to", a modal or a negation the cue is part of another action.
    if before.is_some_and(|w| word_in(text, w, MODALS))
        && (base || trig.name != "will")
        && !(base && left == m.start && polite_call(text, words, m.start.wrapping_sub(1)))
    {
        return None;
    }
    // "Nicaraguans' calls for": after a possessive the cue is a noun.
    if before.is_some_and(|w| is_possessive(text, w)) {
        return None;
    }
    // "an agreement between Canada and Chile signed in 2023": a phrase after
    // a preposition is no subject of a verb ("the terms of the agreement
    // between X and Y will include" still binds X and Y). "on Sunday X
    // signed": a day before the subject is no part of it.
    let modal = matches!(trig.name, "will" | "would" | "should/must");
    // "We'll rebuild", "we're going to": the cue carries its own subject.
    let carried = phrases::contracted_subject(text, &words[head]).is_some();
    // "We are going to": only a speaker's own plan; "prices are going to rise" predicts.
    let first_person =
        |np: &(usize, usize)| np.1 == np.0 + 1 && word_in(text, &words[np.0], &["we", "i"]);
    // "Senator from Vermont Bernie Sanders endorsed": the preposition is part
    // of a title, the name after it the subject.
    let titled_from = |k: usize| {
        k.checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| {
                w.capital
                    && crate::nlp::link::titles::is_title_word(
                        text.get(w.span.clone()).unwrap_or(""),
                    )
            })
            && words
                .get(k)
                .is_some_and(|w| word_in(text, w, &["from", "for"]))
    };
    // "X, along with Y, have announced": X is the subject, Y acts with it.
    let along = (!carried)
        .then(|| phrases::accompanied_subject(text, words, left, index))
        .flatten();
    let own = if carried {
        Some((head, head + 1))
    } else if let Some((first, _)) = along {
        Some(first)
    } else {
        np_before(text, words, left, index)
            .filter(|np| np.1 == left)
            .map(|np| phrases::drop_leading_day(text, words, np))
            .filter(|np| {
                modal
                    || np
                        .0
                        .checked_sub(1)
                        .and_then(|i| words.get(i))
                        .is_none_or(|w| {
                            !word_in(text, w, SUBJECTLESS_AFTER) || titled_from(np.0 - 1)
                        })
            })
            .or_else(|| phrases::appositive_subject(text, words, left, index))
    };
    // "welcomed the Declaration and both expressed": "both" opens a clause of
    // its own and is its whole subject.
    let own = own.map(|np| {
        let pronoun = np.1 >= np.0 + 2
            && word_in(text, &words[np.1 - 1], &["both", "all", "each"])
            && word_is(text, &words[np.1 - 2], "and");
        if pronoun { (np.1 - 1, np.1) } else { np }
    });
    // "She promised protests until Sweden joined the agreement": a clause
    // after "until" or "before" tells when something else happens; its
    // subject commits to nothing.
    let time_clause = own
        .and_then(|np| np.0.checked_sub(1))
        .and_then(|i| words.get(i))
        .is_some_and(|w| word_in(text, w, &["until", "till", "before"]));
    if time_clause {
        return None;
    }
    // "the role internet companies should play": a class of bodies told what it
    // should do is an opinion; "the airline should ..." or "Police will ..." binds.
    if trig.name == "should/must" && own.is_some_and(|np| phrases::bare_body(text, words, np)) {
        return None;
    }
    if trig.name == "going to" && !carried && !own.is_some_and(|np| first_person(&np)) {
        return None;
    }
    // "Peru aims to", "we seek to": a party's intention. "The law aims to",
    // "terrorists seek to": a thing's purpose or others' designs.
    if matches!(trig.name, "aims to" | "seeks to")
        && !own.is_some_and(|np| names_party(text, words, np, index))
    {
        return None;
    }
    // "India and Japan launched a joint initiative": only parties launching
    // together agree; "Hungary launched a programme" or "launched strikes" does not.
    if trig.name == "launched"
        && (!own.is_some_and(|np| several_parties(text, words, np, index))
            || launches_force(text, words, m.end)
            // "eleven teams have launched,": nothing launched.
            || words.get(m.end).is_none_or(|w| w.punct))
    {
        return None;
    }
    // "We support the envoy's efforts ... and support the Quad's": the same verb
    // again after "and" is the same actor's second commitment (a noun phrase
    // before it is the first one's object, no subject).
    let repeated = before.is_some_and(|w| word_is(text, w, "and"))
        && earlier.last().is_some_and(|f| {
            f.cue.1 == f.cue.0 + 1
                && m.end == m.start + 1
                && text.get(words[f.cue.0].span.clone()) == text.get(words[m.start].span.clone())
        })
        // "and support for them grows": the noun.
        && words
            .get(m.end)
            .is_some_and(|w| !w.punct && !word_in(text, w, PREPOSITIONS));
    if repeated && let Some(f) = earlier.last() {
        return Some(Found {
            kind: f.kind,
            actor: f.actor.clone(),
            region_start: left - 1,
            cue: (m.start, m.end),
            action_from: m.end,
            addressed: false,
            subject: None,
        });
    }
    // "longstanding U.S. support for", "discussed U.S. support": a noun after a
    // modifier, not a verb after its subject.
    if base
        && trig.kind != CommitmentKind::Proposal
        && let Some(np) = own
        && np.0 > speech.content_start
        && words.get(np.0 - 1).is_some_and(|w| {
            !w.punct
                && !w.capital
                && !word_in(text, w, CLAUSE_OPENERS)
                && !word_in(text, w, SPEECH_VERBS)
        })
    {
        return None;
    }
    // "The challenge for Chile is to grow": the phrase after a preposition is no subject.
    // "whose duty it is to protect": "it" there is no party; "is to blame",
    // "is to be held": no act of the subject.
    let idiom = words
        .get(m.end)
        // "what he was to us": an object pronoun after "to" names no act.
        .is_some_and(|w| word_in(text, w, &["blame", "be", "us", "them", "me", "him", "you"]));
    if matches!(trig.name, "is to" | "is scheduled to")
        && idiom
            | own.is_none_or(|np| {
                words.get(np.0).is_some_and(|w| word_is(text, w, "it"))
                    || np
                        .0
                        .checked_sub(1)
                        .and_then(|i| words.get(i))
                        .is_some_and(|w| word_in(text, w, PREPOSITIONS))
            })
    {
        return None;
    }
    // "..., while reaffirming their support": a participle after "while" or
    // "thereby" shares the main clause's subject, as after a comma.
    let participle = text
        .get(words[head].span.clone())
        .is_some_and(|s| s.ends_with("ing"));
    let coordinated = before_comma.is_none_or(|w| {
        (w.punct && text.get(w.span.clone()) == Some(","))
            // "Hungary licensed the design, then agreed to ...": news chains acts with "then".
            || word_in(text, w, &["and", "but", "then"])
            || (participle && word_in(text, w, &["while", "whilst", "thereby"]))
    }) && left > speech.content_start;
    // "had not, as of yesterday, announced any plans to": a negated cue commits to nothing.
    if !matches!(trig.name, "will" | "would" | "should/must") && negated(text, words, left) {
        return None;
    }
    // "urged X to act", "calls on X to act": X is who should act.
    // "proposed a task force to curb ...": what is proposed, not who should act.
    let addressee = if trig.name == "demanded from" {
        // "We expect from Iran ...": only with a party that expects.
        let expects = word_in(text, &words[head], &["expect", "expects"]);
        let subject = own
            .and_then(|np| party(text, words, np, index))
            .and_then(|p| resolve(p, speech, context, index));
        if expects && (m.end != head + 2 || subject.is_none()) {
            return None;
        }
        Some(demanded_of(text, words, m, head, index, speech, context)?)
    } else {
        (trig.kind == CommitmentKind::Proposal
            && !matches!(trig.name, "should/must" | "proposed" | "need to"))
        .then(|| addressee(text, words, m.end, index, speech, context))
        .flatten()
    };
    // Weak cues ("asked", "the need for") are proposals only with a party to act:
    // "asked Japan to ...", not "asked about the case" or "the need for guardrails".
    let needs_party = matches!(
        trig.name,
        "asked to" | "stressed the need for" | "need to" | "told to" | "recommended" | "call to"
    );
    if needs_party && addressee.as_ref().is_some_and(|a| a.2) {
        return None;
    }
    // "All we need to do is ask her back": a pseudo-cleft describes, it asks no one.
    let cleft = trig.name == "need to"
        && words.get(m.end).is_some_and(|w| word_is(text, w, "do"))
        && words
            .get(m.end + 1)
            .is_some_and(|w| word_in(text, w, &["is", "was"]));
    if cleft {
        return None;
    }
    // "wrote to the embassy asking to waive ...": the one written to should act.
    let addressee = addressee.or_else(|| {
        (trig.name == "asked to")
            .then(|| recipient(text, words, head, m, index, speech, context))
            .flatten()
    });
    if matches!(trig.name, "asked to" | "told to" | "recommended") && addressee.is_none() {
        return None;
    }
    // "told the Military Times the attack took place ...": "tell" reports
    // speech; only "told X to act" asks X to act (no bare-verb subjunctive).
    let told_to = addressee.as_ref().is_some_and(|a| {
        a.1.checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| word_is(text, w, "to"))
    });
    if trig.name == "told to" && !told_to {
        return None;
    }
    // "urged X to reopen ... He also called for the release of ...": a call
    // with no party of its own, by the same speaker, addresses X again.
    let pronoun_subject = own.is_some_and(|np| {
        np.1 == np.0 + 1 && word_in(text, &words[np.0], &["he", "she", "we", "they"])
    });
    let calls_for = trig.name == "calls on"
        && words
            .get(m.end - 1)
            .is_some_and(|w| word_is(text, w, "for"));
    let addressee = match (addressee, &context.last_addressee) {
        (None, Some(last)) if calls_for && pronoun_subject => Some((last.clone(), m.end, false)),
        (a, _) => a,
    };
    let addressed = addressee.is_some();
    let addressee = addressee.map(|(who, from, _)| (who, from));
    // "expressed China's willingness": the possessor is the actor.
    let possessor = m
        .possessor
        .and_then(|np| {
            // "the King's assistance": the article and title name the person.
            let titled =
                np.0.checked_sub(1)
                    .filter(|&a| word_is(text, &words[a], "the"))
                    .and_then(|a| party(text, words, (a, np.1), index))
                    .filter(|p| p.referent.is_some());
            titled.or_else(|| party(text, words, np, index))
        })
        .and_then(|p| resolve(p, speech, context, index))
        .or_else(|| attributive_country(words, m, index))
        .or_else(|| {
            // "expressed her country's intent to": the named-possessor step
            // takes capitalised owners only; a pronoun's country is found here.
            if m.possessor.is_some() {
                return None;
            }
            let subject = own.and_then(|np| party(text, words, np, index));
            actors::own_country(
                text,
                words,
                (m.start, m.end),
                subject,
                speech,
                context,
                index,
            )
        });
    // "asked for help" is a proposal only when someone's help is named.
    if trig.name == "asked for help" && possessor.is_none() {
        return None;
    }
    let named = addressee
        .as_ref()
        .map(|a| a.0.clone())
        .or_else(|| possessor.clone());
    let mut by_announcer = None;
    let mut subject = None;
    let (actor, region_start) = if let Some(np) = own {
        let own_subject =
            party(text, words, np, index).and_then(|p| resolve(p, speech, context, index));
        if addressee.is_none() && possessor.is_some() {
            subject.clone_from(&own_subject);
        }
        match (named.or(own_subject), announced) {
            (Some(a), _) => (a, np.0),
            (None, Some((a, verb, that))) => {
                by_announcer = Some((verb, that));
                (a, verb)
            }
            (None, None) => return None,
        }
    } else if let Some(p) = possessor.clone().filter(|_| !coordinated) {
        // "Rubio and his team reiterated the United States' commitment to ...".
        (p, m.start)
    } else if let Some(a) = addressee.as_ref().filter(|_| !coordinated) {
        // "We are united in calling for the regime to end ...": the addressee acts.
        (a.0.clone(), m.start)
    } else if let Some((a, verb, that)) = announced {
        by_announcer = Some((verb, that));
        (a, verb)
    } else if coordinated
        && (!base || second_predicate(text, words, earlier, speech.content_start, left))
        && !in_relative_clause(text, words, earlier, left)
    {
        // "The Secretary reaffirmed the United States' commitment to X and
        // looks forward to Y": the second predicate is the subject's.
        let inherited = named
            .or_else(|| {
                earlier
                    .last()
                    .map(|f| f.subject.clone().unwrap_or_else(|| f.actor.clone()))
            })
            .or_else(|| {
                let np = np_after(text, words, speech.content_start, index)?;
                resolve(party(text, words, np, index)?, speech, context, index)
            })?;
        (inherited, left.saturating_sub(1))
    } else {
        return None;
    };
    let partner = along
        .filter(|_| addressee.is_none())
        .and_then(|(_, np)| party(text, words, np, index))
        .and_then(|p| resolve(p, speech, context, index));
    let actor = match partner {
        Some(other) if !actor.0.contains(other.0.as_str()) => {
            (format!("{} and {}", actor.0, other.0), actor.1)
        }
        _ => actor,
    };
    let kind = kind_of(text, words, m, trig.kind, &actor);
    // A person's stated stance is their country's: "President Biden expressed
    // support for ..." is the United States' support ("Merkel seconded" stays hers),
    // unless the cue makes it personal: "Johnson stressed his support for ...".
    let stated = words
        .get(m.start)
        .is_some_and(|w| word_in(text, w, triggers::REAFFIRM));
    let personal = words
        .get(m.start..m.end)
        .is_some_and(|cue| cue.iter().any(|w| word_in(text, w, &["his", "her"])));
    // "President Biden reiterated our commitment to support Peru": a restated
    // commitment is the country's whether it is to a goal or to act.
    let stance = kind == CommitmentKind::Support || restated_commitment(text, words, m);
    let actor = if stance && stated && !personal {
        actors::country_of_person(&actor, index).unwrap_or(actor)
    } else {
        actor
    };
    // "Landau signed an agreement yesterday with Minister Havannall": a pact
    // signed with a named party binds both.
    // "Hungary agreed with Airbus to open a plant": the partner agreed too.
    let signed_with = match trig.name {
        "signed" => counterparty(text, words, m.end, index),
        "agreed with" => counterparty(text, words, m.start + 1, index),
        _ => None,
    };
    let actor = match signed_with {
        Some(other) if !actor.0.contains(other.0.as_str()) => {
            // The first signer stays the referent (its country counts for focus).
            (format!("{} and {}", actor.0, other.0), actor.1)
        }
        _ => actor,
    };
    // "ratified the treaty on Tuesday": the verb is the cue, the pact the action.
    // "demanded an explanation from Russia": the verb is the cue, the demand the action.
    let object_first = trig.name == "demanded from" && m.end > head + 2;
    let pact_named = matches!(trig.name, "joined the agreement" | "adopted a declaration");
    let (cue_end, action_from) = if pact_named || object_first {
        (head + 1, head + 1)
    } else {
        (m.end, addressee.map_or(m.end, |a| a.1))
    };
    // The announcement is the cue and what it says will happen the action.
    let (cue, action_from) = match by_announcer {
        Some((verb, that)) => ((verb, that + 1), that + 1),
        None => ((m.start, cue_end), action_from),
    };
    Some(Found {
        kind,
        actor,
        region_start,
        cue,
        action_from,
        addressed,
        subject,
    })
}

/// Verbs that make known a decision: what they report will happen is the
/// subject's to do ("said" and "expects" report forecasts as well).
const ANNOUNCING: &[&str] = &["announced", "announces", "announce"];

/// Who announced, in the cue's clause, that something will happen: "the
/// commission announced that, for the safety of all, the debate would be
/// held online", "Shapps announced that from June 15 masks would be
/// compulsory". An explicit "that" opens the announced clause, or else a
/// passive right after the verb ("announced classes would be cancelled"),
/// and the announcer is the verb's subject (a name between commas too: "the
/// transport secretary, Grant Shapps, announced").
fn announcer(
    text: &str,
    words: &[Word],
    cue: usize,
    index: &EntityIndex,
    speech: &Speech,
    context: &Context,
) -> Option<(Actor, usize, usize)> {
    let at = (cue.saturating_sub(30)..cue)
        .rev()
        .take_while(|&i| {
            !matches!(
                text.get(words[i].span.clone()),
                Some(";" | ":" | "." | "\"" | "\u{201c}" | "\u{201d}")
            )
        })
        .find(|&i| word_is(text, &words[i], "that") || word_in(text, &words[i], ANNOUNCING))?;
    let (verb, that) = if word_is(text, &words[at], "that") {
        (at.checked_sub(1)?, at)
    } else {
        (at, at)
    };
    if !word_in(text, &words[verb], ANNOUNCING) {
        return None;
    }
    // "The mayor announced classes would be cancelled": with no "that", the
    // clause announced is the passive that follows the verb, with no clause
    // of its own between them ("announced a plan which will be ...").
    if verb == that {
        let passive = words.get(cue + 1).is_some_and(|w| word_is(text, w, "be"))
            && words.get(cue + 2).is_some_and(|w| {
                text.get(w.span.clone())
                    .is_some_and(|s| s.ends_with("ed") || s.ends_with("en") || s == "held")
            });
        let clause = words
            .get(verb + 1..cue)
            .unwrap_or_default()
            .iter()
            .any(|w| {
                word_in(text, w, CLAUSE_OPENERS) && !word_is(text, w, "and")
                    || word_in(text, w, &["if", "unless", "although", "though", "since"])
            });
        if !passive || clause {
            return None;
        }
    }
    let comma = verb
        .checked_sub(1)
        .filter(|&c| text.get(words[c].span.clone()) == Some(","));
    let end = comma.unwrap_or(verb);
    // "Plotena, the mayor of Esperanza, announced": the name before the
    // appositive; "the transport secretary, Grant Shapps, announced": the name after.
    let np = comma
        .and_then(|_| phrases::appositive_subject(text, words, verb, index))
        .or_else(|| np_before(text, words, end, index).filter(|np| np.1 == end))?;
    let actor = resolve(party(text, words, np, index)?, speech, context, index)?;
    Some((actor, verb, that))
}

/// A passive agreement: "An agreement has been reached with X", "The deal
/// was signed by X and Y". The agent ("by", "between") agreed, else the
/// speaker, else a joint statement's authors; with none of them it is a bare
/// fact ("which had been agreed in 2015").
fn passive(
    text: &str,
    words: &[Word],
    m: &TriggerMatch,
    speech: &Speech,
    index: &EntityIndex,
    context: &Context,
) -> Option<Found> {
    // "It was agreed that they will ...": the clause's own modal commits.
    if words.get(m.end).is_some_and(|w| word_is(text, w, "that")) {
        return None;
    }
    // "No agreement was reached", "Nothing has been agreed".
    let negated = (m.start.saturating_sub(2)..=m.start)
        .filter_map(|i| words.get(i))
        .any(|w| word_in(text, w, &["no", "nothing", "neither", "not"]));
    if negated {
        return None;
    }
    // "was signed in Accra by X": the agent may follow a short place or time phrase.
    let phrase = words
        .get(m.end)
        .is_some_and(|w| word_in(text, w, &["in", "at", "on", "during"]));
    let last = if phrase { m.end + 5 } else { m.end };
    let agent = (m.end..=last.min(words.len().saturating_sub(1)))
        .take_while(|&i| !words[i].punct)
        .find(|&i| word_in(text, &words[i], &["by", "between", "among"]))
        .and_then(|by| np_after(text, words, by + 1, index))
        .and_then(|np| party(text, words, np, index))
        .and_then(|p| resolve(p, speech, context, index));
    let speaker = speech
        .speaker
        .clone()
        .filter(|_| m.start >= speech.content_start);
    // In a joint statement with no speaker, its authors agreed.
    let authors = context.authors.clone().filter(|_| speech.speaker.is_none());
    let actor = agent.or(speaker).or(authors)?;
    Some(Found {
        kind: CommitmentKind::Agreement,
        actor,
        region_start: m.start,
        cue: (m.start, m.end),
        action_from: m.end,
        addressed: false,
        subject: None,
    })
}

/// Prepositions after which a noun phrase before a cue is no subject ("of"
/// is left out: "the heads of state of Chile and Peru signed").
const SUBJECTLESS_AFTER: &[&str] = &[
    "between", "with", "by", "from", "among", "in", "at", "on", "for", "to", "about",
];

/// Prepositions: a noun phrase right after one is not a clause's subject.
const PREPOSITIONS: &[&str] = &[
    "for", "of", "in", "to", "with", "on", "at", "by", "from", "about", "among", "between",
];

/// The kind a cue gives, refined by its words and its actor.
fn kind_of(
    text: &str,
    words: &[Word],
    m: &TriggerMatch,
    kind: CommitmentKind,
    actor: &Actor,
) -> CommitmentKind {
    let trig_name = TRIGGERS.get(m.trigger).map_or("", |t| t.name);
    match trig_name {
        // A reaffirmed "commitment to" a partner or goal is a stance kept;
        // a reaffirmed "determination" or "resolve to" act is a pledge, and so
        // is a commitment to act ("their commitment to strengthening ties", as
        // the guide counts "committed to" among pledges).
        name if RESTATEMENTS.contains(&name) => {
            if restated_commitment(text, words, m) && !acts_after(text, words, m.end) {
                CommitmentKind::Support
            } else {
                CommitmentKind::Pledge
            }
        }
        // "The two leaders resolved to ...": a joint decision.
        "resolved to" if actors::is_group(actor) => CommitmentKind::Agreement,
        _ => kind,
    }
}

/// The cues that restate a stance ("reaffirmed its commitment / resolve to").
const RESTATEMENTS: &[&str] = &[
    "reaffirmed commitment",
    "reaffirmed commitment of",
    "reaffirmed commitment of both",
];

/// Whether a cue restates a commitment: "reaffirmed our commitment to".
fn restated_commitment(text: &str, words: &[Word], m: &TriggerMatch) -> bool {
    let trig_name = TRIGGERS.get(m.trigger).map_or("", |t| t.name);
    RESTATEMENTS.contains(&trig_name)
        && words
            .get(m.start..m.end)
            .unwrap_or(&[])
            .iter()
            .any(|w| word_in(text, w, &["commitment", "commitments", "dedication"]))
}

/// Whether the words from `at` open an act rather than name a goal: a verb
/// ("to strengthen", "to further deepen", "to building") and not a noun
/// phrase ("to the alliance", "to ASEAN centrality", "to peace").
fn acts_after(text: &str, words: &[Word], at: usize) -> bool {
    /// Verbs that follow a commitment "to" in statements, in their base form.
    const ACTS: &[&str] = &[
        "achieve",
        "address",
        "advance",
        "bolster",
        "build",
        "combat",
        "continue",
        "cooperate",
        "coordinate",
        "counter",
        "create",
        "deepen",
        "defend",
        "deliver",
        "deter",
        "develop",
        "end",
        "enhance",
        "ensure",
        "establish",
        "expand",
        "explore",
        "facilitate",
        "foster",
        "help",
        "implement",
        "improve",
        "increase",
        "maintain",
        "make",
        "meet",
        "preserve",
        "promote",
        "protect",
        "provide",
        "pursue",
        "reduce",
        "reinforce",
        "resolve",
        "safeguard",
        "secure",
        "seek",
        "strengthen",
        "support",
        "sustain",
        "take",
        "uphold",
        "work",
    ];
    let Some(first) = words.get(at..).and_then(|rest| {
        rest.iter()
            .find(|w| !(word_in(text, w, ADVERBS_BEFORE_ACT) || phrases::is_ly_adverb(text, w)))
    }) else {
        return false;
    };
    let word = text.get(first.span.clone()).unwrap_or("");
    !first.capital && (word_in(text, first, ACTS) || (word.len() > 5 && word.ends_with("ing")))
}

/// Adverbs between "to" and its verb: "to further strengthen", "to jointly build".
const ADVERBS_BEFORE_ACT: &[&str] = &["further", "jointly", "together", "also"];

/// The named party after "with" in the clause from word `from` ("signed a
/// memorandum on Monday with Peru"): a person, place or organisation the
/// text names, up to the first comma or clause word.
fn counterparty(text: &str, words: &[Word], from: usize, index: &EntityIndex) -> Option<Actor> {
    let with = (from..words.len().min(from + 12))
        .take_while(|&i| {
            let w = &words[i];
            !(w.punct || word_in(text, w, &["and", "that", "which", "to", "who"]))
        })
        .find(|&i| word_is(text, &words[i], "with"))?;
    let np = np_after(text, words, with + 1, index)?;
    let p = party(text, words, np, index)?;
    let named = p.referent.is_some() && p.pronoun.is_none();
    named.then_some((p.name, p.referent))
}

/// The party a proposal addresses, up to the "to" of its action:
/// "urged [the parties to the conflict] to halt", "call on [donors] to fulfil".
fn addressee(
    text: &str,
    words: &[Word],
    start: usize,
    index: &EntityIndex,
    speech: &Speech,
    context: &Context,
) -> Option<((String, Option<usize>), usize, bool)> {
    const PP_DETERMINERS: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "their", "its", "his", "her", "our",
    ];
    // "demanded that the United States withdraw ...": the clause's subject
    // should act (with a modal, "that X must ...", the modal is the cue).
    if words.get(start).is_some_and(|w| word_is(text, w, "that")) {
        let np = np_after(text, words, start + 1, index)?;
        let verb = words.get(np.1)?;
        let subjunctive = !verb.punct
            && !verb.capital
            && !word_in(text, verb, MODALS)
            && !word_in(
                text,
                verb,
                &["is", "are", "was", "were", "has", "have", "had"],
            );
        let who = party(text, words, np, index).and_then(|p| resolve(p, speech, context, index));
        return subjunctive.then(|| Some((who?, np.1, false))).flatten();
    }
    // Commas may run through the party: a list ("urge the Sudanese Armed
    // Forces, the Rapid Support Forces and allied armed groups to cease"), "as
    // well as", or an aside closed by a comma before its "to" ("call upon all
    // external actors, as stated in the Berlin principles, to cease"), which
    // is no part of the name.
    let mut t = start;
    let mut commas = 0;
    let mut aside: Option<usize> = None;
    loop {
        let w = words.get(t)?;
        let comma = text.get(w.span.clone()) == Some(",");
        let limit = if commas == 0 { 14 } else { 30 };
        if t >= start + limit || (w.punct && !is_possessive(text, w) && !(comma && t > start)) {
            return subjunctive(text, words, start, index, speech, context);
        }
        if comma {
            commas += 1;
            let next =
                |k: usize, word: &str| words.get(t + k).is_some_and(|n| word_is(text, n, word));
            let as_well_as = next(1, "as") && next(2, "well") && next(3, "as");
            let listed = words.get(t + 1).is_some_and(|n| {
                (n.capital && !n.punct)
                    || word_in(text, n, PP_DETERMINERS)
                    || word_is(text, n, "and")
            });
            if aside.is_none() && !as_well_as && !listed && !next(1, "to") {
                aside = Some(t);
            }
        }
        // "to the conflict" continues the phrase; "to halt" ends it, also
        // when a quotation opens on the verb (to "not forget ...").
        let quote_opens = words
            .get(t + 1)
            .is_some_and(|n| matches!(text.get(n.span.clone()), Some("\"" | "\u{201c}")));
        let verb_follows = words
            .get(t + 1 + usize::from(quote_opens))
            .is_some_and(|n| !n.punct && !n.capital && !word_in(text, n, PP_DETERMINERS));
        if word_is(text, w, "to") && verb_follows && t > start {
            let after_comma = text.get(words[t - 1].span.clone()) == Some(",");
            // An aside must be closed right before "to"; otherwise the comma
            // ended the clause ("urged restraint, saying it was important to avoid").
            if aside.is_some() && !after_comma {
                return subjunctive(text, words, start, index, speech, context);
            }
            break;
        }
        t += 1;
    }
    let mut end = aside.unwrap_or(t);
    while end > start && text.get(words[end - 1].span.clone()) == Some(",") {
        end -= 1;
    }
    let np = (start, end);
    let (first, last) = (words.get(np.0)?, words.get(np.1 - 1)?);
    // "urged him to move forward": the one "him" refers to, as "he" would be.
    let object = (np.1 - np.0 == 1)
        .then(|| object_pronoun(text, first))
        .flatten()
        .map(|pronoun| phrases::Party {
            name: String::new(),
            referent: None,
            kind: None,
            pronoun: Some(pronoun),
        });
    let is_object = object.is_some();
    // "Republicans have broken with Trump and urged him to ...": the one person
    // the sentence named before, other than its subject or speaker (no one
    // urges oneself). Only "him" and "her": "them", "us" and "me" are no one person.
    let named = object
        .as_ref()
        .filter(|o| matches!(o.pronoun, Some("he" | "she")))
        .and_then(|_| {
            let subject = np_after(text, words, speech.content_start, index);
            phrases::person_named_before(words, np.0, subject, index)
                .filter(|(_, r)| speech.speaker.as_ref().is_none_or(|s| s.1 != Some(*r)))
        });
    if let Some((name, referent)) = named {
        return Some(((name, Some(referent)), t + 1, false));
    }
    // One never asks oneself: "ask her to come back" said by a woman means someone else.
    if let Some(who) = object
        .or_else(|| party(text, words, np, index))
        .and_then(|p| resolve(p, speech, context, index))
        .filter(|who| !is_object || speech.speaker.as_ref().is_none_or(|s| s.0 != who.0))
    {
        // "asked the two parties to accept a truce": the two named together before.
        let sentence_start = words.first().map_or(0, |w| w.span.start);
        let who = actors::parties_named_before(&who.0, sentence_start, index).unwrap_or(who);
        return Some((who, t + 1, false));
    }
    let raw = text.get(first.span.start..last.span.end)?.to_string();
    // "instructed security agencies to investigate", "urged citizens to stay
    // home": a directive may address the public or a body by a common noun,
    // which as a subject ("voters will choose") would commit nobody.
    let public = !first.capital
        && words[np.0..np.1].iter().all(|w| !w.punct)
        && word_in(text, last, PUBLIC_ADDRESSEES);
    Some(((raw, None), t + 1, !public))
}

/// The subject form of an object pronoun ("him" -> "he"), to resolve it the same way.
fn object_pronoun(text: &str, w: &Word) -> Option<&'static str> {
    [
        ("him", "he"),
        ("her", "she"),
        ("them", "they"),
        ("us", "we"),
        ("me", "i"),
    ]
    .into_iter()
    .find(|(object, _)| word_is(text, w, object))
    .map(|(_, subject)| subject)
}

/// Nouns after "press" that make it the press, not a verb: "press officer".
const PRESS_NOUNS: &[&str] = &[
    "officer",
    "officers",
    "release",
    "releases",
    "conference",
    "conferences",
    "secretary",
    "statement",
    "briefing",
    "office",
    "service",
    "agency",
    "freedom",
    "corps",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Plural common nouns a call or directive may address: those asked to act.
const PUBLIC_ADDRESSEES: &[&str] = &[
    "agencies",
    "citizens",
    "residents",
    "people",
    "drivers",
    "motorists",
    "passengers",
    "tourists",
    "visitors",
    "parents",
    "employers",
    "farmers",
    "consumers",
    "bishops",
    "archbishops",
    "priests",
    "voters",
    "nationals",
    "travelers",
    "travellers",
    "businesses",
    "companies",
    "institutions",
    "persons",
    "troops",
    "soldiers",
    "police",
    "workers",
    "banks",
];

/// The number of words of a list marker ("(i)", "(a)", "(2)") at word `at`, or 0.
fn list_marker(text: &str, words: &[Word], at: usize) -> usize {
    let is = |i: usize, p: &str| {
        words
            .get(i)
            .is_some_and(|w| text.get(w.span.clone()) == Some(p))
    };
    let short = words
        .get(at + 1)
        .and_then(|w| text.get(w.span.clone()))
        .is_some_and(|s| {
            !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if is(at, "(") && short && is(at + 2, ")") {
        3
    } else {
        0
    }
}

/// Whether a negation stands before word `at` in its clause, past adverbs,
/// auxiliaries and a parenthetical between commas: "has not yet signed",
/// "had not, as of yesterday, announced".
fn negated(text: &str, words: &[Word], at: usize) -> bool {
    let mut i = at;
    while i > 0 {
        let w = &words[i - 1];
        let contracted = text
            .get(w.span.clone())
            .is_some_and(|s| s.ends_with("n't") || s.ends_with("n\u{2019}t"));
        if contracted || word_in(text, w, &["not", "never"]) {
            return true;
        }
        let skip = word_in(text, w, triggers::ADVERBS)
            || word_in(
                text,
                w,
                &[
                    "has", "have", "had", "did", "does", "do", "yet", "so", "far",
                ],
            );
        if skip {
            i -= 1;
            continue;
        }
        // A parenthetical: the comma before it must lie within a few words.
        if text.get(w.span.clone()) == Some(",") {
            let open = (i.saturating_sub(7)..i - 1)
                .rev()
                .find(|&j| text.get(words[j].span.clone()) == Some(","));
            match open {
                Some(j) if j + 2 < i - 1 => {
                    i = j;
                    continue;
                }
                _ => return false,
            }
        }
        return false;
    }
    false
}

/// Whether the object after word `at` is a text agreed before ("the
/// U.S.-Japan-ROK joint statement", "their commitments under the Charter"):
/// a determiner, then a document noun within ten words of the same clause.
fn names_text(text: &str, words: &[Word], at: usize) -> bool {
    const DOCUMENTS: &[&str] = &[
        "statement",
        "statements",
        "declaration",
        "declarations",
        "communique",
        "communiqu\u{e9}",
        "commitments",
        "principles",
        "charter",
        "accords",
        "consensus",
        "resolution",
        "resolutions",
        "agreement",
        "agreements",
        "treaty",
    ];
    words
        .get(at)
        .is_some_and(|w| word_in(text, w, &["the", "their", "its", "our"]))
        && words
            .iter()
            .skip(at + 1)
            .take(10)
            .take_while(|w| {
                !(w.punct && matches!(text.get(w.span.clone()), Some("," | ";" | "." | ":")))
            })
            .any(|w| word_in(text, w, DOCUMENTS))
}

/// "They recognized the importance of security and intend to partner": a
/// base form after "and" is the subject's second predicate when nothing
/// before it in the clause ("to", a modal, another cue) could govern it, as
/// "is willing to deepen ties and support" does.
fn second_predicate(
    text: &str,
    words: &[Word],
    earlier: &[Found],
    from: usize,
    left: usize,
) -> bool {
    const GOVERNORS: &[&str] = &[
        "to", "will", "would", "shall", "should", "must", "can", "could", "may", "might",
    ];
    earlier.is_empty()
        && left
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| word_is(text, w, "and"))
        && words
            .get(from..left)
            .is_some_and(|ws| !ws.iter().any(|w| word_in(text, w, GOVERNORS)))
}

/// Whether the cue at `at` sits in a relative clause still open since its
/// "which" ("the alliance, which benefits both nations and supports peace"):
/// its subject is the thing described, not the party of an earlier cue.
fn in_relative_clause(text: &str, words: &[Word], earlier: &[Found], at: usize) -> bool {
    let from = earlier.last().map_or(0, |f| f.cue.1);
    let Some(which) = (from..at)
        .rev()
        .find(|&i| word_is(text, &words[i], "which"))
    else {
        return false;
    };
    !(which..at).any(|i| text.get(words[i].span.clone()) == Some(","))
}

/// "wrote to the US Embassy asking to waive ...": a participle "asking to"
/// with no party of its own asks the one written or appealed to.
fn recipient(
    text: &str,
    words: &[Word],
    head: usize,
    m: &TriggerMatch,
    index: &EntityIndex,
    speech: &Speech,
    context: &Context,
) -> Option<((String, Option<usize>), usize, bool)> {
    const ADDRESSING: &[&str] = &[
        "wrote",
        "writes",
        "write",
        "written",
        "letter",
        "letters",
        "message",
        "appealed",
        "appeals",
        "petitioned",
        "turned",
    ];
    let participle = text
        .get(words[head].span.clone())
        .is_some_and(|s| s.ends_with("ing"));
    let bare_to = m.end == head + 2 && word_is(text, &words[head + 1], "to");
    if !participle || !bare_to {
        return None;
    }
    let to = (head.saturating_sub(10)..head)
        .rev()
        .take_while(|&i| !words[i].punct)
        .find(|&i| {
            word_is(text, &words[i], "to")
                && i.checked_sub(1)
                    .is_some_and(|v| word_in(text, &words[v], ADDRESSING))
        })?;
    let np = np_after(text, words, to + 1, index).filter(|np| np.1 <= head)?;
    let who = party(text, words, np, index).and_then(|p| resolve(p, speech, context, index))?;
    Some((who, m.end, false))
}

/// "X and Y agreed that their governments will ...": a modal in the clause
/// of "agreed that" or "decided that" is the decision of who agreed.
fn agreed_that(
    text: &str,
    words: &[Word],
    m: &TriggerMatch,
    earlier: &[Found],
    speech: &Speech,
    index: &EntityIndex,
    context: &Context,
) -> Option<Found> {
    let from = m.start.saturating_sub(15);
    let agreed = (from..m.start)
        .rev()
        .take_while(|&i| !matches!(text.get(words[i].span.clone()), Some(";" | "." | ":")))
        .find(|&i| {
            word_in(
                text,
                &words[i],
                &["agreed", "agree", "agrees", "decided", "decide", "decides"],
            ) && words.get(i + 1).is_some_and(|w| word_is(text, w, "that"))
        })?;
    let left = skip_adverbs_left(text, words, agreed);
    let np = np_before(text, words, left, index).filter(|np| np.1 == left)?;
    let actor = party(text, words, np, index).and_then(|p| resolve(p, speech, context, index))?;
    // A second modal of the same clause must not cut the first one's action.
    let region_start = if earlier.last().is_some_and(|f| f.cue.1 > np.0) {
        m.start
    } else {
        np.0
    };
    Some(Found {
        kind: CommitmentKind::Agreement,
        actor,
        region_start,
        cue: (agreed, m.end),
        action_from: m.end,
        addressed: false,
        subject: None,
    })
}

/// "recommended the troops in Iraq withdraw": a party and a bare verb after
/// the cue, the mandative subjunctive without "that". The party is named
/// (capitalised words), a party noun or a plural; the verb is a plain word
/// that is no preposition, determiner, past form or third person.
fn subjunctive(
    text: &str,
    words: &[Word],
    start: usize,
    index: &EntityIndex,
    speech: &Speech,
    context: &Context,
) -> Option<((String, Option<usize>), usize, bool)> {
    const NOT_VERBS: &[&str] = &[
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "as",
        "than",
        "despite",
        "during",
        "after",
        "before",
        "because",
        "since",
        "until",
        "into",
        "through",
        "against",
        "amid",
        "over",
        "under",
        "about",
        "a",
        "an",
        "not",
        "also",
        "due",
        "thanks",
        "according",
    ];
    let plural = |w: &Word| {
        text.get(w.span.clone()).is_some_and(|s| {
            s.len() > 3 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us")
        })
    };
    let mut k = start;
    let mut head = false;
    // A plain noun ends the party: "the authorities remain", "the troops leave".
    let mut plain_head = false;
    while k < start + 10 {
        let w = words.get(k)?;
        let plain = !w.punct && !w.capital && !plain_head;
        let noun = !w.punct && (w.capital || plain && (word_in(text, w, PARTY_NOUNS) || plural(w)));
        plain_head = noun && !w.capital;
        let modifier = word_in(text, w, DETERMINERS) || word_in(text, w, &["a", "an"]);
        // "in Iraq", "of the region": a phrase naming where the party is.
        let place = head
            && word_in(text, w, &["of", "in", "from"])
            && words
                .get(k + 1)
                .is_some_and(|n| n.capital || word_is(text, n, "the"));
        if noun {
            head = true;
        } else if !modifier && !place {
            break;
        }
        k += 1;
    }
    let verb = words.get(k)?;
    let v = text.get(verb.span.clone())?;
    let bare = head
        && !verb.punct
        && !verb.capital
        && !v.ends_with('s')
        && !v.ends_with("ed")
        && !v.ends_with("ing")
        && !word_in(text, verb, NOT_VERBS)
        && !word_in(text, verb, PREPOSITIONS)
        && !word_in(text, verb, MODALS)
        && !word_in(text, verb, DETERMINERS);
    if !bare {
        return None;
    }
    let who =
        party(text, words, (start, k), index).and_then(|p| resolve(p, speech, context, index))?;
    Some((who, k, false))
}

/// The party a demand is made of: "demanded an explanation from Russia",
/// "expect from Iran assurances", "demanded from Interpol to publish". The
/// action starts after the verb when the object comes first, else after the party.
fn demanded_of(
    text: &str,
    words: &[Word],
    m: &TriggerMatch,
    head: usize,
    index: &EntityIndex,
    speech: &Speech,
    context: &Context,
) -> Option<((String, Option<usize>), usize, bool)> {
    let np = np_after(text, words, m.end, index).filter(|np| np.0 == m.end)?;
    let who = party(text, words, np, index).and_then(|p| resolve(p, speech, context, index))?;
    let action_from = if m.end > head + 2 {
        head + 1
    } else if words.get(np.1).is_some_and(|w| word_is(text, w, "to")) {
        np.1 + 1
    } else {
        np.1
    };
    Some((who, action_from, false))
}

/// "will" and "should" must govern a verb: not "the will of", not "will be held".
/// Whether word `modal` is "will" or "would" after "I" or "we" and before a
/// verb of calling on others to act: "I would urge anyone to", "we will ask
/// residents to" ("we will ask questions" calls on no one).
fn polite_call(text: &str, words: &[Word], modal: usize) -> bool {
    const CALLS: &[&str] = &["urge", "ask", "request", "invite", "encourage"];
    let is_modal = words
        .get(modal)
        .is_some_and(|w| word_in(text, w, &["will", "would"]));
    let first_person = modal
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| word_in(text, w, &["i", "we"]));
    let calls = words
        .get(modal + 1)
        .is_some_and(|w| word_in(text, w, CALLS));
    let to_act = || {
        words
            .iter()
            .skip(modal + 2)
            .take(10)
            .take_while(|w| !w.punct)
            .any(|w| word_is(text, w, "to"))
    };
    is_modal && first_person && calls && to_act()
}

fn modal_needs_verb(text: &str, words: &[Word], m: &TriggerMatch, name: &str) -> bool {
    if !matches!(name, "will" | "should/must" | "would") {
        return false;
    }
    // Quotes may sit between the modal and its verb: should "get out".
    let mut n = m.end;
    while words.get(n).is_some_and(|w| {
        matches!(
            text.get(w.span.clone()),
            Some("\"" | "\u{201c}" | "'" | "\u{2018}")
        )
    }) {
        n += 1;
    }
    // "will (i) modify ... and (ii) remove": a list marker before the verb.
    n += list_marker(text, words, n);
    let Some(next) = words.get(n) else {
        return true;
    };
    if next.punct || word_in(text, next, &["of", "and", "to"]) {
        return true;
    }
    // "would have risen", "should have known": counterfactuals.
    if name != "will" && word_is(text, next, "have") {
        return true;
    }
    // "People must know that ...", "we should understand": a state of mind is no act.
    if word_in(
        text,
        next,
        &[
            "know",
            "understand",
            "realise",
            "realize",
            "believe",
            "think",
            "feel",
        ],
    ) {
        return true;
    }
    // "Security will depend on ...", "a man the country will miss": what
    // happens to the subject, not what it does.
    if name == "will" && word_in(text, next, &["depend", "mean", "cost", "happen", "miss"]) {
        return true;
    }
    if word_is(text, next, "be")
        && let Some(after) = words.get(n + 1)
        && let Some(s) = text.get(after.span.clone())
    {
        let participle = (s.ends_with("ed") || s.ends_with("en") || s.ends_with("held"))
            && !matches!(s, "committed" | "determined" | "dedicated");
        // "will be the real test", "will be difficult": a forecast, not an act;
        // "will be raising it", "will be ready to": an act.
        let acting = s.len() > 4 && s.ends_with("ing") && s != "being"
            || word_in(
                text,
                after,
                &[
                    "ready",
                    "willing",
                    "prepared",
                    "committed",
                    "determined",
                    "dedicated",
                    "able",
                    "there",
                    "present",
                    "happy",
                    "glad",
                    "pleased",
                ],
            )
            || word_in(text, after, triggers::ADVERBS);
        return participle || (name != "should/must" && !acting);
    }
    false
}

/// Words after which a new clause (and its subject) may start.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "and", "but", "while", "as", "because", "where", "when", "which", "who", "so", "also",
    "yet", "then", "now", "today", "both", "all",
];

/// "reiterated the U.S. commitment to", "confirmed unwavering U.S. support
/// for": a country named inside the cue, before its noun, is the actor.
fn attributive_country(words: &[Word], m: &TriggerMatch, index: &EntityIndex) -> Option<Actor> {
    let trig = TRIGGERS.get(m.trigger)?;
    if !matches!(
        trig.name,
        "reaffirmed commitment"
            | "reaffirmed support for"
            | "expressed willingness"
            | "pledged support"
            | "emphasized continued support"
            | "voiced support"
    ) {
        return None;
    }
    (m.start + 1..m.end).find_map(|i| {
        let w = words.get(i)?;
        // "the shared U.S.-Germany commitment": a partnership's countries
        // joined by a hyphen are no one owner; the subject ("They") acts.
        if partnership(index.text.get(w.span.clone())?) {
            return None;
        }
        let e = index
            .covering(w.span.start)
            .filter(|e| e.kind == EntityKind::Place)?;
        let r = index.referent(e)?;
        let name = Gazetteer::get().country_by_name(&r.name).map_or_else(
            || r.name.clone(),
            |code| actors::country_name(&r.name, code),
        );
        Some((name, Some(e.referent)))
    })
}

/// Whether a word joins two or more countries by hyphens: "U.S.-Germany",
/// "U.S.-Japan-ROK" (not "Austria-based", nor "Biden-Harris").
fn partnership(word: &str) -> bool {
    let gazetteer = Gazetteer::get();
    let parts: Vec<&str> = word.split(['-', '\u{2013}']).collect();
    parts.len() >= 2 && parts.iter().all(|p| gazetteer.country_by_name(p).is_some())
}

/// Word index just past a leading concessive clause ("While X, ...",
/// "Although X, ..."), or 0 when the sentence opens with none.
fn background_clause_end(text: &str, words: &[Word]) -> usize {
    let opens = words.first().is_some_and(|w| {
        word_in(
            text,
            w,
            &["while", "although", "though", "whereas", "despite"],
        )
    });
    if !opens {
        return 0;
    }
    words
        .iter()
        .position(|w| text.get(w.span.clone()) == Some(","))
        .unwrap_or(0)
}

/// Whether the modal at `at` sits in the complement of a verb of wishing or
/// forecasting ("I hope that Sacoolas will come back", "expects prices will").
fn after_belief(text: &str, words: &[Word], at: usize) -> bool {
    const BELIEF: &[&str] = &[
        "hope",
        "hopes",
        "hoped",
        "hoping",
        "expect",
        "expects",
        "expected",
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "predict",
        "predicts",
        "predicted",
        "fear",
        "fears",
        "feared",
        "doubt",
        "doubts",
        "wish",
        "wishes",
        "trust",
        "assume",
        "assumes",
        "guess",
        "suspect",
        "suspects",
        "likely",
        "unlikely",
        // Commentators' views of what a party will do are forecasts.
        "analysts",
        "experts",
        "observers",
        "economists",
        "critics",
        "commentators",
    ];
    let from = at.saturating_sub(12);
    (from..at)
        .rev()
        .map(|i| &words[i])
        .take_while(|w| !matches!(text.get(w.span.clone()), Some(";" | "." | ":")))
        .any(|w| word_in(text, w, BELIEF))
}

/// Whether a word of regret or blame comes before word `at` in its clause:
/// "disappointed (that) the regime has decided to", "condemned X's decision".
fn after_regret(text: &str, words: &[Word], at: usize) -> bool {
    const REGRET: &[&str] = &[
        "disappointed",
        "disappointing",
        "regret",
        "regrets",
        "regretted",
        "regrettable",
        "deplore",
        "deplores",
        "deplored",
        "dismayed",
        "saddened",
        "condemn",
        "condemns",
        "condemned",
        "criticised",
        "criticized",
    ];
    (at.saturating_sub(8)..at)
        .rev()
        .map(|i| &words[i])
        .take_while(|w| !matches!(text.get(w.span.clone()), Some(";" | "." | ":")))
        .any(|w| word_in(text, w, REGRET))
}

/// "Members of the G7 Summit, let's discuss ...": the addressed group, else "we".
fn lets(
    text: &str,
    words: &[Word],
    m: &TriggerMatch,
    speech: &Speech,
    index: &EntityIndex,
    context: &Context,
) -> Option<Found> {
    let comma = m.start.checked_sub(1).filter(|&c| {
        words
            .get(c)
            .is_some_and(|w| text.get(w.span.clone()) == Some(","))
    });
    let vocative = comma
        .and_then(|c| np_before(text, words, c, index))
        .and_then(|np| {
            let (first, last) = (words.get(np.0)?, words.get(np.1 - 1)?);
            Some((text.get(first.span.start..last.span.end)?.to_string(), None))
        });
    let actor = vocative.or_else(|| we(speech, context, index))?;
    Some(Found {
        kind: CommitmentKind::Proposal,
        actor,
        region_start: m.start,
        cue: (m.start, m.end),
        action_from: m.end,
        addressed: false,
        subject: None,
    })
}

/// The action: words from `start` up to `limit`, cut at a clause break
/// (", thereby", ", so as to", ", which", ";") and trimmed.
fn action_span(text: &str, words: &[Word], mut start: usize, limit: usize) -> Option<Span> {
    let mut end = limit.min(words.len());
    // "support, including aid, for ...": the action starts at a word.
    while start < end && text.get(words[start].span.clone()) == Some(",") {
        start += 1;
    }
    for i in start..end {
        let s = text.get(words[i].span.clone()).unwrap_or("");
        let breaks = matches!(s, ";" | "\u{2014}" | "--")
            || (s == ","
                && words.get(i + 1).is_some_and(|n| {
                    word_in(
                        text,
                        n,
                        &["thereby", "which", "while", "so", "who", "where", "whereas"],
                    )
                }));
        if breaks {
            end = i;
            break;
        }
    }
    while end > start {
        let w = &words[end - 1];
        let s = text.get(w.span.clone()).unwrap_or("");
        // A closing quote stays only when the action opened it: `should "get out"`.
        let opened = |open: &[char]| {
            text.get(words[start].span.start..w.span.start)
                .is_some_and(|a| a.contains(open))
        };
        let kept = match s {
            "\"" | "\u{201d}" => opened(&['"', '\u{201c}']),
            ")" => opened(&['(']),
            _ => false,
        };
        let dangling = (w.punct && !is_possessive(text, w) && !kept)
            || word_in(text, w, &["and", "or", "but"]);
        if dangling { end -= 1 } else { break }
    }
    let (first, last) = (words.get(start)?, words.get(end.checked_sub(1)?)?);
    (end > start).then_some(first.span.start..last.span.end)
}

#[cfg(test)]
mod tests;
