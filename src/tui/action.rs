//! The reader's whole vocabulary: every change to the app is one of these actions.
//!
//! Keys become actions through the keymap (`assets/keymap.toml`); the runtime
//! turns mouse events, resizes and finished background work into actions too.
//! `update` is the only place that acts on them.

use crate::nlp::{Analysis, EntityKind};
use crate::refresh::FeedReport;

/// One thing that happens to the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Move the selection (or scroll) one step up in the focused pane or overlay.
    Up,
    /// Move the selection (or scroll) one step down in the focused pane or overlay.
    Down,
    /// Move one page up in the focused pane or overlay.
    PageUp,
    /// Move one page down in the focused pane or overlay.
    PageDown,
    /// Go to the first item (or the top of the article).
    Top,
    /// Go to the last item (or the end of the article).
    Bottom,
    /// Open what is selected: the article in the list, the entity card for the
    /// selected mention, the commitment's sentence, the row of an overlay.
    Open,
    /// Close the overlay, or clear the selected mention or commitment.
    Back,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Show or hide the commitments sidebar where it does not fit beside the article.
    ToggleSidebar,
    /// Open or close the key help.
    ToggleHelp,
    /// Select the next entity mention in the article and scroll it into view.
    NextMention,
    /// Select the previous entity mention.
    PrevMention,
    /// Select the next mention of the same person, place or organisation.
    NextSameReferent,
    /// Select the previous mention of the same referent.
    PrevSameReferent,
    /// Show or hide the highlights of one kind of entity.
    ToggleKind(EntityKind),
    /// Open the country filter.
    OpenCountries,
    /// In the country filter: switch between focus countries and any mention.
    ToggleCountryScope,
    /// In the country filter: a typed character of the name or code.
    FilterInput(char),
    /// In the country filter: delete the last typed character.
    FilterBackspace,
    /// Remove the country filter (and close the country list).
    ClearFilter,
    /// Mark the selected article unread (or read again).
    ToggleRead,
    /// Star or unstar the selected article.
    ToggleStar,
    /// Open the article's link in the browser.
    OpenLink,
    /// Copy the article's link to the clipboard (OSC 52).
    CopyLink,
    /// Fetch every subscribed feed in the background.
    Refresh,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at this column and row.
    Click(u16, u16),
    /// The mouse wheel turned at this column and row (`down` towards the end).
    Wheel { column: u16, row: u16, down: bool },
    /// The analysis of the article at this library position is ready.
    Analysed(usize, Box<Analysis>),
    /// The analysis of the article at this position, computed (or read from
    /// the cache) for its text at `revision`; dropped if the text changed since.
    BackgroundAnalysed {
        index: usize,
        revision: u32,
        analysis: Box<Analysis>,
    },
    /// A refresh began fetching the feed at this URL.
    FeedFetching(String),
    /// A refresh is done with one feed: its new and changed articles (with
    /// analyses and reading state), or its error.
    FeedRefreshed(Box<FeedReport>),
    /// The refresh is over; `Some(reason)` when it could not run at all.
    RefreshDone(Option<String>),
    /// A line to show in the status bar (a load problem, an effect's outcome).
    Message(String),
}

impl Action {
    /// The action a keymap entry names, for the actions a key can trigger.
    pub fn from_name(name: &str) -> Option<Action> {
        Some(match name {
            "quit" => Self::Quit,
            "up" => Self::Up,
            "down" => Self::Down,
            "page_up" => Self::PageUp,
            "page_down" => Self::PageDown,
            "top" => Self::Top,
            "bottom" => Self::Bottom,
            "open" => Self::Open,
            "back" => Self::Back,
            "focus_next" => Self::FocusNext,
            "focus_prev" => Self::FocusPrev,
            "toggle_sidebar" => Self::ToggleSidebar,
            "help" => Self::ToggleHelp,
            "next_mention" => Self::NextMention,
            "prev_mention" => Self::PrevMention,
            "next_same" => Self::NextSameReferent,
            "prev_same" => Self::PrevSameReferent,
            "toggle_people" => Self::ToggleKind(EntityKind::Person),
            "toggle_places" => Self::ToggleKind(EntityKind::Place),
            "toggle_orgs" => Self::ToggleKind(EntityKind::Org),
            "toggle_other" => Self::ToggleKind(EntityKind::Misc),
            "countries" => Self::OpenCountries,
            "toggle_scope" => Self::ToggleCountryScope,
            "backspace" => Self::FilterBackspace,
            "clear_filter" => Self::ClearFilter,
            "toggle_read" => Self::ToggleRead,
            "toggle_star" => Self::ToggleStar,
            "open_link" => Self::OpenLink,
            "copy_link" => Self::CopyLink,
            "refresh" => Self::Refresh,
            _ => return None,
        })
    }

    /// What a key bound to this action does, as the help overlay says it.
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Up => "up",
            Self::Down => "down",
            Self::PageUp => "page up",
            Self::PageDown => "page down",
            Self::Top => "first",
            Self::Bottom => "last",
            Self::Open => "open",
            Self::Back => "back",
            Self::FocusNext => "next pane",
            Self::FocusPrev => "previous pane",
            Self::ToggleSidebar => "commitments pane",
            Self::ToggleHelp => "help",
            Self::NextMention => "next mention",
            Self::PrevMention => "previous mention",
            Self::NextSameReferent => "next mention of the same",
            Self::PrevSameReferent => "previous mention of the same",
            Self::ToggleKind(EntityKind::Person) => "people highlights",
            Self::ToggleKind(EntityKind::Place) => "place highlights",
            Self::ToggleKind(EntityKind::Org) => "organisation highlights",
            Self::ToggleKind(EntityKind::Misc) => "other highlights",
            Self::OpenCountries => "country filter",
            Self::ToggleCountryScope => "focus / any mention",
            Self::FilterInput(_) => "type a name or code",
            Self::FilterBackspace => "delete a character",
            Self::ClearFilter => "clear the filter",
            Self::ToggleRead => "read / unread",
            Self::ToggleStar => "star",
            Self::OpenLink => "open link in browser",
            Self::CopyLink => "copy link",
            Self::Refresh => "refresh feeds",
            Self::Resize(..)
            | Self::Click(..)
            | Self::Wheel { .. }
            | Self::Analysed(..)
            | Self::BackgroundAnalysed { .. }
            | Self::FeedFetching(_)
            | Self::FeedRefreshed(_)
            | Self::RefreshDone(_)
            | Self::Message(_) => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_action_has_a_description() {
        let names = [
            "quit",
            "up",
            "down",
            "page_up",
            "page_down",
            "top",
            "bottom",
            "open",
            "back",
            "focus_next",
            "focus_prev",
            "toggle_sidebar",
            "help",
            "next_mention",
            "prev_mention",
            "next_same",
            "prev_same",
            "toggle_people",
            "toggle_places",
            "toggle_orgs",
            "toggle_other",
            "countries",
            "toggle_scope",
            "backspace",
            "clear_filter",
            "toggle_read",
            "toggle_star",
            "open_link",
            "copy_link",
            "refresh",
        ];
        for name in names {
            let action = Action::from_name(name);
            assert!(action.is_some(), "{name} names no action");
            assert!(!action.map(|a| a.describe()).unwrap_or("").is_empty());
        }
        assert_eq!(Action::from_name("explode"), None);
    }
}
