//! The SQLite cache: subscribed feeds, their articles, reading state, and
//! analyses keyed by content hash and model version. (issue 5, issue 6 "Data")
//!
//! One file (`readout.db` in the XDG data directory, or `--db PATH`), WAL mode,
//! a busy timeout so two readout processes wait for each other instead of
//! failing, a versioned schema with migrations (`store/migrations/`,
//! summed up in `store/schema.sql`), and every multi-row change in one
//! transaction. A file that is not a readout cache is set aside, never
//! overwritten (see [`SetAside`]).
//!
//! The API the reader uses:
//! - [`Store::open`] / [`Store::open_default`], then [`Store::set_aside`] for the
//!   one-line notice when a bad file was moved away;
//! - [`Store::load_library`]: every cached article with its cached analysis and
//!   reading state, plus the reading state of articles from other sources;
//! - [`Store::mark_read`], [`Store::toggle_unread`], [`Store::set_starred`],
//!   [`Store::state`];
//! - [`Store::cached_analyses`] / [`Store::save_analyses`] to skip re-analysing
//!   bundled or file articles on the next start;
//! - feeds: [`Store::add_feed`], [`Store::feeds`], [`Store::remove_feed`];
//!   refreshing is [`crate::refresh`].
//!
//! A `Store` is one connection: `Send`, not `Sync`. A background refresh opens
//! its own `Store` on the same path; WAL lets both work at once.

mod analyses;
mod articles;
mod clock;
mod error;
mod feeds;
mod library;
pub mod migrate;
mod open;

pub use analyses::ANALYSIS_VERSION;
pub use articles::{ArticleState, IncomingItem, Upsert};
pub use error::{Result, StoreError};
pub use feeds::{Feed, FeedFetch, FeedId};
pub use library::{CachedArticle, CachedLibrary};
pub use open::SetAside;

use crate::article::Article;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another process's write before reporting "busy".
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open cache.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    set_aside: Option<SetAside>,
    busy: Duration,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// The default cache file: `<XDG data dir>/readout/readout.db`.
    pub fn default_path() -> Option<PathBuf> {
        dirs::data_dir().map(|d| d.join("readout").join("readout.db"))
    }

    /// Opens `path` if given, else the default file.
    pub fn open_or_default(path: Option<&Path>) -> Result<Self> {
        match path {
            Some(path) => Self::open(path),
            None => Self::open_default(),
        }
    }

    /// Opens the default cache file, creating its folder.
    pub fn open_default() -> Result<Self> {
        let path = Self::default_path().ok_or(StoreError::NoDataDir)?;
        Self::open(&path)
    }

    /// Opens (or creates) the cache at `path` and brings its schema up to date.
    ///
    /// A file that is not a readout cache is moved aside first and a fresh one
    /// started: [`Store::set_aside`] then says so. A busy, read-only, full or
    /// newer-schema file is an error and is left untouched.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// Starts a transaction that writes. It takes the write lock at BEGIN
    /// (IMMEDIATE): a deferred transaction that reads first and writes later
    /// fails at once with SQLITE_BUSY when another process committed in
    /// between, without waiting for the busy timeout, and a refresh running
    /// beside another one would lose that feed's items.
    pub(crate) fn write_transaction(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
    }

    /// [`Store::open`] with another busy timeout (tests, and a UI that must not wait long).
    pub fn open_with_timeout(path: &Path, busy: Duration) -> Result<Self> {
        let (conn, set_aside) = open::open(path, busy)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            set_aside,
            busy,
        })
    }

    /// Sets a damaged cache aside and starts a fresh one in its place (after a
    /// [`StoreError::Damaged`] from any call); [`Store::set_aside`] then says so.
    pub fn recover(&mut self) -> Result<()> {
        // Close the damaged file before moving it.
        let placeholder = Connection::open_in_memory().map_err(|e| self.err(e))?;
        drop(std::mem::replace(&mut self.conn, placeholder));
        let aside = open::set_aside(&self.path, "a damaged database")?;
        let (conn, _) = open::open(&self.path, self.busy)?;
        self.conn = conn;
        self.set_aside = Some(aside);
        Ok(())
    }

    /// [`Store::load_library`], setting a damaged cache aside and starting
    /// fresh (an empty library) instead of failing: what the reader calls.
    pub fn load_library_or_recover(&mut self) -> Result<CachedLibrary> {
        match self.load_library() {
            Err(StoreError::Damaged { .. }) => {
                self.recover()?;
                self.load_library()
            }
            other => other,
        }
    }

    /// [`Store::load_articles`] (no analyses: the reader's first frame),
    /// setting a damaged cache aside and starting fresh instead of failing.
    pub fn load_articles_or_recover(&mut self) -> Result<CachedLibrary> {
        match self.load_articles() {
            Err(StoreError::Damaged { .. }) => {
                self.recover()?;
                self.load_articles()
            }
            other => other,
        }
    }

    /// The cache file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file moved aside while opening, if any: show it to the user once.
    pub fn set_aside(&self) -> Option<&SetAside> {
        self.set_aside.as_ref()
    }

    /// Turns a SQLite error into a [`StoreError`] naming this cache.
    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }

    /// Runs SQLite's full integrity check; `Ok(true)` when the file is sound.
    pub fn integrity_check(&self) -> Result<bool> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(verdict == "ok")
    }

    /// Caps the file at `pages` pages so that tests can see a "disk full" error.
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u32) -> Result<()> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| self.err(e))
    }
}

/// The key of the analysis cache: blake3 of what the analysis reads (title and body), hex.
pub fn content_hash(article: &Article) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(article.title.as_bytes());
    hasher.update(&[0]);
    hasher.update(article.body.as_bytes());
    hasher.finalize().to_hex().to_string()
}
