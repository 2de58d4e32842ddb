//! The reader never panics at any size: random sizes from 1x1 to 300x100 with
//! random key sequences (proptest), and a sweep of every width and every
//! height for each screen and overlay.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use readout::tui::action::Action;
use readout::tui::app::App;
use readout::tui::update::update;

/// Keys a user might press, bound or not.
fn key_codes() -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = "jkgGnNmMbc?qvuyso1234 lhazxg\u{e9}"
        .chars()
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        .collect();
    keys.extend(
        [
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Left,
            KeyCode::Right,
        ]
        .map(|k| KeyEvent::new(k, KeyModifiers::NONE)),
    );
    keys
}

/// Feeds a key through the keymap as the runtime does (quitting is ignored so
/// the sequence goes on).
fn press(app: &mut App, key: KeyEvent) {
    if let Some(action) = readout::tui::to_action(app, Event::Key(key))
        && action != Action::Quit
    {
        update(app, action);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_sizes_and_keys_never_panic(
        width in 1u16..=300,
        height in 1u16..=100,
        keys in proptest::collection::vec(0usize..42, 0..40),
        resize in proptest::option::of((1u16..=300, 1u16..=100)),
        clicks in proptest::collection::vec((0u16..300, 0u16..100, any::<bool>()), 0..4),
    ) {
        let all = key_codes();
        let mut app = common::app(width, height, None);
        common::render(&app);
        for (i, k) in keys.iter().enumerate() {
            press(&mut app, all[k % all.len()]);
            if i % 7 == 0 {
                common::render(&app);
            }
        }
        for (column, row, wheel) in clicks {
            let action = if wheel {
                Action::Wheel { column, row, down: column % 2 == 0 }
            } else {
                Action::Click(column, row)
            };
            update(&mut app, action);
        }
        if let Some((w, h)) = resize {
            update(&mut app, Action::Resize(w, h));
        }
        let screen = common::render(&app);
        prop_assert!(!screen.is_empty());
    }
}

/// Each screen and overlay, as a sequence of actions from the start.
fn states() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("main", vec![]),
        ("article", vec![Action::Open, Action::NextMention]),
        (
            "sidebar",
            vec![Action::Open, Action::ToggleSidebar, Action::Down],
        ),
        ("help", vec![Action::ToggleHelp]),
        (
            "entity card",
            vec![
                Action::Open,
                Action::NextMention,
                Action::NextMention,
                Action::Open,
            ],
        ),
        (
            "countries",
            vec![Action::OpenCountries, Action::FilterInput('p')],
        ),
        ("wide text", vec![Action::Bottom, Action::Open]),
    ]
}

#[test]
fn every_width_and_height_renders_every_state() {
    let mut renders = 0;
    for (name, actions) in states() {
        let sizes = (1..=300u16)
            .flat_map(|w| [(w, 1), (w, 7), (w, 40)])
            .chain((1..=100u16).flat_map(|h| [(1, h), (45, h), (130, h)]));
        let mut app = common::app(120, 40, None);
        common::apply(&mut app, actions);
        for (w, h) in sizes {
            update(&mut app, Action::Resize(w, h));
            let screen = common::render(&app);
            assert_eq!(screen.lines().count(), usize::from(h), "{name} at {w}x{h}");
            renders += 1;
        }
    }
    assert!(renders > 5000);
}
