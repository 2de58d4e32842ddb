//! Every place where text from outside reaches standard output or standard error,
//! fed hostile input through the real binary: file names that are not UTF-8 or
//! carry escape sequences (on the command line, for `readout`, `list`, `extract`,
//! `feeds add/import`, `tag`), CoNLL files full of controls (`tag`, `eval-ner`),
//! feed titles and items (`feeds add`, `refresh`, `feeds list`), and articles
//! (`extract --format text|json`, `list`). Nothing printed may hold a terminal
//! control; names stay recognisable (controls shown as `\u{..}` escapes, invalid
//! UTF-8 as U+FFFD); a file whose name is not UTF-8 is read, not refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly
#![cfg(unix)]

mod hostile_support;

use clap::Parser as _;
use hostile_support::assert_printable;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Every escape a hostile name or text might try, and a byte that is not UTF-8.
const PAYLOAD: &[u8] =
    b"\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\xc2\x9b31m\xe2\x80\xae\x1bPq\x1b\\\xff";

/// Ordinary prose, so ingest does not call a file with a few controls binary.
fn prose() -> String {
    "Ministers met in Baku on Monday and talks went on late into the night. ".repeat(40)
}

/// Runs readout with a private config, data and state folder and no terminal.
fn readout(home: &Path, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("XDG_STATE_HOME", home)
        .env("XDG_CACHE_HOME", home)
        .env("HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("running readout")
}

/// Neither stream holds a terminal control (line breaks and tabs aside), a
/// usage error, or a panic; both are UTF-8.
fn assert_clean(out: &Output, what: &str) {
    let stdout = String::from_utf8(out.stdout.clone())
        .unwrap_or_else(|_| panic!("{what}: stdout not UTF-8: {out:?}"));
    let stderr = String::from_utf8(out.stderr.clone())
        .unwrap_or_else(|_| panic!("{what}: stderr not UTF-8: {out:?}"));
    assert_printable(
        &stdout.replace(['\n', '\t'], " "),
        &format!("{what} stdout"),
    );
    assert_printable(&stderr.replace('\n', " "), &format!("{what} stderr"));
    for bad in ["panicked", "Usage:", "invalid UTF-8"] {
        assert!(!stderr.contains(bad), "{what}: {stderr}");
    }
    assert_ne!(out.status.code(), Some(2), "{what}: usage error: {stderr}");
    assert_ne!(out.status.code(), Some(101), "{what}: panic: {stderr}");
}

/// A file named `prefix` + the payload + `.ext` holding `content`.
fn hostile_file(dir: &Path, prefix: &str, ext: &str, content: &[u8]) -> PathBuf {
    let name = [prefix.as_bytes(), PAYLOAD, b".", ext.as_bytes()].concat();
    let path = dir.join(OsStr::from_bytes(&name));
    std::fs::write(&path, content).unwrap();
    path
}

fn article(headline: &str) -> Vec<u8> {
    let mut text = format!("{headline} ").into_bytes();
    text.extend_from_slice(PAYLOAD);
    text.extend_from_slice(b"\n\nLi Qiang met Ilham Aliyev in Baku. ");
    text.extend_from_slice(PAYLOAD);
    text.extend_from_slice(format!(" {}\n", prose()).as_bytes());
    text
}

#[test]
fn file_names_that_are_not_utf8_parse_as_sources_for_every_command() {
    let name = OsString::from_vec([b"a".as_slice(), PAYLOAD, b".txt"].concat());
    let commands: [&[&str]; 6] = [
        &[],
        &["list"],
        &["extract"],
        &["feeds", "add"],
        &["feeds", "import"],
        &["feeds", "remove"],
    ];
    for command in commands {
        let mut args: Vec<OsString> = vec!["readout".into()];
        args.extend(command.iter().map(OsString::from));
        args.push(name.clone());
        let parsed = readout::cli::Cli::try_parse_from(&args);
        assert!(parsed.is_ok(), "{command:?}: {:?}", parsed.err());
    }
    let args = [
        OsString::from("readout"),
        "tag".into(),
        "--conll".into(),
        name.clone(),
    ];
    assert!(readout::cli::Cli::try_parse_from(args).is_ok());
}

#[test]
fn list_and_extract_read_files_whose_names_are_not_utf8() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_file(dir.path(), "art", "txt", &article("Summit headline"));
    let missing = dir
        .path()
        .join(OsStr::from_bytes(&[b"gone".as_slice(), PAYLOAD].concat()));
    for args in [
        vec![OsStr::new("list"), file.as_os_str(), missing.as_os_str()],
        vec![OsStr::new("list"), OsStr::new("--json"), file.as_os_str()],
        vec![OsStr::new("extract"), file.as_os_str(), missing.as_os_str()],
        vec![
            OsStr::new("extract"),
            OsStr::new("--format"),
            OsStr::new("text"),
            file.as_os_str(),
        ],
    ] {
        let what = format!("{:?}", args.first());
        let out = readout(home.path(), &args);
        assert_clean(&out, &what);
        assert!(out.status.success(), "{what}: {out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Summit headline"), "{what}: {stdout}");
        assert!(!stdout.contains('\u{1b}'), "{what}");
        if args.contains(&missing.as_os_str()) {
            // The missing file is named, recognisably: escapes shown, not run.
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
            assert!(
                stderr.contains("gone\\u{1b}]0;PWNED\\u{7}") && stderr.contains('\u{fffd}'),
                "{what}: name not shown visibly: {stderr}"
            );
        }
    }
}

#[test]
fn the_reader_takes_a_file_name_that_is_not_utf8() {
    // Run without a controlling terminal (setsid), so the reader stops at terminal
    // setup: what matters is that it got that far (the name parsed and the file
    // loaded) instead of a usage error.
    if Command::new("setsid").arg("--version").output().is_err() {
        eprintln!("skipping: no setsid to run the reader without a terminal");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_file(dir.path(), "art", "txt", &article("Reader headline"));
    let out = Command::new("setsid")
        .arg("--wait")
        .arg(env!("CARGO_BIN_EXE_readout"))
        .arg(&file)
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_clean(&out, "readout FILE");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("terminal"), "{:?} {stderr}", out.status);
}

#[test]
fn feeds_add_import_refresh_and_list_print_nothing_hostile() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.db");
    let db_args = |args: &[&OsStr]| -> Vec<OsString> {
        let mut all: Vec<OsString> = vec!["--db".into(), db.clone().into_os_string()];
        all.extend(args.iter().map(|a| a.to_os_string()));
        all
    };
    let run = |args: &[&OsStr]| {
        let all = db_args(args);
        let refs: Vec<&OsStr> = all.iter().map(OsString::as_os_str).collect();
        readout(home.path(), &refs)
    };

    // A feed file (UTF-8 name: the store keys are UTF-8) with a hostile title and items.
    let feed = dir.path().join("hostile.xml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds/hostile.xml"),
        &feed,
    )
    .unwrap();
    let out = run(&[OsStr::new("feeds"), OsStr::new("add"), feed.as_os_str()]);
    assert_clean(&out, "feeds add file");
    assert!(out.status.success(), "{out:?}");

    // A feed file whose name is not UTF-8: refused in one clear line that names it.
    let bad_name = hostile_file(dir.path(), "feed", "xml", &std::fs::read(&feed).unwrap());
    let out = run(&[OsStr::new("feeds"), OsStr::new("add"), bad_name.as_os_str()]);
    assert_clean(&out, "feeds add non-UTF-8 name");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("\\u{1b}]0;PWNED"), "{stderr}");

    // A hostile URL: refused or stored, never echoed raw.
    let url = [b"https://e.example/".as_slice(), PAYLOAD].concat();
    let out = run(&[
        OsStr::new("feeds"),
        OsStr::new("add"),
        OsStr::from_bytes(&url),
    ]);
    assert_clean(&out, "feeds add hostile URL");

    // A subscriptions file whose name is not UTF-8, with hostile lines in it.
    let mut urls = b"https://ok.example/feed.xml\n".to_vec();
    urls.extend_from_slice(&[b"https://x.example/".as_slice(), PAYLOAD, b"\n"].concat());
    urls.extend_from_slice(&[b"javascript:".as_slice(), PAYLOAD, b"\n"].concat());
    let subscriptions = hostile_file(dir.path(), "subs", "urls", &urls);
    let out = run(&[
        OsStr::new("feeds"),
        OsStr::new("import"),
        subscriptions.as_os_str(),
    ]);
    assert_clean(&out, "feeds import");
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("imported"), "{stdout}");
    assert!(
        stdout.contains("\\u{1b}]0;PWNED"),
        "file not named: {stdout}"
    );

    // Refresh reads the file feed (and fails the network ones, offline or not):
    // titles and errors print clean.
    let out = run(&[OsStr::new("refresh")]);
    assert_clean(&out, "refresh");
    let out = run(&[OsStr::new("feeds"), OsStr::new("list")]);
    assert_clean(&out, "feeds list");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("hostile.xml"), "{stdout}");
    assert!(stdout.contains("Evil"), "the feed's title: {stdout}");
    let out = run(&[OsStr::new("feeds"), OsStr::new("export")]);
    assert!(out.status.success(), "{out:?}");
    assert!(!out.stdout.contains(&0x1b), "export holds ESC");
    let out = run(&[
        OsStr::new("feeds"),
        OsStr::new("remove"),
        OsStr::from_bytes(&[b"nope".as_slice(), PAYLOAD].concat()),
    ]);
    assert_clean(&out, "feeds remove");
    assert!(!out.status.success());
}

/// A CoNLL file full of controls: `tag` keeps every line and its columns, adds one,
/// and prints no control; `eval-ner` prints a clean report or one clean line.
#[test]
fn tag_and_eval_ner_echo_no_controls() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut conll = b"-DOCSTART- -X- O O\n\n".to_vec();
    let rows: [&[u8]; 7] = [
        b"Peter NNP B-NP B-PER\n",
        b"\x1b]0;PWNED\x07 NN I-NP O\n",
        b"\x1b[2J\x1b[H\tNN\tI-NP\tO\n",
        b"Blackburn\xe2\x80\xae NNP I-NP I-PER\n",
        b"\xc2\x9b31m NN O O\n",
        b"x\x1b]52;c;cHduZWQ=\x07y NN O O\n",
        b"\x1bPq\x1b\\ NN O B-\x1b]0;X\x07\n",
    ];
    for row in rows {
        conll.extend_from_slice(row);
    }
    conll.extend_from_slice(b"\nLondon NNP B-NP B-LOC\n");
    let file = hostile_file(dir.path(), "data", "conll", &conll);
    let out = readout(
        home.path(),
        &[OsStr::new("tag"), OsStr::new("--conll"), file.as_os_str()],
    );
    assert_clean(&out, "tag");
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let input = String::from_utf8_lossy(&conll);
    assert_eq!(stdout.lines().count(), input.lines().count(), "{stdout}");
    for (given, printed) in input.lines().zip(stdout.lines()) {
        let given_columns = given.split_whitespace().count();
        let printed_columns = printed.split_whitespace().count();
        if given_columns == 0 {
            assert_eq!(printed, "");
        } else {
            assert_eq!(
                printed_columns,
                given_columns + 1,
                "{given:?} -> {printed:?}"
            );
        }
    }
    assert!(stdout.contains("\\u{1b}]0;PWNED\\u{7}"), "{stdout}");

    let out = readout(home.path(), &[OsStr::new("eval-ner"), file.as_os_str()]);
    assert_clean(&out, "eval-ner");
}
