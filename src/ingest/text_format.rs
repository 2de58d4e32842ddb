//! readout's plain-text article format (also used for Markdown files).
//!
//! ```text
//! Headline on the first line
//!
//! Source: Wikinews
//! Date: 2019-01-23
//! URL: https://en.wikinews.org/wiki/...
//! Licence: CC BY 2.5 (Wikinews)
//!
//! First paragraph of the body.
//!
//! Second paragraph.
//! ```
//!
//! The header lines are optional and may follow the headline directly or after
//! one blank line; they end at the first blank line. Unknown keys are not
//! headers (so a body starting "Note: ..." stays body).

use super::sanitize;

/// Headlines longer than this (in characters) are cut; the full first line
/// then stays in the body, so no text is lost.
pub const MAX_TITLE_CHARS: usize = 300;

/// The fields of an article file, already sanitised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedText {
    pub title: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub body: String,
}

/// Which flavour of text the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    Plain,
    /// Markdown: `#` heading markers are dropped from the headline and headings.
    Markdown,
}

/// Parses an article file's text. `None` when it has no headline (no non-blank line).
pub fn parse(raw: &str, flavour: Flavour) -> Option<ParsedText> {
    // Sanitise first so headers and paragraphs are found on clean text.
    let text = sanitize::body(raw);
    let mut lines = text.split('\n').peekable();
    let first = lines.next()?;
    let full_title = sanitize::line(strip_heading(first, flavour));
    if full_title.is_empty() {
        return None;
    }
    let overlong = full_title.chars().nth(MAX_TITLE_CHARS).is_some();
    let mut parsed = ParsedText {
        title: sanitize::truncate(&full_title, MAX_TITLE_CHARS),
        ..ParsedText::default()
    };
    // At most one blank line between headline and headers.
    if lines.peek().is_some_and(|l| l.is_empty()) {
        lines.next();
    }
    let mut saw_header = false;
    while let Some(next) = lines.peek() {
        match header(next) {
            Some((key, value)) => {
                let value = sanitize::line(value);
                let value = (!value.is_empty()).then_some(value);
                match key {
                    Key::Source => parsed.source = value,
                    Key::Date => parsed.date = value.and_then(|d| iso_date(&d)),
                    Key::Url => parsed.url = value,
                    Key::Licence => parsed.licence = value,
                }
                saw_header = true;
                lines.next();
            }
            None => break,
        }
    }
    if saw_header && lines.peek().is_some_and(|l| l.is_empty()) {
        lines.next();
    }
    let mut rest: Vec<&str> = Vec::new();
    if overlong {
        rest.push(&full_title);
        rest.push("");
    }
    rest.extend(lines);
    let body = match flavour {
        Flavour::Plain => rest.join("\n"),
        Flavour::Markdown => rest
            .iter()
            .map(|l| strip_heading(l, flavour))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    parsed.body = sanitize::body(&body);
    Some(parsed)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Source,
    Date,
    Url,
    Licence,
}

/// `Key: value` for the keys the format knows, case-insensitive.
fn header(line: &str) -> Option<(Key, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = match key.trim().to_ascii_lowercase().as_str() {
        "source" | "publisher" => Key::Source,
        "date" | "published" => Key::Date,
        "url" | "link" => Key::Url,
        "licence" | "license" => Key::Licence,
        _ => return None,
    };
    Some((key, value.trim()))
}

/// Drops Markdown `#` heading markers.
fn strip_heading(line: &str, flavour: Flavour) -> &str {
    match flavour {
        Flavour::Plain => line,
        Flavour::Markdown => {
            let trimmed = line.trim_start_matches('#');
            if trimmed.len() != line.len() && (trimmed.is_empty() || trimmed.starts_with(' ')) {
                trimmed.trim_start()
            } else {
                line
            }
        }
    }
}

/// Keeps a date only when it starts with an ISO `YYYY-MM-DD` day, so dates sort
/// as strings; RFC 2822 dates and the like are converted.
pub fn iso_date(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let iso = bytes.len() >= 10
        && bytes.iter().take(10).enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if iso {
        return Some(value.to_string());
    }
    super::dates::to_rfc3339(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_layout_headline_blank_headers_blank_body() {
        let p = parse(
            "Title here\n\nSource: Wikinews\nDate: 2019-01-23\nURL: https://x.org/a\nLicence: CC BY 2.5\n\nPara one.\n\nPara two.\n",
            Flavour::Plain,
        );
        let p = p.as_ref();
        assert_eq!(p.map(|p| p.title.as_str()), Some("Title here"));
        assert_eq!(p.and_then(|p| p.source.as_deref()), Some("Wikinews"));
        assert_eq!(p.and_then(|p| p.date.as_deref()), Some("2019-01-23"));
        assert_eq!(p.and_then(|p| p.url.as_deref()), Some("https://x.org/a"));
        assert_eq!(p.and_then(|p| p.licence.as_deref()), Some("CC BY 2.5"));
        assert_eq!(p.map(|p| p.body.as_str()), Some("Para one.\n\nPara two."));
    }

    #[test]
    fn headers_directly_after_headline() {
        let p = parse("T\nSource: S\n\nBody", Flavour::Plain);
        assert_eq!(p.as_ref().and_then(|p| p.source.as_deref()), Some("S"));
        assert_eq!(p.as_ref().map(|p| p.body.as_str()), Some("Body"));
    }

    #[test]
    fn no_headers_all_body() {
        let p = parse("T\n\nNote: this is body.\n\nMore.", Flavour::Plain);
        assert_eq!(p.as_ref().and_then(|p| p.source.clone()), None);
        assert_eq!(
            p.as_ref().map(|p| p.body.as_str()),
            Some("Note: this is body.\n\nMore.")
        );
    }

    #[test]
    fn empty_or_blank_has_no_headline() {
        assert_eq!(parse("", Flavour::Plain), None);
        assert_eq!(parse("\n \n\t\n", Flavour::Plain), None);
        assert_eq!(parse("\u{1b}[31m\u{1b}[0m", Flavour::Plain), None);
    }

    #[test]
    fn overlong_headline_is_cut_and_kept_in_body() {
        let line = "word ".repeat(200);
        let p = parse(&format!("{line}\n\nBody."), Flavour::Plain);
        let p = p.as_ref();
        assert_eq!(p.map(|p| p.title.chars().count()), Some(MAX_TITLE_CHARS));
        assert_eq!(p.map(|p| p.body.ends_with("word\n\nBody.")), Some(true));
    }

    #[test]
    fn markdown_heading_markers_dropped() {
        let p = parse("# Big news\n\n## Part\n\nText #1", Flavour::Markdown);
        assert_eq!(p.as_ref().map(|p| p.title.as_str()), Some("Big news"));
        assert_eq!(p.as_ref().map(|p| p.body.as_str()), Some("Part\n\nText #1"));
    }

    #[test]
    fn non_iso_dates_converted_or_dropped() {
        assert_eq!(iso_date("2025-04-23").as_deref(), Some("2025-04-23"));
        assert_eq!(
            iso_date("Wed, 23 Apr 2025 10:00:00 +0000").as_deref(),
            Some("2025-04-23T10:00:00+00:00")
        );
        assert_eq!(iso_date("yesterday"), None);
    }
}
