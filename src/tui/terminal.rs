//! The terminal's life: raw mode, alternate screen and mouse on entry; all of
//! it undone on every exit path (normal return, error, panic, signal), and
//! a panic's report written to a log file rather than under the UI.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{Stdout, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped, whichever way the reader ends.
pub struct Session {
    pub terminal: Term,
}

impl Session {
    /// Takes over the terminal (raw mode, alternate screen, mouse reporting).
    pub fn enter() -> std::io::Result<Self> {
        enable_raw_mode()?;
        let mut stdout = std::io::stdout();
        if let Err(err) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
            restore();
            return Err(err);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Self { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back: mouse off, main screen, cursor shown, cooked mode.
/// Safe to call more than once.
pub fn restore() {
    let mut stdout = std::io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = stdout.flush();
    let _ = disable_raw_mode();
}

/// On a panic (in any thread): restore the terminal, write the report and a
/// backtrace to the log file, print one line naming it, and exit.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // Hold standard output until the process exits: a panic on a worker
        // thread must not let the UI thread draw (hiding the cursor again)
        // after the terminal is restored. The lock is re-entrant for `restore`.
        let stdout = std::io::stdout();
        let _hold = stdout.lock();
        restore();
        report_panic(info);
    }));
}

/// The panic hook of the commands without the reader's UI (`list`, `extract`,
/// `feeds` ...): the same report and one line, but nothing to restore (the
/// restoring sequences would land in their output, often a pipe).
pub fn install_report_hook() {
    std::panic::set_hook(Box::new(report_panic));
}

/// Writes the panic and a backtrace to the log file, prints one line naming it
/// (or, when the log cannot be written, the message, sanitised: a panic message
/// can quote input text), and exits with 101.
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    let report = format!(
        "readout {} panicked: {info}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        std::backtrace::Backtrace::force_capture()
    );
    match write_log(&report) {
        Some(path) => eprintln!(
            "readout: internal error; the report is in {}",
            crate::ingest::sanitize::visible_os(path.as_os_str())
        ),
        None => eprintln!(
            "readout: internal error: {}",
            crate::ingest::sanitize::line(&info.to_string())
        ),
    }
    std::process::exit(101);
}

/// Test hook, compiled into debug builds only: `READOUT_DEBUG_PANIC=<point>...`
/// makes readout panic at that point (`frame`: the UI thread once the first
/// frame is drawn; `analysis`: a background analysis worker; `command`: before
/// any command runs), with the variable's whole value in the message, so
/// end-to-end tests can prove on the real binary that a panic restores the
/// terminal, writes the log and prints nothing unsanitised. Release builds
/// ignore the variable, and nothing read from a file or a feed can set it.
#[cfg(debug_assertions)]
pub fn debug_panic_point(point: &str) {
    if let Some(value) = std::env::var_os("READOUT_DEBUG_PANIC")
        && value.to_string_lossy().starts_with(point)
    {
        #[allow(clippy::panic)] // the whole point: a forced panic, for tests
        {
            panic!(
                "forced panic at {} (READOUT_DEBUG_PANIC)",
                value.to_string_lossy()
            );
        }
    }
}

/// Release builds: no hook.
#[cfg(not(debug_assertions))]
pub fn debug_panic_point(_point: &str) {}

/// The log file: `readout/readout.log` in the XDG state directory (or the
/// cache directory, or the temporary directory).
pub fn log_path() -> PathBuf {
    dirs::state_dir()
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("readout")
        .join("readout.log")
}

fn write_log(report: &str) -> Option<PathBuf> {
    let path = log_path();
    std::fs::create_dir_all(path.parent()?).ok()?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    file.write_all(report.as_bytes()).ok()?;
    Some(path)
}

/// The last of SIGTERM, SIGHUP or SIGINT received (0: none). The event loop
/// polls it, so a signal ends the reader through the normal, restoring path.
pub fn watch_signals() -> std::io::Result<Arc<AtomicUsize>> {
    let received = Arc::new(AtomicUsize::new(0));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let value = usize::try_from(signal).unwrap_or(1);
        signal_hook::flag::register_usize(signal, Arc::clone(&received), value)?;
    }
    Ok(received)
}

/// The signal received, if any.
pub fn signalled(received: &AtomicUsize) -> Option<u8> {
    match received.load(Ordering::Relaxed) {
        0 => None,
        n => Some(u8::try_from(n).unwrap_or(1)),
    }
}
