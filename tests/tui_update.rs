//! Navigation logic at the `update` level: actions in, state and effects out,
//! no terminal, no sleeps.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app, apply, article, library};
use readout::library::{CountryFilter, CountryScope, Library};
use readout::nlp::{CountryCode, EntityKind};
use readout::tui::action::Action;
use readout::tui::app::{App, Overlay, Pane};
use readout::tui::effect::Effect;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;

fn mention_text(app: &App) -> Option<String> {
    let index = app.reader.article?;
    let entry = app.library.get(index)?;
    let e = entry.analysis.as_ref()?.entities.get(app.reader.mention?)?;
    Some(entry.article.body[e.span.clone()].to_string())
}

#[test]
fn list_moves_and_stays_in_bounds() {
    let mut app = app(120, 40, None);
    assert_eq!(app.list.selected, 0);
    apply(&mut app, [Action::Down, Action::Down]);
    assert_eq!(app.list.selected, 2);
    apply(&mut app, [Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.list.selected, 3);
    apply(&mut app, [Action::Top]);
    assert_eq!(app.list.selected, 0);
    apply(&mut app, [Action::Up]);
    assert_eq!(app.list.selected, 0);
    apply(&mut app, [Action::Bottom]);
    assert_eq!(app.list.selected, 3);
    apply(&mut app, [Action::PageUp]);
    assert_eq!(app.list.selected, 0);
}

#[test]
fn list_offset_follows_the_selection_on_a_short_screen() {
    let mut app = app(120, 7, None);
    // 7 rows: 1 status, 2 borders, 4 left = two articles of two rows.
    apply(&mut app, [Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.list.selected, 3);
    assert_eq!(app.list.offset, 2);
    apply(&mut app, [Action::Top]);
    assert_eq!(app.list.offset, 0);
}

#[test]
fn opening_an_article_marks_it_read_and_focuses_it() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::Down]);
    let effects = update(&mut app, Action::Open);
    assert_eq!(app.reader.article, Some(1));
    assert_eq!(app.focus, Pane::Article);
    assert!(app.library.get(1).is_some_and(|e| e.read));
    assert!(matches!(&effects[..], [Effect::SetRead { read: true, .. }]));
    // The first article was shown at start without being marked read.
    assert!(!app.library.get(0).is_some_and(|e| e.read));
}

#[test]
fn article_scrolls_within_its_length() {
    let mut app = app(120, 12, None);
    apply(&mut app, [Action::Open, Action::Down, Action::Down]);
    assert_eq!(app.reader.scroll, 2);
    apply(&mut app, [Action::Bottom]);
    let max = app.reader.scroll;
    apply(&mut app, [Action::Down, Action::PageDown]);
    assert_eq!(app.reader.scroll, max);
    apply(
        &mut app,
        [
            Action::PageUp,
            Action::PageUp,
            Action::PageUp,
            Action::PageUp,
        ],
    );
    assert_eq!(app.reader.scroll, 0);
}

#[test]
fn next_and_previous_mentions_wrap_and_name_the_entity() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::Open, Action::NextMention]);
    assert_eq!(mention_text(&app).as_deref(), Some("Portuguese"));
    apply(&mut app, [Action::NextMention]);
    assert_eq!(mention_text(&app).as_deref(), Some("Maria Santos"));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("person · Maria Santos"), "{message}");
    assert!(message.contains("2 mentions here"), "{message}");
    assert!(message.contains("in 2 articles"), "{message}");
    apply(&mut app, [Action::PrevMention, Action::PrevMention]);
    assert_eq!(
        mention_text(&app).as_deref(),
        Some("Lisbon"),
        "wraps to the last"
    );
}

#[test]
fn same_referent_jumps_over_other_mentions() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [Action::Open, Action::NextMention, Action::NextMention],
    );
    assert_eq!(mention_text(&app).as_deref(), Some("Maria Santos"));
    apply(&mut app, [Action::NextSameReferent]);
    assert_eq!(mention_text(&app).as_deref(), Some("Santos"));
    apply(&mut app, [Action::NextSameReferent]);
    assert_eq!(mention_text(&app).as_deref(), Some("Maria Santos"));
    apply(&mut app, [Action::PrevSameReferent]);
    assert_eq!(mention_text(&app).as_deref(), Some("Santos"));
}

#[test]
fn hidden_kinds_are_skipped_by_mention_navigation() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [
            Action::Open,
            Action::ToggleKind(EntityKind::Misc),
            Action::ToggleKind(EntityKind::Person),
            Action::NextMention,
        ],
    );
    assert_eq!(mention_text(&app).as_deref(), Some("Lisbon"));
    assert!(app.reader.is_hidden(EntityKind::Person));
    apply(&mut app, [Action::ToggleKind(EntityKind::Place)]);
    assert_eq!(
        app.reader.mention, None,
        "hiding the selected kind clears it"
    );
}

#[test]
fn mention_scrolls_into_view_on_a_short_screen() {
    let mut app = app(120, 10, None);
    apply(&mut app, [Action::Open, Action::PrevMention]);
    assert_eq!(mention_text(&app).as_deref(), Some("Lisbon"));
    let layout = app.reader.layout.clone().expect("laid out");
    let analysis = app.open_analysis().expect("analysed");
    let entity = &analysis.entities[app.reader.mention.unwrap()];
    let row = layout.row_of(entity.span.start);
    let height = 10 - 1 - 2;
    assert!(
        row >= app.reader.scroll && row < app.reader.scroll + height,
        "row {row} scroll {}",
        app.reader.scroll
    );
}

#[test]
fn entity_card_lists_mentions_and_other_articles_and_opens_them() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [
            Action::Open,
            Action::NextMention,
            Action::NextMention,
            Action::Open,
        ],
    );
    let Some(Overlay::Entity(card)) = &app.overlay else {
        panic!("no entity card: {:?}", app.overlay);
    };
    assert_eq!(card.mentions.len(), 2);
    assert_eq!(card.others, vec![1]);
    // Mentions first, then the other article: go to the harbour story.
    apply(&mut app, [Action::Down, Action::Down, Action::Open]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.reader.article, Some(1));
    assert_eq!(mention_text(&app).as_deref(), Some("Maria Santos"));
    assert!(app.library.get(1).is_some_and(|e| e.read));
}

#[test]
fn commitments_select_and_scroll_to_their_sentence() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::Open, Action::ToggleSidebar]);
    assert_eq!(app.focus, Pane::Sidebar);
    apply(&mut app, [Action::Down]);
    assert_eq!(app.reader.commitment, Some(0));
    apply(&mut app, [Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.reader.commitment, Some(2));
    apply(&mut app, [Action::Back]);
    assert_eq!(app.reader.commitment, None);
    // On a short screen the sentence is scrolled into view.
    let mut short = common::app(120, 9, None);
    apply(
        &mut short,
        [Action::Open, Action::ToggleSidebar, Action::Bottom],
    );
    let analysis = short.open_analysis().expect("analysed");
    let start = analysis.commitments[2].sentence.start;
    let row = short
        .reader
        .layout
        .as_ref()
        .expect("laid out")
        .row_of(start);
    assert!(row >= short.reader.scroll && row < short.reader.scroll + 6);
}

#[test]
fn country_filter_type_ahead_applies_and_clears() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::OpenCountries, Action::FilterInput('g')]);
    let Some(Overlay::Countries(picker)) = &app.overlay else {
        panic!("no country list");
    };
    let rows = picker.rows(&app.library);
    assert_eq!(rows.len(), 1);
    apply(&mut app, [Action::Open]);
    let georgia = CountryCode::new("GE").unwrap();
    assert_eq!(app.filter.map(|f| f.code), Some(georgia));
    assert_eq!(app.list.visible, vec![2]);
    apply(&mut app, [Action::OpenCountries, Action::ClearFilter]);
    assert_eq!(app.filter, None);
    assert_eq!(app.list.visible, vec![0, 1, 2, 3]);
    assert_eq!(app.overlay, None);
}

#[test]
fn country_type_ahead_matches_names_and_codes() {
    let rows_for = |query: &str| {
        let mut app = app(120, 40, None);
        apply(&mut app, [Action::OpenCountries]);
        apply(&mut app, query.chars().map(Action::FilterInput));
        match &app.overlay {
            Some(Overlay::Countries(p)) => p
                .rows(&app.library)
                .iter()
                .map(|(c, _)| c.to_string())
                .collect::<Vec<_>>(),
            _ => vec![],
        }
    };
    assert_eq!(rows_for("aze"), vec!["AZ"]);
    assert_eq!(rows_for("ES"), vec!["ES"]);
    assert_eq!(rows_for("spa"), vec!["ES"]);
    assert_eq!(rows_for("p"), vec!["PT"]);
    assert!(rows_for("zz").is_empty());
}

#[test]
fn country_scope_toggles_between_focus_and_any_mention() {
    let mut app = app(120, 40, None);
    apply(
        &mut app,
        [
            Action::OpenCountries,
            Action::FilterInput('t'),
            Action::FilterInput('r'),
        ],
    );
    let count = |app: &App| match &app.overlay {
        Some(Overlay::Countries(p)) => p.rows(&app.library).len(),
        _ => usize::MAX,
    };
    assert_eq!(count(&app), 0, "Turkey is mentioned, never the focus");
    apply(&mut app, [Action::ToggleCountryScope]);
    assert_eq!(count(&app), 1);
    apply(&mut app, [Action::Open]);
    assert_eq!(app.filter.map(|f| f.scope), Some(CountryScope::AnyMention));
    assert_eq!(app.list.visible, vec![2]);
}

#[test]
fn filtered_list_fills_in_as_analyses_arrive() {
    let articles: Vec<_> = library()
        .entries()
        .iter()
        .map(|e| e.article.clone())
        .collect();
    let filter = CountryFilter {
        code: CountryCode::new("PT").unwrap(),
        scope: CountryScope::Focus,
    };
    let mut app = App::new(Library::new(articles), Keymap::default(), Some(filter));
    update(&mut app, Action::Resize(120, 40));
    assert!(app.list.visible.is_empty());
    assert_eq!(app.reader.article, None);
    let harbour = library().get(1).unwrap().analysis.clone().unwrap();
    update(&mut app, Action::Analysed(1, Box::new(harbour)));
    assert_eq!(app.list.visible, vec![1]);
    assert_eq!(app.reader.article, Some(1), "the first match opens");
    update(
        &mut app,
        Action::Analysed(0, Box::new(common::treaty_analysis())),
    );
    assert_eq!(app.list.visible, vec![0, 1]);
    assert_eq!(
        app.list.selected_article(),
        Some(1),
        "the selection stays put"
    );
}

#[test]
fn focus_cycles_through_the_panes_that_fit() {
    let mut wide = app(120, 40, None);
    apply(&mut wide, [Action::FocusNext]);
    assert_eq!(wide.focus, Pane::Article);
    apply(&mut wide, [Action::FocusNext]);
    assert_eq!(wide.focus, Pane::Sidebar);
    apply(&mut wide, [Action::FocusNext]);
    assert_eq!(wide.focus, Pane::List);
    apply(&mut wide, [Action::FocusPrev]);
    assert_eq!(wide.focus, Pane::Sidebar);

    let mut medium = app(80, 24, None);
    apply(&mut medium, [Action::FocusNext, Action::FocusNext]);
    assert_eq!(medium.focus, Pane::List);
    apply(&mut medium, [Action::ToggleSidebar]);
    assert!(medium.show_sidebar);
    assert_eq!(medium.regions().panes(), vec![Pane::List, Pane::Sidebar]);
}

#[test]
fn links_open_and_copy_as_effects() {
    let mut app = app(120, 40, None);
    assert_eq!(
        update(&mut app, Action::OpenLink),
        vec![Effect::OpenUrl("https://news.example/treaty".into())]
    );
    assert_eq!(
        update(&mut app, Action::CopyLink),
        vec![Effect::CopyToClipboard(
            "https://news.example/treaty".into()
        )]
    );
    let mut bare = article("bare", "No link", "Test", "2026-01-01", "Text.");
    bare.url = None;
    let mut app = App::new(Library::new(vec![bare]), Keymap::default(), None);
    assert!(update(&mut app, Action::OpenLink).is_empty());
    assert!(app.message.is_some());
}

#[test]
fn read_and_star_toggle_with_effects() {
    let mut app = app(120, 40, None);
    let effects = update(&mut app, Action::ToggleRead);
    assert!(matches!(&effects[..], [Effect::SetRead { read: true, .. }]));
    let effects = update(&mut app, Action::ToggleRead);
    assert!(matches!(
        &effects[..],
        [Effect::SetRead { read: false, .. }]
    ));
    let effects = update(&mut app, Action::ToggleStar);
    assert!(matches!(
        &effects[..],
        [Effect::SetStarred { starred: true, .. }]
    ));
    assert!(app.library.get(0).is_some_and(|e| e.starred));
}

#[test]
fn mouse_clicks_select_and_wheel_scrolls() {
    let mut app = app(120, 40, None);
    // Third article: rows 1-2 first, 3-4 second, 5-6 third.
    update(&mut app, Action::Click(5, 5));
    assert_eq!(app.list.selected, 2);
    assert_eq!(app.reader.article, Some(2));
    update(&mut app, Action::Click(5, 1));
    apply(
        &mut app,
        [Action::Wheel {
            column: 50,
            row: 10,
            down: true,
        }],
    );
    assert_eq!(app.reader.scroll, 0, "the article fits: nothing to scroll");
    update(
        &mut app,
        Action::Wheel {
            column: 5,
            row: 10,
            down: true,
        },
    );
    assert_eq!(app.list.selected, 3);
    // Clicking "Maria Santos" on the first body row selects it.
    update(&mut app, Action::Click(5, 1));
    let regions = app.regions();
    let row = regions.article.y + 1 + 4;
    let column = regions.article.x + 1 + "Portuguese Environment Minister ".len() as u16 + 2;
    update(&mut app, Action::Click(column, row));
    assert_eq!(mention_text(&app).as_deref(), Some("Maria Santos"));
}

#[test]
fn quit_and_help() {
    let mut app = app(120, 40, None);
    apply(&mut app, [Action::ToggleHelp]);
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    apply(&mut app, [Action::Back]);
    assert_eq!(app.overlay, None);
    apply(&mut app, [Action::Quit]);
    assert!(app.quit);
}
