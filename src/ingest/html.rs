//! HTML to readable plain text, through a real HTML parser (html5ever via scraper).
//!
//! Paragraphs and list items are kept (a blank line between blocks, one line per
//! item), links are collected and numbered (`text [1]`, then a `Links:` list),
//! images become `[image: alt]`, scripts, styles and other non-content elements
//! are dropped, entities are decoded by the parser.
//!
//! Deep nesting: html5ever builds the tree without recursion and scraper stores it
//! in a flat arena; this walk uses `traverse()` (an iterator of open/close edges)
//! and explicit stacks, so no input depth can overflow the call stack. But
//! html5ever's tree builder scans the stack of open elements on many start tags,
//! so deeply nested input costs time quadratic in the depth (100,000 nested
//! `<div>`s: about two minutes). Input nested deeper than [`MAX_NESTING`] is
//! therefore flattened first by a linear tag stripper ([`flatten`]) that keeps
//! paragraph and line breaks, and only then parsed.

use super::sanitize;
use scraper::{Html, Node};

/// Readable text extracted from an HTML document or fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// `<title>` (or the first `<h1>`), sanitised; empty when there is none.
    pub title: String,
    /// Paragraphs separated by blank lines, link markers `[n]` inline; sanitised.
    pub text: String,
    /// The links, numbered from 1 in order of first appearance; sanitised.
    pub links: Vec<String>,
}

impl HtmlText {
    /// The text followed by the numbered list of links, as an article body.
    pub fn body(&self) -> String {
        if self.links.is_empty() {
            return self.text.clone();
        }
        let mut body = self.text.clone();
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str("Links:");
        for (i, link) in self.links.iter().enumerate() {
            body.push_str(&format!("\n[{}] {}", i + 1, link));
        }
        body
    }
}

/// Nesting deeper than this is flattened before parsing (see the module docs).
pub const MAX_NESTING: usize = 256;

/// Converts an HTML fragment (a feed item's content) to text.
/// `base` resolves relative links (the item's or feed's URL).
pub fn fragment_to_text(html: &str, base: Option<&str>) -> HtmlText {
    if nesting_depth(html) > MAX_NESTING {
        return convert(&Html::parse_fragment(&flatten(html)), base);
    }
    convert(&Html::parse_fragment(html), base)
}

/// Converts a whole HTML document to text, with its title.
pub fn document_to_text(html: &str, base: Option<&str>) -> HtmlText {
    if nesting_depth(html) > MAX_NESTING {
        return convert(&Html::parse_document(&flatten(html)), base);
    }
    convert(&Html::parse_document(html), base)
}

/// A tag found by the linear scanner: byte range, lower-case name, closing or not.
struct Tag {
    start: usize,
    end: usize,
    name: String,
    closing: bool,
    self_closing: bool,
}

/// The next tag at or after `from`: `<name ...>` or `</name>`; comments are
/// returned as a tag named `!--`. `None` when no more tags.
fn next_tag(html: &str, from: usize) -> Option<Tag> {
    let mut pos = from;
    loop {
        let start = pos + html.get(pos..)?.find('<')?;
        let rest = html.get(start + 1..)?;
        if rest.starts_with("!--") {
            let end = rest.find("-->").map_or(html.len(), |e| start + 1 + e + 3);
            return Some(Tag {
                start,
                end,
                name: "!--".to_string(),
                closing: false,
                self_closing: true,
            });
        }
        let closing = rest.starts_with('/');
        let name_part = if closing { rest.get(1..)? } else { rest };
        let name: String = name_part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            pos = start + 1;
            continue;
        }
        let end = rest.find('>').map_or(html.len(), |e| start + 1 + e + 1);
        let self_closing = html.get(start..end).is_some_and(|t| t.ends_with("/>"));
        return Some(Tag {
            start,
            end,
            name,
            closing,
            self_closing,
        });
    }
}

/// Elements that never hold content, or that the parser closes implicitly, so
/// they do not count towards nesting.
fn is_flat(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "hr"
            | "meta"
            | "link"
            | "input"
            | "wbr"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "source"
            | "track"
            | "param"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "!--"
    )
}

/// The deepest tag nesting, approximately (a linear scan, no parsing).
pub fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut pos = 0;
    while let Some(tag) = next_tag(html, pos) {
        pos = tag.end.max(tag.start + 1);
        if is_flat(&tag.name) || tag.self_closing {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Removes all tags in one linear pass, keeping breaks (`<p>`, `<br>`), and
/// dropping hidden elements' content. The result nests no deeper than one level.
pub fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut pos = 0;
    while let Some(tag) = next_tag(html, pos) {
        out.push_str(html.get(pos..tag.start).unwrap_or(""));
        pos = tag.end.max(tag.start + 1);
        let name = tag.name.as_str();
        if name == "title" {
            out.push_str(if tag.closing { "</title>" } else { "<title>" });
            continue;
        }
        if !tag.closing && is_hidden(name) && name != "head" && !tag.self_closing {
            // Skip raw text to the matching close tag (or the end).
            let mut end = html.len();
            let mut at = pos;
            while let Some(i) = html.get(at..).and_then(|r| r.find("</")) {
                let close = at + i;
                let named = html
                    .get(close + 2..close + 2 + name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name));
                if named {
                    end = next_tag(html, close).map_or(html.len(), |t| t.end);
                    break;
                }
                at = close + 2;
            }
            pos = end;
            continue;
        }
        if is_block(name) || name == "p" {
            out.push_str("<p>");
        } else if is_line(name) || name == "br" {
            out.push_str("<br>");
        } else if name == "img" && !tag.closing {
            out.push_str(html.get(tag.start..tag.end).unwrap_or(""));
        } else {
            out.push(' ');
        }
    }
    out.push_str(html.get(pos..).unwrap_or(""));
    out
}

/// Elements whose content is never shown.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "select"
            | "button"
            | "input"
            | "textarea"
    )
}

/// Elements that start and end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "address"
            | "figure"
            | "figcaption"
            | "table"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "hr"
            | "center"
    )
}

/// Elements that start a new line but not a paragraph.
fn is_line(name: &str) -> bool {
    matches!(name, "li" | "tr" | "dt" | "dd" | "caption")
}

/// The break owed before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

/// The text being written, with the break owed before the next word.
struct Writer {
    out: String,
    pending: Break,
}

impl Writer {
    fn owe(&mut self, b: Break) {
        self.pending = self.pending.max(b);
    }

    fn flush(&mut self) {
        // Right after a list marker ("• "), a space is already there.
        if self.pending == Break::Space && self.out.ends_with(' ') {
            self.pending = Break::None;
        }
        if !self.out.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => self.out.push(' '),
                Break::Line => self.out.push('\n'),
                Break::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
    }

    /// Flowing text: whitespace runs become single spaces.
    fn words(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.owe(Break::Space);
        }
        for word in text.split_whitespace() {
            self.flush();
            self.out.push_str(word);
            self.pending = Break::Space;
        }
        if !text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
            self.pending = Break::None;
        }
    }

    /// Preformatted text: kept as is.
    fn verbatim(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(text);
    }

    /// A marker like `• ` or `[1]` glued to what follows or precedes.
    fn marker(&mut self, text: &str) {
        self.flush();
        self.out.push_str(text);
    }
}

/// An open link: its target and where its text started.
struct OpenLink {
    href: Option<String>,
    text_start: usize,
}

fn convert(doc: &Html, base: Option<&str>) -> HtmlText {
    let mut w = Writer {
        out: String::new(),
        pending: Break::None,
    };
    let mut title = String::new();
    let mut first_h1 = String::new();
    let mut links: Vec<String> = Vec::new();
    // Link -> its number, so numbering stays linear with many links.
    let mut link_numbers: std::collections::HashMap<String, usize> = Default::default();
    // Explicit stacks instead of recursion.
    let mut hidden_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut title_depth = 0usize;
    let mut h1_depth = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut open_links: Vec<OpenLink> = Vec::new();

    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "title" {
                        title_depth += 1;
                    }
                    if hidden_depth > 0 || is_hidden(name) {
                        hidden_depth += 1;
                        continue;
                    }
                    match name {
                        "br" => w.owe(Break::Line),
                        "img" => {
                            let alt = el.attr("alt").map(sanitize::line).unwrap_or_default();
                            w.owe(Break::Space);
                            if alt.is_empty() {
                                w.marker("[image]");
                            } else {
                                w.marker(&format!("[image: {alt}]"));
                            }
                            w.owe(Break::Space);
                        }
                        "a" => open_links.push(OpenLink {
                            href: el.attr("href").and_then(|h| resolve(h, base)),
                            text_start: w.out.len(),
                        }),
                        "ul" => lists.push(None),
                        "ol" => lists.push(Some(
                            el.attr("start")
                                .and_then(|s| s.trim().parse::<u64>().ok())
                                .unwrap_or(1),
                        )),
                        "li" => {
                            w.owe(Break::Line);
                            let marker = match lists.last_mut() {
                                Some(Some(n)) => {
                                    let m = format!("{n}. ");
                                    *n = n.saturating_add(1);
                                    m
                                }
                                _ => "• ".to_string(),
                            };
                            w.marker(&marker);
                        }
                        "td" | "th" => w.owe(Break::Space),
                        "pre" => pre_depth += 1,
                        "h1" => h1_depth += 1,
                        _ => {}
                    }
                    if is_block(name) {
                        w.owe(Break::Paragraph);
                    } else if is_line(name) && name != "li" {
                        w.owe(Break::Line);
                    }
                }
                Node::Text(text) => {
                    if title_depth > 0 {
                        title.push_str(text);
                        continue;
                    }
                    if hidden_depth > 0 {
                        continue;
                    }
                    if h1_depth > 0 && first_h1.len() < 1000 {
                        first_h1.push_str(text);
                    }
                    if pre_depth > 0 {
                        w.verbatim(text);
                    } else {
                        w.words(text);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if name == "title" {
                    title_depth = title_depth.saturating_sub(1);
                }
                if hidden_depth > 0 {
                    hidden_depth -= 1;
                    continue;
                }
                match name {
                    "ul" | "ol" => {
                        lists.pop();
                    }
                    "pre" => pre_depth = pre_depth.saturating_sub(1),
                    "h1" => h1_depth = h1_depth.saturating_sub(1),
                    "a" => {
                        if let Some(link) = open_links.pop()
                            && let Some(href) = link.href
                            && w.out.len() > link.text_start
                        {
                            let n = match link_numbers.get(&href) {
                                Some(n) => *n,
                                None => {
                                    links.push(href.clone());
                                    link_numbers.insert(href, links.len());
                                    links.len()
                                }
                            };
                            let pending = w.pending;
                            w.pending = Break::Space;
                            w.marker(&format!("[{n}]"));
                            w.pending = pending;
                        }
                    }
                    _ => {}
                }
                if is_block(name) {
                    w.owe(Break::Paragraph);
                } else if is_line(name) {
                    w.owe(Break::Line);
                }
            }
        }
    }

    let title = match sanitize::line(&title) {
        t if t.is_empty() => sanitize::line(&first_h1),
        t => t,
    };
    HtmlText {
        title,
        text: sanitize::body(&w.out),
        links,
    }
}

/// An absolute http(s)/mailto link, resolving relative ones against `base`.
/// Other schemes (javascript:, data:, file: ...) are dropped.
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = sanitize::line(href);
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let joined = match base.and_then(|b| url::Url::parse(b).ok()) {
        Some(base) => base.join(&href).ok()?,
        None => url::Url::parse(&href).ok()?,
    };
    matches!(joined.scheme(), "http" | "https" | "mailto").then(|| sanitize::line(joined.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_breaks() {
        let t = fragment_to_text(
            "<p>One <b>bold</b> para.</p><p>Two<br>lines</p><ul><li>a</li><li>b</li></ul><ol start=3><li>c</li></ol>",
            None,
        );
        assert_eq!(t.text, "One bold para.\n\nTwo\nlines\n\n• a\n• b\n\n3. c");
    }

    #[test]
    fn links_numbered_and_listed_once() {
        let t = fragment_to_text(
            r#"<p>See <a href="https://a.org/x">this</a> and <a href="/y">that</a>, <a href="https://a.org/x">again</a>.</p>"#,
            Some("https://a.org/feed"),
        );
        assert_eq!(t.text, "See this [1] and that [2], again [1].");
        assert_eq!(t.links, vec!["https://a.org/x", "https://a.org/y"]);
        assert!(
            t.body()
                .ends_with("Links:\n[1] https://a.org/x\n[2] https://a.org/y")
        );
    }

    #[test]
    fn javascript_links_dropped() {
        let t = fragment_to_text(r#"<a href="javascript:alert(1)">x</a>"#, None);
        assert_eq!(t.text, "x");
        assert!(t.links.is_empty());
    }

    #[test]
    fn images_scripts_styles_entities() {
        let t = fragment_to_text(
            r#"<p>A <img src="x.png" alt="a map"> &amp; <img src="y"> &eacute;&#x263A;</p><script>alert("x")</script><style>p{}</style>"#,
            None,
        );
        assert_eq!(t.text, "A [image: a map] & [image] é☺");
    }

    #[test]
    fn document_title_and_h1_fallback() {
        let d = document_to_text(
            "<html><head><title> The  Title </title></head><body><h1>H</h1><p>x</p></body></html>",
            None,
        );
        assert_eq!(d.title, "The Title");
        assert_eq!(d.text, "H\n\nx");
        let d = document_to_text("<body><h1>Only <i>h1</i></h1><p>x</p></body>", None);
        assert_eq!(d.title, "Only h1");
    }

    #[test]
    fn escape_sequences_in_html_are_removed() {
        let t = fragment_to_text("<p>a\u{1b}]0;owned\u{7}b &#27;[31mred</p>", None);
        assert!(!t.text.contains('\u{1b}'));
        assert!(t.text.starts_with("ab"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(fragment_to_text(&html, None).text, "deep");
        let html = format!("{}x", "<span><a href='https://e.org'>".repeat(20_000));
        assert!(fragment_to_text(&html, None).text.starts_with('x'));
    }

    #[test]
    fn nesting_depth_counts_containers_only() {
        assert_eq!(nesting_depth("<div><p>a<p>b<br><img src=x></div>"), 1);
        assert_eq!(nesting_depth("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(nesting_depth("a < b and 3<4"), 0);
    }

    #[test]
    fn flatten_keeps_breaks_and_drops_scripts() {
        let flat = flatten(
            "<div><div><p>One</p><script>x<y</script><ul><li>a<li>b</ul><img alt=m></div></div>",
        );
        let t = fragment_to_text(&flat, None);
        assert_eq!(t.text, "One\n\na\nb\n\n[image: m]");
    }
}
