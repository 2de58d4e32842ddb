//! The dependency rule of ARCHITECTURE.md, checked: the NLP core is a pure
//! library that knows nothing of the UI, the store, ingest or the terminal.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Lines of `files` that use any of `forbidden` paths (`crate::x::`, `ratatui::`),
/// ignoring line comments.
fn offending_lines(files: &[PathBuf], forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if forbidden
                .iter()
                .any(|name| code.contains(&format!("{name}::")))
            {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn nlp_never_imports_ui_store_ingest_or_terminal_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = rust_files(&root.join("nlp"));
    files.push(root.join("nlp.rs"));
    assert!(
        files.len() > 1,
        "no NLP sources found under {}",
        root.display()
    );
    let forbidden = [
        "crate::tui",
        "crate::store",
        "crate::ingest",
        "crate::library",
        "crate::cli",
        "ratatui",
        "crossterm",
        "rusqlite",
        "ureq",
    ];
    let bad = offending_lines(&files, &forbidden);
    assert!(
        bad.is_empty(),
        "NLP layer imports what it must not:\n{}",
        bad.join("\n")
    );
}

#[test]
fn ingest_never_imports_nlp_or_tui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = rust_files(&root.join("ingest"));
    files.push(root.join("ingest.rs"));
    let bad = offending_lines(
        &files,
        &["crate::nlp", "crate::tui", "ratatui", "crossterm"],
    );
    assert!(
        bad.is_empty(),
        "ingest layer imports what it must not:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_sees_a_forbidden_import() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.rs");
    fs::write(
        &file,
        "use crate::tui::App;\n// crate::store:: in a comment is fine\n",
    )
    .unwrap();
    let bad = offending_lines(&[file], &["crate::tui", "crate::store"]);
    assert_eq!(bad.len(), 1, "{bad:?}");
}
