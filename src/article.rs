//! The article: the unit readout reads, whatever source it came from.
//!
//! Every string in an `Article` has already been sanitised by `ingest`
//! (no control characters, no terminal escape sequences), so views can
//! print it as is.

use serde::{Deserialize, Serialize};

/// A stable identifier for an article within a library.
///
/// Bundled and file articles use a slug of their file name; feed articles
/// use a hash of their guid/link so the id survives refreshes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub String);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Embedded in the binary (the bundled corpus).
    Bundled,
    /// A local file.
    File(String),
    /// A feed, identified by its URL or file path.
    Feed(String),
}

/// One news article: headline, metadata and a plain-text body.
///
/// The body is plain text, paragraphs separated by a blank line (`\n\n`).
/// All NLP offsets are byte offsets into `body`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    /// Publication or feed name ("Xinhua", "The White House").
    pub source: String,
    /// Publication date, ISO 8601 (`2025-04-23` or a full RFC 3339 timestamp),
    /// so that dates sort as strings.
    pub date: Option<String>,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub body: String,
    pub origin: Origin,
}

impl Article {
    /// The date part (`YYYY-MM-DD`) of `date`, if any.
    pub fn day(&self) -> Option<&str> {
        self.date.as_deref().map(|d| d.get(..10).unwrap_or(d))
    }
}
