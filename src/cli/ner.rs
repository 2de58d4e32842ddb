//! `readout tag`, `eval-ner` and `train-ner`: the tagger on CoNLL data.

use crate::nlp::ner::{self, conll, model::Model, tagger, tags::Tag, train};
use anyhow::Context as _;
use std::borrow::Cow;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// The model to use: the file given, or the embedded one.
enum Loaded {
    File(Box<Model>),
    Embedded(&'static Model),
}

impl Loaded {
    fn get(&self) -> &Model {
        match self {
            Loaded::File(m) => m,
            Loaded::Embedded(m) => m,
        }
    }
}

fn load_model(path: Option<&Path>) -> anyhow::Result<Loaded> {
    match path {
        Some(p) => Ok(Loaded::File(Box::new(Model::load(p)?))),
        None => ner::embedded()
            .map(Loaded::Embedded)
            .map_err(|e| anyhow::anyhow!("the embedded model is damaged: {e}")),
    }
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Prints every line of the CoNLL file with the predicted tag appended.
pub fn tag(conll_path: &Path, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let model = load_model(model)?;
    let text = read(conll_path)?;
    let parsed = conll::parse(&text);
    let mut predicted: Vec<Option<Tag>> = vec![None; parsed.lines.len()];
    for doc in &parsed.documents {
        let tags = tagger::tag_document(model.get(), &doc.words, &doc.sentences);
        for (line, tag) in doc.lines.iter().zip(tags) {
            if let Some(slot) = predicted.get_mut(*line) {
                *slot = Some(tag);
            }
        }
    }
    // The output is built in memory (about the input's size) and written at once.
    let mut out = Vec::with_capacity(text.len() + 8 * parsed.lines.len());
    for (line, tag) in parsed.lines.iter().zip(&predicted) {
        let line = printable_conll_line(line.trim_end());
        let tag = match tag {
            Some(t) => Some(t.as_str()),
            None if conll::is_docstart(&line) => Some("O"),
            None => None,
        };
        out.extend_from_slice(line.as_bytes());
        if let Some(t) = tag {
            out.push(b' ');
            out.extend_from_slice(t.as_bytes());
        }
        out.push(b'\n');
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&out)
        .and_then(|()| stdout.flush())
        .context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// A CoNLL line from the input file, safe to echo: the columns stay as the
/// parser saw them (split on whitespace), tabs stay tabs, other whitespace
/// controls (vertical tab, form feed, CR, NEL, line and paragraph separators)
/// become spaces, and any other control, escape sequence or bidi override is
/// shown as a visible escape (`\u{1b}`), never sent to the terminal, so a
/// token made only of such characters stays a token.
fn printable_conll_line(line: &str) -> Cow<'_, str> {
    // Printable ASCII and tabs (nearly every line) come out unchanged.
    if is_plain(line.as_bytes()) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(escaped_conll_line(line))
}

/// Whether every byte is printable ASCII (space to `~`) or a tab; eight bytes at a
/// time, since `tag` asks it of every line.
fn is_plain(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let plain = |b: &u8| *b == b'\t' || (b' '..=b'~').contains(b);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte of 0x80 or more, below 0x20, or 0x7F: look closer (tabs land here).
        let below_space = x.wrapping_sub(ONES * 0x20) & !x;
        let del = (x ^ (ONES * 0x7F)).wrapping_sub(ONES) & !(x ^ (ONES * 0x7F));
        if (x | below_space | del) & HIGH != 0 && !chunk.iter().all(plain) {
            return false;
        }
    }
    chunks.remainder().iter().all(plain)
}

/// [`printable_conll_line`] for any line, character by character.
fn escaped_conll_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut piece = String::new();
    for c in line.chars() {
        if c == '\t' || c.is_whitespace() {
            out.push_str(&crate::ingest::sanitize::visible(&piece));
            piece.clear();
            out.push(if c == '\t' { '\t' } else { ' ' });
        } else {
            piece.push(c);
        }
    }
    out.push_str(&crate::ingest::sanitize::visible(&piece));
    out
}

/// A path for a progress line on stderr: lossy, controls shown as escapes.
fn shown(path: &Path) -> String {
    crate::ingest::sanitize::visible_os(path.as_os_str())
}

/// Tags the file and prints conlleval-style precision, recall and F1 per type.
pub fn eval(file: &Path, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let model = load_model(model)?;
    let text = read(file)?;
    let parsed = conll::parse(&text);
    for doc in &parsed.documents {
        doc.gold_tags().map_err(|line| {
            anyhow::anyhow!(
                "{} line {}: no BIO tag in the last column",
                file.display(),
                line + 1
            )
        })?;
    }
    let score = ner::score_documents(model.get(), &parsed.documents);
    print!("{}", score.report());
    Ok(ExitCode::SUCCESS)
}

/// Trains a model and writes it to `out`.
pub fn train(
    train_path: &Path,
    dev_path: &Path,
    out: &Path,
    epochs: usize,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let train_text = read(train_path)?;
    let dev_text = read(dev_path)?;
    let train_set = conll::parse(&train_text);
    let dev_set = conll::parse(&dev_text);
    let options = train::Options {
        epochs,
        seed,
        ..train::Options::default()
    };
    eprintln!(
        "training on {} tokens ({}), choosing the epoch on {} tokens ({})",
        train_set.token_count(),
        shown(train_path),
        dev_set.token_count(),
        shown(dev_path)
    );
    let trained = train::train(
        &train_set.documents,
        &dev_set.documents,
        &options,
        &mut |r| {
            eprintln!(
                "stage {} epoch {:>2}: {:>5}/{} sentences wrong; dev F1 {:.2} (P {:.2} R {:.2}); {} features, {} bytes; {:.0?}",
                r.stage,
                r.epoch,
                r.mistakes,
                r.sentences,
                100.0 * r.dev.overall.f1(),
                100.0 * r.dev.overall.precision(),
                100.0 * r.dev.overall.recall(),
                r.features,
                r.model_bytes,
                started.elapsed()
            );
        },
    )
    .with_context(|| format!("training on {}", train_path.display()))?;
    std::fs::write(out, &trained.model).with_context(|| format!("writing {}", out.display()))?;
    let version = Model::from_bytes(&trained.model)
        .map(|m| m.version().to_string())
        .unwrap_or_default();
    eprintln!(
        "kept epoch {} (dev F1 {:.2}); wrote {} ({} bytes, version {version}) in {:.1?}",
        trained.best.epoch,
        100.0 * trained.best.dev.overall.f1(),
        shown(out),
        trained.model.len(),
        started.elapsed()
    );
    print!("{}", trained.best.dev.report());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::{escaped_conll_line, printable_conll_line};

    #[test]
    fn echoed_conll_lines_keep_their_columns_and_lose_their_controls() {
        let cases = [
            ("Peter NNP B-NP B-PER", "Peter NNP B-NP B-PER"),
            ("Peter\tNNP\tB-PER", "Peter\tNNP\tB-PER"),
            ("\u{1b}]0;PWNED\u{7} NN O", "\\u{1b}]0;PWNED\\u{7} NN O"),
            ("\u{1b}[2J\tNN\tO", "\\u{1b}[2J\tNN\tO"),
            ("a\u{202e}b\u{9b}31m NN O", "a\\u{202e}b\\u{9b}31m NN O"),
            ("a\u{b}b\u{c}c\u{2028}d\rO", "a b c d O"),
            ("李强 NNP B-PER", "李强 NNP B-PER"),
        ];
        for (input, expected) in cases {
            let out = printable_conll_line(input);
            assert_eq!(out, expected, "{input:?}");
            assert_eq!(escaped_conll_line(input), expected, "{input:?}");
            assert_eq!(
                out.split_whitespace().count(),
                input.split_whitespace().count(),
                "{input:?}: columns changed"
            );
        }
    }

    #[test]
    fn plain_bytes_eight_at_a_time_as_one_by_one() {
        let plain = |b: u8| b == b'\t' || (b' '..=b'~').contains(&b);
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut line = vec![b'a'; 17];
                line[at] = b;
                assert_eq!(super::is_plain(&line), plain(b), "{b:#x} at {at}");
                assert_eq!(super::is_plain(&line[..at + 1]), plain(b), "{b:#x} last");
            }
        }
        assert!(super::is_plain(b""));
    }

    #[test]
    fn printable_ascii_lines_pass_unchanged() {
        let all_printable: String = (b' '..=b'~').map(char::from).collect();
        for line in [
            "Peter NNP B-NP B-PER",
            "a\tb c",
            "",
            "-DOCSTART- -X- O O",
            &all_printable,
        ] {
            assert!(matches!(
                printable_conll_line(line),
                std::borrow::Cow::Borrowed(_)
            ));
            assert_eq!(escaped_conll_line(line), line, "{line:?}");
        }
    }
}
