//! Raw bytes as HTML (document and feed-item fragment) -> readable text.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;
use readout::ingest::html;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for converted in [
        html::document_to_text(&text, Some("https://fuzz.example/a/")),
        html::fragment_to_text(&text, None),
    ] {
        check::printable(&converted.title, "title");
        check::printable(&converted.body(), "body");
        for link in &converted.links {
            check::printable(link, "link");
        }
    }
});
