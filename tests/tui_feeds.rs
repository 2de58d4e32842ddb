//! The reader with feeds, at the `update` level and on a `TestBackend`:
//! refreshing (effect, progress, rows, errors, articles arriving), re-published
//! articles replaced in place with their state kept, stale analyses dropped,
//! state changes persisted as effects, and the list's feed rows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{apply, article, library, render};
use readout::article::{Article, Origin};
use readout::library::{CountryFilter, CountryScope, Library};
use readout::nlp::{Analysis, CountryCode, CountryScore};
use readout::refresh::{FeedOutcome, FeedReport};
use readout::store::{ArticleState, CachedArticle, FeedId};
use readout::tui::action::Action;
use readout::tui::app::{App, FeedRow, Pane};
use readout::tui::effect::Effect;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;

const GAZETTE: &str = "https://gazette.example/feed.xml";
const WIRE: &str = "https://wire.example/rss";
const LOCAL: &str = "/home/reader/feeds/local.xml";

fn from_feed(mut article: Article, url: &str) -> Article {
    article.origin = Origin::Feed(url.into());
    article
}

/// The test library with its first two articles from the gazette, the third
/// from the wire, the fourth bundled; the second is read.
fn feed_library() -> Library {
    let base = library();
    let mut lib = Library::default();
    for (i, entry) in base.entries().iter().enumerate() {
        let article = match i {
            0 | 1 => from_feed(entry.article.clone(), GAZETTE),
            2 => from_feed(entry.article.clone(), WIRE),
            _ => entry.article.clone(),
        };
        let index = lib.push(article, i == 1, false);
        if let Some(analysis) = entry.analysis.clone() {
            lib.set_analysis(index, analysis);
        }
    }
    lib
}

fn row(url: &str, title: Option<&str>, error: Option<&str>) -> FeedRow {
    FeedRow {
        url: url.into(),
        title: title.map(str::to_string),
        error: error.map(str::to_string),
        fetching: false,
    }
}

fn feed_app(width: u16, height: u16, filter: Option<CountryFilter>) -> App {
    let mut app = App::new(feed_library(), Keymap::default(), filter);
    app.feeds = vec![
        row(GAZETTE, Some("Harbour Gazette"), None),
        row(WIRE, Some("Wire Service"), None),
        row(LOCAL, None, None),
    ];
    update(&mut app, Action::Resize(width, height));
    app
}

fn report(url: &str, outcome: FeedOutcome, articles: Vec<CachedArticle>) -> Action {
    Action::FeedRefreshed(Box::new(FeedReport {
        feed: FeedId(1),
        url: url.into(),
        title: None,
        outcome,
        articles,
    }))
}

fn cached(article: Article, analysis: Option<Analysis>) -> CachedArticle {
    CachedArticle {
        article,
        analysis,
        state: ArticleState::default(),
    }
}

fn focus_on(code: &str) -> Analysis {
    Analysis {
        focus: vec![CountryScore {
            code: CountryCode::new(code).unwrap(),
            score: 1.0,
            evidence: vec![],
        }],
        ..Analysis::default()
    }
}

#[test]
fn refresh_needs_feeds_and_runs_one_at_a_time() {
    let mut bare = common::app(120, 40, None);
    assert!(update(&mut bare, Action::Refresh).is_empty());
    assert!(bare.message.as_deref().unwrap().contains("No feeds"));
    assert!(bare.refresh.is_none());

    let mut app = feed_app(120, 40, None);
    assert_eq!(update(&mut app, Action::Refresh), vec![Effect::Refresh]);
    assert_eq!(
        app.refresh.as_ref().map(|r| (r.done, r.total)),
        Some((0, 3))
    );
    assert!(update(&mut app, Action::Refresh).is_empty());
    assert!(app.message.as_deref().unwrap().contains("already"));
}

#[test]
fn feed_reports_update_rows_progress_and_the_list() {
    let mut app = feed_app(120, 40, None);
    update(&mut app, Action::Refresh);
    apply(
        &mut app,
        [
            Action::FeedFetching(GAZETTE.into()),
            Action::FeedFetching(WIRE.into()),
        ],
    );
    assert!(app.feeds[0].fetching && app.feeds[1].fetching);
    let fresh = from_feed(
        article(
            "ferry",
            "Ferry timetable",
            "Harbour Gazette",
            "2026-03-04",
            "The ferry runs.",
        ),
        GAZETTE,
    );
    apply(
        &mut app,
        [
            report(
                GAZETTE,
                FeedOutcome::Stored {
                    new: 1,
                    changed: 0,
                    unchanged: 2,
                },
                vec![cached(fresh.clone(), Some(focus_on("PT")))],
            ),
            report(
                WIRE,
                FeedOutcome::Failed("HTTP 404 Not Found".into()),
                vec![],
            ),
        ],
    );
    assert_eq!(app.library.len(), 5);
    // New on top; the selection stays on the article it was on.
    assert_eq!(app.list.visible, vec![4, 0, 1, 2, 3]);
    assert_eq!(app.list.selected_article(), Some(0));
    let added = app.library.get(4).unwrap();
    assert_eq!(added.article, fresh);
    assert!(added.analysis.is_some() && !added.read);
    assert!(!app.feeds[0].fetching && app.feeds[0].error.is_none());
    assert_eq!(app.feeds[1].error.as_deref(), Some("HTTP 404 Not Found"));
    let progress = app.refresh.clone().unwrap();
    assert_eq!((progress.done, progress.new, progress.failed), (2, 1, 1));
    let counts = app.library.source_counts();
    assert_eq!(counts.feeds[GAZETTE].unread, 2);
    assert_eq!(counts.feeds[GAZETTE].total, 3);

    // A later success clears the feed's error.
    report(WIRE, FeedOutcome::NotModified, vec![]);
    apply(&mut app, [report(WIRE, FeedOutcome::NotModified, vec![])]);
    assert!(app.feeds[1].error.is_none());
    apply(&mut app, [Action::RefreshDone(None)]);
    assert!(app.refresh.is_none());
    let message = app.message.clone().unwrap();
    assert!(message.starts_with("Refreshed 3 feeds: 1 new"), "{message}");
    assert!(message.contains("1 failed"), "{message}");

    apply(
        &mut app,
        [Action::RefreshDone(Some("cache is busy".into()))],
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Refresh failed: cache is busy")
    );
}

#[test]
fn a_republished_article_is_replaced_in_place_with_its_state() {
    let mut app = feed_app(120, 40, None);
    apply(&mut app, [Action::Down, Action::Open]);
    assert_eq!(app.reader.article, Some(1));
    assert!(app.library.get(1).unwrap().read);
    let mut changed = app.library.get(1).unwrap().article.clone();
    changed.title = "Lisbon harbour reopens after a week of repairs".into();
    changed.body = "The harbour reopened on Monday after a week of repairs.".into();
    update(&mut app, Action::ToggleStar);
    update(
        &mut app,
        report(
            GAZETTE,
            FeedOutcome::Stored {
                new: 0,
                changed: 1,
                unchanged: 1,
            },
            vec![cached(changed.clone(), None)],
        ),
    );
    let entry = app.library.get(1).unwrap();
    assert_eq!(app.library.len(), 4);
    assert_eq!(entry.article, changed);
    assert!(entry.read && entry.starred, "state kept");
    assert_eq!(entry.revision, 1);
    assert!(entry.analysis.is_none(), "the old text's analysis is gone");
    let layout = app.reader.layout.as_ref().unwrap();
    assert_eq!(layout.article, 1);

    // The old text's analysis, finishing late, is dropped; the new one is kept.
    update(
        &mut app,
        Action::BackgroundAnalysed {
            index: 1,
            revision: 0,
            analysis: Box::new(focus_on("ES")),
        },
    );
    assert!(app.library.get(1).unwrap().analysis.is_none());
    update(
        &mut app,
        Action::BackgroundAnalysed {
            index: 1,
            revision: 1,
            analysis: Box::new(focus_on("PT")),
        },
    );
    assert_eq!(
        app.library.focus_codes(1),
        vec![CountryCode::new("PT").unwrap()]
    );
}

#[test]
fn new_articles_join_a_filtered_list_only_when_they_pass() {
    let pt = CountryFilter {
        code: CountryCode::new("PT").unwrap(),
        scope: CountryScope::Focus,
    };
    let mut app = feed_app(120, 40, Some(pt));
    let before = app.list.visible.clone();
    let spain = from_feed(
        article("es", "Madrid", "Wire", "2026-03-05", "Madrid."),
        WIRE,
    );
    let lisbon = from_feed(
        article("pt", "Lisbon", "Wire", "2026-03-05", "Lisbon."),
        WIRE,
    );
    update(
        &mut app,
        report(
            WIRE,
            FeedOutcome::Stored {
                new: 2,
                changed: 0,
                unchanged: 0,
            },
            vec![
                cached(spain, Some(focus_on("ES"))),
                cached(lisbon, Some(focus_on("PT"))),
            ],
        ),
    );
    let lisbon = app
        .library
        .position(&readout::article::ArticleId("pt".into()))
        .unwrap();
    let mut expected = vec![lisbon];
    expected.extend(before);
    assert_eq!(app.list.visible, expected);
}

#[test]
fn state_changes_are_effects_for_the_store() {
    let mut app = feed_app(120, 40, None);
    let id = app.library.get(0).unwrap().article.id.clone();
    assert_eq!(
        update(&mut app, Action::ToggleStar),
        vec![Effect::SetStarred {
            article: id.clone(),
            starred: true
        }]
    );
    assert_eq!(
        update(&mut app, Action::ToggleRead),
        vec![Effect::SetRead {
            article: id.clone(),
            read: true
        }]
    );
    assert_eq!(
        update(&mut app, Action::ToggleRead),
        vec![Effect::SetRead {
            article: id,
            read: false
        }]
    );
    // A click on an article in the list opens it and marks it read: an effect too.
    // 120x40: the list's inside starts at row 1; three feed rows and a rule come first.
    let third = app.library.get(2).unwrap().article.id.clone();
    let effects = update(&mut app, Action::Click(5, 1 + 4 + 2 * 2));
    assert_eq!(app.reader.article, Some(2));
    assert_eq!(app.focus, Pane::List);
    assert_eq!(
        effects,
        vec![Effect::SetRead {
            article: third,
            read: true
        }]
    );
}

#[test]
fn list_with_feed_rows_unread_counts_and_an_error() {
    let mut app = feed_app(100, 30, None);
    apply(
        &mut app,
        [
            Action::Refresh,
            Action::FeedFetching(LOCAL.into()),
            report(
                WIRE,
                FeedOutcome::Failed("HTTP 500 Internal Server Error".into()),
                vec![],
            ),
        ],
    );
    let screen = render(&app);
    assert!(screen.contains("Harbour Gazette"), "{screen}");
    assert!(screen.contains("1/2"), "{screen}");
    assert!(screen.contains("HTTP 500"), "{screen}");
    assert!(screen.contains("refreshing 1/3 feeds"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn many_feeds_are_cut_with_a_count_of_the_rest() {
    let mut app = feed_app(100, 20, None);
    app.feeds = (0..9)
        .map(|i| {
            row(
                &format!("https://f{i}.example/rss"),
                None,
                (i == 7).then_some("timed out"),
            )
        })
        .collect();
    update(&mut app, Action::Resize(100, 20));
    let screen = render(&app);
    assert!(screen.contains("+5 more feeds (1 failing)"), "{screen}");
    // The list still shows articles under the feeds and moves within them.
    assert!(screen.contains("Portugal and Spain"), "{screen}");
    apply(&mut app, [Action::Bottom]);
    assert_eq!(app.list.selected, 3);
}

#[test]
fn a_refresh_puts_new_articles_on_top_in_feed_order() {
    let mut app = feed_app(120, 40, None);
    let first = from_feed(article("n1", "Newest", "Wire", "2026-03-06", "One."), WIRE);
    let second = from_feed(article("n2", "Older", "Wire", "2026-03-05", "Two."), WIRE);
    update(
        &mut app,
        report(
            WIRE,
            FeedOutcome::Stored {
                new: 2,
                changed: 0,
                unchanged: 0,
            },
            vec![cached(first, None), cached(second, None)],
        ),
    );
    let titles: Vec<&str> = app
        .list
        .visible
        .iter()
        .take(3)
        .map(|i| app.library.get(*i).unwrap().article.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Newest",
            "Older",
            "Portugal and Spain agree to watch over the Tagus"
        ]
    );
    // Positions stay stable: the new ones are at the end of the library.
    assert_eq!(
        app.library
            .position(&readout::article::ArticleId("n1".into())),
        Some(5)
    );
    // A later filter keeps that order.
    update(&mut app, Action::ClearFilter);
    assert_eq!(app.list.visible[..2], [5, 4]);
    // The same report again (a second refresh) adds nothing.
    let again = from_feed(article("n1", "Newest", "Wire", "2026-03-06", "One."), WIRE);
    update(
        &mut app,
        report(
            WIRE,
            FeedOutcome::Stored {
                new: 0,
                changed: 0,
                unchanged: 2,
            },
            vec![cached(again, None)],
        ),
    );
    assert_eq!(app.library.len(), 6);
    assert_eq!(app.list.visible.len(), 6);
}
