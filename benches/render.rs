//! Drawing speed: one frame of the main screen at 200x50 with 10,000 articles
//! in the library (target: <= 2 ms), and start-up to the first frame on the
//! bundled corpus (load, library, app, layout, one frame; target: < 100 ms).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use readout::library::Library;
use readout::tui::action::Action;
use readout::tui::app::App;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;
use readout::tui::view::view;
use std::hint::black_box;

/// 10,000 analysed articles made from the test articles, titles numbered.
fn big_library() -> Library {
    let small = common::library();
    let entries = small.entries();
    let mut articles = Vec::new();
    let mut analyses = Vec::new();
    for i in 0..10_000 {
        let entry = &entries[i % 3];
        let mut article = entry.article.clone();
        article.id.0 = format!("{}-{i}", article.id.0);
        article.title = format!("{} (part {i})", article.title);
        articles.push(article);
        analyses.push(entry.analysis.clone());
    }
    let mut library = Library::new(articles);
    for (i, analysis) in analyses.into_iter().enumerate() {
        if let Some(a) = analysis {
            library.set_analysis(i, a);
        }
    }
    library
}

fn render_frame(c: &mut Criterion) {
    let mut app = App::new(big_library(), Keymap::default(), None);
    update(&mut app, Action::Resize(200, 50));
    for action in [
        Action::PageDown,
        Action::PageDown,
        Action::Open,
        Action::NextMention,
        Action::NextMention,
    ] {
        update(&mut app, action);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
    c.bench_function("frame 200x50, 10000 articles", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view(black_box(&app), frame))
                .expect("draw");
        })
    });
}

fn first_frame(c: &mut Criterion) {
    c.bench_function("start to first frame, bundled corpus", |b| {
        b.iter(|| {
            let (library, _) = Library::load::<&str>(&[]);
            let mut app = App::new(library, Keymap::default(), None);
            update(&mut app, Action::Resize(120, 40));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
            terminal.draw(|frame| view(&app, frame)).expect("draw");
            black_box(terminal.backend().buffer().area);
        })
    });
}

criterion_group!(benches, render_frame, first_frame);
criterion_main!(benches);
