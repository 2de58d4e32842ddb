//! The commitments sidebar: one entry per commitment the analysis found
//! (kind badge, actor -> action, speaker), or an honest empty state.

use super::{pane_block, put_line, truncate};
use crate::tui::app::{App, Pane};
use crate::tui::layout::inner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Screen rows per commitment.
pub const ITEM_HEIGHT: usize = 3;

/// The first commitment shown in a sidebar `height` rows high, so that the
/// selected one is in view.
pub fn first_item(app: &App, height: u16) -> usize {
    let items = (usize::from(height) / ITEM_HEIGHT).max(1);
    let selected = app.reader.commitment.unwrap_or(0);
    (selected + 1).saturating_sub(items)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let analysis = app.open_analysis();
    let title = match analysis {
        Some(a) => format!(" Commitments {} ", a.commitments.len()),
        None => " Commitments ".to_string(),
    };
    pane_block(app, Pane::Sidebar, Line::styled(title, app.theme.title)).render(area, buf);
    let text = inner(area);
    if text.is_empty() {
        return;
    }
    let empty = match (app.reader.article, analysis) {
        (None, _) => Some("No article open."),
        (Some(_), None) => Some("Analysing this article…"),
        (Some(_), Some(a)) if a.commitments.is_empty() => {
            Some("No commitments found in this article.")
        }
        _ => None,
    };
    let (Some(analysis), None) = (analysis, empty) else {
        Paragraph::new(empty.unwrap_or_default())
            .style(app.theme.dim)
            .wrap(Wrap { trim: true })
            .render(text, buf);
        return;
    };
    let Some(entry) = app.reader.article.and_then(|i| app.library.get(i)) else {
        return;
    };
    let body = &entry.article.body;
    let width = usize::from(text.width);
    let first = first_item(app, text.height);
    let items = (usize::from(text.height) / ITEM_HEIGHT).max(1);
    for (slot, (i, c)) in analysis
        .commitments
        .iter()
        .enumerate()
        .skip(first)
        .take(items)
        .enumerate()
    {
        let y = text.y + (slot * ITEM_HEIGHT) as u16;
        let badge = format!("[{}] ", c.kind.label());
        let actor = truncate(&c.actor, width.saturating_sub(badge.chars().count()));
        let action = body.get(c.action.clone()).unwrap_or_default();
        let lines = [
            Line::from(vec![
                Span::styled(badge, app.theme.commitment(c.kind)),
                Span::styled(actor.into_owned(), app.theme.headline),
            ]),
            Line::raw(format!(" → {}", truncate(action, width.saturating_sub(3)))),
            match &c.speaker {
                Some(s) => Line::styled(
                    format!(" said {}", truncate(s, width.saturating_sub(6))),
                    app.theme.dim,
                ),
                None => Line::default(),
            },
        ];
        for (k, line) in lines.iter().enumerate() {
            let row = y + k as u16;
            if row < text.bottom() {
                put_line(buf, text.x, row, text.width, line);
            }
        }
        if app.reader.commitment == Some(i) {
            let h = (ITEM_HEIGHT as u16 - 1).min(text.bottom().saturating_sub(y));
            let style = if app.focus == Pane::Sidebar {
                app.theme.selected
            } else {
                app.theme.sentence_selected
            };
            buf.set_style(Rect::new(text.x, y, text.width, h), style);
        }
    }
}
