//! Keybindings as data: the default keymap (`assets/keymap.toml`, embedded)
//! with the user's file merged over it. The help overlay and the status bar
//! hints are generated from the same map, so what they say is what keys do.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// The embedded default keymap.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where a key is pressed: a pane, an overlay, or anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Article,
    Sidebar,
    Help,
    EntityCard,
    Countries,
}

impl Context {
    pub const ALL: [Context; 7] = [
        Self::List,
        Self::Article,
        Self::Sidebar,
        Self::Global,
        Self::EntityCard,
        Self::Countries,
        Self::Help,
    ];

    /// The keymap file's section name.
    pub fn section(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::List => "list",
            Self::Article => "article",
            Self::Sidebar => "sidebar",
            Self::Help => "help",
            Self::EntityCard => "entity_card",
            Self::Countries => "countries",
        }
    }

    /// The heading of this context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Self::Global => "Anywhere",
            Self::List => "Article list",
            Self::Article => "Article",
            Self::Sidebar => "Commitments",
            Self::Help => "This help",
            Self::EntityCard => "Entity card",
            Self::Countries => "Country filter",
        }
    }

    fn from_section(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.section() == name)
    }

    /// Overlays take every key themselves; panes fall back to [global].
    fn falls_back_to_global(self) -> bool {
        matches!(self, Self::List | Self::Article | Self::Sidebar)
    }
}

/// One key with the modifiers that matter (ctrl, alt); shift is folded into
/// the character or into `BackTab`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The normal form of a key event, so "N" matches shift+n however the
    /// terminal reports it.
    pub fn from_event(event: KeyEvent) -> Self {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        if code == KeyCode::BackTab {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Self { code, modifiers }
    }

    /// Parses "j", "N", "ctrl-c", "shift-tab", "pagedown", "f1", "space".
    pub fn parse(text: &str) -> Option<Self> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        let mut shift = false;
        loop {
            if rest.chars().count() == 1 {
                break;
            }
            if let Some(r) = rest.strip_prefix("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-") {
                shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if shift => KeyCode::Char(c.to_uppercase().next().unwrap_or(c)),
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest {
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => return None,
                },
            },
        };
        Some(Self { code, modifiers })
    }

    /// The key as the help shows it (the same spelling the keymap file uses).
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Delete => "delete".into(),
            KeyCode::Insert => "insert".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::F(n) => format!("f{n}"),
            _ => "?".into(),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("alt-");
        }
        label.push_str(&name);
        label
    }
}

/// An action and the keys that trigger it in one context.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Why a keymap file could not be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum KeymapError {
    #[error("{0}")]
    Toml(String),
    #[error("unknown section [{0}]")]
    UnknownSection(String),
    #[error("unknown action `{action}` in [{section}]")]
    UnknownAction { section: String, action: String },
    #[error("`{action}` in [{section}] must be a list of key names")]
    NotAList { section: String, action: String },
    #[error("unknown key `{key}` for `{action}` in [{section}]")]
    UnknownKey {
        section: String,
        action: String,
        key: String,
    },
}

/// Every context's bindings, in a fixed order (the order of the help).
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    contexts: BTreeMap<Context, Vec<(String, Binding)>>,
}

impl Default for Keymap {
    /// The embedded default keymap. It is tested to parse, so the fallback
    /// (no bindings at all) is never used in practice.
    fn default() -> Self {
        Self::from_toml(DEFAULT_KEYMAP).unwrap_or(Self {
            contexts: BTreeMap::new(),
        })
    }
}

impl Keymap {
    /// A keymap from TOML text (every section and action named must exist).
    pub fn from_toml(text: &str) -> Result<Self, KeymapError> {
        let mut keymap = Self {
            contexts: BTreeMap::new(),
        };
        keymap.merge_toml(text)?;
        Ok(keymap)
    }

    /// The default keymap with the user's file merged over it.
    pub fn with_user(user: &str) -> Result<Self, KeymapError> {
        let mut keymap = Self::default();
        keymap.merge_toml(user)?;
        Ok(keymap)
    }

    /// Merges `text` over this keymap: each action it names gets exactly the
    /// keys given, and those keys stop triggering other actions in that context.
    pub fn merge_toml(&mut self, text: &str) -> Result<(), KeymapError> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| KeymapError::Toml(one_line(&e.to_string())))?;
        for (section, actions) in &table {
            let context = Context::from_section(section)
                .ok_or_else(|| KeymapError::UnknownSection(section.clone()))?;
            let Some(actions) = actions.as_table() else {
                return Err(KeymapError::UnknownSection(section.clone()));
            };
            for (name, keys) in actions {
                let action = Action::from_name(name).ok_or_else(|| KeymapError::UnknownAction {
                    section: section.clone(),
                    action: name.clone(),
                })?;
                let keys = parse_keys(section, name, keys)?;
                let bindings = self.contexts.entry(context).or_default();
                for (_, other) in bindings.iter_mut() {
                    other.keys.retain(|k| !keys.contains(k));
                }
                match bindings.iter_mut().find(|(n, _)| n == name) {
                    Some((_, binding)) => binding.keys = keys,
                    None => bindings.push((name.clone(), Binding { action, keys })),
                }
            }
        }
        for bindings in self.contexts.values_mut() {
            bindings.sort_by_key(|(name, _)| action_rank(name));
        }
        Ok(())
    }

    /// The action `key` triggers in `context`: the context's own bindings,
    /// then (for panes) the global ones. In the country filter, an unbound
    /// character is type-ahead.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        if key.code == KeyCode::Char('c') && key.modifiers == KeyModifiers::CONTROL {
            // Ctrl-C always quits, whatever the user's keymap says.
            return Some(Action::Quit);
        }
        let find = |ctx: Context| {
            self.contexts.get(&ctx).and_then(|bindings| {
                bindings
                    .iter()
                    .find(|(_, b)| b.keys.contains(&key))
                    .map(|(_, b)| b.action.clone())
            })
        };
        if let Some(action) = find(context) {
            return Some(action);
        }
        if context.falls_back_to_global() {
            return find(Context::Global);
        }
        match key.code {
            KeyCode::Char(c) if context == Context::Countries && key.modifiers.is_empty() => {
                Some(Action::FilterInput(c))
            }
            _ => None,
        }
    }

    /// The bindings of one context, in help order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.contexts
            .get(&context)
            .into_iter()
            .flatten()
            .map(|(_, b)| b)
            .filter(|b| !b.keys.is_empty())
    }

    /// The first key bound to `action` in `context` (or globally), for hints.
    pub fn key_for(&self, context: Context, action: &Action) -> Option<String> {
        let find = |ctx| {
            self.bindings(ctx)
                .find(|b| &b.action == action)
                .and_then(|b| b.keys.first())
                .map(Key::label)
        };
        find(context).or_else(|| {
            if context.falls_back_to_global() {
                find(Context::Global)
            } else {
                None
            }
        })
    }

    /// The status bar hints for a context: `(keys, what they do)`, moves folded
    /// into one "j/k move" entry, then help and quit.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut hints = Vec::new();
        if let (Some(down), Some(up)) = (
            self.key_for(context, &Action::Down),
            self.key_for(context, &Action::Up),
        ) {
            hints.push((format!("{down}/{up}"), "move"));
        }
        for binding in self.bindings(context) {
            if matches!(
                binding.action,
                Action::Up
                    | Action::Down
                    | Action::PageUp
                    | Action::PageDown
                    | Action::FocusPrev
                    | Action::Top
                    | Action::Bottom
                    | Action::PrevMention
                    | Action::PrevSameReferent
            ) {
                continue;
            }
            if let Some(key) = binding.keys.first() {
                hints.push((key.label(), binding.action.describe()));
            }
        }
        if context.falls_back_to_global() {
            for action in [
                Action::FocusNext,
                Action::OpenCountries,
                Action::ToggleHelp,
                Action::Quit,
            ] {
                if let Some(key) = self.key_for(Context::Global, &action) {
                    hints.push((key, action.describe()));
                }
            }
        }
        hints
    }
}

/// The position of an action name in the help (unknown names last).
fn action_rank(name: &str) -> usize {
    const ORDER: [&str; 30] = [
        "down",
        "up",
        "page_down",
        "page_up",
        "top",
        "bottom",
        "open",
        "next_mention",
        "prev_mention",
        "next_same",
        "prev_same",
        "toggle_people",
        "toggle_places",
        "toggle_orgs",
        "toggle_other",
        "back",
        "toggle_scope",
        "backspace",
        "clear_filter",
        "focus_next",
        "focus_prev",
        "toggle_sidebar",
        "countries",
        "toggle_read",
        "toggle_star",
        "open_link",
        "copy_link",
        "refresh",
        "help",
        "quit",
    ];
    ORDER.iter().position(|n| *n == name).unwrap_or(ORDER.len())
}

fn parse_keys(section: &str, action: &str, keys: &toml::Value) -> Result<Vec<Key>, KeymapError> {
    let not_a_list = || KeymapError::NotAList {
        section: section.into(),
        action: action.into(),
    };
    let list = match keys {
        toml::Value::Array(list) => list.as_slice(),
        toml::Value::String(_) => std::slice::from_ref(keys),
        _ => return Err(not_a_list()),
    };
    list.iter()
        .map(|k| {
            let text = k.as_str().ok_or_else(not_a_list)?;
            Key::parse(text).ok_or_else(|| KeymapError::UnknownKey {
                section: section.into(),
                action: action.into(),
                key: text.chars().filter(|c| !c.is_control()).take(40).collect(),
            })
        })
        .collect()
}

/// TOML errors span several lines with a source excerpt; the user gets one.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(1)
        .chain(message.lines().last().map(str::trim))
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        Key::parse(text).unwrap()
    }

    #[test]
    fn default_keymap_parses_and_binds_the_documented_keys() {
        let map = Keymap::from_toml(DEFAULT_KEYMAP).unwrap();
        let cases = [
            (Context::List, "j", Some(Action::Down)),
            (Context::List, "down", Some(Action::Down)),
            (Context::List, "G", Some(Action::Bottom)),
            (Context::List, "enter", Some(Action::Open)),
            (Context::List, "q", Some(Action::Quit)),
            (Context::List, "tab", Some(Action::FocusNext)),
            (Context::List, "shift-tab", Some(Action::FocusPrev)),
            (Context::Article, "space", Some(Action::PageDown)),
            (Context::Article, "b", Some(Action::PageUp)),
            (Context::Article, "n", Some(Action::NextMention)),
            (Context::Article, "N", Some(Action::PrevMention)),
            (Context::Article, "?", Some(Action::ToggleHelp)),
            (Context::Countries, "q", Some(Action::FilterInput('q'))),
            (Context::Countries, "esc", Some(Action::ClearFilter)),
            (Context::Countries, "ctrl-c", Some(Action::Quit)),
            (Context::Help, "x", None),
            (Context::Help, "?", Some(Action::Back)),
        ];
        for (context, k, expected) in cases {
            assert_eq!(map.action(context, key(k)), expected, "{context:?} {k}");
        }
    }

    #[test]
    fn key_events_are_normalised() {
        let shift_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shift_n), key("N"));
        let shift_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shift_tab), key("shift-tab"));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(ctrl_c), key("ctrl-c"));
    }

    #[test]
    fn key_names_round_trip() {
        for name in [
            "j",
            "N",
            "?",
            "ctrl-c",
            "shift-tab",
            "pagedown",
            "f1",
            "space",
        ] {
            assert_eq!(key(name).label(), name);
        }
        assert_eq!(Key::parse("hyperspace"), None);
        assert_eq!(Key::parse("f13"), None);
        assert_eq!(Key::parse("-"), Some(Key::parse("-").unwrap()));
    }

    #[test]
    fn user_file_replaces_an_actions_keys_and_frees_them_elsewhere() {
        let map = Keymap::with_user("[list]\ndown = [\"x\"]\ntop = [\"j\"]\n").unwrap();
        assert_eq!(map.action(Context::List, key("x")), Some(Action::Down));
        assert_eq!(map.action(Context::List, key("j")), Some(Action::Top));
        assert_eq!(map.action(Context::List, key("down")), None);
        assert_eq!(map.action(Context::Article, key("j")), Some(Action::Down));
    }

    #[test]
    fn bad_user_files_give_one_clear_error() {
        let cases = [
            ("[nowhere]\nquit = [\"q\"]", "unknown section [nowhere]"),
            ("[list]\nfly = [\"f\"]", "unknown action `fly` in [list]"),
            (
                "[list]\ndown = [\"hyper-j\"]",
                "unknown key `hyper-j` for `down` in [list]",
            ),
            (
                "[list]\ndown = 3",
                "`down` in [list] must be a list of key names",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(
                Keymap::with_user(text).unwrap_err().to_string(),
                message,
                "{text}"
            );
        }
        let err = Keymap::with_user("[list\n").unwrap_err().to_string();
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn hints_come_from_the_bindings() {
        let map = Keymap::with_user("[article]\nnext_mention = [\"z\"]").unwrap();
        let hints = map.hints(Context::Article);
        assert!(hints.contains(&("z".to_string(), "next mention")));
        assert!(hints.contains(&("j/k".to_string(), "move")));
        assert!(hints.contains(&("q".to_string(), "quit")));
    }
}
