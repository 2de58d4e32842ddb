//! `readout list`: the library without the UI, as lines or JSON, filtered by
//! country; bad input is one clear line and a non-zero exit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

fn readout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .output()
        .expect("run readout")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn lists_the_bundled_corpus_one_line_per_article() {
    let out = readout(&["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let seed = text
        .lines()
        .find(|l| l.contains("Chinese premier meets Azerbaijani president"))
        .expect("the seed article is listed");
    let fields: Vec<&str> = seed.split('\t').collect();
    assert_eq!(fields.len(), 4, "id, date, source, title: {seed:?}");
    assert_eq!(fields[1], "2025-04-23");
    assert_eq!(fields[2], "Xinhua");
    assert!(text.lines().count() > 10);
}

#[test]
fn json_is_an_array_with_the_same_articles() {
    let lines = stdout(&readout(&["list"])).lines().count();
    let out = readout(&["list", "--json"]);
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let rows = value.as_array().expect("an array");
    assert_eq!(rows.len(), lines);
    for row in rows {
        for key in ["id", "title", "source", "date"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
}

#[test]
fn country_filter_keeps_a_subset_with_that_focus() {
    let all = stdout(&readout(&["list"]));
    let out = readout(&["list", "--json", "--country", "Azerbaijan"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    for row in value.as_array().expect("an array") {
        let id = row["id"].as_str().expect("id");
        assert!(all.contains(id));
        let countries = row["countries"].as_array().expect("countries listed");
        assert!(countries.iter().any(|c| c == "AZ"), "{row}");
    }
    let by_code = readout(&["list", "--country", "az"]);
    let by_name = readout(&["list", "--country", "Azerbaijan"]);
    assert_eq!(stdout(&by_code), stdout(&by_name));
}

#[test]
fn unknown_country_is_one_clear_line() {
    let out = readout(&["list", "--country", "Atlantis"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("unknown country \"Atlantis\""), "{err}");
    let out = readout(&["--country", "Atlantis"]);
    assert!(
        !out.status.success(),
        "the reader refuses it before taking the terminal"
    );
}

#[test]
fn unreadable_sources_are_named_and_the_rest_still_list() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "A good headline\nSource: Test\n\nSome body text.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = readout(&["list", good.to_str().unwrap(), missing.to_str().unwrap()]);
    assert!(stdout(&out).contains("A good headline"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.txt"), "{err}");
}
