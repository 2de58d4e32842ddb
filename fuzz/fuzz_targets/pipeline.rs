//! Raw bytes as an article file -> ingest (decode, sniff, parse) -> nlp::analyze.
//! The first byte picks the file kind, as an extension would.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use readout::article::{ArticleId, Origin};
use readout::ingest::file::{self, Kind};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let kind = match selector % 4 {
        0 => Kind::Plain,
        1 => Kind::Markdown,
        2 => Kind::Html,
        _ => file::sniff(bytes),
    };
    if kind == Kind::Feed {
        return; // the `feed` target covers feeds
    }
    let Ok(text) = file::decode_text(bytes) else {
        return;
    };
    let origin = Origin::File("fuzz.txt".into());
    if let Some(article) = file::article_from_text(&text, kind, ArticleId("fuzz".into()), origin) {
        check::article(&article);
        let analysis = readout::nlp::analyze(&article);
        check::analysis(&article.body, &analysis);
    }
});
