//! The tagger's fast path: tags a document with both stages, giving the tags that
//! summing the weights of [`features::token_features`] and
//! [`features::stage2_features`] token by token gives (tests compare the two), with
//! as little work per token as possible.
//!
//! Per distinct word, once per thread (a cache keyed by the word's hash): its hashes,
//! casing class and gazetteer flags, and the summed weights of every feature that
//! depends on the word alone (its own, and what it gives each neighbour). Per model
//! and thread: the summed weights of the features whose values come from small sets
//! (casing classes in context, position, document evidence, the first stage's tags)
//! in dense tables. What is left per token is a few table reads, six probes for
//! word pairs and the rare features (gazetteer names, headlines). Every buffer is
//! kept per thread, so a document allocates only the tags it returns.

use super::features::{self, Side};
use super::hash;
use super::lexicon;
use super::model::{MAX_STAGES, Model, StageScores, Transitions};
use super::tags::{N_TAGS, Tag};
use std::cell::{Cell, RefCell};
use std::ops::Range;

type Scores = StageScores;
const ZERO: Scores = [0; MAX_STAGES * N_TAGS];
/// A row of the second stage's weights alone.
type Stage2 = [i32; N_TAGS];

#[inline]
fn add(into: &mut [i32], from: &[i32]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

/// What the fast path keeps of a distinct word.
#[derive(Clone, Copy, Debug)]
struct Word {
    lower: u64,
    shape: u64,
    /// The word's gazetteer-name hash, and the name key of a name it starts.
    name: u64,
    name_start: u64,
    /// Dense number of the lower-case form, per thread: documents count by it.
    lower_id: u32,
    /// Dense number of the short shape, per thread ([`Shapes`]), or [`NO_SHAPE`].
    shape_id: u16,
    class: u8,
    gaz: u8,
}

/// The summed weights a word brings: its own features and what it gives each
/// neighbour.
#[derive(Clone)]
struct WordWeights {
    own: Scores,
    /// What it gives the tokens beside it ([`Side::Prev`], [`Side::Next`]).
    near: [Scores; 2],
    /// What it gives the tokens two away ([`Side::Prev2`], [`Side::Next2`]): one
    /// feature each, so where its weights are ([`NO_ROW`]: none) rather than a
    /// sum, which keeps a word's cached data at 280 bytes instead of 424 (the
    /// word cache outgrew the L2 cache and was the tagger's first source of
    /// misses).
    far_rows: [u32; 2],
    class_rows: ClassRows,
}

/// Where the model keeps the weights of the two features that pair a word with the
/// class of the token beside it ([`NO_ROW`]: it has none), for each class: looked
/// up the first time a word meets a class and kept (about half of those probes
/// found nothing, and each read a random line of the 2 MB slot array). Filled
/// lazily, so a word new to the thread costs no more probes than before.
#[derive(Clone, Default)]
struct ClassRows {
    /// `features::prev_lower_class_key(word, class)`: the word precedes the token.
    as_prev: [Cell<u32>; CLASSES],
    /// `features::class_next_lower_key(class, word)`: the word follows the token.
    as_next: [Cell<u32>; CLASSES],
}

/// A feature the model lacks, in [`ClassRows`] and [`Shapes`].
const NO_ROW: u32 = u32::MAX;
/// A [`ClassRows`] entry not looked up yet (model rows number far fewer).
const NOT_LOOKED_UP: u32 = 0;

impl ClassRows {
    /// The row of `features::prev_lower_class_key(lower, class)`, where `lower`
    /// is this word's lower-case hash ([`features::BOS`] at the sentence edge).
    #[inline]
    fn as_prev(&self, model: &Model, lower: u64, class: u8) -> u32 {
        Self::row(self.as_prev.get(usize::from(class)), model, || {
            features::prev_lower_class_key(lower, class)
        })
    }

    /// The row of `features::class_next_lower_key(class, lower)` ([`features::EOS`]
    /// at the sentence edge).
    #[inline]
    fn as_next(&self, model: &Model, lower: u64, class: u8) -> u32 {
        Self::row(self.as_next.get(usize::from(class)), model, || {
            features::class_next_lower_key(class, lower)
        })
    }

    /// Rows are kept plus one, so that the zeroed default means "not looked up".
    #[inline]
    fn row(cell: Option<&Cell<u32>>, model: &Model, key: impl Fn() -> u64) -> u32 {
        let look_up = || model.row_of(key()).map_or(NO_ROW, |r| r.wrapping_add(1));
        let kept = match cell {
            Some(cell) => match cell.get() {
                NOT_LOOKED_UP => {
                    let row = look_up();
                    cell.set(row);
                    row
                }
                row => row,
            },
            None => look_up(),
        };
        if kept == NO_ROW { NO_ROW } else { kept - 1 }
    }
}

/// Adds the weights at `row` unless it is [`NO_ROW`].
#[inline]
fn add_row(model: &Model, row: u32, into: &mut Scores) {
    if row != NO_ROW {
        model.add_row(row, into);
    }
}

/// Most short shapes numbered per thread; rarer ones are probed in the model table.
const SHAPE_IDS: usize = 64;
/// The shape number of the sentence edge (before the first and after the last token).
const EDGE_SHAPE: u16 = 0;
/// A shape beyond the first [`SHAPE_IDS`].
const NO_SHAPE: u16 = u16::MAX;
/// A pair of shapes whose rows are not looked up yet.
const UNKNOWN: [u32; 2] = [NO_ROW - 1; 2];

/// The two shape-pair features per pair of short shapes, per thread: words have a
/// few dozen shapes, so the pairs of neighbours repeat all the time, and looking
/// them up here instead of in the model table saves two random probes a token.
/// Their weights are kept widened to `i32` ([`Shapes::sum`]): a few hundred
/// pairs occur, and adding a widened row takes half the instructions.
#[derive(Default)]
struct Shapes {
    /// Short-shape hash -> number (from 1; 0 is the edge).
    ids: hash::KeyMap<u16>,
    /// Number -> short-shape hash.
    values: Vec<u64>,
    /// `(a, b)` at `a * SHAPE_IDS + b`: where in `sums` the weights of
    /// `features::prev_cur_shape_key(a, b)` and `features::cur_next_shape_key(a, b)`
    /// are ([`NO_ROW`]: the model lacks the feature).
    pairs: Vec<[u32; 2]>,
    /// The weights of the pair features looked up so far.
    sums: Vec<Scores>,
}

impl Shapes {
    fn clear(&mut self) {
        self.ids.clear();
        self.values.clear();
        self.pairs.clear();
        self.sums.clear();
    }

    /// The weights at `at` (from [`Shapes::rows`]), unless it is [`NO_ROW`].
    #[inline]
    fn sum(&self, at: u32) -> Option<&Scores> {
        self.sums.get(at as usize)
    }

    /// The number of a short shape, given on first sight while numbers last.
    fn id(&mut self, shape: u64) -> u16 {
        if self.values.is_empty() {
            self.values.push(features::BOS);
        }
        if let Some(&id) = self.ids.get(&shape) {
            return id;
        }
        if self.values.len() >= SHAPE_IDS {
            return NO_SHAPE;
        }
        let id = self.values.len() as u16;
        self.values.push(shape);
        self.ids.insert(shape, id);
        id
    }

    /// Where the weights of the two features over shapes `a` then `b` are in
    /// `sums` (`None` for [`NO_SHAPE`]): `[prev_cur_shape_key, cur_next_shape_key]`,
    /// where the edge stands for [`features::BOS`] first and [`features::EOS`] second.
    #[inline]
    fn rows(&mut self, model: &Model, a: u16, b: u16) -> Option<[u32; 2]> {
        let at = usize::from(a) * SHAPE_IDS + usize::from(b);
        match self.pairs.get(at) {
            Some(&pair) if pair != UNKNOWN => return Some(pair),
            Some(_) => {}
            None if self.pairs.is_empty() => self.pairs.resize(SHAPE_IDS * SHAPE_IDS, UNKNOWN),
            None => return None,
        }
        self.look_up(model, a, b, at)
    }

    #[cold]
    fn look_up(&mut self, model: &Model, a: u16, b: u16, at: usize) -> Option<[u32; 2]> {
        let value = |id: u16, edge: u64| match id {
            EDGE_SHAPE => Some(edge),
            id => self.values.get(usize::from(id)).copied(),
        };
        let (first, second) = (value(a, features::BOS)?, value(b, features::EOS)?);
        let sums = &mut self.sums;
        let mut widen = |key| match model.row_of(key) {
            Some(row) => {
                let mut sum = ZERO;
                model.add_row(row, &mut sum);
                sums.push(sum);
                (sums.len() - 1) as u32
            }
            None => NO_ROW,
        };
        let pair = self.pairs.get_mut(at)?;
        if *pair == UNKNOWN {
            *pair = [
                widen(features::prev_cur_shape_key(first, second)),
                widen(features::cur_next_shape_key(first, second)),
            ];
        }
        Some(*pair)
    }
}

/// Summed weights of the small-valued features of one model.
struct Tables {
    /// What the sentence edges give the tokens beside them.
    edges: [Scores; 4],
    /// Casing classes of previous, current and next token.
    class_context: Vec<Scores>,
    /// Sentence start and sentence length bucket, with the class, and whether a
    /// gazetteer word stands beside the token: without one (most tokens) the
    /// row holds the weights of "no gazetteer word on either side" too.
    position: Vec<Scores>,
    /// The class pairs of the sentence edges (see [`ClassRows`]).
    edge_class_rows: ClassRows,
    /// The document's case and run evidence together, in one row.
    doc: Vec<Scores>,
    /// Stage 2: the first stage's tag with its neighbours' tags.
    tag_context: Vec<Stage2>,
    doc_kinds: Vec<Stage2>,
    majority: Vec<Stage2>,
    history: Vec<Stage2>,
}

const CLASSES: usize = features::CLASSES;
/// Class values in context: the classes and the sentence edge.
const CONTEXT_CLASSES: usize = CLASSES + 1;
/// First-stage tags in context: the tags and the sentence edge.
const CONTEXT_TAGS: usize = N_TAGS + 1;
/// Values of a kinds bit set (none, PER, LOC, ORG, MISC).
const KIND_SETS: usize = 32;
/// Values of the majority kind (none, the four kinds, no other occurrence).
const MAJORITIES: usize = 6;

fn class_context_index(prev: u8, class: u8, next: u8) -> usize {
    (usize::from(prev) * CLASSES + usize::from(class)) * CONTEXT_CLASSES + usize::from(next)
}

fn position_index(gaz_beside: bool, first: bool, bucket: u8, class: u8) -> usize {
    ((usize::from(gaz_beside) * 2 + usize::from(first)) * features::LENGTH_BUCKETS
        + usize::from(bucket))
        * CLASSES
        + usize::from(class)
}

/// Values of the document's case evidence ([`doc_codes`]).
const DOC_CASES: usize = 4;
/// Values of the document's run evidence ([`doc_codes`]).
const DOC_RUNS: usize = 16;

fn doc_index(case: u8, run: u8, context: u8) -> usize {
    (usize::from(case) * DOC_RUNS + usize::from(run)) * features::DOC_CONTEXTS
        + usize::from(context)
}

fn tag_context_index(prev: u8, tag: u8, next: u8) -> usize {
    (usize::from(prev) * N_TAGS + usize::from(tag)) * CONTEXT_TAGS + usize::from(next)
}

fn by_class_index(code: u8, class: u8) -> usize {
    usize::from(code) * CLASSES + usize::from(class)
}

fn majority_index(majority: u8, tag: u8) -> usize {
    usize::from(majority) * N_TAGS + usize::from(tag)
}

impl Tables {
    fn new(model: &Model) -> Tables {
        let sum = |keys: &[u64]| {
            let mut s = ZERO;
            for &k in keys {
                model.add_feature(k, &mut s);
            }
            s
        };
        let sum2 = |keys: &[u64]| {
            let mut s = ZERO;
            for &k in keys {
                model.add_stage2_feature(k, &mut s);
            }
            let mut out = [0; N_TAGS];
            out.copy_from_slice(s.get(N_TAGS..).unwrap_or(&[0; N_TAGS]));
            out
        };
        let edges = Side::ALL.map(|side| {
            let mut s = ZERO;
            features::side_features(None, side, &mut |f| model.add_feature(f, &mut s));
            s
        });
        let n = |x: usize| x as u8;
        let mut class_context = vec![ZERO; CONTEXT_CLASSES * CLASSES * CONTEXT_CLASSES];
        for p in 0..CONTEXT_CLASSES {
            for c in 0..CLASSES {
                for x in 0..CONTEXT_CLASSES {
                    class_context[class_context_index(n(p), n(c), n(x))] =
                        sum(&[features::class_context_key(n(p), n(c), n(x))]);
                }
            }
        }
        let mut position = vec![ZERO; 2 * 2 * features::LENGTH_BUCKETS * CLASSES];
        for gaz_beside in [false, true] {
            for first in [false, true] {
                for b in 0..features::LENGTH_BUCKETS {
                    for c in 0..CLASSES {
                        let (p, l) = (
                            features::position_key(first, n(c)),
                            features::length_key(n(b), n(c)),
                        );
                        position[position_index(gaz_beside, first, n(b), n(c))] = if gaz_beside {
                            sum(&[p, l])
                        } else {
                            sum(&[p, l, features::gaz_neighbours_key(0, 0)])
                        };
                    }
                }
            }
        }
        let contexts = features::DOC_CONTEXTS;
        let mut doc = vec![ZERO; DOC_CASES * DOC_RUNS * contexts];
        for case in 0..DOC_CASES {
            for run in 0..DOC_RUNS {
                for context in 0..contexts {
                    doc[doc_index(n(case), n(run), n(context))] = sum(&[
                        features::doc_case_key(n(case), n(context)),
                        features::doc_run_key(n(run), n(context)),
                    ]);
                }
            }
        }
        let mut tag_context = vec![[0; N_TAGS]; CONTEXT_TAGS * N_TAGS * CONTEXT_TAGS];
        for p in 0..CONTEXT_TAGS {
            for t in 0..N_TAGS {
                for x in 0..CONTEXT_TAGS {
                    tag_context[tag_context_index(n(p), n(t), n(x))] = sum2(&[
                        features::s1_tag_key(n(t)),
                        features::s1_context_key(n(p), n(t), n(x)),
                    ]);
                }
            }
        }
        let by_class = |key: fn(u8, u8) -> u64| -> Vec<Stage2> {
            (0..KIND_SETS * CLASSES)
                .map(|i| sum2(&[key(n(i / CLASSES), n(i % CLASSES))]))
                .collect()
        };
        let majority = (0..MAJORITIES * N_TAGS)
            .map(|i| {
                let (m, t) = (n(i / N_TAGS), n(i % N_TAGS));
                sum2(&[
                    features::s1_majority_key(m),
                    features::s1_majority_tag_key(m, t),
                ])
            })
            .collect();
        Tables {
            edges,
            class_context,
            position,
            edge_class_rows: ClassRows::default(),
            doc,
            tag_context,
            doc_kinds: by_class(features::s1_doc_kinds_key),
            majority,
            history: by_class(features::s1_history_key),
        }
    }
}

/// Most distinct words cached per thread before the cache starts over (a word
/// takes about 450 bytes).
const WORD_CACHE_LIMIT: usize = 30_000;

/// Per thread: the words seen, the model's tables, and the buffers of one document.
#[derive(Default)]
struct Cache {
    model: u64,
    /// Word hash -> index into `words` and `weights`.
    index: hash::KeyMap<u32>,
    words: Vec<Word>,
    weights: Vec<WordWeights>,
    /// Lower-case hash -> dense id.
    lower_ids: hash::KeyMap<u32>,
    shapes: Shapes,
    tables: Option<Box<Tables>>,
    lower_buf: String,
    doc: Scratch,
}

/// Buffers for one document, reused.
#[derive(Default)]
struct Scratch {
    /// Per token: its word's index in the cache.
    token_words: Vec<u32>,
    /// Per token: the document-local number of its lower-case form.
    local: Vec<u32>,
    /// Per token: its casing class.
    classes: Vec<u8>,
    /// Per token: its word's gazetteer flags.
    gaz: Vec<u8>,
    /// Per sentence in order, per token of the sentence (clipped to the
    /// document): whether it is fixed at `O` ([`features::fixed_o`]). Computed
    /// once, read by both stages' scoring and decoding ([`Fixed`]).
    fixed: Vec<bool>,
    /// Per lower-case id: (document generation, local number).
    stamps: Vec<(u32, u32)>,
    generation: u32,
    locals: usize,
    headline: Vec<bool>,
    /// Per token: bit 0 lower case, bit 1 capitalised mid-sentence, bits 2..6 its
    /// place in a run of capitalised words (first, middle, last, alone).
    usage: Vec<u8>,
    /// Per local number: the sums of those six bits over the document.
    totals: Vec<[u32; 6]>,
    /// Per token: its place in a two- or three-word gazetteer name.
    names: Vec<u16>,
    scores: Vec<Scores>,
    back: Vec<[u8; N_TAGS]>,
    first: Vec<FirstInfo>,
    counts: Vec<[u16; 5]>,
    history: Vec<u8>,
}

/// The first stage's document evidence for one capitalised token (as
/// `features::FirstPassInfo`; its tag and its neighbours' tags are read from the
/// tags themselves).
#[derive(Clone, Copy, Default)]
struct FirstInfo {
    doc_kinds: u8,
    majority: u8,
    history: u8,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Tags a document with at most `stages` stages of `model` (see
/// [`super::tagger::tag_document_stages`]).
pub fn tag(model: &Model, words: &[&str], sentences: &[Range<usize>], stages: usize) -> Vec<Tag> {
    let mut tags = vec![Tag::O; words.len()];
    let Some(first) = model.stages.first() else {
        return tags;
    };
    CACHE.with_borrow_mut(|cache| {
        if cache.model != model.id() || cache.words.len() > WORD_CACHE_LIMIT {
            cache.model = model.id();
            cache.index.clear();
            cache.words.clear();
            cache.weights.clear();
            cache.lower_ids.clear();
            cache.shapes.clear();
            cache.doc.stamps.clear();
            cache.tables = None;
        }
        let tables = cache
            .tables
            .get_or_insert_with(|| Box::new(Tables::new(model)));
        let doc = &mut cache.doc;
        look_up_words(
            model,
            words,
            &mut cache.index,
            &mut cache.words,
            &mut cache.weights,
            &mut cache.lower_ids,
            &mut cache.shapes,
            &mut cache.lower_buf,
            doc,
        );
        let cached = Cached {
            words: &cache.words,
            weights: &cache.weights,
            tables,
        };
        // The steps are kept out of line (`#[inline(never)]`, as
        // `first_scores`): inlined into this one body, they cost the tagger
        // about 4 instructions per byte of text more (callgrind, session 10).
        mark_headlines(sentences, doc);
        count_usage(sentences, doc);
        mark_names(model, &cached, sentences, doc);
        mark_fixed(sentences, doc);
        first_scores(model, &cached, &mut cache.shapes, sentences, doc);
        decode_stage(first, 0, sentences, doc, &mut tags);
        if let Some(second) = model.stages.get(1).filter(|_| stages >= 2) {
            first_pass(&tags, doc);
            second_scores(&cached, sentences, &tags, doc);
            decode_stage(second, N_TAGS, sentences, doc, &mut tags);
        }
    });
    tags
}

/// The cache's contents, read-only while a document is scored.
struct Cached<'a> {
    words: &'a [Word],
    weights: &'a [WordWeights],
    tables: &'a Tables,
}

impl Cached<'_> {
    #[inline]
    fn word(&self, doc: &Scratch, i: usize) -> Option<&Word> {
        doc.token_words
            .get(i)
            .and_then(|&w| self.words.get(w as usize))
    }

    #[inline]
    fn weights(&self, doc: &Scratch, i: usize) -> Option<&WordWeights> {
        doc.token_words
            .get(i)
            .and_then(|&w| self.weights.get(w as usize))
    }
}

/// Finds (or computes) every token's word in the cache, and numbers the document's
/// lower-case forms.
// Out of line: see `tag`.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn look_up_words(
    model: &Model,
    words: &[&str],
    index: &mut hash::KeyMap<u32>,
    cached: &mut Vec<Word>,
    weights: &mut Vec<WordWeights>,
    lower_ids: &mut hash::KeyMap<u32>,
    shapes: &mut Shapes,
    lower_buf: &mut String,
    doc: &mut Scratch,
) {
    doc.token_words.clear();
    doc.local.clear();
    doc.classes.clear();
    doc.gaz.clear();
    doc.generation = doc.generation.wrapping_add(1);
    if doc.generation == 0 {
        doc.stamps.clear();
        doc.generation = 1;
    }
    doc.locals = 0;
    for w in words {
        let key = hash::bytes(w.as_bytes());
        // Nearly every word is in the cache: a plain look-up first (the entry
        // API makes room for an insertion on every call).
        let at = match index.get(&key) {
            Some(&at) => at,
            None => *index.entry(key).or_insert_with(|| {
                let (word, weight) = new_word(model, w, lower_buf, lower_ids, shapes);
                cached.push(word);
                weights.push(weight);
                (cached.len() - 1) as u32
            }),
        };
        doc.token_words.push(at);
        let (lower_id, class, gaz) = cached
            .get(at as usize)
            .map_or((0, features::LOWER, 0), |w| {
                (w.lower_id as usize, w.class, w.gaz)
            });
        doc.classes.push(class);
        doc.gaz.push(gaz);
        if doc.stamps.len() <= lower_id {
            doc.stamps.resize(lower_id + 1, (0, 0));
        }
        let local = match doc.stamps.get_mut(lower_id) {
            Some(stamp) if stamp.0 == doc.generation => stamp.1,
            Some(stamp) => {
                *stamp = (doc.generation, doc.locals as u32);
                doc.locals += 1;
                stamp.1
            }
            None => 0,
        };
        doc.local.push(local);
    }
}

/// A word's facts and weights, computed once per thread.
fn new_word(
    model: &Model,
    word: &str,
    lower_buf: &mut String,
    lower_ids: &mut hash::KeyMap<u32>,
    shapes: &mut Shapes,
) -> (Word, WordWeights) {
    let info = features::word_info(word, lower_buf);
    let gaz = features::gaz_flags(&info, model.lexicon());
    let mut own = ZERO;
    features::own_features(&info, gaz, &mut |f| model.add_feature(f, &mut own));
    let near = [Side::Prev, Side::Next].map(|side| {
        let mut s = ZERO;
        features::side_features(Some(&info), side, &mut |f| model.add_feature(f, &mut s));
        s
    });
    let row = |key| model.row_of(key).unwrap_or(NO_ROW);
    let far_rows = [
        row(features::prev2_key(info.lower)),
        row(features::next2_key(info.lower)),
    ];
    let next_id = lower_ids.len() as u32;
    let lower_id = *lower_ids.entry(info.lower).or_insert(next_id);
    let name = features::name_key(&info);
    let word = Word {
        lower: info.lower,
        shape: info.short_shape,
        name,
        name_start: lexicon::ngram_step(lexicon::NGRAM_SEED, 0, name),
        lower_id,
        shape_id: shapes.id(info.short_shape),
        class: info.class,
        gaz,
    };
    let class_rows = ClassRows::default();
    (
        word,
        WordWeights {
            own,
            near,
            far_rows,
            class_rows,
        },
    )
}

/// Marks the tokens of all-capitals headlines (as `features::prepare`).
fn mark_headlines(sentences: &[Range<usize>], doc: &mut Scratch) {
    let n = doc.token_words.len();
    doc.headline.clear();
    doc.headline.resize(n, false);
    for s in sentences {
        let s = features::clip(s, n);
        let mut caps = 0;
        let mut lower = false;
        for i in s.clone() {
            match doc
                .classes
                .get(i)
                .copied()
                .and_then(features::headline_class)
            {
                None => {
                    lower = true;
                    break;
                }
                Some(true) => caps += 1,
                Some(false) => {}
            }
        }
        if !lower
            && caps >= 2
            && let Some(h) = doc.headline.get_mut(s)
        {
            h.fill(true);
        }
    }
}

/// How each token uses its word, and the document's totals per lower-case form
/// (as `features::doc_infos`).
// Out of line: see `tag`.
#[inline(never)]
fn count_usage(sentences: &[Range<usize>], doc: &mut Scratch) {
    let n = doc.token_words.len();
    doc.usage.clear();
    doc.usage.resize(n, 0);
    for s in sentences {
        let s = features::clip(s, n);
        if doc.headline.get(s.start).copied().unwrap_or(false) {
            continue;
        }
        let classes = &doc.classes;
        let capitalised = |j: usize| classes.get(j).copied().is_some_and(features::is_run_word);
        let mut j = s.start;
        while j < s.end {
            if classes.get(j) == Some(&features::LOWER)
                && let Some(u) = doc.usage.get_mut(j)
            {
                *u |= 1;
            }
            if !capitalised(j) {
                j += 1;
                continue;
            }
            let start = j;
            while j < s.end && capitalised(j) {
                j += 1;
            }
            let run = j - start;
            for k in start..j {
                let x = k - start;
                let Some(u) = doc.usage.get_mut(k) else {
                    continue;
                };
                if k != s.start {
                    *u |= 2;
                }
                let slot = match (run, x) {
                    (1, _) => 3,
                    (_, 0) => 0,
                    (run, x) if x + 1 == run => 2,
                    _ => 1,
                };
                if !(k == s.start && run == 1) {
                    *u |= 4 << slot;
                }
            }
        }
    }
    doc.totals.clear();
    doc.totals.resize(doc.locals, [0; 6]);
    for (&local, &u) in doc.local.iter().zip(&doc.usage) {
        // Punctuation, numbers and the like use their word no way: nothing to add.
        if u == 0 {
            continue;
        }
        // Lower-case words, most of the rest: only the first bit.
        if u == 1 {
            if let Some(t) = doc.totals.get_mut(local as usize) {
                t[0] += 1;
            }
            continue;
        }
        if let Some(t) = doc.totals.get_mut(local as usize) {
            for (b, x) in t.iter_mut().enumerate() {
                *x += u32::from(u >> b & 1);
            }
        }
    }
}

/// A token's document evidence: (case, run) as `features::DocInfo`.
#[inline]
fn doc_codes(doc: &Scratch, i: usize) -> (u8, u8) {
    let u = doc.usage.get(i).copied().unwrap_or(0);
    let t = doc
        .local
        .get(i)
        .and_then(|&l| doc.totals.get(l as usize))
        .copied()
        .unwrap_or_default();
    let elsewhere = |b: usize| t.get(b).copied().unwrap_or(0) > u32::from(u >> b & 1);
    let case = u8::from(elsewhere(0)) | u8::from(elsewhere(1)) << 1;
    let mut run = 0;
    for k in 0..4 {
        if elsewhere(2 + k) {
            run |= 1 << k;
        }
    }
    (case, run)
}

/// Marks two- and three-word gazetteer names, longest first (as `features::prepare`).
// Out of line: see `tag`.
#[inline(never)]
fn mark_names(model: &Model, c: &Cached<'_>, sentences: &[Range<usize>], doc: &mut Scratch) {
    let n = doc.token_words.len();
    doc.names.clear();
    doc.names.resize(n, 0);
    let lexicon = model.lexicon();
    if lexicon.is_empty() {
        return;
    }
    for s in sentences {
        let s = features::clip(s, n);
        let mut i = s.start;
        while i < s.end {
            let mut matched = 0;
            if let Some(w) = c.word(doc, i).filter(|w| features::is_capitalised(w.class))
                && let Some(second) = c.word(doc, i + 1).filter(|_| i + 2 <= s.end)
            {
                let two = lexicon::ngram_step(w.name_start, 1, second.name);
                let three = c
                    .word(doc, i + 2)
                    .filter(|_| i + 3 <= s.end)
                    .map(|third| lexicon::ngram_step(two, 2, third.name));
                let found = match three.map(|k| lexicon.get(k)) {
                    Some(flags) if flags != 0 => Some((3, flags)),
                    _ => Some((2, lexicon.get(two))).filter(|(_, f)| *f != 0),
                };
                if let Some((len, flags)) = found {
                    for (k, code) in doc
                        .names
                        .get_mut(i..i + len)
                        .unwrap_or_default()
                        .iter_mut()
                        .enumerate()
                    {
                        *code = features::name_code(k > 0, flags);
                    }
                    matched = len;
                }
            }
            i += matched.max(1);
        }
    }
}

/// Marks the tokens fixed at `O`, sentence by sentence ([`Scratch::fixed`]).
// Out of line: see `tag`.
#[inline(never)]
fn mark_fixed(sentences: &[Range<usize>], doc: &mut Scratch) {
    let n = doc.token_words.len();
    doc.fixed.clear();
    for s in sentences {
        let s = features::clip(s, n);
        let classes = doc.classes.get(s.clone()).unwrap_or_default();
        let gaz = doc.gaz.get(s.clone()).unwrap_or_default();
        doc.fixed
            .extend((0..s.len()).map(|k| features::fixed_o(classes, gaz, k)));
    }
}

/// Walks [`Scratch::fixed`] sentence by sentence, in the order it was marked.
struct Fixed<'d> {
    marks: &'d [bool],
    at: usize,
    tokens: usize,
}

impl<'d> Fixed<'d> {
    fn new(marks: &'d [bool], tokens: usize) -> Self {
        Fixed {
            marks,
            at: 0,
            tokens,
        }
    }

    /// The marks of the next sentence, by position in the sentence.
    fn sentence(&mut self, sentence: &Range<usize>) -> &'d [bool] {
        let len = features::clip(sentence, self.tokens).len();
        let marks = self.marks.get(self.at..self.at + len).unwrap_or_default();
        self.at += len;
        marks
    }
}

/// Every token's scores from the features both stages share (as the sum of
/// `features::token_features`).
// Out of line on purpose: when the compiler inlines it into `tag`, the score
// lanes spill to the stack and the sums go scalar (20-30% more instructions for
// the tagger, measured with callgrind twice this session).
#[inline(never)]
fn first_scores(
    model: &Model,
    c: &Cached<'_>,
    shapes: &mut Shapes,
    sentences: &[Range<usize>],
    doc: &mut Scratch,
) {
    let n = doc.token_words.len();
    // Every token of a sentence gets its scores written below, and no other
    // token's scores are read (both stages decode sentence by sentence): the
    // buffer, kept from the last document, needs room but no zeroing.
    doc.scores.truncate(n);
    doc.scores.resize(n, ZERO);
    let t = c.tables;
    let mut marks = Fixed::new(&doc.fixed, n);
    for sentence in sentences {
        let bucket = features::length_bucket(sentence.len());
        let fixed = marks.sentence(sentence);
        for i in sentence.clone() {
            // Not scored: Viterbi reads it as a fixed `O` (see `features::fixed_o`).
            if fixed.get(i - sentence.start) == Some(&true) {
                continue;
            }
            let (Some(w), Some(weights)) = (c.word(doc, i), c.weights(doc, i)) else {
                if let Some(out) = doc.scores.get_mut(i) {
                    *out = ZERO;
                }
                continue;
            };
            let mut s = weights.own;
            for (k, side) in Side::ALL.into_iter().enumerate() {
                match side.of(i).filter(|j| sentence.contains(j)) {
                    Some(j) => {
                        let Some(x) = c.weights(doc, j) else {
                            continue;
                        };
                        if let Some(from) = x.near.get(k) {
                            add(&mut s, from);
                        } else if let Some(&row) = k.checked_sub(2).and_then(|f| x.far_rows.get(f))
                        {
                            add_row(model, row, &mut s);
                        }
                    }
                    None => {
                        if let Some(from) = t.edges.get(k) {
                            add(&mut s, from);
                        }
                    }
                }
            }
            let near = |j: Option<usize>| j.filter(|j| sentence.contains(j));
            let (prev_at, next_at) = (near(i.checked_sub(1)), near(i.checked_add(1)));
            let prev = prev_at.and_then(|j| c.word(doc, j));
            let next = next_at.and_then(|j| c.word(doc, j));
            // The six features of `features::pair_keys`: the two over shapes from
            // `shapes`, the two over a neighbour and the token's class from the
            // neighbour's `ClassRows`, the two over lower-case forms probed.
            let (pl, ps) = prev.map_or((features::BOS, features::BOS), |p| (p.lower, p.shape));
            let (nl, ns) = next.map_or((features::EOS, features::EOS), |x| (x.lower, x.shape));
            let shape_id = |x: Option<&Word>| x.map_or(EDGE_SHAPE, |x| x.shape_id);
            match shapes.rows(model, shape_id(prev), w.shape_id) {
                Some([at, _]) => {
                    if let Some(sum) = shapes.sum(at) {
                        add(&mut s, sum);
                    }
                }
                None => model.add_feature(features::prev_cur_shape_key(ps, w.shape), &mut s),
            }
            match shapes.rows(model, w.shape_id, shape_id(next)) {
                Some([_, at]) => {
                    if let Some(sum) = shapes.sum(at) {
                        add(&mut s, sum);
                    }
                }
                None => model.add_feature(features::cur_next_shape_key(w.shape, ns), &mut s),
            }
            let class_rows = |at: Option<usize>| {
                at.and_then(|j| c.weights(doc, j))
                    .map_or(&t.edge_class_rows, |x| &x.class_rows)
            };
            add_row(
                model,
                class_rows(prev_at).as_prev(model, pl, w.class),
                &mut s,
            );
            add_row(
                model,
                class_rows(next_at).as_next(model, nl, w.class),
                &mut s,
            );
            for key in features::lower_pair_keys(pl, w.lower, nl) {
                model.add_feature(key, &mut s);
            }
            let class_of = |x: Option<&Word>| x.map_or(features::EDGE_CLASS, |x| x.class);
            let (pc, nc) = (class_of(prev), class_of(next));
            match t.class_context.get(class_context_index(pc, w.class, nc)) {
                Some(row) => add(&mut s, row),
                None => model.add_feature(features::class_context_key(pc, w.class, nc), &mut s),
            }
            let first = i == sentence.start;
            let (pg, ng) = (prev.map_or(0, |p| p.gaz), next.map_or(0, |x| x.gaz));
            let gaz_beside = pg != 0 || ng != 0;
            match t
                .position
                .get(position_index(gaz_beside, first, bucket, w.class))
            {
                Some(row) => add(&mut s, row),
                None => {
                    model.add_feature(features::position_key(first, w.class), &mut s);
                    model.add_feature(features::length_key(bucket, w.class), &mut s);
                    if !gaz_beside {
                        model.add_feature(features::gaz_neighbours_key(0, 0), &mut s);
                    }
                }
            }
            if gaz_beside {
                model.add_feature(features::gaz_neighbours_key(pg, ng), &mut s);
            }
            let code = doc.names.get(i).copied().unwrap_or(0);
            features::name_features(code, w.class, &mut |f| model.add_feature(f, &mut s));
            let headline = doc.headline.get(i).copied().unwrap_or(false);
            if headline {
                for key in features::headline_keys(w.lower, w.shape) {
                    model.add_feature(key, &mut s);
                }
            }
            if features::has_doc_features(w.class) {
                let (case, run) = doc_codes(doc, i);
                let context = features::doc_context(w.class, first, headline);
                match t.doc.get(doc_index(case, run, context)) {
                    Some(row) => add(&mut s, row),
                    None => {
                        model.add_feature(features::doc_case_key(case, context), &mut s);
                        model.add_feature(features::doc_run_key(run, context), &mut s);
                    }
                }
            }
            if let Some(out) = doc.scores.get_mut(i) {
                *out = s;
            }
        }
    }
}

/// The first stage's tags as evidence per token (as `features::first_pass`).
// Out of line: see `tag`.
#[inline(never)]
fn first_pass(tags: &[Tag], doc: &mut Scratch) {
    let n = doc.token_words.len();
    let tag_at = |j: usize| tags.get(j).copied().unwrap_or(Tag::O);
    doc.first.clear();
    doc.first.resize(n, FirstInfo::default());
    let classes = &doc.classes;
    let counted = |i: usize| {
        classes
            .get(i)
            .copied()
            .is_some_and(features::is_capitalised)
    };
    doc.counts.clear();
    doc.counts.resize(doc.locals, [0; 5]);
    for i in 0..n {
        if counted(i)
            && let Some(count) = doc
                .local
                .get(i)
                .and_then(|&l| doc.counts.get_mut(l as usize))
            && let Some(x) = count.get_mut(features::kind_code(tag_at(i)))
        {
            *x = x.saturating_add(1);
        }
    }
    doc.history.clear();
    doc.history.resize(doc.locals, 0);
    let mut entity_start = None;
    for i in 0..n {
        let t = tag_at(i);
        if t == Tag::O && !counted(i) {
            // Most tokens: no evidence to give, and no entity goes on.
            entity_start = None;
            continue;
        }
        let local = doc.local.get(i).map_or(0, |&l| l as usize);
        if counted(i) {
            let mut count = doc.counts.get(local).copied().unwrap_or_default();
            if let Some(x) = count.get_mut(features::kind_code(t)) {
                *x = x.saturating_sub(1);
            }
            let mut bits = 0u8;
            let mut best = (0u16, 5u8);
            for (k, &x) in count.iter().enumerate() {
                if x > 0 {
                    bits |= 1 << k;
                    if x > best.0 {
                        best = (x, k as u8);
                    }
                }
            }
            let history = doc.history.get(local).copied().unwrap_or(0);
            if let Some(f) = doc.first.get_mut(i) {
                f.doc_kinds = bits;
                f.majority = best.1;
                f.history = history;
            }
        }
        if t.is_begin() || (t.is_inside() && entity_start.is_none()) {
            entity_start = Some(i);
        }
        let ends = t != Tag::O && !tag_at(i + 1).is_inside();
        if let (true, Some(start)) = (ends, entity_start) {
            let bit = 1u8 << features::kind_code(t);
            for &l in doc.local.get(start..=i).unwrap_or_default() {
                if let Some(h) = doc.history.get_mut(l as usize) {
                    *h |= bit;
                }
            }
            entity_start = None;
        }
        if t == Tag::O {
            entity_start = None;
        }
    }
}

/// Adds the second stage's own features to every token's stage-2 scores (as
/// `features::stage2_features`).
// Out of line: see `tag`.
#[inline(never)]
fn second_scores(c: &Cached<'_>, sentences: &[Range<usize>], tags: &[Tag], doc: &mut Scratch) {
    let t = c.tables;
    let n = doc.token_words.len();
    let tag_at = |j: usize| tags.get(j).map_or(0, |t| t.index() as u8);
    let mut marks = Fixed::new(&doc.fixed, n);
    for sentence in sentences {
        let fixed = marks.sentence(sentence);
        let sentence = features::clip(sentence, n);
        for i in sentence.clone() {
            if fixed.get(i - sentence.start) == Some(&true) {
                continue;
            }
            let (Some(f), Some(&class)) = (doc.first.get(i), doc.classes.get(i)) else {
                continue;
            };
            let Some(s) = doc.scores.get_mut(i).and_then(|s| s.get_mut(N_TAGS..)) else {
                continue;
            };
            let tag = tag_at(i);
            let prev = if i > sentence.start {
                tag_at(i - 1)
            } else {
                N_TAGS as u8
            };
            let next = if i + 1 < sentence.end {
                tag_at(i + 1)
            } else {
                N_TAGS as u8
            };
            let rows = [
                t.tag_context.get(tag_context_index(prev, tag, next)),
                None,
                None,
                None,
            ];
            let rows = if features::is_capitalised(class) {
                [
                    rows[0],
                    t.doc_kinds.get(by_class_index(f.doc_kinds, class)),
                    t.majority.get(majority_index(f.majority, tag)),
                    t.history.get(by_class_index(f.history, class)),
                ]
            } else {
                rows
            };
            for row in rows.into_iter().flatten() {
                add(s, row);
            }
        }
    }
}

/// Decodes every sentence with one stage's weights, reading the stage's scores at
/// `offset` in each token's [`Scores`] (as `tagger::Decoder::decode_stage`).
fn decode_stage(
    stage: &Transitions,
    offset: usize,
    sentences: &[Range<usize>],
    doc: &mut Scratch,
    tags: &mut [Tag],
) {
    let start = stage.start.map(i64::from);
    let into: [[i64; N_TAGS]; N_TAGS] =
        std::array::from_fn(|c| std::array::from_fn(|p| i64::from(stage.transitions[p][c])));
    // How far the transition from tag `l` into tag `c` falls short of the best
    // transition into `c`: `need[l][c]`.
    let best_into = into.map(|row| row.iter().copied().max().unwrap_or(0));
    let need: [[i64; N_TAGS]; N_TAGS] =
        std::array::from_fn(|l| std::array::from_fn(|c| best_into[c] - into[c][l]));
    let table = Steps {
        start,
        // (The `I-` entries are never read.)
        from_o: std::array::from_fn(|c| into[c][0]),
        into,
        need,
        // The lead that settles every `O` and `B-` tag at once: the largest need.
        need_all: need.map(|row| row.iter().take(KINDS + 1).copied().max().unwrap_or(0)),
        // The leader's transitions into `O` and the `B-` tags, contiguous.
        from: std::array::from_fn(|l| std::array::from_fn(|c| into[c][l])),
        certain_o: certain_o(&start, &into),
    };
    let mut marks = Fixed::new(&doc.fixed, doc.token_words.len());
    for sentence in sentences {
        let fixed = marks.sentence(sentence);
        let (Some(out), Some(sc)) = (
            tags.get_mut(sentence.clone()),
            doc.scores.get(sentence.clone()),
        ) else {
            continue;
        };
        viterbi(sc, fixed, offset, &table, &mut doc.back, out);
    }
}

/// Entity kinds: the `B-` tags are 1..=KINDS, the `I-` tags KINDS+1..N_TAGS.
const KINDS: usize = (N_TAGS - 1) / 2;

/// One stage's transition weights, arranged for [`viterbi`].
struct Steps {
    start: [i64; N_TAGS],
    /// What `start` is for a segment after a fixed `O`: the transitions from `O`
    /// into `O` and the `B-` tags (an `I-` tag cannot follow `O`).
    from_o: [i64; N_TAGS],
    /// `into[cur][prev]`.
    into: [[i64; N_TAGS]; N_TAGS],
    /// `need[leader][cur]`: see [`viterbi`].
    need: [[i64; N_TAGS]; N_TAGS],
    /// `need_all[leader]`: the largest `need[leader][c]` over `O` and the `B-` tags.
    need_all: [i64; N_TAGS],
    /// `from[leader][c]` = `into[c][leader]` for `O` and the `B-` tags.
    from: [[i64; KINDS + 1]; N_TAGS],
    /// The lead of `O` over every other tag in a token's emissions beyond
    /// which, at every token of a segment, the segment is all `O` ([`segment`];
    /// [`certain_o`]).
    certain_o: i64,
}

/// The most the transitions touching one token off `O` can gain over a token
/// at `O`, whatever its tag `t`: the step into it (or the sentence start) over
/// `O` to `O`, plus the step from it into an `O` (when that gains).
///
/// A path with tokens off `O` has one step into each of them and at most one
/// step out of each into an `O` (a step between two such tokens counts as the
/// later one's step in); every other step is `O` to `O`, as on the all-`O`
/// path. So when each token's emissions favour `O` over every other tag by
/// more than this, every other path scores less than the all-`O` one.
fn certain_o(start: &[i64; N_TAGS], into: &[[i64; N_TAGS]; N_TAGS]) -> i64 {
    let o_to_o = into[0][0];
    let per_tag = (1..N_TAGS).map(|t| {
        let step_in = into[t].iter().map(|&x| x - o_to_o).fold(i64::MIN, i64::max);
        let start_in = if t <= KINDS {
            start[t] - start[0]
        } else {
            i64::MIN
        };
        let step_out = (into[0][t] - o_to_o).max(0);
        step_in.max(start_in) + step_out
    });
    per_tag.fold(0, i64::max)
}

/// The best valid BIO path, exactly as [`super::tagger::Viterbi::decode`] finds it
/// with the tokens marked in `fixed` held at `O`.
///
/// Every path passes through a fixed `O`, so the sentence falls apart into the
/// segments between fixed tokens, each decoded alone: it starts as after an `O`
/// (or as the sentence starts) and, when a fixed `O` follows, ends weighing the
/// transition into it. Fixed tokens cost nothing (about half the tokens).
#[inline]
fn viterbi(
    scores: &[Scores],
    fixed: &[bool],
    offset: usize,
    table: &Steps,
    back: &mut Vec<[u8; N_TAGS]>,
    out: &mut [Tag],
) {
    let is_fixed = |k: usize| fixed.get(k) == Some(&true);
    let n = scores.len().min(out.len());
    let mut k = 0;
    while k < n {
        if is_fixed(k) {
            if let Some(o) = out.get_mut(k) {
                *o = Tag::O;
            }
            k += 1;
            continue;
        }
        let end = (k..n).find(|&e| is_fixed(e)).unwrap_or(n);
        let start = if k == 0 { &table.start } else { &table.from_o };
        if let (Some(sc), Some(o)) = (scores.get(k..end), out.get_mut(k..end)) {
            segment(sc, start, end < n, offset, table, back, o);
        }
        k = end;
    }
}

/// [`viterbi`] over one segment: `start` scores its first token's tags, and
/// `into_o` says whether a fixed `O` follows it.
#[inline]
fn segment(
    scores: &[Scores],
    start: &[i64; N_TAGS],
    into_o: bool,
    offset: usize,
    table: &Steps,
    back: &mut Vec<[u8; N_TAGS]>,
    out: &mut [Tag],
) {
    let Steps {
        into,
        need,
        need_all,
        from,
        ..
    } = table;
    // A token's emissions, read in place: each is added once per step, so
    // widening it there costs less than widening all nine first.
    let emission = |s: &Scores| -> [i32; N_TAGS] {
        s.get(offset..)
            .and_then(|part| part.first_chunk::<N_TAGS>())
            .copied()
            .unwrap_or([0; N_TAGS])
    };
    // Many segments hold no name (a capitalised word opening the sentence, a
    // number, the lower-case words beside them): when every token's emissions
    // favour `O` by more than `certain_o`, the all-`O` path is the only best one
    // (see `certain_o`) and Viterbi need not run.
    let certain = |s: &Scores| {
        let em = emission(s);
        let other = em.iter().skip(1).copied().max().unwrap_or(i32::MIN);
        i64::from(em[0]) - i64::from(other) > table.certain_o
    };
    if scores.iter().all(certain) {
        out.fill(Tag::O);
        return;
    }
    let Some(first) = scores.first() else {
        return;
    };
    const NEG: i64 = i64::MIN / 4;
    let mut score = [NEG; N_TAGS];
    let em = emission(first);
    for t in 0..=KINDS {
        score[t] = start[t] + i64::from(em[t]);
    }
    back.clear();
    back.reserve(scores.len());
    back.push([0; N_TAGS]);
    for s in scores.iter().skip(1) {
        let em = emission(s);
        let mut next = [NEG; N_TAGS];
        let mut arg = [0u8; N_TAGS];
        // The leader (lowest index on ties) and the runner-up's score, without
        // branches: the runner-up is the larger of the old runner-up and the
        // smaller of the candidate and the old leader.
        let (mut leader, mut top, mut second) = (0, score[0], i64::MIN);
        for (p, &x) in score.iter().enumerate().skip(1) {
            second = second.max(x.min(top));
            let ahead = x > top;
            leader = if ahead { p } else { leader };
            top = if ahead { x } else { top };
        }
        let lead = top - second;
        if lead > need_all[leader] {
            let from = &from[leader];
            for c in 0..=KINDS {
                next[c] = top + from[c] + i64::from(em[c]);
                arg[c] = leader as u8;
            }
        } else {
            let need = &need[leader];
            for c in 0..=KINDS {
                let row = &into[c];
                if lead > need[c] {
                    next[c] = top + row[leader] + i64::from(em[c]);
                    arg[c] = leader as u8;
                    continue;
                }
                let mut best = score[0] + row[0];
                let mut at = 0u8;
                for p in 1..N_TAGS {
                    let x = score[p] + row[p];
                    if x > best {
                        best = x;
                        at = p as u8;
                    }
                }
                next[c] = best + i64::from(em[c]);
                arg[c] = at;
            }
        }
        for c in KINDS + 1..N_TAGS {
            let b = c - KINDS;
            let from_b = score[b] + into[c][b];
            let from_i = score[c] + into[c][c];
            let inside = from_i > from_b;
            next[c] = from_b.max(from_i) + i64::from(em[c]);
            arg[c] = if inside { c as u8 } else { b as u8 };
        }
        score = next;
        back.push(arg);
    }
    // The last tag: the best score, or, before a fixed `O`, the best way into it.
    let last = |t: usize| {
        if into_o {
            score[t] + into[0][t]
        } else {
            score[t]
        }
    };
    let mut best = 0;
    for t in 1..N_TAGS {
        if last(t) > last(best) {
            best = t;
        }
    }
    let mut cur = best;
    for i in (0..out.len()).rev() {
        if let Some(o) = out.get_mut(i) {
            *o = Tag::from_index(cur).unwrap_or(Tag::O);
        }
        cur = back.get(i).map_or(0, |b| usize::from(b[cur]));
    }
}
