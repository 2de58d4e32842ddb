//! The command line (clap): the reader, and the subcommands that work without it.
//!
//! Each subcommand's handler lives in its own file under `cli/`.

mod extract;
mod feeds;
mod list;
mod ner;

use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// readout: a terminal news reader that knows who, where, and what was promised.
#[derive(Debug, Parser)]
#[command(name = "readout", version, about, propagate_version = true)]
pub struct Cli {
    /// SQLite cache file (default: readout.db in the XDG data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Only show stories about this country (name or ISO code).
    #[arg(long, global = true, value_name = "COUNTRY")]
    pub country: Option<String>,

    /// Files, folders or feed URLs to read (default: the cached library and the bundled corpus).
    #[arg(value_name = "SOURCE")]
    pub sources: Vec<OsString>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the library without the UI: one line per article.
    List {
        /// Files, folders or feed URLs (default: the bundled corpus).
        #[arg(value_name = "SOURCE")]
        sources: Vec<OsString>,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Print people, places, organisations, countries and commitments of articles.
    Extract {
        /// Article files, URLs, or `-` for standard input.
        #[arg(value_name = "FILE|URL|-")]
        inputs: Vec<OsString>,
        #[arg(long, value_enum, default_value_t = extract::Format::Json)]
        format: extract::Format,
    },
    /// Tag a CoNLL file: prints each line with the predicted BIO tag appended.
    Tag {
        /// The CoNLL file to tag (`token ... TAG` lines).
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
        /// A model file to use instead of the embedded one.
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
    },
    /// Score the tagger on a CoNLL file: per-type and overall P, R, F1 (conlleval).
    EvalNer {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_name = "PATH")]
        model: Option<PathBuf>,
    },
    /// Train the named-entity tagger on CoNLL data.
    TrainNer {
        #[arg(long, value_name = "FILE")]
        train: PathBuf,
        #[arg(long, value_name = "FILE")]
        dev: PathBuf,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Manage subscribed feeds.
    Feeds {
        #[command(subcommand)]
        command: feeds::FeedsCommand,
    },
    /// Fetch every subscribed feed and store new items.
    Refresh,
}

/// Runs the command line; errors are printed as one line, never a backtrace.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // The reader replaces this hook with one that also restores the terminal.
    crate::tui::terminal::install_report_hook();
    catch_file_size_limit();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Errors quote file names, config keys and text from outside: sanitise
            // the line so none of it can drive the terminal.
            eprintln!(
                "readout: {}",
                crate::ingest::sanitize::line(&one_line(&err))
            );
            ExitCode::FAILURE
        }
    }
}

/// A file-size limit (`ulimit -f`) kills a process with SIGXFSZ by default,
/// in the middle of a write. Caught instead, the write fails with EFBIG and
/// the cache reports it like a full disk: one clear line, nothing lost.
fn catch_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

/// The error and its causes on one line: "reading x.txt: permission denied".
fn one_line(err: &anyhow::Error) -> String {
    err.chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ")
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    crate::tui::terminal::debug_panic_point("command");
    match cli.command {
        None => crate::tui::run(&cli.sources, cli.country.as_deref(), cli.db.as_deref()),
        Some(Command::List { sources, json }) => list::run(&sources, json, cli.country.as_deref()),
        Some(Command::Extract { inputs, format }) => extract::run(&inputs, format),
        Some(Command::Tag { conll, model }) => ner::tag(&conll, model.as_deref()),
        Some(Command::EvalNer { file, model }) => ner::eval(&file, model.as_deref()),
        Some(Command::TrainNer {
            train,
            dev,
            out,
            epochs,
            seed,
        }) => ner::train(&train, &dev, &out, epochs, seed),
        Some(Command::Feeds { command }) => feeds::run(command, cli.db.as_deref()),
        Some(Command::Refresh) => feeds::refresh(cli.db.as_deref()),
    }
}
