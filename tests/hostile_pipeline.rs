//! The whole pipeline under hostile input: raw bytes on disk -> ingest -> analysis
//! -> library -> the reader's `view`, drawn through the real crossterm backend into
//! memory at random sizes after random actions. The bytes a terminal would receive
//! must hold only the sequences ratatui itself writes (cursor moves, colours,
//! cursor visibility): no OSC (title, clipboard, hyperlinks), DCS, APC, C1 or other
//! controls from the text, whatever the input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

mod hostile_support;

use hostile_support::{assert_printable, hostile_bytes, hostile_text, is_terminal_control};
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use readout::article::{Article, ArticleId, Origin};
use readout::library::Library;
use readout::nlp::EntityKind;
use readout::tui::action::Action;
use readout::tui::app::App;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;
use readout::tui::view::view;
use std::io::Write;
use std::sync::{Arc, Mutex};

/// A terminal's input: everything the backend writes, kept for inspection.
#[derive(Clone, Default)]
struct Wire(Arc<Mutex<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Draws the app as the reader does, but into memory; returns the cells and the bytes.
fn draw(app: &App) -> (Buffer, Vec<u8>) {
    let (w, h) = app.size;
    let wire = Wire::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(wire.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    let buffer = terminal.draw(|f| view(app, f)).unwrap().buffer.clone();
    drop(terminal);
    let bytes = wire.0.lock().unwrap().clone();
    (buffer, bytes)
}

/// Panics unless every escape in `bytes` is one ratatui writes itself when drawing:
/// CSI cursor position (H), SGR colours (m), cursor show/hide; and no other control.
fn assert_terminal_safe(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("the backend writes UTF-8");
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' {
            let Some((_, '[')) = chars.next() else {
                panic!("non-CSI escape at byte {at}: {:?}", context(&text, at));
            };
            let mut body = String::new();
            let final_byte = loop {
                match chars.next() {
                    Some((_, p)) if ('\u{20}'..='\u{3f}').contains(&p) => body.push(p),
                    Some((_, f)) if ('\u{40}'..='\u{7e}').contains(&f) => break f,
                    other => panic!("broken CSI at {at} ({other:?}): {:?}", context(&text, at)),
                }
            };
            let allowed = match final_byte {
                'H' | 'm' => body
                    .chars()
                    .all(|p| p.is_ascii_digit() || p == ';' || p == ':'),
                'h' | 'l' => body == "?25",
                _ => false,
            };
            assert!(
                allowed,
                "unexpected CSI {body:?}{final_byte} at {at}: {:?}",
                context(&text, at)
            );
        } else {
            assert!(
                !is_terminal_control(c) && c != '\n',
                "control {:#x} at byte {at}: {:?}",
                c as u32,
                context(&text, at)
            );
        }
    }
}

fn context(text: &str, at: usize) -> String {
    text.get(at.saturating_sub(40)..)
        .unwrap_or("")
        .chars()
        .take(80)
        .collect()
}

fn assert_buffer_printable(buffer: &Buffer) {
    for cell in &buffer.content {
        assert_printable(cell.symbol(), "cell");
    }
}

/// Draws and checks both the cells and the bytes.
fn assert_frame_safe(app: &App) {
    let (buffer, bytes) = draw(app);
    assert_buffer_printable(&buffer);
    assert_terminal_safe(&bytes);
}

/// Everything a user or the runtime can do to the app, hostile strings included.
fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::Open),
        Just(Action::Open),
        Just(Action::Back),
        Just(Action::FocusNext),
        Just(Action::FocusPrev),
        Just(Action::ToggleSidebar),
        Just(Action::ToggleHelp),
        Just(Action::NextMention),
        Just(Action::NextMention),
        Just(Action::PrevMention),
        Just(Action::NextSameReferent),
        Just(Action::PrevSameReferent),
        Just(Action::ToggleKind(EntityKind::Person)),
        Just(Action::OpenCountries),
        Just(Action::ToggleCountryScope),
        any::<char>().prop_map(Action::FilterInput),
        Just(Action::FilterBackspace),
        Just(Action::ClearFilter),
        Just(Action::ToggleRead),
        Just(Action::ToggleStar),
        (1u16..=300, 1u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..300, 0u16..100).prop_map(|(c, r)| Action::Click(c, r)),
        (0u16..300, 0u16..100, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
    ]
}

/// A library loaded from these files, as the reader loads it, fully analysed.
fn library_from_files(files: &[(Vec<u8>, &str)]) -> (tempfile::TempDir, Library, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    for (i, (bytes, ext)) in files.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.{ext}")), bytes).unwrap();
    }
    let (mut library, problems) = Library::load(&[dir.path().to_string_lossy().into_owned()]);
    library.analyse_all();
    (dir, library, problems)
}

fn extension() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("txt"),
        Just("md"),
        Just("html"),
        Just("xml"),
        Just("json")
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(hostile_support::cases(96)))]

    #[test]
    fn raw_bytes_to_rendered_frame(
        files in prop::collection::vec((hostile_bytes(), extension()), 1..4),
        size in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 0..24),
    ) {
        let (_dir, library, problems) = library_from_files(&files);
        let mut app = App::new(library, Keymap::default(), None);
        app.message = problems.first().cloned();
        update(&mut app, Action::Resize(size.0, size.1));
        assert_frame_safe(&app);
        for (i, action) in actions.into_iter().enumerate() {
            update(&mut app, action);
            if i % 4 == 3 {
                assert_frame_safe(&app);
            }
        }
        assert_frame_safe(&app);
    }
}

/// A file article whose every field is hostile text straight from a file. Ordinary
/// prose pads the body so the file stays under ingest's "binary: more than 1 in 100
/// characters is a control" rule, and the hostile text reaches the screen.
fn hostile_article_file(i: usize, text: &str) -> Vec<u8> {
    // A NUL makes any file binary, by design; everything else is kept.
    let text = text.replace('\0', "");
    let controls = text.chars().filter(|c| c.is_control()).count();
    let prose = "Ministers met in Baku on Monday and talks went on late into the night. ";
    let padding = prose.repeat((controls * 4 * 110) / prose.len() + 1);
    format!(
        "Head{i} {text}\nSource: {text}\nDate: 2025-01-0{}\nURL: https://e.example/{i}?q=\"$(id)`x`\n\n{text}\n\nLi Qiang met Ilham Aliyev in Baku. {text}\n\n{padding}",
        i % 9 + 1
    )
    .into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(hostile_support::cases(64)))]

    #[test]
    fn hostile_text_in_every_field_to_rendered_frame(
        texts in prop::collection::vec(hostile_text(40), 1..6),
        size in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 0..24),
    ) {
        let files: Vec<(Vec<u8>, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (hostile_article_file(i, t), "txt"))
            .collect();
        let (_dir, library, problems) = library_from_files(&files);
        prop_assert_eq!(library.len(), texts.len(), "{:?}", problems);
        let mut app = App::new(library, Keymap::default(), None);
        update(&mut app, Action::Resize(size.0, size.1));
        for action in actions {
            update(&mut app, action);
        }
        assert_frame_safe(&app);
    }
}

/// Every screen and overlay of a hostile library, at sampled sizes from 1x1 to 300x100.
#[test]
fn every_screen_of_a_hostile_library_at_sampled_sizes() {
    let nasty = "\u{1b}]0;T\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{1b}P1$q\u{1b}\\\u{1b}_apc\u{1b}\\\u{9b}31m\u{9d}0;t\u{9c}\u{202e}evil\u{202c}\u{ff}李强 Алиев 👩‍👩‍👧";
    let files: Vec<(Vec<u8>, &str)> = (0..12)
        .map(|i| (hostile_article_file(i, nasty), "txt"))
        .chain([(b"\xff\xfe\x00\x01binary".to_vec(), "txt")])
        .collect();
    let (_dir, library, problems) = library_from_files(&files);
    assert!(library.len() >= 12, "{problems:?}");
    drop(library);
    let screens: Vec<(&str, Vec<Action>)> = vec![
        ("list", vec![]),
        ("article", vec![Action::Open, Action::NextMention]),
        (
            "sidebar",
            vec![
                Action::Open,
                Action::ToggleSidebar,
                Action::FocusNext,
                Action::Down,
            ],
        ),
        ("help", vec![Action::ToggleHelp, Action::PageDown]),
        (
            "entity card",
            vec![Action::Open, Action::NextMention, Action::Open],
        ),
        (
            "countries",
            vec![Action::OpenCountries, Action::FilterInput('a')],
        ),
        ("message", vec![Action::Message(problems.join(" | "))]),
    ];
    let widths = [
        1u16, 2, 3, 5, 8, 13, 20, 33, 40, 59, 60, 61, 80, 99, 100, 101, 120, 160, 233, 300,
    ];
    let heights = [1u16, 2, 3, 4, 5, 7, 12, 24, 40, 63, 100];
    let mut frames = 0;
    for (name, actions) in &screens {
        let (_dir, library, _) = library_from_files(&files);
        let mut app = App::new(library, Keymap::default(), None);
        update(&mut app, Action::Resize(120, 40));
        for action in actions {
            update(&mut app, action.clone());
        }
        for &w in &widths {
            for &h in &heights {
                update(&mut app, Action::Resize(w, h));
                let (buffer, bytes) = draw(&app);
                assert_eq!(buffer.area, Rect::new(0, 0, w, h), "{name} at {w}x{h}");
                assert_buffer_printable(&buffer);
                assert_terminal_safe(&bytes);
                frames += 1;
            }
        }
    }
    assert_eq!(frames, screens.len() * widths.len() * heights.len());
}

/// The biggest texts as files, through everything the reader does with
/// them: ingest, analysis, the list and the article view (top, next mention,
/// end): a single 10 MB line of text, 1,000,000 tiny paragraphs of Markdown, and
/// a 2 MB line of HTML.
#[test]
fn huge_files_through_ingest_analysis_and_view() {
    let sentence = "Chinese Premier Li Qiang said China is willing to work with Azerbaijan, ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let paragraphs = "Li.\n\n".repeat(1_000_000);
    let files: Vec<(Vec<u8>, &str)> = vec![
        (format!("One long line\n\n{line}").into_bytes(), "txt"),
        (
            format!("# A million paragraphs\n\n{paragraphs}").into_bytes(),
            "md",
        ),
        (
            format!(
                "<html><head><title>Long</title></head><body><p>{}</p></body></html>",
                sentence.repeat(2 * 1024 * 1024 / sentence.len())
            )
            .into_bytes(),
            "html",
        ),
    ];
    let (_dir, library, problems) = library_from_files(&files);
    assert_eq!(library.len(), files.len(), "{problems:?}");
    assert_eq!(library.analysed(), files.len());
    let mut app = App::new(library, Keymap::default(), None);
    update(&mut app, Action::Resize(120, 40));
    assert_frame_safe(&app);
    for index in 0..files.len() {
        update(&mut app, Action::Top);
        for _ in 0..index {
            update(&mut app, Action::Down);
        }
        update(&mut app, Action::Open);
        for action in [Action::NextMention, Action::Bottom, Action::PageUp] {
            update(&mut app, action);
            assert_frame_safe(&app);
        }
        update(&mut app, Action::Back);
    }
}

/// Defence in depth: even strings that never went through ingest (a row from an
/// old cache, a message built from an error) cannot drive the terminal, because
/// ratatui's buffer and the view never pass controls through.
#[test]
fn unsanitised_state_still_draws_safely() {
    let nasty = "a\u{1b}]0;PWNED\u{7}b\u{1b}]52;c;cHduZWQ=\u{7}c\u{1b}[2Jd\u{1b}Pq\u{1b}\\e\u{9b}2Jf\u{9d}0;x\u{9c}g\u{7}h\u{8}i\r\nj\u{202e}k";
    let article = Article {
        id: ArticleId(nasty.into()),
        title: nasty.into(),
        source: nasty.into(),
        date: Some(nasty.into()),
        url: Some(nasty.into()),
        licence: Some(nasty.into()),
        body: format!("{nasty}\n\nLi Qiang met Ilham Aliyev in Baku. {nasty}"),
        origin: Origin::Feed(nasty.into()),
    };
    let mut library = Library::new(vec![article]);
    library.analyse_all();
    let mut app = App::new(library, Keymap::default(), None);
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Message(nasty.into()));
    assert_frame_safe(&app);
    update(&mut app, Action::Open);
    assert_frame_safe(&app);
}

/// The checker itself must catch what it is there to catch.
#[test]
fn terminal_checker_rejects_injections() {
    let ok = b"\x1b[1;1H\x1b[38;5;12mtext\x1b[0m\x1b[?25l";
    assert_terminal_safe(ok);
    let injections: [&[u8]; 8] = [
        b"\x1b]0;title\x07",
        b"\x1b]52;c;cHduZWQ=\x07",
        b"\x1b[2J",
        b"\x1bP1$q\x1b\\",
        b"\x1b_apc\x1b\\",
        "\u{9b}2J".as_bytes(),
        b"a\x07b",
        "\u{202e}x".as_bytes(),
    ];
    for bytes in injections {
        let caught = std::panic::catch_unwind(|| assert_terminal_safe(bytes)).is_err();
        assert!(caught, "not caught: {:?}", String::from_utf8_lossy(bytes));
    }
}
