//! OPML import and export (quick-xml): the common exchange format for subscriptions.
//!
//! Import takes every `<outline>` with an `xmlUrl`; the `text`/`title` of the
//! enclosing outlines (folders) and the `category` attribute become tags.
//! quick-xml does not expand custom entities, so entity bombs stay inert.

use super::sanitize;
use super::subscription::{Imported, Subscription};
use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

/// At most this many enclosing folders become a feed's tags.
const MAX_FOLDER_TAGS: usize = 8;

/// Why an OPML file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum OpmlError {
    #[error("not valid OPML: {0}")]
    Xml(String),
    #[error("not OPML (no <opml> root)")]
    NotOpml,
    #[error("could not write OPML: {0}")]
    Write(String),
}

/// Parses an OPML document (any declared encoding).
pub fn import(bytes: &[u8]) -> Result<Imported, OpmlError> {
    let text = super::feed::decode(bytes, None);
    let mut reader = Reader::from_str(&text);
    let mut imported = Imported::default();
    // One entry per open <outline>: whether it opened a folder; and the open
    // folders' names (so a feed's tags cost O(1), however deep the nesting).
    let mut opened: Vec<bool> = Vec::new();
    let mut folders: Vec<String> = Vec::new();
    let mut saw_opml = false;
    let mut outline_no = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| OpmlError::Xml(sanitize::line(&e.to_string())))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "opml" => saw_opml = true,
            Event::Start(ref e) if e.name().as_ref() == "outline" => {
                outline_no += 1;
                let folder = take_outline(e, outline_no, &folders, &mut imported);
                opened.push(folder.is_some());
                folders.extend(folder);
            }
            Event::Empty(ref e) if e.name().as_ref() == "outline" => {
                outline_no += 1;
                take_outline(e, outline_no, &folders, &mut imported);
            }
            Event::End(e) if e.name().as_ref() == "outline" => {
                let was_folder = opened.pop() == Some(true);
                if was_folder {
                    folders.pop();
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err(OpmlError::NotOpml);
    }
    Ok(imported)
}

/// Records a feed outline; returns the folder name a non-feed outline opens.
fn take_outline(
    e: &BytesStart<'_>,
    number: usize,
    folders: &[String],
    imported: &mut Imported,
) -> Option<String> {
    let mut url = None;
    let mut text = None;
    let mut title = None;
    let mut categories = Vec::new();
    for attr in e.attributes().flatten() {
        let Ok(value) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
            continue;
        };
        match attr.key.as_ref() {
            "xmlUrl" | "xmlurl" => url = Some(value.into_owned()),
            "text" => text = Some(value.into_owned()),
            "title" => title = Some(value.into_owned()),
            "category" => categories.extend(
                value
                    .split(',')
                    .map(|c| c.trim().trim_start_matches('/').to_string()),
            ),
            _ => {}
        }
    }
    let name = title.or(text);
    match url {
        Some(url) => {
            // The outermost folders are the meaningful ones; very deep nesting adds no more.
            let mut tags: Vec<String> = folders.iter().take(MAX_FOLDER_TAGS).cloned().collect();
            tags.extend(categories);
            imported.push(&format!("outline {number}"), &url, name.as_deref(), tags);
            None
        }
        None => name.map(|n| sanitize::line(&n)).filter(|n| !n.is_empty()),
    }
}

/// Writes subscriptions as an OPML 2.0 document; tags go to `category`.
pub fn export(subscriptions: &[Subscription], title: &str) -> Result<String, OpmlError> {
    let err = |e: std::io::Error| OpmlError::Write(e.to_string());
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(err)?;
    w.create_element("opml")
        .with_attribute(("version", "2.0"))
        .write_inner_content(|w| {
            w.create_element("head").write_inner_content(|w| {
                w.create_element("title")
                    .write_text_content(BytesText::new(title))?;
                Ok(())
            })?;
            w.create_element("body").write_inner_content(|w| {
                for sub in subscriptions {
                    let name = sub.title.as_deref().unwrap_or(&sub.url);
                    let mut el = w
                        .create_element("outline")
                        .with_attribute(("type", "rss"))
                        .with_attribute(("text", name))
                        .with_attribute(("title", name))
                        .with_attribute(("xmlUrl", sub.url.as_str()));
                    let categories = sub.tags.join(",");
                    if !categories.is_empty() {
                        el = el.with_attribute(("category", categories.as_str()));
                    }
                    el.write_empty()?;
                }
                Ok(())
            })?;
            Ok(())
        })
        .map_err(err)?;
    let mut out = String::from_utf8_lossy(&w.into_inner()).into_owned();
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline text="Gazette" title="Harbour Gazette" type="rss" xmlUrl="https://gazette.example/rss" category="/local,weekly"/>
      <outline text="World">
        <outline text="Atom" xmlUrl="https://atom.example/feed"></outline>
      </outline>
    </outline>
    <outline text="Top" xmlUrl="http://top.example/feed?a=1&amp;b=2"/>
    <outline text="Bad" xmlUrl="javascript:alert(1)"/>
    <outline text="Script" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>"#;

    #[test]
    fn imports_nested_outlines_with_folder_tags() {
        let imported = import(OPML.as_bytes()).unwrap();
        let subs = &imported.subscriptions;
        assert_eq!(subs.len(), 3);
        assert_eq!(subs[0].url, "https://gazette.example/rss");
        assert_eq!(subs[0].title.as_deref(), Some("Harbour Gazette"));
        assert_eq!(subs[0].tags, ["News", "local", "weekly"]);
        assert_eq!(subs[1].tags, ["News", "World"]);
        assert_eq!(subs[2].url, "http://top.example/feed?a=1&b=2");
        assert!(subs[2].tags.is_empty());
        assert_eq!(imported.problems.len(), 2);
        assert!(imported.problems[0].starts_with("outline 6: javascript:alert(1): only http"));
    }

    #[test]
    fn export_then_import_round_trips() {
        let subs = vec![
            Subscription {
                url: "https://a.example/feed?x=1&y=\"2\"".into(),
                title: Some("A <b> & \"quotes\"".into()),
                tags: vec!["news".into(), "tech".into()],
            },
            Subscription {
                url: "https://b.example/rss".into(),
                title: None,
                tags: vec![],
            },
        ];
        let xml = export(&subs, "readout").unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        let back = import(xml.as_bytes()).unwrap();
        assert!(back.problems.is_empty());
        assert_eq!(back.subscriptions[0], subs[0]);
        assert_eq!(back.subscriptions[1].url, subs[1].url);
    }

    #[test]
    fn not_opml_and_broken_xml_are_errors() {
        assert!(matches!(import(b"<rss></rss>"), Err(OpmlError::NotOpml)));
        assert!(import(b"<opml><body><outline text='x'></body>").is_err());
        assert!(import(b"\x00\x01garbage").is_err());
    }
}
