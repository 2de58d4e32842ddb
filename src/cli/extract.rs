//! `readout extract`: the analysis of articles as JSON or text.

use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Text,
}

pub fn run(_inputs: &[String], _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`extract` is not implemented yet")
}
