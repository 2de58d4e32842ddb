//! `view(&App, &mut Frame)`: draws the screen from the state and never
//! changes it. One module per pane or overlay; this file places them.

pub mod article;
pub mod commitments;
pub mod countries;
pub mod entity_card;
pub mod help;
pub mod list;
pub mod status;

use super::app::{App, Overlay, Pane};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType};
use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Draws the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let regions = super::layout::Regions::new(area.width, area.height, app.focus, app.show_sidebar);
    let buf = frame.buffer_mut();
    list::render(app, regions.list, buf);
    article::render(app, regions.article, buf);
    commitments::render(app, regions.sidebar, buf);
    status::render(app, regions.status, buf);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::render(app, *scroll, area, buf),
        Some(Overlay::Entity(card)) => entity_card::render(app, card, area, buf),
        Some(Overlay::Countries(picker)) => countries::render(app, picker, area, buf),
        None => {}
    }
}

/// The bordered frame of a pane, highlighted when focused.
pub fn pane_block<'a>(app: &App, pane: Pane, title: Line<'a>) -> Block<'a> {
    let focused = app.focus == pane && app.overlay.is_none();
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            app.theme.border_focused
        } else {
            app.theme.border
        })
        .title(title)
}

/// `text` cut to at most `width` columns, with "…" when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Writes one line of styled pieces at `(x, y)`, clipped to `width` columns.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, width: u16, line: &Line<'_>) {
    if width == 0 || !buf.area.contains((x, y).into()) {
        return;
    }
    buf.set_line(x, y, line, width);
}

/// Fills a row of `area` with a style (for selection bars).
pub fn fill_row(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    let row = Rect::new(area.x, y, area.width, 1).intersection(buf.area);
    buf.set_style(row, style);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello", 4), "hel…");
        assert_eq!(truncate("中国总理", 5), "中国…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }
}
