//! Whole-analysis throughput (tokens, sentences, tags, referents, countries,
//! commitments) over the bundled corpus: one thread, MB of text per second;
//! each stage alone (`stage/...`, its inputs computed beforehand), to see where
//! the time goes; and a 10,000-article library analysed in parallel with rayon.
//!
//! `cargo bench --bench analyze`, or `cargo bench --bench analyze -- stage/`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use readout::nlp::link::geo::{GeoHit, world};
use readout::nlp::ner::Mention;
use readout::nlp::sentence::Sentence;
use readout::nlp::token::Token;
use readout::nlp::{
    Commitment, Entity, Referent, Span, analyze, analyze_text, commitments, countries, link, ner,
    sentence, token,
};
use std::hint::black_box;
use std::time::Instant;

fn corpus() -> Vec<(String, String)> {
    readout::ingest::bundled()
        .into_iter()
        .map(|a| (a.title, a.body))
        .collect()
}

fn single_thread(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|(_, b)| b.len()).sum();
    // Build the model and gazetteer once, outside the measurement.
    if let Some((t, b)) = articles.first() {
        black_box(analyze_text(t, b));
    }
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("bundled corpus, one thread", |b| {
        b.iter(|| {
            for (title, body) in &articles {
                black_box(analyze_text(title, body));
            }
        })
    });
    group.finish();
}

/// One article with every stage's output, so each stage can be timed alone.
struct Staged {
    title: String,
    body: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    spans: Vec<Span>,
    mentions: Vec<Mention>,
    hits: Vec<GeoHit>,
    entities: Vec<Entity>,
    referents: Vec<Referent>,
    commitments: Vec<Commitment>,
}

fn staged(title: String, body: String) -> Staged {
    let geo = world();
    let tokens = token::tokenize(&body);
    let sentences = sentence::split(&body, &tokens);
    let spans: Vec<Span> = sentences.iter().map(|s| s.span.clone()).collect();
    let mentions = ner::find_mentions(&body, &tokens, &sentences);
    let hits = geo.find(&body);
    let (entities, referents) = link::link(&body, &tokens, &spans, &mentions, &hits, geo);
    let commitments = commitments::extract(&body, &sentences, &entities, &referents);
    Staged {
        title,
        body,
        tokens,
        sentences,
        spans,
        mentions,
        hits,
        entities,
        referents,
        commitments,
    }
}

/// The pipeline's stages one by one (as `analyze_text` runs them), same corpus.
fn stages(c: &mut Criterion) {
    let geo = world();
    let articles: Vec<Staged> = corpus().into_iter().map(|(t, b)| staged(t, b)).collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(token::tokenize(&a.body));
            }
        })
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(sentence::split(&a.body, &a.tokens));
            }
        })
    });
    group.bench_function("tagger", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(ner::find_mentions(&a.body, &a.tokens, &a.sentences));
            }
        })
    });
    group.bench_function("gazetteer", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(geo.find(&a.body));
            }
        })
    });
    group.bench_function("link", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(link::link(
                    &a.body,
                    &a.tokens,
                    &a.spans,
                    &a.mentions,
                    &a.hits,
                    geo,
                ));
            }
        })
    });
    group.bench_function("countries", |b| {
        b.iter(|| {
            for a in &articles {
                let story = countries::Story {
                    title: &a.title,
                    text: &a.body,
                    sentences: &a.sentences,
                    entities: &a.entities,
                    referents: &a.referents,
                    hits: &a.hits,
                    commitments: &a.commitments,
                };
                black_box(countries::score(&story, geo));
            }
        })
    });
    group.bench_function("commitments", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(commitments::extract(
                    &a.body,
                    &a.sentences,
                    &a.entities,
                    &a.referents,
                ));
            }
        })
    });
    group.finish();
}

fn library_in_parallel(c: &mut Criterion) {
    let base = readout::ingest::bundled();
    let library: Vec<_> = base.iter().cycle().take(10_000).cloned().collect();
    let bytes: usize = library.iter().map(|a| a.body.len()).sum();
    let start = Instant::now();
    let n = library
        .par_iter()
        .map(analyze)
        .filter(|a| !a.entities.is_empty())
        .count();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "library: {} articles ({:.1} MB) analysed in parallel on {} threads in {:.2} s ({:.1} MB/s, {} with entities)",
        library.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads(),
        secs,
        bytes as f64 / 1e6 / secs,
        n
    );
    let mut group = c.benchmark_group("library");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("10,000 articles, rayon", |b| {
        b.iter(|| black_box(library.par_iter().map(analyze).count()))
    });
    group.finish();
}

criterion_group!(benches, single_thread, stages, library_in_parallel);
criterion_main!(benches);
