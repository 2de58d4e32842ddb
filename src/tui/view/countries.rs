//! The country filter overlay: countries with story counts (focus or any
//! mention), narrowed as the user types a name or code.

use super::put_line;
use crate::tui::app::{App, CountryPicker};
use crate::tui::layout::{inner, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

pub fn render(app: &App, picker: &CountryPicker, screen: Rect, buf: &mut Buffer) {
    let area = popup(screen, 48, 24);
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(" Country filter ", app.theme.title))
        .title_bottom(Line::styled(
            " enter applies · esc clears · tab focus/any ",
            app.theme.dim,
        ))
        .render(area, buf);
    let text = inner(area);
    if text.is_empty() {
        return;
    }
    let scope = Line::from(vec![
        Span::styled("Stories: ", app.theme.dim),
        Span::styled(picker.scope.label(), app.theme.status_filter),
    ]);
    let query = Line::from(vec![
        Span::styled("Find: ", app.theme.dim),
        Span::raw(picker.query.clone()),
        Span::styled("▏", app.theme.border_focused),
    ]);
    put_line(buf, text.x, text.y, text.width, &query);
    if text.height > 1 {
        put_line(buf, text.x, text.y + 1, text.width, &scope);
    }
    let list = Rect::new(
        text.x,
        text.y.saturating_add(3),
        text.width,
        text.height.saturating_sub(3),
    );
    if list.is_empty() {
        return;
    }
    let rows = picker.rows(&app.library);
    if rows.is_empty() {
        let why = if app.library.analysed() < app.library.len() {
            "No matching country yet: still analysing…"
        } else {
            "No matching country."
        };
        put_line(
            buf,
            list.x,
            list.y,
            list.width,
            &Line::styled(why, app.theme.dim),
        );
        return;
    }
    let height = usize::from(list.height);
    let first = (picker.selected + 1).saturating_sub(height);
    for (y, (i, (code, count))) in rows.iter().enumerate().skip(first).take(height).enumerate() {
        let y = list.y + y as u16;
        let label = App::country_label(*code);
        let line = Line::from(vec![
            Span::styled(format!("{count:>5}  "), app.theme.dim),
            Span::raw(label),
        ]);
        put_line(buf, list.x, y, list.width, &line);
        if i == picker.selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), app.theme.selected);
        }
    }
}
