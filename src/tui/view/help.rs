//! The help overlay, generated from the keymap: every context's bindings
//! with what they do, so the help can never disagree with the keys.

use super::put_line;
use crate::tui::app::App;
use crate::tui::keymap::{Context, Key};
use crate::tui::layout::{inner, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// The help text: one heading per context, one line per binding.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in Context::ALL {
        let bindings: Vec<_> = app.keymap.bindings(context).collect();
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), app.theme.title));
        for binding in bindings {
            let keys = binding
                .keys
                .iter()
                .map(Key::label)
                .collect::<Vec<_>>()
                .join(", ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22} "), app.theme.status_key),
                Span::raw(binding.action.describe()),
            ]));
        }
    }
    lines
}

pub fn render(app: &App, scroll: usize, screen: Rect, buf: &mut Buffer) {
    let area = popup(screen, 64, 40);
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(" Keys ", app.theme.title))
        .title_bottom(Line::styled(" esc closes · j/k scroll ", app.theme.dim))
        .render(area, buf);
    let text = inner(area);
    let lines = lines(app);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(text.height)));
    for (y, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(text.height))
        .enumerate()
    {
        put_line(buf, text.x, text.y + y as u16, text.width, line);
    }
}
