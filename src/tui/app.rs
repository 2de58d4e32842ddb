//! The reader's state: the library, what is focused, open, selected and
//! filtered. Only `update` changes it; views only read it.

use super::body::BodyLayout;
use super::keymap::{Context, Keymap};
use super::layout::{Mode, Regions};
use super::theme::Theme;
use crate::library::{CountryFilter, CountryScope, Library, country_name};
use crate::nlp::{Analysis, CountryCode, EntityKind};
use crate::store::Feed;

/// The panes of the main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Article,
    Sidebar,
}

/// The article list: the articles passing the filter, and the selection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleList {
    /// Library positions, in library order.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First row shown (index into `visible`).
    pub offset: usize,
}

impl ArticleList {
    /// The library position of the selected article.
    pub fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }
}

/// The article pane: what is open, scrolled to and selected in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reader {
    /// Library position of the open article.
    pub article: Option<usize>,
    /// First row shown.
    pub scroll: usize,
    /// The selected entity mention (index into the analysis' entities).
    pub mention: Option<usize>,
    /// The selected commitment (index into the analysis' commitments).
    pub commitment: Option<usize>,
    /// Entity kinds whose highlights are hidden (indexed like `EntityKind::ALL`).
    pub hidden: [bool; 4],
    /// The open article laid out for the current pane width.
    pub layout: Option<BodyLayout>,
}

impl Reader {
    pub fn is_hidden(&self, kind: EntityKind) -> bool {
        self.hidden[kind_index(kind)]
    }
}

pub fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Org => 2,
        EntityKind::Misc => 3,
    }
}

/// The card of one referent: its mentions here and the other articles with it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityCard {
    /// Library position of the article the card was opened from.
    pub article: usize,
    /// Index into that article's referents.
    pub referent: usize,
    /// Entity indices of every mention in this article.
    pub mentions: Vec<usize>,
    /// Library positions of the other articles that mention it.
    pub others: Vec<usize>,
    /// Selected row: mentions first, then other articles.
    pub selected: usize,
}

impl EntityCard {
    pub fn rows(&self) -> usize {
        self.mentions.len() + self.others.len()
    }
}

/// The country filter overlay: type-ahead query, scope and selection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountryPicker {
    pub query: String,
    pub scope: CountryScope,
    /// Index into [`CountryPicker::rows`].
    pub selected: usize,
}

impl CountryPicker {
    /// The countries matching the query (a code prefix, or the start of the
    /// name or of a word in it), with their story counts, most stories first.
    pub fn rows(&self, library: &Library) -> Vec<(CountryCode, usize)> {
        let query = self.query.trim().to_lowercase();
        library
            .country_counts(self.scope)
            .into_iter()
            .filter(|(code, _)| {
                query.is_empty()
                    || code.as_str().to_lowercase().starts_with(&query)
                    || country_name(*code).is_some_and(|name| {
                        let name = name.to_lowercase();
                        name.starts_with(&query) || name.contains(&format!(" {query}"))
                    })
            })
            .collect()
    }
}

/// A subscribed feed as the list shows it: its name, and the last error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedRow {
    pub url: String,
    pub title: Option<String>,
    /// The last fetch's error in one line; `None` after a success.
    pub error: Option<String>,
    /// A refresh is fetching it now.
    pub fetching: bool,
}

impl FeedRow {
    /// The title if known, else the URL.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.url)
    }
}

impl From<&Feed> for FeedRow {
    fn from(feed: &Feed) -> Self {
        Self {
            url: feed.url.clone(),
            title: feed.title.clone(),
            error: feed.last_error.clone(),
            fetching: false,
        }
    }
}

/// A refresh under way: feeds done out of all, and what they brought.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefreshProgress {
    pub total: usize,
    pub done: usize,
    pub new: usize,
    pub changed: usize,
    pub failed: usize,
}

/// A window over the main screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Help { scroll: usize },
    Entity(EntityCard),
    Countries(CountryPicker),
}

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub focus: Pane,
    /// Medium width: the sidebar is shown in place of the article.
    pub show_sidebar: bool,
    pub overlay: Option<Overlay>,
    pub filter: Option<CountryFilter>,
    pub list: ArticleList,
    pub reader: Reader,
    /// A line for the status bar (mention details, load problems, outcomes).
    pub message: Option<String>,
    /// The subscribed feeds (empty when reading files or the bundled corpus only).
    pub feeds: Vec<FeedRow>,
    /// The refresh under way, if any.
    pub refresh: Option<RefreshProgress>,
    pub quit: bool,
}

impl App {
    /// A reader over `library` filtered by `filter`, with the first article open.
    pub fn new(library: Library, keymap: Keymap, filter: Option<CountryFilter>) -> Self {
        let mut app = Self {
            library,
            keymap,
            theme: Theme::default(),
            size: (80, 24),
            focus: Pane::List,
            show_sidebar: false,
            overlay: None,
            filter,
            list: ArticleList::default(),
            reader: Reader::default(),
            message: None,
            feeds: Vec::new(),
            refresh: None,
            quit: false,
        };
        app.list.visible = app.library.matching(filter);
        super::update::open_selected(&mut app, false);
        app
    }

    pub fn regions(&self) -> Regions {
        Regions::new(self.size.0, self.size.1, self.focus, self.show_sidebar)
    }

    pub fn mode(&self) -> Mode {
        Mode::for_width(self.size.0)
    }

    /// Where keys go now: the overlay, else the focused pane.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Entity(_)) => Context::EntityCard,
            Some(Overlay::Countries(_)) => Context::Countries,
            None => match self.focus {
                Pane::List => Context::List,
                Pane::Article => Context::Article,
                Pane::Sidebar => Context::Sidebar,
            },
        }
    }

    /// The open article's analysis, if it has arrived.
    pub fn open_analysis(&self) -> Option<&Analysis> {
        self.reader
            .article
            .and_then(|i| self.library.get(i))
            .and_then(|e| e.analysis.as_ref())
    }

    /// A country as the UI names it: "AZ Azerbaijan", or the code alone.
    pub fn country_label(code: CountryCode) -> String {
        match country_name(code) {
            Some(name) => format!("{code} {name}"),
            None => code.to_string(),
        }
    }
}
