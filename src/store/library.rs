//! Loading the cached library for the reader: articles, cached analyses, reading state.

use super::Store;
use super::analyses::{self, ANALYSIS_VERSION};
use super::articles::ArticleState;
use super::error::Result;
use crate::article::{Article, ArticleId, Origin};
use crate::nlp::Analysis;
use rayon::prelude::*;
use std::collections::HashMap;

/// One cached feed article, as the reader needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct CachedArticle {
    /// `origin` is `Origin::Feed(<feed url>)`.
    pub article: Article,
    /// The cached analysis for this text and model version; `None` means
    /// "analyse it" (and then [`Store::save_analyses`] it).
    pub analysis: Option<Analysis>,
    pub state: ArticleState,
}

/// Everything the cache holds for the reader's first frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CachedLibrary {
    /// Feed articles, newest first (undated ones last, most recently seen first).
    pub articles: Vec<CachedArticle>,
    /// Reading state of every article that has one, feed or not: look up
    /// bundled and file articles here by id.
    pub states: HashMap<ArticleId, ArticleState>,
}

/// A row as read, before the analysis JSON is decoded (in parallel).
struct Row {
    row: i64,
    article: Article,
    analysis: Option<Vec<u8>>,
    state: ArticleState,
}

impl Store {
    /// Every cached feed article with its cached analysis and reading state,
    /// plus the reading state of all articles. Offline: reads only the file.
    pub fn load_library(&self) -> Result<CachedLibrary> {
        self.load(true)
    }

    /// [`Store::load_library`] without the analyses (every `analysis` is
    /// `None`): the quickest way to a first frame. Fetch the analyses after,
    /// off the UI thread, with [`Store::cached_analyses`].
    pub fn load_articles(&self) -> Result<CachedLibrary> {
        self.load(false)
    }

    fn load(&self, with_analyses: bool) -> Result<CachedLibrary> {
        // The analysis column is a subquery so that the articles-only load
        // never touches the analyses table.
        let analysis = if with_analyses {
            "(SELECT an.analysis FROM analyses an
              WHERE an.content_hash = a.content_hash AND an.model_version = ?1)"
        } else {
            "NULL"
        };
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT a.article_id, a.title, a.source, a.date, a.link, a.licence, a.body, f.url,
                        {analysis}, coalesce(s.read, 0), coalesce(s.starred, 0), a.id
                 FROM articles a
                 JOIN feeds f ON f.id = a.feed_id
                 LEFT JOIN article_state s ON s.article_id = a.article_id
                 WHERE ?1 IS NOT NULL"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([ANALYSIS_VERSION], |r| {
                Ok(Row {
                    row: r.get(11)?,
                    article: Article {
                        id: ArticleId(r.get(0)?),
                        title: r.get(1)?,
                        source: r.get(2)?,
                        date: r.get(3)?,
                        url: r.get(4)?,
                        licence: r.get(5)?,
                        body: r.get(6)?,
                        origin: Origin::Feed(r.get(7)?),
                    },
                    analysis: r.get(8)?,
                    state: ArticleState {
                        read: r.get(9)?,
                        starred: r.get(10)?,
                    },
                })
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<Row>>>()
            .map_err(|e| self.err(e))?;
        // Sorted here rather than by SQLite, whose sorter would copy every body
        // and analysis through a temporary b-tree.
        let mut rows = rows;
        rows.sort_unstable_by(|a, b| {
            let (da, db) = (a.article.date.as_deref(), b.article.date.as_deref());
            db.is_some()
                .cmp(&da.is_some())
                .then_with(|| db.cmp(&da))
                .then_with(|| b.row.cmp(&a.row))
        });
        let articles = rows
            .into_par_iter()
            .map(|row| CachedArticle {
                analysis: row.analysis.as_deref().and_then(analyses::decode),
                article: row.article,
                state: row.state,
            })
            .collect();
        Ok(CachedLibrary {
            articles,
            states: self.states()?,
        })
    }

    /// The reading state of every article that has one.
    pub fn states(&self) -> Result<HashMap<ArticleId, ArticleState>> {
        let mut stmt = self
            .conn
            .prepare("SELECT article_id, read, starred FROM article_state")
            .map_err(|e| self.err(e))?;
        let states = stmt
            .query_map([], |r| {
                Ok((
                    ArticleId(r.get(0)?),
                    ArticleState {
                        read: r.get(1)?,
                        starred: r.get(2)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()
            .map_err(|e| self.err(e))?;
        Ok(states)
    }
}
