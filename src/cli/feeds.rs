//! `readout feeds ...` and `readout refresh`: subscriptions and fetching.

use clap::Subcommand;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to a feed (URL or file).
    Add {
        source: String,
        #[arg(long)]
        tag: Vec<String>,
    },
    /// List subscribed feeds.
    List,
    /// Unsubscribe from a feed.
    Remove { source: String },
    /// Import feeds from an OPML file or a newsboat `urls` file.
    Import { file: String },
    /// Print the subscribed feeds as OPML.
    Export,
}

pub fn run(_command: FeedsCommand, _db: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`feeds` is not implemented yet")
}

pub fn refresh(_db: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`refresh` is not implemented yet")
}
