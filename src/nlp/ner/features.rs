//! Feature extraction for the tagger: what the model sees of each token.
//!
//! Per token, computed once: hashes of the word, its lower-case form (digits as 0),
//! its shape (`Xxxx`, `dd-dd`), prefixes and suffixes, its casing class. Per sentence:
//! whether it is an all-capitals headline. Per document (label-free, in the spirit of
//! Ratinov & Roth 2009): whether the same word appears elsewhere in lower case or
//! capitalised mid-sentence, and where it sits in runs of capitalised words elsewhere
//! ("Blackburn" after "Peter Blackburn"). Features are then emitted as 64-bit hashes
//! of (template, values): no strings are built per feature.

use super::hash;
use super::lexicon::Lexicon;
use super::tags::{N_TAGS, Tag};
use super::wordclass;
use std::ops::Range;

/// Version of the feature templates; a model records the one it was trained with.
pub const FEATURE_SET: u32 = 6;

/// Longest prefix and suffix used, in chars.
const AFFIX: usize = 4;
/// Words are cut to this many bytes before hashing the shape.
const SHAPE_BYTES: usize = 48;

/// Casing classes (below [`CLASSES`]).
pub(super) const CLASSES: usize = 8;
pub(super) const LOWER: u8 = 0;
const INIT_CAP: u8 = 1;
const ALL_CAPS: u8 = 2;
const ONE_CAP: u8 = 3;
const MIXED: u8 = 4;
const DIGITS: u8 = 5;
const PUNCT: u8 = 6;
const OTHER: u8 = 7;

// Template ids. Never reuse a number for a different meaning without bumping FEATURE_SET.
const T_BIAS: u32 = 0;
const T_WORD: u32 = 1;
const T_LOWER: u32 = 2;
const T_SHAPE: u32 = 3;
const T_SHORT_SHAPE: u32 = 4;
const T_PREFIX: u32 = 5; // .. 5 + AFFIX
const T_SUFFIX: u32 = 10; // .. 10 + AFFIX
const T_PREV_LOWER: u32 = 20;
const T_NEXT_LOWER: u32 = 21;
const T_PREV2_LOWER: u32 = 22;
const T_NEXT2_LOWER: u32 = 23;
const T_PREV_SHAPE: u32 = 24;
const T_NEXT_SHAPE: u32 = 25;
const T_PREV_CUR_SHAPE: u32 = 26;
const T_CUR_NEXT_SHAPE: u32 = 27;
const T_PREV_CUR_LOWER: u32 = 28;
const T_CUR_NEXT_LOWER: u32 = 29;
const T_PREV_LOWER_CLASS: u32 = 30;
const T_CLASS_NEXT_LOWER: u32 = 31;
const T_POSITION_CLASS: u32 = 32;
const T_HEADLINE_SHAPE: u32 = 33;
const T_DOC_CASE: u32 = 34;
const T_DOC_RUN: u32 = 35;
const T_SENTENCE_LENGTH: u32 = 36;
const T_PREV_WORD: u32 = 37;
const T_NEXT_WORD: u32 = 38;
const T_HEADLINE_LOWER: u32 = 39;
const T_PREV_CLASS_CUR_CLASS_NEXT_CLASS: u32 = 40;
const T_WORD_CLASS: u32 = 41; // .. 41 + wordclass::LEVELS
const T_PREV_WORD_CLASS: u32 = 45;
const T_NEXT_WORD_CLASS: u32 = 46;
const T_WORD_CLASS_SHAPE: u32 = 47;
const T_GAZ_FLAGS: u32 = 60;
const T_GAZ_BIT: u32 = 61; // .. 61 + 8
const T_GAZ_PREV_NEXT: u32 = 71;
const T_GAZ_MATCH: u32 = 72;
const T_GAZ_MATCH_CLASS: u32 = 73;
// Stage-2 templates: the first stage's tags.
const T_S1_TAG: u32 = 50;
const T_S1_CONTEXT: u32 = 51;
const T_S1_DOC_KINDS: u32 = 52;
const T_S1_DOC_MAJORITY: u32 = 53;
const T_S1_HISTORY: u32 = 54;
const T_S1_MAJORITY_TAG: u32 = 55;

/// What is known of one token on its own.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WordInfo {
    pub(super) word: u64,
    pub(super) lower: u64,
    shape: u64,
    pub(super) short_shape: u64,
    prefix: [u64; AFFIX],
    suffix: [u64; AFFIX],
    /// How many of `prefix`/`suffix` are set (words shorter than the affix have fewer).
    affixes: u8,
    pub(super) class: u8,
    /// For an all-capitals word, the hash of its title-case form ("CHINA" -> "China"), else 0.
    title: u64,
    /// Word classes (see [`wordclass`]), coarse to fine.
    clusters: [u16; wordclass::LEVELS],
}

/// Document-level facts about one token, as small codes.
#[derive(Clone, Copy, Debug, Default)]
struct DocInfo {
    /// bit 0: the word appears in lower case elsewhere; bit 1: capitalised mid-sentence.
    case: u8,
    /// bits: first / middle / last of a capitalised run, or alone, elsewhere.
    run: u8,
}

/// A document made ready for feature extraction.
pub struct Prepared {
    words: Vec<WordInfo>,
    doc: Vec<DocInfo>,
    /// Per token: whether its sentence is an all-capitals headline.
    headline: Vec<bool>,
    /// Per token: the gazetteer's word flags.
    gaz: Vec<u8>,
    /// Per token: 0, or 1 + (inside ? 1 : 0) + 2 x flags of a two- or three-word
    /// gazetteer name the token is part of.
    gaz_match: Vec<u16>,
}

impl Prepared {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Most words whose [`WordInfo`] (about 130 bytes) is cached per thread before the
/// cache starts over.
const WORD_CACHE_LIMIT: usize = 50_000;

thread_local! {
    /// A word's [`WordInfo`] by the hash of the word: news text repeats its words, and
    /// the dozen hashes of a word cost more than one lookup.
    static WORD_INFOS: std::cell::RefCell<hash::KeyMap<WordInfo>> =
        std::cell::RefCell::new(hash::KeyMap::default());
}

/// Hashes of the boundary pseudo-words.
pub(super) const BOS: u64 = 0x5EED_0000_0000_0B05;
pub(super) const EOS: u64 = 0x5EED_0000_0000_0E05;

/// Prepares a document: `words` are its tokens, `sentences` token ranges over them.
/// Ranges out of bounds are clipped; tokens outside every sentence get no features.
pub fn prepare(words: &[&str], sentences: &[Range<usize>], lexicon: &Lexicon) -> Prepared {
    let infos: Vec<WordInfo> = WORD_INFOS.with_borrow_mut(|cache| {
        if cache.len() > WORD_CACHE_LIMIT {
            cache.clear();
        }
        let mut lower_buf = String::new();
        words
            .iter()
            .map(|w| {
                *cache
                    .entry(hash::bytes(w.as_bytes()))
                    .or_insert_with(|| word_info(w, &mut lower_buf))
            })
            .collect()
    });
    let mut headline = vec![false; words.len()];
    for s in sentences {
        let s = clip(s, words.len());
        if is_headline(&infos[s.clone()]) {
            headline[s].fill(true);
        }
    }
    let doc = doc_infos(&infos, sentences, &headline);
    let gaz = infos.iter().map(|w| gaz_flags(w, lexicon)).collect();
    let gaz_match = name_matches(&infos, sentences, lexicon);
    Prepared {
        words: infos,
        doc,
        headline,
        gaz,
        gaz_match,
    }
}

/// The gazetteer's flags of a word (or of its title-case form, for all capitals).
#[inline]
pub(super) fn gaz_flags(w: &WordInfo, lexicon: &Lexicon) -> u8 {
    lexicon.get(w.word)
        | if w.title != 0 {
            lexicon.get(w.title)
        } else {
            0
        }
}

/// The hash a word has in gazetteer names: its title-case form for all capitals.
#[inline]
pub(super) fn name_key(w: &WordInfo) -> u64 {
    if w.title != 0 { w.title } else { w.word }
}

/// Whether a word of this class continues a run of capitalised words.
#[inline]
pub(super) fn is_run_word(class: u8) -> bool {
    matches!(class, INIT_CAP | ALL_CAPS | ONE_CAP | MIXED)
}

/// Whether a casing class counts as capitalised for names and document evidence
/// (not lower case, punctuation or digits).
#[inline]
pub(super) fn is_capitalised(class: u8) -> bool {
    !matches!(class, LOWER | PUNCT | DIGITS)
}

/// Whether the tagger fixes token `k` of a sentence at `O` without scoring it:
/// `classes` and `gaz` are the sentence's casing classes and gazetteer word flags.
///
/// A lower-case word or punctuation mark between lower-case words, punctuation or
/// numbers (or, for punctuation, the sentence edge), and no gazetteer word. Such a token can only
/// belong to a name of lower-case words alone, since every lower-case part of a
/// name ("of", "de", "van", "bin", "the" in "Bank of England", "Charles de Gaulle")
/// stands beside a capitalised part; the model (trained on capitalised names) all
/// but never tags one. Most tokens of news text are such tokens, so neither stage
/// computes their features or weighs their tags; Viterbi reads them as a fixed `O`
/// (what they give their neighbours is still read, from the word cache).
/// `assets/model/README.md` has the figures this was checked with.
#[inline]
pub(super) fn fixed_o(classes: &[u8], gaz: &[u8], k: usize) -> bool {
    let Some(&class) = classes.get(k) else {
        return false;
    };
    // A word at the sentence's edge may be a name cut by a line break ("Schalk van
    // der" / "Merwe"), so only punctuation takes the edge for a quiet neighbour.
    let quiet = |j: Option<usize>| match j.and_then(|j| classes.get(j)) {
        Some(&c) => matches!(c, LOWER | PUNCT | DIGITS),
        None => class == PUNCT,
    };
    matches!(class, LOWER | PUNCT)
        && gaz.get(k) == Some(&0)
        && quiet(k.checked_sub(1))
        && quiet(k.checked_add(1))
}

/// [`fixed_o`] for every token of `sentence` (clipped to the document).
#[cfg(test)]
pub(super) fn fixed_o_in(p: &Prepared, sentence: &Range<usize>) -> Vec<bool> {
    let s = clip(sentence, p.len());
    let classes: Vec<u8> = p
        .words
        .get(s.clone())
        .unwrap_or_default()
        .iter()
        .map(|w| w.class)
        .collect();
    let gaz = p.gaz.get(s.clone()).unwrap_or_default();
    (0..s.len()).map(|k| fixed_o(&classes, gaz, k)).collect()
}

/// The code [`local_context_features`] gives a token inside a two- or three-word
/// gazetteer name: 1 + (inside ? 1 : 0) + 2 x the name's flags.
#[inline]
pub(super) fn name_code(inside: bool, flags: u8) -> u16 {
    1 + u16::from(inside) + 2 * u16::from(flags & 0x1F)
}

pub(super) fn clip(r: &Range<usize>, len: usize) -> Range<usize> {
    r.start.min(len)..r.end.min(len).max(r.start.min(len))
}

/// Marks the two- and three-word gazetteer names in each sentence, longest first.
fn name_matches(words: &[WordInfo], sentences: &[Range<usize>], lexicon: &Lexicon) -> Vec<u16> {
    let mut out = vec![0u16; words.len()];
    if lexicon.is_empty() {
        return out;
    }
    let key = name_key;
    for s in sentences {
        let s = clip(s, words.len());
        let mut i = s.start;
        while i < s.end {
            let capitalised = words.get(i).is_some_and(|w| is_capitalised(w.class));
            let mut matched = 0;
            if capitalised {
                for n in [3, 2] {
                    let Some(ws) = words.get(i..i + n).filter(|_| i + n <= s.end) else {
                        continue;
                    };
                    let hashes: [u64; 3] = [key(&ws[0]), key(&ws[1]), ws.get(2).map_or(0, key)];
                    let flags = lexicon.get(super::lexicon::ngram(&hashes[..n]));
                    if flags != 0 {
                        for (k, code) in out
                            .get_mut(i..i + n)
                            .unwrap_or_default()
                            .iter_mut()
                            .enumerate()
                        {
                            *code = name_code(k > 0, flags);
                        }
                        matched = n;
                        break;
                    }
                }
            }
            i += matched.max(1);
        }
    }
    out
}

/// A sentence with at least two words with letters, none of them with a lower-case letter.
#[inline]
pub(super) fn headline_class(class: u8) -> Option<bool> {
    match class {
        LOWER | INIT_CAP | MIXED => None,
        ALL_CAPS => Some(true),
        _ => Some(false),
    }
}

/// A sentence with at least two words with letters, none of them with a lower-case letter.
pub(super) fn is_headline(words: &[WordInfo]) -> bool {
    let mut caps = 0;
    for w in words {
        match headline_class(w.class) {
            None => return false,
            Some(true) => caps += 1,
            Some(false) => {}
        }
    }
    caps >= 2
}

/// Emits the features of token `i` of `sentence` (a range of `p`'s tokens).
#[inline]
pub fn token_features(p: &Prepared, sentence: &Range<usize>, i: usize, sink: &mut impl FnMut(u64)) {
    word_features(p, i, sink);
    context_features(p, sentence, i, sink);
}

/// The hash of token `i`'s word: [`word_features`] depend on nothing else, so their
/// weights can be cached per word.
#[inline]
pub fn word_key(p: &Prepared, i: usize) -> Option<u64> {
    p.words.get(i).map(|w| w.word)
}

/// The features of token `i` that depend only on its word (see [`word_key`]).
#[inline]
pub fn word_features(p: &Prepared, i: usize, sink: &mut impl FnMut(u64)) {
    let Some(w) = p.words.get(i) else { return };
    own_features(w, p.gaz.get(i).copied().unwrap_or(0), sink);
}

/// [`word_features`] of a word with gazetteer flags `gaz`.
#[inline]
pub(super) fn own_features(w: &WordInfo, gaz: u8, sink: &mut impl FnMut(u64)) {
    sink(hash::feature(T_BIAS, 0));
    sink(hash::feature(T_WORD, w.word));
    sink(hash::feature(T_LOWER, w.lower));
    sink(hash::feature(T_SHAPE, w.shape));
    sink(hash::feature(T_SHORT_SHAPE, w.short_shape));
    for k in 0..usize::from(w.affixes).min(AFFIX) {
        sink(hash::feature(T_PREFIX + k as u32, w.prefix[k]));
        sink(hash::feature(T_SUFFIX + k as u32, w.suffix[k]));
    }
    for (k, c) in w.clusters.iter().enumerate() {
        sink(hash::feature(T_WORD_CLASS + k as u32, u64::from(*c)));
    }
    sink(hash::feature2(
        T_WORD_CLASS_SHAPE,
        u64::from(w.clusters[0]),
        w.short_shape,
    ));
    if gaz != 0 {
        sink(hash::feature(T_GAZ_FLAGS, u64::from(gaz)));
        for bit in 0..8 {
            if gaz & (1 << bit) != 0 {
                sink(hash::feature(T_GAZ_BIT + bit, u64::from(w.class)));
            }
        }
    }
}

/// Where a neighbour stands relative to the token its features describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Prev,
    Next,
    Prev2,
    Next2,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Prev, Side::Next, Side::Prev2, Side::Next2];

    /// The neighbour's index for token `i`, if it exists.
    #[inline]
    pub fn of(self, i: usize) -> Option<usize> {
        match self {
            Side::Prev => i.checked_sub(1),
            Side::Next => i.checked_add(1),
            Side::Prev2 => i.checked_sub(2),
            Side::Next2 => i.checked_add(2),
        }
    }
}

/// The features a token gets from the neighbour at `side` that depend on that
/// neighbour's word alone: token `j`, or the sentence edge when `j` is `None`.
/// Their weights can be cached per word, like [`word_features`].
#[inline]
pub fn neighbour_features(p: &Prepared, j: Option<usize>, side: Side, sink: &mut impl FnMut(u64)) {
    side_features(j.and_then(|j| p.words.get(j)), side, sink);
}

#[inline]
pub(super) fn side_features(w: Option<&WordInfo>, side: Side, sink: &mut impl FnMut(u64)) {
    let lower_or = |edge: u64| w.map_or(edge, |w| w.lower);
    let cluster_or = |edge: u16| u64::from(w.map_or(edge, |w| w.clusters[1]));
    match side {
        Side::Prev => {
            sink(hash::feature(T_PREV_LOWER, lower_or(BOS)));
            sink(hash::feature(T_PREV_WORD, w.map_or(BOS, |w| w.word)));
            sink(hash::feature(
                T_PREV_SHAPE,
                w.map_or(BOS, |w| w.short_shape),
            ));
            sink(hash::feature(
                T_PREV_WORD_CLASS,
                cluster_or(wordclass::NONE - 1),
            ));
        }
        Side::Next => {
            sink(hash::feature(T_NEXT_LOWER, lower_or(EOS)));
            sink(hash::feature(T_NEXT_WORD, w.map_or(EOS, |w| w.word)));
            sink(hash::feature(
                T_NEXT_SHAPE,
                w.map_or(EOS, |w| w.short_shape),
            ));
            sink(hash::feature(
                T_NEXT_WORD_CLASS,
                cluster_or(wordclass::NONE - 2),
            ));
        }
        Side::Prev2 => sink(prev2_key(lower_or(BOS))),
        Side::Next2 => sink(next2_key(lower_or(EOS))),
    }
}

/// The one feature a word gives the token two after it ([`Side::Prev2`]): the
/// tagger's fast path keeps where its weights are rather than their sum.
#[inline]
pub(super) fn prev2_key(lower: u64) -> u64 {
    hash::feature(T_PREV2_LOWER, lower)
}

/// The one feature a word gives the token two before it ([`Side::Next2`]).
#[inline]
pub(super) fn next2_key(lower: u64) -> u64 {
    hash::feature(T_NEXT2_LOWER, lower)
}

/// The features of token `i` that depend on its neighbours, sentence and document:
/// [`neighbour_features`] of the four neighbours, then [`local_context_features`].
#[inline]
pub fn context_features(
    p: &Prepared,
    sentence: &Range<usize>,
    i: usize,
    sink: &mut impl FnMut(u64),
) {
    if p.words.get(i).is_none() {
        return;
    }
    for side in Side::ALL {
        let j = side.of(i).filter(|j| sentence.contains(j));
        neighbour_features(p, j, side, sink);
    }
    local_context_features(p, sentence, i, sink);
}

/// The features of token `i` that combine it with its neighbours, its sentence and
/// its document (not cacheable per word).
#[inline]
pub fn local_context_features(
    p: &Prepared,
    sentence: &Range<usize>,
    i: usize,
    sink: &mut impl FnMut(u64),
) {
    let Some(w) = p.words.get(i) else { return };
    let at = |j: Option<usize>| -> Option<&WordInfo> {
        j.filter(|j| sentence.contains(j))
            .and_then(|j| p.words.get(j))
    };
    let prev = at(i.checked_sub(1));
    let next = at(i.checked_add(1));
    let class_or = |w: Option<&WordInfo>| w.map_or(EDGE_CLASS, |w| w.class);
    let headline = p.headline.get(i).copied().unwrap_or(false);
    pair_features(prev, w, next, sink);
    sink(class_context_key(class_or(prev), w.class, class_or(next)));
    let first = i == sentence.start;
    let bucket = length_bucket(sentence.len());
    sink(position_key(first, w.class));
    sink(length_key(bucket, w.class));
    let gaz_at = |j: Option<usize>| -> u8 {
        j.filter(|j| sentence.contains(j))
            .and_then(|j| p.gaz.get(j))
            .copied()
            .unwrap_or(0)
    };
    sink(gaz_neighbours_key(
        gaz_at(i.checked_sub(1)),
        gaz_at(i.checked_add(1)),
    ));
    name_features(p.gaz_match.get(i).copied().unwrap_or(0), w.class, sink);
    if headline {
        headline_features(w, sink);
    }
    if let Some(d) = p.doc.get(i)
        && has_doc_features(w.class)
    {
        let context = doc_context(w.class, first, headline);
        sink(doc_case_key(d.case, context));
        sink(doc_run_key(d.run, context));
    }
}

/// The class [`class_context_key`] gives a sentence edge.
pub(super) const EDGE_CLASS: u8 = 8;

/// The six features over a token and the words beside it (`None`: the sentence edge).
#[inline]
pub(super) fn pair_features(
    prev: Option<&WordInfo>,
    w: &WordInfo,
    next: Option<&WordInfo>,
    sink: &mut impl FnMut(u64),
) {
    let (pl, ps) = prev.map_or((BOS, BOS), |w| (w.lower, w.short_shape));
    let (nl, ns) = next.map_or((EOS, EOS), |w| (w.lower, w.short_shape));
    for key in pair_keys((pl, ps), (w.lower, w.short_shape, w.class), (nl, ns)) {
        sink(key);
    }
}

/// [`pair_features`] from (lower-case hash, short shape) of the previous and next
/// word ([`BOS`] and [`EOS`] for both at the sentence edges) and (lower-case hash,
/// short shape, class) of the token.
#[inline]
pub(super) fn pair_keys(
    (pl, ps): (u64, u64),
    (lower, shape, class): (u64, u64, u8),
    (nl, ns): (u64, u64),
) -> [u64; 6] {
    let [prev_cur, cur_next] = lower_pair_keys(pl, lower, nl);
    [
        prev_cur_shape_key(ps, shape),
        cur_next_shape_key(shape, ns),
        prev_cur,
        cur_next,
        prev_lower_class_key(pl, class),
        class_next_lower_key(class, nl),
    ]
}

// The six pair features one by one, for the tagger's fast path, which looks the
// shape pairs up per pair of shapes and the class pairs per word.

/// The short shapes of the previous word (or [`BOS`]) and the token.
#[inline]
pub(super) fn prev_cur_shape_key(ps: u64, shape: u64) -> u64 {
    hash::feature2(T_PREV_CUR_SHAPE, ps, shape)
}

/// The short shapes of the token and the next word (or [`EOS`]).
#[inline]
pub(super) fn cur_next_shape_key(shape: u64, ns: u64) -> u64 {
    hash::feature2(T_CUR_NEXT_SHAPE, shape, ns)
}

/// The lower-case forms of previous word and token, and of token and next word.
#[inline]
pub(super) fn lower_pair_keys(pl: u64, lower: u64, nl: u64) -> [u64; 2] {
    [
        hash::feature2(T_PREV_CUR_LOWER, pl, lower),
        hash::feature2(T_CUR_NEXT_LOWER, lower, nl),
    ]
}

/// The previous word's lower-case form (or [`BOS`]) with the token's class.
#[inline]
pub(super) fn prev_lower_class_key(pl: u64, class: u8) -> u64 {
    hash::feature2(T_PREV_LOWER_CLASS, pl, u64::from(class))
}

/// The token's class with the next word's lower-case form (or [`EOS`]).
#[inline]
pub(super) fn class_next_lower_key(class: u8, nl: u64) -> u64 {
    hash::feature2(T_CLASS_NEXT_LOWER, u64::from(class), nl)
}

/// The casing classes of the previous, current and next token (previous and next
/// may be [`EDGE_CLASS`]).
#[inline]
pub(super) fn class_context_key(prev: u8, class: u8, next: u8) -> u64 {
    hash::feature(
        T_PREV_CLASS_CUR_CLASS_NEXT_CLASS,
        u64::from(prev) * 100 + u64::from(class) * 10 + u64::from(next),
    )
}

/// Whether the token starts its sentence, with its class.
#[inline]
pub(super) fn position_key(first: bool, class: u8) -> u64 {
    hash::feature(T_POSITION_CLASS, u64::from(first) * 16 + u64::from(class))
}

/// Sentence lengths in five buckets (0, 1, 2, 3-5, more).
pub(super) const LENGTH_BUCKETS: usize = 5;

#[inline]
pub(super) fn length_bucket(len: usize) -> u8 {
    match len {
        0..=2 => len as u8,
        3..=5 => 3,
        _ => 4,
    }
}

/// The sentence's length bucket, with the token's class.
#[inline]
pub(super) fn length_key(bucket: u8, class: u8) -> u64 {
    hash::feature(T_SENTENCE_LENGTH, u64::from(bucket) * 16 + u64::from(class))
}

/// The gazetteer flags of the previous and next token (0 at the sentence edge).
#[inline]
pub(super) fn gaz_neighbours_key(prev: u8, next: u8) -> u64 {
    hash::feature(T_GAZ_PREV_NEXT, u64::from(prev) * 256 + u64::from(next))
}

/// The features of a token's place in a gazetteer name (see [`name_code`]; 0: none).
#[inline]
pub(super) fn name_features(code: u16, class: u8, sink: &mut impl FnMut(u64)) {
    if code != 0 {
        sink(hash::feature(T_GAZ_MATCH, u64::from(code)));
        sink(hash::feature(
            T_GAZ_MATCH_CLASS,
            u64::from(code) * 16 + u64::from(class),
        ));
    }
}

/// The features of a token in an all-capitals headline.
#[inline]
pub(super) fn headline_features(w: &WordInfo, sink: &mut impl FnMut(u64)) {
    for key in headline_keys(w.lower, w.short_shape) {
        sink(key);
    }
}

/// [`headline_features`] of a word with this lower-case hash and short shape.
#[inline]
pub(super) fn headline_keys(lower: u64, shape: u64) -> [u64; 2] {
    [
        hash::feature(T_HEADLINE_SHAPE, shape),
        hash::feature(T_HEADLINE_LOWER, lower),
    ]
}

/// Whether a token of this class gets the document features.
#[inline]
pub(super) fn has_doc_features(class: u8) -> bool {
    class != LOWER && class != PUNCT
}

/// Values of [`doc_context`] are below this.
pub(super) const DOC_CONTEXTS: usize = 64;

/// What the document features combine their evidence with: the token's class,
/// whether it starts its sentence and whether the sentence is a headline.
#[inline]
pub(super) fn doc_context(class: u8, first: bool, headline: bool) -> u8 {
    class * 2 + u8::from(first) + u8::from(headline) * 32
}

/// How the document uses the word elsewhere ([`DocInfo::case`]), in context.
#[inline]
pub(super) fn doc_case_key(case: u8, context: u8) -> u64 {
    hash::feature(T_DOC_CASE, u64::from(case) * 64 + u64::from(context))
}

/// Where the word sits in capitalised runs elsewhere ([`DocInfo::run`]), in context.
#[inline]
pub(super) fn doc_run_key(run: u8, context: u8) -> u64 {
    hash::feature(T_DOC_RUN, u64::from(run) * 64 + u64::from(context))
}

/// What the first stage said, per token, for the second stage's features.
#[derive(Clone, Copy, Debug, Default)]
struct FirstPassInfo {
    tag: u8,
    prev: u8,
    next: u8,
    /// Bits of the kinds (bit 0 = none, then PER, LOC, ORG, MISC) the first stage gave
    /// other capitalised occurrences of the same word in the document.
    doc_kinds: u8,
    /// The most frequent of those (0 = none, 1..=4 the kinds, 5 = no other occurrence).
    majority: u8,
    /// Bits of the kinds of earlier entities in the document that contain this word.
    history: u8,
}

/// The first stage's tags, turned into per-token evidence for the second stage.
pub struct FirstPass {
    info: Vec<FirstPassInfo>,
}

/// 0 for `O`, 1..=4 for PER, LOC, ORG, MISC.
pub(super) fn kind_code(t: Tag) -> usize {
    match t.index() {
        0 => 0,
        i if i <= 4 => i,
        i => i - 4,
    }
}

/// Summarises first-stage `tags` (one per token of `p`) for [`stage2_features`].
pub fn first_pass(p: &Prepared, sentences: &[Range<usize>], tags: &[Tag]) -> FirstPass {
    let n = p.words.len();
    let mut info = vec![FirstPassInfo::default(); n];
    let tag_at = |j: usize| tags.get(j).copied().unwrap_or(Tag::O);
    for s in sentences {
        let s = clip(s, n);
        for i in s.clone() {
            info[i].tag = tag_at(i).index() as u8;
            info[i].prev = if i > s.start {
                tag_at(i - 1).index() as u8
            } else {
                N_TAGS as u8
            };
            info[i].next = if i + 1 < s.end {
                tag_at(i + 1).index() as u8
            } else {
                N_TAGS as u8
            };
        }
    }
    // Kind counts per word over the document's capitalised tokens.
    let counted = |w: &WordInfo| is_capitalised(w.class);
    let mut counts: hash::KeyMap<[u16; 5]> = hash::KeyMap::default();
    for (i, w) in p.words.iter().enumerate() {
        if counted(w) {
            let c = counts.entry(w.lower).or_default();
            let k = kind_code(tag_at(i));
            c[k] = c[k].saturating_add(1);
        }
    }
    // History: kinds of entities that ended before the token, per word they contain.
    let mut history: hash::KeyMap<u8> = hash::KeyMap::default();
    let mut entity_start = None;
    for (i, w) in p.words.iter().enumerate() {
        let t = tag_at(i);
        if counted(w) {
            let mut c = counts.get(&w.lower).copied().unwrap_or_default();
            c[kind_code(t)] = c[kind_code(t)].saturating_sub(1);
            let mut bits = 0u8;
            let mut best = (0u16, 5u8);
            for (k, &x) in c.iter().enumerate() {
                if x > 0 {
                    bits |= 1 << k;
                    if x > best.0 {
                        best = (x, k as u8);
                    }
                }
            }
            info[i].doc_kinds = bits;
            info[i].majority = best.1;
            info[i].history = history.get(&w.lower).copied().unwrap_or(0);
        }
        if t.is_begin() || (t.is_inside() && entity_start.is_none()) {
            entity_start = Some(i);
        }
        let ends = t != Tag::O && !tag_at(i + 1).is_inside();
        if let (true, Some(start)) = (ends, entity_start) {
            let bit = 1u8 << kind_code(t);
            for word in p.words.get(start..=i).unwrap_or_default() {
                *history.entry(word.lower).or_default() |= bit;
            }
            entity_start = None;
        }
        if t == Tag::O {
            entity_start = None;
        }
    }
    FirstPass { info }
}

/// Emits the second stage's extra features for token `i`.
#[inline]
pub fn stage2_features(p: &Prepared, first: &FirstPass, i: usize, sink: &mut impl FnMut(u64)) {
    let (Some(f), Some(w)) = (first.info.get(i), p.words.get(i)) else {
        return;
    };
    sink(s1_tag_key(f.tag));
    sink(s1_context_key(f.prev, f.tag, f.next));
    if is_capitalised(w.class) {
        sink(s1_doc_kinds_key(f.doc_kinds, w.class));
        sink(s1_majority_key(f.majority));
        sink(s1_majority_tag_key(f.majority, f.tag));
        sink(s1_history_key(f.history, w.class));
    }
}

/// The first stage's tag of the token.
#[inline]
pub(super) fn s1_tag_key(tag: u8) -> u64 {
    hash::feature(T_S1_TAG, u64::from(tag))
}

/// The first stage's tags of the previous token, the token and the next one
/// (`N_TAGS` at a sentence edge).
#[inline]
pub(super) fn s1_context_key(prev: u8, tag: u8, next: u8) -> u64 {
    hash::feature(
        T_S1_CONTEXT,
        u64::from(prev) * 100 + u64::from(tag) * 10 + u64::from(next),
    )
}

/// The kinds given to the word's other capitalised occurrences ([`FirstPassInfo`]).
#[inline]
pub(super) fn s1_doc_kinds_key(kinds: u8, class: u8) -> u64 {
    hash::feature(T_S1_DOC_KINDS, u64::from(kinds) * 16 + u64::from(class))
}

#[inline]
pub(super) fn s1_majority_key(majority: u8) -> u64 {
    hash::feature(T_S1_DOC_MAJORITY, u64::from(majority))
}

#[inline]
pub(super) fn s1_majority_tag_key(majority: u8, tag: u8) -> u64 {
    hash::feature(T_S1_MAJORITY_TAG, u64::from(majority) * 16 + u64::from(tag))
}

#[inline]
pub(super) fn s1_history_key(history: u8, class: u8) -> u64 {
    hash::feature(T_S1_HISTORY, u64::from(history) * 16 + u64::from(class))
}

/// Computes a token's word-level hashes; `lower` is a scratch buffer.
pub(super) fn word_info(word: &str, lower: &mut String) -> WordInfo {
    if word.is_ascii() && word.len() <= ASCII_WORD {
        return ascii_word_info(word.as_bytes());
    }
    general_word_info(word, lower)
}

/// [`word_info`] for any word, char by char (the shortcut's reference).
fn general_word_info(word: &str, lower: &mut String) -> WordInfo {
    lower.clear();
    for c in word.chars() {
        let c = normalize_char(c);
        if c.is_ascii_digit() {
            lower.push('0');
        } else if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    let lower_hash = hash::bytes(lower.as_bytes());
    let mut info = WordInfo {
        word: hash::bytes(word.as_bytes()),
        lower: lower_hash,
        class: casing_class(word),
        clusters: wordclass::classes_of_hash(lower_hash),
        ..WordInfo::default()
    };
    if info.class == ALL_CAPS {
        let mut title = String::with_capacity(word.len());
        for (n, c) in word.chars().enumerate() {
            if n == 0 {
                title.push(c);
            } else {
                title.extend(c.to_lowercase());
            }
        }
        info.title = hash::bytes(title.as_bytes());
    }
    let (shape, short) = shapes(word);
    info.shape = shape;
    info.short_shape = short;
    let chars = lower.chars().count();
    let mut affixes = 0;
    for k in 1..=AFFIX.min(chars) {
        let p_end = lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i);
        let s_start = lower.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
        info.prefix[k - 1] = hash::bytes(lower.get(..p_end).unwrap_or("").as_bytes());
        info.suffix[k - 1] = hash::bytes(lower.get(s_start..).unwrap_or("").as_bytes());
        affixes = k;
    }
    info.affixes = affixes as u8;
    info
}

/// ASCII words up to this many bytes take [`ascii_word_info`].
const ASCII_WORD: usize = 64;

/// [`word_info`] of an ASCII word of at most [`ASCII_WORD`] bytes, byte by byte on
/// the stack: the same hashes (an ASCII char is its byte, and `normalize_char`,
/// `to_lowercase` and the char classes reduce to their ASCII cases).
fn ascii_word_info(word: &[u8]) -> WordInfo {
    let n = word.len().min(ASCII_WORD);
    let mut buf = [0u8; ASCII_WORD];
    let (mut upper, mut lower_count, mut digits) = (0, 0, 0);
    for (l, &b) in buf.iter_mut().zip(word) {
        upper += usize::from(b.is_ascii_uppercase());
        lower_count += usize::from(b.is_ascii_lowercase());
        digits += usize::from(b.is_ascii_digit());
        *l = if b.is_ascii_digit() {
            b'0'
        } else {
            b.to_ascii_lowercase()
        };
    }
    let lower = buf.get(..n).unwrap_or_default();
    let first_upper = word.first().is_some_and(u8::is_ascii_uppercase);
    let lower_hash = hash::bytes(lower);
    let mut info = WordInfo {
        word: hash::bytes(word),
        lower: lower_hash,
        class: class_of_counts(upper, lower_count, digits, first_upper),
        clusters: wordclass::classes_of_hash(lower_hash),
        ..WordInfo::default()
    };
    if info.class == ALL_CAPS {
        let mut title = [0u8; ASCII_WORD];
        for (k, (t, &b)) in title.iter_mut().zip(word).enumerate() {
            *t = if k == 0 { b } else { b.to_ascii_lowercase() };
        }
        info.title = hash::bytes(title.get(..n).unwrap_or_default());
    }
    let (shape, short) = shapes_of(word.iter().map(|&b| match b {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        _ => b,
    }));
    info.shape = shape;
    info.short_shape = short;
    let affixes = n.min(AFFIX);
    for k in 1..=affixes {
        info.prefix[k - 1] = hash::bytes(lower.get(..k).unwrap_or_default());
        info.suffix[k - 1] = hash::bytes(lower.get(n - k..).unwrap_or_default());
    }
    info.affixes = affixes as u8;
    info
}

/// Maps typographic punctuation of real text onto the ASCII forms CoNLL uses.
fn normalize_char(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2026}' => '.',
        _ => c,
    }
}

fn casing_class(word: &str) -> u8 {
    let (mut upper, mut lower, mut digit, mut other) = (0usize, 0usize, 0usize, 0usize);
    let mut first_upper = false;
    for (n, c) in word.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= n == 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        } else if c.is_alphabetic() {
            // Letters without case (CJK, Arabic ...).
            return OTHER;
        } else {
            other += 1;
        }
    }
    let _ = other;
    class_of_counts(upper, lower, digit, first_upper)
}

/// The casing class of a word with these counts of upper-case, lower-case and
/// numeric chars, whose first char is upper case or not.
fn class_of_counts(upper: usize, lower: usize, digit: usize, first_upper: bool) -> u8 {
    match (upper, lower, digit) {
        (0, 0, 0) => PUNCT,
        (_, _, d) if d > 0 => DIGITS,
        (0, _, _) => LOWER,
        (1, 0, _) => ONE_CAP,
        (_, 0, _) => ALL_CAPS,
        (1, _, _) if first_upper => INIT_CAP,
        _ => MIXED,
    }
}

/// The long shape (runs capped at 4: `Xxxxx` -> `Xxxx`) and the short shape
/// (runs collapsed: `Xx`), hashed.
fn shapes(word: &str) -> (u64, u64) {
    shapes_of(word.chars().map(|c| {
        let c = normalize_char(c);
        if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        }
    }))
}

/// [`shapes`] from the shape byte of each char.
#[inline]
fn shapes_of(chars: impl Iterator<Item = u8>) -> (u64, u64) {
    let mut long = [0u8; SHAPE_BYTES];
    let mut short = [0u8; SHAPE_BYTES];
    let (mut nl, mut ns) = (0, 0);
    let mut run_char = 0u8;
    let mut run = 0;
    for s in chars {
        if s == run_char {
            run += 1;
        } else {
            run_char = s;
            run = 1;
            if ns < SHAPE_BYTES {
                short[ns] = s;
                ns += 1;
            }
        }
        if run <= 4 && nl < SHAPE_BYTES {
            long[nl] = s;
            nl += 1;
        }
    }
    (hash::bytes(&long[..nl]), hash::bytes(&short[..ns]))
}

/// Counts, per lower-case form, how the document uses a word.
#[derive(Clone, Copy, Default)]
struct Usage {
    lower: u32,
    cap_mid: u32,
    run: [u32; 4],
}

fn doc_infos(words: &[WordInfo], sentences: &[Range<usize>], headline: &[bool]) -> Vec<DocInfo> {
    // What each token contributes, then the document's totals per lower-case form.
    let mut own = vec![Usage::default(); words.len()];
    for s in sentences {
        let s = clip(s, words.len());
        if headline.get(s.start).copied().unwrap_or(false) {
            continue;
        }
        let capitalised = |j: usize| words.get(j).is_some_and(|w| is_run_word(w.class));
        let mut j = s.start;
        while j < s.end {
            if let Some(w) = words.get(j)
                && w.class == LOWER
            {
                own[j].lower = 1;
            }
            if !capitalised(j) {
                j += 1;
                continue;
            }
            let start = j;
            while j < s.end && capitalised(j) {
                j += 1;
            }
            // A run that starts the sentence may owe its first capital to position only.
            let n = j - start;
            for (x, usage) in own
                .get_mut(start..j)
                .unwrap_or_default()
                .iter_mut()
                .enumerate()
            {
                let k = start + x;
                if k != s.start {
                    usage.cap_mid = 1;
                }
                let slot = match (n, x) {
                    (1, _) => 3,
                    (_, 0) => 0,
                    (n, x) if x + 1 == n => 2,
                    _ => 1,
                };
                if !(k == s.start && n == 1) {
                    usage.run[slot] = 1;
                }
            }
        }
    }
    let mut totals: hash::KeyMap<Usage> = hash::KeyMap::default();
    for (w, u) in words.iter().zip(&own) {
        let t = totals.entry(w.lower).or_default();
        t.lower += u.lower;
        t.cap_mid += u.cap_mid;
        for (a, b) in t.run.iter_mut().zip(u.run) {
            *a += b;
        }
    }
    words
        .iter()
        .zip(&own)
        .map(|(w, u)| {
            let t = totals.get(&w.lower).copied().unwrap_or_default();
            let mut run = 0u8;
            for (k, (a, b)) in t.run.iter().zip(u.run).enumerate() {
                if a.saturating_sub(b) > 0 {
                    run |= 1 << k;
                }
            }
            DocInfo {
                case: u8::from(t.lower.saturating_sub(u.lower) > 0)
                    | (u8::from(t.cap_mid.saturating_sub(u.cap_mid) > 0) << 1),
                run,
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init, clippy::reversed_empty_ranges)]
mod tests {
    use super::*;

    fn features_of(words: &[&str], i: usize) -> Vec<u64> {
        let p = prepare(words, &[0..words.len()], &Lexicon::default());
        let mut out = Vec::new();
        token_features(&p, &(0..words.len()), i, &mut |f| out.push(f));
        out
    }

    #[test]
    fn only_lower_case_words_among_lower_case_words_are_fixed_at_o() {
        let fixed = |words: &str, gaz_at: Option<usize>| -> Vec<bool> {
            let classes: Vec<u8> = words.split(' ').map(casing_class).collect();
            let mut gaz = vec![0; classes.len()];
            if let Some(g) = gaz_at.and_then(|k| gaz.get_mut(k)) {
                *g = 1;
            }
            (0..classes.len())
                .map(|k| fixed_o(&classes, &gaz, k))
                .collect()
        };
        // "of", "the" and "said" stand beside capitalised words; the comma and
        // the words after it do not, and a number is a quiet neighbour but never
        // fixed itself.
        assert_eq!(
            fixed("Bank of the West said , it was 3 percent .", None),
            [
                false, false, false, false, false, true, true, true, false, true, true
            ]
        );
        // A lower-case word at the sentence edge may be a name cut by a line break;
        // punctuation there is fixed.
        assert_eq!(fixed("Schalk van der", None), [false, false, false]);
        assert_eq!(fixed("\" the talks ended", None), [true, true, true, false]);
        // A word the gazetteer knows is scored.
        assert_eq!(
            fixed("talks in paris ended", Some(2)),
            [false, true, false, false]
        );
        assert!(!fixed_o(&[], &[], 0));
    }

    #[test]
    fn casing_classes() {
        assert_eq!(casing_class("london"), LOWER);
        assert_eq!(casing_class("London"), INIT_CAP);
        assert_eq!(casing_class("EU"), ALL_CAPS);
        assert_eq!(casing_class("A"), ONE_CAP);
        assert_eq!(casing_class("McDonald"), MIXED);
        assert_eq!(casing_class("1996-08-22"), DIGITS);
        assert_eq!(casing_class("--"), PUNCT);
        assert_eq!(casing_class("北京"), OTHER);
        assert_eq!(casing_class("Éire"), INIT_CAP);
    }

    #[test]
    fn shapes_cap_and_collapse_runs() {
        assert_eq!(shapes("Washington").0, shapes("Xxxxxxxxx").0);
        assert_eq!(shapes("Washington").0, shapes("Abcde").0);
        assert_ne!(shapes("Washington").0, shapes("Abcd").0);
        assert_eq!(shapes("Washington").1, shapes("Ab").1);
        assert_eq!(shapes("1996-08-22").1, shapes("1-2-3").1);
    }

    #[test]
    fn ascii_words_take_a_shortcut_to_the_same_hashes() {
        let long = "x".repeat(ASCII_WORD);
        let longer = "Y".repeat(ASCII_WORD + 1);
        let words = [
            "",
            "a",
            "A",
            "ab",
            "London",
            "LONDON",
            "EU",
            "McDonald",
            "1996-08-22",
            "--",
            "U.S.",
            "3.5%",
            "Xi",
            "A1",
            "aBC",
            "x-Ray",
            "IBM's",
            "\t",
            "~!@#$%^&*()",
            "abcdefghijklmnop",
            "ZZ9",
            &long,
            &longer,
        ];
        let mut buf = String::new();
        for w in words {
            let (fast, general) = (
                word_info(w, &mut buf),
                general_word_info(w, &mut String::new()),
            );
            let fields = |i: &WordInfo| {
                (
                    i.word,
                    i.lower,
                    i.shape,
                    i.short_shape,
                    i.prefix,
                    i.suffix,
                    i.affixes,
                    i.class,
                    i.title,
                    i.clusters,
                )
            };
            assert_eq!(fields(&fast), fields(&general), "{w:?}");
        }
        for b in 0..128u8 {
            let w = format!("{}a{}B", b as char, b as char);
            let fields = |i: &WordInfo| {
                (
                    i.word,
                    i.lower,
                    i.shape,
                    i.short_shape,
                    i.prefix,
                    i.suffix,
                    i.class,
                    i.title,
                )
            };
            assert_eq!(
                fields(&word_info(&w, &mut buf)),
                fields(&general_word_info(&w, &mut String::new())),
                "{w:?}"
            );
        }
    }

    #[test]
    fn typographic_quotes_read_like_ascii() {
        let mut buf = String::new();
        assert_eq!(
            word_info("\u{2019}s", &mut buf).lower,
            word_info("'s", &mut buf).lower
        );
        assert_eq!(
            word_info("\u{201C}", &mut buf).shape,
            word_info("\"", &mut buf).shape
        );
    }

    #[test]
    fn digits_fold_and_case_folds() {
        let mut buf = String::new();
        assert_eq!(
            word_info("1996", &mut buf).lower,
            word_info("2024", &mut buf).lower
        );
        assert_eq!(
            word_info("LONDON", &mut buf).lower,
            word_info("London", &mut buf).lower
        );
        assert_ne!(
            word_info("LONDON", &mut buf).word,
            word_info("London", &mut buf).word
        );
    }

    #[test]
    fn context_changes_features() {
        let a = features_of(&["in", "Paris", "today"], 1);
        let b = features_of(&["Mr", "Paris", "said"], 1);
        assert_ne!(a, b);
        assert_eq!(a.len(), b.len());
        assert_eq!(
            features_of(&["in", "Paris", "today"], 1),
            a,
            "deterministic"
        );
    }

    #[test]
    fn document_level_case_evidence() {
        // "BLACKBURN" in a headline; "Peter Blackburn" mid-text elsewhere.
        let words = [
            "BLACKBURN",
            "WINS",
            "said",
            "Peter",
            "Blackburn",
            "today",
            ".",
        ];
        let p = prepare(&words, &[0..2, 2..7], &Lexicon::default());
        assert!(p.headline[0] && !p.headline[2]);
        // The headline word sees a capitalised mid-sentence use and a run end elsewhere.
        assert_eq!(p.doc[0].case & 2, 2);
        assert_eq!(p.doc[0].run & 4, 4);
        // "Blackburn" itself sees no other use.
        assert_eq!(p.doc[4].case, 0);
        assert_eq!(p.doc[4].run, 0);
    }

    #[test]
    fn first_pass_sees_other_occurrences_and_history() {
        let words = ["Peter", "Duran", "won", ".", "Duran", "said", "."];
        let p = prepare(&words, &[0..4, 4..7], &Lexicon::default());
        let t = |s: &str| Tag::parse(s).unwrap();
        let tags = [
            t("B-PER"),
            t("I-PER"),
            t("O"),
            t("O"),
            t("B-ORG"),
            t("O"),
            t("O"),
        ];
        let f = first_pass(&p, &[0..4, 4..7], &tags);
        // The second "Duran" sees the first tagged PER (bit 1), and a PER entity before it.
        assert_eq!(f.info[4].doc_kinds, 1 << 1);
        assert_eq!(f.info[4].majority, 1);
        assert_eq!(f.info[4].history, 1 << 1);
        // The first sees the second's ORG, but no history.
        assert_eq!(f.info[1].doc_kinds, 1 << 3);
        assert_eq!(f.info[1].history, 0);
        assert_eq!((f.info[4].prev, f.info[4].next), (N_TAGS as u8, 0));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for words in [
            vec![],
            vec![""],
            vec!["\u{0301}", "🙂", "ǅ", "İstanbul"],
            vec!["x"; 3],
        ] {
            let p = prepare(&words, &[0..words.len(), 5..9, 2..1], &Lexicon::default());
            let tags = vec![Tag::O; words.len()];
            let f = first_pass(&p, &[0..words.len(), 7..3], &tags);
            for i in 0..words.len() + 2 {
                token_features(&p, &(0..words.len()), i, &mut |_| {});
                stage2_features(&p, &f, i, &mut |_| {});
            }
        }
    }
}
