//! Effects: what `update` asks the runtime to do outside the app state
//! (open a browser, write the clipboard, persist read state, refresh feeds),
//! and the pure parts of doing them safely.

use crate::article::ArticleId;
use base64::Engine;

/// Work for the runtime; its outcome comes back as an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Remember that an article was read or marked unread.
    SetRead { article: ArticleId, read: bool },
    /// Remember that an article was starred or unstarred.
    SetStarred { article: ArticleId, starred: bool },
    /// Open a link in the browser (never through a shell).
    OpenUrl(String),
    /// Put text on the clipboard with OSC 52.
    CopyToClipboard(String),
    /// Fetch every subscribed feed in the background.
    Refresh,
}

/// Why a link was not opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LinkError {
    #[error("only http, https and mailto links are opened")]
    Scheme,
    #[error("the link contains spaces or control characters")]
    Unsafe,
    #[error("no browser: set $BROWSER")]
    NoBrowser,
}

/// The link, if it is one readout may hand to a browser: http, https or
/// mailto, with no whitespace or control characters.
pub fn checked_link(url: &str) -> Result<&str, LinkError> {
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkError::Unsafe);
    }
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https" | "mailto") => Ok(url),
        _ => Err(LinkError::Scheme),
    }
}

/// The program and arguments that open `url`: the first entry of `$BROWSER`
/// (a colon-separated list, `%s` replaced by the link, else the link appended),
/// or the platform opener. An argument list: no shell ever sees the link.
pub fn browser_command(
    url: &str,
    browser_env: Option<&str>,
) -> Result<(String, Vec<String>), LinkError> {
    let url = checked_link(url)?;
    let entry = browser_env
        .and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()))
        .map(str::to_string);
    let entry = entry.unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open".into()
        } else {
            "xdg-open".into()
        }
    });
    let mut words = entry.split_whitespace().map(str::to_string);
    let program = words.next().ok_or(LinkError::NoBrowser)?;
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        for arg in &mut args {
            *arg = arg.replace("%s", url);
        }
    } else {
        args.push(url.to_string());
    }
    Ok((program, args))
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text is
/// base64-encoded, so nothing in it can end or extend the sequence.
pub fn osc52(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(clean)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_open() {
        let cases = [
            ("https://example.com/a?b=c", true),
            ("HTTP://example.com", true),
            ("mailto:a@example.com", true),
            ("file:///etc/passwd", false),
            ("javascript:alert(1)", false),
            ("example.com", false),
            ("https://example.com/\nrm -rf", false),
            ("https://example.com/ x", false),
            ("", false),
        ];
        for (url, ok) in cases {
            assert_eq!(checked_link(url).is_ok(), ok, "{url:?}");
        }
    }

    #[test]
    fn browser_gets_the_link_as_one_argument() {
        let hostile = "https://example.com/$(touch${IFS}x);`id`'\"&&a|b";
        let (program, args) = browser_command(hostile, Some("firefox --new-tab")).unwrap();
        assert_eq!(program, "firefox");
        assert_eq!(args, vec!["--new-tab".to_string(), hostile.to_string()]);
        let (program, args) = browser_command("https://a.example", Some(":w3m %s:lynx")).unwrap();
        assert_eq!(
            (program.as_str(), args),
            ("w3m", vec!["https://a.example".into()])
        );
        let (program, _) = browser_command("https://a.example", None).unwrap();
        assert!(!program.is_empty());
        assert_eq!(
            browser_command("ftp://a.example", None),
            Err(LinkError::Scheme)
        );
    }

    #[test]
    fn clipboard_sequence_cannot_be_broken_out_of() {
        let seq = osc52("https://e.example/\x07\x1b]0;pwned\x07");
        assert!(seq.starts_with("\x1b]52;c;"));
        assert_eq!(seq.matches('\x1b').count(), 1);
        assert_eq!(seq.matches('\x07').count(), 1);
        assert!(seq.ends_with('\x07'));
    }
}
