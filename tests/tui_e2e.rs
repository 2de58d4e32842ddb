//! End to end: the real binary in a real terminal (tmux). It shows the seed
//! headline on the first screen, quits cleanly with `q`, restores the
//! terminal on SIGTERM, SIGHUP and SIGINT, and a hostile article cannot set
//! the window title or the clipboard. Skips (saying why) when tmux is absent;
//! `.ci/run` installs it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SEED_HEADLINE: &str = "Chinese premier meets Azerbaijani president";

/// A private tmux server (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// A tmux server running `command` in a 120x40 window, or None without tmux.
    fn start(name: &str, command: &str) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipping: tmux is not installed (.ci/run installs it)");
            return None;
        }
        let tmux = Self {
            socket: format!("readout-e2e-{}-{name}", std::process::id()),
        };
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-s",
            "t",
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("running tmux")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "t", format])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// Waits until the screen contains `text`; the screen when it does.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("{text:?} never appeared; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// Runs the reader under `sh`, which prints its exit status and stays, so
/// the terminal state after the reader can be inspected. Its data and config
/// folders are `home`, so no test touches the user's cache.
fn wrapped(home: &Path, args: &str) -> String {
    format!(
        "sh -c 'XDG_DATA_HOME=\"{home}\" XDG_CONFIG_HOME=\"{home}\" {} {args}; echo READOUT-EXIT=$?; sleep 30'",
        env!("CARGO_BIN_EXE_readout"),
        home = home.display()
    )
}

/// The terminal is back to normal: main screen, no mouse reporting, cursor shown.
fn assert_restored(tmux: &Tmux) {
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        tmux.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting left on"
    );
    assert_eq!(tmux.display("#{cursor_flag}"), "1", "cursor left hidden");
}

#[test]
fn shows_the_seed_headline_and_quits_with_q() {
    let home = tempfile::tempdir().expect("temp dir");
    let Some(tmux) = Tmux::start("quit", &wrapped(home.path(), "")) else {
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

/// The reader's process id: the child of the wrapping shell.
fn reader_pid(tmux: &Tmux) -> Option<String> {
    let shell = tmux.display("#{pane_pid}");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
    children.split_whitespace().next().map(str::to_string)
}

#[test]
fn signals_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let home = tempfile::tempdir().expect("temp dir");
        let Some(tmux) = Tmux::start(&format!("sig{signal}"), &wrapped(home.path(), "")) else {
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
    let Some(tmux) = Tmux::start("hostile", &wrapped(dir.path(), &shell_quote(&path))) else {
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
    let home = tempfile::tempdir().expect("temp dir");
    let Some(tmux) = Tmux::start("hangup", &wrapped(home.path(), "")) else {
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
fn readout(home: &Path, args: &[&str]) -> Output {
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
    let Some(tmux) = Tmux::start("state", &wrapped(home.path(), &args)) else {
        return;
    };
    let screen = tmux.wait_for("Council meets");
    assert!(screen.contains("Harbour Gazette"), "{screen}");
    assert!(screen.contains("2/2"), "two unread at first: {screen}");
    // Open the first (marks it read), back to the list, star the second, quit.
    for keys in [&["Enter"][..], &["Escape"], &["j"], &["s"]] {
        tmux.run(&["send-keys", "-t", "t", keys[0]]);
        std::thread::sleep(Duration::from_millis(300));
    }
    tmux.wait_for("★ Council meets");
    tmux.run(&["send-keys", "-t", "t", "q"]);
    let screen = tmux.wait_for("READOUT-EXIT=");
    assert!(screen.contains("READOUT-EXIT=0"), "{screen}");
    drop(tmux);

    let listed = readout(home.path(), &["feeds", "list", "--db", db_arg]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("2 articles, 1 unread"), "{listed}");

    let Some(tmux) = Tmux::start("state2", &wrapped(home.path(), &args)) else {
        return;
    };
    let screen = tmux.wait_for("★ Council meets");
    assert!(
        screen.contains("1/2"),
        "one unread after the restart: {screen}"
    );
    tmux.run(&["send-keys", "-t", "t", "q"]);
    tmux.wait_for("READOUT-EXIT=0");
}
