//! Loading files and folders: formats, ordering, ids, and files that are not articles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use readout::article::Origin;
use readout::ingest::{self, file::MAX_FILE_BYTES};
use std::fs;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    if let Some(parent) = dir.join(name).parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(dir.join(name), bytes).unwrap();
}

fn load(paths: &[&Path]) -> ingest::Loaded {
    let sources: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    ingest::load(&sources)
}

#[test]
fn folder_loads_txt_md_html_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.txt",
        b"Second\n\nSource: S\nDate: 2024-01-02\n\nBody b.",
    );
    write(dir.path(), "a.md", b"# First\n\nBody *a*.");
    write(dir.path(), "sub/c.html", b"<html><head><title>Third</title></head><body><p>Body c.</p><script>x()</script></body></html>");
    write(dir.path(), "sub/ignored.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(dir.path(), ".hidden.txt", b"Hidden\n\nx");
    let loaded = load(&[dir.path()]);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["First", "Second", "Third"]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let b = &loaded.articles[1];
    assert_eq!(b.id.0, "b");
    assert_eq!(b.source, "S");
    assert_eq!(b.date.as_deref(), Some("2024-01-02"));
    assert_eq!(b.body, "Body b.");
    assert!(matches!(b.origin, Origin::File(_)));
    assert_eq!(loaded.articles[2].body, "Body c.");
}

#[test]
fn binary_and_empty_files_are_named_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", b"Good\n\nBody.");
    write(
        dir.path(),
        "bin.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
    );
    write(dir.path(), "empty.txt", b"");
    let loaded = load(&[dir.path()]);
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.contains("bin.txt") && p.contains("not text"))
    );
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.contains("empty.txt") && p.contains("no headline"))
    );
}

#[test]
fn missing_path_is_one_clear_problem() {
    let loaded = ingest::load(&["/no/such/readout/file.txt".to_string()]);
    assert!(loaded.articles.is_empty());
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].starts_with("/no/such/readout/file.txt: cannot read"));
}

#[test]
fn too_large_file_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    // Sparse: 100 MB on paper, nothing on disk.
    file.set_len(100 * 1024 * 1024).unwrap();
    let loaded = load(&[&path]);
    assert!(loaded.articles.is_empty());
    assert_eq!(loaded.problems.len(), 1);
    assert!(
        loaded.problems[0].contains("too large"),
        "{}",
        loaded.problems[0]
    );
    assert!(loaded.problems[0].contains(&MAX_FILE_BYTES.to_string()));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/x.txt", b"X\n\nbody");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    let loaded = load(&[dir.path()]);
    assert_eq!(loaded.articles.len(), 1);
}

#[test]
fn duplicate_names_get_distinct_stable_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one/note.txt", b"A\n\nx");
    write(dir.path(), "two/note.txt", b"B\n\ny");
    let first = load(&[dir.path()]);
    let second = load(&[dir.path()]);
    let ids: Vec<_> = first.articles.iter().map(|a| a.id.0.clone()).collect();
    assert_eq!(ids, ["note", "note-2"]);
    let again: Vec<_> = second.articles.iter().map(|a| a.id.0.clone()).collect();
    assert_eq!(ids, again);
}

#[test]
fn hostile_names_and_text_are_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "evil\u{1b}]0;x\u{7}.txt",
        "Title \u{1b}[2J\u{202e}gnp.exe\n\nSource: \u{1b}]52;c;Zm9v\u{7}Feed\n\nBody\u{9b}31m text\r\nline".as_bytes(),
    );
    write(dir.path(), "bad\u{1b}[31m.txt", b"");
    let loaded = load(&[dir.path()]);
    let a = &loaded.articles[0];
    assert_eq!(a.title, "Title gnp.exe");
    assert_eq!(a.source, "Feed");
    assert_eq!(a.body, "Body text\nline");
    for p in &loaded.problems {
        assert!(!p.contains('\u{1b}'), "{p:?}");
    }
    assert_eq!(loaded.problems.len(), 1);
}
