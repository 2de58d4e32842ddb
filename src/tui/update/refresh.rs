//! Refreshing feeds, as the app state sees it: starting one (an effect), a
//! feed being fetched, a feed's report (its new and changed articles join the
//! list, its error goes on its row), and the end of the refresh.

use super::{analysed, clamp_list, clamp_scroll, open_selected, relayout, show_in_list};
use crate::refresh::{FeedOutcome, FeedReport};
use crate::store::CachedArticle;
use crate::tui::app::{App, FeedRow, RefreshProgress};
use crate::tui::effect::Effect;

/// `r`: refreshes every feed unless there are none or a refresh is under way.
pub(super) fn start(app: &mut App) -> Vec<Effect> {
    if app.feeds.is_empty() {
        app.message = Some("No feeds to refresh: add one with `readout feeds add URL`.".into());
        return Vec::new();
    }
    if app.refresh.is_some() {
        app.message = Some("A refresh is already under way.".into());
        return Vec::new();
    }
    app.refresh = Some(RefreshProgress {
        total: app.feeds.len(),
        ..RefreshProgress::default()
    });
    vec![Effect::Refresh]
}

/// The row of the feed at `url`, added if the feed is new to the reader
/// (subscribed from the command line while it runs).
fn row_mut<'a>(app: &'a mut App, url: &str) -> Option<&'a mut FeedRow> {
    if !app.feeds.iter().any(|f| f.url == url) {
        app.feeds.push(FeedRow {
            url: url.to_string(),
            title: None,
            error: None,
            fetching: false,
        });
    }
    app.feeds.iter_mut().find(|f| f.url == url)
}

pub(super) fn fetching(app: &mut App, url: &str) {
    if let Some(row) = row_mut(app, url) {
        row.fetching = true;
    }
}

/// One feed is done: its row, the progress, and its articles.
pub(super) fn refreshed(app: &mut App, report: FeedReport) {
    if let Some(row) = row_mut(app, &report.url) {
        row.fetching = false;
        if report.title.is_some() {
            row.title.clone_from(&report.title);
        }
        row.error = match &report.outcome {
            FeedOutcome::Failed(reason) => Some(reason.clone()),
            FeedOutcome::Stored { .. } | FeedOutcome::NotModified => None,
        };
    }
    if let Some(progress) = &mut app.refresh {
        progress.done += 1;
        match report.outcome {
            FeedOutcome::Failed(_) => progress.failed += 1,
            FeedOutcome::Stored { new, changed, .. } => {
                progress.new += new;
                progress.changed += changed;
            }
            FeedOutcome::NotModified => {}
        }
    }
    // Last first: each new one goes on top, so the feed's first ends up first.
    for item in report.articles.into_iter().rev() {
        merge(app, item);
    }
}

/// Adds a new article on top of the list (when it passes the filter), or puts
/// a re-published article's new text in place, keeping the reading state the
/// reader has.
fn merge(app: &mut App, item: CachedArticle) {
    let CachedArticle {
        article,
        analysis,
        state,
    } = item;
    let index = match app.library.position(&article.id) {
        Some(index) => {
            let changed = app.library.get(index).is_some_and(|e| e.article != article);
            if changed {
                app.library.replace_article(index, article);
                if app.reader.article == Some(index) {
                    app.reader.layout = None;
                    app.reader.mention = None;
                    app.reader.commitment = None;
                    relayout(app);
                    clamp_scroll(app);
                }
            }
            index
        }
        None => {
            let index = app.library.push_front(article, state.read, state.starred);
            if app.filter.is_none() {
                show_in_list(app, index);
            }
            index
        }
    };
    if let Some(analysis) = analysis {
        analysed(app, index, analysis);
    }
    clamp_list(app);
    if app.reader.article.is_none() {
        open_selected(app, false);
    }
}

/// The refresh is over: the summary (or why it could not run) in the status bar.
pub(super) fn done(app: &mut App, error: Option<String>) {
    let progress = app.refresh.take().unwrap_or_default();
    for row in &mut app.feeds {
        row.fetching = false;
    }
    app.message = Some(match error {
        Some(reason) => format!("Refresh failed: {reason}"),
        None => summary(&progress),
    });
}

/// "Refreshed 3 feeds: 12 new, 1 changed, 1 failed (its error is on its row)".
fn summary(p: &RefreshProgress) -> String {
    let feeds = if p.done == 1 { "feed" } else { "feeds" };
    let mut line = format!("Refreshed {} {feeds}: {} new", p.done, p.new);
    if p.changed > 0 {
        line.push_str(&format!(", {} changed", p.changed));
    }
    match p.failed {
        0 => {}
        1 => line.push_str(", 1 failed (its error is on its row)"),
        n => line.push_str(&format!(", {n} failed (errors on their rows)")),
    }
    line
}
