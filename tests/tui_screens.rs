//! The reader's screens as insta snapshots on a `TestBackend`: the main screen
//! at three sizes, and each state of the analysis views. Review changes with
//! `cargo insta review`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app, apply, buffer, render};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use readout::library::{CountryFilter, CountryScope};
use readout::nlp::{CountryCode, EntityKind};
use readout::tui::action::Action;
use readout::tui::app::Pane;
use readout::tui::theme::Theme;

#[test]
fn main_screen_120x40() {
    let app = app(120, 40, None);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn main_screen_80x24() {
    let app = app(80, 24, None);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn main_screen_40x12() {
    let app = app(40, 12, None);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn narrow_screen_shows_the_article_after_enter() {
    let mut app = app(40, 12, None);
    apply(&mut app, [Action::Open]);
    assert_eq!(app.focus, Pane::Article);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn medium_screen_toggles_the_sidebar() {
    let mut app = app(80, 24, None);
    apply(&mut app, [Action::ToggleSidebar]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_overlay() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::ToggleHelp]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn entity_card() {
    let mut app = app(120, 40, None);
    // The first mention is "Portuguese"; the next is Maria Santos.
    apply(
        &mut app,
        [
            Action::Open,
            Action::NextMention,
            Action::NextMention,
            Action::Open,
        ],
    );
    insta::assert_snapshot!(render(&app));
}

#[test]
fn country_filter_overlay() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::OpenCountries]);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn country_filter_applied() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [
            Action::OpenCountries,
            Action::FilterInput('a'),
            Action::FilterInput('z'),
            Action::Open,
        ],
    );
    insta::assert_snapshot!(render(&app));
}

#[test]
fn started_with_a_country_filter() {
    let filter = CountryFilter {
        code: CountryCode::new("ES").unwrap(),
        scope: CountryScope::Focus,
    };
    let app = app(120, 40, Some(filter));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn commitment_selected() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [
            Action::Open,
            Action::ToggleSidebar,
            Action::Down,
            Action::Down,
        ],
    );
    insta::assert_snapshot!(render(&app));
    insta::assert_snapshot!("commitment_selected_styles", marked_article(&app));
}

#[test]
fn mention_selected_names_it_in_the_status_bar() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [Action::Open, Action::NextMention, Action::NextMention],
    );
    insta::assert_snapshot!(render(&app));
}

#[test]
fn highlights() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::Open]);
    insta::assert_snapshot!("highlights_all", marked_article(&app));
    apply(
        &mut app,
        [
            Action::ToggleKind(EntityKind::Person),
            Action::ToggleKind(EntityKind::Misc),
        ],
    );
    insta::assert_snapshot!("highlights_toggled", marked_article(&app));
}

#[test]
fn wide_characters_article() {
    let mut app = app(100, 20, None);
    apply(&mut app, [Action::Bottom, Action::Open]);
    insta::assert_snapshot!(render(&app));
}

/// The article pane's text with highlighted runs marked by their style:
/// `[P:...]` person, `[L:...]` place, `[O:...]` organisation, `[M:...]` other,
/// `{...}` the selected commitment's sentence, `<...>` the selected mention.
fn marked_article(app: &readout::tui::app::App) -> String {
    let buf = buffer(app);
    let area = app.regions().article;
    marked(
        &buf,
        area.x + 1,
        area.y + 1,
        area.width - 2,
        area.height - 2,
    )
}

fn marked(buf: &Buffer, x0: u16, y0: u16, w: u16, h: u16) -> String {
    let theme = Theme::default();
    let kinds = [
        (theme.person.fg, 'P'),
        (theme.place.fg, 'L'),
        (theme.org.fg, 'O'),
        (theme.misc.fg, 'M'),
    ];
    let mut out = String::new();
    for y in y0..y0 + h {
        let mut current: Option<String> = None;
        let mut line = String::new();
        for x in x0..x0 + w {
            let cell = &buf[(x, y)];
            let tag = if cell.modifier.contains(Modifier::REVERSED) {
                Some("<".to_string())
            } else if cell.bg == theme.sentence_selected.bg.unwrap() {
                Some("{".to_string())
            } else {
                kinds
                    .iter()
                    .find(|(fg, _)| Some(cell.fg) == *fg)
                    .map(|(_, k)| format!("[{k}:"))
            };
            if tag != current {
                if let Some(open) = &current {
                    line.push(match open.as_str() {
                        "<" => '>',
                        "{" => '}',
                        _ => ']',
                    });
                }
                if let Some(open) = &tag {
                    line.push_str(open);
                }
                current = tag;
            }
            line.push_str(cell.symbol());
        }
        if let Some(open) = &current {
            line.push(match open.as_str() {
                "<" => '>',
                "{" => '}',
                _ => ']',
            });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
