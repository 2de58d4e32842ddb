//! A subscribed feed, by URL or file path, to its current items: the unit of refresh.
//!
//! The store's refresh calls [`fetch_feed`] once per feed (a few at a time, on
//! worker threads), keeps the returned validators, and stores the items.

use super::feed::{self, FeedError, ParsedFeed};
use super::file::{self, FileError, MAX_FILE_BYTES};
use super::http::{self, FetchError, Fetched, Validators};
use std::path::Path;

/// What a refresh of one feed found.
#[derive(Debug)]
pub enum FeedUpdate {
    /// The server answered 304: nothing changed since `validators`.
    Unchanged,
    /// The feed as it is now, with the validators for the next refresh.
    Updated {
        feed: ParsedFeed,
        validators: Validators,
    },
}

/// Why one feed could not be refreshed; one line, without the feed's name
/// (the caller prefixes it).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Feed(#[from] FeedError),
    #[error("{0}")]
    File(#[from] FileError),
}

/// True when the source names a URL rather than a path.
pub fn is_url(source: &str) -> bool {
    let head = source.trim_start();
    let lower = head.get(..8).unwrap_or(head).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches and parses one feed: an http(s) URL (conditional on `validators`) or a feed file.
pub fn fetch_feed(source: &str, validators: &Validators) -> Result<FeedUpdate, SourceError> {
    fetch_feed_with(default_fetcher(), source, validators)
}

/// [`fetch_feed`] with a given fetcher (limits, timeouts).
pub fn fetch_feed_with(
    fetcher: &http::Fetcher,
    source: &str,
    validators: &Validators,
) -> Result<FeedUpdate, SourceError> {
    if is_url(source) {
        match fetcher.fetch(source, validators)? {
            Fetched::NotModified => Ok(FeedUpdate::Unchanged),
            Fetched::Modified {
                bytes,
                content_type,
                validators,
                ..
            } => {
                let feed = feed::parse(&bytes, content_type.as_deref(), source)?;
                Ok(FeedUpdate::Updated { feed, validators })
            }
        }
    } else if source.contains("://") {
        Err(FetchError::UnsupportedScheme.into())
    } else {
        let bytes = file::read_capped(Path::new(source), MAX_FILE_BYTES)?;
        let feed = feed::parse(&bytes, None, source)?;
        Ok(FeedUpdate::Updated {
            feed,
            validators: Validators::default(),
        })
    }
}

/// One shared client with the default limits.
fn default_fetcher() -> &'static http::Fetcher {
    static FETCHER: std::sync::OnceLock<http::Fetcher> = std::sync::OnceLock::new();
    FETCHER.get_or_init(|| http::Fetcher::new(http::FetchConfig::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths() {
        assert!(is_url("https://a.org/feed"));
        assert!(is_url("HTTP://a.org"));
        assert!(!is_url("feeds/a.xml"));
        assert!(!is_url("ftp://a.org/x"));
    }

    #[test]
    fn other_schemes_refused() {
        let err = fetch_feed("ftp://a.org/feed", &Validators::default());
        assert!(matches!(
            err,
            Err(SourceError::Fetch(FetchError::UnsupportedScheme))
        ));
    }
}
