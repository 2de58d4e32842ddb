//! `readout feeds add|list|remove|import|export` and `readout refresh`.

use crate::refresh::{self, FeedOutcome, RefreshEvent, RefreshOptions, network::NetworkSource};
use crate::store::{Feed, Store};
use anyhow::Context;
use clap::Subcommand;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to a feed (http(s) URL or file).
    Add {
        source: OsString,
        /// A tag for the feed (repeatable).
        #[arg(long)]
        tag: Vec<String>,
    },
    /// List subscribed feeds with their counts and last fetch.
    List,
    /// Unsubscribe from a feed, dropping its cached articles.
    Remove { source: OsString },
    /// Import feeds from an OPML file or a newsboat `urls` file.
    Import { file: PathBuf },
    /// Print the subscribed feeds as OPML.
    Export,
}

/// Opens the cache, telling the user (once, on stderr) if a bad file was set aside.
fn open(db: Option<&Path>) -> anyhow::Result<Store> {
    let store = Store::open_or_default(db)?;
    if let Some(aside) = store.set_aside() {
        eprintln!("readout: {}", printable(&aside.to_string()));
    }
    Ok(store)
}

/// Text bound for the terminal, without control characters or escape sequences.
fn printable(text: &str) -> String {
    crate::ingest::sanitize::line(text)
}

/// A name the user gave (path, URL) for a message: lossy, controls shown as escapes.
fn shown(name: &OsStr) -> String {
    crate::ingest::sanitize::visible_os(name)
}

/// The key a feed is stored under: an http(s) URL as given, or a file's absolute path.
/// Anything else (other schemes, missing files) is refused with the reason.
fn subscription_key(given: &OsStr) -> anyhow::Result<String> {
    let Some(source) = given.to_str() else {
        // Not UTF-8: only a file can be named so, and the store keeps UTF-8 keys.
        anyhow::bail!("the path is not UTF-8: {}", shown(given));
    };
    let source = source.trim();
    let lower = source.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        if source.chars().any(|c| c.is_whitespace() || c.is_control()) || source.len() <= 8 {
            anyhow::bail!("not a valid feed URL: {}", shown(given));
        }
        return Ok(source.to_string());
    }
    if lower.contains("://") || lower.starts_with("mailto:") || lower.starts_with("javascript:") {
        anyhow::bail!(
            "only http(s) feed URLs and local files can be subscribed: {}",
            shown(given)
        );
    }
    let path = std::fs::canonicalize(source)
        .with_context(|| format!("no such feed file: {}", shown(given)))?;
    if !path.is_file() {
        anyhow::bail!("not a file: {}", shown(given));
    }
    path.to_str()
        .map(str::to_string)
        .with_context(|| format!("the path is not UTF-8: {}", shown(given)))
}

pub fn run(command: FeedsCommand, db: Option<&Path>) -> anyhow::Result<ExitCode> {
    match command {
        FeedsCommand::Add { source, tag } => add(db, &source, &tag),
        FeedsCommand::List => list(db),
        FeedsCommand::Remove { source } => remove(db, &source),
        FeedsCommand::Import { file } => import(db, &file),
        FeedsCommand::Export => export(db),
    }
}

fn add(db: Option<&Path>, source: &OsStr, tags: &[String]) -> anyhow::Result<ExitCode> {
    let url = subscription_key(source)?;
    let mut store = open(db)?;
    let (_, new) = store.add_feed(&url, tags)?;
    if new {
        println!("added {}", printable(&url));
    } else {
        println!("already subscribed to {} (tags merged)", printable(&url));
    }
    Ok(ExitCode::SUCCESS)
}

/// One feed as a line: URL, tags, title, counts, last fetch, last error.
fn describe(feed: &Feed) -> String {
    let mut line = feed.url.clone();
    if !feed.tags.is_empty() {
        line.push_str(&format!("  [{}]", feed.tags.join(", ")));
    }
    if let Some(title) = &feed.title {
        line.push_str(&format!("  \"{title}\""));
    }
    line.push_str(&format!(
        "  {} articles, {} unread",
        feed.articles, feed.unread
    ));
    match &feed.last_fetch_at {
        Some(at) => line.push_str(&format!(", fetched {at}")),
        None => line.push_str(", never fetched"),
    }
    if let Some(error) = &feed.last_error {
        line.push_str(&format!(", last error: {error}"));
    }
    printable(&line)
}

fn list(db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let feeds = store.feeds()?;
    if feeds.is_empty() {
        println!("no feeds yet: add one with `readout feeds add URL`");
    }
    for feed in &feeds {
        println!("{}", describe(feed));
    }
    Ok(ExitCode::SUCCESS)
}

fn remove(db: Option<&Path>, source: &OsStr) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    let Some(given) = source.to_str() else {
        anyhow::bail!("not subscribed to {}", shown(source));
    };
    // Accept the form given at `add` (a relative path, say) as well as the stored one.
    let key = subscription_key(source).unwrap_or_else(|_| given.to_string());
    if store.remove_feed(&key)? || store.remove_feed(given)? {
        println!("removed {}", printable(&key));
        Ok(ExitCode::SUCCESS)
    } else {
        anyhow::bail!("not subscribed to {}", shown(source))
    }
}

/// `feeds import FILE`: OPML (anything that starts like XML) or a newsboat `urls` file.
fn import(db: Option<&Path>, path: &Path) -> anyhow::Result<ExitCode> {
    let file = &shown(path.as_os_str());
    // Read through ingest: capped in size, FIFOs and devices refused.
    // (Its errors name the file.)
    let imported = crate::ingest::import_subscriptions(path)?;
    for problem in &imported.problems {
        eprintln!("readout: {}: skipped {}", file, printable(problem));
    }
    let mut store = open(db)?;
    let mut new = 0;
    for subscription in &imported.subscriptions {
        if store.add_feed(&subscription.url, &subscription.tags)?.1 {
            new += 1;
        }
    }
    println!(
        "imported {} feeds from {} ({new} new, {} skipped)",
        imported.subscriptions.len(),
        file,
        imported.problems.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `feeds export`: the subscriptions as OPML 2.0 on standard output.
fn export(db: Option<&Path>) -> anyhow::Result<ExitCode> {
    use crate::ingest::subscription::Subscription;
    let store = open(db)?;
    let subscriptions: Vec<Subscription> = store
        .feeds()?
        .into_iter()
        .map(|feed| Subscription {
            url: feed.url,
            title: feed.title,
            tags: feed.tags,
        })
        .collect();
    let opml = crate::ingest::opml::export(&subscriptions, "readout feeds")?;
    let mut out = std::io::stdout().lock();
    out.write_all(opml.as_bytes())?;
    if !opml.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `readout refresh`: every feed, a line each as it finishes; fails only when all failed.
pub fn refresh(db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    if !store.has_feeds()? {
        println!("no feeds to refresh: add one with `readout feeds add URL`");
        return Ok(ExitCode::SUCCESS);
    }
    let names: std::collections::HashMap<String, String> = store
        .feeds()?
        .into_iter()
        .map(|f| (f.url.clone(), f.name().to_string()))
        .collect();
    let source = NetworkSource::default();
    let summary = refresh::refresh(&mut store, &source, RefreshOptions::default(), |event| {
        if let RefreshEvent::Finished(report) = event {
            let name = report
                .title
                .as_deref()
                .or_else(|| names.get(&report.url).map(String::as_str))
                .unwrap_or(&report.url);
            let mark = match report.outcome {
                FeedOutcome::Stored { .. } => "ok  ",
                FeedOutcome::NotModified => "same",
                FeedOutcome::Failed(_) => "FAIL",
            };
            println!(
                "{mark} {}: {}",
                printable(name),
                printable(&report.outcome.to_string())
            );
        }
    })?;
    let failed = summary.feeds.iter().filter(|(_, o)| o.is_failure()).count();
    println!(
        "refreshed {} feeds: {} ok, {failed} failed",
        summary.feeds.len(),
        summary.feeds.len() - failed
    );
    Ok(if summary.all_failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
