//! Raw bytes as a feed (RSS, RDF, Atom, JSON Feed, any encoding) -> articles -> analysis.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use readout::ingest::{feed, slug::IdAllocator};

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = feed::parse(data, None, "https://fuzz.example/feed") else {
        return;
    };
    check::printable(&parsed.title, "feed title");
    for article in parsed.into_articles(&mut IdAllocator::default()) {
        check::article(&article);
        let analysis = readout::nlp::analyze(&article);
        check::analysis(&article.body, &analysis);
    }
});
