//! `readout list`: the library without the UI.

use std::process::ExitCode;

pub fn run(_sources: &[String], _json: bool, _country: Option<&str>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`list` is not implemented yet")
}
