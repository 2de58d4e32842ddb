//! The real feed source: http(s) URLs over the network, other strings as file
//! paths, both fetched and parsed by `ingest` (limits and timeouts always on).

use super::{FeedSource, Fetch, FetchedFeed, SourcedItem, Validators};
use crate::ingest::http::{FetchConfig, Fetcher};
use crate::ingest::source::{self, FeedUpdate};

/// Fetches http(s) feeds and reads feed files through `ingest::source`.
#[derive(Debug)]
pub struct NetworkSource {
    fetcher: Fetcher,
}

impl Default for NetworkSource {
    fn default() -> Self {
        Self::new(FetchConfig::default())
    }
}

impl NetworkSource {
    /// A source with these limits (tests shorten the timeouts).
    pub fn new(config: FetchConfig) -> Self {
        Self {
            fetcher: Fetcher::new(config),
        }
    }
}

impl FeedSource for NetworkSource {
    fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetch, String> {
        match source::fetch_feed_with(&self.fetcher, url, validators) {
            Ok(FeedUpdate::Unchanged) => Ok(Fetch::NotModified),
            Ok(FeedUpdate::Updated { feed, validators }) => Ok(Fetch::Modified(FetchedFeed {
                title: Some(feed.title).filter(|t| !t.is_empty()),
                items: feed
                    .items
                    .into_iter()
                    .map(|item| SourcedItem {
                        article: item.article,
                        guid: Some(item.guid).filter(|g| !g.is_empty()),
                    })
                    .collect(),
                validators,
            })),
            Err(e) => Err(e.to_string()),
        }
    }
}
