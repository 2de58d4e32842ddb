//! The article list pane: two rows per article (marker and headline; source,
//! date and focus countries). Only the rows on screen are built, so a library
//! of any size draws in the same time.

use super::{pane_block, put_line, truncate};
use crate::tui::app::{App, Pane};
use crate::tui::layout::inner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Screen rows per article.
pub const ROW_HEIGHT: usize = 2;

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
    let body = inner(area);
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
