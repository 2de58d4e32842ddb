//! Helpers shared by the store and refresh tests: articles, items, a fake feed source,
//! a local HTTP server.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod server;

use readout::article::{Article, ArticleId, Origin};
use readout::refresh::{FeedSource, Fetch, FetchedFeed, SourcedItem, Validators};
use std::collections::HashMap;
use std::sync::Mutex;

pub fn article(title: &str, body: &str, link: Option<&str>) -> Article {
    Article {
        id: ArticleId(format!("parsed-{title}")),
        title: title.to_string(),
        source: "Test Feed".to_string(),
        date: Some("2026-11-01".to_string()),
        url: link.map(str::to_string),
        licence: None,
        body: body.to_string(),
        origin: Origin::Feed("ignored".to_string()),
    }
}

pub fn item(guid: Option<&str>, title: &str, body: &str, link: Option<&str>) -> SourcedItem {
    SourcedItem {
        article: article(title, body, link),
        guid: guid.map(str::to_string),
    }
}

pub fn feed(title: &str, items: Vec<SourcedItem>) -> Fetch {
    Fetch::Modified(FetchedFeed {
        title: Some(title.to_string()),
        items,
        validators: Validators {
            etag: Some(format!("\"{title}\"")),
            last_modified: None,
        },
    })
}

/// A feed source answering from a table, recording the validators it was sent.
#[derive(Default)]
pub struct FakeSource {
    pub answers: Mutex<HashMap<String, Result<Fetch, String>>>,
    pub asked: Mutex<Vec<(String, Validators)>>,
}

impl FakeSource {
    pub fn set(&self, url: &str, answer: Result<Fetch, String>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.insert(url.to_string(), answer);
        }
    }
}

impl FeedSource for FakeSource {
    fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetch, String> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push((url.to_string(), validators.clone()));
        }
        let answers = self.answers.lock().map_err(|_| "poisoned".to_string())?;
        answers
            .get(url)
            .cloned()
            .unwrap_or_else(|| Err(format!("no such feed: {url}")))
    }
}
