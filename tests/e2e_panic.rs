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
