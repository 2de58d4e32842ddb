//! A private tmux server (own socket, no user config) running the real binary, for
//! end-to-end checks of what reaches a terminal: screen, title, paste buffers,
//! alternate screen, cursor, mouse reporting. Shared by the end-to-end tests
//! (`tests/tui_e2e.rs`, `tests/e2e_*.rs`) through `#[path = "support/tmux.rs"]`.
#![allow(dead_code)] // each test binary uses a different subset
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    /// The reader's XDG data folder (its default cache lives there), private
    /// to this server so that no test reads or writes the user's cache.
    data: tempfile::TempDir,
}

/// True when tmux can run here; says why not otherwise.
pub fn available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipping: tmux is not installed (.ci/run installs it)");
    }
    ok
}

impl Tmux {
    /// A server running `command` (a shell command line) in a `w`x`h` window.
    /// The window title and clipboard are open to escape sequences, as in a
    /// permissive terminal, so any that get through are seen.
    pub fn start(name: &str, w: u16, h: u16, command: &str) -> Self {
        let tmux = Self {
            socket: format!("readout-test-{}-{name}", std::process::id()),
            data: tempfile::tempdir().expect("a temporary data folder"),
        };
        let (w, h) = (w.to_string(), h.to_string());
        // The server (started by this command) passes its environment on to the pane.
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
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
        tmux.run(&["set-option", "-g", "allow-rename", "on"]);
        tmux.run(&["set-option", "-g", "remain-on-exit", "on"]);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .env("XDG_DATA_HOME", self.data.path())
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("running tmux")
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
        }
    }

    /// What the user sees, as text (no colours), one line per row.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// A tmux format's value for the pane: `#{pane_title}`, `#{alternate_on}` ...
    pub fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "t", format])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// The paste buffers (OSC 52 writes land here with set-clipboard on).
    pub fn buffers(&self) -> String {
        String::from_utf8_lossy(&self.run(&["list-buffers", "-F", "#{buffer_sample}"]).stdout)
            .into_owned()
    }

    /// Waits until the screen contains `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{text:?} never appeared; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `check` holds for the screen, or panics with `what`.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Runs `args` in the pane under `sh`, which then prints the exit status as
    /// `READOUT-EXIT=<code>` and stays, so the terminal can be inspected after.
    pub fn wrapped(args: &str) -> String {
        format!(
            "sh -c '{} {args}; echo READOUT-EXIT=$?; sleep 60'",
            env!("CARGO_BIN_EXE_readout")
        )
    }

    /// The terminal is back to normal: main screen, no mouse reporting, cursor shown.
    pub fn assert_restored(&self, what: &str) {
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "{what}: still on the alternate screen"
        );
        assert_eq!(
            self.display("#{mouse_any_flag}"),
            "0",
            "{what}: mouse reporting left on"
        );
        assert_eq!(
            self.display("#{cursor_flag}"),
            "1",
            "{what}: cursor left hidden"
        );
    }

    /// The pid of the pane's shell's first child (the reader), from /proc.
    pub fn child_pid(&self) -> Option<String> {
        let shell = self.display("#{pane_pid}");
        let children =
            std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
        children.split_whitespace().next().map(str::to_string)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
