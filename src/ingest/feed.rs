//! Feeds (RSS 2.0, RSS 0.9x, RSS 1.0/RDF, Atom, JSON Feed) to Articles, via feed-rs.
//!
//! The bytes are decoded here first (BOM, then the HTTP charset, then the XML
//! declaration, else UTF-8; any encoding `encoding_rs` knows: ISO-8859-1,
//! windows-1252, GB2312/GBK, Shift_JIS ...) and handed to feed-rs as UTF-8 with
//! the declaration removed, so the HTTP charset can win over a wrong declaration.
//! feed-rs resolves only XML's predefined entities, so entity expansion
//! ("billion laughs") cannot blow up.
//!
//! Each entry becomes a [`FeedItem`]: the clean [`Article`] plus what the store
//! needs to deduplicate (guid, link, a blake3 hash of the text).

use super::dates;
use super::html;
use super::sanitize;
use super::slug::{IdAllocator, feed_item_id};
use crate::article::{Article, Origin};
use encoding_rs::Encoding;
use rayon::prelude::*;

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// Not a feed, or malformed beyond what feed-rs accepts; the reason is sanitised.
    #[error("not a valid feed: {0}")]
    Parse(String),
}

/// One entry of a feed, ready for the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    pub article: Article,
    /// The entry's id/guid as the feed gives it, sanitised; empty when the
    /// feed gives none. (feed-rs would make one up from link and title, which
    /// changes with the title and so would defeat deduplication by link: the
    /// parser is told not to.)
    pub guid: String,
    /// The entry's link, if any (also `article.url`).
    pub link: Option<String>,
    /// blake3 of title and body (hex): "same text" for deduplication, and a
    /// change detector for re-published items.
    pub content_hash: String,
}

/// A parsed feed: its title and link, and its entries in feed order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFeed {
    /// The feed's title, sanitised (the articles' `source`).
    pub title: String,
    /// The feed's web page, if given.
    pub link: Option<String>,
    pub items: Vec<FeedItem>,
}

impl ParsedFeed {
    /// The articles, with ids made unique within one load.
    pub fn into_articles(self, ids: &mut IdAllocator) -> Vec<Article> {
        self.items
            .into_iter()
            .map(|item| {
                let mut article = item.article;
                article.id = ids.unique(&article.id.0);
                article
            })
            .collect()
    }
}

/// Parses feed bytes. `content_type` is the HTTP `Content-Type` (for its charset),
/// `origin` the feed's URL or path (for ids, relative links and the fallback source).
pub fn parse(
    bytes: &[u8],
    content_type: Option<&str>,
    origin: &str,
) -> Result<ParsedFeed, FeedError> {
    let decoded = decode(bytes, content_type);
    let text = if decoded.trim_start().starts_with('{') {
        super::repair::json_surrogates(&decoded)
    } else {
        let declared_once = super::repair::misplaced_xml_declarations(&decoded);
        super::repair::xml_char_refs(&declared_once)
            .into_owned()
            .into()
    };
    let base = origin
        .starts_with("http")
        .then_some(origin)
        .filter(|o| url::Url::parse(o).is_ok());
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base)
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| FeedError::Parse(sanitize::line(&e.to_string())))?;

    let title = feed
        .title
        .as_ref()
        .map(text_to_line)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| sanitize::line(origin));
    let link = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| safe_url(&l.href));
    let origin_clean = sanitize::line(origin);
    // Items are independent; HTML conversion dominates, so convert in parallel
    // (order is kept: an indexed parallel iterator collects in order).
    let items = feed
        .entries
        .into_par_iter()
        .map(|entry| item(entry, &title, &origin_clean, base))
        .collect();
    Ok(ParsedFeed { title, link, items })
}

fn item(entry: feed_rs::model::Entry, source: &str, origin: &str, base: Option<&str>) -> FeedItem {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .and_then(|l| safe_url(&l.href));
    let item_base = link.as_deref().or(base);
    let body = match (&entry.content, &entry.summary) {
        (Some(content), _)
            if content
                .body
                .as_deref()
                .is_some_and(|b| !b.trim().is_empty()) =>
        {
            let raw = content.body.as_deref().unwrap_or("");
            to_body(raw, is_html(content.content_type.as_ref()), item_base)
        }
        (_, Some(summary)) => to_body(
            &summary.content,
            is_html(summary.content_type.as_ref()),
            item_base,
        ),
        _ => String::new(),
    };
    let mut title = entry.title.as_ref().map(text_to_line).unwrap_or_default();
    if title.is_empty() {
        // An untitled item (allowed in RSS): its first words stand in.
        title = body
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ");
    }
    if title.is_empty() {
        title = "(untitled)".to_string();
    }
    let title = sanitize::truncate(&title, super::text_format::MAX_TITLE_CHARS);
    let guid = sanitize::line(&entry.id);
    let date = entry
        .published
        .or(entry.updated)
        .map(|d| dates::utc_rfc3339(&d));
    let content_hash = blake3::hash(format!("{title}\n{body}").as_bytes())
        .to_hex()
        .to_string();
    let licence = entry
        .rights
        .as_ref()
        .map(text_to_line)
        .filter(|r| !r.is_empty());
    let article = Article {
        // The same key the store deduplicates by: guid, else link, else text.
        id: feed_item_id(
            origin,
            if guid.is_empty() {
                link.as_deref().unwrap_or(&content_hash)
            } else {
                &guid
            },
        ),
        title,
        source: source.to_string(),
        date,
        url: link.clone(),
        licence,
        body,
        origin: Origin::Feed(origin.to_string()),
    };
    FeedItem {
        article,
        guid,
        link,
        content_hash,
    }
}

fn is_html(content_type: &str) -> bool {
    content_type.contains("html")
}

/// Content or summary to a body: HTML through the HTML converter, text as is.
fn to_body(raw: &str, html: bool, base: Option<&str>) -> String {
    // Plain-text summaries often still carry markup; a tag means HTML.
    if html || (raw.contains('<') && raw.contains('>')) {
        html::fragment_to_text(raw, base).body()
    } else {
        sanitize::body(raw)
    }
}

/// A feed `Text` (title, rights) to one clean line.
fn text_to_line(text: &feed_rs::model::Text) -> String {
    if is_html(text.content_type.as_ref()) || text.content.contains('<') {
        sanitize::line(&html::fragment_to_text(&text.content, None).text)
    } else {
        sanitize::line(&text.content)
    }
}

/// Keeps only http(s) links, sanitised.
fn safe_url(href: &str) -> Option<String> {
    let clean = sanitize::line(href);
    let parsed = url::Url::parse(&clean).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// Feed bytes to UTF-8 text without an XML declaration.
/// Precedence: BOM, HTTP charset, XML declaration, UTF-8.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, len),
        None => {
            let declared = content_type
                .and_then(charset_of_content_type)
                .or_else(|| xml_declared_encoding(bytes))
                .and_then(|label| Encoding::for_label(label.trim().as_bytes()));
            match declared {
                Some(enc) => (enc, 0),
                // Nothing declared: UTF-8, or a guess when that fails.
                None => {
                    return strip_xml_declaration(&super::file::utf8_or_windows_1252(bytes))
                        .to_string();
                }
            }
        }
    };
    let rest = bytes.get(skip..).unwrap_or(&[]);
    let (text, _) = encoding.decode_without_bom_handling(rest);
    strip_xml_declaration(&text).to_string()
}

/// `charset=...` of a Content-Type header value.
fn charset_of_content_type(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// `encoding="..."` of the XML declaration at the start of the bytes.
fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..512).unwrap_or(bytes);
    // The declaration is ASCII in every ASCII-compatible encoding.
    let head: String = head
        .iter()
        .map(|&b| if b.is_ascii() { b as char } else { ' ' })
        .collect();
    let start = head.trim_start();
    if !start.starts_with("<?xml") {
        return None;
    }
    let decl = &start[..start.find("?>")?];
    let after = &decl[decl.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// Removes a leading `<?xml ...?>` (the text is UTF-8 now, whatever it declared).
fn strip_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start();
    if trimmed.starts_with("<?xml")
        && let Some(end) = trimmed.find("?>")
    {
        return trimmed.get(end + 2..).unwrap_or("");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link>
<item><title>First &amp; foremost</title><link>https://news.example/1</link><guid>id-1</guid>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<description>&lt;p&gt;Hello &lt;a href="/x"&gt;world&lt;/a&gt;&lt;/p&gt;&lt;script&gt;bad()&lt;/script&gt;</description></item>
<item><title>Second</title><link>https://news.example/2</link><description>Plain text.</description></item>
</channel></rss>"#;

    #[test]
    fn rss2_items_become_articles() {
        let feed = parse(RSS.as_bytes(), None, "https://news.example/feed.xml");
        let Ok(feed) = feed else {
            unreachable!("parse failed: {feed:?}")
        };
        assert_eq!(feed.title, "Example News");
        assert_eq!(feed.link.as_deref(), Some("https://news.example/"));
        assert_eq!(feed.items.len(), 2);
        let first = &feed.items[0];
        assert_eq!(first.article.title, "First & foremost");
        assert_eq!(first.article.source, "Example News");
        assert_eq!(
            first.article.date.as_deref(),
            Some("2003-06-10T04:00:00+00:00")
        );
        assert_eq!(first.article.url.as_deref(), Some("https://news.example/1"));
        assert_eq!(first.guid, "id-1");
        assert_eq!(
            first.article.body,
            "Hello world [1]\n\nLinks:\n[1] https://news.example/x"
        );
        assert_eq!(feed.items[1].article.body, "Plain text.");
        assert_ne!(first.content_hash, feed.items[1].content_hash);
        assert_ne!(first.article.id, feed.items[1].article.id);
    }

    #[test]
    fn charset_precedence() {
        assert_eq!(
            charset_of_content_type("text/xml; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            xml_declared_encoding(b"<?xml version='1.0' encoding='gb2312'?><rss/>").as_deref(),
            Some("gb2312")
        );
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>";
        assert_eq!(decode(latin1, None), "<a>café</a>");
        // The HTTP charset wins over the declaration.
        let utf8 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>café</a>";
        assert_eq!(
            decode(utf8.as_bytes(), Some("text/xml; charset=utf-8")),
            "<a>café</a>"
        );
        let gb = b"<?xml version=\"1.0\" encoding=\"GB2312\"?><a>\xd6\xd0\xb9\xfa</a>";
        assert_eq!(decode(gb, None), "<a>中国</a>");
    }

    #[test]
    fn malformed_is_an_error_not_a_panic() {
        assert!(parse(b"not a feed", None, "f").is_err());
        assert!(parse(b"", None, "f").is_err());
    }
}
