//! Whole-analysis throughput (tokens, sentences, tags, referents, countries,
//! commitments) over the bundled corpus: one thread, MB of text per second,
//! article by article (`analyze_text`) and in batches (`analyze_batch`, the
//! path `readout extract` and the library take);
//! each stage alone (`stage/...`, its inputs computed beforehand), to see where
//! the time goes; and a 10,000-article library analysed in parallel with rayon,
//! in batches as `Library::analyse_all` does.
//!
//! Before the groups, the pipeline run in sequence prints each stage's share
//! (stderr, "in sequence"): stages run after one another take longer than alone
//! (`stage/...`), since each evicts the others' tables and caches from the CPU
//! caches (the tagger's feature table and word cache most: about 1.25 of the
//! 3.9 ms between the whole and the stages' sum at low load, measured in
//! session 7; commitments 0.9, link 0.6, gazetteer 0.5).
//!
//! `cargo bench --bench analyze`, or `cargo bench --bench analyze -- stage/`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use readout::nlp::link::geo::{GeoHit, world};
use readout::nlp::ner::Mention;
use readout::nlp::sentence::Sentence;
use readout::nlp::token::Token;
use readout::nlp::{
    BATCH, Commitment, Entity, Referent, Span, analyze_articles, analyze_batch, analyze_text,
    commitments, countries, link, ner, sentence, token,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

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
    let texts: Vec<(&str, &str)> = articles
        .iter()
        .map(|(t, b)| (t.as_str(), b.as_str()))
        .collect();
    group.bench_function(
        format!("bundled corpus, one thread, batches of {BATCH}"),
        |b| {
            b.iter(|| {
                for batch in texts.chunks(BATCH) {
                    black_box(analyze_batch(batch));
                }
            })
        },
    );
    group.finish();
}

/// Runs the pipeline as `analyze_text` does, article after article, and prints
/// each stage's time per corpus pass: the figures to set against `stage/...`.
fn in_sequence(articles: &[(String, String)]) {
    let geo = world();
    let passes: u32 = 20;
    let mut spent = [Duration::ZERO; 8];
    let start = Instant::now();
    for _ in 0..passes {
        for (title, body) in articles {
            let mut lap_start = Instant::now();
            let mut lap = |stage: usize| {
                let now = Instant::now();
                spent[stage] += now - lap_start;
                lap_start = now;
            };
            let tokens = token::tokenize(body);
            lap(0);
            let sentences = sentence::split(body, &tokens);
            lap(1);
            let mentions = ner::find_mentions(body, &tokens, &sentences);
            lap(2);
            let hits = geo.find(body);
            let title_hits = geo.find(title);
            lap(3);
            let spans: Vec<Span> = sentences.iter().map(|s| s.span.clone()).collect();
            let (entities, referents) = link::link(body, &tokens, &spans, &mentions, &hits, geo);
            lap(4);
            let commitments = commitments::extract(body, &sentences, &entities, &referents);
            lap(5);
            let story = countries::Story {
                title,
                text: body,
                sentences: &sentences,
                entities: &entities,
                referents: &referents,
                hits: &hits,
                title_hits: &title_hits,
                commitments: &commitments,
            };
            let scores = countries::score(&story);
            lap(6);
            drop(black_box((scores, commitments, entities, referents, spans)));
            drop(black_box((hits, title_hits, mentions, sentences, tokens)));
            lap(7);
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3 / f64::from(passes);
    let names = [
        "tokenize",
        "sentences",
        "tagger",
        "gazetteer",
        "link",
        "commitments",
        "countries",
        "drops",
    ];
    let stages: Vec<String> = names
        .iter()
        .zip(spent)
        .map(|(n, d)| format!("{n} {:.2}", ms(d)))
        .collect();
    eprintln!(
        "in sequence, ms per corpus pass: whole {:.2}: {}",
        ms(start.elapsed()),
        stages.join(", ")
    );
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
    title_hits: Vec<GeoHit>,
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
    let title_hits = geo.find(&title);
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
        title_hits,
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
    in_sequence(&corpus());
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
                    title_hits: &a.title_hits,
                    commitments: &a.commitments,
                };
                black_box(countries::score(&story));
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
    let articles: Vec<&readout::article::Article> = library.iter().collect();
    let n = articles
        .par_chunks(BATCH)
        .flat_map_iter(analyze_articles)
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
        b.iter(|| {
            black_box(
                articles
                    .par_chunks(BATCH)
                    .flat_map_iter(analyze_articles)
                    .count(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, single_thread, stages, library_in_parallel);
criterion_main!(benches);
