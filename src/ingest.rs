//! Ingest: the outside world (bundled corpus, files, folders, feeds) to clean Articles.
//!
//! All text is sanitised here, once ([`sanitize`]): nothing that leaves this
//! module carries control characters or terminal escape sequences.
//!
//! Entry points: [`bundled`] (the embedded corpus), [`load`] (files, folders,
//! feed files and feed URLs given on the command line).

pub mod bundled;
pub mod dates;
pub mod feed;
pub mod file;
pub mod html;
pub mod http;
pub mod opml;
pub mod repair;
pub mod sanitize;
pub mod slug;
pub mod source;
pub mod subscription;
pub mod text_format;
pub mod urls;

use crate::article::Article;
use std::ffi::OsStr;
use std::path::Path;
pub use subscription::{Imported, Subscription};

/// The result of loading sources: the articles, and one message per problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// One clear line per file or feed that could not be read ("x.bin: not text").
    pub problems: Vec<String>,
}

/// Loads files, folders, feed files and feed URLs, in the order given.
///
/// Never fails as a whole: each source that cannot be read adds one line to
/// `problems` (naming it) and the others still load. Ids are unique within
/// the result.
/// Sources are OS strings: a file name need not be UTF-8.
pub fn load<S: AsRef<OsStr>>(sources: &[S]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut ids = slug::IdAllocator::default();
    for source in sources {
        let source = source.as_ref();
        if let Some(url) = source.to_str().filter(|s| source::is_url(s)) {
            match source::fetch_feed(url, &http::Validators::default()) {
                Ok(source::FeedUpdate::Updated { feed, .. }) => {
                    loaded.articles.extend(feed.into_articles(&mut ids));
                }
                Ok(source::FeedUpdate::Unchanged) => {}
                Err(e) => loaded
                    .problems
                    .push(format!("{}: {e}", sanitize::visible(url))),
            }
            continue;
        }
        let load = file::load_path(Path::new(source), &mut ids);
        loaded.articles.extend(load.articles);
        loaded.problems.extend(load.problems);
    }
    loaded
}

/// The bundled corpus embedded in the binary: the seed article first, then newest first.
pub fn bundled() -> Vec<Article> {
    bundled::articles()
}

/// Why a subscriptions file could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    File(#[from] file::FileError),
    #[error("{path}: {source}")]
    Opml {
        path: String,
        source: opml::OpmlError,
    },
}

/// Imports subscriptions from an OPML file or a newsboat `urls` file (told
/// apart by content: OPML starts with `<`). Entries that cannot be used are
/// listed in `Imported::problems`.
pub fn import_subscriptions(path: &Path) -> Result<Imported, ImportError> {
    let bytes = file::read_capped(path, file::MAX_FILE_BYTES)?;
    let text_start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF))
        .and_then(|i| bytes.get(i));
    if text_start == Some(&b'<') {
        opml::import(&bytes).map_err(|source| ImportError::Opml {
            path: file::display(path),
            source,
        })
    } else {
        Ok(urls::import(&bytes))
    }
}
