//! Decoding: feature scores per token, then the best valid BIO sequence per sentence
//! (first-order Viterbi with the model's transition weights).

#[cfg(test)]
use super::features;
use super::model::{MAX_STAGES, Model};
#[cfg(test)]
use super::model::{StageScores, Transitions};
use super::scoring;
use super::tags::{N_TAGS, Tag};
use std::ops::{Add, Range};

/// Tags a document: `words` are its tokens, `sentences` token ranges over them.
/// Returns one tag per word; words outside every sentence are `O`. A two-stage model
/// tags twice, the second time with features of the first stage's tags.
pub fn tag_document(model: &Model, words: &[&str], sentences: &[Range<usize>]) -> Vec<Tag> {
    tag_document_stages(model, words, sentences, MAX_STAGES)
}

/// [`tag_document`] with at most `stages` stages of the model.
///
/// The work is done by [`scoring::tag`]: the same scores as summing every token's
/// features (as [`tag_document_directly`] does in the tests), computed from caches
/// and tables, decoded per sentence by [`Viterbi::decode`]'s algorithm.
pub fn tag_document_stages(
    model: &Model,
    words: &[&str],
    sentences: &[Range<usize>],
    stages: usize,
) -> Vec<Tag> {
    scoring::tag(model, words, sentences, stages)
}

/// [`tag_document_stages`] the straightforward way: every token's features hashed
/// and their weights summed, then [`Viterbi::decode`]. The reference the fast path
/// is tested against.
#[cfg(test)]
pub(crate) fn tag_document_directly(
    model: &Model,
    words: &[&str],
    sentences: &[Range<usize>],
    stages: usize,
) -> Vec<Tag> {
    let prepared = features::prepare(words, sentences, model.lexicon());
    let n = words.len();
    let mut scores: Vec<StageScores> = vec![[0; MAX_STAGES * N_TAGS]; n];
    for sentence in sentences {
        let fixed = features::fixed_o_in(&prepared, sentence);
        for i in sentence.clone() {
            if fixed.get(i - sentence.start) == Some(&true) {
                continue;
            }
            if let Some(s) = scores.get_mut(i) {
                *s = [0; MAX_STAGES * N_TAGS];
                features::token_features(&prepared, sentence, i, &mut |f| model.add_feature(f, s));
            }
        }
    }
    let mut decoder = Decoder::default();
    let mut tags = vec![Tag::O; n];
    let Some(first) = model.stages.first() else {
        return tags;
    };
    let fixed: Vec<Vec<bool>> = sentences
        .iter()
        .map(|s| features::fixed_o_in(&prepared, s))
        .collect();
    decoder.decode_stage(first, &scores, 0, sentences, &fixed, &mut tags);
    let Some(second) = model.stages.get(1).filter(|_| stages >= 2) else {
        return tags;
    };
    let first_pass = features::first_pass(&prepared, sentences, &tags);
    for sentence in sentences {
        let fixed = features::fixed_o_in(&prepared, sentence);
        for i in sentence.clone() {
            if fixed.get(i - sentence.start) == Some(&true) {
                continue;
            }
            if let Some(s) = scores.get_mut(i) {
                features::stage2_features(&prepared, &first_pass, i, &mut |f| {
                    model.add_stage2_feature(f, s)
                });
            }
        }
    }
    decoder.decode_stage(second, &scores, N_TAGS, sentences, &fixed, &mut tags);
    tags
}

/// Buffers for decoding one stage sentence by sentence.
#[cfg(test)]
#[derive(Default)]
struct Decoder {
    emissions: Vec<[i64; N_TAGS]>,
    path: Vec<Tag>,
    viterbi: Viterbi,
}

#[cfg(test)]
impl Decoder {
    /// Decodes every sentence with the stage's weights, reading the stage's scores
    /// at `offset` in each token's [`StageScores`] (0: stage 1; else stage 2, the last tags).
    /// `fixed` holds per sentence its tokens fixed at `O` ([`features::fixed_o`]).
    fn decode_stage(
        &mut self,
        stage: &Transitions,
        scores: &[StageScores],
        offset: usize,
        sentences: &[Range<usize>],
        fixed: &[Vec<bool>],
        tags: &mut [Tag],
    ) {
        let start = stage.start.map(i64::from);
        let transitions = stage.transitions.map(|row| row.map(i64::from));
        for (n, sentence) in sentences.iter().enumerate() {
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
            // A fixed `O`: no other tag is possible there.
            let fixed = fixed.get(n).map(Vec::as_slice).unwrap_or_default();
            for (em, &fixed) in self.emissions.iter_mut().zip(fixed) {
                if fixed {
                    *em = [i64::MIN / 8; N_TAGS];
                    em[0] = 0;
                }
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

    /// The fast path against the straightforward sums, cold cache then warm.
    fn assert_fast_equals_direct(words: &[&str], sentences: &[Range<usize>]) {
        let Ok(model) = crate::nlp::ner::embedded() else {
            panic!("the shipped model decodes")
        };
        for stages in [1, 2] {
            let direct = tag_document_directly(model, words, sentences, stages);
            for _ in 0..2 {
                let fast = tag_document_stages(model, words, sentences, stages);
                assert_eq!(fast, direct, "{stages} stages: {words:?} {sentences:?}");
            }
        }
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges, clippy::single_range_in_vec_init)] // odd ranges on purpose
    fn fast_path_tags_as_the_features_summed_directly() {
        let words: Vec<&str> = "SOCCER - LEEDS WIN . Peter Blackburn said in Brussels that \
             the European Commission and Peter Smith agreed . Yes . Blackburn left Brussels \
             for New York City and Hong Kong . NEW YORK 1996-08-22 \u{201C}Quoted\u{201D} \
             McDonald's İstanbul 北京 ǅ \u{301} 🙂 ."
            .split(' ')
            .collect();
        let n = words.len();
        assert_fast_equals_direct(&words, &[0..5, 5..19, 19..21, 21..n]);
        assert_fast_equals_direct(&words, &[0..5, 5..19, 19..21, 21..n, 3..2, 40..50]);
        assert_fast_equals_direct(&words, &[0..n]);
        assert_fast_equals_direct(&words, &[2..9, 5..12, 12..n + 3]);
        assert_fast_equals_direct(&words, &[]);
        assert_fast_equals_direct(&[], &[0..0, 0..3]);
    }

    #[test]
    fn fast_path_tags_the_bundled_articles_as_the_direct_sums() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        let mut tagged = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            let tokens = crate::nlp::token::tokenize(&text);
            let sentences: Vec<Range<usize>> = crate::nlp::sentence::split(&text, &tokens)
                .iter()
                .map(|s| s.tokens.clone())
                .collect();
            let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.clone()]).collect();
            assert_fast_equals_direct(&words, &sentences);
            tagged += words.len();
        }
        assert!(tagged > 1000, "{tagged} tokens");
    }

    #[test]
    fn empty_sentence() {
        let mut path = vec![Tag::O];
        let em: [[i64; N_TAGS]; 0] = [];
        Viterbi::default().decode(&em, &[0; N_TAGS], &[[0; N_TAGS]; N_TAGS], -1, &mut path);
        assert!(path.is_empty());
    }
}
