//! The reader's library from the SQLite cache: the cached feed articles with
//! their reading state (offline, no analyses yet: those follow in the
//! background), then the bundled corpus as its own source.

use super::Library;
use crate::article::Article;
use crate::store::{CachedLibrary, Feed, Store};
use std::path::{Path, PathBuf};

/// What the reader starts with when no sources are given.
#[derive(Debug)]
pub struct OpenedLibrary {
    pub library: Library,
    /// The subscribed feeds (empty without a cache).
    pub feeds: Vec<Feed>,
    /// The open cache, if it could be opened.
    pub store: Option<Store>,
    /// One line each for the user: a file set aside, a cache that cannot be used.
    pub notices: Vec<String>,
}

impl OpenedLibrary {
    /// The cache file, if one is open.
    pub fn db_path(&self) -> Option<PathBuf> {
        self.store.as_ref().map(|s| s.path().to_path_buf())
    }
}

/// Opens the cache (`db`, else the default file) and builds the library from
/// it plus `bundled`. Never fails: without a usable cache the library is the
/// bundled corpus and a notice says why. A damaged cache is set aside and a
/// fresh one started.
pub fn open_library(db: Option<&Path>, bundled: Vec<Article>) -> OpenedLibrary {
    let mut notices = Vec::new();
    let mut store = match Store::open_or_default(db) {
        Ok(store) => store,
        Err(e) => {
            notices.push(format!(
                "Cache not available ({e}): read state is not kept."
            ));
            return OpenedLibrary {
                library: Library::new(bundled),
                feeds: Vec::new(),
                store: None,
                notices,
            };
        }
    };
    let loaded = store
        .load_articles_or_recover()
        .and_then(|cached| Ok((cached, store.feeds()?)));
    if let Some(aside) = store.set_aside() {
        notices.push(aside.to_string());
    }
    let (cached, feeds) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => {
            notices.push(format!("Could not read the cache ({e})."));
            (CachedLibrary::default(), Vec::new())
        }
    };
    OpenedLibrary {
        library: from_cache(cached, bundled),
        feeds,
        store: Some(store),
        notices,
    }
}

/// The cached feed articles (newest first) with their state and any analysis
/// they carry, then `bundled` with its remembered state.
pub fn from_cache(cached: CachedLibrary, bundled: Vec<Article>) -> Library {
    let mut library = Library::default();
    for item in cached.articles {
        let index = library.push(item.article, item.state.read, item.state.starred);
        if let Some(analysis) = item.analysis {
            library.set_analysis(index, analysis);
        }
    }
    for article in bundled {
        let state = cached.states.get(&article.id).copied().unwrap_or_default();
        library.push(article, state.read, state.starred);
    }
    library
}
