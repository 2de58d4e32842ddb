//! A feed subscription as OPML and newsboat `urls` files describe it.

use super::sanitize;

/// One subscribed feed: where it is, what to call it, how it is tagged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subscription {
    /// An http(s) URL (or a local feed file path).
    pub url: String,
    /// The feed's display name, if the file gives one.
    pub title: Option<String>,
    /// Tags (newsboat tags, OPML categories and enclosing folders), in file order.
    pub tags: Vec<String>,
}

/// What an import found: the subscriptions, and one line per entry it skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub subscriptions: Vec<Subscription>,
    pub problems: Vec<String>,
}

impl Imported {
    /// Adds a subscription if its URL is http(s), else records why not.
    /// `place` names where it was found ("line 3", "outline 5").
    pub(crate) fn push(&mut self, place: &str, url: &str, title: Option<&str>, tags: Vec<String>) {
        let url = sanitize::line(url);
        match super::http::check_url(&url) {
            Ok(_) => self.subscriptions.push(Subscription {
                url,
                title: title.map(sanitize::line).filter(|t| !t.is_empty()),
                tags: dedup(tags),
            }),
            Err(e) => self.problems.push(format!("{place}: {url}: {e}")),
        }
    }
}

/// Tags sanitised, empty ones dropped, first occurrence kept (linear time).
fn dedup(tags: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.into_iter()
        .map(|tag| sanitize::line(&tag))
        .filter(|tag| !tag.is_empty() && seen.insert(tag.clone()))
        .collect()
}
