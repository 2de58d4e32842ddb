//! The status bar: key hints for what has the keys (or the latest message),
//! then the active filter and the counts.

use super::truncate;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    buf.set_style(area, app.theme.status);
    let width = usize::from(area.width);
    let mut right = right_side(app, false);
    let mut right_width = right.iter().map(|s| s.content.width()).sum::<usize>();
    if right_width + 30 > width {
        right = right_side(app, true);
        right_width = right.iter().map(|s| s.content.width()).sum::<usize>();
    }
    let left_room = width.saturating_sub(right_width + 1);
    let left = match &app.message {
        Some(message) => vec![Span::styled(
            format!(" {}", truncate(message, left_room.saturating_sub(1))),
            app.theme.message,
        )],
        None => hints(app, left_room),
    };
    let left_width = left.iter().map(|s| s.content.width()).sum::<usize>();
    let mut spans = left;
    if left_width + 1 + right_width <= width {
        spans.push(Span::raw(" ".repeat(width - left_width - right_width)));
        spans.extend(right);
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// "j/k move  enter open  ..." for the current context, as many as fit.
fn hints(app: &App, room: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in app.keymap.hints(app.context()) {
        let need = 1 + key.width() + 1 + what.width() + 1;
        if used + need > room {
            break;
        }
        used += need;
        spans.push(Span::styled(format!(" {key}"), app.theme.status_key));
        spans.push(Span::styled(format!(" {what} "), app.theme.status));
    }
    spans
}

/// The filter, the counts and the analysis progress (`compact`: the filter's
/// code and the counts only).
fn right_side(app: &App, compact: bool) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let total = app.library.len();
    let shown = app.list.visible.len();
    if compact {
        let filter = app
            .filter
            .map(|f| format!("{} ", f.code))
            .unwrap_or_default();
        let refreshing = app
            .refresh
            .as_ref()
            .map(|r| format!("⟳{}/{} ", r.done, r.total))
            .unwrap_or_default();
        spans.push(Span::styled(
            format!(" {refreshing}{filter}{shown}/{total} "),
            app.theme.status_filter,
        ));
        return spans;
    }
    if let Some(filter) = app.filter {
        spans.push(Span::styled(
            format!(
                " {} ({}) ",
                App::country_label(filter.code),
                filter.scope.label()
            ),
            app.theme.status_filter,
        ));
    }
    let mut counts = if shown == total {
        format!(" {total} articles · {} unread", app.library.unread())
    } else {
        format!(
            " {shown}/{total} articles · {} unread",
            app.library.unread()
        )
    };
    let analysed = app.library.analysed();
    if analysed < total {
        counts.push_str(&format!(" · analysing {analysed}/{total}"));
    }
    if let Some(refresh) = &app.refresh {
        counts.push_str(&format!(
            " · refreshing {}/{} feeds",
            refresh.done, refresh.total
        ));
    }
    counts.push(' ');
    spans.push(Span::styled(counts, app.theme.status));
    spans
}
