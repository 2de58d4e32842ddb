//! Commitment extraction: who pledged, is willing, agreed, supports, proposes what.
//!
//! Sentence by sentence: find the cues (`triggers`), then for each cue its
//! actor (the subject before it, a possessor inside it, or the subject it
//! shares with an earlier cue: "Azerbaijan adheres to X and opposes Y"), the
//! speaker of reported speech ("Li said ...", "..., he added."), and the action
//! that follows, cut where the next commitment or the speech tag begins.
//! Questions and hypotheticals ("if ...") yield nothing.

mod phrases;
mod triggers;
mod words;

use self::phrases::{
    EntityIndex, Party, SPEECH_VERBS, np_after, np_before, party, skip_adverbs_left,
};
use self::triggers::{BASE_FORMS, MODALS, TRIGGERS, TriggerMatch, word_in, word_is};
use self::words::{Word, is_possessive};
use super::sentence::Sentence;
use super::{Commitment, CommitmentKind, Entity, EntityKind, Referent, Span};

/// Finds the commitments in `text`, in text order.
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    referents: &[Referent],
) -> Vec<Commitment> {
    let index = EntityIndex {
        entities,
        referents,
    };
    let mut context = Context {
        byline: byline(text, entities),
        ..Context::default()
    };
    let mut out = Vec::new();
    for sentence in sentences {
        extract_sentence(text, sentence.span.clone(), &index, &mut context, &mut out);
    }
    out
}

/// What earlier sentences tell about pronouns.
#[derive(Default)]
struct Context {
    /// The last person who spoke or acted: "he" and "she" refer to them.
    last_person: Option<(String, Option<usize>)>,
    /// The last group or plural actor: "they" refers to it.
    last_group: Option<(String, Option<usize>)>,
    /// Countries that acted so far, with counts: "we" in an official statement
    /// with no known speaker country is most likely the one acting most.
    country_actors: Vec<((String, Option<usize>), usize)>,
    /// Who issued the statement ("statement ... released by the Governments of
    /// X, Y and Z"): "we" with no speaker means them.
    authors: Option<(String, Option<usize>)>,
    /// The author named in a byline ("Antony J. Blinken, Secretary of State"
    /// opening a release): "we" and "I" with no other speaker.
    byline: Option<(String, Option<usize>)>,
}

/// The reported-speech frame of one sentence.
struct Speech {
    speaker: Option<(String, Option<usize>)>,
    /// Word index where the reported content starts.
    content_start: usize,
    /// Word index of the comma before a trailing "..., Li added.".
    tail_start: Option<usize>,
    /// Per word: inside an "if", "unless" or "whether" clause (up to its comma).
    conditional: Vec<bool>,
}

/// Marks the words of conditional clauses: from "if" to the next comma or "then".
fn conditional_words(text: &str, words: &[Word]) -> Vec<bool> {
    let mut inside = false;
    words
        .iter()
        .map(|w| {
            if word_in(text, w, &["if", "unless", "whether"]) {
                inside = true;
            } else if text.get(w.span.clone()) == Some(",") || word_is(text, w, "then") {
                inside = false;
            }
            inside
        })
        .collect()
}

/// A commitment found in a sentence, before its action is cut.
struct Found {
    kind: CommitmentKind,
    actor: (String, Option<usize>),
    /// Word index where this commitment's clause begins (cuts the previous action).
    region_start: usize,
    cue: (usize, usize),
    /// Word index where the action begins (after "urged X to").
    action_from: usize,
}

fn extract_sentence(
    text: &str,
    span: Span,
    index: &EntityIndex,
    context: &mut Context,
    out: &mut Vec<Commitment>,
) {
    let words = words::scan(text, span.clone());
    let sentence_text = text.get(span.clone()).unwrap_or("").trim_end();
    if let Some(authors) = statement_authors(text, &words) {
        context.authors = Some((authors, None));
    }
    let speech = speech(text, &words, index, context);
    if let Some((name, r)) = &speech.speaker
        && r.is_none_or(|r| {
            index
                .referents
                .get(r)
                .is_some_and(|x| x.kind == EntityKind::Person)
        })
    {
        context.last_person = Some((name.clone(), *r));
    }
    let question = sentence_text.ends_with('?')
        || sentence_text.ends_with("?\"")
        || sentence_text.ends_with("?\u{201d}");
    if question {
        return;
    }
    let mut found: Vec<Found> = Vec::new();
    let background = background_clause_end(text, &words);
    for m in triggers::find(text, &words) {
        // "While 54 nations have signed ..., only 27 ...": a concessive clause states background.
        if m.start < background {
            continue;
        }
        if let Some(f) = judge(text, &words, &m, &speech, &found, index, context) {
            found.push(f);
        }
    }
    // A plural subject ("Secretary Blinken and Foreign Minister Bustillo") is what a
    // later "they" most likely means.
    let plural_subject = np_after(text, &words, speech.content_start, index).and_then(|np| {
        let plural = words[np.0..np.1].iter().any(|w| word_is(text, w, "and"))
            || words.get(np.1 - 1).is_some_and(|w| {
                word_in(text, w, phrases::PARTY_NOUNS)
                    && text.get(w.span.clone()).is_some_and(|s| s.ends_with('s'))
            });
        let p = party(text, &words, np, index)?;
        (plural && p.pronoun.is_none()).then_some((p.name, p.referent))
    });
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
            speaker: speech.speaker.as_ref().map(|s| s.0.clone()),
            kind: f.kind,
            sentence: span.start..span.start + sentence_text.len(),
            trigger: first.span.start..last.span.end,
            action,
        });
        let is_group = f.actor.1.is_none() && !f.actor.0.is_empty();
        if is_group {
            context.last_group = Some(f.actor.clone());
        }
        let is_country = f
            .actor
            .1
            .and_then(|r| index.referents.get(r))
            .is_some_and(|r| r.kind == EntityKind::Place);
        if is_country {
            match context
                .country_actors
                .iter_mut()
                .find(|(a, _)| a.1 == f.actor.1)
            {
                Some((_, n)) => *n += 1,
                None => context.country_actors.push((f.actor.clone(), 1)),
            }
        }
    }
    if plural_subject.is_some() {
        context.last_group = plural_subject;
    }
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
    if m.end > speech.tail_start.unwrap_or(usize::MAX) {
        return None;
    }
    if modal_needs_verb(text, words, m, trig.name) {
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
    if trig.name == "let's" {
        return lets(text, words, m, speech, index, context);
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
    if before.is_some_and(|w| word_in(text, w, MODALS)) && (base || trig.name != "will") {
        return None;
    }
    // "Nicaraguans' calls for": after a possessive the cue is a noun.
    if before.is_some_and(|w| is_possessive(text, w)) {
        return None;
    }
    let own = np_before(text, words, left, index).filter(|np| np.1 == left);
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
    let coordinated = before_comma.is_none_or(|w| {
        (w.punct && text.get(w.span.clone()) == Some(",")) || word_in(text, w, &["and", "but"])
    }) && left > speech.content_start;
    // "urged X to act", "calls on X to act": X is who should act.
    let addressee = (trig.kind == CommitmentKind::Proposal && trig.name != "should/must")
        .then(|| addressee(text, words, m.end, index, speech, context))
        .flatten();
    // Weak cues ("asked", "the need for") are proposals only with a party to act:
    // "asked Japan to ...", not "asked about the case" or "the need for guardrails".
    let needs_party = matches!(trig.name, "asked to" | "stressed the need for" | "need to");
    if needs_party && addressee.as_ref().is_some_and(|a| a.2) {
        return None;
    }
    if trig.name == "asked to" && addressee.is_none() {
        return None;
    }
    let addressee = addressee.map(|(who, from, _)| (who, from));
    // "expressed China's willingness": the possessor is the actor.
    let possessor = m
        .possessor
        .and_then(|np| party(text, words, np, index))
        .and_then(|p| resolve(p, speech, context, index))
        .or_else(|| attributive_country(words, m, index));
    let named = addressee
        .as_ref()
        .map(|a| a.0.clone())
        .or_else(|| possessor.clone());
    let (actor, region_start) = if let Some(np) = own {
        let subject =
            party(text, words, np, index).and_then(|p| resolve(p, speech, context, index));
        (named.or(subject)?, np.0)
    } else if let Some(p) = possessor.clone().filter(|_| !coordinated) {
        // "Rubio and his team reiterated the United States' commitment to ...".
        (p, m.start)
    } else if let Some(a) = addressee.as_ref().filter(|_| !coordinated) {
        // "We are united in calling for the regime to end ...": the addressee acts.
        (a.0.clone(), m.start)
    } else if coordinated && !base {
        let inherited = named
            .or_else(|| earlier.last().map(|f| f.actor.clone()))
            .or_else(|| {
                let np = np_after(text, words, speech.content_start, index)?;
                resolve(party(text, words, np, index)?, speech, context, index)
            })?;
        (inherited, left.saturating_sub(1))
    } else {
        return None;
    };
    // "commitment to the alliance" is a stance kept; "commitment to help" a pledge.
    let kind = if matches!(
        trig.name,
        "reaffirmed commitment" | "reaffirmed commitment of"
    ) {
        let next = words.get(m.end);
        let stance = next.is_some_and(|w| {
            w.capital
                || word_in(text, w, phrases::DETERMINERS)
                || word_in(text, w, &["a", "an", "this"])
        });
        if stance {
            CommitmentKind::Support
        } else {
            CommitmentKind::Pledge
        }
    } else {
        trig.kind
    };
    Some(Found {
        kind,
        actor,
        region_start,
        cue: (m.start, m.end),
        action_from: addressee.map_or(m.end, |a| a.1),
    })
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
    let mut t = start;
    loop {
        let w = words.get(t)?;
        if t >= start + 14 || (w.punct && !is_possessive(text, w)) {
            return None;
        }
        // "to the conflict" continues the phrase; "to halt" ends it.
        let verb_follows = words
            .get(t + 1)
            .is_some_and(|n| !n.punct && !n.capital && !word_in(text, n, PP_DETERMINERS));
        if word_is(text, w, "to") && verb_follows && t > start {
            break;
        }
        t += 1;
    }
    let np = (start, t);
    let (first, last) = (words.get(np.0)?, words.get(np.1 - 1)?);
    if let Some(who) =
        party(text, words, np, index).and_then(|p| resolve(p, speech, context, index))
    {
        return Some((who, t + 1, false));
    }
    let raw = text.get(first.span.start..last.span.end)?.to_string();
    Some(((raw, None), t + 1, true))
}

/// "will" and "should" must govern a verb: not "the will of", not "will be held".
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
fn attributive_country(
    words: &[Word],
    m: &TriggerMatch,
    index: &EntityIndex,
) -> Option<(String, Option<usize>)> {
    let trig = TRIGGERS.get(m.trigger)?;
    if !matches!(
        trig.name,
        "reaffirmed commitment"
            | "reaffirmed support for"
            | "expressed willingness"
            | "pledged support"
    ) {
        return None;
    }
    (m.start + 1..m.end).find_map(|i| {
        let w = words.get(i)?;
        let e = index
            .covering(w.span.start)
            .filter(|e| e.kind == EntityKind::Place)?;
        let r = index.referent(e)?;
        Some((r.name.clone(), Some(e.referent)))
    })
}

/// A byline: the text's first paragraph is a person's name, a comma and a
/// short title ("Antony J. Blinken, Secretary of State").
fn byline(text: &str, entities: &[Entity]) -> Option<(String, Option<usize>)> {
    let first = text.trim_start();
    let offset = text.len() - first.len();
    let para = first.split("\n\n").next()?;
    let e = entities.first()?;
    let starts = e.span.start == offset && e.kind == EntityKind::Person;
    let rest = text.get(e.span.end..offset + para.len())?;
    let short =
        rest.starts_with(',') && rest.split_whitespace().count() <= 8 && !rest.contains('.');
    (starts && short)
        .then(|| Some((text.get(e.span.clone())?.to_string(), Some(e.referent))))
        .flatten()
}

/// Whether a reporting verb comes before word `at` in its clause: "Donfried
/// reaffirmed the United States would ...", "agreed that they would ...".
fn reported(text: &str, words: &[Word], at: usize) -> bool {
    const REPORTING: &[&str] = &[
        "reaffirmed",
        "affirmed",
        "reiterated",
        "assured",
        "confirmed",
        "agreed",
        "announced",
        "pledged",
        "promised",
        "vowed",
        "declared",
        "indicated",
        "signalled",
        "signaled",
        "made clear",
        "underscored",
        "emphasized",
        "emphasised",
        "stressed",
        "committed",
    ];
    let from = at.saturating_sub(15);
    (from..at)
        .rev()
        .map(|i| &words[i])
        .take_while(|w| !matches!(text.get(w.span.clone()), Some(";" | "." | ":")))
        .any(|w| word_in(text, w, SPEECH_VERBS) || word_in(text, w, REPORTING))
}

/// Who issued a statement, from "... statement (was released|issued) by X." or
/// "a joint statement by X following ...": the words after "by" to the end of
/// the sentence or the next clause word.
fn statement_authors(text: &str, words: &[Word]) -> Option<String> {
    let statement = words
        .iter()
        .position(|w| word_in(text, w, &["statement", "communique", "declaration"]))?;
    let by = (statement + 1..words.len().min(statement + 6))
        .find(|&i| word_is(text, &words[i], "by"))?;
    let from = by + 1;
    let mut end = from;
    while let Some(w) = words.get(end) {
        let stop = word_in(
            text,
            w,
            &["following", "after", "on", "in", "at", "to", "that"],
        ) || matches!(text.get(w.span.clone()), Some("." | ":" | ";"));
        if stop || end >= from + 30 {
            break;
        }
        end += 1;
    }
    let (first, last) = (words.get(from)?, words.get(end.checked_sub(1)?)?);
    (end > from && first.capital || words.get(from).is_some_and(|w| word_is(text, w, "the")))
        .then(|| {
            text.get(first.span.start..last.span.end)
                .map(str::to_string)
        })
        .flatten()
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
    ];
    let from = at.saturating_sub(12);
    (from..at)
        .rev()
        .map(|i| &words[i])
        .take_while(|w| !matches!(text.get(w.span.clone()), Some(";" | "." | ":")))
        .any(|w| word_in(text, w, BELIEF))
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
    })
}

/// Turns a party into an actor name, resolving pronouns.
fn resolve(
    p: Party,
    speech: &Speech,
    context: &Context,
    index: &EntityIndex,
) -> Option<(String, Option<usize>)> {
    match p.pronoun {
        None => Some((p.name, p.referent)),
        Some("he" | "she") => speech
            .speaker
            .clone()
            .filter(|s| s.1.is_some())
            .or_else(|| context.last_person.clone()),
        Some("i") => speech.speaker.clone().or_else(|| context.byline.clone()),
        Some("we") => we(speech, context, index),
        Some("they") => context.last_group.clone(),
        Some(_) => None,
    }
}

/// "We" in a statement: the speaker's country, else the country acting most so far,
/// else the speaker.
fn we(speech: &Speech, context: &Context, index: &EntityIndex) -> Option<(String, Option<usize>)> {
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
    let country = code.and_then(|code| {
        index
            .referents
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == EntityKind::Place && r.country == Some(code))
            .max_by_key(|(_, r)| r.mentions.len())
            .map(|(i, r)| (r.name.clone(), Some(i)))
    });
    let acting = context
        .country_actors
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(a, _)| a.clone());
    country.or(acting).or(speaker)
}

/// Finds who speaks: "Li said (that) ...", "..., Aliyev added.", "according to X".
fn speech(text: &str, words: &[Word], index: &EntityIndex, context: &Context) -> Speech {
    let mut frame = Speech {
        speaker: None,
        content_start: 0,
        tail_start: None,
        conditional: conditional_words(text, words),
    };
    let speaker_of = |np: (usize, usize)| {
        let p = party(text, words, np, index)?;
        let s = Speech {
            speaker: None,
            content_start: 0,
            tail_start: None,
            conditional: Vec::new(),
        };
        resolve(p, &s, context, index)
    };
    // Trailing: ", NP said." or ", said NP."
    let mut end = words.len();
    while end > 0 && words[end - 1].punct {
        end -= 1;
    }
    let window_start = end.saturating_sub(8);
    if let Some(comma) = (window_start..end)
        .rev()
        .find(|&i| text.get(words[i].span.clone()) == Some(","))
        && let Some(v) = (comma + 1..end).find(|&i| word_in(text, &words[i], SPEECH_VERBS))
    {
        let np = if v > comma + 1 {
            np_before(text, words, v, index)
        } else {
            np_after(text, words, v + 1, index)
        };
        if let Some(np) = np.filter(|np| np.0 > comma)
            && let Some(s) = speaker_of(np)
        {
            frame.speaker = Some(s);
            frame.tail_start = Some(comma);
            return frame;
        }
    }
    // Leading or inner: "NP said (that) ..."; "according to NP, ...".
    for v in 0..words.len() {
        let w = &words[v];
        if word_in(text, w, SPEECH_VERBS) {
            if let Some(np) = np_before(text, words, v, index).filter(|np| np.1 == v)
                && let Some(s) = speaker_of(np)
            {
                frame.speaker = Some(s);
                let mut c = v + 1;
                if words.get(c).is_some_and(|w| {
                    word_is(text, w, "that") || text.get(w.span.clone()) == Some(",")
                }) {
                    c += 1;
                }
                frame.content_start = c;
                return frame;
            }
        } else if word_is(text, w, "according")
            && words.get(v + 1).is_some_and(|w| word_is(text, w, "to"))
            && let Some(np) = np_after(text, words, v + 2, index)
            && let Some(s) = speaker_of(np)
        {
            frame.speaker = Some(s);
            return frame;
        }
    }
    frame
}

/// The action: words from `start` up to `limit`, cut at a clause break
/// (", thereby", ", so as to", ", which", ";") and trimmed.
fn action_span(text: &str, words: &[Word], start: usize, limit: usize) -> Option<Span> {
    let mut end = limit.min(words.len());
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
        let dangling =
            (w.punct && !is_possessive(text, w) && !matches!(s, "\"" | "\u{201d}" | ")"))
                || word_in(text, w, &["and", "or", "but"]);
        if dangling { end -= 1 } else { break }
    }
    let (first, last) = (words.get(start)?, words.get(end.checked_sub(1)?)?);
    (end > start).then_some(first.span.start..last.span.end)
}

#[cfg(test)]
mod tests;
