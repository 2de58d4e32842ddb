//! The real feed source: http(s) URLs over the network, other strings as file paths.
//!
//! PENDING: fetching and parsing belong to `ingest` (http.rs, feed.rs, opml.rs),
//! which has not landed on main yet; until it does, every fetch fails with a
//! clear reason and the feeds commands that need it say so.

use super::{FeedSource, Fetch, Validators};

/// Fetches http(s) feeds with `ingest::http` and reads file feeds, parsing both with `ingest::feed`.
#[derive(Clone, Copy, Debug, Default)]
pub struct NetworkSource;

impl FeedSource for NetworkSource {
    fn fetch(&self, _url: &str, _validators: &Validators) -> Result<Fetch, String> {
        Err("fetching is not available in this build yet (the feed reader has not landed)".into())
    }
}
