//! `readout extract` end to end: the real binary on files and standard input.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

const ARTICLE: &str = "Kenyan president meets Peruvian envoy\n\nSource: Test\n\n\
NAIROBI, May 2 -- Kenyan President William Ruto met Peruvian Foreign Minister Ana Cecilia Gervasi in Nairobi on Tuesday.\n\n\
Ruto said Kenya is willing to expand trade with Peru. The two sides should deepen cooperation in farming, Gervasi added.\n";

fn check_shape(v: &Value) {
    let text = v["text"].as_str().unwrap_or_default();
    for key in [
        "people",
        "places",
        "organizations",
        "countries",
        "mentioned_countries",
        "commitments",
    ] {
        assert!(v[key].is_array(), "{key} missing in {v}");
    }
    assert!(v["title"].is_string());
    for key in ["people", "places", "organizations"] {
        for r in v[key].as_array().into_iter().flatten() {
            assert!(r["name"].is_string() && (r["country"].is_string() || r["country"].is_null()));
            for m in r["mentions"].as_array().into_iter().flatten() {
                let (s, e) = (
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                );
                assert_eq!(
                    text.get(s..e),
                    m["text"].as_str(),
                    "offsets are byte offsets into text"
                );
            }
        }
    }
    let title = v["title"].as_str().unwrap_or_default();
    for r in v["places"].as_array().into_iter().flatten() {
        for m in r["title_mentions"].as_array().into_iter().flatten() {
            let (s, e) = (
                m["start"].as_u64().unwrap_or(0) as usize,
                m["end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(title.get(s..e), m["text"].as_str(), "offsets into title");
        }
    }
    for c in v["commitments"].as_array().into_iter().flatten() {
        for key in ["actor", "speaker", "kind", "sentence", "trigger", "action"] {
            assert!(c[key].is_string(), "{key} in {c}");
        }
        let (s, e) = (
            c["start"].as_u64().unwrap_or(0) as usize,
            c["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(text.get(s..e), c["sentence"].as_str());
    }
    for c in v["countries"]
        .as_array()
        .into_iter()
        .chain(v["mentioned_countries"].as_array())
        .flatten()
    {
        assert!(c["code"].is_string() && c["score"].is_number() && c["evidence"].is_array());
    }
}

#[test]
fn extracts_a_file_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kenya.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["extract"])
        .arg(&path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Kenyan president meets Peruvian envoy");
    assert!(v["text"].as_str().unwrap().starts_with("NAIROBI"));
    check_shape(&v);
    let commitments = v["commitments"].as_array().unwrap();
    assert!(
        commitments
            .iter()
            .any(|c| c["kind"] == "willingness" && c["actor"] == "Kenya"),
        "{commitments:?}"
    );
    assert!(
        commitments.iter().any(|c| c["kind"] == "proposal"
            && c["actor"] == "The two sides (Kenya and Peru)"
            && c["actor_members"] == serde_json::json!(["Kenya", "Peru"])),
        "{commitments:?}"
    );
}

#[test]
fn several_inputs_give_an_array_and_stdin_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["extract", "-"])
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2);
    list.iter().for_each(check_shape);
    assert_eq!(list[0]["text"], list[1]["text"]);
}

#[test]
fn text_format_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_readout"))
        .arg("extract")
        .arg(&path)
        .args(["--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("People:") && text.contains("Commitments:") && text.contains("[willingness]"),
        "{text}"
    );
    let missing = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["extract", "/nonexistent/x.txt"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
}

#[test]
fn a_country_only_the_headline_names_is_a_place_with_title_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("poland.txt");
    let article = "Mayor of Gdańsk, Poland stabbed on stage\n\n\
                   The mayor was attacked at a charity concert in the city on Sunday evening.\n";
    std::fs::write(&path, article).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_readout"))
        .arg("extract")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_shape(&v);
    let places = v["places"].as_array().unwrap();
    let poland = places.iter().find(|p| p["name"] == "Poland");
    let poland = poland.unwrap_or_else(|| panic!("no Poland in {places:?}"));
    assert_eq!(poland["country"], "PL");
    assert_eq!(poland["mentions"].as_array().map(Vec::len), Some(0));
    assert_eq!(poland["title_mentions"][0]["text"], "Poland");
    // Body referents carry no empty `title_mentions` list.
    assert!(
        places
            .iter()
            .all(|p| p["name"] == "Poland" || p.get("title_mentions").is_none())
    );
    let text = Command::new(env!("CARGO_BIN_EXE_readout"))
        .arg("extract")
        .arg(&path)
        .args(["--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Poland [PL] in the headline only"), "{text}");
}
