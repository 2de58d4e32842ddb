//! Named-entity recognition: the trained sequence tagger (PER, LOC, ORG, MISC).
//!
//! An averaged structured perceptron over hashed features (word, shape, affixes,
//! context window, sentence and document casing evidence), decoded per sentence by
//! first-order Viterbi into valid BIO tags. The model is trained on CoNLL-2003 by
//! `readout train-ner` and embedded in the binary (`assets/model/ner.bin`).
//!
//! ```
//! use readout::nlp::{ner, sentence, token, EntityKind};
//! let text = "Angela Merkel met officials in Paris on Monday.";
//! let tokens = token::tokenize(text);
//! let sentences = sentence::split(text, &tokens);
//! let mentions = ner::find_mentions(text, &tokens, &sentences);
//! assert!(mentions.iter().any(|m| m.kind == EntityKind::Person));
//! ```

pub mod conll;
pub mod eval;
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod model;
mod scoring;
pub mod tagger;
pub mod tags;
pub mod train;
pub mod wordclass;

use super::sentence::Sentence;
use super::token::Token;
use super::{EntityKind, Span};
use model::Model;
use std::ops::Range;
use std::sync::OnceLock;
use tags::Tag;

/// The embedded model's version ("ner-" and the start of its BLAKE3 hash): analyses
/// cached under another version are stale. A test checks it against the file.
pub const MODEL_VERSION: &str = "ner-c26e041871db";

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../assets/model/ner.bin");

/// The embedded model, decoded once; an error only if the shipped file is damaged
/// (its hash is checked by a test, not at every start: see [`Model::from_embedded`]).
pub fn embedded() -> Result<&'static Model, &'static model::FormatError> {
    static MODEL: OnceLock<Result<Model, model::FormatError>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_embedded(EMBEDDED_BYTES, MODEL_VERSION))
        .as_ref()
}

/// One entity mention found by the tagger, before linking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
}

/// Finds entity mentions in `text` with the embedded model: sorted, non-overlapping,
/// byte spans into `text`. The whole text is one document for document features.
pub fn find_mentions(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
    match embedded() {
        Ok(model) => find_mentions_with(model, text, tokens, sentences),
        Err(_) => Vec::new(),
    }
}

/// [`find_mentions`] with a given model.
pub fn find_mentions_with(
    model: &Model,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<Mention> {
    let words: Vec<&str> = tokens
        .iter()
        .map(|t| text.get(t.span.clone()).unwrap_or(""))
        .collect();
    let ranges: Vec<Range<usize>> = sentences.iter().map(|s| s.tokens.clone()).collect();
    let tags = tagger::tag_document(model, &words, &ranges);
    let mut mentions = Vec::new();
    for (kind, range) in entities(&tags) {
        let (Some(first), Some(last)) = (tokens.get(range.start), tokens.get(range.end - 1)) else {
            continue;
        };
        let span = first.span.start..last.span.end;
        let ends_before = |m: &Mention| m.span.end <= span.start;
        if span.start < span.end
            && text.get(span.clone()).is_some()
            && mentions.last().is_none_or(ends_before)
        {
            mentions.push(Mention { span, kind });
        }
    }
    mentions
}

/// The entities of a BIO tag sequence as (kind, token range); an `I-X` that does not
/// continue an `X` starts a new entity, as conlleval reads it.
pub fn entities(tags: &[Tag]) -> Vec<(EntityKind, Range<usize>)> {
    let mut out = Vec::new();
    let mut open: Option<(EntityKind, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = tag.is_inside() && open.is_some_and(|(k, _)| Some(k) == tag.kind());
        if continues {
            continue;
        }
        if let Some((k, s)) = open.take() {
            out.push((k, s..i));
        }
        if let Some(k) = tag.kind() {
            open = Some((k, i));
        }
    }
    if let Some((k, s)) = open {
        out.push((k, s..tags.len()));
    }
    out
}

/// Tags CoNLL documents with `model` and scores them against their gold tags.
pub fn score_documents(model: &Model, docs: &[conll::Document<'_>]) -> eval::Score {
    let mut scorer = eval::Scorer::default();
    for doc in docs {
        let predicted = tagger::tag_document(model, &doc.words, &doc.sentences);
        for s in &doc.sentences {
            let gold: Vec<&str> = doc
                .gold
                .get(s.clone())
                .unwrap_or_default()
                .iter()
                .map(|g| g.map_or("O", Tag::as_str))
                .collect();
            let pred: Vec<&str> = predicted
                .get(s.clone())
                .unwrap_or_default()
                .iter()
                .map(|t| t.as_str())
                .collect();
            scorer.add_sentence(&gold, &pred);
        }
    }
    scorer.score()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(names: &[&str]) -> Vec<Tag> {
        names.iter().map(|n| Tag::parse(n).unwrap()).collect()
    }

    #[test]
    fn bio_to_entities() {
        let t = tags(&["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"]);
        assert_eq!(
            entities(&t),
            [
                (EntityKind::Person, 0..2),
                (EntityKind::Place, 3..4),
                (EntityKind::Org, 4..5),
                (EntityKind::Org, 5..7)
            ]
        );
        assert!(entities(&[]).is_empty());
    }

    #[test]
    fn model_version_matches_the_embedded_file() {
        // The hash is checked here, since `embedded()` trusts MODEL_VERSION.
        let model = Model::from_bytes(EMBEDDED_BYTES).expect("the shipped model decodes");
        assert_eq!(
            model.version(),
            MODEL_VERSION,
            "update MODEL_VERSION after shipping a new model"
        );
        assert_eq!(embedded().map(|m| m.version()), Ok(MODEL_VERSION));
        assert_eq!(
            embedded().map(|m| m.feature_count()),
            Ok(model.feature_count())
        );
    }
}
