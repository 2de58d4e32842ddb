//! NLP benchmarks: the named-entity tagger over real news text, in tokens per second.
//!
//! Text: the articles of `../shared/data/corpus/` (or the bundled `assets/articles/`),
//! each tagged as one document, as `find_mentions` does in the pipeline.

#![allow(
    clippy::single_range_in_vec_init,
    clippy::expect_used,
    clippy::unwrap_used
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readout::nlp::ner::{self, model::Model, tagger};
use readout::nlp::{sentence, token};
use std::hint::black_box;
use std::path::PathBuf;

/// Article bodies to tag.
fn articles() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for dir in ["../shared/data/corpus", "assets/articles"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        if !texts.is_empty() {
            return texts;
        }
    }
    // No corpus on disk: a small hand-written text, repeated.
    vec![
        "The European Commission said on Thursday it disagreed with German advice to \
         consumers to shun British lamb until scientists determine whether mad cow \
         disease can be transmitted to sheep . Peter Blackburn reported from Brussels ."
            .repeat(50),
    ]
}

/// Pre-tokenised documents: words and sentence ranges.
struct Doc<'a> {
    words: Vec<&'a str>,
    sentences: Vec<std::ops::Range<usize>>,
}

fn bench_tagger(c: &mut Criterion) {
    let model: &Model = ner::embedded().expect("embedded model");
    let texts = articles();
    let docs: Vec<Doc<'_>> = texts
        .iter()
        .map(|t| {
            let tokens = token::tokenize(t);
            let sentences = sentence::split(t, &tokens);
            Doc {
                words: tokens.iter().map(|k| &t[k.span.clone()]).collect(),
                sentences: sentences.iter().map(|s| s.tokens.clone()).collect(),
            }
        })
        .collect();
    let n_tokens: usize = docs.iter().map(|d| d.words.len()).sum();
    eprintln!(
        "ner bench text: {} documents, {n_tokens} tokens",
        docs.len()
    );
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(n_tokens as u64));
    group.bench_function("tag_documents", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(tagger::tag_document(model, &d.words, &d.sentences));
            }
        })
    });
    group.bench_function("find_mentions_with_tokenizer", |b| {
        b.iter(|| {
            for t in &texts {
                let tokens = token::tokenize(t);
                let sentences = sentence::split(t, &tokens);
                black_box(ner::find_mentions(t, &tokens, &sentences));
            }
        })
    });
    group.finish();

    let bytes: &[u8] = include_bytes!("../assets/model/ner.bin");
    c.bench_function("ner/load_model", |b| {
        b.iter(|| black_box(Model::from_bytes(black_box(bytes)).map(|m| m.feature_count())))
    });
}

criterion_group!(benches, bench_tagger);
criterion_main!(benches);
