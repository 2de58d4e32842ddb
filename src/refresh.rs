//! Refreshing subscribed feeds: fetch a few at once, parse, analyse, store.
//!
//! Fetching, parsing and analysing run on worker threads (at most
//! [`RefreshOptions::concurrency`] feeds at once, analysis spread over cores
//! with rayon); the calling thread owns the [`Store`] and writes each feed's
//! results in one transaction as they arrive, so a crash leaves every feed
//! either fully updated or as it was, and the reader can show each feed's
//! articles as soon as they are stored. Progress is reported per feed through
//! a callback ([`RefreshEvent`]); a failing feed never stops the others.
//!
//! Where the bytes come from is a [`FeedSource`]: the network and files in
//! the binary ([`network::NetworkSource`]), anything at all in tests.

pub mod network;

use crate::article::{Article, Origin};
use crate::nlp::{self, Analysis};
use crate::store::{
    self, CachedArticle, FeedFetch, FeedId, IncomingItem, Store, StoreError, Upsert,
};
use rayon::prelude::*;
use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Conditional-GET validators remembered from the last successful fetch.
pub use crate::ingest::http::Validators;

/// One item of a fetched feed, parsed and sanitised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcedItem {
    pub article: Article,
    /// The feed's own id for the item; `None` when the feed gives none.
    pub guid: Option<String>,
}

/// A feed's new content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FetchedFeed {
    pub title: Option<String>,
    pub items: Vec<SourcedItem>,
    /// Validators to send next time.
    pub validators: Validators,
}

/// What a fetch found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetch {
    /// The feed's current content.
    Modified(FetchedFeed),
    /// The server said nothing changed since `validators` (HTTP 304).
    NotModified,
}

/// Where feeds come from: the network, files, or a test's fixtures.
pub trait FeedSource: Sync {
    /// Fetches and parses the feed at `url` (a URL or a file path). The error is
    /// one line saying what went wrong ("HTTP 404 Not Found", "timed out").
    fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetch, String>;
}

/// How to refresh.
#[derive(Clone, Copy, Debug)]
pub struct RefreshOptions {
    /// Feeds fetched at once.
    pub concurrency: usize,
}

impl Default for RefreshOptions {
    fn default() -> Self {
        Self { concurrency: 4 }
    }
}

/// What happened to one feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedOutcome {
    /// Fetched and stored.
    Stored {
        new: usize,
        changed: usize,
        unchanged: usize,
    },
    /// The server said it had not changed (HTTP 304).
    NotModified,
    /// Fetching, parsing or storing failed; nothing stored for it was lost.
    Failed(String),
}

impl FeedOutcome {
    pub fn is_failure(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

impl std::fmt::Display for FeedOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Stored {
                new,
                changed,
                unchanged,
            } => write!(f, "{new} new, {changed} changed, {unchanged} unchanged"),
            Self::NotModified => f.write_str("unchanged (not modified)"),
            Self::Failed(reason) => write!(f, "error: {reason}"),
        }
    }
}

/// One feed's result, with the articles it added or changed (for the reader).
#[derive(Clone, Debug, PartialEq)]
pub struct FeedReport {
    pub feed: FeedId,
    pub url: String,
    /// The feed's title, if known.
    pub title: Option<String>,
    pub outcome: FeedOutcome,
    /// New and changed articles, with analyses and reading state.
    pub articles: Vec<CachedArticle>,
}

/// Progress of a refresh, reported as it happens.
#[derive(Clone, Debug, PartialEq)]
pub enum RefreshEvent {
    /// Fetching of this feed began.
    Started { feed: FeedId, url: String },
    /// This feed is done (stored, unchanged, or failed).
    Finished(FeedReport),
}

/// The whole refresh, feed by feed (in completion order, without the articles).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefreshSummary {
    pub feeds: Vec<(String, FeedOutcome)>,
}

impl RefreshSummary {
    /// True when there were feeds and every one failed (the CLI's failure exit).
    pub fn all_failed(&self) -> bool {
        !self.feeds.is_empty() && self.feeds.iter().all(|(_, o)| o.is_failure())
    }
}

/// An item ready to store: its hash, and its analysis when not cached yet.
struct PreparedItem {
    item: SourcedItem,
    hash: String,
    analysis: Option<Analysis>,
}

enum Prepared {
    NotModified,
    Modified {
        title: Option<String>,
        validators: Validators,
        items: Vec<PreparedItem>,
    },
}

enum Message {
    Started(usize),
    Done(usize, Result<Prepared, String>),
}

/// Refreshes every subscribed feed; see the module comment. Returns an error
/// only when the cache cannot even be read; per-feed failures are outcomes.
pub fn refresh(
    store: &mut Store,
    source: &dyn FeedSource,
    options: RefreshOptions,
    mut on_event: impl FnMut(&RefreshEvent),
) -> Result<RefreshSummary, StoreError> {
    let feeds = store.feeds()?;
    let known = store.analysed_hashes()?;
    let mut summary = RefreshSummary::default();
    if feeds.is_empty() {
        return Ok(summary);
    }
    let next = AtomicUsize::new(0);
    let workers = options.concurrency.clamp(1, feeds.len());
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (feeds, known, next) = (&feeds, &known, &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = feeds.get(i) else { break };
                    if tx.send(Message::Started(i)).is_err() {
                        break;
                    }
                    let validators = Validators {
                        etag: feed.etag.clone(),
                        last_modified: feed.last_modified.clone(),
                    };
                    let prepared = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        prepare(source, &feed.url, &validators, known)
                    }))
                    .unwrap_or_else(|_| Err("internal error while reading this feed".into()));
                    if tx.send(Message::Done(i, prepared)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for message in rx {
            match message {
                Message::Started(i) => {
                    if let Some(feed) = feeds.get(i) {
                        on_event(&RefreshEvent::Started {
                            feed: feed.id,
                            url: feed.url.clone(),
                        });
                    }
                }
                Message::Done(i, prepared) => {
                    let Some(feed) = feeds.get(i) else { continue };
                    let report = save(store, feed.id, &feed.url, feed.title.clone(), prepared);
                    summary
                        .feeds
                        .push((report.url.clone(), report.outcome.clone()));
                    on_event(&RefreshEvent::Finished(report));
                }
            }
        }
    });
    Ok(summary)
}

/// Fetches, parses and analyses one feed (on a worker thread).
fn prepare(
    source: &dyn FeedSource,
    url: &str,
    validators: &Validators,
    known: &HashSet<String>,
) -> Result<Prepared, String> {
    let fetched = match source.fetch(url, validators)? {
        Fetch::NotModified => return Ok(Prepared::NotModified),
        Fetch::Modified(fetched) => fetched,
    };
    let items = fetched
        .items
        .into_par_iter()
        .map(|item| {
            let hash = store::content_hash(&item.article);
            let analysis = (!known.contains(&hash))
                .then(|| analyze(&item.article))
                .flatten();
            PreparedItem {
                item,
                hash,
                analysis,
            }
        })
        .collect();
    Ok(Prepared::Modified {
        title: fetched.title,
        validators: fetched.validators,
        items,
    })
}

/// Analyses one article; a panic in the analysis (which must not happen) costs
/// only that article's cached analysis, not the refresh.
fn analyze(article: &Article) -> Option<Analysis> {
    std::panic::catch_unwind(|| nlp::analyze(article)).ok()
}

/// Stores one feed's prepared result (on the thread that owns the store).
fn save(
    store: &mut Store,
    feed: FeedId,
    url: &str,
    title: Option<String>,
    prepared: Result<Prepared, String>,
) -> FeedReport {
    let mut report = FeedReport {
        feed,
        url: url.to_string(),
        title,
        outcome: FeedOutcome::NotModified,
        articles: Vec::new(),
    };
    match prepared {
        Err(reason) => {
            // Best effort: the feed's row shows the error; if even that cannot be
            // written, the outcome below still reports the fetch's failure.
            let _ = store.record_feed_error(feed, &reason);
            report.outcome = FeedOutcome::Failed(reason);
        }
        Ok(Prepared::NotModified) => {
            if let Err(e) = store.record_feed_unchanged(feed) {
                report.outcome = FeedOutcome::Failed(format!("could not save: {e}"));
            }
        }
        Ok(Prepared::Modified {
            title,
            validators,
            items,
        }) => {
            if title.is_some() {
                report.title.clone_from(&title);
            }
            let fetch = FeedFetch {
                title: title.as_deref(),
                etag: validators.etag.as_deref(),
                last_modified: validators.last_modified.as_deref(),
            };
            let incoming: Vec<IncomingItem<'_>> = items
                .iter()
                .map(|p| IncomingItem {
                    article: &p.item.article,
                    guid: p.item.guid.as_deref(),
                    content_hash: &p.hash,
                    analysis: p.analysis.as_ref(),
                })
                .collect();
            match store.store_fetch(feed, &fetch, &incoming) {
                Err(e) => {
                    let reason = format!("could not save: {e}");
                    let _ = store.record_feed_error(feed, &reason);
                    report.outcome = FeedOutcome::Failed(reason);
                }
                Ok(upserts) => {
                    let (mut new, mut changed, mut unchanged) = (0, 0, 0);
                    for (done, prepared) in upserts.into_iter().zip(items) {
                        match &done {
                            Upsert::New(_) => new += 1,
                            Upsert::Changed(_) => changed += 1,
                            Upsert::Unchanged(_) => {
                                unchanged += 1;
                                continue;
                            }
                        }
                        let mut article = prepared.item.article;
                        article.id = done.id().clone();
                        article.origin = Origin::Feed(url.to_string());
                        let state = store.state(&article.id).unwrap_or_default();
                        let analysis = match prepared.analysis {
                            Some(analysis) => Some(analysis),
                            None => store.cached_analysis(&prepared.hash).ok().flatten(),
                        };
                        report.articles.push(CachedArticle {
                            analysis,
                            article,
                            state,
                        });
                    }
                    report.outcome = FeedOutcome::Stored {
                        new,
                        changed,
                        unchanged,
                    };
                }
            }
        }
    }
    report
}
