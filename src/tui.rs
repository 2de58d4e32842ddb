//! The terminal reader: load the library, take over the terminal, run the
//! event loop, and give the terminal back.
//!
//! With no sources the library is the SQLite cache (offline: the cached feed
//! articles without their analyses, for a quick first frame) plus the bundled
//! corpus. The loop never blocks on slow work: cached analyses, analysing what
//! is not cached, saving read state and refreshing feeds run in the
//! background ([`worker`]) and every result comes back as an
//! [`action::Action`] over a channel; keys, mouse and resizes become actions
//! through the keymap. Each action goes through [`update::update`], whose
//! effects are carried out here.

pub mod action;
pub mod app;
pub mod body;
pub mod effect;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod worker;

use crate::library::{CountryFilter, CountryScope, Library};
use action::Action;
use anyhow::Context as _;
use app::{App, FeedRow};
use effect::Effect;
use keymap::{Key, Keymap};
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// How long the loop waits for input before looking at background results.
const TICK: Duration = Duration::from_millis(40);
/// Background results applied per tick at most, so input stays responsive.
const RESULTS_PER_TICK: usize = 2_000;
/// How long leaving waits for read and starred state to be written.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(3);

/// What the reader starts with: the library, the feeds, the cache and the
/// notices for the status bar.
pub struct Startup {
    pub library: Library,
    pub feeds: Vec<FeedRow>,
    pub store: Option<crate::store::Store>,
    pub message: Option<String>,
}

/// Loads what the reader shows first. With `sources`: those, as read (no
/// cache). Without: the cache (`db` or the default file) and the bundled corpus.
pub fn startup<S: AsRef<std::ffi::OsStr>>(sources: &[S], db: Option<&Path>) -> Startup {
    if sources.is_empty() {
        let opened = crate::library::cached::open_library(db, crate::ingest::bundled());
        Startup {
            library: opened.library,
            feeds: opened.feeds.iter().map(FeedRow::from).collect(),
            store: opened.store,
            message: (!opened.notices.is_empty()).then(|| opened.notices.join(" ")),
        }
    } else {
        let (library, problems) = Library::load(sources);
        Startup {
            library,
            feeds: Vec::new(),
            store: None,
            message: problems_message(&problems),
        }
    }
}

/// Runs the reader on `sources` (the bundled corpus when empty).
pub fn run(
    sources: &[std::ffi::OsString],
    country: Option<&str>,
    db: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let filter = country
        .map(|c| CountryFilter::parse(c, CountryScope::Focus))
        .transpose()?;
    let keymap = load_keymap()?;
    let start = startup(sources, db);
    let mut app = App::new(start.library, keymap, filter);
    app.feeds = start.feeds;
    app.message = start.message;

    terminal::install_panic_hook();
    let signals = terminal::watch_signals().context("watching for signals")?;
    let mut session = terminal::Session::enter().context("setting up the terminal")?;
    let (tx, rx) = channel();
    let worker = worker::Worker::start(start.store, &app.library, tx.clone());

    let size = session
        .terminal
        .size()
        .context("reading the terminal size")?;
    update::update(&mut app, Action::Resize(size.width, size.height));
    let code = event_loop(&mut session, &mut app, &rx, &tx, &signals, &worker);
    drop(session);
    // Read and starred state asked for just before leaving is written now.
    if !worker.flush(FLUSH_TIMEOUT) {
        eprintln!("readout: the last read/starred changes may not have been saved");
    }
    code
}

fn event_loop(
    session: &mut terminal::Session,
    app: &mut App,
    results: &Receiver<Action>,
    sender: &Sender<Action>,
    signals: &std::sync::atomic::AtomicUsize,
    worker: &worker::Worker,
) -> anyhow::Result<ExitCode> {
    let input = spawn_input();
    let mut dirty = true;
    loop {
        if let Some(signal) = terminal::signalled(signals) {
            return Ok(ExitCode::from(128u8.saturating_add(signal)));
        }
        if dirty {
            session
                .terminal
                .draw(|frame| view::view(app, frame))
                .context("drawing the screen")?;
            dirty = false;
            terminal::debug_panic_point("frame");
        }
        match input.recv_timeout(TICK) {
            Ok(first) => {
                for event in std::iter::once(first).chain(input.try_iter()) {
                    let event = event.context("reading input")?;
                    if let Some(action) = to_action(app, event) {
                        let effects = update::update(app, action);
                        perform(session, app, effects, sender, worker);
                        dirty = true;
                    }
                    if app.quit {
                        break;
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            // The input thread only stops when the terminal is gone.
            Err(RecvTimeoutError::Disconnected) => return Ok(ExitCode::SUCCESS),
        }
        for action in results.try_iter().take(RESULTS_PER_TICK) {
            let effects = update::update(app, action);
            perform(session, app, effects, sender, worker);
            dirty = true;
        }
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
    }
}

/// Reads terminal events on their own thread and sends them to the loop.
///
/// Why a thread: crossterm's reader spins without returning when the terminal
/// hangs up (reads of 0 bytes are retried forever), so a loop that polled it
/// directly would never see SIGHUP or SIGTERM and never exit. On its own
/// thread it cannot hold the loop: signals and quitting are always seen.
fn spawn_input() -> Receiver<std::io::Result<Event>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

/// The action a terminal event means, if any.
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.action(app.context(), Key::from_event(key))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    }
}

/// Carries out effects; outcomes worth telling come back as messages.
fn perform(
    session: &mut terminal::Session,
    app: &mut App,
    effects: Vec<Effect>,
    sender: &Sender<Action>,
    worker: &worker::Worker,
) {
    for effect in effects {
        let message = match effect {
            Effect::SetRead { article, read } => {
                worker.set_read(article, read);
                None
            }
            Effect::SetStarred { article, starred } => {
                worker.set_starred(article, starred);
                None
            }
            Effect::OpenUrl(url) => Some(open_in_browser(&url, sender)),
            Effect::CopyToClipboard(text) => {
                let backend = session.terminal.backend_mut();
                let written = backend
                    .write_all(effect::osc52(&text).as_bytes())
                    .and_then(|()| backend.flush());
                Some(match written {
                    Ok(()) => "Link copied to the clipboard (OSC 52).".to_string(),
                    Err(err) => format!("Could not copy the link: {err}"),
                })
            }
            Effect::Refresh => {
                worker.refresh();
                None
            }
        };
        if let Some(message) = message {
            update::update(app, Action::Message(message));
        }
    }
}

/// Starts the browser with an argument list (never a shell) and reaps it.
fn open_in_browser(url: &str, sender: &Sender<Action>) -> String {
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = match effect::browser_command(url, browser.as_deref()) {
        Ok(command) => command,
        Err(err) => return format!("Not opened: {err}."),
    };
    let child = std::process::Command::new(&program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match child {
        Ok(mut child) => {
            let sender = sender.clone();
            let program_name = program.clone();
            std::thread::spawn(move || {
                if let Ok(status) = child.wait()
                    && !status.success()
                {
                    let _ = sender.send(Action::Message(format!(
                        "{program_name} exited with {status}"
                    )));
                }
            });
            format!("Opening the link with {program}.")
        }
        Err(err) => format!("Could not start {program}: {err}"),
    }
}

/// "2 sources skipped: x.bin: not text (and 1 more)".
fn problems_message(problems: &[String]) -> Option<String> {
    let first = problems.first()?;
    Some(match problems.len() {
        1 => format!("Skipped {first}"),
        n => format!("Skipped {n} sources: {first} (and {} more)", n - 1),
    })
}

/// The default keymap with the user's file (if any) merged over it.
fn load_keymap() -> anyhow::Result<Keymap> {
    let Some(path) = dirs::config_dir().map(|d| d.join("readout").join("keymap.toml")) else {
        return Ok(Keymap::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => Keymap::with_user(&text).with_context(|| format!("keymap {}", path.display())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::default()),
        Err(err) => Err(err).with_context(|| format!("reading keymap {}", path.display())),
    }
}
