//! The analysis cache: `nlp::Analysis` encoded with postcard (compact binary:
//! about a fifth of the JSON size and many times faster to decode, which is what
//! lets 10,000 cached articles load for the first frame), keyed by content hash
//! and model version, so a restart does not re-analyse and a new tagger does
//! not reuse stale results.

use super::error::{Result, StoreError};
use super::{Store, content_hash};
use crate::article::Article;
use crate::nlp::Analysis;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashSet;

/// The version of the analysis pipeline whose results the cache holds: a
/// fingerprint of the NLP code and its embedded data, computed at build time
/// (`build.rs`), and the encoding. A build whose analysis could differ never
/// reads an older build's results (those rows are simply never read again).
pub const ANALYSIS_VERSION: &str = concat!("nlp-", env!("READOUT_NLP_FINGERPRINT"), "/postcard-1");

/// Encodes an analysis for the cache.
pub(super) fn encode(analysis: &Analysis) -> Result<Vec<u8>> {
    Ok(postcard::to_allocvec(analysis)?)
}

/// Stores one encoded analysis inside a transaction.
pub(super) fn put(tx: &Transaction<'_>, hash: &str, encoded: &[u8]) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO analyses (content_hash, model_version, analysis) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![hash, ANALYSIS_VERSION, encoded])
    .map(|_| ())
}

/// Decodes a cached analysis; a row that no longer decodes is treated as absent.
pub(super) fn decode(bytes: &[u8]) -> Option<Analysis> {
    postcard::from_bytes(bytes).ok()
}

impl Store {
    /// The cached analyses of `articles`, in order (`None` where not cached).
    pub fn cached_analyses(&self, articles: &[Article]) -> Result<Vec<Option<Analysis>>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT analysis FROM analyses WHERE content_hash = ?1 AND model_version = ?2",
            )
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(articles.len());
        for article in articles {
            let bytes: Option<Vec<u8>> = stmt
                .query_row(params![content_hash(article), ANALYSIS_VERSION], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(|e| self.err(e))?;
            out.push(bytes.as_deref().and_then(decode));
        }
        Ok(out)
    }

    /// The cached analysis of the text with this [`content_hash`], if any.
    pub fn cached_analysis(&self, hash: &str) -> Result<Option<Analysis>> {
        let bytes: Option<Vec<u8>> = self
            .conn
            .prepare_cached(
                "SELECT analysis FROM analyses WHERE content_hash = ?1 AND model_version = ?2",
            )
            .and_then(|mut s| {
                s.query_row(params![hash, ANALYSIS_VERSION], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.err(e))?;
        Ok(bytes.as_deref().and_then(decode))
    }

    /// Caches analyses of articles from any source, in one transaction.
    pub fn save_analyses(&mut self, analysed: &[(&Article, &Analysis)]) -> Result<()> {
        let path = self.path.clone();
        let tx = self
            .write_transaction()
            .map_err(|e| StoreError::from_sqlite(&path, e))?;
        for (article, analysis) in analysed {
            let encoded = encode(analysis)?;
            put(&tx, &content_hash(article), &encoded)
                .map_err(|e| StoreError::from_sqlite(&path, e))?;
        }
        tx.commit().map_err(|e| StoreError::from_sqlite(&path, e))
    }

    /// Every content hash with an analysis of the current version.
    pub fn analysed_hashes(&self) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT content_hash FROM analyses WHERE model_version = ?1")
            .map_err(|e| self.err(e))?;
        let hashes = stmt
            .query_map([ANALYSIS_VERSION], |r| r.get(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<HashSet<String>>>()
            .map_err(|e| self.err(e))?;
        Ok(hashes)
    }
}

#[cfg(test)]
mod tests {
    use super::ANALYSIS_VERSION;

    #[test]
    fn the_version_carries_the_build_fingerprint() {
        let fingerprint = ANALYSIS_VERSION
            .strip_prefix("nlp-")
            .and_then(|v| v.strip_suffix("/postcard-1"))
            .unwrap_or("");
        assert_eq!(fingerprint.len(), 16, "{ANALYSIS_VERSION}");
        assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
