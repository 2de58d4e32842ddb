//! Decoding: feature scores per token, then the best valid BIO sequence per sentence
//! (first-order Viterbi with the model's transition weights).

use super::features;
use super::model::{MAX_STAGES, Model, StageScores, Transitions};
use super::tags::{N_TAGS, Tag};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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
    let mut scores: Vec<StageScores> = vec![[0; MAX_STAGES * N_TAGS]; n];
    WORD_SCORES.with_borrow_mut(|cache| {
        if cache.model != model.id() || cache.scores.len() > WORD_CACHE_LIMIT {
            cache.model = model.id();
            cache.scores.clear();
        }
        for sentence in sentences {
            for i in sentence.clone() {
                let (Some(s), Some(key)) = (scores.get_mut(i), features::word_key(&prepared, i))
                else {
                    continue;
                };
                *s = *cache.scores.entry(key).or_insert_with(|| {
                    let mut w = [0; MAX_STAGES * N_TAGS];
                    features::word_features(&prepared, i, &mut |f| model.add_feature(f, &mut w));
                    w
                });
                features::context_features(&prepared, sentence, i, &mut |f| {
                    model.add_feature(f, s)
                });
            }
        }
    });
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

/// Most words cached per thread before the cache starts over.
const WORD_CACHE_LIMIT: usize = 200_000;

/// Scores of the word-only features per word, for one model: most tokens of news
/// text are words seen before, so their ~20 word features cost one lookup.
#[derive(Default)]
struct WordScores {
    model: u64,
    scores: HashMap<u64, StageScores, BuildHasherDefault<KeyHasher>>,
}

thread_local! {
    static WORD_SCORES: RefCell<WordScores> = RefCell::new(WordScores::default());
}

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | u64::from(*b)).rotate_left(5);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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
    /// at `offset` in each token's [`StageScores`].
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
            for s in sc {
                let mut e = [0i64; N_TAGS];
                for (t, x) in e.iter_mut().enumerate() {
                    *x = i64::from(s.get(offset + t).copied().unwrap_or(0));
                }
                self.emissions.push(e);
            }
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
            for cur in Tag::all() {
                let c = cur.index();
                let mut best = neg;
                let mut arg = 0u8;
                for prev in Tag::all() {
                    if !cur.may_follow(Some(prev)) {
                        continue;
                    }
                    let s = score[prev.index()] + transitions[prev.index()][c];
                    if s > best {
                        best = s;
                        arg = prev.index() as u8;
                    }
                }
                next[c] = best + em[c];
                back[c] = arg;
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
    fn empty_sentence() {
        let mut path = vec![Tag::O];
        let em: [[i64; N_TAGS]; 0] = [];
        Viterbi::default().decode(&em, &[0; N_TAGS], &[[0; N_TAGS]; N_TAGS], -1, &mut path);
        assert!(path.is_empty());
    }
}
