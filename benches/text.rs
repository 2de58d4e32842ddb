//! Text core benchmarks: tokenizer, sentence splitter and gazetteer over the
//! bundled articles (`assets/articles/`), each against a naive baseline.
//!
//! Run: `cargo bench --bench text`. Throughput is reported in bytes of text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readout::nlp::gazetteer::Gazetteer;
use readout::nlp::{sentence, token};
use std::hint::black_box;

/// The bundled articles, concatenated with blank lines between them.
fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let mut text = String::new();
    for p in paths {
        if let Ok(body) = std::fs::read_to_string(&p) {
            text.push_str(&body);
            text.push_str("\n\n");
        }
    }
    if text.is_empty() {
        text = "Chinese Premier Li Qiang met Azerbaijani President Ilham Aliyev in Beijing. "
            .repeat(4000);
    }
    text
}

fn tokenizer(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("readout", |b| b.iter(|| token::tokenize(black_box(&text))));
    g.bench_function("baseline_split_whitespace", |b| {
        b.iter(|| black_box(&text).split_whitespace().count())
    });
    g.finish();
}

fn sentences(c: &mut Criterion) {
    let text = corpus();
    let tokens = token::tokenize(&text);
    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("split", |b| {
        b.iter(|| sentence::split(black_box(&text), &tokens))
    });
    g.bench_function("tokenize_and_split", |b| {
        b.iter(|| {
            let tokens = token::tokenize(black_box(&text));
            sentence::split(&text, &tokens)
        })
    });
    g.bench_function("baseline_split_on_period", |b| {
        b.iter(|| black_box(&text).split(". ").count())
    });
    g.finish();
}

fn gazetteer(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10);
    g.bench_function("load_tables", |b| b.iter(Gazetteer::load));
    g.bench_function("load_and_build_automaton", |b| {
        b.iter(|| {
            let gaz = Gazetteer::load();
            gaz.warm_up();
            gaz
        })
    });
    g.finish();

    let gaz = Gazetteer::get();
    gaz.warm_up();
    let mut g = c.benchmark_group("gazetteer_find");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find", |b| b.iter(|| gaz.find(black_box(&text))));
    let tokens = token::tokenize(&text);
    let words: Vec<&str> = tokens.iter().map(|t| t.text(&text)).collect();
    g.bench_function("word_flags", |b| {
        b.iter(|| words.iter().map(|w| gaz.word_flags(w) as u32).sum::<u32>())
    });
    g.finish();
}

criterion_group!(benches, tokenizer, sentences, gazetteer);
criterion_main!(benches);
