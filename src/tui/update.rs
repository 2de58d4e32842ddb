//! `update(&mut App, Action) -> Vec<Effect>`: the only place the app state
//! changes. Synchronous, never draws, never does I/O; what needs the outside
//! world is returned as effects.

use super::action::Action;
use super::app::{App, CountryPicker, EntityCard, Overlay, Pane, kind_index};
use super::body::BodyLayout;
use super::effect::Effect;
use super::layout::{Mode, inner};
use super::view::{
    commitments::ITEM_HEIGHT,
    list::{ROW_HEIGHT, articles_area},
};
use crate::library::CountryFilter;
use crate::nlp::{Analysis, EntityKind};

mod refresh;

/// Rows the mouse wheel scrolls.
const WHEEL_STEP: usize = 3;

/// Applies one action to the app.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if is_user_action(&action) {
        app.message = None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Resize(width, height) => {
            app.size = (width, height);
            relayout(app);
            clamp_list(app);
            clamp_scroll(app);
        }
        Action::Analysed(index, analysis) => analysed(app, index, *analysis),
        Action::BackgroundAnalysed {
            index,
            revision,
            analysis,
        } => {
            if app
                .library
                .get(index)
                .is_some_and(|e| e.revision == revision)
            {
                analysed(app, index, *analysis);
            }
        }
        Action::FeedFetching(url) => refresh::fetching(app, &url),
        Action::FeedRefreshed(report) => refresh::refreshed(app, *report),
        Action::RefreshDone(error) => refresh::done(app, error),
        Action::Message(text) => app.message = Some(text),
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            }
        }
        Action::OpenCountries => {
            let scope = app.filter.map(|f| f.scope).unwrap_or_default();
            let mut picker = CountryPicker {
                scope,
                ..CountryPicker::default()
            };
            if let Some(filter) = app.filter {
                picker.selected = picker
                    .rows(&app.library)
                    .iter()
                    .position(|(c, _)| *c == filter.code)
                    .unwrap_or(0);
            }
            app.overlay = Some(Overlay::Countries(picker));
        }
        Action::ClearFilter => {
            app.overlay = None;
            set_filter(app, None);
        }
        Action::ToggleCountryScope | Action::FilterInput(_) | Action::FilterBackspace => {
            if let Some(Overlay::Countries(picker)) = &mut app.overlay {
                match action {
                    Action::ToggleCountryScope => picker.scope = picker.scope.toggled(),
                    Action::FilterInput(c) if !c.is_control() && picker.query.len() < 64 => {
                        picker.query.push(c)
                    }
                    Action::FilterBackspace => {
                        picker.query.pop();
                    }
                    _ => {}
                }
                picker.selected = 0;
            }
        }
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => page(app, false),
        Action::PageDown => page(app, true),
        Action::Top => step(app, isize::MIN),
        Action::Bottom => step(app, isize::MAX),
        Action::Open => return open(app),
        Action::Back => back(app),
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::ToggleSidebar => toggle_sidebar(app),
        Action::NextMention => next_mention(app, true, false),
        Action::PrevMention => next_mention(app, false, false),
        Action::NextSameReferent => next_mention(app, true, true),
        Action::PrevSameReferent => next_mention(app, false, true),
        Action::ToggleKind(kind) => toggle_kind(app, kind),
        Action::ToggleRead => return toggle_read(app),
        Action::ToggleStar => return toggle_star(app),
        Action::OpenLink | Action::CopyLink => {
            let url = target_article(app)
                .and_then(|i| app.library.get(i))
                .and_then(|e| e.article.url.clone());
            match url {
                Some(url) if action == Action::OpenLink => return vec![Effect::OpenUrl(url)],
                Some(url) => return vec![Effect::CopyToClipboard(url)],
                None => app.message = Some("This article has no link.".into()),
            }
        }
        Action::Refresh => return refresh::start(app),
        Action::Click(column, row) => return click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
    }
    Vec::new()
}

/// Actions a person did (as opposed to the runtime reporting something):
/// they replace the status message.
fn is_user_action(action: &Action) -> bool {
    !matches!(
        action,
        Action::Resize(..)
            | Action::Analysed(..)
            | Action::BackgroundAnalysed { .. }
            | Action::FeedFetching(_)
            | Action::FeedRefreshed(_)
            | Action::RefreshDone(_)
            | Action::Message(_)
    )
}

/// Opens the article selected in the list (marking it read if `mark_read`).
pub(crate) fn open_selected(app: &mut App, mark_read: bool) -> Vec<Effect> {
    match app.list.selected_article() {
        Some(index) => open_article(app, index, mark_read),
        None => {
            app.reader = super::app::Reader {
                hidden: app.reader.hidden,
                ..Default::default()
            };
            Vec::new()
        }
    }
}

fn open_article(app: &mut App, index: usize, mark_read: bool) -> Vec<Effect> {
    app.reader.article = Some(index);
    app.reader.scroll = 0;
    app.reader.mention = None;
    app.reader.commitment = None;
    app.reader.layout = None;
    relayout(app);
    let mut effects = Vec::new();
    if mark_read
        && app.library.set_read(index, true)
        && let Some(entry) = app.library.get(index)
    {
        effects.push(Effect::SetRead {
            article: entry.article.id.clone(),
            read: true,
        });
    }
    effects
}

/// Lays the open article out again if the article pane's width changed.
fn relayout(app: &mut App) {
    let Some(index) = app.reader.article else {
        app.reader.layout = None;
        return;
    };
    let width = text_width(app);
    let current = app
        .reader
        .layout
        .as_ref()
        .is_some_and(|l| l.article == index && l.width == width);
    if !current && let Some(entry) = app.library.get(index) {
        app.reader.layout = Some(BodyLayout::new(index, &entry.article, width));
    }
}

/// The width the article text is wrapped to: the article pane's inside, or
/// the width it would have when shown.
pub fn text_width(app: &App) -> u16 {
    let mut regions = app.regions();
    if regions.article.is_empty() {
        regions = super::layout::Regions::new(app.size.0, app.size.1, Pane::Article, false);
    }
    inner(regions.article).width
}

fn article_height(app: &App) -> usize {
    let mut regions = app.regions();
    if regions.article.is_empty() {
        regions = super::layout::Regions::new(app.size.0, app.size.1, Pane::Article, false);
    }
    usize::from(inner(regions.article).height)
}

fn list_rows(app: &App) -> usize {
    let mut regions = app.regions();
    if regions.list.is_empty() {
        regions = super::layout::Regions::new(app.size.0, app.size.1, Pane::List, false);
    }
    let articles = articles_area(app, inner(regions.list));
    (usize::from(articles.height) / ROW_HEIGHT).max(1)
}

fn sidebar_items(app: &App) -> usize {
    let mut regions = app.regions();
    if regions.sidebar.is_empty() {
        regions = super::layout::Regions::new(app.size.0, app.size.1, Pane::Sidebar, true);
    }
    (usize::from(inner(regions.sidebar).height) / ITEM_HEIGHT).max(1)
}

fn clamp_list(app: &mut App) {
    let len = app.list.visible.len();
    app.list.selected = app.list.selected.min(len.saturating_sub(1));
    let rows = list_rows(app);
    if app.list.selected < app.list.offset {
        app.list.offset = app.list.selected;
    } else if app.list.selected >= app.list.offset + rows {
        app.list.offset = app.list.selected + 1 - rows;
    }
    app.list.offset = app.list.offset.min(len.saturating_sub(rows));
}

fn max_scroll(app: &App) -> usize {
    let rows = app.reader.layout.as_ref().map_or(0, BodyLayout::len);
    rows.saturating_sub(article_height(app))
}

fn clamp_scroll(app: &mut App) {
    app.reader.scroll = app.reader.scroll.min(max_scroll(app));
}

/// Moves by `delta` in whatever has the keys (`isize::MIN`/`MAX`: to the ends).
fn step(app: &mut App, delta: isize) {
    match &mut app.overlay {
        Some(Overlay::Help { scroll }) => *scroll = moved(*scroll, delta, usize::MAX / 2),
        Some(Overlay::Entity(card)) => {
            card.selected = moved(card.selected, delta, card.rows().saturating_sub(1))
        }
        Some(Overlay::Countries(picker)) => {
            let len = picker.rows(&app.library).len();
            picker.selected = moved(picker.selected, delta, len.saturating_sub(1));
        }
        None => match app.focus {
            Pane::List => {
                let last = app.list.visible.len().saturating_sub(1);
                app.list.selected = moved(app.list.selected, delta, last);
                clamp_list(app);
            }
            Pane::Article => {
                app.reader.scroll = moved(app.reader.scroll, delta, max_scroll(app));
            }
            Pane::Sidebar => {
                let count = app.open_analysis().map_or(0, |a| a.commitments.len());
                if count > 0 {
                    let next = match app.reader.commitment {
                        None if delta == isize::MAX => count - 1,
                        None => 0,
                        Some(c) => moved(c, delta, count - 1),
                    };
                    select_commitment(app, next);
                }
            }
        },
    }
}

fn page(app: &mut App, down: bool) {
    let rows = match (&app.overlay, app.focus) {
        (Some(_), _) => 10,
        (None, Pane::List) => list_rows(app),
        (None, Pane::Article) => article_height(app).saturating_sub(2).max(1),
        (None, Pane::Sidebar) => sidebar_items(app),
    };
    let rows = isize::try_from(rows).unwrap_or(1);
    step(app, if down { rows } else { -rows });
}

/// `value` moved by `delta`, kept within `0..=max`.
fn moved(value: usize, delta: isize, max: usize) -> usize {
    let next = if delta >= 0 {
        value.saturating_add(delta.unsigned_abs())
    } else {
        value.saturating_sub(delta.unsigned_abs())
    };
    next.min(max)
}

fn open(app: &mut App) -> Vec<Effect> {
    match app.overlay.take() {
        Some(Overlay::Entity(card)) => return open_card_row(app, &card),
        Some(Overlay::Countries(picker)) => {
            let rows = picker.rows(&app.library);
            match rows.get(picker.selected) {
                Some((code, _)) => set_filter(
                    app,
                    Some(CountryFilter {
                        code: *code,
                        scope: picker.scope,
                    }),
                ),
                None => app.overlay = Some(Overlay::Countries(picker)),
            }
            return Vec::new();
        }
        other => app.overlay = other,
    }
    if app.overlay.is_some() {
        return Vec::new();
    }
    match app.focus {
        Pane::List => {
            let effects = open_selected(app, true);
            if app.reader.article.is_some() {
                app.focus = Pane::Article;
                if app.mode() == Mode::Medium {
                    app.show_sidebar = false;
                }
            }
            effects
        }
        Pane::Article => {
            match app.reader.mention {
                Some(entity) => open_card(app, entity),
                None => next_mention(app, true, false),
            }
            Vec::new()
        }
        Pane::Sidebar => {
            if let Some(c) = app.reader.commitment {
                select_commitment(app, c);
                if app.mode() != Mode::Wide {
                    app.show_sidebar = false;
                }
                app.focus = Pane::Article;
            }
            Vec::new()
        }
    }
}

fn back(app: &mut App) {
    if app.overlay.take().is_some() {
        return;
    }
    match app.focus {
        Pane::Article if app.reader.mention.is_some() || app.reader.commitment.is_some() => {
            app.reader.mention = None;
            app.reader.commitment = None;
        }
        Pane::Article => app.focus = Pane::List,
        Pane::Sidebar => app.reader.commitment = None,
        Pane::List => {}
    }
}

fn cycle_focus(app: &mut App, forward: bool) {
    app.overlay = None;
    let order = match app.mode() {
        Mode::Wide | Mode::Narrow => vec![Pane::List, Pane::Article, Pane::Sidebar],
        Mode::Medium if app.show_sidebar => vec![Pane::List, Pane::Sidebar],
        Mode::Medium => vec![Pane::List, Pane::Article],
    };
    let at = order.iter().position(|p| *p == app.focus).unwrap_or(0);
    let next = if forward {
        (at + 1) % order.len()
    } else {
        (at + order.len() - 1) % order.len()
    };
    app.focus = order.get(next).copied().unwrap_or(Pane::List);
    relayout(app);
    clamp_list(app);
}

fn toggle_sidebar(app: &mut App) {
    match app.mode() {
        Mode::Medium => {
            app.show_sidebar = !app.show_sidebar;
            app.focus = if app.show_sidebar {
                Pane::Sidebar
            } else {
                Pane::Article
            };
        }
        Mode::Wide | Mode::Narrow => {
            app.focus = if app.focus == Pane::Sidebar {
                Pane::Article
            } else {
                Pane::Sidebar
            };
        }
    }
    relayout(app);
}

/// Selects a commitment: its sentence is highlighted and scrolled into view.
fn select_commitment(app: &mut App, index: usize) {
    let start = app
        .open_analysis()
        .and_then(|a| a.commitments.get(index))
        .map(|c| c.sentence.start);
    if let Some(start) = start {
        app.reader.commitment = Some(index);
        scroll_to(app, start);
    }
}

/// Scrolls the article so body byte `offset` is in view, a few rows from the top.
fn scroll_to(app: &mut App, offset: usize) {
    relayout(app);
    let Some(layout) = &app.reader.layout else {
        return;
    };
    let row = layout.row_of(offset);
    let height = article_height(app);
    let scroll = app.reader.scroll;
    if row < scroll || row >= scroll + height {
        app.reader.scroll = row.saturating_sub(height / 3);
    }
    clamp_scroll(app);
}

/// Selects the next (or previous) visible mention, or the next mention of the
/// selected referent, scrolls it into view and names it in the status bar.
fn next_mention(app: &mut App, forward: bool, same_referent: bool) {
    let Some(analysis) = app.open_analysis() else {
        app.message = Some(match app.reader.article {
            Some(_) => "The analysis of this article is not ready yet.".into(),
            None => "No article is open.".into(),
        });
        return;
    };
    let hidden = app.reader.hidden;
    let current = app.reader.mention;
    let referent = current
        .and_then(|m| analysis.entities.get(m))
        .map(|e| e.referent);
    if same_referent && referent.is_none() {
        app.message = Some("Select a mention first (n).".into());
        return;
    }
    let eligible = |i: usize| {
        analysis.entities.get(i).is_some_and(|e| {
            !hidden[kind_index(e.kind)] && (!same_referent || Some(e.referent) == referent)
        })
    };
    let count = analysis.entities.len();
    let start = match current {
        Some(m) => m,
        None => {
            // Start from the first mention at or below the top of the view.
            let top = app.reader.scroll;
            let first = app.reader.layout.as_ref().map_or(0, |l| {
                analysis
                    .entities
                    .partition_point(|e| l.row_of(e.span.start) < top)
            });
            if forward {
                first.wrapping_sub(1)
            } else {
                first
            }
        }
    };
    let found = (1..=count).find_map(|k| {
        let i = if forward {
            start.wrapping_add(k) % count.max(1)
        } else {
            (start.wrapping_add(count * 2).wrapping_sub(k)) % count.max(1)
        };
        eligible(i).then_some(i)
    });
    match found {
        Some(i) => select_mention(app, i),
        None => app.message = Some("No highlighted mentions in this article.".into()),
    }
}

fn select_mention(app: &mut App, entity: usize) {
    let Some(start) = app
        .open_analysis()
        .and_then(|a| a.entities.get(entity))
        .map(|e| e.span.start)
    else {
        return;
    };
    app.reader.mention = Some(entity);
    if app.mode() != Mode::Wide {
        app.show_sidebar = false;
    }
    app.focus = Pane::Article;
    scroll_to(app, start);
    app.message = describe_mention(app, entity);
}

/// "person · Ilham Aliyev · AZ Azerbaijan · 3 mentions here · in 2 articles".
fn describe_mention(app: &App, entity: usize) -> Option<String> {
    let analysis = app.open_analysis()?;
    let referent = analysis
        .referents
        .get(analysis.entities.get(entity)?.referent)?;
    let articles = app
        .library
        .articles_mentioning(referent.kind, &referent.name)
        .len()
        .max(1);
    let country = referent
        .country
        .map(App::country_label)
        .unwrap_or_else(|| "no country".into());
    let mentions = referent.mentions.len();
    Some(format!(
        "{} · {} · {} · {} here · in {} {}",
        referent.kind.label(),
        referent.name,
        country,
        plural(mentions, "mention"),
        articles,
        if articles == 1 { "article" } else { "articles" }
    ))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn open_card(app: &mut App, entity: usize) {
    let Some(article) = app.reader.article else {
        return;
    };
    let Some(analysis) = app.open_analysis() else {
        return;
    };
    let Some(referent_index) = analysis.entities.get(entity).map(|e| e.referent) else {
        return;
    };
    let Some(referent) = analysis.referents.get(referent_index) else {
        return;
    };
    let mut mentions = referent.mentions.clone();
    mentions.retain(|m| *m < analysis.entities.len());
    if mentions.is_empty() {
        mentions.push(entity);
    }
    let others = app
        .library
        .articles_mentioning(referent.kind, &referent.name)
        .into_iter()
        .filter(|i| *i != article)
        .collect();
    let selected = mentions.iter().position(|m| *m == entity).unwrap_or(0);
    app.overlay = Some(Overlay::Entity(EntityCard {
        article,
        referent: referent_index,
        mentions,
        others,
        selected,
    }));
}

/// Goes to the card's selected row: a mention here, or another article
/// opened at its first mention of the same referent.
fn open_card_row(app: &mut App, card: &EntityCard) -> Vec<Effect> {
    if let Some(entity) = card.mentions.get(card.selected) {
        select_mention(app, *entity);
        app.focus = Pane::Article;
        return Vec::new();
    }
    let Some(other) = card
        .selected
        .checked_sub(card.mentions.len())
        .and_then(|i| card.others.get(i))
        .copied()
    else {
        return Vec::new();
    };
    let key = app
        .library
        .get(card.article)
        .and_then(|e| e.analysis.as_ref())
        .and_then(|a| a.referents.get(card.referent))
        .map(|r| (r.kind, r.name.to_lowercase()));
    if let Some(pos) = app.list.visible.iter().position(|i| *i == other) {
        app.list.selected = pos;
        clamp_list(app);
    }
    let effects = open_article(app, other, true);
    app.focus = Pane::Article;
    let first = app.open_analysis().and_then(|a| {
        let (kind, name) = key.as_ref()?;
        let referent = a
            .referents
            .iter()
            .position(|r| r.kind == *kind && r.name.to_lowercase() == *name)?;
        a.entities.iter().position(|e| e.referent == referent)
    });
    if let Some(entity) = first {
        select_mention(app, entity);
    }
    effects
}

fn toggle_kind(app: &mut App, kind: EntityKind) {
    let hidden = &mut app.reader.hidden[kind_index(kind)];
    *hidden = !*hidden;
    let now_hidden = *hidden;
    let selected_kind = app
        .reader
        .mention
        .and_then(|m| app.open_analysis()?.entities.get(m))
        .map(|e| e.kind);
    if now_hidden && selected_kind == Some(kind) {
        app.reader.mention = None;
    }
    app.message = Some(format!(
        "{} highlights {}",
        kind.label(),
        if now_hidden { "hidden" } else { "shown" }
    ));
}

/// The article that `u`, `s`, `o` and `y` act on: the list's selection when
/// the list has focus, else the open article.
fn target_article(app: &App) -> Option<usize> {
    match app.focus {
        Pane::List => app.list.selected_article(),
        _ => app.reader.article.or(app.list.selected_article()),
    }
}

fn toggle_read(app: &mut App) -> Vec<Effect> {
    let Some(index) = target_article(app) else {
        return Vec::new();
    };
    let read = !app.library.get(index).is_some_and(|e| e.read);
    app.library.set_read(index, read);
    app.library
        .get(index)
        .map(|e| Effect::SetRead {
            article: e.article.id.clone(),
            read,
        })
        .into_iter()
        .collect()
}

fn toggle_star(app: &mut App) -> Vec<Effect> {
    let Some(index) = target_article(app) else {
        return Vec::new();
    };
    let starred = !app.library.get(index).is_some_and(|e| e.starred);
    app.library.set_starred(index, starred);
    app.library
        .get(index)
        .map(|e| Effect::SetStarred {
            article: e.article.id.clone(),
            starred,
        })
        .into_iter()
        .collect()
}

/// Applies a country filter (or none), keeping the selected article if it passes.
fn set_filter(app: &mut App, filter: Option<CountryFilter>) {
    let keep = app.list.selected_article();
    app.filter = filter;
    app.list.visible = app.library.matching(filter);
    app.list.selected = keep
        .and_then(|k| app.list.visible.iter().position(|i| *i == k))
        .unwrap_or(0);
    app.list.offset = 0;
    clamp_list(app);
    if app.reader.article.is_none() {
        open_selected(app, false);
    }
}

/// Puts article `index` in the list at its place in display order (if not
/// there yet), keeping the selection on the article it was on.
fn show_in_list(app: &mut App, index: usize) {
    let rank = app.library.rank(index);
    let library = &app.library;
    let pos = app
        .list
        .visible
        .partition_point(|i| library.rank(*i) < rank);
    if app.list.visible.get(pos) == Some(&index) {
        return;
    }
    app.list.visible.insert(pos, index);
    if pos <= app.list.selected && app.list.visible.len() > 1 {
        app.list.selected += 1;
    }
    clamp_list(app);
    if app.reader.article.is_none() {
        open_selected(app, false);
    }
}

/// Stores an analysis; the filtered list gains the article if it now passes.
fn analysed(app: &mut App, index: usize, analysis: Analysis) {
    if !app.library.set_analysis(index, analysis) {
        return;
    }
    if app.filter.is_some() && app.library.matches(index, app.filter) {
        show_in_list(app, index);
    }
    if app.reader.article == Some(index) {
        let counts = app
            .open_analysis()
            .map(|a| (a.entities.len(), a.commitments.len()));
        if let Some((entities, commitments)) = counts {
            if app.reader.mention.is_some_and(|m| m >= entities) {
                app.reader.mention = None;
            }
            if app.reader.commitment.is_some_and(|c| c >= commitments) {
                app.reader.commitment = None;
            }
        }
    }
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if app.overlay.is_some() {
        app.overlay = None;
        return Vec::new();
    }
    let regions = app.regions();
    let Some(pane) = regions.pane_at(column, row) else {
        return Vec::new();
    };
    app.focus = pane;
    let mut area = inner(regions.of(pane));
    if pane == Pane::List {
        area = articles_area(app, area);
    }
    if row < area.y || row >= area.bottom() || column < area.x || column >= area.right() {
        return Vec::new();
    }
    let line = usize::from(row - area.y);
    match pane {
        Pane::List => {
            let index = app.list.offset + line / ROW_HEIGHT;
            if index < app.list.visible.len() {
                app.list.selected = index;
                clamp_list(app);
                return open_selected(app, true);
            }
        }
        Pane::Sidebar => {
            let first = super::view::commitments::first_item(app, area.height);
            select_commitment(app, first + line / ITEM_HEIGHT);
        }
        Pane::Article => {
            if let Some(entity) = super::view::article::entity_at(app, area, column, row) {
                select_mention(app, entity);
            }
        }
    }
    Vec::new()
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let delta = if down {
        WHEEL_STEP as isize
    } else {
        -(WHEEL_STEP as isize)
    };
    if app.overlay.is_some() {
        step(app, delta.signum());
        return;
    }
    let Some(pane) = app.regions().pane_at(column, row) else {
        return;
    };
    let focus = app.focus;
    app.focus = pane;
    match pane {
        Pane::Sidebar => step(app, delta.signum()),
        _ => step(app, delta),
    }
    app.focus = focus;
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn moves_stay_in_bounds() {
        assert_eq!(moved(3, 1, 5), 4);
        assert_eq!(moved(5, 1, 5), 5);
        assert_eq!(moved(0, -1, 5), 0);
        assert_eq!(moved(2, isize::MIN, 5), 0);
        assert_eq!(moved(2, isize::MAX, 5), 5);
        assert_eq!(moved(0, 1, 0), 0);
    }
}
