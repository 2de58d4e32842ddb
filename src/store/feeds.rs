//! Subscriptions: add, list, remove, and what the last fetch left behind.

use super::error::Result;
use super::{Store, clock};
use rusqlite::{OptionalExtension, params};

/// A feed's row id in the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FeedId(pub i64);

/// A subscribed feed, with what its last fetch left and its article counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    pub id: FeedId,
    /// An http(s) URL or an absolute file path.
    pub url: String,
    /// The feed's own title, once fetched.
    pub title: Option<String>,
    pub tags: Vec<String>,
    pub added_at: String,
    pub last_fetch_at: Option<String>,
    /// The last fetch's error in one line; `None` after a success.
    pub last_error: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub articles: u64,
    pub unread: u64,
}

impl Feed {
    /// The title if known, else the URL.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.url)
    }
}

/// What a successful fetch tells the cache about its feed.
#[derive(Clone, Copy, Debug, Default)]
pub struct FeedFetch<'a> {
    pub title: Option<&'a str>,
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
}

const FEED_COLUMNS: &str = "
    f.id, f.url, f.title, f.added_at, f.last_fetch_at, f.last_error, f.etag, f.last_modified,
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM feed_tags t WHERE t.feed_id = f.id ORDER BY tag)),
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND NOT EXISTS
        (SELECT 1 FROM article_state s WHERE s.article_id = a.article_id AND s.read = 1))";

fn feed_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Feed> {
    let tags: Option<String> = row.get(8)?;
    let count =
        |i| -> rusqlite::Result<u64> { Ok(u64::try_from(row.get::<_, i64>(i)?).unwrap_or(0)) };
    Ok(Feed {
        id: FeedId(row.get(0)?),
        url: row.get(1)?,
        title: row.get(2)?,
        added_at: row.get(3)?,
        last_fetch_at: row.get(4)?,
        last_error: row.get(5)?,
        etag: row.get(6)?,
        last_modified: row.get(7)?,
        tags: tags
            .map(|t| t.split('\u{1f}').map(str::to_string).collect())
            .unwrap_or_default(),
        articles: count(9)?,
        unread: count(10)?,
    })
}

impl Store {
    /// Subscribes to `url` (adding `tags` if it is already subscribed).
    /// Returns the feed and whether it is new.
    pub fn add_feed(&mut self, url: &str, tags: &[String]) -> Result<(FeedId, bool)> {
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(&path, e);
        let tx = self.write_transaction().map_err(err)?;
        let added = tx
            .execute(
                "INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?1, ?2)",
                params![url, clock::now_rfc3339()],
            )
            .map_err(err)?
            > 0;
        let id: i64 = tx
            .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0))
            .map_err(err)?;
        for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            tx.execute(
                "INSERT OR IGNORE INTO feed_tags (feed_id, tag) VALUES (?1, ?2)",
                params![id, tag],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok((FeedId(id), added))
    }

    /// Every subscribed feed, in the order they were added.
    pub fn feeds(&self) -> Result<Vec<Feed>> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM feeds f ORDER BY f.id");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], feed_from_row)
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    /// The feed subscribed under `url`, if any.
    pub fn feed(&self, url: &str) -> Result<Option<Feed>> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM feeds f WHERE f.url = ?1");
        self.conn
            .query_row(&sql, [url], feed_from_row)
            .optional()
            .map_err(|e| self.err(e))
    }

    /// True when at least one feed is subscribed.
    pub fn has_feeds(&self) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS (SELECT 1 FROM feeds)", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Unsubscribes from `url`, dropping its articles, their reading state and
    /// analyses no other article uses, in one transaction. False if not subscribed.
    pub fn remove_feed(&mut self, url: &str) -> Result<bool> {
        let path = self.path.clone();
        let err = |e| super::StoreError::from_sqlite(&path, e);
        let tx = self.write_transaction().map_err(err)?;
        let Some(id) = tx
            .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| {
                r.get::<_, i64>(0)
            })
            .optional()
            .map_err(err)?
        else {
            return Ok(false);
        };
        tx.execute(
            "DELETE FROM article_state WHERE article_id IN
                 (SELECT article_id FROM articles WHERE feed_id = ?1)",
            [id],
        )
        .map_err(err)?;
        tx.execute(
            "DELETE FROM analyses WHERE content_hash IN
                 (SELECT content_hash FROM articles WHERE feed_id = ?1)
             AND content_hash NOT IN
                 (SELECT content_hash FROM articles WHERE feed_id <> ?1)",
            [id],
        )
        .map_err(err)?;
        tx.execute("DELETE FROM feeds WHERE id = ?1", [id])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(true)
    }

    /// Records a failed fetch: the time and the reason; stored articles are kept.
    pub fn record_feed_error(&self, feed: FeedId, error: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE feeds SET last_fetch_at = ?2, last_error = ?3 WHERE id = ?1",
                params![feed.0, clock::now_rfc3339(), error],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Records a fetch that found the feed unchanged (HTTP 304).
    pub fn record_feed_unchanged(&self, feed: FeedId) -> Result<()> {
        self.conn
            .execute(
                "UPDATE feeds SET last_fetch_at = ?2, last_error = NULL WHERE id = ?1",
                params![feed.0, clock::now_rfc3339()],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

/// Records a successful fetch inside the refresh's transaction.
pub(super) fn record_fetch(
    tx: &rusqlite::Transaction<'_>,
    feed: FeedId,
    fetch: &FeedFetch<'_>,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE feeds SET title = coalesce(?2, title), last_fetch_at = ?3, last_error = NULL,
                          etag = ?4, last_modified = ?5
         WHERE id = ?1",
        params![
            feed.0,
            fetch.title,
            clock::now_rfc3339(),
            fetch.etag,
            fetch.last_modified
        ],
    )
    .map(|_| ())
}
