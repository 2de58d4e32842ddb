//! Entity-level scoring with conlleval semantics: an entity counts as correct only
//! when its type and both boundaries match a gold entity. Chunk starts and ends
//! follow conlleval.pl (`startOfChunk`/`endOfChunk`), so IOB1, IOB2 and IOBES tags
//! are all read the way conlleval reads them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// A chunk: sentence index, first token, last token (inclusive), type.
type Chunk = (usize, usize, usize, String);

/// Counts for one type (or for all types together).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The score of a tagged corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    pub tokens: usize,
    pub correct_tags: usize,
    pub overall: Counts,
    /// Per type ("LOC", "MISC", ...), sorted by name.
    pub per_type: BTreeMap<String, Counts>,
}

impl Score {
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct_tags, self.tokens)
    }

    /// The conlleval-style report.
    pub fn report(&self) -> String {
        let o = &self.overall;
        let mut out = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n\
             accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            self.tokens,
            o.gold,
            o.predicted,
            o.correct,
            100.0 * self.accuracy(),
            100.0 * o.precision(),
            100.0 * o.recall(),
            100.0 * o.f1()
        );
        for (kind, c) in &self.per_type {
            let _ = writeln!(
                out,
                "{kind:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {} (gold {}, correct {})",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.predicted,
                c.gold,
                c.correct
            );
        }
        out
    }
}

/// Accumulates sentences and scores them.
#[derive(Default)]
pub struct Scorer {
    gold: BTreeSet<Chunk>,
    predicted: BTreeSet<Chunk>,
    sentences: usize,
    tokens: usize,
    correct_tags: usize,
}

impl Scorer {
    /// Adds one sentence; `gold` and `predicted` have one tag per token.
    pub fn add_sentence(&mut self, gold: &[&str], predicted: &[&str]) {
        let n = self.sentences;
        self.gold.extend(chunks(gold, n));
        self.predicted.extend(chunks(predicted, n));
        self.tokens += gold.len();
        self.correct_tags += gold.iter().zip(predicted).filter(|(g, p)| g == p).count();
        self.sentences += 1;
    }

    pub fn score(&self) -> Score {
        let mut per_type: BTreeMap<String, Counts> = BTreeMap::new();
        for c in &self.gold {
            per_type.entry(c.3.clone()).or_default().gold += 1;
        }
        for c in &self.predicted {
            let counts = per_type.entry(c.3.clone()).or_default();
            counts.predicted += 1;
            if self.gold.contains(c) {
                counts.correct += 1;
            }
        }
        let overall = per_type.values().fold(Counts::default(), |a, c| Counts {
            gold: a.gold + c.gold,
            predicted: a.predicted + c.predicted,
            correct: a.correct + c.correct,
        });
        Score {
            tokens: self.tokens,
            correct_tags: self.correct_tags,
            overall,
            per_type,
        }
    }
}

/// "B-PER" -> ("B", "PER"); "O" -> ("O", "").
fn split_tag(tag: &str) -> (&str, &str) {
    tag.split_once('-').unwrap_or((tag, ""))
}

fn end_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(
        (prev_tag, tag),
        ("B" | "I", "B" | "O" | "S") | ("E", "E" | "I" | "O" | "B" | "S") | ("S", _)
    ) || (!matches!(prev_tag, "O" | ".") && prev_type != kind)
        || matches!(prev_tag, "[" | "]")
}

fn start_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(tag, "B" | "S")
        || (matches!(prev_tag, "E" | "O" | "S") && matches!(tag, "E" | "I"))
        || (!matches!(tag, "O" | ".") && prev_type != kind)
        || matches!(tag, "[" | "]")
}

/// The chunks of one sentence.
fn chunks(tags: &[&str], sentence: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut prev_tag, mut prev_type) = ("O", "");
    let mut start = None;
    for i in 0..=tags.len() {
        let (tag, kind) = split_tag(tags.get(i).copied().unwrap_or("O"));
        if let Some(s) = start
            && (end_of_chunk(prev_tag, tag, prev_type, kind)
                || start_of_chunk(prev_tag, tag, prev_type, kind))
        {
            out.push((sentence, s, i - 1, prev_type.to_string()));
            start = None;
        }
        if i < tags.len() && start_of_chunk(prev_tag, tag, prev_type, kind) {
            start = Some(i);
        }
        (prev_tag, prev_type) = (tag, kind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(tags: &[&str]) -> Vec<(usize, usize, String)> {
        chunks(tags, 0)
            .into_iter()
            .map(|(_, s, e, t)| (s, e, t))
            .collect()
    }

    fn span(s: usize, e: usize, t: &str) -> (usize, usize, String) {
        (s, e, t.to_string())
    }

    #[test]
    fn conlleval_chunk_rules() {
        // The hand-checked cases of conlleval.py's self-test.
        assert_eq!(spans(&["O", "I-PER", "I-PER", "O"]), [span(1, 2, "PER")]);
        assert_eq!(
            spans(&["I-PER", "I-LOC", "I-LOC"]),
            [span(0, 0, "PER"), span(1, 2, "LOC")]
        );
        assert_eq!(
            spans(&["B-LOC", "B-LOC", "I-LOC"]),
            [span(0, 0, "LOC"), span(1, 2, "LOC")]
        );
        assert_eq!(
            spans(&["B-ORG", "I-PER"]),
            [span(0, 0, "ORG"), span(1, 1, "PER")]
        );
        assert_eq!(
            spans(&["S-PER", "B-LOC", "E-LOC", "S-LOC"]),
            [span(0, 0, "PER"), span(1, 2, "LOC"), span(3, 3, "LOC")]
        );
        assert_eq!(spans(&["B-MISC"]), [span(0, 0, "MISC")]);
        assert!(spans(&[]).is_empty());
    }

    #[test]
    fn hand_checked_score() {
        // Gold: [PER John Smith] [LOC New York] [ORG UN] [MISC German].
        // Predicted: John Smith right, [LOC New] wrong boundary, [LOC UN] wrong type,
        // German right, [PER visited] spurious.
        let mut s = Scorer::default();
        s.add_sentence(
            &["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"],
            &["B-PER", "I-PER", "B-PER", "B-LOC", "O", "O"],
        );
        s.add_sentence(
            &["O", "B-ORG", "O", "B-MISC", "O"],
            &["O", "B-LOC", "O", "B-MISC", "O"],
        );
        let r = s.score();
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.correct),
            (4, 5, 2)
        );
        assert!((r.overall.precision() - 0.4).abs() < 1e-12);
        assert!((r.overall.recall() - 0.5).abs() < 1e-12);
        assert!((r.overall.f1() - 0.4 / 0.9).abs() < 1e-12);
        assert_eq!(
            r.per_type["PER"],
            Counts {
                gold: 1,
                predicted: 2,
                correct: 1
            }
        );
        assert_eq!(
            r.per_type["LOC"],
            Counts {
                gold: 1,
                predicted: 2,
                correct: 0
            }
        );
        assert_eq!(r.per_type["ORG"].f1(), 0.0);
        assert_eq!(r.per_type["MISC"].f1(), 1.0);
        assert_eq!((r.tokens, r.correct_tags), (11, 8));
    }

    #[test]
    fn right_edge_mismatch_is_wrong_and_chunks_never_cross_sentences() {
        let mut s = Scorer::default();
        s.add_sentence(&["B-ORG", "I-ORG", "I-ORG"], &["B-ORG", "I-ORG", "O"]);
        assert_eq!(s.score().overall.correct, 0);
        let mut s = Scorer::default();
        s.add_sentence(&["B-PER"], &["B-PER"]);
        s.add_sentence(&["I-PER"], &["I-PER"]);
        let r = s.score();
        assert_eq!((r.overall.gold, r.overall.correct), (2, 2));
        assert_eq!(r.overall.f1(), 1.0);
    }

    #[test]
    fn report_names_every_type() {
        let mut s = Scorer::default();
        s.add_sentence(&["B-PER", "O"], &["B-PER", "B-LOC"]);
        let text = s.score().report();
        assert!(text.contains("PER: precision: 100.00%"), "{text}");
        assert!(text.contains("LOC: precision:   0.00%"), "{text}");
        assert!(text.contains("FB1:  66.67"), "{text}");
    }
}
