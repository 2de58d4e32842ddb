//! A panic anywhere in the real binary (the UI thread, a background analysis
//! worker) restores the terminal, writes the report to the log file and exits
//! with 101, printing one line that names the log. The panic is forced through
//! `READOUT_DEBUG_PANIC`, a hook compiled into debug builds only (see
//! `tui::terminal::debug_panic_point`). Skips, saying why, without tmux.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use tmux::Tmux;

/// The reader with a private state folder (where the log goes) and the hook set.
fn command(state: &Path, point: &str) -> String {
    Tmux::wrapped("").replacen(
        "sh -c '",
        &format!(
            "sh -c 'XDG_STATE_HOME=\"{}\" XDG_CONFIG_HOME=\"{}\" READOUT_DEBUG_PANIC={point} ",
            state.display(),
            state.display()
        ),
        1,
    )
}

#[test]
fn a_panic_restores_the_terminal_and_writes_the_log() {
    if !tmux::available() {
        return;
    }
    for point in ["frame", "analysis"] {
        let state = tempfile::tempdir().unwrap();
        let tmux = Tmux::start(
            &format!("panic-{point}"),
            100,
            30,
            &command(state.path(), point),
        );
        let screen = tmux.wait_for("READOUT-EXIT=");
        assert!(screen.contains("READOUT-EXIT=101"), "{point}: {screen}");
        tmux.assert_restored(point);
        let log_path = state.path().join("readout").join("readout.log");
        assert!(
            screen.contains("readout: internal error; the report is in"),
            "{point}: no line naming the log:\n{screen}"
        );
        assert!(
            !screen.contains("panicked at"),
            "{point}: the report went to the terminal:\n{screen}"
        );
        let log = std::fs::read_to_string(&log_path)
            .unwrap_or_else(|e| panic!("{point}: no log at {}: {e}", log_path.display()));
        assert!(
            log.contains(&format!("forced panic at {point}")) && log.contains("panicked"),
            "{point}: log without the report:\n{log}"
        );
    }
}

/// `readout <command>` with the hook set, a private state folder, no terminal.
fn command_panics(state: &Path, value: &std::ffi::OsStr) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["list", "--json"])
        .env("READOUT_DEBUG_PANIC", value)
        .env("XDG_STATE_HOME", state)
        .env("XDG_CACHE_HOME", state)
        .env("XDG_CONFIG_HOME", state)
        .env("XDG_DATA_HOME", state)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// The commands without the UI report a panic the same way, and write no
/// terminal-restoring sequences into their output (often a pipe).
#[test]
fn a_panic_in_a_command_writes_the_log_and_one_line() {
    let state = tempfile::tempdir().unwrap();
    let out = command_panics(state.path(), std::ffi::OsStr::new("command"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("readout: internal error; the report is in "),
        "{stderr}"
    );
    let log = std::fs::read_to_string(state.path().join("readout").join("readout.log")).unwrap();
    assert!(log.contains("forced panic at command"), "{log}");
}

/// When the log cannot be written the message itself is printed: a panic message
/// can quote input, so it is sanitised to one line without controls.
#[test]
fn a_panic_message_is_printed_sanitised_when_there_is_no_log() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the state folder should be: the log folder cannot be made.
    let not_a_folder = dir.path().join("state");
    std::fs::write(&not_a_folder, b"").unwrap();
    let value =
        "command \u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m\nsecond line";
    let out = command_panics(&not_a_folder, std::ffi::OsStr::new(value));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(stderr.contains("forced panic at command"), "{stderr:?}");
    let control = stderr
        .trim_end()
        .chars()
        .find(|&c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c));
    assert_eq!(control, None, "{stderr:?}");
}
