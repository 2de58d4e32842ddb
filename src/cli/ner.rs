//! `readout tag`, `eval-ner` and `train-ner`: the tagger on CoNLL data.

use std::path::Path;
use std::process::ExitCode;

pub fn tag(_conll: &Path, _model: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`tag` is not implemented yet")
}

pub fn eval(_file: &Path, _model: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`eval-ner` is not implemented yet")
}

pub fn train(
    _train: &Path,
    _dev: &Path,
    _out: &Path,
    _epochs: usize,
    _seed: u64,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`train-ner` is not implemented yet")
}
