//! Who: noun phrases around a commitment cue (its subject, a sentence's main
//! subject, the speaker of reported speech) and what they refer to.

use super::members::{self, Members};
use super::triggers::{ADVERBS, word_in, word_is};
use super::words::{Word, is_possessive};
use crate::nlp::gazetteer::Gazetteer;
use crate::nlp::sentence::Sentence;
use crate::nlp::token::abbrev::{self, AbbrevKind};
use crate::nlp::{Entity, EntityKind, Referent, Span};

pub const DETERMINERS: &[&str] = &[
    "the",
    "both",
    "all",
    "two",
    "three",
    "four",
    "five",
    "these",
    "those",
    "its",
    "their",
    "our",
    "his",
    "her",
    "each",
    "several",
    "many",
    "other",
    "some",
    "respective",
];

/// Nouns that name a party able to commit: "the two sides", "the leaders".
pub const PARTY_NOUNS: &[&str] = &[
    "side",
    "sides",
    "country",
    "countries",
    "nation",
    "nations",
    "leader",
    "leaders",
    "president",
    "presidents",
    "minister",
    "ministers",
    "government",
    "governments",
    "party",
    "parties",
    "administration",
    "delegation",
    "delegations",
    "officials",
    "partners",
    "counterpart",
    "counterparts",
    "representatives",
    "delegates",
    "negotiators",
    "diplomats",
    "lawmakers",
    "legislators",
    "envoy",
    "envoys",
    "ambassador",
    "ambassadors",
    "allies",
    "proxies",
    "secretary",
    "premier",
    "chancellor",
    "king",
    "queen",
    "ministry",
    "department",
    "council",
    "members",
    "states",
    "participants",
    "signatories",
    "governor",
    "mayor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "foreign",
    "prime",
    "general",
    "heads",
    "parliament",
    "senate",
    "congress",
    "army",
    "military",
    "forces",
    "authorities",
    "community",
    "powers",
    "donors",
    "regimes",
    "regime",
    "coalition",
    "alliance",
    "team",
    "teams",
    "embassy",
    "committee",
    "commission",
];

/// Head nouns of bodies that news reports acting on their own account:
/// "Police will reopen the road", "the airline plans to resume flights",
/// "organisers said they would ...". Kept apart from `PARTY_NOUNS`: they make
/// a party only as the head of a phrase that is not indefinite ("a company
/// will ..." is anyone's).
pub const BODY_NOUNS: &[&str] = &[
    "police",
    "company",
    "companies",
    "firm",
    "firms",
    "corporation",
    "agency",
    "agencies",
    "airline",
    "airlines",
    "bank",
    "banks",
    "court",
    "tribunal",
    "board",
    "union",
    "unions",
    "club",
    "league",
    "federation",
    "association",
    "organisation",
    "organization",
    "organisers",
    "organizers",
    "firefighters",
    "rescuers",
    "investigators",
    "prosecutors",
    "regulator",
    "regulators",
    "operator",
    "broadcaster",
    "network",
    "charity",
    "foundation",
    "institute",
    "university",
    "hospital",
    "manufacturer",
    "carmaker",
    "automaker",
    "insurer",
    "retailer",
    "church",
    "office",
    "group",
    "cabinet",
    "panel",
    "watchdog",
    "bureau",
];

/// Words opening a phrase that names no one in particular: "a company", "any club".
const INDEFINITE: &[&str] = &[
    "a", "an", "any", "every", "each", "no", "some", "many", "most", "few", "other", "such",
];

/// Whether `words[a..b]` names a body by its head noun: "Police", "local
/// firefighters", "the airline". A singular head needs a determiner, a
/// possessive or a name ("no person, firm or corporation shall ..." names none),
/// and an indefinite phrase is anyone's ("a company will ...").
pub fn body_named(text: &str, words: &[Word], (a, b): (usize, usize)) -> bool {
    let (Some(first), Some(head)) = (words.get(a), b.checked_sub(1).and_then(|i| words.get(i)))
    else {
        return false;
    };
    if !word_in(text, head, BODY_NOUNS) || word_in(text, first, INDEFINITE) {
        return false;
    }
    let plural = text
        .get(head.span.clone())
        .is_some_and(|s| s.ends_with('s') || s.eq_ignore_ascii_case("police"));
    plural
        || words[a..b - 1]
            .iter()
            .any(|w| w.capital || is_possessive(text, w) || word_in(text, w, DETERMINERS))
}

/// Whether a body is named without a determiner ("internet companies",
/// "Police"): a class, or a body only when it acts.
pub fn bare_body(text: &str, words: &[Word], (a, b): (usize, usize)) -> bool {
    body_named(text, words, (a, b))
        && !words[a..b]
            .iter()
            .any(|w| is_possessive(text, w) || word_in(text, w, DETERMINERS))
}

/// Whether a word heads a phrase naming a party: a party noun or a body.
fn party_noun(text: &str, w: &Word) -> bool {
    word_in(text, w, PARTY_NOUNS) || word_in(text, w, BODY_NOUNS)
}

/// Words that end a noun phrase read leftwards even before a party noun.
const NP_STOPS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "but",
    "or",
    "not",
    "also",
    "than",
    "then",
    "when",
    "while",
    "after",
    "before",
    "since",
    "because",
    "if",
    "said",
    "says",
    "noted",
    "added",
    "stressed",
    "told",
    "urged",
    "called",
    "asked",
    "reaffirmed",
    "affirmed",
    "reiterated",
    "assured",
    "confirmed",
    "agreed",
    "announced",
    "underscored",
    "emphasized",
    "emphasised",
    "believes",
    "believed",
    "expects",
    "expected",
    "hopes",
    "hoped",
    "warned",
    "pledged",
    "promised",
    "vowed",
    "declared",
    "insisted",
    "stated",
    "wrote",
];

/// Head nouns of things that cannot bind themselves: "the Framework will ...".
const NON_AGENT_HEADS: &[&str] = &[
    "framework",
    "initiative",
    "agreement",
    "act",
    "plan",
    "strategy",
    "partnership",
    "dialogue",
    "program",
    "programme",
    "project",
    "summit",
    "declaration",
    "treaty",
    "accord",
    "charter",
    "law",
    "statement",
    "process",
    "mechanism",
    "meeting",
    "talks",
    "visit",
    "deal",
    "policy",
    "pledge",
    "memorandum",
    "conference",
    "agreements",
    "frameworks",
    "treaties",
    "accords",
    "charters",
    "memoranda",
    "declarations",
];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Verbs that report speech: "Li said", "..., Aliyev added."
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "noted",
    "notes",
    "added",
    "adds",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "affirmed",
    "told",
    "tells",
    "pointed",
    "underlined",
    "highlighted",
    "declared",
    "explained",
    "wrote",
    "remarked",
    "observed",
    "insisted",
    "assured",
    "stated",
    "warned",
    "tweeted",
    "posted",
    "replied",
    "responded",
    "argued",
    "claimed",
];

/// Words that can open a sentence without being part of its subject.
const OPENERS: &[&str] = &[
    "meanwhile",
    "however",
    "also",
    "then",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "yet",
    "now",
    "today",
    "earlier",
    "later",
    "last",
    "this",
    "that",
    "moreover",
    "furthermore",
    "instead",
    "separately",
    "additionally",
    "finally",
    "first",
    "second",
    "third",
];

/// What a noun phrase refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    pub name: String,
    pub referent: Option<usize>,
    pub kind: Option<EntityKind>,
    /// A pronoun ("he", "they", "we") still to be resolved.
    pub pronoun: Option<&'static str>,
}

/// Looks up entities by span: entities are sorted by start.
pub struct EntityIndex<'a> {
    /// The whole text the spans point into.
    pub text: &'a str,
    /// The article's title (how to write a country the body names only by
    /// its people: "Turkey's President ..." over a body saying "Turkish").
    pub title: &'a str,
    pub entities: &'a [Entity],
    pub referents: &'a [Referent],
    /// The text's sentences (the meeting a group's members come from).
    pub sentences: &'a [Sentence],
    /// The members of the groups named so far (see [`super::members`]).
    pub members: Members,
}

impl EntityIndex<'_> {
    /// Entities lying inside `span`, in order.
    pub fn within(&self, span: &Span) -> &[Entity] {
        let lo = self.entities.partition_point(|e| e.span.start < span.start);
        let hi = self.entities.partition_point(|e| e.span.start < span.end);
        let slice = self.entities.get(lo..hi.max(lo)).unwrap_or(&[]);
        let n = slice.iter().take_while(|e| e.span.end <= span.end).count();
        slice.get(..n).unwrap_or(&[])
    }

    /// The entity covering byte `pos`, if any.
    pub fn covering(&self, pos: usize) -> Option<&Entity> {
        let i = self.entities.partition_point(|e| e.span.start <= pos);
        let e = self.entities.get(i.checked_sub(1)?)?;
        (e.span.end > pos).then_some(e)
    }

    pub fn referent(&self, e: &Entity) -> Option<&Referent> {
        self.referents.get(e.referent)
    }
}

fn np_word(text: &str, w: &Word) -> bool {
    w.capital
        || is_possessive(text, w)
        || word_in(text, w, DETERMINERS)
        || party_noun(text, w)
        || word_in(text, w, &["of", "and"])
        || text
            .get(w.span.clone())
            .is_some_and(|s| s.chars().all(|c| c.is_ascii_digit()))
}

/// Whether word `i` may belong to a noun phrase at all (the sentence's first
/// word only when it is a determiner, a party noun or a named entity).
fn admissible(text: &str, words: &[Word], i: usize, index: &EntityIndex) -> bool {
    let Some(w) = words.get(i) else { return false };
    if title_period(text, words, i) {
        return true;
    }
    if w.punct && !is_possessive(text, w) {
        return false;
    }
    if i == 0 && w.capital && word_in(text, w, OPENERS) {
        return false;
    }
    if w.capital && word_in(text, w, OPENERS) && index.covering(w.span.start).is_none() {
        return false;
    }
    np_word(text, w)
}

/// Whether word `i` is the period of a title written short ("Mr.", "Dr.",
/// "Gen."): it belongs to the name the title opens, so "The President and
/// Mr. Finer" is one phrase, not one cut at the period.
fn title_period(text: &str, words: &[Word], i: usize) -> bool {
    let (Some(w), Some(title)) = (words.get(i), i.checked_sub(1).and_then(|t| words.get(t))) else {
        return false;
    };
    w.punct
        && title.span.end == w.span.start
        && text.get(w.span.clone()) == Some(".")
        && text
            .get(title.span.clone())
            .is_some_and(|t| abbrev::kind(t) == Some(AbbrevKind::Title))
}

/// The noun phrase ending right before word `end` (exclusive), as word indices.
pub fn np_before(
    text: &str,
    words: &[Word],
    end: usize,
    index: &EntityIndex,
) -> Option<(usize, usize)> {
    let last = words.get(end.checked_sub(1)?)?;
    if word_in(text, last, PRONOUNS) {
        return Some((end - 1, end));
    }
    // "the international community": plain adjectives may precede a party noun.
    let party_head = party_noun(text, last);
    let mut adjectives = 0;
    let mut k = end;
    while k > 0 && end - k < 12 {
        let w = &words[k - 1];
        if word_in(text, w, PRONOUNS) {
            // "she and President Biden look forward": a person's pronoun joined
            // to a name opens the subject (see [`party`]).
            let joined = k + 1 < end
                && word_in(text, w, &["he", "she"])
                && word_is(text, &words[k], "and")
                && words[k + 1].capital;
            if joined {
                k -= 1;
            }
            break;
        }
        if !admissible(text, words, k - 1, index) {
            let adjective = party_head
                && adjectives < 3
                && !w.punct
                && !w.capital
                && !word_in(text, w, NP_STOPS)
                && !word_in(text, w, SPEECH_VERBS);
            if !adjective {
                break;
            }
            adjectives += 1;
        }
        k -= 1;
        // An article opens its phrase: in "a person the whole country will
        // miss" the phrase is "the whole country" ("of the", "and the" go on).
        let article = word_in(text, w, &["the", "a", "an"]);
        let joined = k.checked_sub(1).and_then(|i| words.get(i)).is_none_or(|p| {
            p.punct || word_in(text, p, &["of", "and", "or"]) || is_possessive(text, p)
        });
        if article && !joined {
            break;
        }
    }
    if k == end {
        return plain_complement(text, words, end, index);
    }
    let k = name_start(text, words, k, index);
    let k = list_start(text, words, k, end, index);
    // "officials from both countries": a party noun with where it comes from.
    if k >= 2
        && word_is(text, &words[k - 1], "from")
        && word_in(text, &words[k - 2], PARTY_NOUNS)
        && let Some(np) = np_before(text, words, k - 1, index).filter(|np| np.1 == k - 1)
    {
        return trim_np(text, words, np.0, end);
    }
    trim_np(text, words, k, end)
}

/// "The U.S. National Telecommunications and Information Administration and
/// Japan's Ministry ... committed": a phrase cut off by its length inside a
/// name opens where the name does (with its article).
fn name_start(text: &str, words: &[Word], k: usize, index: &EntityIndex) -> usize {
    let Some(e) = words.get(k).and_then(|w| index.covering(w.span.start)) else {
        return k;
    };
    let Some(first) = (0..k)
        .rev()
        .take(8)
        .take_while(|&i| words[i].span.start >= e.span.start)
        .last()
    else {
        return k;
    };
    match first.checked_sub(1) {
        Some(i) if word_is(text, &words[i], "the") => i,
        _ => first,
    }
}

/// "China, Iran, and Russia have pledged": the named parties listed with
/// commas before the phrase `words[k..end]`, which holds the list's "and".
/// Returns where the list starts, or `k` when no list opens the clause: in
/// "In Beijing, China and Russia agreed" the words before the comma hang on
/// a preposition and are no party.
fn list_start(text: &str, words: &[Word], k: usize, end: usize, index: &EntityIndex) -> usize {
    if !words[k..end].iter().any(|w| word_is(text, w, "and")) {
        return k;
    }
    let is_comma = |i: usize| text.get(words[i].span.clone()) == Some(",");
    let named = |i: usize| {
        let w = &words[i];
        w.capital && !w.punct && index.covering(w.span.start).is_some()
    };
    let mut start = k;
    while start >= 2 && is_comma(start - 1) {
        // One named item before the comma: "Iran", "the United States".
        let mut item = start - 1;
        while item > 0 && start - 1 - item < 5 && named(item - 1) {
            item -= 1;
        }
        if item == start - 1 {
            break;
        }
        if item > 0 && word_is(text, &words[item - 1], "the") {
            item -= 1;
        }
        start = item;
    }
    let opens_clause = start == 0
        || words[start - 1].punct && !is_possessive(text, &words[start - 1])
        || word_in(text, &words[start - 1], &["that"]);
    if start < k && opens_clause { start } else { k }
}

/// "the ministers of trade", "heads of state": a party noun with a plain
/// complement after "of", ending right before word `end`.
fn plain_complement(
    text: &str,
    words: &[Word],
    end: usize,
    index: &EntityIndex,
) -> Option<(usize, usize)> {
    let of = (end.saturating_sub(4)..end)
        .rev()
        .find(|&i| word_is(text, &words[i], "of"))?;
    let plain = (of + 1..end).all(|i| {
        let w = &words[i];
        !w.punct && !w.capital && !word_in(text, w, NP_STOPS) && !word_in(text, w, SPEECH_VERBS)
    });
    let party_head = of
        .checked_sub(1)
        .is_some_and(|h| word_in(text, &words[h], PARTY_NOUNS));
    if !plain || !party_head || of + 1 == end {
        return None;
    }
    let np = np_before(text, words, of, index).filter(|np| np.1 == of)?;
    Some((np.0, end))
}

/// The named subject before an appositive or a clause between commas that
/// ends right before word `end`: "Bruno Parrilla, the foreign minister of
/// Cuba, responded", "Hurley and Behnken, when they depart, plan to".
pub fn appositive_subject(
    text: &str,
    words: &[Word],
    end: usize,
    index: &EntityIndex,
) -> Option<(usize, usize)> {
    let is_comma = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| text.get(w.span.clone()) == Some(","))
    };
    let close = end.checked_sub(1).filter(|&c| is_comma(c))?;
    // Room for an appositive with a relative clause: "O'Rourke, a former
    // Representative who gained recognition during his run against Ted Cruz,".
    let mut open = (close.saturating_sub(24)..close)
        .rev()
        .find(|&j| is_comma(j))?;
    // "Plotena, the mayor of Esperanza, Sultan Kudarat, announced": a place
    // named with its region closes the appositive at the comma before it.
    let all_capital = |a: usize, b: usize| {
        words
            .get(a..b)
            .is_some_and(|ws| ws.iter().all(|w| w.capital))
    };
    if close > open + 1
        && all_capital(open + 1, close)
        && let Some(earlier) = (open.saturating_sub(8)..open).rev().find(|&j| is_comma(j))
    {
        open = earlier;
    }
    let first = words.get(open + 1)?;
    // An appositive ("the foreign minister of Cuba") or a clause of time
    // about the subject ("when they depart", "once it is signed").
    if !word_in(
        text,
        first,
        &[
            "the", "a", "an", "its", "his", "her", "their", "when", "once", "while", "after",
            "before",
        ],
    ) {
        return None;
    }
    let np = np_before(text, words, open, index).filter(|np| np.1 == open)?;
    let span = words.get(np.0)?.span.start..words.get(np.1 - 1)?.span.end;
    (!index.within(&span).is_empty()).then_some(np)
}

/// The first country named in `words[a..b]`, as an actor.
pub fn country_within(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    index: &EntityIndex,
) -> Option<(String, Option<usize>)> {
    let span = words.get(a)?.span.start..words.get(b.checked_sub(1)?)?.span.end;
    index.within(&span).iter().find_map(|e| {
        let name = text.get(e.span.clone())?;
        let code = (e.kind == EntityKind::Place)
            .then(|| Gazetteer::get().country_by_name(name))
            .flatten()?;
        Some((super::actors::country_name(name, code), Some(e.referent)))
    })
}

/// The noun phrase starting at word `start`: the subject of a clause.
pub fn np_after(
    text: &str,
    words: &[Word],
    start: usize,
    index: &EntityIndex,
) -> Option<(usize, usize)> {
    let mut s = start;
    while words.get(s).is_some_and(|w| w.punct) {
        s += 1;
    }
    let first = words.get(s)?;
    if word_in(text, first, PRONOUNS) {
        return Some((s, s + 1));
    }
    // "Ghana's defence minister X": a plain adjective before a party noun.
    // The party noun after it is tested first: most words have none.
    let adjective = |k: usize| {
        let w = &words[k];
        k > s
            && !w.punct
            && !w.capital
            && words
                .get(k + 1)
                .is_some_and(|n| !n.capital && party_noun(text, n))
            && !word_in(text, w, NP_STOPS)
            && !word_in(text, w, SPEECH_VERBS)
    };
    let mut k = s;
    while k < words.len() && k - s < 12 && (admissible(text, words, k, index) || adjective(k)) {
        if k > s && word_in(text, &words[k], PRONOUNS) {
            break;
        }
        k += 1;
    }
    trim_np(text, words, s, k)
}

/// Drops dangling "of", "and" and possessives at either end.
fn trim_np(text: &str, words: &[Word], mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && (word_in(text, &words[a], &["of", "and"]) || is_possessive(text, &words[a])) {
        a += 1;
    }
    while a < b && word_in(text, &words[b - 1], &["of", "and", "the"]) {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

/// Words that name a storm: "Hurricane Lorenzo will bring rain" predicts, it binds no one.
const WEATHER: &[&str] = &[
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "tropical",
    "tornado",
    "blizzard",
];

/// Verbs that report what their subject says or means to do: a pronoun right
/// after one ("announced he will", "saying that she would") is most likely
/// that subject.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "saying",
    "announced",
    "announces",
    "announcing",
    "added",
    "adding",
    "stated",
    "stating",
    "declared",
    "insisted",
    "insisting",
    "confirmed",
    "reiterated",
    "indicated",
    "revealed",
    "explained",
    "argued",
    "claimed",
    "warned",
    "told",
    "tweeted",
    "wrote",
];

/// The subject a contraction carries: "we're" and "We'll" -> "we", "I'm" -> "i".
pub fn contracted_subject(text: &str, w: &Word) -> Option<&'static str> {
    let s = text.get(w.span.clone())?;
    let (subject, verb) = s.split_once(['\'', '\u{2019}'])?;
    if !["re", "ll", "m"]
        .iter()
        .any(|v| verb.eq_ignore_ascii_case(v))
    {
        return None;
    }
    PRONOUNS
        .iter()
        .copied()
        .find(|p| *p != "it" && subject.eq_ignore_ascii_case(p))
}

/// "Planned Parenthood, along with the ACLU(,) have announced": the subject
/// is the first party and the one "along with" (or "together with") adds acts
/// with it. Returns both phrases for the verb at word `left`.
pub fn accompanied_subject(
    text: &str,
    words: &[Word],
    left: usize,
    index: &EntityIndex,
) -> Option<((usize, usize), (usize, usize))> {
    let is_comma = |i: usize| text.get(words[i].span.clone()) == Some(",");
    // The aside's closing comma is often left out.
    let end = match left.checked_sub(1) {
        Some(c) if is_comma(c) => c,
        _ => left,
    };
    let partner = np_before(text, words, end, index).filter(|np| np.1 == end)?;
    let with = partner.0.checked_sub(1)?;
    let along = with.checked_sub(1)?;
    let comma = along.checked_sub(1)?;
    let aside = word_is(text, &words[with], "with")
        && word_in(text, &words[along], &["along", "together"])
        && is_comma(comma);
    if !aside {
        return None;
    }
    let first = np_before(text, words, comma, index).filter(|np| np.1 == comma)?;
    Some((first, partner))
}

/// The subject ending right before verb `v`, also across the auxiliaries,
/// adverbs and time phrase news puts between them: "The company has also
/// said", "the ministry on Monday said" (there "Monday" is no subject).
pub fn subject_before_verb(
    text: &str,
    words: &[Word],
    v: usize,
    index: &EntityIndex,
) -> Option<(usize, usize)> {
    let end = skip_adverbs_left(text, words, v);
    np_before(text, words, end, index).filter(|np| np.1 == end && np.0 < end)
}

/// Whether word `at` follows a reporting verb, directly or after "that".
fn reported_by_before(text: &str, words: &[Word], at: usize) -> bool {
    reporting_verb_before(text, words, at).is_some()
}

/// The reporting verb word `at` follows, directly, after "that", or after
/// the short phrase of time or channel news puts there: "said Thursday he
/// would", "announced on Tuesday that it will", "said on Twitter that she".
fn reporting_verb_before(text: &str, words: &[Word], at: usize) -> Option<usize> {
    const OPENERS: &[&str] = &[
        "on",
        "in",
        "at",
        "via",
        "during",
        "last",
        "this",
        "earlier",
        "yesterday",
        "today",
        "tonight",
    ];
    let mut k = at;
    if k > 0 && word_is(text, &words[k - 1], "that") {
        k -= 1;
    }
    let verb = |i: usize| words.get(i).is_some_and(|w| word_in(text, w, REPORTING));
    if k.checked_sub(1).is_some_and(verb) {
        return Some(k - 1);
    }
    (1..=4).find_map(|len| {
        let start = k.checked_sub(len)?;
        let v = start.checked_sub(1).filter(|&v| verb(v))?;
        let phrase = &words[start..k];
        let opens = word_in(text, &phrase[0], OPENERS) || word_in(text, &phrase[0], WEEKDAYS);
        let plain = phrase
            .iter()
            .all(|w| !w.punct && !word_in(text, w, PRONOUNS) && !word_in(text, w, REPORTING));
        (opens && plain).then_some(v)
    })
}

/// The one person the sentence names before word `at` (several mentions of
/// one person count once), leaving out those inside `skip` (a clause's own
/// subject); `None` when it names none or several.
pub fn person_named_before(
    words: &[Word],
    at: usize,
    skip: Option<(usize, usize)>,
    index: &EntityIndex,
) -> Option<(String, usize)> {
    let start = words.first()?.span.start;
    let end = words.get(at)?.span.start;
    let skipped = skip
        .and_then(|(a, b)| Some(words.get(a)?.span.start..words.get(b.checked_sub(1)?)?.span.end));
    let mut found: Option<usize> = None;
    for e in index.within(&(start..end)) {
        let inside_skip = skipped
            .as_ref()
            .is_some_and(|r| e.span.start >= r.start && e.span.end <= r.end);
        if e.kind != EntityKind::Person || inside_skip {
            continue;
        }
        match found {
            Some(r) if r != e.referent => return None,
            _ => found = Some(e.referent),
        }
    }
    let r = found?;
    Some((index.referents.get(r)?.name.clone(), r))
}

/// The subject of the reporting verb before word `at` ("announced", "said
/// that"): with `plural`, when it names several parties ("Biden and Sanders",
/// "the two leaders"), who "they" after the verb means; else one party that is
/// no person ("the ministry"), who "it" means.
fn reporting_subject(
    text: &str,
    words: &[Word],
    at: usize,
    index: &EntityIndex,
    plural: bool,
) -> Option<Party> {
    let verb = reporting_verb_before(text, words, at)?;
    let np = subject_before_verb(text, words, verb, index)?;
    let (a, b) = np;
    let head = &words[b - 1];
    let plural_body = word_in(text, head, BODY_NOUNS)
        && text
            .get(head.span.clone())
            .is_some_and(|s| s.ends_with('s') || s.eq_ignore_ascii_case("police"));
    let several = words[a..b]
        .iter()
        .any(|w| word_in(text, w, &["and", "both"]))
        || plural_party_noun(text, head)
        || plural_body;
    if several != plural || words[a..b].iter().any(|w| word_in(text, w, PRONOUNS)) {
        return None;
    }
    party(text, words, np, index)
        .filter(|p| p.pronoun.is_none() && (plural || p.kind != Some(EntityKind::Person)))
}

/// What the noun phrase `words[a..b]` names, or `None` when it is no party
/// that can commit ("the meeting", "prices").
pub fn party(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    index: &EntityIndex,
) -> Option<Party> {
    let first = words.get(a)?;
    let last = words.get(b.checked_sub(1)?)?;
    // "Both noted their commitment ...": "both" or "all" alone means "they".
    if b - a == 1 && word_in(text, first, &["both", "all"]) {
        return Some(Party {
            name: String::new(),
            referent: None,
            kind: None,
            pronoun: Some("they"),
        });
    }
    // "He and Foreign Minister Motegi committed": the one "he" means and the
    // person named beside him (resolved in `actors::resolve`).
    // Beside anyone else ("he and Russia") the named party alone, as before.
    if b - a >= 3 && word_in(text, first, &["he", "she"]) && word_is(text, &words[a + 1], "and") {
        let other = party(text, words, (a + 2, b), index)?;
        let person = other.kind == Some(EntityKind::Person) && other.pronoun.is_none();
        return Some(if person {
            Party {
                pronoun: Some("he and"),
                ..other
            }
        } else {
            other
        });
    }
    let carried = (b - a == 1)
        .then(|| contracted_subject(text, first))
        .flatten();
    if b - a == 1 && (carried.is_some() || word_in(text, first, PRONOUNS)) {
        let p = carried.or_else(|| PRONOUNS.iter().copied().find(|p| word_is(text, first, p)))?;
        if p == "it" {
            // "The Kenyan government announced it will ...": the reporting
            // verb's subject, before any place the sentence names.
            if reported_by_before(text, words, a)
                && let Some(subject) = reporting_subject(text, words, a, index, false)
            {
                return Some(subject);
            }
            // "The SDF announced it had ...": the nearest organisation or place before.
            let sentence_start = words.first().map_or(0, |w| w.span.start);
            let i = index
                .entities
                .partition_point(|e| e.span.end <= first.span.start);
            let e = index.entities[..i]
                .iter()
                .rev()
                .take_while(|e| e.span.start >= sentence_start)
                .find(|e| matches!(e.kind, EntityKind::Org | EntityKind::Place));
            // With none named, "it" may still be the speaker: "The Ministry said it would ...".
            let Some((e, r)) = e.and_then(|e| Some((e, index.referent(e)?))) else {
                return Some(Party {
                    name: String::new(),
                    referent: None,
                    kind: None,
                    pronoun: Some("it"),
                });
            };
            return Some(Party {
                name: r.name.clone(),
                referent: Some(e.referent),
                kind: Some(e.kind),
                pronoun: None,
            });
        }
        // "Corbyn announced he will not seek ...": the one person the sentence
        // named before its reporting verb, not whoever was named last before.
        if matches!(p, "he" | "she")
            && reported_by_before(text, words, a)
            && let Some((name, referent)) = person_named_before(words, a, None, index)
        {
            return Some(Party {
                name,
                referent: Some(referent),
                kind: Some(EntityKind::Person),
                pronoun: None,
            });
        }
        // "Biden and Sanders announced they were to ...": "they" right after a
        // reporting verb is that verb's subject when it names several parties.
        if p == "they"
            && reported_by_before(text, words, a)
            && let Some(group) = reporting_subject(text, words, a, index, true)
        {
            return Some(group);
        }
        return Some(Party {
            name: String::new(),
            referent: None,
            kind: None,
            pronoun: Some(p),
        });
    }
    // "her country would welcome ...": the country of the one "her" means.
    let own_country = b - a == 2
        && word_in(
            text,
            last,
            &["country", "government", "administration", "nation"],
        );
    if own_country
        && let Some(p) = ["his", "her", "our"]
            .into_iter()
            .find(|p| word_is(text, first, p))
    {
        return Some(Party {
            name: text.get(first.span.start..last.span.end)?.to_string(),
            referent: None,
            kind: None,
            pronoun: Some(if p == "our" {
                "our country"
            } else {
                "his country"
            }),
        });
    }
    // "Our countries further reaffirm": the authors' "we".
    if b - a == 2
        && word_is(text, first, "our")
        && word_in(
            text,
            last,
            &["countries", "nations", "governments", "states"],
        )
    {
        return Some(Party {
            name: text.get(first.span.start..last.span.end)?.to_string(),
            referent: None,
            kind: None,
            pronoun: Some("our country"),
        });
    }
    // "This Bicentennial Framework will help": plans, pacts and meetings do not commit.
    // "The Agreement with Cambodia will ...", "the Charters and Memoranda of
    // Understanding signed with ...": the head before a preposition decides too.
    let head = words[a..b]
        .iter()
        .position(|w| word_in(text, w, &["of", "with", "between"]))
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| words.get(a + k));
    if word_in(text, last, NON_AGENT_HEADS)
        || head.is_some_and(|h| word_in(text, h, NON_AGENT_HEADS))
    {
        return None;
    }
    // "What will stop Ebola is ...": a question word or a free relative is no party.
    // "Storm Lorenzo will produce high waves": weather makes no promises.
    if word_in(text, first, &["what", "whatever", "which", "whoever"])
        || word_in(text, first, WEATHER)
    {
        return None;
    }
    if let Some(p) = administration(text, words, (a, b), index) {
        return Some(p);
    }
    // "the Mexican government would ...": a people's government is its country.
    let demonym_government = (b - a == 2 || (b - a == 3 && word_is(text, first, "the")))
        && word_in(text, last, &["government", "administration"]);
    if demonym_government
        && let Some(code) = words
            .get(b - 2)
            .and_then(|w| text.get(w.span.clone()))
            .and_then(|s| Gazetteer::get().demonym(s))
        && let Some((name, referent)) = super::actors::country_named(code, index)
    {
        return Some(Party {
            name,
            referent,
            kind: Some(EntityKind::Place),
            pronoun: None,
        });
    }
    let span = first.span.start..last.span.end;
    let surface = text.get(span.clone())?.to_string();
    let inside = index.within(&span);
    // One person named: use the person's canonical name ("Aliyev" -> "Ilham Aliyev").
    let people: Vec<&Entity> = inside
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    let others = inside.iter().filter(|e| e.kind != EntityKind::Misc).count();
    // Only determiners and titles beside the name: "President Ortega", not
    // "President Ortega and the Nicaraguan government".
    let bare = |p: &Entity| {
        words[a..b].iter().all(|w| {
            (w.span.start >= p.span.start && w.span.end <= p.span.end)
                || word_in(text, w, DETERMINERS)
                || crate::nlp::link::titles::is_title_word(text.get(w.span.clone()).unwrap_or(""))
                || is_possessive(text, w)
        })
    };
    if let [person] = people.as_slice()
        && others == 1
        && bare(person)
        && let Some(r) = index.referent(person)
    {
        return Some(Party {
            name: person_name(text, index, r),
            referent: Some(person.referent),
            kind: Some(EntityKind::Person),
            pronoun: None,
        });
    }
    // "Secretary Rubio and Foreign Minister Cho", "The Secretary and the
    // Foreign Minister": two office-holders are named as people, by their
    // full names ("Marco Rubio and Cho Hyun"); "Biden and Sanders" stays.
    if let Some(pair) = office_holders(text, words, (a, b), index) {
        return Some(pair);
    }
    // "Togo's president Faure Gnassingbé": a phrase ending in a name is that
    // person ("the killers of Khashoggi" is not Khashoggi).
    let and = words[a..b]
        .iter()
        .any(|w| word_in(text, w, &["and", "or", "of"]));
    if let [person] = people.as_slice()
        && !and
        && person.span.end == last.span.end
        && let Some(r) = index.referent(person)
    {
        return Some(Party {
            name: person_name(text, index, r),
            referent: Some(person.referent),
            kind: Some(EntityKind::Person),
            pronoun: None,
        });
    }
    // "Chelyabinsk's governor": the person holding the place's office.
    let place_office = people.is_empty()
        && words[a..b].iter().any(|w| is_possessive(text, w))
        && !words[a..b]
            .iter()
            .any(|w| word_in(text, w, &["and", "or", "of"]));
    if place_office && let Some(p) = titled_person(text, words, (a, b), index) {
        return Some(p);
    }
    let named = inside.iter().find(|e| e.kind != EntityKind::Misc);
    if let Some(e) = named {
        // A lone named place or organisation: its referent, written as in the text.
        let single = others == 1
            && words[a..b].iter().all(|w| {
                (w.span.start >= e.span.start && w.span.end <= e.span.end)
                    || word_in(text, w, &["the"])
            });
        // A country is named without article, abbreviations in full ("the
        // U.S." -> "United States"); so is its government ("the U.S. government").
        let government = words[a..b].iter().all(|w| {
            (w.span.start >= e.span.start && w.span.end <= e.span.end)
                || word_in(text, w, &["the", "government", "administration"])
        }) && word_in(text, last, &["government", "administration"]);
        let country = (e.kind == EntityKind::Place && (single || government))
            .then(|| text.get(e.span.clone()))
            .flatten()
            .and_then(|name| {
                let code = Gazetteer::get().country_by_name(name)?;
                Some(super::actors::country_name(name, code))
            });
        if let Some(name) = country {
            return Some(Party {
                name,
                referent: Some(e.referent),
                kind: Some(e.kind),
                pronoun: None,
            });
        }
        // "Kenya Railways will ..." after "Kenya Railways Corporation": an
        // organisation named short is the one organisation whose name
        // contains its words (before its head word alone, which it covers).
        if single
            && e.kind == EntityKind::Org
            && let Some(p) = index
                .referent(e)
                .and_then(|r| org_containing(index, &r.name))
        {
            return Some(p);
        }
        // "The Court will ..." after "the Court of Session": the one
        // organisation the head word names.
        let head_word = text.get(e.span.clone()).filter(|w| !w.contains(' '));
        if single
            && e.kind == EntityKind::Org
            && let Some(p) = head_word.and_then(|w| org_named_by(index, w))
        {
            return Some(p);
        }
        // "GFT will refrain from ...": an organisation named by its acronym
        // is named in full when the text spells it out.
        let acronym = head_word.is_some_and(|w| {
            (2..=6).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase())
        });
        if single
            && acronym
            && e.kind == EntityKind::Org
            && let Some(r) = index.referent(e).filter(|r| r.name.contains(' '))
        {
            return Some(Party {
                name: r.name.clone(),
                referent: Some(e.referent),
                kind: Some(e.kind),
                pronoun: None,
            });
        }
        // "CPD announced" after "the United States Commission on Presidential
        // Debates", when linking left the acronym on its own: the one
        // organisation whose name it abbreviates.
        if single
            && e.kind == EntityKind::Org
            && let Some(p) = head_word
                .filter(|_| acronym)
                .and_then(|w| spelled_out(index, w))
        {
            return Some(p);
        }
        // "Ford" after "Ford Motor Company": an organisation by its name in
        // full, when that holds the short one.
        let full = index
            .referent(e)
            .filter(|r| single && e.kind == EntityKind::Org && r.name.len() > e.span.len())
            .filter(|r| {
                text.get(e.span.clone())
                    .is_some_and(|s| holds_words(&r.name, s))
            })
            .map(|r| r.name.clone());
        return Some(Party {
            name: full.unwrap_or(surface),
            referent: single.then_some(e.referent),
            kind: Some(e.kind),
            pronoun: None,
        });
    }
    // "The President" after "President Joseph R. Biden": the person last so titled.
    if let Some(p) = titled_person(text, words, (a, b), index) {
        return Some(p);
    }
    // "the embassy" after "the US Embassy": the one organisation so named.
    if b - a == 2
        && word_is(text, first, "the")
        && !last.capital
        && let Some(p) = org_named_by(index, text.get(last.span.clone()).unwrap_or(""))
    {
        return Some(p);
    }
    let named_by_noun = words[a..b].iter().any(|w| word_in(text, w, PARTY_NOUNS));
    // "Police will ...", "the airline plans to ...": a body named by its head
    // noun, unless the phrase is anyone's ("a company will ...").
    let body = body_named(text, words, (a, b));
    let proper = words[a..b]
        .iter()
        .enumerate()
        .any(|(i, w)| w.capital && (a + i > 0) && !word_in(text, w, DETERMINERS));
    let is_party = named_by_noun || body || proper;
    // "The two leaders", "both sides": named as written, their members noted.
    if is_party && let Some(found) = members::of_group(text, words, (a, b), index) {
        index.members.note(&surface, found);
    }
    is_party.then_some(Party {
        name: surface,
        referent: None,
        kind: None,
        pronoun: None,
    })
}

/// "The Biden-Harris Administration's support", "the Administration is committed to":
/// a leader's administration is the government, so its country; named by no one,
/// the issuer's ("our country"). Agencies are named by other words ("the Federal
/// Aviation Administration") and are left alone.
fn administration(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    index: &EntityIndex,
) -> Option<Party> {
    // "the Administration's": the possessive is not part of the name.
    let b = if is_possessive(text, words.get(b.checked_sub(1)?)?) {
        b - 1
    } else {
        b
    };
    let last = words.get(b.checked_sub(1)?)?;
    if !word_is(text, last, "administration") || b <= a {
        return None;
    }
    let names = match words.get(a..b - 1)? {
        [the, rest @ ..] if word_is(text, the, "the") => rest,
        all => all,
    };
    // The names are a person's surname in the text, or a ticket of two joined
    // by a hyphen ("Biden-Harris") of which one is; anything else is an agency.
    let parts: Vec<&str> = names
        .iter()
        .filter_map(|w| text.get(w.span.clone()))
        .flat_map(|w| w.split(['-', '\u{2013}']))
        .filter(|part| !part.is_empty())
        .collect();
    let people: Vec<_> = parts
        .iter()
        .filter_map(|part| {
            index.referents.iter().find(|r| {
                r.kind == EntityKind::Person
                    && r.name.rsplit(' ').next().is_some_and(|s| s == *part)
            })
        })
        .collect();
    let joined = match (names.first(), names.last()) {
        (Some(f), Some(l)) => text.get(f.span.start..l.span.end).unwrap_or(""),
        _ => "",
    };
    let ticket = parts.len() == 2
        && !joined.contains(char::is_whitespace)
        && parts.iter().all(|p| p.starts_with(char::is_uppercase));
    let all_people = people.len() == parts.len();
    let ticket_of_someone = ticket && !people.is_empty();
    if !all_people && !ticket_of_someone {
        return None;
    }
    let country = people.iter().find_map(|r| r.country);
    // A leader of no known country: the administration as written.
    if !people.is_empty() && country.is_none() {
        return None;
    }
    if let Some((name, referent)) =
        country.and_then(|code| super::actors::country_named(code, index))
    {
        return Some(Party {
            name,
            referent,
            kind: Some(EntityKind::Place),
            pronoun: None,
        });
    }
    Some(Party {
        name: text.get(words[a].span.start..last.span.end)?.to_string(),
        referent: None,
        kind: None,
        pronoun: Some("our country"),
    })
}

/// Whether a word is a party noun in the plural: "leaders", "sides", "countries".
pub fn plural_party_noun(text: &str, w: &Word) -> bool {
    word_in(text, w, PARTY_NOUNS) && text.get(w.span.clone()).is_some_and(|s| s.ends_with('s'))
}

/// Two people joined by one "and", at least one of them by a title ("Secretary
/// Rubio and Foreign Minister Cho", "The Secretary and the Foreign Minister"),
/// as a group named by their full names.
fn office_holders(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    index: &EntityIndex,
) -> Option<Party> {
    let np = words.get(a..b)?;
    let mut ands = np
        .iter()
        .enumerate()
        .filter(|(_, w)| word_is(text, w, "and"));
    let (k, _) = ands.next()?;
    let punct = np
        .iter()
        .enumerate()
        .any(|(j, w)| w.punct && !title_period(text, words, a + j));
    if ands.next().is_some() || punct {
        return None;
    }
    let k = a + k;
    // A conjunct opening with "the" or with a capital word that opens no name
    // ("Secretary", "Mr.") carries a title.
    let titled = |x: usize| {
        words.get(x).is_some_and(|first| {
            let opens_name = index
                .covering(first.span.start)
                .is_some_and(|e| e.span.start == first.span.start);
            first.capital && !opens_name || word_is(text, first, "the")
        })
    };
    let person = |(x, y): (usize, usize)| {
        // One person by referent: "Minister of Foreign Affairs Pablo Quirno"
        // is read as written (no referent) and named below.
        let p = party(text, words, (x, y), index).filter(|p| {
            p.kind == Some(EntityKind::Person) && p.pronoun.is_none() && p.referent.is_some()
        });
        // "The Secretary and Foreign Minister": one article for both titles.
        let shared = x == k + 1 && word_is(text, &words[a], "the");
        p.or_else(|| title_then_person(text, words, (x, y), index))
            .or_else(|| {
                shared
                    .then(|| titled_person_in(text, words, (x, y), true, index))
                    .flatten()
            })
    };
    let (one, two) = (person((a, k))?, person((k + 1, b))?);
    // "Deputy Secretary of State Christopher Landau and Argentine Minister of
    // Foreign Affairs Pablo Quirno": a title may also stand before a name.
    let title_before = |x: usize| {
        words.get(x).is_some_and(|w| {
            index
                .covering(w.span.start)
                .is_none_or(|e| e.kind != EntityKind::Person)
        })
    };
    let titled = |x: usize| titled(x) || title_before(x);
    if !(titled(a) || titled(k + 1)) || one.referent == two.referent {
        return None;
    }
    // Named as written when that leaves a name out ("Secretary Blinken and
    // Foreign Minister Bustillo", "The Secretary and the Foreign Minister"),
    // their full names noted as its members.
    let written = text.get(words[a].span.start..words[b - 1].span.end)?;
    let members = vec![one.name, two.name];
    let name = if members.iter().all(|m| written.contains(m.as_str())) {
        members::joined(&members)
    } else {
        written.to_string()
    };
    index.members.note(&name, members);
    Some(Party {
        name,
        referent: None,
        kind: None,
        pronoun: None,
    })
}

/// "Argentine Minister of Foreign Affairs Pablo Quirno": a phrase of
/// capitalised title words (with "of", "the", "for" inside) ending in a
/// person's name is that person ("the killers of Khashoggi" is not).
fn title_then_person(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    index: &EntityIndex,
) -> Option<Party> {
    let last = words.get(b.checked_sub(1)?)?;
    let e = index.covering(last.span.start)?;
    if e.kind != EntityKind::Person || e.span.end != last.span.end {
        return None;
    }
    let title = words.get(a..b)?.iter().all(|w| {
        w.span.start >= e.span.start
            || (w.capital && !w.punct)
            || word_in(text, w, &["of", "the", "for"])
            || is_possessive(text, w)
    });
    let opens = words.get(a).is_some_and(|w| w.capital);
    let r = index.referent(e)?;
    (title && opens).then(|| Party {
        name: person_name(text, index, r),
        referent: Some(e.referent),
        kind: Some(EntityKind::Person),
        pronoun: None,
    })
}

/// Skips adverbs and auxiliaries leftwards from word `i` (exclusive): the index
/// just past the word that precedes them.
pub fn skip_adverbs_left(text: &str, words: &[Word], mut i: usize) -> usize {
    while i > 0 {
        let w = &words[i - 1];
        // A sentence's first "Both" is its subject: "Both noted their commitment";
        // so is one opening a clause: "The Secretary welcomed it and both expressed".
        let opens_clause = i == 1
            || words
                .get(i - 2)
                .is_some_and(|p| p.punct || word_in(text, p, &["and", "but"]));
        if opens_clause && word_in(text, w, &["both", "all", "each"]) {
            break;
        }
        if word_in(text, w, ADVERBS)
            || word_in(text, w, &["has", "have", "had", "also"])
            || is_ly_adverb(text, w)
            || word_in(text, w, &["yesterday", "today", "tonight"])
        {
            i -= 1;
        } else if let Some(n) = time_phrase(text, words, i) {
            i -= n;
        } else {
            break;
        }
    }
    i
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A noun phrase without a leading day or month after "on", "in" or
/// "last": "on [Sunday Presidents Buhari and Talon]" names the presidents.
pub fn drop_leading_day(text: &str, words: &[Word], np: (usize, usize)) -> (usize, usize) {
    let after_prep =
        np.0.checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| word_in(text, w, &["on", "in", "last", "this", "next"]));
    let day = words
        .get(np.0)
        .is_some_and(|w| word_in(text, w, WEEKDAYS) || word_in(text, w, MONTHS));
    if after_prep && day && np.1 > np.0 + 1 {
        (np.0 + 1, np.1)
    } else {
        np
    }
}

/// The length of a time phrase ending right before word `end`: "on
/// Tuesday", "last week", "this month" (between a subject and its verb).
fn time_phrase(text: &str, words: &[Word], end: usize) -> Option<usize> {
    const PERIODS: &[&str] = &["week", "month", "year", "weekend"];
    let w = words.get(end.checked_sub(1)?)?;
    let before = words.get(end.checked_sub(2)?)?;
    let when = word_in(text, w, WEEKDAYS) || word_in(text, w, PERIODS);
    (when && word_in(text, before, &["on", "last", "this", "next"])).then_some(2)
}

/// "urgently", "jointly": lower-case words in -ly that are not nouns.
pub fn is_ly_adverb(text: &str, w: &Word) -> bool {
    let s = text.get(w.span.clone()).unwrap_or("");
    !w.capital
        && s.len() >= 5
        && s.ends_with("ly")
        && !matches!(
            s,
            "family" | "assembly" | "supply" | "rally" | "reply" | "anomaly" | "monopoly" | "ally"
        )
}

/// News writes offices in lower case: "the president vowed to ...".
const LOWER_OFFICES: &[&str] = &[
    "president",
    "premier",
    "chancellor",
    "prime",
    "minister",
    "secretary",
    "governor",
    "mayor",
    "king",
    "queen",
];

/// "the President", "the Prime Minister": the last person named before with
/// that title right before their name ("President Biden", "Prime Minister Kishida").
fn titled_person(
    text: &str,
    words: &[Word],
    np: (usize, usize),
    index: &EntityIndex,
) -> Option<Party> {
    titled_person_in(text, words, np, false, index)
}

/// [`titled_person`], where `shared_article` says a "the" before the phrase
/// serves it too: "Foreign Minister" in "The Secretary and Foreign Minister".
fn titled_person_in(
    text: &str,
    words: &[Word],
    (a, b): (usize, usize),
    shared_article: bool,
    index: &EntityIndex,
) -> Option<Party> {
    let first = words.get(a)?;
    // "Chelyabinsk's governor": a place's office names the person holding it,
    // named before or after ("Regional governor Boris Dubrovsky said ...").
    let place_office = (a + 1..b)
        .find(|&k| is_possessive(text, &words[k]))
        .filter(|&k| {
            index
                .covering(first.span.start)
                .is_some_and(|e| e.kind == EntityKind::Place && e.span.end == words[k - 1].span.end)
        });
    let title = match place_office {
        Some(k) => words.get(k + 1..b)?,
        None if word_is(text, first, "the") => words.get(a + 1..b)?,
        None if shared_article => words.get(a..b)?,
        None => return None,
    };
    let titled = !title.is_empty()
        && title.iter().all(|w| {
            let s = text.get(w.span.clone()).unwrap_or("");
            if w.capital {
                crate::nlp::link::titles::is_title_word(s)
            } else {
                LOWER_OFFICES.contains(&s)
            }
        });
    if !titled {
        return None;
    }
    // The title's head ("Minister" of "Prime Minister") in the title right
    // before the name: "Secretary of State Antony J. Blinken".
    let head = text.get(title.last()?.span.clone())?;
    // A rank changes the office: "Deputy Governor Oleg Klimov" is not "the governor".
    const RANKS: &[&str] = &["deputy", "vice", "assistant", "acting", "former", "under"];
    let ranked = |w: &str| RANKS.iter().any(|r| w.eq_ignore_ascii_case(r));
    // ... and "the Vice President" is not "President Herzog": a ranked title
    // names only a person with the same rank before their name.
    let np_ranks: Vec<&str> = title
        .iter()
        .filter_map(|w| text.get(w.span.clone()))
        .filter(|w| ranked(w))
        .collect();
    let titled_so = |t: &str| {
        let words_before = || {
            t.split_whitespace().rev().take(6).take_while(|w| {
                crate::nlp::link::titles::is_title_word(w)
                    || LOWER_OFFICES.contains(w)
                    || ranked(w)
                    || matches!(*w, "of" | "the")
            })
        };
        let same_rank = if np_ranks.is_empty() {
            !words_before().any(ranked)
        } else {
            np_ranks
                .iter()
                .all(|r| words_before().any(|w| w.eq_ignore_ascii_case(r)))
        };
        words_before().any(|w| w.eq_ignore_ascii_case(head)) && same_rank
    };
    let before = index
        .entities
        .partition_point(|e| e.span.start < first.span.start);
    // "China's president" is never the American one named before.
    let place_country = place_office
        .and_then(|_| index.covering(first.span.start))
        .and_then(|e| index.referent(e)?.country);
    let so_titled = |e: &&Entity| {
        e.kind == EntityKind::Person
            && text.get(..e.span.start).is_some_and(titled_so)
            && index.referent(e).is_some_and(|r| {
                r.country.is_none() || place_country.is_none() || r.country == place_country
            })
    };
    let earlier = index.entities.get(..before)?.iter().rev().find(so_titled);
    let later = || {
        place_office
            .and_then(|_| index.entities.get(before..))
            .and_then(|later| later.iter().find(so_titled))
    };
    let e = earlier.or_else(later)?;
    let r = index.referent(e)?;
    Some(Party {
        name: person_name(text, index, r),
        referent: Some(e.referent),
        kind: Some(EntityKind::Person),
        pronoun: None,
    })
}

/// The one organisation named in full whose name `acronym` abbreviates: the
/// initials of its capitalised words, or of their last ones ("CPD" of "United
/// States Commission on Presidential Debates"). Three letters at least: two
/// match too many names.
fn spelled_out(index: &EntityIndex, acronym: &str) -> Option<Party> {
    if acronym.len() < 3 {
        return None;
    }
    let abbreviates = |r: &Referent| {
        let initials: String = r
            .name
            .split(' ')
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        initials.ends_with(acronym)
    };
    only_org_of_several_words(index, abbreviates)
}

/// The organisation whose name holds the words of `short` and more ("Kenya
/// Railways Corporation" for "Kenya Railways", "United States House of
/// Representatives" for "House"): the one such, or the longest of several
/// when it holds the others ("Northern Arapaho Tribe" over "Northern
/// Arapaho" for "Arapaho").
fn org_containing(index: &EntityIndex, short: &str) -> Option<Party> {
    let holds = |long: &[&str], short: &[&str]| {
        long.len() > short.len() && long.windows(short.len()).any(|w| w == short)
    };
    let short: Vec<&str> = short.split(' ').collect();
    let found: Vec<(usize, Vec<&str>)> = index
        .referents
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Org)
        .map(|(i, r)| (i, r.name.split(' ').collect::<Vec<&str>>()))
        .filter(|(_, words)| holds(words, &short))
        .collect();
    let (i, longest) = found.iter().max_by_key(|(_, words)| words.len())?;
    if found
        .iter()
        .any(|(j, words)| j != i && !holds(longest, words))
    {
        return None;
    }
    Some(Party {
        name: index.referents.get(*i)?.name.clone(),
        referent: Some(*i),
        kind: Some(EntityKind::Org),
        pronoun: None,
    })
}

/// The one organisation of several words whose head is `noun`: its last word
/// ("Embassy" of "the US Embassy") or its first before "of" ("Court" of "Court
/// of Session"); failing those, the word before its first "of" ("House" of
/// "United States House of Representatives").
fn org_named_by(index: &EntityIndex, noun: &str) -> Option<Party> {
    let is_noun = |w: &&str| w.eq_ignore_ascii_case(noun);
    let names = |r: &Referent| {
        let mut words = r.name.split(' ');
        let first = words.next();
        let of = words.next().is_some_and(|w| w == "of");
        r.name.rsplit(' ').next().is_some_and(|w| is_noun(&w))
            || (of && first.is_some_and(|w| is_noun(&w)))
    };
    let head_before_of = |r: &Referent| {
        let words: Vec<&str> = r.name.split(' ').collect();
        words
            .iter()
            .position(|w| *w == "of")
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| words.get(i))
            .is_some_and(is_noun)
    };
    only_org_of_several_words(index, names)
        .or_else(|| only_org_of_several_words(index, head_before_of))
}

/// Whether `name` holds `part` as a run of whole words.
fn holds_words(name: &str, part: &str) -> bool {
    let name: Vec<&str> = name.split_whitespace().collect();
    let part: Vec<&str> = part.split_whitespace().collect();
    !part.is_empty() && name.windows(part.len()).any(|w| w == part.as_slice())
}

/// The organisation of several words that `matches`, as a party, when it is
/// the only one: two such leave the words ambiguous.
fn only_org_of_several_words(
    index: &EntityIndex,
    matches: impl Fn(&Referent) -> bool,
) -> Option<Party> {
    let mut named = index
        .referents
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == EntityKind::Org && r.name.contains(' ') && matches(r));
    match (named.next(), named.next()) {
        (Some((i, r)), None) => Some(Party {
            name: r.name.clone(),
            referent: Some(i),
            kind: Some(EntityKind::Org),
            pronoun: None,
        }),
        _ => None,
    }
}

/// A person's name as an actor: the canonical name with the generational
/// suffix the text gives it ("Joseph R. Biden, Jr."), which names keep.
pub fn person_name(text: &str, index: &EntityIndex, r: &Referent) -> String {
    // The full name comes first: a few mentions suffice, and hostile input
    // with a million mentions stays linear.
    let suffixed = r.mentions.iter().take(4).find_map(|&m| {
        let e = index.entities.get(m)?;
        if text.get(e.span.clone())? != r.name {
            return None;
        }
        let after = text.get(e.span.end..)?;
        [", Jr.", ", Sr.", " Jr.", " Sr."]
            .into_iter()
            .find(|s| after.starts_with(s))
    });
    match suffixed {
        Some(suffix) => format!("{}{suffix}", r.name),
        None => r.name.clone(),
    }
}
