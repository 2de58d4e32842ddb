//! Terminal injection, end to end: the real binary in tmux on hostile articles and
//! hostile file names. Nothing they carry may change the window title, write the
//! clipboard, move the cursor, clear or reset the screen, or leave the alternate
//! screen: the screen must be exactly what the reader draws for the same library
//! (rendered in-process on a `TestBackend` for comparison). Links open through a
//! fake browser that records its argv: one argument, no shell, only http(s)/mailto.
//! Skips, saying why, without tmux.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

#[path = "support/tmux.rs"]
mod tmux;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use readout::library::Library;
use readout::tui::app::App;
use readout::tui::keymap::Keymap;
use readout::tui::update::update;
use readout::tui::view::view;
use std::path::Path;
use std::time::Duration;
use tmux::Tmux;
use unicode_width::UnicodeWidthStr;

const W: u16 = 120;
const H: u16 = 40;

/// Every kind of sequence a hostile feed could try, each marked with PWNED so a
/// leak is visible on screen too.
const PAYLOAD: &str = concat!(
    "\u{1b}]0;PWNED-OSC0\u{7}",
    "\u{1b}]2;PWNED-OSC2\u{1b}\\",
    "\u{1b}]52;c;UFdORUQtQ0xJUA==\u{7}",
    "\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}[2J\u{1b}[H\u{1b}[10;10H\u{1b}[5A\u{1b}[K",
    "\u{1b}7\u{1b}8\u{1b}c",
    "\u{1b}[?1049l\u{1b}[?25h\u{1b}[?1000l",
    "\u{1b}P$qm\u{1b}\\",
    "\u{1b}_PWNED-APC\u{1b}\\",
    "\u{1b}^PWNED-PM\u{1b}\\",
    "\u{9b}2J\u{9d}0;PWNED-C1\u{9c}\u{90}q\u{9c}",
    "\u{7}\u{8}\u{8}\r",
    "\u{202e}desrever\u{202c}\u{2066}iso\u{2069}",
);

fn prose() -> String {
    "Ministers met in Baku on Monday and talks went on late into the night. ".repeat(200)
}

/// The hostile folder: an article whose every field carries the payload (padded
/// with prose so ingest does not call it binary), raw 8-bit C1 and invalid UTF-8,
/// a file name that carries the payload, and a binary file whose name does too
/// (so the status bar names it).
#[cfg(unix)]
fn hostile_folder(dir: &Path, url: &str) {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let mut article = format!(
        "Harmless {PAYLOAD}headline\nDate: 2025-01-02 {PAYLOAD}\nURL: {url}\n\n\
         Li Qiang {PAYLOAD}met Ilham Aliyev in Baku.\n\n{}\n\n{PAYLOAD} China is willing to work with Azerbaijan.\n\n",
        prose()
    )
    .into_bytes();
    article.extend_from_slice(
        b"Raw C1 \x9b2J \x9d0;PWNED-RAW\x9c and invalid \xff\xfe\xc0\xaf bytes.\n\n",
    );
    article.extend_from_slice(prose().as_bytes());
    // A file name cannot hold '/': the payload's URL keeps its slashes as U+2215.
    let payload = PAYLOAD.replace('/', "\u{2215}");
    let name = [b"evil".as_slice(), payload.as_bytes(), b"\xff.txt"].concat();
    std::fs::write(dir.join(OsStr::from_bytes(&name)), &article).unwrap();
    let binary = [b"bin".as_slice(), payload.as_bytes(), b".txt"].concat();
    std::fs::write(dir.join(OsStr::from_bytes(&binary)), b"\x00\x01\x02binary").unwrap();
}

/// `readout <dir>` under sh, started only when Enter is pressed (so the title
/// can be read first), leaving the shell behind to report the exit status.
fn command(dir: &Path, env: &str) -> String {
    format!(
        "sh -c 'read x; {env} \"$0\" \"$1\"; echo READOUT-EXIT=$?; sleep 60' {} {}",
        env!("CARGO_BIN_EXE_readout"),
        dir.display()
    )
}

/// The in-process picture of the same library after the same keys, as text.
fn expected_screen(dir: &Path, keys: &[KeyEvent]) -> Vec<String> {
    let (mut library, _) = Library::load(&[dir.to_string_lossy().into_owned()]);
    library.analyse_all();
    let mut app = App::new(library, Keymap::default(), None);
    update(&mut app, readout::tui::action::Action::Resize(W, H));
    for key in keys {
        if let Some(action) = readout::tui::to_action(&app, Event::Key(*key)) {
            update(&mut app, action);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    let buffer = terminal.draw(|f| view(&app, f)).unwrap().buffer.clone();
    let mut lines = Vec::new();
    for y in 0..H {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..W {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

fn rows(screen: &str) -> Vec<String> {
    screen.lines().map(|l| l.trim_end().to_string()).collect()
}

/// The terminal state nothing in an article may change while the reader runs.
fn assert_untouched(tmux: &Tmux, title: &str, step: &str) {
    assert_eq!(
        tmux.display("#{pane_title}"),
        title,
        "{step}: the title changed"
    );
    assert_eq!(tmux.buffers(), "", "{step}: the clipboard was written");
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "1",
        "{step}: left the alternate screen"
    );
    assert_eq!(
        tmux.display("#{cursor_flag}"),
        "0",
        "{step}: the cursor was shown"
    );
}

#[cfg(unix)]
#[test]
fn hostile_articles_and_names_change_nothing_on_the_terminal() {
    if !tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    hostile_folder(dir.path(), "https://e.example/a");
    let tmux = Tmux::start("inject", W, H, &command(dir.path(), ""));
    let title = tmux.display("#{pane_title}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Harmless");

    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    let steps: [(&str, KeyEvent); 10] = [
        ("Enter", key(KeyCode::Enter)),
        ("j", key(KeyCode::Char('j'))),
        ("Space", key(KeyCode::Char(' '))),
        ("n", key(KeyCode::Char('n'))),
        ("G", key(KeyCode::Char('G'))),
        ("Tab", key(KeyCode::Tab)),
        ("?", key(KeyCode::Char('?'))),
        ("Escape", key(KeyCode::Esc)),
        ("c", key(KeyCode::Char('c'))),
        ("Escape", key(KeyCode::Esc)),
    ];
    let mut pressed = Vec::new();
    for step in 0..=steps.len() {
        let expected = expected_screen(dir.path(), &pressed);
        // All but the status bar, which also reports timing-dependent progress.
        let body = H as usize - 1;
        let screen = tmux.wait_until(
            &format!(
                "after {step} keys the screen is not the reader's own drawing:\n{}",
                expected.join("\n")
            ),
            |screen| {
                let got = rows(screen);
                got.len() >= body && got[..body] == expected[..body]
            },
        );
        // Payload text stays hidden, except where the status bar names the
        // skipped file: there it is shown with its escapes made visible.
        let got = rows(&screen);
        assert!(
            got[..body].iter().all(|row| !row.contains("PWNED")),
            "payload text on screen:\n{screen}"
        );
        let status = got.get(body).map(String::as_str).unwrap_or("");
        assert!(
            !status.contains("PWNED") || status.contains("\\u{1b}]0;PWNED"),
            "payload in the status bar without its escapes shown:\n{status}"
        );
        assert_untouched(&tmux, &title, &format!("after {step} keys"));
        if let Some((name, event)) = steps.get(step) {
            tmux.keys(&[name]);
            pressed.push(*event);
        }
    }
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("READOUT-EXIT=");
    assert!(screen.contains("READOUT-EXIT=0"), "{screen}");
    assert_eq!(
        tmux.display("#{pane_title}"),
        title,
        "title changed on exit"
    );
    assert_eq!(tmux.buffers(), "", "clipboard written on exit");
    assert_eq!(tmux.display("#{alternate_on}"), "0");
    assert_eq!(tmux.display("#{cursor_flag}"), "1");
}

/// A fake browser that writes each argument, NUL-terminated, to a log, and a
/// folder a shell would create files in if any part of a link were run.
#[cfg(unix)]
fn fake_browser(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let log = dir.join("argv.log");
    let script = dir.join("fake-browser");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done >> '{}'\nprintf '\\n' >> '{}.calls'\n", log.display(), log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, log)
}

#[cfg(unix)]
#[test]
fn links_reach_the_browser_as_one_argument_and_run_nothing() {
    if !tmux::available() {
        return;
    }
    // (link in the article file, what the browser must receive: None = not opened)
    let cases: [(&str, Option<&str>); 8] = [
        (
            "https://e.example/a?q=\"x\"&y='z';touch${IFS}PWNED1;$(touch${IFS}PWNED2)`touch${IFS}PWNED3`|id>PWNED4",
            Some(
                "https://e.example/a?q=\"x\"&y='z';touch${IFS}PWNED1;$(touch${IFS}PWNED2)`touch${IFS}PWNED3`|id>PWNED4",
            ),
        ),
        (
            "mailto:a@e.example?subject=$(touch${IFS}PWNED5)",
            Some("mailto:a@e.example?subject=$(touch${IFS}PWNED5)"),
        ),
        (
            "HTTPS://E.EXAMPLE/%0Atouch%20PWNED6",
            Some("HTTPS://E.EXAMPLE/%0Atouch%20PWNED6"),
        ),
        (
            "https://e.example/\u{1b}]0;PWNED7\u{7}x",
            Some("https://e.example/x"),
        ),
        // A link with a space is refused whole rather than split into arguments.
        ("https://e.example/a b;touch PWNED8", None),
        ("javascript:alert(document.cookie)", None),
        ("file:///etc/passwd", None),
        ("-new-window https://e.example/", None),
    ];
    for (i, (link, expected)) in cases.iter().enumerate() {
        let work = tempfile::tempdir().unwrap();
        let articles = work.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        std::fs::write(
            articles.join("a.txt"),
            format!("Link test {i}\nURL: {link}\n\n{}", prose()),
        )
        .unwrap();
        let (browser, log) = fake_browser(work.path());
        let env = format!(
            "cd {} && BROWSER={}",
            work.path().display(),
            browser.display()
        );
        let tmux = Tmux::start(&format!("link{i}"), W, H, &command(&articles, &env));
        let title = tmux.display("#{pane_title}");
        tmux.keys(&["Enter"]);
        tmux.wait_for(&format!("Link test {i}"));
        tmux.keys(&["o"]);
        match expected {
            Some(expected) => {
                let calls = log.with_extension("log.calls");
                let start = std::time::Instant::now();
                while !calls.exists() {
                    assert!(
                        start.elapsed() < Duration::from_secs(30),
                        "case {i}: the browser never ran"
                    );
                    std::thread::sleep(Duration::from_millis(50));
                }
                let argv = std::fs::read(&log).unwrap();
                let args: Vec<&[u8]> = argv.split(|&b| b == 0).filter(|a| !a.is_empty()).collect();
                assert_eq!(
                    args.len(),
                    1,
                    "case {i}: argv {:?}",
                    String::from_utf8_lossy(&argv)
                );
                assert_eq!(String::from_utf8_lossy(args[0]), *expected, "case {i}");
            }
            None => {
                tmux.wait_for("Not opened");
                std::thread::sleep(Duration::from_millis(300));
                assert!(!log.exists(), "case {i}: {link:?} was opened");
            }
        }
        // `y` puts the same checked link on the clipboard through the reader's own
        // OSC 52, which nothing in the link can break out of.
        tmux.keys(&["y"]);
        std::thread::sleep(Duration::from_millis(300));
        let buffer = String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned();
        if let Some(expected) = expected {
            assert_eq!(buffer, *expected, "case {i}: clipboard");
        }
        assert_eq!(
            tmux.display("#{pane_title}"),
            title,
            "case {i}: title changed"
        );
        tmux.keys(&["q"]);
        tmux.wait_for("READOUT-EXIT=0");
        let leaked: Vec<_> = std::fs::read_dir(work.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("PWNED"))
            .collect();
        assert!(
            leaked.is_empty(),
            "case {i}: a shell ran parts of the link: {leaked:?}"
        );
    }
}
