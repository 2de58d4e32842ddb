//! Feed items into the cache (deduplicated), and reading state (read, starred).
//!
//! Deduplication, within one feed: an incoming item is the same as a stored
//! one when their guids are equal; failing that, when their links are equal
//! and their guids do not disagree (one is missing); failing that, when their
//! content hashes are equal and neither guids nor links disagree. A match with
//! different text updates the text in place and keeps the article id, so read
//! and starred state (kept in its own table, keyed by article id, never
//! written by a refresh) survive re-publication.

use super::analyses;
use super::error::Result;
use super::feeds::{self, FeedFetch, FeedId};
use super::{Store, clock};
use crate::article::{Article, ArticleId};
use crate::nlp::Analysis;
use rusqlite::{OptionalExtension, Transaction, params};

/// One item of a fetched feed, ready to store.
#[derive(Clone, Copy, Debug)]
pub struct IncomingItem<'a> {
    /// The article as parsed and sanitised (its `id` and `origin` are replaced).
    pub article: &'a Article,
    /// The feed's own identifier for the item, if it gives one.
    pub guid: Option<&'a str>,
    /// [`super::content_hash`] of the article.
    pub content_hash: &'a str,
    /// Its analysis, when computed during the refresh.
    pub analysis: Option<&'a Analysis>,
}

/// What storing one item did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Upsert {
    /// First seen: a new article.
    New(ArticleId),
    /// Seen before with other text: text updated, id and state kept.
    Changed(ArticleId),
    /// Seen before, same text.
    Unchanged(ArticleId),
}

impl Upsert {
    pub fn id(&self) -> &ArticleId {
        match self {
            Self::New(id) | Self::Changed(id) | Self::Unchanged(id) => id,
        }
    }
}

/// Read and starred flags of one article. Unread and not starred by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ArticleState {
    pub read: bool,
    pub starred: bool,
}

/// A stored item that an incoming one matched.
struct Match {
    row: i64,
    article_id: String,
    content_hash: String,
}

fn find_match(
    tx: &Transaction<'_>,
    feed: FeedId,
    guid: Option<&str>,
    link: Option<&str>,
    hash: &str,
) -> rusqlite::Result<Option<Match>> {
    let to_match = |r: &rusqlite::Row<'_>| {
        Ok(Match {
            row: r.get(0)?,
            article_id: r.get(1)?,
            content_hash: r.get(2)?,
        })
    };
    if let Some(guid) = guid {
        let found = tx
            .prepare_cached(
                "SELECT id, article_id, content_hash FROM articles
                 WHERE feed_id = ?1 AND guid = ?2 LIMIT 1",
            )?
            .query_row(params![feed.0, guid], to_match)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    if let Some(link) = link {
        let found = tx
            .prepare_cached(
                "SELECT id, article_id, content_hash FROM articles
                 WHERE feed_id = ?1 AND link = ?2 AND (guid IS NULL OR ?3 IS NULL)
                 LIMIT 1",
            )?
            .query_row(params![feed.0, link, guid], to_match)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    tx.prepare_cached(
        "SELECT id, article_id, content_hash FROM articles
         WHERE feed_id = ?1 AND content_hash = ?2
           AND (guid IS NULL OR ?3 IS NULL OR guid = ?3)
           AND (link IS NULL OR ?4 IS NULL OR link = ?4)
         LIMIT 1",
    )?
    .query_row(params![feed.0, hash, guid, link], to_match)
    .optional()
}

/// A stable id for a new item: a hash of the feed and the item's best key.
fn new_article_id(tx: &Transaction<'_>, feed_url: &str, key: &str) -> rusqlite::Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(feed_url.as_bytes());
    hasher.update(&[0]);
    hasher.update(key.as_bytes());
    let hex = hasher.finalize().to_hex();
    let base = format!("feed-{}", hex.get(..16).unwrap_or(hex.as_str()));
    let mut id = base.clone();
    let mut n = 1u32;
    let mut exists =
        tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE article_id = ?1)")?;
    while exists.query_row([&id], |r| r.get::<_, bool>(0))? {
        n += 1;
        id = format!("{base}-{n}");
    }
    Ok(id)
}

fn upsert(
    tx: &Transaction<'_>,
    feed: FeedId,
    feed_url: &str,
    item: &IncomingItem<'_>,
    now: &str,
) -> rusqlite::Result<Upsert> {
    let a = item.article;
    let guid = item.guid.filter(|g| !g.is_empty());
    let link = a.url.as_deref().filter(|l| !l.is_empty());
    if let Some(found) = find_match(tx, feed, guid, link, item.content_hash)? {
        let id = ArticleId(found.article_id);
        if found.content_hash == item.content_hash {
            return Ok(Upsert::Unchanged(id));
        }
        tx.prepare_cached(
            "UPDATE articles SET guid = coalesce(guid, ?2), link = coalesce(?3, link),
                 content_hash = ?4, title = ?5, source = ?6, date = coalesce(?7, date),
                 licence = ?8, body = ?9, updated_at = ?10
             WHERE id = ?1",
        )?
        .execute(params![
            found.row,
            guid,
            link,
            item.content_hash,
            a.title,
            a.source,
            a.date,
            a.licence,
            a.body,
            now
        ])?;
        // The old text's analysis is dead weight unless another article shares it.
        tx.prepare_cached(
            "DELETE FROM analyses WHERE content_hash = ?1
               AND NOT EXISTS (SELECT 1 FROM articles WHERE content_hash = ?1)",
        )?
        .execute([&found.content_hash])?;
        return Ok(Upsert::Changed(id));
    }
    let key = guid.or(link).unwrap_or(item.content_hash);
    let id = new_article_id(tx, feed_url, key)?;
    tx.prepare_cached(
        "INSERT INTO articles (feed_id, article_id, guid, link, content_hash, title, source,
                               date, licence, body, first_seen_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    )?
    .execute(params![
        feed.0,
        id,
        guid,
        link,
        item.content_hash,
        a.title,
        a.source,
        a.date,
        a.licence,
        a.body,
        now
    ])?;
    Ok(Upsert::New(ArticleId(id)))
}

impl Store {
    /// Stores one successful fetch of `feed` in one transaction: every item
    /// (deduplicated), their analyses, and the feed's title and validators.
    /// Either all of it is stored or, on error, none of it.
    pub fn store_fetch(
        &mut self,
        feed: FeedId,
        fetch: &FeedFetch<'_>,
        items: &[IncomingItem<'_>],
    ) -> Result<Vec<Upsert>> {
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(&path, e);
        let tx = self.write_transaction().map_err(err)?;
        let feed_url: String = tx
            .query_row("SELECT url FROM feeds WHERE id = ?1", [feed.0], |r| {
                r.get(0)
            })
            .map_err(err)?;
        let now = clock::now_rfc3339();
        let mut results = Vec::with_capacity(items.len());
        for item in items {
            let done = upsert(&tx, feed, &feed_url, item, &now).map_err(err)?;
            if let Some(analysis) = item.analysis {
                let encoded = analyses::encode(analysis)?;
                analyses::put(&tx, item.content_hash, &encoded).map_err(err)?;
            }
            results.push(done);
        }
        feeds::record_fetch(&tx, feed, fetch).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(results)
    }

    /// The reading state of `id` (any article: feed, bundled or file).
    pub fn state(&self, id: &ArticleId) -> Result<ArticleState> {
        self.conn
            .prepare_cached("SELECT read, starred FROM article_state WHERE article_id = ?1")
            .and_then(|mut s| {
                s.query_row([&id.0], |r| {
                    Ok(ArticleState {
                        read: r.get(0)?,
                        starred: r.get(1)?,
                    })
                })
                .optional()
            })
            .map(Option::unwrap_or_default)
            .map_err(|e| self.err(e))
    }

    /// Marks `id` read (`true`) or unread (`false`).
    pub fn mark_read(&self, id: &ArticleId, read: bool) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO article_state (article_id, read, changed_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (article_id) DO UPDATE SET read = excluded.read,
                                                        changed_at = excluded.changed_at",
            )
            .and_then(|mut s| s.execute(params![id.0, read, clock::now_rfc3339()]))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Flips `id` between read and unread; returns whether it is now read.
    pub fn toggle_unread(&self, id: &ArticleId) -> Result<bool> {
        self.conn
            .prepare_cached(
                "INSERT INTO article_state (article_id, read, changed_at) VALUES (?1, 1, ?2)
                 ON CONFLICT (article_id) DO UPDATE SET read = 1 - read,
                                                        changed_at = excluded.changed_at
                 RETURNING read",
            )
            .and_then(|mut s| s.query_row(params![id.0, clock::now_rfc3339()], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// Stars (`true`) or unstars `id`.
    pub fn set_starred(&self, id: &ArticleId, starred: bool) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO article_state (article_id, starred, changed_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (article_id) DO UPDATE SET starred = excluded.starred,
                                                        changed_at = excluded.changed_at",
            )
            .and_then(|mut s| s.execute(params![id.0, starred, clock::now_rfc3339()]))
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}
