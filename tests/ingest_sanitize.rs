//! Property tests: whatever goes in, sanitised text holds no controls, escapes or bidi overrides.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use proptest::prelude::*;
use readout::ingest::sanitize;

fn assert_clean(s: &str, line: bool) {
    for c in s.chars() {
        let u = c as u32;
        assert!(c != '\u{1b}', "ESC in {s:?}");
        assert!(!(u < 0x20 && c != '\n'), "C0 {u:#x} in {s:?}");
        assert!(!(0x7f..=0x9f).contains(&u), "C1/DEL {u:#x} in {s:?}");
        assert!(
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            "bidi {u:#x} in {s:?}"
        );
        if line {
            assert!(c != '\n', "newline in line {s:?}");
        }
    }
}

/// Text rich in the characters that matter: escapes, controls, bidi, newlines.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}".to_string()),
        Just("\u{1b}[".to_string()),
        Just("\u{1b}]0;".to_string()),
        Just("\u{1b}]8;;".to_string()),
        Just("\u{1b}]52;c;".to_string()),
        Just("\u{1b}P".to_string()),
        Just("\u{1b}\\".to_string()),
        Just("\u{7}".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2067}".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        "[a-z 0-9;\\[\\]]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn any_string_is_clean(s in any::<String>()) {
        assert_clean(&sanitize::body(&s), false);
        assert_clean(&sanitize::line(&s), true);
    }

    #[test]
    fn hostile_strings_are_clean(s in hostile_text()) {
        assert_clean(&sanitize::body(&s), false);
        assert_clean(&sanitize::line(&s), true);
    }

    #[test]
    fn raw_bytes_are_clean(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let s = sanitize::decode_lossy(&bytes);
        assert_clean(&sanitize::body(&s), false);
    }

    #[test]
    fn cleaning_is_idempotent(s in hostile_text()) {
        let once = sanitize::body(&s);
        prop_assert_eq!(sanitize::body(&once), once.clone());
        let line = sanitize::line(&s);
        prop_assert_eq!(sanitize::line(&line), line.clone());
    }

    #[test]
    fn plain_text_passes_unchanged(s in "[A-Za-z0-9 ,.'é李]{1,80}") {
        let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(sanitize::line(&s), expected);
    }
}
