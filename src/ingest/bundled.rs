//! The bundled corpus: article files embedded in the binary, so `readout` works
//! from any folder, offline, with nothing else on disk.
//!
//! The files live in `assets/articles/` (origins and licences in its SOURCES.md);
//! `bundled_list.rs` embeds them and is generated from that folder (a test
//! fails when the two differ and says how to regenerate).

use super::file::{self, Kind};
use super::slug::{IdAllocator, slug};
use crate::article::{Article, Origin};

#[path = "bundled_list.rs"]
mod bundled_list;

/// The file that comes first: the article the project began from.
pub const SEED_FILE: &str = "xinhua-2025-04-23-li-qiang-meets-aliyev.txt";

/// The bundled articles: the seed article first, then the others newest first.
pub fn articles() -> Vec<Article> {
    let mut ids = IdAllocator::default();
    let mut articles: Vec<Article> = bundled_list::FILES
        .iter()
        .filter_map(|(name, text)| {
            let stem = name.rsplit_once('.').map_or(*name, |(stem, _)| stem);
            let kind = if name.ends_with(".md") {
                Kind::Markdown
            } else {
                Kind::Plain
            };
            file::article_from_text(text, kind, ids.unique(&slug(stem)), Origin::Bundled)
        })
        .collect();
    // Stable sort: equal dates keep file order; the seed is moved to the front.
    articles.sort_by(|a, b| b.date.cmp(&a.date));
    if let Some(pos) = articles
        .iter()
        .position(|a| a.id.0 == slug(SEED_FILE.trim_end_matches(".txt")))
    {
        let seed = articles.remove(pos);
        articles.insert(0, seed);
    }
    articles
}

/// The names of the embedded files, in embedding order.
pub fn file_names() -> impl Iterator<Item = &'static str> {
    bundled_list::FILES.iter().map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn asset_names() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| (n.ends_with(".txt") || n.ends_with(".md")) && n != "SOURCES.md")
            .collect();
        names.sort();
        // The seed first, then the rest in name order.
        if let Some(pos) = names.iter().position(|n| n == SEED_FILE) {
            let seed = names.remove(pos);
            names.insert(0, seed);
        }
        names
    }

    fn generated(names: &[String]) -> String {
        let mut out = String::from(
            "//! generated: the embedded article files. Do not edit: change assets/articles/ and run\n\
             //! `READOUT_REGENERATE=1 cargo test --lib ingest::bundled` to rewrite this list.\n\n\
             pub(super) const FILES: &[(&str, &str)] = &[\n",
        );
        for name in names {
            out.push_str(&format!(
                "    (\n        \"{name}\",\n        include_str!(\"../../assets/articles/{name}\"),\n    ),\n"
            ));
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn embedded_list_matches_assets_folder() {
        let names = asset_names();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ingest/bundled_list.rs");
        if std::env::var_os("READOUT_REGENERATE").is_some() {
            std::fs::write(&path, generated(&names)).unwrap();
        }
        let embedded: Vec<&str> = file_names().collect();
        assert_eq!(
            embedded, names,
            "assets/articles/ changed: run `READOUT_REGENERATE=1 cargo test --lib ingest::bundled`"
        );
    }

    #[test]
    fn every_bundled_file_is_an_article_with_licence_and_source() {
        let articles = articles();
        assert_eq!(articles.len(), file_names().count());
        for a in &articles {
            assert!(!a.title.is_empty(), "{}", a.id);
            assert!(!a.body.is_empty(), "{}", a.id);
            assert!(a.licence.is_some(), "{} has no licence", a.id);
            assert!(a.date.as_deref().is_some_and(|d| d.len() >= 10), "{}", a.id);
            assert_ne!(a.source, "readout", "{} has no Source line", a.id);
        }
    }

    #[test]
    fn seed_first_then_newest_first() {
        let articles = articles();
        assert_eq!(
            articles.first().map(|a| a.title.as_str()),
            Some("Chinese premier meets Azerbaijani president")
        );
        assert_eq!(articles[0].source, "Xinhua");
        let dates: Vec<_> = articles[1..].iter().map(|a| a.date.clone()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted);
    }

    #[test]
    fn ids_are_unique_slugs() {
        let articles = articles();
        let mut ids: Vec<_> = articles.iter().map(|a| a.id.0.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), articles.len());
        assert!(
            articles
                .iter()
                .any(|a| a.id.0 == "xinhua-2025-04-23-li-qiang-meets-aliyev")
        );
    }
}
