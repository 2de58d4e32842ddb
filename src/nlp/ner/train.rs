//! Training: an averaged structured perceptron (Collins 2002) over the hashed
//! features, decoded with the same Viterbi as tagging, deterministic for a seed.
//!
//! Each epoch visits the training sentences in a seeded random order; after each
//! epoch the averaged weights are scored on the development set and the best epoch
//! is kept (the development set chooses the epoch, nothing else).

use super::conll::Document;
use super::eval::Score;
use super::features;
use super::lexicon::Lexicon;
use super::model::{Model, Weights};
use super::tagger::Viterbi;
use super::tags::{N_TAGS, Tag};
use std::collections::HashMap;

/// Training settings.
#[derive(Clone, Debug)]
pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    /// Features whose largest averaged weight is below this are dropped.
    pub prune: f32,
    /// The encoded model must fit in this many bytes (pruning rises until it does).
    pub max_bytes: usize,
    /// Train a second stage over the first stage's document-wide tags.
    pub stacked: bool,
    /// Folds for the first stage's held-out tags on the training set.
    pub folds: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 10,
            seed: 42,
            prune: 0.05,
            max_bytes: 10_000_000,
            stacked: true,
            folds: 5,
        }
    }
}

/// What one epoch achieved.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// 1 or 2.
    pub stage: usize,
    pub epoch: usize,
    /// Training sentences the perceptron got wrong during the epoch.
    pub mistakes: usize,
    pub sentences: usize,
    pub dev: Score,
    pub model_bytes: usize,
    pub features: usize,
}

/// The result: the best epoch's encoded model and its report.
pub struct Trained {
    pub model: Vec<u8>,
    pub best: EpochReport,
}

/// Errors of training.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("the training data has no tagged sentences")]
    NoData,
    #[error("line {}: no BIO tag in the last column", .0 + 1)]
    MissingTag(usize),
    #[error("the trained model could not be decoded: {0}")]
    Model(#[from] super::model::FormatError),
}

/// A training sentence: feature ids per token, and gold tags.
struct Sample {
    features: Vec<u32>,
    /// `offsets[i]..offsets[i + 1]` are token i's features.
    offsets: Vec<u32>,
    gold: Vec<Tag>,
}

/// Trains on `train`, choosing epochs on `dev`; `progress` hears of every epoch.
///
/// Stage 1 is trained on all of `train`. With `options.stacked`, stage-1 models
/// trained on all but one fold tag each fold, so that stage 2 learns from tags
/// as good (and as wrong) as those it will see on new text, then stage 2 is trained.
pub fn train(
    train: &[Document<'_>],
    dev: &[Document<'_>],
    options: &Options,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Trained, TrainError> {
    for d in dev {
        d.gold_tags().map_err(TrainError::MissingTag)?;
    }
    let lexicon = &Lexicon::from_gazetteer();
    let score_one = |w: &Weights| -> Result<(Score, usize, usize), TrainError> {
        let bytes = encode_within(std::slice::from_ref(w), lexicon, options);
        let model = Model::from_bytes(&bytes)?;
        Ok((
            super::score_documents(&model, dev),
            bytes.len(),
            model.feature_count(),
        ))
    };
    let (stage1, report1) = train_stage(
        train,
        None,
        lexicon,
        options,
        options.epochs,
        1,
        &mut |w| score_one(w).map(Some),
        progress,
    )?;
    let Some(report1) = report1 else {
        return Err(TrainError::NoData);
    };
    if !options.stacked {
        return Ok(Trained {
            model: encode_within(std::slice::from_ref(&stage1), lexicon, options),
            best: report1,
        });
    }
    // Held-out first-stage tags for every training document.
    let folds = options.folds.max(2);
    let mut held_out: Vec<Vec<Tag>> = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let rest: Vec<Document<'_>> = train
            .iter()
            .enumerate()
            .filter(|(d, _)| d % folds != fold)
            .map(|(_, doc)| doc.clone())
            .collect();
        let (w, _) = train_stage(
            &rest,
            None,
            lexicon,
            options,
            report1.epoch,
            1,
            &mut |_| Ok(None),
            &mut |_| {},
        )?;
        let model = Model::from_bytes(&w.encode(lexicon, options.prune))?;
        for (d, doc) in train.iter().enumerate().filter(|(d, _)| d % folds == fold) {
            held_out[d] = super::tagger::tag_document(&model, &doc.words, &doc.sentences);
        }
    }
    let (stage2, report2) = train_stage(
        train,
        Some(&held_out),
        lexicon,
        options,
        options.epochs,
        2,
        &mut |w2| {
            let bytes = encode_within(&[stage1.clone(), w2.clone()], lexicon, options);
            let model = Model::from_bytes(&bytes)?;
            Ok(Some((
                super::score_documents(&model, dev),
                bytes.len(),
                model.feature_count(),
            )))
        },
        progress,
    )?;
    let report2 = report2.ok_or(TrainError::NoData)?;
    Ok(Trained {
        model: encode_within(&[stage1, stage2], lexicon, options),
        best: report2,
    })
}

/// A dev score, the model's size in bytes and its feature count.
type Evaluation = (Score, usize, usize);

/// Trains one stage for `epochs` epochs. With an evaluation, the epoch with the best
/// dev F1 is kept; without, the last.
#[allow(clippy::too_many_arguments)] // one private call site per stage; a struct would only rename them
fn train_stage(
    docs: &[Document<'_>],
    first_stage: Option<&[Vec<Tag>]>,
    lexicon: &Lexicon,
    options: &Options,
    epochs: usize,
    stage: usize,
    evaluate: &mut dyn FnMut(&Weights) -> Result<Option<Evaluation>, TrainError>,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<(Weights, Option<EpochReport>), TrainError> {
    let (samples, keys) = extract(docs, first_stage, lexicon)?;
    if samples.is_empty() {
        return Err(TrainError::NoData);
    }
    let mut p = Perceptron::new(keys.len());
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut rng = SplitMix(options.seed.wrapping_add(stage as u64));
    let mut viterbi = Viterbi::default();
    let mut path = Vec::new();
    let mut emissions = Vec::new();
    let mut best: Option<(Weights, Option<EpochReport>)> = None;
    for epoch in 1..=epochs.max(1) {
        shuffle(&mut order, &mut rng);
        let mut mistakes = 0;
        for &s in &order {
            let sample = &samples[s];
            p.emissions(sample, &mut emissions);
            viterbi.decode(&emissions, &p.start, &p.transitions, -1e30, &mut path);
            if path != sample.gold {
                mistakes += 1;
                p.update(sample, &path);
            }
            p.tick();
        }
        let weights = p.averaged(&keys);
        match evaluate(&weights)? {
            Some((dev, model_bytes, features)) => {
                let report = EpochReport {
                    stage,
                    epoch,
                    mistakes,
                    sentences: samples.len(),
                    dev,
                    model_bytes,
                    features,
                };
                progress(&report);
                let better = best.as_ref().is_none_or(|(_, b)| {
                    b.as_ref()
                        .is_none_or(|b| report.dev.overall.f1() > b.dev.overall.f1())
                });
                if better {
                    best = Some((weights, Some(report)));
                }
            }
            None => best = Some((weights, None)),
        }
    }
    best.ok_or(TrainError::NoData)
}

/// Encodes, raising the pruning threshold until the model fits.
fn encode_within(stages: &[Weights], lexicon: &Lexicon, options: &Options) -> Vec<u8> {
    let mut prune = options.prune;
    loop {
        let bytes = super::model::encode_stages(stages, lexicon, prune);
        if bytes.len() <= options.max_bytes || prune > 1e6 {
            return bytes;
        }
        prune *= 1.25;
    }
}

/// Extracts every training sentence's features, numbering distinct feature keys.
/// With first-stage tags (one list per document), the stage-2 features are added.
fn extract(
    docs: &[Document<'_>],
    first_stage: Option<&[Vec<Tag>]>,
    lexicon: &Lexicon,
) -> Result<(Vec<Sample>, Vec<u64>), TrainError> {
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut keys = Vec::new();
    let mut samples = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let gold = doc.gold_tags().map_err(TrainError::MissingTag)?;
        let prepared = features::prepare(&doc.words, &doc.sentences, lexicon);
        let first = first_stage
            .and_then(|f| f.get(d))
            .map(|tags| features::first_pass(&prepared, &doc.sentences, tags));
        for sentence in &doc.sentences {
            let Some(gold) = gold.get(sentence.clone()) else {
                continue;
            };
            let mut sample = Sample {
                features: Vec::new(),
                offsets: vec![0],
                gold: gold.to_vec(),
            };
            for i in sentence.clone() {
                let mut add = |f: u64| {
                    let id = *ids.entry(f).or_insert_with(|| {
                        keys.push(f);
                        (keys.len() - 1) as u32
                    });
                    sample.features.push(id);
                };
                features::token_features(&prepared, sentence, i, &mut add);
                if let Some(first) = &first {
                    features::stage2_features(&prepared, first, i, &mut add);
                }
                sample.offsets.push(sample.features.len() as u32);
            }
            samples.push(sample);
        }
    }
    Ok((samples, keys))
}

/// Perceptron weights with the bookkeeping for averaging: the average of w over
/// all steps is `w - u / c`, where every update of d at step c adds `c * d` to u.
struct Perceptron {
    w: Vec<[f64; N_TAGS]>,
    u: Vec<[f64; N_TAGS]>,
    start: [f64; N_TAGS],
    start_u: [f64; N_TAGS],
    transitions: [[f64; N_TAGS]; N_TAGS],
    transitions_u: [[f64; N_TAGS]; N_TAGS],
    c: f64,
}

impl Perceptron {
    fn new(features: usize) -> Self {
        Perceptron {
            w: vec![[0.0; N_TAGS]; features],
            u: vec![[0.0; N_TAGS]; features],
            start: [0.0; N_TAGS],
            start_u: [0.0; N_TAGS],
            transitions: [[0.0; N_TAGS]; N_TAGS],
            transitions_u: [[0.0; N_TAGS]; N_TAGS],
            c: 1.0,
        }
    }

    fn tick(&mut self) {
        self.c += 1.0;
    }

    fn emissions(&self, s: &Sample, out: &mut Vec<[f64; N_TAGS]>) {
        out.clear();
        for t in s.offsets.windows(2) {
            let mut scores = [0.0; N_TAGS];
            for &f in s
                .features
                .get(t[0] as usize..t[1] as usize)
                .unwrap_or_default()
            {
                if let Some(w) = self.w.get(f as usize) {
                    for (a, b) in scores.iter_mut().zip(w) {
                        *a += b;
                    }
                }
            }
            out.push(scores);
        }
    }

    fn update(&mut self, s: &Sample, predicted: &[Tag]) {
        let c = self.c;
        let mut prev: Option<(Tag, Tag)> = None;
        for (i, (&g, &p)) in s.gold.iter().zip(predicted).enumerate() {
            if g != p {
                let range = s.offsets[i] as usize..s.offsets[i + 1] as usize;
                for &f in s.features.get(range).unwrap_or_default() {
                    let f = f as usize;
                    if let (Some(w), Some(u)) = (self.w.get_mut(f), self.u.get_mut(f)) {
                        w[g.index()] += 1.0;
                        w[p.index()] -= 1.0;
                        u[g.index()] += c;
                        u[p.index()] -= c;
                    }
                }
            }
            match prev {
                None => {
                    if g != p {
                        self.start[g.index()] += 1.0;
                        self.start[p.index()] -= 1.0;
                        self.start_u[g.index()] += c;
                        self.start_u[p.index()] -= c;
                    }
                }
                Some((gp, pp)) => {
                    if (gp, g) != (pp, p) {
                        self.transitions[gp.index()][g.index()] += 1.0;
                        self.transitions[pp.index()][p.index()] -= 1.0;
                        self.transitions_u[gp.index()][g.index()] += c;
                        self.transitions_u[pp.index()][p.index()] -= c;
                    }
                }
            }
            prev = Some((g, p));
        }
    }

    fn averaged(&self, keys: &[u64]) -> Weights {
        let c = self.c;
        let avg = |w: f64, u: f64| (w - u / c) as f32;
        let mut start = [0.0; N_TAGS];
        let mut transitions = [[0.0; N_TAGS]; N_TAGS];
        for (t, row) in transitions.iter_mut().enumerate() {
            start[t] = avg(self.start[t], self.start_u[t]);
            for (n, x) in row.iter_mut().enumerate() {
                *x = avg(self.transitions[t][n], self.transitions_u[t][n]);
            }
        }
        let features = keys
            .iter()
            .zip(self.w.iter().zip(&self.u))
            .map(|(k, (w, u))| {
                let mut row = [0.0f32; N_TAGS];
                for t in 0..N_TAGS {
                    row[t] = avg(w[t], u[t]);
                }
                (*k, row)
            })
            .collect();
        Weights {
            start,
            transitions,
            features,
        }
    }
}

/// A small deterministic generator (SplitMix64) for the visiting order.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        super::hash::fmix(self.0)
    }
}

fn shuffle(v: &mut [usize], rng: &mut SplitMix) {
    for i in (1..v.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::super::conll;
    use super::*;

    const TOY: &str = "\
-DOCSTART- O

John B-PER
lives O
in O
Paris B-LOC
. O

Mary B-PER
Smith I-PER
works O
for O
Acme B-ORG
Corp I-ORG
. O

-DOCSTART- O

Peter B-PER
visited O
London B-LOC
. O

Acme B-ORG
Corp I-ORG
hired O
Anna B-PER
. O
";

    #[test]
    fn learns_a_toy_corpus_deterministically() {
        let c = conll::parse(TOY);
        let opts = Options {
            epochs: 8,
            seed: 7,
            prune: 0.0,
            folds: 2,
            ..Options::default()
        };
        let a = train(&c.documents, &c.documents, &opts, &mut |_| {}).unwrap();
        let b = train(&c.documents, &c.documents, &opts, &mut |_| {}).unwrap();
        assert_eq!(a.model, b.model, "same seed, same model");
        assert!(a.best.dev.overall.f1() > 0.99, "{}", a.best.dev.report());
    }

    #[test]
    fn untagged_training_data_is_an_error() {
        let c = conll::parse("John\nlives\n");
        let err = train(&c.documents, &[], &Options::default(), &mut |_| {})
            .err()
            .unwrap();
        assert!(matches!(err, TrainError::MissingTag(0)));
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut v: Vec<usize> = (0..100).collect();
        shuffle(&mut v, &mut SplitMix(1));
        let mut sorted = v.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        assert_ne!(v, sorted);
    }
}
