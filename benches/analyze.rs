//! Whole-analysis throughput (tokens, sentences, tags, referents, countries,
//! commitments) over the bundled corpus: one thread, MB of text per second;
//! and a 10,000-article library analysed in parallel with rayon.
//!
//! `cargo bench --bench analyze`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use readout::nlp::{analyze, analyze_text};
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

criterion_group!(benches, single_thread, library_in_parallel);
criterion_main!(benches);
