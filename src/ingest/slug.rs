//! Stable article ids: slugs of file names, hashes of feed guids.

use crate::article::ArticleId;
use std::collections::HashSet;

/// Longest slug kept, in bytes (slugs are ASCII).
const MAX_SLUG: usize = 80;

/// A lower-case ASCII slug: letters and digits, runs of anything else as one `-`.
/// Never empty: text with no letters or digits gives `article`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
            if out.len() >= MAX_SLUG {
                break;
            }
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// The id of a feed item: a short blake3 hash of its feed and guid, so it
/// survives refreshes and edits to the item's text.
pub fn feed_item_id(feed: &str, guid: &str) -> ArticleId {
    let hash = blake3::hash(format!("{feed}\n{guid}").as_bytes());
    let hex = hash.to_hex();
    ArticleId(format!("feed-{}", hex.get(..16).unwrap_or("")))
}

/// Hands out ids unique within one load: the second `x` becomes `x-2`, and so on.
/// Deterministic for a deterministic input order.
#[derive(Debug, Default)]
pub struct IdAllocator {
    taken: HashSet<String>,
}

impl IdAllocator {
    pub fn unique(&mut self, base: &str) -> ArticleId {
        let mut candidate = base.to_string();
        let mut n = 2u64;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n = n.saturating_add(1);
        }
        self.taken.insert(candidate.clone());
        ArticleId(candidate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_ascii_with_single_dashes() {
        assert_eq!(
            slug("Li Qiang meets Aliyev!.txt"),
            "li-qiang-meets-aliyev-txt"
        );
        assert_eq!(slug("--A__b--"), "a-b");
        assert_eq!(slug("李强"), "article");
        assert!(slug(&"x".repeat(500)).len() <= MAX_SLUG);
    }

    #[test]
    fn allocator_suffixes_duplicates() {
        let mut ids = IdAllocator::default();
        assert_eq!(ids.unique("a").0, "a");
        assert_eq!(ids.unique("a").0, "a-2");
        assert_eq!(ids.unique("a").0, "a-3");
    }

    #[test]
    fn feed_ids_are_stable_and_distinct() {
        assert_eq!(feed_item_id("f", "1"), feed_item_id("f", "1"));
        assert_ne!(feed_item_id("f", "1"), feed_item_id("f", "2"));
    }
}
