//! The binary's edges under hostile input: whatever a file name, an argument, a
//! config file or a source holds, readout prints one clear line per failure with no
//! control sequence in it, exits non-zero instead of panicking, and writes nothing
//! to the terminal when it fails before the reader starts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

mod hostile_support;

use hostile_support::assert_printable;
use proptest::prelude::*;
use readout::tui::keymap::Keymap;
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const NASTY: &str = "x\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m\u{202e}y";

/// Runs readout with a private config folder and no terminal.
fn readout(config: &Path, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", config)
        .env("XDG_STATE_HOME", config)
        .env("HOME", config)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("running readout")
}

/// A failure: non-zero exit (not a signal or a panic), one printable line on stderr.
fn assert_one_clean_error(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some_and(|c| c != 0 && c != 101),
        "{what}: exit {:?}, stderr {stderr:?}",
        out.status
    );
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr:?}");
    assert_printable(stderr.trim_end(), what);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
}

fn write_keymap(config: &Path, bytes: &[u8]) {
    let dir = config.join("readout");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keymap.toml"), bytes).unwrap();
}

#[test]
fn hostile_keymap_files_give_one_clean_line_and_leave_the_terminal_alone() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("binary", b"\x00\x01\x02\xff\xfe".to_vec()),
        ("invalid utf-8", b"[global]\nquit = [\"\xff\"]\n".to_vec()),
        (
            "escape in a key name",
            format!("[global]\nquit = [\"{}\"]\n", NASTY.escape_unicode()).into_bytes(),
        ),
        (
            "escape in a TOML escape",
            b"[global]\nquit = [\"\\u001b]0;PWNED\\u0007\"]\n".to_vec(),
        ),
        (
            "escape in a section",
            b"[\"\\u001b]2;PWNED\\u0007\"]\nquit = [\"q\"]\n".to_vec(),
        ),
        (
            "escape in an action",
            b"[global]\n\"\\u001b[2J\\u009b31m\" = [\"q\"]\n".to_vec(),
        ),
        (
            "raw escape in a bad line",
            format!("[global]\nquit = {NASTY}\n").into_bytes(),
        ),
        (
            "deeply nested arrays",
            format!("a = {}", "[".repeat(100_000)).into_bytes(),
        ),
        (
            "deeply nested tables",
            format!("a = {}", "{b = ".repeat(100_000)).into_bytes(),
        ),
        (
            "huge",
            "# comment\n"
                .repeat(2_000_000)
                .into_bytes()
                .into_iter()
                .chain(b"[nope]".iter().copied())
                .collect(),
        ),
    ];
    for (what, bytes) in cases {
        let config = tempfile::tempdir().unwrap();
        write_keymap(config.path(), &bytes);
        let out = readout(config.path(), &[]);
        assert_one_clean_error(&out, what);
        assert!(
            out.stdout.is_empty(),
            "{what}: wrote to the terminal before failing: {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn hostile_arguments_give_one_clean_line() {
    let config = tempfile::tempdir().unwrap();
    let missing = format!("/nonexistent/{NASTY}.txt");
    let cases: Vec<(&str, Vec<&OsStr>)> = vec![
        ("country", vec![OsStr::new("--country"), OsStr::new(NASTY)]),
        (
            "list country",
            vec![
                OsStr::new("list"),
                OsStr::new("--country"),
                OsStr::new(NASTY),
            ],
        ),
        (
            "eval-ner file",
            vec![OsStr::new("eval-ner"), OsStr::new(&missing)],
        ),
        (
            "tag file",
            vec![
                OsStr::new("tag"),
                OsStr::new("--conll"),
                OsStr::new(&missing),
            ],
        ),
        (
            "tag model",
            vec![
                OsStr::new("tag"),
                OsStr::new("--conll"),
                OsStr::new("/dev/null"),
                OsStr::new("--model"),
                OsStr::new(&missing),
            ],
        ),
        (
            "extract file",
            vec![OsStr::new("extract"), OsStr::new(&missing)],
        ),
    ];
    for (what, args) in cases {
        let out = readout(config.path(), &args);
        assert_one_clean_error(&out, what);
    }
}

#[cfg(unix)]
#[test]
fn list_names_hostile_files_cleanly() {
    use std::os::unix::ffi::OsStrExt;
    let config = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir
        .path()
        .join(OsStr::from_bytes(b"bin\x1b]0;PWNED\x07\xff.txt"));
    std::fs::write(&bad, b"\x00\x01binary").unwrap();
    let good = dir
        .path()
        .join(OsStr::from_bytes(b"ok\x1b]2;PWNED\x07\xfe.txt"));
    // Prose keeps the file under ingest's "1 control in 100 characters is binary" rule.
    let prose = "Talks went on late into the night in Baku. ".repeat(40);
    std::fs::write(
        &good,
        format!("Head {NASTY}\n\nBody {NASTY} text. {prose}").as_bytes(),
    )
    .unwrap();
    let missing = format!("/nonexistent/{NASTY}");
    for json in [false, true] {
        let mut args = vec![
            OsStr::new("list"),
            dir.path().as_os_str(),
            OsStr::new(&missing),
        ];
        if json {
            args.push(OsStr::new("--json"));
        }
        let out = readout(config.path(), &args);
        assert!(out.status.success(), "{out:?}");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 messages");
        assert_printable(&stdout.replace(['\n', '\t'], " "), "list output");
        assert_printable(&stderr.replace('\n', " "), "list messages");
        assert_eq!(
            stderr.lines().count(),
            2,
            "one line per failed source: {stderr}"
        );
        assert!(stdout.contains("Head"), "{stdout}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(hostile_support::cases(512)))]

    /// Any text as a keymap file: a keymap or one printable error, never a panic.
    #[test]
    fn any_keymap_text_is_a_keymap_or_a_clean_error(text in any::<String>()) {
        if let Err(err) = Keymap::with_user(&text) {
            let message = err.to_string();
            prop_assert!(!message.contains('\n'), "{message:?}");
            assert_printable(&message, "keymap error");
        }
    }

    /// TOML-shaped text with hostile strings where names go.
    #[test]
    fn toml_shaped_keymaps_are_a_keymap_or_a_clean_error(
        section in prop_oneof![Just("global".to_string()), Just("list".to_string()), any::<String>()],
        action in prop_oneof![Just("quit".to_string()), Just("open".to_string()), any::<String>()],
        keys in prop::collection::vec(prop_oneof![Just("q".to_string()), Just("ctrl-x".to_string()), any::<String>()], 0..4),
    ) {
        let quote = |s: &str| format!("\"{}\"", s.escape_unicode());
        let text = format!(
            "[{}]\n{} = [{}]\n",
            quote(&section),
            quote(&action),
            keys.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ")
        );
        if let Err(err) = Keymap::with_user(&text) {
            assert_printable(&err.to_string(), "keymap error");
        }
    }
}
