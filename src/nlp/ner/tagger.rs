//! Decoding: feature scores per token, then the best valid BIO sequence per sentence
//! (first-order Viterbi with the model's transition weights).

use super::features::{self, Side};
use super::hash;
use super::model::{MAX_STAGES, Model, StageScores, Transitions};
use super::tags::{N_TAGS, Tag};
use std::cell::RefCell;
use std::ops::{Add, Range};

/// Tags a document: `words` are its tokens, `sentences` token ranges over them.
/// Returns one tag per word; words outside every sentence are `O`. A two-stage model
/// tags twice, the second time with features of the first stage's tags.
pub fn tag_document(model: &Model, words: &[&str], sentences: &[Range<usize>]) -> Vec<Tag> {
    tag_document_stages(model, words, sentences, MAX_STAGES)
}

/// [`tag_document`] with at most `stages` stages of the model.
pub fn tag_document_stages(
    model: &Model,
    words: &[&str],
    sentences: &[Range<usize>],
    stages: usize,
) -> Vec<Tag> {
    let prepared = features::prepare(words, sentences, model.lexicon());
    let n = words.len();
    let mut scores = first_scores(model, &prepared, sentences);
    let mut decoder = Decoder::default();
    let mut tags = vec![Tag::O; n];
    let Some(first) = model.stages.first() else {
        return tags;
    };
    decoder.decode_stage(first, &scores, 0, sentences, &mut tags);
    let Some(second) = model.stages.get(1).filter(|_| stages >= 2) else {
        return tags;
    };
    let first_pass = features::first_pass(&prepared, sentences, &tags);
    for sentence in sentences {
        for i in sentence.clone() {
            if let Some(s) = scores.get_mut(i) {
                features::stage2_features(&prepared, &first_pass, i, &mut |f| {
                    model.add_stage2_feature(f, s)
                });
            }
        }
    }
    decoder.decode_stage(second, &scores, N_TAGS, sentences, &mut tags);
    tags
}

/// Every token's scores from the features all stages share (the word, its
/// neighbours, sentence and document): what [`features::token_features`] emits,
/// summed from the per-word cache where the features depend on one word alone.
fn first_scores(
    model: &Model,
    prepared: &features::Prepared,
    sentences: &[Range<usize>],
) -> Vec<StageScores> {
    let n = prepared.len();
    let mut scores: Vec<StageScores> = vec![[0; MAX_STAGES * N_TAGS]; n];
    let add_features = |emit: &Emit| {
        let mut w = [0; MAX_STAGES * N_TAGS];
        emit(&mut |f| model.add_feature(f, &mut w));
        w
    };
    // What the sentence edges give the tokens beside them.
    let edges: [StageScores; 4] = Side::ALL.map(|side| {
        add_features(&|sink| features::neighbour_features(prepared, None, side, &mut |f| sink(f)))
    });
    WORD_SCORES.with_borrow_mut(|cache| {
        if cache.model != model.id() || cache.entries.len() > WORD_CACHE_LIMIT {
            cache.model = model.id();
            cache.index.clear();
            cache.entries.clear();
        }
        let WordScores { index, entries, .. } = cache;
        // Each token's cache entry, computing the entries of words not seen before.
        let slots: Vec<usize> = (0..n)
            .map(|i| {
                let key = features::word_key(prepared, i).unwrap_or(0);
                *index.entry(key).or_insert_with(|| {
                    entries.push(WordEntry {
                        own: add_features(&|sink| {
                            features::word_features(prepared, i, &mut |f| sink(f))
                        }),
                        sides: Side::ALL.map(|side| {
                            add_features(&|sink| {
                                features::neighbour_features(prepared, Some(i), side, &mut |f| {
                                    sink(f)
                                })
                            })
                        }),
                    });
                    entries.len() - 1
                })
            })
            .collect();
        let entry = |i: usize| slots.get(i).and_then(|&e| entries.get(e));
        for sentence in sentences {
            for i in sentence.clone() {
                let (Some(s), Some(own)) = (scores.get_mut(i), entry(i)) else {
                    continue;
                };
                *s = own.own;
                for (k, side) in Side::ALL.into_iter().enumerate() {
                    let from = match side.of(i).filter(|j| sentence.contains(j)) {
                        Some(j) => entry(j).and_then(|e| e.sides.get(k)),
                        None => edges.get(k),
                    };
                    if let Some(from) = from {
                        for (a, b) in s.iter_mut().zip(from) {
                            *a += b;
                        }
                    }
                }
                features::local_context_features(prepared, sentence, i, &mut |f| {
                    model.add_feature(f, s)
                });
            }
        }
    });
    scores
}

/// Emits features into the sink it is given.
type Emit<'a> = dyn Fn(&mut dyn FnMut(u64)) + 'a;

/// Most words cached per thread before the cache starts over (an entry is 360 bytes).
const WORD_CACHE_LIMIT: usize = 30_000;

/// The weights a word brings, for one model: the scores of its own word features, and
/// of the features it gives each neighbour (see [`features::neighbour_features`]).
/// Most tokens of news text are words seen before, so these ~30 features cost one lookup.
#[derive(Clone, Copy)]
struct WordEntry {
    own: StageScores,
    sides: [StageScores; 4],
}

/// The cache of [`WordEntry`]s: word hash -> index into `entries`.
#[derive(Default)]
struct WordScores {
    model: u64,
    index: hash::KeyMap<usize>,
    entries: Vec<WordEntry>,
}

thread_local! {
    static WORD_SCORES: RefCell<WordScores> = RefCell::new(WordScores::default());
}

/// Buffers for decoding one stage sentence by sentence.
#[derive(Default)]
struct Decoder {
    emissions: Vec<[i64; N_TAGS]>,
    path: Vec<Tag>,
    viterbi: Viterbi,
}

impl Decoder {
    /// Decodes every sentence with the stage's weights, reading the stage's scores
    /// at `offset` in each token's [`StageScores`] (0: stage 1; else stage 2, the last tags).
    fn decode_stage(
        &mut self,
        stage: &Transitions,
        scores: &[StageScores],
        offset: usize,
        sentences: &[Range<usize>],
        tags: &mut [Tag],
    ) {
        let start = stage.start.map(i64::from);
        let transitions = stage.transitions.map(|row| row.map(i64::from));
        for sentence in sentences {
            let (Some(out), Some(sc)) =
                (tags.get_mut(sentence.clone()), scores.get(sentence.clone()))
            else {
                continue;
            };
            self.emissions.clear();
            self.emissions.extend(sc.iter().map(|s| {
                let part = if offset == 0 {
                    s.first_chunk::<N_TAGS>()
                } else {
                    s.last_chunk::<N_TAGS>()
                };
                part.map_or([0; N_TAGS], |p| p.map(i64::from))
            }));
            self.viterbi.decode(
                &self.emissions,
                &start,
                &transitions,
                i64::MIN / 4,
                &mut self.path,
            );
            out.copy_from_slice(&self.path);
        }
    }
}

/// Entity kinds: the `B-` tags are 1..=KINDS, the `I-` tags KINDS+1..N_TAGS.
const KINDS: usize = (N_TAGS - 1) / 2;

/// `into[cur][prev]` from `transitions[prev][cur]`: each tag's predecessors contiguous.
fn transpose<S: Copy>(t: &[[S; N_TAGS]; N_TAGS]) -> [[S; N_TAGS]; N_TAGS] {
    std::array::from_fn(|c| std::array::from_fn(|p| t[p][c]))
}

/// Reusable buffers for Viterbi decoding.
#[derive(Default)]
pub struct Viterbi {
    back: Vec<[u8; N_TAGS]>,
}

impl Viterbi {
    /// Writes into `path` the highest-scoring tag sequence that is valid BIO.
    /// `neg` stands for minus infinity: far below any real score, yet safe to add to.
    pub fn decode<S>(
        &mut self,
        emissions: &[[S; N_TAGS]],
        start: &[S; N_TAGS],
        transitions: &[[S; N_TAGS]; N_TAGS],
        neg: S,
        path: &mut Vec<Tag>,
    ) where
        S: Copy + PartialOrd + Add<Output = S>,
    {
        path.clear();
        let Some(first) = emissions.first() else {
            return;
        };
        // BIO: `O` and `B-X` may follow any tag, `I-X` only `B-X` or `I-X` (tag
        // layout in `tags`: 0 `O`, 1..=4 `B-`, 5..=8 `I-`), so an `I-` tag weighs two
        // predecessors, not nine. Ties go to the lowest index, as in a full scan.
        let into = transpose(transitions);
        self.back.clear();
        let mut score = [neg; N_TAGS];
        for t in Tag::all() {
            if t.may_follow(None) {
                score[t.index()] = start[t.index()] + first[t.index()];
            }
        }
        self.back.push([0; N_TAGS]);
        for em in emissions.iter().skip(1) {
            let mut next = [neg; N_TAGS];
            let mut back = [0u8; N_TAGS];
            for c in 0..=KINDS {
                let row = &into[c];
                let mut best = score[0] + row[0];
                let mut arg = 0u8;
                for p in 1..N_TAGS {
                    let s = score[p] + row[p];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                next[c] = best + em[c];
                back[c] = arg;
            }
            for c in KINDS + 1..N_TAGS {
                let b = c - KINDS;
                let from_b = score[b] + into[c][b];
                let from_i = score[c] + into[c][c];
                let (best, arg) = if from_i > from_b {
                    (from_i, c)
                } else {
                    (from_b, b)
                };
                next[c] = best + em[c];
                back[c] = arg as u8;
            }
            score = next;
            self.back.push(back);
        }
        let mut best = 0;
        for t in 1..N_TAGS {
            if score[t] > score[best] {
                best = t;
            }
        }
        path.resize(emissions.len(), Tag::O);
        let mut cur = best;
        for i in (0..emissions.len()).rev() {
            path[i] = Tag::from_index(cur).unwrap_or(Tag::O);
            cur = self.back.get(i).map_or(0, |b| usize::from(b[cur]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Tag {
        Tag::parse(s).unwrap()
    }

    #[test]
    fn viterbi_prefers_valid_bio() {
        // Emissions alone would say I-PER first; BIO forbids it at a sentence start.
        let mut em = [[0i64; N_TAGS]; 2];
        em[0][tag("I-PER").index()] = 10;
        em[0][tag("B-PER").index()] = 5;
        em[1][tag("I-PER").index()] = 10;
        let mut v = Viterbi::default();
        let mut path = Vec::new();
        let zero = [[0i64; N_TAGS]; N_TAGS];
        v.decode(&em, &[0; N_TAGS], &zero, i64::MIN / 4, &mut path);
        assert_eq!(path, [tag("B-PER"), tag("I-PER")]);
    }

    #[test]
    fn transitions_matter() {
        let mut em = [[0.0f64; N_TAGS]; 2];
        em[0][tag("B-LOC").index()] = 1.0;
        em[1][tag("B-LOC").index()] = 1.0;
        em[1][tag("I-LOC").index()] = 0.9;
        let mut trans = [[0.0; N_TAGS]; N_TAGS];
        trans[tag("B-LOC").index()][tag("I-LOC").index()] = 0.5;
        let mut path = Vec::new();
        Viterbi::default().decode(&em, &[0.0; N_TAGS], &trans, -1e30, &mut path);
        assert_eq!(path, [tag("B-LOC"), tag("I-LOC")]);
    }

    #[test]
    fn the_tag_layout_is_what_decode_assumes() {
        for cur in Tag::all() {
            for prev in Tag::all() {
                let c = cur.index();
                let expected = c <= KINDS || prev.index() == c || prev.index() == c - KINDS;
                assert_eq!(
                    cur.may_follow(Some(prev)),
                    expected,
                    "{cur:?} after {prev:?}"
                );
            }
        }
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)] // odd ranges on purpose
    fn cached_scores_equal_the_features_summed_directly() {
        let Ok(model) = crate::nlp::ner::embedded() else {
            panic!("the shipped model decodes")
        };
        let words: Vec<&str> = "SOCCER - LEEDS WIN . Peter Blackburn said in Brussels that \
             the European Commission and Peter Smith agreed . Yes . Blackburn left Brussels ."
            .split(' ')
            .collect();
        let sentences = [0..5, 5..19, 19..21, 21..words.len(), 3..2, 40..50];
        let prepared = features::prepare(&words, &sentences, model.lexicon());
        for _ in 0..2 {
            // Cold, then warm cache.
            let cached = first_scores(model, &prepared, &sentences);
            let mut direct = vec![[0; MAX_STAGES * N_TAGS]; words.len()];
            for s in &sentences {
                for i in s.clone().filter(|&i| i < words.len()) {
                    features::token_features(&prepared, s, i, &mut |f| {
                        model.add_feature(f, &mut direct[i])
                    });
                }
            }
            assert_eq!(cached, direct);
            assert!(direct.iter().any(|s| s.iter().any(|&x| x != 0)));
        }
    }

    #[test]
    fn empty_sentence() {
        let mut path = vec![Tag::O];
        let em: [[i64; N_TAGS]; 0] = [];
        Viterbi::default().decode(&em, &[0; N_TAGS], &[[0; N_TAGS]; N_TAGS], -1, &mut path);
        assert!(path.is_empty());
    }
}
