//! End to end: the real binary in a real terminal (tmux). It shows the seed
//! headline on the first screen, quits cleanly with `q`, restores the
//! terminal on SIGTERM, SIGHUP and SIGINT, and a hostile article cannot set
//! the window title or the clipboard; read and starred state survive a
//! restart. Skips (saying why) when tmux is absent; `.ci/run` installs it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::Tmux;

const SEED_HEADLINE: &str = "Chinese premier meets Azerbaijani president";

/// A tmux server running `command` in a 120x40 window, or None (saying why) without tmux.
fn start(name: &str, command: &str) -> Option<Tmux> {
    tmux::available().then(|| Tmux::start(name, 120, 40, command))
}

fn wrapped(args: &str) -> String {
    Tmux::wrapped(args)
}

fn assert_restored(tmux: &Tmux) {
    tmux.assert_restored("after the reader");
}

/// The reader's process id: the child of the wrapping shell.
fn reader_pid(tmux: &Tmux) -> Option<String> {
    tmux.child_pid()
}

#[test]
fn shows_the_seed_headline_and_quits_with_q() {
    let Some(tmux) = start("quit", &wrapped("")) else {
        return;
    };
    let screen = tmux.wait_for(SEED_HEADLINE);
    assert!(screen.contains("Articles"), "{screen}");
    assert_eq!(tmux.display("#{alternate_on}"), "1");
    tmux.run(&["send-keys", "-t", "t", "q"]);
    let screen = tmux.wait_for("READOUT-EXIT=");
    assert!(screen.contains("READOUT-EXIT=0"), "{screen}");
    assert!(
        !screen.contains(SEED_HEADLINE),
        "UI left on screen:\n{screen}"
    );
    assert_restored(&tmux);
}

#[test]
fn signals_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let Some(tmux) = start(&format!("sig{signal}"), &wrapped("")) else {
            return;
        };
        tmux.wait_for(SEED_HEADLINE);
        let Some(pid) = reader_pid(&tmux) else {
            eprintln!("skipping: no /proc to find the reader's process");
            return;
        };
        let killed = Command::new("kill")
            .args([format!("-{signal}"), pid])
            .status()
            .expect("kill");
        assert!(killed.success());
        let screen = tmux.wait_for("READOUT-EXIT=");
        assert!(
            screen.contains(&format!("READOUT-EXIT={code}")),
            "SIG{signal}: {screen}"
        );
        assert_restored(&tmux);
    }
}

#[test]
fn hostile_article_cannot_set_title_or_clipboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.txt");
    let article = "Harmless \x1b]0;PWNED-TITLE\x07headline \x1b]52;c;UFdORUQ=\x07here\n\
                   Source: Evil Wire\n\
                   \n\
                   Body \x1b]2;PWNED-TWO\x1b\\ text \x1b[2J with \u{202e}reversed\u{202c} bits \u{9b}2J and more.\n\
                   \n\
                   The rest of this article is ordinary prose, as a feed item would carry \
                   around a few hostile bytes: ministers met, talks went on late into the \
                   night, and the statement that followed said little that was new.\n";
    std::fs::write(&path, article).expect("write article");
    let Some(tmux) = start("hostile", &wrapped(&shell_quote(&path))) else {
        return;
    };
    let title_before = tmux.display("#{pane_title}");
    let screen = tmux.wait_for("headline");
    tmux.run(&["send-keys", "-t", "t", "Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    let after = tmux.screen();
    assert!(!after.contains("PWNED"), "{after}");
    assert!(!screen.contains("PWNED"), "{screen}");
    assert_eq!(
        tmux.display("#{pane_title}"),
        title_before,
        "the title changed"
    );
    let buffers = tmux.run(&["list-buffers"]);
    assert!(
        String::from_utf8_lossy(&buffers.stdout).trim().is_empty(),
        "the clipboard was set: {}",
        String::from_utf8_lossy(&buffers.stdout)
    );
    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("READOUT-EXIT=0");
    assert_restored(&tmux);
}

fn shell_quote(path: &Path) -> String {
    // The temp path has no single quotes; it is inside sh -c '...', so use double quotes.
    format!("\"{}\"", path.display())
}

/// Closing the terminal (the window goes away, the pty hangs up) ends the
/// reader: it must not linger, spinning on a dead terminal (a regression:
/// crossterm's reader retries 0-byte reads forever, which once held the loop).
#[test]
fn closing_the_terminal_ends_the_reader() {
    let Some(tmux) = start("hangup", &wrapped("")) else {
        return;
    };
    tmux.wait_for(SEED_HEADLINE);
    let Some(pid) = reader_pid(&tmux) else {
        eprintln!("skipping: no /proc to find the reader's process");
        return;
    };
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // A zombie (state Z) has exited; only its parent has not reaped it yet.
    let alive = state.split_whitespace().nth(2).is_some_and(|s| s != "Z");
    if alive {
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
    }
    assert!(!alive, "the reader outlived its terminal: {state}");
}

/// The reader binary with its folders in `home`, for the feed commands.
fn readout(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .output()
        .expect("running readout")
}

/// Read and starred state set in the reader is in the cache after quitting,
/// and the reader shows it again on the next start (offline: a feed file).
#[test]
fn read_and_starred_state_survive_a_restart() {
    let home = tempfile::tempdir().expect("temp dir");
    let feed = home.path().join("gazette.xml");
    std::fs::write(
        &feed,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title>\
         <item><title>Harbour reopens</title><link>https://gazette.example/1</link><guid>g1</guid>\
         <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>\
         <description>The harbour in Lisbon reopened on Monday after the storm.</description></item>\
         <item><title>Council meets</title><link>https://gazette.example/2</link><guid>g2</guid>\
         <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>\
         <description>The council in Porto met on Tuesday and voted on the budget.</description></item>\
         </channel></rss>",
    )
    .expect("write feed");
    let db = home.path().join("cache.db");
    let db_arg = db.to_str().expect("utf-8 path");
    let feed_arg = feed.to_str().expect("utf-8 path");
    // --db before and after the subcommand.
    let added = readout(home.path(), &["--db", db_arg, "feeds", "add", feed_arg]);
    assert!(added.status.success(), "{added:?}");
    let refreshed = readout(home.path(), &["refresh", "--db", db_arg]);
    assert!(refreshed.status.success(), "{refreshed:?}");

    let args = format!("--db {}", shell_quote(&db));
    let Some(tmux) = start("state", &wrapped(&args)) else {
        return;
    };
    let screen = tmux.wait_for("Council meets");
    assert!(screen.contains("Harbour Gazette"), "{screen}");
    assert!(screen.contains("2/2"), "two unread at first: {screen}");
    // Open the first (marks it read), back to the list, star the second, quit.
    for key in ["Enter", "Escape", "j", "s"] {
        tmux.keys(&[key]);
        std::thread::sleep(Duration::from_millis(300));
    }
    tmux.wait_for("★ Council meets");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("READOUT-EXIT=");
    assert!(screen.contains("READOUT-EXIT=0"), "{screen}");
    drop(tmux);

    let listed = readout(home.path(), &["feeds", "list", "--db", db_arg]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("2 articles, 1 unread"), "{listed}");

    let Some(tmux) = start("state2", &wrapped(&args)) else {
        return;
    };
    let screen = tmux.wait_for("★ Council meets");
    assert!(
        screen.contains("1/2"),
        "one unread after the restart: {screen}"
    );
    // `r` refreshes in the background: the feed is unchanged, the state kept.
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("Refreshed 1 feed: 0 new");
    assert!(
        screen.contains("★ Council meets") && screen.contains("1/2"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("READOUT-EXIT=0");
}
