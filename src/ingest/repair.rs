//! Repairs for feed text that would make a whole feed unreadable over one bad character.
//!
//! feed-rs rejects a document with an invalid XML character reference
//! (`&#xD800;`, `&#0;`), and serde_json rejects a JSON string with a lone
//! surrogate escape (`"\uD800"`). One hostile or broken item should not hide
//! every other item, so both become U+FFFD (a visible placeholder) first.

use std::borrow::Cow;

/// Replaces XML character references to invalid code points with `&#xFFFD;`.
pub fn xml_char_refs(text: &str) -> Cow<'_, str> {
    if !text.contains("&#") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 2..).unwrap_or("");
        // A reference is "&#" digits ";" or "&#x" hex ";"; too many digits overflow: invalid.
        let (radix, digits_from) = match after.as_bytes().first() {
            Some(b'x') | Some(b'X') => (16, 1),
            _ => (10, 0),
        };
        let digits: &str = after.get(digits_from..).unwrap_or("");
        let len = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        let terminated = digits.as_bytes().get(len) == Some(&b';');
        if len > 0 && terminated {
            let valid = digits
                .get(..len)
                .and_then(|d| u32::from_str_radix(d, radix).ok())
                .and_then(char::from_u32)
                .is_some_and(|c| c != '\0');
            let whole = 2 + digits_from + len + 1;
            if valid {
                out.push_str(rest.get(at..at + whole).unwrap_or(""));
            } else {
                out.push_str("&#xFFFD;");
            }
            rest = rest.get(at + whole..).unwrap_or("");
        } else {
            out.push_str("&#");
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Removes XML declarations (`<?xml ...?>`) found after the start of the text.
///
/// A declaration may only come first, and [`super::feed::decode`] has already
/// used and removed that one (the text is UTF-8 by then). A later one that names
/// an encoding makes quick-xml panic inside feed-rs ("set_encoding() called
/// after prefix buffer was drained"), so a 170-byte feed could crash readout
/// (found by the `feed` fuzz target). Other processing instructions
/// (`<?xml-stylesheet ...?>`) are kept.
pub fn misplaced_xml_declarations(text: &str) -> Cow<'_, str> {
    let is_declaration = |at: usize| {
        let head = text.as_bytes().get(at..at + 6);
        head.is_some_and(|h| {
            h.get(..5).is_some_and(|p| p.eq_ignore_ascii_case(b"<?xml"))
                && h.get(5)
                    .is_some_and(|&c| c.is_ascii_whitespace() || c == b'?')
        })
    };
    let starts: Vec<usize> = text
        .match_indices("<?")
        .map(|(at, _)| at)
        .filter(|&at| is_declaration(at))
        .collect();
    if starts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in starts {
        if at < copied {
            continue; // inside a declaration already removed
        }
        let Some(len) = text.get(at..).and_then(|rest| rest.find("?>")) else {
            break; // unterminated: the parser reports it as an error
        };
        out.push_str(text.get(copied..at).unwrap_or(""));
        copied = at + len + 2;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Replaces `\uXXXX` escapes of unpaired surrogates in JSON text with `\uFFFD`.
pub fn json_surrogates(text: &str) -> Cow<'_, str> {
    if !text.contains("\\u") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) != Some(&b'\\') {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) != Some(&b'u') {
            // Any other escape (including `\\`): skip both characters.
            i += 2;
            continue;
        }
        let Some(unit) = hex4(bytes, i + 2) else {
            i += 2;
            continue;
        };
        let is_high = (0xD800..=0xDBFF).contains(&unit);
        let is_low = (0xDC00..=0xDFFF).contains(&unit);
        if is_high {
            let paired = bytes.get(i + 6) == Some(&b'\\')
                && bytes.get(i + 7) == Some(&b'u')
                && hex4(bytes, i + 8).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u));
            if paired {
                i += 12;
                continue;
            }
        }
        if is_high || is_low {
            out.push_str(text.get(copied..i).unwrap_or(""));
            out.push_str("\\uFFFD");
            copied = i + 6;
        }
        i += 6;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Four hex digits at `at`, as a number.
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let s = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_xml_declarations_are_removed_and_other_instructions_kept() {
        let cases = [
            ("<rss>a</rss>", "<rss>a</rss>"),
            (
                "<rss><?xml version=\"1.0\" encoding=\"GB2312\"?>a</rss>",
                "<rss>a</rss>",
            ),
            ("<a><?XML\tencoding='x'?><?xml?>b</a>", "<a>b</a>"),
            (
                "<?xml-stylesheet href=\"s.xsl\"?><a/>",
                "<?xml-stylesheet href=\"s.xsl\"?><a/>",
            ),
            ("<a><?xml encoding='x'", "<a><?xml encoding='x'"),
            ("<a>李<?xml version='1.0'?>强</a>", "<a>李强</a>"),
        ];
        for (input, expected) in cases {
            assert_eq!(misplaced_xml_declarations(input), expected, "{input:?}");
        }
    }

    #[test]
    fn invalid_xml_char_refs_become_replacement() {
        assert_eq!(
            xml_char_refs("a&#xD800;b&#0;c&#1114112;"),
            "a&#xFFFD;b&#xFFFD;c&#xFFFD;"
        );
        assert_eq!(
            xml_char_refs("&#233; &#xe9; &amp; &#"),
            "&#233; &#xe9; &amp; &#"
        );
        assert_eq!(xml_char_refs("&#99999999999999999999;"), "&#xFFFD;");
        assert_eq!(xml_char_refs("plain"), "plain");
    }

    #[test]
    fn lone_json_surrogates_become_replacement() {
        assert_eq!(json_surrogates(r#""a\uD800b""#), r#""a\uFFFDb""#);
        assert_eq!(json_surrogates(r#""\uDC00""#), r#""\uFFFD""#);
        // A proper pair and an escaped backslash stay.
        assert_eq!(json_surrogates(r#""\uD83D\uDE00""#), r#""\uD83D\uDE00""#);
        assert_eq!(json_surrogates(r#""\\uD800""#), r#""\\uD800""#);
        assert_eq!(json_surrogates(r#""\uD800\u0041""#), r#""\uFFFD\u0041""#);
        assert_eq!(json_surrogates(r#""\u12"#), r#""\u12"#);
    }
}
