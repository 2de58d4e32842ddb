//! The one gate every outside string passes through before it becomes part of an Article.
//!
//! Removes what could drive a terminal or disguise text: C0 and C1 control
//! characters, whole escape sequences (CSI, OSC including 0/8/52, DCS, SOS, PM,
//! APC and the short ESC forms), bidi overrides and isolates, and other invisible
//! format controls. Line endings become `\n`, tabs become spaces, and
//! whitespace is normalised. Invalid UTF-8 becomes U+FFFD (see [`decode_lossy`]);
//! a `&str` cannot hold a lone surrogate.
//!
//! Guarantee (property-tested): the output never contains ESC, a C0 control
//! other than `\n`, a C1 control, DEL, or a bidi override/isolate. Titles
//! ([`line`]) contain no `\n` either.

/// How the cleaned text is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One line: every run of whitespace (newlines included) becomes one space.
    Line,
    /// A body: paragraphs separated by exactly one blank line (`\n\n`), lines
    /// without trailing spaces, no blank lines at either end.
    Body,
}

/// Cleans a title, name, source, date or URL: one line, no controls.
pub fn line(raw: &str) -> String {
    clean(raw, Layout::Line)
}

/// Cleans an article body: paragraphs kept, no controls.
pub fn body(raw: &str) -> String {
    clean(raw, Layout::Body)
}

/// Bytes from outside to a string: UTF-8 where valid, U+FFFD for each invalid sequence.
pub fn decode_lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A name from outside (a file name, a command-line argument) for a message:
/// invalid UTF-8 becomes U+FFFD, and every control, line break and bidi or
/// invisible format character is shown as a visible escape (`\u{1b}`) rather
/// than dropped, so the user can still tell which file is meant. One line.
pub fn visible(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if is_forbidden(c) || c == '\n' || is_line_separator(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// [`visible`] for an OS string (a path or argument that need not be UTF-8).
pub fn visible_os(raw: &std::ffi::OsStr) -> String {
    visible(&raw.to_string_lossy())
}

/// Characters that end a line on some terminals or in some editors.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// At most `max` characters of `s`; a cut is marked with `…`.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => {
            let mut out = s.get(..cut).unwrap_or(s).trim_end().to_string();
            out.push('…');
            out
        }
    }
}

/// The single cleaning function: strips controls and escape sequences, then lays out.
pub fn clean(raw: &str, layout: Layout) -> String {
    let stripped = strip_controls(raw);
    match layout {
        Layout::Line => collapse_whitespace(&stripped),
        Layout::Body => normalise_paragraphs(&stripped),
    }
}

/// True for characters that must never appear in cleaned output.
pub fn is_forbidden(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\n') || (0x7f..=0x9f).contains(&u) || is_invisible_format(c)
}

/// Bidi embeddings/overrides/isolates and other invisible format controls that can
/// reorder or hide text ("Trojan Source"), plus the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' // LRE RLE PDF LRO RLO
        | '\u{2066}'..='\u{2069}' // LRI RLI FSI PDI
        | '\u{206A}'..='\u{206F}' // deprecated format controls
        | '\u{FEFF}' // BOM / zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation controls
    )
}

/// What kind of escape sequence the scanner is inside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// Just after ESC.
    Escape,
    /// ESC followed by intermediates (0x20..=0x2F): waits for a final byte.
    EscapeIntermediate,
    /// Control Sequence: parameters and intermediates until a final byte 0x40..=0x7E.
    Csi,
    /// OSC, DCS, SOS, PM, APC: a string ended by BEL, ST (ESC \ or U+009C) or a line end.
    ControlString,
    /// ESC seen inside a control string: `\` ends it.
    ControlStringEscape,
}

/// Removes controls and escape sequences; CRLF/CR/NEL/LS/PS become `\n`, tabs spaces.
fn strip_controls(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut state = State::Text;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match state {
            State::Text => match c {
                '\u{1b}' => state = State::Escape,
                '\u{9b}' => state = State::Csi,
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                    state = State::ControlString
                }
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                }
                '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
                '\t' | '\u{0b}' | '\u{0c}' => out.push(' '),
                c if is_forbidden(c) => {}
                c => out.push(c),
            },
            State::Escape => {
                state = match c {
                    '[' => State::Csi,
                    ']' | 'P' | 'X' | '^' | '_' => State::ControlString,
                    '\u{20}'..='\u{2f}' => State::EscapeIntermediate,
                    // A two-character escape (ESC 7, ESC c, ESC M ...): both dropped.
                    '\u{30}'..='\u{7e}' => State::Text,
                    // A lone ESC: drop it, keep what follows.
                    '\u{1b}' => State::Escape,
                    _ => {
                        push_text(&mut out, c);
                        State::Text
                    }
                };
            }
            State::EscapeIntermediate => {
                state = match c {
                    '\u{20}'..='\u{2f}' => State::EscapeIntermediate,
                    '\u{30}'..='\u{7e}' => State::Text,
                    _ => {
                        push_text(&mut out, c);
                        State::Text
                    }
                };
            }
            State::Csi => {
                state = match c {
                    '\u{20}'..='\u{3f}' => State::Csi,
                    '\u{40}'..='\u{7e}' => State::Text,
                    // Not part of a CSI: the sequence was cut short; keep the text.
                    _ => {
                        push_text(&mut out, c);
                        State::Text
                    }
                };
            }
            State::ControlString => match c {
                '\u{07}' | '\u{9c}' => state = State::Text,
                '\u{1b}' => state = State::ControlStringEscape,
                '\n' | '\r' => {
                    out.push('\n');
                    state = State::Text;
                }
                _ => {}
            },
            State::ControlStringEscape => {
                state = match c {
                    '\\' => State::Text,
                    '\u{1b}' => State::ControlStringEscape,
                    _ => State::ControlString,
                };
            }
        }
    }
    out
}

/// Pushes a character that ended an escape sequence early, if it is allowed text.
fn push_text(out: &mut String, c: char) {
    match c {
        '\n' | '\r' => out.push('\n'),
        '\t' => out.push(' '),
        c if is_forbidden(c) => {}
        c => out.push(c),
    }
}

/// One line: every whitespace run becomes a single space, trimmed at both ends.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Paragraphs separated by exactly one blank line; trailing spaces and blank
/// lines at either end removed; single line breaks inside a paragraph kept.
fn normalise_paragraphs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_blank = false;
    for raw_line in s.split('\n') {
        let line = raw_line.trim_end();
        if line.trim_start().is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        pending_blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_csi_colour_and_cursor_sequences() {
        assert_eq!(line("\u{1b}[31mred\u{1b}[0m text"), "red text");
        assert_eq!(line("a\u{1b}[2J\u{1b}[Hb"), "ab");
        assert_eq!(line("a\u{9b}1;2Hb"), "ab");
    }

    #[test]
    fn removes_osc_title_hyperlink_and_clipboard() {
        assert_eq!(line("x\u{1b}]0;pwned\u{07}y"), "xy");
        assert_eq!(
            line("\u{1b}]8;;http://evil\u{1b}\\click\u{1b}]8;;\u{1b}\\"),
            "click"
        );
        assert_eq!(line("a\u{1b}]52;c;ZWNobyBwd25lZA==\u{07}b"), "ab");
        assert_eq!(line("a\u{9d}0;t\u{9c}b"), "ab");
    }

    #[test]
    fn removes_dcs_apc_pm_sos() {
        for intro in ["P", "_", "^", "X"] {
            let s = format!("a\u{1b}{intro}payload\u{1b}\\b");
            assert_eq!(line(&s), "ab", "{intro}");
        }
    }

    #[test]
    fn unterminated_control_string_ends_at_line_end() {
        assert_eq!(body("a\u{1b}]0;title\nnext"), "a\nnext");
    }

    #[test]
    fn removes_short_escapes_and_lone_esc() {
        assert_eq!(line("a\u{1b}cb"), "ab");
        assert_eq!(line("a\u{1b}(Bb"), "ab");
        assert_eq!(line("a\u{1b}"), "a");
    }

    #[test]
    fn removes_c0_c1_del_and_bidi() {
        assert_eq!(line("a\u{0}b\u{7}c\u{7f}d\u{85}e\u{8d}f"), "abcd ef");
        assert_eq!(line("abc\u{202E}fed\u{202C}"), "abcfed");
        assert_eq!(line("\u{2066}x\u{2069}"), "x");
        assert_eq!(line("\u{feff}Title"), "Title");
    }

    #[test]
    fn body_normalises_line_endings_and_paragraphs() {
        assert_eq!(
            body("\r\n\r\nOne\r\nline two  \r\n\r\n\r\n\r\nTwo\rThree\t!\n\n"),
            "One\nline two\n\nTwo\nThree !"
        );
    }

    #[test]
    fn line_collapses_whitespace() {
        assert_eq!(line("  A\n\tB \u{2028} C  "), "A B C");
    }

    #[test]
    fn keeps_ordinary_unicode() {
        let s = "李强 met Алиев — «ok» 👍 e\u{301}";
        assert_eq!(line(s), s);
    }

    #[test]
    fn truncate_on_char_boundaries() {
        assert_eq!(truncate("héllo", 10), "héllo");
        assert_eq!(truncate("héllo wörld", 6), "héllo…");
        assert_eq!(truncate("李强李强", 2), "李强…");
    }

    #[test]
    fn visible_shows_controls_as_escapes_on_one_line() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("a\nb\tc\r"), "a\\nb\\tc\\r");
        assert_eq!(
            visible("\u{9b}2J\u{202e}z\u{2028}"),
            "\\u{9b}2J\\u{202e}z\\u{2028}"
        );
        assert_eq!(visible("李强 é"), "李强 é");
        for c in visible("\u{0}\u{1f}\u{7f}\u{85}\u{9f}\u{2066}\u{feff}").chars() {
            assert!(!is_forbidden(c) && c != '\n', "{c:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn visible_os_marks_invalid_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"a\xff\x1bb");
        assert_eq!(visible_os(name), "a\u{fffd}\\u{1b}b");
    }

    #[test]
    fn decode_lossy_marks_invalid_utf8() {
        assert_eq!(decode_lossy(b"a\xffb"), "a\u{fffd}b");
    }
}
