//! Reported speech around a commitment: who said it ("Li said ...", "...,
//! Aliyev added.", "according to X"), where the reported content starts, which
//! words sit in a conditional clause, and who issued a statement or signed a
//! release ("we" in it means them).

use super::actors::{Actor, Context, resolve};
use super::phrases::{
    EntityIndex, PRONOUNS, SPEECH_VERBS, appositive_subject, country_within, np_after, np_before,
    party, person_named_before, subject_before_verb,
};
use super::triggers::{word_in, word_is};
use super::words::{Signature, Word, WordSet, packed};
use crate::nlp::{Entity, EntityKind, Span};
use std::sync::LazyLock;

/// `SPEECH_VERBS` by hash: every word of every sentence is tested against it.
static SPEECH_VERB_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPEECH_VERBS));

/// The words a speech frame is found by (a speech verb, "according"), as a
/// [`Signature`]: most sentences hold none of them, and a sentence whose
/// signature misses them all has no frame, which a few `and`s tell before
/// any word is looked up. (None: some word has no key, so no sentence is ruled out.)
static REPORTING: LazyLock<Option<Signature>> = LazyLock::new(|| {
    let verbs = (*SPEECH_VERB_SIGNATURE)?;
    Some(verbs.with(&WordSet::new(&["according"]).signature()?))
});

/// `SPEECH_VERBS`' signature (see [`REPORTING`]).
static SPEECH_VERB_SIGNATURE: LazyLock<Option<Signature>> =
    LazyLock::new(|| SPEECH_VERB_SET.signature());

/// Whether a sentence with this signature may hold a speech verb or "according".
fn may_report(sentence: &Signature) -> bool {
    REPORTING.as_ref().is_none_or(|s| s.meets(sentence))
}

/// Whether a sentence with this signature may hold a speech verb.
fn may_hold_speech_verb(sentence: &Signature) -> bool {
    SPEECH_VERB_SIGNATURE.is_none_or(|s| s.meets(sentence))
}

/// The reported-speech frame of one sentence; the default is no speech.
#[derive(Default)]
pub struct Speech {
    pub speaker: Option<Actor>,
    /// Word index where the reported content starts.
    pub content_start: usize,
    /// Word index of the comma before a trailing "..., Li added.".
    pub tail_start: Option<usize>,
    /// Per word: inside an "if", "unless" or "whether" clause (up to its comma).
    /// Filled by the caller ([`conditional_words`]) only for a sentence with a
    /// cue to judge: most sentences have none.
    pub conditional: Vec<bool>,
    /// The speaker's country named in an appositive ("X, the president of Kenya, said").
    pub speaker_country: Option<Actor>,
}

/// Marks the words of conditional clauses: from "if" to the next comma or "then".
pub fn conditional_words(text: &str, words: &[Word], sentence: &Signature) -> Vec<bool> {
    // No "if", "unless" or "whether" in the sentence (most have none): no word is inside.
    if CONDITIONAL_SIGNATURE.is_some_and(|s| !s.meets(sentence)) {
        return vec![false; words.len()];
    }
    // Asked of every word of every sentence with a cue: the words by their
    // keys (`CONDITIONALS` is `word_in` of the list, `then` is `word_is`),
    // the comma among punctuation only.
    let then = packed(b"then");
    let mut inside = false;
    words
        .iter()
        .map(|w| {
            if CONDITIONALS.contains(text, w) {
                inside = true;
            } else if (w.punct && text.get(w.span.clone()) == Some(","))
                || (w.key != 0 && Some(w.key) == then)
            {
                inside = false;
            }
            inside
        })
        .collect()
}

/// The words opening a conditional clause, for [`conditional_words`].
static CONDITIONALS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["if", "unless", "whether"]));
static CONDITIONAL_SIGNATURE: LazyLock<Option<Signature>> =
    LazyLock::new(|| CONDITIONALS.signature());

/// A byline: the text's first paragraph is a person's name, a comma and a
/// short title ("Antony J. Blinken, Secretary of State").
pub fn byline(text: &str, entities: &[Entity]) -> Option<Actor> {
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
pub fn reported(text: &str, words: &[Word], at: usize) -> bool {
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
pub fn statement_authors(text: &str, words: &[Word], sentence: &Signature) -> Option<String> {
    // Most sentences name no statement: ruled out by their signature.
    if STATEMENT_SIGNATURE.is_some_and(|s| !s.meets(sentence)) {
        return None;
    }
    // The length filter first: this runs on every word of a sentence that may name one.
    let statement = words
        .iter()
        .position(|w| matches!(w.span.len(), 9..=11) && word_in(text, w, STATEMENT_WORDS))?;
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
        // Long enough for a statement of twenty governments listed by name.
        if stop || end >= from + 80 {
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

/// The nouns [`statement_authors`] looks for, and their signature.
const STATEMENT_WORDS: &[&str] = &["statement", "communique", "declaration"];
static STATEMENT_SIGNATURE: LazyLock<Option<Signature>> =
    LazyLock::new(|| WordSet::new(STATEMENT_WORDS).signature());

/// Who "we" are, from a sentence opening "We, the G7 Foreign Ministers of
/// Canada, France, ..., and the High Representative of the European Union
/// urge ...": the named group up to the first word in lower case that is no
/// joining word, and the words the apposition takes (with its commas), so
/// that the sentence reads "We urge ...". A statement that names itself so
/// means that group by "we" from then on, rather than whoever released it.
pub fn we_apposition(text: &str, words: &[Word]) -> Option<(String, std::ops::Range<usize>)> {
    const JOINING: &[&str] = &["the", "of", "and", "for", "on", "in"];
    // "We, the ...", also after a short opening phrase: "One year on, we, the ...".
    let comma = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| text.get(w.span.clone()) == Some(","))
    };
    let we = (0..8.min(words.len()))
        .find(|&i| word_is(text, &words[i], "we") && comma(i + 1) && (i == 0 || comma(i - 1)))?;
    let from = we + 2;
    let starts_named = words
        .get(from)
        .is_some_and(|w| w.capital || word_is(text, w, "the"));
    if !starts_named {
        return None;
    }
    let mut end = from;
    while let Some(w) = words.get(end) {
        let comma = text.get(w.span.clone()) == Some(",");
        // "the Proliferation Security Initiative (PSI)-endorsing States": an
        // acronym in brackets and a hyphen stay inside the name.
        let bracket = text
            .get(w.span.clone())
            .is_some_and(|s| s.starts_with(['(', ')', '-']));
        // "-endorsing": the word a hyphen joins to the name.
        let joined = end > from
            && text
                .get(words[end - 1].span.clone())
                .is_some_and(|s| s.ends_with('-'));
        let named = bracket || !w.punct && (w.capital || joined || word_in(text, w, JOINING));
        if !(comma || named) || end >= from + 40 {
            break;
        }
        end += 1;
    }
    // "We, the Heads of State participating in the Shield of the Americas,",
    // "we, the States listed above,": a participle or "who" right after the
    // name continues the apposition to its closing comma.
    let continues = words.get(end).is_some_and(|w| {
        let s = text.get(w.span.clone()).unwrap_or("");
        !w.capital && (s.ends_with("ing") || s.ends_with("ed") || s.eq_ignore_ascii_case("who"))
    }) && end > from
        && words.get(end - 1).is_some_and(|w| w.capital);
    if continues
        && let Some(comma) = (end..(end + 15).min(words.len())).find(|&i| words[i].punct)
        && text.get(words[comma].span.clone()) == Some(",")
    {
        end = comma;
    }
    // The aside runs to here, whatever the name keeps of it.
    let aside_end = end;
    // A name ends on a name word, not on a comma or a joining word.
    while end > from {
        let last = &words[end - 1];
        if last.capital && !word_is(text, last, "the") {
            break;
        }
        end -= 1;
    }
    let names = (from..end).filter(|&i| words[i].capital).count();
    let name = text.get(words.get(from)?.span.start..words.get(end.checked_sub(1)?)?.span.end)?;
    let closing = words
        .get(aside_end)
        .is_some_and(|w| text.get(w.span.clone()) == Some(","));
    (names >= 2).then(|| (name.to_string(), we + 1..aside_end + usize::from(closing)))
}

/// Words that may follow the speaker of a trailing tag: ", said Li on Monday".
const TAG_CONTINUATIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "while",
    "when",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "earlier",
    "later",
    "to",
    "from",
    "of",
    "according",
];

/// A quotation mark standing as its own word.
fn is_quote_mark(text: &str, w: &Word) -> bool {
    matches!(
        text.get(w.span.clone()),
        Some("\"" | "\u{201c}" | "\u{201d}" | "''" | "``" | "'" | "\u{2019}")
    )
}

/// Finds who speaks: "Li said (that) ...", "..., Aliyev added.", "according to X",
/// else the subject before a quotation led in by a colon or "saying".
pub fn speech(
    text: &str,
    words: &[Word],
    sentence: &Signature,
    index: &EntityIndex,
    context: &Context,
) -> Speech {
    let mut frame = tagged_speech(text, words, sentence, index, context);
    if frame.speaker.is_none()
        && let Some((speaker, at)) = lead_in_quote(text, words, index, context)
    {
        frame.speaker = Some(speaker);
        frame.content_start = at;
    }
    frame
}

/// Words that lead into a quotation in place of a speech tag: `O'Rourke
/// defended the plan, saying "we're going to ..."`.
const QUOTE_LEADS: &[&str] = &["saying", "adding", "stating", "declaring", "announcing"];

/// A quotation led in by a colon or "saying" where no speech verb names its
/// speaker: `he made the announcement: "I'm going to end my campaign"`. News
/// writes the speaker as the subject of the clause before it, so the speaker
/// is the nearest party before a word of that clause (skipping objects such
/// as "congratulated Pelosi,"); "he" there is the one person the sentence
/// names. Returns the speaker and the word where the quotation begins.
fn lead_in_quote(
    text: &str,
    words: &[Word],
    index: &EntityIndex,
    context: &Context,
) -> Option<(Actor, usize)> {
    // The sentence's first quote mark, which opens its quotation (most
    // sentences have none: punctuation is asked of first).
    let open = words
        .iter()
        .position(|w| w.punct && matches!(text.get(w.span.clone()), Some("\"" | "\u{201c}")))?;
    let mut lead = open.checked_sub(1)?;
    if word_is(text, &words[lead], "that") || text.get(words[lead].span.clone()) == Some(",") {
        lead = lead.checked_sub(1)?;
    }
    let led =
        text.get(words[lead].span.clone()) == Some(":") || word_in(text, &words[lead], QUOTE_LEADS);
    if !led {
        return None;
    }
    let no_speech = Speech::default();
    (1..lead)
        .rev()
        .find_map(|v| {
            let w = &words[v];
            if w.punct || w.capital {
                return None;
            }
            let np = np_before(text, words, v, index).filter(|np| np.1 == v)?;
            // "spoke to Smith when": a phrase after a preposition is no subject.
            let object =
                np.0.checked_sub(1)
                    .and_then(|i| words.get(i))
                    .is_some_and(|p| {
                        !p.punct
                            && !p.capital
                            && !word_in(text, p, &["and", "but", "when", "as", "while"])
                    });
            if object {
                return None;
            }
            let p = party(text, words, np, index)?;
            if matches!(p.pronoun, Some("he" | "she"))
                && let Some((name, r)) = person_named_before(words, np.0, None, index)
            {
                return Some((name, Some(r)));
            }
            if p.pronoun == Some("it") {
                return None;
            }
            resolve(p, &no_speech, context, index)
        })
        .map(|speaker| (speaker, open + 1))
}

/// The frame a speech verb or "according" gives.
fn tagged_speech(
    text: &str,
    words: &[Word],
    sentence: &Signature,
    index: &EntityIndex,
    context: &Context,
) -> Speech {
    let mut frame = Speech::default();
    // `conditional` is marked by the caller once the sentence is known to hold a cue.
    // Every frame below is found by a speech verb or "according": a sentence
    // holding neither (most) has none.
    if !may_report(sentence) {
        return frame;
    }
    let speaker_of = |np: (usize, usize)| {
        let p = party(text, words, np, index)?;
        let s = Speech::default();
        resolve(p, &s, context, index)
    };
    // Trailing: ", NP said." or ", said NP."
    let mut end = words.len();
    while end > 0 && words[end - 1].punct {
        end -= 1;
    }
    // Room for a tag with an appositive: `, said Delfin Lorenzana, the Defence Secretary`.
    let window_start = end.saturating_sub(12);
    // The last comma with a speech verb after it: in `"...," said Li, the
    // premier.` the appositive's comma comes later.
    if let Some((comma, v)) = (window_start..end)
        .rev()
        .filter(|&i| text.get(words[i].span.clone()) == Some(","))
        .find_map(|comma| {
            let v = (comma + 1..end).find(|&i| SPEECH_VERB_SET.contains(text, &words[i]))?;
            Some((comma, v))
        })
    {
        // `"...," said Li`: the quote mark closing the quotation is no part of the tag.
        let mut after = comma + 1;
        while after < v && is_quote_mark(text, &words[after]) {
            after += 1;
        }
        // "In a statement, the airline said it would ...": a verb with its
        // content after it leads, however late its comma comes.
        let leads = words
            .get(v + 1)
            .is_some_and(|w| word_in(text, w, PRONOUNS) || word_is(text, w, "that"))
            || words[v + 1..end]
                .iter()
                .take_while(|w| !w.punct)
                .any(|w| word_in(text, w, &["will", "would", "shall"]));
        let np = if leads {
            None
        } else if v > after {
            np_before(text, words, v, index)
        } else {
            // ", said Li." or ", said Li on Monday.": the name ends the tag. In
            // "Johnson, the premier, said his government will ..." the verb
            // opens the sentence's content instead.
            np_after(text, words, v + 1, index).filter(|np| {
                words
                    .get(np.1)
                    .is_none_or(|w| np.1 >= end || w.punct || word_in(text, w, TAG_CONTINUATIONS))
            })
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
        if SPEECH_VERB_SET.contains(text, w) {
            let direct = subject_before_verb(text, words, v, index);
            let appositive = direct
                .is_none()
                .then(|| appositive_subject(text, words, v, index))
                .flatten();
            if let Some(np) = direct.or(appositive)
                && let Some(s) = speaker_of(np)
            {
                frame.speaker = Some(s);
                frame.speaker_country =
                    appositive.and_then(|np| country_within(text, words, (np.1 + 1, v - 1), index));
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

/// A sentence opening with a quotation whose speech tag ends at a semicolon:
/// `"We will act," said Lorenzana, the defence secretary; he also urged ...`.
/// The tag closes the quotation's clause, so the sentence is read as two
/// clauses, split after the semicolon; otherwise the tag, stuck in the middle,
/// is read as part of the quoted action and its speaker is lost.
pub fn quote_tag_clauses(text: &str, span: Span) -> (Span, Option<Span>) {
    let whole = (span.clone(), None);
    let Some(s) = text.get(span.clone()) else {
        return whole;
    };
    let opens_quoted = s.trim_start().starts_with(['"', '\u{201c}']);
    let Some(semicolon) = s.find(';').filter(|_| opens_quoted) else {
        return whole;
    };
    let head = &s[..semicolon];
    let close = [",\"", ",\u{201d}"]
        .iter()
        .filter_map(|q| head.find(q).map(|i| i + q.len()))
        .min();
    let Some(close) = close else {
        return whole;
    };
    let tag = &head[close..];
    let words = tag.split_whitespace().count();
    let plain = !tag.contains(['"', '\u{201c}', '\u{201d}']);
    let spoken = tag
        .split(|c: char| !c.is_alphabetic())
        .any(|w| SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)));
    if !(plain && spoken && (2..=12).contains(&words)) {
        return whole;
    }
    let cut = span.start + semicolon + 1;
    (span.start..cut, Some(cut..span.end))
}

/// A speech tag that interrupts a quotation and splits its clause:
/// `"We stand ready," she said, "to help."` or `"We stand ready" tweeted
/// Johnson "to provide ..."`. Returns the words to drop so that the quotation
/// reads as one clause again (from the comma before the closing quote through
/// the reopening quote) and the speaker named in the tag.
pub fn interrupting_tag(
    text: &str,
    words: &[Word],
    sentence: &Signature,
    index: &EntityIndex,
    context: &Context,
) -> Option<(std::ops::Range<usize>, Option<Actor>)> {
    // A tag holds a speech verb: most sentences have none.
    if !may_hold_speech_verb(sentence) {
        return None;
    }
    // Asked of every word: a quote mark is punctuation, so other words are
    // turned aside before their text is read.
    let is_quote = |i: usize| {
        words
            .get(i)
            .filter(|w| w.punct)
            .and_then(|w| text.get(w.span.clone()))
            .is_some_and(|s| matches!(s, "\"" | "\u{201c}" | "\u{201d}"))
    };
    let is_comma = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| text.get(w.span.clone()) == Some(","))
    };
    // A closing quote inside the sentence (never its first word).
    let after_words = |i: usize| words.get(i - 1).is_some_and(|w| !w.punct) || is_comma(i - 1);
    for close in (1..words.len()).filter(|&i| is_quote(i) && after_words(i)) {
        let from = close + 1 + usize::from(is_comma(close + 1));
        // The tag: a few plain words with a speech verb, then the reopening quote.
        let Some(reopen) = (from..words.len().min(from + 8)).find(|&i| words[i].punct) else {
            continue;
        };
        let tag_end = reopen;
        let reopen = reopen + usize::from(is_comma(reopen));
        let resumes = words.get(reopen + 1).is_some_and(|w| !w.punct);
        if !is_quote(reopen) || !resumes || tag_end == from {
            continue;
        }
        let Some(v) = (from..tag_end).find(|&i| SPEECH_VERB_SET.contains(text, &words[i])) else {
            continue;
        };
        let np = if v > from {
            np_before(text, words, v, index).filter(|np| np.0 >= from)
        } else {
            np_after(text, words, v + 1, index).filter(|np| np.1 <= tag_end)
        };
        let no_speech = Speech::default();
        let speaker = np
            .and_then(|np| party(text, words, np, index))
            .and_then(|p| resolve(p, &no_speech, context, index));
        let drop_from = if is_comma(close - 1) {
            close - 1
        } else {
            close
        };
        return Some((drop_from..reopen + 1, speaker));
    }
    None
}
