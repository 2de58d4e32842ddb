//! The entity card: a referent's kind and country, every mention in this
//! article (with its context) and every other article that mentions it.

use super::{put_line, truncate};
use crate::tui::app::{App, EntityCard};
use crate::tui::layout::{inner, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// Characters of context shown either side of a mention.
const CONTEXT: usize = 28;

pub fn render(app: &App, card: &EntityCard, screen: Rect, buf: &mut Buffer) {
    let area = popup(screen, 76, 30);
    if area.is_empty() {
        return;
    }
    let Some(entry) = app.library.get(card.article) else {
        return;
    };
    let Some(analysis) = entry.analysis.as_ref() else {
        return;
    };
    let Some(referent) = analysis.referents.get(card.referent) else {
        return;
    };
    Clear.render(area, buf);
    Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(
            format!(" {} ", referent.name),
            app.theme.entity(referent.kind),
        ))
        .title_bottom(Line::styled(
            " enter goes there · esc closes ",
            app.theme.dim,
        ))
        .render(area, buf);
    let text = inner(area);
    let width = usize::from(text.width);
    let country = referent
        .country
        .map(App::country_label)
        .unwrap_or_else(|| "no country".into());
    // (line, selectable row index)
    let mut lines: Vec<(Line<'_>, Option<usize>)> = vec![
        (
            Line::from(vec![
                Span::styled(referent.kind.label(), app.theme.entity(referent.kind)),
                Span::raw(format!(" · {country}")),
            ]),
            None,
        ),
        (Line::default(), None),
        (
            Line::styled(
                format!("Mentions in this article ({})", card.mentions.len()),
                app.theme.title,
            ),
            None,
        ),
    ];
    let body = &entry.article.body;
    for (row, &m) in card.mentions.iter().enumerate() {
        let Some(e) = analysis.entities.get(m) else {
            continue;
        };
        let before: String = body
            .get(..e.span.start)
            .unwrap_or_default()
            .chars()
            .rev()
            .take(CONTEXT)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = body
            .get(e.span.end..)
            .unwrap_or_default()
            .chars()
            .take(CONTEXT)
            .collect();
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let before = format!(
            "{}{}",
            flat(&before),
            if before.ends_with(char::is_whitespace) {
                " "
            } else {
                ""
            }
        );
        let after = format!(
            "{}{}",
            if after.starts_with(char::is_whitespace) {
                " "
            } else {
                ""
            },
            flat(&after)
        );
        lines.push((
            Line::from(vec![
                Span::styled("  …", app.theme.dim),
                Span::raw(before),
                Span::styled(
                    body.get(e.span.clone()).unwrap_or_default().to_string(),
                    app.theme.entity(e.kind),
                ),
                Span::raw(after),
                Span::styled("…", app.theme.dim),
            ]),
            Some(row),
        ));
    }
    lines.push((Line::default(), None));
    lines.push((
        Line::styled(
            format!("Other articles that mention it ({})", card.others.len()),
            app.theme.title,
        ),
        None,
    ));
    if card.others.is_empty() {
        lines.push((
            Line::styled(
                "  No other article in the library mentions it.",
                app.theme.dim,
            ),
            None,
        ));
    }
    for (k, &other) in card.others.iter().enumerate() {
        let Some(o) = app.library.get(other) else {
            continue;
        };
        let meta = match o.article.day() {
            Some(day) => format!(" — {} · {day}", o.article.source),
            None => format!(" — {}", o.article.source),
        };
        lines.push((
            Line::from(vec![
                Span::raw("  "),
                Span::styled(
                    truncate(&o.article.title, width.saturating_sub(4)).into_owned(),
                    app.theme.headline,
                ),
                Span::styled(meta, app.theme.dim),
            ]),
            Some(card.mentions.len() + k),
        ));
    }
    let height = usize::from(text.height);
    let selected_line = lines
        .iter()
        .position(|(_, r)| *r == Some(card.selected))
        .unwrap_or(0);
    let scroll = (selected_line + 1).saturating_sub(height);
    for (y, (line, row)) in lines.iter().skip(scroll).take(height).enumerate() {
        let y = text.y + y as u16;
        put_line(buf, text.x, y, text.width, line);
        if *row == Some(card.selected) {
            buf.set_style(Rect::new(text.x, y, text.width, 1), app.theme.selected);
        }
    }
}
