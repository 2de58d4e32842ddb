//! The tagger's commands on the real binary: `tag --conll`, `eval-ner`, `train-ner`,
//! and the errors a user sees for a missing or damaged model file.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn readout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const SAMPLE: &str = "-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nvisited O\nLondon B-LOC\n. O\n\nThe O\nEU B-ORG\nagreed O\n";

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn tag_appends_one_column_to_every_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "sample.conll", SAMPLE.as_bytes());
    let out = readout(&["tag", "--conll", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let input: Vec<&str> = SAMPLE.lines().collect();
    assert_eq!(lines.len(), input.len());
    for (i, o) in input.iter().zip(&lines) {
        if i.trim().is_empty() {
            assert_eq!(*o, "");
        } else {
            let (head, tag) = o.rsplit_once(' ').unwrap();
            assert_eq!(head, i.trim_end());
            assert!(
                tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                "{o}"
            );
        }
    }
    assert!(stdout.contains("London B-LOC B-LOC"), "{stdout}");
}

#[test]
fn eval_ner_reports_per_type_scores() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "sample.conll", SAMPLE.as_bytes());
    let out = readout(&["eval-ner", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.starts_with("processed 8 tokens with 3 phrases"),
        "{report}"
    );
    for kind in ["PER:", "LOC:", "ORG:"] {
        assert!(report.contains(kind), "{report}");
    }
}

#[test]
fn missing_and_damaged_model_files_are_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "sample.conll", SAMPLE.as_bytes());
    let missing = dir.path().join("no-such-model.bin");
    let damaged = write(
        dir.path(),
        "damaged-model.bin",
        b"RDOUTNER not really a model",
    );
    for model in [&missing, &damaged] {
        let out = readout(&[
            "tag",
            "--conll",
            file.to_str().unwrap(),
            "--model",
            model.to_str().unwrap(),
        ]);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        let name = model.file_name().unwrap().to_str().unwrap();
        assert!(err.contains(name), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn train_ner_writes_a_model_that_tags() {
    let dir = tempfile::tempdir().unwrap();
    let train = write(dir.path(), "train.conll", SAMPLE.repeat(3).as_bytes());
    let out_path = dir.path().join("toy.bin");
    let out = readout(&[
        "train-ner",
        "--train",
        train.to_str().unwrap(),
        "--dev",
        train.to_str().unwrap(),
        "--out",
        out_path.to_str().unwrap(),
        "--epochs",
        "5",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = readout(&[
        "eval-ner",
        train.to_str().unwrap(),
        "--model",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("FB1: 100.00"),
        "{}",
        text(&out.stdout)
    );
}

/// `readout eval-ner` and conlleval.py agree on the same predictions (needs python3
/// and ../shared/; skipped without them).
#[test]
fn eval_ner_agrees_with_conlleval_py() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let script = root.join("tools/conlleval.py");
    let valid = root.join("data/conll2003/valid.txt");
    if !script.exists() || !valid.exists() {
        eprintln!("skipped: ../shared/tools/conlleval.py or valid.txt is absent");
        return;
    }
    let tagged = readout(&["tag", "--conll", valid.to_str().unwrap()]);
    assert!(tagged.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "tagged.conll", &tagged.stdout);
    let Ok(py) = Command::new("python3").arg(&script).arg(&file).output() else {
        eprintln!("skipped: python3 is not available");
        return;
    };
    let ours = readout(&["eval-ner", valid.to_str().unwrap()]);
    let (ours, theirs) = (text(&ours.stdout), text(&py.stdout));
    // Same counts and the same overall line.
    assert_eq!(
        ours.lines().next(),
        theirs.lines().next(),
        "{ours}\n{theirs}"
    );
    assert_eq!(
        ours.lines().nth(1),
        theirs.lines().nth(1),
        "{ours}\n{theirs}"
    );
    for line in ours.lines().skip(2) {
        assert!(theirs.contains(line), "{line} not in\n{theirs}");
    }
}
