//! The reader's styles in one value: panes, highlights per entity kind,
//! commitment badges, the status bar.

use crate::nlp::{CommitmentKind, EntityKind};
use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub unread: Style,
    pub headline: Style,
    pub country: Style,
    /// The mention selected with n/N.
    pub mention_selected: Style,
    /// The sentence of the selected commitment.
    pub sentence_selected: Style,
    pub status: Style,
    pub status_key: Style,
    pub status_filter: Style,
    pub message: Style,
    /// A feed's error on its row.
    pub error: Style,
    pub person: Style,
    pub place: Style,
    pub org: Style,
    pub misc: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            unread: Style::new().fg(Color::Yellow),
            headline: Style::new().add_modifier(Modifier::BOLD),
            country: Style::new().fg(Color::Cyan),
            mention_selected: Style::new()
                .add_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::BOLD),
            sentence_selected: Style::new().bg(Color::Rgb(60, 60, 30)),
            status: Style::new().bg(Color::Rgb(30, 30, 40)).fg(Color::Gray),
            status_key: Style::new()
                .bg(Color::Rgb(30, 30, 40))
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            status_filter: Style::new()
                .bg(Color::Rgb(30, 30, 40))
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::LightRed),
            message: Style::new()
                .bg(Color::Rgb(30, 30, 40))
                .fg(Color::LightYellow),
            person: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            place: Style::new().fg(Color::LightGreen),
            org: Style::new().fg(Color::LightMagenta),
            misc: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::ITALIC),
        }
    }
}

impl Theme {
    /// The highlight of one kind of entity.
    pub fn entity(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Place => self.place,
            EntityKind::Org => self.org,
            EntityKind::Misc => self.misc,
        }
    }

    /// The badge of one kind of commitment.
    pub fn commitment(&self, kind: CommitmentKind) -> Style {
        let color = match kind {
            CommitmentKind::Pledge => Color::LightRed,
            CommitmentKind::Willingness => Color::LightGreen,
            CommitmentKind::Agreement => Color::LightCyan,
            CommitmentKind::Support => Color::LightMagenta,
            CommitmentKind::Proposal => Color::LightYellow,
        };
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    }
}
