//! The article pane: title, metadata and focus countries, then the body
//! wrapped to the pane with entity mentions highlighted (one style per kind),
//! the selected mention and the selected commitment's sentence marked, and a
//! legend of entity counts on the bottom border.

use super::{pane_block, put_line, truncate};
use crate::nlp::{Analysis, EntityKind};
use crate::tui::app::{App, Pane, kind_index};
use crate::tui::body::{BodyLayout, HeaderRow};
use crate::tui::layout::inner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::borrow::Cow;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let mut block = pane_block(
        app,
        Pane::Article,
        Line::styled(" Article ", app.theme.title),
    );
    if let Some(analysis) = app.open_analysis() {
        block = block.title_bottom(legend(app, analysis));
    }
    block.render(area, buf);
    let text = inner(area);
    if text.is_empty() {
        return;
    }
    let Some((index, entry)) = app
        .reader
        .article
        .and_then(|i| app.library.get(i).map(|e| (i, e)))
    else {
        Paragraph::new("No article open: choose one in the list and press Enter.")
            .style(app.theme.dim)
            .wrap(Wrap { trim: true })
            .render(text, buf);
        return;
    };
    let layout = layout_for(app, index, text.width);
    let height = usize::from(text.height);
    let scroll = app.reader.scroll.min(layout.len().saturating_sub(height));
    let article = &entry.article;
    let analysis = entry.analysis.as_ref();
    for (y, row) in (scroll..layout.len()).take(height).enumerate() {
        let y = text.y + y as u16;
        let line = match layout.header.get(row) {
            Some(header) => header_line(app, header, article, analysis, usize::from(text.width)),
            None => match layout.body.get(row - layout.header.len()) {
                Some(range) => body_line(app, &article.body, range.clone(), analysis),
                None => Line::default(),
            },
        };
        put_line(buf, text.x, y, text.width, &line);
    }
}

/// The stored layout when it fits this width, else one made now.
fn layout_for(app: &App, index: usize, width: u16) -> Cow<'_, BodyLayout> {
    match &app.reader.layout {
        Some(l) if l.article == index && l.width == width => Cow::Borrowed(l),
        _ => match app.library.get(index) {
            Some(entry) => Cow::Owned(BodyLayout::new(index, &entry.article, width)),
            None => Cow::Owned(BodyLayout::new(index, &empty_article(), width)),
        },
    }
}

fn empty_article() -> crate::article::Article {
    crate::article::Article {
        id: crate::article::ArticleId(String::new()),
        title: String::new(),
        source: String::new(),
        date: None,
        url: None,
        licence: None,
        body: String::new(),
        origin: crate::article::Origin::Bundled,
    }
}

fn header_line<'a>(
    app: &App,
    row: &HeaderRow,
    article: &'a crate::article::Article,
    analysis: Option<&Analysis>,
    width: usize,
) -> Line<'a> {
    match row {
        HeaderRow::Title(range) => Line::styled(
            article.title.get(range.clone()).unwrap_or_default(),
            app.theme.headline,
        ),
        HeaderRow::Meta => {
            let mut parts = vec![article.source.as_str()];
            if let Some(date) = &article.date {
                parts.push(date);
            }
            if let Some(url) = &article.url {
                parts.push(url);
            }
            Line::styled(
                truncate(&parts.join(" · "), width).into_owned(),
                app.theme.dim,
            )
        }
        HeaderRow::Countries => match analysis {
            None => Line::styled("Analysing…", app.theme.dim),
            Some(a) if a.focus.is_empty() => Line::styled("About: no country found", app.theme.dim),
            Some(a) => {
                let mut spans = vec![Span::styled("About: ", app.theme.dim)];
                for (i, score) in a.focus.iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(" · ", app.theme.dim));
                    }
                    spans.push(Span::styled(
                        App::country_label(score.code),
                        app.theme.country,
                    ));
                }
                let others: Vec<&str> = a
                    .mentioned
                    .iter()
                    .filter(|m| !a.focus.iter().any(|f| f.code == m.code))
                    .map(|m| m.code.as_str())
                    .collect();
                if !others.is_empty() {
                    spans.push(Span::styled(
                        format!("   also mentions {}", others.join(" ")),
                        app.theme.dim,
                    ));
                }
                Line::from(spans)
            }
        },
        HeaderRow::Gap => Line::default(),
    }
}

/// One body row cut into styled pieces at every highlight boundary.
fn body_line<'a>(
    app: &App,
    body: &'a str,
    range: Range<usize>,
    analysis: Option<&Analysis>,
) -> Line<'a> {
    let Some(analysis) = analysis else {
        return Line::raw(body.get(range).unwrap_or_default());
    };
    let reader = &app.reader;
    let commitment = reader.commitment.and_then(|c| analysis.commitments.get(c));
    let mut cuts = vec![range.start, range.end];
    let first = analysis
        .entities
        .partition_point(|e| e.span.end <= range.start);
    let entities = analysis
        .entities
        .get(first..)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .take_while(|(_, e)| e.span.start < range.end)
        .map(|(i, e)| (first + i, e))
        .filter(|(_, e)| !reader.is_hidden(e.kind))
        .collect::<Vec<_>>();
    for (_, e) in &entities {
        cuts.extend([e.span.start, e.span.end]);
    }
    if let Some(c) = commitment {
        cuts.extend([
            c.sentence.start,
            c.sentence.end,
            c.trigger.start,
            c.trigger.end,
        ]);
    }
    let mut cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|c| (range.start..=range.end).contains(c))
        .map(|c| floor_boundary(body, c))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let [a, b] = [pair[0], pair[1]];
        let Some(piece) = body.get(a..b) else {
            continue;
        };
        let mut style = Style::new();
        if let Some(c) = commitment {
            if c.sentence.start <= a && b <= c.sentence.end {
                style = style.patch(app.theme.sentence_selected);
            }
            if c.trigger.start <= a && b <= c.trigger.end {
                style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            }
        }
        if let Some((i, e)) = entities
            .iter()
            .find(|(_, e)| e.span.start <= a && b <= e.span.end)
        {
            style = style.patch(app.theme.entity(e.kind));
            if reader.mention == Some(*i) {
                style = style.patch(app.theme.mention_selected);
            }
        }
        spans.push(Span::styled(piece, style));
    }
    Line::from(spans)
}

/// The largest char boundary at or below `i` (spans from the analysis are on
/// boundaries; this keeps a bad span from panicking the view).
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "■ person 3  ■ place 5  ■ organisation 2  ■ other 1" (hidden kinds struck out).
fn legend<'a>(app: &App, analysis: &Analysis) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for kind in EntityKind::ALL {
        let count = analysis.entities.iter().filter(|e| e.kind == kind).count();
        let hidden = app.reader.hidden[kind_index(kind)];
        let style = if hidden {
            app.theme.dim.add_modifier(Modifier::CROSSED_OUT)
        } else {
            app.theme.entity(kind)
        };
        let key = app
            .keymap
            .key_for(
                crate::tui::keymap::Context::Article,
                &crate::tui::action::Action::ToggleKind(kind),
            )
            .map(|k| format!("{k}:"))
            .unwrap_or_default();
        spans.push(Span::styled(
            format!("{key}{} {count}", kind.label()),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// The entity mention drawn at a screen cell of the article text area, if any.
pub fn entity_at(app: &App, text: Rect, column: u16, row: u16) -> Option<usize> {
    let index = app.reader.article?;
    let entry = app.library.get(index)?;
    let analysis = entry.analysis.as_ref()?;
    let layout = layout_for(app, index, text.width);
    let scroll = app
        .reader
        .scroll
        .min(layout.len().saturating_sub(usize::from(text.height)));
    let line = scroll + usize::from(row.checked_sub(text.y)?);
    let range = layout
        .body
        .get(line.checked_sub(layout.header.len())?)?
        .clone();
    let target = usize::from(column.checked_sub(text.x)?);
    let mut col = 0;
    let mut offset = None;
    for (i, c) in entry.article.body.get(range.clone())?.char_indices() {
        col += c.width().unwrap_or(0);
        if col > target {
            offset = Some(range.start + i);
            break;
        }
    }
    let offset = offset?;
    analysis
        .entities
        .iter()
        .position(|e| e.span.contains(&offset) && !app.reader.is_hidden(e.kind))
}
