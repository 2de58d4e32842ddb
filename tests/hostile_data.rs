//! The cache under a hostile file system, through the real binary: a read-only
//! cache file, a folder that cannot be written, a cache path that is a folder or
//! a FIFO, and a full disk (a file-size limit, `ulimit -f`, in a child shell).
//! Each gives one clear line and a non-zero exit, never a crash or a hang, and
//! leaves the existing cache as it was. (The store's own tests cover the same
//! cases below the command line: tests/store_files.rs.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly
#![cfg(unix)]

mod hostile_support;

use hostile_support::assert_printable;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `readout --db DB args...` with a private home, no terminal, killed after 60 s.
fn readout(home: &Path, db: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("XDG_STATE_HOME", home)
        .env("HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child, &format!("{args:?}"))
}

/// Waits for the child at most 60 s (a hang is a failure, not a stuck test).
fn finish(mut child: Child, what: &str) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{what}: still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Exit 1 (not a signal, not a panic), one printable line on stderr containing `expected`.
fn assert_clear_error(out: &Output, what: &str, expected: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what}: {:?} {stderr}",
        out.status
    );
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
    assert_printable(stderr.trim_end(), what);
    assert!(stderr.starts_with("readout: "), "{what}: {stderr}");
    assert!(
        stderr.to_lowercase().contains(expected),
        "{what}: expected {expected:?} in {stderr}"
    );
}

/// A cache with one subscribed feed file, made by the binary itself.
fn healthy_cache(home: &Path, db: &Path) {
    let feed = home.join("feed.xml");
    std::fs::write(
        &feed,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Small</title>\
         <item><title>One</title><link>https://e.example/1</link><description>Text.</description></item>\
         </channel></rss>",
    )
    .unwrap();
    let out = readout(home, db, &["feeds", "add", feed.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
}

/// True when this process can write where permissions say it cannot (root).
fn permissions_are_not_enforced(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let written = std::fs::write(&probe, b"x").is_ok();
    let _ = std::fs::remove_file(&probe);
    written
}

#[test]
fn a_read_only_cache_file_is_a_clear_error_and_untouched() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("readout.db");
    healthy_cache(home.path(), &db);
    let before = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    for args in [
        &["feeds", "add", "https://e.example/new.xml"][..],
        &["feeds", "remove", "https://e.example/none.xml"][..],
        &["refresh"][..],
    ] {
        let out = readout(home.path(), &db, args);
        assert_clear_error(&out, &format!("{args:?}"), "read-only");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the cache changed");
}

#[test]
fn a_folder_that_cannot_be_written_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let locked = home.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let db = if !permissions_are_not_enforced(&locked) {
        locked.join("readout.db")
    } else if !permissions_are_not_enforced(Path::new("/sys")) {
        // Root ignores the mode bits; sysfs refuses new files even to root.
        Path::new("/sys/readout-test.db").to_path_buf()
    } else {
        eprintln!("skipping: running as root with no unwritable folder to try");
        return;
    };
    let out = readout(
        home.path(),
        &db,
        &["feeds", "add", "https://e.example/f.xml"],
    );
    assert_clear_error(&out, "unwritable folder", &db.display().to_string());
    assert!(!db.exists());
}

#[test]
fn a_cache_path_that_is_a_folder_or_a_fifo_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("a-folder.db");
    std::fs::create_dir(&folder).unwrap();
    let out = readout(home.path(), &folder, &["feeds", "list"]);
    assert_clear_error(&out, "folder", "a-folder.db");
    assert!(folder.is_dir());

    let fifo = home.path().join("a-fifo.db");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping the FIFO case: no mkfifo");
        return;
    }
    let out = readout(home.path(), &fifo, &["feeds", "list"]);
    assert_clear_error(&out, "fifo", "a-fifo.db");
}

/// A full disk, as a file-size limit on the process: refresh of a big feed fails
/// with a clear line (not SIGXFSZ), and the cache stays usable with what it had.
#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("readout.db");
    healthy_cache(home.path(), &db);
    let out = readout(home.path(), &db, &["refresh"]);
    assert!(out.status.success(), "{out:?}");
    let size = std::fs::metadata(&db).unwrap().len();
    // A feed far bigger than the room left under the limit.
    let words = "words ".repeat(2_000);
    let items: String = (0..400)
        .map(|i| {
            format!(
                "<item><title>Big {i}</title><link>https://e.example/big/{i}</link>\
                 <description>{i} {words}</description></item>"
            )
        })
        .collect();
    let big = home.path().join("big.xml");
    std::fs::write(
        &big,
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>{items}</channel></rss>"),
    )
    .unwrap();
    let out = readout(home.path(), &db, &["feeds", "add", big.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let before = readout(home.path(), &db, &["feeds", "list"]);
    assert!(before.status.success(), "{before:?}");

    // ulimit -f counts 512-byte blocks in POSIX sh; leave ~256 KB above the cache.
    let blocks = size / 512 + 512;
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f {blocks} && exec \"$0\" --db \"$1\" refresh"
        ))
        .arg(env!("CARGO_BIN_EXE_readout"))
        .arg(&db)
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, "refresh under a file-size limit");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some(),
        "killed by a signal ({:?}) instead of an error: {stdout} {stderr}",
        out.status
    );
    assert_ne!(out.status.code(), Some(101), "panicked: {stderr}");
    assert_printable(&stdout.replace('\n', " "), "refresh output");
    assert_printable(&stderr.replace('\n', " "), "refresh errors");
    let big_line = stdout
        .lines()
        .find(|l| l.contains("Big") || l.contains("big.xml"))
        .unwrap_or_else(|| panic!("no line for the big feed: {stdout} {stderr}"));
    assert!(
        big_line.starts_with("FAIL") && (big_line.contains("space") || big_line.contains("I/O")),
        "{big_line}"
    );
    // Without the limit the cache is intact and holds what it had.
    let after = readout(home.path(), &db, &["feeds", "list"]);
    assert!(after.status.success(), "{after:?}");
    let small = |out: &Output| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.contains("feed.xml"))
            .map(|l| l.contains(" 1 articles"))
    };
    assert_eq!(small(&before), Some(true), "{before:?}");
    assert_eq!(
        small(&after),
        Some(true),
        "the small feed lost articles: {after:?}"
    );
    let out = readout(home.path(), &db, &["refresh"]);
    assert!(out.status.success(), "the cache is still usable: {out:?}");
}
