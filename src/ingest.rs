//! Ingest: the outside world (bundled corpus, files, folders, feeds) to clean Articles.
//!
//! All text is sanitised here, once: nothing that leaves this module carries
//! control characters or terminal escape sequences.

use crate::article::Article;

/// The result of loading sources: the articles, and one message per problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// One clear line per file or feed that could not be read ("x.bin: not text").
    pub problems: Vec<String>,
}

/// Loads files, folders and feeds. PLACEHOLDER until ingest lands (issue 2/5).
pub fn load(_sources: &[String]) -> Loaded {
    Loaded::default()
}

/// The bundled corpus embedded in the binary. PLACEHOLDER until it lands (issue 2).
pub fn bundled() -> Vec<Article> {
    Vec::new()
}
