//! The terminal reader: setup, event loop, restore. (issue 2)

use std::path::Path;
use std::process::ExitCode;

pub fn run(
    _sources: &[String],
    _country: Option<&str>,
    _db: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the reader is not implemented yet")
}
