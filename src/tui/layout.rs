//! Where each pane sits for a terminal size: three panes side by side from
//! 100 columns, two (the sidebar toggled in place of the article) from 60,
//! one at a time below that. Shared by the views and by mouse handling.

use super::app::Pane;
use ratatui::layout::{Position, Rect};

/// How many panes fit side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// List, article and sidebar.
    Wide,
    /// List and one of article or sidebar.
    Medium,
    /// The focused pane only.
    Narrow,
}

impl Mode {
    pub fn for_width(width: u16) -> Self {
        match width {
            100.. => Self::Wide,
            60..=99 => Self::Medium,
            _ => Self::Narrow,
        }
    }
}

/// The screen regions; a pane that is not shown has an empty `Rect`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Regions {
    pub list: Rect,
    pub article: Rect,
    pub sidebar: Rect,
    pub status: Rect,
}

impl Regions {
    /// The regions of a `width` x `height` screen with `focus` focused and
    /// (in medium mode) the sidebar shown in place of the article or not.
    pub fn new(width: u16, height: u16, focus: Pane, show_sidebar: bool) -> Self {
        let screen = Rect::new(0, 0, width, height);
        let (main, status) = if height >= 2 {
            (
                Rect::new(0, 0, width, height - 1),
                Rect::new(0, height - 1, width, 1),
            )
        } else {
            (screen, Rect::default())
        };
        let mut regions = Regions {
            status,
            ..Regions::default()
        };
        match Mode::for_width(width) {
            Mode::Wide => {
                let list = (width * 32 / 100).max(30);
                let sidebar = (width * 26 / 100).max(30);
                let article = width.saturating_sub(list + sidebar);
                regions.list = Rect::new(0, 0, list, main.height);
                regions.article = Rect::new(list, 0, article, main.height);
                regions.sidebar = Rect::new(list + article, 0, sidebar, main.height);
            }
            Mode::Medium => {
                let list = width * 40 / 100;
                let right = Rect::new(list, 0, width - list, main.height);
                regions.list = Rect::new(0, 0, list, main.height);
                if show_sidebar {
                    regions.sidebar = right;
                } else {
                    regions.article = right;
                }
            }
            Mode::Narrow => match focus {
                Pane::List => regions.list = main,
                Pane::Article => regions.article = main,
                Pane::Sidebar => regions.sidebar = main,
            },
        }
        regions
    }

    /// The panes shown, in focus order.
    pub fn panes(&self) -> Vec<Pane> {
        [
            (Pane::List, self.list),
            (Pane::Article, self.article),
            (Pane::Sidebar, self.sidebar),
        ]
        .into_iter()
        .filter(|(_, r)| !r.is_empty())
        .map(|(p, _)| p)
        .collect()
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = Position::new(column, row);
        [
            (Pane::List, self.list),
            (Pane::Article, self.article),
            (Pane::Sidebar, self.sidebar),
        ]
        .into_iter()
        .find(|(_, r)| r.contains(at))
        .map(|(p, _)| p)
    }

    pub fn of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::List => self.list,
            Pane::Article => self.article,
            Pane::Sidebar => self.sidebar,
        }
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// A centred overlay of at most `width` x `height` inside `area`, leaving a
/// margin where there is room.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width
        .min(area.width.saturating_sub(4))
        .max(area.width.min(20));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(5));
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_two_or_one_panes_by_width() {
        let wide = Regions::new(120, 40, Pane::List, false);
        assert_eq!(wide.panes(), vec![Pane::List, Pane::Article, Pane::Sidebar]);
        assert_eq!(
            wide.list.width + wide.article.width + wide.sidebar.width,
            120
        );
        assert_eq!(wide.status, Rect::new(0, 39, 120, 1));

        let medium = Regions::new(80, 24, Pane::List, false);
        assert_eq!(medium.panes(), vec![Pane::List, Pane::Article]);
        let toggled = Regions::new(80, 24, Pane::List, true);
        assert_eq!(toggled.panes(), vec![Pane::List, Pane::Sidebar]);

        let narrow = Regions::new(40, 12, Pane::Article, false);
        assert_eq!(narrow.panes(), vec![Pane::Article]);
        assert_eq!(narrow.article, Rect::new(0, 0, 40, 11));
    }

    #[test]
    fn tiny_screens_have_sane_regions() {
        for (w, h) in [(0, 0), (1, 1), (1, 2), (2, 1), (59, 3), (100, 1)] {
            let r = Regions::new(w, h, Pane::List, false);
            for area in [r.list, r.article, r.sidebar, r.status] {
                assert!(area.right() <= w && area.bottom() <= h, "{w}x{h}: {area:?}");
            }
            let p = popup(Rect::new(0, 0, w, h), 60, 20);
            assert!(p.right() <= w && p.bottom() <= h);
        }
        assert_eq!(
            Regions::new(120, 40, Pane::List, false).pane_at(50, 3),
            Some(Pane::Article)
        );
    }
}
