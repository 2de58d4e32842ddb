//! The article list pane: the subscribed feeds first (one row each: name,
//! last error, unread count), then two rows per article (marker and headline;
//! source, date and focus countries). Only the rows on screen are built, so a
//! library of any size draws in the same time.

use super::{pane_block, put_line, truncate};
use crate::library::Counts;
use crate::tui::app::{App, FeedRow, Pane};
use crate::tui::layout::inner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Screen rows per article.
pub const ROW_HEIGHT: usize = 2;

/// Screen rows of one feed: its name, and its error under it.
fn feed_rows(feed: &FeedRow) -> usize {
    1 + usize::from(feed.error.is_some())
}

/// Rows of the feeds block (feed rows and a rule under them) in a list
/// `height` rows high: at most a third of it, none without feeds or room.
pub fn feeds_height(app: &App, height: u16) -> u16 {
    if app.feeds.is_empty() || height < 6 {
        return 0;
    }
    let need: usize = app.feeds.iter().map(feed_rows).sum();
    let rows = need.min(usize::from(height / 3)).max(1);
    u16::try_from(rows).unwrap_or(0).saturating_add(1)
}

/// The part of the list's inside `body` where the articles go (below the feeds).
pub fn articles_area(app: &App, body: Rect) -> Rect {
    let feeds = feeds_height(app, body.height).min(body.height);
    Rect {
        y: body.y + feeds,
        height: body.height - feeds,
        ..body
    }
}

/// The feeds block: "⟳ Name  3/10 unread" with the last error under a failing
/// feed, "+N more feeds" when they do not all fit, and a rule.
fn render_feeds(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let counts = app.library.source_counts();
    let rows = usize::from(area.height - 1);
    let width = usize::from(area.width);
    let need: usize = app.feeds.iter().map(feed_rows).sum();
    let budget = if need > rows {
        rows.saturating_sub(1)
    } else {
        rows
    };
    let mut used = 0;
    let mut shown = 0;
    for feed in &app.feeds {
        if used + feed_rows(feed) > budget {
            break;
        }
        let y = area.y + u16::try_from(used).unwrap_or(0);
        render_feed(
            app,
            feed,
            counts.feeds.get(&feed.url).copied(),
            width,
            buf,
            area.x,
            y,
        );
        if let Some(error) = &feed.error {
            let line = Line::from(vec![
                Span::raw("  "),
                Span::styled(truncate(error, width.saturating_sub(2)), app.theme.error),
            ]);
            put_line(buf, area.x, y + 1, area.width, &line);
        }
        used += feed_rows(feed);
        shown += 1;
    }
    let hidden = app.feeds.get(shown..).unwrap_or_default();
    if !hidden.is_empty() {
        let failing = hidden.iter().filter(|f| f.error.is_some()).count();
        let mut text = format!("  +{} more feeds", hidden.len());
        if failing > 0 {
            text.push_str(&format!(" ({failing} failing)"));
        }
        let y = area.y + u16::try_from(used).unwrap_or(0);
        put_line(
            buf,
            area.x,
            y,
            area.width,
            &Line::styled(text, app.theme.dim),
        );
    }
    let rule = "─".repeat(width);
    put_line(
        buf,
        area.x,
        area.bottom() - 1,
        area.width,
        &Line::styled(rule, app.theme.border),
    );
}

/// One feed's row: marker (fetching, failed, fine), name, unread of total.
fn render_feed(
    app: &App,
    feed: &FeedRow,
    counts: Option<Counts>,
    width: usize,
    buf: &mut Buffer,
    x: u16,
    y: u16,
) {
    let c = counts.unwrap_or_default();
    let right = if width >= 36 {
        format!(" {}/{} unread", c.unread, c.total)
    } else {
        format!(" {}/{}", c.unread, c.total)
    };
    let marker = match (feed.fetching, &feed.error) {
        (true, _) => Span::styled("⟳ ", app.theme.unread),
        (false, Some(_)) => Span::styled("✗ ", app.theme.error),
        (false, None) => Span::styled("▸ ", app.theme.dim),
    };
    let name = truncate(feed.name(), width.saturating_sub(2 + right.width()));
    let pad = width.saturating_sub(2 + name.width() + right.width());
    let line = Line::from(vec![
        marker,
        Span::styled(name, app.theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, app.theme.dim),
    ]);
    put_line(buf, x, y, u16::try_from(width).unwrap_or(u16::MAX), &line);
}

/// The first article shown for a list `rows` articles high: the stored offset,
/// moved just enough to keep the selection in view.
pub fn first_row(app: &App, rows: usize) -> usize {
    let rows = rows.max(1);
    let selected = app.list.selected;
    let mut offset = app.list.offset;
    if selected < offset {
        offset = selected;
    } else if selected >= offset + rows {
        offset = selected + 1 - rows;
    }
    offset
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let total = app.library.len();
    let shown = app.list.visible.len();
    let title = if shown == total {
        format!(" Articles {total} ")
    } else {
        format!(" Articles {shown}/{total} ")
    };
    pane_block(app, Pane::List, Line::styled(title, app.theme.title)).render(area, buf);
    let inside = inner(area);
    if inside.is_empty() {
        return;
    }
    let body = articles_area(app, inside);
    render_feeds(
        app,
        Rect {
            height: body.y - inside.y,
            ..inside
        },
        buf,
    );
    if body.is_empty() {
        return;
    }
    if shown == 0 {
        let text = if app.filter.is_some() && app.library.analysed() < total {
            "No stories yet for this filter: still analysing…"
        } else if app.filter.is_some() {
            "No stories for this filter. Press c to change it."
        } else {
            "No articles. Give readout files, folders or feeds to read."
        };
        Paragraph::new(text)
            .style(app.theme.dim)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(body, buf);
        return;
    }
    let rows = usize::from(body.height) / ROW_HEIGHT;
    let rows = rows.max(1);
    let offset = first_row(app, rows);
    let width = usize::from(body.width);
    for (slot, &index) in app.list.visible.iter().skip(offset).take(rows).enumerate() {
        let Some(entry) = app.library.get(index) else {
            continue;
        };
        let y = body.y + (slot * ROW_HEIGHT) as u16;
        let selected = offset + slot == app.list.selected;
        let marker = match (entry.read, entry.starred) {
            (_, true) => Span::styled("★ ", app.theme.unread),
            (false, false) => Span::styled("● ", app.theme.unread),
            (true, false) => Span::raw("  "),
        };
        let headline_style = if entry.read {
            ratatui::style::Style::new()
        } else {
            app.theme.headline
        };
        let headline = Line::from(vec![
            marker,
            Span::styled(
                truncate(&entry.article.title, width.saturating_sub(2)),
                headline_style,
            ),
        ]);
        let codes = match &entry.analysis {
            None => "…".to_string(),
            Some(a) => a
                .focus
                .iter()
                .take(4)
                .map(|s| s.code.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        };
        let meta = match entry.article.day() {
            Some(day) => format!("{} · {day}", entry.article.source),
            None => entry.article.source.clone(),
        };
        let room = width.saturating_sub(2 + codes.width() + 1);
        let meta = truncate(&meta, room);
        let pad = width.saturating_sub(2 + meta.width() + codes.width());
        let details = Line::from(vec![
            Span::raw("  "),
            Span::styled(meta, app.theme.dim),
            Span::raw(" ".repeat(pad)),
            Span::styled(codes, app.theme.country),
        ]);
        put_line(buf, body.x, y, body.width, &headline);
        if slot * ROW_HEIGHT + 1 < usize::from(body.height) {
            put_line(buf, body.x, y + 1, body.width, &details);
        }
        if selected {
            let style = if app.focus == Pane::List && app.overlay.is_none() {
                app.theme.selected
            } else {
                app.theme.selected.bg(ratatui::style::Color::DarkGray)
            };
            let h = (ROW_HEIGHT as u16).min(body.bottom().saturating_sub(y));
            buf.set_style(Rect::new(body.x, y, body.width, h), style);
        }
    }
}
